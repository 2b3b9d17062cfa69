"""Universal design (issue 26): every PDF of the demo build is PDF/UA-1 and PDF/A-2b by the
independent validator (page-validation), signed lederavtaler included; the structure behind
it is real (headings, table headers, alternative text, title, language, artifacts); the
Word files follow the rules of Word's accessibility checker; text on fills has contrast.

One demo build with PDF for the whole module (LibreOffice is the slow part)."""

from __future__ import annotations

import itertools
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from lxml import etree

from generator import pipeline
from generator.input.profile_reader import TEXT_RATIO, contrast, readable_on_white, text_on
from generator.output import pdfua

from .conftest import set_field
from .test_pdf import KNOWN_FALSE_POSITIVES, _certificate, _sign

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
KINDS = ("oppdragsbrev", "tertialrapport", "utviklingsstrategi", "lederavtale",
         "lederavtale-offentlig")


@pytest.fixture(scope="module")
def built(demo_pdf_build: Path) -> Path:
    """The session's one demo build with PDF (tests/conftest.py); read-only here."""
    return demo_pdf_build


def _one(year: Path, kind: str, ext: str) -> Path:
    if kind.startswith("lederavtale"):
        files = sorted(year.glob(f"lederavtale/*.{ext}"))
        public = [f for f in files if f.stem.endswith("-offentlig")]
        if kind.endswith("offentlig"):
            return public[0]
        # a leader with a public variant: the full agreement has the screened goals
        return next(f for f in files if f.with_name(f.stem + "-offentlig." + ext) in public)
    return next(year.glob(f"{kind}/*.{ext}"))


def validator_failures(path: Path, profile: str) -> list[str]:
    """What page-validation finds in one profile, minus the false positives that
    tests/test_pdf.py proves on the file itself (STREAM-LENGTH, earlier ByteRange)."""
    import page

    data = path.read_bytes()
    report = page.validate_pdf(path, profile=page.ValidationProfile(profile))
    left = []
    for f in report.failures:
        check = KNOWN_FALSE_POSITIVES.get(f.rule_id)
        if check and f.object_id is not None and check(data, f.object_id.object_number):
            continue
        left.append(f"{path.name} [{profile}]: {f.rule_id} {f.message}")
    assert report.is_compliant or report.failures
    return left


# --- the independent validator ----------------------------------------------------------------


def test_every_pdf_of_the_build_is_pdfua1_and_pdfa2b(built: Path) -> None:
    pdfs = sorted(built.rglob("*.pdf"))
    assert len(pdfs) == len(list(built.rglob("*.docx"))) > 40
    assert {p.parent.name for p in pdfs} == {"oppdragsbrev", "tertialrapport",
                                             "utviklingsstrategi", "lederavtale"}
    assert [m for p in pdfs for prof in ("ua1", "2b") for m in validator_failures(p, prof)] == []


