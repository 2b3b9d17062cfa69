"""A build of other kinds only (``styring build --only oppdragsbrev``, or the Excel button
with some kinds) still files the lederavtaler as they are signed now.

The agreements are not rebuilt, but their archive records (sidecar, arkivmelding,
arkivliste.csv) follow the signatures made or undone since the last build: a PDF signed in
place in Acrobat Reader, a ``-signert.pdf`` copy made by hand, that copy removed, a
signature made invalid. The record is the one a build of the agreements themselves makes
(one reading: :func:`generator.output.signatures.inspect_copy`), the overview says the same,
each document keeps one registration, and a state that did not change rewrites no archive
file.

Real PDFs (the session's demo build with PDF), real pyHanko signatures with self-signed
certificates named after the people on the signature lines; the builds are without PDF.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from generator import pipeline
from generator.output import archive, signing
from generator.output.archive.codes import dokumentstatus
from generator.output.signatures import read_state

from .test_signed_in_place import _schema, _sha, built_copy
from .test_signing_archive import PASSWORD, _certificate

pytestmark = pytest.mark.slow

YEAR = "2026"
GEIR = "lederavtale-brann-og-redning-geir-andreassen"  # signed in place
SUPERIOR, LEADER, TOVE = "Jon Ivvár Sávŋa", "Geir Andreassen", "Tove Lien"
NS = {"a": archive.NS_ARKIVMELDING, "m": archive.NS_METADATAKATALOG}
FIELDS = ("NaermesteOverordnedeLeder", "Leder")


def _record(year: Path, name: str) -> dict[str, Any]:
    """One agreement's registration in every archive file of the year folder: its sidecar,
    its arkivmelding (every message valid against the Fiks Arkiv XSD), its rows in
    arkivliste.csv, and how many sidecars and registrations there are in all."""
    ref = f"{YEAR}-{name}"
    arkiv = year / "arkiv"
    schema = _schema()
    sidecars = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(arkiv.glob("*.json"))]
    mine = [s for s in sidecars if s["referanseEksternNoekkel"]["noekkel"] == ref]
    messages, registrations = [], 0
    for path in sorted(arkiv.glob("arkivmelding-*.xml")):
        root = etree.fromstring(path.read_bytes())
        assert schema.validate(root), (path.name, str(schema.error_log))
        for reg in root.iterfind("a:registrering", NS):
            registrations += 1
            if reg.findtext("a:referanseEksternNoekkel/m:noekkel", namespaces=NS) == ref:
                messages.append(reg)
    with open(arkiv / "arkivliste.csv", encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter=";") if r["Ekstern referanse"] == ref]
    assert len(mine) == 1 and len(messages) == 1, (name, len(mine), len(messages))
    db = messages[0].find("a:dokumentbeskrivelse", NS)
    xml_objects = {o.findtext("a:variantformat/m:kode", namespaces=NS): (
        o.findtext("a:filnavn", namespaces=NS), o.findtext("a:sjekksum", namespaces=NS),
        int(o.findtext("a:filstoerrelse", namespaces=NS) or 0))
        for o in db.iterfind("a:dokumentobjekt", NS)}
    objects = {o["variantformat"]["kode"]: (o["filnavn"], o["sjekksum"], o["filstoerrelse"])
               for o in mine[0]["dokumentobjekt"]}
    return {"status": mine[0]["dokumentstatus"]["kode"],
            "xml_status": db.findtext("a:dokumentstatus/m:kode", namespaces=NS),
            "objects": objects, "xml_objects": xml_objects,
            "rows": sorted((r["Variantformat"], r["Filnavn"], r["Sjekksum (SHA-256)"],
                            r["Dokumentstatus"]) for r in rows),
            "sidecars": len(sidecars), "registrations": registrations}


def _row(year: Path, name: str) -> dict[str, str]:
    """The agreement's row in oversikt.html: its status and its Signatur column."""
    dom = lxml_html.fromstring((year / "oversikt.html").read_text(encoding="utf-8"))
    tr = dom.xpath(f"//tr[@id='dok-{name}']")[0]
    heads = [th.text_content() for th in tr.xpath("ancestor::table[1]/thead//th")]
    col = heads.index("Signatur") + 1
    return {"status": tr.xpath("string(./td[5]//span[contains(@class,'status')])"),
            "signing": " | ".join(s.text_content() for s in tr.xpath(f"./td[{col}]/span"))}


def _times(year: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted((year / "arkiv").iterdir())}


