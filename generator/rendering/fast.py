"""Batch rendering of one docxtpl template: compile once, render many documents fast.

docxtpl opens the template with python-docx, re-serialises and recompresses every part
(≈800 KB of styles) for each document. Here the template zip is read once; the parts
docxtpl renders (body, headers, footers, footnotes) are preprocessed with docxtpl's own
``patch_xml`` and compiled once with the caller's Jinja environment; per document only
those parts (and ``docProps/core.xml``) are rendered and deflated, and every other part's
compressed bytes are copied as they are into a small, deterministic zip writer.
The layers: :mod:`.docx_package` reads the package (relationships, content types, which
parts are templates), this module compiles and renders Jinja, :mod:`.zipwriter` writes
the zip bytes.

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
import os
import re
import sys
import threading
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from lxml import etree
from markupsafe import Markup

from . import toc
from .compiled import Memo
from .docx_package import (
    CORE_FIELDS,
    CORE_PART,
    DCTERMS,
    EMPTY_CORE,
    W3CDTF_FIELDS,
    XSI,
    add_core_part,
    referenced,
    template_parts,
    w3cdtf,
    without_overrides,
)
from .package_check import TemplatePackageError, check_document_size, inspect
from .template import (
    PROPERTIES,
    TAG_START,
    TemplateError,
    environment,
    invalid_xml,
    resolve_listing,
    strict_parse,
    template_error,
)
from .zipwriter import RawZip, ZipError

if TYPE_CHECKING:  # a pool only with workers > 1: not imported by a build of a few documents
    from concurrent.futures import ProcessPoolExecutor

    from .strict import StrictDocxTemplate

EnvFactory = Callable[[], jinja2.Environment]

_DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

_BODY_OPEN = re.compile(r"<w:body(?: [^>]*)?>")
_P_OPEN = re.compile(r"<w:p([ >])")
_LISTING_CHARS = re.compile(r"[\t\n\a\f]")
_DOCPR_ID = re.compile(r"(<wp:docPr\b[^>]*?\sid=\")[^\"]*(\")")
# Tags after which docxtpl's fix_tables may change a table's grid (cell counts per row vary).
_GRID_TAGS = re.compile(r"\{%-?\s*(?:tc\b|colspan\b|hm\b|vm\b)|\{\{-?\s*(?:colspan|hm|vm)\b"
                        r"|\{#-?\s*tc\b")
_TEXT_TAGS = re.compile(r"<[^>]*>")
# Text lxml writes with only «&», «<» and «>» escaped (no control character, no surrogate, no
# marker of :meth:`FastTemplate._skeleton`); any other goes through lxml itself.
_PLAIN_TEXT = re.compile("[^\x00-\x1f\x7f\ud800-\udfff\ue000\ue001\ufffe\uffff]*")


class Unsupported(TemplateError):
    """The context holds something only docxtpl can render (images, subdocuments,
    hyperlinks); the caller renders it with :class:`generator.rendering.template.Template`."""


@dataclass
class _Part:
    """A rendered XML part: constant text around one compiled Jinja template."""

    name: str
    prefix: str
    template: jinja2.Template
    suffix: str
    body: bool
    fix_tables: bool
    source: str = ""  # the compiled text, to name the tag of a failure


class FastTemplate:
    """A .docx template compiled once; :meth:`render` makes one document as bytes.

    ``env`` is the Jinja environment (the project passes
    ``generator.rendering.template.environment()``:
    sandboxed, autoescape, StrictUndefined). ``created``/``modified`` fix the core
    properties' timestamps (the template's are kept when None), so output is a pure
    function of template, context and properties. ``level`` is the zlib level for the
    rendered parts; ``check_xml`` parses every rendered part strictly and raises on
    invalid XML (never repairs it). ``cache``: a folder for the preprocessed and compiled
    parts (see :mod:`.compiled`), used only with the project's environment (``env`` None).
    """

    def __init__(self, source: Path | str | bytes, env: jinja2.Environment | None = None, *,
                 name: str | None = None, created: datetime | str | None = None,
                 modified: datetime | str | None = None, level: int = 1,
                 check_xml: bool = True, trusted: bool = False, cache: Path | None = None):
        if isinstance(source, bytes):
            data, self.name = source, name or "mal.docx"
        else:
            path = Path(source)
            data, self.name = path.read_bytes(), name or path.name
        # the cached code is what the project's environment compiles: only with that one
        self._memo = Memo(data, cache if env is None else None)
        self.env = env if env is not None else environment()
        if self.env.autoescape is False:
            raise ValueError("FastTemplate trenger et Jinja-miljø med autoescape")
        self.data = data
        self.level = level
        self.check_xml = check_xml
        # template bytes already found sound (by the build, or compiled before by this
        # code: see :mod:`.compiled`): members not re-parsed
        self._trusted = trusted or self._memo.found
        self._stamps = {f"{{{DCTERMS}}}created": created, f"{{{DCTERMS}}}modified": modified}
        self._docxtpl: StrictDocxTemplate | None = None
        try:
            self._load(data)
        except TemplatePackageError as e:
            raise TemplateError(f"{self.name}: {e}.") from None
        except ZipError as e:
            raise TemplateError(f"{self.name}: {e}") from None
        except zipfile.BadZipFile as e:
            raise TemplateError(f"{self.name}: malen er ikke en gyldig .docx ({e}).") from None
        self._memo.save()

    @property
    def _patcher(self) -> StrictDocxTemplate:
        """docxtpl's preprocessing and repairs, imported when first needed (a template
        compiled before, see :mod:`.compiled`, needs them only for ``{%tc %}`` tables)."""
        if self._docxtpl is None:
            from .strict import StrictDocxTemplate

            self._docxtpl = StrictDocxTemplate(io.BytesIO(b""), self.name)
        return self._docxtpl

    # -- compile -------------------------------------------------------------------------

    def _load(self, data: bytes) -> None:
        members = inspect(data, check_xml=not self._trusted)  # size limits, no DTD/entities
        self._zip = RawZip(data)
        texts = {n: raw for n, raw in members.items() if n.endswith((".xml", ".rels"))}
        # Members no relationship reaches are not part of the document: left out (as
        # python-docx, and so docxtpl, leaves them out), with their content types.
        self._always: dict[str, bytes] = {}
        dropped = self._zip.keep_only(referenced(texts))
        if dropped and "[Content_Types].xml" in texts:
            texts["[Content_Types].xml"] = self._always["[Content_Types].xml"] = \
                without_overrides(texts["[Content_Types].xml"], dropped)
        where = template_parts(texts, self._zip.names)
        self._parts: dict[str, _Part] = {where.main: self._compile_body(where.main,
                                                                        texts[where.main])}
        for part in where.whole:
            self._parts[part] = self._compile_whole(part, texts[part])
        core_xml = texts.get(where.core) if where.core else None
        self._core = etree.fromstring(core_xml or EMPTY_CORE.encode())
        self._props: dict[str, jinja2.Template] = {}  # core properties holding a tag
        for prop in PROPERTIES:
            el = self._core.find(CORE_FIELDS[prop])
            if el is not None and el.text and TAG_START.search(el.text):
                self._props[CORE_FIELDS[prop]] = self._compile(
                    where.core or CORE_PART,
                    self._memo.text("patch:", el.text, lambda x: self._patcher.patch_xml(x)))
        self._core_name: str = where.core or CORE_PART
        self._skeletons: dict[tuple[str, ...], list[str] | None] = {}
        # python-docx adds a core part when a template has none; so do we (when asked)
        self._extra: dict[str, bytes] = {} if where.core else add_core_part(texts, CORE_PART)

    def _compile(self, part: str, src: str) -> jinja2.Template:
        """docxtpl's ``patch_xml`` + the ``\\n<w:p`` trick of ``render_xml_part``, compiled."""
        return self._compile_source(part, self._source(src))

    def _compile_source(self, part: str, src: str) -> jinja2.Template:
        """:meth:`_compile` of a text :meth:`_source` has already prepared."""
        try:
            return self._memo.template(self.env, src)
        except jinja2.TemplateError as e:
            raise template_error(self.name, e, part, src) from None

    def _compile_body(self, part: str, raw: bytes) -> _Part:
        """The main part: like docxtpl only ``w:body`` is a template, the rest is constant."""
        root = _parse(raw, f"{self.name}: {part}")
        xml = etree.tostring(root, encoding="unicode")
        m = _BODY_OPEN.search(xml)
        end = xml.rfind("</w:body>")
        if not m or end < 0:
            return _Part(part, _DECL + xml, self._memo.template(self.env, ""), "", True, False)
        body = xml[m.end():end]
        fix = bool(_GRID_TAGS.search(_TEXT_TAGS.sub("", body))) or _grid_mismatch(root)
        source = self._source(body)  # docxtpl's preprocessing once: compiled, and kept
        return _Part(part, _DECL + xml[:m.end()], self._compile_source(part, source), xml[end:],
                     True, fix, source)

    def _compile_whole(self, part: str, raw: bytes) -> _Part:
        """Headers, footers, footnotes: the whole root element is the template (as docxtpl)."""
        xml = etree.tostring(_parse(raw, f"{self.name}: {part}"), encoding="unicode")
        source = self._source(xml)
        return _Part(part, _DECL, self._compile_source(part, source), "", False, False, source)

    def _source(self, xml: str) -> str:
        """The text a part's template was compiled from (its lines name a failing tag)."""
        return self._memo.text("source:", xml, lambda x: _P_OPEN.sub(
            r"\n<w:p\1", self._patcher.patch_xml(x)))

    # -- render --------------------------------------------------------------------------

    def supports(self, context: Mapping[str, Any]) -> bool:
        """False when the context holds docxtpl objects that need the python-docx package
        (InlineImage, Subdoc, RichText with hyperlinks): render those with docxtpl."""
        if "docxtpl" not in sys.modules:  # not imported: the context holds none of them
            return True
        return _plain(context, set())

    def render(self, context: Mapping[str, Any], properties: Mapping[str, Any] | None = None
               ) -> bytes:
        """The rendered .docx as bytes (deterministic for the same input).

        Raises :class:`Unsupported` for a context only docxtpl can render."""
        if not self.supports(context):
            raise Unsupported(f"{self.name}: dataene har bilder, underdokumenter eller lenker "
                              "som bare docxtpl kan sette inn.")
        changed: dict[str, bytes] = dict(self._always)
        for part in self._parts.values():
            changed[part.name] = self._render_part(part, context)
        if properties or self._props or any(v is not None for v in self._stamps.values()):
            changed[self._core_name] = self._core_xml(properties or {}, context)
            changed.update(self._extra)
        try:
            check_document_size(self.name, self._zip.unpacked_size(changed))
        except TemplatePackageError as e:
            raise TemplateError(f"{self.name}: {e}.") from None
        try:
            return self._zip.write(changed, self.level)
        except ZipError as e:
            raise TemplateError(f"{self.name}: {e}") from None

    def _render_part(self, part: _Part, context: Mapping[str, Any]) -> bytes:
        try:
            out = part.template.render(context)
        except TemplateError:
            raise
        except Exception as e:  # a template's fault, whatever Python raised
            raise template_error(self.name, e, part.name, part.source) from None
        # = re.sub(r"\n<w:p([ >])", r"<w:p\1", out), without a Python call per match
        out = out.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
        if "_" in out:
            out = (out.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
                   .replace("%_}", "%}"))
        if _needs_listing(out):
            out = resolve_listing(out)
        if part.body and "<wp:docPr" in out:  # docxtpl's fix_docpr_ids: 1001, 1002, …
            counter = iter(range(1001, 1 << 31))
            out = _DOCPR_ID.sub(lambda m: f"{m[1]}{next(counter)}{m[2]}", out)
        xml = part.prefix + out + part.suffix
        has_toc = part.body and toc.MARKER in out
        if part.fix_tables or has_toc:  # strict parse first (raises), then docxtpl's grid repair
            tree = (self._patcher.fix_tables(xml[len(_DECL):]) if part.fix_tables
                    else strict_parse(self.name, xml[len(_DECL):]))
            if has_toc:
                toc.fill(tree)
            return etree.tostring(tree, encoding="UTF-8", xml_declaration=True,
                                  standalone=True)
        data = xml.encode("utf-8")
        if self.check_xml:
            try:
                etree.fromstring(data)
            except etree.XMLSyntaxError as e:
                raise invalid_xml(self.name, part.name, e) from None
        return data

    def _core_xml(self, properties: Mapping[str, Any], context: Mapping[str, Any]) -> bytes:
        """``docProps/core.xml``: the template's with its tags rendered, then the given
        properties (these win) and timestamps."""
        values = self._core_values(properties, context)
        texts = [w3cdtf(v) if tag in W3CDTF_FIELDS else "" if v is None else str(v)
                 for tag, v in values.items()]
        # the same bytes as lxml writes (test_compiled_templates.py): the serialised
        # skeleton for these fields, each text escaped as lxml escapes it
        pieces: list[str] | None = None
        if all(_PLAIN_TEXT.fullmatch(t) for t in texts):
            tags = tuple(values)
            if tags not in self._skeletons:
                self._skeletons[tags] = self._skeleton(tags)
            pieces = self._skeletons[tags]
        if pieces is not None:  # constant text, field number, constant text, …
            out = [pieces[0]]
            for i in range(1, len(pieces), 2):
                text = texts[int(pieces[i])]
                out += (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                        pieces[i + 1])
            return "".join(out).encode("utf-8")
        return self._core_tree(values)

    def _skeleton(self, tags: tuple[str, ...]) -> list[str] | None:
        """The core part with a marker for each field's text, split at the markers: constant
        text, the number of the field in ``tags``, constant text, … (None when the template's
        own text holds such a marker)."""
        xml = self._core_tree({tag: f"\ue000{i}\ue001" for i, tag in enumerate(tags)}
                              ).decode("utf-8")
        pieces = re.split("\ue000(\\d+)\ue001", xml)
        numbers = sorted(int(n) for n in pieces[1::2])
        return pieces if numbers == list(range(len(tags))) else None

    def _core_values(self, properties: Mapping[str, Any], context: Mapping[str, Any]
                     ) -> dict[str, Any]:
        values: dict[str, Any] = {k: v for k, v in self._stamps.items() if v is not None}
        for tag, template in self._props.items():
            try:
                values[tag] = Markup(template.render(context)).unescape()[:255]
            except TemplateError:
                raise
            except Exception as e:
                raise template_error(self.name, e, self._core_name) from None
        for key, value in properties.items():
            field_tag = CORE_FIELDS.get(key)
            if field_tag is None:
                raise ValueError(f"ukjent dokumentegenskap: {key}")
            values[field_tag] = value
        return values

    def _core_tree(self, values: Mapping[str, Any]) -> bytes:
        root = copy.deepcopy(self._core)
        for tag, value in values.items():
            el = root.find(tag)
            if el is None:
                el = etree.SubElement(root, tag)
            if tag in W3CDTF_FIELDS:
                el.set(f"{{{XSI}}}type", "dcterms:W3CDTF")
                value = w3cdtf(value)
            el.text = "" if value is None else str(value)
        return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)


