"""Render a Word template with docxtpl inside Jinja's sandbox.

Autoescape is on, so workbook values with ``&``, ``<`` or ``>`` are text, never
markup; values are data, never template (``{{ 7*7 }}`` in a cell stays as typed).
Templates get no loader: they cannot include or import other files.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path
from typing import Any, Protocol

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage, Listing
from lxml import etree
from markupsafe import Markup, escape

from ..errors import TemplateError
from ..norsk import FILTERS
from . import toc
from .package_check import TemplatePackageError, inspect
from .sandbox import LimitedEnvironment

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
_SHD_FIRST = re.compile(
    r"(<w:tcPr>)(<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"[^\"]*\"/>)"
    r"((?:<w:tcW [^>]*/>)?(?:<w:gridSpan [^>]*/>)?(?:<w:hMerge[^>]*/>)?(?:<w:vMerge[^>]*/>)?"
    r"(?:<w:tcBorders>.*?</w:tcBorders>)?)", re.DOTALL)
from ..paths import TEMPLATE_DIR  # noqa: E402,F401 - re-exported


def environment(undefined: type[jinja2.Undefined] = jinja2.StrictUndefined
                ) -> LimitedEnvironment:
    """The sandboxed Jinja environment (with loop and size limits) every template renders in."""
    env = LimitedEnvironment(autoescape=True, undefined=undefined, loader=None, extensions=[],
                               finalize=_protect)
    env.filters.update(FILTERS)
    return env


_DOCXTPL_MARK = re.compile(r"(?<=[{%])_|_(?=[}%])")


def _protect(value: Any) -> Any:
    """Escape a value, and hide «{_{ }_} {_% %_}» from docxtpl's post-processing (which
    turns them into tags) by writing that underscore as a character reference."""
    if isinstance(value, str) and not hasattr(value, "__html__") and "_" in value:
        return Markup(_DOCXTPL_MARK.sub("&#95;", str(escape(value))))
    return value


def paragraphs(text: str | None) -> list[Any]:
    """A text block split at blank lines; single line breaks are kept inside a paragraph."""
    if not text:
        return []
    out: list[Any] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        block = block.strip()
        if block:
            out.append(Listing(block) if "\n" in block else block)
    return out


class Image(Protocol):
    """A picture for the document (a :class:`generator.rendering.charts.Chart`)."""

    @property
    def png(self) -> bytes: ...

    @property
    def alt(self) -> str: ...

    @property
    def width_cm(self) -> float: ...


class _AltInlineImage(InlineImage):
    """docxtpl's InlineImage with a descriptive alt text (``wp:docPr/@descr``)."""

    def __init__(self, tpl: DocxTemplate, image: Image):
        super().__init__(tpl, io.BytesIO(image.png), width=Cm(image.width_cm))
        self.alt = image.alt

    def _insert_image(self) -> str:
        xml = super()._insert_image()
        alt = (self.alt.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
               .replace(">", "&gt;"))
        return re.sub(r"<wp:docPr ([^>]*?)(/?)>",
                      lambda m: f'<wp:docPr {m.group(1)} descr="{alt}"{m.group(2)}>', xml,
                      count=1)


class Template:
    """One Word template file, checked and hashed once per batch."""

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        try:
            size = path.stat().st_size
        except OSError as e:
            raise TemplateError(f"{path.name}: malen kan ikke leses ({e.strerror}).") from None
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"{path.name}: malen er {size // 2**20} MB, mer enn grensen på "
                                f"{MAX_TEMPLATE_BYTES // 2**20} MB.")
        self.data = path.read_bytes()
        try:
            self.parts = inspect(self.data)
        except TemplatePackageError as e:
            raise TemplateError(f"{path.name}: {e}.") from None
        self.sha256 = hashlib.sha256(self.data).hexdigest()

    def render(self, context: dict[str, Any], images: dict[str, Image] | None = None,
               properties: dict[str, str] | None = None,
               undefined: type[jinja2.Undefined] = jinja2.StrictUndefined) -> bytes:
        """The rendered .docx as bytes."""
        tpl = StrictDocxTemplate(io.BytesIO(self.data), self.name)
        ctx = dict(context)
        for key, image in (images or {}).items():
            ctx[key] = _AltInlineImage(tpl, image)
        try:
            tpl.render(ctx, jinja_env=environment(undefined), autoescape=True)
        except TemplateError:
            raise
        except Exception as e:  # a template's fault, whatever Python raised
            raise template_error(self.name, e) from None
        toc.fill(tpl.docx.element.body)
        if properties:
            cp = tpl.docx.core_properties
            for key, value in properties.items():
                # python-docx refuses text properties longer than 255 characters
                setattr(cp, key, value[:255] if isinstance(value, str) else value)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()


