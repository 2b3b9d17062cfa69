"""Check a Word template before it is used: every tag parses, names a known field,
and survives docxtpl's preprocessing — reading the template exactly as docxtpl does.

Each part docxtpl renders (body, headers, footers, footnotes and the document
properties) is run through docxtpl's own ``patch_xml`` first, so every tag form docxtpl
knows (``{{r x}}``, ``{%tr %}``, ``{#tc #}`` …), Word's curly quotes and tags Word split
over runs or paragraphs are accepted as docxtpl accepts them. All problems are reported
at once, static and trial render together, each with its part and the text around it.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from lxml import etree
from markupsafe import Markup

from ..problems import Problem
from .docx_package import CORE_PART, FOOTNOTES_CT, OFFICE_DOC, join, overrides, relationships
from .package_check import safe_parser
from .template import (
    PROPERTIES,
    Template,
    TemplateError,
    environment,
    syntax_message,
    template_error,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
STRAY = re.compile(r"\{\{|\}\}|\{%|%\}")
_XML_TAG = re.compile(r"<[^>]*>")
_P_OPEN = re.compile(r"<w:p([ >])")
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_PROPERTY_TAGS = {"author": _DC + "creator", "comments": _DC + "description",
                  "identifier": _DC + "identifier", "language": _DC + "language",
                  "subject": _DC + "subject", "title": _DC + "title"}
_PROPERTY_NAMES = {"author": "Forfatter", "comments": "Kommentarer", "identifier": "Identifikator",
                   "language": "Språk", "subject": "Emne", "title": "Tittel"}


@dataclass
class Source:
    """One piece of a template docxtpl renders: where it is and its preprocessed text."""

    label: str  # «brødtekst», «topptekst (word/header1.xml)», «dokumentegenskap Tittel» …
    xml: str  # after docxtpl's patch_xml, with its «\n<w:p» line trick


def sources(template: Template) -> list[Source]:
    """The body, headers, footers, footnotes and text properties, as docxtpl reads them."""
    from .strict import StrictDocxTemplate  # docxtpl: only for a template not checked before

    parts = template.parts
    patcher = StrictDocxTemplate(None, template.name)
    out: list[Source] = []

    def add(label: str, xml: str) -> None:
        out.append(Source(label, _P_OPEN.sub(r"\n<w:p\1", patcher.patch_xml(xml))))

    pkg = relationships(parts.get("_rels/.rels"))
    main = next((t.lstrip("/") for t, ty in pkg if ty == OFFICE_DOC), "word/document.xml")
    if main in parts:
        root = etree.fromstring(parts[main], safe_parser())
        body = root.find(f"{W}body")
        if body is not None:
            add("brødtekst", etree.tostring(body, encoding="unicode"))
        base = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
        rels = relationships(parts.get(f"{base}_rels/{main.rsplit('/', 1)[-1]}.rels"))
        for target, rtype in rels:
            name = join(base, target)
            kind = {"header": "topptekst", "footer": "bunntekst"}.get(rtype.removeprefix(_REL))
            if kind and name in parts:
                add(f"{kind} ({name})", _xml_text(parts[name]))
    for name, ctype in overrides(parts.get("[Content_Types].xml")).items():
        if ctype == FOOTNOTES_CT and name in parts:
            add(f"fotnoter ({name})", _xml_text(parts[name]))
    core = _core(parts)
    if core is not None:
        for prop in PROPERTIES:
            el = core.find(_PROPERTY_TAGS[prop])
            if el is not None and el.text and TAG.search(el.text):
                add(f"dokumentegenskap {_PROPERTY_NAMES[prop]}", el.text)
    return out


def category(template: Template) -> str:
    """The document property «Kategori» (where a template may say which kind it is for)."""
    core = _core(template.parts)
    el = core.find(f"{_CP}category") if core is not None else None
    return (el.text or "").strip() if el is not None else ""


def paragraph_texts(docx: bytes) -> list[str]:
    """The text of every paragraph in the body, headers, footers and footnotes."""
    out = []
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        for name in sorted(n for n in zf.namelist()
                           if re.match(r"word/(document|header\d*|footer\d*|footnotes)\.xml$", n)):
            root = etree.fromstring(zf.read(name), safe_parser())
            for p in root.iter(f"{W}p"):
                text = "".join(t.text or "" for t in p.iter(f"{W}t"))
                if text.strip():
                    out.append(text)
    return out


# -- checks -----------------------------------------------------------------------------------

def static_check(template: Template) -> list[Problem]:
    """Problems visible without data: broken or unparsable tags, in every part."""
    problems: list[Problem] = []
    for source in sources(template):
        _static(template.name, source, problems)
    return problems


def check(template: Template, context: Mapping[str, Any], images: Mapping[str, Any]
          ) -> list[Problem]:
    """Every problem in one template, found by parsing and by a trial render of each part."""
    problems: list[Problem] = []
    ctx = dict(context)
    for key in images:
        ctx[key] = Markup("")  # a chart's place; the picture itself is not needed here
    for source in sources(template):
        fixed = _static(template.name, source, problems)
        if fixed is not None:
            _trial(template.name, source, fixed, ctx, problems)
    if not problems:  # the whole document through docxtpl, as the build does
        try:
            template.render(ctx, undefined=_recorder([]))
        except TemplateError as e:
            label, message = "hele malen", str(e).removeprefix(f"{template.name}: ")
            if message.startswith(f"{template.name} › "):
                label, _, message = message.removeprefix(f"{template.name} › ").partition(": ")
            problems.append(Problem(template.name, label, None, message))
    return problems


def _static(name: str, source: Source, problems: list[Problem]) -> str | None:
    """Report the part's static problems; return its source with broken print tags blanked
    (so a trial render can still find unknown fields), or None when it does not parse."""
    env = environment()
    xml = source.xml

    def report(message: str) -> None:
        problems.append(Problem(name, source.label, None, message))

    # 1. Tag markers left over after docxtpl joined what Word split: half a tag.
    text = _XML_TAG.sub("", xml)
    rest = TAG.sub(lambda m: " " * len(m[0]), text)
    for m in STRAY.finditer(rest):
        report(f"en tagg er ufullstendig («{m[0]}» uten sin andre halvdel) ved teksten "
               f"«{_window(text, m.start(), m.end())}». Skriv taggen på nytt i ett strekk.")
    # 2. Each print tag on its own, so one broken tag does not hide the next; the half
    # tags reported above are blanked, so that 3 does not report them again.
    fixed = xml
    blanked = TAG.sub(lambda m: " " * len(m[0]), xml)
    for m in STRAY.finditer(blanked):
        fixed = fixed[:m.start()] + " " * (m.end() - m.start()) + fixed[m.end():]
    for m in TAG.finditer(xml):
        tag = m[0]
        if not tag.startswith("{{"):
            continue
        try:
            env.parse(tag)
        except jinja2.TemplateSyntaxError as e:
            clean = _XML_TAG.sub("", tag)
            report(f"taggen «{clean}» kan ikke leses ({syntax_message(e.message or '')}) – "
                   "ved teksten "
                   f"«{_around(xml, m.start(), m.end())}».")
            fixed = fixed.replace(tag, "", 1)
    # 3. The part as a whole: blocks ({% if %} … {% endif %}) must match.
    try:
        env.parse(fixed)
    except jinja2.TemplateSyntaxError as e:
        lines = fixed.splitlines()[max((e.lineno or 1) - 2, 0):(e.lineno or 1) + 1]
        near = " ".join(_XML_TAG.sub("", ln).strip() for ln in lines).strip()
        report(f"feil i malen ({syntax_message(e.message or '')}) – ved teksten "
               f"«{near[:160]}».")
        return None
    return fixed


def _trial(name: str, source: Source, fixed: str, ctx: dict[str, Any],
           problems: list[Problem]) -> None:
    """Render one part against the real context, recording every unknown field."""
    missing: list[tuple[str, Any]] = []
    env = environment(_recorder(missing))

    def report(message: str) -> None:
        problems.append(Problem(name, source.label, None, message))
    try:
        out = env.from_string(fixed).render(ctx)
    except Exception as e:
        report(str(template_error(name, e, None, fixed)).removeprefix(f"{name}: "))
        return
    hinted: set[int] = set()
    unique = {(n, type(o)): (n, o) for n, o in missing}.values()
    for field_name, owner in unique:
        m = next((m for m in TAG.finditer(fixed)
                  if re.search(rf"(?<![\w.]){re.escape(field_name)}\b|\.{re.escape(field_name)}\b",
                               m[0])), None)
        tag = _XML_TAG.sub("", m[0]) if m else field_name
        where = _around(fixed, m.start(), m.end()) if m else ""
        holder = owner if owner is not None else ctx
        valid = fields_of(holder) if id(holder) not in hinted else []
        hinted.add(id(holder))
        hint = (f" Gyldige felt her: {', '.join(valid)} (alle felt: docs/malfelter.md)."
                if valid else "")
        report(f"taggen «{tag}» viser til feltet «{field_name}», som ikke finnes"
               + (f" – ved teksten «{where}»" if where else "") + "." + hint)
    # Nothing template-like may be left in the result (docxtpl's «{_{» escapes aside).
    text = _XML_TAG.sub("", out)
    template_text = _XML_TAG.sub("", fixed)
    for m in STRAY.finditer(text):
        fragment = text[max(0, m.start() - 8): m.end() + 8]
        if fragment in template_text and not any(p.sheet == source.label for p in problems):
            report("en tagg ble stående som tekst i dokumentet: "
                   f"«{_window(text, m.start(), m.end())}». Den er trolig delt opp av Word; "
                   "skriv den på nytt.")
            break


def fields_of(obj: Any) -> list[str]:
    """The field names a template can use on a value (dict keys or dataclass fields)."""
    if isinstance(obj, Mapping):
        return sorted(str(k) for k in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [f.name for f in dataclasses.fields(obj)]
    return []


def _recorder(missing: list[tuple[str, Any]]) -> type[jinja2.Undefined]:
    """An undefined value that lets rendering go on and records what was missing."""

    class Recorder(jinja2.ChainableUndefined):
        def _note(self) -> None:
            if isinstance(self._undefined_exception, type) and \
                    issubclass(self._undefined_exception, SecurityError):
                raise self._undefined_exception(self._undefined_message)  # a refusal
            if self._undefined_name is not None:
                owner = self._undefined_obj
                if isinstance(owner, jinja2.Undefined):
                    owner = None
                missing.append((self._undefined_name, owner if owner is not jinja2.utils.missing
                                else None))

        def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
            if isinstance(self._undefined_exception, type) and \
                    issubclass(self._undefined_exception, SecurityError):
                raise self._undefined_exception(self._undefined_message)
            self._note()
            return ""

        def __str__(self) -> str:
            self._note()
            return ""

        def __html__(self) -> str:
            self._note()
            return ""

        def __iter__(self) -> Iterator[Any]:
            self._note()
            return iter(())

        def __bool__(self) -> bool:
            self._note()
            return False

        def __len__(self) -> int:
            self._note()
            return 0

    return Recorder


# -- helpers ----------------------------------------------------------------------------------

def _around(xml: str, start: int, end: int) -> str:
    """The plain text around a tag found at ``xml[start:end]`` (about 40 characters each side)."""
    before = xml[max(0, start - 2000):start]
    after = xml[end:end + 2000]
    if start > 2000 and "<" in before:  # do not start inside an element's attributes
        before = before[before.index("<"):]
    if ">" in after and len(after) == 2000:
        after = after[:after.rindex(">") + 1]
    before, after = _XML_TAG.sub("", before), _XML_TAG.sub("", after)
    tag = _XML_TAG.sub("", xml[start:end])
    return " ".join((before[-40:] + tag + after[:40]).split())


def _window(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 40):end + 40].split())


def _xml_text(raw: bytes) -> str:
    return etree.tostring(etree.fromstring(raw, safe_parser()), encoding="unicode")


def _core(parts: Mapping[str, bytes]) -> Any:
    raw = parts.get(CORE_PART)
    return etree.fromstring(raw, safe_parser()) if raw else None


# -- which kind a template is for -------------------------------------------------------------

def kind_of(template: Template, kinds: list[str]) -> str | None:
    """The document kind a template is for: the document property «Kategori» when it names
    a kind, else the file name's beginning (``lederavtale-nordre.docx`` → lederavtale)."""
    cat = category(template).lower()
    if cat in kinds:
        return cat
    stem = template.path.stem.lower()
    return next((k for k in kinds if stem.startswith(k)), None)


