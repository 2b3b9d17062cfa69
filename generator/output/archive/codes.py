"""Fiks Arkiv v2 code lists and the lookups that accept a code or its name.

The values come from KS's published code lists, shipped in
``schemas/fiks-arkiv-v2/kodelister`` (see its README): journalposttype, variantformat
(A/P/O, and S for a digitally signed document), tilknyttetRegistreringSom, dokumenttype,
dokumentstatus, dokumentmedium, journalstatus, korrespondanseparttype and
tilgangsrestriksjon. A paragraph of offentleglova is never a tilgangsrestriksjon; it
belongs in the skjermingshjemmel (a lederavtale: «P» Personalsaker with «Offl. § 13 …»).
"""

from __future__ import annotations

import functools
import json
import re

from ... import resources
from ...errors import OutputError

KODELISTER_DIR = resources.kodelister_dir()


@functools.lru_cache(maxsize=64)
def kodeliste(name: str) -> dict[str, str]:
    """One published Fiks Arkiv v2 code list as {kodeverdi: kodebeskrivelse}, in list order."""
    path = KODELISTER_DIR / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    return {str(k["kodeverdi"]): str(k["kodebeskrivelse"]) for k in data["kodeliste"]}


#: PRONOM ids (The National Archives' format registry) of the formats we produce.
PRONOM = {"pdfa2b": "fmt/477", "docx": "fmt/412"}
#: Formats accepted as arkivformat (PDF/A-1a/1b/2a/2b/2u; plain PDF is not).
ARCHIVE_FORMATS = {
    "fmt/95": "PDF/A-1a",
    "fmt/354": "PDF/A-1b",
    "fmt/476": "PDF/A-2a",
    "fmt/477": "PDF/A-2b",
    "fmt/478": "PDF/A-2u",
}
FORMAT_NAMES = {**ARCHIVE_FORMATS, "fmt/412": "Microsoft Word for Windows 2007 onwards (DOCX)"}
MIME_TYPES = {
    **dict.fromkeys(ARCHIVE_FORMATS, "application/pdf"),
    "fmt/412": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

JOURNALPOSTTYPE = kodeliste("journalposttype")
VARIANTFORMAT = kodeliste("variantformat")
#: Variantformat of a digitally signed PDF/A (Fiks Arkiv v2: «Digitalt signert dokument»).
SIGNERT = "S"
TILKNYTTET_REGISTRERING_SOM = kodeliste("tilknyttetregistreringsom")
DOKUMENTTYPE = kodeliste("dokumenttype")
TILGANGSRESTRIKSJON = kodeliste("tilgangsrestriksjon")
_PARAGRAPH = re.compile(r"^(offl\.?\s*)?§?\s*\d{1,2}\s*[a-z]?$|unntatt offentlighet", re.IGNORECASE)
JOURNALSTATUS = ("F", kodeliste("journalstatus")["F"])
DOKUMENTSTATUS = ("F", kodeliste("dokumentstatus")["F"])
#: An agreement that still lacks a signature: «Dokumentet er under redigering».
UNDER_REDIGERING = ("B", kodeliste("dokumentstatus")["B"])
DOKUMENTMEDIUM = ("E", kodeliste("dokumentmedium")["E"])
INTERN_AVSENDER = ("IA", kodeliste("korrespondanseparttype")["IA"])
MERKNAD_FRA_SAKSBEHANDLER = ("MS", kodeliste("merknadstype")["MS"])


class ArchiveError(OutputError, ValueError):
    """Archive metadata that cannot be written as given; the message says what is wrong."""


def _lookup(value: str, table: dict[str, str], what: str) -> tuple[str, str]:
    """A closed code list: accept the code or the name (any case), return (code, name)."""
    key = value.strip()
    for code, name in table.items():
        if key.casefold() in (code.casefold(), name.casefold()):
            return code, name
    allowed = ", ".join(f"{c} ({n})" for c, n in table.items())
    raise ArchiveError(f"ukjent {what} {value!r}; bruk en av {allowed}")


def journalposttype(value: str) -> tuple[str, str]:
    """Noark journalposttype (M082) as (code, name), from the code or the name."""
    return _lookup(value, JOURNALPOSTTYPE, "journalposttype")


def variantformat(value: str) -> tuple[str, str]:
    """Noark variantformat (M700) as (code, name), from the code or the name."""
    return _lookup(value, VARIANTFORMAT, "variantformat")


def dokumentstatus(value: str) -> tuple[str, str]:
    """Noark dokumentstatus (M054) as (code, name): F (ferdigstilt) or B (under redigering)."""
    return _lookup(value, kodeliste("dokumentstatus"), "dokumentstatus")


def tilknyttet_registrering_som(value: str) -> tuple[str, str]:
    """Noark tilknyttetRegistreringSom (M217) as (code, name)."""
    return _lookup(value, TILKNYTTET_REGISTRERING_SOM, "tilknyttetRegistreringSom")


def dokumenttype(value: str) -> tuple[str, str]:
    """Dokumenttype (M083) as (code, name) from KS's published list."""
    if not value.strip():
        raise ArchiveError("dokumenttype mangler")
    return _lookup(value, DOKUMENTTYPE, "dokumenttype")


def tilgangsrestriksjon(value: str, skjermingshjemmel: str | None = None) -> tuple[str, str]:
    """Tilgangsrestriksjon (M500) as (code, description) from the published list.

    A paragraph («13», «offl. § 13») or «Unntatt offentlighet» is refused with a message:
    the paragraph is the skjermingshjemmel, the restriction a code such as «P».
    """
    text = value.strip()
    if _PARAGRAPH.search(text) and text not in TILGANGSRESTRIKSJON:
        raise ArchiveError(
            f"tilgangsrestriksjon {value!r} er ikke en kode i listen; paragrafen hører hjemme i "
            f"skjermingshjemmelen ({skjermingshjemmel or 'mangler'}). Bruk f.eks. «P» "
            "(Personalsaker)")
    return _lookup(text, TILGANGSRESTRIKSJON, "tilgangsrestriksjon")

