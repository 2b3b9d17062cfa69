"""Manifest and incremental builds: nothing changes, nothing is rendered; one row changes,
one document is rendered; a template changes, its kind is rendered; a killed build leaves
only complete files and the next build repairs the set."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from generator import pipeline
from generator.render import TEMPLATE_DIR

from .conftest import set_cell


def _build(demo: Path, out: Path, **kw) -> pipeline.BuildReport:
    report = pipeline.build([demo], out, pdf=False, **kw)
    assert report.ok, [str(p) for p in report.problems]
    return report


def test_second_build_renders_nothing(demo: Path, tmp_path: Path) -> None:
    first = _build(demo, tmp_path)
    assert len(first.outcome.rendered) == len(first.documents)
    manifest = json.loads((tmp_path / "2026" / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["documents"]["oppdragsbrev-2026.docx"]
    assert entry["template"]["file"] == "oppdragsbrev.docx" and entry["data_sha256"]
    assert "styring.xlsx" in " ".join(entry["sources"]) or "Oppdrag" in " ".join(entry["sources"])
    docx = entry["outputs"]["docx"]
    assert len(docx["sha256"]) == 64
    second = _build(demo, tmp_path)
    assert second.outcome.rendered == []
    assert len(second.outcome.reused) == len(first.documents)
    forced = _build(demo, tmp_path, force=True)
    assert len(forced.outcome.rendered) == len(first.documents)


def test_one_changed_leader_renders_exactly_that_lederavtale(demo: Path, tmp_path: Path) -> None:
    _build(demo, tmp_path)
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Nytt bidrag", 3)
    report = _build(demo, tmp_path)
    names = {d.filename for d in report.outcome.rendered}
    assert names, "nothing re-rendered"
    assert {d.kind for d in report.outcome.rendered} == {"lederavtale"}
    assert len({n.removesuffix(".docx").removesuffix("-offentlig") for n in names}) == 1


def test_changed_template_renders_all_of_its_kind(demo: Path, tmp_path: Path) -> None:
    templates = tmp_path / "maler"
    templates.mkdir()
    for f in TEMPLATE_DIR.glob("*.docx"):
        (templates / f.name).write_bytes(f.read_bytes())
    first = _build(demo, tmp_path / "ut", template_dir=templates)
    with zipfile.ZipFile(templates / "tertialrapport.docx", "a") as zf:
        zf.writestr("customXml/endret.xml", "<x/>")  # a different file, same content
    report = _build(demo, tmp_path / "ut", template_dir=templates)
    assert [d.kind for d in report.outcome.rendered] == ["tertialrapport"]
    assert len(report.outcome.reused) == len(first.documents) - 1


def test_removed_leader_removes_its_files(demo: Path, tmp_path: Path) -> None:
    import openpyxl

    _build(demo, tmp_path)
    wb = openpyxl.load_workbook(demo / "lederavtaler.xlsx")
    ws = wb["Lederavtaler"]
    leader = ws["A2"].value
    ws.delete_rows(2)
    bidrag = wb["Bidrag"]
    for row in range(bidrag.max_row, 1, -1):
        if bidrag.cell(row=row, column=1).value == leader:
            bidrag.delete_rows(row)
    wb.save(demo / "lederavtaler.xlsx")
    report = _build(demo, tmp_path)
    assert report.outcome.removed
    assert all(not p.exists() for p in report.outcome.removed)


def _complete(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.testzip() is None and "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


@pytest.mark.parametrize("delay", [0.9, 1.6, 2.3])
def test_killed_build_leaves_only_complete_files(demo: Path, tmp_path: Path, delay: float) -> None:
    out = tmp_path / "ut"
    code = ("import sys; from pathlib import Path; from generator import pipeline; "
            f"pipeline.build([Path({str(demo)!r})], Path({str(out)!r}), pdf=False, force=True)")
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    for path in out.rglob("*.docx"):
        if ".staging-" in str(path):
            continue
        assert _complete(path), path
    report = _build(demo, out)
    for path in (out / "2026").rglob("*.docx"):
        assert ".staging-" not in str(path)
        assert _complete(path)
    assert len(list((out / "2026").rglob("*.docx"))) == len(report.documents)
