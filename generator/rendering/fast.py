"""Batch rendering of one docxtpl template: compile once, render many documents fast.

docxtpl opens the template with python-docx, re-serialises and recompresses every part
(≈800 KB of styles) for each document. Here the template zip is read once; the parts
docxtpl renders (body, headers, footers, footnotes) are preprocessed with docxtpl's own
``patch_xml`` and compiled once with the caller's Jinja environment; per document only
those parts (and ``docProps/core.xml``) are rendered and deflated, and every other part's
compressed bytes are copied as they are into a small, deterministic zip writer.

The tag language is docxtpl's (``{{ }}``, ``{%p %}``, ``{%tr %}``, ``{%tc %}`` …), so
templates stay editable in Word. Tags in the text core properties are rendered as docxtpl
does, and tables are re-gridded after ``{%tc %}``/``{#tc #}`` as docxtpl's ``fix_tables``
does. Contexts holding objects that need docxtpl's part machinery (images, subdocuments,
hyperlinks) are refused: :meth:`FastTemplate.supports` says so and :meth:`FastTemplate.render`
raises :class:`Unsupported`; the caller renders those with
:class:`generator.rendering.template.Template`.
Pictures placed in the template itself are raw-copied and work here too.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import multiprocessing
import os
import re
import struct
import sys
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import InlineImage, RichText, RichTextParagraph
from lxml import etree
from markupsafe import Markup

from . import toc
from .package_check import PackageError, inspect
from .template import (
    PROPERTIES,
    TAG_START,
    TemplateError,
    _StrictDocxTemplate,
    environment,
    template_error,
)

EnvFactory = Callable[[], jinja2.Environment]

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_DOC = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "officeDocument")
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"
_HDR_FTR = {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"}
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_EMPTY_CORE = (f'<cp:coreProperties xmlns:cp="{_CP}" xmlns:dc="{_DC}" xmlns:dcterms="{_DCTERMS}" '
               f'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="{_XSI}"/>')
# python-docx's CoreProperties names (what generator.documents.common.properties uses),
# plus the element names themselves, mapped to the core.xml element.
_CORE_FIELDS: dict[str, str] = {
    "author": f"{{{_DC}}}creator", "creator": f"{{{_DC}}}creator",
    "category": f"{{{_CP}}}category", "comments": f"{{{_DC}}}description",
    "description": f"{{{_DC}}}description", "content_status": f"{{{_CP}}}contentStatus",
    "contentStatus": f"{{{_CP}}}contentStatus", "identifier": f"{{{_DC}}}identifier",
    "keywords": f"{{{_CP}}}keywords", "language": f"{{{_DC}}}language",
    "last_modified_by": f"{{{_CP}}}lastModifiedBy", "lastModifiedBy": f"{{{_CP}}}lastModifiedBy",
    "revision": f"{{{_CP}}}revision", "subject": f"{{{_DC}}}subject",
    "title": f"{{{_DC}}}title", "version": f"{{{_CP}}}version",
    "created": f"{{{_DCTERMS}}}created", "modified": f"{{{_DCTERMS}}}modified",
    "last_printed": f"{{{_CP}}}lastPrinted", "lastPrinted": f"{{{_CP}}}lastPrinted",
}
_W3CDTF = {f"{{{_DCTERMS}}}created", f"{{{_DCTERMS}}}modified"}

_BODY_OPEN = re.compile(r"<w:body(?: [^>]*)?>")
_P_OPEN = re.compile(r"<w:p([ >])")
_LISTING_CHARS = re.compile(r"[\t\n\a\f]")
_DOCPR_ID = re.compile(r"(<wp:docPr\b[^>]*?\sid=\")[^\"]*(\")")
# Tags after which docxtpl's fix_tables may change a table's grid (cell counts per row vary).
_GRID_TAGS = re.compile(r"\{%-?\s*(?:tc\b|colspan\b|hm\b|vm\b)|\{\{-?\s*(?:colspan|hm|vm)\b"
                        r"|\{#-?\s*tc\b")
_TEXT_TAGS = re.compile(r"<[^>]*>")


class Unsupported(TemplateError):
    """The context holds something only docxtpl can render (images, subdocuments,
    hyperlinks); the caller renders it with :class:`generator.rendering.template.Template`."""


@dataclass(frozen=True)
class _Entry:
    """One zip member of the template: its header fields and raw compressed bytes."""

    name: bytes
    flags: int
    method: int
    dostime: int
    dosdate: int
    crc: int
    csize: int
    usize: int
    raw: bytes


@dataclass
class _Part:
    """A rendered XML part: constant text around one compiled Jinja template."""

    name: str
    prefix: str
    template: jinja2.Template
    suffix: str
    body: bool
    fix_tables: bool


def _dos_time(dt: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    y, mo, d, h, mi, s = dt
    return (h << 11) | (mi << 5) | (s // 2), ((max(y, 1980) - 1980) << 9) | (mo << 5) | d


class FastTemplate:
    """A .docx template compiled once; :meth:`render` makes one document as bytes.

    ``env`` is the Jinja environment (the project passes
    ``generator.rendering.template.environment()``:
    sandboxed, autoescape, StrictUndefined). ``created``/``modified`` fix the core
    properties' timestamps (the template's are kept when None), so output is a pure
    function of template, context and properties. ``level`` is the zlib level for the
    rendered parts; ``check_xml`` parses every rendered part strictly and raises on
    invalid XML (never repairs it).
    """

    def __init__(self, source: Path | str | bytes, env: jinja2.Environment | None = None, *,
                 name: str | None = None, created: datetime | str | None = None,
                 modified: datetime | str | None = None, level: int = 1,
                 check_xml: bool = True):
        if isinstance(source, bytes):
            data, self.name = source, name or "mal.docx"
        else:
            path = Path(source)
            data, self.name = path.read_bytes(), name or path.name
        self.env = env if env is not None else environment()
        if self.env.autoescape is False:
            raise ValueError("FastTemplate trenger et Jinja-miljø med autoescape")
        self.data = data
        self.level = level
        self.check_xml = check_xml
        self._stamps = {f"{{{_DCTERMS}}}created": created, f"{{{_DCTERMS}}}modified": modified}
        self._patcher = _StrictDocxTemplate(io.BytesIO(b""), self.name)
        try:
            self._load(data)
        except PackageError as e:
            raise TemplateError(f"{self.name}: {e}.") from None
        except zipfile.BadZipFile as e:
            raise TemplateError(f"{self.name}: malen er ikke en gyldig .docx ({e}).") from None

    # -- compile -------------------------------------------------------------------------

    def _load(self, data: bytes) -> None:
        self._entries: list[_Entry] = []
        members = inspect(data)  # size limits, no DTD/entities
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
        texts = {n: raw for n, raw in members.items() if n.endswith((".xml", ".rels"))}
        for info in infos:
            if info.flag_bits & 0x1:
                raise TemplateError(f"{self.name}: malen er kryptert.")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise TemplateError(f"{self.name}: ukjent komprimering i {info.filename}.")
            n, m = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
            start = info.header_offset + 30 + n + m
            dostime, dosdate = _dos_time(info.date_time)
            self._entries.append(_Entry(
                info.filename.encode("utf-8"), (info.flag_bits & 0x800) | (info.flag_bits & 0x6),
                info.compress_type, dostime, dosdate, info.CRC, info.compress_size,
                info.file_size, data[start:start + info.compress_size]))
        self._date = (self._entries[0].dostime, self._entries[0].dosdate) if self._entries \
            else _dos_time((1980, 1, 1, 0, 0, 0))
        self._names = names = {e.name.decode("utf-8") for e in self._entries}
        pkg_rels = _rels(texts.get("_rels/.rels"))
        main = next((t for t, ty in pkg_rels if ty == _OFFICE_DOC), "word/document.xml")
        main = main.lstrip("/")
        if main not in texts:
            raise TemplateError(f"{self.name}: malen mangler {main}.")
        self._parts: dict[str, _Part] = {main: self._compile_body(main, texts[main])}
        base = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
        doc_rels = _rels(texts.get(f"{base}_rels/{main.rsplit('/', 1)[-1]}.rels"))
        for target, rtype in doc_rels:
            part = _join(base, target)
            if rtype in _HDR_FTR and part in texts:
                self._parts[part] = self._compile_whole(part, texts[part])
        for part, ctype in _overrides(texts.get("[Content_Types].xml")).items():
            if ctype == _FOOTNOTES_CT and part in texts:
                self._parts[part] = self._compile_whole(part, texts[part])
        core = next((t.lstrip("/") for t, ty in pkg_rels if ty == _CORE_REL), None)
        self._core_name = core if core in names else None
        core_xml = texts.get(self._core_name) if self._core_name else None
        self._core = etree.fromstring(core_xml or _EMPTY_CORE.encode())
        self._props: dict[str, jinja2.Template] = {}  # core properties holding a tag
        for prop in PROPERTIES:
            el = self._core.find(_CORE_FIELDS[prop])
            if el is not None and el.text and TAG_START.search(el.text):
                self._props[_CORE_FIELDS[prop]] = self._compile(
                    self._core_name or "docProps/core.xml", self._patcher.patch_xml(el.text))
        self._extra: dict[str, bytes] = {}
        if self._core_name is None:  # python-docx adds a core part; so do we (when asked)
            self._core_name = "docProps/core.xml"
            self._extra = _add_core_part(texts, self._core_name)

    def _compile(self, part: str, src: str) -> jinja2.Template:
        """docxtpl's ``patch_xml`` + the ``\\n<w:p`` trick of ``render_xml_part``, compiled."""
        src = _P_OPEN.sub(r"\n<w:p\1", self._patcher.patch_xml(src))
        try:
            return self.env.from_string(src)
        except jinja2.TemplateSyntaxError as e:
            if e.lineno is not None:
                lines = src.splitlines()[max(e.lineno - 4, 0):e.lineno + 3]
                e.docx_context = [_TEXT_TAGS.sub("", ln) for ln in lines]  # type: ignore[attr-defined]
            raise template_error(self.name, e) from None
        except jinja2.TemplateError as e:
            raise template_error(self.name, e) from None

    def _compile_body(self, part: str, raw: bytes) -> _Part:
        """The main part: like docxtpl only ``w:body`` is a template, the rest is constant."""
        root = _parse(raw, f"{self.name}: {part}")
        xml = etree.tostring(root, encoding="unicode")
        m = _BODY_OPEN.search(xml)
        end = xml.rfind("</w:body>")
        if not m or end < 0:
            return _Part(part, _DECL + xml, self.env.from_string(""), "", True, False)
        body = xml[m.end():end]
        fix = bool(_GRID_TAGS.search(_TEXT_TAGS.sub("", body))) or _grid_mismatch(root)
        return _Part(part, _DECL + xml[:m.end()], self._compile(part, body), xml[end:], True,
                     fix)

    def _compile_whole(self, part: str, raw: bytes) -> _Part:
        """Headers, footers, footnotes: the whole root element is the template (as docxtpl)."""
        xml = etree.tostring(_parse(raw, f"{self.name}: {part}"), encoding="unicode")
        return _Part(part, _DECL, self._compile(part, xml), "", False, False)

    # -- render --------------------------------------------------------------------------

    def supports(self, context: Mapping[str, Any]) -> bool:
        """False when the context holds docxtpl objects that need the python-docx package
        (InlineImage, Subdoc, RichText with hyperlinks): render those with docxtpl."""
        return _plain(context, set())

    def render(self, context: Mapping[str, Any], properties: Mapping[str, Any] | None = None
               ) -> bytes:
        """The rendered .docx as bytes (deterministic for the same input).

        Raises :class:`Unsupported` for a context only docxtpl can render."""
        if not self.supports(context):
            raise Unsupported(f"{self.name}: dataene har bilder, underdokumenter eller lenker "
                              "som bare docxtpl kan sette inn.")
        changed: dict[str, bytes] = {}
        for part in self._parts.values():
            changed[part.name] = self._render_part(part, context)
        if properties or self._props or any(v is not None for v in self._stamps.values()):
            changed[self._core_name] = self._core_xml(properties or {}, context)
            changed.update(self._extra)
        return self._zip(changed)

    def _render_part(self, part: _Part, context: Mapping[str, Any]) -> bytes:
        try:
            out = part.template.render(context)
        except TemplateError:
            raise
        except Exception as e:  # a template's fault, whatever Python raised
            raise template_error(self.name, e) from None
        # = re.sub(r"\n<w:p([ >])", r"<w:p\1", out), without a Python call per match
        out = out.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
        if "_" in out:
            out = (out.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
                   .replace("%_}", "%}"))
        if _needs_listing(out):
            out = self._patcher.resolve_listing(out)
        if part.body and "<wp:docPr" in out:  # docxtpl's fix_docpr_ids: 1001, 1002, …
            counter = iter(range(1001, 1 << 31))
            out = _DOCPR_ID.sub(lambda m: f"{m[1]}{next(counter)}{m[2]}", out)
        xml = part.prefix + out + part.suffix
        has_toc = part.body and toc.MARKER in out
        if part.fix_tables or has_toc:  # strict parse first (raises), then docxtpl's grid repair
            tree = (self._patcher.fix_tables(xml[len(_DECL):]) if part.fix_tables
                    else self._patcher.strict_parse(xml[len(_DECL):]))
            if has_toc:
                toc.fill(tree)
            return etree.tostring(tree, encoding="UTF-8", xml_declaration=True,
                                  standalone=True)
        data = xml.encode("utf-8")
        if self.check_xml:
            try:
                etree.fromstring(data)
            except etree.XMLSyntaxError as e:
                raise TemplateError(f"{self.name}: utfylt mal gir ugyldig Word-XML i "
                                    f"{part.name} ({e}). En tagg står trolig på et sted Word "
                                    "ikke tåler (f.eks. delt over flere avsnitt).") from None
        return data

    def _core_xml(self, properties: Mapping[str, Any], context: Mapping[str, Any]) -> bytes:
        """``docProps/core.xml``: the template's with its tags rendered, then the given
        properties (these win) and timestamps."""
        root = copy.deepcopy(self._core)
        values: dict[str, Any] = {k: v for k, v in self._stamps.items() if v is not None}
        for tag, template in self._props.items():
            try:
                values[tag] = Markup(template.render(context)).unescape()[:255]
            except TemplateError:
                raise
            except Exception as e:
                raise template_error(self.name, e) from None
        for key, value in properties.items():
            tag = _CORE_FIELDS.get(key)
            if tag is None:
                raise ValueError(f"ukjent dokumentegenskap: {key}")
            values[tag] = value
        for tag, value in values.items():
            el = root.find(tag)
            if el is None:
                el = etree.SubElement(root, tag)
            if tag in _W3CDTF:
                el.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
                value = _w3cdtf(value)
            el.text = "" if value is None else str(value)
        return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)

    def _zip(self, changed: dict[str, bytes]) -> bytes:
        """A zip of the template's members in order; changed ones deflated, the rest raw."""
        out: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        entries = self._entries + [_Entry(n.encode(), 0, 8, *self._date, 0, 0, 0, b"")
                                   for n in changed if n not in self._names]
        for e in entries:
            name = e.name.decode("utf-8")
            if name in changed:
                data = changed[name]
                comp = zlib.compressobj(self.level, zlib.DEFLATED, -15)
                raw = comp.compress(data) + comp.flush()
                e = _Entry(e.name, e.flags & 0x800, zipfile.ZIP_DEFLATED, e.dostime, e.dosdate,
                           zlib.crc32(data), len(raw), len(data), raw)
            if e.csize >= 0xFFFFFFFF or e.usize >= 0xFFFFFFFF or offset >= 0xFFFFFFFF:
                raise TemplateError(f"{self.name}: dokumentet blir for stort (over 4 GB).")
            need = 20 if e.method == zipfile.ZIP_DEFLATED else 10
            head = struct.pack("<IHHHHHIIIHH", 0x04034B50, need, e.flags, e.method, e.dostime,
                               e.dosdate, e.crc, e.csize, e.usize, len(e.name), 0)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, need, e.flags,
                                       e.method, e.dostime, e.dosdate, e.crc, e.csize, e.usize,
                                       len(e.name), 0, 0, 0, 0, 0, offset) + e.name)
            out += (head, e.name, e.raw)
            offset += len(head) + len(e.name) + len(e.raw)
        cd = b"".join(central)
        out.append(cd)
        out.append(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                               len(cd), offset, 0))
        return b"".join(out)


