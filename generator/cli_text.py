"""Typer/Click's own words in bokmål: the help page («Bruk:», «Valg», «Vis denne hjelpen og
avslutt.») and the usage errors («FEIL ukjent valg «--x»»).

Typer 0.29 (pinned) vendors its own Click copy with the English strings written into the
code (no gettext), so there is no translation catalogue to hook into. The hook is instead:

- :class:`NorskFormatter`, the help formatter of every context (``Context.formatter_class``):
  it writes the usage prefix and the section headings in bokmål and translates the few
  fixed phrases Click puts into a help page (metavars, ``[required]``, ``[default: …]``);
- :func:`usage_error`, which words a usage error from the exception's *type and fields*
  (option name, parameter, possibilities), not from its English text, so a message the
  table does not know still comes out Norwegian.

:func:`install` sets both up; :func:`generator.cli.main` and the ``styring`` group use it.
"""

from __future__ import annotations

import re

from typer import _click
from typer._click import exceptions as click_errors

HEADINGS = {"Options": "Valg", "Arguments": "Argumenter", "Commands": "Kommandoer"}
USAGE = "Bruk: "
# Fixed phrases Click and Typer write into a help page, in the order they are replaced.
PHRASES = (
    ("Show this message and exit.", "Vis denne hjelpen og avslutt."),
    ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENTER]..."),
    ("[OPTIONS]", "[VALG]"),
    ("[required]", "[påkrevd]"),
    ("[default: ", "[standard: "),
    ("<list[Path]>", "<stier>"),
    ("<list[str]>", "<tekster>"),
    ("<int range>", "<heltall>"),
    ("<path>", "<sti>"),
    ("<str>", "<tekst>"),
    ("<int>", "<heltall>"),
    ("<float>", "<tall>"),
    ("<text>", "<tekst>"),
    ("<integer>", "<heltall>"),
    ("<boolean>", "<ja/nei>"),
)
ENGLISH_WORDS = ("Usage", "Options", "Arguments", "Commands", "Show this message", "required",
                 "default:", "Error", "Try ", "Missing", "Invalid", "No such", "Got unexpected")
"""Words that must never reach the user (the tests look for them)."""


def translate(text: str) -> str:
    """The fixed English phrases of a help page in bokmål."""
    for english, norsk in PHRASES:
        text = text.replace(english, norsk)
    return text


class NorskFormatter(_click.HelpFormatter):
    """Click's help formatter with bokmål headings, usage prefix and fixed phrases."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, translate(args), USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: object, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(translate(a), translate(b)) for a, b in rows]  # type: ignore[attr-defined]
        super().write_dl(rows, col_max, col_spacing)


def _name(param: object) -> str:
    """An option as typed (``--tertial``), an argument by its metavar (``MAPPE``)."""
    opts = getattr(param, "opts", None) or []
    longest = max(opts, key=len) if opts else ""
    if getattr(param, "param_type_name", "") == "argument":
        return getattr(param, "metavar", None) or str(getattr(param, "name", "")).upper()
    return longest or str(getattr(param, "name", ""))


_RANGE = re.compile(r"(less|greater) than( or equal to)? (-?[\d.]+)")


def _bad_value(e: click_errors.BadParameter) -> str:
    what = f"«{_name(e.param)}»" if e.param is not None else "et valg"
    detail = ""
    found = _RANGE.search(e.message)
    if found:
        limit = found.group(3).replace(".", ",")
        detail = (f": må være høyst {limit}" if found.group(1) == "less" else
                  f": må være minst {limit}")
        if not found.group(2):
            detail = detail.replace("høyst", "under").replace("minst", "over")
    elif re.search(r"valid (integer|int)", e.message) or "parse string as an integer" in e.message:
        detail = ": må være et heltall"
    elif "does not exist" in e.message:
        detail = ": finnes ikke"
    return f"ugyldig verdi for {what}{detail}."


def usage_error(e: click_errors.ClickException) -> str:
    """The error in bokmål, without the «FEIL» prefix."""
    if isinstance(e, click_errors.MissingParameter):
        kind = "argumentet" if getattr(e.param, "param_type_name", "") == "argument" else "valget"
        return f"mangler {kind} «{_name(e.param)}»." if e.param is not None else \
            "mangler et valg eller argument."
    if isinstance(e, click_errors.BadParameter):
        return _bad_value(e)
    if isinstance(e, click_errors.NoSuchOption):
        text = f"ukjent valg «{e.option_name}»"
        if e.possibilities:
            text += " (mente du " + " eller ".join(f"«{p}»" for p in sorted(e.possibilities)) + "?)"
        return text + "."
    if isinstance(e, click_errors.BadOptionUsage):
        if "does not take a value" in e.message:
            return f"valget «{e.option_name}» tar ingen verdi."
        return f"valget «{e.option_name}» trenger en verdi."
    if isinstance(e, click_errors.BadArgumentUsage):
        return "argumentene er ikke riktige."
    command = re.match(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?", e.message)
    if command:
        text = f"ukjent kommando «{command.group(1)}»"
        if command.group(2):
            text += " (mente du " + " eller ".join(
                f"«{m.strip(chr(39))}»" for m in command.group(2).split(", ")) + "?)"
        return text + "."
    extra = re.match(r"Got unexpected extra arguments? \((.*)\)", e.message)
    if extra:
        return f"for mange argumenter: {extra.group(1)}."
    if e.message.startswith("Missing command"):
        return "mangler kommando."
    return "kommandoen ble ikke forstått."


def install() -> None:
    """Every context formats help with :class:`NorskFormatter` (Typer's own commands too)."""
    _click.Context.formatter_class = NorskFormatter
