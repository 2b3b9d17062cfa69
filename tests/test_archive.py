"""Archive metadata: arkivmeldinger valid against the shared Fiks Arkiv v2 XSD, sidecars,
the CSV list, deterministic output. Real files in tmp_path; checksums recomputed here."""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from lxml import etree

from generator import __version__
from generator.output import archive
from generator.output.archive import ArchiveError, ArchiveFile, ArchiveRecord

NS = {"a": archive.NS_ARKIVMELDING, "m": archive.NS_METADATAKATALOG}
HJEMMEL = "Offl. § 13 jf. fvl. § 13 første ledd nr. 1"
SKJERMET = "Dokument hvor deler av innholdet er skjermet"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _record(**kw) -> ArchiveRecord:
    base = dict(
        saksår=None, sekvensnummer=None, saksbehandler="Kari Nordmann",
        administrativ_enhet="Stab", journalposttype="Organinternt dokument uten oppfølging",
        dokumenttype="Rapport", tilknyttet_registrering_som="Hoveddokument",
        tilgangsrestriksjon=None, skjermingshjemmel=None, kommune="Fjellvik kommune")
    base.update(kw)
    return ArchiveRecord(**base)


@pytest.fixture
def batch(tmp_path: Path) -> list[ArchiveRecord]:
    """Four records: a screened lederavtale (A + O + P), a tertialrapport without case
    number, an oppdragsbrev and its vedlegg whose title starts with «=»."""
    src = tmp_path / "filer"
    src.mkdir()
    full = _write(src, "lederavtale-oppvekst-sørli.pdf", b"%PDF-1.7 full avtale " + b"x" * 500)
    public = _write(src, "lederavtale-oppvekst-sørli-offentlig.pdf", b"%PDF-1.7 offentlig")
    docx = _write(src, "lederavtale-oppvekst-sørli.docx", b"PK\x03\x04 lederavtale")
    tertial = _write(src, "tertialrapport-2.pdf", b"%PDF-1.7 tertial " + bytes(range(256)))
    brev = _write(src, "oppdragsbrev.pdf", b"%PDF-1.7 oppdragsbrev")
    brev_docx = _write(src, "oppdragsbrev.docx", b"PK\x03\x04 oppdragsbrev")
    liste = _write(src, "oppdragsliste.pdf", b"%PDF-1.7 oppdragsliste")
    pdfa, docx_fmt = archive.PRONOM["pdfa2b"], archive.PRONOM["docx"]
    return [
        _record(tittel="Lederavtale 2026 – Oppvekst – Åse Sørli", dokumentdato=date(2026, 1, 15),
                kind="lederavtale", saksår=2026, sekvensnummer=146, dokumenttype="Avtale",
                tilgangsrestriksjon="P", skjermingshjemmel=HJEMMEL,
                files=(ArchiveFile.from_path(full, "Arkivformat", pdfa),
                       ArchiveFile.from_path(public, SKJERMET, pdfa),
                       ArchiveFile.from_path(docx, "Produksjonsformat", docx_fmt)),
                referanse_ekstern="lederavtale-2026-L05"),
        _record(tittel="Tertialrapport 2. tertial 2026", dokumentdato=date(2026, 9, 20),
                kind="tertialrapport", administrativ_enhet="Økonomi", arkivdel="SAK",
                klassifikasjon=(archive.Klassifikasjon("FE", "000"),),
                mappetittel="Tertialrapporter 2026",
                files=(ArchiveFile.from_path(tertial, "Arkivformat", pdfa),),
                referanse_ekstern="tertialrapport-2026-T2"),
        _record(tittel="Kommunedirektørens oppdragsbrev 2026", dokumentdato=date(2026, 1, 5),
                kind="oppdragsbrev", saksår=2026, sekvensnummer=145, dokumenttype="KORR",
                journalposttype="N",
                files=(ArchiveFile.from_path(brev, "Arkivformat", pdfa),
                       ArchiveFile.from_path(brev_docx, "Produksjonsformat", docx_fmt)),
                referanse_ekstern="oppdragsbrev-2026"),
        _record(tittel="=HYPERLINK(\"http://x\";\"Oppdragsliste\")", dokumentdato=date(2026, 1, 5),
                kind="oppdragsbrev", saksår=2026, sekvensnummer=145, dokumenttype="Vedlegg",
                journalposttype="N", tilknyttet_registrering_som="Vedlegg",
                files=(ArchiveFile.from_path(liste, "Arkivformat", pdfa),),
                referanse_ekstern="oppdragsbrev-2026-vedlegg-1"),
    ]


