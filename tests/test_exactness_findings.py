"""What the exactness sweep (tests/exactness.py) found, each kept as its own test."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl

from generator import pipeline

from . import exactness


def test_a_tertial_with_only_investment_rows_builds(demo: Path, tmp_path: Path) -> None:
    """One Økonomi row moved to a tertial of its own (an investment row): the tertialrapport
    for that tertial has no drift rows, and its budget chart says so instead of crashing."""
    wb = openpyxl.load_workbook(demo / "tertial.xlsx")
    ws = wb["Økonomi"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "investering")
    row[0].value = 3
    wb.save(demo / "tertial.xlsx")
    report = pipeline.build([demo], tmp_path, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    path = tmp_path / "2026" / "tertialrapport" / "tertialrapport-2026-t3.docx"
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    # no drift rows: a line in place of the chart (documents/tertialrapport.py)
    assert "Arket Økonomi har ingen drift for tertialet; grafen er ikke laget." in xml


def test_a_moved_meeting_differs_from_a_clean_build_only_by_its_cancellation(
        tmp_path: Path) -> None:
    """An Årshjul date changed: the incremental calendar keeps the old meeting as cancelled
    (so calendar clients remove it), which a clean build cannot know; everything else is
    the same, and only the changed files are written."""
    wb, out = exactness.base(tmp_path / "base")
    year = next(out.iterdir())
    ics = year / "kalender" / "arshjul-klg.ics"
    assert "STATUS:CANCELLED" not in ics.read_text("utf-8")
    change = exactness.Change("styring.xlsx", "Årshjul", "A9", "date", date(2025, 11, 23))
    result = exactness.check(change, wb, out, tmp_path / "e")
    assert result.ok, result
    moved = tmp_path / "e" / "inkrementell" / year.name / "kalender" / "arshjul-klg.ics"
    assert "STATUS:CANCELLED" in moved.read_text("utf-8")
