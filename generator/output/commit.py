"""Putting a staged build into the output folder: all of it, or none of it.

Before anything is replaced, every target folder is checked (no symlink out of the
output folder, and a real probe write succeeds). Then a journal is written into the
stage, old files are moved aside into the stage (not deleted) and the new ones moved
in. Only the manifest makes the new set current; until it is written a failure, an
interrupt or a killed process is rolled back (now, or by the next build from the
journal), so the folder always matches its manifest.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError
from ..files import sha256_file
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
    removals: list[str] = field(default_factory=list)


Plan = CommitPlan  # the name before 0.3 (kept while other branches still use it)


def precheck(folder: Path, plan: CommitPlan) -> None:
    """Every target can be written, and none goes through a symlink out of ``folder``."""
    problems: list[str] = []
    targets = [t for _, t, _ in plan.moves] + [b for _, b in plan.backups]
    dirs: dict[Path, str] = {folder: "."}
    for rel in targets:
        outside = ownership.escapes(folder, rel)
        if outside is not None:
            problems.append(f"«{Path(rel).parent.as_posix()}» er en snarvei (symbolsk lenke) "
                            f"til {outside}, utenfor utmappen; programmet skriver ikke dit. "
                            "Fjern snarveien eller gjør den til en vanlig mappe")
            continue
        dirs.setdefault((folder / rel).parent, Path(rel).parent.as_posix())
        target = folder / rel
        if target.is_dir() and not target.is_symlink():
            problems.append(f"«{rel}» er en mappe, ikke en fil")
    for path, rel in dirs.items():
        if any(rel in p for p in problems):
            continue
        try:
            path.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path, prefix=".skrivetest-"):
                pass
        except OSError as e:
            problems.append(f"kan ikke skrive i «{rel}» ({e.strerror or e})")
    if problems:
        raise CommitError(f"Ingenting er endret i {folder}: " + "; ".join(problems[:8]) + ".")


def commit(folder: Path, stage: Path, build_id: str, plan: CommitPlan) -> None:
    """Move the staged files into place, keeping the old ones in the stage for a rollback."""
    (stage / JOURNAL).write_text(json.dumps({
        "build": build_id, "moves": plan.moves, "backups": plan.backups,
        "removals": plan.removals}), encoding="utf-8")
    old = stage / OLD
    try:
        for orig, backup in plan.backups:
            (folder / backup).parent.mkdir(parents=True, exist_ok=True)
            os.replace(folder / orig, folder / backup)
        for rel in plan.removals:
            _aside(folder / rel, old / rel)
        for src, dst, _sha in plan.moves:
            target = folder / dst
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


def _why(e: BaseException) -> str:
    if isinstance(e, OSError):
        return f"{e.filename or ''}: {e.strerror or e}".strip(": ")
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
    old = stage / OLD
    failed: list[str] = []
    for src, dst, sha in reversed(journal.get("moves", [])):
        try:
            if os.path.lexists(old / dst):
                os.replace(old / dst, folder / dst)
            elif (not os.path.lexists(stage / src) and (folder / dst).is_file()
                  and sha256_file(folder / dst) == sha):
                os.replace(folder / dst, stage / src)  # a new file: out again
        except OSError:
            failed.append(dst)
    for rel in journal.get("removals", []):
        try:
            if os.path.lexists(old / rel):
                os.replace(old / rel, folder / rel)
        except OSError:
            failed.append(rel)
    for orig, backup in reversed(journal.get("backups", [])):
        try:
            if os.path.lexists(folder / backup) and not os.path.lexists(folder / orig):
                os.replace(folder / backup, folder / orig)
        except OSError:
            failed.append(orig)
    if not failed:
        (stage / JOURNAL).unlink(missing_ok=True)
    return failed


def recover(folder: Path, stages: list[Path], current_build: str | None) -> list[str]:
    """Clean up the stages of killed builds, before anything else: a build whose manifest
    was written is kept, any other is rolled back. Returns notices (bokmål)."""
    notes = []
    for stage in stages:
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
