"""Nothing to do, done at once: the no-change check that runs before anything heavy.

A full build records in ``.uendret.json`` (beside the manifest) a fingerprint of what it
was made from (the bytes of every input workbook, every template, the product version and
the options) and the size and modification time of every file the manifest names. When
the next build has the same fingerprint and every file is still as it was, there is
nothing to do: this module says so without importing openpyxl, docxtpl, lxml or
LibreOffice. Standard library only.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG

from .. import __version__
from ..errors import os_reason
from ..files import sha256_file, write_changed
from ..paths import workbook_folder
from .manifest import Manifest

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".fods", ".numbers")  # as
# generator.input.reader finds them
STAGING_PREFIX = ".staging-"
LOCK_NAME = ".bygg.lock"  # as generator.output.stage: there only while a build runs


@dataclass
class Unchanged:
    """A build that had nothing to do: where, how many documents, and the kept notices."""

    folder: Path
    counts: dict[str, int] = field(default_factory=dict)
    rels: list[str] = field(default_factory=list)  # the documents' files, in the year folder
    notices: list[tuple[str, str]] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return [self.folder / rel for rel in self.rels]

    def say(self) -> None:
        """Print the answer: the kept files' notices (stderr), then one summary line."""
        for rel, message in self.notices:
            where = self.folder if rel == "." else self.folder / rel
            print(f"MERKNAD {where}: {message}", file=sys.stderr)
        n = sum(self.counts.values())
        print(f"Ingen endringer: {_tall(n)} dokumenter i {self.folder} er som de skal være "
              f"({_tall(len(self.rels))} filer). Ingenting å gjøre.")


def _tall(n: int) -> str:
    """A count as :func:`generator.norsk.tall` writes it (``3 666``), without loading Babel."""
    return f"{n:,}".replace(",", "\u00a0")


def office_installed() -> bool:
    """Whether LibreOffice is there (the same places :func:`generator.output.pdf.soffice` looks)."""
    chosen = os.environ.get("STYRING_SOFFICE")
    if (chosen and Path(chosen).is_file()) or shutil.which("soffice") or shutil.which(
            "libreoffice"):
        return True
    return any(Path(p).exists() for p in (
        "/usr/lib/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"))


def _workbooks(paths: Sequence[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.suffix.lower() in WORKBOOK_SUFFIXES
                              and not q.name.startswith(("~$", ".~lock"))))
        else:
            out.append(p)
    return out


def _returns(paths: Sequence[Path]) -> list[Path]:
    """The reporting round's returns (``runde/*/inn/*`` beside the workbooks): a new answer
    is a changed input."""
    if not paths:
        return []
    return sorted(p for p in (workbook_folder(paths) / "runde").glob("*/inn/*") if p.is_file())


def fingerprint(paths: Sequence[Path], template_dir: Path, kinds: Sequence[str] | None,
                tertial: int | None, want_pdf: bool, auto: bool = False) -> dict | None:
    """What a build is made from; None when an input cannot be read (then: full build).

    ``auto``: no ``--templates`` was given, so the folder came from the workbooks
    («Malmappe») or is the product's own; see :func:`retarget`."""
    try:
        inputs = {str(p.resolve()): sha256_file(p) for p in _workbooks(paths)}
        inputs |= {str(p.resolve()): sha256_file(p) for p in _returns(paths)}
        templates = {p.name: sha256_file(p) for p in sorted(template_dir.glob("*.docx"))}
    except OSError:
        return None
    # The kinds asked for (empty: all); the names are not known here, before the documents'
    # declarations are imported (and need not be: a full build checks --only).
    options = {"kinds": sorted(kinds or ()), "tertial": tertial,
               "pdf": want_pdf, "templates": str(template_dir.resolve())}
    if auto:
        options["templates_auto"] = True
    return {"version": __version__, "inputs": inputs, "templates": templates,
            "options": options}


def retarget(print_: dict | None, template_dir: Path) -> dict | None:
    """The fingerprint with the templates of the folder the workbooks chose (the input
    hashes stay those taken before the workbooks were read)."""
    if print_ is None:
        return None
    try:
        templates = {p.name: sha256_file(p) for p in sorted(template_dir.glob("*.docx"))}
    except OSError:
        return None
    options = {**print_["options"], "templates": str(template_dir.resolve())}
    return {**print_, "templates": templates, "options": options}


STATUS = ".uendret.json"  # per year folder: what the no-change check needs, nothing more


def forget(folder: Path) -> None:
    """Remove the no-change record (a build is about to change the folder)."""
    (folder / STATUS).unlink(missing_ok=True)


def remember(folder: Path, print_: dict, manifest: Manifest, stat: dict[str, list[int]],
             scopes: set[str], checked: Sequence[str] = (),
             prepared: dict[str, str] | None = None) -> None:
    """Write the no-change record after a complete build: its fingerprint, the size and
    time of every file, the summary a no-change build repeats, the SHA-256 of the
    templates it found without a static problem (``checked``, see :func:`checked_templates`)
    and of its templates with profile and language applied (``prepared``)."""
    counts: dict[str, int] = {}
    files = []
    for entry in manifest.documents.values():
        if entry.scope in scopes:
            if entry.template is not None:  # documents; not e-mail drafts and calendars
                counts[entry.kind] = counts.get(entry.kind, 0) + 1
            files += entry.files()
    record = {"fingerprint": print_, "stat": stat, "counts": counts, "files": sorted(files),
              "notices": manifest.notices, "checked": sorted(set(checked)),
              "prepared": dict(sorted((prepared or {}).items()))}
    write_changed(folder / STATUS, json.dumps(record, ensure_ascii=False).encode("utf-8"),
                  durable=False)


