"""The output side of a build: one lock/commit transaction over the year folder
(:func:`transaction`), what of the planned documents must be rendered again
(:func:`to_render`), finishing the staged documents with PDF/A and signature fields, archive
metadata, e-mail drafts, calendars and the overview page (:func:`finish`), and putting it
all in place with the manifest (:func:`commit_build`). :func:`generator.pipeline.build`
runs them as phases; rendering itself is :mod:`generator.rendering.batch`.

A build holds a lock on its output folder, so two builds never mix files. Every
file is written to a staging folder and renamed into place: a crash or Ctrl-C
leaves either the old complete file or the new complete file, never half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..documents import KINDS, Planned
from ..errors import OutputError, os_reason
from ..files import sha256_file
from ..model.styringsdata import Styringsdata
from ..rendering import toc
from ..rendering.batch import by_template
from ..rendering.batch import staged_rel as _rel
from ..rendering.template import Template
from . import commit, fastpath, manifest, ownership, pdf
from .archive import records as archive_records
from .archive.records import PUBLIC_SUFFIX
from .delivery import oversikt
from .delivery.extra import Delivery, Notice
from .signatures import Signed, inspect_copy

STAGING_PREFIX = ".staging-"
INPUTS = "inputs_sha256"  # a delivered file's manifest entry: the digest it was made from
LOCK_NAME = fastpath.LOCK_NAME  # removed when the build ends


class BuildError(OutputError):
    """The build could not finish; nothing was replaced. The message is bokmål."""


@dataclass
class Outcome:
    """What the build step did."""

    rendered: list[Planned] = field(default_factory=list)
    reused: list[Planned] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # no longer wanted: moved to retired_to
    retired_to: Path | None = None  # the backup folder removed files were moved into
    kept: list[Path] = field(default_factory=list)  # changed by a person: left as they are
    beside: list[Path] = field(default_factory=list)  # new versions written beside kept files
    backed_up: list[Path] = field(default_factory=list)  # moved to the backup folder (--force)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (file, bokmål message)
    kept_rels: set[str] = field(default_factory=set)
    pdf_note: str | None = None
    manifest: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)
    overview: Path | None = None  # oversikt.html (or its -ny version beside a person's copy)
    #: every agreement with signature fields, by file name: its signed copy, or None
    signatures: dict[str, Signed | None] = field(default_factory=dict)


@contextlib.contextmanager
def locked(folder: Path, wait_seconds: float = 600) -> Iterator[None]:
    """An exclusive lock on the output folder (a second build waits for the first).

    The lock is the file ``.bygg.lock``, opened without following a symlink and only when it
    is a plain file: a snarvei there is refused before anything is created. It is removed
    when the build ends however it ends; one left by a killed build holds no lock (the
    operating system released it) and is taken over and removed. Folders this made for the
    build are removed again when they are left empty."""
    made = _missing_parents(folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with _lock_file(folder, wait_seconds):
            yield
    finally:
        for path in made:  # deepest first: only what this build created, only when empty
            with contextlib.suppress(OSError):
                path.rmdir()


def _missing_parents(folder: Path) -> list[Path]:
    """``folder`` and those of its parents that do not exist yet, deepest first."""
    out = []
    for path in [folder, *folder.parents]:
        if os.path.lexists(path):
            break
        out.append(path)
    return out


def _lock_refused(path: Path, what: str) -> BuildError:
    return BuildError(f"Ingenting er endret i {path.parent}: «{path.name}» {what}; programmet "
                      "bruker bare en vanlig fil som lås og skriver ikke gjennom den. Fjern "
                      f"«{path.name}» og bygg igjen.")


def _open_lock(path: Path) -> int:
    """The lock file opened for writing: created when missing, never through a symlink."""
    if path.is_symlink():
        raise _lock_refused(path, f"er en snarvei (symbolsk lenke) til {os.readlink(path)}")
    flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        fd = os.open(path, flags, 0o666)
    except IsADirectoryError:
        raise _lock_refused(path, "er en mappe") from None
    except OSError as e:
        if path.is_symlink():
            raise _lock_refused(path, "er en snarvei (symbolsk lenke)") from None
        raise BuildError(f"kan ikke lage låsefilen {path} ({os_reason(e)}). Sjekk at du "
                         "har skrivetilgang til mappen.") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _lock_refused(path, "er ikke en vanlig fil")
    return fd


def _same_file(fd: int, path: Path) -> bool:
    """The open lock is still the file at ``path`` (not one removed by the build before)."""
    try:
        now, held = os.lstat(path), os.fstat(fd)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


@contextlib.contextmanager
def _lock_file(folder: Path, wait_seconds: float) -> Iterator[None]:
    path = folder / LOCK_NAME
    deadline = time.monotonic() + wait_seconds
    while True:
        fd = _open_lock(path)
        try:
            if _try_lock(fd) and _same_file(fd, path):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # busy, or the file was removed by the build that held it: again
        if time.monotonic() > deadline:
            raise BuildError(f"en annen bygging bruker {folder} og ble ikke ferdig; "
                             "prøv igjen senere.")
        time.sleep(0.1)
    try:
        yield
    finally:
        ours = _same_file(fd, path)
        if sys.platform == "win32":  # pragma: no cover - an open file cannot be removed
            os.close(fd)
        with contextlib.suppress(OSError):
            if ours:
                path.unlink()  # while still holding the lock: a waiter then opens a new file
        if sys.platform != "win32":
            os.close(fd)  # closing releases the lock


def _try_lock(fd: int) -> bool:
    """Take the operating system's lock on the open file without waiting; False when busy.
    The lock dies with the process, so a killed build never leaves the folder locked."""
    if sys.platform == "win32":  # pragma: no cover - a byte-range lock
        import msvcrt  # Windows only

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl  # not on Windows

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


StagedFiles = dict[str, str]  # output key (docx, pdf) → path in the stage and the year folder


class Stage:
    """One build's working state: the year folder and its staging folder, what the previous
    build left (its manifest), the entries this build writes, the files it staged and the
    commit plan. Every phase inside :func:`transaction` reads and adds to it.

    It is also what a delivered file sees while it is made (:class:`Built` in
    :mod:`generator.output.delivery.extra`) and where the archive records find each
    document's current files (:meth:`output`)."""

    def __init__(self, folder: Path, path: Path, old: manifest.Manifest, force: bool,
                 outcome: Outcome) -> None:
        self.folder, self.path, self.old, self.force, self.outcome = (
            folder, path, old, force, outcome)
        self.entries: dict[str, manifest.Entry] = {}
        self.staged: dict[str, StagedFiles] = {}  # by document file name
        self.plan = commit.CommitPlan()
        self.written = old.written()
        self.backup = ownership.backup_folder(folder)
        self.blind = False  # the manifest was lost: a file's content is all there is to go by
        self.build_id = path.name.removeprefix(STAGING_PREFIX)
        self.once: list[Notice] = []  # damaged bookkeeping: said by this build only
        self.started = time.perf_counter()
        self.office: pdf.Office | None = None  # warm LibreOffice, see start_office

    def start_office(self, count: int) -> None:
        """Start the LibreOffice workers for ``count`` documents now, so that their start
        overlaps the rendering (see :class:`pdf.Office`); ended by :func:`_pdfs`, or when
        the build ends however it ends."""
        if self.office is None and count:
            self.office = pdf.Office(pdf.workers(count), label=str(self.path))

    def end_office(self, wait: bool = True) -> None:
        """End the LibreOffice workers; ``wait=False``: they end while the build goes on
        (the transaction waits for them at its end)."""
        if self.office is None:
            return
        self.office.close(wait)
        if wait:
            self.office = None

    # --- what a delivered file and the archive records see --------------------------------

    def document(self, filename: str, key: str) -> tuple[str, bytes] | None:
        """The current ``key`` file of a document of this build, as (path, bytes)."""
        if key in self.staged.get(filename, {}):
            rel = self.staged[filename][key]
            return rel, (self.path / rel).read_bytes()
        entry = self.entries.get(filename)
        out = entry.outputs.get(key) if entry else None
        if entry is None or out is None or out.data_sha256 != entry.data_sha256:
            return None  # none, or an older PDF kept by a build without PDF
        path = self.folder / out.file
        return (out.file, path.read_bytes()) if path.is_file() else None

    def previous(self, name: str) -> dict[str, Any]:
        """A delivered file's entry in the previous manifest (empty when new)."""
        entry = self.old.documents.get(name)
        return entry.to_json() if entry is not None else {}

    def output(self, filename: str, key: str) -> manifest.OutputRecord | None:
        """The ``key`` file of a document as it will be in the year folder: staged by this
        build, or kept from an earlier one when it was made from the same data."""
        if key in self.staged.get(filename, {}):
            rel = self.staged[filename][key]
            path = self.path / rel
            return manifest.OutputRecord(rel, sha256_file(path), path.stat().st_size)
        entry = self.entries[filename]
        return entry.current(key)

    # --- where new files go ---------------------------------------------------------------

    def target(self, rel: str, changed: bool = True) -> str:
        """Where a new file for ``rel`` goes: ``rel`` itself when that holds nothing or an
        unchanged file of ours; else a ``-ny`` name beside it. With --force a changed file is
        first moved to the backup folder; a signed PDF never is."""
        folder, outcome = self.folder, self.outcome
        target, n = rel, 1
        while True:
            st = ownership.state(folder / target, self.written.get(target))
            if st in (ownership.State.MISSING, ownership.State.OURS) or self._same(target, rel):
                break
            if self.force and st is ownership.State.CHANGED:
                bak = (self.backup / target).relative_to(folder).as_posix()
                self.plan.backups.append((target, bak))
                outcome.backed_up.append(folder / bak)
                outcome.notices.append((target, f"var endret og er flyttet til {bak} før den "
                                        "ble laget på nytt (--force)."))
                break
            if n == 1:
                self.keep(target)
            n += 1
            stem, _, ext = ownership.beside(rel).rpartition(".")
            target = f"{stem}.{ext}" if n == 2 else f"{stem}-{n - 1}.{ext}"
        if target != rel:
            outcome.beside.append(folder / target)
            message = _kept_message(folder / rel, changed, target)
            if self.blind and rel not in self.written:
                message = message.replace("er endret etter at den ble laget", "kan ikke "
                                          f"kjennes igjen uten {manifest.FILENAME}")
            outcome.notices.append((rel, message))
        return target

    def _same(self, target: str, rel: str) -> bool:
        """The file at ``target`` has exactly the bytes this build staged for ``rel``: it is
        the product's own, whatever the manifest says (or lost)."""
        here, new = self.folder / target, self.path / rel
        try:
            if (here.is_symlink() or not here.is_file() or not new.is_file()
                    or here.stat().st_size != new.stat().st_size):
                return False
            return sha256_file(here) == sha256_file(new)
        except OSError:
            return False

    def move(self, rel: str, changed: bool = True, sha: str | None = None) -> str:
        """Plan the move of the staged file ``rel`` to its target (renamed in the stage to
        match); returns the target. A file in the year folder with exactly the staged bytes
        is this build's own, whatever the manifest says (e.g. an archive record ``sign``
        rewrote just before it was killed)."""
        target = rel if self._same_bytes(rel) else self.target(rel, changed)
        if target != rel:
            os.replace(self.path / rel, self.path / target)
        self.plan.moves.append((target, target, sha or sha256_file(self.path / target)))
        return target

    def _same_bytes(self, rel: str) -> bool:
        path, staged = self.folder / rel, self.path / rel
        try:
            if path.is_symlink() or not path.is_file() or \
                    path.stat().st_size != staged.stat().st_size:
                return False
            return path.read_bytes() == staged.read_bytes()
        except OSError:
            return False

    def keep(self, rel: str, message: str | None = None) -> None:
        """A file a person changed: left as it is, with a notice when ``message`` is given."""
        self.outcome.kept_rels.add(rel)
        self.outcome.kept.append(self.folder / rel)
        if message is not None:
            self.outcome.notices.append((rel, message))

    def place(self) -> None:
        """A target for every staged document file (see :meth:`target`)."""
        for name, outputs in self.staged.items():
            previous = self.old.documents.get(name)
            before = {o.data_sha256 for o in previous.outputs.values()} if previous else set()
            changed = self.entries[name].data_sha256 not in before
            for key, rel in list(outputs.items()):
                outputs[key] = self.move(rel, changed)


