"""A small SpreadsheetML writer for the reporting round's workbooks: a few sheets of values,
a fixed set of styles, sheet and structure protection, drop-downs and a very hidden sheet.

openpyxl takes about 60 ms a workbook (most of it temporary files); 2 000 leaders' workbooks
are written here in a few seconds. The parts are the minimum Excel, LibreOffice and openpyxl
open without complaint (checked with the Open XML SDK validator), and the same input gives
the same bytes apart from the time in ``docProps/core.xml``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
EPOCH = date(1899, 12, 30)

# cellXfs: the styles a cell may have
NORMAL, HEADER, OPEN, OPEN_WRAP, DATE, NUMBER, OPEN_NUMBER, TITLE, BOLD = range(9)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="' + MAIN + '"><numFmts count="1">'
    '<numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><fonts count="4"><font>'
    '<sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/>'
    '<color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font><font><b/>'
    '<sz val="14"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/>'
    '<name val="Calibri"/><family val="2"/></font></fonts><fills count="4"><fill>'
    '<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    '</fill><fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/>'
    '<bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid">'
    '<fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '</borders><cellStyleXfs count="1">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0"'
    ' applyFill="1" applyProtection="1">'
    '<protection locked="0"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0"'
    ' applyFill="1" applyAlignment="1" applyProtection="1">'
    '<alignment vertical="top" wrapText="1"/><protection locked="0"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="3" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1"'
    ' applyFill="1" applyProtection="1">'
    '<protection locked="0"/></xf>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)


@dataclass
class Validation:
    """A drop-down list, a number range or just an input message, for one column range."""

    sqref: str
    kind: str = ""  # "list", "decimal" or "" (a prompt only)
    formula1: str = ""
    formula2: str = ""
    title: str = ""
    prompt: str = ""
    error: str = ""

    def xml(self) -> str:
        attrs = [f'type="{self.kind}"'] if self.kind else []
        if self.kind == "decimal":
            attrs.append('operator="between"')
        attrs.append('allowBlank="1"')
        if self.prompt:
            attrs.append('showInputMessage="1"')
        if self.error:
            attrs += ['showErrorMessage="1"', 'errorTitle="Ugyldig verdi"',
                      f"error={quoteattr(self.error[:225])}"]
        if self.prompt:
            attrs += [f"promptTitle={quoteattr(self.title[:32])}",
                      f"prompt={quoteattr(self.prompt[:255])}"]
        attrs.append(f'sqref="{self.sqref}"')
        body = "".join(f"<formula{i}>{escape(f)}</formula{i}>"
                       for i, f in ((1, self.formula1), (2, self.formula2)) if f)
        return f"<dataValidation {' '.join(attrs)}>{body}</dataValidation>"


@dataclass
class Sheet:
    """One worksheet: rows of (value, style) cells and how it is shown and protected."""

    name: str
    rows: list[list[tuple[Any, int]]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    hidden_columns: set[int] = field(default_factory=set)  # 1-based
    validations: list[Validation] = field(default_factory=list)
    freeze: str | None = None  # the top-left cell of the scrolling part, e.g. "C2"
    protect: bool = False
    very_hidden: bool = False

    def append(self, *cells: tuple[Any, int]) -> None:
        self.rows.append(list(cells))

    def xml(self) -> str:
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">']
        out.append("<sheetViews><sheetView workbookViewId=\"0\">")
        if self.freeze:
            col, first_row = _split(self.freeze)
            x, y = col - 1, first_row - 1
            pane = "bottomRight" if x and y else "bottomLeft" if y else "topRight"
            split = (f' xSplit="{x}"' if x else "") + (f' ySplit="{y}"' if y else "")
            out.append(f'<pane{split} topLeftCell="{self.freeze}" activePane="{pane}" '
                       'state="frozen"/>'
                       f'<selection pane="{pane}" activeCell="{self.freeze}" '
                       f'sqref="{self.freeze}"/>')
        out.append('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>')
        if self.widths:
            out.append("<cols>")
            for i, w in enumerate(self.widths, start=1):
                hidden = ' hidden="1"' if i in self.hidden_columns else ""
                out.append(f'<col min="{i}" max="{i}" width="{w}"{hidden} customWidth="1"/>')
            out.append("</cols>")
        out.append("<sheetData>")
        for r, cells in enumerate(self.rows, start=1):
            out.append(f'<row r="{r}">')
            for c, (value, style) in enumerate(cells, start=1):
                out.append(_cell(f"{get_column_letter(c)}{r}", value, style))
            out.append("</row>")
        out.append("</sheetData>")
        if self.protect:
            out.append('<sheetProtection sheet="1" objects="1" scenarios="1" '
                       'formatColumns="0" formatRows="0"/>')
        if self.validations:
            out.append(f'<dataValidations count="{len(self.validations)}">'
                       + "".join(v.xml() for v in self.validations) + "</dataValidations>")
        out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                   'header="0.3" footer="0.3"/></worksheet>')
        return "".join(out)


def _split(coord: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(coord)
    return column_index_from_string(letters), row


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def _cell(ref: str, value: Any, style: int) -> str:
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        if not style:
            s = f' s="{DATE}"'
        return f'<c r="{ref}"{s}><v>{(value - EPOCH).days}</v></c>'
    if isinstance(value, (int, float)):
        number = repr(float(value)) if isinstance(value, float) else str(value)
        if number.endswith(".0"):
            number = number[:-2]
        return f'<c r="{ref}"{s}><v>{number}</v></c>'
    return (f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{_text(str(value))}'
            "</t></is></c>")


def workbook(sheets: Sequence[Sheet], title: str, lock_structure: bool = True) -> bytes:
    """The .xlsx bytes of the sheets (the first is the one that opens)."""
    n = len(sheets)
    now = datetime.now().replace(microsecond=0).isoformat() + "Z"
    types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for i in range(1, n + 1))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>' + types +
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.extended-properties+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument"'
            ' Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/package/2006/relationships/metadata/core-properties" '
            f'Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties"'
            ' Target="docProps/app.xml"/></Relationships>'),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
            f'XMLSchema-instance"><dc:title>{_text(title)}</dc:title>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
            '</cp:coreProperties>'),
        "docProps/app.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
            'properties"><Application>styringsdokumenter</Application></Properties>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr/>'
            + ('<workbookProtection lockStructure="1"/>' if lock_structure else "")
            + '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
            + "".join(f'<sheet name={quoteattr(s.name)} sheetId="{i}"'
                      + (' state="veryHidden"' if s.very_hidden else "") + f' r:id="rId{i}"/>'
                      for i, s in enumerate(sheets, start=1))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" '
                      f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>'
            "</Relationships>"),
        "xl/styles.xml": STYLES,
    }
    for i, s in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = s.xml()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