def _parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def _text(el: etree._Element, path: str) -> str | None:
    found = el.find(path, NS)
    return None if found is None else found.text


def _kode(el: etree._Element, path: str) -> str | None:
    return _text(el, f"{path}/m:kode")


# --- the messages -----------------------------------------------------------------------------


def test_one_message_per_registration_and_each_validates(batch, tmp_path):
    paths = archive.write_arkivmeldinger(batch, tmp_path / "arkiv")
    assert [p.name for p in paths] == [
        "arkivmelding-lederavtale-2026-L05.xml",
        "arkivmelding-tertialrapport-2026-T2.xml",
        "arkivmelding-oppdragsbrev-2026.xml",
    ]
    for path in paths:
        xml = path.read_bytes()
        assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
        assert archive.validate(xml) == [], path.name
        root = _parse(xml)
        assert root.tag == f"{{{archive.NS_ARKIVMELDING}}}arkivmelding"
        assert len(root.findall("a:registrering", NS)) == 1
    assert not list((tmp_path / "arkiv").glob(".*.tmp"))


def test_documents_titles_dates_variants_and_checksums_match_the_files(batch, tmp_path):
    paths = archive.write_arkivmeldinger(batch, tmp_path / "arkiv")
    files_by_name = {f.path.name: f.path for r in batch for f in r.files}
    by_ref = {r.referanse_ekstern: r for r in batch}
    seen_files = set()
    for path in paths:
        root = _parse(path.read_bytes())
        reg = root.find("a:registrering", NS)
        assert reg.get(f"{{{archive.NS_XSI}}}type") == "journalpost"
        head = by_ref[_text(reg, "a:referanseEksternNoekkel/m:noekkel")]
        assert _text(reg, "a:tittel") == head.tittel
        assert _text(reg, "a:dokumentetsDato") == head.dokumentdato.isoformat()
        files_in_message = 0
        for nummer, db in enumerate(reg.findall("a:dokumentbeskrivelse", NS), start=1):
            assert _text(db, "a:dokumentnummer") == str(nummer)
            record = next(r for r in batch if r.tittel == _text(db, "a:tittel"))
            expected_h = "H" if record is head else "V"
            assert _kode(db, "a:tilknyttetRegistreringSom") == expected_h
            variants = []
            for obj in db.findall("a:dokumentobjekt", NS):
                on_disk = files_by_name[_text(obj, "a:filnavn")]
                data = on_disk.read_bytes()
                assert _text(obj, "a:sjekksum") == hashlib.sha256(data).hexdigest()
                assert _text(obj, "a:sjekksumAlgoritme") == "SHA-256"
                assert _text(obj, "a:filstoerrelse") == str(len(data))
                assert _text(obj, "a:versjonsnummer") == "1"
                ref = _text(obj, "a:referanseDokumentfil")
                assert ref.isascii() and " " not in ref
                variants.append(_kode(obj, "a:variantformat"))
                seen_files.add(on_disk)
                files_in_message += 1
            expected = [archive.variantformat(f.variantformat)[0] for f in record.files]
            assert variants == expected
        assert _text(root, "a:antallFiler") == str(files_in_message)
    assert seen_files == set(files_by_name.values())


