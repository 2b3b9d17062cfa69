#!/usr/bin/env python3
"""The Python part of the PDF step, part by part (issue 30, item 5): what the build's parent
process spends in CPU time on each PDF LibreOffice wrote (the finishing, the signature fields
of the lederavtaler, the check), with this code and with another git revision's, on the same
raw PDFs in the same run. Not part of the test suite.

Usage: .venv/bin/python benchmarks/pdf_finish_parts.py [--rev main] [--runs 3] [--raw DIR]

``--raw``: LibreOffice's own PDFs of the demo (default ``benchmarks/out/pipeline/one-call``,
which ``benchmarks/incremental.py``'s PDF row and ``bench.py`` leave there). Each revision
runs in a fresh process on copies of them; the parts are the CPU seconds inside the named
functions, summed over the files (the smallest of ``--runs`` runs). Parts overlap: «open»
and «save» are also inside «finish», «fields» and «verify». «imports»: what the PDF step
imports after the build's own modules (pikepdf is one of those): PDFium for the signature
lines, and pyHanko where the revision loads it.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "benchmarks" / "out" / "pipeline" / "one-call"

PARTS = ("imports", "finish", "fields", "verify", "open", "save", "artifacts", "lines")
LABELS = {
    "imports": "imports after the build's own (PDFium; pyHanko where loaded)",
    "finish": "finishing (`pdf.finish`, fields included where made there)",
    "fields": "signature fields after the finishing (pyHanko + tagging)",
    "verify": "check (`pdf.verify`)",
    "open": "  of which: pikepdf opens",
    "save": "  of which: pikepdf saves",
    "artifacts": "  of which: `mark_untagged_as_artifact`",
    "lines": "  of which: signature lines (PDFium)",
}

IMPORTS = """
import sys, time
import generator.output.stage
source = open(generator.output.stage.__file__, encoding="utf-8").read()
start = time.process_time()
import pikepdf  # noqa: F401
import pypdfium2  # noqa: F401 - the signature lines
if '.signing"' in source:  # the stage imports pyHanko's signing module for the fields
    import generator.output.signing  # noqa: F401
print(time.process_time() - start)
"""


def worker(raw: Path, runs: int) -> dict[str, float]:
    """In a process whose ``generator`` is the revision measured: the parts' CPU seconds."""
    import inspect
    import shutil
    import time

    import pikepdf

    from generator.output import pdf, pdfua

    new = "signature_fields" in inspect.signature(pdf.finish).parameters
    if not new:
        from generator.output import signing
    spent: dict[str, float] = {}

    def timed(owner: object, name: str, part: str) -> None:
        inner = getattr(owner, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[part] = spent.get(part, 0.0) + time.process_time() - start

        setattr(owner, name, wrapper)

    timed(pikepdf, "open", "open")
    timed(pikepdf.Pdf, "save", "save")
    timed(pdfua, "mark_untagged_as_artifact", "artifacts")
    timed(pdf if new else signing, "signature_lines", "lines")
    best: dict[str, float] = {}
    for _run in range(runs):
        spent.clear()
        with tempfile.TemporaryDirectory(prefix="pdf-parts-") as tmp:
            files = []
            for path in sorted(raw.glob("*.pdf")):
                files.append(Path(tmp) / path.name)
                shutil.copy(path, files[-1])
            for path in files:
                # every lederavtale gets the fields, its public variant too
                agreement = path.name.startswith("lederavtale-")
                start = time.process_time()
                if new:
                    pdf.finish(path, signature_fields=agreement)
                else:
                    pdf.finish(path)
                spent["finish"] = spent.get("finish", 0.0) + time.process_time() - start
                if agreement and not new:
                    start = time.process_time()
                    path.write_bytes(signing.add_signature_fields(path))
                    spent["fields"] = spent.get("fields", 0.0) + time.process_time() - start
                start = time.process_time()
                report = (pdf.verify(path, None, signature_fields=agreement) if new
                          else pdf.verify(path))
                spent["verify"] = spent.get("verify", 0.0) + time.process_time() - start
                assert report.ok, report.problems
        for part, seconds in spent.items():
            best[part] = min(best.get(part, seconds), seconds)
    best["files"] = len(files)
    return best


def measure(code: Path, raw: Path, runs: int) -> dict[str, float]:
    """The parts with the ``generator`` in ``code``, each in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    imports = min(float(subprocess.run(
        [sys.executable, "-c", IMPORTS], cwd=code, env=env, capture_output=True, text=True,
        check=True).stdout.strip().splitlines()[-1]) for _ in range(runs))
    out = subprocess.run([sys.executable, __file__, "--worker", "--raw", str(raw),
                          "--runs", str(runs)], cwd=code, env=env, capture_output=True,
                         text=True, check=True).stdout
    parts = json.loads(out.strip().splitlines()[-1])
    parts["imports"] = imports
    return parts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", default="main", help="the git revision to compare with")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--raw", type=Path, default=RAW)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.raw, args.runs)))
        return
    if not any(args.raw.glob("*.pdf")):
        sys.exit(f"Ingen PDF-er i {args.raw}: kjør PDF-raden i benchmarks/incremental.py først.")
    with tempfile.TemporaryDirectory(prefix="rev-") as old_code:
        subprocess.run(f"git archive {args.rev} | tar -x -C {old_code}", shell=True, cwd=ROOT,
                       check=True)
        before = measure(Path(old_code), args.raw, args.runs)
    after = measure(ROOT, args.raw, args.runs)
    n = int(after["files"])
    print(f"| {n} raw demo PDFs, CPU seconds (least of {args.runs} runs) | `{args.rev}` | "
          "this code |")
    print("|---|---:|---:|")
    for part in PARTS:
        if part in before or part in after:
            print(f"| {LABELS[part]} | {before.get(part, 0.0):.2f} | {after.get(part, 0.0):.2f} |")
    whole = ("imports", "finish", "fields", "verify")
    total_before = sum(before.get(p, 0.0) for p in whole)
    total_after = sum(after.get(p, 0.0) for p in whole)
    print(f"| **the Python part in all** | **{total_before:.2f}** | **{total_after:.2f}** "
          f"({total_before / total_after:.1f}× less) |")


if __name__ == "__main__":
    main()
