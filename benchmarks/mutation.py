#!/usr/bin/env python3
"""Mutation testing of the rule modules with mutmut, one module at a time. Not part of the
test suite; run by hand like the benchmarks.

Usage: .venv/bin/python benchmarks/mutation.py [MODULE ...] [--time-box 600]
       .venv/bin/python benchmarks/mutation.py --properties [MODULE ...]
       .venv/bin/python benchmarks/mutation.py --list

MODULE is a short name from MODULES below (``ansvar``, ``domain`` …); none = all of them.
Each module is run in a fresh ``mutants/`` copy (mutmut 3 copies the project there) with
only its own fast tests selected, so a mutant runs the few tests that cover its function
instead of the whole suite (no LibreOffice, no PDF). ``--time-box`` stops a module's run
after that many seconds (mutmut keeps what it has tried: the score is then of a sample,
and the summary says how many mutants were tried). Results per module go to
``benchmarks/out/mutation/<module>.json`` and the surviving mutants' diffs to
``<module>-survivors.txt``; the summary table to ``benchmarks/out/mutation/results.md``.

Mutants listed in ``EQUIVALENT`` (mutmut names, with the reason) cannot change behaviour;
they are left out of the score, as the README says.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "mutation"

# module → (file to mutate, the fast tests that pin its rules)
MODULES: dict[str, tuple[str, list[str]]] = {
    "domain": ("generator/model/domain.py",
               ["tests/test_rules.py", "tests/test_rules_input.py",
                "tests/test_rules_documents.py"]),
    "ansvar": ("generator/model/ansvar.py", ["tests/test_rules_hada.py"]),
    "convert": ("generator/input/convert.py",
                ["tests/test_rules.py", "tests/test_rules_input.py"]),
    "manifest": ("generator/output/manifest.py",
                 ["tests/test_rules.py", "tests/test_rules_output.py"]),
    "ownership": ("generator/output/ownership.py", ["tests/test_rules_output.py"]),
    "tertialrapport": ("generator/documents/tertialrapport.py",
                       ["tests/test_rules.py", "tests/test_rules_documents.py"]),
    "kompass": ("generator/documents/kompass.py", ["tests/test_rules_documents.py"]),
    "commit": ("generator/output/commit.py", ["tests/test_rules_output.py"]),
}
# Slow tests (a whole build, LibreOffice) deselected inside the chosen files.
DESELECT = ["-k", "not year_end_report and not renders_exactly and not true_and_false_in"]

# mutmut 3 does not mutate decorated functions (@property, @cached_property), and several
# rules live in properties. These hand-written mutants of them are run by ``--properties``:
# each is applied to a copy of the project and the module's tests must fail.
# (module, original text, mutated text); the original must occur exactly once in the file.
PROPERTY_MUTANTS: list[tuple[str, str, str]] = [
    ("domain", 'return 3 if self is Risikoskala.LMH else int(self.value[-1])',
     'return 3 if self is Risikoskala.LMH else int(self.value[0])'),
    ("domain", 'return self is Risikoskala.LMH', 'return self is not Risikoskala.LMH'),
    ("domain", 'return {5: (5, 15), 4: (4, 9), 3: (3, 6)}[self.levels]',
     'return {5: (5, 15), 4: (4, 8), 3: (3, 6)}[self.levels]'),
    ("domain", 'return {5: (5, 15), 4: (4, 9), 3: (3, 6)}[self.levels]',
     'return {5: (5, 16), 4: (4, 9), 3: (3, 6)}[self.levels]'),
    ("domain", 'return not self.typed.strip().isdigit()', 'return not self.typed.isdigit()'),
    ("domain", 'if self.størrelsesgruppe or self.innbyggere is None:',
     'if self.størrelsesgruppe and self.innbyggere is None:'),
    ("domain", 'if self.innbyggere < 5000:', 'if self.innbyggere <= 5000:'),
    ("domain", 'if self.innbyggere <= 10000 else', 'if self.innbyggere < 10000 else'),
    ("domain", 'return (gul if self.risiko_gul_fra is None else self.risiko_gul_fra,',
     'return (gul if self.risiko_gul_fra is not None else self.risiko_gul_fra,'),
    ("domain", 'rød if self.risiko_rød_fra is None else self.risiko_rød_fra)',
     'gul if self.risiko_rød_fra is None else self.risiko_rød_fra)'),
    ("domain", 'return self.sannsynlighet * self.konsekvens',
     'return self.sannsynlighet + self.konsekvens'),
    ("domain", 'return self.budsjett if self.revidert_budsjett is None else self.revidert_budsjett',
     'return self.budsjett'),
    ("domain", 'return self.gjeldende_budsjett - self.prognose',
     'return self.prognose - self.gjeldende_budsjett'),
    ("domain", 'return None if b == 0 else self.avvik / abs(b) * 100',
     'return None if b == 0 else self.avvik / b * 100'),
    ("domain", 'return None if b == 0 else self.avvik / abs(b) * 100',
     'return 0.0 if b == 0 else self.avvik / abs(b) * 100'),
    ("domain", 'return 100.0 - self.sykefravær', 'return 100.0 + self.sykefravær'),
    ("domain", 'return {e.kode.casefold(): e for e in self.enheter}',
     'return {e.kode: e for e in self.enheter}'),
    ("domain", 'out.setdefault(b.leder_id.casefold(), []).append(b)',
     'out[b.leder_id.casefold()] = [b]'),
    ("ansvar", 'return tuple(ld for ld in self.data.ledere if ld.id.casefold() in ids)',
     'return tuple(self.data.ledere)'),
    ("ansvar", 'return any(ld.nivå for ld in self.data.ledere)',
     'return all(ld.nivå for ld in self.data.ledere)'),
    ("ansvar", 'out.setdefault(ld.overordnet.casefold(), []).append(ld)',
     'out[ld.overordnet.casefold()] = [ld]'),
    ("ansvar", 'roles[ld.id.casefold()] = HA  # HA wins over DA',
     'roles.setdefault(ld.id.casefold(), HA)'),
    # equivalent: the look-arounds keep «L1» from matching inside «L10» in any order
    ("ansvar", 'key=len, reverse=True)', 'key=len, reverse=False)'),
    ("ansvar", r'r"(?<![\w-])(" + "|".join(ids) + r")(?![\w-])"',
     r'r"(" + "|".join(ids) + r")"'),
    ("kompass", 'return sum(r.poeng for r in self.rader)',
     'return max(r.poeng for r in self.rader)'),
    ("kompass", 'return sum(r.maks for r in self.rader)',
     'return sum(r.poeng for r in self.rader)'),
    ("kompass", 'return ", ".join(f"{a.nr}. {a.navn}" for a in self.områder)',
     'return ", ".join(a.navn for a in self.områder)'),
    ("kompass", 'return sum(a.poeng for a in self.områder)',
     'return sum(a.snitt_gruppe for a in self.områder)'),
    ("kompass", 'return sum(a.snitt_nasjonalt for a in self.områder)',
     'return sum(a.snitt_gruppe for a in self.områder)'),
    ("kompass", 'return sum(a.snitt_gruppe for a in self.områder)',
     'return sum(a.snitt_nasjonalt for a in self.områder)'),
    ("kompass", 'return AREA_MAX * len(self.områder)', 'return AREA_MAX + len(self.områder)'),
]

# Mutants that cannot change what the program does, with the reason (also in README).
_A, _M = "generator.model.ansvar.", "generator.output.manifest."
_C = "generator.input.convert."
_CANONICAL = ("the fingerprint is only compared with one made by the same version (the version "
              "is part of it); this changes every hash alike and keeps distinct inputs distinct")
EQUIVALENT: dict[str, str] = {
    _A + "x_normalise__mutmut_11": "strip() also removes «X», but the text is casefolded first",
    _A + "xǁAnsvarǁ__init____mutmut_14": "_group_problems is never read",
    _A + "xǁAnsvarǁ_part__mutmut_5": "a known whole part split again gives the whole back "
                                      "(longest known run first)",
    _A + "xǁAnsvarǁ_part__mutmut_10": "a split with a capturing group has an odd length, never 2",
    _A + "xǁAnsvarǁ_part__mutmut_14": "i is always even and len(bits) odd, so i == len(bits) "
                                       "never holds",
    _A + "xǁAnsvarǁ_part__mutmut_26": "the extra candidate j = i + 1 is the default anyway",
    _A + "xǁAnsvarǁ_part__mutmut_27": "the dropped candidate j = i + 1 is the default anyway",
    _A + "xǁAnsvarǁ_role__mutmut_25": "lvl is never None there (None means the unit's leaders, "
                                       "found when the unit has any)",
    _A + "xǁAnsvarǁ_role__mutmut_26": "as _role__mutmut_25",
    "generator.output.ownership.x_inside__mutmut_18": "a path starting with «/» is already "
                                                      "absolute (Path.is_absolute) on POSIX",
    "generator.documents.kompass.x_fokusområder__mutmut_4": "the key only groups; joining the "
                                                             "words with another text that holds "
                                                             "a space keeps distinct names apart",
    **dict.fromkeys([_M + f"x_data_hash__mutmut_{n}" for n in (4, 6, 8, 10, 12, 14, 15)],
                    _CANONICAL),
    _M + "x_data_hash__mutmut_19": "«UTF-8» and «utf-8» are the same codec",
    _M + "x_read__mutmut_6": "«UTF-8» and «utf-8» are the same codec",
    _M + "x_write__mutmut_9": "ensure_ascii=None is false, as False",
    _M + "x_write__mutmut_20": "«UTF-8» and «utf-8» are the same codec",
    _C + "x__number__mutmut_30": "the pattern is matched ignoring case",
    _C + "x__int__mutmut_11": "_number does not use its column argument",
    _C + "x_timespan__mutmut_8": "0.0 is read as the text «0», which is also kl. 00.00",
    _C + "x__level__mutmut_4": "rstrip() also removes «X», but the word is casefolded first",
    **dict.fromkeys([_C + f"x__level__mutmut_{n}" for n in (26, 27, 28)],
                    "Nivå(n) keeps str(n) as typed by itself, and int(str(n)) == n"),
    **dict.fromkeys([_M + f"x_sha256__mutmut_{n}" for n in (10, 12, 13)],
                    "only the block size read at a time changes, not the bytes hashed"),
}

def _inner(module: str) -> None:
    """Run mutmut for one module (in this process, with the module's config)."""
    from mutmut import configuration
    from mutmut.__main__ import cli

    path, tests = MODULES[module]
    cfg = configuration.config()
    configuration._config = dataclasses.replace(
        cfg, only_mutate=[path], pytest_add_cli_args_test_selection=[*tests, *DESELECT])
    cli(["run", "--max-children", os.environ.get("MUTATION_CHILDREN", "1")])


def _collect(module: str, seconds: float, stopped: bool) -> dict:
    """Read mutmut's result file for the module and show each survivor's diff."""
    from mutmut.stats import status_by_exit_code

    path, _ = MODULES[module]
    meta = ROOT / "mutants" / (path + ".meta")
    data = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
    codes: dict[str, int | None] = data.get("exit_code_by_key", {})
    counts: dict[str, int] = {}
    survivors: list[str] = []
    for name, code in codes.items():
        status = status_by_exit_code[code]
        if status == "survived" and name in EQUIVALENT:
            status = "equivalent"
        counts[status] = counts.get(status, 0) + 1
        if status in ("survived", "no tests"):
            survivors.append(name)
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    diffs = []
    os.chdir(ROOT)
    for name in survivors:
        try:
            diff = get_diff_for_mutant(name, path=Path(path))
        except Exception as e:  # a diff that cannot be made should not lose the results
            diff = f"(ingen diff: {e})"
        diffs.append(f"# {name}: {status_by_exit_code[codes[name]]}\n{diff.strip()}")
    (OUT / f"{module}-survivors.txt").write_text("\n\n".join(diffs) + "\n", encoding="utf-8")
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    tried = killed + sum(counts.get(s, 0) for s in ("survived", "no tests", "suspicious",
                                                      "segfault"))
    result = {"module": module, "file": path, "mutants": len(codes), "tried": tried,
              "killed": killed, "equivalent": counts.get("equivalent", 0), "counts": counts,
              "score": round(100 * killed / tried, 1) if tried else None,
              "seconds": round(seconds), "time_boxed": stopped, "survivors": survivors}
    (OUT / f"{module}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2),
                                        encoding="utf-8")
    return result


def _run(module: str, time_box: float) -> dict:
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # mutants/ must win
    log = (OUT / f"{module}.log").open("w", encoding="utf-8")
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, __file__, "--inner", module], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    stopped = False
    try:
        proc.wait(timeout=time_box)
    except subprocess.TimeoutExpired:
        stopped = True
        os.killpg(proc.pid, signal.SIGINT)  # mutmut saves what it has tried and stops
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    log.close()
    return _collect(module, time.monotonic() - start, stopped)


