"""The benchmark's scaled workbooks stay valid input (a benchmark on refused data measures
nothing): benchmarks/make_leaders.py written to disk and read back by the real loader."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.input.validate import load

REPO = Path(__file__).resolve().parent.parent


def test_scaled_workbooks_load_without_errors(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_leaders.py"), "60",
                           str(tmp_path / "wb")], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    result = load([tmp_path / "wb"])
    assert result.ok, [str(p) for p in result.problems.errors][:5]
    assert len(result.data.lederavtaler) == 60
    clones = [a for a in result.data.lederavtaler if "-0001" in a.leder_id]
    assert clones and all(result.data.oppdrag_for(ld) for ld in result.data.ledere
                          if ld.id == clones[0].leder_id)
