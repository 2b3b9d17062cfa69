"""From planned documents to archive records: one registration per document, with
its files (PDF/A as arkivformat, DOCX as produksjonsformat, the public variant of a
screened lederavtale), a sidecar per registration, arkivmeldinger and a CSV list.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ... import lazy
from ...documents import Planned
from ...files import sha256_file
from ...model.styringsdata import Styringsdata
from ...texts import _
from .. import archive, fastpath, manifest
from ..manifest import OutputRecord
from ..signatures import Signed, copy_of, inspect_copy

if TYPE_CHECKING:
    import pikepdf
else:
    pikepdf = lazy.module("pikepdf")  # loaded when a PDF is first touched

ARCHIVE_DIR = "arkiv"
#: Tilgangsrestriksjon of a screened lederavtale: a personnel document («Personalsaker»);
#: the paragraph of offentleglova is its skjermingshjemmel.
TILGANGSRESTRIKSJON = "P"
SIGNED_SUFFIX = "-signert"  # as signatures.SIGNED_SUFFIX
PUBLIC_SUFFIX = "-offentlig"  # bokmål; public_suffix() is the one in the målform


def public_suffix() -> str:
    """The public variant's file name suffix in the målform (documents/lederavtale.py)."""
    from ...documents.common import slug

    return "-" + slug(_("offentlig"))


def _saksnr(value: str | None) -> tuple[int | None, int | None]:
    if not value:
        return None, None
    year, seq = value.split("/")
    return int(year), int(seq)


#: The current file of a document by its file name and output key (``docx``, ``pdf``):
#: staged by this build or kept from an earlier one; None when there is none.
Output = Callable[[str, str], OutputRecord | None]
#: The signed copy of a document by its file name, as the build found it (or None).
SignedOf = Callable[[str], Signed | None]
Notice = tuple[str, str]  # (file relative to the year folder, message in bokmål)


def _file(doc: Planned, key: str, folder: Path, output: Output, variantformat: str,
          fmt: str) -> archive.ArchiveFile | None:
    out = output(doc.filename, key)
    if out is None:
        return None  # missing, or an older file kept by a build without PDF
    return archive.ArchiveFile(path=folder / out.file, variantformat=variantformat, format=fmt,
                               sha256=out.sha256 or "", size=out.size or 0)


def _no_copy(_filename: str) -> Signed | None:
    return None


def records(planned: list[Planned], data: Styringsdata, folder: Path,
            output: Output, signed: SignedOf = _no_copy) -> list[archive.ArchiveRecord]:
    """One record per registration; a public variant joins its full document. A document
    with signature fields is filed signed only when its signed copy is complete and made
    from the current data (:func:`with_signature`)."""
    groups: dict[str, list[Planned]] = {}
    for doc in planned:
        groups.setdefault(doc.stem.removesuffix(public_suffix()), []).append(doc)
    out = []
    k = data.kommune
    for stem, docs in groups.items():
        main = next(d for d in docs if not d.stem.endswith(public_suffix()))
        facts = main.facts
        if facts is None:
            continue
        files = []
        for d in docs:
            public = d is not main
            pdf_variant = ("Dokument hvor deler av innholdet er skjermet" if public
                           else "Arkivformat")
            for key, variant, fmt in (("pdf", pdf_variant, archive.PRONOM["pdfa2b"]),
                                      ("docx", "Produksjonsformat", archive.PRONOM["docx"])):
                if public and key == "docx":
                    continue  # the public variant is archived as PDF/A only
                f = _file(d, key, folder, output, variant, fmt)
                if f is not None:
                    files.append(f)
        år, seq = _saksnr(facts.saksnr(k))
        record = archive.ArchiveRecord(
            tittel=main.title, dokumentdato=main.context["dato"], kind=main.kind,
            saksår=år, sekvensnummer=seq, saksbehandler=k.saksbehandler,
            administrativ_enhet=k.administrativ_enhet,
            journalposttype=facts.journalposttype, dokumenttype=facts.dokumenttype,
            tilknyttet_registrering_som="Hoveddokument",
            tilgangsrestriksjon=TILGANGSRESTRIKSJON if main.restricted else None,
            skjermingshjemmel=facts.skjermingshjemmel if main.restricted else None,
            files=tuple(files), kommune=k.navn,
            referanse_ekstern=f"{k.år}-{stem}", arkivdel=k.arkivdel,
            klassifikasjon=(archive.Klassifikasjon(k.ordningsprinsipp, k.ordningsverdi),),
            mappetittel=_(facts.mappetittel).format(år=main.context["dato"].year))
        if facts.signaturfelt:
            record = with_signature(record, signed(main.filename), folder)
        out.append(record)
    return out


