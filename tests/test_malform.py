"""Målform: the demo in nynorsk (Fjordvik kommune), a third language from a catalogue beside
the workbooks, nynorsk sheet names, headers and values read in any workbook, and Babel's
nynorsk formatting (generator/texts.py)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from babel.dates import format_date

from generator import norsk, pipeline, texts
from generator.output.pdf import soffice

from .bokmaal_words import found, texts_of, xml_text
from .conftest import REPO

CHECKED = (".docx", ".eml", ".ics", ".csv", ".json", ".xml", ".html")
# What may stay bokmål in a nynorsk build, each for a reason:
MASKS = (
    # the kinds' codes are identifiers, the same in both målformer (their folders are not)
    r"<styring:dokumentkategori>lederavtale<", r'"lederavtale(?:\.docx)?"',
    r"templates/lederavtale\.docx",
    r"Organinternt dokument uten oppfølging",  # a Noark 5 code list value (journalposttype X)
)
NOT_CHECKED = (".uendret.json",)  # the no-change check's own fingerprint


def set_målform(path: Path, value: str) -> None:
    """Write «Målform» in the Kommune sheet (a row added when the workbook has none)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Kommune"]
    row = next((r for r in ws.iter_rows(min_row=2) if r[0].value == "Målform"), None)
    if row is None:
        ws.append(["Målform", value])
    else:
        row[1].value = value
    wb.save(path)


def _hits(folder: Path) -> list[str]:
    out = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in CHECKED or path.name in NOT_CHECKED:
            continue
        raw = path.read_text(encoding="utf-8") if path.suffix == ".xml" else None
        for mask in MASKS if raw is not None else ():
            raw = re.sub(mask, "> <", raw)  # codes in the archive XML, before its text is read
        text = xml_text(raw) if raw is not None else texts_of(path)
        for mask in MASKS:
            text = re.sub(mask, " ", text)
        out += [f"{path.relative_to(folder)}: …{hit}…" for hit in found(text)]
    return out


