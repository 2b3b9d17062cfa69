#!/usr/bin/env python3
"""What PDF/UA costs (issue 26): LibreOffice with and without tagging, and the pikepdf
finishing step (:mod:`generator.output.pdfua`) per PDF. Not part of the test suite.

Usage: .venv/bin/python benchmarks/pdfua_finish.py [--runs 3]

Builds the demo's Word files once, converts all of them to PDF twice (the old untagged
filter and today's tagged one, without finishing; both with the metadata repair and one
save per file), then times :func:`pdfua.finish` (open, finish, save) on
copies of every tagged PDF ``--runs`` times and :func:`pdfua.add_signature_fields` (the two
empty fields, tagged; no save) on the lederavtaler. Prints a Markdown table. The whole
Python part of the PDF step, part by part: ``pdf_finish_parts.py``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pikepdf  # noqa: E402

from generator import pipeline  # noqa: E402
from generator.output import pdf, pdfua, signatures  # noqa: E402

UNTAGGED = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def convert(docx: list[Path], out: Path, filter_: str) -> float:
    """Seconds for LibreOffice to convert ``docx`` with ``filter_`` (no finishing)."""
    saved_filter, saved_finish = pdf.FILTER, pdfua.finish_pdf
    pdf.FILTER = filter_
    pdfua.finish_pdf = lambda doc, language=pdfua.LANGUAGE: None  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        pdf.convert(docx, out)
        return time.perf_counter() - start
    finally:
        pdf.FILTER, pdfua.finish_pdf = saved_filter, saved_finish


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="pdfua-bench-") as tmp:
        work = Path(tmp)
        report = pipeline.build([pipeline.DEMO_DIR], work / "docx", pdf=False)
        assert report.ok
        docx = sorted((work / "docx").rglob("*.docx"))
        n = len(docx)
        t_old = convert(docx, work / "untagged", UNTAGGED)
        t_tagged = convert(docx, work / "tagged", pdf.FILTER)
        tagged = sorted((work / "tagged").glob("*.pdf"))
        per_pdf: list[float] = []
        for run in range(args.runs):
            copies = work / f"finish-{run}"
            shutil.copytree(work / "tagged", copies)
            for path in sorted(copies.glob("*.pdf")):
                start = time.perf_counter()
                pdfua.finish(path)
                per_pdf.append(time.perf_counter() - start)
        fields: list[float] = []
        for path in [p for p in sorted((work / "finish-0").glob("lederavtale-*.pdf"))
                     if not p.stem.endswith("-offentlig")]:
            lines = signatures.signature_lines(path)
            with pikepdf.open(path) as doc:
                start = time.perf_counter()
                pdfua.add_signature_fields(doc, [
                    (name, label, ln.page, (ln.x1, ln.y, ln.x2, ln.y + signatures.FIELD_HEIGHT))
                    for (name, label), ln in zip(signatures.FIELDS, lines, strict=True)])
                fields.append(time.perf_counter() - start)
        size = statistics.mean(p.stat().st_size for p in tagged) / 1024
        finish_ms = statistics.median(per_pdf) * 1000
        total_new = t_tagged + sum(per_pdf) / args.runs
        print(f"| {n} demo documents | seconds | per PDF |")
        print("|---|---:|---:|")
        print(f"| LibreOffice, untagged (before) | {t_old:.1f} | {t_old / n * 1000:.0f} ms |")
        print(f"| LibreOffice, tagged + PDF/UA flag | {t_tagged:.1f} | "
              f"{t_tagged / n * 1000:.0f} ms |")
        print(f"| pdfua.finish (median of {len(per_pdf)}) | {sum(per_pdf) / args.runs:.2f} | "
              f"{finish_ms:.0f} ms (max {max(per_pdf) * 1000:.0f} ms) |")
        print(f"| pdfua.add_signature_fields (median of {len(fields)}) | | "
              f"{statistics.median(fields) * 1000:.0f} ms |")
        print(f"| PDF throughput | before {n / t_old:.2f}/s | after {n / total_new:.2f}/s "
              f"({(total_new / t_old - 1) * 100:+.0f} %) |")
        print(f"\nMean tagged PDF size {size:.0f} KiB.")


if __name__ == "__main__":
    main()
