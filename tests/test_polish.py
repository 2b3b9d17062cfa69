"""Small finishes, each on real files: the overview says «no notices» once; the tertialrapport's
list of rammeområder is a Word list kept together with its lead-in (docx re-read, PDF from
LibreOffice); the overview reads an agreement signed in place the same way as a signed copy
(:func:`generator.output.signatures.inspect_copy`, pyHanko signatures)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from lxml import html as lxml_html

from generator import pipeline
from generator.output import manifest, signing
from generator.output.delivery import oversikt
from generator.output.signatures import inspect_copy, read_state

from .test_pdf import _certificate

YEAR = "2026"
LEAD = "Rammeområdene med ansvarlig og enhetene som hører til:"


# --- 1. the overview: «Ingen merknader» once -----------------------------------------------


def test_a_build_without_notices_says_so_once(tmp_path: Path) -> None:
    report = pipeline.build([pipeline.DEMO_DIR], tmp_path, pdf=False, kinds=["oppdragsbrev"])
    assert report.ok, [str(p) for p in report.problems]
    page = (tmp_path / YEAR / "oversikt.html").read_text(encoding="utf-8")
    dom = lxml_html.fromstring(page)
    assert dom.text_content().count("Ingen merknader") == 1
    attention = dom.xpath("//section[@aria-labelledby='oppfolging']")[0].text_content()
    assert "merknad" not in attention.lower()
    notices = dom.xpath("//section[@id='merknader']")[0].text_content()
    assert "Ingen merknader." in notices


def test_notices_are_still_counted_and_linked_at_the_top() -> None:
    page = oversikt.html_page(oversikt.Overview(
        kommune="Fjellvik kommune", år=2026, made=datetime(2026, 12, 6, 9, 30), rows=(),
        notices=(("oppdragsbrev/oppdragsbrev-2026.docx", "er endret av en person"),)))
    dom = lxml_html.fromstring(page)
    top = dom.xpath("//section[@aria-labelledby='oppfolging']")[0]
    assert top.xpath(".//a/@href") == ["#merknader"]
    assert "1 merknad" in top.text_content()
    assert "Ingen merknader" not in dom.text_content()
    assert [li.text_content() for li in dom.xpath("//ol[@class='merknader']/li")] == [
        "oppdragsbrev/oppdragsbrev-2026.docx: er endret av en person"]


# --- 2. the tertialrapport: the rammeområder as a list that keeps together ----------------


@pytest.fixture(scope="module")
def rapport(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tertial")
    report = pipeline.build([pipeline.DEMO_DIR], out, pdf=False, kinds=["tertialrapport"])
    assert report.ok, [str(p) for p in report.problems]
    return next((out / YEAR / "tertialrapport").glob("tertialrapport-*.docx"))


def _rammeomrader(document: docx.document.Document) -> tuple[docx.text.paragraph.Paragraph,
                                                              list[docx.text.paragraph.Paragraph]]:
    paragraphs = document.paragraphs
    i = next(n for n, p in enumerate(paragraphs) if p.text == LEAD)
    items = []
    for p in paragraphs[i + 1:]:
        if "(ansvarlig:" not in p.text:
            break
        items.append(p)
    return paragraphs[i], items


def _numbered(style: docx.styles.style.ParagraphStyle) -> bool:
    """The style (or one it is based on) is tied to a Word numbering (a real list)."""
    while style is not None:
        ppr = style.element.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:numPr")) is not None:
            return True
        style = style.base_style
    return False


def test_the_rammeomrader_are_a_word_list_kept_with_their_lead_in(rapport: Path) -> None:
    lead, items = _rammeomrader(docx.Document(str(rapport)))
    assert len(items) >= 5
    assert not any(p.text.lstrip().startswith("•") for p in items)  # no typed bullets
    assert {p.style.name for p in items} == {"List Bullet"}
    assert _numbered(items[0].style)
    assert items[0].text.startswith("Politisk styring (ansvarlig: SERV)")
    # Lead-in and every item but the last keep with the next paragraph; the last does not
    # (it would drag the next chapter's heading along); no item breaks inside.
    assert lead.paragraph_format.keep_with_next
    assert all(p.paragraph_format.keep_with_next for p in items[:-1])
    assert not items[-1].paragraph_format.keep_with_next
    assert all(p.paragraph_format.keep_together for p in items)


def _page_of(pdf: Path, text: str) -> int:
    with pdfplumber.open(pdf) as doc:
        for n, page in enumerate(doc.pages):
            if text in " ".join((page.extract_text() or "").split()):
                return n
    raise AssertionError(f"«{text}» finnes ikke i {pdf.name}")


def _lead_top(pdf: Path) -> tuple[int, float]:
    """The page of the lead-in and its distance from the top of the page (points)."""
    with pdfplumber.open(pdf) as doc:
        for n, page in enumerate(doc.pages):
            found = page.search("Rammeområdene med ansvarlig")
            if found:
                return n, found[0]["top"]
    raise AssertionError("ingressen til rammeområdene finnes ikke")


def _pushed(rapport: Path, points: float, target: Path, keep: bool = True) -> Path:
    """The report with empty lines of exactly 10 points before the lead-in (``points`` in
    all); ``keep=False`` takes the keep-with-next off the lead-in and the items (control)."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    document = docx.Document(str(rapport))
    lead, items = _rammeomrader(document)
    for _ in range(int(points / 10)):
        blank = document.add_paragraph()
        fmt = blank.paragraph_format
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(10)
        fmt.space_before = fmt.space_after = Pt(0)
        lead._p.addprevious(blank._p)
    if not keep:
        for p in (lead, *items):
            p.paragraph_format.keep_with_next = False
    document.save(str(target))
    return target


