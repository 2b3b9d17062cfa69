"""Archive metadata for the case-management system (Noark 5), written with lxml, no network.

For every registered document (:class:`ArchiveRecord`, one journalpost with its
dokumentbeskrivelse and the physical files as dokumentobjekter) this module writes

- a JSON sidecar with the Noark fields the archivist needs (:func:`write_sidecar`),
- a KS Fiks Arkiv v2 ``arkivmelding`` (message type
  ``no.ks.fiks.arkiv.v2.arkivering.arkivmelding.opprett``), validated against the
  shared XSD (:func:`arkivmelding`, :func:`write_arkivmeldinger`, :func:`validate`),
- a semicolon-separated CSV list of the batch for people (:func:`write_listing`).

Everything is deterministic: systemIDs are UUID5s of the external reference, and the
dates the archive wants (opprettetDato, arkivertDato, tilknyttetDato) come from the
document date at 00:00:00 unless an explicit ``now`` is given. Nothing here reads the
files themselves except :func:`sha256_file` and :func:`check_files`, so metadata can be
written while the files still sit in a staging folder.

Code values come from KS's published Fiks Arkiv v2 code lists, shipped in
``schemas/fiks-arkiv-v2/kodelister`` (see its README): journalposttype, variantformat
(A/P/O, and S for a digitally signed document), tilknyttetRegistreringSom, dokumenttype,
dokumentstatus, dokumentmedium, journalstatus, korrespondanseparttype and
tilgangsrestriksjon. A paragraph of offentleglova is never a tilgangsrestriksjon; it
belongs in the skjermingshjemmel (a lederavtale: «P» Personalsaker with «Offl. § 13 …»).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import os
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from lxml import etree

from ... import resources
from ..files import write_atomic

# --- namespaces, identifiers ------------------------------------------------------------------

NS_ARKIVMELDING = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v2"
NS_METADATAKATALOG = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v2"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: Our own namespace for ``virksomhetsspesifikkeMetadata`` (the schema's place for extras).
NS_STYRING = "urn:styringsdokumenter:arkiv:v1"
_NSMAP = {None: NS_ARKIVMELDING, "n5mdk": NS_METADATAKATALOG, "xsi": NS_XSI}

SCHEMA_FILE = "no.ks.fiks.arkiv.v2.arkivering.arkivmelding.opprett.xsd"
SCHEMA_ENV = "STYRING_SCHEMAS"
DEFAULT_SYSTEM = "styring"
#: Namespace for the UUID5 systemIDs; never change it, or every systemID changes.
SYSTEMID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:styringsdokumenter:noark5:systemid")
SJEKKSUM_ALGORITME = "SHA-256"
MAX_FILSTOERRELSE = 2**31 - 1  # filstoerrelse is an xs:int in the metadatakatalog

# --- code lists -------------------------------------------------------------------------------

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
_PRONOM_ID = re.compile(r"^(x-)?fmt/\d+$")
JOURNALSTATUS = ("F", kodeliste("journalstatus")["F"])
DOKUMENTSTATUS = ("F", kodeliste("dokumentstatus")["F"])
DOKUMENTMEDIUM = ("E", kodeliste("dokumentmedium")["E"])
INTERN_AVSENDER = ("IA", kodeliste("korrespondanseparttype")["IA"])

KINDS = ("oppdragsbrev", "tertialrapport", "utviklingsstrategi", "lederavtale")
#: Title of the saksmappe created for documents that have no case number yet.
MAPPETITTEL = {
    "oppdragsbrev": "Kommunedirektørens oppdragsbrev {år}",
    "tertialrapport": "Tertialrapporter {år}",
    "utviklingsstrategi": "Utviklingsstrategi {år}",
    "lederavtale": "Lederavtaler {år}",
}

LISTING_COLUMNS = (
    "Tittel", "Dokumentdato", "Saksnummer", "Dokumentkategori", "Journalposttype",
    "Dokumenttype", "Tilknyttet som", "Variantformat", "Format", "Filnavn",
    "Referanse dokumentfil", "Filstørrelse (byte)", "Sjekksum (SHA-256)", "Tilgangsrestriksjon",
    "Skjermingshjemmel", "Saksbehandler", "Administrativ enhet", "Kommune", "Ekstern referanse",
    "Arkivdel", "Klassifikasjon",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ArchiveError(ValueError):
    """Archive metadata that cannot be written as given; the message says what is wrong."""


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

    @property
    def saksnummer(self) -> str | None:
        """The case number as people write it (``2026/146``), or None."""
        if self.saksår is None or self.sekvensnummer is None:
            return None
        return f"{self.saksår}/{self.sekvensnummer}"


# --- small helpers ----------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file as lowercase hex, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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


def referanse_dokumentfil(name: str) -> str:
    """A file name safe inside a message: ASCII letters, digits, ``._-`` (æøå spelled out)."""
    name = name.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o").replace("Ø", "O")
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    return name or "dokument"


def _systemid(system: str, kind: str, key: str) -> str:
    return str(uuid.uuid5(SYSTEMID_NAMESPACE, f"{system}:{kind}:{key}"))


def _timestamp(record: ArchiveRecord, now: datetime | None) -> str:
    moment = now if now is not None else datetime.combine(_dokumentdato(record), time())
    return moment.isoformat(timespec="seconds")


def _dokumentdato(record: ArchiveRecord) -> date:
    d = record.dokumentdato
    return d.date() if isinstance(d, datetime) else d


def _year_for_folder(record: ArchiveRecord) -> int:
    return _dokumentdato(record).year


def _mappe_noekkel(record: ArchiveRecord) -> str:
    return f"saksmappe-{record.kind}-{_year_for_folder(record)}"


def _check(record: ArchiveRecord) -> None:
    """Raise ArchiveError for a record that would give a wrong or unusable registration."""
    where = f"{record.referanse_ekstern or '(uten referanse)'}"
    if not record.referanse_ekstern.strip():
        raise ArchiveError("referanse_ekstern mangler")
    if not record.tittel.strip():
        raise ArchiveError(f"{where}: tittel mangler")
    if record.kind not in KINDS:
        raise ArchiveError(f"{where}: ukjent dokumentkategori {record.kind!r}")
    for field in ("saksbehandler", "administrativ_enhet", "kommune"):
        if not getattr(record, field).strip():
            raise ArchiveError(f"{where}: {field} mangler")
    if (record.saksår is None) != (record.sekvensnummer is None):
        raise ArchiveError(f"{where}: saksnummer trenger både saksår og sekvensnummer")
    journalposttype(record.journalposttype)
    dokumenttype(record.dokumenttype)
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


# --- sidecar ----------------------------------------------------------------------------------


def _kode(pair: tuple[str, str]) -> dict[str, str]:
    return {"kode": pair[0], "beskrivelse": pair[1]}


def _file_names(files: Sequence[ArchiveFile], taken: set[str]) -> list[str]:
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


def sidecar(record: ArchiveRecord, system: str = DEFAULT_SYSTEM) -> dict[str, Any]:
    """Every Noark field the archivist needs for one registration, JSON-serialisable.

    Keys are Noark names (M-numbers in :mod:`metadatakatalog`): ``dokumentetsDato`` (M103),
    ``saksaar``/``sakssekvensnummer`` (M011/M012), code-list fields as
    ``{"kode", "beskrivelse"}``; files under ``dokumentobjekt``.
    """
    _check(record)
    screened = record.tilgangsrestriksjon is not None
    names = _file_names(record.files, set())
    return {
        "systemID": _systemid(system, "registrering", record.referanse_ekstern),
        "referanseEksternNoekkel": {"fagsystem": system, "noekkel": record.referanse_ekstern},
        "arkivskaperNavn": record.kommune,
        "dokumentkategori": record.kind,
        "tittel": record.tittel,
        "dokumentetsDato": _dokumentdato(record).isoformat(),
        "saksaar": record.saksår,
        "sakssekvensnummer": record.sekvensnummer,
        "saksnummer": record.saksnummer,
        "saksbehandler": record.saksbehandler,
        "administrativEnhet": record.administrativ_enhet,
        "journalposttype": _kode(journalposttype(record.journalposttype)),
        "dokumenttype": _kode(dokumenttype(record.dokumenttype)),
        "tilknyttetRegistreringSom": _kode(
            tilknyttet_registrering_som(record.tilknyttet_registrering_som)),
        "tilgangsrestriksjon": _kode(tilgangsrestriksjon(
            record.tilgangsrestriksjon or "", record.skjermingshjemmel)) if screened else None,
        "skjermingshjemmel": record.skjermingshjemmel,
        "arkivdel": record.arkivdel,
        "klassifikasjon": [{"klassifikasjonssystemID": k.ordningsprinsipp,
                            "klasseID": k.ordningsverdi, "tittel": k.tittel}
                           for k in record.klassifikasjon],
        "dokumentobjekt": [
            {
                "versjonsnummer": 1,
                "variantformat": _kode(variantformat(f.variantformat)),
                "format": {"kode": f.format, "beskrivelse": FORMAT_NAMES.get(f.format, f.format)},
                "mimeType": MIME_TYPES.get(f.format),
                "filnavn": f.path.name,
                "referanseDokumentfil": ref,
                "sjekksum": f.sha256.lower(),
                "sjekksumAlgoritme": SJEKKSUM_ALGORITME,
                "filstoerrelse": f.size,
            }
            for f, ref in zip(record.files, names, strict=True)
        ],
    }


def _write_atomic(target: Path, data: bytes) -> Path:
    """Archive files are written into the build's staging folder: atomic, not fsynced."""
    return write_atomic(target, data, durable=False)


