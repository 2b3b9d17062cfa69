"""Putting a staged build into the output folder: all of it, or none of it.

Before anything is replaced, every target folder is checked (no symlink out of the
output folder, and a real probe write succeeds). Then a journal is written into the
stage, old files are moved aside into the stage (not deleted) and the new ones moved
in; a file whose bytes are already there is left as it is (its time stamp stays).
Only the manifest makes the new set current; until it is written a failure, an
interrupt or a killed process is rolled back (now, or by the next build from the
journal), so the folder always matches its manifest.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError, os_reason
from ..files import same_content, sha256_file
from . import ownership

JOURNAL = "journal.json"
OLD = ".gammelt"


class CommitError(OutputError):
    """The new files could not be put in place; the message (bokmål) says the folder's state."""


@dataclass
class CommitPlan:
    """What a commit does: (stage path, target path, sha) moves, (file, backup) moves for
    --force, and files the build removes (made by it, unchanged, no longer wanted)."""

    moves: list[tuple[str, str, str]] = field(default_factory=list)
    backups: list[tuple[str, str]] = field(default_factory=list)
    removals: list[str] = field(default_factory=list)  # moved to ``retire_to``
    retire_to: str = ""  # the backup folder (relative) removed files are moved into

    def retired(self, rel: str) -> str:
        """Where a removed file goes: into the backup folder, never away."""
        return f"{self.retire_to}/{rel}" if self.retire_to else rel

    def targets(self) -> list[str]:
        """Every path in the folder the commit writes to."""
        return ([t for _, t, _ in self.moves] + [b for _, b in self.backups]
                + [self.retired(r) for r in self.removals if self.retire_to])


Plan = CommitPlan  # the name before 0.3 (kept while other branches still use it)


def precheck(folder: Path, plan: CommitPlan) -> None:
    """Every target can be written, and none goes through a symlink out of ``folder``.

    Nothing is created here: a missing folder is checked by its nearest existing parent
    (the probe file written there is removed at once)."""
    problems: list[str] = []
    dirs: dict[Path, str] = {folder: "."}
    resolved: dict[Path, Path] = {}  # each folder resolved once in this check
    for rel in plan.targets():
        outside = ownership.escapes(folder, rel, resolved)
        if outside is not None or ownership.inside(folder, rel, resolved) is None:
            problems.append(f"«{Path(rel).parent.as_posix()}» er en snarvei (symbolsk lenke) "
                            f"til {outside or 'en annen mappe'}, utenfor utmappen; programmet "
                            "skriver ikke dit. "
                            "Fjern snarveien eller gjør den til en vanlig mappe")
            continue
        dirs.setdefault((folder / rel).parent, Path(rel).parent.as_posix())
        target = folder / rel
        if target.is_dir() and not target.is_symlink():
            problems.append(f"«{rel}» er en mappe, ikke en fil")
    probed: set[Path] = set()
    for path, rel in dirs.items():
        if any(rel in p for p in problems):
            continue
        existing = path
        while existing != folder and not os.path.lexists(existing):
            existing = existing.parent
        if not existing.is_dir():
            where = existing.relative_to(folder).as_posix()
            problems.append(f"«{where}» er en fil, ikke en mappe")
            continue
        if existing in probed:
            continue
        probed.add(existing)
        try:
            with tempfile.NamedTemporaryFile(dir=existing, prefix=".skrivetest-"):
                pass
        except OSError as e:
            problems.append(f"kan ikke skrive i «{rel}» ({os_reason(e)})")
    if problems:
        raise CommitError(f"Ingenting er endret i {folder}: " + "; ".join(problems[:8]) + ".")


def _missing_dirs(folder: Path, plan: CommitPlan) -> list[str]:
    """The folders the commit will create (relative, parents first)."""
    out: set[str] = set()
    for rel in plan.targets():
        parent = Path(rel).parent
        while parent.parts and not os.path.lexists(folder / parent):
            out.add(parent.as_posix())
            parent = parent.parent
    return sorted(out, key=lambda r: (r.count("/"), r))


