#!/usr/bin/env python3
"""The project's renderer side by side with docxtemplater on the shared peer workload,
plus whole-pipeline builds. Not part of the test suite.

Usage: .venv/bin/python benchmarks/bench.py [--runs 5] [--n 200] [--skip-pipeline]
                                            [--skip-pdf] [--big 2000] [--validate-all]

Writes everything under benchmarks/out/ and the table to benchmarks/out/results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SHARED = Path("/work/shared/bench/peers")
PEERS = OUT / "peers"  # a writable copy of the shared folder (npm ci runs here)
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
VALIDATOR = ROOT / "node_modules" / ".bin" / "ooxml-validator"
FAST = str(ROOT / "benchmarks" / "render_fast.py")
CASE = str(ROOT / "benchmarks" / "pipeline_case.py")


def sh(cmd: list[str], cwd: Path = ROOT) -> str:
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"FAILED ({p.returncode}): {' '.join(cmd)}\n{p.stdout}{p.stderr}")
    return p.stdout


CPU: list[float] = []  # CPU seconds (user + system, GNU time) of each timed command


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """Wall seconds and peak RSS (MiB) from GNU time, in-process seconds the command prints.

    GNU time's %M is the largest resident set of the process or any child it waited
    for (for 2 workers: the largest single process, not the sum)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        p = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S", "-o", tf.name, *cmd],
                           cwd=cwd, capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"FAILED ({p.returncode}): {' '.join(cmd)}\n{p.stdout}{p.stderr}")
        wall, rss_kb, user, system = tf.read().split()[-4:]
        CPU.append(float(user) + float(system))
    m = re.search(r"in ([0-9.]+) s", p.stdout)
    return float(wall), int(rss_kb) / 1024, float(m.group(1)) if m else float("nan"), p.stdout


def prepare_peers(n: int) -> None:
    if not (PEERS / "render_docxtemplater.js").exists():
        shutil.copytree(SHARED, PEERS, dirs_exist_ok=True)
        for path in [PEERS, *PEERS.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    if not (PEERS / "node_modules" / "docxtemplater").exists():
        sh(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], PEERS)
    sh([PY, "gen_data.py", "--n", str(n), "--seed", "20240611", "--out", "out/data.json"], PEERS)
    sh([PY, "make_templates.py", "out/templates"], PEERS)


def peer_commands(with_docxtpl: bool, against: Path | None = None
                  ) -> list[tuple[str, list[str]]]:
    t, d = "out/templates", "out/data.json"
    cmds = [
        ("fastdocx 1 worker", [PY, FAST, f"{t}/lederavtale_docxtpl.docx", d, "out/fast-1w"]),
        ("fastdocx 2 workers", [PY, FAST, f"{t}/lederavtale_docxtpl.docx", d, "out/fast-2w",
                                "--workers", "2"]),
        ("docxtemplater", ["node", "render_docxtemplater.js",
                           f"{t}/lederavtale_docxtemplater.docx", d, "out/docxtemplater"]),
        ("floor-rezip-raw", [PY, "floor.py", "rezip-raw", f"{t}/lederavtale_docxtpl.docx", d,
                             "out/floor-rezip-raw"]),
    ]
    if against is not None:  # another revision's renderer (its files), same data and rounds
        cmds.insert(1, (f"fastdocx 1 worker ({against.name})",
                        [PY, str(against / "benchmarks" / "render_fast.py"),
                         f"{t}/lederavtale_docxtpl.docx", d, "out/fast-1w-rev"]))
    if with_docxtpl:
        cmds.append(("docxtpl (shared script)", [PY, "render_docxtpl.py",
                                                 f"{t}/lederavtale_docxtpl.docx", d,
                                                 "out/docxtpl"]))
    return cmds


def validate(paths: list[Path]) -> tuple[int, list[str]]:
    bad = []
    for path in paths:
        res = json.loads(sh([str(VALIDATOR), str(path)]))
        if not res["ok"]:
            bad.append(f"{path.name}: {res['errors'][:1]}")
    return len(paths), bad


