#!/usr/bin/env python3
"""Render one .docx per leader of the shared peer workload with the project's renderer.

Usage: python benchmarks/render_fast.py TEMPLATE DATA_JSON OUTDIR [--workers N] [--profile]

Same contract as the shared ``render_docxtpl.py``: the timed region is template load
(compile) + render + write of all documents, excluding imports and the JSON load, and
it prints ``... in X s = Y docs/s``. The environment is the project's
(``generator.rendering.template.environment``: sandbox, autoescape, StrictUndefined); each document
also gets core properties (title, author, …) as the project sets them, which the peers
do not write (a small handicap for this script). The compiled template is kept in the
user's cache folder as a build keeps it (``generator.rendering.compiled``): a run after the
first loads it instead of preprocessing and compiling the template again.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.rendering import compiled
from generator.rendering.fast import FastTemplate, write_many

STAMP = datetime(2025, 1, 1, tzinfo=UTC)


def properties(leader: dict) -> dict[str, str]:
    return {"title": f"Lederavtale – {leader['name']}", "subject": "Lederavtale",
            "author": "Fjellvik kommune", "keywords": "lederavtale", "language": "nb-NO",
            "last_modified_by": "Fjellvik kommune"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("template")
    ap.add_argument("data")
    ap.add_argument("outdir")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="cProfile the 1-worker loop")
    a = ap.parse_args()
    with open(a.data, encoding="utf-8") as f:
        leaders = json.load(f)["leaders"]
    os.makedirs(a.outdir, exist_ok=True)
    jobs = [(Path(a.outdir) / f"lederavtale_{i + 1:04d}.docx", leader, properties(leader))
            for i, leader in enumerate(leaders)]
    t0 = time.perf_counter()
    if a.profile:
        import cProfile  # only here: not part of the timed whole process of a plain run

        prof = cProfile.Profile()
        prof.enable()
        tpl = FastTemplate(Path(a.template), created=STAMP, modified=STAMP,
                           cache=compiled.folder())
        for path, ctx, props in jobs:
            path.write_bytes(tpl.render(ctx, props))
        prof.disable()
    else:
        write_many(Path(a.template), jobs, workers=a.workers, created=STAMP, modified=STAMP,
                   cache=compiled.folder())
    dt = time.perf_counter() - t0
    n = len(leaders)
    print(f"fastdocx-{a.workers}w: {n} docs in {dt:.3f} s = {n / dt:.1f} docs/s")
    if a.profile:
        import pstats

        pstats.Stats(prof).sort_stats("tottime").print_stats(18)


if __name__ == "__main__":
    main()
