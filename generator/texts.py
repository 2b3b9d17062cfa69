"""The product's own words in the municipality's målform: message catalogues (gettext).

Every fixed word the product writes is bokmål in the code and in the bundled templates;
that bokmål text is the catalogue's ``msgid``. A catalogue (``.po``, read at run time, no
compile step: :func:`read_plain_po`, or Babel for other forms) gives the same text in
another language:

- ``generator/locale/nn/LC_MESSAGES/styring.po``: nynorsk, shipped with the product;
- ``språk/<kode>.po`` in the folder of the workbooks (or ``generator/locale/<kode>/…`` in
  the package): a further language a translator adds without code, e.g. ``se`` for North
  Sámi. What it lacks falls back to the municipality's Norwegian målform (bokmål, or
  nynorsk when the Kommune sheet says e.g. «se/nynorsk»), and one MERKNAD names it.

:func:`activate` chooses the language for a build; :func:`_` looks a text up in it (an
identity for bokmål). The templates are translated once per build by
:func:`translate_docx` (the text between their Jinja tags and the string literals inside
them), so the renderers compile and render the translated template as before.
``templates/catalogue.py`` extracts the texts from the code and the templates and updates
the catalogues.
"""

from __future__ import annotations

import functools
import html
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ParamSpec, TypeVar

from .errors import InputError

P = ParamSpec("P")
R = TypeVar("R")

BOKMÅL, NYNORSK = "nb", "nn"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "styring"
USER_FOLDER = "språk"  # beside the workbooks: språk/<kode>.po

_NAMES = {
    "bokmål": BOKMÅL, "bokmal": BOKMÅL, "nb": BOKMÅL, "nob": BOKMÅL, "nb_no": BOKMÅL,
    "nynorsk": NYNORSK, "nn": NYNORSK, "nno": NYNORSK, "nn_no": NYNORSK,
    "nordsamisk": "se", "samisk": "se", "davvisámegiella": "se", "sme": "se",
}
BABEL_LOCALES = {BOKMÅL: "nb_NO", NYNORSK: "nn_NO"}


def code(value: str | None) -> str | None:
    """The language code a Målform value stands for («Nynorsk», «nn», «nn_NO» → ``nn``);
    ``None`` for an empty value, the value itself (lower case) for an unknown word."""
    if value is None or not value.strip():
        return None
    word = value.strip().casefold().replace("-", "_")
    return _NAMES.get(word, word)


def parse(value: str | None) -> tuple[str, str]:
    """(language, Norwegian fallback) from a Målform value: «nynorsk» → (nn, nn),
    «se» → (se, nb), «se/nynorsk» or «nordsamisk, nynorsk» → (se, nn)."""
    parts = [p for p in re.split(r"[/,;+]|\s+og\s+|\s+", value or "") if p.strip()]
    if not parts:
        return BOKMÅL, BOKMÅL
    first = code(parts[0]) or BOKMÅL
    second = code(parts[1]) if len(parts) > 1 else None
    fallback = second if second in (BOKMÅL, NYNORSK) else (
        first if first in (BOKMÅL, NYNORSK) else BOKMÅL)
    return first, fallback


@dataclass
class Language:
    """The catalogues a build looks texts up in, first match wins; bokmål is the msgid."""

    code: str = BOKMÅL
    fallback: str = BOKMÅL
    messages: dict[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()  # texts the chosen catalogue lacks (fallback used)
    source: Path | None = None  # the catalogue file of a further language
    # A second language for the templates' title and headings («Sámi / norsk»): its own
    # translations only, from the Kommune sheet's «Parallelt språk» (see translate_xml)
    parallel: dict[str, str] = field(default_factory=dict)
    parallel_source: Path | None = None

    @property
    def is_bokmål(self) -> bool:
        """Bokmål, nothing else: the templates as they are."""
        return not self.messages and not self.parallel

    @property
    def locale(self) -> str:
        """Babel's locale for dates and numbers."""
        if self.code in BABEL_LOCALES:
            return BABEL_LOCALES[self.code]
        from babel import Locale, UnknownLocaleError

        try:
            Locale.parse(self.code)
        except (ValueError, UnknownLocaleError):
            return BABEL_LOCALES[self.fallback]
        return self.code
        # a language Babel knows gets its own month names; numbers are alike

    @property
    def tag(self) -> str:
        """The language tag of the documents («nb-NO», «nn-NO», «se-NO»)."""
        return f"{self.code}-NO"

    def gettext(self, msgid: str) -> str:
        return self.messages.get(msgid, msgid) if self.messages else msgid


class LanguageError(InputError, ValueError):
    """A Målform the product has no catalogue for (the message is bokmål)."""


@functools.lru_cache(maxsize=32)
def _read(path: Path, mtime_ns: int) -> dict[str, str]:
    plain = read_plain_po(path.read_bytes())
    if plain is not None:
        return plain
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f, charset="utf-8")
    out: dict[str, str] = {}
    for message in catalog:
        if message.id and isinstance(message.id, str) and isinstance(message.string, str) \
                and message.string and not message.fuzzy:
            out[message.id] = message.string
    return out


