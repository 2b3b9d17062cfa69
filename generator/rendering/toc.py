"""A real Word table of contents, filled in at render time.

The template holds a TOC field (``TOC \\o "1-2" \\h \\z \\u``) with a placeholder
result. After rendering, :func:`fill` writes the field's result from the document's
own Heading 1/2 paragraphs: one hyperlinked entry per heading with a bookmark on the
heading and a ``PAGEREF`` field for its page. Word shows the entries as they are
(no update dialog); LibreOffice computes the PAGEREF page numbers when it lays out
the PDF. Runs the same on docxtpl's and FastTemplate's output.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from ..files import write_atomic

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARKER = 'TOC \\o'
_LEADER = re.compile(r"\.{5,}\s*\d*$")  # an entry line: dot leader and page number
_SHOWN = re.compile(r"\.{3,}\s*(\d*)$")  # an entry's last line: the number it shows
LEVELS = {"Heading1": 1, "Heading2": 2}
_W = f"{{{W}}}"


def _q(tag: str) -> str:
    return _W + tag


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(_q("t")))


def _style(p: etree._Element) -> str | None:
    el = p.find(f"{_q('pPr')}/{_q('pStyle')}")
    return el.get(_q("val")) if el is not None else None


def _run(child: etree._Element) -> etree._Element:
    r = etree.Element(_q("r"))
    r.append(child)
    return r


def _fld(kind: str) -> etree._Element:
    el = etree.Element(_q("fldChar"))
    el.set(_q("fldCharType"), kind)
    return _run(el)


def _t(text: str) -> etree._Element:
    t = etree.Element(_q("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return _run(t)


def _instr(text: str) -> etree._Element:
    el = etree.Element(_q("instrText"))
    el.text = text
    el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return _run(el)


def _entry(level: int, text: str, anchor: str, page: str) -> etree._Element:
    p = etree.Element(_q("p"))
    ppr = etree.SubElement(p, _q("pPr"))
    etree.SubElement(ppr, _q("pStyle")).set(_q("val"), f"TOC{level}")
    link = etree.SubElement(p, _q("hyperlink"))
    link.set(_q("anchor"), anchor)
    link.set(_q("history"), "1")
    link.append(_t(text))
    link.append(_run(etree.Element(_q("tab"))))
    link.append(_fld("begin"))
    link.append(_instr(f" PAGEREF {anchor} \\h "))
    link.append(_fld("separate"))
    link.append(_t(page))
    link.append(_fld("end"))
    return p


def _outline_level(p: etree._Element) -> int | None:
    """A paragraph given an outline level of its own (not by a heading style), such as the
    utviklingsstrategi's plakat title: level 1 or 2 in the table of contents."""
    el = p.find(f"{_q('pPr')}/{_q('outlineLvl')}")
    value = el.get(_q("val")) if el is not None else None
    return {"0": 1, "1": 2}.get(value or "")


def fill(body: etree._Element) -> int:
    """Fill the TOC field's result from the headings after it; returns the entry count."""
    field_p = None
    for instr in body.iter(_q("instrText")):
        if MARKER in (instr.text or ""):
            field_p = next(a for a in instr.iterancestors(_q("p")))
            break
    if field_p is None:
        return 0
    ids = [int(b.get(_q("id"))) for b in body.iter(_q("bookmarkStart"))
           if (b.get(_q("id")) or "").isdigit()]
    next_id = max(ids, default=0) + 1
    entries = []
    after = False
    for p in body.iter(_q("p")):
        if p is field_p:
            after = True
            continue
        level = LEVELS.get(_style(p) or "") or _outline_level(p)
        text = " ".join(_text(p).split())
        if not after or level is None or not text:
            continue
        anchor = f"_Toc{next_id:08d}"
        start = etree.Element(_q("bookmarkStart"))
        start.set(_q("id"), str(next_id))
        start.set(_q("name"), anchor)
        end = etree.Element(_q("bookmarkEnd"))
        end.set(_q("id"), str(next_id))
        ppr = p.find(_q("pPr"))
        (ppr.addnext(start) if ppr is not None else p.insert(0, start))
        p.append(end)
        next_id += 1
        entries.append(_entry(level, text, anchor, ""))
    if not entries:
        return 0
    runs = [r for r in field_p if r.tag == _q("r")]
    begin = [r for r in runs if r.find(_q("fldChar")) is not None
             or r.find(_q("instrText")) is not None]
    head, tail = begin[:-1], begin[-1]  # begin, instr, separate … end
    first = entries[0]
    for i, r in enumerate(head):
        first.insert(1 + i, copy.deepcopy(r))
    entries[-1].append(copy.deepcopy(tail))
    parent = field_p.getparent()
    index = parent.index(field_p)
    parent.remove(field_p)
    for i, e in enumerate(entries):
        parent.insert(index + i, e)
    return len(entries)


