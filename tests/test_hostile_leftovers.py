"""What the hostile tester found left over: a person's own «manifest.json» in the year
folder, nynorsk workbooks named with bokmål sheet names in the messages, a duplicate
Leder-ID that set off follow-on errors, cells merged across columns read without a word,
the build summary's kind codes in a nynorsk build and the signature's bokmål reason.
Real .xlsx files edited with openpyxl, real builds, a real LibreOffice PDF signed with
pyHanko."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from generator import pipeline, texts
from generator.input.validate import load

from .conftest import run

YEAR = "2026"


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)


def _messages(folder: Path) -> tuple[list[str], list[str]]:
    result = load([folder])
    return ([str(p) for p in result.problems.errors], [str(p) for p in result.problems.notices])


def _build(wb: Path, out: Path) -> pipeline.BuildReport:
    report = pipeline.build([wb], out, kinds=["oppdragsbrev"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return report


def _about_manifest(report: pipeline.BuildReport) -> list[str]:
    return [str(p) for p in report.problems.notices
            if p.file.endswith("manifest.json") and not p.file.endswith("kopi.json")]


def _backups(year: Path, word: str = "sikkerhetskopi") -> list[Path]:
    return sorted((year / word).glob("*/manifest.json"))


def _is_the_products(path: Path) -> bool:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("product") == "styring" and "documents" in data


@pytest.fixture(scope="module")
def nynorsk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fjordvik's nynorsk demo workbooks, made once by the real command (copied per test)."""
    folder = tmp_path_factory.mktemp("nn") / "demo"
    assert run("demo", folder, "--målform", "nynorsk").exit_code == 0
    return folder


@pytest.fixture
def nn(nynorsk: Path, tmp_path: Path) -> Path:
    shutil.copytree(nynorsk, tmp_path / "nn")
    return tmp_path / "nn"


# --- 1. a person's own manifest.json is never lost ------------------------------------------


@pytest.mark.parametrize("own", ["text", "json", "folder"])
def test_an_own_file_named_manifest_json_is_moved_to_the_backup_not_overwritten(
        demo: Path, own: str) -> None:
    out = demo / "dokumenter"
    year = out / YEAR
    year.mkdir(parents=True)
    place = year / "manifest.json"
    if own == "text":
        place.write_text("Mine notater om manifestet\n", encoding="utf-8")
    elif own == "json":
        place.write_text(json.dumps({"name": "Min app", "icons": []}), encoding="utf-8")
    else:
        place.mkdir()
        (place / "notat.txt").write_text("viktig", encoding="utf-8")
    before = {p.relative_to(place).as_posix(): p.read_bytes()
              for p in ([place] if own != "folder" else place.rglob("*")) if p.is_file()}
    report = _build(demo, out)
    backups = _backups(year)
    assert len(backups) == 1, backups
    kept = backups[0]
    assert {p.relative_to(kept).as_posix(): p.read_bytes()
            for p in ([kept] if own != "folder" else kept.rglob("*"))
            if p.is_file()} == before  # nothing lost
    assert _is_the_products(place)  # the build's own bookkeeping is there now
    said = _about_manifest(report)
    assert len(said) == 1, said
    assert said[0].startswith(f"{year / 'manifest.json'}: "), said  # not «dokumenter»
    assert kept.relative_to(year).as_posix() in said[0], said
    assert "ikke programmets manifest" in said[0], said
    # the next build finds its own manifest: nothing more moved, nothing more said
    again = _build(demo, out)
    assert _backups(year) == backups and _about_manifest(again) == []


def test_a_damaged_manifest_is_kept_in_the_backup_with_its_notice(demo: Path) -> None:
    out = demo / "dokumenter"
    year = out / YEAR
    _build(demo, out)
    cut = (year / "manifest.json").read_bytes()[:300]  # cut short, as a crash would leave it
    (year / "manifest.json").write_bytes(cut)
    report = _build(demo, out)
    said = _about_manifest(report)
    assert len(said) == 1 and "avkortet eller skadet" in said[0], said
    backups = _backups(year)
    assert len(backups) == 1 and backups[0].read_bytes() == cut, backups
    assert backups[0].relative_to(year).as_posix() in said[0], said
    assert "ikke programmets manifest" not in said[0], said  # it is the product's, damaged
    assert _is_the_products(year / "manifest.json")