#: A document of another scope with signature fields, by its sidecar's path: its signed
#: file as the build reads it now (None: nobody has signed) and its PDF as the manifest
#: describes it (None: none made from its current data).
Carried = Mapping[str, tuple[Signed | None, OutputRecord | None]]


def stage(planned: list[Planned], data: Styringsdata, stage_dir: Path, folder: Path,
          output: Output, others: Sequence[str] = (), signed: SignedOf = _no_copy,
          carried: Carried | None = None) -> tuple[list[str], list[Notice]]:
    """Write sidecars, arkivmeldinger and the CSV list into the stage; returns their paths
    and notices.

    ``others`` are the archive files of documents this build leaves alone (other scopes, e.g.
    the tertialrapport of 1. tertial in a build of 2. tertial): their registrations stay in
    arkivliste.csv, read back from their sidecars as they are now (signed ones included).
    Those in ``carried`` (agreements with signature fields) are brought up to their
    signature state now (:func:`refreshed`): when it differs from what their sidecar says,
    their sidecar and arkivmelding are written again too (staged under the same names);
    otherwise they are left as they are."""
    recs = records(planned, data, folder, output, signed)
    kept, notes = _read_sidecars(folder, [r for r in others if r.endswith(".json")])
    target = stage_dir / ARCHIVE_DIR
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for rec in recs:
        written.append(archive.write_sidecar(rec, target / f"{rec.referanse_ekstern}.json"))
    listed, changed = [], []
    for rel, rec in kept:
        if carried and rel in carried:
            new = refreshed(rec, *carried[rel], folder)
            if new is not None:
                written.append(archive.write_sidecar(new, target / Path(rel).name))
                changed.append(new)
                rec = new
        listed.append(rec)
    # Always against the XSD: the schemas ship with the package, so a missing one is an
    # error, never a silently skipped check.
    written += archive.write_arkivmeldinger([*recs, *changed], target, check=True)
    written.append(archive.write_listing([*recs, *listed], target / "arkivliste.csv"))
    return [p.relative_to(stage_dir).as_posix() for p in written], notes


def refreshed(record: archive.ArchiveRecord, signed: Signed | None, pdf: OutputRecord | None,
              folder: Path) -> archive.ArchiveRecord | None:
    """The record of an agreement a build leaves alone (another scope), as its signatures
    make it now; None when that is what its sidecar already says (nothing to write).

    The same record the agreement gets in a build of its own scope: its PDF as the manifest
    describes it (``pdf``; the unsigned «A»), then :func:`with_signature` with the signed
    file the build read. So a copy signed since, or a PDF signed in place, is filed as
    signed; a signed copy removed or no longer valid goes back to the PDF, under redigering."""
    now = record
    if pdf is not None:
        unsigned = archive.ArchiveFile(path=folder / pdf.file, variantformat="Arkivformat",
                                       format=archive.PRONOM["pdfa2b"],
                                       sha256=pdf.sha256 or "", size=pdf.size or 0)
        now = replace(record, files=tuple(
            unsigned if archive.variantformat(f.variantformat)[0] in ("A", archive.SIGNERT)
            else f for f in record.files))
    new = with_signature(now, signed, folder)
    try:
        return None if archive.sidecar(new) == archive.sidecar(record) else new
    except archive.ArchiveError:
        return None  # a sidecar a person changed into a wrong record: left as it is


