"""A new municipality's advisers, typing the way real people do, against the demo
workbooks: one clear bokmål message per cause (file › sheet › cell), never a cascade of
follow-on errors, never third-party English. Real .xlsx files edited with openpyxl and read
by the real loader."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from generator.input.validate import load
from generator.pipeline import DEMO_DIR, TEMPLATE_DIR

ENGLISH = re.compile(r"\b(there|is|no|item|named|the|archive|not|file|error|invalid)\b")


@pytest.fixture
def wb(tmp_path: Path) -> Path:
    folder = tmp_path / "wb"
    folder.mkdir()
    for f in sorted(DEMO_DIR.glob("*.xlsx")) + sorted(DEMO_DIR.glob("*.png")):
        shutil.copy(f, folder / f.name)
    return folder


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
