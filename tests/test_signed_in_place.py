"""A lederavtale signed in place: the built PDF opened in Acrobat Reader, signed and saved
over the same file (``lederavtale/<navn>.pdf``, no ``-signert.pdf`` copy).

The build, ``styring sign``, the archive record (sidecar, arkivmelding, arkivliste.csv) and
the overview must all read the same signature state from that file (one reading:
:func:`generator.output.signatures.inspect_copy`). The signed file is a person's file: a
rebuild never rewrites it (byte-identical), and when the agreement's data changes the new,
unsigned version goes beside it (``-ny.pdf``), with one registration per document.

Real PDFs (the session's demo build with PDF, made once by LibreOffice; only the data
change renders one agreement again), real pyHanko signatures with self-signed certificates
named after the people on the signature lines.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from generator import pipeline
from generator.output import archive, signing
from generator.output.manifest import load as load_manifest

from .conftest import copy_demo, run
from .test_signing_archive import PASSWORD, _certificate, _change_agreement

pytestmark = pytest.mark.slow

YEAR = "2026"
GEIR = "L25"  # his superior is Jon Ivvár Sávŋa
AGREEMENT = "lederavtale-brann-og-redning-geir-andreassen"
REF = f"{YEAR}-{AGREEMENT}"
SUPERIOR, LEADER = "Jon Ivvár Sávŋa", "Geir Andreassen"
NS = {"a": archive.NS_ARKIVMELDING, "m": archive.NS_METADATAKATALOG}
SHARED_SCHEMAS = Path("/work/shared/schemas/fiks-arkiv-v2")
PACKAGED_SCHEMAS = (Path(__file__).resolve().parents[1] / "generator" / "output" / "archive"
                    / "schemas" / "fiks-arkiv-v2")  # the same bytes (test_archive.py)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _schema() -> etree.XMLSchema:
    folder = SHARED_SCHEMAS if SHARED_SCHEMAS.is_dir() else PACKAGED_SCHEMAS
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(
        str(folder / "no.ks.fiks.arkiv.v2.arkivering.arkivmelding.opprett.xsd"), parser))


def _archive(year: Path) -> dict[str, Any]:
    """The agreement's registration as the year folder's archive files hold it: its sidecar,
    its arkivmelding (valid against the Fiks Arkiv XSD), how many registrations name it in
    every arkivmelding and sidecar, and its rows in arkivliste.csv."""
    arkiv = year / "arkiv"
    schema = _schema()
    sidecars = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(arkiv.glob("*.json"))]
    mine = [s for s in sidecars if s["referanseEksternNoekkel"]["noekkel"] == REF]
    messages = []
    for path in sorted(arkiv.glob("arkivmelding-*.xml")):
        root = etree.fromstring(path.read_bytes())
        assert schema.validate(root), (path.name, str(schema.error_log))
        messages += [reg for reg in root.iterfind("a:registrering", NS)
                     if reg.findtext("a:referanseEksternNoekkel/m:noekkel", namespaces=NS)
                     == REF]
    with open(arkiv / "arkivliste.csv", encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter=";") if r["Ekstern referanse"] == REF]
    assert len(mine) == 1 and len(messages) == 1, (len(mine), len(messages))  # one each
    sidecar, reg = mine[0], messages[0]
    db = reg.find("a:dokumentbeskrivelse", NS)
    xml_objects = {o.findtext("a:variantformat/m:kode", namespaces=NS): {
        "filnavn": o.findtext("a:filnavn", namespaces=NS),
        "sjekksum": o.findtext("a:sjekksum", namespaces=NS),
        "filstoerrelse": int(o.findtext("a:filstoerrelse", namespaces=NS) or 0)}
        for o in db.iterfind("a:dokumentobjekt", NS)}
    return {"status": sidecar["dokumentstatus"]["kode"],
            "xml_status": db.findtext("a:dokumentstatus/m:kode", namespaces=NS),
            "objects": {o["variantformat"]["kode"]: o for o in sidecar["dokumentobjekt"]},
            "xml_objects": xml_objects,
            "rows": sorted(r["Variantformat"] for r in rows),
            "sidecars": len(sidecars),
            "registrations": sum(
                1 for p in arkiv.glob("arkivmelding-*.xml")
                for _r in etree.fromstring(p.read_bytes()).iterfind("a:registrering", NS))}


def _row(year: Path) -> dict[str, str]:
    """The agreement's row in oversikt.html: its status, its Signatur column and its links."""
    dom = lxml_html.fromstring((year / "oversikt.html").read_text(encoding="utf-8"))
    tr = dom.xpath(f"//tr[@id='dok-{AGREEMENT}']")[0]
    heads = [th.text_content() for th in tr.xpath("ancestor::table[1]/thead//th")]
    col = heads.index("Signatur") + 1
    return {"status": tr.xpath("string(./td[5]//span[contains(@class,'status')])"),
            "signing": " | ".join(s.text_content() for s in tr.xpath(f"./td[{col}]/span")),
            "links": " | ".join(a.get("href") for a in tr.xpath(".//a[@href]"))}


