"""A document kind is one declared object: the list of kinds comes from the declarations,
and a kind declared here (not in the product) is built, listed in the overview and archived
without any other file knowing it. The outline declared per kind drives the heading
numbers and the bundled templates' headings."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

from generator import pipeline
from generator.documents import KINDS, DocumentKind, register
from generator.documents.common import KindFacts, Planned, Source, base_context, properties
from generator.documents.outlines import Outline, Own, Section
from generator.model.domain import PLASSERINGER
from generator.model.styringsdata import Styringsdata
from generator.paths import TEMPLATE_DIR
from generator.quick import try_unchanged

from .conftest import run

# --- a kind of document the product does not have: a one-page notat --------------------------

NOTAT_OUTLINE = Outline((Section("sammendrag", "Sammendrag", numbered=False),
                         Section("status", "Status for {{ år }}"),
                         Section("enheter", "Enhetene", 2)))


def notat_plan(data: Styringsdata, source: Source) -> list[Planned]:
    k = data.kommune
    title = f"Notat om styringen {k.år}"
    ctx = base_context(data, title, None) | {"enheter": [e.navn for e in data.enheter]}
    ctx |= NOTAT.numbers(data)
    return [Planned(kind=NOTAT.name, facts=NOTAT.facts, template=NOTAT.template,
                    filename=f"notat-{k.år}.docx", title=title, context=ctx,
                    sources=[f"ark {s}" for s in NOTAT.sheets], description=title,
                    properties=properties(data, title, "Notat", "notat"))]


NOTAT = DocumentKind(
    name="notat", template="notat.docx",
    facts=KindFacts(journalposttype="Organinternt dokument uten oppfølging",
                    dokumenttype="DOKUMENT", saksnr=lambda k: None,
                    mappetittel="Notater {år}"),
    sheets=("Kommune", "Enheter"), plan=notat_plan, outline=NOTAT_OUTLINE)


def _notat_template(path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("{{ tittel }}", style="Title")
    doc.add_heading("Sammendrag", 1)
    doc.add_paragraph("{{ kommune.navn }} har {{ enheter|length }} enheter.")
    doc.add_heading("{{ nr.status }} Status for {{ år }}", 1)
    doc.add_heading("{{ nr.enheter }} Enhetene", 2)
    doc.add_paragraph("{%p for e in enheter %}")
    doc.add_paragraph("{{ e }}")
    doc.add_paragraph("{%p endfor %}")
    doc.core_properties.category = "notat"
    doc.save(path)


@pytest.fixture(scope="module")
def notat_built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The demo built with the product's templates and the notat's, the notat registered
    for the build only."""
    from generator.paths import DEMO_DIR

    root = tmp_path_factory.mktemp("notat")
    demo, templates, out = root / "wb", root / "maler", root / "ut"
    shutil.copytree(DEMO_DIR, demo, ignore=shutil.ignore_patterns("*.xlsm", "~$*"))
    shutil.copytree(TEMPLATE_DIR, templates)
    _notat_template(templates / "notat.docx")
    register(NOTAT)
    try:
        report = pipeline.build([demo], out, template_dir=templates, pdf=False)
    finally:
        del KINDS["notat"]
    yield {"report": report, "demo": demo, "templates": templates, "out": out}


def test_the_list_of_kinds_is_the_declarations() -> None:
    assert list(KINDS) == ["oppdragsbrev", "tertialrapport", "utviklingsstrategi", "lederavtale"]
    assert all(isinstance(k, DocumentKind) and k.name == name for name, k in KINDS.items())
    assert [k.per_tertial for k in KINDS.values()] == [False, True, False, False]
    assert all(k.template == f"{k.name}.docx" and "Kapitler" in k.sheets and k.outline
               for k in KINDS.values())
    with pytest.raises(ValueError, match="declared twice"):
        register(DocumentKind(name="lederavtale", template="x.docx",
                              facts=KINDS["lederavtale"].facts, sheets=(), plan=notat_plan))


