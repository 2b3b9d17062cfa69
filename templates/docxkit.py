"""Building blocks for the Word templates: page setup, styles, header/footer, tables.

Used only by ``templates/build.py``; the generator reads the committed .docx files.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

PRIMARY = RGBColor(0x1F, 0x4E, 0x79)
ACCENT = RGBColor(0x2E, 0x75, 0xB6)
GREY = RGBColor(0x59, 0x59, 0x59)
FONT = "Calibri"  # metric-compatible Carlito is used where Calibri is missing
TEXT_WIDTH_CM = 16.0
# Children of w:pPr that must follow w:pBdr / w:shd (schema order, ECMA-376 §17.3.1.26).
_AFTER_SHD = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange")
_AFTER_PBDR = ("w:shd", *_AFTER_SHD)

TABLE_STYLE_XML = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="Kommunetabell">
  <w:name w:val="Kommunetabell"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="40"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="30" w:after="30" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:tblHeader/></w:trPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F4E79"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="lastRow">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tblPr/>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DEEAF6"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def new_document(core_title: str) -> Document:
    """A4 document with the product's styles, nb-NO language and no content."""
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _page(doc.sections[0])
    _styles(doc)
    _language(doc)
    doc.core_properties.title = core_title
    doc.core_properties.language = "nb-NO"
    doc.core_properties.author = "{{ kommune.navn }}"
    doc.core_properties.comments = ""
    return doc


def _page(section) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.1)


def _styles(doc: Document) -> None:
    st = doc.styles
    normal = st["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    _east_asia_font(normal)
    pf = normal.paragraph_format
    pf.space_after, pf.line_spacing, pf.widow_control = Pt(6), 1.12, True
    for name, size, before, colour in (("Heading 1", 16, 18, PRIMARY),
                                       ("Heading 2", 13, 12, PRIMARY),
                                       ("Heading 3", 11.5, 10, ACCENT)):
        h = st[name]
        h.font.name, h.font.size, h.font.bold, h.font.color.rgb = FONT, Pt(size), True, colour
        _east_asia_font(h)
        h.paragraph_format.space_before, h.paragraph_format.space_after = Pt(before), Pt(4)
        h.paragraph_format.keep_with_next = True
    title = st["Title"]
    title.font.name, title.font.size, title.font.color.rgb = FONT, Pt(30), PRIMARY
    _east_asia_font(title)
    _strip_border(title)
    sub = st["Subtitle"]
    sub.font.name, sub.font.size, sub.font.color.rgb, sub.font.italic = FONT, Pt(15), ACCENT, False
    cap = st["Caption"]
    cap.font.name, cap.font.size, cap.font.color.rgb, cap.font.bold = FONT, Pt(9), GREY, False
    cap.font.italic = True
    cap.paragraph_format.space_after = Pt(10)
    for name in ("Header", "Footer"):
        s = st[name]
        s.font.name, s.font.size, s.font.color.rgb = FONT, Pt(8.5), GREY
    lb = st["List Bullet"]
    lb.font.name = FONT
    lb.paragraph_format.space_after = Pt(2)
    small = st.add_style("Tabelltekst", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = normal
    small.font.size = Pt(9.5)
    small.paragraph_format.space_after = Pt(0)
    small.paragraph_format.line_spacing = 1.0
    poster = st.add_style("Plakatpunkt", WD_STYLE_TYPE.PARAGRAPH)
    poster.base_style = st["List Bullet"]
    poster.font.size = Pt(12)
    poster.paragraph_format.space_after = Pt(3)
    tb = st.add_style("Tabellpunkt", WD_STYLE_TYPE.PARAGRAPH)
    tb.base_style = st["List Bullet"]
    tb.font.size = Pt(9.5)
    tb.paragraph_format.space_after = Pt(0)
    tb.paragraph_format.line_spacing = 1.0
    # a narrow hanging indent: the text of a bullet in a table cell gets the width it can
    tb.paragraph_format.left_indent, tb.paragraph_format.first_line_indent = Cm(0.4), Cm(-0.4)
    note = st.add_style("Merknad", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.size, note.font.italic, note.font.color.rgb = Pt(9.5), True, GREY
    field = st.add_style("Notatfelt", WD_STYLE_TYPE.PARAGRAPH)
    field.base_style = normal
    field.paragraph_format.left_indent = Cm(0.2)
    ppr = field.element.get_or_add_pPr()
    ppr.insert_element_before(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/>'
        '<w:left w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/>'
        '<w:right w:val="single" w:sz="4" w:space="4" w:color="A6A6A6"/></w:pBdr>'),
        *_AFTER_PBDR)
    ppr.insert_element_before(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="F7F9FC"/>'),
        *_AFTER_SHD)
    doc.styles.element.append(parse_xml(TABLE_STYLE_XML))


def _east_asia_font(style) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _strip_border(style) -> None:
    ppr = style.element.pPr
    if ppr is not None:
        for b in ppr.findall(qn("w:pBdr")):
            ppr.remove(b)


def _language(doc: Document) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(lang)
    lang.set(qn("w:val"), "nb-NO")
    lang.set(qn("w:eastAsia"), "nb-NO")
    lang.set(qn("w:bidi"), "ar-SA")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = parse_xml(f"<w:themeFontLang {nsdecls('w')}/>")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), "nb-NO")


