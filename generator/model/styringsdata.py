"""Styringsdata: everything read from the workbooks, with the lookups the documents share."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..texts import _, in_nynorsk
from .ansvar import Ansvar
from .domain import (
    Bidrag,
    Delstrategi,
    DelstrategiInnhold,
    Enhet,
    Forkortelse,
    Gruppe,
    Innstillinger,
    Investeringsprosjekt,
    Kapittel,
    Kommune,
    KompassOmråde,
    KompassSpørsmål,
    Leder,
    Lederavtale,
    Milepæl,
    Mål,
    Målresultat,
    Møte,
    Nøkkeltall,
    Oppdrag,
    Oppdragsstatus,
    Prioritering,
    Rammeområde,
    Risiko,
    Status,
    Styringsdialog,
    Tekster,
    Tertialtekst,
    Vedtak,
    Økonomilinje,
)

if TYPE_CHECKING:
    from .runde import Rapportering


@dataclass(frozen=True)
class Styringsdata:
    """Everything read from the workbooks, validated and cross-checked."""

    kommune: Kommune
    innstillinger: Innstillinger
    tekster: Tekster
    prioriteringer: list[Prioritering]
    forkortelser: list[Forkortelse]
    enheter: list[Enhet]
    årshjul: list[Møte]
    styringsdialog: list[Styringsdialog]
    mål: list[Mål]
    oppdrag: list[Oppdrag]
    målresultater: list[Målresultat]
    oppdragsstatus: list[Oppdragsstatus]
    rammeområder: list[Rammeområde]
    økonomi: list[Økonomilinje]
    nøkkeltall: list[Nøkkeltall]
    tertialtekster: list[Tertialtekst]
    risikoer: list[Risiko]
    kompass: list[KompassOmråde]
    kompass_spørsmål: list[KompassSpørsmål]
    delstrategier: list[Delstrategi]
    delstrategi_innhold: list[DelstrategiInnhold]
    ledere: list[Leder]
    lederavtaler: list[Lederavtale]
    bidrag: list[Bidrag]
    grupper: list[Gruppe] = field(default_factory=list)
    kapitler: list[Kapittel] = field(default_factory=list)
    vedtak: list[Vedtak] = field(default_factory=list)
    investeringsprosjekter: list[Investeringsprosjekt] = field(default_factory=list)
    milepæler: list[Milepæl] = field(default_factory=list)
    #: (choice type, value) → the word the workbook first wrote for it («Medarbeiderne» for
    #: medarbeidere, «Grønt» for grønn): the documents show the municipality's own word.
    #: How a value is spelled is no fact of its own: data typed otherwise compares equal.
    skrivemåter: dict[tuple[type, str], str] = field(default_factory=dict, compare=False,
                                                     repr=False)
    #: The reporting round's answers for a tertial, each with its author (read from
    #: ``runde/<år>-t<n>/inn``; see :mod:`generator.model.runde`); None without a round.
    rapportering: Rapportering | None = field(default=None, compare=False, repr=False)

    def ord(self, value: enum.Enum, stor: bool = True) -> str:
        """A choice (perspective, status …) as the workbook wrote it (its first spelling),
        else its standard name; ``stor``: with a capital first letter, for a heading or cell."""
        standard = str(value.value)
        word = self.skrivemåter.get((type(value), standard))
        if word is None or _standard_word(word, standard):  # the product's own word for it
            word = _(standard.capitalize()) if stor else _(standard)
            return word  # in the målform of the documents
        return word[:1].upper() + word[1:] if stor else word

    def milepæler_for(self, oppdrag: Oppdrag | None = None) -> list[Milepæl]:
        """The milestones of an oppdrag (or, with None, of the projects: those whose
        Oppdrag/prosjekt is no oppdrag's number), by the date they imply, then by Nr."""
        from .domain import frist_orden

        numbers = {o.nr for o in self.oppdrag}
        if oppdrag is None:
            rows = [mp for mp in self.milepæler if mp.oppdrag_nr not in numbers]
        else:
            rows = [mp for mp in self.milepæler if mp.oppdrag_nr == oppdrag.nr]
        år = self.kommune.år

        def order(mp: Milepæl) -> tuple:
            return (mp.oppdrag.casefold() if oppdrag is None else "", frist_orden(mp.dato, år),
                    mp.nr is None, mp.nr or 0)

        return sorted(rows, key=order)

    @cached_property
    def ansvar(self) -> Ansvar:
        """The one resolver of HA/DA entries to leaders (see :mod:`generator.model.ansvar`)."""
        return Ansvar(self)

    @cached_property
    def _enheter(self) -> dict[str, Enhet]:
        return {e.kode.casefold(): e for e in self.enheter}

    @cached_property
    def _ledere(self) -> dict[str, Leder]:
        return {ld.id.casefold(): ld for ld in self.ledere}

    @cached_property
    def _bidrag(self) -> dict[str, list[Bidrag]]:
        out: dict[str, list[Bidrag]] = {}
        for b in self.bidrag:
            out.setdefault(b.leder_id.casefold(), []).append(b)
        return out

    def enhet(self, kode: str | None) -> Enhet | None:
        """The unit with this code (codes match ignoring case, as in validation)."""
        return self._enheter.get(kode.casefold()) if kode else None

    def leder(self, leder_id: str | None) -> Leder | None:
        return self._ledere.get(leder_id.casefold()) if leder_id else None

    def avtaleleder(self, avtale: Lederavtale) -> Leder:
        """The leader an agreement is for (validation has made sure there is one)."""
        leder = self.leder(avtale.leder_id)
        if leder is None:
            raise LookupError(f"lederen «{avtale.leder_id}» finnes ikke i arket Ledere")
        return leder

    def overordnet(self, leder: Leder) -> Leder:
        """The leader's nearest superior (validation has made sure every agreement has one)."""
        sjef = self.leder(leder.overordnet)
        if sjef is None:
            raise LookupError(f"{leder.navn} har ingen overordnet i arket Ledere")
        return sjef

    def bidrag_for(self, leder: Leder) -> list[Bidrag]:
        """The leader's contributions to oppdrag (sheet Bidrag)."""
        return self._bidrag.get(leder.id.casefold(), [])

    def risikostatus(self, risiko: Risiko) -> Status:
        """The risk's colour from RF and the thresholds in Innstillinger."""
        gul, rød = self.innstillinger.risikoterskler
        if risiko.rf >= rød:
            return Status.RØD
        if risiko.rf >= gul:
            return Status.GUL
        return Status.GRØNN

    def oppdrag_for(self, leder: Leder) -> list[tuple[Oppdrag, str]]:
        """The oppdrag whose HA or DA resolves to the leader, with the role (HA wins)."""
        return self.ansvar.oppdrag_for(leder)


def _standard_word(word: str, standard: str) -> bool:
    """A spelling that is the standard word in either målform («rød» or «raud»): shown in
    the documents' målform, not as typed (a bokmål workbook with a nynorsk value mixed in
    makes the same documents)."""
    forms = {standard, standard.capitalize(), in_nynorsk(standard) or "",
             in_nynorsk(standard.capitalize()) or ""}
    return word.casefold() in {f.casefold() for f in forms if f}
