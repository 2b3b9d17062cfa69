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


def _texts(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out += [c.text for c in row.cells]
    return out


def _column(path: Path, header: str, first: str) -> list[str]:
    """The cells under ``header`` of the first table whose first header cell is ``first``."""
    import docx

    for table in docx.Document(str(path)).tables:
        head = [c.text for c in table.rows[0].cells]
        if head[0] == first and header in head:
            return [row.cells[head.index(header)].text for row in table.rows[1:]]
    raise KeyError(first)


def test_deadlines_in_words_sort_among_dates(demo: Path, tmp_path: Path) -> None:
    """Milestones (under their oppdrag in the oppdragsbrev, in the tertialrapport's table) go
    by the date a deadline implies: «medio mars» = 15.03, «Innen 2. tertial» = 31.08. The
    oppdrag keep their Nr order (the demo's Frist dates are in another order)."""
    from datetime import datetime

    from generator.pipeline import build

    styring = demo / "styring.xlsx"
    wb = openpyxl.load_workbook(styring)
    wb["Milepæler"].append(["4", 3, "Prosjektplan vedtatt", None, "medio mars", "nådd"])
    wb["Milepæler"].append(["4", 4, "Evaluering", None, datetime(2026, 9, 30), "planlagt"])
    numbers = [r[0].value for r in wb["Oppdrag"].iter_rows(min_row=2, max_col=1)]
    wb.save(styring)
    report = build([demo], tmp_path / "out", kinds=["oppdragsbrev", "tertialrapport"],
                   pdf=False)
    assert report.ok, [str(p) for p in report.problems.errors]

    brev = next((report.out_dir / "oppdragsbrev").glob("*.docx"))
    cells = _texts(brev)
    title = next(c for c in cells if c.startswith("Digitalisering med målbare gevinster"))
    row = cells[cells.index(title) + 1]  # the Hovedinnhold cell beside the title
    order = [row.index(f"◦ {n}. ") for n in (3, 1, 2, 4)]
    assert order == sorted(order), row  # medio mars, 31. mars, Innen 2. tertial, 30. september
    assert "(medio mars)" in row and "(Innen 2. tertial)" in row
    assert _column(brev, "Nr", "Nr") == [str(n) for n in sorted(numbers)]

    rapport = next((report.out_dir / "tertialrapport").glob("*.docx"))
    assert _column(rapport, "Dato", "Hører til") == [
        "medio mars", "31. mars 2026", "18. juni 2026", "Innen 2. tertial", "30. september 2026",
        "1. oktober 2026"]
    assert [n.split(".")[0] for n in _column(rapport, "Nr", "Nr")] == [
        str(n) for n in sorted(numbers)]
