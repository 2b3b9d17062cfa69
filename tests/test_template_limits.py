"""Templates within every single limit but not the sum, members nobody references, and
whitespace control around paragraph tags: one budget for a template and every document made
from it (refused with one bokmål line per template, in bounded memory), unreferenced members
left out of the output, and «{%- … -%}» paragraphs rendered as docxtpl renders them, with
``check-templates`` and ``build`` agreeing."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docxtpl import DocxTemplate
from jinja2 import Environment

from generator.pipeline import DEMO_DIR
from generator.rendering import package_check
from generator.rendering.fast import FastTemplate
from generator.rendering.template import TEMPLATE_DIR, Template, TemplateError, environment
from tests.test_hostile_templates import _cli

FILLER = 60 * 2**20
KINDS = ("lederavtale", "oppdragsbrev", "tertialrapport", "utviklingsstrategi")
CT = "[Content_Types].xml"


def _copy_with(src: Path, dst: Path, extra: dict[str, bytes] | None = None,
               change: dict[str, bytes] | None = None) -> None:
    """``src`` rewritten to ``dst`` with parts changed or added (deflated)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, (change or {}).get(info.filename, zin.read(info)))
        for name, data in (extra or {}).items():
            zout.writestr(name, data)


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four product templates, each carrying four zero-filled 60 MB parts (each part
    under the per-part limit, each template small on disk)."""
    folder = tmp_path_factory.mktemp("bombe") / "maler"
    folder.mkdir()
    zeros = b"\0" * FILLER
    for kind in KINDS:
        _copy_with(TEMPLATE_DIR / f"{kind}.docx", folder / f"{kind}.docx",
                   {f"word/media/fyll{i}.bin": zeros for i in range(4)})
    assert sum(p.stat().st_size for p in folder.iterdir()) < 4 * 2**20
    return folder


def test_the_sum_of_parts_is_one_budget(bombs: Path, tmp_path: Path) -> None:
    """4 × 4 × 60 MB passed every single limit: now each template is refused by the budget
    for the template as a whole, in one line naming it, under a 1.5 GB address-space limit,
    at check-templates and at build, and nothing is written."""
    workbooks = tmp_path / "wb"
    shutil.copytree(DEMO_DIR, workbooks)
    out = tmp_path / "ut"
    for args in (("check-templates", workbooks, bombs),
                 ("build", workbooks, "--templates", bombs, "--out", out, "--no-pdf")):
        done = _cli(*args)
        output = done.stdout + done.stderr
        assert done.returncode == 1, output
        assert "Traceback" not in output and "MemoryError" not in output, output
        errors = [ln for ln in output.splitlines() if ln.startswith("FEIL")]
        assert len(errors) == 4, output
        for kind in KINDS:
            line = next(e for e in errors if f"{kind}.docx" in e)
            assert "til sammen" in line and "128 MB" in line, line
    assert not list(out.rglob("*.docx"))


def _context() -> dict[str, Any]:
    from generator.documents import lederavtale
    from generator.input.validate import load

    data = load([DEMO_DIR]).data
    assert data is not None
    return lederavtale.context(data, data.lederavtaler[0], public=False)


def test_members_no_relationship_references_are_left_out(tmp_path: Path) -> None:
    """A member nobody references (with its content type) is not copied into the documents,
    by the fast renderer as by docxtpl."""
    src = TEMPLATE_DIR / "lederavtale.docx"
    with zipfile.ZipFile(src) as zf:
        types = zf.read(CT).decode()
    types = types.replace("</Types>", '<Override PartName="/word/fyll.xml" ContentType='
                          '"application/xml"/></Types>')
    path = tmp_path / "lederavtale.docx"
    _copy_with(src, path, {"word/media/fyll.bin": b"\0" * 2**20,
                           "word/fyll.xml": b"<fyll>" + b" " * 2**20 + b"</fyll>"},
               {CT: types.encode()})
    ctx = _context()
    for made in (FastTemplate(path, environment()).render(ctx), Template(path).render(ctx)):
        with zipfile.ZipFile(io.BytesIO(made)) as zf:
            names = set(zf.namelist())
            assert "word/document.xml" in names and "word/header1.xml" in names
            assert not {"word/media/fyll.bin", "word/fyll.xml"} & names, names
            assert b"fyll" not in zf.read(CT)
            assert sum(i.file_size for i in zf.infolist()) < 2**20 + 200_000
        assert Document(io.BytesIO(made)).paragraphs


def test_every_document_made_from_a_template_is_within_the_budget(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The budget holds for the filled-in document too (data can make it grow): refused with
    the template's name, by both renderers."""
    path = TEMPLATE_DIR / "lederavtale.docx"
    with zipfile.ZipFile(path) as zf:
        size = sum(i.file_size for i in zf.infolist())
    monkeypatch.setattr(package_check, "MAX_TOTAL_BYTES", size + 20_000)
    ctx = _context()
    FastTemplate(path, environment()).render(ctx)  # fits
    ctx = {**ctx, "leder": dataclasses.replace(ctx["leder"], navn="Å" * 200_000)}
    for render in (lambda: FastTemplate(path, environment()).render(ctx),
                   lambda: Template(path).render(ctx)):
        with pytest.raises(TemplateError, match=r"lederavtale\.docx.*grensen"):
            render()


