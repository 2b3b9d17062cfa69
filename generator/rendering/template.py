"""Render a Word template with docxtpl inside Jinja's sandbox.

Autoescape is on, so workbook values with ``&``, ``<`` or ``>`` are text, never
markup; values are data, never template (``{{ 7*7 }}`` in a cell stays as typed).
Templates get no loader: they cannot include or import other files.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
from collections.abc import Collection
from pathlib import Path
from typing import Any, Protocol

import jinja2
from lxml import etree
from markupsafe import Markup, escape

from ..errors import TemplateError
from ..norsk import FILTERS
from . import toc, zipwriter
from .package_check import TemplatePackageError, check_document_size, inspect
from .sandbox import FilterValueError, LimitedEnvironment, LimitError, checked_filter

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
    env.filters.update({name: checked_filter(name, f) for name, f in FILTERS.items()})
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


class Listing:
    """Text whose single line breaks stay inside one paragraph: what docxtpl's ``Listing``
    is (the text escaped; the renderer's ``resolve_listing`` turns each newline into a
    ``<w:br/>``), without importing docxtpl for it."""

    def __init__(self, text: str):
        self.xml = html.escape(text)

    def __str__(self) -> str:
        return self.xml

    def __html__(self) -> str:
        return self.xml


class Image(Protocol):
    """A picture for the document (a :class:`generator.rendering.charts.Chart`)."""

    @property
    def png(self) -> bytes: ...

    @property
    def alt(self) -> str: ...

    @property
    def width_cm(self) -> float: ...


class Template:
    """One Word template file, checked and hashed once per batch."""

    def __init__(self, path: Path, checked: Collection[str] = ()):
        """``checked``: SHA-256 of template bytes the last complete build (this product
        version) inspected and found sound; those are unpacked only when needed and their
        XML is not parsed again (``trusted``)."""
        self.path = path
        self.name = path.name
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise TemplateError(f"{path.name}: malen finnes ikke.") from None
        except OSError:
            raise TemplateError(f"{path.name}: malen kan ikke leses (ingen tilgang, eller den "
                                "er låst av et annet program).") from None
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"{path.name}: malen er {size // 2**20} MB, mer enn grensen på "
                                f"{MAX_TEMPLATE_BYTES // 2**20} MB.")
        self.data = path.read_bytes()
        self.sha256 = hashlib.sha256(self.data).hexdigest()
        self.trusted = self.sha256 in checked
        self._parts: dict[str, bytes] | None = None
        if not self.trusted:
            try:
                self._parts = inspect(self.data)
            except TemplatePackageError as e:
                raise TemplateError(f"{path.name}: {e}.") from None

    @property
    def parts(self) -> dict[str, bytes]:
        """The XML members (see :func:`.package_check.inspect`), unpacked on first use."""
        if self._parts is None:
            try:
                self._parts = inspect(self.data, check_xml=not self.trusted)
            except TemplatePackageError as e:
                raise TemplateError(f"{self.name}: {e}.") from None
        return self._parts

    @parts.setter
    def parts(self, value: dict[str, bytes] | None) -> None:
        self._parts = value  # None: unpacked from ``data`` on first use

    def render(self, context: dict[str, Any], images: dict[str, Image] | None = None,
               properties: dict[str, str] | None = None,
               undefined: type[jinja2.Undefined] = jinja2.StrictUndefined) -> bytes:
        """The rendered .docx as bytes."""
        from .strict import AltInlineImage, StrictDocxTemplate  # docxtpl: only here

        tpl = StrictDocxTemplate(io.BytesIO(self.data), self.name)
        ctx = dict(context)
        for key, image in (images or {}).items():
            ctx[key] = AltInlineImage(tpl, image)
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
        with zipfile.ZipFile(buf) as zf:
            size = sum(i.file_size for i in zf.infolist())
        try:
            check_document_size(self.name, size)
        except TemplatePackageError as e:
            raise TemplateError(f"{self.name}: {e}.") from None
        return zipwriter.fixed_times(buf.getvalue())  # not the clock: same parts, same bytes


# -- whitespace control around paragraph tags -------------------------------------------------
# docxtpl merges a tag written «{%- … %}» with the text before it and «{% … -%}» with the
# text after it, by cutting the XML between the tag and the nearest <w:t>. Its regular
# expression also stops at <w:tab/>, <w:tbl>, <w:tc> … (all begin «<w:t») and cuts across
# tables, which leaves broken XML that its forgiving parser then repairs, losing or moving
# text. Here the markers are hidden from docxtpl and the merge is done afterwards, only where
# the cut XML stays whole (every element closed before the tag is opened again after it,
# as from one paragraph's text to the next one's); elsewhere the tag keeps its «-», which
# Jinja applies to the whitespace around it.
_TRIM_AFTER, _TRIM_BEFORE = "\ue000", "\ue001"
_TAG_SPLIT = re.compile(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})", re.DOTALL)
_TAG_BODY = re.compile(r"{%(?:(?!%}).)*|{#(?:(?!#}).)*|{{(?:(?!}}).)*", re.DOTALL)
_RUN_BREAK = re.compile(r"</w:t>.*?(<w:t>|<w:t [^>]*>)", re.DOTALL)
_ELEMENT = re.compile(r"<(/?)([\w:]+)[^>]*?(/?)>")
_MERGE_BEFORE = re.compile(r"(</w:t>(?:(?!</w:t>).)*?)\{%" + _TRIM_BEFORE, re.DOTALL)
_MERGE_AFTER = re.compile(r"%\}" + _TRIM_AFTER + r"((?:(?!<w:t[ >]|{%|{{).)*?<w:t(?: [^>]*)?>)?",
                          re.DOTALL)


def _join_tags(xml: str) -> str:
    """docxtpl's first step: a tag Word split over runs is joined (so «-%}» is one piece)."""
    xml = _TAG_SPLIT.sub("", xml)
    return _TAG_BODY.sub(lambda m: _RUN_BREAK.sub("", m.group(0)), xml)


