"""Where things are: the repository's demo, templates and output folders.

Kept free of heavy imports so the command line starts fast.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "workbooks"
DEFAULT_OUT = ROOT / "output"
TEMPLATE_DIR = ROOT / "templates"
KIND_NAMES = ("oppdragsbrev", "tertialrapport", "utviklingsstrategi", "lederavtale")
