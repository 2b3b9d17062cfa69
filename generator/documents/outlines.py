"""A document's outline: its sections in template order, declared once per kind.

Each kind declares its :class:`Outline` in its :class:`~generator.documents.kind.DocumentKind`
(``documents/<kind>.py``): standard sections (:class:`Section`, with the heading key the
template numbers with), the places for the adviser's own chapters (:class:`Own`) and lists
whose items are numbered headings (:class:`Each`). Two things read it:

- :func:`numbers` gives the context parts the template numbers its headings with: ``nr``
  (standard sections by key) and ``kapitler`` (own chapters per placement);
- ``templates/build.py`` writes the bundled template's headings from it, in its order,
  with each section's own part (the text and tables under the heading) beside it.

A section is added or moved in the outline alone; the numbers and the template follow.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model.styringsdata import Styringsdata
from .kapitler import Numbering


@dataclass(frozen=True)
class Section:
    """A standard heading: ``key`` in ``nr``, ``title`` after the number (Jinja allowed).

    ``shown_if`` is the template's condition for the whole section (a context expression),
    and ``present`` the same condition read from the data: a section left out is not
    numbered."""

    key: str
    title: str
    level: int = 1
    numbered: bool = True
    shown_if: str | None = None
    present: Callable[[Styringsdata], bool] | None = None


@dataclass(frozen=True)
class Own:
    """The adviser's own chapters placed here (the sheet Kapitler's «Plassering»)."""

    placement: str


@dataclass(frozen=True)
class Each:
    """A numbered heading per item of the context list ``key``: the number goes into each
    item's ``attr``; the template loops with ``var`` and writes ``title`` after it."""

    key: str
    var: str
    attr: str
    title: str
    level: int = 1


Step = Section | Own | Each


@dataclass(frozen=True)
class Outline:
    """The sections of one document in order. ``letters``: level 2 is written «4 a)»."""

    steps: tuple[Step, ...]
    letters: bool = False

    @property
    def placements(self) -> tuple[str, ...]:
        """Where own chapters can go, in order (as the sheet Kapitler names them)."""
        return tuple(s.placement for s in self.steps if isinstance(s, Own))

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.steps if isinstance(s, Section))


def numbers(outline: Outline, dokument: str, data: Styringsdata,
            chapters: Sequence[Any] | None = None,
            lists: Mapping[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """``nr`` and ``kapitler`` for one document; sets each :class:`Each` item's number.

    ``chapters``: the own chapters to place (default: all in the sheet Kapitler)."""
    o = Numbering(dokument, data.kapitler if chapters is None else chapters,
                  letters=outline.letters)
    for step in outline.steps:
        if isinstance(step, Own):
            o.own(step.placement)
        elif isinstance(step, Section):
            o.section(step.key, step.level,
                      numbered=step.numbered and (step.present is None or step.present(data)))
        else:
            for item in (lists or {}).get(step.key, []):
                item[step.attr] = o.number(step.level)
    return {"nr": o.nr, "kapitler": o.kapitler}