def _read_sidecars(folder: Path, rels: Sequence[str]
                   ) -> tuple[list[tuple[str, archive.ArchiveRecord]], list[Notice]]:
    """The records of earlier builds' sidecars, with their paths, by reference; one that
    cannot be read is named in a notice (its registration is then missing from the list,
    not silently)."""
    out, notes = [], []
    for rel in rels:
        try:
            data = json.loads((folder / rel).read_text(encoding="utf-8"))
            out.append((rel, archive.record_from_sidecar(data, folder)))
        except FileNotFoundError:
            continue  # removed by a person: nothing to list
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            notes.append((rel, f"kan ikke leses ({type(e).__name__}); registreringen er ikke "
                          "med i arkivliste.csv. Bygg dokumentet på nytt for å få den med."))
    return sorted(out, key=lambda r: r[1].referanse_ekstern), notes


def per_document(rels: list[str], planned: list[Planned]) -> dict[str, list[str]]:
    """The archive files (sidecar, arkivmelding) of each main document, by its file name:
    a build that leaves a document alone also leaves its archive files."""
    names = {Path(r).name: r for r in rels}
    out: dict[str, list[str]] = {}
    for doc in planned:
        if doc.stem.endswith(public_suffix()):
            continue
        ref = f"{doc.context['dato'].year}-{doc.stem}"
        mine = [names[n] for n in (f"{ref}.json",
                                   f"arkivmelding-{archive.referanse_dokumentfil(ref)}.xml")
                if n in names]
        out[doc.filename] = mine
    return out


# --- signed versions ----------------------------------------------------------------------------


def signed_copy(pdf: Path) -> Path | None:
    """The signed version of a PDF next to it (``<navn>-signert.pdf``) if it holds a
    signature (complete or not; see :func:`generator.output.signatures.inspect_copy`)."""
    candidate = pdf.with_name(pdf.stem + SIGNED_SUFFIX + pdf.suffix)
    return candidate if candidate.is_file() and has_signature(candidate) else None


def has_signature(pdf: Path) -> bool:
    """True when a signature field of the PDF holds a value."""
    try:
        with pikepdf.open(pdf) as doc:
            form = doc.Root.get("/AcroForm")
            return any(f.get("/FT") == "/Sig" and f.get("/V") is not None
                       for f in (form.get("/Fields", []) if form is not None else []))
    except (pikepdf.PdfError, OSError):
        return False


def signed_file(path: Path) -> archive.ArchiveFile:
    """A signed PDF/A-2b as the registration's «Digitalt signert dokument»."""
    return archive.ArchiveFile.from_path(path, archive.SIGNERT, archive.PRONOM["pdfa2b"])


def with_signature(record: archive.ArchiveRecord, signed: Signed | None, folder: Path,
                   unsigned: archive.ArchiveFile | None = None) -> archive.ArchiveRecord:
    """The record of a document with signature fields, as its signatures make it.

    Filed as «S» (the signed copy, its own SHA-256 and size) with dokumentstatus F only
    when every field is signed, every signature validates and the copy was made from the
    current data; until then the unsigned PDF/A («A», ``unsigned`` when the record holds
    the signed copy) with dokumentstatus B (under redigering). A field signed by another
    person than the one on its line is stated as a merknad.

    The signed file may be the PDF itself, signed in place: then the file the record names
    is described as it is now (its own checksum and size, also while only one has signed),
    never by the checksum of the unsigned bytes that are no longer there."""
    complete = signed is not None and signed.current and signed.state.complete
    files = []
    for f in record.files:
        code = archive.variantformat(f.variantformat)[0]
        if code in ("A", archive.SIGNERT):
            if complete and signed is not None:
                f = signed_file(folder / signed.rel)
            else:
                if code == archive.SIGNERT and unsigned is not None:
                    f = unsigned
                if signed is not None and f.path == folder / signed.rel and f.path.is_file():
                    f = archive.ArchiveFile.from_path(f.path, f.variantformat, f.format)
        files.append(f)
    notes = signed.state.notes() if signed is not None and signed.current else ()
    return replace(record, files=tuple(files), dokumentstatus="F" if complete else "B",
                   merknader=notes)


@dataclass(frozen=True)
class AfterSigning:
    """What ``styring sign`` did to the archive record: the copy as it is now, and the
    sidecar it rewrote (None when the PDF is not in a year folder of a build)."""

    signed: Signed
    sidecar: Path | None