def test_screened_lederavtale_carries_skjerming_and_both_pdf_variants(batch):
    reg = _parse(archive.arkivmelding([batch[0]])).find("a:registrering", NS)
    for where in (reg, reg.find("a:dokumentbeskrivelse", NS)):
        assert _kode(where, "a:skjerming/a:tilgangsrestriksjon") == "P"
        assert _text(where, "a:skjerming/a:skjermingshjemmel") == HJEMMEL
    objs = reg.findall("a:dokumentbeskrivelse/a:dokumentobjekt", NS)
    assert [(_kode(o, "a:variantformat"), _kode(o, "a:format")) for o in objs] == [
        ("A", "fmt/477"), ("O", "fmt/477"), ("P", "fmt/412")]
    assert _text(objs[1], "a:variantformat/m:beskrivelse") == SKJERMET
    assert _text(objs[0], "a:referanseDokumentfil") == "lederavtale-oppvekst-sorli.pdf"
    assert _text(objs[0], "a:filnavn") == "lederavtale-oppvekst-sørli.pdf"
    saksnummer = reg.find("a:referanseForelderMappe/m:saksnummer", NS)
    assert (_text(saksnummer, "m:saksaar"), _text(saksnummer, "m:sakssekvensnummer")) == (
        "2026", "146")
    assert _kode(reg, "a:journalposttype") == "X"
    assert reg.getparent().find("a:mappe", NS) is None


def test_document_without_case_number_creates_a_saksmappe_it_refers_to(batch):
    root = _parse(archive.arkivmelding([batch[1]]))
    mappe = root.find("a:mappe", NS)
    assert mappe.get(f"{{{archive.NS_XSI}}}type") == "saksmappe"
    assert _text(mappe, "a:tittel") == "Tertialrapporter 2026"
    assert _text(mappe, "a:arkivdel/m:kode") == "SAK"
    klasse = mappe.find("a:klassifikasjon", NS)
    assert (_text(klasse, "a:klassifikasjonssystemID"), _text(klasse, "a:klasseID")) == (
        "FE", "000")
    key = _text(mappe, "a:referanseEksternNoekkel/m:noekkel")
    reg = root.find("a:registrering", NS)
    assert _text(reg, "a:referanseForelderMappe/m:referanseEksternNoekkel/m:noekkel") == key
    assert reg.find("a:skjerming", NS) is None
    assert reg.find("a:dokumentbeskrivelse/a:skjerming", NS) is None


def test_vedlegg_joins_its_hoveddokument(batch):
    groups = archive.registrations(batch)
    assert [[r.referanse_ekstern for r in g] for g in groups] == [
        ["lederavtale-2026-L05"], ["tertialrapport-2026-T2"],
        ["oppdragsbrev-2026", "oppdragsbrev-2026-vedlegg-1"]]
    reg = _parse(archive.arkivmelding(groups[2])).find("a:registrering", NS)
    assert _kode(reg, "a:journalposttype") == "N"
    assert _text(reg, "a:antallVedlegg") == "1"
    assert len(reg.findall("a:dokumentbeskrivelse", NS)) == 2


