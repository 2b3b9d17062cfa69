"""Workbooks read as Excel means them: a table's Total Row is not data, rows carrying only
formatting are not the used range, a sheet too large for its document is refused alike by
``check`` and ``build`` (naming the sheet and its row count), and a foreign spreadsheet
format (.ods, .numbers, .csv, .xls) gets one Norwegian line, alone or beside .xlsx files."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from generator.input.validate import MAX_SHEET_ROWS, load
from generator.pipeline import DEMO_DIR
from tests.conftest import header_column, run


def _errors(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith("FEIL")]


def _rewrite_part(path: Path, part: str, change: object) -> None:
    """Rewrite one part of a real .xlsx (the rest copied as it is)."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    parts[part] = change(parts[part])  # type: ignore[operator]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_a_tables_total_row_is_not_data(demo: Path) -> None:
    """Excel's «Totalrad» switched on: the row of sums under the table is not an økonomi line."""
    path = demo / "tertial.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Økonomi"]
    table = ws.tables["T_Økonomi"]
    last = ws.max_row
    total = last + 1
    ws.cell(total, header_column(ws, "Tertial"), "Sum")
    budget = header_column(ws, "Budsjett")
    ws.cell(total, budget, sum(ws.cell(r, budget).value or 0 for r in range(2, last + 1)))
    table.ref = re.sub(r"\d+$", str(total), table.ref)
    table.totalsRowCount = 1
    table.totalsRowShown = True
    wb.save(path)

    result = load([demo])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert result.data is not None
    assert len(result.data.økonomi) == last - 1
    out = run("check", demo)
    assert out.exit_code == 0, out.output


def test_formatted_empty_rows_are_not_the_used_range(demo: Path) -> None:
    """300 000 rows that only carry formatting (as when a whole column is coloured) are
    read as nothing, not refused as «mer enn 200000 rader»."""
    path = demo / "risiko.xlsx"
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as zf:
        assert b"<sheetData>" in zf.read(sheet)

    def formatted(xml: bytes) -> bytes:
        last = max(int(n) for n in re.findall(rb'<row r="(\d+)"', xml))
        rows = b"".join(b'<row r="%d" spans="1:9"><c r="A%d" s="1"/><c r="H%d" s="3"/></row>'
                        % (r, r, r) for r in range(last + 1, last + 300_001))
        return xml.replace(b"</sheetData>", rows + b"</sheetData>")
    _rewrite_part(path, sheet, formatted)

    result = load([demo])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert result.data is not None and len(result.data.risikoer) == 14


def test_a_value_past_the_row_limit_is_still_refused_with_its_row(demo: Path) -> None:
    path = demo / "risiko.xlsx"
    sheet = "xl/worksheets/sheet1.xml"

    def far_value(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b'<row r="250000"><c r="A250000" t="inlineStr">'
                           b"<is><t>R99</t></is></c></row></sheetData>")
    _rewrite_part(path, sheet, far_value)
    result = load([demo])
    messages = [str(p) for p in result.problems.errors]
    assert any("250" in m and "200" in m and "Risiko" in m for m in messages), messages


@pytest.fixture(scope="module")
def many_risks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with 50 000 risks in the table T_Risiko."""
    folder = tmp_path_factory.mktemp("mange") / "wb"
    shutil.copytree(DEMO_DIR, folder)
    path = folder / "risiko.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Risiko"]
    row = [c.value for c in ws[2]]
    for i in range(50_000 - (ws.max_row - 1)):
        ws.append([f"RX{i}", *row[1:]])
    ws.tables["T_Risiko"].ref = f"A1:I{ws.max_row}"
    wb.save(path)
    return folder


def test_check_and_build_agree_on_a_sheet_too_large_for_its_document(
        many_risks: Path, tmp_path: Path) -> None:
    """50 000 risks: ``check`` used to pass and ``build`` fail without a place («større enn
    64 millioner tegn»). Both now refuse alike, naming the sheet and the row count."""
    lines = []
    for args in (("check", many_risks),
                 ("build", many_risks, "--out", tmp_path / "ut", "--no-pdf", "--only",
                  "tertialrapport")):
        out = run(*args)
        assert out.exit_code == 1, out.output
        errors = _errors(out.output)
        assert len(errors) == 1, out.output
        assert "risiko.xlsx › Risiko" in errors[0], errors
        assert "50\u00a0000 rader" in errors[0], errors
        assert f"{MAX_SHEET_ROWS:,}".replace(",", "\u00a0") in errors[0], errors
        assert "millioner tegn" not in out.output
        lines.append(errors[0])
    assert lines[0] == lines[1]
    assert not list((tmp_path / "ut").rglob("*.docx"))


# -- foreign formats ---------------------------------------------------------------------

FOREIGN = {
    ".ods": (b"PK\x03\x04", "LibreOffice Calc"),
    ".numbers": (b"PK\x03\x04", "Numbers"),
    ".csv": (b"Risiko-ID;Beskrivelse\nR1;Noe\n", "CSV"),
    ".xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel"),
    ".xlsb": (b"PK\x03\x04", "Excel"),
}


def _ods(path: Path) -> None:
    """A real (minimal) OpenDocument spreadsheet: a zip with its mimetype first."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-'
                    'content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')


def _foreign(folder: Path, suffix: str) -> Path:
    path = folder / f"risiko{suffix}"
    if suffix == ".ods":
        _ods(path)
    else:
        path.write_bytes(FOREIGN[suffix][0] * 4)
    return path


@pytest.mark.parametrize("suffix", list(FOREIGN))
def test_a_foreign_format_named_alone_gets_one_norwegian_line(suffix: str,
                                                             tmp_path: Path) -> None:
    path = _foreign(tmp_path, suffix)
    out = run("check", path)
    assert out.exit_code == 1, out.output
    errors = _errors(out.output)
    assert len(errors) == 1, out.output
    assert path.name in errors[0] and "støttes ikke" in errors[0], errors
    assert FOREIGN[suffix][1] in errors[0] and ".xlsx" in errors[0], errors
    assert "skadet" not in out.output and "zip" not in out.output.lower(), out.output


@pytest.mark.parametrize("suffix", [".ods", ".numbers", ".xls"])
def test_a_foreign_format_beside_the_workbooks_is_named(suffix: str, demo: Path) -> None:
    """A folder where risiko.xlsx was saved as .ods instead: the .ods is named (one line),
    with the sheets it would have held missing as the only other errors."""
    (demo / "risiko.xlsx").unlink()
    path = _foreign(demo, suffix)
    out = run("check", demo)
    assert out.exit_code == 1, out.output
    errors = _errors(out.output)
    named = [e for e in errors if f"{path.name}:" in e]
    assert len(named) == 1 and "støttes ikke" in named[0], out.output
    assert "skadet" not in out.output and "BadZipFile" not in out.output, out.output
    assert len(errors) <= 3, out.output  # the .ods and the sheet it would have held


def test_a_foreign_format_beside_complete_workbooks_is_one_line(demo: Path) -> None:
    path = _foreign(demo, ".ods")
    out = run("check", demo)
    errors = _errors(out.output)
    assert len(errors) == 1 and path.name in errors[0], out.output