_PO_ESCAPE = re.compile(r'\\([\\trn"])')  # babel.messages.pofile.unescape's
_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}
_ASCII_SPACE = " \t\r\n\x0b\x0c"  # what bytes.strip() strips, as Babel strips a line


def _po_string(lines: list[str]) -> str:
    """The text of a msgid or msgstr and its continuation lines, as Babel unescapes it."""
    return "".join(_PO_ESCAPE.sub(lambda m: _PO_ESCAPES.get(m[1], m[1]), line[1:-1])
                   for line in lines)


def read_plain_po(data: bytes) -> dict[str, str] | None:
    """A .po file's translated, non-fuzzy messages exactly as Babel's ``read_po`` gives
    them (:func:`_read`), for the plain form the catalogues have (comments, flags, msgid and
    msgstr with continuation lines) without importing Babel's parser, which costs a
    one-cell build about 40 ms; None for anything else (a message context, plural forms,
    obsolete entries, a msgid given twice, another charset, a malformed line), which
    Babel reads."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text.startswith("\ufeff") or re.search(r"(?i)charset=(?!utf-8\\n)", text):
        return None
    out: dict[str, str] = {}
    seen: set[str] = set()
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    fuzzy = False

    def finish() -> bool:
        nonlocal msgid, msgstr, fuzzy
        if msgid is not None:
            if msgstr is None:
                return False
            key, value = _po_string(msgid), _po_string(msgstr)
            if key in seen:
                return False
            seen.add(key)
            if key and value and not fuzzy:
                out[key] = value
            msgid = msgstr = None
            fuzzy = False  # the flags of the next message follow
        return True

    for raw in text.split("\n"):
        line = raw.strip(_ASCII_SPACE)
        if not line:
            continue
        if line != line.strip() or (line[0] == '"' and (len(line) < 2 or line[-1] != '"')):
            return None
        if line[0] == "#":
            if line[:2] in ("#~", "#|") or not finish():
                return None
            if line[:2] == "#,":
                fuzzy = fuzzy or "fuzzy" in (f.strip() for f in line[2:].lstrip().split(","))
            continue
        if line[0] == '"':
            part = msgstr if msgstr is not None else msgid
            if part is None:
                return None
            part.append(line)
            continue
        keyword, _, arg = line.partition(" ")
        arg = arg.strip()
        if len(arg) < 2 or arg[0] != '"' or arg[-1] != '"':
            return None
        if keyword == "msgid":
            if not finish():
                return None
            msgid = [arg]
        elif keyword == "msgstr" and msgid is not None and msgstr is None:
            msgstr = [arg]
        else:
            return None
    return out if finish() else None


def read_catalogue(path: Path) -> dict[str, str]:
    """The translated, non-fuzzy messages of a .po file (cached per file version)."""
    return _read(path, path.stat().st_mtime_ns)


def package_catalogue(lang: str) -> Path | None:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    return path if path.is_file() else None


def all_msgids() -> tuple[str, ...]:
    """Every text the product writes (the msgids of the shipped nynorsk catalogue)."""
    path = package_catalogue(NYNORSK)
    return tuple(read_catalogue(path)) if path else ()


def language(målform: str | None, folder: Path | None = None) -> Language:
    """The language a Kommune sheet's Målform asks for; ``folder`` is where the workbooks
    are (its ``språk/`` may hold further catalogues). Raises :class:`LanguageError`."""
    lang, fallback = parse(målform)
    base: dict[str, str] = {}
    if fallback == NYNORSK:
        nn = package_catalogue(NYNORSK)
        base = dict(read_catalogue(nn)) if nn else {}
    if lang in (BOKMÅL, NYNORSK):
        return Language(lang, fallback, base)
    path = catalogue_path(lang, folder)
    if path is None:
        raise LanguageError(
            f"målformen «{målform}» er ukjent. Skriv bokmål eller nynorsk, eller legg en "
            f"språkfil {USER_FOLDER}/{lang}.po i mappen med arbeidsbøkene.")
    own = read_catalogue(path)
    missing = tuple(m for m in all_msgids() if m not in own)
    return Language(lang, fallback, base | own, missing, path)


def catalogue_path(lang: str, folder: Path | None = None) -> Path | None:
    """The catalogue of a further language: ``språk/<kode>.po`` beside the workbooks, else
    the package's ``locale/<kode>/``; None when there is none."""
    if folder is not None:
        path = next((p for p in (folder / USER_FOLDER / f"{lang}.po",
                                 folder / USER_FOLDER / lang / "LC_MESSAGES" / f"{DOMAIN}.po")
                     if p.is_file()), None)
        if path is not None:
            return path
    return package_catalogue(lang)


