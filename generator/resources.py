"""Files the product reads at run time, found through :mod:`importlib.resources`.

In an installed wheel they are package data: the Word templates in ``generator/templates/``
(copied there from the repository's top-level ``templates/`` by setup.py) and the Fiks Arkiv
schemas and code lists in ``generator/output/archive/schemas/``. In a source checkout (run
with PYTHONPATH, or an editable install) the templates are the repository's ``templates/``.
Nothing here writes: the installation is read-only to the product.

Kept free of heavy imports so the no-change build stays fast.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = "generator"
FIKS_ARKIV = ("output", "archive", "schemas", "fiks-arkiv-v2")


def package_path(*parts: str) -> Path:
    """A file or folder inside the installed ``generator`` package, as a real path.

    The package is installed as files (wheel, editable or source checkout), never zipped,
    so the traversable is a :class:`pathlib.Path`; lxml and docxtpl need real paths.
    """
    return Path(str(files(PACKAGE).joinpath(*parts)))


def templates_dir() -> Path:
    """The bundled Word templates: package data, or ``templates/`` of a source checkout."""
    bundled = package_path("templates")
    if bundled.is_dir():
        return bundled
    return package_path().parent / "templates"


def schema_dir() -> Path:
    """The shipped Fiks Arkiv v2 XSDs (``metadatakatalog.xsd`` and the arkivmelding schema)."""
    return package_path(*FIKS_ARKIV)


def kodelister_dir() -> Path:
    """The shipped Fiks Arkiv v2 code lists (one JSON file per list)."""
    return package_path(*FIKS_ARKIV, "kodelister")
