"""Own chapters in a document: the text convention and one numbering of standard and own
headings per document.

A document's declared outline (:mod:`.outlines`) is walked in template order through a
:class:`Numbering`; own chapters are numbered where they are placed, so
«1. Virksomhetsstyring» becomes «2. …» when a level-1 chapter is placed before it.
The template shows a placement's chapters with a generic block
(``{%p for k in kapitler.etter_forord %}``, see ``templates/docxkit.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model.domain import PLASSERINGER, Dokument, Kapittel
from ..model.kapitler import ordered, slot
from ..rendering.template import paragraphs

_SUB = re.compile(r"^(?:--|\s{2,}[-•])\s+")
_BULLET = re.compile(r"^[-•]\s+")


@dataclass(frozen=True)
class Blokk:
    """One paragraph of an own chapter: ``punkt`` 0 = text, 1 = bullet, 2 = sub-bullet."""

    tekst: Any
    punkt: int = 0


def blocks(text: str | None) -> list[Blokk]:
    """Paragraphs, bullets and sub-bullets of a chapter text (convention in Veiledning)."""
    out: list[tuple[list[str], int]] = []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        if not line.strip():
            out.append(([], -1))  # a paragraph break
            continue
        if _SUB.match(line):
            out.append(([_SUB.sub("", line).strip()], 2))
        elif _BULLET.match(line.strip()):
            out.append(([_BULLET.sub("", line.strip()).strip()], 1))
        elif out and out[-1][1] != -1:
            out[-1][0].append(line.strip())  # continues the paragraph or bullet before
        else:
            out.append(([line.strip()], 0))
    result: list[Blokk] = []
    for lines, kind in out:
        if kind == -1 or not lines:
            continue
        joined = paragraphs("\n".join(lines)) if kind == 0 else [" ".join(lines)]
        result.extend(Blokk(t, kind) for t in joined)
    return result


@dataclass
class Numbering:
    """Numbers the headings of one document in order: standard sections and own chapters.

    ``nr`` holds the number of each standard section by key; ``kapitler`` the own
    chapters per placement slot, ready for the template.
    """

    dokument: Dokument | str  # the kind's name
    chapters: Sequence[Kapittel] = ()
    letters: bool = False  # the lederavtale writes level 2 as «4 a)»
    nr: dict[str, str] = field(default_factory=dict)
    kapitler: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _count: list[int] = field(default_factory=lambda: [0, 0, 0])

    def __post_init__(self) -> None:
        mine = [k for k in self.chapters if k.dokument == self.dokument]
        self._by_slot: dict[str, list[Kapittel]] = {}
        for k in ordered(mine):
            self._by_slot.setdefault(slot(k.plassering), []).append(k)
        places = {str(d): keys for d, keys in PLASSERINGER.items()}
        for key in places.get(str(self.dokument), {}):  # none for a kind the sheet lacks
            self.kapitler[slot(key)] = []

    def number(self, level: int) -> str:
        """The next number at this level (lower levels restart)."""
        self._count[level - 1] += 1
        for i in range(level, 3):
            self._count[i] = 0
        c = self._count
        if self.letters:
            if level == 1:
                return f"{c[0]}."
            return f"{c[0]} {chr(ord('a') + c[1] - 1)})" if level == 2 else ""
        return f"{c[0]}." if level == 1 else ".".join(str(x) for x in c[:level])

    def section(self, key: str, level: int = 1, numbered: bool = True) -> str:
        """A standard heading; its number (empty for an unnumbered one) is kept in ``nr``."""
        self.nr[key] = self.number(level) if numbered else ""
        return self.nr[key]

    def own(self, placement: str) -> None:
        """Number the own chapters placed here."""
        out = self.kapitler.setdefault(slot(placement), [])  # a kind the sheet lacks: none
        for k in self._by_slot.get(slot(placement), []):
            nr = self.number(k.nivå)
            out.append({"nivå": k.nivå, "nr": nr, "overskrift": k.overskrift,
                        "tittel": f"{nr} {k.overskrift}".strip(), "blokker": blocks(k.tekst)})


def empty_slots() -> dict[str, dict[str, list[Any]]]:
    """No own chapters anywhere (for a template that shows another document's chapters)."""
    return {d.value: {slot(k): [] for k in keys} for d, keys in PLASSERINGER.items()}