@pytest.fixture(scope="module")
def signed(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One lederavtale signed by the superior (once), then by the leader (twice), with the
    command line as a user does it."""
    work = tmp_path_factory.mktemp("uu-signert")
    source = work / "avtale.pdf"
    shutil.copy(_one(built, "lederavtale", "pdf"), source)
    p12, _cert = _certificate(work)
    mp = pytest.MonkeyPatch()
    mp.setenv("TEST_PASSORD", "hemmelig")
    try:
        first = _sign(source, "NaermesteOverordnedeLeder", p12, work / "en.pdf")
        assert first.exit_code == 0, first.output
        second = _sign(work / "en.pdf", "Leder", p12, work / "to.pdf")
        assert second.exit_code == 0, second.output
    finally:
        mp.undo()
    return {"unsigned": source, "once": work / "en.pdf", "twice": work / "to.pdf"}


def test_signed_once_and_twice_stay_pdfua1_and_pdfa2b(signed: dict[str, Path]) -> None:
    for path in signed.values():
        assert validator_failures(path, "ua1") == []
        assert validator_failures(path, "2b") == []
    # the second signature's file keeps the first revision byte for byte (incremental)
    assert signed["twice"].read_bytes().startswith(signed["once"].read_bytes())


def test_signature_widgets_are_labelled_form_fields(signed: dict[str, Path]) -> None:
    for path in signed.values():
        with pikepdf.open(path) as pdf:
            fields = {str(f.T): f for f in pdf.Root.AcroForm.Fields}
            assert {k: str(f.TU) for k, f in fields.items()} == {
                "NaermesteOverordnedeLeder": "Signatur: Nærmeste overordnede leder",
                "Leder": "Signatur: Leder"}
            forms = [e for e in pdfua._elements(pdf.Root.StructTreeRoot) if e.S == "/Form"]
            assert sorted(str(e.K.Obj.T) for e in forms) == sorted(fields)
            nums = pdf.Root.StructTreeRoot.ParentTree.Nums
            parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
            for f in fields.values():
                assert parents[int(f.StructParent)].objgen in {e.objgen for e in forms}
            for page in pdf.pages:
                if "/Annots" in page.obj:
                    assert page.obj.Tabs == "/S"


# --- structure per kind -----------------------------------------------------------------------


def _walk_pdf(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return list(pdfua._elements(pdf.Root.StructTreeRoot))


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_structure_per_kind(built: Path, kind: str) -> None:
    path = _one(built, kind, "pdf")
    with pikepdf.open(path) as pdf:
        levels = pdfua.heading_levels(pdf)
        assert levels and levels[0] == 1
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
        elements = _walk_pdf(pdf)
        tables = [e for e in elements if e.S == "/Table"]
        assert tables
        for table in tables:  # every table's first row is header cells
            first = next(e for e in pdfua._table_parts(table, {}) if e.S == "/TR")
            cells = [k for k in first.K if isinstance(k, pikepdf.Dictionary)]
            assert cells and all(c.S == "/TH" for c in cells), path.name
        lists = [e for e in elements if e.S == "/L"]  # bullet lists are lists, not paragraphs
        assert lists and all(any(k.S == "/LI" for k in e.K) for e in lists), path.name
        figures = [e for e in elements if e.S == "/Figure"]
        for fig in figures:
            alt = str(fig.get("/Alt", ""))
            assert len(alt) > 15 and alt.strip().lower() not in ("diagram", "bilde"), alt
        assert pdf.Root.Lang == "nb-NO"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.Root.MarkInfo.Marked is True
        title = str(pdf.docinfo["/Title"])
        assert title and pdf.open_metadata()["dc:title"] == title
        assert pdf.open_metadata()["pdfuaid:part"] == "1"
        for n, page in enumerate(pdf.pages):
            assert pdfua.untagged_painting(page) == 0, (path.name, n)
            if n:  # running header/footer text (page number) is an artifact on every page
                assert _artifact_text(page), (path.name, n)
    if kind == "tertialrapport":
        alts = [str(f.get("/Alt")) for f in figures]
        sick = next(a for a in alts if a.startswith("Linjediagram: sykefravær"))
        assert re.search(r"mål \d+,\d %", sick) and "tertial" in sick  # from the data
        assert any(a.startswith("Logo for ") for a in alts)


def _artifact_text(page: pikepdf.Page) -> bool:
    """True when some text is shown inside an /Artifact marked-content sequence."""
    stack: list[str] = []
    for ins in pikepdf.parse_content_stream(page):
        op = str(ins.operator)
        if op in ("BDC", "BMC"):
            stack.append(str(ins.operands[0]))
        elif op == "EMC":
            stack.pop()
        elif op in ("Tj", "TJ") and "/Artifact" in stack:
            return True
    return False


def _docx_xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(part))


def _paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t")).strip()


@pytest.mark.parametrize("kind", KINDS)
def test_docx_structure_per_kind(built: Path, kind: str) -> None:
    """What Word's accessibility checker looks at: headings in order and not empty, a
    header row on every data table, alternative text on every picture, title and
    language set."""
    path = _one(built, kind, "docx")
    doc = _docx_xml(path, "word/document.xml")
    levels = []
    for p in doc.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        m = re.fullmatch(r"Heading(\d)", style.get(f"{W}val") if style is not None else "")
        if m:
            levels.append(int(m.group(1)))
            assert _paragraph_text(p), f"tom overskrift i {path.name}"
    assert levels and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    for tbl in doc.iter(f"{W}tbl"):
        text = _paragraph_text(tbl)  # the signature block too: the roles are its header row
        first = tbl.find(f"{W}tr")
        assert first is not None and first.find(f"{W}trPr/{W}tblHeader") is not None, text[:60]
    pictures = list(doc.iter(f"{WP}docPr"))
    if kind in ("tertialrapport", "utviklingsstrategi", "oppdragsbrev"):
        assert pictures
    for pic in pictures:
        assert len(pic.get("descr", "")) > 15 or _decorative(pic), etree.tostring(pic)
    with zipfile.ZipFile(path) as zf:
        headers = [n for n in zf.namelist() if re.fullmatch(r"word/header\d*\.xml", n)]
    logos = [pic for n in headers for pic in _docx_xml(path, n).iter(f"{WP}docPr")]
    assert logos or kind.startswith("lederavtale")
    assert all(_decorative(pic) for pic in logos)  # the running header's logo is decoration
    core = _docx_xml(path, "docProps/core.xml")
    ns = {"dc": "http://purl.org/dc/elements/1.1/"}
    assert core.findtext("dc:title", namespaces=ns)
    assert core.findtext("dc:language", namespaces=ns) == "nb-NO"
    styles = _docx_xml(path, "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == "nb-NO"


def _decorative(doc_pr: etree._Element) -> bool:
    return any(el.tag.endswith("}decorative") and el.get("val") in ("1", "true")
               for el in doc_pr.iter())


# --- the finishing step on its own (no LibreOffice) -------------------------------------------


def _tagged(content: bytes, kids: list[str]) -> pikepdf.Pdf:
    """A one-page tagged PDF whose structure tree is a Document with ``kids`` (types)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(content)
    doc = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem,
                                               S=pikepdf.Name.Document))
    doc.K = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name(k), P=doc)) for k in kids])
    pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructTreeRoot, K=doc))
    return pdf


