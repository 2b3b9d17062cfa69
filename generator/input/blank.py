"""Write input workbooks from the schema: blank for a new year, or filled (the demo).

Every sheet gets a styled, frozen header row, column widths, an Excel table,
drop-down lists for every choice, number and date formats, status colours and
input help; each workbook ends with a «Veiledning» sheet that explains every
column. Written by XlsxWriter, which never turns a text into a formula.
"""

from __future__ import annotations

import enum
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import write_atomic
from ..formulas import looks_like_formula
from ..model.column import Column, Kind
from ..model.domain import SYNONYMER, Status
from ..texts import N_, _
from .rules import RULES
from .schema import KEY_HEADER_TEXTS, SHEETS, WORKBOOKS, Sheet, workbook_file

if TYPE_CHECKING:
    import xlsxwriter  # imported where a workbook is written: a build only reads them

VALIDATION_ROWS = 1000
HELP_SHEET = N_("Veiledning")
STATUS_FILL = {Status.GRØNN: "#C6EFCE", Status.GUL: "#FFEB9C", Status.RØD: "#FFC7CE"}
STATUS_FONT = {Status.GRØNN: "#006100", Status.GUL: "#9C5700", Status.RØD: "#9C0006"}


def cell_value(column: Column, value: Any) -> Any:
    """A model value as it is typed in a cell."""
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return _(str(value.value))
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, list):
        return (", " if column.kind is Kind.CODES else "\n").join(value)
    return value


def placeholder(column: Column) -> str:
    """The visible stand-in a new workbook holds until the adviser writes the text."""
    return f"[{_(column.header)}: fyll ut]"


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and value.startswith("[") and value.endswith(": fyll ut]")


def starter(sheet: Sheet, **known: Any) -> Any:
    """A key–value sheet's first content: known values, defaults and placeholders."""
    kwargs = {}
    for c in sheet.columns:
        if c.field in known:
            kwargs[c.field] = known[c.field]
        elif c.required:
            if c.kind is not Kind.TEXT:  # pragma: no cover - schema invariant, see tests
                raise TypeError(f"{sheet.name}.{c.field}: needs a starter value")
            kwargs[c.field] = placeholder(c)
    return sheet.model(**kwargs)