def test_two_runs_give_identical_bytes_and_stable_uuids(batch, tmp_path):
    first = archive.write_arkivmeldinger(batch, tmp_path / "a")
    second = archive.write_arkivmeldinger(list(batch), tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    root = _parse(first[0].read_bytes())
    ids = [el.text for el in root.iter(f"{{{archive.NS_ARKIVMELDING}}}systemID")]
    assert len(ids) == len(set(ids)) == 1 + 1 + 3
    assert all(uuid.UUID(i).version == 5 for i in ids)
    later = archive.arkivmelding([batch[0]], now=datetime(2026, 3, 1, 12, 30))
    assert b"2026-03-01T12:30:00" in later
    assert archive.validate(later) == []


# --- validation can fail ------------------------------------------------------------------------


def test_broken_messages_fail_validation(batch):
    good = _parse(archive.arkivmelding([batch[0]]))
    without_title = copy.deepcopy(good)
    reg = without_title.find("a:registrering", NS)
    reg.remove(reg.find("a:tittel", NS))
    errors = archive.validate(etree.tostring(without_title))
    assert errors and any("tittel" in e for e in errors)

    without_file_ref = copy.deepcopy(good)
    obj = without_file_ref.find(".//a:dokumentobjekt", NS)
    obj.remove(obj.find("a:referanseDokumentfil", NS))
    assert archive.validate(etree.tostring(without_file_ref))

    bad_uuid = copy.deepcopy(good)
    bad_uuid.find("a:registrering/a:systemID", NS).text = "lederavtale-2026-L05"
    assert archive.validate(etree.tostring(bad_uuid))

    assert archive.validate(b"<arkivmelding>") != []


def test_schema_folder_can_be_overridden(monkeypatch, tmp_path, batch):
    monkeypatch.setenv(archive.SCHEMA_ENV, str(tmp_path / "finnes-ikke"))
    with pytest.raises(FileNotFoundError, match=archive.SCHEMA_ENV):
        archive.validate(archive.arkivmelding([batch[1]]))


# --- records that must not be written -----------------------------------------------------------


@pytest.mark.parametrize("change, message", [
    (dict(tilgangsrestriksjon=None, skjermingshjemmel=None), "skjermet variant"),
    (dict(skjermingshjemmel=None), "hjemmel"),
    (dict(tilgangsrestriksjon="13"), "skjermingshjemmel"),
    (dict(tilgangsrestriksjon="Unntatt offentlighet"), "skjermingshjemmel"),
    (dict(tilgangsrestriksjon="ZZ"), "tilgangsrestriksjon"),
    (dict(dokumenttype="Brev"), "dokumenttype"),
    (dict(journalposttype="Internt notat"), "journalposttype"),
    (dict(kind="budsjett"), "dokumentkategori"),
    (dict(saksår=2026, sekvensnummer=None), "saksnummer"),
    (dict(files=()), "ingen filer"),
])
def test_inconsistent_records_are_refused(batch, change, message):
    record = batch[0]
    fields = {**record.__dict__, **change}
    with pytest.raises(ArchiveError, match=message):
        archive.arkivmelding([ArchiveRecord(**fields)])


def test_archive_format_must_be_pdfa(batch):
    record = batch[1]
    plain_pdf = ArchiveFile(record.files[0].path, "Arkivformat", "fmt/276",
                            record.files[0].sha256, record.files[0].size)
    with pytest.raises(ArchiveError, match="PDF/A"):
        archive.arkivmelding([ArchiveRecord(**{**record.__dict__, "files": (plain_pdf,)})])


def test_one_message_holds_one_registration(batch):
    with pytest.raises(ArchiveError, match="ett hoveddokument"):
        archive.arkivmelding(batch[:2])


def test_check_files_notices_a_file_changed_after_hashing(batch):
    assert archive.check_files(batch) == []
    batch[1].files[0].path.write_bytes("%PDF-1.7 signert etterpå".encode())
    problems = archive.check_files(batch)
    assert len(problems) == 2 and "sjekksum" in problems[1]


# --- sidecar and CSV ------------------------------------------------------------------------------


def test_sidecar_round_trips(batch, tmp_path):
    record = batch[0]
    path = archive.write_sidecar(record, tmp_path / "meta" / "lederavtale-2026-L05.json")
    text = path.read_text(encoding="utf-8")
    assert "Åse Sørli" in text  # ensure_ascii=False
    loaded = json.loads(text)
    assert loaded == archive.sidecar(record)
    assert list(loaded) == sorted(loaded)
    assert loaded["tittel"] == record.tittel
    assert loaded["dokumentetsDato"] == "2026-01-15"
    assert (loaded["saksaar"], loaded["sakssekvensnummer"]) == (2026, 146)
    assert loaded["journalposttype"] == {"kode": "X",
                                         "beskrivelse": "Organinternt dokument uten oppfølging"}
    assert loaded["tilgangsrestriksjon"] == {"kode": "P", "beskrivelse": "Personalsaker"}
    assert loaded["skjermingshjemmel"] == HJEMMEL
    objs = loaded["dokumentobjekt"]
    assert [o["variantformat"]["kode"] for o in objs] == ["A", "O", "P"]
    for o, f in zip(objs, record.files, strict=True):
        assert o["sjekksum"] == hashlib.sha256(f.path.read_bytes()).hexdigest()
        assert o["filstoerrelse"] == f.path.stat().st_size
        assert o["sjekksumAlgoritme"] == "SHA-256"
        assert o["filnavn"] == f.path.name
    again = archive.write_sidecar(record, path)
    assert again.read_bytes() == path.read_bytes()


def test_listing_is_csv_for_excel_with_formulas_neutralised(batch, tmp_path):
    path = archive.write_listing(batch, tmp_path / "arkivliste.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header == list(archive.LISTING_COLUMNS)
    assert len(body) == sum(len(r.files) for r in batch) == 7
    col = {name: i for i, name in enumerate(header)}
    titles = [row[col["Tittel"]] for row in body]
    assert "'=HYPERLINK(\"http://x\";\"Oppdragsliste\")" in titles
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in body for cell in row)
    first = body[0]
    assert first[col["Dokumentdato"]] == "15.01.2026"
    assert first[col["Saksnummer"]] == "2026/146"
    assert first[col["Tilgangsrestriksjon"]] == "P – Personalsaker"
    data = batch[0].files[0].path.read_bytes()
    assert first[col["Sjekksum (SHA-256)"]] == hashlib.sha256(data).hexdigest()
    assert first[col["Filstørrelse (byte)"]] == str(len(data))
    assert body[3][col["Saksnummer"]] == ""  # the tertialrapport has no case yet


def test_sha256_file_matches_hashlib(tmp_path):
    data = bytes(range(256)) * 5000
    path = _write(tmp_path, "stor.bin", data)
    assert archive.sha256_file(path) == hashlib.sha256(data).hexdigest()
    assert archive.PRONOM == {"pdfa2b": "fmt/477", "docx": "fmt/412"}


PACKAGED_SCHEMAS = (Path(__file__).resolve().parents[1] / "generator" / "output" / "archive"
                    / "schemas" / "fiks-arkiv-v2")


def test_packaged_schema_copy_matches_the_shared_schema() -> None:
    packaged = PACKAGED_SCHEMAS
    shared = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "fiks-arkiv-v2"
    if not shared.is_dir():
        pytest.skip("shared/ ligger ikke ved siden av repoet")
    for name in ("metadatakatalog.xsd", "no.ks.fiks.arkiv.v2.arkivering.arkivmelding.opprett.xsd"):
        assert (packaged / name).read_bytes() == (shared / name).read_bytes()


# --- codes from KS's published lists --------------------------------------------------------------

#: Where each coded element of an arkivmelding takes its values from.
CODED = {"journalposttype": "journalposttype", "journalstatus": "journalstatus",
         "dokumenttype": "dokumenttype", "dokumentstatus": "dokumentstatus",
         "dokumentmedium": "dokumentmedium", "tilknyttetRegistreringSom":
         "tilknyttetregistreringsom", "variantformat": "variantformat",
         "korrespondanseparttype": "korrespondanseparttype",
         "tilgangsrestriksjon": "tilgangsrestriksjon"}
KODELISTER = PACKAGED_SCHEMAS / "kodelister"


def _published(name: str) -> dict[str, str]:
    """The list read straight from the shipped JSON, independent of the product's code."""
    data = json.loads((KODELISTER / f"{name}.json").read_text(encoding="utf-8-sig"))
    return {k["kodeverdi"]: k["kodebeskrivelse"] for k in data["kodeliste"]}


def coded_values(xml: bytes) -> list[tuple[str, str, str | None]]:
    """(element, kode, beskrivelse) for every coded element in a message that has a list."""
    out = []
    for el in etree.fromstring(xml).iter():
        local = etree.QName(el).localname
        if local in CODED:
            out.append((local, _text(el, "m:kode"), _text(el, "m:beskrivelse")))
    return out


def assert_codes_published(xml: bytes) -> int:
    found = coded_values(xml)
    for local, kode, beskrivelse in found:
        published = _published(CODED[local])
        assert kode in published, (local, kode, sorted(published))
        assert beskrivelse in (None, published[kode]), (local, kode, beskrivelse)
    return len(found)


def test_code_lists_are_shipped_with_source_and_licence() -> None:
    readme = (KODELISTER.parent / "README.md").read_text(encoding="utf-8")
    assert "kodelister" in readme and "MIT" in readme and "df8afce3" in readme
    assert (KODELISTER.parent / "LICENSE").read_text().startswith("MIT License")
    for name in set(CODED.values()):
        assert _published(name), name
    assert "13" not in _published("tilgangsrestriksjon")
    assert {"BREV", "PLAN"}.isdisjoint(_published("dokumenttype"))


def test_every_coded_value_in_the_batch_is_from_the_published_lists(batch, tmp_path):
    for path in archive.write_arkivmeldinger(batch, tmp_path / "arkiv"):
        assert assert_codes_published(path.read_bytes()) >= 8, path.name


def test_a_paragraph_is_not_a_tilgangsrestriksjon():
    with pytest.raises(ArchiveError, match="skjermingshjemmel"):
        archive.tilgangsrestriksjon("13", HJEMMEL)
    assert archive.tilgangsrestriksjon("Personalsaker") == ("P", "Personalsaker")


def test_built_arkivmeldinger_validate_and_use_published_codes(tmp_path):
    """A real build of the demo workbooks (DOCX only): every message valid, every code listed,
    lederavtaler as «P» with the legal text, klassifikasjon and arkivdel from Kommune."""
    from generator import pipeline

    report = pipeline.build([pipeline.DEMO_DIR], tmp_path, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    messages = sorted((tmp_path / "2026" / "arkiv").glob("arkivmelding-*.xml"))
    assert len(messages) == len(report.documents) - sum(
        d.stem.endswith("-offentlig") for d in report.documents)
    kinds, screened = set(), 0
    for path in messages:
        xml = path.read_bytes()
        assert archive.validate(xml) == [], path.name
        assert assert_codes_published(xml) >= 6
        reg = etree.fromstring(xml).find("a:registrering", NS)
        kinds.add(_kode(reg, "a:dokumentbeskrivelse/a:dokumenttype"))
        restriction = _kode(reg, "a:skjerming/a:tilgangsrestriksjon")
        if restriction is not None:
            assert "lederavtale" in path.name and restriction == "P"
            assert _text(reg, "a:skjerming/a:skjermingshjemmel") == HJEMMEL
            screened += 1
    assert screened > 0
    assert kinds == {"KORR", "RAPPORT", "DOKUMENT", "AVTALE"}
    sidecar = json.loads(next((tmp_path / "2026" / "arkiv").glob("*.json")).read_text("utf-8"))
    assert sidecar["arkivdel"] == "SAK"
    assert sidecar["klassifikasjon"][0]["klassifikasjonssystemID"] == "FE"
    assert sidecar["mappetittel"] == "Lederavtaler 2026"  # the first: a lederavtale
    made_by = {e.text for p in messages
               for e in etree.parse(str(p)).iter("{urn:styringsdokumenter:arkiv:v1}programversjon")}
    assert made_by == {f"styringsdokumenter {__version__}"}


def test_a_document_without_case_number_gets_the_folder_title_its_kind_states(tmp_path):
    """The saksmappe title comes from the kind's module (KindFacts), with the year filled in."""
    from dataclasses import replace

    from generator import documents
    from generator.demo.data import demo_data
    from generator.output.archive.records import records

    data = demo_data()
    data = replace(data, kommune=replace(data.kommune, saksnr_oppdragsbrev=None,
                                         saksnr_tertialrapport=None,
                                         saksnr_utviklingsstrategi=None,
                                         saksnr_lederavtaler=None))
    planned = [*documents.KINDS["oppdragsbrev"].plan(data, lambda _: None),
               *documents.KINDS["tertialrapport"].plan(data, lambda _: None, 2),
               *documents.KINDS["utviklingsstrategi"].plan(data, lambda _: None),
               *documents.KINDS["lederavtale"].plan(data, lambda _: None)[:2]]
    titles = {}
    from generator.output.manifest import OutputRecord

    def output(name: str, key: str) -> OutputRecord:
        return OutputRecord(f"{key}/{name}.{key}", "0" * 64, 1)

    for rec in records(planned, data, tmp_path, output):
        root = _parse(archive.arkivmelding([rec]))
        titles[rec.kind] = _text(root, "a:mappe/a:tittel")
    facts = {k: m.facts.mappetittel.format(år=2026) for k, m in documents.KINDS.items()}
    assert titles == facts
    assert titles["tertialrapport"] == "Tertialrapporter 2026"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_listing_neutralises_every_formula_start_including_a_newline(batch, tmp_path, start):
    """One guard for the CSV and the Excel log (generator.formulas); LF counts as well,
    since some tools trim leading white space before they look for «=»."""
    from dataclasses import replace

    from generator.formulas import FORMULA_PREFIXES

    assert start in FORMULA_PREFIXES
    title = f"{start}=1+1 Oppdrag"
    record = replace(batch[1], tittel=title)
    path = archive.write_listing([record], tmp_path / "arkivliste.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert {r["Tittel"] for r in rows} == {"'" + title}
