"""Demo data for tertial.xlsx: rammeområder, økonomi, nøkkeltall and the tertials' status.

This year's figures are written out row by row as in the sheets; last year's regnskap and
sick leave, for the tertialrapport's comparison, are derived from them (:func:`med_i_fjor`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..model.domain import (
    Budsjettype,
    Investeringsprosjekt,
    Målresultat,
    Nøkkeltall,
    Oppdragsstatus,
    Rammeområde,
    Status,
    Tertialtekst,
    Vedtak,
    Vedtaksstatus,
    Økonomilinje,
)
from ..model.styringsdata import Styringsdata
from .styring import HO_OMR, OPPVEKST, PLAN_OMR, SENTRAL, TEKNISK

DRIFT, INVESTERING = Budsjettype.DRIFT, Budsjettype.INVESTERING

RAMMEOMRÅDER = [
    Rammeområde(navn="Politisk styring", ansvarlig="SERV", nr=1),
    Rammeområde(navn=SENTRAL, ansvarlig="KD", nr=2),
    Rammeområde(navn=OPPVEKST, ansvarlig="OPPV", nr=3),
    Rammeområde(navn=HO_OMR, ansvarlig="HO", nr=4),
    Rammeområde(navn=TEKNISK, ansvarlig="TEK", nr=5),
    Rammeområde(navn="Kultur", ansvarlig="KULT", nr=6),
    Rammeområde(navn="NAV sosial", ansvarlig="NAV", nr=7),
    Rammeområde(navn=PLAN_OMR, ansvarlig="PLAN", nr=8),
    Rammeområde(navn="Skatter og rammetilskudd", ansvarlig="ØKO", nr=9),
    Rammeområde(navn="Finans", ansvarlig="ØKO", nr=10),
    Rammeområde(navn="Kirke og trossamfunn", ansvarlig="KD", nr=11),
]

# --- Økonomi og nøkkeltall ----------------------------------------------------------

# Amounts in kr, as floats like those read from the sheet.
ØKONOMI = [
    # 1. tertial, drift
    Økonomilinje(tertial=1, type=DRIFT, rammeområde="Politisk styring",
                 budsjett=9_400_000.0, regnskap=3_280_000.0, prognose=9_400_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde=SENTRAL,
                 budsjett=58_200_000.0, regnskap=19_870_000.0, prognose=58_600_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde=OPPVEKST,
                 budsjett=182_500_000.0, regnskap=60_140_000.0, prognose=183_900_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde=HO_OMR,
                 budsjett=271_800_000.0, regnskap=95_600_000.0, prognose=278_000_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde=TEKNISK,
                 budsjett=41_600_000.0, regnskap=15_900_000.0, prognose=43_100_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde="Kultur",
                 budsjett=12_300_000.0, regnskap=4_020_000.0, prognose=12_300_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde="NAV sosial",
                 budsjett=14_900_000.0, regnskap=5_420_000.0, prognose=15_700_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde=PLAN_OMR,
                 budsjett=8_700_000.0, regnskap=2_310_000.0, prognose=8_300_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde="Skatter og rammetilskudd",
                 budsjett=-656_000_000.0, regnskap=-224_000_000.0, prognose=-659_000_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde="Finans",
                 budsjett=35_400_000.0, regnskap=10_100_000.0, prognose=35_900_000.0),
    Økonomilinje(tertial=1, type=DRIFT, rammeområde="Kirke og trossamfunn",
                 budsjett=6_100_000.0, regnskap=3_050_000.0, prognose=6_100_000.0),
    # 1. tertial, investering
    Økonomilinje(tertial=1, type=INVESTERING, rammeområde=SENTRAL,
                 budsjett=4_200_000.0, regnskap=1_150_000.0, prognose=4_200_000.0),
    Økonomilinje(tertial=1, type=INVESTERING, rammeområde=OPPVEKST,
                 budsjett=38_000_000.0, regnskap=4_100_000.0, prognose=38_000_000.0),
    Økonomilinje(tertial=1, type=INVESTERING, rammeområde=HO_OMR,
                 budsjett=52_000_000.0, regnskap=6_800_000.0, prognose=52_000_000.0),
    Økonomilinje(tertial=1, type=INVESTERING, rammeområde=TEKNISK,
                 budsjett=46_500_000.0, regnskap=5_200_000.0, prognose=46_500_000.0),
    Økonomilinje(tertial=1, type=INVESTERING, rammeområde="Kultur",
                 budsjett=9_800_000.0, regnskap=350_000.0, prognose=9_800_000.0),
    # 2. tertial, drift
    Økonomilinje(tertial=2, type=DRIFT, rammeområde="Politisk styring",
                 budsjett=9_400_000.0, regnskap=6_150_000.0, prognose=9_520_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde=SENTRAL,
                 budsjett=58_200_000.0, revidert_budsjett=59_050_000.0,
                 regnskap=39_640_000.0, prognose=59_400_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde=OPPVEKST,
                 budsjett=182_500_000.0, revidert_budsjett=184_900_000.0,
                 regnskap=123_800_000.0, prognose=186_200_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde=HO_OMR,
                 budsjett=271_800_000.0, revidert_budsjett=276_300_000.0,
                 regnskap=194_900_000.0, prognose=292_400_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde=TEKNISK,
                 budsjett=41_600_000.0, regnskap=28_700_000.0, prognose=42_900_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde="Kultur",
                 budsjett=12_300_000.0, regnskap=8_050_000.0, prognose=12_150_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde="NAV sosial",
                 budsjett=14_900_000.0, regnskap=10_840_000.0, prognose=16_100_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde=PLAN_OMR,
                 budsjett=8_700_000.0, regnskap=4_980_000.0, prognose=7_950_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde="Skatter og rammetilskudd",
                 budsjett=-656_000_000.0, revidert_budsjett=-662_500_000.0,
                 regnskap=-444_100_000.0, prognose=-665_000_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde="Finans",
                 budsjett=35_400_000.0, revidert_budsjett=27_650_000.0,
                 regnskap=18_400_000.0, prognose=26_700_000.0),
    Økonomilinje(tertial=2, type=DRIFT, rammeområde="Kirke og trossamfunn",
                 budsjett=6_100_000.0, regnskap=4_575_000.0, prognose=6_100_000.0),
    # 2. tertial, investering
    Økonomilinje(tertial=2, type=INVESTERING, rammeområde=SENTRAL,
                 budsjett=4_200_000.0, regnskap=2_900_000.0, prognose=4_200_000.0),
    Økonomilinje(tertial=2, type=INVESTERING, rammeområde=OPPVEKST,
                 budsjett=38_000_000.0, regnskap=17_600_000.0, prognose=36_500_000.0),
    Økonomilinje(tertial=2, type=INVESTERING, rammeområde=HO_OMR,
                 budsjett=52_000_000.0, regnskap=21_300_000.0, prognose=47_000_000.0),
    Økonomilinje(tertial=2, type=INVESTERING, rammeområde=TEKNISK,
                 budsjett=46_500_000.0, revidert_budsjett=49_000_000.0,
                 regnskap=24_800_000.0, prognose=49_800_000.0),
    Økonomilinje(tertial=2, type=INVESTERING, rammeområde="Kultur",
                 budsjett=9_800_000.0, regnskap=2_100_000.0, prognose=9_600_000.0),
]

NØKKELTALL = [
    # 1. tertial
    Nøkkeltall(tertial=1, enhet="FSK", sykefravær=6.2, overtid=110, årsverk=48.5, avvik=9),
    Nøkkeltall(tertial=1, enhet="NSK", sykefravær=7.4, overtid=64, årsverk=22.0, avvik=4),
    Nøkkeltall(tertial=1, enhet="BARN", sykefravær=9.8, overtid=120, årsverk=41.2, avvik=7),
    Nøkkeltall(tertial=1, enhet="SHJ", sykefravær=11.6, overtid=1450, årsverk=62.4, avvik=38),
    Nøkkeltall(tertial=1, enhet="HJT", sykefravær=10.4, overtid=980, årsverk=48.7, avvik=27),
    Nøkkeltall(tertial=1, enhet="BOA", sykefravær=8.9, overtid=610, årsverk=34.8, avvik=15),
    Nøkkeltall(tertial=1, enhet="HELSE", sykefravær=5.3, overtid=45, årsverk=18.6, avvik=3),
    Nøkkeltall(tertial=1, enhet="TEK", sykefravær=6.8, overtid=420, årsverk=21.0, avvik=11),
    Nøkkeltall(tertial=1, enhet="NAV", sykefravær=4.2, overtid=25, årsverk=9.5, avvik=1),
    Nøkkeltall(tertial=1, enhet="ØKO", sykefravær=3.4, overtid=60, årsverk=8.0, avvik=0),
    # 2. tertial
    Nøkkeltall(tertial=2, enhet="FSK", sykefravær=5.1, overtid=85, årsverk=49.0, avvik=6),
    Nøkkeltall(tertial=2, enhet="NSK", sykefravær=6.8, overtid=40, årsverk=22.5, avvik=3),
    Nøkkeltall(tertial=2, enhet="BARN", sykefravær=8.1, overtid=95, årsverk=41.6, avvik=5),
    Nøkkeltall(tertial=2, enhet="SHJ", sykefravær=10.2, overtid=1180, årsverk=63.1, avvik=31),
    Nøkkeltall(tertial=2, enhet="HJT", sykefravær=9.3, overtid=870, årsverk=49.5, avvik=24),
    Nøkkeltall(tertial=2, enhet="BOA", sykefravær=8.2, overtid=540, årsverk=35.2, avvik=12),
    Nøkkeltall(tertial=2, enhet="HELSE", sykefravær=4.6, overtid=30, årsverk=18.6, avvik=2),
    Nøkkeltall(tertial=2, enhet="TEK", sykefravær=4.9, overtid=260, årsverk=21.0, avvik=8),
    Nøkkeltall(tertial=2, enhet="NAV", sykefravær=5.0, overtid=18, årsverk=9.5, avvik=2),
    Nøkkeltall(tertial=2, enhet="ØKO", sykefravær=3.1, overtid=35, årsverk=8.0, avvik=1),
]

# --- Status for mål og oppdrag ------------------------------------------------------

MÅLRESULTATER = [
    Målresultat(mål_id="S1", tertial=1, resultat="14 personer", status=Status.GUL,
                kommentar="Lavere innflytting enn i fjor; nye tomter i Nordbotn i mai."),
    Målresultat(mål_id="S1", tertial=2, resultat="31 personer", status=Status.GRØNN,
                kommentar="Tomtesalget i Nordbotn har gitt god effekt."),
    Målresultat(mål_id="S2", tertial=1, resultat="7,1 %", status=Status.GUL,
                kommentar="Ny ungdomsveileder i NAV fra mars."),
    Målresultat(mål_id="S2", tertial=2, resultat="6,4 %", status=Status.GRØNN,
                kommentar="Tett oppfølging av unge gir resultater."),
    Målresultat(mål_id="S3", tertial=1, resultat="4 % reduksjon", status=Status.GUL,
                kommentar="Tre elbiler levert; energitiltak på rådhuset fra juni."),
    Målresultat(mål_id="S3", tertial=2, resultat="6 % reduksjon", status=Status.GUL,
                kommentar="Energisparing på skolene er forsinket av leveranser."),
    Målresultat(mål_id="T1", tertial=1, resultat="88 % fornøyde", status=Status.GUL,
                kommentar="Brukerne savner faste pleiere."),
    Målresultat(mål_id="T1", tertial=2, resultat="91 % fornøyde", status=Status.GRØNN,
                kommentar="Faste team i sone nord gir bedre kontinuitet."),
    Målresultat(mål_id="T2", tertial=1, resultat="87 %", status=Status.GUL,
                kommentar="Tall fra Elevundersøkelsen høsten 2025."),
    Målresultat(mål_id="T2", tertial=2, resultat="87 %", status=Status.GUL,
                kommentar="Ny måling i desember; trivselstiltak pågår."),
    Målresultat(mål_id="T3", tertial=1, resultat="71 %", status=Status.GUL,
                kommentar="Nye digitale skjemaer for byggesak tatt i bruk."),
    Målresultat(mål_id="T3", tertial=2, resultat="78 %", status=Status.GUL,
                kommentar="Digital søknad om helsetjenester lanseres i oktober."),
    Målresultat(mål_id="M1", tertial=1, resultat="8,4 %", status=Status.RØD,
                kommentar="Høyt fravær i turnusenhetene i januar og februar."),
    Målresultat(mål_id="M1", tertial=2, resultat="7,6 %", status=Status.GUL,
                kommentar="Nedgang, men fortsatt over målet."),
    Målresultat(mål_id="M2", tertial=1, resultat="79 %", status=Status.RØD,
                kommentar="Ny turnusmodell på sykehjemmet innføres fra august."),
    Målresultat(mål_id="M2", tertial=2, resultat="82 %", status=Status.GUL,
                kommentar="Effekten av ny turnus måles ved årsslutt."),
    Målresultat(mål_id="M3", tertial=1, resultat="96 %", status=Status.GRØNN,
                kommentar="Én avtale er utsatt på grunn av permisjon."),
    Målresultat(mål_id="M3", tertial=2, resultat="100 %", status=Status.GRØNN,
                kommentar="Alle avtaler inngått; høstsamtalene avsluttes i oktober."),
    Målresultat(mål_id="Ø1", tertial=1, resultat="0,9 % (prognose)", status=Status.GUL,
                kommentar="Merforbruk i helse og omsorg trekker ned."),
    Målresultat(mål_id="Ø1", tertial=2, resultat="0,7 % (prognose)", status=Status.RØD,
                kommentar="Ressurskrevende tjenester og sosialhjelp øker."),
    Målresultat(mål_id="Ø2", tertial=1, resultat="1 område", status=Status.GUL,
                kommentar="NAV sosial ligger over terskelen."),
    Målresultat(mål_id="Ø2", tertial=2, resultat="3 områder", status=Status.RØD,
                kommentar="Helse og omsorg og NAV sosial over, plan og næring under."),
    Målresultat(mål_id="Ø3", tertial=1, resultat="91 %", status=Status.GRØNN,
                kommentar="Låneopptaket er utsatt til høsten."),
    Målresultat(mål_id="Ø3", tertial=2, resultat="93 %", status=Status.GRØNN,
                kommentar="Innenfor måltallet."),
]

OPPDRAGSSTATUS = [
    Oppdragsstatus(nr=1, tertial=1, status=Status.GRØNN,
                   kommentar="Alle tjenesteområder har lagt tiltakene inn i virksomhetsplanene."),
    Oppdragsstatus(nr=1, tertial=2, status=Status.GRØNN,
                   kommentar="Framdriftsrapport levert; rulleringen er startet."),
    Oppdragsstatus(nr=2, tertial=1, status=Status.GUL,
                   kommentar="Målstrukturen er på høring i KLG."),
    Oppdragsstatus(nr=2, tertial=2, status=Status.GRØNN,
                   kommentar="Målstrukturen er vedtatt og tatt i bruk i tertialrapporten."),
    Oppdragsstatus(nr=3, tertial=1, status=Status.GUL,
                   kommentar="ROS-analyser levert fra 18 av 25 enheter."),
    Oppdragsstatus(nr=3, tertial=2, status=Status.GRØNN,
                   kommentar="Alle enheter har levert ROS; ny avviksrutine er innført."),
    Oppdragsstatus(nr=4, tertial=1, status=Status.GRØNN,
                   kommentar="Gevinstkart laget for fem prosjekter."),
    Oppdragsstatus(nr=4, tertial=2, status=Status.GUL,
                   kommentar="Velferdsteknologi forsinket på grunn av leverandørbytte."),
    Oppdragsstatus(nr=5, tertial=1, status=Status.GUL,
                   kommentar="Kartlegging av kompetansebehov pågår."),
    Oppdragsstatus(nr=5, tertial=2, status=Status.GUL,
                   kommentar="Utkast til kompetanseplan behandles i AMU i oktober."),
    Oppdragsstatus(nr=6, tertial=1, status=Status.RØD,
                   kommentar="Overtid og innleie er høyere enn i fjor."),
    Oppdragsstatus(nr=6, tertial=2, status=Status.GUL,
                   kommentar="Ny turnus innført på sykehjemmet; effekt måles i desember."),
    Oppdragsstatus(nr=7, tertial=1, status=Status.GRØNN,
                   kommentar="Veileder for medvirkning er under arbeid."),
    Oppdragsstatus(nr=7, tertial=2, status=Status.GRØNN,
                   kommentar="Veilederen er ferdig; innbyggerundersøkelsen sendes ut i oktober."),
    Oppdragsstatus(nr=8, tertial=1, status=Status.GRØNN,
                   kommentar="Prosjektgruppe etablert med tillitsvalgte og foreldre."),
    Oppdragsstatus(nr=8, tertial=2, status=Status.GUL,
                   kommentar="Saken er utsatt til november etter ønske fra formannskapet."),
    Oppdragsstatus(nr=9, tertial=1, status=Status.GUL,
                   kommentar="Tilstandsvurdering av bygg er bestilt."),
    Oppdragsstatus(nr=9, tertial=2, status=Status.RØD,
                   kommentar="Overvannskartleggingen er forsinket, fristen holdes ikke."),
]

TERTIALTEKSTER = [
    Tertialtekst(
        tertial=1,
        dato=date(2026, 5, 20),
        innledning=(
            "Rapporten for 1. tertial 2026 viser status per 30. april for økonomi, mål og "
            "oppdrag. Driften er i hovedsak under kontroll, men helse og omsorg og NAV sosial "
            "har et merforbruk som må følges tett resten av året."
            "\n\n"
            "Sykefraværet var høyt i januar og februar, særlig i de store turnusenhetene. "
            "Antallet avviksmeldinger øker, noe vi tolker som tegn på en bedre meldekultur "
            "etter opplæringen i vinter."
        ),
        endrede_forutsetninger=(
            "Lønnsoppgjøret er ikke avklart, og budsjettet har en lønnsreserve beregnet ut fra "
            "en ramme på 4,2 prosent. Skatteinngangen er litt høyere enn forutsatt. To nye "
            "brukere med omfattende tjenestebehov har kommet til etter budsjettvedtaket."
        ),
        forslag=[
            "Rapporten for 1. tertial 2026 tas til orientering.",
            "Kommunedirektøren legger fram en tiltaksplan for balanse i helse og omsorg i juni.",
        ],
    ),
    Tertialtekst(
        tertial=2,
        dato=date(2026, 9, 23),
        innledning=(
            "Rapporten for 2. tertial viser status per 31. august. Prognosen for året er "
            "svakere enn ved 1. tertial, og netto driftsresultat ventes å bli 0,7 prosent av "
            "driftsinntektene, under målet på 1,75 prosent."
            "\n\n"
            "Tre rammeområder har prognoseavvik over terskelen på 5 prosent: Helse og omsorg "
            "og NAV sosial ligger an til merforbruk, mens plan og næring får mindreforbruk "
            "fordi gebyrinntektene er høyere enn budsjettert. Nærværet har bedret seg siden "
            "vinteren."
        ),
        endrede_forutsetninger=(
            "Revidert nasjonalbudsjett ga 6,5 millioner kroner mer i skatt og rammetilskudd. "
            "Lønnsoppgjøret er fordelt fra lønnsreserven under finans til rammeområdene. "
            "Byggestart for omsorgsboligene er utsatt til oktober."
        ),
        forslag=[
            "Rapporten for 2. tertial 2026 tas til orientering.",
            "Driftsrammen for helse og omsorg økes med 8 000 000 kr, finansiert med økt skatt "
            "og rammetilskudd og bruk av disposisjonsfond.",
            "Investeringsbudsjettet for omsorgsboligene reduseres med 5 000 000 kr i 2026, og "
            "beløpet flyttes til 2027.",
        ],
    ),
]

# --- last year's figures for the tertialrapport's comparison (drift and sick leave) ---------

#: Regnskap hittil last year as a share of this year's, per drift area.
I_FJOR_ANDEL = {
    "Politisk styring": 0.97,
    SENTRAL: 0.95,
    OPPVEKST: 0.96,
    HO_OMR: 0.93,
    TEKNISK: 0.98,
    "Kultur": 1.02,
    "NAV sosial": 0.9,
    PLAN_OMR: 1.05,
    "Skatter og rammetilskudd": 0.97,
    "Finans": 1.01,
    "Kirke og trossamfunn": 0.96,
}
#: How many percentage points higher each unit's sick leave was last year (same tertial).
I_FJOR_SYKEFRAVÆR = {"ØKO": 0.4, "FSK": 0.9, "NSK": 0.3, "BARN": 1.4, "SHJ": 1.1, "HJT": 0.8,
                     "HELSE": -0.2, "BOA": 0.6, "NAV": 0.5, "TEK": 0.7}


def med_i_fjor(data: Styringsdata) -> Styringsdata:
    """The demo with last year's regnskap for drift and last year's sick leave per unit."""
    økonomi = [replace(ln, regnskap_i_fjor=round(ln.regnskap * I_FJOR_ANDEL[ln.rammeområde], -4))
               if ln.type is DRIFT else ln for ln in data.økonomi]
    nøkkeltall = [replace(n, sykefravær_i_fjor=round(
        n.sykefravær + I_FJOR_SYKEFRAVÆR.get(n.enhet, 0.5), 1)) for n in data.nøkkeltall]
    return replace(data, økonomi=økonomi, nøkkeltall=nøkkeltall)

# --- Vedtaksoppfølging og investeringsprosjekter -------------------------------------

# The council's decisions across two tertials: some completed in 1. tertial, some in 2.,
# some open past their deadline (the report marks them «forfalt»).
VEDTAK = [
    Vedtak(sak="PS 88/25", dato=date(2025, 12, 11), organ="Kommunestyret",
           vedtak="Handlingsplan for økt heltidskultur i helse og omsorg legges fram.",
           ansvarlig="HO", frist=date(2026, 3, 31), status=Vedtaksstatus.FULLFØRT,
           fullført=date(2026, 3, 19), kommentar="Lagt fram i PS 21/26."),
    Vedtak(sak="PS 92/25", dato=date(2025, 12, 11), organ="Kommunestyret",
           vedtak="Utrede felles skolekrets for Nordbyen og Fjellvik sentrum.",
           ansvarlig="OPPV", frist=date(2026, 6, 30), status=Vedtaksstatus.PÅGÅR,
           kommentar="Høring av foreldreutvalgene i september."),
    Vedtak(sak="FS 7/26", dato=date(2026, 1, 27), organ="Formannskapet",
           vedtak="Revidere gebyrregulativet for plan- og byggesak.",
           ansvarlig="PLAN", frist=date(2026, 5, 31), status=Vedtaksstatus.FULLFØRT,
           fullført=date(2026, 5, 26), kommentar="Vedtatt i KS 34/26."),
    Vedtak(sak="PS 12/26", dato=date(2026, 2, 12), organ="Kommunestyret",
           vedtak="Plan for digital hjemmeoppfølging i hjemmetjenesten.",
           ansvarlig="HO", frist=date(2026, 4, 15), status=Vedtaksstatus.PÅGÅR,
           kommentar="Forsinket; anskaffelsen av utstyr er utsatt til høsten."),
    Vedtak(sak="PS 19/26", dato=date(2026, 3, 19), organ="Kommunestyret",
           vedtak="Tiltaksplan for å redusere overtid i sykehjemmene.",
           ansvarlig="HO", frist=date(2026, 10, 31), status=Vedtaksstatus.PÅGÅR),
    Vedtak(sak="PS 24/26", dato=date(2026, 3, 19), organ="Kommunestyret",
           vedtak="Hovedplan for vann og avløp rulleres.", ansvarlig="TEK",
           frist=date(2026, 12, 31), status=Vedtaksstatus.IKKE_PÅBEGYNT),
    Vedtak(sak="FS 31/26", dato=date(2026, 4, 21), organ="Formannskapet",
           vedtak="Orientering om sykefraværet per enhet hvert tertial.", ansvarlig="KD",
           frist=date(2026, 8, 31), status=Vedtaksstatus.FULLFØRT,
           fullført=date(2026, 8, 25), kommentar="Fast del av tertialrapporten."),
    Vedtak(sak="PS 41/26", dato=date(2026, 6, 18), organ="Kommunestyret",
           vedtak="Budsjettjustering for ressurskrevende tjenester.", ansvarlig="ØKO",
           frist=date(2026, 7, 31), status=Vedtaksstatus.PÅGÅR,
           kommentar="Tas med i budsjettreguleringen i september."),
]

INVESTERINGSPROSJEKTER = [
    # 1. tertial
    Investeringsprosjekt(tertial=1, prosjekt="IKT-plattform og digitalisering",
                         rammeområde=SENTRAL, budsjett=4_200_000.0, regnskap=1_150_000.0,
                         prognose=4_200_000.0, totalramme=12_000_000.0, status=Status.GRØNN),
    Investeringsprosjekt(tertial=1, prosjekt="Fjellvik skole, rehabilitering",
                         rammeområde=OPPVEKST, budsjett=30_000_000.0, regnskap=3_600_000.0,
                         prognose=30_000_000.0, totalramme=120_000_000.0,
                         status=Status.GRØNN),
    Investeringsprosjekt(tertial=1, prosjekt="Uteområde Nordbyen barnehage",
                         rammeområde=OPPVEKST, budsjett=8_000_000.0, regnskap=500_000.0,
                         prognose=8_000_000.0, status=Status.GRØNN),
    Investeringsprosjekt(tertial=1, prosjekt="Omsorgsboliger Solbakken", rammeområde=HO_OMR,
                         budsjett=52_000_000.0, regnskap=6_800_000.0, prognose=52_000_000.0,
                         totalramme=140_000_000.0, status=Status.GUL,
                         kommentar="Anbudene ligger over kalkylen."),
    Investeringsprosjekt(tertial=1, prosjekt="Hovedplan vann og avløp", rammeområde=TEKNISK,
                         budsjett=34_000_000.0, regnskap=4_000_000.0, prognose=34_000_000.0,
                         totalramme=95_000_000.0, status=Status.GRØNN),
    Investeringsprosjekt(tertial=1, prosjekt="Veg og gatelys", rammeområde=TEKNISK,
                         budsjett=12_500_000.0, regnskap=1_200_000.0, prognose=12_500_000.0,
                         status=Status.GRØNN),
    Investeringsprosjekt(tertial=1, prosjekt="Kulturhuset, scene og lyd", rammeområde="Kultur",
                         budsjett=9_800_000.0, regnskap=350_000.0, prognose=9_800_000.0,
                         status=Status.GRØNN),
    # 2. tertial
    Investeringsprosjekt(tertial=2, prosjekt="IKT-plattform og digitalisering",
                         rammeområde=SENTRAL, budsjett=4_200_000.0, regnskap=2_900_000.0,
                         prognose=4_200_000.0, totalramme=12_000_000.0, status=Status.GRØNN),
    Investeringsprosjekt(tertial=2, prosjekt="Fjellvik skole, rehabilitering",
                         rammeområde=OPPVEKST, budsjett=30_000_000.0, regnskap=14_200_000.0,
                         prognose=28_500_000.0, totalramme=120_000_000.0,
                         status=Status.GRØNN, kommentar="1,5 mill. forskyves til 2027."),
    Investeringsprosjekt(tertial=2, prosjekt="Uteområde Nordbyen barnehage",
                         rammeområde=OPPVEKST, budsjett=8_000_000.0, regnskap=3_400_000.0,
                         prognose=8_000_000.0, status=Status.GRØNN),
    Investeringsprosjekt(tertial=2, prosjekt="Omsorgsboliger Solbakken", rammeområde=HO_OMR,
                         budsjett=52_000_000.0, regnskap=21_300_000.0, prognose=47_000_000.0,
                         totalramme=140_000_000.0, status=Status.GUL,
                         kommentar="Byggestart utsatt to måneder; 5 mill. til 2027."),
    Investeringsprosjekt(tertial=2, prosjekt="Hovedplan vann og avløp", rammeområde=TEKNISK,
                         budsjett=36_500_000.0, regnskap=18_900_000.0, prognose=37_300_000.0,
                         totalramme=95_000_000.0, status=Status.GUL,
                         kommentar="Ekstra ledningsfornying etter lekkasje i juni."),
    Investeringsprosjekt(tertial=2, prosjekt="Veg og gatelys", rammeområde=TEKNISK,
                         budsjett=12_500_000.0, regnskap=5_900_000.0, prognose=12_500_000.0,
                         status=Status.GRØNN),
    Investeringsprosjekt(tertial=2, prosjekt="Kulturhuset, scene og lyd", rammeområde="Kultur",
                         budsjett=9_800_000.0, regnskap=2_100_000.0, prognose=9_600_000.0,
                         status=Status.GRØNN),
]
