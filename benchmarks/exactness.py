#!/usr/bin/env python3
"""The exactness sweep, larger than the test's sample (see tests/exactness.py): one cell of
the demo changed at a time on every sheet (text, number, date, emptied), an incremental
build on a shared base build and a clean build, compared. Also reports how many files the
incremental build rewrote and its time against the clean build's.

Usage: .venv/bin/python benchmarks/exactness.py [--n 40] [--seed 1]   (--n 0: every sheet
with every kind, ≈4 × the number of sheets)
Exit 0 and «EXACT» when every example holds; else the failing changes and exit 1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import exactness  # noqa: E402


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, default=40)
    args.add_argument("--seed", type=int, default=1)
    opts = args.parse_args()
    changes = exactness.sample(opts.n or None, opts.seed)
    bad, touched, ratio = [], [], []
    with tempfile.TemporaryDirectory(prefix="exactness-") as tmp:
        wb, out = exactness.base(Path(tmp) / "base")
        for i, change in enumerate(changes):
            r = exactness.check(change, wb, out, Path(tmp) / f"e{i}")
            state = "avvist" if r.refused else f"{r.touched} filer"
            print(f"{'ok ' if r.ok else 'FEIL'} {change}: {state}, "
                  f"{r.seconds_incremental:.2f} s mot {r.seconds_clean:.2f} s", flush=True)
            if not r.ok:
                bad.append(r)
                print(f"     ulik: {r.differing}\n     gammel: {r.stale}\n"
                      f"     unødig skrevet: {r.rewritten_needlessly}")
            elif not r.refused:
                touched.append(r.touched)
                ratio.append(r.seconds_incremental / r.seconds_clean)
    if touched:
        print(f"{len(changes)} endringer, {len(touched)} bygget: filer skrevet median "
              f"{statistics.median(touched)}, maks {max(touched)}; inkrementell/ren tid "
              f"median {statistics.median(ratio):.2f}")
    print("EXACT" if not bad else f"{len(bad)} av {len(changes)} feiler")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
