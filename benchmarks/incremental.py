#!/usr/bin/env python3
"""Incremental builds and the big year, each as a ratio measured in the same run (issue 30):

1. one changed cell against the no-change answer, whole `styring build` processes, on the
   demo: DOCX only, and with PDF/A; with the number of files the change rewrote (time
   stamp) and changed (content);
2. the PDF step of a demo build with PDF against ONE plain batched soffice call on the same
   DOCX files;
3. N lederavtaler (default 2 000) with everything (DOCX, e-mail drafts, calendars, overview,
   archive) against the renderer's own part of the same build, with peak memory;
4. the e-mail draft writer against the email package's own (tests/test_epost_bytes.py).

With ``--against REV`` also the one changed cell side by side with REV's code, in the same
run, without and with bytecode (``--bytecode``).

Usage: .venv/bin/python benchmarks/incremental.py [--rounds 5] [--big 2000] [--skip-pdf]
       [--against main] [--skip-big] [--bytecode ja|nei|begge]
Writes the table to benchmarks/out/incremental.md as well.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench  # noqa: E402
from pipeline_case import edit_one_row  # noqa: E402

PY = bench.PY
OUT = ROOT / "benchmarks" / "out"


CPU: list[float] = []  # CPU seconds (user + system) of each `styring build`, LibreOffice too


def styring(wb: Path, out: Path, pdf: bool, code: Path = ROOT,
            env: dict[str, str] | None = None) -> float:
    """Wall seconds of one whole `styring build` process (its CPU seconds into CPU), with
    the generator of ``code`` (this checkout, or another revision's files)."""
    cmd = [PY, "-m", "generator", "build", str(wb), "--out", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run([*cmd, *([] if pdf else ["--no-pdf"])], cwd=code, capture_output=True,
                       text=True, env=env)
    dt = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        raise SystemExit(f"build failed:\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
    return dt


def snapshot(year: Path) -> dict[str, tuple[int, str]]:
    return {p.relative_to(year).as_posix(): (p.stat().st_mtime_ns,
                                             hashlib.sha256(p.read_bytes()).hexdigest())
            for p in year.rglob("*") if p.is_file()}


def one_cell(work: Path, pdf: bool, rounds: int) -> tuple[list[str], Path]:
    wb, out = work / "wb", work / "ut"
    subprocess.run([PY, "-m", "generator", "demo", str(wb)], cwd=ROOT, check=True,
                   capture_output=True)
    styring(wb, out, pdf)
    year = out / "2026"
    nochange, onecell, touched, changed = [], [], 0, 0
    cpu_n, cpu_c = [], []
    for _ in range(rounds):
        nochange.append(styring(wb, out, pdf))
        cpu_n.append(CPU[-1])
        time.sleep(0.02)
        before = snapshot(year)
        edit_one_row(wb)
        onecell.append(styring(wb, out, pdf))
        cpu_c.append(CPU[-1])
        after = snapshot(year)
        touched = sum(1 for k in after if before.get(k, (None,))[0] != after[k][0])
        changed = sum(1 for k in after if before.get(k, (None, None))[1] != after[k][1])
    n, c = statistics.median(nochange), statistics.median(onecell)
    cn, cc = statistics.median(cpu_n), statistics.median(cpu_c)
    what = "med PDF/A" if pdf else "bare DOCX"
    rows = [f"| én endret celle (Lederavtaler › Viktigste bidrag), demo, {what}, hele "
            f"`styring build` (median av {rounds}) | {c:.2f} s mot {n:.2f} s for «ingen "
            f"endringer»: **{c / n:.1f}×** (CPU-tid {cc:.2f} s mot {cn:.2f} s: {cc / cn:.1f}×); "
            f"{touched} filer skrevet, {changed} med nytt innhold (av {len(after)}) |"]
    return rows, year


def one_cell_against(work: Path, rev: str, rounds: int, bytecode: bool) -> list[str]:
    """One changed cell (DOCX only) with this code and with ``rev``'s, in pairs whose order
    alternates, each in its own copy of the demo; ``bytecode``: the modules compiled to
    bytecode as an installed package has them (the environment may forbid writing it)."""
    env = dict(os.environ)
    if bytecode:  # a bytecode folder of its own, made in this run: every module has it
        env["PYTHONPYCACHEPREFIX"] = str(work / "pyc")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:  # the libraries' bytecode as pip installed it, the product's modules compiled at
        env.pop("PYTHONPYCACHEPREFIX", None)  # every start (both copies have none)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    codes = {"denne": work / "denne", rev: work / "rev"}
    codes[rev].mkdir(parents=True)
    subprocess.run(f"git archive {rev} | tar -x -C {codes[rev]}", shell=True, cwd=ROOT,
                   check=True)
    # this working tree's code, without the bytecode setup.sh may have made in it
    shutil.copytree(ROOT / "generator", codes["denne"] / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", codes["denne"] / "templates",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", codes["denne"])  # its version, as in the tree
    wall: dict[str, list[float]] = {k: [] for k in codes}
    cpu: dict[str, list[float]] = {k: [] for k in codes}
    nochange: list[float] = []
    for name, code in codes.items():
        wb, out = work / name / "wb", work / name / "ut"
        subprocess.run([PY, "-m", "generator", "demo", str(wb)], cwd=code, check=True,
                       capture_output=True, env=env)
        styring(wb, out, False, code, env)
        edit_one_row(wb)
        styring(wb, out, False, code, env)  # the first incremental build fills the caches
    for i in range(rounds):
        for name in (list(codes) if i % 2 == 0 else list(codes)[::-1]):
            wb, out = work / name / "wb", work / name / "ut"
            edit_one_row(wb)
            wall[name].append(styring(wb, out, False, codes[name], env))
            cpu[name].append(CPU[-1])
            if name == "denne":
                styring(wb, out, False, codes[name], env)
                nochange.append(CPU[-1])
    med = {k: (statistics.median(wall[k]), statistics.median(cpu[k])) for k in codes}
    (w, c), (ow, oc), n = med["denne"], med[rev], statistics.median(nochange)
    how = ("med bytekode for alle moduler (som installert)" if bytecode else
           "uten bytekode for produktets egne moduler (PYTHONDONTWRITEBYTECODE=1; "
           "bibliotekene med sin)")
    return [f"| én endret celle, bare DOCX, side om side med `{rev}` ({rounds} par, annenhver "
            f"rekkefølge), {how} | CPU-tid {c:.2f} s mot {oc:.2f} s (**{oc / c:.2f}×** "
            f"mindre), veggtid {w:.2f} s mot {ow:.2f} s; «ingen endringer» {n:.2f} s CPU-tid: "
            f"endret celle = {c / n:.1f}× |"]


def pdf_vs_batch(work: Path, rev: str | None = None, rounds: int = 3) -> list[str]:
    """A forced demo build with PDF (its PDF step timed by the build, wall and CPU with
    LibreOffice), one batched soffice call on the same DOCX files, and two such calls at
    once (each on half the files), one after the other, ``rounds`` times; medians, and the
    ratio's median. With ``rev`` also the PDF step of that git revision's code (e.g. main),
    in the same run."""
    wb, out = work / "wb", work / "ut"
    subprocess.run([PY, "-m", "generator", "demo", str(wb)], cwd=ROOT, check=True,
                   capture_output=True)
    steps, cpus, walls, batch_cpus, pairs, made = [], [], [], [], [], 0
    for _ in range(rounds):
        step, cpu = _pdf_step(ROOT, wb, out)
        docx = sorted((out / "2026").rglob("*.docx"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        row = bench._one_soffice_call(out / "2026")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        batch_cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        walls.append(float(row.split("|")[4]))
        made = int(row.split("|")[3])
        steps.append(step)
        cpus.append(cpu)
        pairs.append(two_calls_at_once(docx))
    med = statistics.median
    ratios = sorted(w / s for w, s in zip(walls, steps, strict=True))
    scaling = sorted(w / p for w, p in zip(walls, pairs, strict=True))
    step, cpu, wall, batch_cpu, pair = med(steps), med(cpus), med(walls), med(batch_cpus), \
        med(pairs)
    from generator.output.pdf import uno_python

    how = "varme over UNO" if uno_python() else "samlede kall"
    rows = [f"| PDF-trinnet i en demo-bygging ({len(docx)} DOCX → PDF/A med kontroller, to "
            f"LibreOffice, {how}) mot ett samlet `soffice --convert-to`-kall på de samme filene | "
            f"{step:.1f} s mot {wall:.1f} s (kallet laget {made} av {len(docx)}; medianer av "
            f"{rounds} runder): **{med(ratios):.2f}×** raskere (rundene "
            f"{', '.join(f'{r:.2f}' for r in ratios)}); CPU-tid {cpu:.1f} s mot "
            f"{batch_cpu:.1f} s ({batch_cpu / cpu:.2f}×). Maskinens egen skalering i samme "
            f"runder: to samlede kall samtidig, hver på halvparten av filene, {pair:.1f} s = "
            f"**{med(scaling):.2f}×** ett kall ({', '.join(f'{r:.2f}' for r in scaling)}) |"]
    if rev:
        with tempfile.TemporaryDirectory(prefix="rev-") as code:
            subprocess.run(f"git archive {rev} | tar -x -C {code}", shell=True, cwd=ROOT,
                           check=True)
            old, old_cpu = _pdf_step(Path(code), wb, work / "ut-rev")
        rows.append(f"| PDF-trinnet med koden i `{rev}`, samme filer og samme kjøring | "
                    f"{old:.1f} s (CPU-tid {old_cpu:.1f} s): denne koden er "
                    f"**{old / step:.2f}×** raskere ({old_cpu / cpu:.2f}× på CPU-tid); "
                    f"`{rev}` er {wall / old:.2f}× det samlede kallet |")
    return rows


def two_calls_at_once(docx: list[Path]) -> float:
    """Wall seconds for the same DOCX files split over TWO plain batched soffice calls run at
    the same time (each its own profile; the three documents with a table of contents, the
    biggest, on the first with every second agreement, the rest on the other): how far
    LibreOffice itself scales over this machine's two cores, start-up included."""
    from generator.output.pdf import FILTER, soffice

    big = [d for d in docx if not d.name.startswith("lederavtale")]
    rest = [d for d in docx if d.name.startswith("lederavtale")]
    with tempfile.TemporaryDirectory(prefix="to-kall-") as tmp:
        t = time.perf_counter()
        procs = [subprocess.Popen(
            [soffice() or "soffice", f"-env:UserInstallation={(Path(tmp) / f'p{i}').as_uri()}",
             "--headless", "--convert-to", FILTER, "--outdir", str(Path(tmp) / f"o{i}"),
             *map(str, files)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for i, files in enumerate((big + rest[1::2], rest[0::2]))]
        for proc in procs:
            proc.wait()
        wall = time.perf_counter() - t
        made = len(list(Path(tmp).rglob("*.pdf")))
    if made != len(docx):
        raise SystemExit(f"two calls at once made {made} of {len(docx)} PDFs")
    return wall


def _pdf_step(code: Path, wb: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the PDF step of a forced build with ``code``'s generator."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    p = subprocess.run([PY, str(ROOT / "benchmarks" / "pipeline_case.py"), "pdf", str(wb),
                        str(out)], cwd=code, env=env, capture_output=True, text=True,
                       check=True)
    m = re.search(r" pdf=([0-9.]+)s", p.stdout)
    c = re.search(r"pdf_cpu=([0-9.]+)s", p.stdout)
    return (float(m.group(1)) if m else float("nan"), float(c.group(1)) if c else float("nan"))


def big_year(work: Path, n: int) -> list[str]:
    wb = work / f"wb-{n}"
    subprocess.run([PY, "benchmarks/make_leaders.py", str(n), str(wb)], cwd=ROOT, check=True,
                   capture_output=True)
    wall, mib, _, text = bench.timed([PY, "benchmarks/pipeline_case.py", "cold", str(wb),
                                           str(work / f"o-{n}")], ROOT)
    m = re.search(r"docx=([0-9.]+)s", text)
    render = float(m.group(1)) if m else float("nan")
    docs = re.search(r"(\d+) docs", text)
    return [f"| {n} lederavtaler ({docs.group(1) if docs else '?'} dokumenter) med alt (DOCX, "
            f"e-postutkast, kalendere, oversikt, arkiv), hele prosessen | {wall:.1f} s mot "
            f"{render:.1f} s for renderingen i samme bygging: **{wall / render:.1f}×**; "
            f"maks {mib:.0f} MiB |"]


def drafts(year: Path, count: int = 300) -> list[str]:
    from email.headerregistry import Address

    from generator.output.delivery import epost
    from tests.test_epost_bytes import reference

    payload = next(iter(sorted((year / "lederavtale").glob("*.docx")))).read_bytes()
    to = [Address(display_name="Sunná Čuđe Ravna", addr_spec="sunna@fjellvik.kommune.no")]
    cc = [Address(display_name="Per Olav Strand", addr_spec="per@fjellvik.kommune.no")]
    args = (to, cc, "Lederavtale 2026 – Sunná Čuđe Ravna", "Hei,\n\nVedlagt er avtalen.\n",
            ("lederavtale.docx", payload), True)
    assert epost.message(*args) == reference(*args)
    times: dict[str, list[float]] = {"ref": [], "lean": []}
    for _ in range(3):
        for key, f in (("ref", reference), ("lean", epost.message)):
            t = time.perf_counter()
            for _ in range(count):
                f(*args)
            times[key].append((time.perf_counter() - t) / count * 1000)
    r, le = statistics.median(times["ref"]), statistics.median(times["lean"])
    return [f"| e-postutkast med vedlegg på {len(payload) // 1024} KiB, per utkast | {le:.1f} ms "
            f"mot {r:.1f} ms med `email`-pakkens egen skriving: **{r / le:.1f}×**, samme "
            "bytes |"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--big", type=int, default=2000)
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--against", metavar="REV", help="also the PDF step of this git revision's "
                    "code (e.g. main), measured in the same run")
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--bytecode", choices=("ja", "nei", "begge"), default="begge",
                    help="the side-by-side one-cell build (--against) with modules compiled "
                         "to bytecode, without, or both")
    a = ap.parse_args()
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    lines = [f"Målt {date.today():%d.%m.%Y} på {platform.node()} ({platform.machine()}, "
             f"{os.cpu_count()} kjerner), belastning ved start {load}", "",
             "| måling | resultat |", "|---|---|"]
    with tempfile.TemporaryDirectory(prefix="incremental-") as tmp:
        work = Path(tmp)
        if a.against:
            for bytecode in {"ja": [True], "nei": [False], "begge": [False, True]}[a.bytecode]:
                lines += one_cell_against(work / f"mot-{bytecode}", a.against, a.rounds,
                                          bytecode)
                print(lines[-1], flush=True)
        for pdf in ([False] if a.skip_pdf else [False, True]):
            rows, year = one_cell(work / f"celle-{pdf}", pdf, a.rounds if not pdf else
                               max(3, a.rounds // 2))
            lines += rows
            print(rows[-1], flush=True)
            if not pdf:
                lines += drafts(year)
                print(lines[-1], flush=True)
        if not a.skip_pdf:
            step = pdf_vs_batch(work / "pdf", a.against, a.rounds)
            lines += step
            print("\n".join(step), flush=True)
        if not a.skip_big:
            lines += big_year(work / "stor", a.big)
            print(lines[-1], flush=True)
        shutil.rmtree(work, ignore_errors=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "incremental.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
