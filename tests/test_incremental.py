"""Manifest and incremental builds: nothing changes, nothing is rendered; one row changes,
one document is rendered; a template changes, its kind is rendered; a killed build leaves
only complete files and the next build repairs the set."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pikepdf

from generator import pipeline
from generator.rendering.template import TEMPLATE_DIR

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
    assert second.unchanged and second.outcome is None  # the no-change check answered
    assert sum(second.counts.values()) == len(first.documents)
    os.utime(tmp_path / "2026" / docx["file"], ns=(1, 1))  # same bytes, new time: full check
    third = _build(demo, tmp_path)
    assert not third.unchanged
    assert third.outcome.rendered == []
    assert len(third.outcome.reused) == len(first.documents)
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
    if path.suffix == ".eml":  # an e-mail draft: parses, and ends with its attachment
        import email
        from email import policy

        data = path.read_bytes()
        msg = email.message_from_bytes(data, policy=policy.default)
        return len(list(msg.iter_attachments())) == 1 and data.rstrip().endswith(b"--")
    if path.suffix == ".ics":
        import icalendar

        try:
            return bool(icalendar.Calendar.from_ical(path.read_bytes()).events)
        except ValueError:
            return False
    if path.suffix == ".pdf":
        try:
            with pikepdf.open(path) as pdf:
                return len(pdf.pages) > 0
        except pikepdf.PdfError:
            return False
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.testzip() is None and "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def test_builds_killed_at_random_points_leave_only_complete_files(demo: Path,
                                                                  tmp_path: Path) -> None:
    """SIGKILL a real build at random moments, over and over; then the next build repairs."""
    out = tmp_path / "ut"
    rng = random.Random(20261123)
    for round_no in range(6):
        with_pdf = round_no in (2, 5)
        code = ("from pathlib import Path; from generator import pipeline; "
                f"pipeline.build([Path({str(demo)!r})], Path({str(out)!r}), pdf={with_pdf}, "
                "force=True)")
        proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
        time.sleep(rng.uniform(0.5, 6.0 if with_pdf else 2.5))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        for path in [*out.rglob("*.docx"), *out.rglob("*.pdf")]:
            if ".staging-" in str(path):
                continue  # a killed build's private stage; the next build removes it
            assert _complete(path), (round_no, path)
    report = _build(demo, out)
    year = out / "2026"
    assert not list(year.glob(".staging-*"))
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["documents"].values():
        for o in entry["outputs"].values():
            assert _complete(year / o["file"]) or o["file"].endswith(".json")
    assert len(list(year.rglob("*.docx"))) == len(report.documents)
