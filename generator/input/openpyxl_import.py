"""openpyxl, imported without numpy and with Pillow only when a picture needs it.

openpyxl imports numpy when it is installed (matplotlib brings it) only to accept numpy's
number types in the cells it writes; that costs ≈ 60 ms at every start of a build, which
reads workbooks and never hands openpyxl a numpy value. Imported from here first, openpyxl
sees no numpy; numpy itself stays importable for whoever needs it (the charts).

openpyxl also imports Pillow's ``PIL.Image`` (≈ 8 ms) at once, to read and write pictures
in a workbook, which reading a workbook's cells never does. Here it gets a stand-in that
imports ``PIL.Image`` on first use, so a workbook opened for writing keeps its pictures
(tests/test_compiled_templates.py); without Pillow installed openpyxl keeps its own answer.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any


class _LazyPIL:
    """``PIL.Image`` for openpyxl, imported when openpyxl first uses it."""

    def __bool__(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        from PIL import Image

        return getattr(Image, name)


if "openpyxl" not in sys.modules:
    _blocked = [m for m in ("numpy", "PIL") if m not in sys.modules]
    _lazy = "PIL" in _blocked and importlib.util.find_spec("PIL") is not None
    for _m in _blocked:
        sys.modules[_m] = None  # type: ignore[assignment]  # «import numpy» fails here
    try:
        import openpyxl
    finally:
        for _m in _blocked:
            del sys.modules[_m]
    if _lazy:
        for _name in ("openpyxl.drawing.image", "openpyxl.reader.drawings"):
            _mod = sys.modules.get(_name)
            if _mod is not None and getattr(_mod, "PILImage", None) is False:
                _mod.PILImage = _LazyPIL()  # type: ignore[attr-defined]

import openpyxl  # noqa: E402 - after the stand-ins above
from openpyxl.utils import get_column_letter, range_boundaries  # noqa: E402

__all__ = ["get_column_letter", "openpyxl", "range_boundaries"]
