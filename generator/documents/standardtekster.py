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
from ..texts import N_, _, lines

LEDERAVTALE_INNLEDNING = (
    N_("Lederavtalen inngås mellom lederen og nærmeste overordnede leder. Den er en del av "
    "kommunens styringssystem og konkretiserer hva oppdragsbrevet betyr for den enkelte "
    "leder, og hvordan lederen skal utvikle seg videre i tråd med lederplattformen."),
    N_("Avtalen følges opp i en ledersamtale tidlig i året og minst én oppfølgingssamtale om "
    "høsten. Overordnet leder kaller inn og sørger for at avtalen fylles ut; lederen forbereder "
    "seg og kommer med egne innspill og ønsker for utvikling."),
)
STRUKTUR = (
    N_("Ledersamtalene gjennomføres på alle ledernivåer som en forlengelse av oppdragsbrevet. "
    "Den første samtalen skal være gjennomført innen utgangen av første kvartal, og avtalen "
    "oppdateres i en samtale om høsten."),
    N_("Samtalen skal være forberedt av begge parter. Den erstatter ikke den daglige dialogen, men "
    "gir en fast ramme for å drøfte oppdragene, resultatene og lederens egen utvikling."),
)
ANSVAR = (
    N_("Administrativ og strategisk ledelse i tråd med kommunens planer og styringsdokumenter"),
    N_("Forsvarlig økonomistyring og effektiv bruk av tildelte midler innenfor vedtatt budsjett"),
    N_("Arbeidsgiveransvaret, herunder helse, miljø og sikkerhet og oppfølging av sykefravær"),
    N_("God internkontroll, melding og oppfølging av avvik"),
    N_("Oversikt over kompetansebehov og utvikling av medarbeidere"),
    N_("Godt samarbeid med tillitsvalgte og verneombud"),
    N_("Brukerorientert utvikling av tjenestene og god dialog med innbyggere og "
       "samarbeidspartnere"),
)
LEDERSTØTTE = (
    N_("En tilgjengelig nærmeste leder som setter av tid til veiledning og støtte"),
    N_("Jevnlige tilbakemeldinger på resultater og lederatferd"),
    N_("Å bli orientert og involvert i saker som berører eget ansvarsområde"),
    N_("Tilrettelegging for samarbeid og kollegastøtte på tvers av organisasjonen"),
    N_("Prioritert tid og tilbud om lederutvikling"),
)
HØSTSPØRSMÅL = (
    N_("Hvordan går det med oppdragene fra oppdragsbrevet?"),
    N_("Har noe endret seg som gjør at prioriteringene bør vurderes på nytt?"),
    N_("Hva har jeg lært om egen lederatferd siden forrige samtale?"),
    N_("Hvilken lederstøtte trenger jeg framover?"),
    N_("Hvordan står det til med personal-, økonomi- og fagansvaret?"),
)


def lederavtale_tekster(tekster: Tekster) -> dict[str, list[Any]]:
    """The standard texts for the templates: the workbook's where given, else the defaults."""
    return {
        "innledning": paragraphs(tekster.lederavtale_innledning) or lines(LEDERAVTALE_INNLEDNING),
        "struktur": paragraphs(tekster.lederavtale_struktur) or lines(STRUKTUR),
        "ansvar": list(tekster.lederavtale_ansvar) or lines(ANSVAR),
        "lederstøtte": list(tekster.lederavtale_lederstøtte) or lines(LEDERSTØTTE),
        "høstspørsmål": list(tekster.lederavtale_høstspørsmål) or lines(HØSTSPØRSMÅL),
    }


def tekster_felt() -> dict[str, Any]:
    """The defaults as values of the Tekster fields, for new and demo workbooks: the adviser
    sees the wording and edits it in place."""
    return {
        "lederavtale_innledning": "\n\n".join(lines(LEDERAVTALE_INNLEDNING)),
        "lederavtale_struktur": "\n\n".join(lines(STRUKTUR)),
        "lederavtale_ansvar": lines(ANSVAR),
        "lederavtale_lederstøtte": lines(LEDERSTØTTE),
        "lederavtale_høstspørsmål": lines(HØSTSPØRSMÅL),
    } | epost_felt()


def epost_felt() -> dict[str, str]:
    """The e-mail drafts' default subjects and bodies (generator/model/eposttekster.py)."""
    return {t.field: _(t.default) for t in TEXTS}
