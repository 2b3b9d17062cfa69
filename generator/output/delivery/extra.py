"""What a build delivers besides the documents (e-mail drafts, calendars), as types.

Each :class:`Extra` is one file of the year folder with its own manifest entry. It is
planned (:mod:`.plan`, :mod:`.epost`, :mod:`.kalender`) where the workbook rows are known
(for located notices), and made by the build once the documents are rendered (a draft
attaches the built document), so drafts and calendars are staged, committed and protected
like every other output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ...input.validate import LoadResult

Notice = tuple[str, str]  # (file relative to the year folder, message in bokmål)


class Built(Protocol):
    """What the build offers an extra while it is being made."""

    def document(self, filename: str, key: str) -> tuple[str, bytes] | None:
        """The current file (``docx``/``pdf``) of a planned document of this build: its
        place in the year folder and its bytes; None when this build has none."""

    def previous(self, name: str) -> dict[str, Any]:
        """The extra's entry in the previous manifest (empty when new)."""


@dataclass
class Made:
    """An extra's bytes, its notices and what its manifest entry should remember."""

    data: bytes
    notices: list[Notice] = field(default_factory=list)
    memory: dict[str, Any] = field(default_factory=dict)
    #: the inputs digest the next build computes when nothing changed (it starts from the
    #: ``memory`` this one leaves); None: the one computed before making
    settled: str | None = None


@dataclass
class Extra:
    """One delivered file: ``rel`` in the year folder is also its manifest key."""

    rel: str
    kind: str  # "epost" or "kalender"
    title: str
    scope: str  # the build scope it belongs to (that of the document it delivers)
    output: str  # the key of its one output in the manifest entry: "eml" or "ics"
    make: Callable[[Built], Made]
    sources: list[str] = field(default_factory=list)
    #: a digest of everything the file is made from (None: not known, make it); the same
    #: digest as the previous build's, with that file intact, and the file is not made again
    inputs: Callable[[Built], str | None] | None = None


@dataclass
class Delivery:
    """Everything a build delivers besides the documents, and the notices about it."""

    extras: list[Extra] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def where(result: LoadResult, obj: object, field_name: str | None = None) -> str:
    """«fil › ark › celle» of a model object, for notices."""
    row = result.source(obj)
    return f"{row.file} › {row.sheet} › {row.place(field_name)}" if row else "arbeidsboken"
