"""The municipality's profile from the Kommune sheet (issue 15, item 3): the logo on the
title page and in the header, the profile colour in headings, table headers and the
charts' main series, the font in the styles; bad input located; no profile = no change.

Everything is read back from the built .docx files (zip + lxml, and docx2python as the
independent reader); the chart colours from the embedded PNGs with Pillow.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx2python import docx2python
from lxml import etree
from PIL import Image

from generator import pipeline
from generator.demo.logo import LOGO_NAME, PROFILE_COLOUR, draw
from generator.files import sha256_file as sha256
from generator.input.profile_reader import MAX_LOGO_BYTES, MAX_LOGO_PIXELS, Profil
from generator.paths import TEMPLATE_DIR
from generator.rendering import palette
from generator.rendering.profile import profiled
from generator.rendering.template import Template

from .conftest import field_cell, run, set_field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
DOCS = {"oppdragsbrev": "oppdragsbrev/oppdragsbrev-2026.docx",
        "tertialrapport": "tertialrapport/tertialrapport-2026-t2.docx",
        "utviklingsstrategi": "utviklingsstrategi/utviklingsstrategi-2026-2028.docx"}
COLOUR = PROFILE_COLOUR.lstrip("#").upper()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo (with its logo and profile colour) built once, without PDF."""
    out = tmp_path_factory.mktemp("out")
    report = pipeline.build([pipeline.DEMO_DIR], out, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return out / "2026"


def _all_four(folder: Path) -> dict[str, Path]:
    docs = {k: folder / rel for k, rel in DOCS.items()}
    docs["lederavtale"] = sorted((folder / "lederavtale").glob("*.docx"))[0]
    return docs


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def _image_targets(path: Path, part: str) -> dict[str, bytes]:
    """rId → bytes of every image the part relates to."""
    folder, _, name = part.rpartition("/")
    with zipfile.ZipFile(path) as zf:
        try:
            rels = etree.fromstring(zf.read(f"{folder}/_rels/{name}.rels"))
        except KeyError:
            return {}
        return {r.get("Id"): zf.read(f"{folder}/{r.get('Target')}") for r in rels
                if r.get("Type") == IMAGE_REL}


def _default_headers(path: Path) -> list[str]:
    doc = _part(path, "word/document.xml")
    rels = _part(path, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    return sorted({"word/" + targets[h.get(f"{R}id")] for h in doc.iter(f"{W}headerReference")
                   if h.get(f"{W}type") == "default"})


def _embeds(root: etree._Element) -> list[str]:
    return [b.get(f"{R}embed") for b in root.iter(f"{A}blip")]


def test_logo_is_in_the_header_of_all_four_documents(built: Path) -> None:
    logo = (pipeline.DEMO_DIR / LOGO_NAME).read_bytes()
    for kind, path in _all_four(built).items():
        headers = _default_headers(path)
        assert headers, kind
        for header in headers:
            images = _image_targets(path, header)
            embeds = _embeds(_part(path, header))
            assert embeds and all(images.get(e) == logo for e in embeds), (kind, header)
        with docx2python(path) as d:  # an independent reader sees the picture and the text
            assert logo in d.images.values(), kind
            assert "Fjellvik kommune" in " ".join(str(x) for x in d.header), kind


def test_logo_is_on_the_title_page(built: Path) -> None:
    logo = (pipeline.DEMO_DIR / LOGO_NAME).read_bytes()
    for kind in DOCS:
        path = built / DOCS[kind]
        body = _part(path, "word/document.xml").find(f"{W}body")
        first = body[0]
        assert first.tag == f"{W}p", kind
        embeds = _embeds(first)
        assert len(embeds) == 1, kind
        assert _image_targets(path, "word/document.xml")[embeds[0]] == logo, kind
        descr = first.find(".//{*}docPr").get("descr")
        assert descr == "Logo for Fjellvik kommune"
        # the title follows on the same page
        styles = [p.find(f"{W}pPr/{W}pStyle") for p in list(body)[:8]]
        assert "Title" in [s.get(f"{W}val") for s in styles if s is not None], kind


def _style(styles: etree._Element, style_id: str) -> etree._Element:
    return next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id)


def test_profile_colour_in_headings_and_table_headers(built: Path) -> None:
    for kind, path in _all_four(built).items():
        styles = _part(path, "word/styles.xml")
        for sid in ("Heading1", "Heading2", "Title"):
            assert _style(styles, sid).find(f"{W}rPr/{W}color").get(f"{W}val") == COLOUR, kind
        table = _style(styles, "Kommunetabell")
        first = next(t for t in table.iter(f"{W}tblStylePr") if t.get(f"{W}type") == "firstRow")
        assert first.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == COLOUR, kind
        assert first.find(f"{W}rPr/{W}color").get(f"{W}val") == "FFFFFF"  # readable on it
        assert palette.PRIMARY not in etree.tostring(styles).decode(), kind
        body = _part(path, "word/document.xml")
        used = {s.get(f"{W}val") for s in body.iter(f"{W}tblStyle")}
        assert "Kommunetabell" in used, kind
    # the traffic-light fills in the tables stay as they are
    body = etree.tostring(_part(built / DOCS["tertialrapport"], "word/document.xml")).decode()
    assert any(fill in body for fill in palette.STATUS_FILL.values())


def _pixels_near(png: bytes, hex6: str, tolerance: int = 12) -> int:
    target = [int(hex6[i:i + 2], 16) for i in (0, 2, 4)]
    img = Image.open(io.BytesIO(png)).convert("RGB")
    counts = img.getcolors(maxcolors=1 << 24) or []
    return sum(n for n, rgb in counts
               if all(abs(c - t) <= tolerance for c, t in zip(rgb, target, strict=True)))


def test_charts_main_series_in_the_profile_colour(built: Path) -> None:
    logo = (pipeline.DEMO_DIR / LOGO_NAME).read_bytes()
    for kind in ("tertialrapport", "utviklingsstrategi"):
        with zipfile.ZipFile(built / DOCS[kind]) as zf:
            charts = [zf.read(n) for n in zf.namelist()
                      if n.startswith("word/media/") and zf.read(n) != logo]
        assert charts, kind
        assert all(_pixels_near(png, COLOUR) > 150 for png in charts[:2]), kind
        assert all(_pixels_near(png, palette.PRIMARY, 4) < 20 for png in charts), kind
    # the risk heat map keeps its traffic-light colours
    from generator.rendering import charts

    with palette.profile_colour("#7A1B5E"):
        heat = charts.risk_heatmap([("R1", 5, 5), ("R2", 1, 1)], 6, 15, "Risiko")
        bars = charts.budget_chart([("Drift", 100.0, 60.0, 110.0)], "Drift")
    assert _pixels_near(bars.png, "7A1B5E") > 150
    assert _pixels_near(heat.png, palette.STATUS_FILL["rød"], 6) > 150
    plain = charts.budget_chart([("Drift", 100.0, 60.0, 110.0)], "Drift")
    assert _pixels_near(plain.png, "7A1B5E") == 0 and _pixels_near(plain.png, palette.PRIMARY)


def test_font_for_body_and_headings_keeps_sami_letters(demo: Path, tmp_path: Path) -> None:
    set_field(demo / "styring.xlsx", "Kommune", "Skrift", "DejaVu Sans")
    report = pipeline.build([demo], tmp_path, kinds=["lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    path = sorted((tmp_path / "2026" / "lederavtale").glob("*elle-marja*.docx"))[0]
    styles = _part(path, "word/styles.xml")
    for sid in ("Normal", "Heading1", "Heading2", "Title"):
        fonts = _style(styles, sid).find(f"{W}rPr/{W}rFonts")
        assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == "DejaVu Sans", sid
    assert "Calibri" not in etree.tostring(styles).decode()
    theme = _part(path, "word/theme/theme1.xml")
    assert {f.get("typeface") for f in theme.iter(f"{A}latin")} == {"DejaVu Sans"}
    from generator.demo.data import demo_data

    name = next(ld.navn for ld in demo_data().ledere if ld.navn.startswith("Elle"))
    assert set(name) & set("áčđŋšŧžÁČĐŊŠŦŽ")
    with docx2python(path) as d:
        assert name in d.text


def test_a_font_that_is_not_installed_gets_a_notice(demo: Path) -> None:
    cell = set_field(demo / "styring.xlsx", "Kommune", "Skrift", "Fjellvik Grotesk Ukjent")
    result = pipeline.check([demo])
    assert result.ok
    notes = [p for p in result.problems.notices if p.cell == cell]
    assert notes and "installert" in notes[0].message, [str(p) for p in result.problems]


def _errors_at(demo: Path, cell: str) -> list[str]:
    result = pipeline.check([demo])
    assert not result.ok
    return [p.message for p in result.problems.errors
            if p.sheet == "Kommune" and p.cell == cell and p.file == "styring.xlsx"]


def test_missing_logo_is_a_located_error(demo: Path) -> None:
    cell = set_field(demo / "styring.xlsx", "Kommune", "Logo", "bilder/våpen.png")
    messages = _errors_at(demo, cell)
    assert messages and "fant ikke bildefilen" in messages[0] and "våpen.png" in messages[0]


def test_a_logo_that_is_not_an_image_is_a_located_error(demo: Path) -> None:
    (demo / "logo.png").write_text("dette er ikke et bilde", encoding="utf-8")
    cell = set_field(demo / "styring.xlsx", "Kommune", "Logo", "logo.png")
    messages = _errors_at(demo, cell)
    assert messages and "ikke et PNG- eller JPEG-bilde" in messages[0]
    # PNG magic bytes in front of garbage: Pillow cannot open it
    (demo / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    messages = _errors_at(demo, cell)
    assert messages and "kan ikke leses som bilde" in messages[0]


def test_a_logo_that_is_too_large_is_a_located_error(demo: Path) -> None:
    wide = io.BytesIO()
    Image.new("RGB", (MAX_LOGO_PIXELS + 1, 20), "white").save(wide, format="PNG")
    (demo / "bred.png").write_bytes(wide.getvalue())
    cell = set_field(demo / "styring.xlsx", "Kommune", "Logo", "bred.png")
    messages = _errors_at(demo, cell)
    assert messages and f"{MAX_LOGO_PIXELS + 1} × 20 piksler" in messages[0]
    (demo / "tung.png").write_bytes(draw() + b"\x00" * MAX_LOGO_BYTES)
    set_field(demo / "styring.xlsx", "Kommune", "Logo", "tung.png")
    messages = _errors_at(demo, cell)
    assert messages and "tung.png er 5,0 MB; grensen er 5 MB" in messages[0]
    # a header claiming 100 000 × 100 000 pixels is refused without decoding it
    head = io.BytesIO()
    Image.new("1", (1, 1)).save(head, format="PNG")
    data = bytearray(head.getvalue())
    data[16:24] = (100_000).to_bytes(4, "big") * 2  # IHDR width and height
    import zlib

    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    (demo / "bombe.png").write_bytes(bytes(data))
    set_field(demo / "styring.xlsx", "Kommune", "Logo", "bombe.png")
    messages = _errors_at(demo, cell)
    assert messages and "bombe.png" in messages[0] and "piksler" in messages[0]


def test_bad_colour_and_bad_logo_are_reported_together_by_the_cli(demo: Path,
                                                                  tmp_path: Path) -> None:
    logo_cell = set_field(demo / "styring.xlsx", "Kommune", "Logo", "mangler.png")
    colour_cell = set_field(demo / "styring.xlsx", "Kommune", "Profilfarge", "fjordblå")
    assert colour_cell == field_cell(demo / "styring.xlsx", "Kommune", "Profilfarge")
    result = run("build", demo, "--out", tmp_path / "out", "--no-pdf")
    assert result.exit_code != 0
    out = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert colour_cell in out and "fargekode" in out and "fjordblå" in out
    assert logo_cell in out and "mangler.png" in out
    assert not (tmp_path / "out" / "2026").exists()


def test_without_profile_the_bundled_templates_are_used_as_they_are(demo: Path,
                                                                    tmp_path: Path) -> None:
    for label in ("Logo", "Profilfarge"):
        set_field(demo / "styring.xlsx", "Kommune", label, None)
    for f in demo.glob("*.png"):
        f.unlink()
    report = pipeline.build([demo], tmp_path, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    import json

    manifest = json.loads((tmp_path / "2026" / "manifest.json").read_text(encoding="utf-8"))
    docx_entries = [e for e in manifest["documents"].values() if "template" in e]
    assert len(docx_entries) >= 4  # the e-mail drafts and calendars have no template
    for entry in docx_entries:
        template = TEMPLATE_DIR / entry["template"]["file"]
        assert entry["template"]["sha256"] == sha256(template)  # not a profiled copy
    for kind, path in _all_four(tmp_path / "2026").items():
        with zipfile.ZipFile(path) as zf, zipfile.ZipFile(
                TEMPLATE_DIR / f"{kind}.docx") as tz:
            assert zf.read("word/styles.xml") == tz.read("word/styles.xml"), kind
            assert not [n for n in zf.namelist() if "profil-logo" in n], kind
    template = Template(TEMPLATE_DIR / "oppdragsbrev.docx")
    assert profiled(template, Profil()) is template


def test_a_changed_logo_renders_again(demo: Path, tmp_path: Path) -> None:
    first = pipeline.build([demo], tmp_path, kinds=["oppdragsbrev"], pdf=False)
    assert first.ok
    again = pipeline.build([demo], tmp_path, kinds=["oppdragsbrev"], pdf=False)
    assert again.unchanged
    new_logo = draw("#5E7A1B")
    (demo / LOGO_NAME).write_bytes(new_logo)
    third = pipeline.build([demo], tmp_path, kinds=["oppdragsbrev"], pdf=False)
    assert third.ok and not third.unchanged
    assert [d.kind for d in third.outcome.rendered] == ["oppdragsbrev"]
    path = tmp_path / "2026" / DOCS["oppdragsbrev"]
    header = _default_headers(path)[0]
    assert list(_image_targets(path, header).values()) == [new_logo]


def test_the_demo_writer_makes_the_logo(tmp_path: Path) -> None:
    written = pipeline.write_demo(tmp_path / "demo")
    assert tmp_path / "demo" / LOGO_NAME in written
    assert (tmp_path / "demo" / LOGO_NAME).read_bytes() == (pipeline.DEMO_DIR / LOGO_NAME
                                                            ).read_bytes()
    with Image.open(tmp_path / "demo" / LOGO_NAME) as img:
        assert img.format == "PNG" and max(img.size) <= 600
    shutil.rmtree(tmp_path / "demo")


def test_profile_fields_are_documented() -> None:
    doc = (pipeline.ROOT / "docs" / "arbeidsbok.md").read_text(encoding="utf-8")
    for header in ("Logo", "Profilfarge", "Skrift"):
        assert re.search(rf"\b{header}\b", doc), header


def test_own_templates_keep_their_own_look() -> None:
    """Only the product's default colours and font are replaced, and a header that already
    holds a picture (a letterhead) gets no second logo."""
    from generator.rendering.profile import apply

    profil = Profil(logo=draw(), logo_px=(400, 480), farge="7A1B5E", skrift="DejaVu Sans")
    once = apply((TEMPLATE_DIR / "oppdragsbrev.docx").read_bytes(), profil)
    twice = apply(once, profil)
    with zipfile.ZipFile(io.BytesIO(twice)) as zf:
        header = zf.read("word/header1.xml").decode("utf-8")
        assert header.count("<w:drawing>") == 1
    own = io.BytesIO()
    with zipfile.ZipFile(TEMPLATE_DIR / "oppdragsbrev.docx") as zin, \
            zipfile.ZipFile(own, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(palette.PRIMARY.encode(), b"336699").replace(
                    b'"Calibri"', b'"Georgia"')
            zout.writestr(item, data)
    with zipfile.ZipFile(io.BytesIO(apply(own.getvalue(), profil))) as zf:
        styles = zf.read("word/styles.xml").decode("utf-8")
    assert "336699" in styles and "7A1B5E" not in styles
    assert "Georgia" in styles and "DejaVu Sans" not in styles


def test_a_light_profile_colour_gets_a_notice_and_dark_header_text(demo: Path,
                                                                   tmp_path: Path) -> None:
    cell = set_field(demo / "styring.xlsx", "Kommune", "Profilfarge", "#F2C500")
    report = pipeline.build([demo], tmp_path, kinds=["oppdragsbrev"], pdf=False)
    assert report.ok
    assert any(p.cell == cell and "lys" in p.message for p in report.problems.notices)
    styles = _part(tmp_path / "2026" / DOCS["oppdragsbrev"], "word/styles.xml")
    first = next(t for t in _style(styles, "Kommunetabell").iter(f"{W}tblStylePr")
                 if t.get(f"{W}type") == "firstRow")
    assert first.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "F2C500"
    assert first.find(f"{W}rPr/{W}color").get(f"{W}val") == "000000"
