"""The CSV list of a batch for people: one row per file, «;», UTF-8 with BOM."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ...files import write_atomic
from ...formulas import looks_like_formula
from ...texts import _
from .codes import (
    FORMAT_NAMES,
    dokumentstatus,
    dokumenttype,
    journalposttype,
    tilgangsrestriksjon,
    tilknyttet_registrering_som,
    variantformat,
)
from .record import ArchiveRecord, check_record, file_names, record_date

LISTING_COLUMNS = (
    "Tittel", "Dokumentdato", "Saksnummer", "Dokumentkategori", "Journalposttype",
    "Dokumenttype", "Tilknyttet som", "Variantformat", "Format", "Filnavn",
    "Referanse dokumentfil", "Filstørrelse (byte)", "Sjekksum (SHA-256)", "Tilgangsrestriksjon",
    "Skjermingshjemmel", "Saksbehandler", "Administrativ enhet", "Kommune", "Ekstern referanse",
    "Arkivdel", "Klassifikasjon", "Dokumentstatus", "Merknad",
)


def _cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would read as a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def write_listing(records: Iterable[ArchiveRecord], target: Path) -> Path:
    """Write the batch as a CSV for people: one row per file, «;», UTF-8 with BOM.

    Every cell that starts with ``= + - @`` (or tab/CR/LF) is prefixed with an apostrophe,
    since titles and names come from user data (spreadsheet formula injection).
    """
    rows = [row for record in records for row in listing_rows(record)]
    return _write_csv(target, rows)


def _write_csv(target: Path, rows: Iterable[Sequence[str]]) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([_(c) for c in LISTING_COLUMNS])  # in the målform (generator/texts.py)
    writer.writerows(rows)
    # archive files are written into the build's stage: atomic, not fsynced
    return write_atomic(target, buf.getvalue().encode("utf-8-sig"), durable=False)


def listing_rows(record: ArchiveRecord) -> list[list[str]]:
    """The CSV rows (one per file, cells already neutralised) of one record."""
    check_record(record)
    screened = record.tilgangsrestriksjon is not None
    restriction = (tilgangsrestriksjon(record.tilgangsrestriksjon or "",
                                       record.skjermingshjemmel) if screened else None)
    rows = []
    for f, ref in zip(record.files, file_names(record.files, set()), strict=True):
        rows.append([_cell(v) for v in (
            record.tittel,
            record_date(record).strftime("%d.%m.%Y"),
            record.saksnummer,
            _(record.kind),
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
            dokumentstatus(record.dokumentstatus)[1],
            " ".join(record.merknader),
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