def with_parallel(lang: Language, value: str | None, folder: Path | None = None) -> Language:
    """``lang`` with parallel headings in the language a Kommune sheet's «Parallelt språk»
    names (e.g. «nordsamisk» or «se»): the document title and the templates' headings show
    that language's text first, then the målform's («Čoahkkáigeassu / Samandrag», as
    Karasjok writes «Boahttevaš Kárášjohka / Fremtidens Karasjok»), where its catalogue
    has one. Empty: ``lang`` itself. Raises :class:`LanguageError`."""
    second = code(value)
    if second is None:
        return lang
    if second in (BOKMÅL, NYNORSK):
        path = package_catalogue(NYNORSK) if second == NYNORSK else None
        messages = dict(read_catalogue(path)) if path else {}
        if second == BOKMÅL:  # bokmål beside nynorsk: every msgid is its own bokmål text
            messages = {m: m for m in all_msgids()}
    else:
        path = catalogue_path(second, folder)
        if path is None:
            raise LanguageError(
                f"det parallelle språket «{value}» har ingen språkfil. Legg "
                f"{USER_FOLDER}/{second}.po i mappen med arbeidsbøkene, eller la feltet stå tomt.")
        messages = dict(read_catalogue(path))
    if second == lang.code:
        return lang
    return replace(lang, parallel=messages, parallel_source=path if second not in (
        BOKMÅL, NYNORSK) else None)


@functools.cache
def _nynorsk() -> dict[str, str]:
    path = package_catalogue(NYNORSK)
    return dict(read_catalogue(path)) if path else {}


def in_nynorsk(text: str) -> str | None:
    """The shipped nynorsk form of a bokmål text (a sheet name, header or choice value),
    for the reader: a workbook may be typed in either målform."""
    nn = _nynorsk().get(text)
    return nn if nn and nn != text else None


_ACTIVE = Language()


def activate(lang: Language) -> Language:
    """Make ``lang`` the language :func:`_`, the number and date filters and the templates
    use from now on in this process (a build calls it first); returns the previous one."""
    global _ACTIVE
    from . import norsk

    previous, _ACTIVE = _ACTIVE, lang
    norsk.LOCALE = lang.locale
    return previous


