"""The Excel button: .xlsm workbooks with xlwings' VBA and a button that runs a fixed
command, the old shims, and the Python side of the button driven through a stand-in for
Excel (Linux, no Excel; see tests/excel_standin.py)."""

from __future__ import annotations

import importlib
import inspect
import os
import re
import shutil
import sys
import tomllib
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import olefile
import openpyxl
import pytest
import xlwings
from lxml import etree

from generator import pipeline
from generator.demo.data import demo_data
from generator.excel import button
from generator.excel.cells import Link, excel_value, hyperlink_formula, write_log_file
from generator.excel.outcome import output_dir, problem_link
from generator.excel.xlsm import (
    BUTTON_CAPTION,
    BUTTON_COMMAND,
    BUTTON_MACRO,
    CONF_SHEET,
    DOCUMENT_MODULES,
    LOG_HEADERS,
    LOG_SHEET,
    MACRO,
    OUT_KEY,
    START_SHEET,
    XlsmError,
    check_module_name,
    vba_project_bytes,
    write_demo_xlsm,
    xlwings_template,
)
from generator.input.blank import write_workbooks
from generator.input.reader import normalise
from generator.input.schema import WORKBOOKS
from generator.input.validate import load
from generator.problems import Problem

from .conftest import REPO, run
from .excel_standin import FakeBook

with warnings.catch_warnings():  # oletools uses pyparsing's deprecated names
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import VBA_Parser

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# The pipeline as the button runs it, without PDF/A (LibreOffice) to keep the tests fast.
FAST = {"pdf": False} if "pdf" in inspect.signature(pipeline.build).parameters else {}


@pytest.fixture(scope="module")
def xlsm_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as .xlsm workbooks, built once for the module."""
    folder = tmp_path_factory.mktemp("xlsm")
    write_demo_xlsm(folder)
    return folder


@pytest.fixture
def books(xlsm_set: Path, tmp_path: Path) -> Path:
    """A private copy of the .xlsm set."""
    folder = tmp_path / "Styring 2026"
    shutil.copytree(xlsm_set, folder)
    return folder


def _xml(zf: zipfile.ZipFile, part: str) -> Any:
    return etree.fromstring(zf.read(part))


def _sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part path) in workbook order."""
    rels = {r.get("Id"): r.get("Target") for r in _xml(zf, "xl/_rels/workbook.xml.rels")}
    out = []
    for s in _xml(zf, "xl/workbook.xml").iter(f"{M}sheet"):
        target = rels[s.get(f"{R}id")].lstrip("/")
        out.append((s.get("name"), target if target.startswith("xl/") else "xl/" + target))
    return out


def _code_names(path: Path) -> tuple[str | None, list[str | None]]:
    with zipfile.ZipFile(path) as zf:
        wb_pr = _xml(zf, "xl/workbook.xml").find(f"{M}workbookPr")
        sheets = []
        for _, part in _sheet_parts(zf):
            pr = _xml(zf, part).find(f"{M}sheetPr")
            sheets.append(pr.get("codeName") if pr is not None else None)
    return wb_pr.get("codeName"), sheets


def _document_modules(vba: bytes) -> set[str]:
    """The document modules (ThisWorkbook, SheetN) named in the VBA project's PROJECT stream."""
    with olefile.OleFileIO(vba) as ole:
        text = ole.openstream("PROJECT").read().decode("latin-1")
    return set(re.findall(r"^Document=([^/\r\n]+)/", text, re.MULTILINE))


def _button_vml(path: Path) -> str:
    """The VML drawing of the first sheet (the Start sheet), via the sheet's relationships."""
    with zipfile.ZipFile(path) as zf:
        name, part = _sheet_parts(zf)[0]
        assert name == START_SHEET
        legacy = _xml(zf, part).find(f"{M}legacyDrawing")
        assert legacy is not None, "the Start sheet has no VML drawing"
        folder, base = part.rsplit("/", 1)
        rels = _xml(zf, f"{folder}/_rels/{base}.rels")
        target = next(r.get("Target") for r in rels.iter(f"{PR}Relationship")
                      if r.get("Id") == legacy.get(f"{R}id"))
        vml_part = ("xl/" + target.split("../", 1)[1]) if target.startswith("../") \
            else target.lstrip("/")
        assert re.fullmatch(r"xl/drawings/vmlDrawing\d+\.vml", vml_part), vml_part
        return zf.read(vml_part).decode("utf-8")