def write_workbooks(folder: Path, data: Any | None = None, suffix: str = ".xlsx",
                    workbooks: Sequence[str] = WORKBOOKS, **options: Any) -> list[Path]:
    """Write one workbook per owner into ``folder``.

    ``data`` is a Styringsdata (the demo), or for a blank set a dict of known
    key–value fields per sheet attribute, e.g. ``{"kommune": {"år": 2027}}``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    return [write_workbook(folder / f"{workbook_file(name)}{suffix}",
                           [s for s in SHEETS if s.workbook == name],
                           data, **options) for name in workbooks]


def write_workbook(path: Path, sheets: Iterable[Sheet], data: Any | None = None,
                   vba_project: Path | None = None, before_close: Any = None) -> Path:
    """Write one workbook with the given sheets, their rows taken from ``data``.

    ``before_close(workbook, formats)`` may add to the workbook (the Excel button does).
    """
    sheets = list(sheets)
    buf = io.BytesIO()
    import xlsxwriter  # 30 ms: only when a workbook is written

    wb = xlsxwriter.Workbook(buf, {"strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})
    wb.set_properties({"title": f"Styringsdata: {path.stem}", "author": "styring",
                       "created": datetime(2026, 1, 1)})  # fixed: reproducible files
    if vba_project is not None:
        wb.add_vba_project(str(vba_project))
        wb.set_vba_name("ThisWorkbook")
    fmt = _formats(wb)
    for index, sheet in enumerate(sheets, start=1):
        ws = wb.add_worksheet(_(sheet.name))  # in the målform (generator/texts.py)
        if vba_project is not None:
            ws.set_vba_name(f"Sheet{index}")
        rows = _rows(sheet, data)
        if sheet.is_table:
            _table_sheet(ws, sheet, rows, fmt)
        else:
            _keyvalue_sheet(ws, sheet, rows[0] if rows else None, fmt)
    help_ws = wb.add_worksheet(_(HELP_SHEET))
    if vba_project is not None:
        help_ws.set_vba_name(f"Sheet{len(sheets) + 1}")
    _help_sheet(help_ws, sheets, fmt)
    if before_close is not None:
        before_close(wb, fmt)
    wb.close()
    return write_atomic(path, buf.getvalue())


def _rows(sheet: Sheet, data: Any | None) -> list[Any]:
    if data is None:
        return []
    if isinstance(data, dict):  # a blank set: starters for key–value sheets only
        return [] if sheet.is_table else [starter(sheet, **data.get(sheet.attr, {}))]
    value = getattr(data, sheet.attr)
    return list(value) if sheet.is_table else [value]


def _formats(wb: xlsxwriter.Workbook) -> dict[str, Any]:
    base = {"font_name": "Calibri", "font_size": 11, "valign": "top"}
    return {
        "header": wb.add_format({**base, "bold": True, "font_color": "#FFFFFF",
                                 "bg_color": "#1F4E79", "text_wrap": True, "border": 1}),
        "title": wb.add_format({**base, "bold": True, "font_size": 14, "font_color": "#1F4E79"}),
        "text": wb.add_format({**base, "num_format": "@"}),
        "wrap": wb.add_format({**base, "text_wrap": True, "num_format": "@"}),
        "int": wb.add_format({**base, "num_format": "0"}),
        "decimal": wb.add_format({**base, "num_format": "#,##0.0"}),
        "money": wb.add_format({**base, "num_format": "#,##0"}),
        "percent": wb.add_format({**base, "num_format": "0.0"}),
        "date": wb.add_format({**base, "num_format": "dd.mm.yyyy"}),
        "key": wb.add_format({**base, "bold": True}),
        "quoted": wb.add_format({**base, "text_wrap": True, "quote_prefix": True}),
        "muted": wb.add_format({**base, "font_color": "#595959", "text_wrap": True}),
        **{f"status_{s.value}": wb.add_format({"bg_color": STATUS_FILL[s],
                                                "font_color": STATUS_FONT[s]}) for s in Status},
    }


def _cell_format(column: Column, fmt: dict[str, Any]) -> Any:
    return {
        Kind.LINES: fmt["wrap"], Kind.INT: fmt["int"], Kind.DECIMAL: fmt["decimal"],
        Kind.MONEY: fmt["money"], Kind.PERCENT: fmt["percent"], Kind.DATE: fmt["date"],
        Kind.DEADLINE: fmt["date"],  # a date, or text as written
    }.get(column.kind, fmt["wrap"] if column.width >= 40 else fmt["text"])


def _write(ws: Any, row: int, col: int, column: Column, value: Any, cell_fmt: Any,
           quoted: Any) -> None:
    """Write a typed value; text that looks like a formula gets Excel's quote prefix."""
    value = cell_value(column, value)
    if value is None:
        ws.write_blank(row, col, None, cell_fmt)
    elif isinstance(value, datetime | date) and value.year >= 1900:
        ws.write_datetime(row, col, datetime(value.year, value.month, value.day), cell_fmt)
    elif isinstance(value, datetime | date):  # Excel has no dates before 1900: keep as text
        ws.write_string(row, col, f"{value.day:02d}.{value.month:02d}.{value.year}", cell_fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, cell_fmt)
    else:
        text = str(value)
        ws.write_string(row, col, text, quoted if looks_like_formula(text) else cell_fmt)


def _validate(ws: Any, first_row: int, last_row: int, col: int, column: Column) -> None:
    """Drop-down or range validation for a column (or a key–value cell)."""
    message = {"input_title": _(column.header)[:32], "input_message": _(column.col.help)[:255]}
    lo, hi = column.col.minimum, column.col.maximum
    rule: dict[str, Any] | None = None
    if column.choices:
        choices = [_(c) for c in column.choices]
        rule = {"validate": "list", "source": choices,
                "error_message": "Velg en verdi fra listen: " + ", ".join(choices)}
        if column.enum_type in SYNONYMER:  # the municipality's own words are read too
            rule |= {"error_type": "warning", "error_message": rule["error_message"]
                     + ". Kommunens egne ord for det samme (se Veiledning) godtas også: velg "
                     "Ja for å beholde det du skrev."}
    elif column.kind is Kind.INT and lo is not None:
        rule = {"validate": "integer", "criteria": "between", "minimum": int(lo),
                "maximum": int(hi if hi is not None else 10**9),
                "error_message": f"Skriv et heltall ({column.describe()})."}
    elif column.kind in (Kind.DECIMAL, Kind.PERCENT) and lo is not None:
        rule = {"validate": "decimal", "criteria": "between", "minimum": lo,
                "maximum": hi if hi is not None else 10**12,
                "error_message": f"Skriv et tall ({column.describe()})."}
    elif column.kind is Kind.DATE:
        rule = {"validate": "date", "criteria": "between",
                "minimum": datetime(2000, 1, 1), "maximum": datetime(2100, 12, 31),
                "error_message": "Skriv en dato på formen dd.mm.åååå."}
    if rule is None:
        rule = {"validate": "any"}
    else:
        rule["error_title"] = "Ugyldig verdi"
    ws.data_validation(first_row, col, last_row, col, {**rule, **message})


