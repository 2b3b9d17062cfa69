"""The rules a user relies on, pinned at their boundaries on both sides.

Each test here fails when a rule changes: the risk factor and its colours, the Kompass size
group, the tertialrapport's totals and deviation shading, the year-end report, Excel booleans,
time-of-day and date limits, and what makes the build render a document again. Expected
values are computed in the test itself, not taken from the code under test.
"""

from __future__ import annotations

import dataclasses
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest

from generator import pipeline
from generator.demo.data import demo_data
from generator.documents import tertialrapport
from generator.documents.common import NO_FILL, fill
from generator.input.convert import ConversionError, convert
from generator.input.reader import Cell
from generator.input.validate import load
from generator.model.column import Col, resolve
from generator.model.domain import Kommune, Risiko, Status, Størrelsesgruppe
from generator.model.styringsdata import Styringsdata
from generator.norsk import prosent
from generator.output import manifest

from .conftest import run, set_cell
from .docx_tools import text

DATA = demo_data()


def _risk(s: int, k: int) -> Risiko:
    return dataclasses.replace(DATA.risikoer[0], sannsynlighet=s, konsekvens=k)


def _with_thresholds(gul: int, rød: int) -> Styringsdata:
    inn = dataclasses.replace(DATA.innstillinger, risiko_gul_fra=gul, risiko_rød_fra=rød)
    return dataclasses.replace(DATA, innstillinger=inn)


# --- risk factor and colour ------------------------------------------------------------------


@pytest.mark.parametrize(("s", "k"), [(1, 1), (2, 3), (3, 2), (4, 5), (5, 5), (1, 5)])
def test_risk_factor_is_s_times_k(s: int, k: int) -> None:
    assert _risk(s, k).rf == s * k


@pytest.mark.parametrize(("s", "k", "expected"), [
    (2, 2, Status.GRØNN),   # RF 4: just below yellow
    (1, 5, Status.GUL),     # RF 5: yellow from and including the threshold
    (2, 3, Status.GUL),     # RF 6
    (3, 4, Status.GUL),     # RF 12: the highest product below red on a 1–5 scale
    (3, 5, Status.RØD),     # RF 15: red from and including the threshold
    (4, 5, Status.RØD),     # RF 20
])
def test_risk_colour_at_each_threshold(s: int, k: int, expected: Status) -> None:
    data = _with_thresholds(5, 15)
    assert data.risikostatus(_risk(s, k)) is expected


def test_risk_colour_follows_the_settings_not_fixed_numbers() -> None:
    risk = _risk(2, 4)  # RF 8
    assert _with_thresholds(9, 12).risikostatus(risk) is Status.GRØNN
    assert _with_thresholds(8, 12).risikostatus(risk) is Status.GUL
    assert _with_thresholds(3, 8).risikostatus(risk) is Status.RØD


# --- Kompass size group ----------------------------------------------------------------------


@pytest.mark.parametrize(("innbyggere", "gruppe"), [
    (1, Størrelsesgruppe.SMÅ),
    (4999, Størrelsesgruppe.SMÅ),
    (5000, Størrelsesgruppe.MELLOMSTORE),
    (10000, Størrelsesgruppe.MELLOMSTORE),
    (10001, Størrelsesgruppe.STORE),
])
def test_kompass_size_group_from_inhabitants(innbyggere: int, gruppe: Størrelsesgruppe) -> None:
    k = dataclasses.replace(DATA.kommune, innbyggere=innbyggere, størrelsesgruppe=None)
    assert k.kompassgruppe is gruppe


def test_a_given_size_group_wins_over_the_inhabitants() -> None:
    k: Kommune = dataclasses.replace(DATA.kommune, innbyggere=200,
                                     størrelsesgruppe=Størrelsesgruppe.STORE)
    assert k.kompassgruppe is Størrelsesgruppe.STORE
    none = dataclasses.replace(DATA.kommune, innbyggere=None, størrelsesgruppe=None)
    assert none.kompassgruppe is None


# --- tertialrapport: totals and shading ------------------------------------------------------


