"""Issue 22 (and issue 23, item 7): signed agreements and the archive, on real files.

Real LibreOffice PDFs, real pyHanko signatures with self-signed PKCS#12 certificates named
after the people on the signature lines, real rebuilds. After every step of a signing
round (sign once, rebuild, sign again, rebuild, other data changed, ``--force``, the
agreement's own data changed) the year folder must hold exactly one sidecar, one
arkivmelding and one list row per registration, no ``-ny`` archive file and no false
notice, and the record must say what the signatures are: «S» (the signed copy's checksum)
only when both fields are signed; «delvis signert» with one of two.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from lxml import etree
from lxml import html as lxml_html

from generator import pipeline
from generator.demo.data import demo_data
from generator.excel.outcome import Outcome, log_rows
from generator.input.blank import write_workbooks
from generator.output import archive
from generator.output.pdf import soffice

from .conftest import run

YEAR = "2026"
GEIR, KRISTIN, TOVE = "L25", "L05", "L22"  # Geir's superior is Jon Ivvár Sávŋa (L04)
AGREEMENT = "lederavtale-brann-og-redning-geir-andreassen"
SUPERIOR = "Jon Ivvár Sávŋa"
PASSWORD = "hemmelig"
NS = {"a": archive.NS_ARKIVMELDING, "m": archive.NS_METADATAKATALOG}


def _certificate(folder: Path, name: str) -> Path:
    """A self-signed PKCS#12 certificate issued to ``name`` (password «hemmelig»)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .sign(key, hashes.SHA256()))
    path = folder / f"{name.split()[0].lower()}.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"test", key, cert, None, serialization.BestAvailableEncryption(PASSWORD.encode())))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Three lederavtaler (one screened) built with PDF by the real command in its own
    process (so a library's warning would show on its stderr), and certificates for
    Geir Andreassen, his superior and a third person."""
    assert soffice(), "LibreOffice mangler: kjør ./setup.sh (CI skal ha den)"
    root = tmp_path_factory.mktemp("signering")
    data = demo_data()
    ids = {GEIR, KRISTIN, TOVE}
    wb = root / "wb"
    write_workbooks(wb, replace(data, lederavtaler=[a for a in data.lederavtaler
                                                    if a.leder_id in ids],
                                bidrag=[b for b in data.bidrag if b.leder_id in ids]))
    proc = subprocess.run([sys.executable, "-m", "generator", "build", str(wb), "--only",
                           "lederavtale", "--pdf"], capture_output=True, text=True,
                          timeout=900, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    certs = root / "sertifikater"
    certs.mkdir()
    return {"wb": wb, "out": wb / "dokumenter", "build_stderr": proc.stderr,
            "jon": _certificate(certs, SUPERIOR), "geir": _certificate(certs, "Geir Andreassen"),
            "anne": _certificate(certs, "Anne Risten Duolja")}


def _copy(built: dict[str, Any], tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the workbooks and the built folder: (workbooks, year folder)."""
    wb = tmp_path / "wb"
    shutil.copytree(built["wb"], wb)
    return wb, wb / "dokumenter" / YEAR


def _sign(pdf: Path, field: str, p12: Path, *extra: str) -> Any:
    return run("sign", pdf, "--felt", field, "--sertifikat", p12, "--passord-variabel",
               "TEST_PASSORD", *extra)


def _build(wb: Path, force: bool = False) -> pipeline.BuildReport:
    report = pipeline.build([wb], wb / "dokumenter", kinds=["lederavtale"], pdf=True,
                            force=force)
    assert report.ok, [str(p) for p in report.problems]
    return report


def _change_agreement(wb: Path, leder_id: str, text: str) -> None:
    path = wb / "lederavtaler.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Lederavtaler"]
    headers = [c.value for c in sheet[1]]
    col = headers.index("Viktigste bidrag")
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == leder_id:
            row[col].value = text
    book.save(path)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Snapshot:
    """The year folder's archive after one step."""

    sidecars: dict[str, dict]  # by external reference
    messages: Counter  # arkivmeldinger per external reference
    rows: Counter  # arkivliste.csv rows per (reference, variantformat)
    listed: set[str]  # references in arkivliste.csv
    leftovers: list[str]  # any -ny file in the year folder
    notices: list[str] = field(default_factory=list)

    def record(self, stem: str = AGREEMENT) -> dict:
        return self.sidecars[f"{YEAR}-{stem}"]

    def objects(self, stem: str = AGREEMENT) -> dict[str, dict]:
        return {o["variantformat"]["kode"]: o for o in self.record(stem)["dokumentobjekt"]}


