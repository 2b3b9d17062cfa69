"""The one place for colours used across tables, charts and the risk heat map.

Colours are hex strings without ``#`` (the form Word/OOXML shading wants);
:func:`hex_rgb` turns them into ``#RRGGBB`` for matplotlib.

``STATUS_FILL`` holds light traffic-light shades for table cells, chosen so
black text on them stays readable; ``STATUS_STRONG`` holds saturated shades
for chart marks. Keys are the values of :class:`generator.model.domain.Status`.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

STATUS_FILL: dict[str, str] = {"grønn": "C6E9C9", "gul": "FFE8A3", "rød": "F4C2C2"}
STATUS_STRONG: dict[str, str] = {"grønn": "2E7D32", "gul": "E0A800", "rød": "C62828"}

PRIMARY = "1F4E79"  # dark blue: headings, the municipality's own series
ACCENT = "2E75B6"  # mid blue: second series
MUTED = "7F7F7F"  # grey: reference lines, secondary text
LIGHT = "DEEAF6"  # pale blue: table header fill, light series
SECONDARY_TEXT = "4D4D4D"  # dark grey: small text on the STATUS_FILL shades (≥ 4.5:1)


def hex_rgb(hex: str) -> str:
    """Return ``#RRGGBB`` (upper case) for a hex colour with or without ``#``."""
    value = hex.strip().lstrip("#")
    if len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise ValueError(f"not a 6-digit hex colour: {hex!r}")
    return "#" + value.upper()


# --------------------------------------------------------------------------- profile colour
# The municipality's profile colour (Kommune › Profilfarge) replaces PRIMARY, and the
# shades derived from it replace ACCENT and LIGHT; the traffic-light colours stay.

T = TypeVar("T")


@dataclass(frozen=True)
class Shades:
    primary: str
    accent: str
    light: str


def shades(primary_hex: str | None) -> Shades:
    """The product's blues, or the profile colour with a mid and a pale shade of it."""
    if not primary_hex:
        return Shades(PRIMARY, ACCENT, LIGHT)
    base = hex_rgb(primary_hex)[1:]
    return Shades(base, _towards_white(base, 0.3), _towards_white(base, 0.85))


def _towards_white(hex6: str, share: float) -> str:
    rgb = [int(hex6[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * share):02X}" for c in rgb)


_PROFILE: ContextVar[Shades | None] = ContextVar("profile_colour", default=None)


@contextlib.contextmanager
def profile_colour(primary_hex: str | None) -> Iterator[None]:
    """Charts drawn inside use the profile colour (no colour: the product's blues)."""
    token = _PROFILE.set(shades(primary_hex) if primary_hex else None)
    try:
        yield
    finally:
        _PROFILE.reset(token)


def primary() -> str:
    """The main colour now in use (the profile colour inside :func:`profile_colour`)."""
    return (_PROFILE.get() or shades(None)).primary


def accent() -> str:
    return (_PROFILE.get() or shades(None)).accent


def light() -> str:
    return (_PROFILE.get() or shades(None)).light


_FONT: ContextVar[str | None] = ContextVar("profile_font", default=None)


def font() -> str | None:
    """The profile's document font now in use (None: the product's, Calibri/Carlito)."""
    return _FONT.get()


def drawn_in(primary_hex: str | None, skrift: str | None = None
             ) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Decorate a document's ``images()`` so its charts use the profile colour and the
    document's font (the profile's «Skrift»)."""
    def wrap(make: Callable[[], T]) -> Callable[[], T]:
        @functools.wraps(make)
        def inner() -> T:
            token = _FONT.set(skrift)
            try:
                with profile_colour(primary_hex):
                    return make()
            finally:
                _FONT.reset(token)
        return inner
    return wrap