def test_a_sound_manifest_is_not_moved(demo: Path) -> None:
    out = demo / "dokumenter"
    _build(demo, out)
    _edit(demo / "styring.xlsx", lambda b: setattr(b["Oppdrag"]["B2"], "value", "Nytt navn"))
    report = _build(demo, out)
    assert _about_manifest(report) == [] and not (out / YEAR / "sikkerhetskopi").exists()


def test_in_a_nynorsk_build_the_own_manifest_goes_to_tryggingskopi(nn: Path) -> None:
    out = nn / "dokument"
    year = out / YEAR
    year.mkdir(parents=True)
    (year / "manifest.json").write_text("notat", encoding="utf-8")
    report = _build(nn, out)
    backups = _backups(year, "tryggingskopi")
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == "notat"
    said = _about_manifest(report)
    assert len(said) == 1 and "tryggingskopi/" in said[0], said


def test_a_write_error_names_the_file_it_failed_at(demo: Path) -> None:
    """A write that fails at one file names that file, not only the output folder (a folder
    in the manifest's place was named «dokumenter»)."""
    out = demo / "dokumenter"
    _build(demo, out)
    copy = out / YEAR / ".manifest-kopi.json"
    copy.unlink()
    copy.mkdir()  # the bookkeeping's copy cannot be written
    _edit(demo / "styring.xlsx", lambda b: setattr(b["Oppdrag"]["B2"], "value", "Nytt navn"))
    report = pipeline.build([demo], out, kinds=["oppdragsbrev"], pdf=False)
    errors = [str(p) for p in report.problems.errors]
    assert len(errors) == 1 and errors[0].startswith(f"{copy}: "), errors
    assert "er en mappe, ikke en fil" in errors[0], errors


# --- 2. messages name the nynorsk sheets as they are titled -----------------------------------


def test_messages_about_a_nynorsk_workbook_name_its_own_sheets(nn: Path) -> None:
    def leaders(book: openpyxl.Workbook) -> None:
        book["Leiaravtalar"]["A2"] = "L99"
        book["Leiarar"]["E3"] = "L77"

    _edit(nn / "leiaravtalar.xlsx", leaders)

    def area(book: openpyxl.Workbook) -> None:
        ws = book["Økonomi"]
        col = next(c.column for c in ws[1] if c.value == "Rammeområde")
        ws.cell(row=2, column=col).value = "Ukjent område"

    _edit(nn / "tertial.xlsx", area)

    def strategy(book: openpyxl.Workbook) -> None:
        book["Delstrategi-innhald"]["A2"] = 99

    _edit(nn / "kompass.xlsx", strategy)
    errors, notices = _messages(nn)
    said = errors + notices
    assert any("«L99» finnes ikke i arket Leiarar." in e for e in errors), errors
    assert any("«L77» finnes ikke i arket Leiarar." in e for e in errors), errors
    assert any("finnes ikke i arket Rammeområde." in e for e in errors), errors
    assert any("finnes ikke i arket Delstrategiar." in e for e in errors), errors
    bokmål = re.compile(r"arket «?(Ledere|Lederavtaler|Rammeområder|Delstrategier|Enheter|"
                        r"Delstrategi-innhold|Nøkkeltall|Målresultater|Milepæler)\b")
    assert not [m for m in said if bokmål.search(m)], said


def test_a_missing_sheet_of_a_nynorsk_workbook_is_named_in_nynorsk(nn: Path) -> None:
    _edit(nn / "leiaravtalar.xlsx", lambda b: b.remove(b["Leiarar"]))
    errors, notices = _messages(nn)
    assert len(errors) == 1, errors
    assert "› Leiarar: " in errors[0] and "arket «Leiarar»" in errors[0], errors
    assert "leiaravtalar.xlsx" in errors[0].split(": ", 1)[1], errors
    assert not any("Ledere" in m or "lederavtaler.xlsx" in m for m in errors + notices), (
        errors, notices)


