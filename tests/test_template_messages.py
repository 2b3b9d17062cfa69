"""Every template failure, at check-templates and at build, is one bokmål line naming the
template, the part (brødtekst, topptekst, fotnoter …) and the tag; Jinja's and Python's
English never leaks, and the sandbox's refusals are worded as refusals."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from generator.pipeline import DEMO_DIR
from generator.rendering.template import TEMPLATE_DIR
from tests.conftest import run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = ('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
                'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
FOOTNOTES_REL = ('<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>')
ENGLISH = re.compile(r"\b(the|is|of|object|unsafe|recursion|maximum|unexpected|expected|got|"
                     r"division|jinja|sandbox|blocks|too|big|looking|undefined|attribute|"
                     r"exceeded|tag|mismatch)\b", re.IGNORECASE)


def _template(dst: Path, body: str | None = None, header: str | None = None,
              footnote: str | None = None) -> None:
    with zipfile.ZipFile(TEMPLATE_DIR / "lederavtale.docx") as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    if body is not None:
        xml = parts["word/document.xml"].decode()
        assert "{{ leder.navn }} har ansvar" in xml
        parts["word/document.xml"] = xml.replace("{{ leder.navn }} har ansvar",
                                                 body + " har ansvar", 1).encode()
    if header is not None:
        xml = parts["word/header1.xml"].decode()
        parts["word/header1.xml"] = xml.replace("{{ kommune.navn }}", header, 1).encode()
    if footnote is not None:
        parts["word/footnotes.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
            f'<w:footnote w:id="1"><w:p><w:r><w:t>{footnote}</w:t></w:r></w:p></w:footnote>'
            "</w:footnotes>").encode()
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>", FOOTNOTES_CT.encode() + b"</Types>")
        rels = "word/_rels/document.xml.rels"
        parts[rels] = parts[rels].replace(b"</Relationships>",
                                          FOOTNOTES_REL.encode() + b"</Relationships>")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


RANGE = "{% for i in range(200000) %}x{% endfor %}"
CASES = {
    "range": (dict(body=RANGE), "brødtekst", "range(200000)", "tillatt"),
    "rekursjon": (dict(body="{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"), "brødtekst",
                  "f()", "tillatt"),
    "__class__": (dict(body="{{ leder.__class__ }}"), "brødtekst", "{{ leder.__class__ }}",
                  "tillatt"),
    "fotnote-range": (dict(footnote=RANGE), "fotnoter (word/footnotes.xml)", "range(200000)",
                      "tillatt"),
    "fotnote-blokk": (dict(footnote="{% if leder %}"), "fotnoter (word/footnotes.xml)",
                      "{% if leder %}", "endif"),
    "fotnote-felt": (dict(footnote="{{ leder.ukjent }}"), "fotnoter (word/footnotes.xml)",
                     "{{ leder.ukjent }}", "ikke finnes"),
    "topptekst-tagg": (dict(header="{{ kommune.navn }"), "topptekst (word/header1.xml)",
                       "{{ kommune.navn }", "kan ikke leses"),
    "topptekst-null": (dict(header="{{ 1/0 }}"), "topptekst (word/header1.xml)", "{{ 1/0 }}",
                       "deler på null"),
}


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("meldinger") / "wb"
    shutil.copytree(DEMO_DIR, folder)
    return folder


@pytest.mark.parametrize("case", list(CASES))
def test_one_norwegian_line_naming_template_part_and_tag(case: str, workbooks: Path,
                                                         tmp_path: Path) -> None:
    change, part, tag, says = CASES[case]
    folder = tmp_path / "maler"
    folder.mkdir()
    _template(folder / "lederavtale.docx", **change)
    for args in (("check-templates", workbooks, folder),
                 ("build", workbooks, "--templates", folder, "--out", tmp_path / "ut",
                  "--no-pdf", "--only", "lederavtale")):
        out = run(*args)
        assert out.exit_code == 1, out.output
        errors = [ln for ln in out.output.splitlines() if ln.startswith("FEIL")]
        assert len(errors) == 1, out.output
        line = errors[0]
        assert f"lederavtale.docx › {part}" in line, line
        assert tag in line and says in line, line
        assert "felt som ikke finnes" not in line or case == "fotnote-felt", line
        said = line.split("lederavtale.docx", 1)[1]
        assert not ENGLISH.search(re.sub(r"«[^»]*»", "", said)), line
        assert "Traceback" not in out.output
