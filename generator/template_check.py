"""Check a Word template before it is used: every tag parses, names a known field,
and survived Word's habit of splitting text into runs.

Problems name the template and quote the text around the tag, so an adviser
who edited the template in Word can find the spot.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, ClassVar

import jinja2
from lxml import etree

from .problems import Problem
from .render import Template, TemplateError, environment

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
STRAY = re.compile(r"\{\s+[{%]|[}%]\s+\}|\{\{|\}\}|\{%|%\}")
PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")


def paragraph_texts(docx: bytes) -> list[str]:
    """The text of every paragraph in the body, headers and footers."""
    out = []
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        for name in sorted(n for n in zf.namelist() if PARTS.match(n)):
            root = etree.fromstring(zf.read(name))
            for p in root.iter(f"{W}p"):
                text = "".join(t.text or "" for t in p.iter(f"{W}t"))
                if text.strip():
                    out.append(text)
    return out


class _Recorder(jinja2.ChainableUndefined):
    """An undefined value that lets rendering go on and remembers what was missing."""

    missing: ClassVar[list[str]] = []

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
        return ""

    def __str__(self) -> str:
        _Recorder.missing.append(self._undefined_name or "?")
        return ""

    def __iter__(self):  # type: ignore[override]
        _Recorder.missing.append(self._undefined_name or "?")
        return iter(())

    def __bool__(self) -> bool:
        _Recorder.missing.append(self._undefined_name or "?")
        return False


def _around(texts: list[str], needle: str) -> str:
    for t in texts:
        if needle in t:
            i = t.index(needle)
            return t[max(0, i - 40): i + len(needle) + 40].strip()
    return ""


def static_check(template: Template) -> list[Problem]:
    """Problems visible without data: broken, split or unparsable tags."""
    return _static(template, paragraph_texts(template.data))


def _static(template: Template, texts: list[str]) -> list[Problem]:
    name = template.name
    problems: list[Problem] = []

    def report(message: str) -> None:
        problems.append(Problem(name, None, None, message))

    # 1. Tags Word split so that docxtpl can no longer join them: the braces are
    #    still visible in a paragraph's text but not as a complete tag.
    for text in texts:
        rest = TAG.sub("", text)
        if STRAY.search(rest):
            report(f"en tagg er ufullstendig eller delt opp av Word ved teksten «{text[:120]}». "
                   "Skriv taggen på nytt i ett strekk (uten formatering midt i).")
    # 2. Jinja syntax, per tag and for the whole template.
    env = environment()
    for text in texts:
        for tag in TAG.findall(text):
            if tag.startswith("{{"):
                try:
                    env.parse(tag)
                except jinja2.TemplateSyntaxError as e:
                    report(f"taggen «{tag}» kan ikke leses ({e.message}) – ved teksten "
                           f"«{_around(texts, tag)}».")
    return problems


def check(template: Template, context: dict[str, Any], images: dict[str, Any]) -> list[Problem]:
    """Every problem in one template, found by parsing and by a trial render."""
    name = template.name
    texts = paragraph_texts(template.data)
    problems = _static(template, texts)
    if problems:
        return problems

    def report(message: str) -> None:
        problems.append(Problem(name, None, None, message))
    # 3. A trial render against the real context, recording unknown fields.
    _Recorder.missing = []
    try:
        template.render(context, images, undefined=_Recorder)
    except TemplateError as e:
        report(str(e).removeprefix(f"{name}: "))
        return problems
    for missing in dict.fromkeys(_Recorder.missing):
        tag = next((t for text in texts for t in TAG.findall(text)
                    if re.search(rf"\b{re.escape(missing)}\b", t)), missing)
        report(f"taggen «{tag}» viser til feltet «{missing}», som ikke finnes – ved teksten "
               f"«{_around(texts, tag)}».")
    # 4. Nothing template-like may be left in the result.
    rendered = template.render(context, images, undefined=_Recorder)
    for text in paragraph_texts(rendered):
        m = STRAY.search(text)
        fragment = text[max(0, m.start() - 8): m.end() + 8] if m else ""
        if m and any(fragment in t for t in texts):  # from the template, not from the data
            report(f"en tagg ble stående som tekst i dokumentet: «{text[:120]}». Den er trolig "
                   "delt opp av Word; skriv den på nytt.")
    return problems