def write_sidecar(record: ArchiveRecord, target: Path, system: str = DEFAULT_SYSTEM) -> Path:
    """Write the sidecar JSON (UTF-8, sorted keys, indent 2) atomically; returns ``target``."""
    text = json.dumps(sidecar(record, system), ensure_ascii=False, indent=2, sort_keys=True)
    return _write_atomic(target, (text + "\n").encode("utf-8"))


# --- arkivmelding -----------------------------------------------------------------------------


def _am(parent: etree._Element, tag: str, text: str | int | None = None) -> etree._Element:
    """A child element in the arkivmelding namespace."""
    el = etree.SubElement(parent, f"{{{NS_ARKIVMELDING}}}{tag}")
    if text is not None:
        el.text = str(text)
    return el


def _md(parent: etree._Element, tag: str, text: str | int | None = None) -> etree._Element:
    """A child element in the metadatakatalog namespace (children of its complex types)."""
    el = etree.SubElement(parent, f"{{{NS_METADATAKATALOG}}}{tag}")
    if text is not None:
        el.text = str(text)
    return el


def _kode_el(parent: etree._Element, tag: str, pair: tuple[str, str]) -> etree._Element:
    el = _am(parent, tag)
    _md(el, "kode", pair[0])
    _md(el, "beskrivelse", pair[1])
    return el