def field_run(paragraph, instr: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice update."""
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instr} \\* MERGEFORMAT ">'
        "<w:r><w:t>1</w:t></w:r></w:fldSimple>"))


def header_footer(section, left: str, right: str) -> None:
    """Header «left … right» and footer «Side X av Y»; the title page has neither."""
    section.different_first_page_header_footer = True
    hp = section.header.paragraphs[0]
    hp.text = ""
    _tab_stops(hp, section)
    hp.add_run(left)
    hp.add_run("\t" + right)
    _bottom_border(hp)
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Side ")
    field_run(fp, "PAGE")
    fp.add_run(" av ")
    field_run(fp, "NUMPAGES")


def _tab_stops(paragraph, section) -> None:
    """One right tab at the text edge; the Header style's own tabs are cleared."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Twips

    width = section.page_width - section.left_margin - section.right_margin
    stops = paragraph.paragraph_format.tab_stops
    for pos in (4680, 9360):
        stops.add_tab_stop(Twips(pos), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" '
                                        'w:sz="4" w:space="4" w:color="A6A6A6"/></w:pBdr>'),
                              *_AFTER_PBDR)


TITLE_TOP = Pt(105)  # what five empty Normal paragraphs took (5 × 21 pt)
TITLE_GAP = Pt(258.6)  # what twelve took (measured in the PDF)


def title_page(doc: Document, kicker: str, title: str, subtitle: str, lines: Sequence[str]
               ) -> None:
    """A title page: kicker, big title, subtitle and a few lines at the bottom.

    The white space is paragraph spacing, not empty paragraphs (a screen reader announces
    each empty one): ``TITLE_TOP`` above the kicker (the profile's logo takes its place,
    see ``generator/rendering/profile.py``) and ``TITLE_GAP`` above the first line."""
    p = doc.add_paragraph(kicker, style="Subtitle")
    p.paragraph_format.space_before = TITLE_TOP
    p = doc.add_paragraph(title, style="Title")
    p = doc.add_paragraph(subtitle, style="Subtitle")
    for i, line in enumerate(lines):
        p = doc.add_paragraph(line)
        p.paragraph_format.space_after = Pt(2)
        if i == 0:
            p.paragraph_format.space_before = TITLE_GAP
    page_break(doc)


def page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def heading(doc: Document, text: str, level: int = 1):
    return doc.add_heading(text, level)


AFTER_TABLE = Pt(12)  # the white space below a table: the next paragraph's spacing-before


