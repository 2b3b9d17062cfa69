"""The bundled demo workbooks (``workbooks/``, what the README's first command builds) are
what ``styring demo`` writes with this code: every sheet, every cell value. They drifted
once (a Kommune field and the Veiledning sheet's help were missing), so the first
documents a new user saw did not show what the product does."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from generator.pipeline import DEMO_DIR, write_demo


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = openpyxl.load_workbook(path)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}
    finally:
        wb.close()


def test_the_bundled_workbooks_are_what_styring_demo_writes(tmp_path: Path) -> None:
    written = sorted(p.name for p in write_demo(tmp_path))
    assert sorted(p.name for p in DEMO_DIR.iterdir() if p.is_file()) == written
    for name in written:
        if name.endswith(".xlsx"):
            assert _cells(DEMO_DIR / name) == _cells(tmp_path / name), (
                f"workbooks/{name} is stale: run «styring demo workbooks» and commit it")
        else:
            assert (DEMO_DIR / name).read_bytes() == (tmp_path / name).read_bytes(), name
