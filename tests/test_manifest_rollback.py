"""A build that cannot write the manifest's copy leaves the output folder exactly as it was.

The manifest is written first and its copy (``.manifest-kopi.json``) right after. When the
copy cannot be written (here: a folder stands in its place), the build rolls back: the
documents are put back, and so is the manifest itself — same bytes, same file, same time
stamp — so the message «ingen filer i … er endret» is true and the next build trusts the
folder as before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.output import manifest

from .conftest import copy_demo, run, set_cell


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                               p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != ".uendret.json"}  # the no-change record: a cache, made again


def test_a_copy_that_cannot_be_written_leaves_the_folder_and_its_manifest_as_they_were(
        tmp_path: Path) -> None:
    wb, out = copy_demo(tmp_path / "wb"), tmp_path / "ut"
    args = ("build", wb, "--out", out, "--no-pdf", "--only", "lederavtale")
    assert run(*args).exit_code == 0
    year = out / "2026"
    (year / manifest.COPY).unlink()
    (year / manifest.COPY).mkdir()  # e.g. made by a sync client or by hand
    before = _snapshot(year)
    set_cell(wb / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Endret tekst.")

    failed = run(*args)
    assert failed.exit_code == 1, failed.output
    assert f"{manifest.COPY}: kan ikke skrives (er en mappe, ikke en fil)" in failed.output
    assert "ingen filer i" in failed.output and "er endret" in failed.output
    assert _snapshot(year) == before  # the manifest too: bytes and time stamp
    assert not [p.name for p in year.iterdir() if p.name.endswith(".gammel")]

    (year / manifest.COPY).rmdir()
    assert run(*args).exit_code == 0
    assert (year / manifest.COPY).read_bytes() == (year / manifest.FILENAME).read_bytes()
    assert _snapshot(year)["manifest.json"] != before["manifest.json"]
