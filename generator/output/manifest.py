"""The build manifest: what each document was made from, so a rebuild can reuse it.

A document is reused when its data hash (the canonical JSON of its context, its
template's hash and the product version) is unchanged and every output file is still
there with the recorded SHA-256 (see :mod:`generator.output.stage` and
:mod:`generator.output.ownership`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import os_reason
from ..files import holds, write_atomic

FILENAME = "manifest.json"


_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, looked up once


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value  # the most common cases first, as the last line below returns them
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # docxtpl Listing and the like


def data_hash(context: dict[str, Any], template_sha: str, options: str = "") -> str:
    """The fingerprint that decides whether a document must be rendered again."""
    payload = json.dumps([__version__, template_sha, options, _plain(context)],
                         ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def read(folder: Path) -> dict[str, Any]:
    """The previous build's manifest, or an empty one (a damaged file counts as none)."""
    try:
        data = json.loads((folder / FILENAME).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and "documents" in data else {"documents": {}}
    except (OSError, ValueError):
        return {"documents": {}}


def write(folder: Path, manifest: dict[str, Any]) -> Path:
    """Write the manifest, then its copy (:data:`COPY`), each atomically: a manifest damaged
    later (cut short, edited by hand) is recovered from the copy by :func:`recover`.

    A file that already holds the same content is not written again (a shared drive sees no
    change); a manifest that differs only in the build id keeps the old id."""
    path = folder / FILENAME
    before = read(folder)
    if before.get("build") and {**before, "build": None} == {**manifest, "build": None}:
        manifest = {**manifest, "build": before["build"]}  # nothing but the build id: kept
    data = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    written: list[tuple[Path, Path | None]] = []  # each file written, and its old one
    try:
        for target in (path, folder / COPY):
            if holds(target, data):
                continue
            old = _keep(target)
            try:
                write_atomic(target, data)
            except BaseException:
                _put_back(target, old)
                raise
            written.append((target, old))
    except BaseException:
        # the copy could not be written (a folder in its place, a full disk): the manifest
        # is put back as it was (the same file, its time stamp too), so the build's
        # rollback leaves the folder truly as before
        for target, old in reversed(written):
            _put_back(target, old)
        raise
    for _, old in written:
        if old is not None:
            with contextlib.suppress(OSError):
                old.unlink()
    return path


def _keep(path: Path) -> Path | None:
    """A second name for the plain file at ``path`` (a hard link, else a copy), so it can be
    put back; None when there is no file."""
    if path.is_symlink() or not path.is_file():
        return None
    keep = path.with_name(f".{path.name}.{os.getpid()}.gammel")
    with contextlib.suppress(OSError):
        keep.unlink()
    try:
        os.link(path, keep)
    except OSError:  # a file system without hard links
        shutil.copy2(path, keep)
    return keep


def _put_back(path: Path, old: Path | None) -> None:
    with contextlib.suppress(OSError):
        if old is None:
            path.unlink()
        else:
            os.replace(old, path)


COPY = ".manifest-kopi.json"  # the last good manifest, written right after it


def damage(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """A manifest file read and checked: (its JSON, None) when it is sound, (None, None) when
    there is none, else (None, what is wrong in bokmål)."""
    try:
        text = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as e:
        return None, f"kan ikke leses ({os_reason(e)})"
    try:
        data = json.loads(text.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "er ikke tekst (UTF-8); innholdet er skadet"
    except json.JSONDecodeError as e:
        return None, (f"er avkortet eller skadet: ikke gyldig JSON (linje {e.lineno}, "
                      f"tegn {e.colno})")
    except ValueError:
        return None, "er skadet: ikke gyldig JSON"
    if not isinstance(data, dict):
        return None, "er skadet: inneholder ikke et manifest (JSON-objekt)"
    docs = data.get("documents")
    if not isinstance(docs, dict):
        return None, "er skadet: listen over dokumenter («documents») mangler"
    bad = [str(n) for n, v in docs.items() if Entry.from_json(v) is None
           or not isinstance(v.get("outputs", {}), dict)
           or any(OutputRecord.from_json(o) is None for o in v.get("outputs", {}).values())]
    if bad:
        return None, (f"er skadet: {len(bad)} av {len(docs)} dokumentoppføringer er ugyldige "
                      f"(f.eks. «{bad[0]}»)")
    return data, None


_MARKERS = ('"documents"', '"product"', '"archive"')  # in every manifest the product wrote


def foreign(folder: Path) -> str | None:
    """Why what stands at the manifest's place is a person's own file or folder, not the
    product's bookkeeping (bokmål, to follow the file name); None when it is the product's
    manifest, sound or damaged (cut short, edited), or when there is none.

    The product's manifest is a JSON object with «documents» or «product»: «styring»; a file
    that is no longer valid JSON still counts as the product's when it opens like one (``{``
    and one of its keys) or is empty (a write cut short)."""
    path = folder / FILENAME
    if path.is_symlink():
        return "er en snarvei (symbolsk lenke), ikke programmets manifest"
    if path.is_dir():
        return "er en mappe, ikke programmets manifest"
    if not os.path.lexists(path):
        return None
    if not path.is_file():
        return "er ikke en vanlig fil, og ikke programmets manifest"
    try:
        raw = path.read_bytes()
    except OSError:
        return None  # cannot be read: :func:`damage` says so
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    try:
        data = json.loads(text)
    except ValueError:
        if not text or (text.startswith("{") and any(m in text for m in _MARKERS)):
            return None  # the product's, damaged
        return "er ikke programmets manifest, men en annen fil (innholdet er ikke JSON)"
    if not isinstance(data, dict) or data.get("product") == "styring" or "documents" in data:
        return None  # (JSON that is not an object: a manifest overwritten by hand, damaged)
    return ("er ikke programmets manifest, men en annen JSON-fil (uten programmets kjennetegn "
            "«product»: «styring» og «documents»)")


def recover(folder: Path, expected: bool = False, own: bool = False
            ) -> tuple[dict[str, Any], str | None, bool]:
    """The previous build's manifest: (JSON, notice, sound). A damaged or missing manifest
    is taken from the copy when that is sound; the notice (bokmål, one line) names the file
    and what is wrong. ``sound`` is False when nothing could be recovered: the build then
    knows its own files only by their content. ``expected``: a build has been here (its
    other bookkeeping is there), so a missing manifest is a lost one, not a new folder.
    ``own``: a person's own file stands at the manifest's place (:func:`foreign`); it is
    read as no manifest."""
    data, wrong = (None, None) if own else damage(folder / FILENAME)
    if data is not None:
        return data, None, True
    copy, copy_wrong = damage(folder / COPY)
    if wrong is None and copy is None and copy_wrong is None and not expected:
        return {"documents": {}}, None, True  # a new folder
    what = wrong or "mangler"
    if copy is not None:
        return copy, (f"{what}; innholdet er hentet fra kopien {COPY} fra samme bygging, "
                      "og manifestet skrives på nytt."), True
    none = f"kopien {COPY} {copy_wrong}" if copy_wrong else "det finnes ingen kopi"
    return {"documents": {}}, (
        f"{what}, og {none}; filer som er uendret siden forrige bygging (etter "
        ".uendret.json) eller helt like det programmet lager nå, regnes som programmets "
        "egne, de andre blir liggende urørt (nye versjoner ved siden av), og manifestet "
        "skrives på nytt."), False


# --- the typed view the build works with ---------------------------------------------------------
#
# ``read`` and ``write`` above move JSON; the classes below are what the build passes around.
# ``from_json`` accepts whatever a previous (or damaged, or crafted) manifest holds and keeps
# only what is well formed; ``to_json`` writes the same layout the product has always written.


def _str_list(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


@dataclass
class OutputRecord:
    """One file a build wrote for a document: where it is, its bytes' hash and size, and the
    data hash it was made from (an older PDF kept by a build without PDF has another)."""

    file: str
    sha256: str | None = None
    size: int | None = None
    data_sha256: str | None = None

    @classmethod
    def from_json(cls, raw: object) -> OutputRecord | None:
        if not isinstance(raw, dict):
            return None
        file = raw.get("file")
        if not isinstance(file, str) or not file:
            return None
        sha, size, data = raw.get("sha256"), raw.get("size"), raw.get("data_sha256")
        return cls(file=file,
                   sha256=sha if isinstance(sha, str) else None,
                   size=size if isinstance(size, int) else None,
                   data_sha256=data if isinstance(data, str) else None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file}
        if self.sha256 is not None:
            out["sha256"] = self.sha256
        if self.size is not None:
            out["size"] = self.size
        if self.data_sha256 is not None:
            out["data_sha256"] = self.data_sha256
        return out

    def made_from(self, data_sha256: str) -> bool:
        """Made from this data (a record without a data hash counts as made from it)."""
        return (self.data_sha256 or data_sha256) == data_sha256


@dataclass(frozen=True)
class TemplateRecord:
    """The template a document was rendered from."""

    file: str
    sha256: str


@dataclass
class Entry:
    """The manifest entry of one document or delivered file (e-mail draft, calendar).

    ``template``, ``restricted`` and ``variant`` belong to documents; ``archive`` lists a
    main document's archive files; ``memory`` holds what a delivered file keeps between
    builds (a calendar's events) and any key an older version wrote."""

    kind: str
    title: str = ""
    sources: list[str] = field(default_factory=list)
    data_sha256: str = ""
    scope: str = ""
    outputs: dict[str, OutputRecord] = field(default_factory=dict)
    built: str = ""
    template: TemplateRecord | None = None
    restricted: bool | None = None
    variant: str | None = None
    archive: list[str] | None = None
    memory: dict[str, Any] = field(default_factory=dict)
    signed: OutputRecord | None = None

    _KNOWN = ("kind", "title", "sources", "data_sha256", "scope", "outputs", "built",
              "template", "restricted", "variant", "archive", "signed")

    @classmethod
    def from_json(cls, raw: object) -> Entry | None:
        """The entry, or None when it is not one (not an object, or outputs not an object);
        outputs that are not objects are left out."""
        if not isinstance(raw, dict) or not isinstance(raw.get("outputs", {}), dict):
            return None
        outputs = {str(k): o for k, v in raw.get("outputs", {}).items()
                   if (o := OutputRecord.from_json(v)) is not None}
        tpl = raw.get("template")
        template = (TemplateRecord(str(tpl.get("file", "")), str(tpl.get("sha256", "")))
                    if isinstance(tpl, dict) else None)
        kind = raw.get("kind")
        scope = raw.get("scope", kind)
        return cls(kind=kind if isinstance(kind, str) else "",
                   title=str(raw.get("title", "")), sources=_str_list(raw.get("sources")),
                   data_sha256=str(raw.get("data_sha256", "")),
                   scope=scope if isinstance(scope, str) else "", outputs=outputs,
                   built=str(raw.get("built", "")), template=template,
                   restricted=bool(raw["restricted"]) if "restricted" in raw else None,
                   variant=str(raw["variant"]) if raw.get("variant") is not None else None,
                   archive=_str_list(raw["archive"]) if "archive" in raw else None,
                   memory={k: v for k, v in raw.items() if k not in cls._KNOWN},
                   signed=OutputRecord.from_json(raw.get("signed")))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "title": self.title, "sources": self.sources,
                               "data_sha256": self.data_sha256, "scope": self.scope,
                               "outputs": {k: o.to_json() for k, o in self.outputs.items()},
                               "built": self.built, **self.memory}
        if self.template is not None:
            out |= {"template": {"file": self.template.file, "sha256": self.template.sha256},
                    "restricted": self.restricted, "variant": self.variant}
        if self.archive is not None:
            out["archive"] = self.archive
        if self.signed is not None:
            out["signed"] = self.signed.to_json()
        return out

    def files(self) -> list[str]:
        """The paths of its output files."""
        return [o.file for o in self.outputs.values()]

    def current(self, key: str) -> OutputRecord | None:
        """Its ``key`` output when it was made from the entry's data (not an older PDF)."""
        out = self.outputs.get(key)
        return out if out is not None and out.made_from(self.data_sha256) else None


@dataclass
class Manifest:
    """What the previous build left: its documents, archive files, kept files and page."""

    documents: dict[str, Entry] = field(default_factory=dict)
    archive: list[str] = field(default_factory=list)
    archive_sha: dict[str, str] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    notices: list[Any] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    overview: OutputRecord | None = None
    build: str | None = None

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Manifest:
        docs = raw.get("documents", {})
        documents = {str(n): e for n, v in (docs.items() if isinstance(docs, dict) else [])
                     if (e := Entry.from_json(v)) is not None}
        sha = raw.get("archive_sha", {})
        page = raw.get("overview")
        build = raw.get("build")
        return cls(documents=documents, archive=_str_list(raw.get("archive")),
                   archive_sha={str(k): str(v) for k, v in sha.items()}
                   if isinstance(sha, dict) else {},
                   kept=_str_list(raw.get("kept")),
                   notices=raw.get("notices", []) if isinstance(raw.get("notices"), list)
                   else [],
                   scopes=_str_list(raw.get("scopes")),
                   overview=OutputRecord.from_json(page),
                   build=build if isinstance(build, str) else None)

    def to_json(self) -> dict[str, Any]:
        return {"product": "styring", "version": __version__, "build": self.build,
                "documents": {n: e.to_json() for n, e in self.documents.items()},
                "archive": self.archive, "archive_sha": self.archive_sha, "kept": self.kept,
                "notices": self.notices, "scopes": self.scopes,
                "overview": self.overview.to_json() if self.overview else None}

    def written(self) -> dict[str, str]:
        """Every file the previous builds wrote (path → sha256)."""
        out = {o.file: o.sha256 or "" for e in self.documents.values()
               for o in e.outputs.values()}
        out.update(self.archive_sha)
        if self.overview is not None:
            out[self.overview.file] = self.overview.sha256 or ""
        return out


def load(folder: Path) -> Manifest:
    """The previous build's manifest as typed records (empty when there is none)."""
    return Manifest.from_json(read(folder))