def test_messages_about_a_nynorsk_workbook_name_its_columns_and_fields_in_nynorsk(
        nn: Path) -> None:
    def oppdrag(book: openpyxl.Workbook) -> None:
        book["Oppdrag"]["C2"] = None  # «Hovudinnhald»
        for row in book["Kommune"].iter_rows(min_row=2):
            if row[0].value == "Kommunenamn":
                row[1].value = None

    _edit(nn / "styring.xlsx", oppdrag)
    _edit(nn / "leiaravtalar.xlsx", lambda b: setattr(b["Leiarar"]["A3"], "value", "L01"))
    errors, _ = _messages(nn)
    assert "styring.xlsx › Oppdrag › C2: «Hovudinnhald» mangler verdi (påkrevd)." in errors
    assert any("Kommune" in e and "«Kommunenamn» mangler verdi" in e for e in errors), errors
    assert any("Leiarar › A3: Leiar-ID «L01» finnes allerede (A2)" in e for e in errors), errors
    assert not any(w in e for e in errors for w in ("Hovedinnhold", "Kommunenavn", "Leder-ID"))


def test_a_renamed_column_in_a_nynorsk_workbook_is_one_error_naming_both(nn: Path) -> None:
    def rename(book: openpyxl.Workbook) -> None:
        cell = next(c for c in book["Økonomi"][1] if c.value == "Rekneskap hittil")
        cell.value = "Rekneskap hittil 2026"

    _edit(nn / "tertial.xlsx", rename)
    errors, notices = _messages(nn)
    assert len(errors) == 1, errors
    assert "«Rekneskap hittil»" in errors[0] and "«Rekneskap hittil 2026»" in errors[0], errors
    # the investment projects are not compared with the lines the error refused
    assert not any("investeringslinje" in n for n in notices), notices


# --- 3. a duplicate Leder-ID is one message ---------------------------------------------------


def test_a_duplicate_leader_id_is_one_error_without_follow_on_errors(demo: Path) -> None:
    # L02 typed as L01: the rows that name L02 are not reported one by one as well
    _edit(demo / "lederavtaler.xlsx", lambda b: setattr(b["Ledere"]["A3"], "value", "L01"))
    errors, notices = _messages(demo)
    assert errors == ["lederavtaler.xlsx › Ledere › A3: Leder-ID «L01» finnes allerede (A2). "
                      "Hver rad må ha sin egen."], errors
    assert not any("L02" in n or "finnes ikke" in n for n in notices), notices
    # … but they are counted, so none is passed over in silence
    waiting = [n for n in notices if "der en nøkkel står to ganger" in n]
    assert waiting and all("arket «Ledere»" in n for n in waiting), notices


def test_a_typo_beside_a_duplicate_key_is_not_hidden(demo: Path) -> None:
    # L02 typed as L01, and elsewhere an agreement row names L99 (a real typo): the typo's row
    # is counted in the notice with the rows that named L02, and judged once L01 is fixed
    def edit(book: openpyxl.Workbook) -> None:
        book["Ledere"]["A3"] = "L01"

    _edit(demo / "lederavtaler.xlsx", edit)
    _, before = _messages(demo)
    book = openpyxl.load_workbook(demo / "lederavtaler.xlsx")
    sheet = next(ws for ws in book.worksheets if ws.title != "Ledere"
                 and any(c.value == "L03" for c in ws["A"]))
    cell = next(c for c in sheet["A"] if c.value == "L03")
    cell.value = "L99"
    book.save(demo / "lederavtaler.xlsx")
    errors, after = _messages(demo)
    assert len(errors) == 1 and "finnes allerede" in errors[0], errors
    assert _waiting(after) == _waiting(before) + 1, (before, after)
    _edit(demo / "lederavtaler.xlsx", lambda b: setattr(b["Ledere"]["A3"], "value", "L02"))
    errors, _ = _messages(demo)
    assert any("L99" in e and f"{sheet.title} › {cell.coordinate}" in e for e in errors), errors


