"""The template check and both renderers against docxtpl itself, on docxtpl's own upstream
test templates (tests/data/docxtpl); several faults reported at once, each located; kinds
recognised in any folder; the field reference up to date."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx.shared import Mm
from docx2python import docx2python
from docxtpl import DocxTemplate, InlineImage
from lxml import etree

from generator.demo.data import demo_data
from generator.documents import malfelter as template_fields
from generator.pipeline import DEMO_DIR, ROOT
from generator.rendering.check import check
from generator.rendering.fast import FastTemplate, Unsupported
from generator.rendering.template import TEMPLATE_DIR, Template, environment, url_id

from .conftest import run
from .docxtpl_cases import BROKEN, CASES, DATA

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Png:
    """A picture for Template.render's ``images`` (the Image protocol)."""

    png = (DATA / "zope.png").read_bytes()
    alt = "Zope"
    width_cm = 1.0


def _read(data: bytes) -> dict[str, Any]:
    with docx2python(io.BytesIO(data)) as d:
        props = {k: v for k, v in d.core_properties.items()
                 if k in ("title", "subject", "creator", "description", "identifier") and v}
        return {"text": d.text, "props": props}


def _grids(data: bytes) -> list[list[str | None]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return [[c.get(f"{W}w") for c in t.iter(f"{W}gridCol")] for t in root.iter(f"{W}tbl")]


def _docxtpl(name: str, images: bool) -> bytes:
    """The reference: plain docxtpl (autoescape on, as the project renders)."""
    tpl = DocxTemplate(DATA / name)
    image = (lambda: InlineImage(tpl, str(DATA / "zope.png"), width=Mm(10))) if images \
        else (lambda: "")
    tpl.render(CASES[name](tpl.build_url_id, image), jinja2.Environment(autoescape=True))
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("name", list(CASES))
def test_upstream_template_passes_the_check(name: str) -> None:
    problems = check(Template(DATA / name), CASES[name](url_id, lambda: ""), {})
    assert problems == [], [str(p) for p in problems]


@pytest.mark.parametrize("name", [n for n in CASES if n != "inline_image_tpl.docx"])
def test_renderers_give_the_same_document_as_docxtpl(name: str) -> None:
    reference = _docxtpl(name, images=False)
    ctx = CASES[name](url_id, lambda: "")
    sandboxed = Template(DATA / name).render(ctx)
    assert _read(sandboxed) == _read(reference)
    assert _grids(sandboxed) == _grids(reference)
    fast = FastTemplate((DATA / name).read_bytes(), environment(), name=name)
    if name == "richtext_tpl.docx":  # a hyperlink: FastTemplate refuses, docxtpl renders it
        assert not fast.supports(ctx)
        with pytest.raises(Unsupported, match=name):
            fast.render(ctx)
        with zipfile.ZipFile(io.BytesIO(sandboxed)) as zf:
            rels = zf.read("word/_rels/document.xml.rels").decode()
        assert 'Target="http://google.com"' in rels and 'TargetMode="External"' in rels
        return
    rendered = fast.render(ctx)
    assert _read(rendered) == _read(reference)
    assert _grids(rendered) == _grids(reference)


def test_document_properties_and_table_comments_match_docxtpl() -> None:
    """The two edges the issue names: a tag in the title; a {#tc #} comment in a table."""
    props = _read(FastTemplate(DATA / "doc_properties_tpl.docx").render({"test": "HelloWorld"}))
    assert props["props"]["title"] == "HelloWorld"
    comments = FastTemplate(DATA / "comments_tpl.docx").render({})
    assert _grids(comments) == _grids(_docxtpl("comments_tpl.docx", images=False))
    assert all(len(g) == 2 for g in _grids(comments))


def test_inline_images_render_through_docxtpl_and_fast_refuses_them() -> None:
    """The sandboxed path places pictures (like docxtpl); FastTemplate refuses the context,
    so the build falls back to docxtpl for it."""
    tpl = DocxTemplate(DATA / "inline_image_tpl.docx")
    ctx: dict[str, Any] = CASES["inline_image_tpl.docx"](url_id, lambda: "")
    reference_ctx = {**ctx, "myimage": InlineImage(tpl, str(DATA / "zope.png"), width=Mm(10)),
                     "myimageratio": InlineImage(tpl, str(DATA / "zope.png"), width=Mm(10))}
    tpl.render(reference_ctx, jinja2.Environment(autoescape=True))
    buf = io.BytesIO()
    tpl.save(buf)
    ours = Template(DATA / "inline_image_tpl.docx").render(
        ctx, {"myimage": _Png(), "myimageratio": _Png()})
    ours_text = _read(ours)["text"]
    ref_text = _read(buf.getvalue())["text"]
    alt = "----Image alt text---->Zope<"  # the project adds alt text to every picture
    assert ours_text.count(alt) == ref_text.count("----media/") > 0
    assert ours_text.replace(alt, "") == ref_text
    assert "media/image" in ours_text
    fast = FastTemplate(DATA / "inline_image_tpl.docx")
    with pytest.raises(Unsupported):
        fast.render(reference_ctx)


def test_upstream_broken_template_is_located() -> None:
    name, ctx = next(iter(BROKEN.items()))
    with pytest.raises(jinja2.TemplateSyntaxError):
        DocxTemplate(DATA / name).render(ctx)
    problems = check(Template(DATA / name), ctx, {})
    assert len(problems) == 1
    assert problems[0].sheet == "brødtekst"
    assert "endif" in problems[0].message and "I am the sixth paragraph" in problems[0].message


def _edit(src: Path, dst: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    with zipfile.ZipFile(src) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    for part, changes in edits.items():
        xml = parts[part].decode("utf-8")
        for old, new in changes:
            assert old in xml, (part, old)
            xml = xml.replace(old, new, 1)
        parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    return dst


def test_every_fault_is_reported_and_located(tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    _edit(TEMPLATE_DIR / "lederavtale.docx", folder / "lederavtale.docx", {
        "word/document.xml": [
            ("{{ leder.navn }} har ansvar", "{{ leder.navn | }} har ansvar"),
            ("{{ avtale.viktigste_bidrag }}", "{{ avtale.viktigste_bidraget }}"),
        ],
        "word/header1.xml": [("{{ kommune.navn }}", "{{ kommune.navnet }}")],
        "docProps/core.xml": [("{{ tittel }}", "{{ tittelen }}")],
    })
    _edit(DATA / "footnotes_tpl.docx", folder / "lederavtale-fotnote.docx", {})
    result = run("check-templates", folder)
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert "lederavtale.docx › brødtekst: taggen «{{ leder.navn | }}» kan ikke leses" in out
    assert ("lederavtale.docx › brødtekst: taggen «{{ avtale.viktigste_bidraget }}» viser til "
            "feltet «viktigste_bidraget», som ikke finnes") in out
    assert "Gyldige felt her: leder_id, år," in out or "viktigste_bidrag" in out
    assert ("lederavtale.docx › topptekst (word/header1.xml): taggen «{{ kommune.navnet }}»"
            in out)
    assert "lederavtale.docx › dokumentegenskap Tittel: taggen «{{ tittelen }}»" in out
    assert ("lederavtale-fotnote.docx › fotnoter (word/footnotes.xml): taggen "
            "«{{ a_jinja_variable }}»") in out
    assert "5 feil" in out


def test_docxtpl_forms_quotes_splits_and_literal_braces_are_accepted(tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    split = "{{ leder.</w:t></w:r></w:p><w:p><w:r><w:t>navn }}"
    _edit(TEMPLATE_DIR / "lederavtale.docx", folder / "lederavtale.docx", {
        "word/document.xml": [
            ("{{ leder.navn }} har ansvar",
             split + " har ansvar { { ikke en tagg } } {{ leder.navn | replace(“a”, ‘a’) }}"),
        ]})
    result = run("check-templates", folder)
    assert result.exit_code == 0, result.output
    built = run("build", DEMO_DIR, "--templates", folder, "--out", tmp_path / "ut", "--no-pdf",
                "--only",
                "lederavtale")
    assert built.exit_code == 0, built.output
    docx = next((tmp_path / "ut").rglob("lederavtale/*.docx"))
    with docx2python(docx) as d:
        assert "{ { ikke en tagg } }" in d.text
        assert "{{" not in d.text.replace("{ {", "")


def test_kinds_are_recognised_by_file_name_or_category(tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    shutil.copy(TEMPLATE_DIR / "lederavtale.docx", folder / "Lederavtale Nordre.docx")
    _edit(TEMPLATE_DIR / "oppdragsbrev.docx", folder / "brev.docx",
          {"docProps/core.xml": [("<cp:category/>", "<cp:category>oppdragsbrev</cp:category>")]})
    shutil.copy(DATA / "order_tpl.docx", folder / "bestilling.docx")
    result = run("check-templates", folder)
    out = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "bestilling.docx: kan ikke se hvilken dokumenttype" in out
    assert "Lederavtale Nordre.docx" not in out and "brev.docx:" not in out
    assert "1 feil" in out
    (folder / "bestilling.docx").unlink()
    built = run("build", DEMO_DIR, "--templates", folder, "--out", tmp_path / "ut", "--no-pdf",
                "--only",
                "lederavtale", "--only", "oppdragsbrev")
    assert built.exit_code == 0, built.output
    assert len(list((tmp_path / "ut").rglob("lederavtale/*.docx"))) > 1
    assert len(list((tmp_path / "ut").rglob("oppdragsbrev/*.docx"))) == 1


def test_field_reference_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "malfelter.md").read_text(encoding="utf-8")
    assert committed == template_fields.markdown(demo_data()), (
        "kjør «styring docs» for docs/malfelter.md")
    assert "`leder.navn`" in committed and "`kommune.navn`" in committed


def test_a_picture_in_the_template_itself_survives_both_renderers(tmp_path: Path) -> None:
    """A logo or scanned signature placed in the template (not in the data) is kept by
    FastTemplate's raw copy exactly as by docxtpl."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("Signert av {{ navn }}")
    doc.add_picture(str(DATA / "zope.png"), width=Mm(20))
    path = tmp_path / "signatur.docx"
    doc.save(path)
    ctx = {"navn": "Ása Čuđe"}
    fast = FastTemplate(path).render(ctx)
    sandboxed = Template(path).render(ctx)
    reference = DocxTemplate(path)
    reference.render(ctx, jinja2.Environment(autoescape=True))
    buf = io.BytesIO()
    reference.save(buf)
    assert _read(fast) == _read(sandboxed) == _read(buf.getvalue())
    text = _read(fast)["text"]
    assert "Signert av Ása Čuđe" in text and "media/image1.png" in text
    with zipfile.ZipFile(io.BytesIO(fast)) as zf:
        assert zf.read("word/media/image1.png") == (DATA / "zope.png").read_bytes()
