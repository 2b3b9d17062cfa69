"""Shared fixtures: copies of the demo workbooks and helpers that edit real .xlsx files."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from generator import pipeline
from generator.cli import app
from generator.input.reader import normalise
from generator.model.styringsdata import Styringsdata
from generator.pipeline import DEMO_DIR, ROOT

REPO = ROOT

# What the product compiles and checks once (templates, dataclass methods, logo checks) goes
# to a cache folder of the test process's own, removed when it ends: the tests, hostile
# templates among them, never fill the user's real cache folder (a test of the cache folder
# itself names its own with monkeypatch; subprocesses inherit this one).
_CACHE = tempfile.mkdtemp(prefix="styring-mellomlager-")
os.environ["STYRING_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


def copy_demo(folder: Path) -> Path:
    """Copy the bundled demo workbooks (and the logo the Kommune sheet names) into
    ``folder`` (made if missing); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in sorted(DEMO_DIR.glob("*.xlsx")) + sorted(DEMO_DIR.glob("*.png")):
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A private copy of the demo workbooks (and the logo the Kommune sheet names)."""
    return copy_demo(tmp_path / "wb")


def _build_demo_pdf(out: Path) -> Path:
    from generator.output.pdf import soffice

    assert soffice(), "LibreOffice mangler: kjør ./setup.sh (CI skal ha den)"
    report = pipeline.build([DEMO_DIR], out, pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    return out / "2026"


@pytest.fixture(scope="session")
def demo_pdf_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workbooks built ONCE with PDF for the whole test session: the year folder
    (``…/2026``). Read-only: a test that adds or changes files works on a copy
    (``shutil.copytree``), so the other tests see the build as it came out.

    Under pytest-xdist the workers share one build: the first to need it builds it in the
    run's common temporary folder while holding a lock, the other waits for it and reads it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return _build_demo_pdf(tmp_path_factory.mktemp("demo-pdf"))
    import fcntl

    run_folder = tmp_path_factory.getbasetemp().parent  # this run's, shared by its workers
    out, done = run_folder / "demo-pdf", run_folder / "demo-pdf.ferdig"
    with (run_folder / "demo-pdf.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(out, ignore_errors=True)
            _build_demo_pdf(out)
            done.touch()
    return out / "2026"


def run(*args: str) -> Any:
    """Run the CLI in-process; returns the click Result (exit_code, output)."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def header_column(ws: Any, header: str) -> int:
    for cell in ws[1]:
        if normalise(cell.value) == normalise(header):
            return cell.column
    raise KeyError(header)


def cell_of(path: Path, sheet: str, header: str, data_row: int = 1) -> str:
    """The coordinate of a table column's n-th data row (header in row 1)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    col = header_column(ws, header)
    return ws.cell(row=1 + data_row, column=col).coordinate


def set_cell(path: Path, sheet: str, header: str, value: Any, data_row: int = 1) -> str:
    """Write a value into a table column's n-th data row; returns the coordinate."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    cell = ws.cell(row=1 + data_row, column=header_column(ws, header))
    cell.value = value
    wb.save(path)
    return cell.coordinate


def field_cell(path: Path, sheet: str, label: str) -> str:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for row in ws.iter_rows(min_row=2):
        if normalise(row[0].value) == normalise(label):
            return row[1].coordinate
    raise KeyError(label)


def set_field(path: Path, sheet: str, label: str, value: Any) -> str:
    """Write a key–value sheet's value for the field ``label``."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for row in ws.iter_rows(min_row=2):
        if normalise(row[0].value) == normalise(label):
            row[1].value = value
            wb.save(path)
            return row[1].coordinate
    raise KeyError(label)


def ansvar_as_units(d: Styringsdata) -> Styringsdata:
    """The data with each oppdrag's HA/DA written as the unit codes of the leaders they mean
    and no groups: for tests that take leaders out of the demo (a Leder-ID or a group
    member would otherwise point at someone removed)."""
    a = d.ansvar

    def units(lines: list[str]) -> list[str]:
        return list(dict.fromkeys(ld.enhet for ld in a.ledere(lines)))

    return replace(d, grupper=[], oppdrag=[replace(o, ha=units(o.ha), da=units(o.da))
                                           for o in d.oppdrag])