def _properties(modules: list[str]) -> dict:
    """Apply each hand-written property mutant to a copy of the project and run the module's
    tests there; a mutant survives when they all pass."""
    work = Path(tempfile.mkdtemp(prefix="mutation-properties-"))
    try:
        for name in ("generator", "tests", "templates", "workbooks", "docs"):
            shutil.copytree(ROOT / name, work / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, work / name)
        env = os.environ | {"PYTHONPATH": str(work)}
        results: dict[str, dict] = {}
        for module, old, new in PROPERTY_MUTANTS:
            if modules and module not in modules:
                continue
            path, tests = MODULES[module]
            original = (work / path).read_text(encoding="utf-8")
            if original.count(old) != 1:
                sys.exit(f"{path}: «{old}» finnes {original.count(old)} ganger, ikke én")
            (work / path).write_text(original.replace(old, new), encoding="utf-8")
            try:
                done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q",
                                       "-p", "no:cacheprovider", "-n", "0", *tests, *DESELECT],
                                      cwd=work, env=env, capture_output=True, text=True)
            finally:
                (work / path).write_text(original, encoding="utf-8")
            r = results.setdefault(module, {"tried": 0, "killed": 0, "survivors": []})
            r["tried"] += 1
            if done.returncode != 0:
                r["killed"] += 1
            else:
                r["survivors"].append(f"{path}: {old}  →  {new}")
            print(f"{'killed  ' if done.returncode else 'SURVIVED'} {path}: {new}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (OUT / "properties.json").write_text(json.dumps(results, ensure_ascii=False, indent=2),
                                         encoding="utf-8")
    return results


