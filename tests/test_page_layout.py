"""The pages as the council reads them: layout facts read from the PDF's text positions.

Every document kind of the demo is rendered to PDF once (module-scoped build) and checked
with pdfplumber:

- no page less than a third full, except the title page, the last page and the last page
  of a chapter (the next page starts with a chapter heading or a title);
- no heading as the last line of a page;
- no word split across lines (a word too long for its table cell), checked against the
  words of the rendered .docx;
- no number split across lines («10» / «000»);
- every chart present with an alt text (the charts are images: their labels are in the
  alt text, which the tagged PDF carries).

A deliberately broken template (a heading forced to the bottom of a page) must fail the
same check. Look at the pages too (see README, «Testene»): ``pdftoppm -png -r 60 X.pdf p``.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx2python import docx2python

from generator import pipeline
from generator.output.pdf import soffice
from generator.pipeline import DEMO_DIR, ROOT

from .docx_tools import images

HEADING_MIN_SIZE = 11.4   # Heading 3 is 11.5 pt, body text 11 pt, table text 9.5 pt
CHAPTER_MIN_SIZE = 15.0   # Heading 1 is 16 pt, the title 30 pt
SEGMENT_GAP = 5.0         # pt between words of one cell's line; columns are further apart
MIN_FILL = 1 / 3


@dataclass(frozen=True)
class Segment:
    """The words of one line inside one column (a table cell, or the text column)."""

    text: str
    words: tuple[str, ...]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(frozen=True)
class Page:
    number: int
    segments: list[Segment]
    fill: float   # share of the text area's height used (text and images)
    drawn_bottom: float  # the lowest image, box or rule in the text area


def _body(page: pdfplumber.page.Page) -> tuple[float, float]:
    """The text area's top and bottom (portrait: 2.5 / 2.2 cm margins; landscape 1.8 / 1.6)."""
    cm = 72 / 2.54
    if page.width > page.height:
        return 1.8 * cm, page.height - 1.6 * cm
    return 2.5 * cm, page.height - 2.2 * cm


def _is_running(word: dict, page: pdfplumber.page.Page) -> bool:
    """The running header and footer (8.5 pt, in the margins)."""
    return word["size"] < 9 and (word["top"] < 62 or word["bottom"] > page.height - 55)


def _segments(words: list[dict]) -> list[Segment]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) < 1.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        group = [line[0]]
        for w in [*line[1:], None]:
            if w is not None and w["x0"] - group[-1]["x1"] < SEGMENT_GAP:
                group.append(w)
                continue
            out.append(Segment(
                " ".join(g["text"] for g in group), tuple(g["text"] for g in group),
                group[0]["x0"], group[-1]["x1"], min(g["top"] for g in group),
                max(g["bottom"] for g in group), max(g["size"] for g in group),
                all("Bold" in g["fontname"] for g in group)))
            if w is not None:
                group = [w]
    return out


def read_pages(pdf_path: Path) -> list[Page]:
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for i, page in enumerate(pdf.pages, start=1):
            words = [w for w in page.extract_words(extra_attrs=["size", "fontname"])
                     if not _is_running(w, page)]
            top, bottom = _body(page)
            drawn = [o["bottom"] for o in (*page.images, *page.rects, *page.lines)
                     if o["top"] > top - 2 and o["bottom"] < bottom + 2]
            lowest = max([w["bottom"] for w in words] + drawn, default=top)
            pages.append(Page(i, _segments(words), (lowest - top) / (bottom - top),
                              max(drawn, default=top)))
    return pages


def _starts_chapter(page: Page) -> bool:
    first = min(page.segments, key=lambda s: s.top, default=None)
    return first is not None and first.size >= CHAPTER_MIN_SIZE


def _vocabulary(docx_path: Path) -> set[str]:
    with docx2python(docx_path) as d:
        text = d.text
    return {t.casefold() for t in re.findall(r"\w[\w\-]*", text)}


def _below(seg: Segment, segments: list[Segment]) -> Segment | None:
    """The next line of the same column: just below, starting (or ending) at the same x."""
    for s in segments:
        gap = s.top - seg.top
        if 0.9 * seg.size < gap < 1.4 * seg.size and (
                abs(s.x0 - seg.x0) < 2.5 or abs(s.x1 - seg.x1) < 2.5):
            return s
    return None


