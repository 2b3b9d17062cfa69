"""The exactness sweep shared by ``tests/test_exactness.py`` (a bounded sample) and
``benchmarks/exactness.py`` (every sheet, more cells): change one cell of the demo, build
incrementally on top of a shared base build and cleanly into an empty folder, and compare.

An example holds when
- the incremental and the clean year folder are the same (time stamps, build ids and the
  overview's per-build status masked; the backup folder of retired files left out), and
- the incremental build rewrote (new time stamp) exactly the files whose content differs
  from the base build, plus the shared index files.

A change the workbook check refuses must fail both builds and leave the folder untouched.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import time
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl

from generator import pipeline
from generator.output.ownership import BACKUP_DIR
from generator.pipeline import DEMO_DIR

from .conftest import copy_demo

# The masking rules of benchmarks/same_output.py (clock-dependent values), and the overview's
# per-build status (a clean build says «ny» where an incremental one says «uendret») and a
# calendar event's SEQUENCE (counts the changes since the first build: history by design).
MASK = re.compile(
    r'DTSTAMP:\S+|"sjekksum": "\w+"|<sjekksum>\w+</sjekksum>|[0-9a-f]{64}'
    r'|"(?:built|size)": [^,\n]+|<(?:filstoerrelse|opprettetDato|arkivertDato|journaldato)>'
    r'[^<]*<|20\d\d-\d\d-\d\dT[\d:.+Z-]+|kl\. \d\d\.\d\d|;\d+;(?=[0-9a-f#])'
    r'|<span class="status \w+">[^<]*</span>|<ul class="tall">.*?</ul>|SEQUENCE:\d+')
#: written by every build that changes anything; compared masked, not counted as «rewritten»
INDEX = {"manifest.json", ".manifest-kopi.json", ".uendret.json", "oversikt.html",
         "arkiv/arkivliste.csv"}
SKIP = {"manifest.json", ".manifest-kopi.json", ".uendret.json"}  # build ids, file times
KINDS = ("text", "number", "date", "empty")
SAID = {".docx", ".pdf", ".eml", ".ics"}  # files a reader reads (not bookkeeping)


@dataclass(frozen=True)
class Change:
    workbook: str
    sheet: str
    cell: str
    kind: str
    value: Any

    def __str__(self) -> str:
        return f"{self.workbook} › {self.sheet} › {self.cell} = {self.value!r} ({self.kind})"


@dataclass
class Result:
    change: Change
    refused: bool
    differing: list[str]  # incremental vs clean
    rewritten_needlessly: list[str]  # touched, content the same as before
    stale: list[str]  # content changed, not touched
    touched: int
    seconds_incremental: float
    seconds_clean: float

    @property
    def ok(self) -> bool:
        return not (self.differing or self.rewritten_needlessly or self.stale)


def cells(folder: Path = DEMO_DIR) -> dict[tuple[str, str], list[tuple[str, Any]]]:
    """Every filled cell below the header row, by (workbook, sheet)."""
    out: dict[tuple[str, str], list[tuple[str, Any]]] = {}
    for path in sorted(folder.glob("*.xlsx")):
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            out[(path.name, ws.title)] = [(c.coordinate, c.value) for row in
                                          ws.iter_rows(min_row=2) for c in row
                                          if c.value is not None]
    return out


def new_value(kind: str, old: Any, rng: random.Random) -> Any:
    if kind == "empty":
        return None
    if kind == "text":
        return f"{old} endret" if isinstance(old, str) and rng.random() < 0.5 else "Endret tekst"
    if kind == "number":
        return (old + 1) if isinstance(old, int | float) and not isinstance(old, bool) else 7
    return date(2026, 3, 14) if not isinstance(old, date | datetime) else date(2025, 11, 23)


def sample(n: int | None, seed: int, folder: Path = DEMO_DIR) -> list[Change]:
    """``n`` changes (None: one per sheet and kind), spread over the sheets first: one cell
    of each sheet in a shuffled order, then a second round. The kind follows the cell's type
    (a number stays a number, a date a date) three times in four; else it is emptied or
    turned into text."""
    rng = random.Random(seed)
    sheets = [(k, v) for k, v in cells(folder).items() if v]
    rng.shuffle(sheets)
    out: list[Change] = []
    rounds = len(KINDS) if n is None else -(-n // len(sheets))
    for _ in range(rounds):
        for (book, sheet), filled in sheets:
            coord, old = rng.choice(filled)
            native = ("number" if isinstance(old, int | float) and not isinstance(old, bool)
                      else "date" if isinstance(old, date | datetime) else "text")
            kind = native if rng.random() < 0.75 else rng.choice(["empty", "text"])
            out.append(Change(book, sheet, coord, kind, new_value(kind, old, rng)))
    return out if n is None else out[:n]


def build(wb: Path, out: Path) -> pipeline.BuildReport:
    return pipeline.build([wb], out, pdf=False)


def base(root: Path) -> tuple[Path, Path]:
    """The demo workbooks and their build, every file made one minute old (so a rewrite shows
    in its time stamp on any file system). Returns (workbooks, output folder)."""
    wb, out = root / "wb", root / "ut"
    copy_demo(wb)
    report = build(wb, out)
    assert report.ok, [str(p) for p in report.problems]
    old = time.time_ns() - 60 * 10**9
    for p in out.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(old, old))
    return wb, out


def _files(year: Path) -> dict[str, Path]:
    return {p.relative_to(year).as_posix(): p for p in year.rglob("*")
            if p.is_file() and not p.relative_to(year).as_posix().startswith(BACKUP_DIR)
            and p.suffix != ".lock"}


# A calendar keeps a cancelled event for a meeting that moved or went away, so calendar
# clients remove it (history by design: a clean build cannot know it); the time zone's
# comment names the span of all its events, the cancelled ones too.
CANCELLED = re.compile(r"BEGIN:VEVENT\r?\n(?:(?!END:VEVENT).)*?STATUS:CANCELLED\r?\n"
                       r"(?:(?!END:VEVENT).)*?END:VEVENT\r?\n", re.DOTALL)
TZ_SPAN = re.compile(r"COMMENT:This timezone only works from [^\r\n]*")


def _content(path: Path) -> object:
    """What a file says, clock-dependent values masked (a DOCX by its parts)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return [(n, hashlib.sha256(z.read(n)).hexdigest()) for n in z.namelist()]
    text = path.read_text("utf-8", "replace")
    if path.suffix == ".ics":
        text = TZ_SPAN.sub("#", CANCELLED.sub("", text))
    return MASK.sub("#", text)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def differences(a: Path, b: Path) -> list[str]:
    fa, fb = _files(a), _files(b)
    out = [f"bare i én: {rel}" for rel in sorted(set(fa) ^ set(fb))]
    out += [rel for rel in sorted(set(fa) & set(fb))
            if rel not in SKIP and _content(fa[rel]) != _content(fb[rel])]
    return out