def test_a_kind_declared_outside_the_product_is_built_shown_and_archived(
        notat_built: dict[str, Any]) -> None:
    report = notat_built["report"]
    assert report.ok, [str(p) for p in report.problems.errors]
    year = report.out_dir
    assert report.counts["notat"] == 1 and report.counts["lederavtale"] > 10
    # built: the Word file, with the outline's numbers in the headings
    made = docx.Document(str(year / "notat" / "notat-2026.docx"))
    headings = [p.text for p in made.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Sammendrag", "1. Status for 2026", "1.1 Enhetene"]
    assert "Oppvekst" in [p.text for p in made.paragraphs]
    # listed in the overview, as a document (not as a delivered file)
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"]["notat-2026.docx"]["kind"] == "notat"
    page = (year / "oversikt.html").read_text(encoding="utf-8")
    assert "Notat om styringen 2026" in page and 'href="notat/notat-2026.docx"' in page
    # archived: sidecar, arkivmelding and a row in arkivliste.csv, with the kind's facts
    sidecar = json.loads((year / "arkiv" / "2026-notat-2026.json").read_text(encoding="utf-8"))
    assert (sidecar["dokumentkategori"], sidecar["mappetittel"], sidecar["tittel"]) == (
        "notat", "Notater 2026", "Notat om styringen 2026")
    assert sidecar["dokumenttype"]["kode"] == "DOKUMENT"
    message = (year / "arkiv" / "arkivmelding-2026-notat-2026.xml").read_text(encoding="utf-8")
    assert "Notat om styringen 2026" in message and "notat-2026.docx" in message
    with (year / "arkiv" / "arkivliste.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert any("Notat om styringen 2026" in row for row in rows)


def test_only_takes_a_declared_kind_and_the_quick_door_leaves_an_unknown_one(
        notat_built: dict[str, Any]) -> None:
    demo, templates, out = (str(notat_built[k]) for k in ("demo", "templates", "out"))
    register(NOTAT)
    try:
        only = run("build", demo, "--out", out, "--templates", templates, "--no-pdf",
                   "--only", "notat")
        assert only.exit_code == 0, only.output
    finally:
        del KINDS["notat"]
    # An unknown kind matches no earlier build: the quick door hands it to the full CLI.
    assert not try_unchanged(["build", demo, "--out", out, "--only", "ukjent", "--no-pdf"])
    unknown = run("build", demo, "--out", out, "--only", "ukjent", "--no-pdf")
    assert unknown.exit_code == 2 and "ukjent dokumenttype: ukjent" in unknown.output


def test_the_bundled_templates_show_the_outline_in_its_order() -> None:
    """The headings of each bundled template are the outline's, in order, with the number
    tag of a numbered section (templates/build.py writes them from the outline)."""
    for kind in KINDS.values():
        assert kind.outline is not None
        made = docx.Document(str(TEMPLATE_DIR / kind.template))
        headings = [p.text for p in made.paragraphs if p.style.name.startswith("Heading")]
        expected = [(f"{{{{ nr.{s.key} }}}} {s.title}" if s.numbered else s.title)
                    if isinstance(s, Section) else f"{{{{ {s.var}.{s.attr} }}}} {s.title}"
                    for s in kind.outline.steps if not isinstance(s, Own)]
        assert [h for h in headings if h in expected] == expected, kind.name


def test_the_sheet_kapitler_offers_the_outlines_placements() -> None:
    """The model names the placements for the sheet (it is read before the documents);
    they are the outlines' own-chapter places, in order."""
    for name, places in PLASSERINGER.items():
        assert tuple(places) == KINDS[str(name)].outline.placements, name  # type: ignore[union-attr]
    assert set(map(str, PLASSERINGER)) == set(KINDS)
    assert isinstance(NOTAT_OUTLINE.steps[0], Section) and not any(
        isinstance(s, Own) for s in NOTAT_OUTLINE.steps)
