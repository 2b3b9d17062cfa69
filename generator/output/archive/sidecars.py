"""The JSON sidecar: every Noark field the archivist needs for one registration."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ...documents.common import kind_folder
from ...documents.kind import folders
from ...files import write_atomic
from .codes import (
    FORMAT_NAMES,
    MIME_TYPES,
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
    ArchiveFile,
    ArchiveRecord,
    Klassifikasjon,
    check_record,
    file_names,
    record_date,
    systemid,
)


def _kode(pair: tuple[str, str]) -> dict[str, str]:
    return {"kode": pair[0], "beskrivelse": pair[1]}


def sidecar(record: ArchiveRecord, system: str = DEFAULT_SYSTEM) -> dict[str, Any]:
    """Every Noark field the archivist needs for one registration, JSON-serialisable.

    Keys are Noark names (M-numbers in :mod:`metadatakatalog`): ``dokumentetsDato`` (M103),
    ``saksaar``/``sakssekvensnummer`` (M011/M012), code-list fields as
    ``{"kode", "beskrivelse"}``; files under ``dokumentobjekt``.
    """
    check_record(record)
    screened = record.tilgangsrestriksjon is not None
    names = file_names(record.files, set())
    return {
        "systemID": systemid(system, "registrering", record.referanse_ekstern),
        "referanseEksternNoekkel": {"fagsystem": system, "noekkel": record.referanse_ekstern},
        "arkivskaperNavn": record.kommune,
        "dokumentkategori": record.kind,
        "tittel": record.tittel,
        "dokumentetsDato": record_date(record).isoformat(),
        "saksaar": record.saksår,
        "sakssekvensnummer": record.sekvensnummer,
        "saksnummer": record.saksnummer,
        "saksbehandler": record.saksbehandler,
        "administrativEnhet": record.administrativ_enhet,
        "journalposttype": _kode(journalposttype(record.journalposttype)),
        "dokumenttype": _kode(dokumenttype(record.dokumenttype)),
        "dokumentstatus": _kode(dokumentstatus(record.dokumentstatus)),
        "merknad": list(record.merknader),
        "tilknyttetRegistreringSom": _kode(
            tilknyttet_registrering_som(record.tilknyttet_registrering_som)),
        "tilgangsrestriksjon": _kode(tilgangsrestriksjon(
            record.tilgangsrestriksjon or "", record.skjermingshjemmel)) if screened else None,
        "skjermingshjemmel": record.skjermingshjemmel,
        "arkivdel": record.arkivdel,
        "mappetittel": record.mappetittel or record.tittel,
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


def write_sidecar(record: ArchiveRecord, target: Path, system: str = DEFAULT_SYSTEM) -> Path:
    """Write the sidecar JSON (UTF-8, sorted keys, indent 2) atomically; returns ``target``."""
    text = json.dumps(sidecar(record, system), ensure_ascii=False, indent=2, sort_keys=True)
    # archive files are written into the build's stage: atomic, not fsynced
    return write_atomic(target, (text + "\n").encode("utf-8"), durable=False)


def _file(folder: Path, kind: str, name: str) -> Path:
    """Where a record's file is: in its kind's folder in the målform it was made in
    (``lederavtale/`` or ``leiaravtale/``), the active målform's when none has it."""
    return next((p for f in folders(kind) if (p := folder / f / name).is_file()),
                folder / kind_folder(kind) / name)


def record_from_sidecar(data: dict[str, Any], folder: Path) -> ArchiveRecord:
    """The record a sidecar describes (the inverse of :func:`sidecar`); files live in
    ``folder/<dokumentkategori>/<filnavn>``."""
    kind = data["dokumentkategori"]
    files = tuple(ArchiveFile(
        path=_file(Path(folder), kind, o["filnavn"]), variantformat=o["variantformat"]["kode"],
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
        arkivdel=data.get("arkivdel"), mappetittel=data.get("mappetittel") or "",
        klassifikasjon=tuple(Klassifikasjon(k["klassifikasjonssystemID"], k["klasseID"],
                                            k.get("tittel"))
                             for k in data.get("klassifikasjon", [])),
        dokumentstatus=data.get("dokumentstatus", {}).get("kode", "F"),
        merknader=tuple(str(m) for m in data.get("merknad", [])))


