"""Noark 5 archive metadata (stage 5): records, sidecars, arkivmeldinger, CSV list, codes, XSDs."""

# The public face; the modules: codes (code lists), record (the record and its checks),
# sidecars (JSON), message (the Fiks Arkiv arkivmelding), listing (CSV), xsd (schemas),
# records (from planned documents to records, used by the build).
from ...files import sha256_file
from .codes import PRONOM, SIGNERT, ArchiveError, tilgangsrestriksjon, variantformat
from .listing import LISTING_COLUMNS, update_listing, write_listing
from .message import (
    NS_ARKIVMELDING,
    NS_METADATAKATALOG,
    NS_XSI,
    arkivmelding,
    registrations,
    write_arkivmeldinger,
)
from .record import ArchiveFile, ArchiveRecord, Klassifikasjon, check_files, referanse_dokumentfil
from .sidecars import record_from_sidecar, sidecar, write_sidecar
from .xsd import SCHEMA_ENV, validate

__all__ = [
    "LISTING_COLUMNS", "NS_ARKIVMELDING", "NS_METADATAKATALOG", "NS_XSI", "PRONOM", "SCHEMA_ENV",
    "SIGNERT", "ArchiveError", "ArchiveFile", "ArchiveRecord", "Klassifikasjon", "arkivmelding",
    "check_files", "record_from_sidecar", "referanse_dokumentfil", "registrations",
    "sha256_file", "sidecar", "tilgangsrestriksjon", "update_listing", "validate",
    "variantformat", "write_arkivmeldinger", "write_listing", "write_sidecar",
]