def run_peers(a: argparse.Namespace, lines: list[str]) -> None:
    prepare_peers(a.n)
    against = None
    if a.against:
        against = OUT / "rev" / a.against.replace("/", "-")
        shutil.rmtree(against, ignore_errors=True)
        against.mkdir(parents=True)
        subprocess.run(f"git archive {a.against} | tar -x -C {against}", shell=True, cwd=ROOT,
                       check=True)
    cmds = peer_commands(a.with_docxtpl, against)
    res: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _ in cmds}
    cpu: dict[str, list[float]] = {name: [] for name, _ in cmds}
    for rnd in range(a.runs + 1):
        for name, cmd in cmds:  # round-robin: drift in machine speed hits all alike
            w, mb, ip, _ = timed(cmd, PEERS)
            if rnd:
                res[name].append((w, mb, ip))
                cpu[name].append(CPU[-1])
            print(f"  {'warm-up' if not rnd else f'run {rnd}'} {name}: wall {w:.2f} s, "
                  f"peak {mb:.0f} MiB, in-process {ip:.3f} s", file=sys.stderr)
    # correctness: every output against the data; ours also through the Open XML SDK
    checks = []
    for name, out in [("fastdocx 1 worker", "out/fast-1w"), ("fastdocx 2 workers", "out/fast-2w"),
                      ("docxtemplater", "out/docxtemplater")]:
        last = sh([PY, "verify.py", out, "out/data.json"], PEERS).strip().splitlines()[-1]
        checks.append(f"- {name}: {last}")
    one = sorted((PEERS / "out/fast-1w").glob("*.docx"))
    two = sorted((PEERS / "out/fast-2w").glob("*.docx"))
    same = [p.read_bytes() for p in one] == [p.read_bytes() for p in two]
    checks.append(f"- 1 worker vs 2 workers: {len(one)} files, byte-identical: {same}")
    if against is not None:
        rev = sorted((PEERS / "out/fast-1w-rev").glob("*.docx"))
        same_rev = [p.read_bytes() for p in one] == [p.read_bytes() for p in rev]
        checks.append(f"- this renderer vs {a.against}'s: {len(rev)} files, byte-identical: "
                      f"{same_rev}")
    sample = one if a.validate_all else one[:: max(1, len(one) // 10)]
    n_val, bad = validate(sample + two[:1])
    checks.append(f"- Open XML SDK validator on {n_val} fastdocx outputs: "
                  + ("all ok" if not bad else f"{len(bad)} FAIL: {bad[:3]}"))
    med = {k: [statistics.median(x[i] for x in v) for i in range(3)] for k, v in res.items()}
    ref = med["docxtemplater"]
    lines += [
        f"## (a) Shared peer workload: N = {a.n} lederavtaler, {a.runs} runs after 1 warm-up, "
        f"medians, {os.cpu_count()} cores",
        "",
        "wall = whole process (interpreter start, imports, data load, render, write) by "
        "/usr/bin/time; in-process = the render loop as the script times itself "
        "(template load + render + write); peak = max RSS of the largest process (MiB). "
        "× docxtemplater = docs/s relative to docxtemplater in the same rounds; CPU = user + "
        "system seconds of the whole process (GNU time), median; × floor = a command's "
        "time as a multiple of floor-rezip-raw's in the same rounds.",
        "",
        f"Load average at the end: {_load()}",
        "",
        "| command | wall s | docs/s (wall) | in-process s | docs/s (in-process) | peak MiB "
        "| × docxtemplater (wall) | × docxtemplater (in-process) | wall min–max s "
        "| × floor (wall) | CPU s | × floor (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    floor = med["floor-rezip-raw"][0]  # the time a command takes, as a multiple of the floor's
    floor_cpu = statistics.median(cpu["floor-rezip-raw"])
    for name, _ in cmds:
        w, mb, ip = med[name]
        walls = [x[0] for x in res[name]]
        lines.append(f"| {name} | {w:.2f} | {a.n / w:.0f} | {ip:.3f} | {a.n / ip:.0f} | "
                     f"{mb:.0f} | {ref[0] / w:.2f} | {ref[2] / ip:.2f} | "
                     f"{min(walls):.2f}–{max(walls):.2f} | {w / floor:.2f} | "
                     f"{statistics.median(cpu[name]):.2f} | "
                     f"{statistics.median(cpu[name]) / floor_cpu:.2f} |")
    lines += ["", "Checks:", *checks, ""]
    prof = timed([PY, FAST, "out/templates/lederavtale_docxtpl.docx", "out/data.json",
                  "out/fast-profile", "--profile"], PEERS)[3]
    lines += ["cProfile of the 1-worker loop (top functions by own time):", "", "```",
              *_profile_lines(prof), "```", ""]


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _profile_lines(text: str) -> list[str]:
    out = text.strip().splitlines()
    start = next((i for i, ln in enumerate(out) if "function calls" in ln), 0)
    return [ln.rstrip() for ln in out[start:] if ln.strip()][:24]


def run_pipeline(a: argparse.Namespace, lines: list[str]) -> None:
    work = OUT / "pipeline"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    demo = work / "wb-demo"
    shutil.copytree(ROOT / "workbooks", demo)
    gen200, gen_big = work / "wb-200", work / f"wb-{a.big}"
    sh([PY, "benchmarks/make_leaders.py", "200", str(gen200)])
    sh([PY, "benchmarks/make_leaders.py", str(a.big), str(gen_big)])
    cases: list[tuple[str, list[str], int]] = [
        ("(b) demo set, DOCX, cold process", ["cold", str(demo), str(work / "o-demo")], 3),
        ("(b) demo set, DOCX, warm (2nd build in process)",
         ["warm", str(demo), str(work / "o-demo")], 3),
    ]
    if not a.skip_pdf:
        cases += [("(c) demo set with PDF/A", ["pdf", str(demo), str(work / "o-demo-pdf")], 1),
                  ("(d) demo set with PDF/A, no-change rebuild",
                   ["nochange", str(demo), str(work / "o-demo-pdf"), "--pdf"], 3),
                  ("(d) demo set with PDF/A, one-row-change rebuild",
                   ["onerow", str(demo), str(work / "o-demo-pdf"), "--pdf"], 3),
                  ("(d) 200 lederavtaler with PDF/A",
                   ["pdf", str(gen200), str(work / "o-200-pdf"), "--kinds", "lederavtale"], 1)]
    cases += [
        ("(e) 200 lederavtaler, DOCX, first build",
         ["cold", str(gen200), str(work / "o-200"), "--kinds", "lederavtale"], 1),
        ("(e) 200 lederavtaler, no-change rebuild",
         ["nochange", str(gen200), str(work / "o-200"), "--kinds", "lederavtale"], 3),
        ("(e) 200 lederavtaler, one-row-change rebuild",
         ["onerow", str(gen200), str(work / "o-200"), "--kinds", "lederavtale"], 3),
        (f"(f) {a.big} lederavtaler, DOCX",
         ["cold", str(gen_big), str(work / f"o-{a.big}"), "--kinds", "lederavtale"], 1),
    ]
    lines += ["## (b)–(f) Whole pipeline (`generator.pipeline.build`) as it is wired today",
              "", "docs = documents in the build (lederavtaler with screened goals also get a "
              "public variant); rendered = documents actually rendered; medians of the runs "
              "shown; wall includes interpreter start and imports.", "",
              "| case | runs | docs (rendered) | wall s | in-process s | docs/s (rendered, "
              "in-process) | peak MiB | build-step timings (last run) |",
              "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, args, runs in cases:
        got = [timed([PY, CASE, *args], ROOT) for _ in range(runs)]
        w = statistics.median(g[0] for g in got)
        mb = statistics.median(g[1] for g in got)
        ip = statistics.median(g[2] for g in got)
        m = re.search(r"(\d+) docs \((\d+) rendered\).*?; (.*)", got[-1][3])
        docs, rendered, timings = (m[1], int(m[2]), m[3]) if m else ("?", 0, "")
        rate = f"{rendered / ip:.0f}" if rendered else "–"
        lines.append(f"| {name} | {runs} | {docs} ({rendered}) | {w:.2f} | {ip:.2f} | {rate} | "
                     f"{mb:.0f} | {timings} |")
        print(lines[-1], file=sys.stderr)
    if not a.skip_pdf:
        lines.append(_one_soffice_call(work / "o-demo-pdf" / "2026"))
        print(lines[-1], file=sys.stderr)
    lines.append("")


def run_nochange(a: argparse.Namespace, lines: list[str]) -> None:
    """(g) The no-change build as a person meets it: the whole `styring build` process,
    after a full build of the same workbooks with the same options."""
    work = OUT / "nochange"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    demo = work / "wb-demo"
    shutil.copytree(ROOT / "workbooks", demo)
    big = work / f"wb-{a.big}"
    sh([PY, "benchmarks/make_leaders.py", str(a.big), str(big)])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cases = [("(g) demo set with PDF/A, no-change `styring build`", demo, ["--pdf"]),
             ("(g) demo set, DOCX only, no-change `styring build`", demo, ["--no-pdf"]),
             (f"(g) {a.big} lederavtaler, DOCX, no-change `styring build`", big,
              ["--no-pdf", "--only", "lederavtale"])]
    if a.skip_pdf:
        cases = cases[1:]
    lines += ["## (g) No-change rebuild, whole process", "",
              "`python -m generator build` after a full build with the same options; wall = "
              "the whole process (interpreter, CLI, the check) by /usr/bin/time; medians.", "",
              "| case | runs | wall s | min–max s | peak MiB | heavy imports |",
              "|---|---:|---:|---:|---:|---|"]
    for name, wb, opts in cases:
        out = work / f"o-{wb.name}-{opts[0].strip('-')}"
        cmd = [PY, "-m", "generator", "build", str(wb), "--out", str(out), *opts]
        subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=True)  # full build
        got = []
        for _ in range(a.runs):
            with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
                p = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", tf.name, *cmd],
                                   cwd=ROOT, env=env, capture_output=True, text=True)
                if p.returncode != 0 or "Ingen endringer" not in p.stdout:
                    raise SystemExit(f"not a no-change build: {p.stdout}{p.stderr}")
                wall, rss = tf.read().split()[-2:]
                got.append((float(wall), int(rss) / 1024))
        trace = subprocess.run([PY, "-X", "importtime", *cmd[1:]], cwd=ROOT, env=env,
                               capture_output=True, text=True).stderr
        loaded = {ln.split("|")[-1].strip().split(".")[0] for ln in trace.splitlines()
                  if ln.startswith("import time:")}
        heavy = sorted(loaded & {"openpyxl", "docxtpl", "lxml", "docx", "pikepdf", "pyhanko",
                                 "typer"})
        walls = [g[0] for g in got]
        lines.append(f"| {name} | {a.runs} | {statistics.median(walls):.2f} | "
                     f"{min(walls):.2f}–{max(walls):.2f} | "
                     f"{statistics.median(g[1] for g in got):.0f} | "
                     f"{', '.join(heavy) or 'none'} |")
        print(lines[-1], file=sys.stderr)
    lines.append("")


def _one_soffice_call(built: Path) -> str:
    """The reference for (c): the same DOCX files in ONE plain LibreOffice call."""
    from generator.output.pdf import FILTER, soffice

    docx = sorted(built.rglob("*.docx"))
    target = OUT / "pipeline" / "one-call"
    shutil.rmtree(target, ignore_errors=True)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [soffice(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
               "--convert-to", FILTER, "--outdir", str(target), *map(str, docx)]
        w, mb, _, _ = timed(cmd, ROOT)
    made = len(list(target.glob("*.pdf")))
    return (f"| (c) reference: the demo's {len(docx)} DOCX in one plain soffice call | 1 | "
            f"{made} | {w:.2f} | – | {made / w:.1f} | {mb:.0f} | compare with (c) |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--big", type=int, default=2000)
    ap.add_argument("--skip-pipeline", action="store_true")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--skip-nochange", action="store_true")
    ap.add_argument("--with-docxtpl", action="store_true", help="also time the shared "
                    "docxtpl script (≈5 s a run)")
    ap.add_argument("--validate-all", action="store_true")
    ap.add_argument("--against", metavar="REV", help="also the 1-worker renderer of this git "
                    "revision (e.g. main), in the same rounds")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for skip, run, section in [(a.skip_peers, run_peers, "peers"),
                               (a.skip_pipeline, run_pipeline, "pipeline"),
                               (a.skip_nochange, run_nochange, "nochange")]:
        if not skip:
            lines: list[str] = []
            run(a, lines)
            (OUT / f"results-{section}.md").write_text("\n".join(lines) + "\n",
                                                       encoding="utf-8")
    # results.md = the latest run of each section (a section skipped now keeps its last run)
    parts = [(OUT / f"results-{s}.md") for s in ("peers", "pipeline", "nochange")]
    table = "# Benchmark results\n\n" + "\n".join(p.read_text(encoding="utf-8")
                                                    for p in parts if p.exists())
    print(table)
    (OUT / "results.md").write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
