"""The documents' contexts pinned at their boundaries: the Kommunekompass chapter and the
tertialrapport beyond the economy totals (unit level, no build).

Fast on purpose: benchmarks/mutation.py runs them once per mutant. Expected values are
written out here, not computed by the code under test. (Split from the former
tests/test_rules_new.py by concern.)
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from generator.demo.data import demo_data
from generator.documents import kompass, tertialrapport
from generator.documents.common import NO_FILL, PlanError, document_date, fill
from generator.documents.oppdragsbrev import perspektiver
from generator.model.domain import (
    Dokument,
    KompassOmråde,
    KompassSpørsmål,
    Nivå,
    Risikoskala,
    Risikostatus,
    Status,
)
from generator.model.styringsdata import Styringsdata

from .test_rules_input import _settings

DATA = demo_data()


# --- the Kommunekompass chapter --------------------------------------------------------------


def _area(nr: int, poeng: float, fokus: str | None, nasj: float = 50, gr: float = 40):
    return KompassOmråde(nr, f"Område {nr}", poeng, nasj, gr, fokusområde=fokus)


def test_fokusområder_group_areas_by_name_ignoring_case_and_spaces() -> None:
    areas = [_area(1, 10, "Styring og  økonomi", 11, 12), _area(2, 20, None),
             _area(3, 30, "Demokrati"), _area(4, 40, "styring og økonomi", 13, 14)]
    groups = kompass.fokusområder(areas)
    assert [(g.navn, [a.nr for a in g.områder]) for g in groups] == [
        ("Styring og  økonomi", [1, 4]), ("Demokrati", [3])]
    g = groups[0]
    assert g.områdenavn == "1. Område 1, 4. Område 4"
    assert (g.poeng, g.snitt_nasjonalt, g.snitt_gruppe, g.maks) == (50, 24, 26, 200)
    assert groups[1].maks == 100


@pytest.mark.parametrize(("total", "expected"), [
    (359.9, "under normalområdet"),
    (360, "innenfor normalområdet"),   # both limits belong to the range
    (370, "innenfor normalområdet"),
    (380, "innenfor normalområdet"),
    (380.1, "over normalområdet"),
])
def test_placement_against_the_normal_range(total: float, expected: str) -> None:
    assert kompass.placement(total, 360, 380) == expected


def test_no_placement_without_both_limits() -> None:
    assert kompass.placement(370, None, 380) is None
    assert kompass.placement(370, 360, None) is None


def test_kompass_context_point_tables_totals_and_normal_range() -> None:
    areas = [_area(1, 47, "A"), _area(2, 20, "B"), _area(5, 33, "A")]
    questions = [KompassSpørsmål(1, "q1", 30, 17), KompassSpørsmål(5, "q5", 60, 33),
                 KompassSpørsmål(1, "q2", 70, 30), KompassSpørsmål(9, "annet", 10, 1)]
    inn = dataclasses.replace(DATA.innstillinger, normalområde_fra=90, normalområde_til=99)
    data = dataclasses.replace(DATA, kompass_spørsmål=questions, innstillinger=inn)
    ctx = kompass.context(data, areas)
    assert ctx["maks_total"] == 300
    assert ctx["normalområde"] == {"fra": 90, "til": 99, "plassering": "over normalområdet"}
    tables = ctx["poengtabeller"]
    assert [(t.nr, t.navn, t.tabell) for t in tables] == [(1, "Område 1", 3), (5, "Område 5", 4)]
    assert [(r.spørsmål, r.poeng, r.maks) for r in tables[0].rader] == [
        ("q1", 17, 30), ("q2", 30, 70)]
    assert (tables[0].poeng, tables[0].maks) == (47, 100)
    assert [g.navn for g in ctx["fokusområder"]] == ["A", "B"]
    # without fokusområder the point tables start at Tabell 2
    plain = [dataclasses.replace(a, fokusområde=None) for a in areas]
    ctx = kompass.context(dataclasses.replace(data, innstillinger=DATA.innstillinger), plain)
    assert [t.tabell for t in ctx["poengtabeller"]] == [2, 3] and ctx["fokusområder"] == []
    assert ctx["normalområde"] == {"fra": 360, "til": 380, "plassering": "under normalområdet"}
    no_range = dataclasses.replace(DATA.innstillinger, normalområde_til=None)
    assert kompass.context(dataclasses.replace(data, innstillinger=no_range),
                           plain)["normalområde"] is None


# --- the tertialrapport's context beyond the economy totals -----------------------------------

GRØNN, GUL, RØD = fill(Status.GRØNN), fill(Status.GUL), fill(Status.RØD)


def _plan(data: Styringsdata = DATA, nr: int = 2):
    return tertialrapport.plan(data, lambda obj: None, nr)[0]


@pytest.mark.parametrize(("value", "expected"), [
    (0.0, GRØNN), (7.0, GRØNN),   # at the target: green
    (7.01, GUL), (8.4, GUL),      # up to 20 % above the target: yellow
    (8.41, RØD), (30.0, RØD),
])
def test_sick_leave_colour_at_the_target_and_twenty_percent_above(value: float,
                                                                   expected: str) -> None:
    assert tertialrapport.sykefraværsfarge(value, 7.0) == expected


def test_sick_leave_is_weighted_by_årsverk() -> None:
    base = DATA.nøkkeltall[0]
    rows = [dataclasses.replace(base, sykefravær=10.0, årsverk=1.0),
            dataclasses.replace(base, sykefravær=4.0, årsverk=3.0)]
    assert tertialrapport.weighted_sick_leave(rows) == pytest.approx(5.5)  # (10 + 12) / 4
    assert tertialrapport.weighted_sick_leave([dataclasses.replace(base, årsverk=0.0)]) is None
    assert tertialrapport.weighted_sick_leave([]) is None


@pytest.mark.parametrize(("nr", "periode", "per_dato"), [
    (1, "1.\u00a0tertial 2026", date(2026, 4, 30)),
    (2, "2.\u00a0tertial 2026", date(2026, 8, 31)),
    (3, "3.\u00a0tertial 2026 (årsslutt)", date(2026, 12, 31)),
])
def test_period_and_date_per_tertial(nr: int, periode: str, per_dato: date) -> None:
    base = [ln for ln in DATA.økonomi if ln.tertial == 2]
    data = dataclasses.replace(DATA, økonomi=[dataclasses.replace(ln, tertial=nr) for ln in base])
    planned = _plan(data, nr)
    ctx = planned.context
    assert (ctx["tertial"], ctx["periode"], ctx["per_dato"]) == (nr, periode, per_dato)
    assert planned.title == f"Tertialrapport {nr}.\u00a0tertial 2026"
    assert planned.filename == f"tertialrapport-2026-t{nr}.docx"


def test_a_tertial_without_economy_figures_is_refused_with_the_sheet_named() -> None:
    data = dataclasses.replace(DATA, økonomi=[ln for ln in DATA.økonomi if ln.tertial != 2])
    with pytest.raises(PlanError) as e:
        _plan(data, 2)
    assert str(e.value) == ("det finnes ingen økonomitall for 2.\u00a0tertial 2026 i arket "
                            "Økonomi; fyll ut arket eller velg et annet tertial med --tertial.")


def test_risk_rows_summary_and_scale_text() -> None:
    ctx = _plan().context
    open_risks = [r for r in DATA.risikoer if r.status.value != "lukket"]
    assert [r["id"] for r in ctx["risikoer"]] == [r.id for r in open_risks]
    colour = {Status.RØD: RØD, Status.GUL: GUL, Status.GRØNN: GRØNN}
    for row, r in zip(ctx["risikoer"], open_risks, strict=True):
        rf = int(r.sannsynlighet) * int(r.konsekvens)
        status = Status.RØD if rf >= 15 else Status.GUL if rf >= 5 else Status.GRØNN
        assert (row["s"], row["k"], row["rf"], row["farge"]) == (
            str(int(r.sannsynlighet)), str(int(r.konsekvens)), rf, colour[status])
        assert (row["beskrivelse"], row["område"], row["mottiltak"], row["ansvarlig"]) == (
            r.beskrivelse, r.område, r.mottiltak, r.ansvarlig)
    assert ctx["risikosammendrag"] == ("Av 12 åpne risikoer er 5 røde, 5 gule og 2 grønne; "
                                       "2 er lukket.")
    assert ctx["risikoskala"] == "S og K er gitt på skalaen 1–5."
    assert (ctx["risiko_gul_fra"], ctx["risiko_rød_fra"]) == (5, 15)
    # none closed, letters on the scale
    inn = _settings(Risikoskala.LMH)  # thresholds empty: the scale's 3 and 6
    risks = [dataclasses.replace(r, sannsynlighet=Nivå(3, "H"), konsekvens=Nivå(1, "L"),
                                 status=Risikostatus.ÅPEN) for r in DATA.risikoer[:2]]
    ctx = _plan(dataclasses.replace(DATA, innstillinger=inn, risikoer=risks)).context
    assert ctx["risikosammendrag"] == "Av 2 åpne risikoer er 0 røde, 2 gule og 0 grønne."
    assert ctx["risikoskala"] == ("S og K er gitt på skalaen L/M/H (L = 1, M = 2, H = 3 i "
                                  "risikofaktoren).")
    assert [(r["s"], r["k"], r["rf"]) for r in ctx["risikoer"]] == [("H", "L", 3)] * 2
    assert (ctx["risiko_gul_fra"], ctx["risiko_rød_fra"]) == (3, 6)


def test_oppdrag_and_goal_rows_show_status_or_not_reported() -> None:
    ctx = _plan().context
    status = {s.nr: s for s in DATA.oppdragsstatus if s.tertial == 2}
    oppdrag = sorted(DATA.oppdrag, key=lambda o: o.nr)
    assert [r["nr"] for r in ctx["oppdrag"]] == [o.nr for o in oppdrag]
    for row, o in zip(ctx["oppdrag"], oppdrag, strict=True):
        s = status[o.nr]
        assert (row["tittel"], row["status"], row["farge"], row["kommentar"]) == (
            o.tittel, s.status.value.capitalize(), fill(s.status), s.kommentar or "")
    # nothing reported for tertial 1's oppdrag and goals once their rows are gone
    data = dataclasses.replace(DATA, oppdragsstatus=[], målresultater=[])
    ctx = _plan(data).context
    assert {(r["status"], r["farge"], r["kommentar"]) for r in ctx["oppdrag"]} == {
        ("Ikke rapportert", NO_FILL, "")}
    goals = [g for p in ctx["perspektiver"] for g in p["mål"]]
    assert goals and {(g["resultat"], g["status"], g["farge"], g["kommentar"]) for g in goals} == {
        ("–", "Ikke rapportert", NO_FILL, "")}


def test_goal_rows_carry_the_result_of_the_tertial() -> None:
    ctx = _plan().context
    results = {r.mål_id.casefold(): r for r in DATA.målresultater if r.tertial == 2}
    rows = [g for p in ctx["perspektiver"] for g in p["mål"]]
    goals = {g.mål: g for g in DATA.mål}
    assert len(rows) == len(DATA.mål)
    for row in rows:
        r = results[goals[row["mål"]].id.casefold()]
        assert (row["resultat"], row["status"], row["farge"], row["kommentar"]) == (
            r.resultat, r.status.value.capitalize(), fill(r.status), r.kommentar or "")


def test_key_figures_rows_sums_and_trend() -> None:
    ctx = _plan().context
    codes = [e.kode.casefold() for e in DATA.enheter]  # rows in the Enheter sheet's order
    rows = sorted((n for n in DATA.nøkkeltall if n.tertial == 2),
                  key=lambda n: codes.index(n.enhet.casefold()))
    assert rows != [n for n in DATA.nøkkeltall if n.tertial == 2]  # the order is tested
    names = {e.kode.casefold(): e.navn for e in DATA.enheter}
    assert [r["enhet"] for r in ctx["nøkkeltall"]] == [names[n.enhet.casefold()] for n in rows]
    for row, n in zip(ctx["nøkkeltall"], rows, strict=True):
        assert row["nærvær"] == pytest.approx(100 - n.sykefravær)
        assert (row["overtid"], row["årsverk"], row["avvik"]) == (n.overtid, n.årsverk, n.avvik)
        assert row["farge"] == tertialrapport.sykefraværsfarge(n.sykefravær, 7.0)
    weight = sum(n.årsverk for n in rows)
    sick = sum(n.sykefravær * n.årsverk for n in rows) / weight
    total = ctx["nøkkelsum"]
    assert total["sykefravær"] == pytest.approx(sick)
    assert total["nærvær"] == pytest.approx(100 - sick)
    assert (total["overtid"], total["årsverk"], total["avvik"]) == (
        sum(n.overtid for n in rows), weight, sum(n.avvik for n in rows))
    first = [n for n in DATA.nøkkeltall if n.tertial == 1]
    first_sick = sum(n.sykefravær * n.årsverk for n in first) / sum(n.årsverk for n in first)
    assert ctx["_bilder"]["trend"] == [("1.\u00a0tertial 2026", pytest.approx(first_sick)),
                                       ("2.\u00a0tertial 2026", pytest.approx(sick))]
    assert ctx["sykefravær_mål"] == 7.0 and ctx["terskel"] == 5.0


def test_tertial_texts_date_and_document_properties() -> None:
    planned = _plan()
    ctx = planned.context
    tekst = next(t for t in DATA.tertialtekster if t.tertial == 2)
    assert ctx["tekst"]["innledning"] == [p for p in tekst.innledning.split("\n\n")]
    assert ctx["tekst"]["endrede_forutsetninger"] == tekst.endrede_forutsetninger
    assert ctx["tekst"]["forslag"] == tekst.forslag
    assert ctx["endrede_forutsetninger"] == [
        p for p in (tekst.endrede_forutsetninger or "").split("\n\n") if p]
    assert ctx["dato"] == (tekst.dato or document_date(DATA))
    assert (planned.kind, planned.template, planned.description) == (
        "tertialrapport", "tertialrapport.docx", "Tertialrapport 2.\u00a0tertial 2026")
    assert planned.sources == [f"ark {s}" for s in (
        "Kommune", "Innstillinger", "Mål", "Oppdrag", "Rammeområder", "Økonomi", "Nøkkeltall",
        "Målresultater", "Oppdragsstatus", "Tertialtekster", "Risiko", "Enheter", "Kapitler",
        "Vedtaksoppfølging", "Investeringsprosjekter")]
    assert planned.properties["subject"] == "Status per 2.\u00a0tertial 2026 til kommunestyret"
    assert planned.properties["keywords"] == "tertialrapport; økonomi; mål; risiko; sykefravær"
    # without a text for the tertial: empty parts, the document date
    ctx = _plan(dataclasses.replace(DATA, tertialtekster=[])).context
    assert ctx["tekst"] == {"innledning": [], "endrede_forutsetninger": None, "forslag": []}
    assert ctx["endrede_forutsetninger"] == [] and ctx["dato"] == document_date(DATA)
    dated = dataclasses.replace(tekst, dato=date(2026, 9, 15))
    ctx = _plan(dataclasses.replace(DATA, tertialtekster=[dated])).context
    assert ctx["dato"] == date(2026, 9, 15)


def test_tertialrapport_rows_carry_every_column_and_fall_back_where_data_is_missing() -> None:
    ctx = _plan().context
    assert (ctx["tittel"], ctx["saksnr"]) == ("Tertialrapport 2.\u00a0tertial 2026",
                                              DATA.kommune.saksnr_tertialrapport)
    assert DATA.kommune.saksnr_tertialrapport
    assert [p["navn"] for p in ctx["perspektiver"]] == [p["navn"] for p in perspektiver(DATA)]
    goals = {g.mål: g for g in DATA.mål}
    for row in (g for p in ctx["perspektiver"] for g in p["mål"]):
        assert (row["indikator"], row["måltall"]) == (goals[row["mål"]].indikator,
                                                      goals[row["mål"]].måltall)
    oppdrag = {o.nr: o for o in DATA.oppdrag}
    for row in ctx["oppdrag"]:
        assert row["ha"] == DATA.ansvar.vis(oppdrag[row["nr"]].ha)
    for row, n in zip(ctx["nøkkeltall"], sorted(
            (n for n in DATA.nøkkeltall if n.tertial == 2),
            key=lambda n: [e.kode for e in DATA.enheter].index(n.enhet)), strict=True):
        assert row["sykefravær"] == n.sykefravær
    # comments left empty, a key-figure unit not in Enheter (shown as typed, sorted last)
    status = [dataclasses.replace(s, kommentar=None) for s in DATA.oppdragsstatus]
    results = [dataclasses.replace(r, kommentar=None) for r in DATA.målresultater]
    extra = dataclasses.replace(DATA.nøkkeltall[0], tertial=2, enhet="UKJENT")
    keys = [extra, *DATA.nøkkeltall]
    ctx = _plan(dataclasses.replace(DATA, oppdragsstatus=status, målresultater=results,
                                    nøkkeltall=keys)).context
    assert {r["kommentar"] for r in ctx["oppdrag"]} == {""}
    assert {g["kommentar"] for p in ctx["perspektiver"] for g in p["mål"]} == {""}
    assert ctx["nøkkeltall"][-1]["enhet"] == "UKJENT"


def test_economy_rows_follow_the_nr_column_of_rammeområder() -> None:
    n = len(DATA.rammeområder)
    areas = [dataclasses.replace(r, nr=n - i) for i, r in enumerate(DATA.rammeområder)]
    ctx = _plan(dataclasses.replace(DATA, rammeområder=areas)).context
    names = [r.navn for r in reversed(DATA.rammeområder)]
    drift = [r["navn"] for r in ctx["drift"]["rader"]]
    assert drift == [x for x in names if x in drift] and len(drift) > 1


def test_the_trend_stops_at_the_reports_tertial_and_own_chapters_follow_it() -> None:
    later = [dataclasses.replace(n, tertial=3, sykefravær=1.0) for n in DATA.nøkkeltall]
    base = next(k for k in DATA.kapitler if k.dokument is Dokument.TERTIALRAPPORT)
    chapters = [dataclasses.replace(base, overskrift="Bare i 2. tertial", tertial=2),
                dataclasses.replace(base, overskrift="Bare i 1. tertial", tertial=1)]
    data = dataclasses.replace(DATA, nøkkeltall=[*DATA.nøkkeltall, *later], kapitler=chapters)
    ctx = _plan(data).context
    assert [t for t, _ in ctx["_bilder"]["trend"]] == ["1.\u00a0tertial 2026",
                                                       "2.\u00a0tertial 2026"]
    own = [k["overskrift"] for ks in ctx["kapitler"].values() for k in ks]
    assert own == ["Bare i 2. tertial"]


def test_a_line_without_budget_has_no_deviation_percentage() -> None:
    line = dataclasses.replace(DATA.økonomi[0], budsjett=0.0, revidert_budsjett=None,
                               prognose=50.0)
    assert line.avvik == -50.0 and line.avvik_prosent is None
    assert dataclasses.replace(line, revidert_budsjett=-200.0).avvik_prosent == pytest.approx(
        -125.0)  # against the size of the budget: (-200 - 50) / 200
