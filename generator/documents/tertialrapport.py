"""Tertialrapport: status for economy, goals, oppdrag, risks and key figures per tertial."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ..model.ansvar import DA, HA
from ..model.domain import (
    Budsjettype,
    Nøkkeltall,
    Risiko,
    Risikostatus,
    Status,
    Økonomilinje,
    frist_orden,
)
from ..model.runde import Svar, tiltak_linjer
from ..model.styringsdata import Styringsdata
from ..norsk import dato, prosent, tertial
from ..rendering import palette
from ..rendering.template import Image, paragraphs
from ..texts import N_, _
from .common import (
    NO_FILL,
    KindFacts,
    PlanError,
    Planned,
    Source,
    base_context,
    document_date,
    fill,
    in_order,
    position,
    properties,
)
from .kind import DocumentKind
from .oppdragsbrev import milepæler, perspektiver
from .outlines import Each, Outline, Own, Section
from .vedtak import investeringsprosjekter, vedtaksoppfølging

STATUS_WORDS = (N_("Grønn"), N_("Gul"), N_("Rød"), N_("Ikke rapportert"))

FACTS = KindFacts(
    journalposttype="Organinternt dokument uten oppfølging",
    dokumenttype="RAPPORT", saksnr=lambda k: k.saksnr_tertialrapport,
    mappetittel=N_("Tertialrapporter {år}"))
SHEETS = ("Kommune", "Innstillinger", "Mål", "Oppdrag", "Rammeområder", "Økonomi", "Nøkkeltall",
          "Målresultater", "Oppdragsstatus", "Tertialtekster", "Risiko", "Enheter", "Kapitler",
          "Vedtaksoppfølging", "Investeringsprosjekter")
PER_DATO = {1: (4, 30), 2: (8, 31), 3: (12, 31)}
OUTLINE = Outline((
    Own("først"),
    Section("innledning", "Innledning"),
    Own("etter innledning"),
    Section("økonomi", "Økonomi"),
    Section("drift", "Drift", 2),
    Section("investering", "Investering", 2),
    Own("etter økonomi"),
    Section("mål", "Mål og indikatorer"),
    Each("perspektiver", "p", "nr", "{{ p.navn }}", 2),
    Own("etter mål"),
    Section("oppdrag", "Oppdrag fra oppdragsbrevet"),
    Section("vedtak", "Oppfølging av politiske vedtak", shown_if="vedtaksoppfølging.vis",
            present=lambda d: bool(d.vedtak)),
    Own("etter oppdrag"),
    Section("risiko", "Risiko"),
    Own("etter risiko"),
    Section("nøkkeltall", "Nærvær, overtid, årsverk og avvik"),
    Own("etter nøkkeltall"),
    Section("forutsetninger", "Endrede forutsetninger"),
    Own("etter forutsetninger"),
    Section("forslag", "Forslag til vedtak"),
    Own("etter forslag"),
))


def avviksfarge(avvik_prosent: float | None, terskel: float) -> str:
    """Shade a deviation beyond the threshold: red for overspend, yellow for surplus."""
    if avvik_prosent is None or abs(avvik_prosent) <= terskel:
        return NO_FILL
    return fill(Status.RØD if avvik_prosent < 0 else Status.GUL)


def _economy(lines: list[Økonomilinje], terskel: float, order: dict[str, int]) -> dict:
    """The economy table, its rows in the Rammeområder sheet's order (Nr, else row order)."""
    rows: list[dict[str, Any]] = []
    for ln in sorted(lines, key=lambda x: order.get(x.rammeområde.casefold(), len(order))):
        rows.append({"navn": ln.rammeområde, "budsjett": ln.gjeldende_budsjett,
                     "regnskap": ln.regnskap, "prognose": ln.prognose, "avvik": ln.avvik,
                     "avvik_prosent": prosent(ln.avvik_prosent),
                     "farge": avviksfarge(ln.avvik_prosent, terskel)})
    total_b = sum(r["budsjett"] for r in rows)
    total_p = sum(r["prognose"] for r in rows)
    avvik = total_b - total_p
    # Income areas make the net total meaningless as a base: use gross expenditure.
    gross = sum(r["budsjett"] for r in rows if r["budsjett"] > 0)
    pct = None if gross == 0 else avvik / gross * 100
    total = {"budsjett": total_b, "regnskap": sum(r["regnskap"] for r in rows),
             "prognose": total_p, "avvik": avvik, "avvik_prosent": prosent(pct)}
    out = {"rader": rows, "sum": total, "sammenligning": False}
    if any(ln.regnskap_i_fjor is not None for ln in lines):
        out |= _last_year(rows, [ln.regnskap_i_fjor for ln in sorted(
            lines, key=lambda x: order.get(x.rammeområde.casefold(), len(order)))])
    return out