# -- helpers ---------------------------------------------------------------------------------

def _parse(raw: bytes, what: str) -> etree._Element:
    try:
        return etree.fromstring(raw, etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as e:
        raise TemplateError(f"{what}: ugyldig XML i malen ({e}).") from None


def _rels(raw: bytes | None) -> list[tuple[str, str]]:
    if not raw:
        return []
    root = etree.fromstring(raw)
    return [(r.get("Target", ""), r.get("Type", "")) for r in root.iter(f"{{{_RELS_NS}}}"
                                                                        "Relationship")
            if r.get("TargetMode") != "External"]


def _overrides(raw: bytes | None) -> dict[str, str]:
    if not raw:
        return {}
    root = etree.fromstring(raw)
    return {o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
            for o in root.iter(f"{{{_CT_NS}}}Override")}


def _join(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = [p for p in base.split("/") if p]
    for seg in target.split("/"):
        if seg == "..":
            if parts:
                parts.pop()
        elif seg and seg != ".":
            parts.append(seg)
    return "/".join(parts)


def _add_core_part(texts: dict[str, bytes], name: str) -> dict[str, bytes]:
    """A relationship and content type for a core part the template lacks."""
    rels = etree.fromstring(texts.get("_rels/.rels") or
                            f'<Relationships xmlns="{_RELS_NS}"/>'.encode())
    ids = {r.get("Id") for r in rels}
    rid = next(f"rId{i}" for i in range(1, 10_000) if f"rId{i}" not in ids)
    etree.SubElement(rels, f"{{{_RELS_NS}}}Relationship",
                     {"Id": rid, "Type": _CORE_REL, "Target": name})
    types = etree.fromstring(texts["[Content_Types].xml"])
    etree.SubElement(types, f"{{{_CT_NS}}}Override",
                     {"PartName": "/" + name, "ContentType": _CORE_CT})
    return {"_rels/.rels": etree.tostring(rels, encoding="UTF-8", xml_declaration=True,
                                          standalone=True),
            "[Content_Types].xml": etree.tostring(types, encoding="UTF-8",
                                                  xml_declaration=True, standalone=True)}


def _grid_mismatch(root: etree._Element) -> bool:
    """True when a table's grid already disagrees with its rows (fix_tables would act)."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for tbl in root.iter(f"{w}tbl"):
        grid = tbl.find(f"{w}tblGrid")
        cols = len(grid.findall(f"{w}gridCol")) if grid is not None else 0
        widest = 0
        for tr in tbl.iter(f"{w}tr"):
            width = 0
            for tc in tr.findall(f"{w}tc"):
                span = tc.find(f"{w}tcPr/{w}gridSpan")
                width += int(span.get(f"{w}val", "1")) if span is not None else 1
            widest = max(widest, width)
        if widest != cols:
            return True
    return False


def _needs_listing(xml: str) -> bool:
    """Whether docxtpl's ``resolve_listing`` would change anything: a tab, newline, bell or
    form feed inside a run (Jinja leaves newlines between elements, which it ignores)."""
    for m in _LISTING_CHARS.finditer(xml):
        pos = m.start()
        start = max(xml.rfind("<w:r>", 0, pos), xml.rfind("<w:r ", 0, pos))
        if start >= 0 and xml.rfind("</w:r>", start, pos) < 0:
            return True
    return False


def _w3cdtf(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%dT00:00:00Z")
    return str(value)


_LEAVES = (str, bytes, int, float, Decimal, date, Enum, type(None))


def _plain(obj: Any, seen: set[int]) -> bool:
    if isinstance(obj, _LEAVES):
        return True
    if isinstance(obj, InlineImage) or (type(obj).__name__ == "Subdoc"
                                        and type(obj).__module__.startswith("docxtpl")):
        return False  # docxtpl.subdoc is imported lazily (it needs docxcompose)
    if isinstance(obj, (RichText, RichTextParagraph)):
        return "r:id=" not in obj.xml
    if id(obj) in seen:
        return True
    seen.add(id(obj))
    if isinstance(obj, Mapping):
        return all(_plain(v, seen) for v in obj.values())
    if isinstance(obj, (list, tuple, set, frozenset)):
        return all(_plain(v, seen) for v in obj)
    if dataclasses.is_dataclass(obj):
        return all(_plain(getattr(obj, f.name), seen) for f in dataclasses.fields(obj))
    if hasattr(obj, "__dict__"):
        return all(_plain(v, seen) for v in vars(obj).values())
    return True


# -- many documents, many processes ------------------------------------------------------------

_WORKER: FastTemplate | None = None


def _init_worker(data: bytes, name: str, env_factory: EnvFactory, kwargs: dict[str, Any]
                 ) -> None:
    global _WORKER
    if _WORKER is None or _WORKER.data is not data:  # a forked worker already has it
        _WORKER = FastTemplate(data, env_factory(), name=name, **kwargs)


def _render_job(job: tuple[Mapping[str, Any], Mapping[str, Any] | None]) -> bytes:
    assert _WORKER is not None
    return _WORKER.render(job[0], job[1])


def _write_job(job: tuple[str, Mapping[str, Any], Mapping[str, Any] | None]) -> int:
    assert _WORKER is not None
    data = _WORKER.render(job[1], job[2])
    Path(job[0]).write_bytes(data)
    return len(data)


def _pool(template: Path | str | bytes, workers: int, env_factory: EnvFactory,
          kwargs: dict[str, Any]) -> tuple[FastTemplate, ProcessPoolExecutor | None]:
    """The template compiled here (errors surface before any worker starts) and a pool.

    On Linux a single-threaded parent forks, so workers inherit the compiled template;
    elsewhere (or with threads running) workers start fresh and compile it once each.
    """
    global _WORKER
    tpl = FastTemplate(template, env_factory(), **kwargs)
    if workers <= 1:
        return tpl, None
    fork = (sys.platform.startswith("linux") and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    _WORKER = tpl if fork else None
    kw = {k: v for k, v in kwargs.items() if k != "name"}
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(tpl.data, tpl.name, env_factory, kw))
    return tpl, pool


def render_many(template: Path | str | bytes, contexts: Sequence[Mapping[str, Any]],
                properties: Sequence[Mapping[str, Any] | None] | None = None, workers: int = 1,
                env_factory: EnvFactory = environment, **kwargs: Any) -> list[bytes]:
    """Every context rendered, in order; the bytes do not depend on ``workers``.

    ``env_factory`` must be picklable (a module-level function) so workers can build
    their own environment; ``kwargs`` go to :class:`FastTemplate` (e.g. ``created``).
    """
    props = list(properties) if properties is not None else [None] * len(contexts)
    if len(props) != len(contexts):
        raise ValueError("contexts og properties må være like lange")
    jobs = list(zip(contexts, props, strict=True))
    tpl, pool = _pool(template, workers, env_factory, kwargs)
    if pool is None:
        return [tpl.render(c, p) for c, p in jobs]
    with pool:
        return list(pool.map(_render_job, jobs, chunksize=_chunk(len(jobs), workers)))


def write_many(template: Path | str | bytes,
               jobs: Iterable[tuple[Path, Mapping[str, Any], Mapping[str, Any] | None]],
               workers: int = 1, env_factory: EnvFactory = environment, **kwargs: Any
               ) -> list[int]:
    """Render and write each ``(path, context, properties)``; the workers write the files
    themselves (no bytes travel back). Returns the sizes, in order."""
    todo = [(os.fspath(p), c, pr) for p, c, pr in jobs]
    tpl, pool = _pool(template, workers, env_factory, kwargs)
    if pool is None:
        sizes = []
        for path, c, pr in todo:
            data = tpl.render(c, pr)
            Path(path).write_bytes(data)
            sizes.append(len(data))
        return sizes
    with pool:
        return list(pool.map(_write_job, todo, chunksize=_chunk(len(todo), workers)))


def _chunk(n: int, workers: int) -> int:
    return max(1, n // (workers * 8))