def _balanced_cut(span: str) -> bool:
    """Whether removing ``span`` leaves well-formed XML: the elements it closes are exactly
    those it opens again, in mirror order (``</w:t></w:r></w:p><w:p><w:r><w:t>``)."""
    closed: list[str] = []
    opened: list[str] = []
    for m in _ELEMENT.finditer(span):
        end, name, empty = m.groups()
        if empty:
            continue
        if not end:
            opened.append(name)
        elif opened and opened[-1] == name:
            opened.pop()
        elif opened:
            return False
        else:
            closed.append(name)
    return closed[::-1] == opened


def _merge_trimmed(xml: str) -> str:
    def before(m: re.Match[str]) -> str:
        return "{%" if _balanced_cut(m.group(1)) else m.group(1) + "{%-"

    def after(m: re.Match[str]) -> str:
        return "%}" if m.group(1) and _balanced_cut(m.group(1)) else "-%}" + (m.group(1) or "")
    xml = _MERGE_BEFORE.sub(before, xml).replace("{%" + _TRIM_BEFORE, "{%-")
    return _MERGE_AFTER.sub(after, xml)


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


def template_error(name: str, e: BaseException, part: str | None = None,
                   source: str | None = None) -> TemplateError:
    """A Jinja or Python failure as one bokmål message naming the template, the part
    (``part``: a file name in the package or a label such as «brødtekst») and, when known,
    the tag and the text around it (``source``: the part's template text, to find the line)."""
    where = f"{name} › {part_label(part)}" if part else name
    if source is not None and not getattr(e, "docx_context", None):
        line = getattr(e, "lineno", None) if isinstance(e, jinja2.TemplateSyntaxError) \
            else _template_line(e)
        if line:
            lines = source.splitlines()[max(line - 1, 0):line]
            e.docx_context = [_XML_TAGS.sub("", ln) for ln in lines]  # type: ignore[attr-defined]
    return TemplateError(f"{where}: {explain(e)} {_near(e, _focus(e))}".rstrip())


def _focus(e: BaseException) -> str | None:
    """What a failure is about, to pick its tag among several in one paragraph."""
    unsafe = _UNSAFE.search(str(e))
    if unsafe:
        return unsafe[1]
    if isinstance(e, jinja2.UndefinedError):
        return _undefined(e)
    if isinstance(e, FilterValueError):
        return e.filter
    if isinstance(e, OverflowError) and "range" in str(e).lower():
        return "range"
    return None


