#!/usr/bin/env python3
"""One timed ``generator.pipeline.build`` on workbooks, for benchmarks/bench.py.

Usage: python benchmarks/pipeline_case.py CASE WORKBOOK_DIR OUT_DIR [--kinds a,b]

CASE: ``cold`` (one forced DOCX build in a fresh process), ``warm`` (a forced DOCX build,
then a second one timed in the same process), ``pdf`` (a forced build with PDF/A),
``nochange`` (an incremental DOCX build over an earlier one), ``onerow`` (one cell of
the Lederavtaler sheet edited, then an incremental DOCX build). Prints
``CASE: D docs (R rendered) in X s`` and the build step's own timings, with a PDF build
also ``pdf_cpu=…s``: the CPU time of the PDF step, this process and every LibreOffice.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH: --against

import openpyxl

from generator import pipeline
from generator.input.reader import normalise
from generator.output import stage

PDF_CPU: list[float] = []


def _own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _kids_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


KIDS_BEFORE: list[float] = []


def _timed_pdfs(st: stage.Stage, _pdfs=stage._pdfs) -> None:
    # This process's CPU time during the step, and every child's from the step's start to
    # the end of the build: the warm LibreOffice workers quit (and are counted) after the
    # step, while the build goes on; no other child process starts after it.
    before = _own_cpu()
    KIDS_BEFORE.append(_kids_cpu())
    try:
        _pdfs(st)
    finally:
        PDF_CPU.append(_own_cpu() - before)


stage._pdfs = _timed_pdfs  # the PDF step's CPU time, LibreOffice included


def edit_one_row(folder: Path) -> None:
    """Change the first Lederavtaler row's «Viktigste bidrag» (new text on every call)."""
    path = folder / "lederavtaler.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Lederavtaler"]
    col = next(c.column for c in ws[1] if normalise(c.value) == normalise("Viktigste bidrag"))
    cell = ws.cell(row=2, column=col)
    cell.value = f"{str(cell.value).split(' [endret')[0]} [endret {time.time_ns()}]"
    wb.save(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("case", choices=["cold", "warm", "pdf", "nochange", "onerow"])
    ap.add_argument("workbooks", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--kinds", default="")
    ap.add_argument("--pdf", action="store_true", help="nochange/onerow with PDF/A")
    a = ap.parse_args()
    kinds = a.kinds.split(",") if a.kinds else None
    paths = [a.workbooks]
    if a.case == "onerow":
        edit_one_row(a.workbooks)
    pdf = a.case == "pdf" or a.pdf
    force = a.case in ("cold", "warm", "pdf")
    if a.case == "warm":
        pipeline.build(paths, a.out, kinds=kinds, pdf=False, force=True)
    t0 = time.perf_counter()
    report = pipeline.build(paths, a.out, kinds=kinds, pdf=pdf, force=force)
    dt = time.perf_counter() - t0
    if not report.ok:
        raise SystemExit("build failed: " + " | ".join(str(p) for p in report.problems.errors[:3]))
    outcome = report.outcome
    rendered = len(outcome.rendered) if outcome else 0
    timings = " ".join(f"{k}={v:.2f}s" for k, v in (outcome.timings if outcome else {}).items())
    if PDF_CPU:
        timings += f" pdf_cpu={sum(PDF_CPU) + _kids_cpu() - KIDS_BEFORE[0]:.2f}s"
        timings += f" (own {sum(PDF_CPU):.2f}s)"
    print(f"{a.case}: {len(report.documents)} docs ({rendered} rendered) in {dt:.3f} s; "
          f"{timings}")


if __name__ == "__main__":
    main()
