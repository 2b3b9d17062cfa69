"""A new municipality's advisers, typing the way real people do, against the demo
workbooks: one clear bokmål message per cause (file › sheet › cell), never a cascade of
follow-on errors, never third-party English. Real .xlsx files edited with openpyxl and read
by the real loader."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from generator.input.validate import load
from generator.model.domain import frist_dato
from generator.pipeline import TEMPLATE_DIR

ENGLISH = re.compile(r"\b(there|is|no|item|named|the|archive|not|file|error|invalid)\b")


@pytest.fixture
def wb(demo: Path) -> Path:
    return demo  # conftest's private copy of the demo workbooks


def _messages(folder: Path) -> tuple[list[str], list[str]]:
    result = load([folder])
    return ([str(p) for p in result.problems.errors], [str(p) for p in result.problems.notices])


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)


def test_a_renamed_sheet_is_one_error_not_one_per_reference(wb: Path) -> None:
    _edit(wb / "styring.xlsx", lambda b: setattr(b["Oppdrag"], "title", "Oppdrag 2026"))
    errors, notices = _messages(wb)
    assert len(errors) == 1, errors
    assert "«Oppdrag»" in errors[0] and "«Oppdrag 2026»" in errors[0], errors
    # the rows that refer to it are counted, once per sheet, not reported one by one
    assert not any("finnes ikke i arket Oppdrag" in e for e in errors)
    assert any("Bidrag" in n and "Oppdrag" in n for n in notices), notices


@pytest.mark.parametrize("content", ["other-zip", "docx", "empty"])
def test_a_foreign_file_named_xlsx_is_one_norwegian_error(wb: Path, content: str) -> None:
    target = wb / "tertial.xlsx"
    if content == "other-zip":
        with zipfile.ZipFile(target, "w") as zf:
            zf.writestr("hei.txt", "hei")
    elif content == "docx":
        shutil.copy(TEMPLATE_DIR / "lederavtale.docx", target)
    else:
        target.write_bytes(b"")
    errors, notices = _messages(wb)
    assert len(errors) == 1, errors
    assert errors[0].startswith("tertial.xlsx: "), errors
    assert not ENGLISH.search(errors[0].split(": ", 1)[1]), errors
    if content == "docx":
        assert "Word" in errors[0], errors
    # the sheets it should have held are not reported again, one by one or as notices
    assert not any("finnes ikke" in n for n in notices), notices


def test_a_copied_workbook_is_one_error_not_one_per_sheet(wb: Path) -> None:
    shutil.copy(wb / "styring.xlsx", wb / "Styring 2026 (kopi).xlsx")
    errors, _ = _messages(wb)
    assert len(errors) == 1, errors
    assert "Styring 2026 (kopi).xlsx" in errors[0] and "styring.xlsx" in errors[0], errors


def _cell(path: Path, sheet: str, header: str, value: object, row: int = 2) -> str:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    col = next(c.column for c in ws[1] if str(c.value).strip() == header)
    ws.cell(row=row, column=col).value = value
    book.save(path)
    return ws.cell(row=row, column=col).coordinate


@pytest.mark.parametrize(("typed", "expected"), [
    ("31.12.26", date(2026, 12, 31)), ("1.9.26 ", date(2026, 9, 1)),
    ("23. november 2026", date(2026, 11, 23)), ("23.november 2026", date(2026, 11, 23)),
])
def test_dates_typed_as_text_the_norwegian_way_are_read(wb: Path, typed: str,
                                                        expected: date) -> None:
    _cell(wb / "lederavtaler.xlsx", "Lederavtaler", "Dato", typed)
    result = load([wb])
    assert result.ok, [str(p) for p in result.problems.errors]
    assert result.data is not None
    assert result.data.lederavtaler[0].dato == expected


@pytest.mark.parametrize(("typed", "implied"), [
    ("31.12.26", date(2026, 12, 31)), ("Q3 2027", date(2027, 9, 30)),
    ("Tertial 2", date(2026, 8, 31)), ("innen Q1", date(2026, 3, 31)),
])
def test_deadlines_typed_the_way_advisers_write_them_are_read(wb: Path, typed: str,
                                                              implied: date) -> None:
    _cell(wb / "styring.xlsx", "Oppdrag", "Frist", typed)
    result = load([wb])
    assert result.ok, [str(p) for p in result.problems.errors]
    assert result.data is not None
    assert frist_dato(result.data.oppdrag[0].frist, 2026) == implied


def test_a_deadline_text_with_a_short_year_implies_that_year() -> None:
    assert frist_dato("Senest 31.12.26", 2025) == date(2026, 12, 31)
    assert frist_dato("innen 1.9", 2026) == date(2026, 9, 1)


def test_a_missing_leader_sheet_is_one_error_not_a_notice_per_responsibility(wb: Path) -> None:
    _edit(wb / "lederavtaler.xlsx", lambda b: b.remove(b["Ledere"]))
    errors, notices = _messages(wb)
    assert len(errors) == 1 and "«Ledere»" in errors[0], errors
    assert not any("har ingen leder" in n or "peker ikke" in n for n in notices), notices
    assert len(notices) <= 4, notices  # one per sheet that refers to it


def test_a_true_false_cell_is_quoted_as_excel_shows_it_in_norwegian(wb: Path) -> None:
    coord = _cell(wb / "tertial.xlsx", "Økonomi", "Budsjett", True)
    errors, _ = _messages(wb)
    assert errors == [f"tertial.xlsx › Økonomi › {coord}: budsjett må være et tall, fant «SANN»"]


@pytest.mark.parametrize(("typed", "amount"), [
    ("kr 250 000", 250_000), ("1,5 mill.", 1_500_000), ("2 millioner kr", 2_000_000),
    ("9 400 000 ", 9_400_000), ("Kr. 58 600 000", 58_600_000),
])
def test_amounts_typed_as_text_the_norwegian_way_are_read(wb: Path, typed: str,
                                                          amount: int) -> None:
    _cell(wb / "tertial.xlsx", "Økonomi", "Prognose", typed)
    result = load([wb])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert result.data is not None
    assert result.data.økonomi[0].prognose == amount


def test_a_cell_merged_down_over_a_group_of_rows_counts_in_every_row(wb: Path) -> None:
    def merge(book: openpyxl.Workbook) -> None:
        ws = book["Mål"]
        col = next(c.column_letter for c in ws[1] if c.value == "Perspektiv")
        for r in (3, 4):
            ws[f"{col}{r}"].value = None
        ws.merge_cells(f"{col}2:{col}4")
    _edit(wb / "styring.xlsx", merge)
    result = load([wb])
    assert result.ok, [str(p) for p in result.problems.errors]
    assert result.data is not None
    assert len({m.perspektiv for m in result.data.mål[:3]}) == 1


def test_a_renamed_sheet_in_a_nynorsk_workbook_is_named_as_the_workbook_names_it(
        tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from generator.cli import app

    folder = tmp_path / "nn"
    assert CliRunner().invoke(app, ["demo", str(folder), "--målform", "nynorsk"]).exit_code == 0
    _edit(folder / "styring.xlsx", lambda b: setattr(b["Einingar"], "title", "Einingar 2026"))
    errors, _ = _messages(folder)
    assert len(errors) == 1, errors
    assert "«Einingar»" in errors[0] and "«Einingar 2026»" in errors[0], errors


@pytest.mark.parametrize("header", ["Budsjett 2026", None])
def test_a_missing_or_renamed_column_is_one_error_not_one_per_row(wb: Path,
                                                                  header: str | None) -> None:
    def rename(book: openpyxl.Workbook) -> None:
        ws = book["Økonomi"]
        cell = next(c for c in ws[1] if c.value == "Budsjett")
        if header is None:
            ws.delete_cols(cell.column)
        else:
            cell.value = header
    _edit(wb / "tertial.xlsx", rename)
    errors, notices = _messages(wb)
    assert len(errors) == 1 and "«Budsjett»" in errors[0], errors
    if header:
        assert f"«{header}»" in errors[0], errors
        assert not any(header in n for n in notices), notices  # not also an unknown column


@pytest.mark.parametrize("typed", ["2. tertial", "T2", "Tertial 2", " 2 "])
def test_the_tertial_written_in_words_is_read(wb: Path, typed: str) -> None:
    before = load([wb]).data
    assert before is not None
    row = 2 + next(i for i, line in enumerate(before.økonomi) if line.tertial == 2)
    _cell(wb / "tertial.xlsx", "Økonomi", "Tertial", typed, row=row)
    result = load([wb])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert result.data is not None and result.data.økonomi == before.økonomi


def test_an_output_folder_that_is_a_file_is_said_in_norwegian(wb: Path) -> None:
    from generator import pipeline

    report = pipeline.build([wb], wb / "styring.xlsx", kinds=["oppdragsbrev"], pdf=False)
    errors = [str(p) for p in report.problems.errors]
    assert len(errors) == 1, errors
    assert "Not a directory" not in errors[0] and "fil, ikke en mappe" in errors[0], errors


def test_the_operating_systems_reasons_are_in_norwegian() -> None:
    import errno

    from generator.errors import os_reason

    for code in (errno.ENOENT, errno.EACCES, errno.ENOSPC, errno.ENOTDIR, errno.EROFS):
        reason = os_reason(OSError(code, "English text"))
        assert "English" not in reason and not ENGLISH.search(reason), reason


def test_without_the_tertial_workbook_the_other_documents_are_still_made(wb: Path) -> None:
    (wb / "tertial.xlsx").unlink()  # a municipality that only writes oppdragsbrev and avtaler
    result = load([wb])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert any("Økonomi" in str(p) for p in result.problems.notices)


def test_a_duplicate_id_is_quoted_as_typed(wb: Path) -> None:
    coord = _cell(wb / "lederavtaler.xlsx", "Ledere", "Leder-ID", "L01", row=3)
    errors, _ = _messages(wb)
    duplicate = [e for e in errors if "finnes allerede" in e]
    assert duplicate == [f"lederavtaler.xlsx › Ledere › {coord}: Leder-ID «L01» finnes allerede "
                         "(A2). Hver rad må ha sin egen."], errors


@pytest.mark.parametrize(("typed", "implied"), [
    ("innen utgangen av september 2027", date(2027, 9, 30)),
    ("Innen 26/8-2027", date(2027, 8, 26)), ("26/8", date(2026, 8, 26)),
    ("i løpet av 2027", date(2027, 12, 31)), ("Sommer 2027", date(2027, 6, 30)),
    ("uke 34", date(2026, 8, 21)), ("hele året", date(2026, 12, 31)),
])
def test_deadlines_as_real_documents_write_them_imply_a_date(typed: str, implied: date) -> None:
    assert frist_dato(typed, 2026) == implied


@pytest.mark.parametrize("typed", ["Løpende", "fortløpende", "Kontinuerlig"])
def test_an_ongoing_deadline_is_kept_as_written(wb: Path, typed: str) -> None:
    _cell(wb / "styring.xlsx", "Oppdrag", "Frist", typed)
    result = load([wb])
    assert result.ok, [str(p) for p in result.problems.errors]
    assert result.data is not None and result.data.oppdrag[0].frist == typed


def test_hidden_rows_are_used_and_said_once_per_sheet(wb: Path) -> None:
    def hide(book: openpyxl.Workbook) -> None:
        for r in (3, 5):
            book["Oppdrag"].row_dimensions[r].hidden = True
    _edit(wb / "styring.xlsx", hide)
    result = load([wb])
    assert result.ok and result.data is not None
    assert len(result.data.oppdrag) == 9  # nothing dropped
    said = [str(p) for p in result.problems.notices if "skjult" in p.message]
    assert said == ["styring.xlsx › Oppdrag: rad 3 og 5 er skjult i Excel, men tas med i "
                    "dokumentene. Slett radene som ikke skal med."], said


@pytest.mark.parametrize(("file", "sheet", "renamed"), [
    ("kompass.xlsx", "Kompass", "Kompass 2025"), ("tertial.xlsx", "Rammeområder", "Rammer"),
    ("styring.xlsx", "Enheter", "Enhetene"),
])
def test_a_renamed_optional_or_required_sheet_is_named_not_passed_over(
        wb: Path, file: str, sheet: str, renamed: str) -> None:
    _edit(wb / file, lambda b: setattr(b[sheet], "title", renamed))
    errors, _ = _messages(wb)
    assert len(errors) == 1, errors
    assert f"«{sheet}»" in errors[0] and f"«{renamed}»" in errors[0], errors


def test_an_own_sheet_with_a_similar_name_but_other_columns_is_left_alone(wb: Path) -> None:
    (wb / "tertial.xlsx").unlink()

    def add(book: openpyxl.Workbook) -> None:
        ws = book.create_sheet("Økonomiplan 2027–2030")
        ws.append(["Tiltak", "2027", "2028"])
        ws.append(["Ny barnehage", 1000, 2000])
    _edit(wb / "styring.xlsx", add)
    errors, _ = _messages(wb)
    assert errors == [], errors


@pytest.mark.parametrize("dash", ["–", "-", " — "])
def test_a_dash_for_nothing_in_an_optional_cell_is_an_empty_cell(wb: Path, dash: str) -> None:
    _cell(wb / "tertial.xlsx", "Økonomi", "Revidert budsjett", dash)
    result = load([wb])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert result.data is not None and result.data.økonomi[0].revidert_budsjett is None