# --- the built .xlsm files ---------------------------------------------------------------------

def test_xlwings_is_pinned_and_installed() -> None:
    deps = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    assert "xlwings==0.37.8" in deps
    assert xlwings.__version__ == "0.37.8"
    assert xlwings_template().is_relative_to(Path(xlwings.__file__).parent)


def test_repository_holds_no_vba() -> None:
    skip = {".venv", ".git", "node_modules", "output", ".pytest_cache", ".ruff_cache"}
    found = []
    for _folder, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if d not in skip]
        found += [f for f in files if f.lower().endswith((".bin", ".bas", ".xlsm", ".cls"))]
    assert found == []


def test_every_workbook_has_the_xlwings_vba_project_unchanged(xlsm_set: Path) -> None:
    expected = vba_project_bytes()
    for name in WORKBOOKS:
        with zipfile.ZipFile(xlsm_set / f"{name}.xlsm") as zf:
            assert zf.read("xl/vbaProject.bin") == expected
            types = zf.read("[Content_Types].xml").decode()
            assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types


def test_olevba_finds_the_macro_and_the_xlwings_module(xlsm_set: Path) -> None:
    parser = VBA_Parser(str(xlsm_set / "styring.xlsm"))
    try:
        assert parser.detect_vba_macros()
        modules = {stream: code for _, stream, _, code in parser.extract_macros()}
    finally:
        parser.close()
    macro = next(code for code in modules.values() if f"Sub {MACRO}()" in code)
    # xlwings' sample macro imports a module named after the workbook (so the button does
    # not use it; only buttons of workbooks from before 0.2 do).
    assert "mymodule = Left(ThisWorkbook.Name" in macro
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in macro
    versions = [m[1] for code in modules.values()
                for m in [re.search(r'XLWINGS_VERSION As String = "([^"]+)"', code)] if m]
    assert versions == [xlwings.__version__]
    assert "Public Function RunPython(" in modules["VBA/xlwings"]


def test_code_names_match_the_vba_projects_document_modules(xlsm_set: Path) -> None:
    assert _document_modules(vba_project_bytes()) == set(DOCUMENT_MODULES)
    for name in WORKBOOKS:
        book, sheets = _code_names(xlsm_set / f"{name}.xlsm")
        assert book == "ThisWorkbook"
        assert sheets == [f"Sheet{i}" for i in range(1, len(sheets) + 1)]
        # every document module of the project has its sheet (or the workbook)
        assert set(DOCUMENT_MODULES) <= {book, *sheets}


def test_start_sheet_first_with_the_button_bound_to_the_macro(xlsm_set: Path) -> None:
    for name in WORKBOOKS:
        path = xlsm_set / f"{name}.xlsm"
        vml = _button_vml(path)
        assert 'ObjectType="Button"' in vml
        macro = re.search(r"<x:FmlaMacro>(.*?)</x:FmlaMacro>", vml)
        assert macro and macro[1].replace("&quot;", '"') == "[0]!" + BUTTON_MACRO
        assert f"'RunPython \"{BUTTON_COMMAND}\"'" == BUTTON_MACRO
        assert MACRO not in vml
        assert BUTTON_CAPTION in vml
        wb = openpyxl.load_workbook(path, keep_vba=True)
        assert wb.sheetnames[0] == START_SHEET
        assert wb.active.title == START_SHEET
        assert [c.value for c in wb[LOG_SHEET][1]] == list(LOG_HEADERS)
        conf = {r[0]: r[1] for r in wb[CONF_SHEET].iter_rows(max_row=2, values_only=True)}
        # No PYTHONPATH: the wheel is installed in the interpreter's own venv.
        assert set(conf) == {"Interpreter_Win", OUT_KEY}
        assert conf["Interpreter_Win"] == r"C:\styring\.venv\Scripts\python.exe"
        assert conf[OUT_KEY] == "dokumenter"
        assert wb[CONF_SHEET]["A3"].value is None  # xlwings reads A1 down to the first gap


def test_xlsm_reads_exactly_like_xlsx(xlsm_set: Path, tmp_path: Path) -> None:
    from generator.demo.logo import with_profile
    from generator.demo.logo import write as write_logo

    write_logo(tmp_path)  # the xlsm demo names its logo, as the xlsx demo does
    write_workbooks(tmp_path, with_profile(demo_data()))
    as_xlsx, as_xlsm = load([tmp_path]), load([xlsm_set])
    assert as_xlsm.ok, [str(p) for p in as_xlsm.problems]
    assert as_xlsm.data == as_xlsx.data == with_profile(demo_data())
    strip = lambda r: [(p.file.rsplit(".", 1)[0], p.sheet, p.cell, p.message)  # noqa: E731
                       for p in r.problems]
    assert strip(as_xlsm) == strip(as_xlsx)


