#!/usr/bin/env python3
"""Write demo workbooks with N lederavtaler: the demo's leaders, agreements and bidrag cloned
with unique ids and names (``Trond Hjelmeland 0007``), everything else as in the demo.

Usage: python benchmarks/make_leaders.py N OUTDIR
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.demo.data import demo_data
from generator.input.blank import write_workbooks
from generator.model.styringsdata import Styringsdata


def scaled(n: int) -> Styringsdata:
    """The demo with exactly ``n`` lederavtaler (clone 0 is the original leader)."""
    data = demo_data()
    leaders = {leader.id: leader for leader in data.ledere}
    originals = data.lederavtaler
    ledere = list(data.ledere)
    avtaler = []
    bidrag = []
    for i in range(n):
        avtale = originals[i % len(originals)]
        k = i // len(originals)
        if k == 0:
            avtaler.append(avtale)
            bidrag += [b for b in data.bidrag if b.leder_id == avtale.leder_id]
            continue
        leader = leaders[avtale.leder_id]
        new_id = f"{leader.id}-{k:04d}"
        ledere.append(dataclasses.replace(leader, id=new_id, navn=f"{leader.navn} {k:04d}"))
        avtaler.append(dataclasses.replace(avtale, leder_id=new_id))
        bidrag += [dataclasses.replace(b, leder_id=new_id) for b in data.bidrag
                   if b.leder_id == avtale.leder_id]
    out = dataclasses.replace(data, ledere=ledere, lederavtaler=avtaler, bidrag=bidrag)
    # A clone is reached by the HA/DA that name its unit or a group, not by those that name
    # the original by Leder-ID: its Bidrag for those oppdrag would be refused, so drop them.
    reached = {(ld.id, o.nr) for ld in out.ledere for o, _ in out.oppdrag_for(ld)}
    return dataclasses.replace(out, bidrag=[b for b in out.bidrag
                                            if (b.leder_id, b.oppdrag_nr) in reached])


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    paths = write_workbooks(out, scaled(n))
    print(f"wrote {n} lederavtaler into {len(paths)} workbooks in {out}")


if __name__ == "__main__":
    main()
