"""Issue 10: the whole Kompass, the municipality's order, its risk scale and time formats.

Real workbooks are edited with openpyxl, built by the real pipeline, and the DOCX
read back with docx2python (text, tables) and lxml (cell shading).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from generator import pipeline
from generator.input.convert import ConversionError, timespan
from generator.input.validate import load
from generator.rendering import charts
from generator.rendering.palette import STATUS_FILL

from .conftest import REPO, cell_of, header_column, run, set_cell, set_field
from .docx_tools import W, images, table_with_header, tables, text

OLD_WORKBOOKS = REPO / "tests" / "data" / "workbooks-v1"  # as written before issue 10


def _build(folder: Path, tmp_path: Path, kind: str) -> Path:
    out = tmp_path / "out"
    report = pipeline.build([folder], out, kinds=[kind], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    found = sorted((out / "2026" / kind).glob("*.docx"))
    assert found
    return found[-1]


def _errors(folder: Path) -> list[str]:
    return [str(p) for p in load([folder]).problems.errors]


def _column(path: Path, sheet: str, header: str) -> list:
    ws = openpyxl.load_workbook(path)[sheet]
    col = header_column(ws, header)
    return [ws.cell(row=r, column=col).value for r in range(2, ws.max_row + 1)
            if ws.cell(row=r, column=1).value is not None]


# --- Kompass ---------------------------------------------------------------------------


def test_kompass_point_tables_sum_to_the_area_scores(tmp_path: Path) -> None:
    path = _build(pipeline.DEMO_DIR, tmp_path, "utviklingsstrategi")
    areas = openpyxl.load_workbook(pipeline.DEMO_DIR / "kompass.xlsx")["Kompass"]
    scores = {r[0]: r[2] for r in areas.iter_rows(min_row=2, values_only=True) if r[0]}
    point_tables = [t for t in tables(path) if t[0][0] == "Delspørsmål"]
    assert len(point_tables) == 8
    for nr, t in enumerate(point_tables, 1):
        body, total = t[1:-1], t[-1]
        assert total[0] == "Sum"
        assert sum(int(r[1]) for r in body) == int(total[1]) == scores[nr]
        assert int(total[2]) == sum(int(r[2]) for r in body) == 100
    doc = text(path)
    assert "Tabell 3: 1. Offentlighet og demokrati." in doc
    assert "Normalområdet er 360–380 poeng, og kommunen ligger innenfor normalområdet." in doc
    fokus = table_with_header(path, "Fokusområde")
    assert [r[0] for r in fokus[1:]] == ["Demokrati og samfunnsutvikling", "Styring og økonomi",
                                         "Tjenestekvalitet", "Organisasjonskvalitet"]
    assert fokus[1][2] == f"{scores[1] + scores[2]} av 200"
    assert any("Kommunekompasset" in i["descr"] for i in images(path))  # the radar is kept


def test_area_score_that_differs_from_its_sub_questions_is_a_located_error(demo: Path) -> None:
    book = demo / "kompass.xlsx"
    ws = openpyxl.load_workbook(book)["Kompass-spørsmål"]
    first = ws.cell(row=2, column=header_column(ws, "Poeng")).value
    set_cell(book, "Kompass-spørsmål", "Poeng", first - 3, 1)  # area 1 now sums 3 short
    coord = cell_of(book, "Kompass", "Poeng", 1)
    errors = _errors(demo)
    assert any(f"kompass.xlsx › Kompass › {coord}:" in e and "stemmer ikke med summen" in e
               and "(46)" in e for e in errors), errors
    set_cell(book, "Kompass-spørsmål", "Poeng", first - 0.5, 1)  # rounding is tolerated
    assert _errors(demo) == []


def test_fokusområde_on_some_areas_only_is_a_located_error(demo: Path) -> None:
    coord = set_cell(demo / "kompass.xlsx", "Kompass", "Fokusområde", None, 3)
    errors = _errors(demo)
    assert any(f"Kompass › {coord}:" in e and "mangler fokusområde" in e for e in errors), errors


def test_normal_range_placement_comes_from_innstillinger(demo: Path, tmp_path: Path) -> None:
    set_field(demo / "styring.xlsx", "Innstillinger", "Kompass normalområde fra", 390)
    set_field(demo / "styring.xlsx", "Innstillinger", "Kompass normalområde til", 420)
    doc = text(_build(demo, tmp_path, "utviklingsstrategi"))
    assert "Normalområdet er 390–420 poeng, og kommunen ligger under normalområdet." in doc


# --- order -----------------------------------------------------------------------------


def _reverse_rows(path: Path, sheet: str) -> list:
    """Reverse a table sheet's data rows in place; returns its first column, new order."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)
            if row[0].value is not None]
    for r, values in enumerate(reversed(rows), start=2):
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v)
    wb.save(path)
    return [v[0] for v in reversed(rows)]


