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

from ..errors import InputError, os_reason

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
_IS = f"{{{NS['m']}}}is"
_ROW = f"{{{NS['m']}}}row"
_MERGE = f"{{{NS['m']}}}mergeCell"
MAX_MERGED = 10_000  # merged ranges read per sheet
_ROW_NUMBER = re.compile(r"[A-Z]+(\d+)$")


# Spreadsheet formats that are not read (yet), each with what to do instead. These are named
# with one line both when given on the command line and when found in a folder.
FOREIGN = {
    ".xls": "det gamle .xls-formatet støttes ikke: åpne filen i Excel og lagre som "
            "«Excel-arbeidsbok (*.xlsx)».",
    ".ods": ".ods støttes ikke ennå: åpne filen i LibreOffice Calc og lagre som «Excel "
            "2007-365 (.xlsx)» (Fil › Lagre som).",
    ".fods": ".fods støttes ikke ennå: åpne filen i LibreOffice Calc og lagre som «Excel "
             "2007-365 (.xlsx)» (Fil › Lagre som).",
    ".numbers": "Numbers-filer støttes ikke: eksporter til .xlsx i Numbers (Arkiv › Eksporter "
                "til › Excel).",
    ".xlsb": "binære Excel-arbeidsbøker (.xlsb) støttes ikke: åpne filen i Excel og lagre "
             "som «Excel-arbeidsbok (*.xlsx)».",
    ".csv": "CSV-filer støttes ikke: arbeidsbøkene må være Excel-arbeidsbøker. Bruk «styring "
            "new-workbook» og lim inn radene, og lagre som .xlsx.",
}
FOREIGN_IN_FOLDER = (".xls", ".xlsb", ".ods", ".fods", ".numbers")  # .csv in a folder is not ours


class WorkbookFileError(InputError):
    """The file cannot be read as a workbook; the message says why in bokmål."""


@dataclass
class SheetPart:
    name: str
    path: str
    tables: list[str] = field(default_factory=list)
    totals_rows: set[int] = field(default_factory=set)  # a table's Total Row is not data
    last_value_row: int = 0  # the used range: the last row holding a value, not formatting
    formulas_without_value: set[str] = field(default_factory=set)
    bad_numbers: dict[str, str] = field(default_factory=dict)  # cell → the stored text
    merged: list[str] = field(default_factory=list)  # merged ranges («B2:B4»)
    hidden_rows: set[int] = field(default_factory=set)  # rows hidden in Excel (still data)


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
    foreign = FOREIGN.get(path.suffix.lower())
    if foreign:
        raise WorkbookFileError(foreign)
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
        raise WorkbookFileError(f"filen kan ikke leses ({os_reason(e)}).") from None
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
            _check_is_workbook(zf, name)
            return Package(path, _sheets(zf), _shared_strings(zf))
    except KeyError as e:  # a part the workbook names is not in the file
        part = str(e.args[0]) if e.args else ""
        part = part.split("'")[1] if part.count("'") >= 2 else part
        raise WorkbookFileError(f"arbeidsboken er skadet og kan ikke leses (delen «{part}» "
                                "mangler). Åpne og lagre den på nytt i Excel.") from None
    except etree.XMLSyntaxError:
        raise WorkbookFileError("arbeidsboken er skadet og kan ikke leses (en del av filen er "
                                "ikke gyldig XML). Åpne og lagre den på nytt i Excel.") from None
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError):
        raise WorkbookFileError("arbeidsboken er skadet og kan ikke leses (zip-filen er "
                                "ødelagt eller avkortet). Åpne og lagre den på nytt i Excel, "
                                "eller hent en tidligere versjon.") from None


#: What a zip file with a known main part, but no workbook, is.
_OTHER_PACKAGES = {
    "word/document.xml": "et Word-dokument",
    "ppt/presentation.xml": "en PowerPoint-presentasjon",
    "content.xml": "et OpenDocument-dokument (LibreOffice)",
}


def _check_is_workbook(zf: zipfile.ZipFile, name: str) -> None:
    """A zip file without ``xl/workbook.xml``: what it is instead, in one sentence."""
    names = set(zf.namelist())
    if "xl/workbook.xml" in names:
        return
    what = next((w for part, w in _OTHER_PACKAGES.items() if part in names), None)
    if what:
        raise WorkbookFileError(f"{name} er {what} med endelsen {Path(name).suffix}, ikke en "
                                "Excel-arbeidsbok. Gi filen riktig endelse, eller flytt den ut "
                                "av mappen.")
    raise WorkbookFileError(f"{name} er en zip-fil, men ikke en Excel-arbeidsbok (den mangler "
                            "delen «xl/workbook.xml»). Flytt den ut av mappen, eller lagre "
                            "arbeidsboken på nytt som .xlsx i Excel.")


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
                table = etree.fromstring(zf.read(t))
                ref = table.get("ref")
                if ref:
                    part.tables.append(ref)
                    part.totals_rows |= _totals_rows(table, ref)
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


def _totals_rows(table: etree._Element, ref: str) -> set[int]:
    """The rows of a table's Total Row (Excel's «Totalrad»), which hold sums, not data."""
    try:
        count = int(table.get("totalsRowCount", "0"))
    except ValueError:
        return set()
    found = re.fullmatch(r"\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?(\d+)", ref.upper())
    if count <= 0 or found is None:
        return set()
    last = int(found.group(1))
    return set(range(last - count + 1, last + 1))


def _scan(zf: zipfile.ZipFile, sheet: SheetPart) -> None:
    """Formula cells saved without a value, number cells holding no number, and the last
    row holding a value (rows that only carry formatting are not the used range)."""
    row_number = 0
    with zf.open(sheet.path) as fh:
        for event, el in etree.iterparse(fh, tag=(_ROW, _C, _MERGE), events=("start", "end"),
                                         huge_tree=False):
            if el.tag == _MERGE:
                if event == "end" and el.get("ref") and len(sheet.merged) < MAX_MERGED:
                    sheet.merged.append(el.get("ref", ""))
                continue
            if el.tag == _ROW:
                if event == "start":  # a row without a number follows the one before
                    r = el.get("r", "")
                    row_number = int(r) if r.isdigit() else row_number + 1
                    if el.get("hidden") in ("1", "true") and len(sheet.hidden_rows) < 10_000:
                        sheet.hidden_rows.add(row_number)
                else:  # forget the row once read (bounded memory)
                    el.clear()
                    while el.getprevious() is not None:
                        del el.getparent()[0]
                continue
            if event == "start":
                continue
            v, f = el.find(_V), el.find(_F)
            if v is None and f is None and el.find(_IS) is None:
                continue  # an empty cell: formatting only
            found = _ROW_NUMBER.match(el.get("r", ""))
            sheet.last_value_row = max(sheet.last_value_row,
                                       int(found.group(1)) if found else row_number)
            if f is not None and (v is None or v.text is None):
                sheet.formulas_without_value.add(el.get("r", "?"))
            elif v is not None and el.get("t", "n") == "n" and not _is_number(v.text or ""):
                sheet.bad_numbers[el.get("r", "?")] = (v.text or "")[:40]


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text) if any(ch in text for ch in ".eE") else int(text))
    except ValueError:
        return False