@dataclass
class Finished:
    """What :func:`finish` hands to :func:`commit_build`: the entries of other scopes carried
    over, every archive file of the year folder, the overview page and this build's scopes."""

    carried: dict[str, manifest.Entry]
    arkiv_all: list[str]
    page: manifest.OutputRecord
    in_scope: set[str]


@contextlib.contextmanager
def transaction(folder: Path, force: bool = False) -> Iterator[Stage]:
    """The lock on the year folder ``folder`` and a fresh staging folder inside it, after
    recovering what an interrupted build left (see :func:`commit.recover`); the staging
    folder is removed again when the build ends, unless a commit journal in it is needed
    for a later recovery. A failed commit ends as :class:`BuildError`.

    Only files the product wrote and nobody changed are replaced or removed (see
    :mod:`generator.output.ownership`)."""
    outcome = Outcome()
    started = time.perf_counter()
    with locked(folder):
        been_here = os.path.lexists(folder / fastpath.STATUS)  # a lost manifest, not a new one
        own = manifest.foreign(folder)  # a person's file at the manifest's place
        raw, damaged, sound = manifest.recover(folder, been_here, own is not None)
        aside = None  # where that file, or a damaged manifest, is kept (see _set_aside)
        if own is not None or (damaged and os.path.lexists(folder / manifest.FILENAME)):
            aside = ownership.backup_folder(folder)
        once = _damaged_bookkeeping(folder, damaged, own, aside)  # said by this build only
        outcome.notices += once
        notes = commit.recover(folder, sorted(folder.glob(STAGING_PREFIX + "*")),
                               raw.get("build"))
        if notes:
            raw = manifest.recover(folder, been_here, own is not None)[0]
            outcome.notices += [(".", n) for n in notes]
        old, ignored = _inside_only(folder, manifest.Manifest.from_json(raw))
        outcome.notices += ignored
        build_id = f"{os.getpid()}-{time.time_ns()}"
        st = Stage(folder, folder / f"{STAGING_PREFIX}{build_id}", old, force, outcome)
        st.once, st.started = once, started
        if aside is not None:
            _set_aside(st, aside)
        if not sound:  # what the last build left untouched is still known by size and time
            st.blind = True
            st.written.update({rel: sha for rel, sha in fastpath.untouched(folder).items()
                               if ownership.made_by_us(rel) and rel not in st.written})
        st.path.mkdir()
        try:
            yield st
        except commit.CommitError as e:
            raise BuildError(str(e)) from None
        finally:
            st.end_office()
            if not (st.path / commit.JOURNAL).exists():
                shutil.rmtree(st.path, ignore_errors=True)


