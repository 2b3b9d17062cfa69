"""The archive record: one registered document (journalpost) and its files, with checks.

Nothing here reads the files themselves except :func:`check_files` (and
:meth:`ArchiveFile.from_path`), so metadata can be written while the files still sit in a
staging folder. systemIDs are UUID5s of the external reference: the same document always
gets the same id.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ...documents import KINDS
from ...files import sha256_file
from .codes import (
    ARCHIVE_FORMATS,
    SIGNERT,
    ArchiveError,
    dokumentstatus,
    dokumenttype,
    journalposttype,
    tilgangsrestriksjon,
    tilknyttet_registrering_som,
    variantformat,
)

DEFAULT_SYSTEM = "styring"
#: Namespace for the UUID5 systemIDs; never change it, or every systemID changes.
SYSTEMID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:styringsdokumenter:noark5:systemid")
SJEKKSUM_ALGORITME = "SHA-256"
MAX_FILSTOERRELSE = 2**31 - 1  # filstoerrelse is an xs:int in the metadatakatalog
_PRONOM_ID = re.compile(r"^(x-)?fmt/\d+$")


@dataclass(frozen=True)
class ArchiveFile:
    """One physical file of a document (a Noark dokumentobjekt)."""

    path: Path  # the file on disk (PDF/A or DOCX)
    variantformat: str  # "Arkivformat" | "Produksjonsformat" | "Dokument hvor deler ... skjermet"
    format: str  # PRONOM id, e.g. "fmt/477" (PDF/A-2b) or "fmt/412" (DOCX)
    sha256: str
    size: int

    @classmethod
    def from_path(cls, path: Path, variantformat: str, format: str) -> ArchiveFile:
        """Describe a file on disk, computing its checksum and size now."""
        path = Path(path)
        return cls(path=path, variantformat=variantformat, format=format,
                   sha256=sha256_file(path), size=path.stat().st_size)


@dataclass(frozen=True)
class Klassifikasjon:
    """One class of the archive's classification: ordningsprinsipp and ordningsverdi."""

    ordningsprinsipp: str  # klassifikasjonssystemID, e.g. "FE" (K-koder)
    ordningsverdi: str  # klasseID, e.g. "000"
    tittel: str | None = None

    def __str__(self) -> str:
        return f"{self.ordningsprinsipp} {self.ordningsverdi}"


@dataclass(frozen=True)
class ArchiveRecord:
    """One registered document: a journalpost with its dokumentbeskrivelse and files."""

    tittel: str
    dokumentdato: date
    kind: str  # "oppdragsbrev" | "tertialrapport" | "utviklingsstrategi" | "lederavtale"
    saksår: int | None
    sekvensnummer: int | None
    saksbehandler: str
    administrativ_enhet: str
    journalposttype: str  # code ("X") or name ("Organinternt dokument uten oppfølging")
    dokumenttype: str  # e.g. "Rapport", "Avtale", "Brev"
    tilknyttet_registrering_som: str  # "Hoveddokument" | "Vedlegg" (or "H" | "V")
    tilgangsrestriksjon: str | None  # "13", "Unntatt offentlighet", "P" …
    skjermingshjemmel: str | None  # e.g. "Offl. § 13 jf. fvl. § 13 første ledd nr. 1"
    files: tuple[ArchiveFile, ...]
    kommune: str  # the municipality (arkivskaper)
    referanse_ekstern: str  # stable id of the document in our system
    arkivdel: str | None = None  # the archive part a new saksmappe goes into, e.g. "SAK"
    klassifikasjon: tuple[Klassifikasjon, ...] = ()  # of a new saksmappe
    mappetittel: str = ""  # title of a new saksmappe (no case number); empty: the tittel
    #: F (ferdigstilt), or B (under redigering) for an agreement that lacks a signature
    dokumentstatus: str = "F"
    #: What the archivist must know about the document (a field signed by another person)
    merknader: tuple[str, ...] = ()

    @property
    def saksnummer(self) -> str | None:
        """The case number as people write it (``2026/146``), or None."""
        if self.saksår is None or self.sekvensnummer is None:
            return None
        return f"{self.saksår}/{self.sekvensnummer}"


def check_files(records: Iterable[ArchiveRecord]) -> list[str]:
    """Compare every file's recorded checksum and size with the file on disk.

    Returns one message per problem (empty = every file is what the metadata says).
    Run it after the files are in their final place, e.g. after signing.
    """
    problems = []
    for record in records:
        for f in record.files:
            if not f.path.is_file():
                problems.append(f"{f.path}: filen finnes ikke")
                continue
            size = f.path.stat().st_size
            if size != f.size:
                problems.append(f"{f.path}: størrelsen er {size} byte, metadata sier {f.size}")
            if sha256_file(f.path) != f.sha256.lower():
                problems.append(f"{f.path}: sjekksummen stemmer ikke med metadata")
    return problems