def _waiting(notices: list[str]) -> int:
    """The rows the notices count as not judged while a key is written twice."""
    total = 0
    for n in notices:
        if "der en nøkkel står to ganger" in n:
            m = re.search(r"(\d+) rader|(én) rad", n)
            assert m, n
            total += int(m.group(1)) if m.group(1) else 1
    return total


def test_a_duplicate_oppdrag_number_is_one_error_without_follow_on_errors(demo: Path) -> None:
    _edit(demo / "styring.xlsx", lambda b: setattr(b["Oppdrag"]["A3"], "value", 1))
    errors, _ = _messages(demo)
    assert errors == ["styring.xlsx › Oppdrag › A3: Nr «1» finnes allerede (A2). Hver rad "
                      "må ha sin egen."], errors


def test_a_duplicate_leader_id_in_a_nynorsk_workbook_is_one_error(nn: Path) -> None:
    _edit(nn / "leiaravtalar.xlsx", lambda b: setattr(b["Leiarar"]["A3"], "value", "L01"))
    errors, _ = _messages(nn)
    assert len(errors) == 1 and "Leiarar › A3" in errors[0] and "(A2)" in errors[0], errors


# --- 4. cells merged across columns -----------------------------------------------------------


def _merge(path: Path, sheet: str, ref: str) -> None:
    def change(book: openpyxl.Workbook) -> None:
        ws = book[sheet]
        _first, *rest = [c for row in ws[ref] for c in row]
        for cell in rest:
            cell.value = None
        ws.merge_cells(ref)
    _edit(path, change)


def test_a_text_merged_over_an_optional_column_is_one_notice(demo: Path) -> None:
    _merge(demo / "styring.xlsx", "Oppdrag", "E2:F2")  # DA over Frist
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems.errors]
    said = [str(p) for p in result.problems.notices if "slått sammen" in p.message]
    assert len(said) == 1, said
    assert said[0].startswith("styring.xlsx › Oppdrag › E2:F2: "), said
    assert "«DA» (E)" in said[0] and "«Frist» (F)" in said[0] and "tom" in said[0], said
    assert result.data is not None and result.data.oppdrag[0].frist in (None, "")


def test_a_text_merged_over_a_required_column_is_one_error_saying_why(demo: Path) -> None:
    _merge(demo / "styring.xlsx", "Oppdrag", "C2:D2")  # Hovedinnhold over HA
    errors, _ = _messages(demo)
    assert len(errors) == 1, errors
    assert errors[0].startswith("styring.xlsx › Oppdrag › C2:D2: "), errors
    assert "«HA»" in errors[0] and "mangler verdi" in errors[0], errors


def test_a_header_merged_over_a_column_with_values_is_an_error(demo: Path) -> None:
    def change(book: openpyxl.Workbook) -> None:
        ws = book["Oppdrag"]
        ws["F1"].value = None
        ws.merge_cells("E1:F1")  # «DA» over «Frist»: the deadlines would go unread
    _edit(demo / "styring.xlsx", change)
    errors, _ = _messages(demo)
    assert len(errors) == 1, errors
    assert errors[0].startswith("styring.xlsx › Oppdrag › E1:F1: "), errors
    assert "«DA»" in errors[0] and "kolonne F" in errors[0] and "ikke lest" in errors[0], errors


def test_a_field_name_merged_over_its_value_is_one_error(demo: Path) -> None:
    book = openpyxl.load_workbook(demo / "styring.xlsx")
    row = next(r[0].row for r in book["Kommune"].iter_rows(min_row=2)
               if r[0].value == "Dokumentår")
    _merge(demo / "styring.xlsx", "Kommune", f"A{row}:B{row}")
    errors, _ = _messages(demo)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"styring.xlsx › Kommune › A{row}:B{row}: "), errors
    assert "«Dokumentår»" in errors[0] and "mangler verdi" in errors[0], errors


def test_a_merged_range_in_a_nynorsk_sheet_names_the_headers_as_written(nn: Path) -> None:
    _merge(nn / "styring.xlsx", "Oppdrag", "C2:D2")
    errors, _ = _messages(nn)
    assert len(errors) == 1 and "Oppdrag › C2:D2" in errors[0], errors
    assert "«Hovudinnhald» (C)" in errors[0], errors