def commit(folder: Path, stage: Path, build_id: str, plan: CommitPlan) -> None:
    """Move the staged files into place, keeping the old ones in the stage for a rollback;
    files the build removes go to the backup folder (``plan.retire_to``), never away."""
    (stage / JOURNAL).write_text(json.dumps({
        "build": build_id, "moves": plan.moves, "backups": plan.backups,
        "removals": plan.removals, "retire_to": plan.retire_to,
        "made": _missing_dirs(folder, plan)}), encoding="utf-8")
    old = stage / OLD
    try:
        for orig, backup in plan.backups:
            (folder / backup).parent.mkdir(parents=True, exist_ok=True)
            os.replace(folder / orig, folder / backup)
        for rel in plan.removals:
            _aside(folder / rel, folder / plan.retired(rel) if plan.retire_to else old / rel)
        for src, dst, sha in plan.moves:
            target = folder / dst
            if _unchanged(target, stage / src, sha):
                continue  # the same bytes are there: left as it is (its time stamp stays)
            if os.path.lexists(target):
                _aside(target, old / dst)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / src, target)
    except BaseException as e:
        failed = rollback(folder, stage)
        if failed:
            raise CommitError(f"Flyttingen av de nye filene stoppet ({_why(e)}), og "
                              f"{len(failed)} gamle filer kunne ikke legges tilbake; de ligger "
                              f"i {old}. Flytt dem tilbake før du bygger igjen.") from None
        if isinstance(e, OSError):
            raise CommitError(f"Flyttingen av de nye filene stoppet ({_why(e)}). Alt er lagt "
                              f"tilbake: {folder} er som før byggingen.") from None
        raise


def _unchanged(target: Path, staged: Path, sha: str) -> bool:
    """The file in the folder already holds the staged bytes: a shared drive (OneDrive,
    Teams) must not see it as changed, so it is not replaced."""
    try:
        size = staged.stat().st_size
    except OSError:
        return False
    return bool(sha) and same_content(target, sha, size)


def _why(e: BaseException) -> str:
    if isinstance(e, OSError):
        return f"{e.filename or ''}: {os_reason(e)}".strip(": ")
    return type(e).__name__


def _aside(path: Path, to: Path) -> None:
    to.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, to)


def rollback(folder: Path, stage: Path) -> list[str]:
    """Undo a commit from its journal; returns what could not be put back."""
    try:
        journal = json.loads((stage / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(journal, dict):
        return []
    old = stage / OLD
    failed: list[str] = []

    def inside(*rels: object) -> bool:  # a journal is read back: never a path out of it
        return all(ownership.inside(folder, r) is not None for r in rels)

    retire_to = journal.get("retire_to") or ""
    for src, dst, sha in reversed(journal.get("moves", [])):
        if not inside(src, dst):
            continue
        try:
            if os.path.lexists(old / dst):
                os.replace(old / dst, folder / dst)
            elif (not os.path.lexists(stage / src) and (folder / dst).is_file()
                  and sha256_file(folder / dst) == sha):
                os.replace(folder / dst, stage / src)  # a new file: out again
        except OSError:
            failed.append(dst)
    for rel in journal.get("removals", []):
        aside = folder / retire_to / rel if retire_to else old / rel
        if not inside(rel, f"{retire_to}/{rel}" if retire_to else rel):
            continue
        try:
            if os.path.lexists(aside):
                if os.path.lexists(folder / rel):  # something new stands there: keep both
                    failed.append(rel)
                else:
                    os.replace(aside, folder / rel)
        except OSError:
            failed.append(rel)
    for orig, backup in reversed(journal.get("backups", [])):
        if not inside(orig, backup):
            continue
        try:
            if os.path.lexists(folder / backup) and not os.path.lexists(folder / orig):
                os.replace(folder / backup, folder / orig)
        except OSError:
            failed.append(orig)
    for rel in reversed(journal.get("made", [])):  # folders the commit created, when empty
        if inside(rel):
            with contextlib.suppress(OSError):
                (folder / rel).rmdir()
    if not failed:
        (stage / JOURNAL).unlink(missing_ok=True)
    return failed


def recover(folder: Path, stages: list[Path], current_build: str | None) -> list[str]:
    """Clean up the stages of killed builds, before anything else: a build whose manifest
    was written is kept, any other is rolled back. Returns notices (bokmål)."""
    notes = []
    for stage in stages:
        if not os.path.lexists(stage):
            continue
        if stage.is_symlink() or not stage.is_dir():
            notes.append(f"«{stage.name}» er ikke en mappe programmet har laget (en snarvei "
                         "eller en fil); den er ikke rørt.")
            continue
        journal = stage / JOURNAL
        if journal.exists():
            try:
                build = json.loads(journal.read_text(encoding="utf-8")).get("build")
            except (OSError, ValueError):
                build = None
            if build != current_build:
                failed = rollback(folder, stage)
                if failed:
                    notes.append(f"en avbrutt bygging kunne ikke rulles helt tilbake; "
                                 f"{len(failed)} filer ligger igjen i {stage / OLD}.")
                    continue
                notes.append("en avbrutt bygging var halvveis; filene er lagt tilbake slik "
                             "de var før den.")
        shutil.rmtree(stage, ignore_errors=True)
    return notes
