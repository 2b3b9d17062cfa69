"""Column descriptions attached to the domain model's fields.

A model field is declared as ``Annotated[<python type>, Col("Header", "help")]``.
From the Python type and the :class:`Col` the schema derives the column's kind,
which drives reading, validation, blank workbooks and the column documentation.
"""

from __future__ import annotations

import enum
import types
from dataclasses import dataclass
from datetime import date, time
from typing import Any, Union, get_args, get_origin


class Kind(enum.Enum):
    """How a cell's value is interpreted."""

    TEXT = "tekst"
    LINES = "tekst, én linje per punkt"
    CODE = "enhetskode"
    CODES = "enhetskoder, skilt med komma"
    ANSVAR = "ansvarlige: enhetskoder, Leder-ID-er, grupper eller roller"
    INT = "heltall"
    DECIMAL = "tall"
    MONEY = "beløp i kr"
    PERCENT = "prosent"
    DATE = "dato"
    TIME = "klokkeslett"
    CHOICE = "valg fra liste"
    BOOL = "ja/nei"
    TIMESPAN = "klokkeslett eller tidsrom"
    LEVEL = "nivå på risikoskalaen (tall, eller L/M/H)"
    DEADLINE = ("dato, eller kort tekst med en dato, måned eller tertial (f.eks. «Senest 19. "
                "august»)")


@dataclass(frozen=True)
class Col:
    """One column (or one field of a key–value sheet) as the adviser sees it.

    ``header`` is the text in the header row (or in the «Felt» column),
    ``help`` explains it in the «Veiledning» sheet. ``kind`` is derived from
    the annotated type unless given (``MONEY``, ``PERCENT``, ``CODES``).
    """

    header: str
    help: str
    kind: Kind | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    pattern_help: str | None = None
    width: int | None = None
    aliases: tuple[str, ...] = ()
    auto_id: str | None = None  # an empty cell gets «<auto_id><n>», numbered by row
    #: Why the column is read but shown in no document (it steers something else): every
    #: other column reaches some document (tests/test_schema_coverage.py walks the schema).
    input_only: str | None = None
    #: An empty cell takes 100 − the value of this other column of the row (nærvær typed
    #: instead of sykefravær).
    complement_of: str | None = None


@dataclass(frozen=True)
class Column:
    """A resolved column: the :class:`Col` plus what the annotation says."""

    field: str
    col: Col
    kind: Kind
    required: bool
    choices: tuple[str, ...] = ()
    enum_type: type[enum.Enum] | None = None

    @property
    def header(self) -> str:
        return self.col.header

    @property
    def width(self) -> int:
        if self.col.width:
            return self.col.width
        return {
            Kind.TEXT: 30,
            Kind.LINES: 45,
            Kind.CODES: 14,
            Kind.ANSVAR: 24,
            Kind.CODE: 12,
            Kind.DATE: 12,
            Kind.DEADLINE: 18,
            Kind.TIME: 12,
            Kind.TIMESPAN: 16,
            Kind.LEVEL: 10,
            Kind.BOOL: 8,
            Kind.CHOICE: 14,
        }.get(self.kind, 14)

    def describe(self) -> str:
        """The column's type and limits in words, for the Veiledning sheet."""
        from ..texts import _  # the blank workbook's guide is in the målform

        parts = [_(self.kind.value)]
        if self.choices:
            parts = [_("ett av: ") + ", ".join(_(c) for c in self.choices)]
        if self.col.minimum is not None and self.col.maximum is not None:
            parts.append(_("fra {fra} til {til}").format(fra=_num(self.col.minimum),
                                                         til=_num(self.col.maximum)))
        elif self.col.minimum is not None:
            parts.append(_("minst {n}").format(n=_num(self.col.minimum)))
        if self.col.pattern_help:
            parts.append(_(self.col.pattern_help))
        parts.append(_("påkrevd") if self.required else _("valgfri"))
        return "; ".join(parts)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")


def resolve(field: str, annotation: Any, col: Col, has_default: bool) -> Column:
    """Turn a field's annotation and its :class:`Col` into a :class:`Column`.

    A field with a default in the model is optional: an empty cell gives the default.
    """
    required = not has_default
    tp = annotation
    if get_origin(tp) in (Union, types.UnionType):
        tp = next(a for a in get_args(tp) if a is not type(None))
    enum_type = None
    choices: tuple[str, ...] = ()
    if col.kind is not None:
        kind = col.kind
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        kind, enum_type = Kind.CHOICE, tp
        choices = tuple(str(m.value) for m in tp)
    elif get_origin(tp) is list:
        kind = Kind.LINES
    elif tp is bool:
        kind = Kind.BOOL
    elif tp is int:
        kind = Kind.INT
    elif tp is float:
        kind = Kind.DECIMAL
    elif tp is date:
        kind = Kind.DATE
    elif tp is time:
        kind = Kind.TIME
    elif tp is str:
        kind = Kind.TEXT
    else:  # pragma: no cover - a programming error in the model
        raise TypeError(f"{field}: ingen kolonnetype for {tp!r}")
    if kind is Kind.BOOL:
        choices = ("ja", "nei")
    return Column(field, col, kind, required, choices, enum_type)
