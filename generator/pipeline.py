"""The one pipeline both doors (the CLI and the Excel button) call: paths in, report out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .schema import WORKBOOKS
from .workbook.blank import write_workbooks
from .workbook.validate import LoadResult, load

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "workbooks"


class UserError(Exception):
    """A problem the user can fix; the message is bokmål and names what to do."""


def check(paths: Sequence[Path]) -> LoadResult:
    """Read and validate the workbooks; the result lists every problem."""
    return load(list(paths))


def new_workbooks(folder: Path, år: int | None = None, kommune: str | None = None,
                  overwrite: bool = False, suffix: str = ".xlsx") -> list[Path]:
    """Write a blank, valid set of input workbooks into ``folder``."""
    targets = [folder / f"{name}{suffix}" for name in WORKBOOKS]
    existing = [p for p in targets if p.exists()]
    if existing and not overwrite:
        raise UserError("finnes allerede: " + ", ".join(str(p) for p in existing)
                        + ". Velg en annen mappe eller bruk --overwrite.")
    known = {"år": år or date.today().year + 1}
    if kommune:
        known["navn"] = kommune
    return write_workbooks(folder, {"kommune": known}, suffix=suffix)
