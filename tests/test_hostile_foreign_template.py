"""A Word template from another project (its own styles, header, a table of contents
field, a content control) put where «build --templates» reads it: every problem in it is
named by template, part and tag, all at once, in «build» as in «check-templates»; nothing
is written. DOCX only."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from generator import pipeline

from .conftest import copy_demo

NAME = "lederavtale-annet-prosjekt.docx"


def _foreign_template(path: Path, lines: list[str]) -> None:
    d = docx.Document()
    style = d.styles.add_style("EgenTittel", 1)
    style.font.size, style.font.name = Pt(20), "Georgia"
    d.sections[0].header.paragraphs[0].text = "Fjordby kommune – {{ kommune.navn }}"
    d.sections[0].footer.paragraphs[0].text = "Side"
    d.add_paragraph("Lederavtale", style="EgenTittel")
    run = d.add_paragraph().add_run()
    for kind, text in (("begin", None), (None, ' TOC \\o "1-3" \\h \\z \\u '),
                       ("separate", None), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    for line in lines:
        d.add_paragraph(line)
    sdt = OxmlElement("w:sdt")
    sdt.append(OxmlElement("w:sdtPr"))
    content = OxmlElement("w:sdtContent")
    p, r, t = OxmlElement("w:p"), OxmlElement("w:r"), OxmlElement("w:t")
    t.text = "{{ leder.navn }}"
    r.append(t)
    p.append(r)
    content.append(p)
    sdt.append(content)
    d.element.body.insert(len(d.element.body) - 1, sdt)
    d.core_properties.category = "lederavtale"
    d.save(str(path))


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo(tmp_path_factory.mktemp("wb"))


def test_every_unknown_field_is_named_by_the_template_in_build(workbooks: Path,
                                                               tmp_path: Path) -> None:
    templates = tmp_path / "maler"
    templates.mkdir()
    _foreign_template(templates / NAME, ["Avtale for {{ leder.fornavn }}",
                                         "Ansvar: {{ ukjent_variabel }}"])
    out = tmp_path / "ut"
    report = pipeline.build([workbooks], out, kinds=["lederavtale"], template_dir=templates,
                            pdf=False)
    errors = report.problems.errors
    assert not report.ok
    assert len(errors) == 2, [str(p) for p in errors]
    assert all(p.file == NAME and p.sheet == "brødtekst" for p in errors), \
        [str(p) for p in errors]
    assert "fornavn" in errors[0].message + errors[1].message
    assert "ukjent_variabel" in errors[0].message + errors[1].message
    assert not list(out.rglob("*.docx")) if out.exists() else True


def test_a_foreign_template_with_known_fields_builds(workbooks: Path, tmp_path: Path) -> None:
    templates = tmp_path / "maler"
    templates.mkdir()
    _foreign_template(templates / NAME, ["Avtale for {{ leder.navn }} – {{ 7*7 }}",
                                         "Dato: {{ dato | dato }}"])
    out = tmp_path / "ut"
    report = pipeline.build([workbooks], out, kinds=["lederavtale"], template_dir=templates,
                            pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    made = sorted((out / "2026" / "lederavtale").glob("*.docx"))
    assert made
    text = "\n".join(p.text for p in docx.Document(str(made[0])).paragraphs)
    assert "49" in text and "Fjordby kommune" not in text  # the header is not in the body
    header = docx.Document(str(made[0])).sections[0].header.paragraphs[0].text
    assert header.strip() == "Fjordby kommune – Fjellvik kommune"


def _folder_with_only_a_leader_template(tmp_path: Path) -> Path:
    templates = tmp_path / "maler"
    templates.mkdir()
    _foreign_template(templates / NAME, ["Avtale for {{ leder.navn }}"])
    return templates


def test_a_kind_the_template_folder_has_no_template_for_uses_the_products(
        workbooks: Path, tmp_path: Path) -> None:
    templates = _folder_with_only_a_leader_template(tmp_path)
    out = tmp_path / "ut"
    report = pipeline.build([workbooks], out, kinds=["lederavtale", "oppdragsbrev"],
                            template_dir=templates, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    assert (out / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx").exists()
    said = [p.message for p in report.problems.notices if "oppdragsbrev" in p.message]
    assert len(said) == 1 and "produktets mal" in said[0], said


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("oppdragsbrev-tom.docx", b"", "ikke en Word-fil"),
    ("oppdragsbrev-gammel.doc", b"\xd0\xcf\x11\xe0", ".doc"),
    ("oppdragsbrev-mal.dotx", None, ".dotx"),
])
def test_a_template_that_cannot_be_used_is_named_not_passed_over(
        workbooks: Path, tmp_path: Path, name: str, content: bytes | None,
        expected: str) -> None:
    templates = _folder_with_only_a_leader_template(tmp_path)
    if content is None:
        shutil.copy(templates / NAME, templates / name)
    else:
        (templates / name).write_bytes(content)
    report = pipeline.build([workbooks], tmp_path / "ut", kinds=["lederavtale", "oppdragsbrev"],
                            template_dir=templates, pdf=False)
    errors = [str(p) for p in report.problems.errors]
    assert len(errors) == 1 and errors[0].startswith(f"{name}: ") and expected in errors[0], \
        errors
    assert "No such file" not in errors[0]
    checked = pipeline.check_templates([workbooks], templates)
    errors = [str(p) for p in checked.errors]
    assert len(errors) == 1 and errors[0].startswith(f"{name}: ") and expected in errors[0], \
        errors


def test_a_number_filter_given_text_is_named_with_its_tag(workbooks: Path,
                                                          tmp_path: Path) -> None:
    templates = tmp_path / "maler"
    templates.mkdir()
    _foreign_template(templates / NAME, ["Avtale for {{ leder.navn }} {{ kommune.navn | kr }} "
                                         "{{ dato | dato }}"])
    report = pipeline.build([workbooks], tmp_path / "ut", kinds=["lederavtale"],
                            template_dir=templates, pdf=False)
    errors = [str(p) for p in report.problems.errors]
    assert len(errors) == 1, errors
    assert "InvalidOperation" not in errors[0] and "«kr»" in errors[0], errors
    assert "i taggen «{{ kommune.navn | kr }}»" in errors[0], errors


def test_two_templates_for_one_kind_are_refused_by_check_templates_as_by_build(
        workbooks: Path, tmp_path: Path) -> None:
    templates = _folder_with_only_a_leader_template(tmp_path)
    shutil.copy(templates / NAME, templates / "lederavtale-gammel.docx")
    report = pipeline.build([workbooks], tmp_path / "ut", kinds=["lederavtale"],
                            template_dir=templates, pdf=False)
    checked = pipeline.check_templates([workbooks], templates)
    for problems in (report.problems, checked):
        errors = [str(p) for p in problems.errors]
        assert len(errors) == 1, errors
        assert NAME in errors[0] and "lederavtale-gammel.docx" in errors[0], errors
        assert errors[0].startswith(str(templates)), errors


def test_half_a_tag_in_a_footer_is_one_message(workbooks: Path, tmp_path: Path) -> None:
    templates = tmp_path / "maler"
    templates.mkdir()
    _foreign_template(templates / NAME, ["Avtale for {{ leder.navn }}"])
    d = docx.Document(str(templates / NAME))
    d.sections[0].footer.paragraphs[0].text = "Side {{ side }"
    d.save(str(templates / NAME))
    checked = pipeline.check_templates([workbooks], templates)
    errors = [str(p) for p in checked.errors]
    assert len(errors) == 1 and "bunntekst" in errors[0] and "ufullstendig" in errors[0], errors


def test_a_folder_where_a_document_should_be_is_called_a_folder(workbooks: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "ut"
    assert pipeline.build([workbooks], out, kinds=["oppdragsbrev", "lederavtale"],
                          pdf=False).ok
    year = out / "2026"
    public = next((year / "lederavtale").glob("*-offentlig.docx"))
    letter = year / "oppdragsbrev" / "oppdragsbrev-2026.docx"
    for target in (public, letter):
        target.unlink()
        target.mkdir()
        (target / "notat.txt").write_text("mitt")
    draft = (year / "epost" / "oppdragsbrev-2026.eml").read_bytes()
    # the letter is an e-mail attachment: one clear error, nothing changed, no traceback
    report = pipeline.build([workbooks], out, kinds=["oppdragsbrev", "lederavtale"],
                            pdf=False)
    errors = [str(p) for p in report.problems.errors]
    assert len(errors) == 1 and "oppdragsbrev-2026.docx» er en mappe, ikke en fil" in errors[0]
    assert (year / "epost" / "oppdragsbrev-2026.eml").read_bytes() == draft
    # the public variant is no attachment: kept, and called what it is
    report = pipeline.build([workbooks], out, kinds=["lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    said = [p.message for p in report.problems.notices if public.name in p.file]
    assert said and "er en mappe" in said[0] and "endret etter" not in said[0], said
    for target in (public, letter):
        assert (target / "notat.txt").read_text() == "mitt"


def test_a_folder_in_place_of_an_archive_record_is_one_notice(workbooks: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "ut"
    assert pipeline.build([workbooks], out, kinds=["oppdragsbrev"], pdf=False).ok
    record = out / "2026" / "arkiv" / "2026-oppdragsbrev-2026.json"
    record.unlink()
    record.mkdir()
    report = pipeline.build([workbooks], out, kinds=["oppdragsbrev"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    said = [p.message for p in report.problems.notices if record.name in p.file]
    assert len(said) == 1 and "er en mappe" in said[0], said
    assert record.is_dir() and (record.parent / "2026-oppdragsbrev-2026-ny.json").is_file()
