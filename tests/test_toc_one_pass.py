"""A table of contents in ONE LibreOffice pass (issue 30, «PDF at the two-core limit»): over
UNO, LibreOffice writes each entry's page number from its own layout before it stores the
PDF, and the build writes the same numbers into the DOCX, so a document with a table of
contents is converted once, not twice. The PDF's numbers are each heading's page (read by
poppler, not by the reader the build uses), the DOCX's PAGEREF results say the same, and
the numbers stay inside the entries' links (PDF/UA). A PDF whose table of contents does not
show its headings' pages is converted again (the batched calls, which cannot number it,
always do so): correctness never rests on the shortcut. Built once, in nynorsk («Innhald»,
«Innhald og hovudoppgåver» under every delstrategi)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from generator import pipeline
from generator.output import pdf
from generator.rendering import toc

pytestmark = pytest.mark.skipif(pdf.soffice() is None or pdf.uno_python() is None,
                                reason="LibreOffice med UNO (python3-uno) mangler")

KINDS = ["oppdragsbrev", "tertialrapport", "utviklingsstrategi"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEADER = re.compile(r"^(.*?)\s*\.{3,}\s*(\d*)$")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[pdf.Office]]:
    """The nynorsk demo's three documents with a table of contents, built with PDF once;
    the build's warm LibreOffice workers (the real class, only remembered)."""
    base = tmp_path_factory.mktemp("toc-one-pass")
    assert pipeline.write_demo(base / "wb", "nynorsk")
    offices: list[pdf.Office] = []
    real_init = pdf.Office.__init__

    def init(self: pdf.Office, count: int, label: str | None = None) -> None:
        offices.append(self)
        real_init(self, count, label)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pdf.Office, "__init__", init)
        report = pipeline.build([base / "wb"], base / "ut", kinds=KINDS, pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    return base / "ut" / "2026", offices


def _one(year: Path, kind: str, ext: str) -> Path:
    return next(year.glob(f"*/{kind}-*.{ext}"))


def _pdf_pages(path: Path) -> list[list[str]]:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [[" ".join(ln.split()) for ln in page.splitlines()] for page in text.split("\f")]


def _toc(pages: list[list[str]]) -> tuple[int, list[tuple[str, str]]]:
    """The table of contents' page and its entries (text, number shown) as poppler reads it."""
    at = next(i for i, lines in enumerate(pages)
              if sum(bool(LEADER.match(ln)) for ln in lines) >= 2)
    return at, [(m[1], m[2]) for ln in pages[at] if (m := LEADER.match(ln))]


def _heading_pages(pages: list[list[str]], at: int, headings: list[str]) -> list[str]:
    """The page of each heading after the table of contents, the n-th entry the n-th heading
    (headings with the same text kept apart)."""
    found, page, line = [], at + 1, -1
    for heading in headings:
        page, line = next((p, k) for p in range(page, len(pages))
                          for k in range(line + 1 if p == page else 0, len(pages[p]))
                          if " ".join(pages[p][k:k + 3]).startswith(heading))
        found.append(str(page + 1))
    return found


def _docx_numbers(path: Path) -> list[str]:
    """The PAGEREF results of the DOCX's table of contents, entry by entry."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [[t.text or "" for t in link.iter(f"{W}t")][-1] for link in root.iter(f"{W}hyperlink")
            if any("PAGEREF" in (i.text or "") for i in link.iter(f"{W}instrText"))]


def _set_docx_numbers(path: Path, number: str) -> None:
    """Every PAGEREF result of the DOCX set to ``number`` (a stale table of contents)."""
    with zipfile.ZipFile(path) as z:
        parts = {i: z.read(i) for i in z.infolist()}
    for info, data in parts.items():
        if info.filename == "word/document.xml":
            root = etree.fromstring(data)
            for link in root.iter(f"{W}hyperlink"):
                if any("PAGEREF" in (i.text or "") for i in link.iter(f"{W}instrText")):
                    [t for t in link.iter(f"{W}t")][-1].text = number
            parts[info] = etree.tostring(root, encoding="UTF-8", xml_declaration=True,
                                         standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts.items():
            z.writestr(info, data)


def test_each_document_with_a_table_of_contents_goes_through_libreoffice_once(
        built: tuple[Path, list[pdf.Office]]) -> None:
    year, offices = built
    assert len(offices) == 1
    converted = Counter(p.name for p in offices[0].converted)
    assert converted == Counter({_one(year, kind, "docx").name: 1 for kind in KINDS})


@pytest.mark.parametrize("kind", KINDS)
def test_the_pdf_shows_each_headings_page_and_the_docx_says_the_same(
        built: tuple[Path, list[pdf.Office]], kind: str) -> None:
    year, _ = built
    path = _one(year, kind, "pdf")
    pages = _pdf_pages(path)
    at, entries = _toc(pages)
    assert "Innhald" in pages[at] and len(entries) >= 10
    shown = [number for _, number in entries]
    assert all(shown), entries
    assert shown == _heading_pages(pages, at, [text for text, _ in entries])
    assert _docx_numbers(_one(year, kind, "docx")) == shown
    if kind == "utviklingsstrategi":  # the repeated headings: each its own delstrategi's page
        repeated = [n for text, n in entries if text == "Innhald og hovudoppgåver"]
        assert len(repeated) >= 3 and len(set(repeated)) >= 2, entries
    # PDF/UA: each number is inside its entry's link, as when it came from the DOCX
    with pikepdf.open(path) as doc:
        links = [str(a.get("/Contents", "")) for a in doc.pages[at].get("/Annots", [])
                 if a.get("/Subtype") == "/Link"]
    assert Counter(links) == Counter(f"{text}\t{number}" for text, number in entries)


def test_a_pdf_that_does_not_show_its_headings_pages_is_converted_again(
        built: tuple[Path, list[pdf.Office]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The batched calls (no UNO) write the table of contents as stored: a stale one (every
    entry «99») is found in the PDF, the DOCX gets the headings' pages, and the next PDF
    shows them (no third pass)."""
    year, _ = built
    source = tmp_path / "oppdragsbrev.docx"
    shutil.copy(_one(year, "oppdragsbrev", "docx"), source)
    right = _docx_numbers(source)
    _set_docx_numbers(source, "99")
    monkeypatch.setenv(pdf.UNO_ENV, "nei")
    first = pdf.convert([source], tmp_path / "1", toc=[source])[0]  # «toc»: over UNO only
    assert {n for _, n in _toc(_pdf_pages(first))[1]} == {"99"}
    assert toc.page_numbers(source, first) is True  # convert again
    assert _docx_numbers(source) == right
    second = pdf.convert([source], tmp_path / "2")[0]
    assert toc.page_numbers(source, second) is False
    assert [n for _, n in _toc(_pdf_pages(second))[1]] == right


def test_over_uno_a_stale_table_of_contents_is_numbered_from_the_layout(
        built: tuple[Path, list[pdf.Office]], tmp_path: Path) -> None:
    """Numbers already in the entries (here every one «99», as from a stale Word field) are
    replaced, not added to: the one PDF shows the headings' pages, and the DOCX gets them."""
    year, _ = built
    source = tmp_path / "utviklingsstrategi.docx"
    shutil.copy(_one(year, "utviklingsstrategi", "docx"), source)
    right = _docx_numbers(source)
    _set_docx_numbers(source, "99")
    office = pdf.Office(1)
    try:
        made = pdf.convert([source], tmp_path / "pdf", office=office, toc=[source])[0]
    finally:
        office.close()
    assert office.converted == [source]
    assert [n for _, n in _toc(_pdf_pages(made))[1]] == right
    assert toc.page_numbers(source, made) is False  # no second pass
    assert _docx_numbers(source) == right