def _ekstern_noekkel(parent: etree._Element, tag: str, system: str, key: str,
                     ns: str = NS_ARKIVMELDING) -> None:
    el = etree.SubElement(parent, f"{{{ns}}}{tag}")
    _md(el, "fagsystem", system)
    _md(el, "noekkel", key)


def _skjerming(parent: etree._Element, record: ArchiveRecord) -> None:
    if record.tilgangsrestriksjon is None:
        return
    el = _am(parent, "skjerming")
    _kode_el(el, "tilgangsrestriksjon",
             tilgangsrestriksjon(record.tilgangsrestriksjon, record.skjermingshjemmel))
    _am(el, "skjermingshjemmel", record.skjermingshjemmel)


def _saksmappe(root: etree._Element, record: ArchiveRecord, system: str,
               now: datetime | None) -> None:
    """A new saksmappe for a document without case number, found again by its external key."""
    mappe = _am(root, "mappe")
    mappe.set(f"{{{NS_XSI}}}type", "saksmappe")
    key = _mappe_noekkel(record)
    _am(mappe, "systemID", _systemid(system, "mappe", key))
    _am(mappe, "tittel", MAPPETITTEL[record.kind].format(år=_year_for_folder(record)))
    _kode_el(mappe, "dokumentmedium", DOKUMENTMEDIUM)
    _am(mappe, "opprettetDato", _timestamp(record, now))
    _am(mappe, "opprettetAv", record.saksbehandler)
    if record.arkivdel:
        _md(_am(mappe, "arkivdel"), "kode", record.arkivdel)
    for k in record.klassifikasjon:
        el = _am(mappe, "klassifikasjon")
        _am(el, "klassifikasjonssystemID", k.ordningsprinsipp)
        _am(el, "klasseID", k.ordningsverdi)
        if k.tittel:
            _am(el, "tittel", k.tittel)
    _ekstern_noekkel(mappe, "referanseEksternNoekkel", system, key)
    _am(mappe, "saksdato", _dokumentdato(record).isoformat())
    _md(_am(mappe, "administrativEnhet"), "navn", record.administrativ_enhet)
    _md(_am(mappe, "saksansvarlig"), "navn", record.saksbehandler)