def test_two_builds_are_byte_identical(xlsm_set: Path, tmp_path: Path) -> None:
    write_demo_xlsm(tmp_path)
    files = sorted(p.name for p in xlsm_set.iterdir())
    assert files == sorted(p.name for p in tmp_path.iterdir())
    for name in files:
        assert (tmp_path / name).read_bytes() == (xlsm_set / name).read_bytes(), name


# --- no helper files; the old shims still work --------------------------------------------------

def test_no_helper_files_beside_the_workbooks(xlsm_set: Path) -> None:
    # the workbooks and the demo's logo (a picture the Kommune sheet names), no .py files
    assert sorted(p.name for p in xlsm_set.iterdir()) == sorted(
        [*(f"{n}.xlsm" for n in WORKBOOKS), "fjellvik-logo.png"])


@pytest.fixture
def importable(books: Path) -> Iterator[Path]:
    sys.path.insert(0, str(books))
    try:
        yield books
    finally:
        sys.path.remove(str(books))
        sys.modules.pop("risiko_2027", None)


def test_excel_shim_still_makes_a_helper_for_an_old_button_and_says_it_is_not_needed(
        importable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    renamed = importable / "risiko_2027.xlsm"
    (importable / "risiko.xlsm").rename(renamed)
    result = run("excel-shim", renamed)
    assert result.exit_code == 0, result.output
    assert "trengs ikke lenger" in result.output
    assert "import risiko_2027; risiko_2027.main()" in (importable / "risiko_2027.py").read_text()
    calls = []
    monkeypatch.setattr(importlib.import_module("generator.excel"), "main",
                        lambda: calls.append(1))
    importlib.import_module("risiko_2027").main()
    assert calls == [1]
    bad = run("excel-shim", importable / "styring.xlsx")
    assert bad.exit_code == 1


@pytest.mark.parametrize("stem", ["risiko 2027", "risiko-2027", "lønn", "2027", "json",
                                  "generator", "class"])
def test_workbook_names_that_cannot_be_a_module_are_refused(stem: str) -> None:
    with pytest.raises(XlsmError):
        check_module_name(stem)


def test_new_workbook_xlsm_from_the_cli(tmp_path: Path) -> None:
    result = run("new-workbook", "--xlsm", tmp_path, "--år", "2027")
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("*.py"))
    for name in WORKBOOKS:
        with zipfile.ZipFile(tmp_path / f"{name}.xlsm") as zf:
            assert "xl/vbaProject.bin" in zf.namelist()
    again = run("new-workbook", "--xlsm", tmp_path)
    assert again.exit_code == 1 and "finnes allerede" in again.output


# --- the button, through a stand-in for Excel ----------------------------------------------------

