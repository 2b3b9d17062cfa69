"""The municipality's own words (issue 24): shown as written, own leader levels, deadlines in
the order of the date they imply, and one message for one cause."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.pipeline import check

from .conftest import set_cell


def _empty(path: Path, sheet: str, absent: bool = False) -> None:
    wb = openpyxl.load_workbook(path)
    if absent:
        del wb[sheet]
    else:
        wb[sheet].delete_rows(2, wb[sheet].max_row)
    wb.save(path)


@pytest.mark.parametrize("absent", [False, True], ids=["tomt", "mangler"])
def test_content_without_delstrategier_is_one_message(demo: Path, absent: bool) -> None:
    """An empty (or absent) Delstrategier while Delstrategi-innhold has rows: one FEIL on
    Delstrategier naming the rows, not one per row and no «er tomt» notice besides."""
    _empty(demo / "kompass.xlsx", "Delstrategier", absent)
    problems = check([demo]).problems
    assert [(p.file, p.sheet, p.cell) for p in problems.errors] == [
        ("kompass.xlsx", "Delstrategier", None)]
    message = problems.errors[0].message
    assert ("«Delstrategi-innhold» har 10 rader til delstrategi nr. 1, 2 og 3" in message)
    assert ("Legg til arket" if absent else "Fyll ut arket") in message
    assert not [p for p in problems if p.sheet in ("Delstrategier", "Delstrategi-innhold")
                and p not in problems.errors]


def test_content_for_a_number_delstrategier_lacks_is_judged_by_row(demo: Path) -> None:
    """Delstrategier with rows: a content row for a number it lacks is its own error."""
    coord = set_cell(demo / "kompass.xlsx", "Delstrategi-innhold", "Delstrategi nr", 9, 1)
    errors = check([demo]).problems.errors
    assert [(p.sheet, p.cell) for p in errors] == [("Delstrategi-innhold", coord)]
    assert "delstrategi nr. 9 finnes ikke" in errors[0].message