class StrictDocxTemplate(DocxTemplate):
    """docxtpl's DocxTemplate that refuses XML it would otherwise silently repair.

    Used by :class:`Template` to render, and (with no file) by the template check and
    :class:`generator.rendering.fast.FastTemplate` for docxtpl's own preprocessing
    (``patch_xml``), table repair (``fix_tables``) and ``resolve_listing``, so all three
    read a template exactly as docxtpl does.
    """

    def __init__(self, template_file: Any, name: str):
        super().__init__(template_file)
        self._name = name
        self.templated_properties: set[str] = set()

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's preprocessing, plus schema order for the shading ``cellbg`` adds.

        docxtpl puts ``w:shd`` first in ``w:tcPr``; the schema wants it after
        ``w:tcW``, ``w:gridSpan``, ``w:vMerge`` and ``w:tcBorders``.
        """
        return _SHD_FIRST.sub(r"\1\3\2", super().patch_xml(src_xml))

    def fix_tables(self, xml: str) -> Any:
        self.strict_parse(xml)
        return super().fix_tables(xml)

    def strict_parse(self, xml: str) -> Any:
        """The filled-in XML parsed, or a message naming the template (no repair)."""
        try:
            return etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as e:
            raise TemplateError(f"{self._name}: utfylt mal gir ugyldig Word-XML ({e}). En tagg "
                                "står trolig på et sted Word ikke tåler (f.eks. delt over "
                                "flere avsnitt).") from None

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """Core properties holding a tag are rendered like docxtpl does (as plain text);
        the properties the product sets from data (:meth:`Template.render`) then win, so
        the archive metadata and the document agree."""
        self.templated_properties = set()
        cp = self.docx.core_properties
        for prop in PROPERTIES:
            initial = getattr(cp, prop)
            if not initial or not TAG_START.search(initial):
                continue
            env = jinja_env or environment()
            rendered = env.from_string(self.patch_xml(initial)).render(context)
            setattr(cp, prop, Markup(rendered).unescape()[:255])
            self.templated_properties.add(prop)

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any],
                        jinja_env: Any = None) -> str:
        """docxtpl's rendering, then hyperlinks made by :func:`url_id` get real ids."""
        xml = super().render_xml_part(src_xml, part, context, jinja_env)
        if _URL_MARK in xml:
            xml = _URL_ID.sub(lambda m: 'r:id="' + part.relate_to(
                bytes.fromhex(m[1]).decode("utf-8"), _HYPERLINK, is_external=True) + '"', xml)
        return xml


# docxtpl's list of core properties it renders (the others cannot be written as text).
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
TAG_START = re.compile(r"\{[{%#]")
_URL_MARK = 'r:id="lenke:'
_URL_ID = re.compile(r'r:id="lenke:([0-9a-f]*)"')
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def url_id(url: str) -> str:
    """A hyperlink id for ``RichText.add(text, url_id=url_id(url))`` that works without a
    DocxTemplate at hand: :class:`Template` turns it into a relationship of the part the
    link lands in (body, header, footer or footnote). FastTemplate falls back to docxtpl."""
    return "lenke:" + url.encode("utf-8").hex()


def template_error(name: str, e: Exception) -> TemplateError:
    """A Jinja failure as a bokmål message naming the template and, if known, the text."""
    if isinstance(e, jinja2.TemplateSyntaxError):
        return TemplateError(f"{name}: feil i malen ({e.message}) {_near(e)}")
    if isinstance(e, jinja2.UndefinedError):
        if "unsafe" in str(e):
            return TemplateError(f"{name}: malen prøver å nå Python-interne ting ({e}). Det er "
                                 "ikke tillatt; bare felt og filtre kan brukes.")
        return TemplateError(f"{name}: malen bruker et felt som ikke finnes "
                             f"({_undefined(e)}) {_near(e)}")
    if isinstance(e, jinja2.exceptions.SecurityError):
        return TemplateError(f"{name}: malen prøver noe som ikke er tillatt ({e}). Bare felt "
                             "og filtre kan brukes.")
    if isinstance(e, TypeError) and "loader" in str(e):
        return TemplateError(f"{name}: malen prøver å hente inn en annen fil "
                             "(include/import/extends). Det er ikke tillatt.")
    return TemplateError(f"{name}: malen kunne ikke fylles ut ({e}) {_near(e)}".rstrip())


def _near(e: Exception) -> str:
    lines = [ln.strip() for ln in getattr(e, "docx_context", []) if ln.strip()]
    text = " ".join(lines)
    return f"– ved teksten «{text[:160]}»" if text else ""


def _undefined(e: jinja2.UndefinedError) -> str:
    m = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(e))
    if not m:
        return str(e)
    return m.group(2) or m.group(1)
