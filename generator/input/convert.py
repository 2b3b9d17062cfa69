"""Convert one raw cell value to the type its column asks for.

Accepts what advisers actually type: Norwegian decimal commas and thousands
spaces, `dd.mm.yyyy` dates as text, «Ja»/«nei», percent cells formatted as %.
Each failure is a short bokmål sentence that names what was found.
"""

from __future__ import annotations

import math
import re
from contextvars import ContextVar
from datetime import date, datetime, time, timedelta
from typing import Any

from ..errors import InputError
from ..model.column import Column, Kind
from ..model.domain import (
    LMH_WORDS,
    MÅNEDER,
    ONGOING,
    SYNONYMER,
    EgetNivå,
    Ledernivå,
    Nivå,
    frist_dato,
)
from ..norsk import LOCALE, måned
from ..texts import in_nynorsk
from .reader import FORMULA_WITHOUT_VALUE, Cell


class ConversionError(InputError, ValueError):
    """The cell's value does not fit its column; the message is for the adviser."""


_DATE_TEXT = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})$")  # «31.12.26» = 2026
_WORD_DATE = re.compile(r"^(\d{1,2})\.\s*(" + "|".join(MÅNEDER) + r")\.?\s+(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEKDAY = re.compile(r"^(?:mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag"
                      r"|søndag|sundag|man|tir|tys|ons|tor|fre|lør|lau|søn|sun)\.?,?\s+")
_SHORT_MONTH = re.compile(r"(?<=\d\.)\s*(jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|okt|nov"
                          r"|des)\b\.?")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})[- ](\d{4}|\d{2})$")  # «10/2-2026»
_MILLIONS = re.compile(r"(.+?)\s*(?:mill\.?|mill\.?\s*kr|millionar|millioner)(?:\s*kr)?\.?",
                       re.IGNORECASE)
_TERTIAL = re.compile(r"(?:([123])\.?\s*tertial|(?:t|tertial)\s*([123]))")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣]|[-–*](?=\s))\s*")
_TRUE = {"ja", "j", "yes", "y", "true", "sann", "x", "1"}
_FALSE = {"nei", "n", "no", "false", "usann", "0"}


def shown(value: Any) -> str:
    """A value as quoted in a message (dates as Excel shows them), shortened if long."""
    if isinstance(value, bool):  # as Excel shows it in Norwegian, not Python's «True»
        return "SANN" if value else "USANN"
    if isinstance(value, datetime) and not (value.hour or value.minute or value.second):
        value = value.date()
    if isinstance(value, date) and not isinstance(value, datetime):
        text = f"{value.day:02d}.{value.month:02d}.{value.year}"
    elif isinstance(value, time):
        text = f"{value.hour:02d}.{value.minute:02d}"
    else:
        text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def convert(column: Column, cell: Cell) -> Any:
    """The cell's value as the column's Python type, or ConversionError."""
    value = cell.value
    if value is FORMULA_WITHOUT_VALUE:
        raise ConversionError(
            "cellen har en formel uten lagret verdi (filen er lagret av et program som ikke "
            "regner ut formler). Åpne filen i Excel eller LibreOffice og lagre den på nytt.")
    if cell.excel_error:
        raise ConversionError(f"cellen inneholder Excel-feilen {value}; rett formelen.")
    kind = column.kind
    if kind in (Kind.TEXT, Kind.CODE):
        return _text(value)
    if kind is Kind.LINES:
        lines = (_BULLET.sub("", ln).strip(SPACES) for ln in _text(value).splitlines())
        return [ln for ln in lines if ln]
    if kind is Kind.CODES:
        return [c.strip(SPACES) for c in re.split(r"[,;\n]", _text(value))
                if c.strip(SPACES)]
    if kind is Kind.ANSVAR:  # lines kept as written; generator.model.ansvar splits them further
        return [" ".join(ln.split()) for ln in _text(value).splitlines() if ln.strip()]
    if kind is Kind.INT:
        return _int(value, column)
    if kind in (Kind.DECIMAL, Kind.MONEY, Kind.PERCENT):
        number = _number(value, column)
        if kind is Kind.PERCENT and cell.percent_format and not isinstance(value, str):
            number *= 100  # 0,043 formatted as 4,3 % means 4,3
        return _in_range(number, column)
    if kind is Kind.DATE:
        return _date(value)
    if kind is Kind.DEADLINE:
        return _deadline(value)
    if kind is Kind.TIME:
        return _time(value)
    if kind is Kind.TIMESPAN:
        return timespan(value)
    if kind is Kind.LEVEL:
        return _level(value, column)
    if kind is Kind.BOOL:
        return _bool(value)
    if kind is Kind.CHOICE:
        return _choice(value, column)
    raise AssertionError(kind)  # pragma: no cover


