"""Own chapters (sheet «Kapitler»), the table of contents and the lederavtale's standard
texts from the workbook: real workbooks edited with openpyxl, documents re-read with
docx2python and python-docx, the PDF read by pdftotext."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx2python import docx2python

from generator import pipeline
from generator.documents import standardtekster
from generator.documents.kapitler import Blokk, blocks
from generator.rendering.fast import FastTemplate
from generator.rendering.template import TEMPLATE_DIR, Template, environment

from .conftest import header_column, run, set_field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _add_chapters(book: Path, rows: list[dict[str, object]]) -> list[int]:
    """Append rows to the sheet Kapitler; returns their row numbers."""
    wb = openpyxl.load_workbook(book)
    ws = wb["Kapitler"]
    out = []
    for values in rows:
        r = ws.max_row + 1
        for header, value in values.items():
            ws.cell(row=r, column=header_column(ws, header), value=value)
        out.append(r)
    wb.save(book)
    return out


def _headings(path: Path) -> list[tuple[str, str]]:
    """(style, text) of every Heading 1–3 paragraph, read with python-docx."""
    d = docx.Document(str(path))
    return [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]


def _styled(path: Path, text: str) -> str:
    d = docx.Document(str(path))
    return next(p.style.name for p in d.paragraphs if p.text == text)


def _toc_entries(path: Path) -> list[str]:
    """The texts of the TOC field's result (paragraphs in the toc 1/2 styles)."""
    d = docx.Document(str(path))
    return [p.text.split("\t")[0] for p in d.paragraphs
            if p.style.name in ("toc 1", "toc 2") and "\t" in p.text]


