"""Where things are: the bundled templates, and where a build reads and writes.

The convention (the same for ``styring build`` and the Excel button): the documents go
to the folder ``dokumenter`` beside the workbooks (``--out`` or the button's «Utmappe»
says otherwise). Without workbook arguments the commands read the current folder.
Nothing is ever written into the installation.

Kept free of heavy imports so the command line starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import resources

ROOT = Path(__file__).resolve().parent.parent
"""The source checkout (tests and developer tools only; not used at run time)."""
DEMO_DIR = ROOT / "workbooks"
"""The committed demo workbooks of the source checkout (tests only)."""
OUT_FOLDER = "dokumenter"
OUT_FOLDER_NYNORSK = "dokument"
#: The file name a nynorsk workbook set has (``input.schema.workbook_file`` in nynorsk; a test
#: keeps the two the same): beside it, documents go to «dokument», not «dokumenter».
NYNORSK_WORKBOOK = "leiaravtalar"


def cache_folder() -> Path | None:
    """The user's own cache folder for what the product compiles or checks once (see
    :mod:`generator.rendering.compiled`), not made yet; None when turned off
    (``STYRING_CACHE=av``). ``STYRING_CACHE`` names another folder; else
    ``%LOCALAPPDATA%\\styringsdokumenter\\cache`` on Windows and
    ``$XDG_CACHE_HOME/styringsdokumenter`` or ``~/.cache/styringsdokumenter`` elsewhere. Never
    the output folder: that is often a shared drive, and these files are trusted as checked."""
    named = os.environ.get("STYRING_CACHE")
    if named is not None:
        return None if named.strip().lower() in ("", "av", "0", "off", "nei") else Path(named)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "styringsdokumenter" / "cache"
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no home folder to be found: no cache
            return None
    return Path(base) / "styringsdokumenter"


def bundled_templates() -> Path:
    """The Word templates that come with the product."""
    return resources.templates_dir()


TEMPLATE_DIR = bundled_templates()


def workbook_folder(inputs: Sequence[Path]) -> Path:
    """The folder of the workbooks: the first input folder, or the first file's folder."""
    first = inputs[0] if inputs else Path.cwd()
    return first if first.is_dir() or not first.suffix else first.parent


def default_out(inputs: Sequence[Path]) -> Path:
    """``dokumenter`` beside the workbooks (``dokument`` beside a nynorsk set)."""
    folder = workbook_folder(inputs)
    return folder / out_folder_name(folder)


def out_folder_name(folder: Path) -> str:
    """The output folder's name beside the workbooks in ``folder``: one the product has
    already built into (a municipality that switches målform keeps its folder; a person's own
    folder that happens to have the name is not taken), else «dokument» beside a
    nynorsk workbook set and «dokumenter» otherwise. Decided from the files alone, before
    any workbook is read, so the no-change answer and the Excel button agree with it."""
    for name in (OUT_FOLDER, OUT_FOLDER_NYNORSK):  # one the product has built into
        if any((folder / name).glob("*/manifest.json")):
            return name
    nynorsk = any((folder / f"{NYNORSK_WORKBOOK}{ext}").is_file() for ext in (".xlsx", ".xlsm"))
    return OUT_FOLDER_NYNORSK if nynorsk else OUT_FOLDER


def default_inputs(inputs: Sequence[Path] | None) -> list[Path]:
    """The workbooks given, or the current folder."""
    return list(inputs) if inputs else [Path.cwd()]
