"""The build step: planned documents → DOCX, PDF/A with signature fields, archive
metadata and manifest, all staged first and moved into place only when complete.

A build holds a lock on its output folder, so two builds never mix files. Every
file is written to a staging folder and renamed into place: a crash or Ctrl-C
leaves either the old complete file or the new complete file, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import time as dt_time
from pathlib import Path

from . import manifest, pdf, toc
from .documents import Planned
from .model import Styringsdata
from .render import Template, TemplateError

Progress = Callable[[int, int, str], None]
STAGING_PREFIX = ".staging-"
FAST_CHUNK = 500  # documents per FastTemplate batch (the progress bar moves per batch)
PARALLEL_FROM = 64  # below this a second process costs more than it saves
LOCK_NAME = ".bygg.lock"


class BuildError(Exception):
    """The build could not finish; nothing was replaced. The message is bokmål."""


@dataclass
class Outcome:
    """What the build step did."""

    rendered: list[Planned] = field(default_factory=list)
    reused: list[Planned] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    pdf_note: str | None = None
    manifest: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)


@contextlib.contextmanager
def locked(folder: Path, wait_seconds: float = 600) -> Iterator[None]:
    """An exclusive lock on the output folder (a second build waits for the first)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: an exclusive create as the lock
        yield from _lock_by_create(path, wait_seconds)
        return
    with path.open("a+") as fh:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BuildError(f"en annen bygging bruker {folder} og ble ikke ferdig; "
                                     "prøv igjen senere.") from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _lock_by_create(path: Path, wait_seconds: float) -> Iterator[None]:  # pragma: no cover
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise BuildError(f"mappen er låst av en annen bygging ({path}).") from None
            time.sleep(0.1)
    try:
        yield
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)


def run(planned: list[Planned], templates: dict[str, Template], folder: Path,
        data: Styringsdata, *, want_pdf: bool, force: bool = False,
        progress: Progress | None = None) -> Outcome:
    """Render what changed, convert, add fields, write archive metadata and the manifest."""
    from . import archive_records

    outcome = Outcome()
    started = time.perf_counter()
    with locked(folder):
        for stale in folder.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a killed build
        old = manifest.read(folder)
        stage = folder / f"{STAGING_PREFIX}{os.getpid()}"
        stage.mkdir()
        try:
            entries, staged = _render(planned, templates, folder, stage, old, want_pdf, force,
                                      outcome, progress)
            outcome.timings["docx"] = time.perf_counter() - started
            if want_pdf:
                t = time.perf_counter()
                _pdfs(planned, outcome, stage, staged)
                outcome.timings["pdf"] = time.perf_counter() - t
            t = time.perf_counter()
            records = archive_records.stage(planned, data, stage, staged, folder, entries)
            outcome.timings["arkiv"] = time.perf_counter() - t
            _move_into_place(stage, folder, staged)
            for doc in outcome.rendered:
                entries[doc.filename]["outputs"] = {
                    key: _describe(folder, folder / rel)
                    for key, rel in staged[doc.filename].items()}
            new = {"product": "styring", "documents": entries, "archive": records}
            outcome.removed = _remove_stale(folder, old, entries, records)
            outcome.manifest = manifest.write(folder, new)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    outcome.files = sorted(folder / out["file"] for e in entries.values()
                           for out in e["outputs"].values())
    outcome.timings["total"] = time.perf_counter() - started
    return outcome


def _rel(doc: Planned, suffix: str = ".docx") -> str:
    return f"{doc.kind}/{doc.stem}{suffix}"


def _render(planned: list[Planned], templates: dict[str, Template], folder: Path, stage: Path,
            old: dict, want_pdf: bool, force: bool, outcome: Outcome,
            progress: Progress | None) -> tuple[dict, dict[str, dict[str, str]]]:
    """Decide per document: reuse (unchanged) or render into the stage."""
    entries: dict[str, dict] = {}
    staged: dict[str, dict[str, str]] = {}
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    todo: list[Planned] = []
    for doc in planned:
        tpl = templates[doc.template]
        key = manifest.data_hash(doc.context, tpl.sha256, "pdf" if want_pdf else "docx")
        previous = old["documents"].get(doc.filename)
        entry = {"kind": doc.kind, "title": doc.title, "sources": doc.sources,
                 "template": {"file": doc.template, "sha256": tpl.sha256},
                 "data_sha256": key, "restricted": doc.restricted, "variant": doc.variant}
        if not force and manifest.still_valid(folder, previous, key):
            entry["outputs"] = previous["outputs"]
            entry["built"] = previous.get("built", now)
            outcome.reused.append(doc)
        else:
            entry["built"] = now
            todo.append(doc)
        entries[doc.filename] = entry
    done = len(outcome.reused)
    for name, docs in _by_template(todo).items():
        for doc in docs:
            staged[doc.filename] = {"docx": _rel(doc)}
            (stage / _rel(doc)).parent.mkdir(parents=True, exist_ok=True)
        try:
            done = _render_batch(templates[name], docs, stage, done, len(planned), progress)
        except TemplateError as e:
            raise BuildError(str(e)) from None
        outcome.rendered += docs
    return entries, staged


