"""The sheets the product reads, in the order the Veiledning sheet lists them.

A sheet is found by its name in whichever workbook holds it. ``workbook`` is the
file the blank-workbook writer puts it in: data is split by owner and
confidentiality (lederavtaler hold personal goals and live alone).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, get_type_hints

from ..model import domain as m
from ..model.column import Col, Column, resolve

Layout = Literal["table", "keyvalue"]
KEY_HEADER_TEXTS = ("Felt", "Verdi", "Forklaring")  # the header row of a key–value sheet


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, the model class of its rows and where it lives."""

    name: str
    model: type
    attr: str
    workbook: str
    description: str
    layout: Layout = "table"
    key: tuple[str, ...] = ()

    @cached_property
    def columns(self) -> tuple[Column, ...]:
        hints = get_type_hints(self.model, include_extras=True)
        cols = []
        for f in dataclasses.fields(self.model):
            meta = [a for a in getattr(hints[f.name], "__metadata__", ()) if isinstance(a, Col)]
            has_default = (f.default is not dataclasses.MISSING
                           or f.default_factory is not dataclasses.MISSING)
            cols.append(resolve(f.name, hints[f.name].__origin__, meta[0], has_default))
        return tuple(cols)

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)

    @property
    def is_table(self) -> bool:
        return self.layout == "table"


STYRING, TERTIAL, RISIKO, KOMPASS, LEDERAVTALER = (
    "styring", "tertial", "risiko", "kompass", "lederavtaler")

SHEETS: tuple[Sheet, ...] = (
    Sheet("Kommune", m.Kommune, "kommune", STYRING,
          "Kommunen, dokumentåret og saksnumre for arkivet.", "keyvalue"),
    Sheet("Innstillinger", m.Innstillinger, "innstillinger", STYRING,
          "Terskler og mål som dokumentene vurderes mot.", "keyvalue"),
    Sheet("Tekster", m.Tekster, "tekster", STYRING,
          "Frie tekster i dokumentene. Tom linje gir nytt avsnitt.", "keyvalue"),
    Sheet("Prioriteringer", m.Prioritering, "prioriteringer", STYRING,
          "Kommunedirektørens prioriteringer for året.", key=("nr",)),
    Sheet("Forkortelser", m.Forkortelse, "forkortelser", STYRING,
          "Forkortelser som forklares i oppdragsbrevet.", key=("forkortelse",)),
    Sheet("Enheter", m.Enhet, "enheter", STYRING,
          "Enheter og staber med koden som brukes som HA/DA og ansvarlig.", key=("kode",)),
    Sheet("Grupper", m.Gruppe, "grupper", STYRING,
          "Egne grupper av ledere som kan stå som HA/DA, f.eks. KLG (valgfritt). Innebygde "
          "grupper trengs ikke her: «Alle ledere» (alle med lederavtale) og, fra kolonnen "
          "Ledernivå i arket Ledere, «Kommunalsjefer», «Stabsledere», «Enhetsledere» og "
          "«Avdelingsledere».", key=("navn",)),
    Sheet("Årshjul", m.Møte, "årshjul", STYRING, "Møtekalender for UKLG med temaer."),
    Sheet("Styringsdialog", m.Styringsdialog, "styringsdialog", STYRING,
          "Fora i styringsdialogen.", key=("forum",)),
    Sheet("Mål", m.Mål, "mål", STYRING,
          "Mål og indikatorer i de fire perspektivene i balansert målstyring.", key=("id",)),
    Sheet("Oppdrag", m.Oppdrag, "oppdrag", STYRING,
          "Oppdragene i oppdragsbrevet med hovedansvar (HA) og delansvar (DA).", key=("nr",)),
    Sheet("Rammeområder", m.Rammeområde, "rammeområder", TERTIAL,
          "Budsjettets rammeområder.", key=("navn",)),
    Sheet("Økonomi", m.Økonomilinje, "økonomi", TERTIAL,
          "Budsjett, regnskap og prognose per rammeområde og tertial.",
          key=("tertial", "type", "rammeområde")),
    Sheet("Nøkkeltall", m.Nøkkeltall, "nøkkeltall", TERTIAL,
          "Sykefravær, overtid, årsverk og avvik per enhet og tertial.", key=("tertial", "enhet")),
    Sheet("Målresultater", m.Målresultat, "målresultater", TERTIAL,
          "Resultat og status for målene per tertial.", key=("mål_id", "tertial")),
    Sheet("Oppdragsstatus", m.Oppdragsstatus, "oppdragsstatus", TERTIAL,
          "Status for oppdragene per tertial.", key=("nr", "tertial")),
    Sheet("Tertialtekster", m.Tertialtekst, "tertialtekster", TERTIAL,
          "Innledning, endrede forutsetninger og forslag per tertial.", key=("tertial",)),
    Sheet("Vedtaksoppfølging", m.Vedtak, "vedtak", TERTIAL,
          "Politiske vedtak som administrasjonen følger opp; tertialrapporten viser de åpne, "
          "de forfalte og de som er fullført siden forrige tertial (valgfritt).",
          key=("sak",)),
    Sheet("Investeringsprosjekter", m.Investeringsprosjekt, "investeringsprosjekter", TERTIAL,
          "Investeringene per prosjekt og tertial; summen per rammeområde skal stemme med "
          "investeringslinjene i arket Økonomi (valgfritt).", key=("tertial", "prosjekt")),
    Sheet("Risiko", m.Risiko, "risikoer", RISIKO,
          "Risikoer med sannsynlighet og konsekvens. Risikofaktor og farge regnes ut.",
          key=("id",)),
    Sheet("Kompass", m.KompassOmråde, "kompass", KOMPASS,
          "Resultatet fra Kommunekompasset per område.", key=("nr",)),
    Sheet("Kompass-spørsmål", m.KompassSpørsmål, "kompass_spørsmål", KOMPASS,
          "Delspørsmål per område med maks poeng (valgfritt)."),
    Sheet("Delstrategier", m.Delstrategi, "delstrategier", KOMPASS,
          "Delstrategiene i utviklingsstrategien.", key=("nr",)),
    Sheet("Delstrategi-innhold", m.DelstrategiInnhold, "delstrategi_innhold", KOMPASS,
          "Innhold og hovedoppgaver per delstrategi."),
    Sheet("Ledere", m.Leder, "ledere", LEDERAVTALER,
          "Alle ledere med enhet og nærmeste overordnede.", key=("id",)),
    Sheet("Lederavtaler", m.Lederavtale, "lederavtaler", LEDERAVTALER,
          "Én rad per lederavtale. Inneholder personlige utviklingsmål.", key=("leder_id",)),
    Sheet("Bidrag", m.Bidrag, "bidrag", LEDERAVTALER,
          "Lederens bidrag til hvert oppdrag lederen har HA eller DA for.",
          key=("leder_id", "oppdrag_nr")),
    Sheet("Kapitler", m.Kapittel, "kapitler", STYRING,
          "Egne kapitler og underkapitler i dokumentene (valgfritt), nummerert sammen med "
          "standardkapitlene."),
)

SHEETS_BY_NAME = {s.name: s for s in SHEETS}
WORKBOOKS: tuple[str, ...] = (STYRING, TERTIAL, RISIKO, KOMPASS, LEDERAVTALER)


def sheet_for(name: str) -> Sheet | None:
    """The sheet a workbook tab stands for; names match ignoring case and spaces."""
    wanted = " ".join(name.split()).casefold()
    return next((s for s in SHEETS if s.name.casefold() == wanted), None)
