"""The KS Fiks Arkiv v2 ``arkivmelding`` (``no.ks.fiks.arkiv.v2.arkivering.arkivmelding.opprett``).

One message per registration, written with lxml and validated against the shared XSD
(:mod:`.xsd`). Deterministic: the dates it states (opprettetDato, tilknyttetDato) come from
the document date at 00:00:00 unless an explicit ``now`` is given. Only dates that are true
when the message is written go in: ``arkivertDato``/``arkivertAv`` (optional in the
schema) are left to the archive, which sets them when it files the registration.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time
from pathlib import Path

from lxml import etree

from ... import DISTRIBUTION, __version__
from ...files import write_atomic
from .codes import (
    DOKUMENTMEDIUM,
    FORMAT_NAMES,
    INTERN_AVSENDER,
    JOURNALSTATUS,
    MERKNAD_FRA_SAKSBEHANDLER,
    MIME_TYPES,
    ArchiveError,
    dokumentstatus,
    dokumenttype,
    journalposttype,
    tilgangsrestriksjon,
    tilknyttet_registrering_som,
    variantformat,
)
from .record import (
    DEFAULT_SYSTEM,
    SJEKKSUM_ALGORITME,
    ArchiveRecord,
    check_record,
    file_names,
    record_date,
    referanse_dokumentfil,
    systemid,
)
from .xsd import SCHEMA_FILE, schema_dir, validate

NS_ARKIVMELDING = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v2"
NS_METADATAKATALOG = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v2"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: Our own namespace for ``virksomhetsspesifikkeMetadata`` (the schema's place for extras).
NS_STYRING = "urn:styringsdokumenter:arkiv:v1"
_NSMAP = {None: NS_ARKIVMELDING, "n5mdk": NS_METADATAKATALOG, "xsi": NS_XSI}


def _timestamp(record: ArchiveRecord, now: datetime | None) -> str:
    moment = now if now is not None else datetime.combine(record_date(record), time())
    return moment.isoformat(timespec="seconds")


def _year_for_folder(record: ArchiveRecord) -> int:
    return record_date(record).year


def _mappe_noekkel(record: ArchiveRecord) -> str:
    return f"saksmappe-{record.kind}-{_year_for_folder(record)}"


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
    _am(mappe, "systemID", systemid(system, "mappe", key))
    _am(mappe, "tittel", record.mappetittel or record.tittel)
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
    _am(mappe, "saksdato", record_date(record).isoformat())
    _md(_am(mappe, "administrativEnhet"), "navn", record.administrativ_enhet)
    _md(_am(mappe, "saksansvarlig"), "navn", record.saksbehandler)


def _dokumentbeskrivelse(reg: etree._Element, record: ArchiveRecord, nummer: int,
                         names: list[str], system: str, now: datetime | None) -> None:
    db = _am(reg, "dokumentbeskrivelse")
    _am(db, "systemID", systemid(system, "dokumentbeskrivelse", record.referanse_ekstern))
    _kode_el(db, "dokumenttype", dokumenttype(record.dokumenttype))
    _kode_el(db, "dokumentstatus", dokumentstatus(record.dokumentstatus))
    _am(db, "tittel", record.tittel)
    _am(db, "opprettetDato", _timestamp(record, now))
    _am(db, "opprettetAv", record.saksbehandler)
    _kode_el(db, "dokumentmedium", DOKUMENTMEDIUM)
    _kode_el(db, "tilknyttetRegistreringSom",
             tilknyttet_registrering_som(record.tilknyttet_registrering_som))
    _am(db, "dokumentnummer", nummer)
    _am(db, "tilknyttetDato", _timestamp(record, now))
    _am(db, "tilknyttetAv", record.saksbehandler)
    for text in record.merknader:
        merknad = _am(db, "merknad")
        _am(merknad, "merknadstekst", text)
        _kode_el(merknad, "merknadstype", MERKNAD_FRA_SAKSBEHANDLER)
    _skjerming(db, record)
    for f, ref in zip(record.files, names, strict=True):
        code, name = variantformat(f.variantformat)
        obj = _am(db, "dokumentobjekt")
        _am(obj, "systemID",
            systemid(system, "dokumentobjekt", f"{record.referanse_ekstern}:{code}"))
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
        check_record(r)
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
    _am(reg, "systemID", systemid(system, "registrering", head.referanse_ekstern))
    _am(reg, "opprettetDato", stamp)
    _am(reg, "opprettetAv", head.saksbehandler)
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
        names = file_names(record.files, taken)
        _dokumentbeskrivelse(reg, record, nummer, names, system, now)
    _am(reg, "tittel", head.tittel)
    _kode_el(reg, "dokumentmedium", DOKUMENTMEDIUM)
    extra = _am(reg, "virksomhetsspesifikkeMetadata")
    styring = etree.SubElement(extra, f"{{{NS_STYRING}}}styringsdokument",
                               nsmap={"styring": NS_STYRING})
    etree.SubElement(styring, f"{{{NS_STYRING}}}kommune").text = head.kommune
    etree.SubElement(styring, f"{{{NS_STYRING}}}dokumentkategori").text = head.kind
    # Which program (and version, from the package metadata) made the registration.
    etree.SubElement(styring, f"{{{NS_STYRING}}}programversjon").text = (
        f"{DISTRIBUTION} {__version__}")
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
    _am(reg, "dokumentetsDato", record_date(head).isoformat())
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
    # archive files are written into the build's stage: atomic, not fsynced
    return [write_atomic(path, xml, durable=False) for path, xml in messages]


