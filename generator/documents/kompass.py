"""The whole Kommunekompass in the utviklingsstrategi: point tables, fokusområder, normal range.

Everything is data: area and fokusområde names, the sub-questions and their maximum,
the averages and the normal range come from the workbook, since Kompass versions differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.domain import KompassOmråde
from ..model.styringsdata import Styringsdata
from ..texts import _

AREA_MAX = 100  # every Kompass area scores 0–100


@dataclass(frozen=True)
class Delspørsmål:
    spørsmål: str
    poeng: float
    maks: float


@dataclass(frozen=True)
class Poengtabell:
    """One area's sub-questions with their sum (checked against the area's score)."""

    nr: int
    navn: str
    tabell: int  # caption number
    rader: list[Delspørsmål]

    @property
    def poeng(self) -> float:
        return sum(r.poeng for r in self.rader)

    @property
    def maks(self) -> float:
        return sum(r.maks for r in self.rader)


@dataclass(frozen=True)
class Fokusområde:
    """A group of Kompass areas (e.g. «Styring og økonomi»), in order of first appearance."""

    navn: str
    områder: list[KompassOmråde]

    @property
    def områdenavn(self) -> str:
        return ", ".join(f"{a.nr}. {a.navn}" for a in self.områder)

    @property
    def poeng(self) -> float:
        return sum(a.poeng for a in self.områder)

    @property
    def snitt_nasjonalt(self) -> float:
        return sum(a.snitt_nasjonalt for a in self.områder)

    @property
    def snitt_gruppe(self) -> float:
        return sum(a.snitt_gruppe for a in self.områder)

    @property
    def maks(self) -> int:
        return AREA_MAX * len(self.områder)


def fokusområder(areas: list[KompassOmråde]) -> list[Fokusområde]:
    """The areas grouped by their Fokusområde column (names matched ignoring case)."""
    groups: dict[str, Fokusområde] = {}
    for a in areas:
        if a.fokusområde:
            key = " ".join(a.fokusområde.split()).casefold()
            groups.setdefault(key, Fokusområde(a.fokusområde, [])).områder.append(a)
    return list(groups.values())


def placement(total: float, fra: float | None, til: float | None) -> str | None:
    """Where the total lies against the normal range, as a sentence part."""
    if fra is None or til is None:
        return None
    if total < fra:
        return _("under normalområdet")
    return _("over normalområdet") if total > til else _("innenfor normalområdet")


def context(data: Styringsdata, areas: list[KompassOmråde]) -> dict[str, Any]:
    """The template variables for the Kompass chapter beyond the area table."""
    inn = data.innstillinger
    groups = fokusområder(areas)
    first_table = 3 if groups else 2  # Tabell 1 is the area table, 2 the fokusområder
    tables: list[Poengtabell] = []
    for a in areas:
        rows = [Delspørsmål(q.spørsmål, q.poeng, q.maks_poeng)
                for q in data.kompass_spørsmål if q.område_nr == a.nr]
        if rows:
            tables.append(Poengtabell(a.nr, a.navn, first_table + len(tables), rows))
    total = sum(a.poeng for a in areas)
    where = placement(total, inn.normalområde_fra, inn.normalområde_til)
    return {
        "maks_total": AREA_MAX * len(areas),
        "fokusområder": groups,
        "poengtabeller": tables,
        "normalområde": None if where is None else {
            "fra": inn.normalområde_fra, "til": inn.normalområde_til, "plassering": where},
    }