def finish(st: Stage, planned: list[Planned], data: Styringsdata, *, want_pdf: bool,
           scopes: dict[str, str], delivery: Delivery,
           workbook_notices: Sequence[Notice] = ()) -> Finished:
    """Convert what was rendered to PDF/A with signature fields, place every staged file,
    read the signed copies, make the delivered files (e-mail drafts, calendars), the archive
    metadata and the overview page, and plan the removal of what no longer belongs.

    ``scopes`` maps each kind this build makes to its scope (``tertialrapport:2``);
    documents of other scopes stay as they are, in the folder and in the manifest."""
    folder, outcome, old = st.folder, st.outcome, st.old
    if want_pdf:
        t = time.perf_counter()
        _pdfs(st)
        outcome.timings["pdf"] = time.perf_counter() - t
    st.place()
    _signatures(st, planned)
    extra_stale = _extras(st, delivery)
    t = time.perf_counter()
    current = {d.filename for d in planned} | {e.rel for e in delivery.extras}
    in_scope = set(scopes.values())
    carried = {name: e for name, e in old.documents.items()
               if name not in current and e.scope not in in_scope}
    stale = [e for name, e in old.documents.items()
             if name not in current and name not in carried]
    stale += [old.documents[d.filename] for d in outcome.rendered
              if d.filename in old.documents]  # e.g. a -ny file no longer needed
    stale += extra_stale
    carried, signing = _carried_signatures(st, carried)
    others = [r for e in carried.values() for r in e.archive or []]
    staged_arkiv, unread = archive_records.stage(planned, data, st.path, folder,
                                                 st.output, others,
                                                 _copy_of(outcome), signing)
    outcome.notices += unread
    arkiv = [st.move(rel) for rel in staged_arkiv]
    for name, rels in archive_records.per_document(arkiv, planned).items():
        st.entries[name].archive = rels
    moved = {rel: target for rel, target in zip(staged_arkiv, arkiv, strict=True)
             if rel != target}  # a carried record's file a person changed: written beside
    carried = {name: replace(e, archive=[moved.get(r, r) for r in e.archive])
               if e.archive and moved.keys() & set(e.archive) else e
               for name, e in carried.items()}
    arkiv_all = sorted(set(arkiv) | {r for e in carried.values() for r in e.archive or []})
    outcome.timings["arkiv"] = time.perf_counter() - t
    page = _overview(st, data, carried, workbook_notices)
    keep = {f for e in [*st.entries.values(), *carried.values()] for f in e.files()}
    keep |= set(arkiv_all) | {page.file}
    old_scope = [r for r in old.archive if r not in keep and not any(
        r in (e.archive or []) for e in carried.values())]
    old_scope += [r for r in [_old_overview(folder, old)] if r and r not in keep]
    _stale_removals(st, stale, old_scope, keep)
    return Finished(carried, arkiv_all, page, in_scope)


