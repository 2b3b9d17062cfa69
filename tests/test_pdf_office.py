"""Warm LibreOffice over UNO in a build (issue 30, «PDF at the two-core limit»): started with
the rendering when the build will make PDFs, used for every conversion (a table of contents
numbered in its one pass, see tests/test_toc_one_pass.py; no third LibreOffice), never
started by a no-change build or a failed validation; without a Python that can import uno
the PDFs come from batched calls, and ``styring doctor`` says which way PDF/A is made."""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.output import pdf

from .conftest import run, set_cell
from .test_pdf_worker_stops import _documents

pytestmark = pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice mangler")


def _doctor_line(tmp_path: Path) -> str:
    result = run("doctor", tmp_path)
    return next(ln for ln in result.output.splitlines() if " PDF-konvertering: " in ln)


def test_without_a_uno_python_the_pdfs_come_from_batched_calls(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdf.UNO_ENV, sys.executable)  # this test environment's: no uno
    assert pdf.uno_python() is None
    line = _doctor_line(tmp_path)
    assert line.startswith("MERKNAD PDF-konvertering: samlede soffice-kall"), line
    assert f"{sys.executable} (fra {pdf.UNO_ENV}) kan ikke importere uno" in line
    assert "python3-uno" in line
    office = pdf.Office(1)
    assert not office.available()
    office.close()
    src, out = tmp_path / "docx", tmp_path / "pdf"
    src.mkdir()
    files = _documents(src, 2)
    made = pdf.convert(files, out)
    for i, path in enumerate(made):
        assert pdf.verify(path, f"Dokument {i}").ok
    monkeypatch.setenv(pdf.UNO_ENV, "nei")
    assert _doctor_line(tmp_path).startswith("OK PDF-konvertering: samlede soffice-kall, slik "
                                             "STYRING_UNO_PYTHON=nei ber om")


def test_when_libreoffice_does_not_answer_over_uno_the_batched_calls_make_the_pdfs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if pdf.uno_python() is None:
        pytest.skip("ingen Python med uno (python3-uno)")
    real = pdf.soffice()
    refusing = tmp_path / "soffice"  # the real LibreOffice, but never listening for UNO
    refusing.write_text(f'#!/bin/sh\ncase "$*" in *--accept=*) exit 1;; esac\n'
                        f'exec "{real}" "$@"\n', encoding="utf-8")
    refusing.chmod(refusing.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("STYRING_SOFFICE", str(refusing))
    src, out = tmp_path / "docx", tmp_path / "pdf"
    src.mkdir()
    files = _documents(src, 2)
    office = pdf.Office(1)
    try:
        assert office.available()  # a Python with uno is there ...
        made = pdf.convert(files, out, office=office)
    finally:
        office.close()
    assert office.pids == [] and office.restarts == 1  # ... but LibreOffice never answered
    assert [p.name for p in made] == ["dok-00.pdf", "dok-01.pdf"]
    for i, path in enumerate(made):
        assert pdf.verify(path, f"Dokument {i}").ok


def test_a_build_uses_one_warm_office_and_none_when_nothing_changed(
        demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if pdf.uno_python() is None:
        pytest.skip("ingen Python med uno (python3-uno)")
    line = _doctor_line(tmp_path)
    assert re.match(r"OK PDF-konvertering: LibreOffice styres over UNO med \S+python\S*: ",
                    line), line
    offices: list[pdf.Office] = []
    calls: list[tuple[pdf.Office, int]] = []
    real_init, real_convert = pdf.Office.__init__, pdf.Office.convert

    def init(self: pdf.Office, count: int, label: str | None = None) -> None:
        offices.append(self)
        real_init(self, count, label)

    def convert(self: pdf.Office, files, out_dir, finished, stop, toc=()):  # type: ignore[no-untyped-def]
        calls.append((self, len(files)))
        return real_convert(self, files, out_dir, finished, stop, toc)

    monkeypatch.setattr(pdf.Office, "__init__", init)  # the real class, counted
    monkeypatch.setattr(pdf.Office, "convert", convert)
    out = tmp_path / "ut"
    report = pipeline.build([demo], out, kinds=["oppdragsbrev"], pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    assert len(offices) == 1 and offices[0].python == pdf.uno_python()
    office = offices[0]
    assert office.label and office.label.startswith(str(out / "2026" / ".staging-"))
    # the letter (with a table of contents) went once to the warm LibreOffice: one started
    assert [n for o, n in calls if o is office] == [1] and len(calls) == 1
    assert [p.name for p in office.converted] == ["oppdragsbrev-2026.docx"]
    assert len(office.pids) == 1 and office.restarts == 0
    letter = next((out / "2026").rglob("oppdragsbrev-*.pdf"))
    assert pdf.verify(letter).ok
    # nothing changed: answered at once, no LibreOffice
    again = pipeline.build([demo], out, kinds=["oppdragsbrev"], pdf=True)
    assert again.ok and again.unchanged
    # a workbook that does not validate: nothing rendered, no LibreOffice
    set_cell(demo / "styring.xlsx", "Oppdrag", "Frist", "når det passer", 1)
    failed = pipeline.build([demo], out, kinds=["oppdragsbrev"], pdf=True)
    assert not failed.ok
    assert len(offices) == 1