def _dokumentbeskrivelse(reg: etree._Element, record: ArchiveRecord, nummer: int,
                         names: list[str], system: str, now: datetime | None) -> None:
    db = _am(reg, "dokumentbeskrivelse")
    _am(db, "systemID", _systemid(system, "dokumentbeskrivelse", record.referanse_ekstern))
    _kode_el(db, "dokumenttype", dokumenttype(record.dokumenttype))
    _kode_el(db, "dokumentstatus", DOKUMENTSTATUS)
    _am(db, "tittel", record.tittel)
    _am(db, "opprettetDato", _timestamp(record, now))
    _am(db, "opprettetAv", record.saksbehandler)
    _kode_el(db, "dokumentmedium", DOKUMENTMEDIUM)
    _kode_el(db, "tilknyttetRegistreringSom",
             tilknyttet_registrering_som(record.tilknyttet_registrering_som))
    _am(db, "dokumentnummer", nummer)
    _am(db, "tilknyttetDato", _timestamp(record, now))
    _am(db, "tilknyttetAv", record.saksbehandler)
    _skjerming(db, record)
    for f, ref in zip(record.files, names, strict=True):
        code, name = variantformat(f.variantformat)
        obj = _am(db, "dokumentobjekt")
        _am(obj, "systemID",
            _systemid(system, "dokumentobjekt", f"{record.referanse_ekstern}:{code}"))
        _am(obj, "versjonsnummer", 1)
        _kode_el(obj, "variantformat", (code, name))
        _kode_el(obj, "format", (f.format, FORMAT_NAMES.get(f.format, f.format)))
        if f.format in MIME_TYPES:
            _am(obj, "mimeType", MIME_TYPES[f.format])
        _am(obj, "filnavn", f.path.name)
        _am(obj, "referanseDokumentfil", ref)
        _am(obj, "sjekksum", f.sha256.lower())
        _am(obj, "sjekksumAlgoritme", SJEKKSUM_ALGORITME)
        _am(obj, "filstoerrelse", f.size)


def _registration(records: Sequence[ArchiveRecord]) -> list[ArchiveRecord]:
    """The records of one registration, hoveddokument first; raises if they do not fit."""
    if not records:
        raise ArchiveError("en arkivmelding trenger minst ett dokument")
    for r in records:
        _check(r)
    main = [r for r in records if tilknyttet_registrering_som(r.tilknyttet_registrering_som)[0]
            == "H"]
    if len(main) != 1:
        raise ArchiveError(
            f"en arkivmelding har én registrering med ett hoveddokument, fikk {len(main)} "
            f"({', '.join(r.referanse_ekstern for r in main) or 'ingen'}); bruk "
            "write_arkivmeldinger for flere registreringer")
    head = main[0]
    ordered = [head, *(r for r in records if r is not head)]
    refs = [r.referanse_ekstern for r in ordered]
    if len(set(refs)) != len(refs):
        raise ArchiveError(f"samme referanse_ekstern to ganger: {refs}")
    for r in ordered[1:]:
        if (r.saksår, r.sekvensnummer) != (head.saksår, head.sekvensnummer):
            raise ArchiveError(f"vedlegget {r.referanse_ekstern} har et annet saksnummer enn "
                               f"hoveddokumentet {head.referanse_ekstern}")
    return ordered


