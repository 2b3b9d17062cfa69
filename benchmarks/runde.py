#!/usr/bin/env python3
"""The reporting round for N leaders: ``runde ut`` (one workbook and e-mail draft per
leader) and ``runde inn`` (reading N returns), timed.

Usage: python benchmarks/runde.py [N] [--filled F]   (default 2000; writes under benchmarks/out/)

The returns are the workbooks sent out, F of them with every answer cell filled in by
openpyxl (not timed: that is the leaders' work), the rest returned as sent.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.make_leaders import scaled
from generator.input.blank import write_workbooks

OUT = Path(__file__).resolve().parent / "out" / "runde"


def fill(src: Path, target: Path) -> None:
    import openpyxl

    from generator.model.runde import ARK

    wb = openpyxl.load_workbook(src)
    for ark in ARK:
        if ark.navn not in wb.sheetnames:
            continue
        ws = wb[ark.navn]
        for i, kol in enumerate(ark.kolonner, start=1):
            if not kol.åpen:
                continue
            for r in range(2, ws.max_row + 1):
                ws.cell(row=r, column=i).value = (kol.valg[0] if kol.valg else 1000.0 if kol.tall
                                                  else f"svar {r}")
    wb.save(target)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=2000)
    ap.add_argument("--filled", type=int, default=200,
                    help="how many returns are filled in with openpyxl (the rest are copies "
                    "of the workbooks as sent; openpyxl takes ≈0.1 s a file)")
    args = ap.parse_args()
    folder = OUT / f"{args.n}"
    shutil.rmtree(folder, ignore_errors=True)
    write_workbooks(folder, scaled(args.n))
    from generator.output import runde

    started = time.perf_counter()
    _, r, sent = runde.ut([folder], 2, None)
    t_out = time.perf_counter() - started
    size = sum(p.stat().st_size for p in sent.workbooks) / len(sent.workbooks)
    print(f"runde ut: {len(sent.workbooks)} arbeidsbøker + {len(sent.drafts)} utkast på "
          f"{t_out:.1f} s ({t_out / len(sent.workbooks) * 1000:.1f} ms per leder, "
          f"{size / 1024:.0f} KB per arbeidsbok)")
    inn = sent.folder.parent / "inn"
    inn.mkdir(exist_ok=True)
    started = time.perf_counter()
    for i, p in enumerate(sent.workbooks):
        if i < args.filled:
            fill(p, inn / ("svar-" + p.name))
        else:  # returned as sent: the pre-filled values are the answers
            shutil.copy(p, inn / ("svar-" + p.name))
    print(f"(fylte ut {min(args.filled, len(sent.workbooks))} svar med openpyxl og kopierte "
          f"resten på {time.perf_counter() - started:.1f} s; ikke en del av produktet)")
    started = time.perf_counter()
    done = runde.inn([folder], 2)
    t_in = time.perf_counter() - started
    answered = len(done.innlest.svarene.besvart)
    print(f"runde inn: {done.innlest.filer} svar lest på {t_in:.1f} s "
          f"({t_in / max(done.innlest.filer, 1) * 1000:.1f} ms per fil); {answered} ledere har "
          f"svart, {len(done.problems.errors)} feil, {len(done.purringer)} påminnelser")
    started = time.perf_counter()
    done = runde.inn([folder], 2, skriv=True)
    t_skriv = time.perf_counter() - started
    assert done.skrevet is not None
    print(f"runde inn --skriv: {done.skrevet.count} celler skrevet på {t_skriv:.1f} s "
          "(med lesingen og kontrollen etterpå)")
    print(f"leaders in the round: {len(r.deltakere())}")


if __name__ == "__main__":
    main()