def _change(now: float, before: float | None) -> dict:
    """Regnskap now against the same tertial last year: kr and per cent (of last year)."""
    if before is None:
        return {"i_fjor": None, "endring": None, "endring_prosent": ""}
    # a change in per cent only of a positive base (of an income line or a net total that is
    # negative, the percentage would mislead)
    pct = None if before <= 0 else (now - before) / before * 100
    return {"i_fjor": before, "endring": now - before, "endring_prosent": prosent(pct)}


def _last_year(rows: list[dict], before: list[float | None]) -> dict:
    """The comparison columns (only when the workbook has «Regnskap i fjor»). The total
    compares only when every row has last year's figure; a partial sum would mislead."""
    for row, value in zip(rows, before, strict=True):
        row |= _change(row["regnskap"], value)
    complete = all(v is not None for v in before)
    total = _change(sum(r["regnskap"] for r in rows),
                    sum(v or 0.0 for v in before) if complete else None)
    return {"sammenligning": True, "sum_i_fjor": total}


def weighted_sick_leave(rows: list[Nøkkeltall]) -> float | None:
    """The municipality's sick leave: unit figures weighted by årsverk."""
    weight = sum(n.årsverk for n in rows)
    if weight == 0:
        return None
    return sum(n.sykefravær * n.årsverk for n in rows) / weight


def weighted_sick_leave_last_year(rows: list[Nøkkeltall]) -> float | None:
    """Last year's sick leave for the same units, weighted by this year's årsverk (the
    workbook has no årsverk for last year); None unless every unit has last year's figure
    (an average of some units would not compare with this year's)."""
    if not rows or any(n.sykefravær_i_fjor is None for n in rows):
        return None
    return weighted_sick_leave([replace(n, sykefravær=n.sykefravær_i_fjor or 0.0)
                                for n in rows])


def sykefraværsfarge(value: float, mål: float) -> str:
    if value <= mål:
        return fill(Status.GRØNN)
    return fill(Status.GUL if value <= mål * 1.2 else Status.RØD)


def _milestones(data: Styringsdata) -> list[dict]:
    """Every milestone for the status chapter, by the date it implies (a deadline in words,
    «Innen 2. tertial», among the dates; none last); on one date the oppdrag's in their order,
    then the projects'. «Hører til» names the oppdrag («3. Digitalisering …») or the project."""
    out = []
    for o in [*sorted(data.oppdrag, key=lambda o: o.nr), None]:
        for mp in milepæler(data.milepæler_for(o), data):
            out.append(mp | {"tilhører": f"{o.nr}. {o.tittel}" if o else mp["oppdrag"]})
    return sorted(out, key=lambda mp: frist_orden(mp["dato"], data.kommune.år))


def _follow_up(r: Risiko, data: Styringsdata) -> str:
    """The risk's status and deadline as one line under Ansvar («Under arbeid, frist …»)."""
    return data.ord(r.status) + (f", frist {dato(r.frist)}" if r.frist else "")


def _areas(data: Styringsdata) -> list[dict[str, str]]:
    """Each rammeområde with its Ansvarlig and the units the sheet Enheter puts under it."""
    out = []
    for a in in_order(data.rammeområder, lambda r: r.nr):
        units = [e.navn for e in data.enheter
                 if e.rammeområde and e.rammeområde.casefold() == a.navn.casefold()]
        ansvarlig = " ".join(data.ansvar.vis([a.ansvarlig])) if a.ansvarlig else ""
        if ansvarlig or units:
            out.append({"navn": a.navn, "ansvarlig": ansvarlig, "enheter": ", ".join(units)})
    return out