def test_tables_follow_the_workbooks_row_order(demo: Path, tmp_path: Path) -> None:
    tertial, risiko = demo / "tertial.xlsx", demo / "risiko.xlsx"
    # Without an order column the rows' order counts; the Nr column is emptied first.
    for r in range(1, len(_column(tertial, "Rammeområder", "Rammeområde")) + 1):
        set_cell(tertial, "Rammeområder", "Nr", None, r)
    areas = _reverse_rows(tertial, "Rammeområder")
    risks = _reverse_rows(risiko, "Risiko")
    units = _reverse_rows(demo / "styring.xlsx", "Enheter")
    path = _build(demo, tmp_path, "tertialrapport")
    drift = next(t for t in tables(path) if t[0][0] == "Rammeområde")
    shown = [r[0] for r in drift[1:-1]]
    assert shown == [a for a in areas if a in shown] and len(shown) > 5
    open_ids = [i for i, s in zip(risks, _column(risiko, "Risiko", "Status"), strict=True)
                if s != "lukket"]
    assert [r[0] for r in table_with_header(path, "ID")[1:]] == open_ids
    names = dict(zip(_column(demo / "styring.xlsx", "Enheter", "Kode"),
                     _column(demo / "styring.xlsx", "Enheter", "Enhet"), strict=True))
    key = [r[0] for r in table_with_header(path, "Enhet")[1:-1]]
    assert key == [names[u] for u in units if names[u] in key]


def test_an_order_column_beats_the_row_order(demo: Path, tmp_path: Path) -> None:
    tertial = demo / "tertial.xlsx"
    names = _column(tertial, "Rammeområder", "Rammeområde")
    for r in range(1, len(names) + 1):  # Nr counts down: the last row comes first
        set_cell(tertial, "Rammeområder", "Nr", len(names) + 1 - r, r)
    path = _build(demo, tmp_path, "tertialrapport")
    shown = [r[0] for r in next(t for t in tables(path) if t[0][0] == "Rammeområde")[1:-1]]
    assert shown == [n for n in reversed(names) if n in shown]


# --- risk scales -----------------------------------------------------------------------


def _set_risks(path: Path, levels: list[tuple[object, object]]) -> list[str]:
    """S and K for the first rows; the rest get the scale's lowest level; all left open."""
    ids = _column(path, "Risiko", "Risiko-ID")
    low = levels[-1]
    for r in range(1, len(ids) + 1):
        s, k = levels[r - 1] if r <= len(levels) else low
        set_cell(path, "Risiko", "Sannsynlighet", s, r)
        set_cell(path, "Risiko", "Konsekvens", k, r)
        set_cell(path, "Risiko", "Status", "åpen", r)
    return ids