def test_a_cached_reading_gives_the_same_merge_notice(demo: Path) -> None:
    _merge(demo / "styring.xlsx", "Oppdrag", "E2:F2")
    out = demo / "dokumenter"
    first = _build(demo, out)
    assert (out / ".arbeidsbok-cache").is_dir()
    _edit(demo / "tertial.xlsx", lambda b: setattr(b["Økonomi"]["A1"], "comment", None))
    _edit(demo / "lederavtaler.xlsx",
          lambda b: setattr(b["Lederavtaler"]["B2"], "value", "Endret bidrag"))
    second = _build(demo, out)  # styring.xlsx is unchanged: read from the cache

    def merged(report: pipeline.BuildReport) -> list[str]:
        return [str(p) for p in report.problems.notices if "slått sammen" in p.message]
    assert len(merged(first)) == 1 and merged(second) == merged(first)


# --- 5. the build summary in the målform --------------------------------------------------------


def test_a_nynorsk_build_summary_names_the_kinds_in_nynorsk(nn: Path) -> None:
    result = run("build", nn, "--only", "leiaravtale", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert re.search(r"^\s+leiaravtale: \d+", result.output, re.M), result.output
    assert "lederavtale:" not in result.output, result.output


def test_the_logg_sheet_of_a_nynorsk_build_names_the_kinds_in_nynorsk(nn: Path) -> None:
    from generator.excel.outcome import Outcome, log_rows

    report = pipeline.build([nn], None, kinds=["lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    rows = [str(r[3]) for r in log_rows(Outcome(nn / "styring.xlsx", nn / "dokument",
                                                report=report)) if r[1] == "laget"]
    assert len(rows) == 1 and rows[0].startswith("leiaravtale: "), rows


# --- 6. the signature's reason in the målform ---------------------------------------------------


@pytest.mark.slow
def test_a_nynorsk_agreement_is_signed_with_the_nynorsk_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.reader import PdfFileReader

    from generator.demo.logo import with_profile
    from generator.demo.logo import write as write_logo
    from generator.demo.nynorsk import nynorsk_demo_data
    from generator.input.blank import write_workbooks
    from generator.output.pdf import soffice

    assert soffice(), "LibreOffice mangler: kjør ./setup.sh (CI skal ha den)"
    data = nynorsk_demo_data()
    avtale = next(a for a in data.lederavtaler
                  if any(ld.id == a.leder_id and ld.overordnet for ld in data.ledere))
    leader = next(ld for ld in data.ledere if ld.id == avtale.leder_id)
    wb = tmp_path / "wb"
    wb.mkdir()
    previous = texts.activate(texts.language("nynorsk"))
    try:
        one = with_profile(replace(
            data, lederavtaler=[avtale],
            bidrag=[b for b in data.bidrag if b.leder_id == avtale.leder_id]))
        write_logo(wb, one)  # named as its Kommune sheet names it (fjordvik-logo.png)
        write_workbooks(wb, one)
    finally:
        texts.activate(previous)
    report = pipeline.build([wb], None, kinds=["lederavtale"], pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    pdfs = [p for p in report.files if p.suffix == ".pdf" and "offentleg" not in p.stem]
    assert len(pdfs) == 1 and pdfs[0].parent.name == "leiaravtale", report.files

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, leader.navn)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30)).sign(key, hashes.SHA256()))
    p12 = tmp_path / "leiar.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"test", key, cert, None, serialization.BestAvailableEncryption(b"hemmeleg")))
    monkeypatch.setenv("TEST_PASSORD", "hemmeleg")
    signed = tmp_path / "signert.pdf"
    result = run("sign", pdfs[0], "--felt", "Leder", "--sertifikat", p12,
                 "--passord-variabel", "TEST_PASSORD", "--ut", signed)
    assert result.exit_code == 0, result.output
    with signed.open("rb") as f:
        sigs = PdfFileReader(f).embedded_signatures
        assert len(sigs) == 1
        assert str(sigs[0].sig_object["/Reason"]) == "Leiaravtale signert"
