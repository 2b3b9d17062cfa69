"""Exactness as a property: whatever single cell of the demo changes (text, number, date,
emptied, on any sheet), the incremental build gives the same folder as a clean build, and
rewrites exactly the files whose content changed (see :mod:`tests.exactness`). A bounded
seeded sample here; ``benchmarks/exactness.py`` sweeps every sheet with every kind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from . import exactness

N = int(os.environ.get("STYRING_EXACT_N", "8"))
SEED = int(os.environ.get("STYRING_EXACT_SEED", "30"))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return exactness.base(tmp_path_factory.mktemp("base"))


@pytest.mark.parametrize("change", exactness.sample(N, SEED), ids=str)
def test_incremental_equals_clean_and_touches_only_changed(
        change: exactness.Change, base: tuple[Path, Path], tmp_path: Path) -> None:
    result = exactness.check(change, *base, tmp_path)
    assert not result.differing, f"{change}: inkrementell ≠ ren: {result.differing}"
    assert not result.stale, f"{change}: endret, men ikke skrevet: {result.stale}"
    assert not result.rewritten_needlessly, (
        f"{change}: skrevet på nytt uten endring: {result.rewritten_needlessly}")


def test_sample_spreads_over_sheets_and_kinds() -> None:
    changes = exactness.sample(N, SEED)
    assert len({(c.workbook, c.sheet) for c in changes}) == len(changes)
    everything = exactness.sample(None, SEED)
    assert {c.kind for c in everything} == set(exactness.KINDS)
    assert {(c.workbook, c.sheet) for c in everything} == set(exactness.cells())