def layout_problems(pdf_path: Path, docx_path: Path) -> list[str]:
    """Every page layout fault of one document, as «side N: …» lines."""
    pages = read_pages(pdf_path)
    vocabulary = _vocabulary(docx_path)
    out = []
    for k, page in enumerate(pages):
        n = page.number
        last = k == len(pages) - 1
        if k > 0 and not last and page.fill < MIN_FILL and not _starts_chapter(pages[k + 1]):
            out.append(f"side {n}: bare {page.fill:.0%} full, og neste side starter ikke et "
                       "kapittel")
        if k > 0 and page.segments:
            bottom = max(s.bottom for s in page.segments)
            final = [s for s in page.segments if bottom - s.bottom < 2]
            # (a box or a chart under the heading is what follows it: not the last line)
            if page.drawn_bottom < bottom and all(
                    s.bold and s.size >= HEADING_MIN_SIZE for s in final):
                out.append(f"side {n}: overskriften «{' '.join(s.text for s in final)}» står "
                           "nederst på siden")
        for seg in page.segments:
            nxt = _below(seg, page.segments)
            if nxt is None:
                continue
            w, v = seg.words[-1], nxt.words[0]
            if (len(seg.words) == 1 and w.isalpha() and w.casefold() not in vocabulary
                    and (w + v).strip(".,:;)»").casefold() in vocabulary):
                out.append(f"side {n}: ordet «{w}{v}» er delt over to linjer («{w}» / «{v}»)")
            if re.search(r"\d[–-]?$", seg.text) and re.match(r"\d{3}(?!\d)", nxt.text) and \
                    re.search(r"(^|\s)\d{1,3}[–-]?$", seg.text):
                out.append(f"side {n}: tallet «{seg.text.split()[-1]} {nxt.words[0]}» er delt "
                           "over to linjer")
    for im in images(docx_path):
        if not im["descr"].strip():
            out.append(f"et bilde ({im['name']}) mangler alternativ tekst")
    return out


# --- the demo's documents ------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert soffice(), "LibreOffice mangler: kjør ./setup.sh (CI skal ha den)"
    out = tmp_path_factory.mktemp("sider")
    report = pipeline.build([DEMO_DIR], out, tertial=2, pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    # the first tertial's report too: the decisions and projects as they stood in April
    report = pipeline.build([DEMO_DIR], out, kinds=["tertialrapport"], tertial=1, pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    return out / "2026"


KINDS = ["oppdragsbrev", "tertialrapport", "utviklingsstrategi"]


@pytest.mark.parametrize("kind", KINDS)
def test_pages_of_each_document(built: Path, kind: str) -> None:
    pdfs = sorted((built / kind).glob("*.pdf"))
    assert len(pdfs) == (2 if kind == "tertialrapport" else 1)
    assert {p.name: layout_problems(p, p.with_suffix(".docx")) for p in pdfs} == {
        p.name: [] for p in pdfs}


def test_pages_of_the_lederavtaler(built: Path) -> None:
    """Every demo lederavtale; the 200-leader benchmark set's first ten are among them."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_leaders import scaled

    from generator.demo.data import demo_data

    assert scaled(200).lederavtaler[:10] == demo_data().lederavtaler[:10]
    pdfs = sorted(p for p in (built / "lederavtale").glob("*.pdf"))
    assert len(pdfs) >= 10
    faults = {p.name: layout_problems(p, p.with_suffix(".docx")) for p in pdfs}
    assert {k: v for k, v in faults.items() if v} == {}


def test_charts_are_in_the_pdf_with_their_labels_in_the_alt_text(built: Path) -> None:
    pdf = built / "tertialrapport" / "tertialrapport-2026-t2.pdf"
    alts = [im["descr"] for im in images(pdf.with_suffix(".docx"))]
    budget = next(a for a in alts if a.startswith("Stolpediagram"))
    assert "Inntektene er vist for seg med egen skala: Skatter og rammetilskudd" in budget
    assert any(a.startswith("Risikomatrise") or "risiko" in a.casefold() for a in alts)
    with pdfplumber.open(pdf) as doc:
        drawn = sum(1 for page in doc.pages for im in page.images if im["top"] > 62)
    assert drawn >= 3  # budget chart, risk matrix, sick leave


# --- a template that breaks the rules must fail ---------------------------------------------


def test_a_heading_forced_to_the_bottom_of_a_page_fails(tmp_path: Path) -> None:
    """The bundled tertialrapport with a page break forced right after the «Risiko»
    heading: the heading is left as the last line of its page, and the check says so."""
    templates = tmp_path / "maler"
    templates.mkdir()
    source = ROOT / "templates" / "tertialrapport.docx"
    d = docx.Document(str(source))
    paras = d.paragraphs
    i = next(i for i, p in enumerate(paras)
             if p.style.name == "Heading 1" and p.text.endswith(" Risiko"))
    paras[i + 1].paragraph_format.page_break_before = True
    d.save(str(templates / "tertialrapport.docx"))
    folder = tmp_path / "wb"
    shutil.copytree(DEMO_DIR, folder)
    out = tmp_path / "ut"
    report = pipeline.build([folder], out, kinds=["tertialrapport"], tertial=2, pdf=True,
                            template_dir=templates)
    assert report.ok, [str(p) for p in report.problems]
    (pdf,) = sorted((out / "2026" / "tertialrapport").glob("*.pdf"))
    faults = layout_problems(pdf, pdf.with_suffix(".docx"))
    assert any("overskriften «7. Risiko» står nederst på siden" in f for f in faults), faults
