"""The build step: planned documents → DOCX, PDF/A with signature fields, archive
metadata and manifest, all staged first and moved into place only when complete.

A build holds a lock on its output folder, so two builds never mix files. Every
file is written to a staging folder and renamed into place: a crash or Ctrl-C
leaves either the old complete file or the new complete file, never half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from datetime import time as dt_time
from pathlib import Path

from .. import __version__
from ..documents import Planned
from ..files import sha256_file
from ..model.styringsdata import Styringsdata
from ..rendering import toc
from ..rendering.template import Template, TemplateError
from . import commit, fastpath, manifest, ownership, pdf
from .delivery.plan import Delivery

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
    kept: list[Path] = field(default_factory=list)  # changed by a person: left as they are
    beside: list[Path] = field(default_factory=list)  # new versions written beside kept files
    backed_up: list[Path] = field(default_factory=list)  # moved to the backup folder (--force)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (file, bokmål message)
    kept_rels: set[str] = field(default_factory=set)
    pdf_note: str | None = None
    manifest: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)
    overview: Path | None = None  # oversikt.html (or its -ny version beside a person's copy)


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


Notice = tuple[str, str]  # (file relative to the year folder, message in bokmål)


def run(planned: list[Planned], templates: dict[str, Template], folder: Path,
        data: Styringsdata, *, want_pdf: bool, force: bool = False,
        progress: Progress | None = None, scopes: dict[str, str] | None = None,
        fingerprint: dict | None = None, delivery: Delivery | None = None,
        workbook_notices: Sequence[Notice] = ()) -> Outcome:
    """Render what changed, convert, add fields, write archive metadata and the manifest.

    Only files the product wrote and nobody changed are replaced or removed (see
    :mod:`generator.output.ownership`). ``scopes`` maps each kind this build makes to its scope
    (``tertialrapport:2``); documents of other scopes stay as they are, in the folder and
    in the manifest. ``delivery`` (e-mail drafts, calendars) is made from the rendered
    documents and kept by the same rules.
    """
    from .archive import records as archive_records

    outcome = Outcome()
    delivery = delivery or Delivery()
    started = time.perf_counter()
    scopes = scopes or {doc.kind: doc.kind for doc in planned}
    planned = _unique(planned)
    with locked(folder):
        old = manifest.read(folder)
        notes = commit.recover(folder, sorted(folder.glob(STAGING_PREFIX + "*")),
                               old.get("build"))
        if notes:
            old = manifest.read(folder)
            outcome.notices += [(".", n) for n in notes]
        old, ignored = _inside_only(folder, old)
        outcome.notices += ignored
        build_id = f"{os.getpid()}-{time.time_ns()}"
        stage = folder / f"{STAGING_PREFIX}{build_id}"
        stage.mkdir()
        try:
            entries, staged = _render(planned, templates, folder, stage, old, want_pdf, force,
                                      outcome, progress, scopes)
            outcome.timings["docx"] = time.perf_counter() - started
            if want_pdf:
                t = time.perf_counter()
                _pdfs(planned, outcome, stage, staged)
                outcome.timings["pdf"] = time.perf_counter() - t
            plan = _place(folder, stage, old, entries, staged, outcome, force)
            extra_stale = _extras(delivery, folder, stage, old, entries, staged, plan, outcome,
                                  force)
            t = time.perf_counter()
            current = {d.filename for d in planned} | {e.rel for e in delivery.extras}
            in_scope = set(scopes.values())
            carried = {name: e for name, e in old["documents"].items()
                       if name not in current and e.get("scope", e.get("kind")) not in in_scope}
            stale = [e for name, e in old["documents"].items()
                     if name not in current and name not in carried]
            stale += [old["documents"][d.filename] for d in outcome.rendered
                      if d.filename in old["documents"]]  # e.g. a -ny file no longer needed
            stale += extra_stale
            staged_arkiv = archive_records.stage(planned, data, stage, staged, folder, entries)
            staged.pop("__arkiv__", None)
            arkiv = _archive_moves(folder, stage, staged_arkiv, old, plan, outcome, force)
            for name, rels in archive_records.per_document(arkiv, planned).items():
                entries[name]["archive"] = rels
            arkiv_all = sorted(set(arkiv) | {r for e in carried.values()
                                             for r in e.get("archive", [])})
            outcome.timings["arkiv"] = time.perf_counter() - t
            page = _overview(folder, stage, old, plan, outcome, force, data, entries, carried,
                             staged, workbook_notices)
            keep = {o["file"] for e in [*entries.values(), *carried.values()]
                    for o in e["outputs"].values()} | set(arkiv_all) | {page["file"]}
            old_scope_archive = [r for r in old.get("archive", []) if r not in keep and not any(
                r in e.get("archive", []) for e in carried.values())]
            old_scope_archive += [r for r in [_old_overview(folder, old)] if r and r not in keep]
            _stale_removals(folder, old, [*stale, {"archive": old_scope_archive}], keep, plan,
                            outcome)
            commit.precheck(folder, plan)
            commit.commit(folder, stage, build_id, plan)
            try:
                for doc in outcome.rendered:
                    for key, rel in staged[doc.filename].items():
                        entries[doc.filename]["outputs"][key] = {
                            **_describe(folder, folder / rel),
                            "data_sha256": entries[doc.filename]["data_sha256"]}
                shas = {t: sha for _, t, sha in plan.moves}
                old_shas = old.get("archive_sha", {})
                new = {"product": "styring", "version": __version__, "build": build_id,
                       "documents": {**carried, **entries}, "archive": arkiv_all,
                       "archive_sha": {r: shas.get(r) or old_shas.get(r, "") for r in arkiv_all},
                       "kept": sorted(outcome.kept_rels), "notices": outcome.notices,
                       "scopes": sorted(in_scope), "overview": page}
                fastpath.forget(folder)  # a stale no-change record must never outlive this
                outcome.manifest = manifest.write(folder, new)
            except BaseException:
                commit.rollback(folder, stage)  # the manifest makes it current: not yet
                raise
            (stage / commit.JOURNAL).unlink()
            if fingerprint:
                fastpath.remember(folder, fingerprint, new, _stats(folder, new), in_scope)
            outcome.removed = [folder / rel for rel in plan.removals]
            outcome.overview = folder / page["file"]
        except commit.CommitError as e:
            raise BuildError(str(e)) from None
        finally:
            if not (stage / commit.JOURNAL).exists():
                shutil.rmtree(stage, ignore_errors=True)
    outcome.files = sorted(folder / o["file"] for e in entries.values()
                           for o in e["outputs"].values() if (folder / o["file"]).is_file())
    outcome.timings["total"] = time.perf_counter() - started
    return outcome


def _unique(planned: list[Planned]) -> list[Planned]:
    """A last guard: two documents never share a file name (the second gets ``-2``)."""
    seen: set[str] = set()
    out = []
    for doc in planned:
        name, n = doc.filename, 1
        while name in seen:
            n += 1
            stem, _, ext = doc.filename.rpartition(".")
            name = f"{stem}-{n}.{ext}"
        seen.add(name)
        out.append(doc if name == doc.filename else replace(doc, filename=name))
    return out


def _inside_only(folder: Path, old: dict) -> tuple[dict, list[Notice]]:
    """The manifest without any path that leads outside the year folder (with a notice)."""
    notes: list[Notice] = []

    def ok(rel: object) -> bool:
        if ownership.inside(folder, rel) is None:
            notes.append((manifest.FILENAME, f"nevner «{rel}», som ligger utenfor "
                          f"{folder}; oppføringen er oversett, og ingenting der er rørt."))
            return False
        return True

    docs = {}
    for name, entry in old.get("documents", {}).items():
        if not isinstance(entry, dict):
            continue
        outputs = entry.get("outputs", {})
        if not isinstance(outputs, dict):
            continue
        good = {k: o for k, o in outputs.items()
                if isinstance(o, dict) and ok(o.get("file"))}
        docs[name] = {**entry, "outputs": good}
    archive = [r for r in old.get("archive", []) if ok(r)]
    kept = [r for r in old.get("kept", []) if ok(r)]
    return {**old, "documents": docs, "archive": archive, "kept": kept}, notes


def _written(old: dict) -> dict[str, str]:
    """Every file the previous builds wrote (rel → sha256), from the manifest."""
    out = {o["file"]: o.get("sha256", "") for e in old["documents"].values()
           for o in e.get("outputs", {}).values()}
    out.update(old.get("archive_sha", {}))
    if (page := _old_overview(None, old)) is not None:
        out[page] = old["overview"].get("sha256", "")
    return out


def _rel(doc: Planned, suffix: str = ".docx") -> str:
    return f"{doc.kind}/{doc.stem}{suffix}"


def _render(planned: list[Planned], templates: dict[str, Template], folder: Path, stage: Path,
            old: dict, want_pdf: bool, force: bool, outcome: Outcome,
            progress: Progress | None, scopes: dict[str, str]
            ) -> tuple[dict, dict[str, dict[str, str]]]:
    """Decide per document: reuse (unchanged, or changed only by a person) or render."""
    entries: dict[str, dict] = {}
    staged: dict[str, dict[str, str]] = {}
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    todo: list[Planned] = []
    wanted = ("docx", "pdf") if want_pdf else ("docx",)
    for doc in planned:
        tpl = templates[doc.template]
        key = manifest.data_hash(doc.context, tpl.sha256)
        previous = old["documents"].get(doc.filename) or {}
        outputs = dict(previous.get("outputs", {}))
        entry = {"kind": doc.kind, "title": doc.title, "sources": doc.sources,
                 "template": {"file": doc.template, "sha256": tpl.sha256},
                 "data_sha256": key, "restricted": doc.restricted, "variant": doc.variant,
                 "scope": scopes.get(doc.kind, doc.kind), "outputs": outputs}
        states = {k: _output_state(folder, outputs.get(k), key) for k in wanted}
        same_data = all(s in ("ours", "person") for s in states.values())
        if not force and same_data:
            entry["built"] = previous.get("built", now)
            outcome.reused.append(doc)
            for k, s in states.items():
                if s == "person":
                    rel = outputs[k]["file"]
                    outcome.kept_rels.add(rel)
                    outcome.kept.append(folder / rel)
                    outcome.notices.append((rel, _kept_message(folder / rel, changed_data=False)))
        else:
            entry["built"] = now
            todo.append(doc)
        old_pdf = outputs.get("pdf")
        if not want_pdf and old_pdf and old_pdf.get("data_sha256") != key:
            outcome.notices.append((old_pdf["file"], "er laget før dataene ble endret; bygg "
                                    "med PDF for å få en oppdatert PDF."))
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


def _output_state(folder: Path, out: dict | None, key: str) -> str:
    """«ours» (intact, same data), «person» (same data, but a person changed the file),
    «stale» (other data) or «missing»."""
    if not out or out.get("data_sha256") != key:
        return "stale" if out else "missing"
    path = folder / out["file"]
    st = ownership.state(path, out.get("sha256"))
    if st is ownership.State.OURS:
        return "ours"
    return "missing" if st is ownership.State.MISSING else "person"


def _kept_message(path: Path, changed_data: bool, beside: str | None = None) -> str:
    signed = path.suffix.lower() == ".pdf" and ownership.is_signed(path)
    what = "er signert" if signed else "er endret etter at den ble laget"
    text = f"{what} og blir ikke erstattet."
    if beside:
        text += f" Den nye versjonen er lagret ved siden av som {Path(beside).name}."
        if signed and changed_data:
            text += (" Dataene bak avtalen er endret: den nye versjonen må signeres på nytt, "
                     "og den signerte kan flyttes til et eget arkiv.")
    elif not changed_data:
        text += " Dataene er de samme som da den ble laget."
    return text


def _target(folder: Path, rel: str, written: dict[str, str], force: bool, backup: Path,
            plan: commit.Plan, outcome: Outcome, changed: bool = True) -> str:
    """Where a new file for ``rel`` goes: ``rel`` itself when that holds nothing or an
    unchanged file of ours; else a ``-ny`` name beside it. With --force a changed file is
    first moved to the backup folder; a signed PDF never is."""
    target, n = rel, 1
    while True:
        st = ownership.state(folder / target, written.get(target))
        if st in (ownership.State.MISSING, ownership.State.OURS):
            break
        if force and st is ownership.State.CHANGED:
            bak = (backup / target).relative_to(folder).as_posix()
            plan.backups.append((target, bak))
            outcome.backed_up.append(folder / bak)
            outcome.notices.append((target, f"var endret og er flyttet til {bak} før den ble "
                                    "laget på nytt (--force)."))
            break
        if n == 1:
            outcome.kept_rels.add(target)
            outcome.kept.append(folder / target)
        n += 1
        stem, _, ext = ownership.beside(rel).rpartition(".")
        target = f"{stem}.{ext}" if n == 2 else f"{stem}-{n - 1}.{ext}"
    if target != rel:
        outcome.beside.append(folder / target)
        outcome.notices.append((rel, _kept_message(folder / rel, changed, target)))
    return target


def _place(folder: Path, stage: Path, old: dict, entries: dict,
           staged: dict[str, dict[str, str]], outcome: Outcome, force: bool) -> commit.Plan:
    """A target for every staged file (see :func:`_target`); the stage is renamed to match."""
    plan = commit.Plan()
    written = _written(old)
    backup = ownership.backup_folder(folder)
    for name, outputs in staged.items():
        before = {o.get("data_sha256") for o in
                  old["documents"].get(name, {}).get("outputs", {}).values()}
        changed = entries[name]["data_sha256"] not in before
        for key, rel in list(outputs.items()):
            target = _target(folder, rel, written, force, backup, plan, outcome, changed)
            if target != rel:
                os.replace(stage / rel, stage / target)
                outputs[key] = target
            plan.moves.append((target, target, sha256_file(stage / target)))
    return plan


def _archive_moves(folder: Path, stage: Path, rels: list[str], old: dict, plan: commit.Plan,
                   outcome: Outcome, force: bool) -> list[str]:
    """Moves for the archive files just staged (same ownership rule as documents)."""
    written = _written(old)
    backup = ownership.backup_folder(folder)
    out = []
    for rel in rels:
        target = _target(folder, rel, written, force, backup, plan, outcome)
        if target != rel:
            os.replace(stage / rel, stage / target)
        plan.moves.append((target, target, sha256_file(stage / target)))
        out.append(target)
    return out


class _Built:
    """The documents of this build as a delivered file attaches them (see
    :class:`generator.delivery.plan.Built`)."""

    def __init__(self, folder: Path, stage: Path, old: dict, entries: dict,
                 staged: dict[str, dict[str, str]]):
        self.folder, self.stage, self.old, self.entries, self.staged = (
            folder, stage, old, entries, staged)

    def document(self, filename: str, key: str) -> tuple[str, bytes] | None:
        if key in self.staged.get(filename, {}):
            rel = self.staged[filename][key]
            return rel, (self.stage / rel).read_bytes()
        entry = self.entries.get(filename) or {}
        out = entry.get("outputs", {}).get(key)
        if not out or out.get("data_sha256") != entry.get("data_sha256"):
            return None  # none, or an older PDF kept by a build without PDF
        path = self.folder / out["file"]
        return (out["file"], path.read_bytes()) if path.is_file() else None

    def previous(self, name: str) -> dict:
        return self.old["documents"].get(name) or {}


def _extras(delivery: Delivery, folder: Path, stage: Path, old: dict, entries: dict,
            staged: dict[str, dict[str, str]], plan: commit.Plan, outcome: Outcome,
            force: bool) -> list[dict]:
    """Make the delivered files (e-mail drafts, calendars) from the built documents, each
    its own manifest entry under the same ownership rules: an unchanged one is left, one a
    person edited is kept (a new version goes beside it). Returns the old entries of the
    files made again (their old -ny files may be stale)."""
    outcome.notices += delivery.notices
    built = _Built(folder, stage, old, entries, staged)
    written = _written(old)
    backup = ownership.backup_folder(folder)
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    stale = []
    for extra in delivery.extras:
        made = extra.make(built)
        outcome.notices += made.notices
        key = hashlib.sha256(made.data).hexdigest()
        previous = old["documents"].get(extra.rel) or {}
        outputs = dict(previous.get("outputs", {}))
        entry = {"kind": extra.kind, "title": extra.title, "sources": extra.sources,
                 "data_sha256": key, "scope": extra.scope, "outputs": outputs, **made.memory}
        st = _output_state(folder, outputs.get(extra.output), key)
        if not force and st in ("ours", "person"):
            entry["built"] = previous.get("built", now)
            if st == "person":
                rel = outputs[extra.output]["file"]
                outcome.kept_rels.add(rel)
                outcome.kept.append(folder / rel)
                outcome.notices.append((rel, _kept_message(folder / rel, changed_data=False)))
        else:
            entry["built"] = now
            (stage / extra.rel).parent.mkdir(parents=True, exist_ok=True)
            (stage / extra.rel).write_bytes(made.data)
            target = _target(folder, extra.rel, written, force, backup, plan, outcome)
            if target != extra.rel:
                os.replace(stage / extra.rel, stage / target)
            plan.moves.append((target, target, key))
            entry["outputs"] = {extra.output: {"file": target, "sha256": key,
                                               "size": len(made.data), "data_sha256": key}}
            if previous:
                stale.append(previous)
        entries[extra.rel] = entry
    return stale


def _stale_removals(folder: Path, old: dict, stale: list[dict], keep: set[str],
                    plan: commit.Plan, outcome: Outcome) -> None:
    """Files of documents whose source rows are gone, and old archive files of this build's
    scope: removed only when nobody changed them."""
    written = _written(old)
    moved = {t for _, t, _ in plan.moves} | {o for o, _ in plan.backups}
    candidates = [o["file"] for e in stale for o in e.get("outputs", {}).values()]
    candidates += [r for e in stale for r in e.get("archive", [])]
    for rel in dict.fromkeys(candidates):
        if rel in keep or rel in moved:
            continue
        st = ownership.state(folder / rel, written.get(rel))
        if st is ownership.State.OURS:
            plan.removals.append(rel)
        elif st is not ownership.State.MISSING:
            outcome.kept_rels.add(rel)
            outcome.kept.append(folder / rel)
            outcome.notices.append((rel, "hører ikke lenger til noe dokument (radene er borte "
                                    "fra arbeidsboken), men er endret etter at den ble laget, "
                                    "så den er ikke slettet."))


def _stats(folder: Path, new: dict) -> dict[str, list[int]]:
    """Size and mtime of every file the manifest names, and of the manifest itself: the
    no-change check compares them."""
    rels = [o["file"] for e in new["documents"].values() for o in e["outputs"].values()]
    rels += new["archive"] + new["kept"] + [manifest.FILENAME]
    rels += [new["overview"]["file"]] if new.get("overview") else []
    out = {}
    for rel in dict.fromkeys(rels):
        try:
            st = (folder / rel).stat()
        except OSError:
            continue
        out[rel] = [st.st_size, st.st_mtime_ns]
    return out


def _overview(folder: Path, stage: Path, old: dict, plan: commit.Plan, outcome: Outcome,
              force: bool, data: Styringsdata, entries: dict, carried: dict,
              staged: dict[str, dict[str, str]], workbook_notices: Sequence[Notice]) -> dict:
    """Stage ``oversikt.html`` (see :mod:`generator.output.delivery.oversikt`) under the same
    ownership rule as the documents; returns its manifest record."""
    from .delivery import oversikt

    target = _target(folder, oversikt.FILENAME, _written(old), force,
                     ownership.backup_folder(folder), plan, outcome)
    page = oversikt.Overview(
        kommune=data.kommune.navn, år=data.kommune.år, made=datetime.now(),
        rows=tuple(oversikt.rows(folder, entries, carried, staged, outcome.kept_rels)),
        notices=oversikt.notices(outcome.notices, workbook_notices))
    path = oversikt.write(stage / target, page)
    sha = sha256_file(path)
    plan.moves.append((target, target, sha))
    return {"file": target, "sha256": sha}


def _old_overview(folder: Path | None, old: dict) -> str | None:
    """The previous build's overview page (only a path inside the year folder)."""
    rec = old.get("overview")
    rel = rec.get("file") if isinstance(rec, dict) else None
    if not isinstance(rel, str) or not rel or (folder is not None
                                               and ownership.inside(folder, rel) is None):
        return None
    return rel


def _describe(folder: Path, path: Path) -> dict:
    return {"file": path.relative_to(folder).as_posix(), "sha256": sha256_file(path),
            "size": path.stat().st_size}


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
    from ..rendering.fast import FastTemplate, write_many

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
        if doc.facts is not None and doc.facts.signaturfelt:
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


