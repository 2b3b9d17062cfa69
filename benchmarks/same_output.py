#!/usr/bin/env python3
"""Do two versions of the code make the same documents? For moves and refactorings.

Builds the demo (workbooks, then every document with PDF/A unless ``--no-pdf``) once with
the code of git revision REV (checked out into a temporary worktree) and once with the
working tree, then compares every output file:

- DOCX part by part (names and bytes; the zip's own timestamps may differ),
- PDF by its text (``pdftotext``: LibreOffice stamps times and ids into the bytes),
- everything else byte for byte after masking what depends on the clock: build times,
  DTSTAMP, and the checksums and sizes of PDFs (LibreOffice dates the ICC profile it
  embeds, and the compressed size follows the clock).

Usage: .venv/bin/python benchmarks/same_output.py [REV] [--no-pdf]   (REV defaults to HEAD)
Exit 0 and «SAME» when nothing differs; else the differing files and exit 1.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
SKIP = {"manifest.json", ".manifest-kopi.json", ".uendret.json"}  # build ids, file times
MASK = re.compile(
    r'DTSTAMP:\S+|"sjekksum": "\w+"|<sjekksum>\w+</sjekksum>|[0-9a-f]{64}'
    r'|"(?:built|size|filstoerrelse)": [^,\n]+'
    r'|<(?:filstoerrelse|opprettetDato|arkivertDato|journaldato)>'
    r'[^<]*<|20\d\d-\d\d-\d\dT[\d:.+Z-]+|kl\. \d\d\.\d\d|;\d+;(?=[0-9a-f#])')


def build(code: Path, out: Path, pdf: bool) -> Path:
    """The demo built by the code in ``code``; returns the year folder."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    run = [PY, "-m", "generator"]
    subprocess.run([*run, "demo", str(out / "wb")], cwd=code, env=env, check=True,
                   capture_output=True)
    subprocess.run([*run, "build", str(out / "wb"), "--out", str(out / "ut"),
                    *([] if pdf else ["--no-pdf"])], cwd=code, env=env, check=True,
                   capture_output=True)
    return next((out / "ut").iterdir())


def differences(a: Path, b: Path) -> list[str]:
    """The files that differ between two year folders (or exist in only one)."""
    fa = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    fb = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    out = [f"only in one: {p}" for p in sorted(fa ^ fb)]
    for rel in sorted(fa & fb):
        if rel.name in SKIP or rel.suffix == ".lock":
            continue
        x, y = a / rel, b / rel
        if rel.suffix == ".docx":
            with zipfile.ZipFile(x) as za, zipfile.ZipFile(y) as zb:
                same = za.namelist() == zb.namelist() and all(
                    za.read(n) == zb.read(n) for n in za.namelist())
        elif rel.suffix == ".pdf":
            text = [subprocess.run(["pdftotext", str(p), "-"], capture_output=True).stdout
                    for p in (x, y)]
            same = text[0] == text[1]
        else:
            same = MASK.sub("#", x.read_text("utf-8", "replace")) == MASK.sub(
                "#", y.read_text("utf-8", "replace"))
        if not same:
            out.append(str(rel))
    return out


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("rev", nargs="?", default="HEAD")
    args.add_argument("--no-pdf", action="store_true")
    opts = args.parse_args()
    with tempfile.TemporaryDirectory(prefix="same-output-") as tmp:
        base = Path(tmp)
        tree = base / "kode"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(tree), opts.rev],
                       cwd=ROOT, check=True)
        try:
            before = build(tree, base / "før", not opts.no_pdf)
            after = build(ROOT, base / "etter", not opts.no_pdf)
            diff = differences(before, after)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT)
            shutil.rmtree(tree, ignore_errors=True)
    for line in diff:
        print(line)
    print("SAME" if not diff else f"{len(diff)} differ")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
