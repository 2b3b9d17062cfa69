"""Template checking and template safety: broken, unknown and split tags are named;
templates cannot reach Python internals; workbook values are data, never template."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from generator import pipeline
from generator.documents import lederavtale
from generator.input.validate import load
from generator.rendering.template import TEMPLATE_DIR, Template, TemplateError

from .conftest import run
from .docx_tools import text


def _edit_template(folder: Path, name: str, old: str, new: str) -> Path:
    path = folder / name
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml, old
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    return path


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "maler"
    shutil.copytree(TEMPLATE_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def test_shipped_templates_pass() -> None:
    result = run("check-templates", pipeline.DEMO_DIR)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("old", "new", "message"), [
    ("{{ leder.navn }} har ansvar", "{{ leder.navn | }} har ansvar", "kan ikke leses"),
    ("{{ avtale.viktigste_bidrag }}", "{{ avtale.viktigste_bidraget }}",
     "«viktigste_bidraget», som ikke finnes"),
    ("{{ leder.navn }} har ansvar", "{% if leder.navn %} har ansvar",
     "slutter før blokken «if» er lukket"),
    ("{{ leder.navn }} har ansvar", "{ { leder.navn }} har ansvar", "ufullstendig"),
], ids=["syntaksfeil", "ukjent felt", "blokk uten slutt", "ødelagt tagg"])
def test_bad_tags_are_named(templates: Path, old: str, new: str, message: str) -> None:
    _edit_template(templates, "lederavtale.docx", old, new)
    result = run("check-templates", pipeline.DEMO_DIR, "--templates", templates)
    assert result.exit_code == 1
    assert "lederavtale.docx" in result.output
    assert message in result.output
    built = run("build", pipeline.DEMO_DIR, "--templates", templates, "--out", templates / "ut",
                "--only",
                "lederavtale")
    assert built.exit_code == 1
    assert not list((templates / "ut").rglob("*.docx"))


def test_word_run_splits_inside_a_tag_still_work(templates: Path, tmp_path: Path) -> None:
    """Word often splits «{{ leder.navn }}» into several runs; docxtpl joins them."""
    _edit_template(templates, "lederavtale.docx", "{{ leder.navn }} har ansvar",
                   "{</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{ leder.na</w:t></w:r>"
                   "<w:r><w:t>vn }} har ansvar")
    assert run("check-templates", pipeline.DEMO_DIR, "--templates", templates).exit_code == 0


SSTI = [
    "{{ leder.__class__ }}",
    "{{ leder.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ kommune.navn.upper.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ lipsum.__globals__['os'].system('id') }}",
    "{% import 'os' as os %}",
    "{% include '/etc/passwd' %}",
    "{{ config.items() }}",
    "{{ request.application.__globals__ }}",
]


@pytest.mark.parametrize("payload", SSTI)
def test_template_injection_payloads_are_refused(templates: Path, payload: str) -> None:
    _edit_template(templates, "lederavtale.docx", "{{ leder.navn }} har ansvar",
                   payload.replace("'", "&apos;") + " har ansvar")
    data = load([pipeline.DEMO_DIR]).data
    avtale = data.lederavtaler[0]
    ctx = lederavtale.context(data, avtale, public=False)
    with pytest.raises(TemplateError) as info:
        Template(templates / "lederavtale.docx").render(ctx)
    assert "lederavtale.docx" in str(info.value)
    assert "uid=" not in str(info.value)


def test_workbook_values_are_data_never_template(tmp_path: Path) -> None:
    data = load([pipeline.DEMO_DIR]).data
    avtale = replace(data.lederavtaler[0],
                     viktigste_bidrag="{{ 7*7 }} {% for x in y %} & <b>fet</b> \"sitat\" 'a'")
    ctx = lederavtale.context(data, avtale, public=False)
    out = tmp_path / "a.docx"
    out.write_bytes(Template(TEMPLATE_DIR / "lederavtale.docx").render(ctx))
    body = text(out)
    assert "{{ 7*7 }} {% for x in y %} & <b>fet</b> \"sitat\" 'a'" in body
    assert "49" not in body.split("{{ 7*7 }}")[0][-5:]


def test_oversized_template_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "stor.docx"
    with big.open("wb") as fh:
        fh.truncate(25 * 1024 * 1024)
    with pytest.raises(TemplateError, match="mer enn grensen"):
        Template(big)