def arkivmelding(records: Sequence[ArchiveRecord] | ArchiveRecord, system: str = DEFAULT_SYSTEM,
                 *, now: datetime | None = None) -> bytes:
    """One KS Fiks Arkiv v2 ``arkivmelding`` (opprett) as UTF-8 XML bytes.

    The schema allows one ``registrering`` per message, so ``records`` is one registration:
    exactly one Hoveddokument plus any Vedlegg (same case). It becomes a ``journalpost``
    with one ``dokumentbeskrivelse`` per record (dokumentnummer 1, 2, …) and one
    ``dokumentobjekt`` per file. With a case number the journalpost points to the existing
    saksmappe (``referanseForelderMappe/saksnummer``); without, the message also creates a
    ``saksmappe`` per kind and year (external key ``saksmappe-<kind>-<year>``) that the
    archive finds again for the next document, and the journalpost refers to that key.
    Times are the document date at 00:00:00 unless ``now`` is given.
    """
    if isinstance(records, ArchiveRecord):
        records = [records]
    ordered = _registration(list(records))
    head = ordered[0]

    root = etree.Element(f"{{{NS_ARKIVMELDING}}}arkivmelding", nsmap=_NSMAP)
    _am(root, "system", system)
    _am(root, "antallFiler", sum(len(r.files) for r in ordered))
    if head.saksnummer is None:
        _saksmappe(root, head, system, now)

    reg = _am(root, "registrering")
    reg.set(f"{{{NS_XSI}}}type", "journalpost")
    stamp = _timestamp(head, now)
    _am(reg, "systemID", _systemid(system, "registrering", head.referanse_ekstern))
    _am(reg, "opprettetDato", stamp)
    _am(reg, "opprettetAv", head.saksbehandler)
    _am(reg, "arkivertDato", stamp)
    _am(reg, "arkivertAv", head.saksbehandler)
    parent = _am(reg, "referanseForelderMappe")
    if head.saksnummer is None:
        _ekstern_noekkel(parent, "referanseEksternNoekkel", system, _mappe_noekkel(head),
                         ns=NS_METADATAKATALOG)
    else:
        saksnummer = _md(parent, "saksnummer")
        _md(saksnummer, "saksaar", head.saksår)
        _md(saksnummer, "sakssekvensnummer", head.sekvensnummer)
    _skjerming(reg, head)
    taken: set[str] = set()
    for nummer, record in enumerate(ordered, start=1):
        names = _file_names(record.files, taken)
        _dokumentbeskrivelse(reg, record, nummer, names, system, now)
    _am(reg, "tittel", head.tittel)
    _kode_el(reg, "dokumentmedium", DOKUMENTMEDIUM)
    extra = _am(reg, "virksomhetsspesifikkeMetadata")
    styring = etree.SubElement(extra, f"{{{NS_STYRING}}}styringsdokument",
                               nsmap={"styring": NS_STYRING})
    etree.SubElement(styring, f"{{{NS_STYRING}}}kommune").text = head.kommune
    etree.SubElement(styring, f"{{{NS_STYRING}}}dokumentkategori").text = head.kind
    jp_code = journalposttype(head.journalposttype)
    if jp_code[0] != "I":  # our documents leave the administration; the unit is the sender
        part = _am(reg, "korrespondansepart")
        _kode_el(part, "korrespondanseparttype", INTERN_AVSENDER)
        _am(part, "korrespondansepartNavn", head.administrativ_enhet)
        _md(_am(part, "administrativEnhet"), "navn", head.administrativ_enhet)
        _md(_am(part, "saksbehandler"), "navn", head.saksbehandler)
    _ekstern_noekkel(reg, "referanseEksternNoekkel", system, head.referanse_ekstern)
    _kode_el(reg, "journalposttype", jp_code)
    _kode_el(reg, "journalstatus", JOURNALSTATUS)
    _am(reg, "dokumentetsDato", _dokumentdato(head).isoformat())
    _am(reg, "antallVedlegg", len(ordered) - 1)

    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def registrations(records: Iterable[ArchiveRecord]) -> list[list[ArchiveRecord]]:
    """Group records into registrations: each Vedlegg joins the nearest Hoveddokument before it."""
    groups: list[list[ArchiveRecord]] = []
    for record in records:
        code = tilknyttet_registrering_som(record.tilknyttet_registrering_som)[0]
        if code == "H":
            groups.append([record])
        elif not groups:
            raise ArchiveError(f"vedlegget {record.referanse_ekstern} kommer før noe hoveddokument")
        else:
            groups[-1].append(record)
    return groups


