"""Norwegian (bokmål) formatting of numbers, money, percent, dates and tertials.

Babel's ``nb_NO`` locale gives the separators: a non-breaking space between
thousands and a decimal comma (``1 234 567,5``); for bokmål and nynorsk the same output is
written here without loading Babel (see :data:`MONTHS`). These functions are also the
Jinja filters the templates use (see :data:`FILTERS`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

LOCALE = "nb_NO"
NBSP = "\u00a0"

#: Babel's (CLDR's) month names in the locales the product writes, so a build in bokmål or
#: nynorsk formats its numbers and dates without loading Babel (≈ 25 ms of a one-cell
#: build); tests/test_norsk_without_babel.py proves them equal to Babel's. Any other
#: locale (a further language's) goes to Babel.
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember")
_OWN_LOCALES = {"nb_NO": MONTHS, "nn_NO": MONTHS}  # and their numbers: NBSP, decimal comma


def _babel(name: str) -> ModuleType:
    """``babel.dates`` or ``babel.numbers``, imported on first use."""
    import importlib

    return importlib.import_module(f"babel.{name}")


def _grouped(exact: Decimal, desimaler: int, locale: str) -> str | None:
    """``exact`` as Babel's ``format_decimal`` writes it with the pattern ``#,##0`` (and
    ``desimaler`` zeros after the point) in bokmål or nynorsk; None for anything else."""
    if locale not in _OWN_LOCALES or not exact.is_finite() or desimaler < 0 \
            or exact.as_tuple().exponent != -desimaler:
        return None
    whole, _, frac = format(abs(exact), "f").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ("-" if exact < 0 else "") + NBSP.join([whole, *groups]) + (
        "," + frac if frac else "")


def måned(value: date | datetime | None, locale: str | None = None) -> str:
    """The month's name (``november``), as Babel's ``format_date(value, "MMMM")`` gives it
    in ``locale`` (the active one when None)."""
    loc = LOCALE if locale is None else locale
    names = _OWN_LOCALES.get(loc)
    if names is None or not isinstance(value, date):  # None: Babel gives today's month
        return str(_babel("dates").format_date(value, "MMMM", locale=loc))
    return names[value.month - 1]


def tall(value: float | int | None, desimaler: int = 0) -> str:
    """``1 234 567`` or, with decimals, ``1 234 567,5``."""
    if value is None:
        return ""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-desimaler), rounding=ROUND_HALF_UP)
    if exact == 0:
        exact = abs(exact)  # no "−0"
    own = _grouped(exact, desimaler, LOCALE)
    if own is not None:
        return own.replace("-", "−")
    pattern = "#,##0" + ("." + "0" * desimaler if desimaler else "")
    return str(_babel("numbers").format_decimal(exact, format=pattern, locale=LOCALE)).replace(
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
    if value is None:
        return ""
    if LOCALE in _OWN_LOCALES:
        return f"{value.day}. {måned(value)} {value.year}"
    return str(_babel("dates").format_date(value, "d. MMMM y", locale=LOCALE))


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
