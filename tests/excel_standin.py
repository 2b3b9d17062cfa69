"""A stand-in for Excel for the button's Python side (Linux has no Excel).

``FakeBook`` behaves like the ``xlwings.Book`` that ``xlwings.Book.caller()`` returns,
over a real file: edits go to an openpyxl workbook (keep_vba) and ``save()`` writes it.
Values are set the way Excel takes them from xlwings («'…» is text, «=…» a formula).

:func:`install` is for a separate Python process started the way xlwings' VBA starts
it (``python -c "…" --wb=NAME --from_xl=1 …``): it makes ``xlwings.Book.caller()``
return the workbook named by ``--wb`` (parsed as xlwings does) from the folders on
sys.path (xlwings' ``prepare_sys_path`` puts the workbook's folder there), as Excel
would find the open workbook by name. Alerts are printed as ``ALERT {json}`` lines.
Standard library, openpyxl and xlwings only; no pytest.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter


class FakeRange:
    """Behaves as Excel does when xlwings sets values: «'…» is text, «=…» a formula."""

    def __init__(self, sheet: FakeSheet, address: str):
        self.sheet, self.address = sheet, address

    @property
    def ws(self) -> Any:
        return self.sheet.ws

    def _top_left(self) -> tuple[int, int]:
        m = re.match(r"([A-Z]+)(\d+)", self.address)
        assert m, self.address
        return int(m[2]), column_index_from_string(m[1])

    def _rows(self) -> tuple[int, int]:
        m = re.fullmatch(r"(\d+):(\d+)", self.address)
        assert m, self.address
        return int(m[1]), int(m[2])

    @property
    def value(self) -> Any:
        row, col = self._top_left()
        return self.ws.cell(row=row, column=col).value

    @value.setter
    def value(self, values: Any) -> None:
        row, col = self._top_left()
        for i, line in enumerate(values):
            for j, v in enumerate(line):
                cell = self.ws.cell(row=row + i, column=col + j)
                if isinstance(v, str) and v.startswith("'"):
                    cell.value = v[1:]
                    cell.data_type = "s"
                    cell.quotePrefix = True
                else:
                    cell.value = v  # «=…» becomes a formula, as in Excel

    def insert(self, shift: str, copy_origin: str = "") -> None:
        assert shift == "down"
        first, last = self._rows()
        self.ws.insert_rows(first, last - first + 1)

    def delete(self) -> None:
        first, last = self._rows()
        self.ws.delete_rows(first, last - first + 1)

    @property
    def last_cell(self) -> Any:
        return type("Cell", (), {"row": self.ws.max_row})()


class FakeSheet:
    def __init__(self, book: FakeBook, ws: Any):
        self.book, self.ws = book, ws

    @property
    def name(self) -> str:
        return self.ws.title

    def range(self, address: str) -> FakeRange:
        return FakeRange(self, address)

    @property
    def used_range(self) -> FakeRange:
        return FakeRange(self, f"A1:{get_column_letter(self.ws.max_column)}{self.ws.max_row}")

    def activate(self) -> None:
        self.book.wb.active = self.book.wb.index(self.ws)
        self.book.activated.append(self.name)


class FakeSheets:
    def __init__(self, book: FakeBook):
        self.book = book

    def _all(self) -> list[FakeSheet]:
        return [FakeSheet(self.book, ws) for ws in self.book.wb.worksheets]

    def __iter__(self) -> Iterator[FakeSheet]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self.book.wb.worksheets)

    def __getitem__(self, key: int | str) -> FakeSheet:
        return self._all()[key] if isinstance(key, int) else FakeSheet(self.book,
                                                                         self.book.wb[key])

    def add(self, name: str, before: Any = None, after: Any = None) -> FakeSheet:
        return FakeSheet(self.book, self.book.wb.create_sheet(name))


class FakeApp:
    def __init__(self) -> None:
        self.alerts: list[dict[str, Any]] = []
        self.status_bar: str | bool = False

    def alert(self, prompt: str, title: str | None = None, buttons: str = "ok",
              mode: str | None = None, callback: str | None = None) -> str:
        self.alerts.append({"prompt": prompt, "title": title, "mode": mode})
        return "ok"


class FakeBook:
    """xlwings.Book over a real file: edits go to an openpyxl workbook (keep_vba), save() writes."""

    def __init__(self, path: Path):
        self.fullname = str(path)
        self.wb = openpyxl.load_workbook(path, keep_vba=True)
        self.app = FakeApp()
        self.sheets = FakeSheets(self)
        self.activated: list[str] = []
        self.saves = 0

    def save(self, path: str | None = None) -> None:
        self.wb.save(path or self.fullname)
        self.saves += 1


def install() -> None:
    """Make ``xlwings.Book.caller()`` find the workbook named on the command line."""
    import xlwings

    def caller() -> FakeBook:
        name = None
        for arg in sys.argv:
            if arg.startswith("--wb="):
                name = arg.split("=")[1].strip()  # as xlwings.Book.caller() parses it
        if name is None:
            raise RuntimeError("ikke startet fra Excel (mangler --wb=)")
        for folder in sys.path:
            candidate = Path(folder or ".") / name
            if candidate.is_file():
                if os.environ.get("STANDIN_NO_PDF"):  # the tests' speed knob, as BUILD_OPTIONS
                    sys.modules["generator.excel.button"].BUILD_OPTIONS["pdf"] = False
                book = FakeBook(candidate.resolve())
                book.app = PrintingApp()
                return book
        raise RuntimeError(f"Excel har ingen åpen arbeidsbok som heter {name}")

    xlwings.Book.caller = staticmethod(caller)


class PrintingApp:
    """The Excel application of a separate process: alerts go to stdout."""

    status_bar: str | bool = False

    def alert(self, prompt: str, title: str | None = None, buttons: str = "ok",
              mode: str | None = None, callback: str | None = None) -> str:
        print("ALERT " + json.dumps({"prompt": prompt, "title": title, "mode": mode},
                                    ensure_ascii=False), flush=True)
        return "ok"