def test_untagged_painting_becomes_artifact_and_tagged_content_stays() -> None:
    content = (b"q 0 0 1 RG 1 w 10 10 m 100 10 l S Q "
               b"/P <</MCID 0>> BDC BT /F1 12 Tf 10 20 Td (Hei) Tj ET 5 5 50 50 re f EMC "
               b"0.5 g 0 0 10 10 re f 1 g 20 20 5 5 re f BT (x) Tj ET")
    pdf = _tagged(content, [])
    page = pdf.pages[0]
    assert pdfua.untagged_painting(page) == 4
    assert pdfua.mark_untagged_as_artifact(pdf, page) == 3  # two fills share one artifact
    assert pdfua.untagged_painting(page) == 0
    ops = [(str(i.operator), list(i.operands)) for i in pikepdf.parse_content_stream(page)]
    names = [o for o, _ in ops]
    start = names.index("BDC")  # the tagged sequence is untouched
    assert names[start:start + 9] == ["BDC", "BT", "Tf", "Td", "Tj", "ET", "re", "f", "EMC"]
    assert names[:3] == ["q", "RG", "w"] and names[3] == "BMC" and names[6:8] == ["S", "EMC"]
    assert pdfua.mark_untagged_as_artifact(pdf, page) == 0  # nothing left to do