def para(doc_or_cell, text: str = "", style: str | None = None, bold: bool = False):
    p = doc_or_cell.add_paragraph(style=style)
    if text:
        p.add_run(text).bold = bold
    if not text.startswith("{%") and _after_table(p._p):
        p.paragraph_format.space_before = AFTER_TABLE
    return p


def _after_table(p) -> bool:
    """Whether the paragraph comes right after a table once docxtpl has removed the control
    paragraphs between them (``{%p endif %}``, ``{%p if … %}``; not across an ``else``)."""
    prev = p.getprevious()
    while prev is not None and prev.tag == qn("w:p"):
        text = "".join(t.text or "" for t in prev.iter(qn("w:t"))).strip()
        if not text.startswith("{%p") or text.startswith(("{%p else", "{%p elif")):
            return False
        prev = prev.getprevious()
    return prev is not None and prev.tag == qn("w:tbl")


def texts(doc: Document, var: str) -> None:
    """Paragraphs of a text block: ``{%p for a in var %}{{ a }}{%p endfor %}``."""
    para(doc, f"{{%p for avsnitt in {var} %}}")
    para(doc, "{{ avsnitt }}")
    para(doc, "{%p endfor %}")


def bullets(doc: Document, var: str, item: str = "punkt", keep: bool = False) -> None:
    """A bulleted list; ``keep`` holds a short list together on one page (with the
    paragraph before it, when that one keeps with next too)."""
    para(doc, f"{{%p for {item} in {var} %}}")
    p = para(doc, f"{{{{ {item} }}}}", style="List Bullet")
    if keep:
        p.paragraph_format.keep_with_next = True
    para(doc, "{%p endfor %}")