def archive_signed(source: Path, signed: Path) -> AfterSigning | None:
    """After signing: bring the year folder's bookkeeping up to date with ``signed``.

    ``signed`` is the copy ``<år>/<type>/<navn>-signert.pdf`` of the built PDF
    ``<navn>.pdf``, or that PDF itself when it was signed in place (``--ut`` the same file).
    Its signatures are read (:func:`generator.output.signatures.inspect_copy`,
    the same reading as the build's), the record is rewritten by :func:`with_signature`
    (sidecar, arkivmelding and the record's rows in arkivliste.csv), and the manifest gets
    the new checksums of those files and the copy's record, so the next build takes them
    as its own (no ``-ny`` copies, no notices). The caller holds the folder's lock
    (:func:`year_lock`). Returns None when ``signed`` is not a copy in a build's folder.
    """
    signed = signed.resolve()
    year = signed.parent.parent
    if signed.suffix != ".pdf" or not (
            (year / manifest.FILENAME).is_file() or (year / ARCHIVE_DIR).is_dir()):
        return None
    pdf_rel = f"{signed.parent.name}/{signed.name.removesuffix(SIGNED_SUFFIX + '.pdf')}"
    pdf_rel = pdf_rel if pdf_rel.endswith(".pdf") else pdf_rel + ".pdf"  # signed in place
    if signed.relative_to(year).as_posix() not in (copy_of(pdf_rel), pdf_rel):
        return None
    built = manifest.load(year)
    entry = next((e for e in built.documents.values()
                  if (out := e.outputs.get("pdf")) is not None and out.file == pdf_rel), None)
    if entry is None:
        copy = inspect_copy(year, pdf_rel, "")
    else:
        previous = entry.outputs["pdf"]
        copy = inspect_copy(year, pdf_rel, entry.data_sha256, entry.signed,
                             replace(previous, data_sha256=previous.data_sha256
                                     or entry.data_sha256))
    if copy is None:
        return None
    sidecar, record = _sidecar_of(year, {Path(pdf_rel).name, signed.name})
    written: list[Path] = []
    if sidecar is not None and record is not None:
        unsigned_path = year / pdf_rel
        unsigned = (archive.ArchiveFile.from_path(unsigned_path, "Arkivformat",
                                                  archive.PRONOM["pdfa2b"])
                    if unsigned_path.is_file() else None)
        record = with_signature(record, copy, year, unsigned)
        folder = year / ARCHIVE_DIR
        written.append(archive.write_sidecar(record, sidecar))
        written += archive.write_arkivmeldinger([record], folder)
        written.append(archive.update_listing(folder / "arkivliste.csv", record))
    if entry is not None:
        entry.signed = copy.base
    for path in written:
        rel = path.relative_to(year).as_posix()
        if rel in built.archive:
            built.archive_sha[rel] = sha256_file(path)
    if entry is not None or written:
        fastpath.forget(year)  # the next build looks again (and updates the overview)
        if manifest.foreign(year) is None and manifest.damage(year / manifest.FILENAME)[1] \
                is None:  # a person's file or a damaged manifest: the next build sees to it
            manifest.write(year, built.to_json())
    return AfterSigning(copy, sidecar)


def _sidecar_of(year: Path, names: set[str]
                ) -> tuple[Path | None, archive.ArchiveRecord | None]:
    """The sidecar in ``<år>/arkiv/`` whose arkivformat or signed variant is one of ``names``."""
    folder = year / ARCHIVE_DIR
    for sidecar in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            record = archive.record_from_sidecar(data, year)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        if any(f.path.name in names for f in record.files
               if archive.variantformat(f.variantformat)[0] in ("A", archive.SIGNERT)):
            return sidecar, record
    return None, None


def year_lock(pdf: Path) -> AbstractContextManager[None]:
    """The build lock of the year folder a PDF is in (``<år>/<type>/<navn>.pdf``), so that
    signing and a build never write the bookkeeping at the same time; a no-op elsewhere."""
    year = pdf.resolve().parent.parent
    if not (year / manifest.FILENAME).is_file():
        return nullcontext()
    from ..stage import locked  # here: stage imports this module

    return locked(year)
