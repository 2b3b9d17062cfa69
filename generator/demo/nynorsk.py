"""The demo in nynorsk: the fictional «Fjordvik kommune» (``styring demo --målform nynorsk``).

The same data as the bokmål demo (:mod:`generator.demo.data`), with every text the
advisers would type in nynorsk (:data:`.nynorsk_tekster.NYNORSK`, and the product's own
standard texts from the nynorsk catalogue), the municipality renamed Fjordvik and its
Målform set to nynorsk. Codes, ids and the values of choice columns stay as they are.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from .. import texts
from ..model.styringsdata import Styringsdata
from .data import demo_data
from .nynorsk_tekster import NYNORSK

NAME = "Fjordvik"


def _text(value: str, catalogue: dict[str, str]) -> str:
    out = NYNORSK.get(value) or catalogue.get(value)
    if out is None:  # a Tekster field of standard paragraphs, one blank line apart
        out = "\n\n".join(catalogue.get(p, p) for p in value.split("\n\n"))
    return out.replace("Fjellvik", NAME).replace("fjellvik", NAME.lower())


def _walk(value: Any, catalogue: dict[str, str]) -> Any:
    if isinstance(value, enum.Enum):
        return value
    if isinstance(value, str):
        return _text(value, catalogue)
    if isinstance(value, list):
        return [_walk(v, catalogue) for v in value]
    if isinstance(value, tuple):
        return tuple(_walk(v, catalogue) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _walk(getattr(value, f.name), catalogue)
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value


def nynorsk_demo_data() -> Styringsdata:
    """The demo data set for Fjordvik kommune, typed in nynorsk (a fresh copy each call)."""
    catalogue = texts.language(texts.NYNORSK).messages
    data = demo_data()
    logo = data.kommune.logo
    out: Styringsdata = _walk(data, catalogue)
    kommune = dataclasses.replace(out.kommune, målform="nynorsk", logo=logo)
    return dataclasses.replace(out, kommune=kommune)
