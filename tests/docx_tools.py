"""Independent readers for the generated files (never docxtpl): docx2python, the zip
itself, and Microsoft's Open XML SDK validator."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from docx2python import docx2python
from lxml import etree

from generator.pipeline import ROOT

VALIDATOR = ROOT / "node_modules" / ".bin" / "ooxml-validator"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text(path: Path) -> str:
    with docx2python(path) as d:
        return d.text


def tables(path: Path) -> list[list[list[str]]]:
    """Every real table (more than one row) as rows of cell texts."""
    out = []
    with docx2python(path) as d:
        for t in d.body:
            if len(t) > 1:
                out.append([["\n".join(p for p in cell if p) for cell in row] for row in t])
    return out


def table_with_header(path: Path, first: str) -> list[list[str]]:
    """All rows (header first) of the tables whose header row starts with ``first``."""
    rows: list[list[str]] = []
    for t in tables(path):
        if t[0][0] == first:
            rows += t if not rows else t[1:]
    return rows


def validate(paths: Iterable[Path]) -> dict[Path, dict]:
    """Run the Open XML SDK validator on each file (two at a time)."""
    if not VALIDATOR.exists() and not shutil.which("ooxml-validator"):
        raise RuntimeError("ooxml-validator mangler: kjør ./setup.sh")
    exe = str(VALIDATOR if VALIDATOR.exists() else shutil.which("ooxml-validator"))

    def one(p: Path) -> tuple[Path, dict]:
        done = subprocess.run([exe, str(p)], capture_output=True, text=True, timeout=120)
        return p, json.loads(done.stdout)

    with ThreadPoolExecutor(2) as pool:
        return dict(pool.map(one, list(paths)))


def images(path: Path) -> list[dict[str, str]]:
    """Every drawing in the body: its alt text and the media part it shows."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    out = [{"descr": d.get("descr", ""), "name": d.get("name", "")}
           for d in root.iter(f"{wp}docPr")]
    for item in out:
        item["media_count"] = str(len(media))
    return out