def _context(nr: int = 2) -> dict:
    return tertialrapport.plan(DATA, lambda obj: None, nr)[0].context


@pytest.mark.parametrize("kind", ["drift", "investering"])
def test_total_row_is_computed_from_the_lines(kind: str) -> None:
    lines = [ln for ln in DATA.økonomi if ln.tertial == 2 and ln.type.value == kind]
    assert lines
    budsjett = sum(ln.revidert_budsjett if ln.revidert_budsjett is not None else ln.budsjett
                   for ln in lines)
    prognose = sum(ln.prognose for ln in lines)
    gross = sum(b for ln in lines
                if (b := ln.revidert_budsjett if ln.revidert_budsjett is not None
                    else ln.budsjett) > 0)
    total = _context()[kind]["sum"]
    assert total["budsjett"] == pytest.approx(budsjett)
    assert total["regnskap"] == pytest.approx(sum(ln.regnskap for ln in lines))
    assert total["prognose"] == pytest.approx(prognose)
    assert total["avvik"] == pytest.approx(budsjett - prognose)
    assert total["avvik_prosent"] == prosent((budsjett - prognose) / gross * 100)


def test_total_percentage_with_an_income_area() -> None:
    """Income areas (negative budget) are left out of the base: deviation / gross spending."""
    base = next(ln for ln in DATA.økonomi if ln.tertial == 2)
    lines = [dataclasses.replace(base, rammeområde="A", budsjett=1000.0, revidert_budsjett=None,
                                 regnskap=300.0, prognose=700.0),
             dataclasses.replace(base, rammeområde="B", budsjett=3000.0, revidert_budsjett=None,
                                 regnskap=900.0, prognose=2900.0),
             dataclasses.replace(base, rammeområde="Inntekter", budsjett=-2000.0,
                                 revidert_budsjett=None, regnskap=-600.0, prognose=-2000.0)]
    total = tertialrapport._economy(lines, 5.0, {})["sum"]
    # (1000 + 3000 - 2000) - (700 + 2900 - 2000) = 400; gross spending 4000 → 10,0 %
    assert total["avvik"] == pytest.approx(400.0)
    assert total["avvik_prosent"] == prosent(10.0) == "10,0\u00a0%"
    rows = {r["navn"]: r for r in tertialrapport._economy(lines, 5.0, {})["rader"]}
    assert rows["A"]["avvik_prosent"] == prosent(30.0)


def test_line_deviation_percentage_is_against_the_current_budget() -> None:
    for row in _context()["drift"]["rader"]:
        expected = (row["budsjett"] - row["prognose"]) / abs(row["budsjett"]) * 100
        assert row["avvik_prosent"] == prosent(expected)


@pytest.mark.parametrize(("pct", "expected"), [
    (None, NO_FILL),
    (0.0, NO_FILL),
    (3.0, NO_FILL),
    (5.0, NO_FILL),          # at the threshold: not beyond it
    (-5.0, NO_FILL),
    (5.01, fill(Status.GUL)),   # surplus beyond the threshold
    (-5.01, fill(Status.RØD)),  # overspend beyond the threshold
    (-40.0, fill(Status.RØD)),
])
def test_deviation_shading_on_and_off_at_the_threshold(pct: float | None, expected: str) -> None:
    assert tertialrapport.avviksfarge(pct, 5.0) == expected


def test_shading_colours_are_distinct() -> None:
    assert len({NO_FILL, fill(Status.GUL), fill(Status.RØD), fill(Status.GRØNN)}) == 4


# --- the year-end report ---------------------------------------------------------------------


def _add_tertial_3(folder: Path) -> None:
    """Copy every tertial-2 row of the economy and key-figure sheets as tertial 3."""
    path = folder / "tertial.xlsx"
    wb = openpyxl.load_workbook(path)
    for name in ("Økonomi", "Nøkkeltall"):
        ws = wb[name]
        header = [c.value for c in ws[1]]
        col = header.index("Tertial")
        rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)
                if r[col].value == 2]
        assert rows, name
        for values in rows:
            values[col] = 3
            ws.append(values)
    wb.save(path)