def _snapshot(year: Path, report: pipeline.BuildReport | None = None) -> Snapshot:
    arkiv = year / "arkiv"
    sidecars = {}
    for path in sorted(arkiv.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        ref = data["referanseEksternNoekkel"]["noekkel"]
        assert ref not in sidecars, f"{ref} har to sidefiler"
        sidecars[ref] = data
    messages: Counter = Counter()
    for path in sorted(arkiv.glob("arkivmelding-*.xml")):
        xml = path.read_bytes()
        assert archive.validate(xml) == [], path.name
        root = etree.fromstring(xml)
        for reg in root.iterfind("a:registrering", NS):
            messages[reg.findtext("a:referanseEksternNoekkel/m:noekkel", namespaces=NS)] += 1
    with open(arkiv / "arkivliste.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    return Snapshot(
        sidecars=sidecars, messages=messages,
        rows=Counter((r["Ekstern referanse"], r["Variantformat"]) for r in rows),
        listed={r["Ekstern referanse"] for r in rows},
        leftovers=sorted(p.relative_to(year).as_posix() for p in year.rglob("*-ny*")),
        notices=[f"{p.file}: {p.message}" for p in report.problems.notices] if report else [])


def _assert_one_record_each(snap: Snapshot, registrations: int = 3) -> None:
    refs = set(snap.sidecars)
    assert len(refs) == registrations, sorted(refs)
    assert set(snap.messages) == refs and set(snap.messages.values()) == {1}
    assert snap.listed == refs and set(snap.rows.values()) == {1}
    assert snap.leftovers == []
    false = [n for n in snap.notices if "/arkiv/" in n.split(": ")[0]
             or "hører ikke lenger til" in n
             or "er endret etter at den ble laget" in n or "sikkerhetskopi" in n]
    assert false == []


# --- the signing round ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def round_(built: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Sign once, rebuild; sign again, rebuild; other data changed, rebuild; --force; the
    agreement's own data changed, rebuild. A snapshot after each step."""
    wb, year = _copy(built, tmp_path_factory.mktemp("runde"))
    pdf = year / "lederavtale" / f"{AGREEMENT}.pdf"
    copy = pdf.with_name(f"{AGREEMENT}-signert.pdf")
    unsigned_sha = _sha(pdf)
    out: dict[str, Any] = {"year": year, "pdf": pdf, "copy": copy, "wb": wb,
                           "unsigned_sha": unsigned_sha}
    mp = pytest.MonkeyPatch()
    mp.setenv("TEST_PASSORD", PASSWORD)
    try:
        out["before"] = _snapshot(year)
        first = _sign(pdf, "NaermesteOverordnedeLeder", built["jon"])
        assert first.exit_code == 0, first.output
        out["signed_once"], out["sign_once_output"] = _snapshot(year), first.output
        report = _build(wb)
        out["rebuilt_once"], out["report_once"] = _snapshot(year, report), report
        out["page_once"] = (year / "oversikt.html").read_text(encoding="utf-8")
        (year / ".uendret.json").unlink()  # past the no-change answer: the command's summary
        cli = run("build", wb, "--only", "lederavtale", "--pdf")
        assert cli.exit_code == 0, cli.output
        out["cli_once"] = cli.output
        second = _sign(pdf, "Leder", built["geir"])  # the unsigned PDF: goes into the copy
        assert second.exit_code == 0, second.output
        out["signed_twice"], out["sign_twice_output"] = _snapshot(year), second.output
        out["manifest_after_sign"] = json.loads((year / "manifest.json").read_text("utf-8"))
        out["archive_after_sign"] = {p.relative_to(year).as_posix(): _sha(p)
                                     for p in sorted((year / "arkiv").iterdir())}
        out["copy_sha"] = _sha(copy)
        report = _build(wb)
        out["rebuilt_twice"], out["report_twice"] = _snapshot(year, report), report
        out["page_twice"] = (year / "oversikt.html").read_text(encoding="utf-8")
        _change_agreement(wb, KRISTIN, "Et nytt og viktigere bidrag.")
        report = _build(wb)
        out["other_data"], out["report_other"] = _snapshot(year, report), report
        report = _build(wb, force=True)
        out["forced"], out["report_forced"] = _snapshot(year, report), report
        out["copy_sha_after"] = _sha(copy)
        _change_agreement(wb, GEIR, "Beredskapsplanen for flom og skred skal være ferdig.")
        report = _build(wb)
        out["own_data"], out["report_own"] = _snapshot(year, report), report
        out["page_own"] = (year / "oversikt.html").read_text(encoding="utf-8")
        out["sign_stale"] = _sign(pdf, "Leder", built["geir"])
    finally:
        mp.undo()
    return out


STEPS = ["signed_once", "rebuilt_once", "signed_twice", "rebuilt_twice", "other_data", "forced",
         "own_data"]


@pytest.mark.parametrize("step", STEPS)
def test_every_step_keeps_one_record_per_registration(round_: dict[str, Any], step: str) -> None:
    _assert_one_record_each(round_[step])


def test_one_signature_of_two_is_delvis_signert_and_keeps_the_unsigned_variant(
        round_: dict[str, Any]) -> None:
    for step in ("signed_once", "rebuilt_once"):
        objs = round_[step].objects()
        assert set(objs) == {"A", "P"}, step  # no «S» yet
        assert objs["A"]["filnavn"] == f"{AGREEMENT}.pdf"
        assert objs["A"]["sjekksum"] == round_["unsigned_sha"]
        assert round_[step].record()["dokumentstatus"]["kode"] == "B"
    assert "delvis signert" in round_["sign_once_output"]
    assert "mangler Geir Andreassen (Leder)" in round_["sign_once_output"]
    # the command line summary and the Logg sheet of the rebuild
    report = round_["report_once"]
    signatures = report.outcome.signatures
    copy = signatures[f"{AGREEMENT}.docx"]
    assert copy is not None and copy.state.partial and not copy.state.complete
    assert [f.field for f in copy.state.signed] == ["NaermesteOverordnedeLeder"]
    assert copy.state.signed[0].signer == SUPERIOR and copy.state.signed[0].valid
    cli = round_["cli_once"]
    assert "  signering: 0 signert, 1 delvis signert, 2 ikke signert" in cli
    assert (f"  delvis signert: Lederavtale {YEAR} – Geir Andreassen: signert av {SUPERIOR} "
            "(Nærmeste overordnede leder); mangler Geir Andreassen (Leder)") in cli
    # notices about the workbooks (the shortened demo), none about the year folder
    assert [ln for ln in cli.splitlines() if ln.startswith("MERKNAD") and "dokumenter" in ln] \
        == [] and "-ny" not in cli
    rows = log_rows(Outcome(round_["wb"] / "styring.xlsx", round_["wb"] / "dokumenter",
                            report=report))
    texts = {(r[1], r[3]) for r in rows}
    assert ("signering", "0 signert, 1 delvis signert, 2 ikke signert") in texts
    assert any(h == "delvis signert" and "Geir Andreassen" in t and f"signert av {SUPERIOR}" in t
               and "mangler Geir Andreassen (Leder)" in t for h, t in texts)
    # the overview: the row says «delvis signert», who signed and who is missing
    row = _overview_row(round_["page_once"], "Geir Andreassen")
    assert row["status"] == "delvis signert"
    assert f"signert av {SUPERIOR} (Nærmeste overordnede leder)" in row["signing"]
    assert "mangler Geir Andreassen (Leder)" in row["signing"]
    other = _overview_row(round_["page_once"], "Kristin Løvås")
    assert other["status"] != "signert" and other["signing"].startswith("ikke signert")


def test_the_last_signature_files_the_signed_copy_with_its_checksum(
        round_: dict[str, Any]) -> None:
    assert "signert av alle" in round_["sign_twice_output"]
    assert round_["copy_sha"] == round_["copy_sha_after"]  # --force never touches it
    for step in ("signed_twice", "rebuilt_twice", "other_data", "forced"):
        objs = round_[step].objects()
        assert set(objs) == {"S", "P"}, step
        assert objs["S"]["filnavn"] == f"{AGREEMENT}-signert.pdf"
        assert objs["S"]["sjekksum"] == round_["copy_sha"], step
        assert objs["S"]["filstoerrelse"] == round_["copy"].stat().st_size
        assert round_[step].record()["dokumentstatus"]["kode"] == "F"
        assert round_[step].rows[(f"{YEAR}-{AGREEMENT}", "Digitalt signert dokument")] == 1
    # sign recorded the files it rewrote in the manifest, in the same step
    recorded = round_["manifest_after_sign"]["archive_sha"]
    assert recorded == round_["archive_after_sign"] and len(recorded) == 7  # 3 + 3 + list
    signatures = round_["report_twice"].outcome.signatures
    state = signatures[f"{AGREEMENT}.docx"].state
    assert state.complete and {f.signer for f in state.fields} == {SUPERIOR, "Geir Andreassen"}
    assert state.notes() == ()  # the right people: nothing for the record to explain
    row = _overview_row(round_["page_twice"], "Geir Andreassen")
    assert row["status"] == "signert" and "mangler" not in row["signing"]
    # the other data change rendered only Kristin Løvås' agreement
    assert [d.filename for d in round_["report_other"].outcome.rendered] == [
        "lederavtale-okonomi-og-virksomhetsstyring-kristin-lovas.docx"]


def test_changed_data_behind_a_signed_agreement_says_it_must_be_signed_again(
        round_: dict[str, Any]) -> None:
    """Issue 23, item 7: the notice names the signed copy, which describes the old data."""
    year, copy = round_["year"], round_["copy"]
    notices = [n for n in round_["own_data"].notices if n.startswith(str(copy))]
    assert len(notices) == 1, round_["own_data"].notices
    assert "beskriver de gamle dataene og må signeres på nytt" in notices[0]
    assert copy.is_file() and _sha(copy) == round_["copy_sha"]  # left as it is
    objs = round_["own_data"].objects()  # the record: the new, unsigned PDF
    assert set(objs) == {"A", "P"}
    assert objs["A"]["sjekksum"] == _sha(round_["pdf"]) != round_["unsigned_sha"]
    assert round_["own_data"].record()["dokumentstatus"]["kode"] == "B"
    row = _overview_row(round_["page_own"], "Geir Andreassen")
    assert row["status"] == "må signeres på nytt"
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"][f"{AGREEMENT}.docx"]["signed"]["file"] == (
        f"lederavtale/{AGREEMENT}-signert.pdf")
    # signing the new PDF would overwrite the old signed copy: refused, one line
    stale = round_["sign_stale"]
    assert stale.exit_code == 1 and len(stale.output.strip().splitlines()) == 1
    assert "gamle data" in stale.output and _sha(copy) == round_["copy_sha"]


