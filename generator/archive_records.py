"""From planned documents to archive records: one registration per document, with
its files (PDF/A as arkivformat, DOCX as produksjonsformat, the public variant of a
screened lederavtale), a sidecar per registration, arkivmeldinger and a CSV list.
"""

from __future__ import annotations

from pathlib import Path

from . import archive, manifest
from .documents import Planned
from .documents.lederavtale import SKJERMINGSHJEMMEL
from .model import Styringsdata

ARCHIVE_DIR = "arkiv"
JOURNALPOSTTYPE = {
    "oppdragsbrev": "Organinternt dokument for oppfølging",
    "tertialrapport": "Organinternt dokument uten oppfølging",
    "utviklingsstrategi": "Organinternt dokument uten oppfølging",
    "lederavtale": "Organinternt dokument uten oppfølging",
}
DOKUMENTTYPE = {"oppdragsbrev": "Brev", "tertialrapport": "Rapport",
                "utviklingsstrategi": "Plan", "lederavtale": "Avtale"}
PUBLIC_SUFFIX = "-offentlig"


def _saksnr(data: Styringsdata, kind: str) -> tuple[int | None, int | None]:
    value = getattr(data.kommune, f"saksnr_{kind}s" if kind == "lederavtale"
                    else f"saksnr_{kind}", None)
    if not value:
        return None, None
    year, seq = value.split("/")
    return int(year), int(seq)


def _file(doc: Planned, key: str, stage: Path, staged: dict, folder: Path, entries: dict,
          variantformat: str, fmt: str) -> archive.ArchiveFile | None:
    if doc.filename in staged and key in staged[doc.filename]:
        rel = staged[doc.filename][key]
        path = stage / rel
        sha, size = manifest.sha256(path), path.stat().st_size
    else:
        entry = entries[doc.filename]
        out = entry.get("outputs", {}).get(key)
        if out is None or out.get("data_sha256", entry.get("data_sha256")) != entry.get(
                "data_sha256"):
            return None  # missing, or an older file kept by a build without PDF
        rel, sha, size = out["file"], out["sha256"], out["size"]
    return archive.ArchiveFile(path=folder / rel, variantformat=variantformat, format=fmt,
                               sha256=sha, size=size)


def records(planned: list[Planned], data: Styringsdata, stage: Path, staged: dict,
            folder: Path, entries: dict) -> list[archive.ArchiveRecord]:
    """One record per registration; a public variant joins its full document."""
    groups: dict[str, list[Planned]] = {}
    for doc in planned:
        groups.setdefault(doc.stem.removesuffix(PUBLIC_SUFFIX), []).append(doc)
    out = []
    k = data.kommune
    for stem, docs in groups.items():
        main = next(d for d in docs if not d.stem.endswith(PUBLIC_SUFFIX))
        files = []
        for d in docs:
            public = d is not main
            pdf_variant = ("Dokument hvor deler av innholdet er skjermet" if public
                           else "Arkivformat")
            for key, variant, fmt in (("pdf", pdf_variant, archive.PRONOM["pdfa2b"]),
                                      ("docx", "Produksjonsformat", archive.PRONOM["docx"])):
                if public and key == "docx":
                    continue  # the public variant is archived as PDF/A only
                f = _file(d, key, stage, staged, folder, entries, variant, fmt)
                if f is not None:
                    files.append(f)
        år, seq = _saksnr(data, main.kind)
        out.append(archive.ArchiveRecord(
            tittel=main.title, dokumentdato=main.context["dato"], kind=main.kind,
            saksår=år, sekvensnummer=seq, saksbehandler=k.saksbehandler,
            administrativ_enhet=k.administrativ_enhet,
            journalposttype=JOURNALPOSTTYPE[main.kind], dokumenttype=DOKUMENTTYPE[main.kind],
            tilknyttet_registrering_som="Hoveddokument",
            tilgangsrestriksjon="Unntatt offentlighet" if main.restricted else None,
            skjermingshjemmel=SKJERMINGSHJEMMEL if main.restricted else None,
            files=tuple(files), kommune=k.navn, referanse_ekstern=f"{k.år}-{stem}"))
    return out


def stage(planned: list[Planned], data: Styringsdata, stage_dir: Path, staged: dict,
          folder: Path, entries: dict) -> list[str]:
    """Write sidecars, arkivmeldinger and the CSV list into the stage; returns their paths."""
    recs = records(planned, data, stage_dir, staged, folder, entries)
    target = stage_dir / ARCHIVE_DIR
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for rec in recs:
        written.append(archive.write_sidecar(rec, target / f"{rec.referanse_ekstern}.json"))
    written += archive.write_arkivmeldinger(recs, target)
    written.append(archive.write_listing(recs, target / "arkivliste.csv"))
    rels = [p.relative_to(stage_dir).as_posix() for p in written]
    staged["__arkiv__"] = {f"arkiv:{i}": rel for i, rel in enumerate(rels)}
    return rels


def per_document(rels: list[str], planned: list[Planned]) -> dict[str, list[str]]:
    """The archive files (sidecar, arkivmelding) of each main document, by its file name:
    a build that leaves a document alone also leaves its archive files."""
    names = {Path(r).name: r for r in rels}
    out: dict[str, list[str]] = {}
    for doc in planned:
        if doc.stem.endswith(PUBLIC_SUFFIX):
            continue
        ref = f"{doc.context['dato'].year}-{doc.stem}"
        mine = [names[n] for n in (f"{ref}.json",
                                   f"arkivmelding-{archive.referanse_dokumentfil(ref)}.xml")
                if n in names]
        out[doc.filename] = mine
    return out