def test_a_full_year_end_report(demo: Path, tmp_path: Path) -> None:
    _add_tertial_3(demo)
    result = run("build", demo, "--out", tmp_path, "--tertial", "3", "--no-pdf",
                 "--only", "tertialrapport")
    assert result.exit_code == 0, result.output
    doc = tmp_path / "2026" / "tertialrapport" / "tertialrapport-2026-t3.docx"
    body = " ".join(text(doc).replace("\xa0", " ").split())
    assert "3. tertial 2026" in body
    assert "31. desember 2026" in body
    assert "årsslutt" in body
    assert tertialrapport.plan(DATA, lambda o: None, 2)[0].context["per_dato"] == date(2026, 8, 31)


# --- Excel booleans, times and dates ---------------------------------------------------------


def test_excel_true_and_false_in_a_yes_no_column(demo: Path, tmp_path: Path) -> None:
    book = demo / "lederavtaler.xlsx"
    set_cell(book, "Lederavtaler", "Skjermet", True, 1)
    set_cell(book, "Lederavtaler", "Skjermet", False, 2)
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems]
    assert result.data is not None
    assert result.data.lederavtaler[0].skjermet is True
    assert result.data.lederavtaler[1].skjermet is False


def test_excel_true_in_a_money_column_is_refused(demo: Path) -> None:
    coord = set_cell(demo / "tertial.xlsx", "Økonomi", "Budsjett", True, 1)
    result = run("check", demo)
    assert result.exit_code == 1
    assert f"Økonomi › {coord}" in result.output
    assert "må være et tall" in result.output


_TIME = resolve("tid", time, Col("Tid", "klokkeslett"), True)
_DATE = resolve("dato", date, Col("Dato", "dato"), True)


@pytest.mark.parametrize(("typed", "expected"), [
    ("0.00", time(0, 0)), ("23.59", time(23, 59)), ("9:05", time(9, 5)),
    ("12.00", time(12, 0)),
])
def test_time_of_day_inside_the_limits(typed: str, expected: time) -> None:
    assert convert(_TIME, Cell(typed, "B2")) == expected


@pytest.mark.parametrize("typed", ["24.00", "23.60", "25.10", "12", "kl"])
def test_time_of_day_outside_the_limits(typed: str) -> None:
    with pytest.raises(ConversionError):
        convert(_TIME, Cell(typed, "B2"))


def test_the_first_date_excel_can_hold() -> None:
    assert convert(_DATE, Cell("01.01.1900", "B2")) == date(1900, 1, 1)
    assert convert(_DATE, Cell(date(1900, 1, 1), "B2")) == date(1900, 1, 1)
    for before in ("31.12.1899", date(1899, 12, 31)):
        with pytest.raises(ConversionError, match=r"1\. januar 1900"):
            convert(_DATE, Cell(before, "B2"))


# --- what triggers a rebuild -----------------------------------------------------------------


def test_fingerprint_sees_choice_values() -> None:
    a = manifest.data_hash({"status": Status.GRØNN}, "t")
    b = manifest.data_hash({"status": Status.RØD}, "t")
    assert a != b
    assert manifest.data_hash({"status": Status.GRØNN}, "t") == a


def test_a_status_only_change_renders_exactly_the_documents_that_show_it(
        demo: Path, tmp_path: Path) -> None:
    first = pipeline.build([demo], tmp_path, pdf=False)
    assert first.ok, [str(p) for p in first.problems]
    wb = openpyxl.load_workbook(demo / "tertial.xlsx")
    ws = wb["Oppdragsstatus"]
    header = [c.value for c in ws[1]]
    tcol, scol = header.index("Tertial"), header.index("Status")
    row = next(r for r in ws.iter_rows(min_row=2) if r[tcol].value == 2)
    row[scol].value = "rød" if str(row[scol].value).lower() != "rød" else "grønn"
    wb.save(demo / "tertial.xlsx")
    second = pipeline.build([demo], tmp_path, pdf=False)
    assert second.ok, [str(p) for p in second.problems]
    assert [d.filename for d in second.outcome.rendered] == ["tertialrapport-2026-t2.docx"]
