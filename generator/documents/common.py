"""What every document kind shares: the planned document, file names, the base context."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from ..errors import InputError
from ..model.domain import Kommune, Status
from ..model.styringsdata import Styringsdata
from ..rendering.palette import STATUS_FILL
from ..rendering.template import Image
from ..texts import _

NO_FILL = "auto"
T = TypeVar("T")
_TRANSLIT = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A",
                           "đ": "d", "Đ": "D", "ŋ": "n", "Ŋ": "N", "ŧ": "t", "Ŧ": "T",
                           "ß": "ss", "–": "-", "—": "-"})
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                     *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class KindFacts:
    """What the output stage treats differently per kind, stated once in the kind's module:
    how the archive files it (Noark 5 / Fiks Arkiv) and whether it is signed.

    ``dokumenttype`` is a code from KS's dokumenttype list; ``saksnr`` picks the case number
    from the Kommune sheet; ``mappetittel`` titles the saksmappe the archive creates when
    there is no case number yet (``{år}`` is the document's year); ``skjermingshjemmel`` is
    the legal basis when a document of this kind is screened; ``signaturfelt`` gives its
    PDF/A the two empty signature fields.
    """

    journalposttype: str
    dokumenttype: str
    saksnr: Callable[[Kommune], str | None]
    mappetittel: str
    skjermingshjemmel: str | None = None
    signaturfelt: bool = False


@dataclass
class Planned:
    """A document the build will make: where it goes, what it says, where it came from."""

    kind: str
    template: str
    filename: str
    title: str
    context: dict[str, Any]
    properties: dict[str, str] = field(default_factory=dict)
    images: Callable[[], dict[str, Image]] | None = None  # charts, drawn only when rendering
    sources: list[str] = field(default_factory=list)
    description: str = ""
    restricted: bool = False
    variant: str = "Produksjonsformat"
    facts: KindFacts | None = None  # None: not archived, not signed
    folder: str = ""  # in the year folder; "" → the kind's folder in the målform

    def __post_init__(self) -> None:
        self.folder = self.folder or kind_folder(self.kind)

    @property
    def stem(self) -> str:
        return self.filename.rsplit(".", 1)[0]


def kind_folder(kind: str) -> str:
    """The folder of a kind's files in the year folder, in the active målform: the kind's
    name as the catalogue gives it («lederavtale/» in bokmål, «leiaravtale/» in nynorsk).
    The name itself stays the kind's key (manifest, archive codes) in every målform."""
    word = _(kind)
    return kind if word == kind else slug(word)


def slug(text: str, max_len: int = 60) -> str:
    """An ASCII, lower-case, file-system-safe name part (``Máret Čuđe`` → ``maret-cude``)."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    text = _shorten(text, max_len) or "uten-navn"
    return f"x-{text}" if text in _WINDOWS_RESERVED else text


def _shorten(text: str, max_len: int) -> str:
    """At most ``max_len`` characters, cut between two words, never inside one: the words
    that fit (``helse-og-omsorg-politisk-sekretariat`` at 30 → ``helse-og-omsorg-politisk``).
    Only a first word longer than ``max_len`` on its own has no place to cut but inside."""
    if len(text) <= max_len:
        return text
    cut = text.rfind("-", 0, max_len + 1)
    return text[:cut] if cut > 0 else text[:max_len]


def fill(status: Status | str | None) -> str:
    """Cell shading for a traffic-light status (shared palette)."""
    if status is None:
        return NO_FILL
    return STATUS_FILL.get(str(status), NO_FILL)


def document_date(data: Styringsdata) -> date:
    return data.kommune.dokumentdato or date.today()


def base_context(data: Styringsdata, title: str, saksnr: str | None) -> dict[str, Any]:
    return {
        "kommune": data.kommune,
        "år": data.kommune.år,
        "tittel": title,
        "dato": document_date(data),
        "saksnr": saksnr,
    }


def properties(data: Styringsdata, title: str, subject: str, keywords: str) -> dict[str, str]:
    """DOCX core properties: the municipality is the author, language nb-NO."""
    from ..texts import active

    return {"title": title, "subject": subject, "author": data.kommune.navn,
            "keywords": keywords, "language": active().tag, "comments": "",
            "last_modified_by": data.kommune.navn}


def codes(values: list[str]) -> str:
    return ", ".join(values)


Source = Callable[[object], str | None]
"""Names the workbook row a model object came from (``fil › ark › rad N``)."""


class PlanError(InputError):
    """The data cannot make the asked-for document (e.g. no figures for the tertial)."""


def in_order(items: Iterable[T], nr: Callable[[T], int | None]) -> list[T]:
    """Items in the workbook's order: by an order column where it is filled in, else by row.

    The validator builds every list in the sheet's row order, so a stable sort on the
    order column (empty ones last) keeps rows with the same or no number as typed.
    """
    return sorted(items, key=lambda x: (nr(x) is None, nr(x) or 0))


def position(names: Iterable[str]) -> dict[str, int]:
    """Each name's (case-insensitive) place in a catalogue sheet, to order other sheets by."""
    return {name.casefold(): i for i, name in enumerate(names)}
