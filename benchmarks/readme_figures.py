"""Every figure in the README's «Ytelse» table, measured in one sitting.

Runs the benchmark scripts one after another (never side by side, so they do not
load the machine for each other) and writes their output, with the machine class
and the load before and after each part, to ``benchmarks/out/readme-figures.md``.
Run it on an idle machine; the load figures say whether it was::

    .venv/bin/python benchmarks/readme_figures.py            # ≈ 5 min on an idle 2-core machine
    .venv/bin/python benchmarks/readme_figures.py --quick    # fewer rounds, no 2 000 set

The README's table is then written from that file by hand, with its date.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"


def machine_class() -> str:
    model = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        mem = f"{kib / 1024 / 1024:.0f} GiB"
    return (f"{model}, {os.cpu_count()} kjerner, {mem} minne, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def load() -> str:
    path = Path("/proc/loadavg")
    return " ".join(path.read_text().split()[:3]) if path.exists() else "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    py = sys.executable
    parts: list[tuple[str, list[str]]] = [
        ("Renderer og hele byggingen (bench.py)",
         [py, "benchmarks/bench.py", "--runs", "2" if a.quick else "3"]
         + (["--big", "200"] if a.quick else [])),
        ("Inkrementelle bygginger og det store året (incremental.py)",
         [py, "benchmarks/incremental.py", "--rounds", "2" if a.quick else "3",
          "--big", "200" if a.quick else "2000"]),
        ("Rapporteringsrunden (runde.py)",
         [py, "benchmarks/runde.py", "200" if a.quick else "2000"]),
        ("PDF/UA-etterbehandlingen (pdfua_finish.py)",
         [py, "benchmarks/pdfua_finish.py", "--runs", "1"]),
        ("Python-delen av PDF-trinnet, del for del, mot main (pdf_finish_parts.py)",
         [py, "benchmarks/pdf_finish_parts.py", "--runs", "1" if a.quick else "3"]),
    ]
    lines = [f"# README-tallene, målt {datetime.now():%d.%m.%Y %H:%M}", "",
             f"Maskin: {machine_class()}", f"Belastning ved start: {load()}", ""]
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / "readme-figures.md"
    failed = 0
    for title, cmd in parts:
        before = load()
        started = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        took = time.perf_counter() - started
        failed += done.returncode != 0
        lines += [f"## {title}", "",
                  f"`{' '.join(Path(c).name if c == py else c for c in cmd)}`: "
                  f"{took:.0f} s, belastning før {before}, etter {load()}, "
                  f"returkode {done.returncode}", "", "```", done.stdout.rstrip(), "```", ""]
        if done.returncode:
            lines += ["```", done.stderr.rstrip()[-4000:], "```", ""]
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{title}: {took:.0f} s (rc {done.returncode})", flush=True)
    print(f"→ {target}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
