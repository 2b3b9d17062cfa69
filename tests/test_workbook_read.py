"""Reading real workbooks: the demo, blank workbooks, round trips and layout variations."""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table

from generator.demo.data import demo_data
from generator.demo.logo import with_profile
from generator.input.blank import HELP_SHEET, cell_value
from generator.input.schema import SHEETS, WORKBOOKS
from generator.input.validate import load
from generator.model.column import Kind
from generator.pipeline import DEMO_DIR

from .conftest import run


def test_demo_passes_check() -> None:
    result = run("check", DEMO_DIR)
    assert result.exit_code == 0, result.output
    assert "OK" in result.output


def test_demo_workbooks_hold_exactly_the_demo_data(demo: Path) -> None:
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems]
    assert result.data == with_profile(demo_data())


def test_blank_workbooks_pass_check(tmp_path: Path) -> None:
    made = run("new-workbook", tmp_path / "ny", "--år", "2027", "--kommune", "Ny kommune")
    assert made.exit_code == 0, made.output
    result = run("check", tmp_path / "ny")
    assert result.exit_code == 0, result.output
    assert "feil" not in result.output.lower().split("merknad")[0]


def test_new_workbook_refuses_to_overwrite(tmp_path: Path) -> None:
    assert run("new-workbook", tmp_path).exit_code == 0
    again = run("new-workbook", tmp_path)
    assert again.exit_code == 1
    assert "finnes allerede" in again.output


def test_blank_macro_workbooks_pass_check_and_are_not_overwritten(tmp_path: Path) -> None:
    made = run("new-workbook", tmp_path / "ny", "--xlsm", "--år", "2027", "--kommune", "Ny")
    assert made.exit_code == 0, made.output
    books = sorted(p.name for p in (tmp_path / "ny").iterdir())
    assert books == sorted(f"{name}.xlsm" for name in WORKBOOKS)
    kommune = openpyxl.load_workbook(tmp_path / "ny" / "styring.xlsm", keep_vba=True)["Kommune"]
    assert {"Ny", 2027} <= {c.value for row in kommune.iter_rows() for c in row}
    result = run("check", tmp_path / "ny")
    assert result.exit_code == 0, result.output
    before = (tmp_path / "ny" / "styring.xlsm").read_bytes()
    again = run("new-workbook", tmp_path / "ny", "--xlsm")
    assert again.exit_code == 1 and "finnes allerede" in again.output
    assert (tmp_path / "ny" / "styring.xlsm").read_bytes() == before


def test_blank_workbook_layout(tmp_path: Path) -> None:
    run("new-workbook", tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "risiko.xlsx")
    ws = wb["Risiko"]
    assert ws.freeze_panes == "A2"
    assert list(ws.tables)  # an Excel table
    assert ws["A1"].font.bold
    lists = {str(dv.sqref).split(":")[0][:1]: dv for dv in ws.data_validations.dataValidation
             if dv.type == "list"}
    assert any("åpen" in (dv.formula1 or "") for dv in lists.values())
    # S and K take the scale chosen in Innstillinger (1–5 … or L/M/H): a hint, no hard rule.
    hints = [dv.prompt or "" for dv in ws.data_validations.dataValidation if dv.type is None]
    assert any("L/M/H" in h and "Innstillinger" in h for h in hints)
    tertial = openpyxl.load_workbook(tmp_path / "tertial.xlsx")["Nøkkeltall"]
    ranges = [dv for dv in tertial.data_validations.dataValidation if dv.type == "whole"]
    assert any(dv.formula1 == "1" and dv.formula2 == "3" for dv in ranges)  # Tertial 1–3
    assert ws.column_dimensions["B"].width > 20
    help_ws = wb[HELP_SHEET]
    texts = {c.value for row in help_ws.iter_rows() for c in row if c.value}
    for col in next(s for s in SHEETS if s.name == "Risiko").columns:
        assert col.header in texts
        assert col.col.help in texts
    tertial = openpyxl.load_workbook(tmp_path / "tertial.xlsx")["Målresultater"]
    assert tertial.conditional_formatting  # status colours


def _typed(col, value):
    value = cell_value(col, value)
    if hasattr(value, "year") and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


