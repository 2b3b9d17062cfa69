"""Issue 16, item 4: the tertialrapport compares with the same tertial last year.

The demo workbooks are edited with openpyxl (columns emptied, removed, or given odd
values), built by the real pipeline, and the DOCX read back with docx2python. Every
expected figure is computed here from the workbook itself, not from our reader.
"""

from __future__ import annotations

import io
import json
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from openpyxl.utils import get_column_letter, range_boundaries
from PIL import Image

from generator import pipeline

from .conftest import REPO, header_column, set_cell
from .docx_tools import W, images, tables, text

GOLDEN = REPO / "tests" / "data" / "tertialrapport-2026-t2-uten-i-fjor.json"
ECONOMY_HEADER = ["Rammeområde", "Budsjett", "Regnskap hittil", "Prognose", "Avvik", "Avvik %"]
COMPARED_HEADER = ["Rammeområde", "Budsjett", "Regnskap hittil", "Regnskap i fjor", "Endring",
                   "Prognose", "Avvik", "Avvik %"]
REGNSKAP_I_FJOR = "Regnskap i fjor"
SYKEFRAVÆR_I_FJOR = "Sykefravær i fjor (%)"


def _build(folder: Path, out: Path) -> Path:
    report = pipeline.build([folder], out, kinds=["tertialrapport"], tertial=2, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return out / "2026" / "tertialrapport" / "tertialrapport-2026-t2.docx"


def _rows(path: Path, sheet: str) -> list[dict]:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def _drop_column(path: Path, sheet: str, header: str) -> None:
    """Remove a column of its Excel table, as an older workbook would lack it."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    col = header_column(ws, header)
    ws.delete_cols(col)
    for table in ws.tables.values():
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        table.ref = (f"{get_column_letter(min_col)}{min_row}:"
                     f"{get_column_letter(max_col - 1)}{max_row}")
        table.tableColumns = [c for c in table.tableColumns if c.name != header]
        table.autoFilter = None
    wb.save(path)


def _empty_column(path: Path, sheet: str, header: str) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    col = header_column(ws, header)
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=col).value = None
    wb.save(path)


def _snapshot(path: Path) -> dict:
    return {"text": text(path), "tables": tables(path), "images": [i["descr"] for i in
                                                                   images(path)]}


def _nb(value: float, decimals: int = 0) -> str:
    """A number as Norwegian tables write it (no-break space between thousands, decimal
    comma, a real minus sign), rounded half up; computed here, not by generator.norsk."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    s = f"{abs(exact):,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return ("−" if exact < 0 else "") + s


def _thousands(kr: float) -> str:
    return _nb(kr / 1000)


def _change(now: float, before: float) -> str:
    """The «Endring» cell: kr, and per cent only of a positive base (a negative base, such
    as tax income or a net total, gives no percentage)."""
    kr = _thousands(now - before)
    return kr + "\n" + _pct((now - before) / before * 100) if before > 0 else kr


def _pct(value: float) -> str:
    return _nb(value, 1) + "\u00a0%"


def _economy_tables(path: Path) -> list[list[list[str]]]:
    return [t for t in tables(path) if t[0][0] == "Rammeområde"]


def _key_table(path: Path) -> list[list[str]]:
    return next(t for t in tables(path) if t[0][0] == "Enhet" and "Sykefravær" in t[0])


def _chart_png(path: Path, starts: str) -> bytes:
    """The picture of the drawing whose alt text starts with ``starts``."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
        a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
        r_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
        for pr in root.iter(f"{wp}docPr"):
            if pr.get("descr", "").startswith(starts):
                blip = next(pr.getparent().iter(f"{a}blip"))
                return zf.read("word/" + targets[blip.get(f"{r_ns}embed")])
    raise AssertionError(f"no drawing «{starts}…»")


def _accent_pixels(png: bytes) -> int:
    """Pixels in the last-year line's colour (nothing else in the chart uses it): the
    accent shade of the demo's profile colour."""
    from generator.demo.logo import PROFILE_COLOUR
    from generator.rendering.palette import shades

    accent = shades(PROFILE_COLOUR).accent
    r0, g0, b0 = (int(accent[i:i + 2], 16) for i in (0, 2, 4))
    img = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(1 for r, g, b in img.get_flattened_data()
               if abs(r - r0) < 12 and abs(g - g0) < 12 and abs(b - b0) < 12)


def _drop_later_sheets(path: Path) -> None:
    """Remove the optional sheets added after the snapshot (vedtak and investment
    projects), as the older workbook the snapshot was made from lacks them."""
    wb = openpyxl.load_workbook(path)
    for name in ("Vedtaksoppfølging", "Investeringsprosjekter"):
        del wb[name]
    wb.save(path)


def test_without_last_year_the_report_is_exactly_as_before(demo: Path, tmp_path: Path) -> None:
    """An older workbook (no such columns) gives the report of before this feature, and
    empty columns give the same: text, every table and every chart's alt text."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    tertial = demo / "tertial.xlsx"
    _drop_later_sheets(tertial)
    _drop_column(tertial, "Økonomi", REGNSKAP_I_FJOR)
    _drop_column(tertial, "Nøkkeltall", SYKEFRAVÆR_I_FJOR)
    assert REGNSKAP_I_FJOR not in [c.value for c in openpyxl.load_workbook(tertial)["Økonomi"][1]]
    path = _build(demo, tmp_path / "a")
    assert _snapshot(path) == golden


def test_empty_last_year_columns_change_nothing(demo: Path, tmp_path: Path) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    _drop_later_sheets(demo / "tertial.xlsx")
    _empty_column(demo / "tertial.xlsx", "Økonomi", REGNSKAP_I_FJOR)
    _empty_column(demo / "tertial.xlsx", "Nøkkeltall", SYKEFRAVÆR_I_FJOR)
    assert _snapshot(_build(demo, tmp_path / "b")) == golden


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as it is: last year's regnskap for drift, last year's sick leave per unit."""
    return _build(pipeline.DEMO_DIR, tmp_path_factory.mktemp("i-fjor"))


def test_the_economy_table_compares_regnskap_with_last_year(compared: Path) -> None:
    lines = [r for r in _rows(pipeline.DEMO_DIR / "tertial.xlsx", "Økonomi")
             if r["Tertial"] == 2 and r["Type"] == "drift"]
    assert all(r[REGNSKAP_I_FJOR] is not None for r in lines)
    drift, investering = _economy_tables(compared)
    assert drift[0] == COMPARED_HEADER
    by_name = {row[0]: row for row in drift[1:-1]}
    assert set(by_name) == {r["Rammeområde"] for r in lines}
    for r in lines:
        row = by_name[r["Rammeområde"]]
        now, before = r["Regnskap hittil"], r[REGNSKAP_I_FJOR]
        assert row[2] == _thousands(now)
        assert row[3] == _thousands(before)
        assert row[4] == _change(now, before)
    now = sum(r["Regnskap hittil"] for r in lines)
    before = sum(r[REGNSKAP_I_FJOR] for r in lines)
    total = drift[-1]
    assert total[0] == "Sum" and total[3] == _thousands(before)
    assert total[4] == _change(now, before)
    # The demo has no last-year figures for investering: that table stays as it was.
    assert investering[0] == ECONOMY_HEADER
    assert "Endring = regnskap hittil i år − regnskap i fjor" in text(compared)


def test_the_key_figures_and_the_chart_show_last_years_sick_leave(compared: Path) -> None:
    rows = _rows(pipeline.DEMO_DIR / "tertial.xlsx", "Nøkkeltall")
    units = {r["Kode"]: r["Enhet"] for r in _rows(pipeline.DEMO_DIR / "styring.xlsx", "Enheter")}
    table = _key_table(compared)
    assert table[0][:3] == ["Enhet", "Sykefravær", "I fjor"]
    body = {row[0]: row for row in table[1:-1]}
    t2 = [r for r in rows if r["Tertial"] == 2]
    for r in t2:
        assert body[units[r["Enhet"]]][2] == _pct(r[SYKEFRAVÆR_I_FJOR])

    def weighted(tertial: int) -> float:  # by this year's årsverk
        mine = [r for r in rows if r["Tertial"] == tertial]
        return (sum(r[SYKEFRAVÆR_I_FJOR] * r["Årsverk"] for r in mine)
                / sum(r["Årsverk"] for r in mine))

    assert table[-1][0] == "Kommunen" and table[-1][2] == _pct(weighted(2))
    alt = next(i["descr"] for i in images(compared)
               if i["descr"].startswith("Linjediagram")).replace("\u00a0", " ")
    assert alt.endswith(f"Samme tertial i fjor: 1. tertial 2026 {_pct(weighted(1))}; "
                        f"2. tertial 2026 {_pct(weighted(2))}.".replace("\u00a0", " "))
    assert _accent_pixels(_chart_png(compared, "Linjediagram")) > 200  # the line is drawn
    assert "samme tertial i fjor." in text(compared)


def test_a_row_without_last_years_figure_shows_a_dash_and_no_partial_sum(
        demo: Path, tmp_path: Path) -> None:
    tertial = demo / "tertial.xlsx"
    lines = _rows(tertial, "Økonomi")
    n = next(i for i, r in enumerate(lines, 1) if r["Tertial"] == 2 and r["Type"] == "drift")
    set_cell(tertial, "Økonomi", REGNSKAP_I_FJOR, None, n)
    keys = _rows(tertial, "Nøkkeltall")
    k = next(i for i, r in enumerate(keys, 1) if r["Tertial"] == 2)
    set_cell(tertial, "Nøkkeltall", SYKEFRAVÆR_I_FJOR, None, k)
    path = _build(demo, tmp_path / "c")
    drift = _economy_tables(path)[0]
    row = next(r for r in drift if r[0] == lines[n - 1]["Rammeområde"])
    assert row[3] == "–" and row[4] == "–"
    assert drift[-1][3] == "–" and drift[-1][4] == "–"
    assert sum(1 for r in drift[1:-1] if r[3] != "–") == len(drift) - 3
    # Sick leave: a dash for that unit, and no municipality figure or chart point for 2.
    key = _key_table(path)
    assert [r[2] for r in key[1:-1]].count("–") == 1 and key[-1][2] == "–"
    alt = next(i["descr"] for i in images(path)
               if i["descr"].startswith("Linjediagram")).replace("\u00a0", " ")
    assert "Samme tertial i fjor: 1. tertial 2026" in alt and "2. tertial 2026 " not in (
        alt.split("Samme tertial i fjor:")[1])


def test_a_bad_last_year_figure_is_a_located_error(demo: Path) -> None:
    from generator.input.validate import load

    cell = set_cell(demo / "tertial.xlsx", "Økonomi", REGNSKAP_I_FJOR, "mye", 3)
    cell2 = set_cell(demo / "tertial.xlsx", "Nøkkeltall", SYKEFRAVÆR_I_FJOR, 140, 2)
    errors = [str(p) for p in load([demo]).problems.errors]
    assert any("tertial.xlsx" in e and "Økonomi" in e and cell in e for e in errors), errors
    assert any("Nøkkeltall" in e and cell2 in e for e in errors), errors


def test_the_economy_table_is_a_real_word_table_with_eight_columns(compared: Path) -> None:
    with zipfile.ZipFile(compared) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    grids = [len(t.findall(f"{W}tblGrid/{W}gridCol")) for t in root.iter(f"{W}tbl")]
    assert 8 in grids and 7 in grids  # economy with comparison; key figures with «I fjor»