def message_name(record: ArchiveRecord) -> str:
    """The stable file name of the message for a registration (its hoveddokument)."""
    return f"arkivmelding-{referanse_dokumentfil(record.referanse_ekstern)}.xml"


def write_arkivmeldinger(records: Iterable[ArchiveRecord], folder: Path,
                         system: str = DEFAULT_SYSTEM, *, now: datetime | None = None,
                         check: bool | None = None) -> list[Path]:
    """Write one arkivmelding per registration into ``folder``; returns the paths in order.

    Granularity: one message per registration, because the opprett schema allows at most
    one ``registrering`` (and one ``mappe``) per message; registrations that share a case
    (all lederavtaler in 2026/146) are separate messages pointing to the same saksnummer.
    A record with tilknyttet_registrering_som «Vedlegg» joins the nearest Hoveddokument
    before it (see :func:`registrations`). File names come from the hoveddokument's
    referanse_ekstern: ``arkivmelding-<referanse_ekstern>.xml``.

    ``check``: validate each message against the XSD before writing (True: always, raises
    if the schema is missing; None: when the schema folder exists; False: never).
    """
    groups = registrations(records)
    names = [message_name(g[0]) for g in groups]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ArchiveError(f"to registreringer gir samme filnavn: {', '.join(dupes)}")
    do_check = check if check is not None else (schema_dir() / SCHEMA_FILE).is_file()
    messages = []
    for group, name in zip(groups, names, strict=True):
        xml = arkivmelding(group, system, now=now)
        if do_check:
            errors = validate(xml)
            if errors:
                raise ArchiveError(f"{name} er ikke gyldig mot skjemaet: " + "; ".join(errors))
        messages.append((Path(folder) / name, xml))
    return [_write_atomic(path, xml) for path, xml in messages]


# --- CSV listing ------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would read as a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_listing(records: Iterable[ArchiveRecord], target: Path) -> Path:
    """Write the batch as a CSV for people: one row per file, «;», UTF-8 with BOM.

    Every cell that starts with ``= + - @`` (or tab/CR) is prefixed with an apostrophe,
    since titles and names come from user data (spreadsheet formula injection).
    """
    rows = [row for record in records for row in listing_rows(record)]
    return _write_csv(target, rows)


def _write_csv(target: Path, rows: Iterable[Sequence[str]]) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(LISTING_COLUMNS)
    writer.writerows(rows)
    return _write_atomic(target, buf.getvalue().encode("utf-8-sig"))


def listing_rows(record: ArchiveRecord) -> list[list[str]]:
    """The CSV rows (one per file, cells already neutralised) of one record."""
    _check(record)
    screened = record.tilgangsrestriksjon is not None
    restriction = (tilgangsrestriksjon(record.tilgangsrestriksjon or "",
                                       record.skjermingshjemmel) if screened else None)
    rows = []
    for f, ref in zip(record.files, _file_names(record.files, set()), strict=True):
        rows.append([_cell(v) for v in (
            record.tittel,
            _dokumentdato(record).strftime("%d.%m.%Y"),
            record.saksnummer,
            record.kind,
            journalposttype(record.journalposttype)[1],
            dokumenttype(record.dokumenttype)[1],
            tilknyttet_registrering_som(record.tilknyttet_registrering_som)[1],
            variantformat(f.variantformat)[1],
            f"{f.format} ({FORMAT_NAMES[f.format]})" if f.format in FORMAT_NAMES
            else f.format,
            f.path.name,
            ref,
            f.size,
            f.sha256.lower(),
            f"{restriction[0]} – {restriction[1]}" if restriction else "",
            record.skjermingshjemmel,
            record.saksbehandler,
            record.administrativ_enhet,
            record.kommune,
            record.referanse_ekstern,
            record.arkivdel,
            ", ".join(map(str, record.klassifikasjon)),
        )])
    return rows