def checked_templates(folder: Path) -> set[str]:
    """The SHA-256 of every template (its bytes as read from the template folder) that the
    last complete build of the year folder ``folder``, by this product version, checked and
    found without a static problem: the same bytes give the same answer, so the next build
    need not parse them again. Empty when there is no sound record."""
    shas = remembered(folder).get("checked")
    return {s for s in shas if isinstance(s, str)} if isinstance(shas, list) else set()


def prepared_templates(folder: Path) -> dict[str, str]:
    """What the last complete build of ``folder`` (this product version) recorded of its
    templates with the profile and language applied: key → SHA-256 (see
    :mod:`generator.rendering.prepared`)."""
    known = remembered(folder).get("prepared")
    return {k: v for k, v in known.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(known, dict) else {}


def remembered(folder: Path) -> dict:
    """The no-change record of ``folder`` when sound and written by this product version."""
    data, _wrong = read_status(folder / STATUS)
    if data is None or data["fingerprint"].get("version") != __version__:
        return {}
    return data


def unchanged(paths: Sequence[Path], out_dir: Path, template_dir: Path | None,
              kinds: Sequence[str] | None, tertial: int | None, pdf: bool | None,
              force: bool = False) -> Unchanged | None:
    """The result of a build that has nothing to do, or None when a real build is needed.

    ``template_dir=None`` (no ``--templates``): the folder the last build took from the
    workbooks is the one to compare; the workbooks' bytes are in the fingerprint, so a
    changed «Malmappe» is a changed input."""
    if force or not out_dir.is_dir():
        return None
    want_pdf = office_installed() if pdf is None else pdf
    if pdf and not office_installed():
        return None  # the full build reports the missing LibreOffice
    prints: dict[str, dict | None] = {}
    for path in sorted(out_dir.glob(f"*/{STATUS}")):
        data, _wrong = read_status(path)
        if data is None:
            continue  # the full build names a damaged record (see stage.transaction)
        folder_of = template_dir
        if folder_of is None:
            recorded_print = data.get("fingerprint")
            options = recorded_print.get("options") if isinstance(recorded_print, dict) else None
            recorded = options.get("templates") if isinstance(options, dict) else None
            if not isinstance(recorded, str):
                continue
            folder_of = Path(recorded)
        key = str(folder_of)
        if key not in prints:
            prints[key] = fingerprint(paths, folder_of, kinds, tertial, want_pdf,
                                      auto=template_dir is None)
        print_ = prints[key]
        if print_ is None or not print_["inputs"]:
            return None
        if not _same(data.get("fingerprint"), print_):
            continue
        folder = path.parent
        if _intact(folder, data):
            return Unchanged(folder, dict(data.get("counts", {})), list(data.get("files", [])),
                             [tuple(n) for n in data.get("notices", [])])
    return None


def read_status(path: Path) -> tuple[dict | None, str | None]:
    """A no-change record read and checked: (its content, None) when sound, (None, None)
    when there is none, else (None, what is wrong in bokmål)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return None, None
    except OSError as e:
        return None, f"kan ikke leses ({os_reason(e)})"
    except ValueError:
        return None, "er avkortet eller skadet (ikke gyldig JSON)"
    if not isinstance(data, dict):
        return None, "er skadet (ikke et JSON-objekt)"
    stat, counts, files, notices = (data.get(k) for k in ("stat", "counts", "files", "notices"))
    if not (isinstance(data.get("fingerprint"), dict) and isinstance(stat, dict)
            and all(isinstance(v, list) and len(v) == 2 and all(type(x) is int for x in v)
                    for v in stat.values())
            and isinstance(counts, dict) and all(type(v) is int for v in counts.values())
            and isinstance(files, list) and all(isinstance(f, str) for f in files)
            and isinstance(notices, list)
            and all(isinstance(n, list) and len(n) == 2 and all(isinstance(x, str) for x in n)
                    for n in notices)):
        return None, "er skadet (innholdet har ikke formen programmet skriver)"
    return data, None


def untouched(folder: Path) -> dict[str, str]:
    """The files the no-change record says the last build left, which still have the size
    and modification time it recorded (path → SHA-256 now): nobody has written to them
    since. Used only when the manifest is lost."""
    data, _wrong = read_status(folder / STATUS)
    out: dict[str, str] = {}
    for rel, (size, mtime) in (data or {}).get("stat", {}).items():
        path = folder / rel
        try:
            st = os.lstat(path)
            if (S_ISREG(st.st_mode) and st.st_size == size and st.st_mtime_ns == mtime
                    and not rel.startswith(".") and rel != "manifest.json"):
                out[rel] = sha256_file(path)
        except (OSError, ValueError):
            continue
    return out


def _intact(folder: Path, data: dict) -> bool:
    if any(folder.glob(STAGING_PREFIX + "*")) or os.path.lexists(folder / LOCK_NAME):
        return False  # a build running now, or a killed build's leftovers: the full build
    stat = data.get("stat")
    if not isinstance(stat, dict) or not stat:
        return False
    root = str(folder) + os.sep
    for rel, (size, mtime) in stat.items():
        try:
            st = os.stat(root + rel)
        except (OSError, ValueError):
            return False
        if st.st_size != size or st.st_mtime_ns != mtime:
            return False
    return True


def _same(stored: object, print_: dict) -> bool:
    """The stored fingerprint equals this one, and the other files the build read (the
    logo, under «depends») still have the recorded SHA-256."""
    if not isinstance(stored, dict):
        return False
    depends = stored.get("depends", {})
    if {k: v for k, v in stored.items() if k != "depends"} != print_:
        return False
    try:
        return isinstance(depends, dict) and all(sha256_file(Path(p)) == sha
                                                 for p, sha in depends.items())
    except (OSError, TypeError, ValueError):
        return False