def _body(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.fixture(scope="module")
def demo_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kap")
    report = pipeline.build([pipeline.DEMO_DIR], out, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return out / "2026"


def test_text_convention_paragraphs_bullets_and_sub_bullets() -> None:
    got = blocks("Første avsnitt\nfortsetter her.\n\nAndre avsnitt\n- punkt én\nog mer\n"
                 "-- under\n  - også under\n• punkt to")
    assert [(str(b.tekst).replace("\n", " "), b.punkt) for b in got] == [
        ("Første avsnitt fortsetter her.", 0), ("Andre avsnitt", 0), ("punkt én og mer", 1),
        ("under", 2), ("også under", 2), ("punkt to", 1)]
    assert blocks(None) == [] and blocks("Bare tekst") == [Blokk("Bare tekst")]


def test_demo_chapters_stand_where_placed_numbered_with_the_standard(demo_built: Path) -> None:
    brev = demo_built / "oppdragsbrev" / "oppdragsbrev-2026.docx"
    heads = [t for _, t in _headings(brev)]
    i = heads.index("2. Kommunedirektørens prioriteringer")
    assert heads[i + 1:i + 6] == [
        "2.1 Oppfølging av politiske vedtak", "3. Nærmere om grunnlaget for oppdragene",
        "3.1 Oppvekst", "3.2 Helse og omsorg", "4. Oppdrag for 2026"]
    assert "5. Kompetanse" in heads and "6. Mål for 2026 i balansert målstyring" in heads
    assert ("Heading 2", "3.1 Oppvekst") in _headings(brev)
    # real Word list styles: a bullet and a sub-bullet, both numbered lists
    assert _styled(brev, "Samarbeid mellom skole, helsestasjon og PPT") == "List Bullet"
    assert _styled(brev, "felles tiltaksplan for barn som trenger ekstra støtte") == \
        "List Bullet 2"
    d = docx.Document(str(brev))
    numbering = d.part.numbering_part.element
    for style in ("List Bullet", "List Bullet 2"):
        num_id = d.styles[style].element.pPr.find(f"{W}numPr/{W}numId").get(f"{W}val")
        num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
        abstract = num.find(f"{W}abstractNumId").get(f"{W}val")
        fmt = next(a for a in numbering.iter(f"{W}abstractNum")
                   if a.get(f"{W}abstractNumId") == abstract).find(f"{W}lvl/{W}numFmt")
        assert fmt.get(f"{W}val") == "bullet", style
    with docx2python(str(brev)) as dx:
        txt = dx.text
    # rindex: the last occurrence is the heading, the first the TOC entry
    assert txt.rindex("3.2 Helse og omsorg") < txt.index("Heltidskultur i turnusene") < \
        txt.rindex("4. Oppdrag for 2026")

    avtale = next((demo_built / "lederavtale").glob("lederavtale-oppvekst-*[!t].docx"))
    heads = [t for _, t in _headings(avtale)]
    assert heads[heads.index("3. Lederstøtte") + 1:][:4] == [
        "4. Andre føringer og forventninger til ledere", "4 a) Om etisk standard",
        "5. Oppfølging", "5 a) Oppdrag fra oppdragsbrevet"]
    rapport = demo_built / "tertialrapport" / "tertialrapport-2026-t2.docx"
    heads = [t for _, t in _headings(rapport)]
    assert heads[:3] == ["1. Innledning", "2. Viktige hendelser i perioden", "3. Økonomi"]
    assert _styled(rapport, "beredskapsrådet samlet i to døgn") == "List Bullet 2"
    strategi = demo_built / "utviklingsstrategi" / "utviklingsstrategi-2026-2028.docx"
    heads = [t for _, t in _headings(strategi)]
    i = heads.index("4. Visjon og mål")
    assert heads[i + 1:i + 4] == ["5. Om delstrategiene", "5.1 Slik leser du delstrategiene",
                                  heads[i + 3]]
    assert heads[i + 3].startswith("6. Delstrategi: ")


@pytest.mark.parametrize("kind, name", [
    ("oppdragsbrev", "oppdragsbrev-2026.docx"),
    ("tertialrapport", "tertialrapport-2026-t2.docx"),
    ("utviklingsstrategi", "utviklingsstrategi-2026-2028.docx")])
def test_toc_field_lists_every_heading_with_a_bookmark(demo_built: Path, kind: str,
                                                       name: str) -> None:
    path = demo_built / kind / name
    body = _body(path)
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    heads = [t for s, t in _headings(path) if s in ("Heading 1", "Heading 2")]
    if kind == "utviklingsstrategi":  # the plakat (a title with outline level 1) comes last
        heads.append("Utviklingsplakaten 2026–2028")
    assert _toc_entries(path) == heads and len(heads) > 8
    for anchor in re.findall(r'w:anchor="(_Toc\d+)"', body):
        assert f'w:name="{anchor}"' in body and f"PAGEREF {anchor}" in body
    # the field is one: begin before the first entry, end after the last
    assert body.count('w:fldCharType="begin"') == body.count('w:fldCharType="end"')


def test_both_renderers_give_the_same_text(demo_built: Path) -> None:
    from generator.documents import oppdragsbrev
    from generator.input.validate import load

    data = load([pipeline.DEMO_DIR]).data
    doc = oppdragsbrev.plan(data, lambda o: None)[0]
    slow = Template(TEMPLATE_DIR / "oppdragsbrev.docx").render(doc.context)
    fast = FastTemplate(TEMPLATE_DIR / "oppdragsbrev.docx", environment()).render(doc.context)
    with docx2python(io.BytesIO(slow)) as a, docx2python(io.BytesIO(fast)) as b:
        assert a.text == b.text
        assert "3. Nærmere om grunnlaget for oppdragene" in a.text


def test_own_placement_order_and_standard_texts_from_the_workbook(demo: Path,
                                                                  tmp_path: Path) -> None:
    book = demo / "styring.xlsx"
    _add_chapters(book, [
        {"Dokument": "lederavtale", "Plassering": "Først", "Overskrift": "Vår ledelse",
         "Nivå": 1, "Tekst": "- Punkt A\n-- Under A", "Rekkefølge": 2},
        {"Dokument": "lederavtale", "Plassering": "først", "Overskrift": "Formål",
         "Tekst": "Kort om formålet.", "Rekkefølge": 1},
        {"Dokument": "tertialrapport", "Plassering": "etter-Risiko", "Overskrift": "Bare nå",
         "Tertial": 2},
        {"Dokument": "tertialrapport", "Plassering": "etter risiko", "Overskrift": "Bare i vår",
         "Tertial": 1}])
    set_field(book, "Tekster", "Lederavtale: lederstøtte", "Støtte én\nStøtte to")
    set_field(book, "Tekster", "Lederavtale: spørsmål om høsten", "Hva gikk bra?")
    set_field(book, "Tekster", "Lederavtale: innledning", "Vår egen innledning.")
    out = tmp_path / "out"
    report = pipeline.build([demo], out, kinds=["lederavtale", "oppdragsbrev", "tertialrapport"],
                            pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    heads = [t for _, t in _headings(out / "2026" / "tertialrapport" /
                                     "tertialrapport-2026-t2.docx")]
    assert heads[heads.index("7. Risiko") + 1] == "8. Bare nå" and "Bare i vår" not in str(heads)
    avtale = next((out / "2026" / "lederavtale").glob("lederavtale-oppvekst-*[!t].docx"))
    heads = [t for _, t in _headings(avtale)]
    assert heads[:3] == ["1. Formål", "2. Vår ledelse", "3. Struktur og oppfølging"]
    assert _styled(avtale, "Under A") == "List Bullet 2"
    with docx2python(str(avtale)) as dx:
        txt = dx.text
    for own in ("Støtte én", "Støtte to", "Hva gikk bra?", "Vår egen innledning."):
        assert own in txt
    for default in (standardtekster.LEDERSTØTTE[0], standardtekster.HØSTSPØRSMÅL[0],
                    standardtekster.LEDERAVTALE_INNLEDNING[0]):
        assert default not in txt
    assert standardtekster.ANSVAR[0] in txt  # not overridden: the default stays
    with docx2python(str(out / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx")) as dx:
        brev = dx.text
    assert "Støtte én" in brev and standardtekster.LEDERSTØTTE[0] not in brev
    assert "1. Formål" in brev and "3. Struktur og oppfølging" in brev


def test_unknown_placement_and_a_skipped_level_are_located_errors(demo: Path) -> None:
    bad, skip = _add_chapters(demo / "styring.xlsx", [
        {"Dokument": "tertialrapport", "Plassering": "etter forord", "Overskrift": "X"},
        {"Dokument": "oppdragsbrev", "Plassering": "etter sammendrag", "Overskrift": "Y",
         "Nivå": 2}])
    wrong_doc, tertial = _add_chapters(demo / "styring.xlsx", [
        {"Dokument": "budsjett", "Plassering": "først", "Overskrift": "Z"},
        {"Dokument": "oppdragsbrev", "Plassering": "først", "Overskrift": "T", "Tertial": 2}])
    result = run("check", demo)
    assert result.exit_code == 1
    ws = openpyxl.load_workbook(demo / "styring.xlsx")["Kapitler"]
    col = {h: ws.cell(row=1, column=header_column(ws, h)).column_letter
           for h in ("Plassering", "Nivå", "Dokument", "Tertial")}
    out = " ".join(result.output.split())
    assert (f"styring.xlsx › Kapitler › {col['Plassering']}{bad}: plasseringen «etter forord» "
            "finnes ikke for tertialrapport") in out
    assert "«etter økonomi»" in out
    assert f"styring.xlsx › Kapitler › {col['Nivå']}{skip}: nivå 2" in out
    assert f"styring.xlsx › Kapitler › {col['Dokument']}{wrong_doc}" in out
    assert (f"styring.xlsx › Kapitler › {col['Tertial']}{tertial}: tertial kan bare settes for "
            "tertialrapporten") in out


def test_workbooks_without_kapitler_and_new_texts_still_build(demo: Path, tmp_path: Path
                                                              ) -> None:
    book = demo / "styring.xlsx"
    wb = openpyxl.load_workbook(book)
    del wb["Kapitler"]
    ws = wb["Tekster"]
    for r in range(ws.max_row, 1, -1):
        if str(ws.cell(row=r, column=1).value or "").startswith("Lederavtale:"):
            ws.delete_rows(r)
    wb.save(book)
    assert run("check", demo).exit_code == 0
    out = tmp_path / "out"
    report = pipeline.build([demo], out, kinds=["oppdragsbrev", "lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    brev = out / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx"
    heads = [t for _, t in _headings(brev)]
    assert "1. Virksomhetsstyring" in heads and "3. Oppdrag for 2026" in heads
    assert "4. Oppfølging" in heads  # the appendix, as before
    assert _toc_entries(brev)[:3] == ["Sammendrag", "Kommunedirektørens forord",
                                      "1. Virksomhetsstyring"]
    avtale = next((out / "2026" / "lederavtale").glob("*.docx"))
    with docx2python(str(avtale)) as dx:
        assert standardtekster.HØSTSPØRSMÅL[2] in dx.text


def test_libreoffice_pdf_lists_the_chapters_with_their_pages(demo_pdf_build: Path) -> None:
    pdf = demo_pdf_build / "oppdragsbrev" / "oppdragsbrev-2026.pdf"  # the session's build

    def page(n: int) -> str:
        return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout

    toc = page(2)
    assert "Innhold" in toc
    for heading in ("3. Nærmere om grunnlaget for oppdragene", "3.1 Oppvekst", "5. Kompetanse",
                    "7. Ledelse og medarbeidere"):
        m = re.search(re.escape(heading) + r"\s*\.{3,}\s*(\d+)", toc)
        assert m, heading
        assert heading in page(int(m.group(1))).splitlines(), heading
    # the DOCX holds the same page numbers, for Word
    docx_file = pdf.with_suffix(".docx")
    d = docx.Document(str(docx_file))
    entry = next(p.text for p in d.paragraphs if p.text.startswith("5. Kompetanse\t"))
    assert entry.split("\t")[1] == re.search(r"5\. Kompetanse\s*\.{3,}\s*(\d+)", toc).group(1)


@pytest.mark.parametrize("rel", ["oppdragsbrev/oppdragsbrev-2026.pdf",
                                 "tertialrapport/tertialrapport-2026-t2.pdf",
                                 "utviklingsstrategi/utviklingsstrategi-2026-2028.pdf"])
def test_every_toc_entry_names_the_page_of_its_own_heading(demo_pdf_build: Path,
                                                            rel: str) -> None:
    """Read by poppler (not the reader that set the numbers): the n-th entry is the n-th
    heading, also where headings repeat («Innhold og hovedoppgaver» under every delstrategi
    once showed the page of the delstrategi before it)."""
    text = subprocess.run(["pdftotext", str(demo_pdf_build / rel), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [[" ".join(ln.split()) for ln in page.splitlines()] for page in text.split("\f")]
    leader = re.compile(r"^(.*?)\s*\.{3,}\s*(\d+)$")
    toc = next(i for i, lines in enumerate(pages)
               if sum(bool(leader.match(ln)) for ln in lines) >= 2)
    entries = [(m[1], int(m[2])) for ln in pages[toc] if (m := leader.match(ln))]
    assert len(entries) >= 10
    page, line = toc + 1, -1
    for heading, number in entries:
        hit = next(((p, k) for p in range(page, len(pages))
                    for k in range(line + 1 if p == page else 0, len(pages[p]))
                    if " ".join(pages[p][k:k + 3]).startswith(heading)), None)
        assert hit is not None, heading
        page, line = hit
        assert page + 1 == number, f"«{heading}»: the entry says {number}, it is on {page + 1}"
