"""A document kind is one declared object: :class:`DocumentKind`, and the list of them.

Each kind's module (``documents/<kind>.py``) ends with its declaration, ``KIND =
DocumentKind(...)``: its name, archive facts, the sheets it reads, its context builder
(``plan``), its outline and its template. :data:`KINDS` holds the declarations by name,
in order; everything that needs the list of kinds (the build, ``--only``, the archive, the
overview, malfelter.md) reads it there. :func:`register` adds a kind from outside the
product (a test, an extension): it is then built, archived and shown like the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model.styringsdata import Styringsdata
from ..texts import _, in_nynorsk
from . import outlines
from .common import KindFacts, Planned, Source, kind_folder, slug
from .outlines import Outline


@dataclass(frozen=True)
class DocumentKind:
    """What the product knows about one kind of document, stated once.

    ``plan(data, source)`` (with ``tertial`` as a third argument when ``per_tertial``)
    makes the kind's documents with their contexts; ``template`` is the file name of its
    template (bundled, or in the municipality's folder); ``sheets`` are the sheets its
    documents are made from; ``outline`` its sections in order (None: no numbered headings).
    """

    name: str
    template: str
    facts: KindFacts
    sheets: tuple[str, ...]
    plan: Callable[..., list[Planned]]
    outline: Outline | None = None
    per_tertial: bool = False  # one document per tertial; they accumulate through the year

    def documents(self, data: Styringsdata, source: Source, tertial: int) -> list[Planned]:
        """Every document of this kind the data makes (``tertial`` for a per-tertial kind)."""
        return self.plan(data, source, tertial) if self.per_tertial else self.plan(data, source)

    def numbers(self, data: Styringsdata, **parts: Any) -> dict[str, Any]:
        """The heading numbers of its outline (see :func:`.outlines.numbers`)."""
        assert self.outline is not None
        return outlines.numbers(self.outline, self.name, data, **parts)


KINDS: dict[str, DocumentKind] = {}
"""Every document kind by name, in the order the product lists them."""


def register(kind: DocumentKind) -> DocumentKind:
    """Add a kind to :data:`KINDS` (the product's own are added by the package)."""
    if kind.name in KINDS and KINDS[kind.name] is not kind:
        raise ValueError(f"document kind {kind.name!r} is declared twice")
    KINDS[kind.name] = kind
    return kind


def folders(name: str) -> tuple[str, ...]:
    """Every folder a build may have put a kind's files in: bokmål, nynorsk and the active
    language's, so a municipality that switches målform has its old files recognised."""
    nynorsk = in_nynorsk(name)
    return tuple(dict.fromkeys([name, kind_folder(name), *([slug(nynorsk)] if nynorsk else [])]))


def display(name: str) -> str:
    """A kind's name as the active målform writes it («leiaravtale» in nynorsk), for what
    the user reads (the build's summary); the name itself stays the key."""
    return _(name)


def named(text: str) -> str | None:
    """The kind a user typed (``--only``): its name or its name in either målform, in any
    case («Leiaravtale», «lederavtale»); None when no kind has that name."""
    wanted = text.strip().casefold()
    return next((name for name in KINDS
                 if wanted in {f.casefold() for f in (name, *folders(name))}), None)