#: Word files in a template folder that cannot be used as they are, and what to do instead.
UNUSABLE = {
    ".doc": "det gamle .doc-formatet kan ikke brukes som mal. Åpne filen i Word og lagre den "
            "som «Word-dokument (*.docx)».",
    ".dotx": "en Word-mal (.dotx) kan ikke brukes direkte. Åpne den i Word og lagre den som "
             "«Word-dokument (*.docx)».",
    ".dotm": "en Word-mal med makroer (.dotm) kan ikke brukes. Åpne den i Word og lagre den "
             "som «Word-dokument (*.docx)».",
    ".docm": "et Word-dokument med makroer (.docm) kan ikke brukes som mal. Åpne det i Word og "
             "lagre det som «Word-dokument (*.docx)».",
    ".odt": "et OpenDocument-dokument (.odt) kan ikke brukes som mal. Åpne det i LibreOffice "
            "og lagre det som «Word 2007-365 (.docx)».",
}


def unusable_files(folders: list[Any]) -> list[tuple[Any, str]]:
    """Word files in the folders that are not .docx, each with what to do (never passed
    over in silence)."""
    return [(f, UNUSABLE[f.suffix.lower()]) for p in folders if p.is_dir()
            for f in sorted(p.iterdir())
            if f.suffix.lower() in UNUSABLE and not f.name.startswith("~$") and f.is_file()]


def template_files(folder_or_files: list[Any]) -> list[Any]:
    """The Word templates in the given folders and files (Word's «~$» lock files skipped)."""
    out = []
    for p in folder_or_files:
        found = sorted(p.glob("*.docx")) if p.is_dir() else [p]
        out += [f for f in found if not f.name.startswith("~$")]
    return out