# What is stripped at a cell's edges. Controls XML cannot hold are not among them: the
# validator has already replaced those with a visible «�» (and reported it).
SPACES = None


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return str(value).strip(SPACES)


def date_in_number(value: Any, what: str = "et tall") -> str | None:
    """The message for a number cell Excel turned into a date (``1.5`` → 1. mai), else None."""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        return None
    month = f"{value.day}. {måned(value, LOCALE)}"  # Babel's «d. MMMM»
    return (f"må være {what}, men cellen er en dato: Excel viser «{shown(value)}» ({month}). "
            f"Mente du {value.day},{value.month}? Formater cellen som tall (eller skriv "
            f"{value.day},{value.month} med komma) og skriv verdien på nytt.")


def _number(value: Any, column: Column) -> float:
    if isinstance(value, bool):
        raise ConversionError(f"må være et tall, fant «{shown(value)}»")
    if (message := date_in_number(value)) is not None:
        raise ConversionError(message)
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", " ").replace("\u202f", " ")
        text = re.sub(r"\s*(kr|%|prosent)\.?$", "", text, flags=re.IGNORECASE)
        text = re.sub(r"^kr\.?\s*", "", text, flags=re.IGNORECASE)  # «kr 250 000»
        text = re.sub(r"[,.]\s*[-–—]$", "", text)  # «kr 9 400 000,-»
        text = _without_unit(text, column)  # «110 timer» in Overtid (timer), «48,5 årsverk»
        scale = 1.0
        if millions := _MILLIONS.fullmatch(text):  # «1,5 mill.», «2 millioner kr»
            text, scale = millions[1], 1e6
        text = text.replace(" ", "").replace("−", "-")
        if scale != 1.0 and re.fullmatch(r"-?\d+([,.]\d+)?", text):
            number = float(text.replace(",", ".")) * scale
        elif re.fullmatch(r"-?\d+(,\d+)?", text):
            number = float(text.replace(",", "."))
        elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):
            number = float(text.replace(".", "").replace(",", "."))
        elif re.fullmatch(r"-?\d+\.\d+", text):
            number = float(text)
        else:
            raise ConversionError(f"må være et tall, fant «{shown(value)}»")
    else:
        raise ConversionError(f"må være et tall, fant «{shown(value)}»")
    if not math.isfinite(number):
        raise ConversionError(f"må være et endelig tall, fant «{shown(value)}»")
    return number


_UNIT = re.compile(r"\(([^()%]+)\)\s*$")
_SHORT_UNITS = {"timer": ("t", "t.", "time", "timar"), "årsverk": ()}


def _without_unit(text: str, column: Column) -> str:
    """A number with the column's own unit after it: the word in the header's brackets
    («Overtid (timer)»: «110 timer», «110 t») or the header itself when it is a unit
    («Årsverk»: «48,5 årsverk»)."""
    found = _UNIT.search(column.header)
    unit = (found[1] if found else column.header).strip().casefold()
    if unit not in _SHORT_UNITS:
        return text
    folded = text.casefold()
    for word in (unit, *_SHORT_UNITS[unit]):
        if folded.endswith(" " + word) or (len(word) > 2 and folded.endswith(word)):
            return text[:-len(word)].rstrip()
    return text


def _int(value: Any, column: Column) -> int:
    limits = _limits(column)
    if (message := date_in_number(value, f"et heltall{limits}")) is not None:
        raise ConversionError(message)
    if column.field == "tertial" and isinstance(value, str) and (
            written := _TERTIAL.fullmatch(" ".join(value.split()).casefold())):
        value = int(written[1] or written[2])  # «2. tertial», «T2», «Tertial 2»
    try:
        number = _number(value, column)
    except ConversionError:
        raise ConversionError(f"må være et heltall{limits}, fant «{shown(value)}»") from None
    if not number.is_integer():
        raise ConversionError(f"må være et heltall{limits}, fant «{shown(value)}»")
    return int(_in_range(number, column, integer=True))


