"""The product's standard wording of the lederavtale, the one source of the defaults.

A municipality replaces any of them with its own in the sheet «Tekster» (fields
«Lederavtale: …»); an empty field keeps the text here. Used by the lederavtale and
by the oppdragsbrev's appendix «Mal for lederavtale».
"""

from __future__ import annotations

from typing import Any

from ..model.domain import Tekster
from ..model.eposttekster import TEXTS
from ..rendering.template import paragraphs

LEDERAVTALE_INNLEDNING = (
    "Lederavtalen inngås mellom lederen og nærmeste overordnede leder. Den er en del av "
    "kommunens styringssystem og konkretiserer hva oppdragsbrevet betyr for den enkelte "
    "leder, og hvordan lederen skal utvikle seg videre i tråd med lederplattformen.",
    "Avtalen følges opp i en ledersamtale tidlig i året og minst én oppfølgingssamtale om "
    "høsten. Overordnet leder kaller inn og sørger for at avtalen fylles ut; lederen forbereder "
    "seg og kommer med egne innspill og ønsker for utvikling.",
)
STRUKTUR = (
    "Ledersamtalene gjennomføres på alle ledernivåer som en forlengelse av oppdragsbrevet. "
    "Den første samtalen skal være gjennomført innen utgangen av første kvartal, og avtalen "
    "oppdateres i en samtale om høsten.",
    "Samtalen skal være forberedt av begge parter. Den erstatter ikke den daglige dialogen, men "
    "gir en fast ramme for å drøfte oppdragene, resultatene og lederens egen utvikling.",
)
ANSVAR = (
    "Administrativ og strategisk ledelse i tråd med kommunens planer og styringsdokumenter",
    "Forsvarlig økonomistyring og effektiv bruk av tildelte midler innenfor vedtatt budsjett",
    "Arbeidsgiveransvaret, herunder helse, miljø og sikkerhet og oppfølging av sykefravær",
    "God internkontroll, melding og oppfølging av avvik",
    "Oversikt over kompetansebehov og utvikling av medarbeidere",
    "Godt samarbeid med tillitsvalgte og verneombud",
    "Brukerorientert utvikling av tjenestene og god dialog med innbyggere og samarbeidspartnere",
)
LEDERSTØTTE = (
    "En tilgjengelig nærmeste leder som setter av tid til veiledning og støtte",
    "Jevnlige tilbakemeldinger på resultater og lederatferd",
    "Å bli orientert og involvert i saker som berører eget ansvarsområde",
    "Tilrettelegging for samarbeid og kollegastøtte på tvers av organisasjonen",
    "Prioritert tid og tilbud om lederutvikling",
)
HØSTSPØRSMÅL = (
    "Hvordan går det med oppdragene fra oppdragsbrevet?",
    "Har noe endret seg som gjør at prioriteringene bør vurderes på nytt?",
    "Hva har jeg lært om egen lederatferd siden forrige samtale?",
    "Hvilken lederstøtte trenger jeg framover?",
    "Hvordan står det til med personal-, økonomi- og fagansvaret?",
)


def lederavtale_tekster(tekster: Tekster) -> dict[str, list[Any]]:
    """The standard texts for the templates: the workbook's where given, else the defaults."""
    return {
        "innledning": paragraphs(tekster.lederavtale_innledning) or list(LEDERAVTALE_INNLEDNING),
        "struktur": paragraphs(tekster.lederavtale_struktur) or list(STRUKTUR),
        "ansvar": list(tekster.lederavtale_ansvar) or list(ANSVAR),
        "lederstøtte": list(tekster.lederavtale_lederstøtte) or list(LEDERSTØTTE),
        "høstspørsmål": list(tekster.lederavtale_høstspørsmål) or list(HØSTSPØRSMÅL),
    }


def tekster_felt() -> dict[str, Any]:
    """The defaults as values of the Tekster fields, for new and demo workbooks: the adviser
    sees the wording and edits it in place."""
    return {
        "lederavtale_innledning": "\n\n".join(LEDERAVTALE_INNLEDNING),
        "lederavtale_struktur": "\n\n".join(STRUKTUR),
        "lederavtale_ansvar": list(ANSVAR),
        "lederavtale_lederstøtte": list(LEDERSTØTTE),
        "lederavtale_høstspørsmål": list(HØSTSPØRSMÅL),
    } | epost_felt()


def epost_felt() -> dict[str, str]:
    """The e-mail drafts' default subjects and bodies (generator/model/eposttekster.py)."""
    return {t.field: t.default for t in TEXTS}
