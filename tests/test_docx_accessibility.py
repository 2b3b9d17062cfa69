"""Word's accessibility rules the bundled templates keep: no blank paragraphs used for spacing,
and the lederavtale's signature block is a table with a header row (the signers' roles).

The rule for blank paragraphs, in every body and table cell of document.xml:
a paragraph is *blank* when it shows nothing: no text (spaces count as nothing), no picture,
no field, no page break and no section break. A blank paragraph is allowed only
  (a) as the only paragraph of a table cell (an empty cell; a cell must hold a paragraph),
  (b) as the last paragraph of a cell or of the body directly after a table (Word requires a
      paragraph there), or
  (c) in the style «Notatfelt»: a bordered field to write in by hand, not spacing.
Any other blank paragraph is white space made with the Enter key, which a screen reader reads
out as «blank»; the white space belongs in paragraph spacing. Two tables as neighbours are
also a fault: Word joins them into one table, so something with content must stand between.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.shared import Pt
from lxml import etree

from generator.output import pdfua
from generator.rendering.template import TEMPLATE_DIR

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KINDS = ("oppdragsbrev", "tertialrapport", "utviklingsstrategi", "lederavtale")


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t")).strip()


def _blank(p: etree._Element) -> bool:
    if _text(p) or p.find(f".//{W}drawing") is not None or p.find(f".//{W}pict") is not None:
        return False
    if p.find(f".//{W}instrText") is not None or p.find(f".//{W}fldSimple") is not None:
        return False
    if any(br.get(f"{W}type") == "page" for br in p.iter(f"{W}br")):
        return False
    return p.find(f"{W}pPr/{W}sectPr") is None


def _style(p: etree._Element) -> str | None:
    s = p.find(f"{W}pPr/{W}pStyle")
    return s.get(f"{W}val") if s is not None else None


def spacing_faults(document_xml: bytes) -> list[str]:
    """The blank paragraphs used for spacing and the touching tables (see the module's rule)."""
    doc = etree.fromstring(document_xml)
    faults = []
    for parent in [doc.find(f"{W}body"), *doc.iter(f"{W}tc")]:
        kids = [k for k in parent if k.tag in (f"{W}p", f"{W}tbl")]
        for i, el in enumerate(kids):
            prev = kids[i - 1] if i else None
            where = f"etter «{_text(prev)[:50]}»" if prev is not None else "først"
            if el.tag == f"{W}tbl":
                if prev is not None and prev.tag == f"{W}tbl":
                    faults.append(f"to tabeller inntil hverandre {where}")
                continue
            if not _blank(el) or _style(el) == "Notatfelt":
                continue
            if parent.tag == f"{W}tc" and len(kids) == 1:
                continue  # (a)
            if i == len(kids) - 1 and prev is not None and prev.tag == f"{W}tbl":
                continue  # (b)
            faults.append(f"tomt avsnitt {where}")
    return faults


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")


def test_the_rule_finds_a_spacer_and_touching_tables_and_allows_the_required(
        tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Før tabellen")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).paragraphs[0].add_run("A")  # the other cell is empty: allowed (a)
    d.add_paragraph()  # the spacer
    d.add_paragraph("Etter tabellen")
    d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("B")
    d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("C")  # touches B
    d.add_paragraph("  ", style=d.styles.add_style("Notatfelt", 1))  # allowed (c)
    d.add_paragraph().paragraph_format.space_before = Pt(12)  # spacing alone: still blank
    d.add_paragraph("Slutt")
    d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("D")
    d.add_paragraph()  # after the last table: allowed (b)
    path = tmp_path / "x.docx"
    d.save(str(path))
    faults = spacing_faults(_document_xml(path))
    assert faults == ["tomt avsnitt etter «A»", "to tabeller inntil hverandre etter «B»",
                      "tomt avsnitt etter «»"], faults


@pytest.mark.parametrize("kind", KINDS)
def test_bundled_templates_have_no_blank_paragraph_for_spacing(kind: str) -> None:
    assert spacing_faults(_document_xml(TEMPLATE_DIR / f"{kind}.docx")) == []


def test_rendered_documents_have_no_blank_paragraph_for_spacing(demo_pdf_build: Path) -> None:
    """Every Word file of the demo build (all lederavtaler, both variants): after docxtpl has
    removed the control paragraphs, no blank paragraph and no tables that touch."""
    files = sorted(demo_pdf_build.rglob("*.docx"))
    assert len(files) > 40
    faults = {f.name: spacing_faults(_document_xml(f)) for f in files}
    assert not {k: v for k, v in faults.items() if v}
    spaced = []  # the white space below a table is the next paragraph's spacing-before
    for f in files:
        body = etree.fromstring(_document_xml(f)).find(f"{W}body")
        for tbl in body.findall(f"{W}tbl"):
            p = tbl.getnext()
            if p is not None and p.tag == f"{W}p" and not _blank(p) and (
                    _style(p) in (None, "Caption")) and p.find(f".//{W}br") is None:
                spaced.append(p.find(f"{W}pPr/{W}spacing"))
    assert len(spaced) > 40
    assert all(s is not None and int(s.get(f"{W}before", "0")) >= 240 for s in spaced)


def test_signature_block_has_the_roles_as_header_row(demo_pdf_build: Path) -> None:
    """Word: the signature table's first row is a header row naming the two signers' roles.
    PDF: LibreOffice tags it as a table with TH cells (no longer a layout Div), and the two
    signature fields still sit over the lines, under the role they belong to."""
    for kind in ("lederavtale", "oppdragsbrev"):
        template = docx.Document(str(TEMPLATE_DIR / f"{kind}.docx"))
        table = next(t for t in template.tables if "_" * 10 in t.rows[1].cells[0].text)
        first = table.rows[0]._tr
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
        assert [c.text for c in table.rows[0].cells] == ["Nærmeste overordnede leder", "Leder"]
    pdf_path = sorted(p for p in (demo_pdf_build / "lederavtale").glob("*.pdf")
                      if "offentlig" not in p.name)[0]
    with pikepdf.open(pdf_path) as pdf:
        rolemap = {str(k): str(v) for k, v in
                   (pdf.Root.StructTreeRoot.get("/RoleMap") or {}).items()}
        tables = [e for e in pdfua._elements(pdf.Root.StructTreeRoot)
                  if pdfua._role(e, rolemap) == "/Table"]
        headers = [[pdfua._role(c, rolemap) for c in next(
            p for p in pdfua._table_parts(t, rolemap) if pdfua._role(p, rolemap) == "/TR").K
            if isinstance(c, pikepdf.Dictionary)] for t in tables]
        assert all(h and set(h) == {"/TH"} for h in headers), headers
        words = etree.fromstring(_document_xml(pdf_path.with_suffix(".docx")))
        assert len(tables) == len(list(words.iter(f"{W}tbl")))  # the signature block too
        fields = {str(f.T): [float(x) for x in f.Rect] for f in pdf.Root.AcroForm.Fields}
    assert set(fields) == {"NaermesteOverordnedeLeder", "Leder"}
    assert fields["NaermesteOverordnedeLeder"][0] < fields["Leder"][0]