def test_headings_are_renumbered_without_skips() -> None:
    pdf = _tagged(b"", ["/H1", "/H3", "/H4", "/H3", "/P", "/H1", "/H2", "/H4"])
    pdfua._nest_headings(pdf.Root.StructTreeRoot)
    assert pdfua.heading_levels(pdf) == [1, 2, 3, 2, 1, 2, 3]
    starts_low = _tagged(b"", ["/H2", "/H3"])
    pdfua._nest_headings(starts_low.Root.StructTreeRoot)
    assert pdfua.heading_levels(starts_low) == [1, 2]


def test_role_map_cycles_and_remapped_standard_types_are_removed() -> None:
    pdf = _tagged(b"", ["/Standard"])
    tree = pdf.Root.StructTreeRoot
    tree.RoleMap = pikepdf.Dictionary({"/Standard": pikepdf.Name("/Body"),
                                       "/Body": pikepdf.Name("/P"),
                                       "/A": pikepdf.Name("/B"), "/B": pikepdf.Name("/A"),
                                       "/P": pikepdf.Name("/Span")})
    pdfua._fix_role_map(tree)
    assert {str(k): str(v) for k, v in tree.RoleMap.items()} == {
        "/Standard": "/P", "/Body": "/P", "/A": "/P", "/B": "/P"}


def test_a_table_without_header_cells_is_read_as_layout() -> None:
    pdf = _tagged(b"", ["/Table", "/Table"])
    layout, data = list(pdf.Root.StructTreeRoot.K.K)
    for table, cell in ((layout, "/TD"), (data, "/TH")):
        row = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.TR, P=table, K=pikepdf.Array(
            [pikepdf.Dictionary(S=pikepdf.Name(cell)), pikepdf.Dictionary(S=pikepdf.Name.TD)])))
        table.K = pikepdf.Array([row])
    pdfua._layout_tables(pdf.Root.StructTreeRoot)
    assert [str(e.S) for e in pdfua._elements(pdf.Root.StructTreeRoot)] == [
        "/Document", "/Div", "/Div", "/Div", "/Div", "/Table", "/TR", "/TH", "/TD"]


def test_pdfuaid_is_declared_and_survives_a_metadata_update() -> None:
    import datetime as dt

    pdf = _tagged(b"", [])
    with pdf.open_metadata() as meta:
        meta["pdfaid:part"] = "2"
        meta["dc:title"] = "Prøve"
    pdfua._declare_pdfuaid(pdf)
    pdfua._declare_pdfuaid(pdf)  # idempotent: one declaration
    data = pdf.Root.Metadata.read_bytes()
    assert data.count(b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>") == 1
    moment = dt.datetime(2026, 12, 6, 8, 30, tzinfo=dt.UTC)
    updated = pdfua.updated_xmp(data, "LibreOffice; pyHanko", moment)
    xml = etree.fromstring(updated)
    uri = xml.find(".//{http://www.aiim.org/pdfa/ns/schema#}namespaceURI")
    assert uri is not None and uri.text == pdfua.PDFUAID  # text, not rdf:resource
    out = pikepdf.new()
    out.Root.Metadata = out.make_stream(updated)
    meta = out.open_metadata()
    assert meta["pdfuaid:part"] == "1" and meta["dc:title"] == "Prøve"
    assert meta["pdf:Producer"] == "LibreOffice; pyHanko"
    assert meta["xmp:ModifyDate"].startswith("2026-12-06T08:30:00")


def test_tounicode_ranges_with_arrays_become_single_mappings() -> None:
    cmap = (b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            b"1 beginbfchar\n<0003> <0020>\nendbfchar\n"
            b"2 beginbfrange\n<0013> <0015> [<0030> <0031> <0032>]\n<0020> <0022> <0041>\n"
            b"endbfrange\nendcmap")
    out = pdfua.cmap_without_range_arrays(cmap)
    assert b"[" not in out
    assert b"3 beginbfchar\n<0013> <0030>\n<0014> <0031>\n<0015> <0032>\nendbfchar" in out
    assert b"1 beginbfrange\n<0020> <0022> <0041>\nendbfrange" in out
    assert b"1 beginbfchar\n<0003> <0020>\nendbfchar" in out


# --- contrast ---------------------------------------------------------------------------------

PROFILE_COLOURS = {"lys": "F2C500", "middels": "3C8DBC", "mørk": "1F3A5F"}


def test_contrast_helpers() -> None:
    assert round(contrast("000000", "FFFFFF"), 1) == 21.0
    assert contrast("777777", "FFFFFF") < TEXT_RATIO  # the classic grey fails
    for hex6 in ("000000", "FFFFFF", "767676", "777777", "F2C500", "3C8DBC", "FF0000", "00FF00"):
        assert contrast(hex6, text_on(hex6)) >= TEXT_RATIO
        dark = readable_on_white(hex6)
        assert contrast(dark, "FFFFFF") >= TEXT_RATIO
        if contrast(hex6, "FFFFFF") >= TEXT_RATIO:
            assert dark == hex6


@pytest.fixture(scope="module")
def profiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Any]]:
    """The tertialrapport and oppdragsbrev (Word) built with a light, a medium and a dark
    profile colour."""
    out: dict[str, tuple[Path, Any]] = {}
    for name, hex6 in PROFILE_COLOURS.items():
        folder = tmp_path_factory.mktemp(f"farge-{name}")
        wb = folder / "wb"
        shutil.copytree(pipeline.DEMO_DIR, wb, ignore=shutil.ignore_patterns("*.md"))
        set_field(wb / "styring.xlsx", "Kommune", "Profilfarge", f"#{hex6}")
        report = pipeline.build([wb], folder / "ut", kinds=["tertialrapport", "oppdragsbrev"],
                                pdf=False)
        assert report.ok, [str(p) for p in report.problems]
        out[name] = (folder / "ut" / "2026", report)
    return out