def _svar(data: Styringsdata, nr: int) -> dict[str, Any]:
    """The reporting round's answers for the tertial, each with who reported it, per
    oppdrag, goal (per perspective), risk and budget line: one row per answer, HA before DA
    (the tables under each section; empty lists without a round). The values a leader
    returned as they were sent are not shown as theirs; a row returned untouched says
    «Bekreftet uendret»."""
    rap = data.rapportering if (data.rapportering is not None
                                and data.rapportering.tertial == nr) else None
    out: dict[str, Any] = {"oppdrag": [], "mål": {}, "risiko": [], "økonomi": [],
                           "finnes": False}
    if rap is None:
        return out

    def role(s: Svar) -> str:
        return {HA: "HA", DA: "DA"}.get(s.rolle) or _("Ansvarlig")

    def mark(key: str) -> str:
        marks = []
        if key in rap.rådgiver:
            marks.append(_("Rådgiverens egen oppføring gjelder"))
        if key in rap.konflikt:
            marks.append(_("Ulik status"))
        return "; ".join(marks)

    def status(value: Any) -> tuple[str, str]:
        if value in (None, ""):
            return "", NO_FILL
        try:
            st = Status(str(value).strip().casefold())
        except ValueError:
            return str(value), NO_FILL
        return data.ord(st), fill(st)

    def common(key: str, s: Svar) -> dict[str, Any]:
        # only what the leader gave: a cell returned as it was sent is not their answer,
        # and a row returned as sent is said to be confirmed unchanged
        word, colour = status(s.felt.get("status"))
        return {"hvem": s.leder.navn, "rolle": role(s), "status": word, "farge": colour,
                "kommentar": str(s.felt.get("kommentar") or ""),
                "merknad": _("Bekreftet uendret") if s.uendret else mark(key)}

    for o in sorted(data.oppdrag, key=lambda o: o.nr):
        key = f"oppdrag:{o.nr}"
        out["oppdrag"] += [{"nr": o.nr} | common(key, s) for s in rap.for_nøkkel(key)]
    for g in data.mål:
        key = f"mål:{g.id}"
        rows = [{"id": g.id, "indikator": g.indikator or g.mål,
                 "resultat": str(s.felt.get("resultat") or "")} | common(key, s)
                for s in rap.for_nøkkel(key)]
        if rows:
            out["mål"].setdefault(data.ord(g.perspektiv), []).extend(rows)
    for r in data.risikoer:
        key = f"risiko:{r.id}"
        for s in rap.for_nøkkel(key):
            row = {"id": r.id, "tiltak": tiltak_linjer(s.felt.get("tiltak")) or [""]} \
                | common(key, s)
            try:
                row["status"] = data.ord(Risikostatus(str(s.felt.get("status")).casefold()))
            except ValueError:
                row["status"] = str(s.felt.get("status") or "")
            row["farge"] = NO_FILL
            out["risiko"].append(row)
    area_order = position(r.navn for r in in_order(data.rammeområder, lambda r: r.nr))
    for ln in sorted((ln for ln in data.økonomi if ln.tertial == nr), key=lambda ln: (
            ln.type is not Budsjettype.DRIFT,
            area_order.get(ln.rammeområde.casefold(), len(area_order)))):
        key = f"økonomi:{ln.type.value}:{ln.rammeområde}"
        for s in rap.for_nøkkel(key):
            prognose = s.felt.get("prognose")
            out["økonomi"].append({"type": data.ord(ln.type), "rammeområde": ln.rammeområde,
                                   "prognose": None if prognose is None else float(prognose)}
                                  | common(key, s))
    out["finnes"] = any(out[k] for k in ("oppdrag", "mål", "risiko", "økonomi"))
    return out