# -- tabs, line breaks and page breaks inside a run's text ---------------------------------------
# What docxtpl's ``resolve_listing`` does to a rendered part (tests/test_compiled_templates.py
# proves the two equal), here so that rendering a Listing does not import docxtpl: inside each
# paragraph, run and text element (found as docxtpl finds them), a tab becomes a tab run, a
# newline a <w:br/>, a bell a new paragraph and a form feed a page break, each new run and
# paragraph with the first run and paragraph properties of the one it splits.
_LISTING_P = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_LISTING_R = re.compile(r"<w:r(?: [^>]*)?>.*?</w:r>", re.DOTALL)
_LISTING_T = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.DOTALL)
_FIRST_PPR = re.compile(r"<w:pPr>.*?</w:pPr>")  # not across lines, as docxtpl's
_FIRST_RPR = re.compile(r"<w:rPr>.*?</w:rPr>")


def resolve_listing(xml: str) -> str:
    """docxtpl's ``resolve_listing``: tabs, newlines, bells and form feeds in text as Word
    elements (see above)."""
    def paragraph(p: re.Match[str]) -> str:
        found = _FIRST_PPR.search(p[0])
        ppr = found[0] if found else ""

        def run(r: re.Match[str]) -> str:
            found = _FIRST_RPR.search(r[0])
            rpr = found[0] if found else ""
            text_start = f'<w:r>{rpr}<w:t xml:space="preserve">'
            swaps = (("\t", f"</w:t></w:r><w:r>{rpr}<w:tab/></w:r>{text_start}"),
                     ("\a", f"</w:t></w:r></w:p><w:p>{ppr}{text_start}"),
                     ("\n", '</w:t><w:br/><w:t xml:space="preserve">'),
                     ("\f", '</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>'
                            f"<w:p>{ppr}{text_start}"))

            def text(t: re.Match[str]) -> str:
                out = t[0]
                for char, elements in swaps:  # in this order: what one inserts stays
                    out = out.replace(char, elements)
                return out
            return _LISTING_T.sub(text, r[0])
        return _LISTING_R.sub(run, p[0])
    return _LISTING_P.sub(paragraph, xml)


def strict_parse(name: str, xml: str) -> Any:
    """The filled-in body XML parsed, or a message naming the template (no repair)."""
    try:
        return etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as e:
        raise invalid_xml(name, "word/document.xml", e) from None


def invalid_xml(name: str, part: str, e: etree.XMLSyntaxError) -> TemplateError:
    """Filled-in XML that does not parse (never repaired), in bokmål."""
    where = f" (linje {e.lineno}, kolonne {e.offset})" if e.lineno else ""
    return TemplateError(f"{name} › {part_label(part)}: utfylt mal gir ugyldig Word-XML{where}. "
                         "En tagg står trolig på et sted Word ikke tåler (f.eks. delt over "
                         "flere avsnitt, eller et «{%- … -%}» inntil en tabell).")


def explain(e: BaseException) -> str:
    """What went wrong in a template, in bokmål (Jinja's and Python's English translated)."""
    text = str(e)
    if isinstance(e, jinja2.TemplateSyntaxError):
        return f"feil i malen ({syntax_message(e.message or text)})"
    if isinstance(e, LimitError):
        return f"malen er stoppet av sikkerhetsgrensene: {text}. Det er ikke tillatt"
    if isinstance(e, FilterValueError):
        return f"malen kunne ikke fylles ut ({text}; bruk filteret på et felt av riktig slag)"
    unsafe = _UNSAFE.search(text)
    if unsafe or isinstance(e, jinja2.exceptions.SecurityError):
        what = f"«{unsafe[1]}»" if unsafe else "noe"
        return (f"malen prøver å nå {what}, som er Python-internt og ikke er tillatt i en mal. "
                "Bare felt og filtre kan brukes")
    if isinstance(e, jinja2.UndefinedError):
        return f"malen bruker et felt som ikke finnes ({_undefined(e)})"
    if isinstance(e, TypeError) and "loader" in text:
        return ("malen prøver å hente inn en annen fil (include/import/extends). Det er ikke "
                "tillatt")
    if isinstance(e, OverflowError) and "range" in text.lower():
        return ("malen ber om en tallrekke (range) på mer enn 100 000 tall, og det er ikke "
                "tillatt")
    if isinstance(e, RecursionError):
        return ("malen kaller en makro fra seg selv uten å stoppe (rekursjon), og det er ikke "
                "tillatt")
    if isinstance(e, MemoryError):
        return "malen bruker mer minne enn det som er tillatt"
    if isinstance(e, ZeroDivisionError):
        return "malen kunne ikke fylles ut (en tagg deler på null)"
    if isinstance(e, OverflowError):
        return "malen kunne ikke fylles ut (et tall blir for stort)"
    if isinstance(e, TypeError):
        return ("malen kunne ikke fylles ut (en tagg bruker en verdi av feil slag, f.eks. "
                "regner med tekst)")
    if isinstance(e, (ValueError, LookupError)):
        return "malen kunne ikke fylles ut (en tagg får en verdi den ikke kan bruke)"
    if isinstance(e, jinja2.TemplateRuntimeError):
        return "malen kunne ikke fylles ut (en tagg kan ikke utføres)"
    return f"malen kunne ikke fylles ut (en tagg feiler: {type(e).__name__})"


