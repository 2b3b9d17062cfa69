"""The tertialrapport's follow-up tables: the council's decisions (sheet
«Vedtaksoppfølging») and the investments per project (sheet «Investeringsprosjekter»).

A decision is judged as of the report's date (``per_dato``): one completed after it is
still open in that report, one completed between the previous tertial's date and this one
is «fullført siden forrige tertial», and an open one past its deadline is «forfalt» –
written out in the status cell, not only shown by the colour.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model.domain import Investeringsprosjekt, Status, Vedtak, Vedtaksstatus, Økonomilinje
from ..model.styringsdata import Styringsdata
from ..norsk import dato, kort_dato
from ..texts import N_, _
from .common import NO_FILL, fill

FORFALT = N_("Forfalt")


def completed_by(v: Vedtak, per_dato: date) -> date | None:
    """When the decision counts as completed in a report per ``per_dato`` (None: open).
    A completed decision without a date counts as completed in the report at hand."""
    if v.status is not Vedtaksstatus.FULLFØRT:
        return None
    if v.fullført is None:
        return per_dato
    return v.fullført if v.fullført <= per_dato else None


def vedtaksoppfølging(data: Styringsdata, per_dato: date, forrige: date) -> dict[str, Any]:
    """The context of the section: ``åpne`` (overdue first, then by deadline), ``fullførte``
    (since ``forrige``, the previous tertial's date) and the counts for the summary."""
    def row(v: Vedtak, done: date | None) -> dict[str, Any]:
        overdue = done is None and v.frist is not None and v.frist < per_dato
        status = _("Fullført") if done else (
            _("Pågår") if v.status is not Vedtaksstatus.IKKE_PÅBEGYNT else _("Ikke påbegynt"))
        return {"sak": v.sak, "dato": kort_dato(v.dato), "organ": v.organ, "vedtak": v.vedtak,
                "ansvarlig": " ".join(data.ansvar.vis([v.ansvarlig])) if v.ansvarlig else "",
                "frist": kort_dato(v.frist) if v.frist else _("Ingen"),
                "fullført": kort_dato(done) if done else "",
                "status": status, "forfalt": overdue,
                "merking": _(FORFALT) if overdue else "",
                "farge": fill(Status.RØD) if overdue else NO_FILL,
                "kommentar": v.kommentar or ""}

    known = [v for v in data.vedtak if v.dato <= per_dato]
    open_ = [v for v in known if completed_by(v, per_dato) is None]
    åpne = [row(v, None) for v in open_]
    # overdue first, then by deadline (none last); the sheet's order otherwise
    order = sorted(range(len(open_)), key=lambda i: (
        not åpne[i]["forfalt"], open_[i].frist or date.max))
    åpne = [åpne[i] for i in order]
    fullførte = []
    for v in known:
        done = completed_by(v, per_dato)
        if done is not None and done > forrige:
            fullførte.append(row(v, done))
    forfalte = sum(1 for r in åpne if r["forfalt"])
    summary = (_("Per {dato} følges {antall} vedtak opp").format(dato=dato(per_dato),
                                                                  antall=len(åpne))
               + (_(", og {forfalte} av dem er over fristen (merket «{merke}»)").format(
                   forfalte=forfalte, merke=_(FORFALT)) if forfalte
                  else _(", og ingen er over fristen"))
               + _(". Siden forrige tertial er {antall} vedtak fullført.").format(
                   antall=len(fullførte)))
    return {"vis": bool(data.vedtak), "åpne": åpne, "fullførte": fullførte,
            "forfalte": forfalte, "sammendrag": summary}


def investeringsprosjekter(data: Styringsdata, nr: int, lines: list[Økonomilinje],
                           area_order: dict[str, int]) -> dict[str, Any]:
    """The projects of tertial ``nr`` by rammeområde (the Rammeområder sheet's order), with
    their sums and whether these reconcile with the investering lines of the sheet Økonomi
    (``avvik`` names the areas that do not; validation has said so as a MERKNAD)."""
    projects = sorted((p for p in data.investeringsprosjekter if p.tertial == nr),
                      key=lambda p: area_order.get(p.rammeområde.casefold(), len(area_order)))

    def row(p: Investeringsprosjekt) -> dict[str, Any]:
        return {"prosjekt": p.prosjekt, "rammeområde": p.rammeområde, "budsjett": p.budsjett,
                "totalramme": p.budsjett if p.totalramme is None else p.totalramme,
                "regnskap": p.regnskap, "prognose": p.prognose,
                "status": _(p.status.value.capitalize()) if p.status else "",
                "farge": fill(p.status) if p.status else NO_FILL,
                "kommentar": p.kommentar or ""}

    rows = [row(p) for p in projects]
    total = {k: sum(r[k] for r in rows) for k in ("budsjett", "totalramme", "regnskap",
                                                     "prognose")}
    by_area: dict[str, list[Investeringsprosjekt]] = {}
    for p in projects:
        by_area.setdefault(p.rammeområde.casefold(), []).append(p)
    avvik = []
    for ln in lines:
        mine = by_area.get(ln.rammeområde.casefold())
        if mine is None:
            avvik.append(ln.rammeområde)
            continue
        if any(abs(sum(getattr(p, k) for p in mine) - theirs) >= 0.5
               for k, theirs in (("budsjett", ln.gjeldende_budsjett), ("regnskap", ln.regnskap),
                                 ("prognose", ln.prognose))):
            avvik.append(ln.rammeområde)
    known = {ln.rammeområde.casefold() for ln in lines}
    avvik += sorted({p.rammeområde for p in projects if p.rammeområde.casefold() not in known})
    return {"vis": bool(rows), "rader": rows, "sum": total, "avvik": avvik,
            "avstemt": bool(rows) and not avvik}