@pytest.fixture
def press(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Press the button in the workbook at ``path``; returns the stand-in book."""
    monkeypatch.setattr(button, "BUILD_OPTIONS", FAST)

    def go(path: Path) -> FakeBook:
        book = FakeBook(path)
        monkeypatch.setattr(xlwings.Book, "caller", lambda: book)
        button.main()
        return book

    return go


def _log(path: Path) -> list[list[Any]]:
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb[LOG_SHEET]
    return [[c.value for c in row] for row in ws.iter_rows(max_col=4)]


def _set_keep_vba(path: Path, sheet: str, header: str, value: Any, data_row: int = 1) -> str:
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb[sheet]
    col = next(c.column for c in ws[1] if normalise(c.value) == normalise(header))
    cell = ws.cell(row=1 + data_row, column=col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # typed text, also when it looks like a formula
    wb.save(path)
    return cell.coordinate


def _still_has_vba_and_button(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        assert zf.read("xl/vbaProject.bin") == vba_project_bytes()
    vml = _button_vml(path)
    assert 'ObjectType="Button"' in vml
    assert "[0]!" + BUTTON_MACRO in vml.replace("&quot;", '"')
    book, sheets = _code_names(path)
    assert book == "ThisWorkbook" and sheets[:2] == ["Sheet1", "Sheet2"]


def test_the_button_makes_the_documents_and_logs_them(books: Path, press: Any) -> None:
    book = press(books / "risiko.xlsm")
    docs = sorted((books / "dokumenter").rglob("*.docx"))
    assert docs, "no documents"
    assert [a["mode"] for a in book.app.alerts] == ["info"]
    assert "Ferdig" in book.app.alerts[0]["prompt"]
    assert book.saves == 2  # before the run (unsaved edits) and after the log
    log = _log(books / "risiko.xlsm")
    assert log[0] == list(LOG_HEADERS)
    assert log[1][1] == "OK"
    assert log[1][2].startswith('=HYPERLINK("') and "dokumenter" in log[1][2]
    assert re.search(rf"Laget {len(docs)} dokumenter", log[1][3])
    kinds = {row[3].split(":")[0] for row in log[2:] if row[1] == "laget"}
    assert kinds == {p.parent.name for p in docs}
    page = docs[0].parent.parent / "oversikt.html"  # the build overview, linked from the log
    assert page.is_file()
    links = [row[2] for row in log[2:] if row[1] == "oversikt"]
    assert links == [f'=HYPERLINK("{page}","oversikt.html")']
    _still_has_vba_and_button(books / "risiko.xlsm")


def test_the_button_on_a_broken_workbook_logs_errors_with_links(books: Path, press: Any) -> None:
    coord = _set_keep_vba(books / "risiko.xlsm", "Risiko", "Sannsynlighet", "høy")
    book = press(books / "risiko.xlsm")
    assert not (books / "dokumenter").exists() or not list((books / "dokumenter").rglob("*.*"))
    alert = book.app.alerts[0]
    assert alert["mode"] == "critical"
    assert f"risiko.xlsm › Risiko › {coord}" in alert["prompt"] and "høy" in alert["prompt"]
    assert book.activated[-1] == LOG_SHEET
    log = _log(books / "risiko.xlsm")
    assert log[1][1] == "FEIL"
    errors = [row for row in log if row[1] == "feil"]
    link = f"=HYPERLINK(\"#'Risiko'!{coord}\",\"risiko.xlsm › Risiko › {coord}\")"
    assert any(row[2] == link and "høy" in row[3] for row in errors), errors
    _still_has_vba_and_button(books / "risiko.xlsm")


def test_errors_in_another_workbook_link_to_that_file(books: Path, press: Any) -> None:
    coord = _set_keep_vba(books / "risiko.xlsm", "Risiko", "Sannsynlighet", "høy")
    press(books / "styring.xlsm")
    errors = [row for row in _log(books / "styring.xlsm") if row[1] == "feil"]
    target = f"{books / 'risiko.xlsm'}#'Risiko'!{coord}"
    assert any(row[2].startswith(f'=HYPERLINK("{target}"') for row in errors), errors


def test_newest_run_on_top(books: Path, press: Any) -> None:
    _set_keep_vba(books / "risiko.xlsm", "Risiko", "Sannsynlighet", "høy")
    press(books / "risiko.xlsm")
    _set_keep_vba(books / "risiko.xlsm", "Risiko", "Sannsynlighet", 3)
    press(books / "risiko.xlsm")
    results = [row[1] for row in _log(books / "risiko.xlsm") if row[0]]
    assert results[:3] == ["Resultat", "OK", "FEIL"]


def test_an_unexpected_error_is_logged_not_shown_as_a_traceback(
        books: Path, press: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("noe gikk galt")

    monkeypatch.setattr(button, "run_for", boom)
    book = press(books / "risiko.xlsm")
    alert = book.app.alerts[0]
    assert alert["mode"] == "critical" and "uventet feil" in alert["prompt"]
    assert "Traceback" not in alert["prompt"]
    log = _log(books / "risiko.xlsm")
    assert log[1][1] == "STOPP" and "RuntimeError: noe gikk galt" in log[1][3]
    assert "Traceback" in log[2][3]  # the details for IT are in the log


def test_without_excel_main_says_so_in_bokmal(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    def no_caller() -> None:
        raise RuntimeError("Book.caller() must not be called directly")

    monkeypatch.setattr(xlwings.Book, "caller", no_caller)
    with pytest.raises(SystemExit) as exit_info:
        button.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "arbeidsbok som er åpen i Excel" in err and "Traceback" not in err


def test_output_folder_comes_from_the_conf_sheet(books: Path) -> None:
    path = books / "risiko.xlsm"
    assert output_dir(path) == books / "dokumenter"
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb[CONF_SHEET]
    row = next(r for r in ws.iter_rows(max_col=2) if r[0].value == OUT_KEY)
    row[1].value = "ut/Word"
    wb.save(path)
    assert output_dir(path) == books / "ut" / "Word"


# --- links and formula injection -----------------------------------------------------------------

def test_problem_links(tmp_path: Path) -> None:
    me = tmp_path / "risiko.xlsm"
    other = tmp_path / "styring.xlsx"
    for p in (me, other):
        p.write_bytes(b"")
    link = problem_link
    assert link(Problem("risiko.xlsm", "Risiko", "E7", "x"), me) == "#'Risiko'!E7"
    assert link(Problem("risiko.xlsm", "O'Brien", "rad 5", "x"), me) == "#'O''Brien'!A5"
    assert link(Problem("risiko.xlsm", "Risiko", None, "x"), me) == "#'Risiko'!A1"
    assert link(Problem("styring.xlsx", "Mål", "C3", "x"), me) == f"{other}#'Mål'!C3"
    assert link(Problem("styring.xlsx", None, None, "x"), me) == str(other)
    assert link(Problem("lederavtale.docx", None, None, "x"), me) is None
    assert link(Problem("finnes-ikke.xlsx", "A", "A1", "x"), me) is None


HOSTILE = ["=HYPERLINK(\"http://evil\",\"klikk\")", "+1+1", "-2+3", "@SUM(A1)", "=1+1"]


def test_values_from_user_data_are_text_not_formulas() -> None:
    for text in HOSTILE:
        assert excel_value(text) == "'" + text
    formula = hyperlink_formula(Link('#\'Ri"s\'!A1', 'a"),EVIL("'))
    assert formula == '=HYPERLINK("#\'Ri""s\'!A1","a""),EVIL(""")'
    assert hyperlink_formula(Link("x" * 300, "y")) is None
    assert excel_value(Link("x" * 300, "=EVIL()")) == "'=EVIL()"