def _build(wb: Path, out: Path, kinds: list[str], fresh: bool = False) -> pipeline.BuildReport:
    if fresh:  # past the no-change answer: the build itself must find nothing to write
        (out / YEAR / ".uendret.json").unlink(missing_ok=True)
    report = pipeline.build([wb], out, kinds=kinds, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return report


def _only(wb: Path, out: Path, fresh: bool = False) -> pipeline.BuildReport:
    report = _build(wb, out, ["oppdragsbrev"], fresh)
    assert report.outcome.rendered == []  # nothing of the workbooks changed
    return report


@pytest.fixture(scope="module")
def round_(demo_pdf_build: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """On a copy of the demo's year folder, builds of oppdragsbrev only between each step:
    nothing changed twice; Geir Andreassen's PDF signed in place by both; Tove Lien's
    agreement signed by both into a ``-signert.pdf`` copy; nothing changed; that copy
    removed; Geir's signed PDF altered (its signatures no longer valid)."""
    root = tmp_path_factory.mktemp("signert-utenfor-bygget")
    wb, out, year = built_copy(demo_pdf_build, root)
    folder = year / "lederavtale"
    tove = next(p.stem for p in folder.glob("lederavtale-*tove-lien.pdf"))
    geir_pdf, tove_pdf = folder / f"{GEIR}.pdf", folder / f"{tove}.pdf"
    certs = root / "sertifikater"
    certs.mkdir()
    jon, geir, tove_cert = (_certificate(certs, n) for n in (SUPERIOR, LEADER, TOVE))
    got: dict[str, Any] = {"year": year, "tove": tove, "geir_unsigned": _sha(geir_pdf),
                           "tove_unsigned": _sha(tove_pdf), "steps": {}}

    def step(label: str, report: pipeline.BuildReport) -> None:
        got["steps"][label] = {
            "geir": _record(year, GEIR), "tove": _record(year, tove),
            "geir_row": _row(year, GEIR), "tove_row": _row(year, tove),
            "times": _times(year), "sidecars": {
                n: (year / "arkiv" / f"{YEAR}-{n}.json").read_bytes() for n in (GEIR, tove)},
            "signatures": dict(report.outcome.signatures)}

    step("first", _only(wb, out))
    step("again", _only(wb, out, fresh=True))
    for field, cert in zip(FIELDS, (jon, geir), strict=True):
        signing.sign(geir_pdf, field, cert, PASSWORD.encode(), geir_pdf)  # in place
    got["geir_signed"] = _sha(geir_pdf)
    step("in_place", _only(wb, out))
    copy = tove_pdf.with_name(f"{tove}-signert.pdf")
    signing.sign(tove_pdf, FIELDS[0], jon, PASSWORD.encode(), copy)
    signing.sign(copy, FIELDS[1], tove_cert, PASSWORD.encode(), copy)
    got["tove_signed"] = _sha(copy)
    step("copy", _only(wb, out))
    step("unchanged", _only(wb, out, fresh=True))
    # the agreements' own build reads them the same way: nothing in the archive to rewrite
    step("own_scope", _build(wb, out, ["lederavtale"], fresh=True))
    copy.unlink()
    step("removed", _only(wb, out))
    data = bytearray(geir_pdf.read_bytes())
    at = data.index(b"\n") + 2  # the binary marker comment of line 2: inside the signed bytes
    data[at] ^= 0x01
    geir_pdf.write_bytes(bytes(data))
    got["geir_altered"] = _sha(geir_pdf)
    got["geir_state"] = read_state(geir_pdf)
    step("invalid", _only(wb, out))
    return got


def test_a_build_of_other_kinds_rewrites_no_archive_file_when_nothing_changed(
        round_: dict[str, Any]) -> None:
    steps = round_["steps"]
    assert steps["again"]["times"] == steps["first"]["times"]
    assert steps["unchanged"]["times"] == steps["copy"]["times"]  # signed, and still signed
    first = steps["first"]
    for name in ("geir", "tove"):
        assert first[name]["status"] == first[name]["xml_status"] == "B"
        assert "S" not in first[name]["objects"]


def test_signed_in_place_since_is_filed_signed_by_a_build_of_other_kinds(
        round_: dict[str, Any]) -> None:
    step, before = round_["steps"]["in_place"], round_["steps"]["again"]
    rec = step["geir"]
    assert rec["status"] == rec["xml_status"] == "F"
    assert set(rec["objects"]) == set(rec["xml_objects"]) == {"S", "P"}  # no «A» left
    signed = (f"{GEIR}.pdf", round_["geir_signed"])
    assert rec["objects"]["S"][:2] == rec["xml_objects"]["S"][:2] == signed
    assert rec["objects"]["S"][2] == rec["xml_objects"]["S"][2] \
        == (round_["year"] / "lederavtale" / f"{GEIR}.pdf").stat().st_size
    assert ("Digitalt signert dokument", *signed, "F") in [
        (v, f, c, dokumentstatus(st)[0]) for v, f, c, st in rec["rows"]]
    assert [r[0] for r in rec["rows"]].count("Arkivformat") == 0
    assert step["geir_row"] == {"status": "signert", "signing": "signert"}  # the overview agrees
    # one registration per document, as before; the other agreement's files left alone
    assert (rec["sidecars"], rec["registrations"]) == (before["geir"]["sidecars"],
                                                       before["geir"]["registrations"])
    changed = {n for n, t in step["times"].items() if before["times"].get(n) != t}
    assert changed == {f"{YEAR}-{GEIR}.json", "arkivliste.csv",
                       f"arkivmelding-{archive.referanse_dokumentfil(f'{YEAR}-{GEIR}')}.xml"}
    assert step["tove"] == before["tove"]
    assert step["signatures"] == before["signatures"]  # the build's own summary: its kinds


def test_a_signed_copy_made_by_hand_is_filed_as_the_signed_document(
        round_: dict[str, Any]) -> None:
    step, tove = round_["steps"]["copy"], round_["tove"]
    rec = step["tove"]
    assert rec["status"] == rec["xml_status"] == "F"
    # «O»: the screened agreement's public variant, as before
    assert set(rec["objects"]) == set(rec["xml_objects"]) == {"S", "P", "O"}
    assert rec["objects"]["S"][:2] == rec["xml_objects"]["S"][:2] \
        == (f"{tove}-signert.pdf", round_["tove_signed"])
    assert ("Digitalt signert dokument", f"{tove}-signert.pdf", round_["tove_signed"], "F") \
        in [(v, f, c, dokumentstatus(st)[0]) for v, f, c, st in rec["rows"]]
    assert step["tove_row"] == {"status": "signert", "signing": "signert"}
    assert step["geir"] == round_["steps"]["in_place"]["geir"]
    assert rec["registrations"] == round_["steps"]["first"]["tove"]["registrations"]


def test_the_agreements_own_build_files_them_exactly_the_same(round_: dict[str, Any]) -> None:
    steps = round_["steps"]
    own, carried = steps["own_scope"], steps["copy"]
    assert own["sidecars"] == carried["sidecars"]  # byte for byte
    assert own["geir"] == carried["geir"] and own["tove"] == carried["tove"]
    for name in (GEIR, round_["tove"]):
        sidecar = f"{YEAR}-{name}.json"
        assert own["times"][sidecar] == carried["times"][sidecar]  # not even rewritten
    assert own["signatures"][f"{GEIR}.docx"].state.complete
    assert own["signatures"][f"{round_['tove']}.docx"].state.complete


def test_a_removed_copy_and_an_invalid_signature_go_back_to_under_redigering(
        round_: dict[str, Any]) -> None:
    steps, tove = round_["steps"], round_["tove"]
    removed = steps["removed"]["tove"]
    assert removed["status"] == removed["xml_status"] == "B"
    assert "S" not in removed["objects"] and "S" not in removed["xml_objects"]
    assert removed["objects"]["A"][:2] == removed["xml_objects"]["A"][:2] \
        == (f"{tove}.pdf", round_["tove_unsigned"])
    assert removed["objects"] == steps["first"]["tove"]["objects"]
    assert removed["rows"] == steps["first"]["tove"]["rows"]
    assert steps["removed"]["tove_row"]["status"] != "signert"
    assert steps["removed"]["tove_row"]["signing"].startswith("ikke signert")
    assert steps["removed"]["geir"] == steps["own_scope"]["geir"]  # left as it was
    # Geir's PDF altered after both signed: no longer valid, so the unsigned state (the
    # file as it is now, by its own checksum: the unsigned bytes are no longer there)
    state = round_["geir_state"]  # both fields still hold a signature, neither is valid
    assert len(state.fields) == 2 and len(state.invalid) == 2 and not state.complete
    invalid = steps["invalid"]["geir"]
    assert invalid["status"] == invalid["xml_status"] == "B"
    assert set(invalid["objects"]) == {"A", "P"}
    assert invalid["objects"]["A"][:2] == invalid["xml_objects"]["A"][:2] \
        == (f"{GEIR}.pdf", round_["geir_altered"])
    assert steps["invalid"]["geir_row"]["signing"] != "signert"
    assert steps["invalid"]["tove"] == steps["removed"]["tove"]
