"""Where things are: the bundled templates, and where a build reads and writes.

The convention (the same for ``styring build`` and the Excel button): the documents go
to the folder ``dokumenter`` beside the workbooks (``--out`` or the button's «Utmappe»
says otherwise). Without workbook arguments the commands read the current folder.
Nothing is ever written into the installation.

Kept free of heavy imports so the command line starts fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import resources

ROOT = Path(__file__).resolve().parent.parent
"""The source checkout (tests and developer tools only; not used at run time)."""
DEMO_DIR = ROOT / "workbooks"
"""The committed demo workbooks of the source checkout (tests only)."""
OUT_FOLDER = "dokumenter"


def bundled_templates() -> Path:
    """The Word templates that come with the product."""
    return resources.templates_dir()


TEMPLATE_DIR = bundled_templates()


def workbook_folder(inputs: Sequence[Path]) -> Path:
    """The folder of the workbooks: the first input folder, or the first file's folder."""
    first = inputs[0] if inputs else Path.cwd()
    return first if first.is_dir() or not first.suffix else first.parent


def default_out(inputs: Sequence[Path]) -> Path:
    """``dokumenter`` beside the workbooks."""
    return workbook_folder(inputs) / OUT_FOLDER


def default_inputs(inputs: Sequence[Path] | None) -> list[Path]:
    """The workbooks given, or the current folder."""
    return list(inputs) if inputs else [Path.cwd()]