def _limits(column: Column) -> str:
    lo, hi = column.col.minimum, column.col.maximum
    if lo is not None and hi is not None:
        return f" fra {_fmt(lo)} til {_fmt(hi)}"
    if lo is not None:
        return f" på minst {_fmt(lo)}"
    return ""


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")


def _in_range(number: float, column: Column, integer: bool = False) -> float:
    lo, hi = column.col.minimum, column.col.maximum
    if (lo is not None and number < lo) or (hi is not None and number > hi):
        what = "et heltall" if integer else "et tall"
        raise ConversionError(f"må være {what}{_limits(column)}, fant «{_fmt(number)}»")
    return number


def _date(value: Any) -> date:
    found = _any_date(value)
    if found < FIRST_DATE:
        raise ConversionError(f"datoen {found.day:02d}.{found.month:02d}.{found.year} er før "
                              "1. januar 1900, som Excel ikke kan lagre")
    return found


FIRST_DATE = date(1900, 1, 1)


def _any_date(value: Any) -> date:
    if isinstance(value, time):  # Excel's serial 0 (or a bare time) is no date
        raise ConversionError("må være en dato etter 1. januar 1900 (dd.mm.åååå), fant et "
                              "klokkeslett eller dato-verdien 0")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return (datetime(1899, 12, 30) + timedelta(days=int(value))).date()
    if isinstance(value, str):
        text = date_text(value)
        m = _DATE_TEXT.match(text)
        iso = _ISO_DATE.match(text)
        word = _WORD_DATE.match(text.casefold())
        try:
            if m:  # a two-digit year is this century's, as advisers mean «31.12.26»
                return date(int(m[3]) + (2000 if len(m[3]) == 2 else 0), int(m[2]), int(m[1]))
            if iso:
                return date(int(iso[1]), int(iso[2]), int(iso[3]))
            if word:  # «23. november 2026», as the documents write it
                return date(int(word[3]), MÅNEDER.index(word[2]) + 1, int(word[1]))
        except ValueError:
            raise ConversionError(f"«{shown(value)}» er ikke en gyldig dato") from None
    raise ConversionError(f"må være en dato (dd.mm.åååå), fant «{shown(value)}»")


def date_text(value: str) -> str:
    """A date typed as text, as the date patterns read it: without a weekday before it
    («tirsdag 10. februar 2026»), a short month written out («10. feb. 2026»), and
    «10/2-2026» as «10.2.2026»."""
    text = _WEEKDAY.sub("", " ".join(value.split()).casefold())
    text = _SHORT_MONTH.sub(lambda m: " " + next(
        full for full in MÅNEDER if full.startswith(m[1][:3])), text)
    if slash := _SLASH_DATE.match(text):
        text = f"{slash[1]}.{slash[2]}.{slash[3]}"
    return text


def _deadline(value: Any) -> date | str:
    """A date, or a short text that implies one («Senest 19. august»), kept as written."""
    plain = date_text(value) if isinstance(value, str) else ""
    if not isinstance(value, str) or _DATE_TEXT.match(plain) or _ISO_DATE.match(
            plain) or _WORD_DATE.match(plain):
        return _date(value)
    text = " ".join(value.split())
    if text.casefold().rstrip(".") in ONGOING:
        return text
    if frist_dato(text, 2000) is None:
        raise ConversionError(
            f"må være en dato (dd.mm.åååå) eller en kort tekst med en dato, måned, tertial "
            f"eller et halvår, f.eks. «Senest 19. august» eller «Innen 2. tertial», fant "
            f"«{shown(value)}»")
    return text


def _time(value: Any) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    m = re.fullmatch(r"(\d{1,2})[.:](\d{2})", str(value).strip())
    if m and int(m[1]) < 24 and int(m[2]) < 60:
        return time(int(m[1]), int(m[2]))
    raise ConversionError(f"må være et klokkeslett (tt.mm), fant «{shown(value)}»")


_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIMESPAN = re.compile(rf"^(?:kl\.?\s*)?{_CLOCK}(?:\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?{_CLOCK})?$",
                       re.IGNORECASE)
TIMESPAN_EXAMPLE = "f.eks. «12-15.45», «09.00–15.00» eller «kl. 9–11»"
#: Parts of a day a meeting time may be given as (the calendar makes them all-day events).
TIME_WORDS = ("heldag", "hele dagen", "halv dag", "formiddag", "ettermiddag", "kveld",
              "lunsj til lunsj")