@pytest.fixture(scope="module")
def nynorsk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The nynorsk demo's workbooks and its documents (DOCX, archive, e-mail, calendars)."""
    base = tmp_path_factory.mktemp("nynorsk")
    written = pipeline.write_demo(base / "wb", "nynorsk")
    assert written
    report = pipeline.build([base / "wb"], base / "ut", pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return base / "wb", base / "ut" / "2026"


def test_every_output_file_of_the_nynorsk_demo_is_free_of_bokmal_only_words(
        nynorsk: tuple[Path, Path]) -> None:
    _, built = nynorsk
    kinds = {p.suffix for p in built.rglob("*") if p.is_file()}
    assert {".docx", ".eml", ".ics", ".csv", ".json", ".xml", ".html"} <= kinds
    assert _hits(built) == []


def test_the_word_check_finds_bokmal(demo: Path, tmp_path: Path) -> None:
    """The same check on the bokmål demo finds plenty (so it can fail)."""
    report = pipeline.build([demo], tmp_path / "ut", kinds=["oppdragsbrev"], pdf=False)
    assert report.ok
    hits = _hits(tmp_path / "ut" / "2026")
    assert len(hits) > 50
    assert any("ikke" in h for h in hits) and any("leder" in h for h in hits)


def test_nynorsk_file_names_titles_and_texts(nynorsk: tuple[Path, Path]) -> None:
    _, built = nynorsk
    avtaler = sorted(p.name for p in (built / "leiaravtale").glob("*.docx"))
    assert len(avtaler) > 20
    assert all(n.startswith("leiaravtale-") for n in avtaler)
    assert any(n.endswith("-offentleg.docx") for n in avtaler)
    assert not list(built.rglob("lederavtale-*"))
    with zipfile.ZipFile(built / "oppdragsbrev" / "oppdragsbrev-2026.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
        core = z.read("docProps/core.xml").decode("utf-8")
    for words in ("Samandrag", "Verksemdsstyring", "Prioriteringane til kommunedirektøren",
                  "Forkortingar", "Fjordvik kommune", "Vedlegg: Mal for leiaravtale",
                  "leiarane med hovudansvar"):
        assert words in body, words
    assert "Oppdragsbrevet frå kommunedirektøren 2026" in core
    assert "<dc:language>nn-NO</dc:language>" in core
    eml = next((built / "epost").glob("leiaravtale-*.eml")).read_bytes().decode("ascii")
    assert "=?utf-8?" in eml  # the subject «Leiaravtale 2026 – …» is encoded
    csv = (built / "arkiv" / "arkivliste.csv").read_text(encoding="utf-8-sig")
    assert csv.startswith("Tittel;Dokumentdato;Saksnummer;") and "Filnamn" in csv


def test_nynorsk_documents_are_valid_word_files(nynorsk: tuple[Path, Path]) -> None:
    import docx

    _, built = nynorsk
    for path in [*built.glob("*/*.docx")][:8]:
        document = docx.Document(str(path))
        assert document.paragraphs


def test_the_nynorsk_demo_workbooks_are_typed_in_nynorsk(nynorsk: tuple[Path, Path]) -> None:
    wb_folder, _ = nynorsk
    wb = openpyxl.load_workbook(wb_folder / "leiaravtalar.xlsx")
    assert wb.sheetnames == ["Leiarar", "Leiaravtalar", "Bidrag", "Rettleiing"]
    ws = wb["Leiarar"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["Leiar-ID", "Namn", "Stilling", "Eining"] and "Leiarnivå" in headers
    levels = {r[headers.index("Leiarnivå")].value for r in ws.iter_rows(min_row=2)}
    assert "einingsleiar" in levels and "enhetsleder" not in levels
    styring = openpyxl.load_workbook(wb_folder / "styring.xlsx")
    assert {"Einingar", "Prioriteringar", "Tekstar", "Kapittel"} <= set(styring.sheetnames)
    kommune = {r[0].value: r[1].value for r in styring["Kommune"].iter_rows(min_row=2)}
    assert kommune["Målform"] == "nynorsk" and kommune["Kommunenamn"] == "Fjordvik kommune"
    tertial = openpyxl.load_workbook(wb_folder / "tertial.xlsx")
    ws = tertial["Målresultat"]
    status = [c.value for c in ws[1]].index("Status")
    assert {r[status].value for r in ws.iter_rows(min_row=2)} <= {"grøn", "gul", "raud"}
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert any("raud" in (f or "") and "grøn" in (f or "") for f in lists)
    oppdrag = openpyxl.load_workbook(wb_folder / "styring.xlsx")["Oppdrag"]
    assert any("Einingsleiarar" in str(c.value) for row in oppdrag.iter_rows() for c in row)


def test_new_workbook_in_nynorsk(tmp_path: Path) -> None:
    from .conftest import run

    result = run("new-workbook", tmp_path, "--målform", "nn", "--kommune", "Fjordvik kommune")
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(tmp_path / "styring.xlsx")
    assert "Einingar" in wb.sheetnames and "Rettleiing" in wb.sheetnames
    kommune = {r[0].value: r[1].value for r in wb["Kommune"].iter_rows(min_row=2)}
    assert kommune["Målform"] == "nynorsk"
    assert "korleis leiaren skal utvikle seg" in kommune.get("Leiaravtale: innleiing", "") or \
        any("korleis leiaren" in str(r[1].value) for r in wb["Tekstar"].iter_rows(min_row=2))
    guide = [r for r in wb["Rettleiing"].iter_rows(values_only=True)]
    assert guide[0][0] == "Rettleiing: kva kvar kolonne skal innehalde"
    assert (None, "Stad", "tekst; påkravd", "Stadnamn som blir brukt i «stad og dato» i "
            "avtalane.") in guide
    assert kommune["Kommunenamn"] == "Fjordvik kommune"
    assert run("new-workbook", tmp_path / "x", "--målform", "klingon").exit_code != 0


@pytest.mark.skipif(soffice() is None, reason="LibreOffice mangler")
def test_a_nynorsk_pdf_is_pdfa(nynorsk: tuple[Path, Path], tmp_path: Path) -> None:
    import pikepdf

    from .test_pdf import page_failures
    from .test_universal_design import validator_failures

    wb_folder, _ = nynorsk
    report = pipeline.build([wb_folder], tmp_path, kinds=["tertialrapport"], pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    pdf_path = next((tmp_path / "2026" / "tertialrapport").glob("*.pdf"))
    with pikepdf.open(pdf_path) as pdf:
        assert pdf.open_metadata().pdfa_status == "2B"
        assert str(pdf.Root.Lang) == "nn-NO"  # what a screen reader reads it as
    assert page_failures(pdf_path) == []
    assert validator_failures(pdf_path, "ua1") == []
    docx_path = pdf_path.with_suffix(".docx")
    with zipfile.ZipFile(docx_path) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    assert 'w:val="nn-NO"' in styles and "nb-NO" not in styles  # Word's spelling language
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Framlegg til vedtak" in text and "Sjukefråvær" in text


def test_babel_formats_dates_and_numbers_in_nynorsk() -> None:
    previous = texts.activate(texts.language("nynorsk"))
    try:
        assert norsk.LOCALE == "nn_NO"
        assert norsk.dato(date(2026, 11, 23)) == "23. november 2026"
        assert norsk.tall(1234567.5, 1) == "1\u00a0234\u00a0567,5"
        assert norsk.kr(-1500) == "−1\u00a0500\u00a0kr"
        assert format_date(date(2026, 11, 23), "EEEE", locale=norsk.LOCALE) == "måndag"
    finally:
        texts.activate(previous)
    assert norsk.LOCALE == "nb_NO"
    assert format_date(date(2026, 11, 23), "EEEE", locale=norsk.LOCALE) == "mandag"


def test_nynorsk_dates_in_the_documents(nynorsk: tuple[Path, Path]) -> None:
    _, built = nynorsk
    with zipfile.ZipFile(next((built / "tertialrapport").glob("*.docx"))) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert re.search(r"Status per .{0,200}3\d\. august 2026", body) or "august 2026" in body


SAMI = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: se\\n"

msgid "Sammendrag"
msgstr "Čoahkkáigeassu"

msgid "Innledning"
msgstr "Álgu"
"""


def test_a_third_language_from_a_catalogue_beside_the_workbooks(demo: Path,
                                                                 tmp_path: Path) -> None:
    (demo / "språk").mkdir()
    (demo / "språk" / "se.po").write_text(SAMI, encoding="utf-8")
    set_målform(demo / "styring.xlsx", "se/nynorsk")
    report = pipeline.build([demo], tmp_path, kinds=["oppdragsbrev", "tertialrapport"],
                            pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    with zipfile.ZipFile(tmp_path / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx") as z:
        brev = z.read("word/document.xml").decode("utf-8")
    with zipfile.ZipFile(next((tmp_path / "2026" / "tertialrapport").glob("*.docx"))) as z:
        rapport = z.read("word/document.xml").decode("utf-8")
    assert "Čoahkkáigeassu" in brev and "Sammendrag" not in brev
    assert "Álgu" in rapport and "Innledning" not in rapport
    assert "Verksemdsstyring" in brev  # what se.po lacks falls back to nynorsk
    notes = [p.message for p in report.problems.notices if "språkfilen" in p.message]
    assert len(notes) == 1
    missing = len(texts.all_msgids()) - 2
    assert f"mangler {missing} tekster" in notes[0] and "nynorsk" in notes[0]
    assert "«Virksomhetsstyring»" in notes[0] and "«Sammendrag»" not in notes[0]


def test_a_third_language_falls_back_to_bokmal_by_default(demo: Path, tmp_path: Path) -> None:
    (demo / "språk").mkdir()
    (demo / "språk" / "se.po").write_text(SAMI, encoding="utf-8")
    set_målform(demo / "styring.xlsx", "se")
    report = pipeline.build([demo], tmp_path, kinds=["oppdragsbrev"], pdf=False)
    assert report.ok
    with zipfile.ZipFile(tmp_path / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx") as z:
        brev = z.read("word/document.xml").decode("utf-8")
    assert "Čoahkkáigeassu" in brev and "Virksomhetsstyring" in brev
    assert any("bokmål" in p.message for p in report.problems.notices)


def test_an_unknown_malform_is_a_located_error(demo: Path, tmp_path: Path) -> None:
    set_målform(demo / "styring.xlsx", "klingon")
    report = pipeline.build([demo], tmp_path, kinds=["oppdragsbrev"], pdf=False)
    assert not report.ok
    (problem,) = report.problems.errors
    assert problem.sheet == "Kommune" and "språk/klingon.po" in problem.message
    assert texts.active().is_bokmål  # a failed build leaves bokmål active


def _rename(path: Path, sheet: str, new_sheet: str | None = None,
            headers: dict[str, str] | None = None,
            values: dict[str, str] | None = None) -> None:
    """Give a sheet a nynorsk name, headers and values, as a switching municipality would."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for cell in ws[1]:
        if cell.value in (headers or {}):
            cell.value = (headers or {})[cell.value]
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value in (values or {}):
                cell.value = (values or {})[cell.value]
    for table in ws.tables.values():
        for column, cell in zip(table.tableColumns, ws[1], strict=False):
            column.name = str(cell.value)
    if new_sheet:
        ws.title = new_sheet
    wb.save(path)


def _parts(folder: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(folder.rglob("*.docx")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                out[f"{path.relative_to(folder)}:{name}"] = z.read(name)
    return out


def test_a_bokmal_workbook_with_nynorsk_names_mixed_in_makes_the_same_documents(
        demo: Path, tmp_path: Path) -> None:
    kinds = ["oppdragsbrev", "tertialrapport", "lederavtale"]
    before = pipeline.build([demo], tmp_path / "før", kinds=kinds, pdf=False)
    assert before.ok
    _rename(demo / "lederavtaler.xlsx", "Ledere", "Leiarar",
            {"Navn": "Namn", "Enhet": "Eining", "Ledernivå": "Leiarnivå"},
            {"enhetsleder": "einingsleiar", "kommunalsjef": "kommunalsjef"})
    _rename(demo / "tertial.xlsx", "Målresultater", "Målresultat", values={"grønn": "grøn",
                                                                           "rød": "raud"})
    # (HA/DA in nynorsk resolve too, but the documents show them as written: see the
    # nynorsk demo, whose Oppdrag say «Einingsleiarar»)
    _rename(demo / "styring.xlsx", "Enheter", "Einingar")
    after = pipeline.build([demo], tmp_path / "etter", kinds=kinds, pdf=False)
    assert after.ok, [str(p) for p in after.problems]
    first, second = _parts(tmp_path / "før" / "2026"), _parts(tmp_path / "etter" / "2026")
    assert first.keys() == second.keys() and len(first) > 100
    assert [k for k in first if first[k] != second[k]] == []


def test_the_catalogue_has_every_text_in_nynorsk() -> None:
    """templates/catalogue.py --check: every text of the code and the templates is in the
    nynorsk catalogue, translated."""
    done = subprocess.run([sys.executable, str(REPO / "templates" / "catalogue.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_template_texts_are_translated_between_and_inside_tags() -> None:
    messages = {"Innledning": "Innleiing", "Ikke rapportert": "Ikkje rapportert",
                "Sum": "Sum"}
    xml = ('<w:p><w:r><w:t xml:space="preserve">{{ nr.innledning }} Innledning</w:t></w:r>'
           '<w:r><w:t>{{ "Ikke rapportert" if x else y }}</w:t></w:r>'
           '<w:r><w:t>Innledninger</w:t></w:r></w:p>')
    out = texts.translate_xml(xml, messages)
    assert "{{ nr.innledning }} Innleiing</w:t>" in out
    assert '{{ "Ikkje rapportert" if x else y }}' in out
    assert "<w:t>Innledninger</w:t>" in out  # only whole texts, never parts of words
    assert texts.template_texts(xml) == ["Innledning", "Ikke rapportert", "Innledninger"]
    # a value a condition compares with is code, not text: it stays
    kept = ('<w:t>{{ "Innledning" if s == "Sum" else "x" }}</w:t>'
            '<w:t>{% if s == "Innledning" %}Sum{% endif %}</w:t>')
    assert texts.translate_xml(kept, messages) == kept.replace('{{ "Innledning"',
                                                               '{{ "Innleiing"')


def test_bokmal_is_the_identity() -> None:
    data = (REPO / "templates" / "oppdragsbrev.docx").read_bytes()
    assert texts.translate_docx(data, texts.Language()) is data
    assert texts._("Innledning") == "Innledning"
    nn = texts.language("Nynorsk")
    translated = texts.translate_docx(data, nn)
    with zipfile.ZipFile(io.BytesIO(translated)) as z:
        assert "Samandrag" in z.read("word/document.xml").decode("utf-8")
    assert texts.parse("nn") == ("nn", "nn") and texts.parse("se, nynorsk") == ("se", "nn")
    assert texts.parse(None) == ("nb", "nb") and texts.parse("Bokmål") == ("nb", "nb")


def test_a_changed_catalogue_is_a_change_for_the_next_build(demo: Path, tmp_path: Path) -> None:
    (demo / "språk").mkdir()
    catalogue = demo / "språk" / "se.po"
    catalogue.write_text(SAMI, encoding="utf-8")
    set_målform(demo / "styring.xlsx", "se")
    assert pipeline.build([demo], tmp_path, kinds=["oppdragsbrev"], pdf=False).ok
    catalogue.write_text(SAMI.replace("Čoahkkáigeassu", "Oanehaččat"), encoding="utf-8")
    again = pipeline.build([demo], tmp_path, kinds=["oppdragsbrev"], pdf=False)
    assert again.ok and not again.unchanged
    with zipfile.ZipFile(tmp_path / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx") as z:
        assert "Oanehaččat" in z.read("word/document.xml").decode("utf-8")