def commit_build(st: Stage, done: Finished, fingerprint: dict | None = None,
                 checked: Sequence[str] = (), prepared: dict[str, str] | None = None
                 ) -> Outcome:
    """Move every staged file into place, all or nothing (see :mod:`generator.output.commit`),
    write the manifest that makes it current, and remember it for the no-change check (with
    the templates found without static problems, ``checked``, and the applied templates'
    SHA-256, ``prepared``)."""
    folder, outcome, old = st.folder, st.outcome, st.old
    carried, arkiv_all, page, in_scope = done.carried, done.arkiv_all, done.page, done.in_scope
    commit.precheck(folder, st.plan)
    commit.commit(folder, st.path, st.build_id, st.plan)
    try:
        for doc in outcome.rendered:
            entry = st.entries[doc.filename]
            for key, rel in st.staged[doc.filename].items():
                entry.outputs[key] = _describe(folder, rel, entry.data_sha256)
        shas = {t: sha for _, t, sha in st.plan.moves}
        new = manifest.Manifest(
            documents={**carried, **st.entries}, archive=arkiv_all,
            archive_sha={r: shas.get(r) or old.archive_sha.get(r, "")
                         for r in arkiv_all},
            kept=sorted(outcome.kept_rels),
            notices=[n for n in outcome.notices if n not in st.once],
            scopes=sorted(in_scope), overview=page, build=st.build_id)
        fastpath.forget(folder)  # a stale no-change record must never outlive this
        outcome.manifest = manifest.write(folder, new.to_json())
    except BaseException:
        commit.rollback(folder, st.path)  # the manifest makes it current: not yet
        raise
    (st.path / commit.JOURNAL).unlink()
    if fingerprint:
        fastpath.remember(folder, fingerprint, new, _stats(folder, new), in_scope, checked,
                          prepared)
    outcome.removed = [folder / rel for rel in st.plan.removals if rel != manifest.FILENAME]
    outcome.retired_to = folder / st.plan.retire_to if outcome.removed else None
    outcome.overview = folder / page.file
    outcome.files = sorted(folder / f for e in st.entries.values() for f in e.files()
                           if (folder / f).is_file())
    outcome.timings["total"] = time.perf_counter() - st.started
    return outcome


