"""The workbook schema, derived from the annotated domain model.

``column`` describes one column; ``sheets`` lists the sheets. The sheet list is
loaded lazily because the model itself imports ``column``.
"""

from typing import Any

from .column import Col, Column, Kind

_SHEET_NAMES = ("SHEETS", "SHEETS_BY_NAME", "WORKBOOKS", "Sheet", "sheet_for")


def __getattr__(name: str) -> Any:
    if name in _SHEET_NAMES:
        from . import sheets

        return getattr(sheets, name)
    raise AttributeError(name)


__all__ = ["Col", "Column", "Kind", *_SHEET_NAMES]