def _table(results: list[dict]) -> str:
    lines = ["| module | mutants | tried | killed | equivalent | score | time |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        sample = " (time-boxed sample)" if r["time_boxed"] else ""
        score = "–" if r["score"] is None else f"{r['score']:.0f} %"
        lines.append(f"| `{r['file']}` | {r['mutants']} | {r['tried']}{sample} | {r['killed']} "
                     f"| {r['equivalent']} | {score} | {r['seconds']} s |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", nargs="*", help="short names (default: all)")
    ap.add_argument("--time-box", type=float, default=600, help="seconds per module")
    ap.add_argument("--list", action="store_true", help="list the modules and their tests")
    ap.add_argument("--properties", action="store_true",
                    help="run only the hand-written mutants of properties (PROPERTY_MUTANTS)")
    ap.add_argument("--inner", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        return _inner(args.inner)
    if args.list:
        for name, (path, tests) in MODULES.items():
            print(f"{name:15} {path:42} {' '.join(tests)}")
        return None
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        sys.exit(f"ukjent modul: {', '.join(unknown)} (se --list)")
    OUT.mkdir(parents=True, exist_ok=True)
    if args.properties:
        for module, r in _properties(args.modules).items():
            print(f"{module}: {r['killed']}/{r['tried']} drept")
            for line in r["survivors"]:
                print("  overlever:", line)
        return None
    for m in args.modules or list(MODULES):
        _run(m, args.time_box)
    # the table holds every module measured so far (a module run alone keeps the others)
    results = [json.loads((OUT / f"{m}.json").read_text(encoding="utf-8"))
               for m in MODULES if (OUT / f"{m}.json").exists()]
    table = _table(results)
    (OUT / "results.md").write_text(table, encoding="utf-8")
    print(table)
    for r in results:
        if r["survivors"]:
            print(f"{r['module']}: {len(r['survivors'])} overlevende, se "
                  f"{OUT.relative_to(ROOT)}/{r['module']}-survivors.txt")
    return None


if __name__ == "__main__":
    main()
