"""Plausibility: values that are valid but probably typed wrong get a MERKNAD with the cell.

A date outside the plan year (a meeting dated 10.06.2013 in the 2025 workbook), a deadline
years before it, a budget line a thousand times its neighbours, a result over 100 %. Nothing
here refuses a value: the adviser decides.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from datetime import date

from .. import model as m
from ..model.domain import frist_dato
from ..norsk import prosent

Note = Callable[[object, str | None, str], None]
OUTLIER = 100  # a figure this many times the typical one of its kind (or its budget) is suspect
LATEST_DEADLINE = 4  # years after the plan year a deadline may plausibly lie


def _d(value: date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def check_plausible(d: m.Styringsdata, note: Note) -> None:
    if d.kommune is None:
        return
    år = d.kommune.år

    def outside(obj: object, field: str, value: date | None, what: str,
                years: range) -> None:
        if value is not None and value.year not in years:
            note(obj, field, f"{what} {_d(value)} ligger utenfor dokumentåret {år}; står det "
                 "riktig år?")

    this_year = range(år, år + 1)
    for møte in d.årshjul:
        outside(møte, "dato", møte.dato, "møtedatoen", this_year)
    for o in d.oppdrag:
        _deadline(o, o.frist, år, note)
    for r in d.risikoer:
        _deadline(r, r.frist, år, note)
    for t in d.tertialtekster:  # the year-end report is presented the next year
        outside(t, "dato", t.dato, "rapportdatoen", range(år, år + 2))
    for a in d.lederavtaler:
        outside(a, "dato", a.dato, "avtaledatoen", range(år - 1, år + 1))
    if d.kommune.dokumentdato is not None:
        outside(d.kommune, "dokumentdato", d.kommune.dokumentdato, "dokumentdatoen",
                range(år - 1, år + 1))
    for mp in getattr(d, "milepæler", []):
        _deadline(mp, mp.dato, år, note, "milepælens dato")
    _economy(d, note)
    for n in d.nøkkeltall:
        if n.nærvær_oppgitt is not None and abs(n.sykefravær + n.nærvær_oppgitt - 100) > 0.05:
            note(n, "nærvær_oppgitt", f"sykefravær ({prosent(n.sykefravær)}) og nærvær "
                 f"({prosent(n.nærvær_oppgitt)}) er til sammen ikke 100 %; dokumentene bruker "
                 "sykefraværet.")
    for res in d.målresultater:
        for number in re.findall(r"(\d+(?:[.,]\d+)?)\s*%", res.resultat):
            if float(number.replace(",", ".")) > 100:
                note(res, "resultat", f"resultatet «{res.resultat}» er over 100 %; er tallet "
                     "riktig?")
                break


def _deadline(obj: object, frist: date | str | None, år: int, note: Note,
              what: str = "fristen") -> None:
    when = frist_dato(frist, år)
    if when is None:
        return
    if when.year < år or when.year > år + LATEST_DEADLINE:
        shown = frist if isinstance(frist, str) else _d(when)
        note(obj, "dato" if what != "fristen" else "frist",
             f"{what} «{shown}» ligger utenfor dokumentåret {år}; står det riktig år?")


def _economy(d: m.Styringsdata, note: Note) -> None:
    """A budget line far from the other lines of its tertial and type; a forecast or an
    account far from its own budget (kr typed where 1 000 kr were meant, or the reverse)."""
    groups: dict[tuple[int, str], list[m.Økonomilinje]] = {}
    for ln in d.økonomi:
        groups.setdefault((ln.tertial, str(ln.type)), []).append(ln)
    for lines in groups.values():
        sizes = [abs(ln.budsjett) for ln in lines if ln.budsjett]
        if len(sizes) < 3:
            continue
        typical = statistics.median(sizes)
        for ln in lines:
            size = abs(ln.budsjett)
            if size and (size >= typical * OUTLIER or size * OUTLIER <= typical):
                note(ln, "budsjett", f"budsjettet for «{ln.rammeområde}» ({_kr(ln.budsjett)}) "
                     f"er omtrent {_times(size, typical)} de andre linjene (typisk "
                     f"{_kr(typical)}); er det skrevet i riktig enhet (kr)?")
    for ln in d.økonomi:
        base = abs(ln.gjeldende_budsjett)
        if not base:
            continue
        for field, label in (("regnskap", "regnskapet"), ("prognose", "prognosen")):
            value = abs(getattr(ln, field))
            if value >= base * OUTLIER:
                note(ln, field, f"{label} for «{ln.rammeområde}» ({_kr(getattr(ln, field))}) er "
                     f"omtrent {_times(value, base)} budsjettet ({_kr(ln.gjeldende_budsjett)}); "
                     "er det skrevet i riktig enhet (kr)?")


def _times(a: float, b: float) -> str:
    """«226 ganger» or «1 000 ganger mindre enn»."""
    ratio = a / b if a >= b else b / a
    rounded = f"{round(ratio):,d}".replace(",", "\u00a0")
    return f"{rounded} ganger" if a >= b else f"{rounded} ganger mindre enn"


def _kr(value: float) -> str:
    from ..norsk import kr

    return kr(value)