def restoring(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` (a build) may activate the workbooks' language; afterwards the one before
    is active again, so nothing else in the process runs in it."""
    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        previous = _ACTIVE
        try:
            return fn(*args, **kwargs)
        finally:
            activate(previous)
    return run


def active() -> Language:
    return _ACTIVE


def _(msgid: str) -> str:
    """The text in the active language (bokmål: the text itself)."""
    return _ACTIVE.messages.get(msgid, msgid) if _ACTIVE.messages else msgid


def gettext(msgid: str) -> str:
    return _(msgid)


def N_(msgid: str) -> str:
    """Marks a text for the catalogue where it is defined; :func:`_` translates it where
    it is used (module constants are made before the language is known)."""
    return msgid


def lines(msgids: tuple[str, ...] | list[str]) -> list[str]:
    """Each text of a list in the active language."""
    return [_(m) for m in msgids]


# --------------------------------------------------------------------------- templates

_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.DOTALL)
_TEXT = re.compile(r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)")
_LITERAL = re.compile(r"(\"|&quot;|')((?:(?!\1).)*?)\1")
_PARTS = re.compile(r"word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def segments(text: str) -> list[tuple[bool, str]]:
    """A ``w:t`` text (unescaped) as (is_tag, piece) in order."""
    return [(bool(_TAG.fullmatch(p)), p) for p in _TAG.split(text) if p]


def template_texts(xml: str) -> list[str]:
    """The translatable texts of one template part: the text between tags (stripped) and
    the string literals inside tags, in order (the catalogue's msgids)."""
    out: list[str] = []
    for m in _TEXT.finditer(xml):
        for is_tag, piece in segments(html.unescape(m[2])):
            if is_tag:
                out += [lit[2] for lit in _literals(piece)]
            elif re.search(r"[^\W\d_]", piece):  # any text with a letter: « fikk », « av »
                out.append(piece.strip())
    return out


def _wordy(text: str) -> bool:
    """Worth translating: has a letter and is not an identifier-like token."""
    return bool(re.search(r"[A-Za-zÆØÅæøå]", text)) and not re.fullmatch(r"[a-z_.]+", text)


def _literals(tag: str) -> list[re.Match[str]]:
    """The string literals of an output tag (``{{ … }}``) that are text, not values a
    condition compares with (``== "drift"``, ``in ("gul", …)``): those stay as they are."""
    if not tag.startswith("{{"):
        return []
    out = []
    for m in _LITERAL.finditer(tag):
        before, after = tag[:m.start()].rstrip(), tag[m.end():].lstrip()
        compared = (before.endswith(("==", "!=", " in", "(", ",", "["))
                    or after.startswith(("==", "!=", " in ", ",", ")", "]")))
        if _wordy(m[2]) and not compared:
            out.append(m)
    return out


def _translate_piece(piece: str, messages: dict[str, str],
                     parallel: dict[str, str] | None = None) -> str:
    stripped = piece.strip()
    own = messages.get(stripped, stripped)
    second = parallel.get(stripped) if parallel else None
    if second and second != own:
        own = f"{second}{PARALLEL_SEPARATOR}{own}"
    if own == stripped:
        return piece
    start = piece.index(stripped)
    return piece[:start] + own + piece[start + len(stripped):]


def _translate_tag(tag: str, messages: dict[str, str]) -> str:
    out, at = [], 0
    for m in _literals(tag):
        text = messages.get(m[2])
        if text is not None:
            out += [tag[at:m.start()], m[1], text.replace(m[1], "’" if m[1] == "'" else "”"),
                    m[1]]
            at = m.end()
    return "".join(out) + tag[at:] if out else tag


PARALLEL_SEPARATOR = " / "
# A title or heading paragraph (the styles' ids in English or Norwegian Word), up to its end
_HEADING = re.compile(r"<w:p[ >](?:(?!</w:p>).)*?<w:pStyle w:val=\"(?:Title|Tittel|Heading\d|"
                      r"Overskrift\d)\"/>.*?</w:p>", re.DOTALL)


def translate_xml(xml: str, messages: dict[str, str],
                  parallel: dict[str, str] | None = None) -> str:
    """A template part with its fixed texts in the catalogue's language; with ``parallel``
    the fixed texts of the title and the headings also in that language, first."""
    def text(m: re.Match[str], both: dict[str, str] | None = None) -> str:
        raw = html.unescape(m[2])
        out = "".join(_translate_tag(p, messages) if is_tag
                      else _translate_piece(p, messages, both) for is_tag, p in segments(raw))
        if out == raw:
            return m[0]
        return m[1] + html.escape(out, quote=False) + m[3]
    if not parallel:
        return _TEXT.sub(text, xml)
    either = re.compile(f"({_HEADING.pattern})|{_TEXT.pattern}", re.DOTALL)

    def part(m: re.Match[str]) -> str:
        if m[1] is None:  # a text outside the headings
            return text(_TEXT.fullmatch(m[0]))  # type: ignore[arg-type]
        return _TEXT.sub(lambda t: text(t, parallel), m[1])
    return either.sub(part, xml)


@functools.lru_cache(maxsize=16)
def _translated(docx: bytes, key: tuple[tuple[str, str], ...],
                parallel: tuple[tuple[str, str], ...] = (), tag: str = "nb-NO") -> bytes:
    messages = dict(key)
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if _PARTS.fullmatch(info.filename):
                data = translate_xml(data.decode("utf-8"), messages,
                                     dict(parallel)).encode("utf-8")
            elif info.filename in _LANGUAGE_PARTS:
                # the document's language (spelling, hyphenation, the PDF's /Lang and what a
                # screen reader reads it as) is the målform's, not the template's bokmål
                data = _LANG.sub(f'\\1"{tag}"'.encode(), data)
            dst.writestr(info, data)
    return out.getvalue()


_LANGUAGE_PARTS = frozenset({"word/styles.xml", "word/settings.xml"})
_LANG = re.compile(rb'(\bw:(?:val|eastAsia)=)"nb-NO"')  # w:lang and w:themeFontLang


def translate_docx(docx: bytes, lang: Language | None = None) -> bytes:
    """The template's bytes with its fixed texts translated (bokmål: unchanged)."""
    lang = lang or _ACTIVE
    if lang.is_bokmål:
        return docx
    return _translated(docx, tuple(sorted(lang.messages.items())),
                       tuple(sorted(lang.parallel.items())), lang.tag)