def check(change: Change, wb0: Path, out0: Path, work: Path) -> Result:
    """One example: copies of the base workbooks and build in ``work``."""
    wb, inc, clean = work / "wb", work / "inkrementell", work / "ren"
    shutil.copytree(wb0, wb)
    shutil.copytree(out0, inc)  # copy2: the time stamps stay
    book = openpyxl.load_workbook(wb / change.workbook)
    book[change.sheet][change.cell].value = change.value
    book.save(wb / change.workbook)
    year0 = next(out0.iterdir())
    before = {rel: (p.stat().st_mtime_ns, _content(p), _sha(p))
              for rel, p in _files(year0).items()}
    t = time.perf_counter()
    try:
        a = build(wb, inc)
        t_inc = time.perf_counter() - t
        t = time.perf_counter()
        b = build(wb, clean)
    except Exception as e:  # a crash is a finding too (never a traceback for a user)
        return Result(change, False, [f"krasj: {type(e).__name__}: {e}"], [], [], 0, 0.0, 0.0)
    t_clean = time.perf_counter() - t
    year = inc / year0.name
    if not b.ok:
        after = {rel: (p.stat().st_mtime_ns, _content(p), _sha(p))
                 for rel, p in _files(year).items()}
        moved = sorted(r for r in set(before) | set(after) if before.get(r) != after.get(r))
        return Result(change, True, ["bygget selv om den rene byggingen ble stoppet"]
                      if a.ok else [], moved, [], len(moved), t_inc, t_clean)
    if not a.ok:
        return Result(change, False, ["den inkrementelle byggingen ble stoppet"], [], [], 0,
                      t_inc, t_clean)
    differing = differences(year, clean / year0.name)
    files = _files(year)
    touched = {rel for rel, p in files.items()
               if rel not in before or p.stat().st_mtime_ns != before[rel][0]}
    changed = {rel for rel, p in files.items() if rel not in before or _sha(p) != before[rel][2]}
    # a document, draft or calendar says the same (clock values masked): not to be rewritten;
    # an archive record names its document's checksum, so it changes with its bytes
    same = {rel for rel in touched & changed if rel in before and Path(rel).suffix in SAID
            and _content(files[rel]) == before[rel][1]}
    needless = sorted((touched - changed - INDEX) | same)
    stale = sorted(changed - touched)
    return Result(change, False, differing, needless, stale, len(touched), t_inc, t_clean)
