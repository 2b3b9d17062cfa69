"""Local signing (PAdES) of the lederavtale PDFs with pyHanko.

The two empty signature fields are added by the build, with pikepdf in the same pass that
finishes each PDF (:func:`generator.output.pdf.finish`, :func:`generator.output.pdfua.
add_signature_fields`), so a build imports no pyHanko: any change after a signature breaks
it. They are placed over the two signature lines, found by their position in the converted
PDF (:func:`generator.output.signatures.signature_lines`).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from asn1crypto import pkcs12 as asn1_pkcs12
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata import model
from pyhanko.pdf_utils.metadata.info import update_info_dict
from pyhanko.pdf_utils.metadata.model import DocumentMetadata
from pyhanko.pdf_utils.misc import PdfError as PyHankoPdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.stamp import TextStampStyle

from ..errors import SigningError
from ..files import write_atomic
from ..texts import N_, in_nynorsk
from . import pdf as pdfcheck
from . import pdfua
from .signatures import (
    FIELDS,  # noqa: F401 - signing.FIELDS: the field names, as before
    LABELS,
    OSLO,
    certificate_name,
    line_names,
    same_person,
    stamp_time,
)

REASON = N_("Lederavtale signert")  # the signature's reason, in the agreement's målform
FONT_ENV = "STYRING_SIGNATURFONT"
FONT_FAMILIES = ("Liberation Sans", "DejaVu Sans")
FONT_PATHS = ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
              "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
              r"C:\Windows\Fonts\arial.ttf")


def _font_file() -> Path:
    """The TrueType font embedded in signature appearances (PDF/A needs an embedded font).

    ``$STYRING_SIGNATURFONT`` first, then Liberation Sans / DejaVu Sans as fontconfig
    finds them (setup.sh installs both), then their usual paths.
    """
    override = os.environ.get(FONT_ENV)
    if override:
        path = Path(override).expanduser()
        if path.is_file():
            return path
        raise SigningError(f"{FONT_ENV} peker på {path}, som ikke finnes.")
    candidates: list[Path] = []
    if shutil.which("fc-match"):
        for family in FONT_FAMILIES:
            try:
                found = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True,
                                       text=True, timeout=10, check=False).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                continue
            # fc-match always answers; accept it only if it is the family we asked for
            if found and Path(found).name.replace(" ", "").lower().startswith(
                    family.replace(" ", "").lower()):
                candidates.append(Path(found))
    candidates += [Path(p) for p in FONT_PATHS]
    for path in candidates:
        if path.is_file() and path.suffix.lower() in (".ttf", ".otf"):
            return path
    raise SigningError("Fant ingen skrift til signaturfeltet (Liberation Sans eller DejaVu Sans). "
                       "Installer fonts-liberation2 (kjør ./setup.sh) eller sett "
                       f"{FONT_ENV} til en .ttf-fil.")


def _stamp_style() -> Any:
    """Signer's name and time in an embedded TrueType subset (correct widths, Sámi letters).

    The time is ``%(tid)s``, filled in by :func:`sign_bytes` with :func:`stamp_time`
    (Norwegian time), not pyHanko's ``%(ts)s`` (the machine's zone, often UTC)."""
    font = _font_factory()(str(_font_file()), font_size=9)
    return TextStampStyle(stamp_text="Signert av %(signer)s\n%(tid)s",
                          text_box_style=TextBoxStyle(font=font), border_width=1)


class _PdfSigner(signers.PdfSigner):
    """pyHanko's signer with one fixed signing time: the stamp, the signature dictionary
    (/M) and the CMS signing-time attribute all state the same moment."""

    def __init__(self, *args: Any, moment: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.moment = moment

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self.moment
        return session


def _font_factory() -> type:
    """pyHanko's OpenType embedder, with glyph widths in the PDF's units.

    pyHanko 0.38 writes TrueType advances in the font's own units (2048 per em for
    Liberation Sans) where PDF wants thousandths of an em, so /W disagrees with the
    embedded program (PDF/A: glyph widths must match). Shaping at a scale of 1000 per
    em, and storing widths scaled the same way, makes both agree.
    """
    class Accumulator(GlyphAccumulator):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._font_units = self.units_per_em
            self.hb_font.scale = (1000, 1000)
            self.units_per_em = 1000

        def _format_tounicode_cmap(self) -> Any:
            """The ToUnicode CMap with single mappings only (see
            :func:`generator.output.pdfua.cmap_without_range_arrays`)."""
            stream = generic.StreamObject(stream_data=pdfua.cmap_without_range_arrays(
                super()._format_tounicode_cmap().data))
            stream.compress()
            return stream

        def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
            if glyph_id not in self._glyphs:
                cid, width = super()._get_cid_and_width(glyph_id)
                self._glyphs[glyph_id] = (cid, round(width * 1000 / self._font_units))
            return self._glyphs[glyph_id]

    class Factory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> Any:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            with open(self.font_file, "rb") as fh:
                return Accumulator(writer=writer, font_handle=io.BytesIO(fh.read()),
                                   font_size=self.font_size, obj_stream=obj_stream)

    return Factory


@contextlib.contextmanager
def _agreeing_metadata(writer: IncrementalPdfFileWriter) -> Iterator[None]:
    """Make pyHanko write the same Producer and modification time into Info and XMP.

    pyHanko appends itself to the Info Producer but replaces the XMP one, and takes «now»
    twice; PDF/A wants the two to agree. One Producer string (the old one plus pyHanko)
    and one fixed time are used for both, for this write only.
    """
    info_ref = writer._info  # the Info dictionary pyHanko will update
    info = info_ref.get_object() if info_ref is not None else None
    old = str(info.get("/Producer", "")) if info is not None else ""
    vendor = model.VENDOR
    producer = old if vendor in old else "; ".join(p for p in (old, vendor) if p)
    if info_ref is not None and info is not None:
        info["/Producer"] = generic.TextStringObject(producer)
        writer.mark_update(info_ref)
    moment = datetime.now(UTC).replace(microsecond=0)
    writer._meta = _FixedTime(moment)
    writer._update_meta = lambda: _update_metadata(writer, producer, moment)  # type: ignore
    model.VENDOR = producer
    try:
        yield
    finally:
        model.VENDOR = vendor


def _update_metadata(writer: IncrementalPdfFileWriter, producer: str, moment: datetime) -> None:
    """pyHanko's metadata update, with the XMP edited as XML rather than re-serialised.

    pyHanko 0.38 reads every XMP text that starts with «http://» as a URI and writes it
    back as ``rdf:resource``; the ``pdfaSchema:namespaceURI`` of the PDF/UA extension
    schema then stops being text and the file stops being PDF/A-2b. Here the Info
    dictionary is updated as pyHanko would, and the XMP gets only the new producer and
    modification time (:func:`generator.output.pdfua.updated_xmp`).
    """
    writer._meta.last_modified = "now"
    if writer._info is not None and update_info_dict(writer._meta, writer._info.get_object(),
                                                     only_update_existing=True):
        writer.mark_update(writer._info)
    meta = writer.root.get("/Metadata")
    if meta is None:
        return
    xmp = pdfua.updated_xmp(meta.get_object().data, producer, moment)
    stream = generic.StreamObject({generic.pdf_name("/Type"): generic.pdf_name("/Metadata"),
                                   generic.pdf_name("/Subtype"): generic.pdf_name("/XML")},
                                  stream_data=xmp)
    writer.root["/Metadata"] = writer.add_object(stream)
    writer.update_root()


class _FixedTime(DocumentMetadata):
    """Document metadata whose «now» is one fixed moment (Info and XMP then agree)."""

    _moment: datetime

    def __init__(self, moment: datetime) -> None:
        object.__setattr__(self, "_moment", moment)
        super().__init__()

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "last_modified" and value == "now":
            value = self._moment
        object.__setattr__(self, name, value)


def load_signer(pkcs12: Path, passphrase: bytes | None, variable: str | None = None) -> Any:
    """The signer in a PKCS#12 file; each way it can fail gets its own bokmål message."""
    if not pkcs12.is_file():
        raise SigningError(f"Finner ikke sertifikatfilen {pkcs12}.")
    data = pkcs12.read_bytes()
    try:
        return signers.SimpleSigner.load_pkcs12_data(data, other_certs=set(),
                                                     passphrase=passphrase)
    except Exception as e:  # pyHanko/cryptography raise ValueError, TypeError, asn1 errors
        if not _is_pkcs12(data):
            raise SigningError(f"{pkcs12.name} er ikke et PKCS#12-sertifikat (.p12/.pfx).") from e
        if passphrase is None:
            where = f" i miljøvariabelen {variable}" if variable else ""
            raise SigningError(f"Sertifikatet {pkcs12.name} krever passord; oppgi det{where}."
                               ) from e
        raise SigningError(f"Feil passord for sertifikatet {pkcs12.name}.") from e


def _is_pkcs12(data: bytes) -> bool:
    """True when the bytes parse as a PKCS#12 container (the password is then what failed)."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return pfx["version"].native == "v3"
    except (ValueError, TypeError, KeyError):
        return False


def check_signer(pdf: Path, field: str, signer: Any, other_signer: bool = False) -> str | None:
    """Compare the certificate's name with the name on the field's signature line.

    A different name is refused (one bokmål line) unless ``other_signer`` (the
    ``--annen-signerer`` flag) says it is deliberate; then the deviation is returned as
    a note (the archive record states it). None when the names agree or the line has none.
    """
    cert = certificate_name(signer.signing_cert)
    try:
        expected = line_names(pdf).get(field, "")
    except Exception:  # PDFium cannot read it: sign_bytes reports the file
        return None
    if not expected or same_person(cert, expected):
        return None
    label = LABELS.get(field, field)
    if not other_signer:
        raise SigningError(f"{pdf.name}: sertifikatet er utstedt til «{cert}», men "
                           f"signaturlinjen for {label.lower()} har navnet «{expected}»; "
                           "ingenting er signert. Bruk sertifikatet til personen på linjen, "
                           "eller --annen-signerer hvis det er meningen.")
    return (f"Feltet «{label}» er signert av {cert}, mens signaturlinjen har navnet "
            f"{expected} (signert med --annen-signerer).")


def sign_bytes(pdf: Path, field: str, signer: Any, reason: str = REASON,
               location: str | None = None, moment: datetime | None = None) -> bytes:
    """The PDF with ``field`` signed (PAdES baseline, appearance in an embedded font).

    ``moment`` is the signing time (now when not given); the stamp shows it in Norwegian
    time."""
    data = _read_pdf(pdf)
    meta = signers.PdfSignatureMetadata(field_name=field, reason=reason, location=location,
                                        subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        found = {name: value for name, value, _ref in fields.enumerate_sig_fields(writer)}
    except (PyHankoPdfError, ValueError, KeyError) as e:
        raise SigningError(f"{pdf.name} kan ikke leses som PDF ({e}).") from None
    if field not in found:
        raise SigningError(f"{pdf.name}: finner ikke signaturfeltet «{field}» (har: "
                           + (", ".join(found) or "ingen") + ").")
    if found[field] is not None:
        raise SigningError(f"{pdf.name}: feltet «{field}» er allerede signert.")
    moment = (moment or datetime.now(UTC)).replace(microsecond=0).astimezone(OSLO)
    pdf_signer = _PdfSigner(meta, signer=signer, stamp_style=_stamp_style(), moment=moment)
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # «FFTM NOT subset» noise
    out = io.BytesIO()
    try:
        with _agreeing_metadata(writer):
            pdf_signer.sign_pdf(writer, output=out,
                                appearance_text_params={"tid": stamp_time(moment)})
    except (PyHankoPdfError, ValueError) as e:
        raise SigningError(f"{pdf.name}: signeringen feilet ({e}).") from None
    return out.getvalue()


def reason_for(data: bytes) -> str:
    """The signature's reason in the agreement's målform: the PDF's language (/Lang, which
    the build sets from the Kommune sheet's Målform: «nn-NO» for nynorsk)."""
    try:
        lang = str(IncrementalPdfFileWriter(io.BytesIO(data), strict=False).root.get(
            "/Lang", ""))
    except (PyHankoPdfError, ValueError, KeyError, TypeError):
        lang = ""
    if lang.casefold().startswith(("nn", "no-nyn")):
        return in_nynorsk(REASON) or REASON
    return REASON


def _read_pdf(pdf: Path) -> bytes:
    if not pdf.is_file():
        raise SigningError(f"Finner ikke filen {pdf}.")
    data = pdf.read_bytes()
    if not data.lstrip()[:5] == b"%PDF-":
        raise SigningError(f"{pdf.name} er ikke en PDF-fil.")
    return data


def sign(pdf: Path, field: str, pkcs12: Path, passphrase: bytes | None, target: Path,
         reason: str | None = None, location: str | None = None,
         variable: str | None = None, other_signer: bool = False,
         moment: datetime | None = None) -> Path:
    """Sign one field with a PKCS#12 certificate (PAdES) and write ``target``.

    The certificate must name the person on the field's signature line
    (:func:`check_signer`; ``other_signer`` allows another, and the signature's reason
    says so). ``reason``: by default «Lederavtale signert» in the agreement's målform
    (:func:`reason_for`). The result must pass the full PDF/A check
    (:func:`generator.output.pdf.verify_bytes`, which also looks at annotation appearances
    and form resources); a file that does not is refused and nothing is written.
    """
    signer = load_signer(pkcs12, passphrase, variable)
    data = _read_pdf(pdf)
    reason = reason or reason_for(data)
    deviation = check_signer(pdf, field, signer, other_signer)
    if deviation:
        reason = f"{reason}. {deviation}"
    signed = sign_bytes(pdf, field, signer, reason, location, moment)
    report = pdfcheck.verify_bytes(signed, target)
    if not report.ok:
        raise SigningError(f"{target.name}: den signerte filen ville ikke være PDF/A-2b ("
                           + "; ".join(report.problems) + "); ingenting er skrevet.")
    write_atomic(target, signed)
    return target