def timespan(value: Any) -> str:
    """A time or time span in one Norwegian form: «kl. 12.00–15.45» (or «kl. 09.00»).

    Accepts «12-15.45», «12.00–15.45», «kl. 12–15.45», «09:00-11:30», «9–11» and
    Excel time cells.
    """
    if isinstance(value, datetime) and value.date() > FIRST_DATE:  # «12.03» became 12. mars
        raise ConversionError(f"må være et klokkeslett eller tidsrom, men Excel har gjort det du "
                              f"skrev om til datoen «{shown(value)}». Skriv tiden på nytt som "
                              f"tekst ({TIMESPAN_EXAMPLE}).")
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, float) and 0 <= value < 1:  # a time cell without time format
        minutes = round(value * 24 * 60)
        value = time(minutes // 60 % 24, minutes % 60)
    if isinstance(value, time):
        return f"kl. {value.hour:02d}.{value.minute:02d}"
    text = " ".join(_text(value).split())
    if text.casefold() in TIME_WORDS:  # «Heldag», «formiddag»: shown as written
        return text
    m = _TIMESPAN.match(text)
    if m:
        parts = [(int(h), int(mm or 0)) for h, mm in ((m[1], m[2]), (m[3], m[4])) if h]
        if all(h < 24 and mm < 60 for h, mm in parts) and (len(parts) == 1 or parts[0] < parts[1]):
            return "kl. " + "–".join(f"{h:02d}.{mm:02d}" for h, mm in parts)
    raise ConversionError(f"må være et klokkeslett eller tidsrom ({TIMESPAN_EXAMPLE}), fant "
                          f"«{shown(value)}»")


def _level(value: Any, column: Column) -> Nivå:
    """A risk level: a whole number (checked against the scale later) or L/M/H in words."""
    if isinstance(value, str):
        word = value.strip().casefold().rstrip(".")
        if word in LMH_WORDS:
            return Nivå(LMH_WORDS[word], value.strip())
    if isinstance(value, str) and not re.fullmatch(r"\s*[-−]?[\d\s.,]+\s*", value):
        raise ConversionError(f"må være et heltall{_limits(column)} eller L, M eller H "
                              f"(skalaen velges i Innstillinger), fant «{shown(value)}»")
    number = _int(value, column)
    return Nivå(number, str(number))


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ConversionError(f"må være «ja» eller «nei», fant «{shown(value)}»")


#: Words the workbook itself adds for a choice (the Kommune sheet's «Egne ledernivåer»: a
#: built-in level or the municipality's own), set by the validator while it reads one set of
#: workbooks. They go before the synonyms: «Virksomhetsleder» may be a level of its own.
OWN_WORDS: ContextVar[dict[type, dict[str, Any]] | None] = ContextVar("OWN_WORDS", default=None)


def _choice(value: Any, column: Column) -> Any:
    text = " ".join(_text(value).split()).casefold().replace("-", "–")
    for choice in column.choices:
        nynorsk = in_nynorsk(choice) or choice  # «raud», «einingsleiar» …
        if text in (choice.casefold().replace("-", "–"), nynorsk.casefold().replace("-", "–")):
            return column.enum_type(choice) if column.enum_type else choice
    if column.enum_type is not None:  # the municipality's words (own levels, SYNONYMER)
        plain = text.replace("–", "-")
        own = (OWN_WORDS.get() or {}).get(column.enum_type, {}).get(plain)
        if own is not None:
            return own
        meant = SYNONYMER.get(column.enum_type, {}).get(plain)
        if meant is not None:
            return column.enum_type(meant)
    raise ConversionError(
        "må være en av " + ", ".join(f"«{c}»" for c in column.choices) + _own_help(column)
        + f", fant «{shown(value)}»")


def _own_help(column: Column) -> str:
    """The municipality's own levels, for the message about a level not among them."""
    if column.enum_type is not Ledernivå:
        return ""
    own = [str(getattr(v, "navn", v)) for v in (OWN_WORDS.get() or {}).get(Ledernivå, {}).values()
           if isinstance(v, EgetNivå)]
    if own:
        return " eller kommunens egne " + ", ".join(f"«{n}»" for n in own)
    return " (eller et eget nivå fra feltet «Egne ledernivåer» i arket Kommune)"
