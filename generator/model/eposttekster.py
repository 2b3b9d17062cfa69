"""The e-mail texts: defaults, placeholders and the check of what the adviser wrote.

Subject and body come from the sheet Tekster; an empty field gives the wording below.
Placeholders are simple names in braces (``{navn}``, ``{år}``); anything else in braces
is a located error, so a typo never reaches a leader's inbox. ``{{`` and ``}}`` give
literal braces.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..texts import N_, _
from .domain import EPOST_FELT_LEDERAVTALE, EPOST_FELT_OPPDRAGSBREV, Tekster

LEDERAVTALE_FIELDS = ("navn", "stilling", "enhet", "overordnet", "år", "kommune",
                      "kommunedirektør", "tittel", "vedlegg")
OPPDRAGSBREV_FIELDS = ("år", "kommune", "kommunedirektør", "tittel", "vedlegg")

LEDERAVTALE_EMNE = N_("Lederavtale {år} – {navn}")
LEDERAVTALE_TEKST = N_(
    "Hei, {navn}!\n\n"
    "Vedlagt er lederavtalen din for {år} ({vedlegg}), inngått mellom deg og nærmeste "
    "overordnede leder, {overordnet}.\n\n"
    "Les gjennom avtalen før samtalen. Når dere er enige, signerer dere begge, og den "
    "signerte avtalen arkiveres.\n\n"
    "Vennlig hilsen\n{overordnet}\n{kommune}")
OPPDRAGSBREV_EMNE = N_("Kommunedirektørens oppdragsbrev {år}")
OPPDRAGSBREV_TEKST = N_(
    "Til alle ledere i {kommune}\n\n"
    "Vedlagt er kommunedirektørens oppdragsbrev for {år} ({vedlegg}). Brevet beskriver "
    "prioriteringene, målene og oppdragene for året, og det er grunnlaget for "
    "lederavtalene.\n\n"
    "Vennlig hilsen\n{kommunedirektør}\nkommunedirektør")


@dataclass(frozen=True)
class Text:
    """One e-mail text field of Tekster: its model field, default and placeholders."""

    field: str
    default: str
    fields: tuple[str, ...]
    listed: str  # the placeholders as the help text lists them


TEXTS = (
    Text("epost_lederavtale_emne", LEDERAVTALE_EMNE, LEDERAVTALE_FIELDS, EPOST_FELT_LEDERAVTALE),
    Text("epost_lederavtale_tekst", LEDERAVTALE_TEKST, LEDERAVTALE_FIELDS,
         EPOST_FELT_LEDERAVTALE),
    Text("epost_oppdragsbrev_emne", OPPDRAGSBREV_EMNE, OPPDRAGSBREV_FIELDS,
         EPOST_FELT_OPPDRAGSBREV),
    Text("epost_oppdragsbrev_tekst", OPPDRAGSBREV_TEKST, OPPDRAGSBREV_FIELDS,
         EPOST_FELT_OPPDRAGSBREV),
)
_BY_FIELD = {t.field: t for t in TEXTS}


def problem(text: str, fields: tuple[str, ...], listed: str) -> str | None:
    """Why ``text`` cannot be filled in (bokmål), or None when it can."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return ("har en krøllparentes uten partner. Skriv plassholdere som {navn}, og {{ eller "
                "}} for en krøllparentes i teksten.")
    unknown = [name for _, name, spec, conv in parts
               if name is not None and (name not in fields or spec or conv)]
    if unknown:
        shown = ", ".join("{" + n + "}" if n else "{}" for n in dict.fromkeys(unknown))
        return f"har en ukjent plassholder: {shown}. Tillatt her: {listed}."
    return None


def check(tekster: Tekster | None, err: Callable[[object, str | None, str], None]) -> None:
    """Every e-mail text in Tekster can be filled in (a located error for each one that can't)."""
    if tekster is None:
        return
    for t in TEXTS:
        value = getattr(tekster, t.field)
        if value and (why := problem(value, t.fields, t.listed)):
            err(tekster, t.field, f"teksten {why}")


def fill(tekster: Tekster, field: str, values: Mapping[str, str]) -> str:
    """The text of ``field`` (or its default) with the placeholders filled in."""
    t = _BY_FIELD[field]
    text = getattr(tekster, field) or _(t.default)
    return text.format_map({k: values[k] for k in t.fields})