def update_listing(target: Path, record: ArchiveRecord) -> Path:
    """Replace one record's rows in an existing CSV list (in place), or add them at the end."""
    rows: list[list[str]] = []
    if target.is_file():
        with open(target, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=";"))[1:]
    col = LISTING_COLUMNS.index("Ekstern referanse")
    new = listing_rows(record)
    at = next((i for i, r in enumerate(rows) if len(r) > col
               and r[col] == _cell(record.referanse_ekstern)), len(rows))
    rows = [r for r in rows if not (len(r) > col and r[col] == _cell(record.referanse_ekstern))]
    return _write_csv(target, rows[:at] + new + rows[at:])


def record_from_sidecar(data: dict[str, Any], folder: Path) -> ArchiveRecord:
    """The record a sidecar describes (the inverse of :func:`sidecar`); files live in
    ``folder/<dokumentkategori>/<filnavn>``."""
    kind = data["dokumentkategori"]
    files = tuple(ArchiveFile(
        path=Path(folder) / kind / o["filnavn"], variantformat=o["variantformat"]["kode"],
        format=o["format"]["kode"], sha256=o["sjekksum"], size=int(o["filstoerrelse"]))
        for o in data["dokumentobjekt"])
    restriction = data.get("tilgangsrestriksjon")
    return ArchiveRecord(
        tittel=data["tittel"], dokumentdato=date.fromisoformat(data["dokumentetsDato"]),
        kind=kind, saksår=data.get("saksaar"), sekvensnummer=data.get("sakssekvensnummer"),
        saksbehandler=data["saksbehandler"], administrativ_enhet=data["administrativEnhet"],
        journalposttype=data["journalposttype"]["kode"],
        dokumenttype=data["dokumenttype"]["kode"],
        tilknyttet_registrering_som=data["tilknyttetRegistreringSom"]["kode"],
        tilgangsrestriksjon=restriction["kode"] if restriction else None,
        skjermingshjemmel=data.get("skjermingshjemmel"), files=files,
        kommune=data["arkivskaperNavn"],
        referanse_ekstern=data["referanseEksternNoekkel"]["noekkel"],
        arkivdel=data.get("arkivdel"),
        klassifikasjon=tuple(Klassifikasjon(k["klassifikasjonssystemID"], k["klasseID"],
                                            k.get("tittel"))
                             for k in data.get("klassifikasjon", [])))


# --- validation -------------------------------------------------------------------------------


def schema_dir() -> Path:
    """The folder with the Fiks Arkiv v2 XSDs.

    ``$STYRING_SCHEMAS`` first (the fiks-arkiv-v2 folder or one containing it), else the
    copy shipped in the package.
    """
    override = os.environ.get(SCHEMA_ENV)
    if override:
        base = Path(override).expanduser()
        return base / "fiks-arkiv-v2" if (base / "fiks-arkiv-v2").is_dir() else base
    return resources.schema_dir()


@functools.lru_cache(maxsize=4)
def _schema(folder: Path) -> etree.XMLSchema:
    path = folder / SCHEMA_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"fant ikke {SCHEMA_FILE} i {folder}; sett {SCHEMA_ENV} til mappen med skjemaene")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(str(path), parser))


def validate(xml: bytes) -> list[str]:
    """Validate an arkivmelding against the shared XSD; returns error messages (empty = valid).

    The compiled schema is cached per folder. Raises FileNotFoundError if the schema is missing.
    """
    schema = _schema(schema_dir().resolve())
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        doc = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as e:
        return [f"XML: {e}"]
    if schema.validate(doc):
        return []
    return [f"linje {e.line}: {e.message}" for e in schema.error_log]
