"""Who owns a file in the output folder: the product, or the person who changed it.

The product may replace or delete a file only when its bytes are exactly what the
product wrote (the SHA-256 in the manifest). Anything else (edited in Word, signed,
annotated, or never made by the product) belongs to the user and is left alone.
Kept free of heavy imports; :func:`is_signed` reads the PDF with pikepdf only when asked.
"""

from __future__ import annotations

import enum
import os
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import lazy
from ..documents import KINDS
from ..documents.kind import folders
from ..files import sha256_file
from ..texts import N_, _

if TYPE_CHECKING:
    import pikepdf
else:
    pikepdf = lazy.module("pikepdf")  # loaded when a PDF is first touched

NEW_SUFFIX = "-ny"  # the new version beside a kept file: lederavtale-x.docx → lederavtale-x-ny.docx
BACKUP_DIR = N_("sikkerhetskopi")  # --force moves changed files to sikkerhetskopi/<tidspunkt>/
# (named in the build's målform: «tryggingskopi» in nynorsk)


class State(enum.Enum):
    """What is at a file's place compared with what the manifest says the product wrote."""

    MISSING = "mangler"
    OURS = "uendret"
    CHANGED = "endret"
    SIGNED = "signert"


def state(path: Path, written_sha: str | None) -> State:
    """MISSING, OURS (bytes as written), SIGNED (a PDF with a filled signature field)
    or CHANGED (anything else, also a file the product never wrote)."""
    if not os.path.lexists(path):
        return State.MISSING
    if path.is_symlink() or not path.is_file():
        return State.CHANGED
    if written_sha is not None and sha256_file(path) == written_sha:
        return State.OURS
    return State.SIGNED if path.suffix.lower() == ".pdf" and is_signed(path) else State.CHANGED


_SIG_HINT = re.compile(rb"/ByteRange\s*\[")


def is_signed(path: Path) -> bool:
    """True when the PDF has a signature field with a value (someone has signed it)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if not _SIG_HINT.search(data):
        return False  # every signature dictionary has a /ByteRange; cheap first test
    try:
        with pikepdf.open(path) as pdf:
            form = pdf.Root.get("/AcroForm")
            for fld in (form.get("/Fields", []) if form is not None else []):
                for f in [fld, *fld.get("/Kids", [])]:
                    if f.get("/FT") == "/Sig" and f.get("/V") is not None:
                        return True
    except (pikepdf.PdfError, OSError, AttributeError, TypeError):
        return True  # it has a signature dictionary but cannot be read: treat as signed
    return False


def beside(rel: str) -> str:
    """The stable name of the new version written beside a kept file."""
    stem, dot, ext = rel.rpartition(".")
    return f"{stem}{NEW_SUFFIX}.{ext}" if dot else rel + NEW_SUFFIX


def backup_folder(folder: Path, now: datetime | None = None) -> Path:
    """A dated folder inside the output folder for files a build moves out of the way
    (--force, and files no longer wanted); a new one each build (``-2`` … in the same
    second), so a backup is never overwritten."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    backups = folder / _(BACKUP_DIR)
    path, n = backups / stamp, 1
    while os.path.lexists(path):
        n += 1
        path = backups / f"{stamp}-{n}"
    return path


# The files a build makes, by folder: a document kind's folder holds its Word and PDF files,
# «arkiv» the archive records, «epost» and «kalender» the delivered files, and the year
# folder itself the overview page. Names are the product's slugs (ASCII lower case, digits,
# hyphens; see generator.documents.common.slug). Nothing else is ever removed or replaced.
_OTHERS = (r"|arkiv/[a-z0-9][a-z0-9-]*\.(?:json|xml|csv)"
           r"|epost/[a-z0-9][a-z0-9-]*\.eml"
           r"|kalender/[a-z0-9][a-z0-9-]*\.ics"
           r"|oversikt(?:-ny(?:-[0-9]+)?)?\.html)")


def made_by_us(rel: str) -> bool:
    """Whether ``rel`` (relative to the year folder) has the folder and the name of a file
    the product makes; a manifest entry naming anything else is not followed. The kinds'
    folders are read from the declarations each time (a kind may be registered later), in
    every målform (``lederavtale/``, ``leiaravtale/``: :func:`..documents.kind.folders`)."""
    kinds = "|".join(re.escape(f) for k in KINDS for f in folders(k))
    return re.fullmatch(rf"(?:(?:{kinds})/[a-z0-9][a-z0-9-]*\.(?:docx|pdf){_OTHERS}",
                        rel) is not None


def inside(folder: Path, rel: object, resolved_dirs: dict[Path, Path] | None = None
           ) -> Path | None:
    """``folder / rel`` when it stays inside ``folder`` after resolving, else None.

    Used for every path read from the manifest (``../../x``, absolute paths and paths
    through a symlink that leads out are refused). ``resolved_dirs``: the folders already
    resolved in this pass over a manifest (each resolved once, not once per file)."""
    if not isinstance(rel, str) or not rel or "\0" in rel:
        return None
    if Path(rel).is_absolute() or re.match(r"^[A-Za-z]:", rel) or rel.startswith(("/", "\\")):
        return None
    cache: dict[Path, Path] = {} if resolved_dirs is None else resolved_dirs
    root = cache[folder] if folder in cache else cache.setdefault(folder, folder.resolve())
    target = folder / rel
    try:
        parent = target.parent
        resolved = (cache[parent] if parent in cache
                    else cache.setdefault(parent, parent.resolve())) / target.name
    except (OSError, RuntimeError):
        return None
    if ".." in Path(rel).parts or not resolved.is_relative_to(root):
        return None
    return target


def escapes(folder: Path, rel: str, resolved_dirs: dict[Path, Path] | None = None
            ) -> Path | None:
    """The outside place a target's folder leads to through a symlink, else None
    (``resolved_dirs``: as for :func:`inside`)."""
    cache: dict[Path, Path] = {} if resolved_dirs is None else resolved_dirs
    root = cache[folder] if folder in cache else cache.setdefault(folder, folder.resolve())
    parent = (folder / rel).parent
    try:
        resolved = (cache[parent] if parent in cache
                    else cache.setdefault(parent, parent.resolve()))
    except (OSError, RuntimeError):
        return parent
    return None if resolved.is_relative_to(root) else resolved