def _damaged_bookkeeping(folder: Path, damaged: str | None, own: str | None = None,
                         aside: Path | None = None) -> list[Notice]:
    """One notice per damaged bookkeeping file: the manifest (see :func:`manifest.recover`)
    and the no-change record (only read by the no-change check, so simply made again).

    A person's own file or folder at the manifest's place (``own``: why it is not the
    manifest) and a damaged manifest are moved into the backup folder ``aside`` by the
    commit (:func:`_set_aside`), and the notice says where: nothing is lost."""
    out: list[Notice] = []
    where = (aside / manifest.FILENAME).relative_to(folder).as_posix() if aside else ""
    if own is not None:
        text = (f"{own}; den er flyttet til {where}, slik at ingenting går tapt, og "
                "programmet skriver sitt eget manifest.")
        if damaged:
            text += f" Programmets manifest {damaged}"
        out.append((manifest.FILENAME, text))
    elif damaged:
        kept = f" Den skadde filen er tatt vare på i {where}." if aside else ""
        out.append((manifest.FILENAME, damaged + kept))
    _status, wrong = fastpath.read_status(folder / fastpath.STATUS)
    if wrong:
        out.append((fastpath.STATUS, f"{wrong}; den er oversett og skrives på nytt etter "
                    "byggingen."))
    return out


def _set_aside(st: Stage, aside: Path) -> None:
    """The file at the manifest's place goes to the backup folder ``aside`` when the build
    commits (with the files it removes, and back again on a rollback), before the new
    manifest is written there."""
    st.backup = aside
    st.plan.removals.append(manifest.FILENAME)
    st.plan.retire_to = aside.relative_to(st.folder).as_posix()


def unique(planned: list[Planned]) -> list[Planned]:
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


def _inside_only(folder: Path, old: manifest.Manifest) -> tuple[manifest.Manifest, list[Notice]]:
    """The manifest without any path that leads outside the year folder (with a notice)."""
    notes: list[Notice] = []
    resolved: dict[Path, Path] = {}  # each folder resolved once in this pass

    def ok(rel: str) -> bool:
        if ownership.inside(folder, rel, resolved) is None:
            notes.append((manifest.FILENAME, f"nevner «{rel}», som ligger utenfor "
                          f"{folder}; oppføringen er oversett, og ingenting der er rørt."))
            return False
        if not ownership.made_by_us(rel):
            notes.append((manifest.FILENAME, f"nevner «{rel}», som ikke er en fil programmet "
                          "lager (mappen eller navnet passer ikke); oppføringen er oversett, "
                          "og filen er ikke rørt."))
            return False
        return True

    docs = {name: replace(entry, outputs={k: o for k, o in entry.outputs.items() if ok(o.file)})
            for name, entry in old.documents.items()}
    return replace(old, documents=docs, archive=[r for r in old.archive if ok(r)],
                   kept=[r for r in old.kept if ok(r)]), notes


def to_render(st: Stage, planned: list[Planned], templates: dict[str, Template],
              want_pdf: bool, scopes: dict[str, str]) -> list[Planned]:
    """Decide per document: reuse (unchanged, or changed only by a person) or render; returns
    those to render, each given its place in the stage (see :mod:`generator.rendering.batch`).
    """
    outcome = st.outcome
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    todo: list[Planned] = []
    wanted = ("docx", "pdf") if want_pdf else ("docx",)
    for doc in planned:
        tpl = templates[doc.template]
        key = manifest.data_hash(doc.context, tpl.sha256)
        previous = st.old.documents.get(doc.filename)
        entry = manifest.Entry(
            kind=doc.kind, title=doc.title, sources=doc.sources,
            template=manifest.TemplateRecord(doc.template, tpl.sha256), data_sha256=key,
            restricted=doc.restricted, variant=doc.variant,
            scope=scopes.get(doc.kind, doc.kind),
            outputs=dict(previous.outputs) if previous else {})
        states = {k: _output_state(st.folder, entry.outputs.get(k), key) for k in wanted}
        if not st.force and all(s in ("ours", "person") for s in states.values()):
            entry.built = previous.built if previous and previous.built else now
            outcome.reused.append(doc)
            for k, s in states.items():
                if s == "person":
                    rel = entry.outputs[k].file
                    st.keep(rel, _kept_message(st.folder / rel, changed_data=False))
        else:
            entry.built = now
            todo.append(doc)
        old_pdf = entry.outputs.get("pdf")
        if not want_pdf and old_pdf and old_pdf.data_sha256 != key:
            outcome.notices.append((old_pdf.file, "er laget før dataene ble endret; bygg "
                                    "med PDF for å få en oppdatert PDF."))
        st.entries[doc.filename] = entry
    for docs in by_template(todo).values():
        for doc in docs:
            st.staged[doc.filename] = {"docx": _rel(doc)}
    return todo


