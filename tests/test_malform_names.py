"""Målform in names and on the overview page (issue 27): the nynorsk demo's files and folders
are named in nynorsk («leiaravtale/», «leiaravtalar.xlsx»), its ``oversikt.html`` is
nynorsk (``lang="nn"``, its filter script allowed by its own hash), a municipality that
switches målform has the old målform's files retired to the backup while a person's files
stay as they are, and the bokmål names are what they were."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from generator import pipeline
from generator.documents import KINDS
from generator.output import fastpath, ownership
from generator.output.delivery import oversikt

from .bokmaal_words import found
from .conftest import run
from .test_malform import set_målform

YEAR = "2026"


def _words(rel: str) -> str:
    """A path as words: «leiaravtale/leiaravtale-skule-kari.docx» → «leiaravtale leiaravtale
    skule kari docx»."""
    return re.sub(r"[/._-]+", " ", rel)


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def nynorsk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The nynorsk demo: its workbooks and its year folder (no PDF)."""
    base = tmp_path_factory.mktemp("namn")
    assert pipeline.write_demo(base / "wb", "nynorsk")
    report = pipeline.build([base / "wb"], base / "ut", pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return {"wb": base / "wb", "year": base / "ut" / YEAR, "base": base}


def test_the_nynorsk_demo_names_its_files_and_folders_in_nynorsk(
        nynorsk: dict[str, Path]) -> None:
    workbooks = sorted(p.name for p in nynorsk["wb"].glob("*.xlsx"))
    assert "leiaravtalar.xlsx" in workbooks and "lederavtaler.xlsx" not in workbooks
    # the logo is Fjordvik's, named as the Kommune sheet names it
    assert sorted(p.name for p in nynorsk["wb"].glob("*.png")) == ["fjordvik-logo.png"]
    year = nynorsk["year"]
    folders = {p.name for p in year.iterdir() if p.is_dir()}
    assert {"leiaravtale", "oppdragsbrev", "tertialrapport", "epost", "kalender",
            "arkiv"} <= folders
    assert "lederavtale" not in folders
    files = _files(year)
    assert len(files) > 100
    assert [f for f in files if found(_words(f))] == []
    assert any(f.startswith("leiaravtale/leiaravtale-") for f in files)
    assert "kalender/arshjul-milepaelar.ics" in files
    # what the archive list names: its file names and references, in the målform too
    listing = (year / "arkiv" / "arkivliste.csv").read_text(encoding="utf-8-sig")
    assert "\nLeiaravtale 2026 – " in listing and ";leiaravtale;" in listing
    assert "lederavtale" not in listing.casefold()


def test_the_nynorsk_overview_is_nynorsk(nynorsk: dict[str, Path]) -> None:
    page = (nynorsk["year"] / "oversikt.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nn">')
    for words in ("Dokumenta for Fjordvik kommune 2026", "Treng oppfølging",
                  "E-post, kalendrar og arkiv", "Filtrer dokumenta", "Frå arbeidsboka",
                  "Leiaravtale (44)", "ikkje signert", "Manglar signatur",
                  'href="leiaravtale/leiaravtale-', "Unnateke offentlegheit",
                  "Sida hentar ingenting frå nettet"):
        assert words in page, words
    assert found(page) == []
    # the inline filter script says «Viser … av …» in the målform and is allowed by the
    # hash of exactly the script on the page
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page
    assert script.group(1) == oversikt.SCRIPT  # nynorsk says «Viser alle … av» too


def test_the_nynorsk_overview_filters_and_passes_axe_core_in_chromium(
        nynorsk: dict[str, Path]) -> None:
    """The page's own script runs under its own hash in the real Chromium, and axe-core
    finds nothing on the nynorsk page (its ``lang="nn"`` included)."""
    import html
    import json

    from .test_oversikt_workplace import AXE, _dump, _dump_uri, _shown, _with_scripts

    tmp, page = nynorsk["base"], nynorsk["year"] / "oversikt.html"
    dom = _dump_uri(tmp, page.as_uri() + "#filter=tertialrapport")
    shown = _shown(dom)
    assert len(shown) == 1 and shown[0].startswith("dok-tertialrapport")
    assert dom.xpath("string(//p[@id='filter-svar'])").startswith("Viser 1 av ")
    if not AXE.is_file():
        pytest.skip("axe-core mangler (npm install; ./setup.sh gjør det).")
    report = ("axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
              " var pre = document.createElement('pre'); pre.id = 'axe-resultat';"
              " pre.textContent = JSON.stringify(r.violations.map(function (v) {"
              " return v.id; })); document.body.appendChild(pre); });")
    dom = _dump(tmp, _with_scripts(page, tmp / "axe-nn.html", AXE.read_text(encoding="utf-8"),
                                   report))
    result = dom.xpath("//pre[@id='axe-resultat']")
    assert result, "axe-core did not finish"
    assert json.loads(html.unescape(result[0].text_content())) == []


def test_the_kinds_folders_are_the_products_in_both_malformer() -> None:
    assert "lederavtale" in KINDS  # the internal key stays
    for rel in ("lederavtale/lederavtale-skole-kari.docx", "leiaravtale/leiaravtale-skule-kari.pdf",
                "leiaravtale/leiaravtale-skule-kari-ny.docx", "oppdragsbrev/oppdragsbrev-2026.pdf"):
        assert ownership.made_by_us(rel), rel
    for rel in ("leiaravtalar/x.docx", "leiaravtale/Mine notat.docx", "sikkerhetskopi/x.docx",
                "tryggingskopi/x.docx", "leiaravtale/x.xlsx"):
        assert not ownership.made_by_us(rel), rel


def test_switching_malform_retires_the_old_files_and_leaves_a_persons_alone(
        tmp_path: Path) -> None:
    """A bokmål build, then the same workbooks set to nynorsk: the bokmål files the product
    made go to the backup folder (in the new målform: tryggingskopi/), a person's own file
    and a file a person changed stay where they are, byte for byte; the next nynorsk build
    finds nothing to do, and switching back retires the nynorsk files the same way."""
    wb, out = tmp_path / "wb", tmp_path / "ut"
    pipeline.write_demo(wb)
    kinds = ["oppdragsbrev", "lederavtale"]
    assert pipeline.build([wb], out, kinds=kinds, pdf=False).ok
    year = out / YEAR
    before = _files(year)
    agreements = sorted((year / "lederavtale").glob("lederavtale-*.docx"))
    assert len(agreements) > 20
    own = year / "lederavtale" / "Mine notater.docx"
    own.write_bytes(b"mine egne notater")
    changed = agreements[0]
    changed_bytes = changed.read_bytes() + b"endret av en person"
    changed.write_bytes(changed_bytes)

    set_målform(wb / "styring.xlsx", "nynorsk")
    report = pipeline.build([wb], out, kinds=kinds, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    assert own.read_bytes() == b"mine egne notater"
    assert changed.read_bytes() == changed_bytes
    assert sorted(p.name for p in (year / "lederavtale").iterdir()) == sorted(
        [own.name, changed.name])
    (said,) = [m for rel, m in report.outcome.notices if rel == f"lederavtale/{changed.name}"]
    assert "nytt filnavn" in said and "målform" in said  # not only «the rows are gone»
    assert not (year / ownership.BACKUP_DIR).exists()  # «sikkerhetskopi» is bokmål
    backups = list((year / "tryggingskopi").iterdir())
    assert len(backups) == 1
    retired = _files(backups[0])
    gone = {f for f in before if f.startswith(("lederavtale/", "epost/lederavtale-"))}
    assert gone - {f"lederavtale/{changed.name}"} <= set(retired)
    assert not any("leiaravtale" in f for f in retired)
    made = sorted(p.name for p in (year / "leiaravtale").iterdir())
    assert len(made) == len(agreements) and all(n.startswith("leiaravtale-") for n in made)
    # the nynorsk files are the product's: a full build (past the no-change check) follows
    # its manifest, renders nothing and says nothing about them
    (year / fastpath.STATUS).unlink()
    again = pipeline.build([wb], out, kinds=kinds, pdf=False)
    assert again.ok and again.outcome is not None
    assert again.outcome.rendered == []
    assert not [n for n in again.outcome.notices if "leiaravtale" in n[0]]
    assert sorted(p.name for p in (year / "leiaravtale").iterdir()) == made

    set_målform(wb / "styring.xlsx", "bokmål")
    assert pipeline.build([wb], out, kinds=kinds, pdf=False).ok
    assert not list((year / "leiaravtale").glob("*.docx"))
    assert own.read_bytes() == b"mine egne notater" and changed.read_bytes() == changed_bytes
    assert any(b.glob("leiaravtale/leiaravtale-*.docx")
               for b in (year / ownership.BACKUP_DIR).iterdir())


def test_the_bokmal_names_are_unchanged(demo: Path, tmp_path: Path) -> None:
    assert (demo / "lederavtaler.xlsx").is_file() and not (demo / "leiaravtalar.xlsx").exists()
    report = pipeline.build([demo], tmp_path / "ut", kinds=["lederavtale", "oppdragsbrev"],
                            pdf=False)
    assert report.ok
    year = tmp_path / "ut" / YEAR
    assert not (year / "leiaravtale").exists()
    names = sorted(p.name for p in (year / "lederavtale").iterdir())
    assert names and all(n.startswith("lederavtale-") for n in names)
    assert any(n.endswith("-offentlig.docx") for n in names)
    assert (year / "kalender" / "arshjul-milepaeler.ics").is_file()
    page = (year / "oversikt.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nb">')
    assert "Dokumentene for Fjellvik kommune 2026" in page and "Trenger oppfølging" in page
    assert 'href="lederavtale/lederavtale-' in page
    assert f"script-src {oversikt._csp_hash(oversikt.SCRIPT)}" in page


def test_the_archive_note_on_another_signer_is_in_the_malform() -> None:
    """The note the archive record carries when a field is signed by another person than
    the name on its line (``--annen-signerer``) follows the målform, its role too."""
    from generator import texts
    from generator.output.signatures import FieldSignature, SignatureState

    state = SignatureState((FieldSignature("Leder", "Kari Nordmann", "Ola Vikar", valid=True),))
    assert state.notes() == ("Feltet «Leder» er signert av Ola Vikar, mens signaturlinjen har "
                             "navnet Kari Nordmann (signert med --annen-signerer).",)
    previous = texts.activate(texts.language("nynorsk"))
    try:
        (note,) = state.notes()
    finally:
        texts.activate(previous)
    assert note == ("Feltet «Leiar» er signert av Ola Vikar, medan signaturlinja har namnet "
                    "Kari Nordmann (signert med --annen-signerer).")
    assert found(note) == []


def test_a_blank_nynorsk_set_is_named_in_nynorsk_and_not_written_over_a_bokmal_set(
        tmp_path: Path) -> None:
    written = pipeline.new_workbooks(tmp_path / "nn", målform="nynorsk")
    assert sorted(p.name for p in written) == ["kompass.xlsx", "leiaravtalar.xlsx",
                                               "risiko.xlsx", "styring.xlsx", "tertial.xlsx"]
    pipeline.new_workbooks(tmp_path / "nb")
    assert (tmp_path / "nb" / "lederavtaler.xlsx").is_file()
    with pytest.raises(pipeline.UserError, match=r"lederavtaler\.xlsx"):
        pipeline.new_workbooks(tmp_path / "nb", målform="nynorsk")


def test_a_nynorsk_xlsm_explains_its_buttons_in_nynorsk(tmp_path: Path) -> None:
    """The Start sheet, the buttons and the xlwings.conf help of a nynorsk .xlsm are nynorsk;
    the macros are the same as in bokmål."""
    import zipfile

    import openpyxl

    from generator.excel.xlsm import BUTTON_MACRO, CONF_SHEET, START_SHEET, new_xlsm_workbooks

    written = new_xlsm_workbooks(tmp_path / "nn", 2027, "Fjordvik kommune", målform="nynorsk")
    book = next(p for p in written if p.name == "styring.xlsm")
    wb = openpyxl.load_workbook(book)
    start = "\n".join(str(c.value) for row in wb[START_SHEET].iter_rows() for c in row
                      if c.value)
    conf = "\n".join(str(c.value) for row in wb[CONF_SHEET].iter_rows() for c in row if c.value)
    assert "Slik gjer du:" in start and "«Rettleiing»" in start and "«Lag dokument»" in start
    assert "Innstillingar for knappen «Lag dokument»" in conf
    for word in ("Slik gjør", "Hvert ark", "lagres", "virker", "ikke", "leder"):
        assert word not in start + conf, word
    with zipfile.ZipFile(book) as z:
        vml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".vml"))
    assert "Lag dokument" in vml and "Lag dokumenter" not in vml
    assert BUTTON_MACRO in vml.replace("&quot;", '"')  # the same macro as in bokmål


def test_the_backup_folder_is_named_in_the_malform() -> None:
    from generator import texts

    previous = texts.activate(texts.language("nynorsk"))
    try:
        assert ownership.backup_folder(Path("/x")).parent == Path("/x/tryggingskopi")
    finally:
        texts.activate(previous)
    assert ownership.backup_folder(Path("/x")).parent == Path("/x/sikkerhetskopi")


def test_documents_beside_a_nynorsk_set_go_to_dokument(tmp_path: Path) -> None:
    """`styring build` without --out, the Excel button and the xlsm's Start sheet agree:
    «dokument» beside a nynorsk workbook set, «dokumenter» beside a bokmål one, and a folder
    already there is kept (a municipality that switches målform keeps its folder)."""
    from generator import paths, texts
    from generator.excel.outcome import output_dir
    from generator.input.schema import LEDERAVTALER, workbook_file

    previous = texts.activate(texts.language("nynorsk"))
    try:
        assert workbook_file(LEDERAVTALER) == paths.NYNORSK_WORKBOOK  # one name, kept alike
    finally:
        texts.activate(previous)
    nn, nb = tmp_path / "nn", tmp_path / "nb"
    assert run("demo", nn, "--målform", "nynorsk").exit_code == 0
    assert run("demo", nb).exit_code == 0
    assert paths.default_out([nn]) == nn / "dokument"
    assert paths.default_out([nb]) == nb / "dokumenter"
    result = run("build", nn, "--no-pdf", "--only", "oppdragsbrev")
    assert result.exit_code == 0, result.output
    assert (nn / "dokument" / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx").is_file()
    assert not (nn / "dokumenter").exists()
    (nb / "dokument").mkdir()  # a person's own folder with the name is not taken
    assert paths.default_out([nb]) == nb / "dokumenter"
    (nn / "leiaravtalar.xlsx").rename(nn / "lederavtaler.xlsx")  # the set renamed to bokmål:
    assert paths.default_out([nn]) == nn / "dokument"  # the folder built into is kept
    xlsm = tmp_path / "knapp"
    from generator.excel.xlsm import new_xlsm_workbooks

    books = new_xlsm_workbooks(xlsm, 2027, "Fjordvik kommune", målform="nynorsk")
    assert output_dir(next(p for p in books if p.suffix == ".xlsm")) == xlsm / "dokument"


def test_the_nynorsk_demo_with_the_button_is_nynorsk(tmp_path: Path) -> None:
    """`styring demo --xlsm --målform nynorsk` (the målform was silently ignored with --xlsm):
    Fjordvik's workbooks typed in nynorsk, with the nynorsk button, sending documents to
    «dokument» as `styring build` would."""
    import openpyxl

    from generator import paths
    from generator.excel.outcome import output_dir
    from generator.excel.xlsm import START_SHEET

    folder = tmp_path / "knapp"
    result = run("demo", folder, "--xlsm", "--målform", "nynorsk")
    assert result.exit_code == 0, result.output
    book = folder / "leiaravtalar.xlsm"
    assert book.is_file() and not (folder / "lederavtaler.xlsm").exists()
    wb = openpyxl.load_workbook(book)
    assert "Leiarar" in wb.sheetnames
    assert wb[START_SHEET]["B7"].value == "Slik gjer du:"
    assert output_dir(book) == folder / "dokument" == paths.default_out([folder])
    kommune = openpyxl.load_workbook(folder / "styring.xlsm")["Kommune"]
    assert any(c.value == "Fjordvik kommune" for row in kommune.iter_rows() for c in row)
