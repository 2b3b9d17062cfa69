"""openpyxl, imported without numpy.

openpyxl imports numpy when it is installed (matplotlib brings it) only to accept numpy's
number types in the cells it writes; that costs ≈ 60 ms at every start of a build, which
reads workbooks and never hands openpyxl a numpy value. Imported from here first, openpyxl
sees no numpy; numpy itself stays importable for whoever needs it (the charts).
"""

from __future__ import annotations

import sys

if "openpyxl" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # «import numpy» fails here
    try:
        import openpyxl
    finally:
        del sys.modules["numpy"]

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

__all__ = ["get_column_letter", "openpyxl", "range_boundaries"]
