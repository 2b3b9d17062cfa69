"""A risk table typed the way a project plan writes it (seed 000: «Risikofaktor», S, K, RF,
«Mottiltak», no id, no area, no owner) goes in and comes out complete; an owner may be
written as HA is (unit, Leder-ID, group, role).

Real workbooks are rewritten with openpyxl, loaded and built by the real pipeline, and the
DOCX read back with docx2python."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from generator import pipeline
from generator.input.validate import load

from .conftest import set_cell, set_field
from .docx_tools import table_with_header, tables, text

SEED_HEADERS = ["Risikofaktor", "S", "K", "RF", "Mottiltak"]
SEED_ROWS = [
    ["Motstand mot endring i ansattegruppen", "H", "H", "Rødt",
     "- Sikre god informasjonsflyt og medvirkning\n- Faste møter med SIIDA-gruppen"],
    ["Manglende implementering av rutiner", "L", "H", "Gul",
     "- Implementeringsplan med ansvar og frister for hver rutine"],
]


def _risk_sheet(path: Path, headers: list[str], rows: list[list]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Risiko"]
    for name in list(ws.tables):
        del ws.tables[name]
    ws.delete_rows(1, ws.max_row)
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)


def _lmh(demo: Path) -> None:
    styring = demo / "styring.xlsx"
    set_field(styring, "Innstillinger", "Risikoskala", "L/M/H")
    set_field(styring, "Innstillinger", "Risiko gul fra RF", None)
    set_field(styring, "Innstillinger", "Risiko rød fra RF", None)


def _build(demo: Path, tmp_path: Path) -> Path:
    report = pipeline.build([demo], tmp_path / "out", kinds=["tertialrapport"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return next((tmp_path / "out" / "2026" / "tertialrapport").glob("*.docx"))


def test_the_seed_risk_table_goes_in_as_typed(demo: Path, tmp_path: Path) -> None:
    _lmh(demo)
    _risk_sheet(demo / "risiko.xlsx", SEED_HEADERS, SEED_ROWS)
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems]
    assert [(r.id, r.beskrivelse, r.sannsynlighet, r.konsekvens, r.område, r.ansvarlig)
            for r in result.data.risikoer] == [
        ("R1", "Motstand mot endring i ansattegruppen", 3, 3, None, None),
        ("R2", "Manglende implementering av rutiner", 1, 3, None, None)]
    notes = [str(p) for p in result.problems.notices if "«RF»" in str(p)]
    assert len(notes) == 1 and "risiko.xlsx › Risiko › D1" in notes[0]
    assert "regnes ut som S × K" in notes[0]
    path = _build(demo, tmp_path)
    rows = {r[0]: r for r in table_with_header(path, "ID")[1:]}
    assert rows["R1"][1] == "Motstand mot endring i ansattegruppen"
    assert rows["R1"][2:5] == ["H", "H", "9"] and rows["R2"][2:5] == ["L", "H", "3"]
    body = text(path)
    for measure in ("Sikre god informasjonsflyt og medvirkning", "Faste møter med "
                    "SIIDA-gruppen", "Implementeringsplan med ansvar og frister"):
        assert measure in body
    assert "None" not in body


def test_numbered_ids_skip_the_ones_typed(demo: Path) -> None:
    _risk_sheet(demo / "risiko.xlsx", ["Risiko-ID", "Beskrivelse", "S", "K", "Mottiltak"], [
        [None, "Første", 2, 2, "Tiltak"], ["R2", "Andre", 3, 3, "Tiltak"],
        ["  ", "Tredje", 4, 4, "Tiltak"], ["r1", "Fjerde", 1, 1, "Tiltak"]])
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems]
    assert [r.id for r in result.data.risikoer] == ["R3", "R2", "R4", "r1"]


def test_an_owner_is_read_as_ha_is(demo: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(demo / "lederavtaler.xlsx")
    leder = next(r for r in wb["Ledere"].iter_rows(min_row=2, values_only=True) if r[0])
    _risk_sheet(demo / "risiko.xlsx",
                ["Risiko-ID", "Beskrivelse", "S", "K", "Mottiltak", "Ansvar"], [
                    ["R1", "Gruppe", 2, 2, "Tiltak", "Alle ledere"],
                    ["R2", "Leder", 3, 3, "Tiltak", leder[0]],
                    ["R3", "Ukjent", 4, 4, "Tiltak", "Ingen slik instans"]])
    errors = [str(p) for p in load([demo]).problems.errors]
    assert len(errors) == 1 and "risiko.xlsx › Risiko › F4" in errors[0]
    assert "«Ingen slik instans» peker ikke på noen leder" in errors[0]
    _risk_sheet(demo / "risiko.xlsx",
                ["Risiko-ID", "Beskrivelse", "S", "K", "Mottiltak", "Ansvar"], [
                    ["R1", "Gruppe", 2, 2, "Tiltak", "Alle ledere"],
                    ["R2", "Leder", 3, 3, "Tiltak", leder[0]]])
    path = _build(demo, tmp_path)
    rows = {r[0]: r for r in table_with_header(path, "ID")[1:]}
    assert rows["R1"][-1] == "Alle ledere\nÅpen"  # the owner, then the status (issue 24)
    owner = rows["R2"][-1].splitlines()[0]
    assert owner != leder[0] and owner  # shown as the leader's role


def test_risikofaktor_beside_a_description_is_the_computed_rf(demo: Path) -> None:
    _risk_sheet(demo / "risiko.xlsx", ["Risiko-ID", "Beskrivelse", "S", "K", "Risikofaktor",
                                       "Mottiltak"], [["R1", "Noe kan skje", 2, 3, 6, "Tiltak"]])
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems]
    assert result.data.risikoer[0].beskrivelse == "Noe kan skje"
    notes = [str(p) for p in result.problems.notices if "Risikofaktor" in str(p)]
    assert notes == ["risiko.xlsx › Risiko › E1: kolonnen «Risikofaktor» leses ikke: "
                     "risikofaktoren regnes ut som S × K."]


def test_a_goal_owned_by_a_leader_shows_the_role_in_the_oppdragsbrev(demo: Path,
                                                                      tmp_path: Path) -> None:
    data = load([demo]).data
    leder = next(ld for ld in data.ledere if data.ansvar.rolle(ld) != ld.id)
    set_cell(demo / "styring.xlsx", "Mål", "Ansvarlig", leder.id.lower())  # any letter case
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems]
    report = pipeline.build([demo], tmp_path / "out", kinds=["oppdragsbrev"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    path = next((tmp_path / "out" / "2026" / "oppdragsbrev").glob("*.docx"))
    goal = result.data.mål[0]
    row = next(r for t in tables(path) for r in t if goal.mål in r)
    assert result.data.ansvar.rolle(leder) in row
    assert leder.id.lower() not in row and leder.id not in row