# -- whitespace control around paragraph tags -------------------------------------------------

def _docx(items: list[str]) -> bytes:
    d = Document()
    for item in items:
        if item == "TABELL":
            table = d.add_table(rows=1, cols=2)
            table.cell(0, 0).text = "{{ navn }}"
            table.cell(0, 1).text = "b"
        elif item == "TAB":
            p = d.add_paragraph("{%- set navn = 'Kari' -%}")
            p.add_run().add_tab()
        else:
            d.add_paragraph(item)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _texts(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        xml = zf.read("word/document.xml").decode()
    return ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
            for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.DOTALL)]


def _ours(data: bytes, tmp_path: Path, ctx: dict[str, Any]) -> tuple[list[str], list[str]]:
    path = tmp_path / "mal.docx"
    path.write_bytes(data)
    fast = FastTemplate(data, environment()).render(ctx)
    strict = Template(path).render(ctx)
    return _texts(fast), _texts(strict)


def _docxtpl(data: bytes, ctx: dict[str, Any]) -> list[str]:
    tpl = DocxTemplate(io.BytesIO(data))
    tpl.render(ctx, jinja_env=Environment(autoescape=True))
    buf = io.BytesIO()
    tpl.save(buf)
    return _texts(buf.getvalue())


@pytest.mark.parametrize("items", [
    ["{%- set navn = 'Kari' -%}", "{%- set b = 2 -%}", "", "{%- if vis -%}", "Hei {{ navn }}",
     "{%- endif -%}", "Slutt"],
    ["TAB", "Hei {{ navn }}"],
    ["{%- if vis -%}", "Hei", "{%- endif %}", "Slutt"],
], ids=["set-if", "tabulator", "if"])
def test_whitespace_control_renders_as_docxtpl(items: list[str], tmp_path: Path) -> None:
    data = _docx(items)
    ctx = {"vis": True}
    expected = _docxtpl(data, ctx)
    fast, strict = _ours(data, tmp_path, ctx)
    assert fast == strict == expected


def test_whitespace_control_before_a_table_keeps_the_table(tmp_path: Path) -> None:
    """docxtpl's merge cuts into the table (its forgiving parser then mangles it); here the
    tag's paragraph is left as it is and the table stays whole, in both renderers."""
    data = _docx(["{%- set navn = 'Kari' -%}", "TABELL", "Slutt"])
    fast, strict = _ours(data, tmp_path, {})
    assert fast == strict
    assert [t for t in fast if t] == ["Kari", "b", "Slutt"]
    made = FastTemplate(data, environment()).render({})
    table = Document(io.BytesIO(made)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Kari", "b"]


def test_check_and_build_agree_on_a_set_paragraph_above_a_table(tmp_path: Path) -> None:
    """A real template with «{%- set … -%}» right above its first table: check-templates
    passes and the build renders it (before: check passed, build refused with «Opening and
    ending tag mismatch»)."""
    src = TEMPLATE_DIR / "lederavtale.docx"
    with zipfile.ZipFile(src) as zf:
        xml = zf.read("word/document.xml").decode()
    paragraph = ("<w:p><w:r><w:t>{%- set hilsen = &apos;Hei&apos; -%}</w:t></w:r></w:p>"
                 "<w:p><w:r><w:t>{%- if leder -%}</w:t></w:r></w:p>"
                 "<w:p><w:r><w:t>{{ hilsen }} {{ leder.navn }}</w:t></w:r></w:p>"
                 "<w:p><w:r><w:t>{%- endif -%}</w:t></w:r></w:p>")
    xml = xml.replace("<w:tbl>", paragraph + "<w:tbl>", 1)
    folder = tmp_path / "maler"
    folder.mkdir()
    _copy_with(src, folder / "lederavtale.docx", change={"word/document.xml": xml.encode()})
    workbooks = tmp_path / "wb"
    shutil.copytree(DEMO_DIR, workbooks)
    out = tmp_path / "ut"
    for args in (("check-templates", workbooks, folder),
                 ("build", workbooks, "--templates", folder, "--out", out, "--no-pdf",
                  "--only", "lederavtale")):
        done = _cli(*args)
        assert done.returncode == 0, done.stdout + done.stderr
    made = sorted(out.rglob("*.docx"))
    assert made
    text = "\n".join(_texts(made[0].read_bytes()))
    assert "Hei " in text and "{%" not in text