def _table_sheet(ws: Any, sheet: Sheet, rows: list[Any], fmt: dict[str, Any]) -> None:
    cols = sheet.columns
    last = max(len(rows), 1)
    ws.add_table(0, 0, last, len(cols) - 1, {
        "name": "T_" + "".join(ch for ch in sheet.name if ch.isalnum()),
        "style": "Table Style Light 9",
        "columns": [{"header": _(c.header), "header_format": fmt["header"]} for c in cols],
    })
    ws.freeze_panes(1, 0)
    ws.set_row(0, 32)
    for j, c in enumerate(cols):
        cell_fmt = _cell_format(c, fmt)
        ws.set_column(j, j, c.width, cell_fmt)
        for i, obj in enumerate(rows, start=1):
            _write(ws, i, j, c, getattr(obj, c.field), cell_fmt, fmt["quoted"])
        _validate(ws, 1, VALIDATION_ROWS, j, c)
        if c.enum_type is Status:
            from xlsxwriter.utility import xl_col_to_name  # with the workbook writer

            letter = xl_col_to_name(j)
            for s in Status:
                ws.conditional_format(1, j, VALIDATION_ROWS, j, {
                    "type": "formula", "criteria": f'=LOWER(${letter}2)="{_(s.value)}"',
                    "format": fmt[f"status_{s.value}"]})


def _keyvalue_sheet(ws: Any, sheet: Sheet, obj: Any | None, fmt: dict[str, Any]) -> None:
    key_h, value_h, help_h = KEY_HEADER_TEXTS
    for j, h in enumerate((key_h, value_h, help_h)):
        ws.write_string(0, j, h, fmt["header"])
    ws.freeze_panes(1, 0)
    ws.set_column(0, 0, 34, fmt["key"])
    ws.set_column(1, 1, 60, fmt["wrap"])
    ws.set_column(2, 2, 60, fmt["muted"])
    for i, c in enumerate(sheet.columns, start=1):
        ws.write_string(i, 0, _(c.header), fmt["key"])
        value = getattr(obj, c.field) if obj is not None else None
        if c.kind is Kind.TEXT and value:
            ws.set_row(i, min(15 * (1 + len(str(value)) // 70 + str(value).count("\n")), 400))
        _write(ws, i, 1, c, value, _cell_format(c, fmt) if c.kind is not Kind.TEXT
               else fmt["wrap"], fmt["quoted"])
        ws.write_string(i, 2, f"{_(c.col.help)} ({c.describe()})", fmt["muted"])
        _validate(ws, i, i, 1, c)


def _help_sheet(ws: Any, sheets: list[Sheet], fmt: dict[str, Any]) -> None:
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 2, 42, fmt["muted"])
    ws.set_column(3, 3, 70, fmt["muted"])
    ws.write_string(0, 0, _("Veiledning: hva hver kolonne skal inneholde"), fmt["title"])
    ws.write_string(1, 0, _("Ark, kolonner og felt leses etter overskriften, ikke plasseringen. "
                            "Tomme rader hoppes over. Datoer skrives som dd.mm.åååå."),
                    fmt["muted"])
    headers = (N_("Ark"), N_("Kolonne / felt"), N_("Type"), N_("Forklaring"))
    for j, h in enumerate(headers):
        ws.write_string(3, j, _(h), fmt["header"])
    r = 4
    for sheet in sheets:
        ws.write_string(r, 0, _(sheet.name), fmt["key"])
        ws.write_string(r, 3, sheet.guide, fmt["muted"])
        r += 1
        for c in sheet.columns:
            ws.write_string(r, 1, _(c.header))
            ws.write_string(r, 2, c.describe(), fmt["muted"])
            ws.write_string(r, 3, _(c.col.help), fmt["muted"])
            r += 1
    ws.freeze_panes(4, 0)
    _rules(ws, r + 1, fmt)


def _rules(ws: Any, r: int, fmt: dict[str, Any]) -> int:
    """The rules that span sheets (order, scales, times, Kompass), below the columns."""
    ws.write_string(r, 0, _("Regler på tvers av arkene"), fmt["key"])
    for title, rule in RULES:
        r += 1
        ws.write_string(r, 1, _(title))
        ws.write_string(r, 3, _(rule), fmt["wrap"])
    return r + 1
