"""Signature fields in the lederavtale PDFs, and local signing (PAdES) with pyHanko.

The two empty fields are added right after the PDF/A conversion, before anyone
signs: any change after a signature breaks it. They are placed over the two
signature lines, found by their position in the converted PDF.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

# (field name, label printed under the line), left to right as in the template.
FIELDS = (("NaermesteOverordnedeLeder", "Nærmeste overordnede leder"), ("Leder", "Leder"))
FIELD_HEIGHT = 42.0  # points above the line


class SigningError(Exception):
    """Signature fields could not be placed, or signing failed; message in bokmål."""


@dataclass(frozen=True)
class Line:
    page: int
    x1: float
    x2: float
    y: float  # PDF coordinates (from the bottom)


def signature_lines(pdf: Path) -> list[Line]:
    """The underscore lines of the signature block, left to right (found with PDFium)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        for page_no in range(len(doc)):
            textpage = doc[page_no].get_textpage()
            text = textpage.get_text_range(0, textpage.count_chars())
            lines = []
            for m in re.finditer(r"_{10,}", text):
                left = textpage.get_charbox(m.start())
                right = textpage.get_charbox(m.end() - 1)
                lines.append(Line(page_no, left[0], right[2], left[1] + 1))
            if len(lines) >= 2:
                return sorted(lines[:2], key=lambda ln: ln.x1)
        return []
    finally:
        doc.close()


def add_signature_fields(pdf: Path) -> bytes:
    """The PDF with two empty, named signature fields over its signature lines."""
    lines = signature_lines(pdf)
    if len(lines) != 2:
        raise SigningError(f"{pdf.name}: fant ikke de to signaturlinjene i PDF-en.")
    with pdf.open("rb") as fh:
        writer = IncrementalPdfFileWriter(fh, strict=False)
        for (name, _label), line in zip(FIELDS, lines, strict=True):
            fields.append_signature_field(writer, fields.SigFieldSpec(
                sig_field_name=name, on_page=line.page,
                box=(line.x1, line.y, line.x2, line.y + FIELD_HEIGHT)))
        out = io.BytesIO()
        writer.write(out)
    return out.getvalue()


def sign(pdf: Path, field: str, pkcs12: Path, passphrase: bytes | None, target: Path,
         reason: str = "Lederavtale signert", location: str | None = None) -> Path:
    """Sign one field with a PKCS#12 certificate (PAdES baseline)."""
    signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(pkcs12), passphrase=passphrase)
    if signer is None:
        raise SigningError(f"{pkcs12.name}: sertifikatet kan ikke åpnes (feil passord eller "
                           "ødelagt fil).")
    meta = signers.PdfSignatureMetadata(field_name=field, reason=reason, location=location,
                                        subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256")
    with pdf.open("rb") as fh:
        writer = IncrementalPdfFileWriter(fh, strict=False)
        names = [f[0] for f in fields.enumerate_sig_fields(writer)]
        if field not in names:
            raise SigningError(f"{pdf.name}: finner ikke signaturfeltet «{field}» (har: "
                               + ", ".join(names) + ").")
        out = io.BytesIO()
        signers.sign_pdf(writer, meta, signer=signer, output=out)
    from .files import write_atomic

    write_atomic(target, out.getvalue())
    return target