def plan(data: Styringsdata, source: Source, nr: int) -> list[Planned]:
    k, inn = data.kommune, data.innstillinger
    if not data.økonomi:  # no economy figures at all: the check has said it is left out
        return []
    econ = [ln for ln in data.økonomi if ln.tertial == nr]
    if not econ:
        raise PlanError(f"det finnes ingen økonomitall for {tertial(nr, k.år)} i arket Økonomi; "
                        "fyll ut arket eller velg et annet tertial med --tertial.")
    periode = tertial(nr, k.år) + (_(" (årsslutt)") if nr == 3 else "")
    title = _("Tertialrapport {tertial}").format(tertial=tertial(nr, k.år))
    tekst = next((t for t in data.tertialtekster if t.tertial == nr), None)
    results = {r.mål_id.casefold(): r for r in data.målresultater if r.tertial == nr}
    status = {s.nr: s for s in data.oppdragsstatus if s.tertial == nr}
    units = {e.kode.casefold(): e.navn for e in data.enheter}
    unit_order = position(e.kode for e in data.enheter)
    key_rows = sorted((n for n in data.nøkkeltall if n.tertial == nr),
                      key=lambda n: unit_order.get(n.enhet.casefold(), len(unit_order)))
    sick = weighted_sick_leave(key_rows)
    area_order = position(r.navn for r in in_order(data.rammeområder, lambda r: r.nr))
    open_risks = [r for r in data.risikoer if r.status.value != "lukket"]  # the sheet's order
    skala = inn.risikoskala
    gul_fra, rød_fra = inn.risikoterskler
    colours = [data.risikostatus(r) for r in open_risks]
    closed = len(data.risikoer) - len(open_risks)
    closed_risks = [r for r in data.risikoer if r.status is Risikostatus.LUKKET]

    def goals() -> list[dict]:
        out = []
        for p in perspektiver(data):
            rows = []
            for g in p["mål"]:
                r = results.get(g.id.casefold())
                rows.append({"mål": g.mål, "indikator": g.indikator, "måltall": g.måltall,
                             "resultat": r.resultat if r else "–",
                             "status": data.ord(r.status) if r else _("Ikke rapportert"),
                             "farge": fill(r.status) if r else NO_FILL,
                             "kommentar": (r.kommentar or "") if r else ""})
            out.append({"navn": p["navn"], "mål": rows,
                        "svar": svar["mål"].get(p["navn"], [])})
        return out

    svar = _svar(data, nr)

    ctx = base_context(data, title, k.saksnr_tertialrapport) | {
        "dato": (tekst.dato if tekst and tekst.dato else document_date(data)),
        "tertial": nr,
        "periode": periode,
        "per_dato": date(k.år, *PER_DATO[nr]),
        "tekst": {"innledning": paragraphs(tekst.innledning) if tekst else [],
                  "endrede_forutsetninger": tekst.endrede_forutsetninger if tekst else None,
                  "forslag": tekst.forslag if tekst else []},
        "endrede_forutsetninger": paragraphs(tekst.endrede_forutsetninger if tekst else None),
        "terskel": inn.avvik_terskel,
        "drift": _economy([ln for ln in econ if ln.type is Budsjettype.DRIFT], inn.avvik_terskel,
                          area_order),
        "investering": _economy([ln for ln in econ if ln.type is Budsjettype.INVESTERING],
                                inn.avvik_terskel, area_order),
        "perspektiver": goals(),
        "oppdrag": [{"nr": o.nr, "tittel": o.tittel, "ha": data.ansvar.vis(o.ha),
                     "status": data.ord(status[o.nr].status) if o.nr in status
                     else _("Ikke rapportert"),
                     "farge": fill(status[o.nr].status) if o.nr in status else NO_FILL,
                     "kommentar": (status[o.nr].kommentar or "") if o.nr in status else ""}
                    for o in sorted(data.oppdrag, key=lambda o: o.nr)],
        "milepæler": _milestones(data),
        "svar": svar,
        "risiko_gul_fra": gul_fra,
        "risiko_rød_fra": rød_fra,
        "risikoskala": (_("S og K er gitt på skalaen {skala}").format(skala=skala.value)
                        + (_(" (L = 1, M = 2, H = 3 i risikofaktoren)") if skala.letters else "")
                        + "."),
        "risikosammendrag": (
            _("Av {n} åpne risikoer er {røde} røde, {gule} gule og {grønne} grønne").format(
                n=len(open_risks), røde=colours.count(Status.RØD),
                gule=colours.count(Status.GUL), grønne=colours.count(Status.GRØNN))
            + (_("; {n} er lukket.").format(n=closed) if closed else ".")),
        "risikoer": [{"id": r.id, "beskrivelse": r.beskrivelse, "område": r.område or "",
                      "s": skala.label(r.sannsynlighet), "k": skala.label(r.konsekvens),
                      "rf": r.rf,
                      "farge": fill(c), "mottiltak": r.mottiltak,
                      "ansvarlig": " ".join(data.ansvar.vis([r.ansvarlig])) if r.ansvarlig
                      else "", "status": data.ord(r.status), "frist": r.frist,
                      "oppfølging": _follow_up(r, data)}
                     for r, c in zip(open_risks, colours, strict=True)],
        "lukkede_risikoer": "; ".join(
            f"{r.id} {r.beskrivelse}" + (f" (frist {dato(r.frist)})" if r.frist else "")
            for r in closed_risks),
        "rammeområdeoversikt": _areas(data),
        "sykefravær_mål": inn.sykefravær_mål,
        "nøkkeltall": [{"enhet": units.get(n.enhet.casefold(), n.enhet),
                        "sykefravær": n.sykefravær, "nærvær": n.nærvær, "overtid": n.overtid,
                        "årsverk": n.årsverk, "avvik": n.avvik,
                        "farge": sykefraværsfarge(n.sykefravær, inn.sykefravær_mål),
                        "i_fjor": n.sykefravær_i_fjor}
                       for n in key_rows],
        "sykefravær_sammenligning": False,
        "nøkkelsum": {"sykefravær": sick, "nærvær": None if sick is None else 100 - sick,
                      "overtid": sum(n.overtid for n in key_rows),
                      "årsverk": sum(n.årsverk for n in key_rows),
                      "avvik": sum(n.avvik for n in key_rows)},
    }
    forrige = date(k.år, *PER_DATO[nr - 1]) if nr > 1 else date(k.år - 1, 12, 31)
    ctx["vedtaksoppfølging"] = vedtaksoppfølging(data, ctx["per_dato"], forrige)
    ctx["investeringsprosjekter"] = investeringsprosjekter(
        data, nr, [ln for ln in econ if ln.type is Budsjettype.INVESTERING], area_order)
    # own chapters for all tertials or for this one
    ctx |= KIND.numbers(data, chapters=[c for c in data.kapitler if c.tertial in (None, nr)],
                        lists={"perspektiver": ctx["perspektiver"]})
    trend = []
    trend_i_fjor = []
    for t in range(1, nr + 1):
        value = weighted_sick_leave([n for n in data.nøkkeltall if n.tertial == t])
        if value is not None:
            trend.append((tertial(t, k.år), value))
            before = weighted_sick_leave_last_year([n for n in data.nøkkeltall
                                                    if n.tertial == t])
            if before is not None:
                trend_i_fjor.append((tertial(t, k.år), before))
    ctx["sykefravær_i_fjor_linje"] = bool(trend_i_fjor)  # the chart's caption says so
    if any(n.sykefravær_i_fjor is not None for n in key_rows):
        ctx["nøkkelsum"]["i_fjor"] = weighted_sick_leave_last_year(key_rows)
        ctx["sykefravær_sammenligning"] = True

    @palette.drawn_in(k.profilfarge, k.skrift)
    def images() -> dict[str, Image]:
        # deferred: matplotlib (about 1 s) only when a chart is drawn, not for check or planning
        from ..rendering.charts.budsjett import budget_chart
        from ..rendering.charts.risiko import risk_heatmap
        from ..rendering.charts.sykefravaer import sykefravær_chart

        drift = ctx["drift"]["rader"]
        # income lines (a negative budget: tax and rammetilskudd) on a scale of their own
        bars = [(r["navn"], r["budsjett"], r["regnskap"], r["prognose"]) for r in drift]
        services = [b for b in bars if b[1] >= 0]
        income = [b for b in bars if b[1] < 0]
        return {
            **({"budsjettgraf": budget_chart(
                services or bars,
                _("Drift per rammeområde, {periode}").format(periode=periode),
                income=income if services else None)} if drift else {}),
            **({"sykefraværsgraf": sykefravær_chart(
                trend, inn.sykefravær_mål,
                _("Sykefravær i {kommune} {år}").format(kommune=k.navn, år=k.år),
                last_year=trend_i_fjor or None)} if trend else {}),
            "risikomatrise": risk_heatmap(
                [(r.id, int(r.sannsynlighet), int(r.konsekvens)) for r in open_risks],
                gul_fra, rød_fra, _("Risikomatrise, {periode}").format(periode=periode),
                levels=skala.levels,
                labels=[skala.label(i) for i in range(1, skala.levels + 1)]),
        }

    # A chart with nothing to draw is a line saying so (the sheet was empty for the tertial).
    if not ctx["drift"]["rader"]:
        ctx["budsjettgraf"] = _("Arket Økonomi har ingen drift for tertialet; grafen er ikke "
                                "laget.")
    if not trend:
        ctx["sykefraværsgraf"] = _("Arket Nøkkeltall har ingen tall for året ennå; grafen er "
                                   "ikke laget.")
    ctx["_bilder"] = {"trend": trend}  # chart inputs not otherwise in the context
    if trend_i_fjor:
        ctx["_bilder"]["trend_i_fjor"] = trend_i_fjor
    return [Planned(
        kind=KIND.name, facts=KIND.facts,
        template=KIND.template, filename=f"tertialrapport-{k.år}-t{nr}.docx", title=title,
        context=ctx, images=images, sources=[f"ark {_(s)}" for s in SHEETS],
        description=title,
        properties=properties(data, title, _("Status per {periode} til kommunestyret").format(
                                  periode=periode),
                              _("tertialrapport; økonomi; mål; risiko; sykefravær")))]


KIND = DocumentKind(name="tertialrapport", template="tertialrapport.docx", facts=FACTS,
                    sheets=SHEETS, plan=plan, outline=OUTLINE, per_tertial=True)
