"""The sheets the product reads, in the order the Veiledning sheet lists them.

A sheet is found by its name in whichever workbook holds it. ``workbook`` is the
file the blank-workbook writer puts it in: data is split by owner and
confidentiality (lederavtaler hold personal goals and live alone).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, get_type_hints

from ..model import domain as m
from ..model.column import Col, Column, resolve
from ..texts import N_, _

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
    #: The sheet may be empty or absent; this says what the documents then leave out (one
    #: MERKNAD from ``check`` and ``build``). ``""``: optional, nothing is left out.
    when_empty: str | None = None
    #: The sheet whose emptiness already leaves out the whole document this sheet feeds (its
    #: own notice is then not given: one cause, one message).
    needs: str | None = None

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

    @property
    def guide(self) -> str:
        """The description for the sheet guide, with what an empty sheet leaves out."""
        description = _(self.description)
        if self.when_empty is None:
            return description
        optional = description + " " + _("Kan stå tomt eller mangle.")
        if not self.when_empty:
            return optional
        left_out = _(self.when_empty)
        return optional + " " + _("Uten rader:") + " " + left_out[0].upper() + left_out[1:]


STYRING, TERTIAL, RISIKO, KOMPASS, LEDERAVTALER = (
    "styring", "tertial", "risiko", "kompass", N_("lederavtaler"))

SHEETS: tuple[Sheet, ...] = (
    Sheet("Kommune", m.Kommune, "kommune", STYRING,
          "Kommunen, dokumentåret og saksnumre for arkivet.", "keyvalue"),
    Sheet("Innstillinger", m.Innstillinger, "innstillinger", STYRING,
          "Terskler og mål som dokumentene vurderes mot.", "keyvalue"),
    Sheet("Tekster", m.Tekster, "tekster", STYRING,
          "Frie tekster i dokumentene. Tom linje gir nytt avsnitt.", "keyvalue"),
    Sheet("Prioriteringer", m.Prioritering, "prioriteringer", STYRING,
          "Kommunedirektørens prioriteringer for året.", key=("nr",),
          when_empty="oppdragsbrevet får ingen liste over kommunedirektørens prioriteringer."),
    Sheet("Forkortelser", m.Forkortelse, "forkortelser", STYRING,
          "Forkortelser som forklares i oppdragsbrevet.", key=("forkortelse",),
          when_empty=""),
    Sheet("Enheter", m.Enhet, "enheter", STYRING,
          "Enheter og staber med koden som brukes som HA/DA og ansvarlig.", key=("kode",)),
    Sheet("Grupper", m.Gruppe, "grupper", STYRING,
          "Egne grupper av ledere som kan stå som HA/DA, f.eks. KLG (valgfritt). Innebygde "
          "grupper trengs ikke her: «Alle ledere» (alle med lederavtale) og, fra kolonnen "
          "Ledernivå i arket Ledere, «Kommunalsjefer», «Stabsledere», «Enhetsledere» og "
          "«Avdelingsledere» (og kommunens egne nivåer fra arket Kommune, f.eks. "
          "«Virksomhetsledere»).", key=("navn",),
          when_empty=""),
    Sheet("Årshjul", m.Møte, "årshjul", STYRING,
          "Årshjulet: møtekalenderen for alle fora (UKLG, ledermøter, kommunestyret …) med "
          "temaer.",
          when_empty="oppdragsbrevet får ingen møtekalender, og kalenderfilen (.ics) får "
                     "ingen møter."),
    Sheet("Styringsdialog", m.Styringsdialog, "styringsdialog", STYRING,
          "Fora i styringsdialogen.", key=("forum",),
          when_empty="oppdragsbrevet får ingen tabell over fora i styringsdialogen."),
    Sheet("Mål", m.Mål, "mål", STYRING,
          "Mål og indikatorer i de fire perspektivene i balansert målstyring.", key=("id",)),
    Sheet("Oppdrag", m.Oppdrag, "oppdrag", STYRING,
          "Oppdragene i oppdragsbrevet med hovedansvar (HA) og delansvar (DA).", key=("nr",)),
    Sheet("Milepæler", m.Milepæl, "milepæler", STYRING,
          "Milepæler for oppdrag og prosjekter: i oppdragsbrevet under oppdraget, i "
          "tertialrapportens status og, når de har dato, i kalenderfilen (valgfritt).",
          when_empty=""),
    Sheet("Rammeområder", m.Rammeområde, "rammeområder", TERTIAL,
          "Budsjettets rammeområder.", key=("navn",),
          when_empty="", needs="Økonomi"),
    Sheet("Økonomi", m.Økonomilinje, "økonomi", TERTIAL,
          "Budsjett, regnskap og prognose per rammeområde og tertial.",
          key=("tertial", "type", "rammeområde"),
          when_empty="tertialrapporten lages ikke (den bygger på økonomitallene); de andre "
                     "dokumentene lages som vanlig."),
    Sheet("Nøkkeltall", m.Nøkkeltall, "nøkkeltall", TERTIAL,
          "Sykefravær, overtid, årsverk og avvik per enhet og tertial.", key=("tertial", "enhet"),
          when_empty="tertialrapporten får ingen tabell eller graf for sykefravær, overtid, "
                     "årsverk og avvik.", needs="Økonomi"),
    Sheet("Målresultater", m.Målresultat, "målresultater", TERTIAL,
          "Resultat og status for målene per tertial.", key=("mål_id", "tertial"),
          when_empty="tertialrapporten viser målene som «Ikke rapportert».", needs="Økonomi"),
    Sheet("Oppdragsstatus", m.Oppdragsstatus, "oppdragsstatus", TERTIAL,
          "Status for oppdragene per tertial.", key=("nr", "tertial"),
          when_empty="tertialrapporten viser oppdragene som «Ikke rapportert».", needs="Økonomi"),
    Sheet("Tertialtekster", m.Tertialtekst, "tertialtekster", TERTIAL,
          "Innledning, endrede forutsetninger og forslag per tertial.", key=("tertial",),
          when_empty="tertialrapporten får ingen innledning, endrede forutsetninger eller "
                     "forslag til vedtak.", needs="Økonomi"),
    Sheet("Vedtaksoppfølging", m.Vedtak, "vedtak", TERTIAL,
          "Politiske vedtak som administrasjonen følger opp; tertialrapporten viser de åpne, "
          "de forfalte og de som er fullført siden forrige tertial (valgfritt).",
          key=("sak",)),
    Sheet("Investeringsprosjekter", m.Investeringsprosjekt, "investeringsprosjekter", TERTIAL,
          "Investeringene per prosjekt og tertial; summen per rammeområde skal stemme med "
          "investeringslinjene i arket Økonomi (valgfritt).", key=("tertial", "prosjekt")),
    Sheet("Risiko", m.Risiko, "risikoer", RISIKO,
          "Risikoer med sannsynlighet og konsekvens. Risikofaktor og farge regnes ut.",
          key=("id",),
          when_empty="tertialrapporten får ingen risikotabell, og risikomatrisen blir tom.",
          needs="Økonomi"),
    Sheet("Kompass", m.KompassOmråde, "kompass", KOMPASS,
          "Resultatet fra Kommunekompasset per område.", key=("nr",),
          when_empty="utviklingsstrategien lages ikke (den bygger på evalueringen i "
                     "Kommunekompasset); de andre dokumentene lages som vanlig."),
    Sheet("Kompass-spørsmål", m.KompassSpørsmål, "kompass_spørsmål", KOMPASS,
          "Delspørsmål per område med maks poeng (valgfritt).",
          when_empty="utviklingsstrategien får ingen poengtabeller per delspørsmål.",
          needs="Kompass"),
    Sheet("Delstrategier", m.Delstrategi, "delstrategier", KOMPASS,
          "Delstrategiene i utviklingsstrategien.", key=("nr",),
          when_empty="utviklingsstrategien får ingen delstrategier.", needs="Kompass"),
    Sheet("Delstrategi-innhold", m.DelstrategiInnhold, "delstrategi_innhold", KOMPASS,
          "Innhold og hovedoppgaver per delstrategi.",
          when_empty="delstrategiene i utviklingsstrategien får ikke innhold og "
                     "hovedoppgaver.", needs="Delstrategier"),
    Sheet("Ledere", m.Leder, "ledere", LEDERAVTALER,
          "Alle ledere med enhet og nærmeste overordnede.", key=("id",)),
    Sheet("Lederavtaler", m.Lederavtale, "lederavtaler", LEDERAVTALER,
          "Én rad per lederavtale. Inneholder personlige utviklingsmål.", key=("leder_id",),
          when_empty="ingen lederavtaler lages; de andre dokumentene lages som vanlig."),
    Sheet("Bidrag", m.Bidrag, "bidrag", LEDERAVTALER,
          "Lederens bidrag til hvert oppdrag lederen har HA eller DA for.",
          key=("leder_id", "oppdrag_nr"),
          when_empty="lederavtalene får ingen bidrag per oppdrag.", needs="Lederavtaler"),
    Sheet("Kapitler", m.Kapittel, "kapitler", STYRING,
          "Egne kapitler og underkapitler i dokumentene (valgfritt), nummerert sammen med "
          "standardkapitlene.",
          when_empty=""),
)

SHEETS_BY_NAME = {s.name: s for s in SHEETS}
WORKBOOKS: tuple[str, ...] = (STYRING, TERTIAL, RISIKO, KOMPASS, LEDERAVTALER)


def workbook_file(name: str) -> str:
    """A workbook's file name (without its suffix) in the active målform: «lederavtaler»,
    in nynorsk «leiaravtalar». The reader finds the sheets in any file; ``name`` stays the
    workbook's key (:attr:`Sheet.workbook`)."""
    word = _(name)
    return name if word == name else re.sub(r'[\\/:*?"<>|\s]+', "-", word).strip("-") or name


def workbook_files(name: str) -> tuple[str, ...]:
    """A workbook's file names in every målform (bokmål, nynorsk, the active language)."""
    from ..texts import in_nynorsk

    return tuple(dict.fromkeys([name, workbook_file(name), in_nynorsk(name) or name]))


def sheet_for(name: str) -> Sheet | None:
    """The sheet a workbook tab stands for; names match ignoring case and spaces, in
    bokmål or nynorsk («Ledere» or «Leiarar»)."""
    from ..texts import in_nynorsk

    wanted = " ".join(name.split()).casefold()
    return next((s for s in SHEETS if s.name.casefold() == wanted
                 or (in_nynorsk(s.name) or "").casefold() == wanted), None)
