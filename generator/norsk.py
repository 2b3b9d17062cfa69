"""Norwegian (bokmål) formatting of numbers, money, percent, dates and tertials.

Babel's ``nb_NO`` locale gives the separators: a non-breaking space between
thousands and a decimal comma (``1 234 567,5``). These functions are also the
Jinja filters the templates use (see :data:`FILTERS`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from . import lazy

if TYPE_CHECKING:
    import babel.dates as babel_dates
    import babel.numbers as babel_numbers
else:  # loaded when first used: not by a renderer whose templates format no number or date
    babel_dates = lazy.module("babel.dates")
    babel_numbers = lazy.module("babel.numbers")

LOCALE = "nb_NO"
NBSP = "\u00a0"


def tall(value: float | int | None, desimaler: int = 0) -> str:
    """``1 234 567`` or, with decimals, ``1 234 567,5``."""
    if value is None:
        return ""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-desimaler), rounding=ROUND_HALF_UP)
    if exact == 0:
        exact = abs(exact)  # no "−0"
    pattern = "#,##0" + ("." + "0" * desimaler if desimaler else "")
    return babel_numbers.format_decimal(exact, format=pattern, locale=LOCALE).replace(
        "-", "−")


def kr(value: float | int | None) -> str:
    """Money in running text: ``1 234 567 kr``."""
    return "" if value is None else f"{tall(value)}{NBSP}kr"


def tusen(value: float | int | None) -> str:
    """Money in a table column headed «1 000 kr»: ``1 235``."""
    return "" if value is None else tall(value / 1000)


def prosent(value: float | None, desimaler: int = 1) -> str:
    """A percentage given in percent points: ``4,3 %``."""
    return "" if value is None else f"{tall(value, desimaler)}{NBSP}%"


def dato(value: date | datetime | str | None) -> str:
    """``23. november 2026``; a deadline typed as text («Senest 19. august») as written."""
    if isinstance(value, str):
        return value
    return "" if value is None else babel_dates.format_date(value, "d. MMMM y",
                                                            locale=LOCALE)


def kort_dato(value: date | datetime | str | None) -> str:
    """``23.11.2026``; a deadline typed as text as written."""
    if isinstance(value, str):
        return value
    return "" if value is None else f"{value.day:02d}.{value.month:02d}.{value.year}"


def tertial(nr: int, år: int) -> str:
    """``1. tertial 2026``."""
    return f"{nr}.{NBSP}tertial {år}"


def fortegn(value: float | int) -> str:
    """A deviation with its sign: ``+1 234`` / ``−1 234``."""
    text = tall(value)
    return text if text.startswith("−") or text == "0" else "+" + text


def poeng(value: float | int | None) -> str:
    """Points as given: whole points without decimals, half points as ``7,5``."""
    if value is None:
        return ""
    return tall(value, 0 if float(value).is_integer() else 1)


FILTERS = {
    "tall": tall,
    "kr": kr,
    "tusen": tusen,
    "prosent": prosent,
    "dato": dato,
    "kort_dato": kort_dato,
    "fortegn": fortegn,
    "poeng": poeng,
}


_GROUPED = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_RANGE = re.compile(r"(?<=\d) ?[–-] ?(?=\d)")


def ubrutt(text: str) -> str:
    """A text whose numbers never wrap: ``5 000–10 000`` gets non-breaking spaces between
    the digit groups and a non-breaking dash range (``5\u00a0000\u2060–\u206010\u00a0000``:
    the word joiners keep a line from breaking after the dash)."""
    text = _GROUPED.sub(NBSP, text)
    return _RANGE.sub("\u2060–\u2060", text)