@pytest.mark.slow
def test_the_list_is_never_split_from_its_lead_in_even_at_the_foot_of_a_page(
        rapport: Path, tmp_path: Path) -> None:
    """LibreOffice: the list as built, and moved down until it crosses the foot of its page
    (a control without the keeps is split there): lead-in and all items on one page."""
    from generator.output.pdf import convert

    document = docx.Document(str(rapport))
    _lead, items = _rammeomrader(document)
    first_item = items[0].text.split(")")[0] + ")"  # «Politisk styring (ansvarlig: SERV)»
    last = items[-1].text.split(")")[0] + ")"
    as_built = tmp_path / "som-bygget.docx"
    document.save(str(as_built))
    [pdf] = convert([as_built], tmp_path / "pdf")
    page, top = _lead_top(pdf)
    assert _page_of(pdf, first_item) == _page_of(pdf, last) == page
    section = document.sections[-1]
    foot = section.page_height.pt - section.bottom_margin.pt  # where the text area ends
    down = foot - 100 - top  # the lead-in about 100 points above the foot: the list crosses it
    moved, control = convert([_pushed(rapport, down, tmp_path / "skjøvet.docx"),
                              _pushed(rapport, down, tmp_path / "uten.docx", keep=False)],
                             tmp_path / "pdf")
    assert _page_of(control, first_item) != _page_of(control, last)  # the case is real
    moved_page = _lead_top(moved)[0]
    assert _page_of(moved, first_item) == _page_of(moved, last) == moved_page


# --- 3. signed in place: one reading of the signatures ---------------------------------------


@pytest.fixture
def signed_in_place(demo_pdf_build: Path, tmp_path: Path) -> dict:
    """A copy of the demo's year folder with one lederavtale signed by the leader only, in
    the PDF itself (no ``-signert.pdf`` copy)."""
    year = tmp_path / YEAR
    shutil.copytree(demo_pdf_build, year)
    built = manifest.load(year)
    name, entry = next((n, e) for n, e in built.documents.items()
                       if e.kind == "lederavtale" and "pdf" in e.outputs
                       and not n.endswith("-offentlig.docx"))
    pdf_rel = entry.outputs["pdf"].file
    p12, _ = _certificate(tmp_path)
    signing.sign(year / pdf_rel, "Leder", p12, b"hemmelig", year / pdf_rel, other_signer=True)
    return {"year": year, "name": name, "entry": entry, "pdf_rel": pdf_rel}


def _signing(s: dict) -> oversikt.Signing | None:
    year, entry = s["year"], s["entry"]
    files = oversikt.document_files(year, s["name"], entry, None, {s["pdf_rel"]}, True)
    return oversikt.signing(year, entry, files)


def test_the_overview_reads_an_agreement_signed_in_place_as_inspect_copy_does(
        signed_in_place: dict) -> None:
    year, entry, pdf_rel = signed_in_place["year"], signed_in_place["entry"], \
        signed_in_place["pdf_rel"]
    copy = inspect_copy(year, pdf_rel, entry.data_sha256, entry.outputs["pdf"])
    assert copy is not None and copy.rel == pdf_rel and copy.current
    assert [f.signer for f in copy.state.signed] == ["Testleder Fjellvik"]
    over = next(f for f in copy.state.fields if f.field == "NaermesteOverordnedeLeder")
    assert over.line_name  # the name under the line, as the PDF shows it
    shown = _signing(signed_in_place)
    assert shown == oversikt.Signing(signed=("Testleder Fjellvik (Leder)",),
                                     missing=(f"{over.line_name} (Nærmeste overordnede leder)",),
                                     pdf=pdf_rel, stale=False)
    assert shown.label == "delvis signert"


def test_a_signature_that_no_longer_validates_is_not_counted_as_signed(
        signed_in_place: dict) -> None:
    """A field holds a signature, but the PDF was changed after it was signed: pyHanko finds
    it broken, so the page says «ikke signert» as the build and ``sign`` would."""
    path = signed_in_place["year"] / signed_in_place["pdf_rel"]
    data = bytearray(path.read_bytes())
    i = data.find(b"Lederavtale")
    data[i: i + 11] = b"Lederavtele"
    path.write_bytes(bytes(data))
    assert [f.valid for f in read_state(path).fields if f.signed] == [False]
    shown = _signing(signed_in_place)
    assert shown is not None and shown.signed == () and len(shown.missing) == 2
    assert shown.label == "ikke signert"
