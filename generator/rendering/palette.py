"""The one place for colours used across tables, charts and the risk heat map.

Colours are hex strings without ``#`` (the form Word/OOXML shading wants);
:func:`hex_rgb` turns them into ``#RRGGBB`` for matplotlib.

``STATUS_FILL`` holds light traffic-light shades for table cells, chosen so
black text on them stays readable; ``STATUS_STRONG`` holds saturated shades
for chart marks. Keys are the values of :class:`generator.model.domain.Status`.
"""

from __future__ import annotations

STATUS_FILL: dict[str, str] = {"grønn": "C6E9C9", "gul": "FFE8A3", "rød": "F4C2C2"}
STATUS_STRONG: dict[str, str] = {"grønn": "2E7D32", "gul": "E0A800", "rød": "C62828"}

PRIMARY = "1F4E79"  # dark blue: headings, the municipality's own series
ACCENT = "2E75B6"  # mid blue: second series
MUTED = "7F7F7F"  # grey: reference lines, secondary text
LIGHT = "DEEAF6"  # pale blue: table header fill, light series


def hex_rgb(hex: str) -> str:
    """Return ``#RRGGBB`` (upper case) for a hex colour with or without ``#``."""
    value = hex.strip().lstrip("#")
    if len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise ValueError(f"not a 6-digit hex colour: {hex!r}")
    return "#" + value.upper()
