"""The «Logg» sheet's cells: every text stays text, links are built here.

Every text that comes from the workbooks (file, sheet and values in messages) is
written as text, never as a formula: through Excel (:func:`write_log_book`, xlwings)
with Excel's apostrophe prefix, through openpyxl (:func:`write_log_file`) as a string
cell with the quote prefix. A :class:`Link` becomes a HYPERLINK formula whose arguments
are string literals.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font

from ..files import write_atomic
from ..formulas import looks_like_formula
from .xlsm import LOG_HEADERS, LOG_SHEET

MAX_LOG_ROWS = 5000
MAX_CELL_TEXT = 8000
MAX_FORMULA_ARG = 255  # Excel's limit for a string argument of HYPERLINK
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Link:
    """A cell that links somewhere: ``#'Risiko'!E7`` (this workbook),
    ``C:\\…\\risiko.xlsx#'Risiko'!E7`` (another workbook) or a folder."""

    target: str
    text: str


LogCell = str | Link
LogRow = tuple[LogCell, ...]


def shorten(text: str, n: int) -> str:
    """``text`` cut to at most ``n`` characters, ending with «…» when cut."""
    return text if len(text) <= n else text[: n - 1] + "…"


def clean(text: str) -> str:
    """Text a cell can hold: no control characters, at most MAX_CELL_TEXT characters."""
    return shorten(_ILLEGAL.sub("", text), MAX_CELL_TEXT)


def hyperlink_formula(link: Link) -> str | None:
    """``=HYPERLINK("target","text")`` with both as string literals (quotes doubled),
    or None when Excel's 255-character limit would break it."""
    target, text = clean(link.target), clean(link.text)
    if len(target) > MAX_FORMULA_ARG or len(text) > MAX_FORMULA_ARG:
        return None
    q = lambda s: s.replace('"', '""').replace("\n", " ")  # noqa: E731
    return f'=HYPERLINK("{q(target)}","{q(text)}")'


def excel_value(cell: LogCell) -> str | None:
    """The value to give Excel (through xlwings) for one log cell.

    Excel reads a value as the user's typing: «=…» becomes a formula, «1-2» a date.
    Every text therefore gets Excel's apostrophe prefix, which Excel hides and which
    makes the rest literal text. Links become a HYPERLINK formula built here.
    """
    if isinstance(cell, Link):
        formula = hyperlink_formula(cell)
        return formula if formula else "'" + clean(cell.text)
    text = clean(cell)
    return "'" + text if text else None


def write_log_book(book: Any, rows: Sequence[LogRow]) -> None:
    """Put ``rows`` on top of the workbook's «Logg» sheet through xlwings (Excel is open)."""
    names = [s.name for s in book.sheets]
    if LOG_SHEET in names:
        sheet = book.sheets[LOG_SHEET]
    else:
        sheet = book.sheets.add(LOG_SHEET, after=book.sheets[len(names) - 1])
    if not sheet.range("A1").value:
        sheet.range("A1").value = [["'" + h for h in LOG_HEADERS]]
    n = len(rows)
    sheet.range(f"2:{n + 1}").insert("down", "format_from_right_or_below")
    sheet.range("A2").value = [[excel_value(c) for c in row] for row in rows]
    last = sheet.used_range.last_cell.row
    if last > MAX_LOG_ROWS:
        sheet.range(f"{MAX_LOG_ROWS + 1}:{last}").delete()


def write_log_file(path: Path, rows: Sequence[LogRow]) -> None:
    """Put ``rows`` on top of the «Logg» sheet of a workbook on disk, without Excel.

    openpyxl keeps the VBA project and the button (``keep_vba``) and only the «Logg»
    sheet changes. Refuses while Excel has the file open (it would overwrite the save).
    """
    if path.with_name("~$" + path.name).exists():
        raise OSError(f"{path.name} er åpen i Excel; loggen skrives ikke. Lukk filen og prøv "
                      "igjen.")
    wb = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=True)
    ws = wb[LOG_SHEET] if LOG_SHEET in wb.sheetnames else wb.create_sheet(LOG_SHEET)
    if not ws["A1"].value:
        for j, h in enumerate(LOG_HEADERS, start=1):
            _text_cell(ws.cell(row=1, column=j), h).font = Font(bold=True)
    ws.insert_rows(2, len(rows))
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row, start=1):
            cell = ws.cell(row=i, column=j)
            if isinstance(value, Link):
                formula = hyperlink_formula(value)
                if formula:
                    cell.value = formula
                    cell.font = Font(color="0563C1", underline="single")
                else:
                    _text_cell(cell, value.text)
            elif value:
                _text_cell(cell, value)
    if ws.max_row > MAX_LOG_ROWS:
        ws.delete_rows(MAX_LOG_ROWS + 1, ws.max_row - MAX_LOG_ROWS)
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(path, buf.getvalue())


def _text_cell(cell: Any, text: str) -> Any:
    """A string cell, never a formula; formula-looking text also gets Excel's quote prefix."""
    value = clean(text)
    cell.value = value
    cell.data_type = "s"  # openpyxl makes «=…» a formula otherwise
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell
