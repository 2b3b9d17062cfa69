"""Who has signed an agreement: the state of each signature field of its signed file (the
signed copy ``…-signert.pdf``, or the built PDF when a person signed it in place).

A lederavtale has two signature fields («NaermesteOverordnedeLeder» and «Leder»), each over
a line with the name of the person who is to sign there. An agreement is *signed* only when
every field holds a signature that is intact and cryptographically valid; with one of two it
is *partly signed* («delvis signert»). The build, ``styring sign``, the archive record and
the overview all find the signed file with :func:`inspect_copy` and read it with
:func:`read_state`, so they never disagree.

The types here are light (the overview uses them); reading a PDF imports pyHanko and
PDFium only when asked.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..norsk import dato
from ..texts import N_, _
from .manifest import OutputRecord
from .ownership import is_signed

#: (field name, label printed under the line), left to right as in the template.
FIELDS = (("NaermesteOverordnedeLeder", "Nærmeste overordnede leder"), ("Leder", "Leder"))
LABELS = dict(FIELDS)
OSLO = ZoneInfo("Europe/Oslo")
#: The archive record's note on a field signed by someone else than the name on its line
OTHER_SIGNER = N_("Feltet «{felt}» er signert av {signer}, mens signaturlinjen har navnet "
                  "{navn} (signert med --annen-signerer).")
NAME_BELOW = 40.0  # points below a signature line where the signer's name is looked for
FIELD_HEIGHT = 42.0  # points above the line: the height of an empty signature field


@dataclass(frozen=True)
class FieldSignature:
    """One signature field: whose name is on its line, and who signed it (if anyone)."""

    field: str
    line_name: str = ""  # the name printed under the line ("" when none is found)
    signer: str | None = None  # the certificate's name; None while the field is empty
    when: datetime | None = None  # the signing time the signature states
    valid: bool = False  # intact and cryptographically valid (trust in the issuer aside)

    @property
    def label(self) -> str:
        return LABELS.get(self.field, self.field)

    @property
    def signed(self) -> bool:
        return self.signer is not None

    @property
    def other_name(self) -> bool:
        """Signed with a certificate whose name differs from the name on the line."""
        return (self.signer is not None and bool(self.line_name)
                and not same_person(self.signer, self.line_name))

    def who(self) -> str:
        """«Geir Andreassen (Leder)»: the person expected to sign here, and the role."""
        return f"{self.line_name} ({self.label})" if self.line_name else self.label


@dataclass(frozen=True)
class SignatureState:
    """Every signature field of one PDF."""

    fields: tuple[FieldSignature, ...] = ()

    @property
    def complete(self) -> bool:
        """Every field is signed and every signature validates."""
        return bool(self.fields) and all(f.signed and f.valid for f in self.fields)

    @property
    def partial(self) -> bool:
        """Some, not all, fields hold a valid signature («delvis signert»)."""
        return not self.complete and any(f.signed and f.valid for f in self.fields)

    @property
    def invalid(self) -> tuple[FieldSignature, ...]:
        """Fields whose signature does not validate (the file was changed after signing)."""
        return tuple(f for f in self.fields if f.signed and not f.valid)

    @property
    def signed(self) -> tuple[FieldSignature, ...]:
        return tuple(f for f in self.fields if f.signed and f.valid)

    @property
    def missing(self) -> tuple[FieldSignature, ...]:
        return tuple(f for f in self.fields if not (f.signed and f.valid))

    def summary(self) -> str:
        """«signert av A (Nærmeste overordnede leder); mangler B (Leder)», in bokmål."""
        parts = []
        if self.signed:
            parts.append("signert av " + ", ".join(
                f"{f.signer} ({f.label})" for f in self.signed))
        if self.invalid:
            parts.append("ugyldig signatur: " + ", ".join(f.who() for f in self.invalid))
        unsigned = [f for f in self.fields if not f.signed]
        if unsigned:
            parts.append("mangler " + ", ".join(f.who() for f in unsigned))
        return "; ".join(parts)

    def notes(self) -> tuple[str, ...]:
        """What the archive record must say about the signatures: a field signed by another
        person than the one on its line (allowed only with ``--annen-signerer``)."""
        return tuple(_(OTHER_SIGNER).format(felt=_(f.label), signer=f.signer, navn=f.line_name)
                     for f in self.fields if f.other_name)

    @property
    def status(self) -> str:
        """«signert», «delvis signert» or «ikke signert»."""
        return "signert" if self.complete else "delvis signert" if self.partial else (
            "ikke signert")


#: Letters a certificate may spell without their marks (Sámi and Norwegian letters that
#: Unicode does not decompose), and the two-letter spellings of æ, ø and å.
_PLAIN = str.maketrans({"đ": "d", "ŋ": "n", "ŧ": "t", "ø": "o", "æ": "ae", "ß": "ss"})
_DIGRAPHS = (("aa", "a"), ("oe", "o"))


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_PLAIN)
    for two, one in _DIGRAPHS:
        text = text.replace(two, one)
    return sorted(w for w in re.split(r"[\s,.\-]+", text) if w)


def same_person(certificate_name: str, line_name: str) -> bool:
    """The certificate names the person on the line: the same words in any order
    («Andreassen, Geir» is «Geir Andreassen»), case, hyphens, commas and diacritics aside
    (a certificate may write «Anne Risten Duolja» for «Ánne Risten Đuolja»)."""
    return bool(_words(line_name)) and _words(certificate_name) == _words(line_name)


def stamp_time(moment: datetime) -> str:
    """The signing time as the stamp shows it, in Norwegian time (Europe/Oslo, summer time
    included): «6. desember 2026 kl. 08.33»."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(OSLO)
    return f"{dato(local)} kl. {local:%H.%M}"


@dataclass(frozen=True)
class Line:
    page: int
    x1: float
    x2: float
    y: float  # PDF coordinates (from the bottom)


def signature_lines(pdf: Path) -> list[Line]:
    """The underscore lines of the signature block, left to right (found with PDFium)."""
    import pypdfium2 as pdfium  # deferred: the types here stay light (see above)

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
            # the two signature lines stand side by side on one row; a line elsewhere
            # («Sted og dato: ____», a form in the municipality's own text) is not one
            rows: dict[int, list[Line]] = {}
            for ln in lines:
                rows.setdefault(round(ln.y), []).append(ln)
            pairs = [row for row in rows.values() if len(row) >= 2]
            if pairs:
                return sorted(pairs[-1], key=lambda ln: ln.x1)[:2]
        return []
    finally:
        doc.close()


def line_names(pdf: Path) -> dict[str, str]:
    """The name printed under each signature line, by field name (left to right as in
    :data:`FIELDS`); a line without a name below it gives ""."""
    import pypdfium2 as pdfium  # deferred: the types here stay light (see above)

    lines = signature_lines(pdf)
    if len(lines) != len(FIELDS):
        return {}
    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = {}
        for (field, _label), line in zip(FIELDS, lines, strict=True):
            textpage = doc[line.page].get_textpage()
            out[field] = _first_row_below(textpage, line.x1, line.x2, line.y)
        return out
    finally:
        doc.close()


def _first_row_below(textpage: object, x1: float, x2: float, y: float) -> str:
    """The text of the first row of characters under a line, within its width."""
    chars = []
    count = textpage.count_chars()  # type: ignore[attr-defined]
    for i in range(count):
        left, bottom, right, top = textpage.get_charbox(i)  # type: ignore[attr-defined]
        if x1 - 1 <= (left + right) / 2 <= x2 + 1 and y - NAME_BELOW <= bottom and top < y:
            char = textpage.get_text_range(i, 1)  # type: ignore[attr-defined]
            if char not in ("_", "\r", "\n"):
                chars.append((i, bottom, top, char))
    letters = [c for c in chars if not c[3].isspace()]
    if not letters:
        return ""
    _x, low, high, _c = max(letters, key=lambda c: c[2])  # the topmost letter
    row = [c for c in chars if c[1] <= high and c[2] >= low]  # overlapping it, text order
    return " ".join("".join(c[3] for c in row).split())


def read_state(pdf: Path) -> SignatureState:
    """The signature fields of a PDF (names on the lines, who signed, valid or not).

    A signature is valid when pyHanko finds it intact and its cryptography sound; trust in
    the certificate's issuer is not required (a municipality's own or a self-signed
    certificate is allowed). A file pyHanko cannot read gives a state with no fields."""
    # deferred: pyHanko (¾ s) only when a signed copy is read; the overview uses the types
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields as sig_fields

    try:
        names = line_names(pdf)
    except Exception:  # PDFium refuses the file: no names to compare
        names = {}
    try:
        with pdf.open("rb") as fh:
            reader = PdfFileReader(fh, strict=False)
            present = [name for name, _value, _ref in sig_fields.enumerate_sig_fields(reader)]
            embedded = {s.field_name: s for s in reader.embedded_signatures}
            out = []
            order = [f for f, _label in FIELDS if f in present] + [
                f for f in present if f not in LABELS]
            for field in order:
                sig = embedded.get(field)
                if sig is None:
                    out.append(FieldSignature(field, names.get(field, "")))
                    continue
                out.append(FieldSignature(field, names.get(field, ""), _signer_name(sig),
                                          sig.self_reported_timestamp, _valid(sig)))
            return SignatureState(tuple(out))
    except (OSError, PdfError, ValueError, KeyError, TypeError):
        return SignatureState()


def certificate_name(cert: object) -> str:
    """The person a certificate is issued to: its common name (else the whole subject)."""
    subject = cert.subject  # type: ignore[attr-defined]
    name = subject.native.get("common_name")
    if isinstance(name, list):
        name = " ".join(name)
    return str(name) if name else str(subject.human_friendly)


def _signer_name(sig: object) -> str:
    return certificate_name(sig.signer_cert)  # type: ignore[attr-defined]


def _valid(sig: object) -> bool:
    from pyhanko.sign.validation import validate_pdf_signature  # deferred: pyHanko, as above
    from pyhanko_certvalidator import ValidationContext

    try:
        status = validate_pdf_signature(sig, ValidationContext(allow_fetching=False))  # type: ignore[arg-type]
    except Exception:  # a broken signature container: not valid
        return False
    return bool(status.intact and status.valid)


# --- a signed copy beside a built PDF ------------------------------------------------------------

SIGNED_SUFFIX = "-signert"


def copy_of(pdf_rel: str) -> str:
    """The signed copy's path for a PDF: ``lederavtale/x.pdf`` → ``lederavtale/x-signert.pdf``."""
    return pdf_rel.removesuffix(".pdf") + SIGNED_SUFFIX + ".pdf"


@dataclass(frozen=True)
class Signed:
    """The signed file of a document's PDF as a build (or ``styring sign``) finds it: the
    signed copy, or the PDF itself signed in place.

    ``base`` is what the manifest keeps about it: the copy's path, the SHA-256 and size of
    the unsigned PDF it was signed from (the copy begins with exactly those bytes: signing
    only appends) and the data hash that PDF was made from. ``current``: made from the data
    the document has now; when the data changed, the copy describes the old data."""

    rel: str
    state: SignatureState
    current: bool
    base: OutputRecord


def inspect_copy(folder: Path, pdf_rel: str, data_sha256: str,
                 *bases: OutputRecord | None, home: str | None = None) -> Signed | None:
    """The signed file of the PDF ``folder/pdf_rel`` (None while no one has signed).

    The one reading of an agreement's signatures: the build, ``styring sign``, the archive
    record and the overview all take it from here. The signed file is the signed copy
    (``…-signert.pdf``), else the PDF itself when a person signed it where it lies (opened
    it in Acrobat Reader, signed and saved over it). ``home``: the document's own PDF name
    when ``pdf_rel`` is a new version the build wrote beside it (``x-ny.pdf`` beside an
    ``x.pdf`` signed in place): then that one's copy, and that one itself, are looked at
    next (signed on the data of an earlier build, as a rule).

    ``bases`` are what the signed file may have been signed from, tried in order (the
    manifest's record of the signed file, then the PDF the previous build made); the first
    whose bytes begin the file tells which data it describes. When none does (signed by
    another program that rewrote the file, or from an older PDF), an earlier such
    assumption stands, else the file is taken to describe the data of the last PDF made
    (the last base)."""
    def signed(rel: str) -> bool:
        path = folder / rel
        return not path.is_symlink() and path.is_file() and is_signed(path)

    places = [copy_of(pdf_rel), pdf_rel]
    if home and home != pdf_rel:
        places += [copy_of(home), home]
    rel = next((r for r in places if signed(r)), None)
    if rel is None:
        return None
    path = folder / rel
    known = [b for b in bases if b is not None]
    found: OutputRecord | None = None
    size = path.stat().st_size
    for base in known:
        if base.sha256 and base.size is not None and base.size <= size \
                and _prefix_sha256(path, base.size) == base.sha256:
            found = OutputRecord(rel, base.sha256, base.size, base.data_sha256 or data_sha256)
            break
    if found is None:
        assumed = next((b for b in known if b.size is None and b.data_sha256), None)
        data = (assumed or (known[-1] if known else None))
        found = OutputRecord(rel, None, None, (data.data_sha256 if data else None)
                             or data_sha256)
    return Signed(rel, read_state(path), found.data_sha256 == data_sha256, found)


def _prefix_sha256(path: Path, size: int) -> str:
    digest = hashlib.sha256()
    left = size
    with path.open("rb") as fh:
        while left > 0:
            block = fh.read(min(left, 1 << 20))
            if not block:
                break
            digest.update(block)
            left -= len(block)
    return digest.hexdigest()


def summary_lines(signatures: dict[str, Signed | None], titles: dict[str, str]
                  ) -> list[tuple[str, str]]:
    """What a build says about the agreements' signatures, as (heading, text) lines for the
    command line and the Logg sheet: the counts, then each agreement that is partly signed
    (who has signed, who is missing) or signed on old data. Nothing while no one has signed.
    """
    copies = [c for c in signatures.values() if c is not None]
    if not copies:
        return []
    full = sum(1 for c in copies if c.current and c.state.complete)
    partial = [(n, c) for n, c in signatures.items()
               if c is not None and c.current and not c.state.complete]
    old = [(n, c) for n, c in signatures.items() if c is not None and not c.current]
    unsigned = len(signatures) - full - len(partial) - len(old)
    counts = [f"{full} signert", f"{len(partial)} delvis signert", f"{unsigned} ikke signert"]
    if old:
        counts.append(f"{len(old)} signert på gamle data")
    lines = [("signering", ", ".join(counts))]
    lines += [("delvis signert", f"{titles.get(n, n)}: {c.state.summary()}")
              for n, c in partial]
    lines += [("må signeres på nytt", f"{titles.get(n, n)}: {Path(c.rel).name} beskriver de "
               "gamle dataene") for n, c in old]
    return lines