def _row_fills(path: Path) -> dict[str, set[str]]:
    """The cell shadings of each table row, keyed by the row's first cell text."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = {}
    for tr in root.iter(f"{W}tr"):
        cells = tr.findall(f"{W}tc")
        first = "".join(cells[0].itertext()).strip() if cells else ""
        out[first] = {s.get(f"{W}fill") for s in tr.iter(f"{W}shd")} - {None, "auto"}
    return out


def _risk_rows(path: Path) -> dict[str, list[str]]:
    return {r[0]: r for r in table_with_header(path, "ID")[1:]}


def test_lmh_scale_colours_risks_as_the_seed_does(demo: Path, tmp_path: Path) -> None:
    styring, risiko = demo / "styring.xlsx", demo / "risiko.xlsx"
    set_field(styring, "Innstillinger", "Risikoskala", "L/M/H")
    set_field(styring, "Innstillinger", "Risiko gul fra RF", None)  # the scale's defaults
    set_field(styring, "Innstillinger", "Risiko rød fra RF", None)
    ids = _set_risks(risiko, [("H", "H"), ("l", "H"), ("Middels", "høy"), ("M", "m"),
                              ("Lav", "L")])
    path = _build(demo, tmp_path, "tertialrapport")
    rows, fills = _risk_rows(path), _row_fills(path)
    expected = {ids[0]: ("H", "H", "9", "rød"), ids[1]: ("L", "H", "3", "gul"),
                ids[2]: ("M", "H", "6", "rød"), ids[3]: ("M", "M", "4", "gul"),
                ids[4]: ("L", "L", "1", "grønn")}
    for rid, (s, k, rf, colour) in expected.items():
        assert rows[rid][2:5] == [s, k, rf]
        assert STATUS_FILL[colour] in fills[rid], (rid, fills[rid])
    assert "S og K er gitt på skalaen L/M/H (L = 1, M = 2, H = 3" in text(path)
    matrix = next(i["descr"] for i in images(path) if "Risikomatrise" in i["descr"])
    assert "3 × 3" in matrix and f"{ids[0]} (S H × K H = 9)" in matrix
    cells = charts.heatmap_cells(3, 3, 6)
    assert cells[(3, 3)] == "rød" and cells[(1, 3)] == "gul" and cells[(1, 2)] == "grønn"


def test_one_to_four_scale(demo: Path, tmp_path: Path) -> None:
    styring, risiko = demo / "styring.xlsx", demo / "risiko.xlsx"
    set_field(styring, "Innstillinger", "Risikoskala", "1-4")
    set_field(styring, "Innstillinger", "Risiko gul fra RF", None)
    set_field(styring, "Innstillinger", "Risiko rød fra RF", None)
    ids = _set_risks(risiko, [(4, 4), (1, 4), (3, 3), (1, 1)])
    path = _build(demo, tmp_path, "tertialrapport")
    rows, fills = _risk_rows(path), _row_fills(path)
    for rid, rf, colour in ((ids[0], "16", "rød"), (ids[1], "4", "gul"), (ids[2], "9", "rød"),
                            (ids[3], "1", "grønn")):
        assert rows[rid][4] == rf
        assert STATUS_FILL[colour] in fills[rid]
    matrix = next(i["descr"] for i in images(path) if "Risikomatrise" in i["descr"])
    assert "4 × 4" in matrix and "(1–4)" in matrix
    chart = charts.risk_heatmap([("R", 4, 1)], 4, 9, "", levels=4)
    assert chart.png.startswith(b"\x89PNG")
    with pytest.raises(ValueError):
        charts.risk_heatmap([("R", 5, 1)], 4, 9, "", levels=4)


def test_values_off_the_scale_are_located_errors(demo: Path) -> None:
    styring, risiko = demo / "styring.xlsx", demo / "risiko.xlsx"
    set_field(styring, "Innstillinger", "Risikoskala", "1–4")
    set_field(styring, "Innstillinger", "Risiko gul fra RF", None)
    set_field(styring, "Innstillinger", "Risiko rød fra RF", None)
    five = set_cell(risiko, "Risiko", "Sannsynlighet", 5, 1)
    letter = set_cell(risiko, "Risiko", "Konsekvens", "H", 2)
    errors = _errors(demo)
    assert any(f"Risiko › {five}: sannsynlighet må være et heltall fra 1 til 4, fant «5»" in e
               for e in errors), errors
    assert any(f"Risiko › {letter}: konsekvens må være et heltall fra 1 til 4, fant «H»" in e
               for e in errors), errors
    set_field(styring, "Innstillinger", "Risikoskala", "L/M/H")
    digit = set_cell(risiko, "Risiko", "Sannsynlighet", 2, 3)
    red = set_field(styring, "Innstillinger", "Risiko rød fra RF", 15)
    errors = _errors(demo)
    assert any(f"Risiko › {digit}: sannsynlighet må være L, M eller H" in e for e in errors)
    assert any(f"Innstillinger › {red}:" in e and "(H × H = 9)" in e for e in errors), errors


# --- times, Når, dates in number cells -----------------------------------------------------


@pytest.mark.parametrize(("typed", "written"), [
    ("12-15.45", "kl. 12.00–15.45"), ("12.00–15.45", "kl. 12.00–15.45"),
    ("kl. 12–15.45", "kl. 12.00–15.45"), ("Kl 12-15.45", "kl. 12.00–15.45"),
    ("9–11", "kl. 09.00–11.00"), ("09:00-11:30", "kl. 09.00–11.30"),
    ("9 til 11", "kl. 09.00–11.00"), ("14.30", "kl. 14.30"), (time(8, 15), "kl. 08.15"),
    (0.5, "kl. 12.00"),
])
def test_time_formats_are_accepted_and_written_one_way(typed: object, written: str) -> None:
    assert timespan(typed) == written


@pytest.mark.parametrize("typed", ["lunsj", "25-26", "15-12", "12.75", "12-",
                                   datetime(2026, 3, 12)])  # «12.03» that Excel made a date
def test_unreadable_times_are_refused_with_an_example(typed: object) -> None:
    with pytest.raises(ConversionError, match=re.escape("f.eks. «12-15.45»")):
        timespan(typed)


def test_årshjul_time_når_and_optional_date(demo: Path, tmp_path: Path) -> None:
    styring = demo / "styring.xlsx"
    set_cell(styring, "Årshjul", "Tid", "12-15.45", 2)
    set_cell(styring, "Årshjul", "Når", "Våren", 3)
    set_cell(styring, "Årshjul", "Dato", None, 3)
    path = _build(demo, tmp_path, "oppdragsbrev")
    rows = table_with_header(path, "Når")
    assert rows[1][0] == "Januar/februar"  # the demo's own «Når»
    assert rows[2][1].endswith("kl. 12.00–15.45")
    assert rows[3][0] == "Våren" and rows[3][1] == "kl. 09.00–15.00"
    bad = set_cell(styring, "Årshjul", "Tid", "etter lunsj", 4)
    no_date = set_cell(styring, "Årshjul", "Når", None, 3)
    errors = _errors(demo)
    assert any(f"Årshjul › {bad}: tid må være et klokkeslett eller tidsrom (f.eks. «12-15.45»"
               in e for e in errors), errors
    date_cell = cell_of(styring, "Årshjul", "Dato", 3)
    assert no_date and any(f"Årshjul › {date_cell}: «Dato» mangler verdi (påkrevd når «Når» er "
                               "tom)" in e for e in errors), errors


def test_a_number_cell_holding_a_date_says_what_excel_shows(demo: Path) -> None:
    book = demo / "tertial.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb["Nøkkeltall"]
    cell = ws.cell(row=2, column=header_column(ws, "Sykefravær (%)"))
    cell.value, cell.number_format = datetime(2026, 5, 1), "dd.mm.yyyy"  # 1.5 typed, Excel's way
    wb.save(book)
    errors = _errors(demo)
    message = next(e for e in errors if f"Nøkkeltall › {cell.coordinate}" in e)
    assert "Excel viser «01.05.2026» (1. mai)" in message and "Mente du 1,5?" in message
    assert "00:00:00" not in message


# --- workbooks from before ---------------------------------------------------------------


def test_workbooks_made_before_still_check_and_build(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    shutil.copytree(OLD_WORKBOOKS, folder)
    assert run("check", folder).exit_code == 0
    out = tmp_path / "out"
    report = pipeline.build([folder], out, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    risk = table_with_header(out / "2026" / "tertialrapport" / "tertialrapport-2026-t2.docx",
                             "ID")
    assert len(risk) > 5 and all(r[2].isdigit() for r in risk[1:])
