"""Touch only what changed: a rebuild after one changed cell rewrites the agreement's own
files and the shared index files, nothing else (by content hash and by time stamp); a full
build with nothing changed rewrites nothing a reader sees."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from generator import pipeline

from .conftest import set_cell

# What every build that changes something also changes: the shared index files.
INDEX = {"manifest.json", ".manifest-kopi.json", ".uendret.json", "oversikt.html",
         "arkiv/arkivliste.csv"}


def _snapshot(year: Path) -> dict[str, tuple[int, str]]:
    return {p.relative_to(year).as_posix(): (p.stat().st_mtime_ns,
                                             hashlib.sha256(p.read_bytes()).hexdigest())
            for p in year.rglob("*") if p.is_file()}


def _build(wb: Path, out: Path) -> pipeline.BuildReport:
    report = pipeline.build([wb], out, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return report


def _age(year: Path) -> None:
    """Every file one minute older, so a rewrite shows in its time stamp on any file system."""
    old = time.time_ns() - 60 * 10**9
    for p in year.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(old, old))


def test_one_changed_cell_touches_only_its_agreement_and_the_index(demo: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    year = out / "2026"
    _age(year)
    before = _snapshot(year)
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Nytt bidrag", 3)
    report = _build(demo, out)
    after = _snapshot(year)
    rendered = {d.stem for d in report.outcome.rendered}
    assert len(rendered) == 2 and all(s.startswith("lederavtale-") for s in rendered)
    stem = min(rendered, key=len)  # the agreement; the other is its public variant
    touched = {k for k in after if before.get(k, (None,))[0] != after[k][0]}
    changed = {k for k in after if before.get(k, (None, None))[1] != after[k][1]}
    assert touched == changed, sorted(touched ^ changed)  # nothing rewritten with same bytes
    own = {f"lederavtale/{stem}.docx", f"lederavtale/{stem}-offentlig.docx",
           f"epost/{stem}.eml", f"arkiv/2026-{stem}.json", f"arkiv/arkivmelding-2026-{stem}.xml"}
    assert touched == own | INDEX, sorted(touched ^ (own | INDEX))
    assert set(before) == set(after)


def test_full_build_without_a_change_rewrites_nothing(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    year = out / "2026"
    first = next(iter(sorted((year / "lederavtale").glob("*.docx"))))
    os.utime(first, ns=(1, 1))  # a new time stamp: the no-change check cannot answer
    _build(demo, out)  # the overview now says «uendret» where the first build said «ny»
    _age(year)
    before = _snapshot(year)
    os.utime(first, ns=(before[first.relative_to(year).as_posix()][0] + 10**9,) * 2)
    report = _build(demo, out)
    assert not report.unchanged and report.outcome.rendered == []
    after = _snapshot(year)
    touched = {k for k in after if before[k][0] != after[k][0]} - {
        first.relative_to(year).as_posix()}
    assert touched <= {".uendret.json"}, sorted(touched)  # the hidden no-change record only
    assert {k: v[1] for k, v in after.items()} == {k: v[1] for k, v in before.items()
                                                  if k != ".uendret.json"} | {
        ".uendret.json": after[".uendret.json"][1]}


def test_a_forced_rebuild_of_the_same_data_writes_the_same_bytes(demo: Path,
                                                                 tmp_path: Path) -> None:
    """Every document rendered again (also those with charts, made by docxtpl) has the same
    bytes as before, so none is written again: no clock time in the zip."""
    out = tmp_path / "ut"
    first = pipeline.build([demo], out, pdf=False)
    assert first.ok
    year = out / "2026"
    _age(year)
    before = _snapshot(year)
    time.sleep(2.1)  # a zip time stamp has two-second steps
    report = pipeline.build([demo], out, pdf=False, force=True)
    assert report.ok and len(report.outcome.rendered) == len(first.documents)
    after = _snapshot(year)
    touched = {k for k in after if before.get(k, (None,))[0] != after[k][0]}
    assert touched <= INDEX, sorted(touched - INDEX)
