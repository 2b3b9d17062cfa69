"""From planned documents to archive records: one registration per document, with
its files (PDF/A as arkivformat, DOCX as produksjonsformat, the public variant of a
screened lederavtale), a sidecar per registration, arkivmeldinger and a CSV list.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from ...documents import Planned
from ...model.styringsdata import Styringsdata
from ...texts import _
from .. import archive
from ..manifest import OutputRecord

ARCHIVE_DIR = "arkiv"
#: Tilgangsrestriksjon of a screened lederavtale: a personnel document («Personalsaker»);
#: the paragraph of offentleglova is its skjermingshjemmel.
TILGANGSRESTRIKSJON = "P"
SIGNED_SUFFIX = "-signert"
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
Notice = tuple[str, str]  # (file relative to the year folder, message in bokmål)


def _file(doc: Planned, key: str, folder: Path, output: Output, variantformat: str,
          fmt: str) -> archive.ArchiveFile | None:
    out = output(doc.filename, key)
    if out is None:
        return None  # missing, or an older file kept by a build without PDF
    return archive.ArchiveFile(path=folder / out.file, variantformat=variantformat, format=fmt,
                               sha256=out.sha256 or "", size=out.size or 0)


def records(planned: list[Planned], data: Styringsdata, folder: Path,
            output: Output) -> list[archive.ArchiveRecord]:
    """One record per registration; a public variant joins its full document."""
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
        out.append(archive.ArchiveRecord(
            tittel=main.title, dokumentdato=main.context["dato"], kind=main.kind,
            saksår=år, sekvensnummer=seq, saksbehandler=k.saksbehandler,
            administrativ_enhet=k.administrativ_enhet,
            journalposttype=facts.journalposttype, dokumenttype=facts.dokumenttype,
            tilknyttet_registrering_som="Hoveddokument",
            tilgangsrestriksjon=TILGANGSRESTRIKSJON if main.restricted else None,
            skjermingshjemmel=facts.skjermingshjemmel if main.restricted else None,
            files=tuple(signed_instead(files, folder)), kommune=k.navn,
            referanse_ekstern=f"{k.år}-{stem}", arkivdel=k.arkivdel,
            klassifikasjon=(archive.Klassifikasjon(k.ordningsprinsipp, k.ordningsverdi),),
            mappetittel=_(facts.mappetittel).format(år=main.context["dato"].year)))
    return out


def stage(planned: list[Planned], data: Styringsdata, stage_dir: Path, folder: Path,
          output: Output, others: Sequence[str] = ()) -> tuple[list[str], list[Notice]]:
    """Write sidecars, arkivmeldinger and the CSV list into the stage; returns their paths
    and notices.

    ``others`` are the archive files of documents this build leaves alone (other scopes, e.g.
    the tertialrapport of 1. tertial in a build of 2. tertial): their registrations stay in
    arkivliste.csv, read back from their sidecars as they are now (signed ones included)."""
    recs = records(planned, data, folder, output)
    kept, notes = _read_sidecars(folder, [r for r in others if r.endswith(".json")])
    target = stage_dir / ARCHIVE_DIR
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for rec in recs:
        written.append(archive.write_sidecar(rec, target / f"{rec.referanse_ekstern}.json"))
    # Always against the XSD: the schemas ship with the package, so a missing one is an
    # error, never a silently skipped check.
    written += archive.write_arkivmeldinger(recs, target, check=True)
    written.append(archive.write_listing([*recs, *kept], target / "arkivliste.csv"))
    return [p.relative_to(stage_dir).as_posix() for p in written], notes


def _read_sidecars(folder: Path, rels: Sequence[str]
                   ) -> tuple[list[archive.ArchiveRecord], list[Notice]]:
    """The records of earlier builds' sidecars, by reference; one that cannot be read is
    named in a notice (its registration is then missing from the list, not silently)."""
    out, notes = [], []
    for rel in rels:
        try:
            data = json.loads((folder / rel).read_text(encoding="utf-8"))
            out.append(archive.record_from_sidecar(data, folder))
        except FileNotFoundError:
            continue  # removed by a person: nothing to list
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            notes.append((rel, f"kan ikke leses ({type(e).__name__}); registreringen er ikke "
                          "med i arkivliste.csv. Bygg dokumentet på nytt for å få den med."))
    return sorted(out, key=lambda r: r.referanse_ekstern), notes


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
    signature. The build-side hook: the ownership check can replace this test."""
    candidate = pdf.with_name(pdf.stem + SIGNED_SUFFIX + pdf.suffix)
    return candidate if candidate.is_file() and has_signature(candidate) else None


def has_signature(pdf: Path) -> bool:
    """True when a signature field of the PDF holds a value."""
    import pikepdf

    try:
        with pikepdf.open(pdf) as doc:
            form = doc.Root.get("/AcroForm")
            return any(f.get("/FT") == "/Sig" and f.get("/V") is not None
                       for f in (form.get("/Fields", []) if form is not None else []))
    except (pikepdf.PdfError, OSError):
        return False


def signed_instead(files: list[archive.ArchiveFile], folder: Path
                   ) -> list[archive.ArchiveFile]:
    """Replace the unsigned arkivformat by its signed copy (variantformat S) when one exists,
    so the next build keeps describing the signed agreement."""
    out = []
    for f in files:
        signed = signed_copy(f.path) if archive.variantformat(f.variantformat)[0] == "A" else None
        out.append(signed_file(signed) if signed else f)
    return out


def signed_file(path: Path) -> archive.ArchiveFile:
    """A signed PDF/A-2b as the registration's «Digitalt signert dokument»."""
    return archive.ArchiveFile.from_path(path, archive.SIGNERT, archive.PRONOM["pdfa2b"])


def archive_signed(source: Path, signed: Path) -> Path | None:
    """After signing: point the archive record of ``source`` at ``signed``.

    Looks for the sidecar in ``<år>/arkiv/`` (the year folder two levels above the PDF) whose
    arkivformat or signed variant is ``source``, replaces that file by ``signed`` (variantformat
    S, its own SHA-256 and size) and rewrites the sidecar, the arkivmelding and the record's
    rows in arkivliste.csv. Returns the sidecar, or None when the PDF is not from a build.
    """
    folder = source.resolve().parent.parent / ARCHIVE_DIR
    year = folder.parent
    if not folder.is_dir():
        return None
    for sidecar in sorted(folder.glob("*.json")):
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            record = archive.record_from_sidecar(data, year)
        except (ValueError, KeyError, TypeError):
            continue
        names = {f.path.name for f in record.files
                 if archive.variantformat(f.variantformat)[0] in ("A", archive.SIGNERT)}
        if source.name not in names:
            continue
        files = tuple(signed_file(signed) if f.path.name in names else f for f in record.files)
        from dataclasses import replace

        record = replace(record, files=files)
        archive.write_sidecar(record, sidecar)
        archive.write_arkivmeldinger([record], folder)
        archive.update_listing(folder / "arkivliste.csv", record)
        return sidecar
    return None
