"""A first look inside an .xlsx/.xlsm file before openpyxl gets it.

Finds what a spreadsheet library does not tell, or tells too late: whether the
file is a workbook at all (old .xls, password-protected, broken), whether it is
a zip bomb, which cells hold a formula without a cached value, and where the
Excel tables (ListObjects) are. Only reads; never changes the file.
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import InputError

# Limits that keep a hostile or absurd file from exhausting memory.
MAX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_RATIO = 150
MAX_ENTRIES = 10_000

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_C = f"{{{NS['m']}}}c"
_F = f"{{{NS['m']}}}f"
_V = f"{{{NS['m']}}}v"
_SI = f"{{{NS['m']}}}si"
_T = f"{{{NS['m']}}}t"
_RPH = f"{{{NS['m']}}}rPh"


class WorkbookFileError(InputError):
    """The file cannot be read as a workbook; the message says why in bokmål."""


@dataclass
class SheetPart:
    name: str
    path: str
    tables: list[str] = field(default_factory=list)
    formulas_without_value: set[str] = field(default_factory=set)
    bad_numbers: dict[str, str] = field(default_factory=dict)  # cell → the stored text


@dataclass
class Package:
    path: Path
    sheets: dict[str, SheetPart]
    shared_strings: list[str] | None = None


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """OOXML's ``_xHHHH_`` escapes, decoded left to right (``_x005F_`` is a literal «_»)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def inspect(path: Path) -> Package:
    """Check that ``path`` is a readable, sane workbook and describe its sheets."""
    name = path.name
    if path.suffix.lower() == ".xls":
        raise WorkbookFileError(
            "filen er i det gamle .xls-formatet. Åpne den i Excel og lagre som "
            "«Excel-arbeidsbok (*.xlsx)».")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise WorkbookFileError("filen finnes ikke.") from None
    except PermissionError:
        raise WorkbookFileError(
            "filen kan ikke leses (ingen tilgang, eller den er låst av et annet program). "
            "Lukk den i Excel og prøv igjen.") from None
    except OSError as e:
        raise WorkbookFileError(f"filen kan ikke leses ({e.strerror}).") from None
    if head == OLE_MAGIC:
        raise WorkbookFileError(
            "filen er passordbeskyttet (kryptert) eller i det gamle .xls-formatet. Fjern "
            "passordet (Fil › Info › Beskytt arbeidsbok) og lagre som .xlsx.")
    if not zipfile.is_zipfile(path):
        raise WorkbookFileError(f"{name} er ikke en Excel-arbeidsbok (.xlsx/.xlsm), eller filen "
                                "er skadet.")
    try:
        with zipfile.ZipFile(path) as zf:
            _check_sizes(zf)
            return Package(path, _sheets(zf), _shared_strings(zf))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, EOFError) as e:
        raise WorkbookFileError(f"arbeidsboken er skadet og kan ikke leses ({e}).") from None


def _check_sizes(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise WorkbookFileError(f"arbeidsboken har urimelig mange deler ({len(infos)}).")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise WorkbookFileError(
            f"arbeidsboken pakker seg ut til {total // 2**20} MB, mer enn grensen på "
            f"{MAX_UNCOMPRESSED // 2**20} MB. Den er trolig skadet eller laget for å skade.")
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise WorkbookFileError(
                f"delen {i.filename} er mistenkelig sterkt komprimert (en «zip-bombe»). "
                "Filen leses ikke.")


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id → target path (resolved) for a part."""
    folder, base = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", base + ".rels")
    if rels_path not in zf.namelist():
        return {}
    root = etree.fromstring(zf.read(rels_path))
    out = {}
    for rel in root.iterfind("rel:Relationship", NS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        out[rel.get("Id")] = (target.lstrip("/") if target.startswith("/")
                              else posixpath.normpath(posixpath.join(folder, target)))
    return out


def _sheets(zf: zipfile.ZipFile) -> dict[str, SheetPart]:
    wb_rels = _rels(zf, "xl/workbook.xml")
    root = etree.fromstring(zf.read("xl/workbook.xml"))
    sheets: dict[str, SheetPart] = {}
    for el in root.iterfind("m:sheets/m:sheet", NS):
        target = wb_rels.get(el.get(f"{{{NS['r']}}}id"))
        if not target or target not in zf.namelist():
            continue  # chart sheets and broken references carry no data
        part = SheetPart(el.get("name"), target)
        for t in _rels(zf, target).values():
            if "/tables/" in t and t in zf.namelist():
                ref = etree.fromstring(zf.read(t)).get("ref")
                if ref:
                    part.tables.append(ref)
        _scan(zf, part)
        sheets[part.name] = part
    return sheets


def _shared_strings(zf: zipfile.ZipFile) -> list[str] | None:
    """The shared strings as Excel meant them (openpyxl drops every «x005F_» it sees)."""
    rels = _rels(zf, "xl/workbook.xml")
    part = next((t for t in rels.values() if t.endswith("sharedStrings.xml")), None)
    if part is None or part not in zf.namelist():
        return None
    out = []
    with zf.open(part) as fh:
        for _, si in etree.iterparse(fh, tag=_SI):
            text = "".join(t.text or "" for t in si.iter(_T) if t.getparent().tag != _RPH)
            out.append(unescape(text))
            si.clear()
    return out


def _scan(zf: zipfile.ZipFile, sheet: SheetPart) -> None:
    """Formula cells saved without a value, and number cells holding no number."""
    with zf.open(sheet.path) as fh:
        for _, c in etree.iterparse(fh, tag=_C, huge_tree=False):
            v = c.find(_V)
            if c.find(_F) is not None and (v is None or v.text is None):
                sheet.formulas_without_value.add(c.get("r", "?"))
            elif v is not None and c.get("t", "n") == "n" and not _is_number(v.text or ""):
                sheet.bad_numbers[c.get("r", "?")] = (v.text or "")[:40]
            c.clear()


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text) if any(ch in text for ch in ".eE") else int(text))
    except ValueError:
        return False