def _styles(styles: etree._Element) -> dict[str, etree._Element]:
    return {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}


def _style_prop(styles: dict[str, etree._Element], sid: str | None, path: str) -> Any:
    """A property of a style, following basedOn (None when no style in the chain sets it)."""
    while sid and sid in styles:
        found = styles[sid].find(path)
        if found is not None:
            return found
        based = styles[sid].find(f"{W}basedOn")
        sid = based.get(f"{W}val") if based is not None else None
    return None


def _colour(el: Any) -> str | None:
    value = el.get(f"{W}val") if el is not None else None
    return None if value in (None, "auto") else value


def _big(styles: dict[str, etree._Element], sid: str | None, run: etree._Element) -> bool:
    """Large text by WCAG: 18 pt, or 14 pt bold (sizes in half points)."""
    sz = run.find(f"{W}rPr/{W}sz")
    sz = sz if sz is not None else _style_prop(styles, sid, f"{W}rPr/{W}sz")
    bold = run.find(f"{W}rPr/{W}b") is not None \
        or _style_prop(styles, sid, f"{W}rPr/{W}b") is not None
    size = int(sz.get(f"{W}val")) / 2 if sz is not None else 11
    return size >= 18 or (size >= 14 and bold)


@pytest.mark.parametrize("name", PROFILE_COLOURS)
def test_every_text_run_on_a_fill_or_in_a_colour_has_contrast(
        profiled: dict[str, tuple[Path, Any]], name: str) -> None:
    year, _report = profiled[name]
    checked = 0
    for path in [*year.glob("tertialrapport/*.docx"), *year.glob("oppdragsbrev/*.docx")]:
        styles = _styles(_docx_xml(path, "word/styles.xml"))
        table_style = styles["Kommunetabell"]
        head = next(t for t in table_style.iter(f"{W}tblStylePr")
                    if t.get(f"{W}type") == "firstRow")
        head_fill = head.find(f"{W}tcPr/{W}shd").get(f"{W}fill")
        head_text = _colour(head.find(f"{W}rPr/{W}color"))
        assert head_fill == PROFILE_COLOURS[name]
        for p in _docx_xml(path, "word/document.xml").iter(f"{W}p"):
            pstyle = p.find(f"{W}pPr/{W}pStyle")
            sid = pstyle.get(f"{W}val") if pstyle is not None else "Normal"
            cell = next(p.iterancestors(f"{W}tc"), None)
            row = next(p.iterancestors(f"{W}tr"), None)
            fill = "FFFFFF"
            text = _colour(_style_prop(styles, sid, f"{W}rPr/{W}color"))
            if row is not None and row.find(f"{W}trPr/{W}tblHeader") is not None:
                fill, text = head_fill, head_text or text
            own = cell.find(f"{W}tcPr/{W}shd") if cell is not None else None
            if own is not None and own.get(f"{W}fill") not in (None, "auto"):
                fill = own.get(f"{W}fill")
            for r in p.iter(f"{W}r"):
                if not "".join(t.text or "" for t in r.iter(f"{W}t")).strip():
                    continue
                colour = _colour(r.find(f"{W}rPr/{W}color")) or text or "000000"
                need = 3.0 if _big(styles, sid, r) else TEXT_RATIO
                assert contrast(colour, fill) >= need, (path.name, sid, colour, fill)
                checked += 1
    assert checked > 200