def _properties(doc: Planned) -> dict:
    """Core properties, dated by the document's own date (so output is reproducible)."""
    stamp = datetime.combine(doc.context["dato"], dt_time(0), UTC)
    return {**doc.properties, "created": stamp, "modified": stamp}


def _by_template(docs: list[Planned]) -> dict[str, list[Planned]]:
    out: dict[str, list[Planned]] = {}
    for doc in docs:
        out.setdefault(doc.template, []).append(doc)
    return out


def _render_batch(tpl: Template, docs: list[Planned], stage: Path, done: int, total: int,
                  progress: Progress | None) -> int:
    """Charts go through docxtpl; plain documents through the compiled FastTemplate,
    on every core for large batches (output identical whatever the worker count)."""
    from .fastdocx import FastTemplate, write_many

    fast = None
    plain: list[Planned] = []
    for doc in docs:
        if doc.images is None:
            fast = fast or FastTemplate(tpl.data, name=tpl.name)
            if fast.supports(doc.context):
                plain.append(doc)
                continue
        (stage / _rel(doc)).write_bytes(tpl.render(doc.context, doc.images() if doc.images
                                                   else {}, _properties(doc)))
        done += 1
        if progress:
            progress(done, total, doc.filename)
    for start in range(0, len(plain), FAST_CHUNK):
        chunk = plain[start:start + FAST_CHUNK]
        workers = min(os.cpu_count() or 1, 2 if len(chunk) >= PARALLEL_FROM else 1)
        write_many(tpl.data, [(stage / _rel(d), d.context, _properties(d)) for d in chunk],
                   workers=workers, name=tpl.name)
        done += len(chunk)
        if progress:
            progress(done, total, chunk[-1].filename)
    return done


def _pdfs(planned: list[Planned], outcome: Outcome, stage: Path,
          staged: dict[str, dict[str, str]]) -> None:
    todo = list(outcome.rendered)
    if not todo:
        return
    from . import signing  # pyHanko is slow to import: only when there is work

    docx = [stage / staged[d.filename]["docx"] for d in todo]
    pdf_dir = stage / ".pdf"
    try:
        made = pdf.convert(docx, pdf_dir)
        # A table of contents gets its page numbers from the first layout, then once more.
        again = [d for d, p in zip(docx, made, strict=True)
                 if toc.has_toc(d.read_bytes()) and toc.page_numbers(d, p)]
        if again:
            pdf.convert(again, pdf_dir)
    except pdf.PdfError as e:
        raise BuildError(str(e)) from None
    problems = []
    for doc, path in zip(todo, made, strict=True):
        if doc.kind == "lederavtale":
            try:
                path.write_bytes(signing.add_signature_fields(path))
            except signing.SigningError as e:
                problems.append(str(e))
                continue
        report = pdf.verify(path, doc.properties.get("title"))
        if not report.ok:
            problems.append(f"{path.name}: " + "; ".join(report.problems))
            continue
        rel = _rel(doc, ".pdf")
        target = stage / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
        staged[doc.filename]["pdf"] = rel
    if problems:
        raise BuildError("PDF/A-kontrollen feilet: " + " | ".join(problems[:5]))


def _move_into_place(stage: Path, folder: Path, staged: dict[str, dict[str, str]]) -> None:
    for outputs in staged.values():
        for rel in outputs.values():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / rel, target)


def _describe(folder: Path, path: Path) -> dict:
    return {"file": path.relative_to(folder).as_posix(), "sha256": manifest.sha256(path),
            "size": path.stat().st_size}


def _remove_stale(folder: Path, old: dict, entries: dict, archive_files: list[str]
                  ) -> list[Path]:
    """Files the previous build made that this build no longer makes (e.g. a removed leader)."""
    keep = {out["file"] for e in entries.values() for out in e["outputs"].values()}
    keep.update(archive_files)
    before = [out["file"] for e in old["documents"].values() for out in e.get("outputs", {})
              .values()] + list(old.get("archive", []))
    removed = []
    for rel in before:
        path = folder / rel
        if rel not in keep and path.exists():
            path.unlink()
            removed.append(path)
    return removed