def _overview_row(page: str, name: str) -> dict[str, str]:
    dom = lxml_html.fromstring(page)
    for tr in dom.xpath("//tr[@class='dokument']"):
        cells = tr.xpath("./td")
        title = cells[1].text_content()
        if name in title and "offentlig" not in title:
            return {"status": cells[4].xpath("string(.//span[contains(@class,'status')])"),
                    # the Signatur column: state, who has signed, who is missing
                    "signing": " ".join(s.strip() for s in cells[6].xpath(".//span/text()"))}
    raise AssertionError(f"ingen rad for {name}")


# --- the right person in the right field ---------------------------------------------------------


def test_a_certificate_for_another_person_is_refused(built: dict[str, Any], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.output.signatures import line_names

    _wb, year = _copy(built, tmp_path)
    pdf = year / "lederavtale" / f"{AGREEMENT}.pdf"
    assert line_names(pdf) == {"NaermesteOverordnedeLeder": SUPERIOR, "Leder": "Geir Andreassen"}
    monkeypatch.setenv("TEST_PASSORD", PASSWORD)
    before = {p: p.read_bytes() for p in year.rglob("*") if p.is_file()}
    result = _sign(pdf, "NaermesteOverordnedeLeder", built["anne"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "«Anne Risten Duolja»" in lines[0] and f"«{SUPERIOR}»" in lines[0]
    assert "--annen-signerer" in lines[0]
    assert {p: p.read_bytes() for p in year.rglob("*") if p.is_file()} == before
    assert not pdf.with_name(f"{AGREEMENT}-signert.pdf").exists()
    # the right person for the other field is not «the same person» either
    wrong_field = _sign(pdf, "Leder", built["jon"])
    assert wrong_field.exit_code == 1 and "«Geir Andreassen»" in wrong_field.output


def test_a_deliberate_other_signer_is_written_to_the_record(
        built: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wb, year = _copy(built, tmp_path)
    pdf = year / "lederavtale" / f"{AGREEMENT}.pdf"
    monkeypatch.setenv("TEST_PASSORD", PASSWORD)
    first = _sign(pdf, "NaermesteOverordnedeLeder", built["anne"], "--annen-signerer")
    assert first.exit_code == 0, first.output
    second = _sign(pdf, "Leder", built["geir"])
    assert second.exit_code == 0, second.output
    for step in ("after sign", "after build"):
        if step == "after build":
            _assert_one_record_each(_snapshot(year, _build(wb)))
        snap = _snapshot(year)
        record = snap.record()
        assert set(snap.objects()) == {"S", "P"}, step
        assert len(record["merknad"]) == 1
        assert "Anne Risten Duolja" in record["merknad"][0] and SUPERIOR in record["merknad"][0]
        xml = (year / "arkiv" / f"arkivmelding-{YEAR}-{AGREEMENT}.xml").read_bytes()
        texts = etree.fromstring(xml).xpath("//a:merknad/a:merknadstekst/text()", namespaces=NS)
        assert texts == record["merknad"]
        with open(year / "arkiv" / "arkivliste.csv", encoding="utf-8-sig", newline="") as fh:
            mine = [r for r in csv.DictReader(fh, delimiter=";")
                    if r["Ekstern referanse"] == f"{YEAR}-{AGREEMENT}"]
        assert mine and all("Anne Risten Duolja" in r["Merknad"] for r in mine)


def test_a_certificate_without_the_marks_of_the_name_is_the_same_person() -> None:
    from generator.output.signatures import same_person

    assert same_person("Anne Risten Duolja", "Ánne Risten Đuolja")
    assert same_person("Sávŋa, Jon Ivvár", "Jon Ivvár Sávŋa")
    assert same_person("SØREN KRÅ", "Søren Krå")
    assert not same_person("Anne Risten Duolja", "Jon Ivvár Sávŋa")
    assert not same_person("Geir", "Geir Andreassen")
    assert not same_person("Geir Andreassen", "")


# --- the stamp shows Norwegian time ---------------------------------------------------------------


def test_the_stamp_time_is_norwegian_in_winter_and_summer() -> None:
    from generator.output.signatures import stamp_time

    winter = dt.datetime(2026, 1, 15, 11, 30, tzinfo=dt.UTC)
    summer = dt.datetime(2026, 7, 1, 11, 30, tzinfo=dt.UTC)
    assert stamp_time(winter) == "15. januar 2026 kl. 12.30"  # CET, UTC+1
    assert stamp_time(summer) == "1. juli 2026 kl. 13.30"  # CEST, UTC+2
    assert stamp_time(dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)) == "29. mars 2026 kl. 01.59"
    assert stamp_time(dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)) == "29. mars 2026 kl. 03.00"


@pytest.mark.parametrize(("moment", "shown", "offset"), [
    (dt.datetime(2026, 1, 15, 23, 30, tzinfo=dt.UTC), "16. januar 2026 kl. 00.30", "+01'00'"),
    (dt.datetime(2026, 7, 1, 11, 30, tzinfo=dt.UTC), "1. juli 2026 kl. 13.30", "+02'00'"),
])
def test_a_real_signature_shows_oslo_time(built: dict[str, Any], tmp_path: Path,
                                          moment: dt.datetime, shown: str, offset: str) -> None:
    import pikepdf

    from generator.output import signing

    pdf = built["out"] / YEAR / "lederavtale" / f"{AGREEMENT}.pdf"
    target = tmp_path / "signert.pdf"
    signing.sign(pdf, "Leder", built["geir"], PASSWORD.encode(), target, moment=moment)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Signert av Geir Andreassen" in text and shown in text
    assert "UTC" not in text
    with pikepdf.open(target) as doc:
        field = next(f for f in doc.Root.AcroForm.Fields if str(f.T) == "Leder")
        assert str(field.V.M).endswith(offset)


# --- dates, and no foreign noise ------------------------------------------------------------------


def test_the_arkivmelding_leaves_arkivert_dato_to_the_archive(built: dict[str, Any]) -> None:
    arkiv = built["out"] / YEAR / "arkiv"
    messages = sorted(arkiv.glob("arkivmelding-*.xml"))
    assert len(messages) == 3
    for path in messages:
        root = etree.fromstring(path.read_bytes())
        assert root.xpath("//a:arkivertDato | //a:arkivertAv", namespaces=NS) == []
        dates = root.xpath("//a:registrering/a:dokumentetsDato/text()", namespaces=NS)
        created = root.xpath("//a:registrering/a:opprettetDato/text()", namespaces=NS)
        assert created == [f"{dates[0]}T00:00:00"]  # the document's own date, nothing else
        status = root.xpath("//a:dokumentstatus/m:kode/text()", namespaces=NS)
        assert status == ["B"]  # no agreement is signed yet: under redigering


def test_no_third_party_warning_reaches_the_terminal(built: dict[str, Any],
                                                     tmp_path: Path) -> None:
    assert "Warning" not in built["build_stderr"] and "DSA" not in built["build_stderr"]
    _wb, year = _copy(built, tmp_path)
    pdf = year / "lederavtale" / f"{AGREEMENT}.pdf"
    env = {**os.environ, "STYRING_SERTIFIKAT_PASSORD": PASSWORD}
    env.pop("PYTHONWARNINGS", None)
    proc = subprocess.run([sys.executable, "-m", "generator", "sign", str(pdf), "--felt",
                           "Leder", "--sertifikat", str(built["geir"])], capture_output=True,
                          text=True, env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == "", proc.stderr  # no CryptographyDeprecationWarning, no log record
    assert "delvis signert" in proc.stdout
