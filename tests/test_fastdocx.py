"""FastTemplate against the docxtpl path, on the project's lederavtale template and demo data:
same text, valid Open XML, deterministic bytes, escaping, and clear errors."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx2python import docx2python

from generator.documents import Planned, lederavtale
from generator.input.validate import load
from generator.pipeline import DEMO_DIR
from generator.rendering.fast import FastTemplate, render_many
from generator.rendering.template import TEMPLATE_DIR, Template, TemplateError, environment

from .docx_tools import validate

TEMPLATE = TEMPLATE_DIR / "lederavtale.docx"
STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def planned() -> list[Planned]:
    result = load([DEMO_DIR])
    assert result.data is not None
    return lederavtale.plan(result.data, lambda o: None)


@pytest.fixture(scope="module")
def fast() -> FastTemplate:
    return FastTemplate(TEMPLATE, environment())


def _read(data: bytes) -> dict[str, Any]:
    with docx2python(io.BytesIO(data)) as d:
        return {"text": d.text, "header": d.header, "footer": d.footer,
                "core": d.core_properties}


def _with_body(old: str, new: str) -> bytes:
    """The lederavtale template with one piece of document.xml text replaced."""
    buf = io.BytesIO()
    with zipfile.ZipFile(TEMPLATE) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            zo.writestr(info, data)
    return buf.getvalue()


def test_same_content_as_docxtpl(planned: list[Planned], fast: FastTemplate) -> None:
    reference = Template(TEMPLATE)
    assert len(planned) > 10
    for doc in planned:
        assert fast.supports(doc.context)
        got = fast.render(doc.context, doc.properties)
        want = reference.render(doc.context, None, doc.properties)
        assert _read(got) == _read(want), doc.filename


def test_output_opens_and_passes_open_xml_validation(planned: list[Planned], fast: FastTemplate,
                                                     tmp_path: Path) -> None:
    public = next(d for d in planned if d.variant != "Produksjonsformat")
    screened = next(d for d in planned if d.restricted)
    paths = []
    for i, doc in enumerate([planned[0], public, screened]):
        data = fast.render(doc.context, doc.properties)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            assert zf.testzip() is None
        assert docx.Document(io.BytesIO(data)).core_properties.title == doc.properties["title"]
        path = tmp_path / f"{i}.docx"
        path.write_bytes(data)
        paths.append(path)
    results = validate(paths)
    assert all(r["ok"] for r in results.values()), {p.name: r["errors"][:2]
                                                    for p, r in results.items()}


def test_deterministic_across_renders_and_workers(planned: list[Planned]) -> None:
    docs = planned[:8]
    one = FastTemplate(TEMPLATE, environment(), created=STAMP, modified=STAMP)
    assert one.render(docs[0].context, docs[0].properties) == \
        one.render(docs[0].context, docs[0].properties)
    contexts = [d.context for d in docs]
    props = [d.properties for d in docs]
    serial = render_many(TEMPLATE, contexts, props, workers=1, created=STAMP, modified=STAMP)
    parallel = render_many(TEMPLATE, contexts, props, workers=2, created=STAMP, modified=STAMP)
    assert serial == parallel
    assert serial[0] == one.render(docs[0].context, docs[0].properties)
    core = docx.Document(io.BytesIO(serial[0])).core_properties
    assert core.created == core.modified == STAMP


def test_markup_characters_and_sami_letters_survive(planned: list[Planned],
                                                    fast: FastTemplate) -> None:
    doc = planned[0]
    name = "Máret Čuđe-Ŋuolga Šŧž & <Sápmi> > Ærø Å"
    ctx = doc.context | {"leder": dataclasses.replace(doc.context["leder"], navn=name),
                         "sted": "{{ 7*7 }} & Kárášjohka"}
    data = fast.render(ctx, doc.properties | {"title": f"Lederavtale – {name}"})
    got = _read(data)
    assert name in got["text"]
    assert "{{ 7*7 }} & Kárášjohka" in got["text"]
    assert "&amp;" not in got["text"]
    assert name in str(got["header"])
    assert docx.Document(io.BytesIO(data)).core_properties.title == f"Lederavtale – {name}"


def test_line_breaks_in_values_become_word_breaks(planned: list[Planned],
                                                  fast: FastTemplate) -> None:
    """docxtpl turns a newline inside a value into <w:br/>; so does the fast path."""
    doc = planned[0]
    ctx = doc.context | {"sted": "Første linje\nAndre linje"}
    got = fast.render(ctx, doc.properties)
    want = Template(TEMPLATE).render(ctx, None, doc.properties)
    with zipfile.ZipFile(io.BytesIO(got)) as zf:
        assert "Første linje</w:t><w:br/>" in zf.read("word/document.xml").decode()
    assert _read(got) == _read(want)


def test_tag_syntax_error_names_template_and_text() -> None:
    broken = _with_body("{{ kommune.navn }}", "{{ kommune.navn ")
    with pytest.raises(TemplateError, match=r"lederavtale\.docx › brødtekst: feil i malen"):
        FastTemplate(broken, environment(), name="lederavtale.docx")


def test_unknown_field_is_a_clear_error(planned: list[Planned]) -> None:
    tpl = FastTemplate(_with_body("{{ kommune.navn }}", "{{ kommune.finnes_ikke }}"),
                       environment(), name="lederavtale.docx")
    with pytest.raises(TemplateError, match=r"felt som ikke finnes.*finnes_ikke"):
        tpl.render(planned[0].context, planned[0].properties)


def test_invalid_xml_raises_instead_of_being_repaired(planned: list[Planned]) -> None:
    tpl = FastTemplate(_with_body("{{ kommune.navn }}", "{{ '&lt;w:p&gt;' | safe }}"),
                       environment(), name="lederavtale.docx")
    with pytest.raises(TemplateError, match="ugyldig Word-XML"):
        tpl.render(planned[0].context, planned[0].properties)


def test_sandbox_still_applies(planned: list[Planned]) -> None:
    tpl = FastTemplate(_with_body("{{ kommune.navn }}", "{{ kommune.__class__ }}"),
                       environment(), name="lederavtale.docx")
    with pytest.raises(TemplateError, match="ikke er tillatt"):
        tpl.render(planned[0].context, planned[0].properties)


def test_supports_refuses_docxtpl_part_objects(planned: list[Planned],
                                               fast: FastTemplate) -> None:
    from docxtpl import DocxTemplate, InlineImage, RichText

    tpl = DocxTemplate(TEMPLATE)
    image = InlineImage(tpl, io.BytesIO(b""))
    assert not fast.supports(planned[0].context | {"bilde": image})
    assert not fast.supports({"rader": [{"x": RichText("lenke", url_id="rId99")}]})
    assert fast.supports({"tekst": RichText("fet", bold=True)})


def test_column_loops_get_docxtpls_grid_repair(tmp_path: Path) -> None:
    """``{%tc %}`` changes the cell count per row: fix_tables runs, as in docxtpl."""
    doc = docx.Document()
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells,
                          ["{%tc for c in kolonner %}", "{{ c }}", "{%tc endfor %}"],
                          strict=True):
        cell.text = text
    path = tmp_path / "kolonner.docx"
    doc.save(path)
    ctx = {"kolonner": ["a & b", "Čáhci", "c", "d"]}
    got = FastTemplate(path, environment()).render(ctx)
    want = Template(path).render(ctx)
    with docx2python(io.BytesIO(got)) as d1, docx2python(io.BytesIO(want)) as d2:
        assert d1.body == d2.body
    with zipfile.ZipFile(io.BytesIO(got)) as zf:
        assert zf.read("word/document.xml").count(b"<w:gridCol ") == 4