def test_round_trip_blank_filled_by_openpyxl(tmp_path: Path) -> None:
    """A blank workbook filled cell by cell through openpyxl reads back exactly."""
    folder = tmp_path / "rt"
    run("new-workbook", folder, "--år", "2026")
    data = demo_data()
    for path in folder.glob("*.xlsx"):
        wb = openpyxl.load_workbook(path)
        for sheet in SHEETS:
            if sheet.name not in wb.sheetnames:
                continue
            ws = wb[sheet.name]
            if sheet.is_table:
                headers = {c.value: c.column for c in ws[1]}
                rows = getattr(data, sheet.attr)
                for i, obj in enumerate(rows, start=2):
                    for col in sheet.columns:
                        ws.cell(row=i, column=headers[col.header],
                                value=_typed(col, getattr(obj, col.field)))
                for table in ws.tables.values():  # as Excel grows the table when typing
                    last = openpyxl.utils.get_column_letter(len(sheet.columns))
                    table.ref = f"A1:{last}{max(len(rows), 1) + 1}"
            else:
                obj = getattr(data, sheet.attr)
                for row in ws.iter_rows(min_row=2):
                    col = next(c for c in sheet.columns if c.header == row[0].value)
                    row[1].value = _typed(col, getattr(obj, col.field))
        wb.save(path)
    result = load([folder])
    assert result.ok, [str(p) for p in result.problems.errors]
    assert result.data == data


def _risk_rows():
    sheet = next(s for s in SHEETS if s.name == "Risiko")
    data = demo_data()
    return sheet, data.risikoer


def _replace_risiko(folder: Path, write) -> None:
    path = folder / "risiko.xlsx"
    path.unlink()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risiko"
    write(ws)
    wb.save(path)


def test_layout_variations_read_the_same(demo: Path) -> None:
    sheet, risks = _risk_rows()
    cols = list(sheet.columns)
    rng = random.Random(7)
    shuffled = cols[:]
    rng.shuffle(shuffled)

    def header(col) -> str:  # other case and surrounding spaces
        return f"  {col.header.upper()} " if len(col.header) % 2 else col.header.lower()

    def plain(ws) -> None:
        ws.append([header(c) for c in shuffled] + ["Notater"])
        for r in risks:
            ws.append([_typed(c, getattr(r, c.field)) for c in shuffled] + ["ekstra"])
            ws.append([])  # blank rows are skipped

    def as_table(ws) -> None:
        ws.append(["Risikoregister for Fjellvik"])
        ws.append([])
        ws.append([c.header for c in shuffled])
        for r in risks:
            ws.append([_typed(c, getattr(r, c.field)) for c in shuffled])
        last = openpyxl.utils.get_column_letter(len(shuffled))
        ws.add_table(Table(displayName="Risikoer", ref=f"A3:{last}{len(risks) + 3}"))

    def text_dates(ws) -> None:
        ws.append([c.header for c in cols])
        for r in risks:
            row = []
            for c in cols:
                v = _typed(c, getattr(r, c.field))
                row.append(v.strftime("%d.%m.%Y") if c.kind is Kind.DATE and v else v)
            ws.append(row)

    for write in (plain, as_table, text_dates):
        _replace_risiko(demo, write)
        result = load([demo])
        assert result.ok, (write.__name__, [str(p) for p in result.problems.errors])
        assert result.data.risikoer == risks, write.__name__
        if write is plain:
            assert any("Notater" in p.message for p in result.problems.notices)


def test_percent_formatted_cells_and_norwegian_number_text(demo: Path) -> None:
    wb = openpyxl.load_workbook(demo / "tertial.xlsx")
    ws = wb["Nøkkeltall"]
    col = next(c.column for c in ws[1] if c.value == "Sykefravær (%)")
    ws.cell(row=2, column=col, value=0.064).number_format = "0.0%"
    ws.cell(row=3, column=col, value="5,5 %")
    ws["A1"].value = "  tertial  "
    money = next(c.column for c in ws[1] if c.value == "Overtid (timer)")
    ws.cell(row=4, column=money, value="1 234,5")
    wb.save(demo / "tertial.xlsx")
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems.errors]
    rows = result.data.nøkkeltall
    assert abs(rows[0].sykefravær - 6.4) < 1e-9
    assert rows[1].sykefravær == 5.5
    assert rows[2].overtid == 1234.5


def test_schema_covers_every_model_field() -> None:
    for sheet in SHEETS:
        names = [f.name for f in dataclasses.fields(sheet.model)]
        assert [c.field for c in sheet.columns] == names
        assert len({c.header.casefold() for c in sheet.columns}) == len(names)


def test_column_documentation_is_up_to_date() -> None:
    from generator.input.docs import markdown
    from generator.pipeline import ROOT

    committed = (ROOT / "docs" / "arbeidsbok.md").read_text(encoding="utf-8")
    assert committed == markdown(), "kjør «styring docs» for å oppdatere docs/arbeidsbok.md"
