"""Real LibreOffice conversions: PDF/A-2b, embedded fonts, Sámi text, signature fields
that a real signature fills, screening of personal goals, and the archive messages."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from generator import pipeline
from generator.pdf import soffice

from .conftest import run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert soffice(), "LibreOffice mangler: kjør ./setup.sh (CI skal ha den)"
    out = tmp_path_factory.mktemp("pdf")
    report = pipeline.build([pipeline.DEMO_DIR], out, pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    return out / "2026"


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_every_document_has_a_pdfa_2b(built: Path) -> None:
    docx = sorted(built.rglob("*.docx"))
    pdfs = sorted(built.rglob("*.pdf"))
    assert len(pdfs) == len(docx) > 40
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            meta = pdf.open_metadata()
            assert meta.get("pdfaid:part") == "2", path.name
            assert meta.get("pdfaid:conformance") == "B", path.name
            assert not pdf.is_encrypted
            assert str(pdf.docinfo["/Title"])


def test_fonts_are_embedded_says_poppler(built: Path) -> None:
    for path in [*built.glob("*/oppdragsbrev-*.pdf"), *built.glob("*/tertialrapport-*.pdf"),
                 next(built.glob("lederavtale/*.pdf"))]:
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                                 check=True).stdout.splitlines()[2:]
        assert listing
        for line in listing:
            assert " yes " in line.split("  ", 1)[1], line  # emb column


def test_sami_letters_come_through_as_text(built: Path) -> None:
    text = "".join(pdftext(p) for p in built.rglob("*.pdf") if "offentlig" not in p.name)
    for ch in "áčđŋšŧžĐ":
        assert ch in text, ch
    assert "Drift & vedlikehold" in text


def test_page_counts_are_sensible(built: Path) -> None:
    def pages(path: Path) -> int:
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)
    assert 6 <= pages(next(built.glob("oppdragsbrev/*.pdf"))) <= 16
    assert 5 <= pages(next(built.glob("tertialrapport/*.pdf"))) <= 14
    assert 5 <= pages(next(built.glob("utviklingsstrategi/*.pdf"))) <= 12
    for p in built.glob("lederavtale/*.pdf"):
        assert 2 <= pages(p) <= 5, p.name


def _fields(path: Path) -> dict[str, pikepdf.Dictionary]:
    with pikepdf.open(path) as pdf:
        return {str(f.T): f.Rect for f in pdf.Root.AcroForm.Fields}


def test_lederavtale_has_two_named_signature_fields_over_the_lines(built: Path) -> None:
    for path in built.glob("lederavtale/*.pdf"):
        fields = _fields(path)
        assert set(fields) == {"NaermesteOverordnedeLeder", "Leder"}, path.name
        left, right = fields["NaermesteOverordnedeLeder"], fields["Leder"]
        assert float(left[2]) < float(right[0])  # side by side, left first
        with pikepdf.open(path) as pdf:
            assert pdf.open_metadata().pdfa_status == "2B"


def _certificate(folder: Path) -> tuple[Path, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Testleder Fjellvik"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Fjellvik kommune (test)")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    p12 = folder / "test.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"test", key, cert, None, serialization.BestAvailableEncryption(b"hemmelig")))
    return p12, cert


def _validate(path: Path, cert: x509.Certificate):
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    with path.open("rb") as fh:
        sig = PdfFileReader(fh, strict=False).embedded_signatures[0]
        return validate_pdf_signature(sig, ValidationContext(trust_roots=[root]))


def test_signing_a_field_validates_and_tampering_breaks_it(built: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    p12, cert = _certificate(tmp_path)
    source = next(built.glob("lederavtale/*-offentlig.pdf"))
    monkeypatch.setenv("TEST_PASSORD", "hemmelig")
    signed = tmp_path / "signert.pdf"
    result = run("sign", source, "--felt", "Leder", "--sertifikat", p12, "--ut", signed,
                 "--passord-variabel", "TEST_PASSORD")
    assert result.exit_code == 0, result.output
    status = _validate(signed, cert)
    assert status.intact and status.valid and status.bottom_line
    with pikepdf.open(signed) as pdf:
        assert pdf.open_metadata().pdfa_status == "2B"
    data = bytearray(signed.read_bytes())
    i = data.find(b"Lederavtale")
    data[i: i + 11] = b"Lederavtele"
    tampered = tmp_path / "endret.pdf"
    tampered.write_bytes(bytes(data))
    assert not _validate(tampered, cert).intact
    wrong = run("sign", source, "--felt", "Finnes ikke", "--sertifikat", p12, "--ut",
                tmp_path / "x.pdf", "--passord-variabel", "TEST_PASSORD")
    assert wrong.exit_code == 1
    assert "finner ikke signaturfeltet" in wrong.output


def test_public_variant_pdf_has_no_personal_goals(built: Path) -> None:
    import openpyxl

    ws = openpyxl.load_workbook(pipeline.DEMO_DIR / "lederavtaler.xlsx")["Lederavtaler"]
    rows = list(ws.iter_rows(values_only=True))
    head = rows[0]
    goals = [dict(zip(head, r, strict=False)) for r in rows[1:] if r[0]]
    screened = [g for g in goals if g["Skjermet"] == "ja"]
    public_text = " ".join(pdftext(p) for p in built.glob("lederavtale/*-offentlig.pdf"))
    full_text = " ".join(pdftext(p) for p in built.glob("lederavtale/*.pdf")
                         if not p.stem.endswith("offentlig"))
    squash = " ".join(public_text.split())
    full = " ".join(full_text.split())
    for g in screened:
        for goal in g["Utviklingsmål"].splitlines():
            words = " ".join(goal.split()[:4])
            assert words not in squash, goal
            assert words in full, goal


def test_build_without_libreoffice_makes_docx_and_says_why(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.pdf.soffice", lambda: None)
    result = run("build", "--out", tmp_path, "--only", "oppdragsbrev")
    assert result.exit_code == 0, result.output
    assert "LibreOffice" in result.output and "libreoffice-writer-nogui" in result.output
    assert list(tmp_path.rglob("*.docx")) and not list(tmp_path.rglob("*.pdf"))
    forced = run("build", "--out", tmp_path / "b", "--only", "oppdragsbrev", "--pdf")
    assert forced.exit_code == 1
    assert "LibreOffice" in forced.output


def test_poppler_is_installed() -> None:
    assert shutil.which("pdftotext") and shutil.which("pdffonts")
