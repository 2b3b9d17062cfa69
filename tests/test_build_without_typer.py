"""A plain ``styring build`` runs without the CLI library (issue 30, «small changes are
fast»): Typer, pydantic (which Typer's parameters load) and rich's progress bar are not
imported, the output and exit codes are those of the full CLI, and a renderer that formats
no number or date loads neither Babel's number nor date module, nor a process pool."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.pipeline import ROOT

HEAVY = ("typer", "pydantic", "rich.progress", "click")


def _styring(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "generator", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=600)


def _imported(stderr: str) -> set[str]:
    return set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", stderr, re.M))


def _messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("import time:")]


def test_a_plain_build_loads_no_cli_library_and_says_what_the_full_cli_says(
        demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    first = _styring("build", str(demo), "--out", str(out), "--no-pdf", "--force")
    assert first.returncode == 0, first.stderr[-2000:]
    assert not {m for m in _imported(first.stderr) if m.split(".")[0] in HEAVY
                or m in HEAVY}, "a plain build imported the CLI library"
    assert first.stdout.startswith("Ferdig på ") and "lederavtale: 44" in first.stdout
    # The same build through the full CLI (--help is not a build: the CLI answers it, so
    # the CLI is what answers an option only it knows; here: the same build, forced)
    from typer.testing import CliRunner

    from generator.cli import app

    again = CliRunner().invoke(app, ["build", str(demo), "--out", str(out), "--no-pdf",
                                     "--force"])
    assert again.exit_code == 0, again.output

    def masked(text: str) -> list[str]:  # the seconds differ
        return [re.sub(r"på [0-9,]+ s", "på … s", line) for line in text.splitlines()]

    assert masked(again.stdout) == masked(first.stdout)


def test_an_unknown_kind_and_a_broken_folder_exit_as_the_full_cli_does(
        demo: Path, tmp_path: Path) -> None:
    unknown = _styring("build", str(demo), "--out", str(tmp_path / "ut"), "--no-pdf",
                       "--force", "--only", "ukjent")
    assert unknown.returncode == 2
    assert _messages(unknown.stderr) == [
        "FEIL ukjent dokumenttype: ukjent. Velg blant oppdragsbrev, tertialrapport, "
        "utviklingsstrategi, lederavtale."]
    assert not _imported(unknown.stderr) & set(HEAVY)
    empty = tmp_path / "tom"
    empty.mkdir()
    nothing = _styring("build", str(empty), "--out", str(tmp_path / "ut2"), "--no-pdf",
                       "--force")
    assert nothing.returncode == 1
    errors = [line for line in _messages(nothing.stderr) if line.startswith("FEIL")]
    assert errors and "Traceback" not in nothing.stderr


def test_a_renderer_without_numbers_loads_no_babel_formatter_and_no_pool(
        tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generator.rendering.fast import FastTemplate\n"
        "from generator.rendering.template import environment\n"
        "from generator.paths import ROOT\n"
        "tpl = FastTemplate(ROOT / 'templates' / 'lederavtale.docx', environment())\n"
        "print(sorted(m for m in ('babel.dates', 'babel.numbers', 'multiprocessing', "
        "'concurrent.futures') if m in sys.modules and "
        "type(sys.modules[m]).__name__ != '_LazyModule'))\n"
        "from generator import norsk\n"
        "print(norsk.tall(1234567.5, 1), norsk.dato(__import__('datetime').date(2026, 11, 23)))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                       text=True, check=True)
    unloaded, formatted = p.stdout.splitlines()[-2:]
    assert unloaded == "[]"
    assert formatted == "1\u00a0234\u00a0567,5 23. november 2026"  # and Babel loads when used
