"""Paths of a tool: the commands read the current folder, documents go to «dokumenter»
beside the workbooks, the demo and the docs go where they are told, the version comes
from the package, and a municipality's own template folder («Malmappe») is used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx2python import docx2python

from generator import __version__
from generator.paths import bundled_templates

from .conftest import REPO, field_cell, run, set_field

MARK = "Fjellvik egen mal – merke"


def _cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m generator`` (the console entry, quick path first) in ``cwd``."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=600)


def test_version_from_the_package_in_the_quick_path_and_the_full_cli() -> None:
    assert __version__ == "0.2.0"
    quick = _cli("--version", cwd=REPO)
    assert quick.returncode == 0 and quick.stdout.strip() == f"styring {__version__}"
    full = run("--version")
    assert full.exit_code == 0 and full.output.strip() == f"styring {__version__}"


def test_build_without_arguments_reads_the_current_folder_and_writes_beside_it(
        demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = demo.parent / "Økonomi og styring 2026"
    demo.rename(folder)
    monkeypatch.chdir(folder)
    assert run("check").exit_code == 0
    result = run("build", "--no-pdf", "--only", "oppdragsbrev")
    assert result.exit_code == 0, result.output
    assert (folder / "dokumenter" / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx").is_file()
    assert "validert mot XSD-en" in result.output
    again = _cli("build", "--no-pdf", "--only", "oppdragsbrev", cwd=folder)  # the quick path
    assert again.returncode == 0 and again.stdout.startswith("Ingen endringer"), again.stdout


def test_build_of_a_folder_given_writes_beside_those_workbooks(demo: Path,
                                                               tmp_path: Path) -> None:
    elsewhere = tmp_path / "annen mappe"
    elsewhere.mkdir()
    result = _cli("build", *sorted(demo.glob("*.xlsx")), "--no-pdf", "--only", "lederavtale",
                  cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert list((demo / "dokumenter" / "2026" / "lederavtale").glob("*.docx"))
    assert not list(elsewhere.iterdir())


def test_an_empty_folder_says_there_are_no_workbooks(tmp_path: Path) -> None:
    result = _cli("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "fant ingen arbeidsbøker" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_demo_writes_into_the_folder_given_and_needs_one(tmp_path: Path) -> None:
    target = tmp_path / "Demo æøå"
    result = run("demo", target)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == [
        "fjellvik-logo.png", "kompass.xlsx", "lederavtaler.xlsx", "risiko.xlsx",
        "styring.xlsx", "tertial.xlsx"]
    missing = run("demo")
    assert missing.exit_code == 2 and "mangler argumentet «MAPPE»" in missing.output  # issue 31


def test_docs_to_stdout_or_to_the_file_given(tmp_path: Path) -> None:
    shown = _cli("docs", cwd=tmp_path)
    assert shown.returncode == 0 and shown.stdout.startswith("#")
    assert shown.stdout == (REPO / "docs" / "arbeidsbok.md").read_text(encoding="utf-8")
    assert not list(tmp_path.iterdir())
    result = run("docs", tmp_path / "ut" / "arbeidsbok.md")
    assert result.exit_code == 0
    assert (tmp_path / "ut" / "malfelter.md").read_text(encoding="utf-8") == (
        REPO / "docs" / "malfelter.md").read_text(encoding="utf-8")


def _own_templates(folder: Path) -> Path:
    """A copy of the product's templates where the oppdragsbrev ends with a marker."""
    folder.mkdir(parents=True)
    for f in bundled_templates().glob("*.docx"):
        shutil.copy(f, folder / f.name)
    brev = docx.Document(str(folder / "oppdragsbrev.docx"))
    brev.add_paragraph(MARK)
    brev.save(str(folder / "oppdragsbrev.docx"))
    return folder


def _letter_text(folder: Path) -> str:
    with docx2python(folder / "dokumenter" / "2026" / "oppdragsbrev" /
                     "oppdragsbrev-2026.docx") as d:
        return d.text


def test_malmappe_in_innstillinger_chooses_the_templates(demo: Path) -> None:
    cell = field_cell(demo / "styring.xlsx", "Innstillinger", "Malmappe")
    set_field(demo / "styring.xlsx", "Innstillinger", "Malmappe", "Våre maler")
    missing = run("build", demo, "--no-pdf", "--only", "oppdragsbrev")
    assert missing.exit_code == 1
    assert f"styring.xlsx › Innstillinger › {cell}" in missing.output
    assert "Våre maler" in missing.output and not (demo / "dokumenter").exists()
    assert run("check-templates", demo).exit_code == 1

    _own_templates(demo / "Våre maler")
    assert run("check-templates", demo).exit_code == 0
    built = run("build", demo, "--no-pdf", "--only", "oppdragsbrev")
    assert built.exit_code == 0, built.output
    assert MARK in _letter_text(demo)
    again = _cli("build", demo, "--no-pdf", "--only", "oppdragsbrev", cwd=demo)
    assert again.stdout.startswith("Ingen endringer"), again.stdout

    # an edited template in that folder is a change, for the quick path too
    brev = docx.Document(str(demo / "Våre maler" / "oppdragsbrev.docx"))
    brev.add_paragraph("Enda en linje")
    brev.save(str(demo / "Våre maler" / "oppdragsbrev.docx"))
    changed = _cli("build", demo, "--no-pdf", "--only", "oppdragsbrev", cwd=demo)
    assert changed.returncode == 0 and "Ferdig" in changed.stdout, changed.stdout
    assert "Enda en linje" in _letter_text(demo)

    # --templates goes first
    given = run("build", demo, "--no-pdf", "--only", "oppdragsbrev", "--templates",
                bundled_templates())
    assert given.exit_code == 0, given.output
    assert MARK not in _letter_text(demo)