def _output_state(folder: Path, out: manifest.OutputRecord | None, key: str) -> str:
    """«ours» (intact, same data), «person» (same data, but a person changed the file),
    «stale» (other data) or «missing»."""
    if out is None or out.data_sha256 != key:
        return "stale" if out else "missing"
    st = ownership.state(folder / out.file, out.sha256)
    if st is ownership.State.OURS:
        return "ours"
    return "missing" if st is ownership.State.MISSING else "person"


def _kept_message(path: Path, changed_data: bool, beside: str | None = None) -> str:
    signed = path.suffix.lower() == ".pdf" and ownership.is_signed(path)
    what = ("er signert" if signed else "er en mappe, ikke en fil," if path.is_dir()
            else "er endret etter at den ble laget")
    text = f"{what} og blir ikke erstattet."
    if beside:
        text += f" Den nye versjonen er lagret ved siden av som {Path(beside).name}."
        if signed and changed_data:
            text += (" Dataene bak avtalen er endret: den nye versjonen må signeres på nytt, "
                     "og den signerte kan flyttes til et eget arkiv.")
    elif not changed_data:
        text += " Dataene er de samme som da den ble laget."
    return text


def _signatures(st: Stage, planned: list[Planned]) -> None:
    """Read the signed file of every document with signature fields: the signed copy
    (``…-signert.pdf``) beside its PDF, or the PDF a person signed in place (also when this
    build wrote the new version beside it, ``…-ny.pdf``); see
    :func:`.signatures.inspect_copy`. Who has signed, whether every signature validates,
    and whether it was made from the current data (the manifest keeps what it was signed
    from). A signed file that describes old data, or holds a signature that no longer
    validates, gets a notice (one: a kept file's notice already says it must be signed
    again); the archive record then keeps the unsigned PDF (see :mod:`.archive.records`)."""
    for doc in planned:
        if doc.facts is None or not doc.facts.signaturfelt or doc.stem.endswith(PUBLIC_SUFFIX):
            continue  # the public variant is not what the two sign
        entry = st.entries[doc.filename]
        made = st.staged.get(doc.filename, {}).get("pdf")
        pdf_rel = made or (entry.outputs["pdf"].file if "pdf" in entry.outputs else None)
        if pdf_rel is None:
            st.outcome.signatures[doc.filename] = None  # no PDF: nothing to sign yet
            continue
        previous = st.old.documents.get(doc.filename)
        old_pdf = previous.outputs.get("pdf") if previous else None
        if previous is not None and old_pdf is not None and old_pdf.data_sha256 is None:
            old_pdf = replace(old_pdf, data_sha256=previous.data_sha256)
        copy = inspect_copy(st.folder, pdf_rel, entry.data_sha256,
                            previous.signed if previous else None, old_pdf,
                            home=_rel(doc, ".pdf"))
        st.outcome.signatures[doc.filename] = copy
        if copy is None:
            continue
        entry.signed = copy.base
        name, pdf_name = Path(copy.rel).name, Path(pdf_rel).name
        if not copy.current and copy.rel not in st.outcome.kept_rels:
            st.outcome.notices.append((copy.rel, (
                "beskriver de gamle dataene og må signeres på nytt: dataene bak "
                f"avtalen er endret etter at den ble signert. Flytt {name} til et eget arkiv og "
                f"signer den nye {pdf_name} med «styring sign»; arkivposten viser den "
                "usignerte PDF-en til da.")))
        elif copy.state.invalid:
            st.outcome.notices.append((copy.rel, (
                "har en signatur som ikke lenger er gyldig (filen er endret etter at den ble "
                "signert): " + ", ".join(f.who() for f in copy.state.invalid)
                + f". Arkivposten viser den usignerte {pdf_name}; signer den på nytt.")))


def _carried_signatures(st: Stage, carried: dict[str, manifest.Entry]
                        ) -> tuple[dict[str, manifest.Entry], archive_records.Carried]:
    """The agreements of other scopes (``carried``: a build of other kinds, or of another
    tertial), read as :func:`_signatures` reads this build's: the signed copy or the PDF
    signed in place, by :func:`.signatures.inspect_copy`. Returns the entries with what
    their signed file was signed from (the manifest's ``signed``), and for
    :func:`.archive.records.stage`, by sidecar, the signed file and the PDF: their archive
    records follow the signatures made (or removed) since, whatever this build's scope."""
    entries, signing = dict(carried), {}
    for name, entry in carried.items():
        kind = KINDS.get(entry.kind)
        sidecar = next((r for r in entry.archive or [] if r.endswith(".json")), None)
        pdf_out = entry.outputs.get("pdf")
        if kind is None or not kind.facts.signaturfelt or sidecar is None or pdf_out is None:
            continue  # not signed, a public variant (no archive files of its own), no PDF
        base = pdf_out if pdf_out.data_sha256 is not None else replace(
            pdf_out, data_sha256=entry.data_sha256)
        copy = inspect_copy(st.folder, pdf_out.file, entry.data_sha256, entry.signed, base,
                            home=f"{pdf_out.file.rpartition('/')[0]}/{Path(name).stem}.pdf")
        signing[sidecar] = (copy, entry.current("pdf"))
        if copy is not None:
            entries[name] = replace(entry, signed=copy.base)
    return entries, signing