def test_hostile_values_in_the_log_stay_text(books: Path, press: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = books / "risiko.xlsm"
    _set_keep_vba(path, "Risiko", "Sannsynlighet", "=1+1")
    press(path)
    wb = openpyxl.load_workbook(path, keep_vba=True)
    cells = [c for row in wb[LOG_SHEET].iter_rows(min_row=2, max_col=4) for c in row
             if isinstance(c.value, str) and "=1+1" in c.value]
    assert cells, "the bad value is not in the log"
    for c in cells:
        assert c.data_type == "s" and not c.value.startswith("=HYPERLINK(\"=")


# --- writing the log without Excel (openpyxl, keep_vba) -----------------------------------------

def test_write_log_file_keeps_vba_button_and_data(books: Path) -> None:
    path = books / "styring.xlsm"
    before = load([books])
    rows = [("01.01.2026 12:00:00", "feil", Link("#'Mål'!B2", "styring.xlsm › Mål › B2"),
             text) for text in HOSTILE]
    write_log_file(path, rows)
    _still_has_vba_and_button(path)
    after = load([books])
    assert after.data == before.data and after.ok
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb[LOG_SHEET]
    assert [c.value for c in ws[1]] == list(LOG_HEADERS)
    assert ws["C2"].value == "=HYPERLINK(\"#'Mål'!B2\",\"styring.xlsm › Mål › B2\")"
    for i, text in enumerate(HOSTILE, start=2):
        cell = ws.cell(row=i, column=4)
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(path) as zf:
        sheet = dict(_sheet_parts(zf))[LOG_SHEET]
        xml = zf.read(sheet).decode()
    assert "<f>1+1</f>" not in xml and "SUM(A1)</f>" not in xml


def test_write_log_file_refuses_a_workbook_open_in_excel(books: Path) -> None:
    (books / "~$styring.xlsm").write_bytes(b"lock")
    with pytest.raises(OSError, match="åpen i Excel"):
        write_log_file(books / "styring.xlsm", [("a", "b", "c", "d")])


def test_run_file_is_the_button_without_excel(books: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(button, "BUILD_OPTIONS", FAST)
    coord = _set_keep_vba(books / "risiko.xlsm", "Risiko", "Sannsynlighet", "høy")
    assert button._cli([str(books / "risiko.xlsm")]) == 1
    log = _log(books / "risiko.xlsm")
    assert log[1][1] == "FEIL" and any(f"'Risiko'!{coord}" in str(r[2]) for r in log)
    _still_has_vba_and_button(books / "risiko.xlsm")
