"""The remembered reading of each unchanged workbook (issue 30, «small changes are fast"):
``.arbeidsbok-cache/`` in the output folder gives exactly what openpyxl gives for the same
bytes; a damaged entry is ignored and rebuilt, a changed workbook is read again, and an
entry made by another product version (or other reader code) is never trusted."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator import __version__, pipeline
from generator.input import reader, workbook_cache
from generator.input.reader import FORMULA_WITHOUT_VALUE, SheetRows
from generator.input.workbook_cache import FOLDER, WorkbookCache
from generator.problems import Problems

from .conftest import set_cell


def _plain(sheets: dict[str, SheetRows]) -> list[Any]:
    """Everything the validator sees, with each value's exact type."""
    return [(name, s.sheet.name, s.file, s.sheet_name,
             [(r.file, r.sheet, r.number, r.columns,
               {k: (type(c.value).__name__, c.value if c.value is not FORMULA_WITHOUT_VALUE
                    else "FWV", c.coord, c.percent_format, c.excel_error)
                for k, c in r.cells.items()}) for r in s.rows])
            for name, s in sorted(sheets.items())]


def _read(folder: Path, cache: WorkbookCache | None) -> tuple[list[Any], list[str]]:
    problems = Problems()
    sheets = reader.read([folder], problems, cache)
    return _plain(sheets), [f"{p.level.value} {p}" for p in problems]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The workbooks openpyxl really opens (the real loader, only counted)."""
    names: list[str] = []
    real = reader.openpyxl.load_workbook

    def counted(path: Any, *a: Any, **kw: Any) -> Any:
        names.append(Path(path).name)
        return real(path, *a, **kw)

    monkeypatch.setattr(reader.openpyxl, "load_workbook", counted)
    return names


def test_a_remembered_reading_is_exactly_what_openpyxl_reads(demo: Path, tmp_path: Path,
                                                            opened: list[str]) -> None:
    # an unknown column gives a notice that must come back from the cache as well
    wb = openpyxl.load_workbook(demo / "lederavtaler.xlsx")
    ws = wb["Ledere"]
    ws.cell(row=1, column=ws.max_column + 1, value="Kaffe")
    wb.save(demo / "lederavtaler.xlsx")
    fresh = _read(demo, None)
    assert any("«Kaffe»" in p for p in fresh[1])
    out = tmp_path / "ut"
    out.mkdir()
    first = WorkbookCache(out)
    assert _read(demo, first) == fresh
    first.save()
    assert len(list((out / FOLDER).glob("*.json"))) == 5
    opened.clear()
    assert _read(demo, WorkbookCache(out)) == fresh
    assert opened == []  # all five from the cache, none opened


def test_a_damaged_or_foreign_entry_is_ignored_and_rebuilt(demo: Path, tmp_path: Path,
                                                          opened: list[str]) -> None:
    fresh = _read(demo, None)
    out = tmp_path / "ut"
    out.mkdir()
    cache = WorkbookCache(out)
    _read(demo, cache)
    cache.save()
    entries = sorted((out / FOLDER).glob("*.json"))
    good = entries[0].read_bytes()
    entries[0].write_bytes(good[: len(good) // 2])  # truncated
    entries[1].write_bytes(b"\xff\xfe not json")
    data = json.loads(entries[2].read_bytes())
    data["content"]["sheets"][0]["rows"] = [{"cells": 7}]  # valid JSON, wrong shape
    entries[2].write_text(json.dumps(data))
    data = json.loads(entries[3].read_bytes())
    data["content"]["sheets"][0]["title"] = "Ikke et ark"
    entries[3].write_text(json.dumps(data))
    opened.clear()
    cache = WorkbookCache(out)
    assert _read(demo, cache) == fresh
    assert len(opened) == 4  # the four damaged ones read again, the fifth from the cache
    cache.save()
    opened.clear()
    assert _read(demo, WorkbookCache(out)) == fresh
    assert opened == []  # rebuilt


def test_a_changed_workbook_is_read_again(demo: Path, tmp_path: Path,
                                          opened: list[str]) -> None:
    out = tmp_path / "ut"
    out.mkdir()
    cache = WorkbookCache(out)
    _read(demo, cache)
    cache.save()
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Ny tekst")
    opened.clear()
    got = _read(demo, WorkbookCache(out))
    assert opened == ["lederavtaler.xlsx"]
    assert got == _read(demo, None)
    assert "Ny tekst" in repr(got)


def test_another_version_or_reader_never_trusts_the_entry(demo: Path, tmp_path: Path,
                                                          opened: list[str],
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    out = tmp_path / "ut"
    out.mkdir()
    cache = WorkbookCache(out)
    _read(demo, cache)
    cache.save()
    monkeypatch.setattr(workbook_cache, "__version__", "99.0.0")
    opened.clear()
    assert _read(demo, WorkbookCache(out)) == _read(demo, None)
    assert len(opened) == 5 * 2  # nothing trusted (the second five: the uncached read)
    monkeypatch.setattr(workbook_cache, "__version__", __version__)
    monkeypatch.setattr(workbook_cache, "FORMAT", workbook_cache.FORMAT + 1)
    opened.clear()
    _read(demo, WorkbookCache(out))
    assert len(opened) == 5


def test_every_value_kind_round_trips_with_its_type() -> None:
    values = ["tekst", "", 0, 12, -3.5, 1e-9, True, False, None, FORMULA_WITHOUT_VALUE,
              datetime(2026, 11, 23, 14, 5, 1, 7), date(2026, 2, 28), time(8, 30),
              timedelta(days=2, seconds=5), "\x01 styretegn", "æøå \u00a0 \U0001f600"]
    for v in values:
        back = workbook_cache._dec(json.loads(json.dumps(workbook_cache._enc(v))))
        assert type(back) is type(v) and (back == v or back is v), v
    with pytest.raises(workbook_cache._Unencodable):
        workbook_cache._enc(object())


def test_a_build_keeps_the_cache_beside_the_year_folder_and_opens_only_the_changed_book(
        demo: Path, tmp_path: Path, opened: list[str]) -> None:
    out = tmp_path / "ut"
    assert pipeline.build([demo], out, pdf=False).ok
    assert len(list((out / FOLDER).glob("*.json"))) == 5
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Endret bidrag")
    opened.clear()
    assert pipeline.build([demo], out, pdf=False).ok
    assert opened.count("lederavtaler.xlsx") == 1
    assert not {"styring.xlsx", "kompass.xlsx", "risiko.xlsx", "tertial.xlsx"} & set(opened)
    # a build that fails validation writes no cache entry
    set_cell(demo / "risiko.xlsx", "Risiko", "Sannsynlighet", "mye")
    before = {p.name: p.read_bytes() for p in (out / FOLDER).glob("*.json")}
    assert not pipeline.build([demo], out, pdf=False).ok
    assert {p.name: p.read_bytes() for p in (out / FOLDER).glob("*.json")} == before