def syntax_message(message: str) -> str:
    """Jinja's English for a tag it cannot read, as bokmål."""
    for pattern, norsk in _SYNTAX:
        m = pattern.search(message)
        if m:
            return norsk.format(*m.groups())
    return "taggen kan ikke leses"


_SYNTAX_TEXTS = (
    (r"unexpected end of template.*?innermost block that needs to be closed is '(\w+)'",
     "malen slutter før blokken «{0}» er lukket; «end{0}» mangler"),
    (r"unexpected end of template", "malen slutter midt i en tagg"),
    (r"encountered unknown tag '(\w+)'.*?innermost block that needs to be closed is '(\w+)'",
     "taggen «{0}» står der blokken «{1}» ikke er lukket, eller finnes ikke"),
    (r"encountered unknown tag '(\w+)'", "ukjent tagg «{0}»"),
    (r"unexpected end of (?:print statement|block|comment|variable)",
     "taggen er ikke lukket"),
    (r"expected token '(.+?)', got '(.+?)'", "ventet «{0}», fant «{1}»"),
    (r"unexpected char '(.+?)'", "uventet tegn «{0}»"),
    (r"unexpected '(.+?)'", "uventet «{0}»"),
    (r"expected an expression, got '(.+?)'", "ventet et uttrykk, fant «{0}»"),
    (r"tag name expected", "taggen mangler navn"),
    (r"no filter named '(.+?)'", "ukjent filter «{0}»"),
    (r"no test named '(.+?)'", "ukjent test «{0}»"),
    (r"can't assign to", "taggen kan ikke sette en verdi her"),
)
_SYNTAX = [(re.compile(p, re.IGNORECASE | re.DOTALL), n) for p, n in _SYNTAX_TEXTS]
_UNSAFE = re.compile(r"access to attribute '([^']+)' of '[^']+' object is unsafe")
_XML_TAGS = re.compile(r"<[^>]*>")
_P_LINE = re.compile(r"<w:p([ >])")


def part_label(part: str) -> str:
    """The part of a template in words: «brødtekst», «topptekst (word/header1.xml)» …"""
    base = part.rsplit("/", 1)[-1]
    for pattern, label in _PART_LABELS:
        if re.fullmatch(pattern, base):
            return label if "{}" not in label else label.format(part)
    return part


_PART_LABELS = (
    (r"document\d*\.xml", "brødtekst"), (r"header\d*\.xml", "topptekst ({})"),
    (r"footer\d*\.xml", "bunntekst ({})"), (r"footnotes\d*\.xml", "fotnoter ({})"),
    (r"endnotes\d*\.xml", "sluttnoter ({})"), (r"core\.xml", "dokumentegenskaper"),
)


def _template_line(e: BaseException) -> int | None:
    """The template line a runtime error happened on (Jinja's rewritten traceback)."""
    tb = e.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _near(e: BaseException, focus: str | None = None) -> str:
    """«– i taggen «…» ved teksten «…»»: the failing paragraph's text, and its tag when
    there is one (or one naming ``focus``, the field or attribute the failure is about)."""
    lines = [ln.strip() for ln in getattr(e, "docx_context", []) if ln.strip()]
    text = " ".join(lines)
    if not text:
        return ""
    tags = _TAG_IN_TEXT.findall(text)
    if focus and len(tags) > 1:
        tags = [t for t in tags if focus in t][:1] or tags
    if len(tags) == 1:
        return f"– i taggen «{tags[0][:120]}» ved teksten «{text[:160]}»"
    return f"– ved teksten «{text[:160]}»"


_TAG_IN_TEXT = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def _undefined(e: jinja2.UndefinedError) -> str:
    m = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(e))
    if not m:
        return "et felt"
    return m.group(2) or m.group(1)