def _copy_of(outcome: Outcome) -> Callable[[str], Signed | None]:
    return lambda filename: outcome.signatures.get(filename)


def _extras(st: Stage, delivery: Delivery) -> list[manifest.Entry]:
    """Make the delivered files (e-mail drafts, calendars) from the built documents, each
    its own manifest entry under the same ownership rules: an unchanged one is left, one a
    person edited is kept (a new version goes beside it). Returns the old entries of the
    files made again (their old -ny files may be stale)."""
    outcome = st.outcome
    outcome.notices += delivery.notices
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    stale = []
    for extra in delivery.extras:
        previous = st.old.documents.get(extra.rel)
        digest = extra.inputs(st) if extra.inputs is not None else None
        if digest is not None and previous is not None and not st.force and \
                previous.memory.get(INPUTS) == digest and _output_state(
                    st.folder, previous.outputs.get(extra.output), previous.data_sha256) == "ours":
            # made from the same inputs as the file there, which nobody changed: the same bytes
            st.entries[extra.rel] = manifest.Entry(
                kind=extra.kind, title=extra.title, sources=extra.sources,
                data_sha256=previous.data_sha256, scope=extra.scope,
                outputs=dict(previous.outputs), memory=dict(previous.memory),
                built=previous.built or now)
            continue
        made = extra.make(st)
        outcome.notices += made.notices
        key = hashlib.sha256(made.data).hexdigest()
        entry = manifest.Entry(kind=extra.kind, title=extra.title, sources=extra.sources,
                               data_sha256=key, scope=extra.scope,
                               outputs=dict(previous.outputs) if previous else {},
                               memory=dict(made.memory) | (
                                   {INPUTS: made.settled or digest}
                                   if made.settled or digest else {}))
        state = _output_state(st.folder, entry.outputs.get(extra.output), key)
        if not st.force and state in ("ours", "person"):
            entry.built = previous.built if previous and previous.built else now
            if state == "person":
                rel = entry.outputs[extra.output].file
                st.keep(rel, _kept_message(st.folder / rel, changed_data=False))
        else:
            entry.built = now
            (st.path / extra.rel).parent.mkdir(parents=True, exist_ok=True)
            (st.path / extra.rel).write_bytes(made.data)
            target = st.move(extra.rel, sha=key)
            entry.outputs = {extra.output: manifest.OutputRecord(target, key, len(made.data),
                                                                 key)}
            if previous is not None:
                stale.append(previous)
        st.entries[extra.rel] = entry
    return stale


def _stale_removals(st: Stage, stale: list[manifest.Entry], archive: list[str],
                    keep: set[str]) -> None:
    """Files of documents whose source rows are gone, and old archive files of this build's
    scope (``archive``): removed only when nobody changed them."""
    moved = {t for _, t, _ in st.plan.moves} | {o for o, _ in st.plan.backups}
    candidates = [f for e in stale for f in e.files()]
    candidates += [r for e in stale for r in e.archive or []] + archive
    for rel in dict.fromkeys(candidates):
        if (rel in keep or rel in moved or rel in st.outcome.kept_rels
                or not ownership.made_by_us(rel)):
            continue  # (a kept one has had its notice: one cause, one message)
        state = ownership.state(st.folder / rel, st.written.get(rel))
        if state is ownership.State.OURS:
            st.plan.removals.append(rel)  # into the backup folder, never deleted
            st.plan.retire_to = st.backup.relative_to(st.folder).as_posix()
        elif state is not ownership.State.MISSING:
            st.keep(rel, "hører ikke lenger til noe dokument (radene er borte fra "
                    "arbeidsboken, eller dokumentet har fått et nytt filnavn, for eksempel "
                    "etter ny tittel eller målform), men er endret etter at den ble laget, så "
                    "den er ikke slettet.")


def _stats(folder: Path, new: manifest.Manifest) -> dict[str, list[int]]:
    """Size and mtime of every file the manifest names, and of the manifest itself: the
    no-change check compares them. Also the folders of the PDFs with signature fields: a
    signed copy put beside one (``…-signert.pdf``) or taken away changes its folder's time,
    and its archive record must follow (a person's signed copy is no file of the build's)."""
    rels = [f for e in new.documents.values() for f in e.files()]
    rels += new.archive + new.kept + [manifest.FILENAME]
    rels += sorted({f.rpartition("/")[0] for e in new.documents.values()
                    if (kind := KINDS.get(e.kind)) is not None and kind.facts.signaturfelt
                    for f in e.files() if f.endswith(".pdf") and "/" in f})
    rels += [new.overview.file] if new.overview else []
    out = {}
    for rel in dict.fromkeys(rels):
        try:
            st = (folder / rel).stat()
        except OSError:
            continue
        out[rel] = [st.st_size, st.st_mtime_ns]
    return out