def referanse_dokumentfil(name: str) -> str:
    """A file name safe inside a message: ASCII letters, digits, ``._-`` (æøå spelled out)."""
    name = name.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o").replace("Ø", "O")
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    return name or "dokument"


def systemid(system: str, kind: str, key: str) -> str:
    """The stable systemID (a UUID5) of one object (registrering, mappe …) of a document."""
    return str(uuid.uuid5(SYSTEMID_NAMESPACE, f"{system}:{kind}:{key}"))


def record_date(record: ArchiveRecord) -> date:
    """The document date as a date (a datetime given as dokumentdato loses its time)."""
    d = record.dokumentdato
    return d.date() if isinstance(d, datetime) else d


def check_record(record: ArchiveRecord) -> None:
    """Raise ArchiveError for a record that would give a wrong or unusable registration."""
    where = f"{record.referanse_ekstern or '(uten referanse)'}"
    if not record.referanse_ekstern.strip():
        raise ArchiveError("referanse_ekstern mangler")
    if not record.tittel.strip():
        raise ArchiveError(f"{where}: tittel mangler")
    if record.kind not in KINDS:  # the dokumentkategori is a declared document kind
        raise ArchiveError(f"{where}: ukjent dokumentkategori {record.kind!r}")
    for field in ("saksbehandler", "administrativ_enhet", "kommune"):
        if not getattr(record, field).strip():
            raise ArchiveError(f"{where}: {field} mangler")
    if (record.saksår is None) != (record.sekvensnummer is None):
        raise ArchiveError(f"{where}: saksnummer trenger både saksår og sekvensnummer")
    journalposttype(record.journalposttype)
    dokumenttype(record.dokumenttype)
    dokumentstatus(record.dokumentstatus)
    tilknyttet_registrering_som(record.tilknyttet_registrering_som)
    screened = record.tilgangsrestriksjon is not None
    if screened != (record.skjermingshjemmel is not None):
        raise ArchiveError(f"{where}: skjerming trenger både tilgangsrestriksjon og hjemmel")
    if screened:
        tilgangsrestriksjon(record.tilgangsrestriksjon or "", record.skjermingshjemmel)
    if not record.files:
        raise ArchiveError(f"{where}: ingen filer å arkivere")
    seen: set[str] = set()
    for f in record.files:
        code, name = variantformat(f.variantformat)
        if code in seen:
            raise ArchiveError(f"{where}: variantformatet «{name}» finnes to ganger")
        seen.add(code)
        if not _PRONOM_ID.match(f.format):
            raise ArchiveError(f"{where}: {f.path.name}: format {f.format!r} er ikke en PRONOM-id")
        if code in ("A", "O", SIGNERT) and f.format not in ARCHIVE_FORMATS:
            raise ArchiveError(f"{where}: {f.path.name}: «{name}» må være PDF/A "
                               f"({', '.join(ARCHIVE_FORMATS)}), ikke {f.format}")
        if not re.fullmatch(r"[0-9a-fA-F]{64}", f.sha256):
            raise ArchiveError(f"{where}: {f.path.name}: sjekksummen er ikke SHA-256 (hex)")
        if not 0 <= f.size <= MAX_FILSTOERRELSE:
            raise ArchiveError(f"{where}: {f.path.name}: filstørrelsen {f.size} kan ikke oppgis")
    if "O" in seen and not screened:
        raise ArchiveError(f"{where}: en skjermet variant uten tilgangsrestriksjon og hjemmel")
    if record.arkivdel is not None and not record.arkivdel.strip():
        raise ArchiveError(f"{where}: arkivdel er tom")
    for k in record.klassifikasjon:
        if not (k.ordningsprinsipp.strip() and k.ordningsverdi.strip()):
            raise ArchiveError(f"{where}: klassifikasjon trenger ordningsprinsipp og ordningsverdi")


def file_names(files: Sequence[ArchiveFile], taken: set[str]) -> list[str]:
    """referanseDokumentfil for each file, unique within one message."""
    out = []
    for f in files:
        name = referanse_dokumentfil(f.path.name)
        candidate, n = name, 2
        while candidate.casefold() in taken:
            stem, dot, suffix = name.rpartition(".")
            candidate = f"{stem}-{n}.{suffix}" if dot else f"{name}-{n}"
            n += 1
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