# -- helpers ---------------------------------------------------------------------------------

def _parse(raw: bytes, what: str) -> etree._Element:
    try:
        return etree.fromstring(raw, etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as e:
        raise TemplateError(f"{what}: ugyldig XML i malen ({e}).") from None


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


_LEAVES = (str, bytes, int, float, Decimal, date, Enum, type(None))


def _plain(obj: Any, seen: set[int]) -> bool:
    docxtpl = sys.modules.get("docxtpl")  # not imported: no docxtpl object can exist
    return _plain_of(obj, seen, docxtpl) if docxtpl is not None else _plain_of(obj, seen)


def _plain_of(obj: Any, seen: set[int], docxtpl: Any = None) -> bool:
    if isinstance(obj, _LEAVES):
        return True
    if docxtpl is not None:
        if isinstance(obj, docxtpl.InlineImage) or (
                type(obj).__name__ == "Subdoc" and type(obj).__module__.startswith("docxtpl")):
            return False  # docxtpl.subdoc is imported lazily (it needs docxcompose)
        if isinstance(obj, (docxtpl.RichText, docxtpl.RichTextParagraph)):
            return "r:id=" not in obj.xml
    if id(obj) in seen:
        return True
    seen.add(id(obj))
    if isinstance(obj, Mapping):
        return all(_plain_of(v, seen, docxtpl) for v in obj.values())
    if isinstance(obj, (list, tuple, set, frozenset)):
        return all(_plain_of(v, seen, docxtpl) for v in obj)
    if dataclasses.is_dataclass(obj):
        return all(_plain_of(getattr(obj, f.name), seen, docxtpl)
                   for f in dataclasses.fields(obj))
    if hasattr(obj, "__dict__"):
        return all(_plain_of(v, seen, docxtpl) for v in vars(obj).values())
    return True


# -- many documents, many processes ------------------------------------------------------------

_WORKER: FastTemplate | None = None


def _init_worker(data: bytes, name: str, env_factory: EnvFactory, kwargs: dict[str, Any]
                 ) -> None:
    global _WORKER
    if _WORKER is None or _WORKER.data is not data:  # a forked worker already has it
        _WORKER = FastTemplate(data, None if env_factory is environment else env_factory(),
                               name=name, **kwargs)


def _render_job(job: tuple[Mapping[str, Any], Mapping[str, Any] | None]) -> bytes:
    assert _WORKER is not None
    return _WORKER.render(job[0], job[1])


def _write_job(job: tuple[str, Mapping[str, Any], Mapping[str, Any] | None]) -> int:
    assert _WORKER is not None
    data = _WORKER.render(job[1], job[2])
    Path(job[0]).write_bytes(data)
    return len(data)


def _pool(template: Path | str | bytes | FastTemplate, workers: int, env_factory: EnvFactory,
          kwargs: dict[str, Any]) -> tuple[FastTemplate, ProcessPoolExecutor | None]:
    """The template compiled here (errors surface before any worker starts) and a pool.

    On Linux a single-threaded parent forks, so workers inherit the compiled template;
    elsewhere (or with threads running) workers start fresh and compile it once each.
    """
    global _WORKER
    # the project's environment is made by FastTemplate itself: its compiled code is cached
    tpl = (template if isinstance(template, FastTemplate)  # compiled already: not again
           else FastTemplate(template, None if env_factory is environment else env_factory(),
                             **kwargs))
    if workers <= 1:
        return tpl, None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

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


def write_many(template: Path | str | bytes | FastTemplate,
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