def _overview(st: Stage, data: Styringsdata, carried: dict[str, manifest.Entry],
              workbook_notices: Sequence[Notice]) -> manifest.OutputRecord:
    """Stage ``oversikt.html`` (see :mod:`generator.output.delivery.oversikt`) under the same
    ownership rule as the documents; returns its manifest record."""
    target = st.target(oversikt.FILENAME)
    page = oversikt.Overview(
        kommune=data.kommune.navn, år=data.kommune.år, made=datetime.now(),
        rows=tuple(oversikt.rows(st.folder, st.entries, carried, st.staged,
                                 st.outcome.kept_rels, st.outcome.signatures)),
        notices=oversikt.notices(st.outcome.notices, workbook_notices),
        delivered=oversikt.delivered(st.entries, carried),
        archive_list=next((rel for rel in [oversikt.ARCHIVE_LIST] if (st.path / rel).is_file()
                           or (st.folder / rel).is_file()), None))
    path = oversikt.write(st.path / target, page, st.folder / target)
    sha = sha256_file(path)
    st.plan.moves.append((target, target, sha))
    return manifest.OutputRecord(target, sha)


def _old_overview(folder: Path, old: manifest.Manifest) -> str | None:
    """The previous build's overview page (only a path inside the year folder)."""
    if (old.overview is None or ownership.inside(folder, old.overview.file) is None
            or not ownership.made_by_us(old.overview.file)):
        return None
    return old.overview.file


def _describe(folder: Path, rel: str, data_sha256: str) -> manifest.OutputRecord:
    path = folder / rel
    return manifest.OutputRecord(rel, sha256_file(path), path.stat().st_size, data_sha256)


def _pdfs(st: Stage) -> None:
    """PDF/A of every rendered document, with signature fields, checked. Each PDF is signed
    and checked as soon as LibreOffice has written it (:func:`pdf.convert`), while it
    converts the others; the documents with a table of contents are converted first. Over
    UNO, LibreOffice numbers their table of contents from its own layout in that one pass
    (the DOCX gets the same numbers); a second pass (the page numbers from the first
    layout) is made when that PDF is not right (and always by the batched calls), and
    starts as soon as they are done, beside the rest of the first."""
    todo = list(st.outcome.rendered)
    if not todo:
        st.end_office()
        return
    st.start_office(len(todo))  # when the build did not start it with the rendering
    try:
        _convert_all(st, todo)
    finally:
        st.end_office(wait=False)  # LibreOffice quits while the archive records are made


def _convert_all(st: Stage, todo: list[Planned]) -> None:
    pdf.pikepdf.Pdf  # noqa: B018 - the lazily imported pikepdf loaded before any thread uses it
    second = ThreadPoolExecutor(1)
    docx = [st.path / st.staged[d.filename]["docx"] for d in todo]
    planned = dict(zip(docx, todo, strict=True))
    # the lederavtaler get their two empty signature fields as they are finished (pikepdf)
    fields = {d for d, p in planned.items() if p.facts is not None and p.facts.signaturfelt}
    contents = [d for d in docx if toc.has_toc(d.read_bytes())]
    pdf_dir = st.path / ".pdf"
    problems: dict[Path, str] = {}
    first: list[tuple[Path, Path]] = []
    stop = threading.Event()
    again: list[Future[None]] = []

    def check(source: Path, path: Path) -> None:
        doc = planned[source]
        report = pdf.verify(path, doc.properties.get("title"), source in fields)
        if not report.ok:
            problems[source] = f"{path.name}: " + "; ".join(report.problems)

    renumbered: dict[Path, Path] = {}  # DOCX → its second-pass PDF

    def numbered(pairs: list[tuple[Path, Path]]) -> None:
        # A table of contents gets its page numbers from the first layout. When the first
        # PDF does not show them all (not numbered over UNO, or the numbers moved the
        # layout), once more, into a folder of its own: the first pass is still converting
        # into ``pdf_dir`` and would find the first layout's PDF gone while the second is
        # being written.
        redo = [d for d, p in pairs if toc.page_numbers(d, p)]
        if redo:
            made = pdf.convert(redo, st.path / ".pdf-innhold", check, stop, st.office,
                               fields=fields)
            renumbered.update(zip(redo, made, strict=True))
        for d, p in pairs:
            if d not in redo:
                with pdf.FINISHING:
                    check(d, p)

    def done(source: Path, path: Path) -> None:
        if source not in contents:
            check(source, path)
            return
        first.append((source, path))
        if len(first) == len(contents):
            again.append(second.submit(numbered, list(first)))

    order = contents + [d for d in docx if d not in contents]
    ok = False
    try:
        made = pdf.convert(order, pdf_dir, done, stop, st.office, toc=contents, fields=fields)
        for job in again:
            job.result()
        ok = True
    except pdf.PdfError as e:
        raise BuildError(str(e)) from None
    finally:
        if not ok:
            stop.set()
        second.shutdown(wait=True)
    pdfs = dict(zip(order, made, strict=True)) | renumbered
    if problems:
        raise BuildError("PDF/A-kontrollen feilet: " + " | ".join(
            [problems[d] for d in docx if d in problems][:5]))
    for source, doc in planned.items():
        rel = _rel(doc, ".pdf")
        target = st.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(pdfs[source], target)
        st.staged[doc.filename]["pdf"] = rel
