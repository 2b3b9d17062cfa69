"""One error family: every exception of the product is a StyringError, and the doors (the
command line and the Excel button) tell one the same way: one bokmål line, no traceback."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import generator
from generator import errors
from generator.cli import app
from generator.excel import button


def _product_exceptions() -> list[type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(generator.__path__, "generator."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, BaseException) and obj.__module__.startswith("generator."):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return list(found.values())


def test_every_exception_of_the_product_is_a_styring_error_with_its_own_name() -> None:
    classes = _product_exceptions()
    assert len(classes) >= 16
    outside = [c.__qualname__ for c in classes if not issubclass(c, errors.StyringError)]
    assert outside == []
    names = [c.__name__ for c in classes]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []  # no two PackageError


def test_the_branches_say_where_the_problem_lies() -> None:
    from generator.documents.common import PlanError
    from generator.excel.xlsm import XlsmError
    from generator.input.convert import ConversionError
    from generator.input.package import WorkbookFileError
    from generator.input.profile_reader import LogoError
    from generator.output import signing
    from generator.output.archive import ArchiveError
    from generator.output.commit import CommitError
    from generator.output.pdf import PdfError
    from generator.output.stage import BuildError
    from generator.rendering import template
    from generator.rendering.fast import Unsupported
    from generator.rendering.package_check import TemplatePackageError
    from generator.rendering.sandbox import LimitError
    from generator.rendering.zipwriter import ZipError

    branches = {errors.InputError: [ConversionError, WorkbookFileError, LogoError, PlanError],
                errors.TemplateError: [template.TemplateError, Unsupported, TemplatePackageError,
                                       ZipError],
                errors.OutputError: [BuildError, CommitError, PdfError, ArchiveError, XlsmError],
                errors.SigningError: [signing.SigningError]}
    for branch, members in branches.items():
        assert all(issubclass(m, branch) for m in members), branch
    # The callers that catch ValueError or a Jinja error still catch these.
    assert all(issubclass(c, ValueError) for c in (ConversionError, LogoError, ArchiveError,
                                                   ZipError))
    import jinja2

    assert issubclass(LimitError, jinja2.TemplateRuntimeError)
    # A broken limit is turned into a TemplateError naming the template, not passed through.
    assert not issubclass(LimitError, errors.TemplateError)


def test_the_command_line_tells_a_product_error_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["new-workbook", str(tmp_path)]).exit_code == 0
    again = runner.invoke(app, ["new-workbook", str(tmp_path)])
    assert again.exit_code == 1
    assert isinstance(again.exception, SystemExit)  # typer.Exit, not the error itself
    lines = again.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("FEIL finnes allerede: ")
    assert "Traceback" not in again.output and "UserError" not in again.output
    notpdf = tmp_path / "avtale.pdf"
    notpdf.write_text("ikke en PDF")
    signed = runner.invoke(app, ["sign", str(notpdf), "--felt", "Leder", "--sertifikat",
                                 str(notpdf)])
    assert signed.exit_code == 1 and isinstance(signed.exception, SystemExit)
    assert signed.output.strip().splitlines()[-1] == (
        "FEIL avtale.pdf er ikke et PKCS#12-sertifikat (.p12/.pfx).")


def test_the_excel_button_tells_a_product_error_as_one_log_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.output.commit import CommitError

    book = tmp_path / "styring.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Kommune"
    wb.save(book)

    def refuse(path: Path, **options: object) -> None:
        raise CommitError("mappen er låst av en annen bygging; prøv igjen om litt.")

    monkeypatch.setattr(button, "run_for", refuse)
    outcome = button.run_file(book)
    assert not outcome.ok and outcome.crash is None
    assert [(p.file, p.message) for p in outcome.errors] == [
        ("styring.xlsx", "mappen er låst av en annen bygging; prøv igjen om litt.")]
    assert "uventet" not in outcome.summary()
    log = openpyxl.load_workbook(book)["Logg"]
    text = [str(c.value) for row in log.iter_rows() for c in row if c.value]
    assert "mappen er låst av en annen bygging; prøv igjen om litt." in text
    assert not any("Traceback" in t for t in text)