# --- page numbers from the laid-out PDF ------------------------------------------------------


def has_toc(docx: bytes) -> bool:
    """True when the document's body holds a filled table of contents."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return b"PAGEREF _Toc" in z.read("word/document.xml")


def _pages(pdf_path: Path) -> list[list[str]]:
    import pypdfium2 as pdfium  # deferred: only when PDFs are made

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        return [[" ".join(ln.split()) for ln in page.get_textpage().get_text_range().splitlines()]
                for page in doc]
    finally:
        doc.close()


def page_numbers(docx_path: Path, pdf_path: Path) -> bool:
    """Write the page of each heading, as LibreOffice laid it out in ``pdf_path``, into the
    TOC's PAGEREF results of ``docx_path``. True when ``pdf_path``'s table of contents does
    not show exactly these numbers, entry by entry (convert again, from the DOCX as now
    numbered).

    LibreOffice shows a DOCX table of contents as stored and does not update it; Word does
    not update it on opening either. So the stored result must already be right. A PDF made
    from the DOCX as rendered shows no numbers (convert again); one whose table of contents
    LibreOffice numbered from its own layout (``pdf.convert(toc=…)``) is kept when every
    entry shows the page its heading is on, and the DOCX then gets the same numbers.
    """
    data = docx_path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    pages = _pages(pdf_path)
    # the table of contents: the first page with entry lines (its title is in the målform,
    # maybe with a parallel language before it: not looked for)
    toc_page = next((i for i, lines in enumerate(pages)
                     if sum(bool(_LEADER.search(ln)) for ln in lines) >= 2), 0)
    shown = [m[1] for ln in pages[toc_page] if (m := _SHOWN.search(ln))]
    while toc_page + 1 < len(pages) and any(_LEADER.search(ln) for ln in pages[toc_page + 1]):
        toc_page += 1  # a table of contents longer than a page
        shown += [m[1] for ln in pages[toc_page] if (m := _SHOWN.search(ln))]
    numbers: list[str | None] = []  # each entry's heading's page (None: not found)
    changed = False
    at = (toc_page + 1, -1)  # the line of the last heading found: the next comes after it
    for link in root.iter(_q("hyperlink")):
        instr = [t for t in link.iter(_q("instrText")) if "PAGEREF" in (t.text or "")]
        if not instr:
            continue
        texts = [t for t in link.iter(_q("t"))]
        heading = " ".join((texts[0].text or "").split())
        found = _find(pages, heading, at)
        numbers.append(None if found is None else str(found[0] + 1))
        if found is None:
            continue
        at = found
        number = str(found[0] + 1)
        if texts[-1].text != number:
            texts[-1].text = number
            changed = True
    if changed:
        _replace_part(docx_path, data, "word/document.xml",
                      etree.tostring(root, encoding="UTF-8", xml_declaration=True,
                                     standalone=True))
    return numbers != shown


def _find(pages: list[list[str]], heading: str, after: tuple[int, int]
          ) -> tuple[int, int] | None:
    """(page, line) of the first line after ``after`` that is ``heading`` or starts it (a
    heading wrapped over lines). Searching on from the last heading's line, not from its
    page, keeps headings with the same text apart («Innhold og hovedoppgaver» under every
    delstrategi): the n-th entry is the n-th heading. Else the first later page whose text
    holds it anywhere (its line then unknown: the start of that page)."""
    page, line = after
    for p in range(page, len(pages)):
        lines = pages[p]
        for k in range(line + 1 if p == page else 0, len(lines)):
            if lines[k] == heading or (lines[k] and heading.startswith(lines[k])
                                       and " ".join(lines[k:k + 4]).startswith(heading)):
                return p, k
    found = next((p for p in range(page, len(pages)) if heading in " ".join(pages[p])), None)
    return None if found is None else (found, -1)


def _replace_part(path: Path, data: bytes, name: str, content: bytes) -> None:
    """The same .docx with one part replaced, written atomically (into the build's stage)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, content if info.filename == name else zin.read(info))
    write_atomic(path, buf.getvalue(), durable=False)