def table(doc: Document, headers: Sequence[str], widths_cm: Sequence[float],
          cells: Sequence[str | Sequence[str]], loop: str | None,
          total: Sequence[str] | None = None, align_right: Sequence[int] = ()):
    """A Kommunetabell with a header row, one looped row and an optional total row.

    ``cells`` holds each column's content; a list means several paragraphs.
    """
    rows = 2 + (2 if loop else 0) + (1 if total else 0)
    t = doc.add_table(rows=rows, cols=len(headers))
    t.style = doc.styles["Kommunetabell"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    tblpr = t._tbl.tblPr
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        tblpr.remove(look)
    tblpr.append(parse_xml(
        f'<w:tblLook {nsdecls("w")} w:val="0420" w:firstRow="1" '
        f'w:lastRow="{1 if total else 0}" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'))
    for j, w in enumerate(widths_cm):
        t.columns[j].width = Cm(w)
    r = 0
    _row(t.rows[r], headers, widths_cm, align_right, header=True)
    r += 1
    if loop:
        _single(t.rows[r], f"{{%tr for {loop} %}}")
        r += 1
    _row(t.rows[r], cells, widths_cm, align_right)
    r += 1
    if loop:
        _single(t.rows[r], "{%tr endfor %}")
        r += 1
    if total:
        _row(t.rows[r], total, widths_cm, align_right, bold=True)
    for row in t.rows:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    # no empty spacer paragraph after it (a screen reader reads it as «blank»): the paragraph
    # that follows gets the space as spacing-before (para), a caption_before its own
    return t


def _single(row, text: str) -> None:
    row.cells[0].paragraphs[0].add_run(text)


def _row(row, contents, widths, align_right, header: bool = False, bold: bool = False) -> None:
    for j, content in enumerate(contents):
        cell = row.cells[j]
        cell.width = Cm(widths[j])
        items = [content] if isinstance(content, str) else list(content)
        first = True
        for item in items:
            style, text = ("Tabellpunkt", item[2:]) if item.startswith("• ") else (
                "Tabelltekst", item)
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.style = cell.part.document.styles[style]
            if j in align_right and not header:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if j in align_right and header:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = p.add_run(text)
            if bold:
                run.bold = True


def landscape_section(doc: Document):
    """Start a landscape A4 section (for the utviklingsplakat)."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin, sec.bottom_margin = Cm(1.8), Cm(1.6)
    return sec


def keep_together(t) -> None:
    """Keep a short table on one page: every row but the last keeps with the next."""
    for row in t.rows[:-1]:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def short_table(doc: Document, *args, **kwargs):
    """A table that is short enough to stay on one page (the economy per rammeområde):
    :func:`table` kept together, so it never splits after a couple of rows."""
    t = table(doc, *args, **kwargs)
    keep_together(t)
    return t


def caption_before(doc, text: str):
    """A table caption that stays with the table below it."""
    p = para(doc, text, style="Caption")
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = AFTER_TABLE  # also when the table above is a loop's
    return p
# --- own chapters and the table of contents -------------------------------------------------

TOC_STYLES_XML = f"""
<w:styles {nsdecls("w")}>
<w:style w:type="paragraph" w:styleId="TOC1">
  <w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:uiPriority w:val="39"/><w:unhideWhenUsed/>
  <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9061"/></w:tabs>
    <w:spacing w:before="120" w:after="40"/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="TOC2">
  <w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  <w:uiPriority w:val="39"/><w:unhideWhenUsed/>
  <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9061"/></w:tabs>
    <w:spacing w:before="0" w:after="20"/><w:ind w:left="284"/></w:pPr>
</w:style>
</w:styles>
"""


def toc_styles(doc: Document) -> None:
    """Word's «toc 1»/«toc 2» paragraph styles and a title style that is not a heading."""
    for style in parse_xml(TOC_STYLES_XML):
        doc.styles.element.append(style)
    title = doc.styles.add_style("Innholdstittel", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = doc.styles["Normal"]
    title.font.name, title.font.size, title.font.bold = FONT, Pt(16), True
    title.font.color.rgb = PRIMARY
    title.paragraph_format.space_before, title.paragraph_format.space_after = Pt(0), Pt(10)
    list2 = doc.styles["List Bullet 2"]
    list2.font.name = FONT
    list2.paragraph_format.space_after = Pt(2)


def table_of_contents(doc: Document) -> None:
    """«Innhold» and a TOC field over heading levels 1–2 on a page of its own.

    The field's result is written at render time from the document's headings
    (``generator/toc.py``); the placeholder text here is what an unrendered template shows.
    """
    para(doc, "Innhold", style="Innholdstittel")
    p = doc.add_paragraph(style="toc 1")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> TOC \\o '
                          f'"1-2" \\h \\z \\u </w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>Innholdsfortegnelsen lages når '
                          'dokumentet fylles ut.</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    page_break(doc)


def own_chapters(doc: Document, var: str, shift: int = 0) -> None:
    """The own chapters of one placement (``var`` = e.g. ``kapitler.etter_forord``).

    Level 1–3 give Heading 1–3 (``shift`` moves them down, for the lederavtale inside
    the oppdragsbrev's appendix); text blocks are Normal, List Bullet or List Bullet 2.
    """
    para(doc, f"{{%p for k in {var} %}}")
    para(doc, "{%p if k.nivå == 1 %}")
    heading(doc, "{{ k.tittel }}", min(1 + shift, 3))
    para(doc, "{%p elif k.nivå == 2 %}")
    heading(doc, "{{ k.tittel }}", min(2 + shift, 3))
    para(doc, "{%p else %}")
    heading(doc, "{{ k.tittel }}", 3)
    para(doc, "{%p endif %}")
    para(doc, "{%p for b in k.blokker %}")
    para(doc, "{%p if b.punkt == 1 %}")
    para(doc, "{{ b.tekst }}", style="List Bullet")
    para(doc, "{%p elif b.punkt == 2 %}")
    para(doc, "{{ b.tekst }}", style="List Bullet 2")
    para(doc, "{%p else %}")
    para(doc, "{{ b.tekst }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
