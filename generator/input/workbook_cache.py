"""What the reader found in each unchanged workbook, remembered between builds.

An incremental build after one changed cell needs only the changed workbook opened with
openpyxl; the others give the same rows as last time. The output folder keeps, in
``.arbeidsbok-cache/`` (bookkeeping, like ``.uendret.json``), one JSON file per workbook:
its SHA-256, the product version with a digest of the reader's own code, and the rows,
cells and problems :mod:`generator.input.reader` found. An entry is used only when all
three match; a missing, damaged or foreign entry is ignored silently and the workbook is
read again. JSON, not pickle: the folder may be on a shared drive, and a cache file must
never be able to run code. Standard library only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import InputError
from ..files import sha256_file
from ..problems import Level, Problem

if TYPE_CHECKING:
    from .reader import SheetRows

FOLDER = ".arbeidsbok-cache"
FORMAT = 2


def _code_digest() -> str:
    """The product version and the bytes of the code that decides what a workbook reads as
    (the reader, the schema, the model's columns, the nynorsk headers): a cache entry made
    by other code is never trusted."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    files = sorted([*here.glob("*.py"), *(here.parent / "model").glob("*.py"),
                    *(here.parent / "locale").rglob("*.po")])
    for p in files:
        with contextlib.suppress(OSError):
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


class _Unencodable(InputError):
    """A value the cache cannot hold exactly (never leaves this module: the workbook is then
    read every time)."""


def _enc(value: Any) -> Any:
    from .reader import FORMULA_WITHOUT_VALUE

    if value is None or type(value) in (str, int, float, bool):
        return value
    if value is FORMULA_WITHOUT_VALUE:
        return {"f": 1}
    if type(value) is datetime:
        return {"dt": value.isoformat()}
    if type(value) is date:
        return {"d": value.isoformat()}
    if type(value) is time:
        return {"t": value.isoformat()}
    if type(value) is timedelta:
        return {"td": [value.days, value.seconds, value.microseconds]}
    raise _Unencodable(type(value).__name__)


def _dec(value: Any) -> Any:
    from .reader import FORMULA_WITHOUT_VALUE

    if not isinstance(value, dict):
        if value is None or type(value) in (str, int, float, bool):
            return value
        raise ValueError("ukjent verdi")
    (tag, v), = value.items()
    if tag == "f":
        return FORMULA_WITHOUT_VALUE
    if tag == "dt":
        return datetime.fromisoformat(v)
    if tag == "d":
        return date.fromisoformat(v)
    if tag == "t":
        return time.fromisoformat(v)
    if tag == "td":
        return timedelta(days=v[0], seconds=v[1], microseconds=v[2])
    raise ValueError(tag)


def _encode(sheets: list[SheetRows], problems: list[Problem],
            unknown: list[tuple[str, set[str]]]) -> dict:
    return {
        "unknown": [[title, sorted(heads)] for title, heads in unknown],
        "sheets": [{"title": s.sheet_name, "file": s.file, "rows": [
            {"file": r.file, "sheet": r.sheet, "n": r.number, "columns": r.columns,
             "cells": {k: [_enc(c.value), c.coord, c.percent_format, c.excel_error]
                       for k, c in r.cells.items()}} for r in s.rows]} for s in sheets],
        "problems": [[p.file, p.sheet, p.cell, p.message, p.level.value] for p in problems],
    }


def _decode(data: dict) -> tuple[list[SheetRows], list[Problem], list[tuple[str, set[str]]]]:
    from .reader import Cell, Row, SheetRows
    from .schema import sheet_for

    sheets = []
    for s in data["sheets"]:
        sheet = sheet_for(s["title"])
        if sheet is None:
            raise ValueError("ukjent ark")
        rows = [Row(r["file"], r["sheet"], int(r["n"]),
                    {k: Cell(_dec(v), str(coord), bool(pct), bool(err))
                     for k, (v, coord, pct, err) in r["cells"].items()},
                    {str(k): int(i) for k, i in r["columns"].items()}) for r in s["rows"]]
        sheets.append(SheetRows(sheet, str(s["file"]), str(s["title"]), rows))
    problems = [Problem(f, sh, c, str(m), Level(lv)) for f, sh, c, m, lv in data["problems"]]
    unknown = [(str(title), {str(h) for h in heads}) for title, heads in data["unknown"]]
    return sheets, problems, unknown


class WorkbookCache:
    """The remembered reading of each workbook for one output folder (``out_dir``)."""

    def __init__(self, out_dir: Path) -> None:
        self.folder = out_dir / FOLDER
        self._code: str | None = None
        self._pending: dict[str, bytes] = {}  # entry file name → JSON to write
        self._used: set[str] = set()

    @property
    def code(self) -> str:
        if self._code is None:
            self._code = _code_digest()
        return self._code

    @staticmethod
    def _entry(path: Path) -> str:
        return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32] + ".json"

    @staticmethod
    def digest(path: Path) -> str | None:
        try:
            return sha256_file(path)
        except OSError:
            return None

    def get(self, path: Path, sha: str
            ) -> tuple[list[SheetRows], list[Problem], list[tuple[str, set[str]]]] | None:
        """The remembered reading of ``path`` with these bytes, or None (read it)."""
        entry = self._entry(path)
        self._used.add(entry)
        try:
            data = json.loads((self.folder / entry).read_bytes())
            if (data["format"] != FORMAT or data["sha256"] != sha or data["code"] != self.code
                    or data["name"] != path.name):
                return None
            return _decode(data["content"])
        except Exception:
            return None

    def put(self, path: Path, sha: str, sheets: list[SheetRows], problems: list[Problem],
            unknown: Sequence[tuple[str, set[str]]] = ()) -> None:
        """Remember a reading; written by :meth:`save` once the build succeeded."""
        entry = self._entry(path)
        self._used.add(entry)
        try:
            content = _encode(sheets, problems, list(unknown))
        except _Unencodable:
            return  # a value the cache cannot hold exactly: read it every time
        self._pending[entry] = json.dumps(
            {"format": FORMAT, "sha256": sha, "code": self.code, "name": path.name,
             "content": content}, ensure_ascii=True).encode("ascii")

    def save(self) -> None:
        """Write the new entries and drop those of workbooks this build did not read.
        Never fails: a cache that cannot be written is only slower next time."""
        if not self.folder.parent.is_dir():
            return
        try:
            self.folder.mkdir(exist_ok=True)
            for entry, data in self._pending.items():
                tmp = self.folder / f".{entry}.{os.getpid()}.tmp"
                tmp.write_bytes(data)
                os.replace(tmp, self.folder / entry)
            for old in self.folder.iterdir():
                if old.name not in self._used:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
        self._pending.clear()