def _build(wb: Path, out: Path) -> pipeline.BuildReport:
    report = pipeline.build([wb], out, kinds=["lederavtale"], pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    return report


def _step(year: Path, report: pipeline.BuildReport) -> dict[str, Any]:
    return {"archive": _archive(year), "row": _row(year),
            "signed": report.outcome.signatures[f"{AGREEMENT}.docx"],
            "rendered": [d.filename for d in report.outcome.rendered],
            "notices": [(p.file, p.message) for p in report.problems.notices
                        if AGREEMENT in str(p.file)],
            "manifest": load_manifest(year).documents[f"{AGREEMENT}.docx"]}


def built_copy(built: Path, root: Path) -> tuple[Path, Path, Path]:
    """The demo workbooks and a copy of the session's built year folder under ``root``:
    (workbooks, output folder, year folder)."""
    wb, out = copy_demo(root / "wb"), root / "ut"
    shutil.copytree(built, out / YEAR)
    return wb, out, out / YEAR


@pytest.fixture(scope="module")
def round_(demo_pdf_build: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """On a copy of the demo's year folder: the superior signs Geir Andreassen's PDF in
    place (one of two), rebuild; Geir signs the same file in place (two of two), rebuild;
    his agreement's data changes, rebuild. What each step left, and the signed bytes."""
    root = tmp_path_factory.mktemp("signert-i-filen")
    wb, out, year = built_copy(demo_pdf_build, root)
    certs = root / "sertifikater"
    certs.mkdir()
    jon, geir = _certificate(certs, SUPERIOR), _certificate(certs, LEADER)
    pdf = year / "lederavtale" / f"{AGREEMENT}.pdf"
    got: dict[str, Any] = {"root": root, "year": year, "pdf": pdf, "wb": wb, "geir": geir,
                           "unsigned_sha": _sha(pdf), "before": _archive(year)}
    signing.sign(pdf, "NaermesteOverordnedeLeder", jon, PASSWORD.encode(), pdf)  # in place
    got["partial_bytes"] = pdf.read_bytes()
    got["partial_folder"] = root / "delvis"  # for styring sign, as the build left it
    got["partial"] = _step(year, _build(wb, out))
    shutil.copytree(year, got["partial_folder"] / YEAR)
    got["partial_after"] = pdf.read_bytes()
    signing.sign(pdf, "Leder", geir, PASSWORD.encode(), pdf)  # in place: both have signed
    got["full_bytes"] = pdf.read_bytes()
    got["full"] = _step(year, _build(wb, out))
    got["full_after"] = pdf.read_bytes()
    got["beside_before_change"] = sorted(p.name for p in pdf.parent.glob(f"{AGREEMENT}*.pdf"))
    _change_agreement(wb, GEIR, "Beredskapsplanen for flom og skred skal være ferdig.")
    got["changed"] = _step(year, _build(wb, out))
    got["changed_after"] = pdf.read_bytes()
    (year / ".uendret.json").unlink(missing_ok=True)  # past the no-change answer
    got["again"] = _step(year, _build(wb, out))
    got["again_after"] = pdf.read_bytes()
    return got


def test_a_rebuild_never_touches_a_pdf_signed_in_place(round_: dict[str, Any]) -> None:
    assert round_["partial_after"] == round_["partial_bytes"]
    assert round_["full_after"] == round_["changed_after"] == round_["again_after"] \
        == round_["full_bytes"]
    assert round_["partial"]["rendered"] == round_["full"]["rendered"] == []
    # no copy, and no new version beside it while the data stayed the same
    assert round_["beside_before_change"] == [f"{AGREEMENT}.pdf"]
    assert not round_["pdf"].with_name(f"{AGREEMENT}-signert.pdf").exists()


def test_one_of_two_signed_in_place_is_delvis_signert_everywhere(
        round_: dict[str, Any]) -> None:
    step, pdf = round_["partial"], round_["pdf"]
    signed = step["signed"]  # the build's reading (command line summary, Logg sheet)
    assert signed is not None and signed.rel == f"lederavtale/{AGREEMENT}.pdf" and signed.current
    assert signed.state.status == "delvis signert"
    assert [(f.field, f.signer) for f in signed.state.signed] == [
        ("NaermesteOverordnedeLeder", SUPERIOR)]
    # the record: still under redigering, and it names the file as it is now (the bytes
    # with one signature), not the checksum of the unsigned PDF that is no longer there
    rec = step["archive"]
    assert rec["status"] == rec["xml_status"] == "B"
    assert "S" not in rec["objects"] and "S" not in rec["xml_objects"]
    a = rec["objects"]["A"]
    assert a["filnavn"] == pdf.name
    assert a["sjekksum"] == hashlib.sha256(round_["partial_bytes"]).hexdigest() \
        != round_["unsigned_sha"]
    assert a["filstoerrelse"] == len(round_["partial_bytes"])
    assert rec["xml_objects"]["A"] == {"filnavn": pdf.name, "sjekksum": a["sjekksum"],
                                       "filstoerrelse": a["filstoerrelse"]}
    assert rec["rows"].count("Arkivformat") == 1 and "Digitalt signert dokument" not in rec["rows"]
    # the overview says the same
    row = step["row"]
    assert row["status"] == "delvis signert"
    assert row["signing"] == (f"delvis signert | signert av {SUPERIOR} (Nærmeste overordnede "
                              f"leder) | mangler {LEADER} (Leder)")
    assert row["links"].count(f"lederavtale/{AGREEMENT}.pdf") == 1  # no second link to it
    # the manifest keeps what it was signed from: the unsigned PDF's bytes begin the file
    assert step["manifest"].signed.file == f"lederavtale/{AGREEMENT}.pdf"
    assert step["manifest"].signed.sha256 == round_["unsigned_sha"]
    assert [m for _f, m in step["notices"] if "gamle dataene" in m] == []


def test_both_signed_in_place_files_the_signed_pdf_with_its_checksum(
        round_: dict[str, Any]) -> None:
    step, pdf = round_["full"], round_["pdf"]
    assert step["signed"].state.complete and step["signed"].current
    assert {f.signer for f in step["signed"].state.fields} == {SUPERIOR, LEADER}
    rec = step["archive"]
    assert rec["status"] == rec["xml_status"] == "F"
    assert set(rec["objects"]) == set(rec["xml_objects"]) == {"S", "P"}  # no «A» left
    s = rec["objects"]["S"]
    full_sha = hashlib.sha256(round_["full_bytes"]).hexdigest()
    assert s["filnavn"] == pdf.name and s["sjekksum"] == full_sha == _sha(pdf)
    assert s["filstoerrelse"] == len(round_["full_bytes"])
    assert rec["xml_objects"]["S"]["sjekksum"] == full_sha
    assert rec["rows"] == ["Digitalt signert dokument", "Produksjonsformat"]
    assert step["row"]["status"] == "signert" and step["row"]["signing"] == "signert"
    # one registration per document, as before anyone signed
    before = round_["before"]
    assert rec["sidecars"] == before["sidecars"]
    assert rec["registrations"] == before["registrations"]


def test_changed_data_puts_the_new_pdf_beside_the_signed_one(round_: dict[str, Any]) -> None:
    step, pdf = round_["changed"], round_["pdf"]
    new = pdf.with_name(f"{AGREEMENT}-ny.pdf")
    assert f"{AGREEMENT}.docx" in step["rendered"]
    assert new.is_file() and _sha(pdf) == hashlib.sha256(round_["full_bytes"]).hexdigest()
    # the build reads the signed PDF as signed on the old data
    signed = step["signed"]
    assert signed is not None and signed.rel == f"lederavtale/{AGREEMENT}.pdf"
    assert signed.state.complete and not signed.current
    # one notice on the signed file, saying the new version must be signed again
    notes = [m for f, m in step["notices"] if str(f).endswith(f"{AGREEMENT}.pdf")]
    assert len(notes) == 1, step["notices"]
    assert "er signert" in notes[0] and new.name in notes[0] and "signeres på nytt" in notes[0]
    # the record: the new, unsigned PDF, under redigering; one registration
    rec = step["archive"]
    assert rec["status"] == rec["xml_status"] == "B"
    assert set(rec["objects"]) == {"A", "P"}
    assert rec["objects"]["A"]["filnavn"] == new.name
    assert rec["objects"]["A"]["sjekksum"] == rec["xml_objects"]["A"]["sjekksum"] == _sha(new)
    assert rec["sidecars"] == round_["before"]["sidecars"]
    assert rec["registrations"] == round_["before"]["registrations"]
    row = step["row"]
    assert row["status"] == "må signeres på nytt"
    assert f"lederavtale/{AGREEMENT}-ny.pdf" in row["links"]
    assert row["links"].count(f"lederavtale/{AGREEMENT}.pdf") == 1
    # the next build says the same, once
    again = round_["again"]
    assert again["rendered"] == [] and again["archive"] == rec
    assert again["signed"].rel == signed.rel and not again["signed"].current
    assert again["row"]["status"] == "må signeres på nytt"
    assert len([m for f, m in again["notices"] if str(f).endswith(f"{AGREEMENT}.pdf")]) == 1


def test_styring_sign_reads_a_pdf_signed_in_place(round_: dict[str, Any],
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    """``sign --ut`` the same file: the last signature in place; the record follows at once,
    without a build, and a build afterwards finds nothing to change in it."""
    year = tmp_path / YEAR
    shutil.copytree(round_["partial_folder"] / YEAR, year)
    pdf = year / "lederavtale" / f"{AGREEMENT}.pdf"
    monkeypatch.setenv("TEST_PASSORD", PASSWORD)
    result = run("sign", pdf, "--felt", "Leder", "--sertifikat", round_["geir"],
                 "--passord-variabel", "TEST_PASSORD", "--ut", pdf)
    assert result.exit_code == 0, result.output
    assert "signert av alle" in result.output
    rec = _archive(year)
    assert rec["status"] == rec["xml_status"] == "F"
    assert rec["objects"]["S"]["filnavn"] == pdf.name
    assert rec["objects"]["S"]["sjekksum"] == rec["xml_objects"]["S"]["sjekksum"] == _sha(pdf)
    assert not pdf.with_name(f"{AGREEMENT}-signert.pdf").exists()
    signed = pdf.read_bytes()
    sidecar = (year / "arkiv" / f"{REF}.json").read_bytes()
    report = _build(copy_demo(tmp_path / "wb"), tmp_path)
    assert pdf.read_bytes() == signed
    assert (year / "arkiv" / f"{REF}.json").read_bytes() == sidecar
    assert report.outcome.signatures[f"{AGREEMENT}.docx"].state.complete
    assert not [p for p in year.rglob("*-ny*")]


def test_signed_in_place_then_finished_with_styring_sign_is_one_signed_copy(
        round_: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The superior signed in Acrobat Reader (in place), the leader with ``styring sign``
    (into ``-signert.pdf``, the standard): the copy is the agreement's signed file for the
    record and the overview alike; the PDF signed in place is left as it is."""
    year = tmp_path / YEAR
    shutil.copytree(round_["partial_folder"] / YEAR, year)
    pdf = year / "lederavtale" / f"{AGREEMENT}.pdf"
    copy = pdf.with_name(f"{AGREEMENT}-signert.pdf")
    monkeypatch.setenv("TEST_PASSORD", PASSWORD)
    result = run("sign", pdf, "--felt", "Leder", "--sertifikat", round_["geir"],
                 "--passord-variabel", "TEST_PASSORD")
    assert result.exit_code == 0, result.output
    assert "signert av alle" in result.output and copy.is_file()
    assert pdf.read_bytes() == round_["partial_bytes"]
    report = _build(copy_demo(tmp_path / "wb"), tmp_path)
    assert pdf.read_bytes() == round_["partial_bytes"]
    signed = report.outcome.signatures[f"{AGREEMENT}.docx"]
    assert signed.rel == f"lederavtale/{copy.name}" and signed.state.complete and signed.current
    rec = _archive(year)
    assert rec["status"] == rec["xml_status"] == "F"
    assert rec["objects"]["S"]["filnavn"] == copy.name
    assert rec["objects"]["S"]["sjekksum"] == rec["xml_objects"]["S"]["sjekksum"] == _sha(copy)
    row = _row(year)
    assert row["status"] == "signert" and row["signing"] == "signert"
    assert f"lederavtale/{copy.name}" in row["links"]


def test_styring_sign_in_place_of_one_of_two_says_what_the_record_shows(
        demo_pdf_build: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``sign --ut`` the same file for the first of two fields: the record names the PDF as
    it is now (its own checksum, dokumentstatus B), and the closing line says so instead of
    «the unsigned PDF»."""
    year = tmp_path / YEAR
    shutil.copytree(demo_pdf_build, year)
    pdf = year / "lederavtale" / f"{AGREEMENT}.pdf"
    jon = _certificate(tmp_path, SUPERIOR)
    monkeypatch.setenv("TEST_PASSORD", PASSWORD)
    result = run("sign", pdf, "--felt", "NaermesteOverordnedeLeder", "--sertifikat", jon,
                 "--passord-variabel", "TEST_PASSORD", "--ut", pdf)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "delvis signert" in said and "usignerte" not in said
    assert "Arkivposten viser PDF-en slik den er nå, under redigering" in said
    rec = _archive(year)
    assert rec["status"] == rec["xml_status"] == "B"
    assert rec["objects"]["A"]["sjekksum"] == rec["xml_objects"]["A"]["sjekksum"] == _sha(pdf)
