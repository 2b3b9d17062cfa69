"""The Fiks Arkiv v2 XSDs: where they are and validating an arkivmelding against them."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from lxml import etree

from ... import resources

SCHEMA_FILE = "no.ks.fiks.arkiv.v2.arkivering.arkivmelding.opprett.xsd"
SCHEMA_ENV = "STYRING_SCHEMAS"


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