def test_check_says_when_the_profile_colour_is_darkened(
        profiled: dict[str, tuple[Path, Any]]) -> None:
    notices = {name: [p.message for p in report.problems.notices if "kontrast" in p.message]
               for name, (_year, report) in profiled.items()}
    assert notices["mørk"] == []  # 1F3A5F reads on white: nothing to say
    for name in ("lys", "middels"):  # F2C500 1,6:1 and 3C8DBC 3,7:1: darkened, and said so
        (said,) = notices[name]
        hex6 = PROFILE_COLOURS[name]
        assert "4,5:1" in said and f"#{readable_on_white(hex6)}" in said, said
        assert "Traceback" not in said


def test_risk_matrix_and_status_text_reach_the_ratio() -> None:
    from generator.rendering import palette

    for fill in palette.STATUS_FILL.values():
        assert contrast("000000", fill) >= TEXT_RATIO
        assert contrast(palette.SECONDARY_TEXT, fill) >= TEXT_RATIO
        assert contrast("1A1A1A", fill) >= TEXT_RATIO


def test_status_is_never_colour_alone(built: Path) -> None:
    doc = _docx_xml(next(built.glob("tertialrapport/*.docx")), "word/document.xml")
    from generator.rendering import palette

    fills = {v.upper() for v in palette.STATUS_FILL.values()}
    seen = 0
    for tc in doc.iter(f"{W}tc"):
        shd = tc.find(f"{W}tcPr/{W}shd")
        if shd is not None and (shd.get(f"{W}fill") or "").upper() in fills:
            seen += 1
            assert _paragraph_text(tc), "en statuscelle uten tekst (bare farge)"
    assert seen > 5


def test_word_files_with_decorative_logo_pass_the_open_xml_validator(built: Path) -> None:
    from .docx_tools import validate

    results = validate([_one(built, kind, "docx") for kind in KINDS])
    bad = {p.name: r["errors"][:2] for p, r in results.items() if not r["ok"]}
    assert not bad, bad


@pytest.mark.parametrize("kind", ["oppdragsbrev", "tertialrapport", "utviklingsstrategi"])
def test_no_empty_paragraphs_for_spacing_on_the_title_page(built: Path, kind: str) -> None:
    """The title page's white space is paragraph spacing: every paragraph before the first
    page break has text or the logo."""
    body = _docx_xml(_one(built, kind, "docx"), "word/document.xml").find(f"{W}body")
    assert body is not None
    for p in body.iter(f"{W}p"):
        if p.find(f".//{W}br") is not None:
            break
        assert _paragraph_text(p) or p.find(f".//{W}drawing") is not None, etree.tostring(p)
