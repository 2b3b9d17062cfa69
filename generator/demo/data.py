"""Demo data: a complete, fictional data set for «Fjellvik kommune», document year 2026.

Everything here is invented: the municipality, the people and the numbers. The set is
internally consistent (every code, name and id it refers to exists) so that it can be
written to the demo workbooks and rendered into all four documents.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from ..documents.standardtekster import tekster_felt
from ..model.domain import (
    Bidrag,
    Budsjettype,
    Delstrategi,
    DelstrategiInnhold,
    Dokument,
    Enhet,
    Forkortelse,
    Gruppe,
    Innstillinger,
    Kapittel,
    Kommune,
    KompassOmråde,
    KompassSpørsmål,
    Leder,
    Lederavtale,
    Ledernivå,
    Mål,
    Målresultat,
    Møte,
    Nøkkeltall,
    Oppdrag,
    Oppdragsstatus,
    Perspektiv,
    Prioritering,
    Rammeområde,
    Risiko,
    Risikostatus,
    Status,
    Styringsdialog,
    Størrelsesgruppe,
    Tekster,
    Tertialtekst,
    Økonomilinje,
)
from ..model.styringsdata import Styringsdata

G, Y, R = Status.GRØNN, Status.GUL, Status.RØD
KOMMUNEDIREKTØR = "Ánne Risten Đuolja"

# --- Kommune, innstillinger, tekster -------------------------------------------

KOMMUNE = Kommune(
    navn="Fjellvik kommune",
    år=2026,
    kommunedirektør=KOMMUNEDIREKTØR,
    visjon="Fjellvik – rom for alle mellom fjell og fjord",
    innbyggere=9812,
    størrelsesgruppe=Størrelsesgruppe.MELLOMSTORE,
    sted="Fjellvik",
    saksbehandler="Marianne Iŋgá Gažža",
    administrativ_enhet="Stab kommunedirektør",
    saksnr_oppdragsbrev="2026/145",
    saksnr_tertialrapport="2026/612",
    saksnr_utviklingsstrategi="2026/88",
    saksnr_lederavtaler="2026/146",
    dokumentdato=date(2026, 1, 12),
)

INNSTILLINGER = Innstillinger(
    avvik_terskel=5.0,
    risiko_gul_fra=5,
    risiko_rød_fra=15,
    sykefravær_mål=7.0,
    kompass_år=2025,
    strategi_periode="2026–2028",
    normalområde_fra=360,
    normalområde_til=380,
)

TEKSTER = Tekster(
    sammendrag=(
        "Oppdragsbrevet for 2026 samler det kommunedirektøren ber lederne i Fjellvik kommune "
        "om å prioritere i året som kommer. Det bygger på budsjettet og handlings- og "
        "økonomiplanen som kommunestyret vedtok i desember, og på kommuneplanens samfunnsdel."
        "\n\n"
        "Brevet beskriver hvordan vi styrer, følger opp og rapporterer, og gir ni oppdrag som "
        "går på tvers av tjenesteområdene. Hvert oppdrag har hovedansvarlige (HA) og "
        "delansvarlige (DA): en enhet, en leder, en rolle eller en gruppe av ledere. "
        "Oppdragene følges opp i styringsdialogen og i tertialrapportene til kommunestyret."
        "\n\n"
        "Lederavtalene er knyttet direkte til oppdragsbrevet. I avtalen blir hver leder og "
        "nærmeste overordnede enige om hvilke bidrag som er viktigst, og hvordan lederen selv "
        "skal utvikle seg i løpet av året."
    ),
    forord=(
        "Fjellvik står sterkt på mange områder. Vi har engasjerte medarbeidere, et aktivt "
        "frivillig liv og et næringsliv som tror på framtiden. Samtidig blir vi flere eldre og "
        "færre i yrkesaktiv alder, og det merkes allerede i rekrutteringen til helse og omsorg "
        "og i budsjettene. 2026 blir et år der vi må gjøre kloke valg og stå sammen om dem."
        "\n\n"
        "Budsjettet for 2026 ble vedtatt med et lite positivt driftsresultat, men marginene er "
        "små. Vi må derfor ha god kostnadskontroll hele året, samtidig som vi utvikler "
        "tjenestene. Vi skal ikke kutte likt overalt; vi skal finne ut hvor innsatsen gir mest "
        "igjen, og tørre å prioritere."
        "\n\n"
        "Takk til alle ledere og medarbeidere for innsatsen så langt. Oppdragsbrevet er min "
        "bestilling til dere, men det er også et løfte: Dere skal få tydelig retning, god "
        "støtte og rom til å bruke kompetansen deres."
    ),
    virksomhetsstyring=(
        "Virksomhetsstyringen i Fjellvik kommune bygger på plansystemet. Kommuneplanens "
        "samfunnsdel gir retning, handlings- og økonomiplanen med årsbudsjett fordeler "
        "ressursene, og virksomhetsplanene viser hvordan enhetene skal nå målene. Vi bruker "
        "balansert målstyring (BMS) med fire perspektiver – samfunn, tjenester, medarbeidere "
        "og økonomi – slik at resultatene kan ses i sammenheng."
        "\n\n"
        "Internkontrollen skal være systematisk og risikobasert, jf. kommuneloven kapittel 25. "
        "Hver leder har ansvar for internkontrollen i egen enhet: kjenne risikoene, ha rutiner "
        "som virker, melde og følge opp avvik og lære av hendelser. Kommunedirektøren følger "
        "opp gjennom ledelsens gjennomgang og risikovurderingene i tertialrapportene."
        "\n\n"
        "Økonomistyringen skjer gjennom månedlig rapportering fra enhetene og tertialrapporter "
        "til kommunestyret. Et prognoseavvik på mer enn 5 prosent skal forklares, og lederen "
        "skal samtidig legge fram tiltak som bringer driften tilbake i balanse."
    ),
    om_lederavtaler=(
        "Lederavtalen inngås mellom den enkelte leder og nærmeste overordnede leder. Den "
        "knytter oppdragene i dette brevet til lederens eget ansvarsområde og beskriver "
        "hvordan lederen skal utvikle seg i tråd med lederplattformen."
        "\n\n"
        "Den første samtalen holdes i perioden januar–mars, og minst én oppfølgingssamtale "
        "holdes om høsten. Personlige utviklingsmål er som hovedregel unntatt offentlighet, "
        "med mindre lederen selv ønsker noe annet."
    ),
    politiske_vedtak=(
        "Alle vedtak i kommunestyret og utvalgene registreres i vedtaksoppfølgingen med "
        "ansvarlig enhet og frist. Enhetslederne rapporterer status månedlig til sin "
        "kommunalsjef, og kommunestyret får en samlet vedtakslogg sammen med tertialrapportene."
        "\n\n"
        "Når et vedtak krever en utredning som det ikke er satt av ressurser til, ber "
        "kommunedirektøren om politisk avklaring før arbeidet starter. Slik unngår vi at "
        "utredninger fortrenger den ordinære driften."
    ),
    strategi_forord=(
        "Kommunekompasset gir oss et ærlig bilde av hvordan vi driver kommunen i dag. "
        "Evalueringen i 2025 viser at Fjellvik gjør mye godt, særlig i samarbeidet med "
        "næringsliv og frivillighet, men at vi har et stykke igjen når det gjelder styring, "
        "kvalitetsarbeid og brukerorientering."
        "\n\n"
        "Denne utviklingsstrategien er vårt svar. Den er kort med vilje: tre delstrategier som "
        "vi skal klare å gjennomføre i perioden 2026–2028, heller enn mange tiltak som ingen "
        "rekker å følge opp."
    ),
    strategi_innledning=(
        "Fjellvik kommune fikk evaluert sin forvaltningspraksis med Kommunekompasset høsten "
        "2025. Evaluatorene gikk gjennom plandokumenter og rutiner og intervjuet folkevalgte, "
        "ledere, tillitsvalgte og medarbeidere."
        "\n\n"
        "Samlet fikk kommunen 380 av 800 mulige poeng. Det er litt over landsgjennomsnittet og "
        "omtrent på nivå med andre kommuner med 5 000–10 000 innbyggere. Resultatet varierer "
        "mye mellom områdene, og strategien retter seg mot de svakeste."
    ),
    strategi_metode=(
        "Kommunekompasset beskriver en idealkommune som arbeider systematisk, ser helheten, "
        "legger vekt på resultater og brukere og lærer av egen praksis. Evalueringen måler hvor "
        "nær kommunen er dette idealet på åtte områder med inntil 100 poeng hver."
        "\n\n"
        "Hvert område består av delspørsmål med egne maksimalpoeng. Poengene settes ut fra "
        "dokumentasjon og intervjuer, ikke ut fra egenvurdering. En kommune som arbeider "
        "normalt godt med utvikling, havner gjerne mellom 360 og 380 poeng. Resultatet "
        "sammenlignes med landsgjennomsnittet og med snittet i samme størrelsesgruppe."
    ),
    strategi_oppfølging=(
        "Delstrategiene omsettes til konkrete oppdrag i kommunedirektørens årlige "
        "oppdragsbrev og følges opp i lederavtalene. Kommunedirektørens ledergruppe (KLG) går "
        "gjennom status hvert tertial, og kommunestyret orienteres i tertialrapportene."
        "\n\n"
        "En ny evaluering med Kommunekompasset er planlagt i 2028. Da skal vi kunne se om "
        "innsatsen har gitt resultater, og strategien revideres på grunnlag av den nye "
        "evalueringen."
    ),
    **tekster_felt(),  # the lederavtale's standard wording, shown so that it can be edited
)

PRIORITERINGER = [
    "Holde driften innenfor vedtatte rammer og nå et netto driftsresultat på minst 1,75 "
    "prosent.",
    "Følge opp kommuneplanens samfunnsdel gjennom tiltakene i handlings- og økonomiplanen.",
    "Styrke den risikobaserte internkontrollen og en åpen kultur for å melde og lære av avvik.",
    "Rekruttere og beholde fagfolk, med særlig vekt på helse og omsorg og heltidskultur.",
    "Ta i bruk digitale løsninger som gir målbare gevinster for innbyggere og medarbeidere.",
    "Gjennomføre utviklingsstrategien etter Kommunekompasset 2025.",
    "Samhandle på tvers av enheter og gi innbyggerne en enklere vei inn til kommunen.",
]

FORKORTELSER = [
    ("KD", "Kommunedirektøren"),
    ("KLG", "Kommunedirektørens ledergruppe"),
    ("UKLG", "Kommunedirektørens utvidede ledergruppe"),
    ("HA", "Hovedansvar for et oppdrag"),
    ("DA", "Delansvar for et oppdrag"),
    ("BMS", "Balansert målstyring"),
    ("HMS", "Helse, miljø og sikkerhet"),
    ("ROS", "Risiko- og sårbarhetsanalyse"),
    ("IK", "Internkontroll"),
    ("RF", "Risikofaktor (sannsynlighet × konsekvens)"),
    ("HØP", "Handlings- og økonomiplan"),
    ("HTV", "Hovedtillitsvalgt"),
    ("HVO", "Hovedverneombud"),
    ("AMU", "Arbeidsmiljøutvalget"),
    ("KOSTRA", "Kommune-Stat-Rapportering"),
]

# --- Organisation ----------------------------------------------------------------

SENTRAL, OPPVEKST, HO_OMR = "Sentraladministrasjon", "Oppvekst", "Helse og omsorg"
TEKNISK, PLAN_OMR = "Teknisk drift & vedlikehold", "Plan og næring"

RAMMEOMRÅDER = [
    ("Politisk styring", "SERV"),
    (SENTRAL, "KD"),
    (OPPVEKST, "OPPV"),
    (HO_OMR, "HO"),
    (TEKNISK, "TEK"),
    ("Kultur", "KULT"),
    ("NAV sosial", "NAV"),
    (PLAN_OMR, "PLAN"),
    ("Skatter og rammetilskudd", "ØKO"),
    ("Finans", "ØKO"),
    ("Kirke og trossamfunn", "KD"),
]

ENHETER = [
    ("KD", "Kommunedirektøren", SENTRAL),
    ("ØKO", "Økonomi og virksomhetsstyring", SENTRAL),
    ("HR", "Personal og organisasjon", SENTRAL),
    ("IKT", "Digitalisering og IKT", SENTRAL),
    ("SERV", "Servicetorg og politisk sekretariat", "Politisk styring"),
    ("OPPV", "Oppvekst", OPPVEKST),
    ("FSK", "Fjellvik skole", OPPVEKST),
    ("NSK", "Nordbotn skole", OPPVEKST),
    ("BARN", "Fjellvik barnehager", OPPVEKST),
    ("BVT", "Barnevern", OPPVEKST),
    ("FLY", "Voksenopplæring og integrering", OPPVEKST),
    ("HO", "Helse og omsorg", HO_OMR),
    ("SHJ", "Fjellvik sykehjem", HO_OMR),
    ("HJT", "Hjemmetjenesten", HO_OMR),
    ("HELSE", "Helse og familie", HO_OMR),
    ("BOA", "Bo- og aktivitetstjenester", HO_OMR),
    ("LEGE", "Fjellvik legekontor", HO_OMR),
    ("NAV", "NAV Fjellvik (kommunal del)", "NAV sosial"),
    ("SAMF", "Samfunnsutvikling", PLAN_OMR),
    ("TEK", "Drift & vedlikehold", TEKNISK),
    ("VA", "Vann og avløp", TEKNISK),
    ("EIE", "Eiendom", TEKNISK),
    ("PLAN", "Plan, byggesak og næring", PLAN_OMR),
    ("KULT", "Kultur og frivillighet", "Kultur"),
    ("BRANN", "Brann og redning", TEKNISK),
]

# (id, navn, stilling, enhet, overordnet)
LEDERE = [
    ("L01", KOMMUNEDIREKTØR, "Kommunedirektør", "KD", None),
    ("L02", "Trond Hjelmeland", "Kommunalsjef oppvekst", "OPPV", "L01"),
    ("L03", "Sunná Čuđe Ravna", "Kommunalsjef helse og omsorg", "HO", "L01"),
    ("L04", "Jon Ivvár Sávŋa", "Kommunalsjef samfunnsutvikling", "SAMF", "L01"),
    ("L05", "Kristin Løvås", "Økonomisjef", "ØKO", "L01"),
    ("L06", "Áile Biŧŧi", "HR-sjef", "HR", "L01"),
    ("L07", "Martin Ødegård Nilsen", "Digitaliseringsleder", "IKT", "L01"),
    ("L08", "Ovllá Šuolja", "Leder servicetorg og politisk sekretariat", "SERV", "L01"),
    ("L09", "Guro Bakkevold", "Rektor", "FSK", "L02"),
    ("L10", "Máhtte Gažža Žuolla", "Rektor", "NSK", "L02"),
    ("L11", "Hilde Sørensen", "Enhetsleder barnehager", "BARN", "L02"),
    ("L12", "Elle Márjá Đavvi", "Barnevernleder", "BVT", "L02"),
    ("L13", "Lena Kristiansen", "Enhetsleder voksenopplæring og integrering", "FLY", "L02"),
    ("L14", "Berit Anne Čoavčča", "Enhetsleder sykehjem", "SHJ", "L03"),
    ("L15", "Per Olav Strand", "Enhetsleder hjemmetjenesten", "HJT", "L03"),
    ("L16", "Inga Mággá Muššá", "Enhetsleder helse og familie", "HELSE", "L03"),
    ("L17", "Sigrun Haugland", "Enhetsleder bo- og aktivitetstjenester", "BOA", "L03"),
    ("L18", "Niillas Gávppi", "Kommuneoverlege og leder legekontoret", "LEGE", "L03"),
    ("L19", "Rune Pettersen", "NAV-leder", "NAV", "L03"),
    ("L20", "Espen Myrvoll", "Enhetsleder drift & vedlikehold", "TEK", "L04"),
    ("L21", "Ánte Ŋuvddat", "Enhetsleder vann og avløp", "VA", "L04"),
    ("L22", "Tove Lien", "Eiendomssjef", "EIE", "L04"),
    ("L23", "Heidi Márjá Kuoljok", "Plan- og næringssjef", "PLAN", "L04"),
    ("L24", "Aslak Šimmá Balto", "Kultursjef", "KULT", "L04"),
    ("L25", "Geir Andreassen", "Brannsjef", "BRANN", "L04"),
]

# Leader levels (column «Ledernivå»): they give the built-in groups «Kommunalsjefer» …
NIVÅ = {"L01": Ledernivå.KOMMUNEDIREKTØR,
        **{i: Ledernivå.KOMMUNALSJEF for i in ("L02", "L03", "L04")},
        **{i: Ledernivå.STABSLEDER for i in ("L05", "L06", "L07", "L08")}}

# (navn, medlemmer, beskrivelse): own groups for HA/DA; «TLG» holds another group.
GRUPPER = [
    ("KLG", ["KD", "Kommunalsjefer", "L05", "HR"],
     "Kommunedirektørens ledergruppe: kommunedirektøren, kommunalsjefene, økonomisjefen og "
     "HR-sjefen"),
    ("Eiendom og VA", ["VA, EIE"], "Lederne for vann og avløp og for eiendom"),
    ("TLG", ["TEK", "Eiendom og VA", "BRANN"],
     "Teknisk ledergruppe: drift & vedlikehold, eiendom, vann og avløp og brann og redning"),
]

# --- Årshjul og styringsdialog -----------------------------------------------------

# «Når» overrides the month shown for a meeting (index in ÅRSHJUL: text).
ÅRSHJUL_NÅR = {0: "Januar/februar"}

ÅRSHJUL = [
    (date(2026, 1, 15), "UKLG", "kl. 09.00–15.00", [
        "Oppdragsbrevet 2026 etter budsjettvedtaket",
        "Lederavtaler: mal, tidsplan og forventninger",
        "Kommunekompasset 2025: resultater og veien videre"]),
    (date(2026, 2, 10), "KLG", "kl. 12.00–15.30", [
        "Utkast til utviklingsstrategi 2026–2028",
        "Årsoppgjøret 2025",
        "Sykefravær 4. kvartal 2025"]),
    (date(2026, 3, 19), "UKLG", "kl. 09.00–15.00", [
        "Risikobasert internkontroll: ROS-analyser i enhetene",
        "Heltidskultur: erfaringer fra turnusprosjektet",
        "Etisk refleksjon i ledergruppen"]),
    (date(2026, 4, 23), "KLG", "kl. 12.00–15.30", [
        "Årsmelding 2025",
        "Digitaliseringsplan & gevinstkart",
        "Forberedelse av 1. tertialrapport"]),
    (date(2026, 5, 21), "UKLG", "kl. 09.00–15.00", [
        "1. tertialrapport: økonomi, mål og oppdrag",
        "Administrativ budsjettsamling I: konsekvensjustert budsjett",
        "Lederplattformen i praksis"]),
    (date(2026, 6, 11), "UKLG", "kl. 09.00–12.00", [
        "Føringer for handlings- og økonomiplan 2027–2030",
        "Halvårsstatus for oppdragene"]),
    (date(2026, 9, 3), "UKLG", "kl. 09.00–15.00", [
        "Administrativ budsjettsamling II: tiltak og prioriteringer",
        "Høstsamtalene i lederavtalene",
        "Nærværsarbeid etter sommeren"]),
    (date(2026, 9, 24), "KLG", "kl. 12.00–15.30", [
        "2. tertialrapport",
        "Oppdatering av risikoregisteret"]),
    (date(2026, 10, 29), "UKLG", "kl. 09.00–15.00", [
        "Kommunedirektørens budsjettforslag for 2027",
        "Kompetanseplan og rekruttering 2027"]),
    (date(2026, 12, 3), "UKLG", "kl. 09.00–14.00", [
        "Evaluering av året og oppdragsbrevet 2026",
        "Første skisse til oppdragsbrev 2027"]),
]

STYRINGSDIALOG = [
    ("KLG – drift", "Annenhver uke", "Kommunedirektør, kommunalsjefer, økonomisjef og HR-sjef",
     "Månedlig økonomirapport, sykefravær, avvik og saker til politisk behandling"),
    ("KLG – strategi", "Månedlig", "KLG, digitaliseringsleder og leder servicetorg",
     "Oppfølging av kommuneplanen, utviklingsstrategien og oppdragene i oppdragsbrevet"),
    ("UKLG", "8–10 ganger i året", "Alle ledere med personalansvar; HTV og HVO inviteres",
     "Temaene i årshjulet, felles prioriteringer og erfaringsdeling"),
    ("Tjenesteområdedialog", "Hvert tertial", "Kommunalsjef og enhetsledere i tjenesteområdet",
     "Måloppnåelse, økonomi mot budsjett, nærvær, overtid & avvik per enhet"),
    ("Tertialrapport til kommunestyret", "To ganger i året og ved årsmelding",
     "Kommunedirektør, formannskap og kommunestyre",
     "Økonomi per rammeområde, mål i BMS, status for oppdrag og risikoer"),
]

# --- Mål og resultater ---------------------------------------------------------------

S, T, M, Ø = (Perspektiv.SAMFUNN, Perspektiv.TJENESTER, Perspektiv.MEDARBEIDERE,
              Perspektiv.ØKONOMI)

# (id, perspektiv, satsingsområde, mål, indikator, måltall, ansvarlig)
MÅL = [
    ("S1", S, "Levende lokalsamfunn", "Fjellvik skal ha befolkningsvekst",
     "Netto innflytting per år (SSB)", "≥ 40 personer", "PLAN"),
    ("S2", S, "Trygg oppvekst", "Flere unge i arbeid eller utdanning",
     "Andel 16–25 år utenfor arbeid, utdanning og opplæring", "< 6,5 %", "NAV"),
    ("S3", S, "Grønn omstilling", "Lavere klimagassutslipp fra kommunal drift",
     "Utslipp fra kommunale bygg og kjøretøy sammenlignet med 2024", "≥ 10 % reduksjon",
     "SAMF"),
    ("T1", T, "Gode tjenester nær innbyggeren", "Brukerne av hjemmetjenesten er fornøyde",
     "Andel brukere som svarer > 4 på en skala fra 1 til 6", "> 90 % fornøyde", "HJT"),
    ("T2", T, "Trygg oppvekst", "Elevene trives på skolen",
     "Andel elever på 7. og 10. trinn som trives godt (Elevundersøkelsen)", "≥ 90 %", "OPPV"),
    ("T3", T, "Enklere kontakt med kommunen", "Digitalt førstevalg i møte med innbyggerne",
     "Andel søknader og henvendelser som kommer inn digitalt", "≥ 80 %", "IKT"),
    ("M1", M, "Attraktiv arbeidsgiver", "Høyere nærvær",
     "Samlet sykefravær (legemeldt og egenmeldt)", "< 7,0 %", "HR"),
    ("M2", M, "Attraktiv arbeidsgiver", "Flere hele stillinger i turnus",
     "Gjennomsnittlig stillingsstørrelse i turnus", "≥ 85 %", "HO"),
    ("M3", M, "Ledelse og kompetanse", "Alle ledere følges opp gjennom lederavtale",
     "Andel ledere med inngått lederavtale og gjennomført høstsamtale", "100 %", "HR"),
    ("Ø1", Ø, "Økonomisk handlingsrom", "Sunn drift over tid",
     "Netto driftsresultat i prosent av driftsinntektene", "≥ 1,75 %", "ØKO"),
    ("Ø2", Ø, "Økonomisk handlingsrom", "Driften holdes innenfor rammene",
     "Antall rammeområder med prognoseavvik over 5 %", "0", "KD"),
    ("Ø3", Ø, "Økonomisk handlingsrom", "Forsvarlig gjeldsnivå",
     "Netto lånegjeld i prosent av driftsinntektene", "< 95 %", "ØKO"),
]

# mål_id: ((T1 resultat, status, kommentar), (T2 resultat, status, kommentar))
MÅLRESULTATER = {
    "S1": (("14 personer", Y, "Lavere innflytting enn i fjor; nye tomter i Nordbotn i mai."),
           ("31 personer", G, "Tomtesalget i Nordbotn har gitt god effekt.")),
    "S2": (("7,1 %", Y, "Ny ungdomsveileder i NAV fra mars."),
           ("6,4 %", G, "Tett oppfølging av unge gir resultater.")),
    "S3": (("4 % reduksjon", Y, "Tre elbiler levert; energitiltak på rådhuset fra juni."),
           ("6 % reduksjon", Y, "Energisparing på skolene er forsinket av leveranser.")),
    "T1": (("88 % fornøyde", Y, "Brukerne savner faste pleiere."),
           ("91 % fornøyde", G, "Faste team i sone nord gir bedre kontinuitet.")),
    "T2": (("87 %", Y, "Tall fra Elevundersøkelsen høsten 2025."),
           ("87 %", Y, "Ny måling i desember; trivselstiltak pågår.")),
    "T3": (("71 %", Y, "Nye digitale skjemaer for byggesak tatt i bruk."),
           ("78 %", Y, "Digital søknad om helsetjenester lanseres i oktober.")),
    "M1": (("8,4 %", R, "Høyt fravær i turnusenhetene i januar og februar."),
           ("7,6 %", Y, "Nedgang, men fortsatt over målet.")),
    "M2": (("79 %", R, "Ny turnusmodell på sykehjemmet innføres fra august."),
           ("82 %", Y, "Effekten av ny turnus måles ved årsslutt.")),
    "M3": (("96 %", G, "Én avtale er utsatt på grunn av permisjon."),
           ("100 %", G, "Alle avtaler inngått; høstsamtalene avsluttes i oktober.")),
    "Ø1": (("0,9 % (prognose)", Y, "Merforbruk i helse og omsorg trekker ned."),
           ("0,7 % (prognose)", R, "Ressurskrevende tjenester og sosialhjelp øker.")),
    "Ø2": (("1 område", Y, "NAV sosial ligger over terskelen."),
           ("3 områder", R, "Helse og omsorg og NAV sosial over, plan og næring under.")),
    "Ø3": (("91 %", G, "Låneopptaket er utsatt til høsten."),
           ("93 %", G, "Innenfor måltallet.")),
}

# --- Oppdrag ------------------------------------------------------------------------

# (nr, tittel, hovedinnhold, ha, da, frist)
OPPDRAG = [
    (1, "Følge opp kommuneplanens handlingsdel", [
        "Omsette satsingsområdene i samfunnsdelen til tiltak i virksomhetsplanene",
        "Rapportere framdrift på tiltakene hvert tertial",
        "Forberede rulleringen av handlingsdelen i HØP 2027–2030"],
     ["KLG"], ["Enhetsledere"], date(2026, 10, 31)),
    (2, "Helhetlig virksomhetsstyring", [
        "Etablere én felles målstruktur fra samfunnsdel til enhet",
        "Bruke styringsdata for økonomi, nærvær og kvalitet i alle ledermøter",
        "Forenkle den månedlige rapporteringen"],
     ["L05"], ["KD", "IKT"], date(2026, 9, 30)),
    (3, "Risikobasert internkontroll & avvikskultur", [
        "Gjennomføre ROS-analyse i alle enheter innen 1. juni",
        "Innføre felles rutine for melding, behandling og læring av avvik",
        "Holde ledelsens gjennomgang i KLG to ganger i året"],
     ["Kommunalsjef HO"], ["BVT", "SHJ", "TEK"], date(2026, 12, 1)),
    (4, "Digitalisering med målbare gevinster", [
        "Lage gevinstkart for alle digitaliseringsprosjekter",
        "Innføre selvbetjening og digital dialog på kommunens nettsider",
        "Ta i bruk velferdsteknologi i hjemmetjenesten",
        "Styrke informasjonssikkerheten gjennom opplæring av alle ansatte"],
     ["IKT"], ["SERV", "HJT", "NAV"], date(2026, 12, 15)),
    (5, "Strategisk kompetanse og rekruttering", [
        "Utarbeide strategisk kompetanseplan for 2026–2029",
        "Rekruttere målrettet til sykepleier-, lærer- og barnehagelærerstillinger",
        "Samarbeide med videregående skole og høgskole om lærlinger og praksis"],
     ["HR"], ["OPPV", "BARN", "LEGE"], date(2026, 11, 30)),
    (6, "Heltidskultur og nærvær", [
        "Innføre ny turnusmodell med flere hele stillinger",
        "Følge opp sykefraværet tett sammen med NAV arbeidslivssenter",
        "Redusere bruken av overtid og innleie"],
     ["HO"], ["Alle ledere"], date(2026, 12, 31)),
    (7, "Innbyggerdialog og medvirkning", [
        "Lage en enkel veileder for medvirkning i planer og tjenester",
        "Gjennomføre en innbyggerundersøkelse høsten 2026",
        "Utarbeide frivillighetsstrategi sammen med lag og foreninger"],
     ["SERV"], ["Leder KULT", "PLAN og FLY"], date(2026, 11, 15)),
    (8, "Tjenestegjennomgang i oppvekst", [
        "Utrede framtidig skole- og barnehagestruktur ut fra befolkningsframskrivinger",
        "Vurdere felles bruk av spesialpedagogiske ressurser",
        "Legge fram sak for kommunestyret før budsjettbehandlingen"],
     ["OPPV"], ["Enhetsledere FSK og NSK", "BARN"], date(2026, 10, 1)),
    (9, "Vedlikehold & klimatilpasning", [
        "Lage vedlikeholdsplan for kommunale bygg med prioriterte tiltak",
        "Kartlegge overvann og flomfare i sentrum",
        "Innarbeide tiltakene i investeringsbudsjettet for 2027"],
     ["SAMF"], ["TLG"], date(2026, 9, 15)),
]

OPPDRAGSSTATUS = {
    1: ((G, "Alle tjenesteområder har lagt tiltakene inn i virksomhetsplanene."),
        (G, "Framdriftsrapport levert; rulleringen er startet.")),
    2: ((Y, "Målstrukturen er på høring i KLG."),
        (G, "Målstrukturen er vedtatt og tatt i bruk i tertialrapporten.")),
    3: ((Y, "ROS-analyser levert fra 18 av 25 enheter."),
        (G, "Alle enheter har levert ROS; ny avviksrutine er innført.")),
    4: ((G, "Gevinstkart laget for fem prosjekter."),
        (Y, "Velferdsteknologi forsinket på grunn av leverandørbytte.")),
    5: ((Y, "Kartlegging av kompetansebehov pågår."),
        (Y, "Utkast til kompetanseplan behandles i AMU i oktober.")),
    6: ((R, "Overtid og innleie er høyere enn i fjor."),
        (Y, "Ny turnus innført på sykehjemmet; effekt måles i desember.")),
    7: ((G, "Veileder for medvirkning er under arbeid."),
        (G, "Veilederen er ferdig; innbyggerundersøkelsen sendes ut i oktober.")),
    8: ((G, "Prosjektgruppe etablert med tillitsvalgte og foreldre."),
        (Y, "Saken er utsatt til november etter ønske fra formannskapet.")),
    9: ((Y, "Tilstandsvurdering av bygg er bestilt."),
        (R, "Overvannskartleggingen er forsinket, fristen holdes ikke.")),
}

# Bidrag text: one per oppdrag for HA; for DA one per unit in BIDRAG_DA_ENHETER (same order
# as BIDRAG_DA), and BIDRAG_FELLES for a leader reached through a group.
BIDRAG_HA = {
    1: "Lede arbeidet med handlingsdelen og sørge for at tiltakene er forankret i KLG.",
    2: "Utvikle felles målstruktur og rapportmaler og lære opp lederne i bruken.",
    3: "Koordinere ROS-arbeidet og ledelsens gjennomgang og følge opp at avvik lukkes.",
    4: "Prioritere prosjektporteføljen, lage gevinstkart og følge opp at gevinstene hentes ut.",
    5: "Lede arbeidet med kompetanseplanen og samordne rekrutteringstiltakene.",
    6: "Lede innføringen av ny turnusmodell og følge nærværstallene hver måned.",
    7: "Lage medvirkningsveilederen og planlegge innbyggerundersøkelsen.",
    8: "Lede utredningen med god involvering av ansatte, foreldre og tillitsvalgte.",
    9: "Samordne vedlikeholdsplanen og klimatilpasningen og prioritere tiltakene i budsjettet.",
}
BIDRAG_DA = {
    1: ("Omsette samfunnsdelens mål for barn og unge til tiltak i enhetenes planer.",
        "Knytte tiltakene i helse og omsorg til kommunedelplanen og rapportere hvert tertial.",
        "Sørge for at areal- og næringstiltakene følges opp i enhetene."),
    2: ("Bruke målstrukturen aktivt i KLG og etterspørre styringsdata.",
        "Levere dashbord for økonomi og nærvær fra fagsystemene."),
    3: ("Gjennomføre ROS-analyse for barnevernet og følge opp fristavvik.",
        "Innføre ukentlig avviksgjennomgang i avdelingene.",
        "Lage risikovurdering for drift av bygg, veier og maskiner."),
    4: ("Gjøre nettsidene og servicetorget til en enkel digital inngang.",
        "Teste og ta i bruk digitalt tilsyn og medisindispensere.",
        "Ta i bruk digital søknad og dialog om økonomisk sosialhjelp."),
    5: ("Kartlegge kompetansebehovet i skolene og planlegge videreutdanning.",
        "Rekruttere barnehagelærere og følge opp dispensasjoner.",
        "Ta imot flere leger i spesialisering og praksisstudenter."),
    6: ("Gi lederne verktøy og støtte i sykefraværsoppfølgingen.",
        "Prøve ut ny turnus med flere hele stillinger i to avdelinger.",
        "Redusere overtid gjennom bedre planlegging av vakter."),
    7: ("Involvere lag og foreninger i frivillighetsstrategien.",
        "Bruke medvirkningsveilederen i arbeidet med nye reguleringsplaner.",
        "Sikre at innvandrere og flyktninger blir hørt i medvirkningen."),
    8: ("Levere tall og vurderinger for Fjellvik skole og delta i prosjektgruppen.",
        "Belyse konsekvensene for Nordbotn-elevene og skolemiljøet.",
        "Framskrive behovet for barnehageplasser og vurdere struktur."),
    9: ("Prioritere driftstiltak i vedlikeholdsplanen for veier og uteområder.",
        "Kartlegge overvann og kapasitet i ledningsnettet i sentrum.",
        "Gjennomføre tilstandsvurdering av alle kommunale bygg."),
}

BIDRAG_DA_ENHETER = {
    1: ("OPPV", "HO", "SAMF"), 2: ("KD", "IKT"), 3: ("BVT", "SHJ", "TEK"),
    4: ("SERV", "HJT", "NAV"), 5: ("OPPV", "BARN", "LEGE"), 6: ("HR", "SHJ", "BOA"),
    7: ("KULT", "PLAN", "FLY"), 8: ("FSK", "NSK", "BARN"), 9: ("TEK", "VA", "EIE"),
}
BIDRAG_FELLES = {
    1: "Omsette handlingsdelens tiltak til mål og tiltak i enhetens virksomhetsplan.",
    6: "Følge opp sykefraværet i egen enhet hver måned og redusere bruken av overtid.",
    9: "Vurdere beredskap og vedlikeholdsbehov for egne bygg og utstyr i planen.",
}

# --- Økonomi -----------------------------------------------------------------------

# (rammeområde, budsjett, (revidert, regnskap, prognose) for T1, (...) for T2)
DRIFT = [
    ("Politisk styring", 9_400_000,
     (None, 3_280_000, 9_400_000), (None, 6_150_000, 9_520_000)),
    (SENTRAL, 58_200_000,
     (None, 19_870_000, 58_600_000), (59_050_000, 39_640_000, 59_400_000)),
    (OPPVEKST, 182_500_000,
     (None, 60_140_000, 183_900_000), (184_900_000, 123_800_000, 186_200_000)),
    (HO_OMR, 271_800_000,
     (None, 95_600_000, 278_000_000), (276_300_000, 194_900_000, 292_400_000)),
    (TEKNISK, 41_600_000,
     (None, 15_900_000, 43_100_000), (None, 28_700_000, 42_900_000)),
    ("Kultur", 12_300_000,
     (None, 4_020_000, 12_300_000), (None, 8_050_000, 12_150_000)),
    ("NAV sosial", 14_900_000,
     (None, 5_420_000, 15_700_000), (None, 10_840_000, 16_100_000)),
    (PLAN_OMR, 8_700_000,
     (None, 2_310_000, 8_300_000), (None, 4_980_000, 7_950_000)),
    ("Skatter og rammetilskudd", -656_000_000,
     (None, -224_000_000, -659_000_000), (-662_500_000, -444_100_000, -665_000_000)),
    ("Finans", 35_400_000,
     (None, 10_100_000, 35_900_000), (27_650_000, 18_400_000, 26_700_000)),
    ("Kirke og trossamfunn", 6_100_000,
     (None, 3_050_000, 6_100_000), (None, 4_575_000, 6_100_000)),
]

INVESTERING = [
    (SENTRAL, 4_200_000, (None, 1_150_000, 4_200_000), (None, 2_900_000, 4_200_000)),
    (OPPVEKST, 38_000_000, (None, 4_100_000, 38_000_000), (None, 17_600_000, 36_500_000)),
    (HO_OMR, 52_000_000, (None, 6_800_000, 52_000_000), (None, 21_300_000, 47_000_000)),
    (TEKNISK, 46_500_000,
     (None, 5_200_000, 46_500_000), (49_000_000, 24_800_000, 49_800_000)),
    ("Kultur", 9_800_000, (None, 350_000, 9_800_000), (None, 2_100_000, 9_600_000)),
]

# enhet: ((sykefravær, overtid, årsverk, avvik) for T1, (...) for T2)
NØKKELTALL = {
    "FSK": ((6.2, 110, 48.5, 9), (5.1, 85, 49.0, 6)),
    "NSK": ((7.4, 64, 22.0, 4), (6.8, 40, 22.5, 3)),
    "BARN": ((9.8, 120, 41.2, 7), (8.1, 95, 41.6, 5)),
    "SHJ": ((11.6, 1450, 62.4, 38), (10.2, 1180, 63.1, 31)),
    "HJT": ((10.4, 980, 48.7, 27), (9.3, 870, 49.5, 24)),
    "BOA": ((8.9, 610, 34.8, 15), (8.2, 540, 35.2, 12)),
    "HELSE": ((5.3, 45, 18.6, 3), (4.6, 30, 18.6, 2)),
    "TEK": ((6.8, 420, 21.0, 11), (4.9, 260, 21.0, 8)),
    "NAV": ((4.2, 25, 9.5, 1), (5.0, 18, 9.5, 2)),
    "ØKO": ((3.4, 60, 8.0, 0), (3.1, 35, 8.0, 1)),
}

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

# --- Risiko --------------------------------------------------------------------------

ÅPEN, ARBEID, LUKKET = Risikostatus.ÅPEN, Risikostatus.UNDER_ARBEID, Risikostatus.LUKKET

# (id, beskrivelse, område, S, K, mottiltak, ansvarlig, frist, status)
RISIKOER = [
    ("R01", "Mangel på sykepleiere gir mye innleie og svekket kvalitet på sykehjemmet",
     HO_OMR, 4, 5, ["Rekrutteringspakke med stipend og hjelp til bolig",
                    "Flere praksisplasser i samarbeid med høgskolen",
                    "Kompetanseheving for helsefagarbeidere"],
     "SHJ", date(2026, 12, 31), ARBEID),
    ("R02", "Merforbruk i helse og omsorg gir underskudd for kommunen samlet", "Økonomi", 4, 4,
     ["Månedlig gjennomgang av ressurskrevende tjenester",
      "Tiltaksplan for balanse legges fram i juni"],
     "HO", date(2026, 6, 30), ARBEID),
    ("R03", "Dataangrep eller løsepengevirus stanser kritiske fagsystemer", "Digitalisering",
     3, 5, ["Tofaktorautentisering for alle brukere",
            "Øvelse i gjenoppretting fra sikkerhetskopi",
            "Obligatorisk opplæring i informasjonssikkerhet"],
     "IKT", date(2026, 5, 31), ARBEID),
    ("R04", "Ekstremnedbør gir flom og overvann i sentrum og skader på infrastruktur",
     "Beredskap", 5, 3, ["Kartlegge overvann og flomveier (oppdrag 9)",
                         "Oppdatere beredskapsplanen for flom og skred"],
     "BRANN", date(2026, 9, 15), ÅPEN),
    ("R05", "Barnevernet klarer ikke lovpålagte frister for undersøkelser", OPPVEKST, 3, 5,
     ["Ukentlig fristoversikt i barnevernet", "Midlertidig innleie av saksbehandler"],
     "BVT", date(2026, 8, 31), ARBEID),
    ("R06", "Sosialhjelpsutbetalingene øker på grunn av høye levekostnader", "NAV sosial", 3, 3,
     ["Tidlig kartlegging og aktivitetsplikt for unge", "Tilbud om økonomisk rådgivning"],
     "NAV", date(2026, 10, 31), ARBEID),
    ("R07", "Svikt i avviksmeldingen gjør at uønskede hendelser ikke fanges opp",
     "Internkontroll", 3, 4, ["Felles avviksrutine for hele kommunen",
                              "Opplæring av ledere i avviksbehandling"],
     "ØKO", date(2026, 6, 1), ARBEID),
    ("R08", "Forsinket bygging av omsorgsboliger gir kostnadsøkning", "Investering", 2, 4,
     ["Fastpriskontrakt med entreprenør", "Månedlig byggemøte med rapport til KLG"],
     "EIE", date(2026, 12, 31), ÅPEN),
    ("R09", "Lærermangel gir flere ukvalifiserte i undervisningsstillinger", OPPVEKST, 4, 2,
     ["Stipend til lærere som tar videreutdanning", "Felles rekrutteringskampanje med regionen"],
     "OPPV", date(2026, 8, 15), ARBEID),
    ("R10", "Vannforsyningen forurenses ved brudd på gammel hovedledning", "Vann og avløp", 2, 3,
     ["Utskifting av hovedledningen etter VA-planen", "Beredskapsavtale om nødvann"],
     "VA", date(2026, 11, 30), ÅPEN),
    ("R11", "Feil i lønnsutbetalingen ved overgang til nytt HR-system", "Personal", 2, 2,
     ["Parallellkjøring av lønn i to måneder"],
     "HR", date(2026, 3, 31), LUKKET),
    ("R12", "Post med personopplysninger sendes til feil mottaker", "Personvern", 1, 4,
     ["Digital post som hovedregel", "Kontroll av mottaker før utsending"],
     "SERV", date(2026, 6, 30), ARBEID),
    ("R13", "Frivillige faller fra, og kulturtilbudet til barn og unge blir mindre", "Kultur",
     2, 1, ["Frivilligsentral med koordinator", "Årlig frivillighetspris"],
     "KULT", None, ÅPEN),
    ("R14", "Fristbrudd i byggesaker på grunn av lav saksbehandlingskapasitet", PLAN_OMR, 1, 3,
     ["Digital byggesøknad med automatisk kontroll"],
     "PLAN", date(2026, 4, 30), LUKKET),
]

# --- Kommunekompasset og utviklingsstrategi -----------------------------------------

# (nr, navn, poeng, snitt nasjonalt, snitt gruppe, styrker, utfordringer, svakheter)
KOMPASS = [
    (1, "Offentlighet og demokrati", 49, 46, 47,
     ["God informasjon om politiske saker på nettsidene"],
     ["Lite bruk av innbyggerinnspill i budsjettarbeidet"],
     ["Resultater fra tjenestene blir sjelden offentliggjort"]),
    (2, "Samfunnsutvikling og samarbeid", 57, 48, 49,
     ["Tett samarbeid med næringslivet", "Sterk frivillighet med god kommunal støtte"],
     ["Regionalt samarbeid er lite formalisert"],
     ["Få evalueringer av samarbeidsavtalene"]),
    (3, "Styring og kontroll", 43, 47, 48,
     ["Ryddig budsjettprosess med god politisk forankring"],
     ["Målene i planene henger ikke godt sammen"],
     ["Internkontrollen er lite risikobasert", "Delegeringsreglementet er utdatert"]),
    (4, "Effektiv ressursbruk", 53, 47, 48,
     ["Aktiv bruk av KOSTRA-sammenligninger", "Profesjonelle anskaffelser"],
     ["Gevinster fra digitalisering hentes sjelden ut"],
     ["Ingen systematisk gevinstrealisering"]),
    (5, "Brukerorientering og service", 40, 44, 45,
     ["Godt servicetorg med høy tilgjengelighet"],
     ["Brukerundersøkelser gjøres ujevnt mellom tjenestene"],
     ["Mangler servicestandarder", "Lite digital selvbetjening"]),
    (6, "Kvalitetsutvikling og innovasjon", 36, 42, 43,
     ["Flere gode lokale forbedringsprosjekter"],
     ["Erfaringer spres lite mellom enhetene"],
     ["Ingen felles system for kvalitetsarbeid", "Avvik brukes lite til læring"]),
    (7, "Arbeidsgiverpolitikk og arbeidsliv", 54, 49, 50,
     ["Godt samarbeid med tillitsvalgte og verneombud", "Aktivt nærværsarbeid"],
     ["Rekruttering til helse og omsorg"],
     ["Kompetanseplanen er ikke oppdatert"]),
    (8, "Ledelse og medarbeiderskap", 48, 47, 46,
     ["Lederavtaler for alle ledere", "Felles lederplattform"],
     ["Lederutviklingen er lite systematisk"],
     ["Få arenaer for medarbeiderskap"]),
]

# The four fokusområder, two areas each (area 1–2, 3–4, 5–6, 7–8).
FOKUSOMRÅDER = ("Demokrati og samfunnsutvikling", "Styring og økonomi", "Tjenestekvalitet",
                "Organisasjonskvalitet")

# område nr: [(spørsmål, maks, poeng)]  (maks sums to 100, poeng to the area's poeng)
KOMPASS_SPØRSMÅL = {
    1: [("Innbyggernes tilgang til informasjon", 30, 17),
        ("Medvirkning i planarbeid og budsjett", 25, 13),
        ("Opplæring og rolle for folkevalgte", 25, 12),
        ("Åpenhet om resultater i tjenestene", 20, 7)],
    2: [("Samarbeid med næringslivet", 35, 22),
        ("Samarbeid med frivillige organisasjoner", 30, 19),
        ("Regionalt og interkommunalt samarbeid", 35, 16)],
    3: [("Mål- og resultatstyring", 30, 14),
        ("Internkontroll og risikostyring", 30, 11),
        ("Rapportering til politisk nivå", 20, 11),
        ("Delegering og fullmakter", 20, 7)],
    4: [("Sammenligning med andre kommuner", 35, 20),
        ("Gevinstrealisering", 30, 13),
        ("Anskaffelser og konkurranse", 35, 20)],
    5: [("Servicestandarder og serviceerklæringer", 25, 9),
        ("Brukerundersøkelser og brukermedvirkning", 25, 10),
        ("Klagehåndtering", 25, 12),
        ("Digital tilgjengelighet", 25, 9)],
    6: [("Systematisk kvalitetsarbeid", 35, 12),
        ("Innovasjon og forbedringsarbeid", 35, 13),
        ("Læring av avvik og hendelser", 30, 11)],
    7: [("Arbeidsgiverstrategi", 25, 15),
        ("Kompetanseplanlegging", 25, 12),
        ("Heltid og rekruttering", 25, 13),
        ("HMS og nærvær", 25, 14)],
    8: [("Lederutvikling", 35, 18),
        ("Medarbeiderdialog og medarbeiderskap", 35, 19),
        ("Lederavtaler og oppfølging av ledere", 30, 11)],
}

DELSTRATEGIER = [
    (1, "Helhetlig styring",
     "Kompasset viser at styring og kontroll og kvalitetsutvikling er våre svakeste områder. "
     "Målene i planene henger ikke godt nok sammen, og internkontrollen er mer preget av "
     "enkeltrutiner enn av risikovurderinger. Uten en rød tråd fra kommuneplan til enhet blir "
     "det vanskelig å prioritere og å vise kommunestyret hva innsatsen gir.",
     ["Én felles målstruktur brukes i alle enheter og i tertialrapportene",
      "Alle enheter har en oppdatert ROS-analyse og følger opp avvik",
      "Ledelsens gjennomgang holdes i KLG to ganger i året"]),
    (2, "Kompetente ledere og medarbeidere",
     "Vi skårer godt på arbeidsliv, men rekrutteringen til helse og omsorg er krevende, og "
     "lederutviklingen er lite systematisk. Vi trenger ledere som gir retning og "
     "medarbeidere som tar ansvar for fellesskapet, og vi må bli bedre på å beholde dem vi "
     "har.",
     ["Strategisk kompetanseplan er vedtatt og følges opp årlig",
      "Samlet sykefravær er under 7,0 prosent",
      "Alle ledere har lederavtale og deltar i lederutvikling"]),
    (3, "Digital kommune",
     "Innbyggerne forventer å kunne ordne det meste digitalt, og vi får færre hender i "
     "tjenestene. Kompasset viser at vi henter ut lite gevinst av digitaliseringen og har lite "
     "selvbetjening. Digitalisering skal derfor styres som en portefølje med tydelige gevinster.",
     ["Minst 80 prosent av søknadene kommer inn digitalt",
      "Alle digitaliseringsprosjekter har gevinstkart",
      "Ingen alvorlige sikkerhetsbrudd i perioden"]),
]

DELSTRATEGI_INNHOLD = [
    (1, "Målstruktur og rapportering", [
        "Etablere felles målstruktur fra samfunnsdel til enhet",
        "Bruke BMS i virksomhetsplaner og tertialrapporter"]),
    (1, "Risikobasert internkontroll", [
        "ROS-analyse i alle enheter hvert år",
        "Felles rutine for avvik og læring",
        "Ledelsens gjennomgang i KLG"]),
    (1, "Delegering og roller", [
        "Revidere delegeringsreglementet",
        "Tydeliggjøre ansvar mellom kommunalsjef og enhetsleder"]),
    (2, "Lederutvikling", [
        "Lederprogram for alle nye ledere",
        "Lederavtaler med høstsamtale for alle ledere",
        "Kollegaveiledning i ledergruppene"]),
    (2, "Kompetanse og rekruttering", [
        "Strategisk kompetanseplan 2026–2029",
        "Samarbeid med skoler og høgskoler om lærlinger og praksis"]),
    (2, "Heltid og nærvær", [
        "Ny turnusmodell med flere hele stillinger",
        "Systematisk oppfølging av sykefravær"]),
    (2, "Medarbeiderskap", [
        "Medarbeidersamtaler med utviklingsplan",
        "Arenaer for medvirkning i alle enheter"]),
    (3, "Porteføljestyring og gevinster", [
        "Prioritere prosjekter i en felles portefølje",
        "Gevinstkart og oppfølging for alle prosjekter"]),
    (3, "Digitale innbyggertjenester", [
        "Selvbetjening på nettsidene",
        "Digital post og digitale skjemaer som hovedregel",
        "Tjenestedesign med brukerne"]),
    (3, "Informasjonssikkerhet", [
        "Styringssystem for informasjonssikkerhet",
        "Årlig opplæring og øvelse for alle ansatte"]),
]

# --- Lederavtaler -------------------------------------------------------------------

# (leder_id, viktigste bidrag, forsterke 1, forsterke 2, forbedre, utviklingsmål, tiltak,
#  personal, økonomi, fag, høstsamtale, dato, skjermet)
LEDERAVTALER = [
    ("L02",
     "Lede tjenestegjennomgangen i oppvekst slik at kommunestyret får et godt grunnlag for å "
     "vedta framtidig struktur.",
     "Tydelig retning – viktig når strukturspørsmålet skaper uro blant ansatte og foreldre.",
     "Samhandling på tvers – tidlig innsats krever tett samarbeid med helse og NAV.",
     "Delegering – for mye av det operative ligger fortsatt hos kommunalsjefen.",
     ["Gi rektorer og styrere større handlingsrom i egne budsjetter",
      "Bruke mer tid på strategisk arbeid og mindre i driftsmøter"],
     ["Én-til-én-samtale med hver enhetsleder månedlig",
      "Mentor fra nabokommune gjennom KS-nettverket"],
     "Stabilt lederlag; to rektorer går av med pensjon i 2027.",
     "Balanse i 2025; stram ramme med synkende elevtall.",
     "Godt samarbeid om tidlig innsats; spesialundervisningen bør evalueres.",
     None, date(2026, 1, 22), True),
    ("L03",
     "Få helse og omsorg i økonomisk balanse uten å svekke forsvarligheten i tjenestene.",
     "Mot til å prioritere – krevende valg må tas tidlig og begrunnes godt.",
     "Tillit og delegering – enhetslederne kjenner tjenestene best.",
     "Kommunikasjon – beslutninger må forklares bedre til ansatte og tillitsvalgte.",
     ["Forklare bakgrunnen for prioriteringer i alle personalmøter jeg deltar i",
      "Be om tilbakemelding fra tillitsvalgte på egen kommunikasjon hvert kvartal"],
     ["Fast plass på personalmøtene i alle enheter to ganger i året",
      "Kurs i endringskommunikasjon våren 2026"],
     "Høyt sykefravær i turnus; rekruttering av sykepleiere er kritisk.",
     "Merforbruk på ressurskrevende tjenester; tiltaksplan i juni.",
     "Ny kommunedelplan for helse og omsorg følges opp.",
     None, date(2026, 1, 27), True),
    ("L04",
     "Samordne vedlikehold, klimatilpasning og arealplanlegging slik at investeringene "
     "prioriteres ut fra risiko.",
     "Helhetsforståelse – området spenner fra brann til kultur.",
     "Samhandling på tvers – klimatilpasning krever at plan, VA og eiendom jobber sammen.",
     "Tilbakemelding – enhetslederne ønsker tydeligere tilbakemelding på resultater.",
     ["Gi hver enhetsleder en skriftlig tilbakemelding hvert tertial",
      "Lære å lede gjennom andre i større grad"],
     ["Faste tertialsamtaler med hver enhetsleder",
      "Lederveiledning med ekstern coach fire ganger"],
     "Få nyansatte; behov for ingeniørkompetanse i VA.",
     "Vedlikeholdsetterslep må synliggjøres i budsjettet.",
     "Vedlikeholdsplan og overvannskartlegging er høyest prioritert.",
     None, date(2026, 1, 29), True),
    ("L05",
     "Innføre felles målstruktur og enklere månedsrapportering for alle ledere.",
     "Helhetsforståelse – økonomien må ses i sammenheng med tjenestene.",
     "Tydelig retning – lederne trenger klare frister og maler.",
     "Involvering – rapportene lages ofte uten innspill fra brukerne av dem.",
     ["Teste nye rapportmaler med tre enhetsledere før de tas i bruk",
      "Holde en brukerevaluering av rapporteringen etter 2. tertial"],
     ["Arbeidsgruppe med enhetsledere fra hvert tjenesteområde",
      "Kort spørreundersøkelse til alle ledere i september"],
     "Liten stab; sårbar ved fravær.",
     "God kontroll; prognosene må bli mer presise.",
     "Ny målstruktur og bedre analyse av KOSTRA-tall.",
     None, date(2026, 1, 20), False),
    ("L06",
     "Lede arbeidet med kompetanseplan og heltidskultur sammen med tjenesteområdene.",
     "Involvering – tillitsvalgte og verneombud må være med fra start.",
     "Tillit og delegering – lederne skal eie nærværsarbeidet selv.",
     "Mot til å prioritere – HR tar på seg for mange små oppgaver.",
     ["Si nei til oppgaver som hører hjemme i linjen",
      "Avsette én dag i uken til strategisk HR-arbeid"],
     ["Oppgaveoversikt gjennomgås med kommunedirektøren hver måned",
      "Fast strategidag i kalenderen"],
     "Ny rådgiver ansatt; godt samarbeid med HTV.",
     "Innenfor rammen.",
     "Kompetanseplan og nytt HR-system er prioritert.",
     None, date(2026, 2, 3), True),
    ("L07",
     "Bygge opp porteføljestyring med gevinstkart for alle digitaliseringsprosjekter.",
     "Brukerorientering – løsningene må bygges med brukerne, ikke for dem.",
     "Endringsledelse – digitalisering endrer arbeidshverdagen for mange.",
     "Kommunikasjon – fagspråket gjør det vanskelig for andre å henge med.",
     ["Forklare prosjektene uten teknisk sjargong",
      "Presentere gevinster med tall som lederne kjenner igjen"],
     ["Klarspråkkurs høsten 2026", "Månedlig kort nyhetsbrev om digitalisering"],
     "To nye IKT-lærlinger; god stabilitet.",
     "Lisenskostnadene øker mer enn forventet.",
     "Informasjonssikkerhet og velferdsteknologi.",
     None, date(2026, 2, 5), True),
    ("L08",
     "Gjøre servicetorget til en enkel inngang til kommunen og lede arbeidet med "
     "innbyggerdialog.",
     "Brukerorientering – servicetorget er kommunens ansikt utad.",
     "Samhandling på tvers – henvendelser må løses uten at innbyggeren blir sendt rundt.",
     "Struktur – for mange oppgaver løses ad hoc.",
     ["Innføre faste rutiner for de ti vanligste henvendelsene",
      "Lage en plan for egen tidsbruk hver uke"],
     ["Prosesskartlegging med hjelp fra IKT", "Ukentlig planleggingsmøte i servicetorget"],
     "Lite sykefravær; god stemning.",
     "Porto og trykking bør reduseres.",
     "Medvirkningsveileder og innbyggerundersøkelse.",
     None, date(2026, 2, 9), False),
    ("L09",
     "Bidra med kunnskap og erfaring fra Fjellvik skole i tjenestegjennomgangen.",
     "Tydelig retning – lærerne trenger trygghet i en usikker periode.",
     "Tilbakemelding og anerkjennelse – god praksis skal synes.",
     "Delegering – teamlederne kan få mer ansvar.",
     ["Gi teamlederne ansvar for egne budsjettposter",
      "Gjennomføre klasseromsbesøk hos alle lærere i løpet av året"],
     ["Opplæring av teamledere i økonomi", "Plan for klasseromsbesøk i skolens årshjul"],
     "Lavt sykefravær; to lærere mangler godkjent utdanning.",
     "Balanse; vikarutgifter må følges.",
     "Lesing på mellomtrinnet er satsingsområde.",
     "Teamlederne har fått budsjettansvar fra august; god erfaring så langt.",
     date(2026, 2, 12), True),
    ("L10",
     "Belyse konsekvensene av endret skolestruktur for elevene i Nordbotn.",
     "Involvering – foreldrene må kjenne seg hørt.",
     "Samhandling på tvers – samarbeid med Fjellvik skole om fag og ressurser.",
     "Konflikthåndtering – uenighet i kollegiet må tas tidligere.",
     ["Ta opp uenighet i kollegiet når den oppstår, ikke vente til den vokser",
      "Lage en plan for dialog med foreldrene gjennom året"],
     ["Veiledning i konflikthåndtering fra HR", "Faste foreldremøter om strukturutredningen"],
     "Lite kollegium; sårbart ved fravær.",
     "Høy kostnad per elev; følges opp i utredningen.",
     "Godt læringsmiljø; trivselen er høy.",
     None, date(2026, 2, 12), True),
    ("L11",
     "Rekruttere barnehagelærere og framskrive behovet for plasser.",
     "Tillit og delegering – pedagogiske ledere er nøkkelpersoner.",
     "Tilbakemelding og anerkjennelse – mange ansatte står i krevende hverdager.",
     "Tydelig retning – tre barnehager praktiserer rutiner ulikt.",
     ["Samordne rutiner i de tre barnehagene", "Bli tydeligere på felles forventninger"],
     ["Felles planleggingsdag for alle barnehagene", "Felles rutinehåndbok innen juni"],
     "Høyt sykefravær; flere dispensasjoner fra utdanningskravet.",
     "Innenfor rammen; foreldrebetaling lavere enn budsjettert.",
     "Språkarbeid og overganger til skole.",
     None, date(2026, 2, 17), True),
    ("L12",
     "Sørge for at barnevernet holder lovpålagte frister og følger opp avvik.",
     "Faglig trygghet – saksbehandlerne står i krevende saker.",
     "Samhandling på tvers – skole og helsestasjon er viktige samarbeidspartnere.",
     "Prioritering – for mange saker er i gang samtidig.",
     ["Innføre fristoversikt som gjennomgås hver uke",
      "Prioritere undersøkelser før tiltak når kapasiteten er presset"],
     ["Ukentlig fristmøte", "Veiledning fra Bufetat om prioritering"],
     "Én ledig stilling; innleie ved behov.",
     "Merforbruk på tiltak utenfor hjemmet.",
     "Barnevernsreformen og tidlig innsats.",
     None, date(2026, 2, 19), True),
    ("L13",
     "Sikre at innvandrere og flyktninger blir hørt i medvirkningsarbeidet.",
     "Brukerorientering – deltakerne må ha et tilbud som passer dem.",
     "Samhandling på tvers – NAV, skole og næringsliv må spille sammen.",
     "Struktur – rapporteringen er for lite systematisk.",
     ["Innføre månedlig rapportering på deltakernes progresjon",
      "Bruke data mer aktivt i planleggingen"],
     ["Rapportmal laget sammen med økonomi", "Kurs i bruk av fagsystemet"],
     "Engasjert personale; høy turnover blant tolker.",
     "Integreringstilskuddet går ned.",
     "Norskopplæring og kvalifisering til arbeid.",
     None, date(2026, 2, 24), True),
    ("L14",
     "Prøve ut ny turnus med flere hele stillinger og redusere innleie.",
     "Tilstedeværelse – ansatte ønsker en synlig leder.",
     "Endringsledelse – ny turnus berører alle.",
     "Delegering – avdelingslederne må få mer ansvar.",
     ["Være til stede på vaktskiftet i hver avdeling hver uke",
      "Gi avdelingslederne ansvar for vaktplanleggingen"],
     ["Fast ukeplan med tid i avdelingene", "Opplæring av avdelingsledere i turnusplanlegging"],
     "Høyt sykefravær og mye overtid; rekruttering av sykepleiere.",
     "Innleie gir merforbruk.",
     "Demensomsorg og lindrende behandling.",
     "Ny turnus innført i august; overtiden går ned.",
     date(2026, 1, 30), True),
    ("L15",
     "Ta i bruk velferdsteknologi og gi brukerne mer faste pleiere.",
     "Brukerorientering – kontinuitet betyr mye for brukerne.",
     "Innovasjon – velferdsteknologi kan frigjøre tid.",
     "Kommunikasjon – endringer må forankres bedre i personalgruppen.",
     ["Involvere ansatte tidligere når arbeidsformer endres",
      "Holde ukentlige korte informasjonsmøter"],
     ["Ressursgruppe for velferdsteknologi med ansatte", "Tavlemøte hver mandag"],
     "Mange deltidsstillinger; høyt sykefravær.",
     "Kjøring og bilhold koster mer enn budsjettert.",
     "Faste team og digitalt tilsyn.",
     None, date(2026, 2, 2), True),
    ("L16",
     "Styrke tidlig innsats for familier i samarbeid med barnevern og skole.",
     "Samhandling på tvers – familier trenger helhetlige tjenester.",
     "Faglig utvikling – helsestasjonen skal bygge på ny kunnskap.",
     "Prioritering – for mange prosjekter på en gang.",
     ["Velge ut to prosjekter og avslutte de øvrige", "Planlegge eget arbeid mer langsiktig"],
     ["Prosjektgjennomgang med kommunalsjefen", "Årsplan for enheten"],
     "Stabil bemanning.",
     "Innenfor rammen.",
     "Skolehelsetjenesten og familieveiledning.",
     None, date(2026, 2, 6), True),
    ("L17",
     "Redusere overtiden gjennom bedre planlegging av vakter.",
     "Tillit og delegering – erfarne miljøterapeuter kan ta mer ansvar.",
     "Faglig trygghet – krevende brukere gir belastning.",
     "Struktur – møtene er for mange og for lange.",
     ["Halvere antall faste møter", "Innføre fast dagsorden med tidsramme"],
     ["Møtegjennomgang i ledergruppen", "Mal for møtereferat"],
     "Høyt sykefravær; flere med belastningsplager.",
     "Ressurskrevende tjenester gir merforbruk.",
     "Miljøterapi og brukermedvirkning.",
     None, date(2026, 2, 10), True),
    ("L18",
     "Ta imot flere leger i spesialisering og sikre stabil legedekning.",
     "Faglig ledelse – legene trenger tydelige rammer.",
     "Samhandling på tvers – sykehjem og legevakt er avhengige av legekontoret.",
     "Administrativ ledelse – lite tid til personal og økonomi.",
     ["Sette av én fast dag i uken til ledelse", "Delegere mer til medisinsk koordinator"],
     ["Fast ledelsesdag i timeboken", "Ukentlig møte med medisinsk koordinator"],
     "Fem fastleger; én hjemmel ledig.",
     "Innenfor rammen; utgifter til vikarleger følges.",
     "Legevaktsamarbeid og smittevern.",
     None, date(2026, 2, 13), True),
    ("L19",
     "Ta i bruk digital søknad om sosialhjelp og følge unge tett.",
     "Samhandling på tvers – unge trenger koordinerte tjenester.",
     "Brukerorientering – digitale løsninger må være enkle.",
     "Økonomistyring – prognosene for sosialhjelp må bli bedre.",
     ["Lage månedlige prognoser for sosialhjelp", "Analysere årsaker til økte utbetalinger"],
     ["Prognosemodell sammen med økonomi", "Kvartalsvis analyse til KLG"],
     "Lavt sykefravær; god kompetanse.",
     "Økte utbetalinger gir merforbruk.",
     "Ungdomsgarantien og kvalifiseringsprogrammet.",
     "Prognosemodellen er tatt i bruk; merforbruket er forklart for KLG.",
     date(2026, 2, 16), True),
    ("L20",
     "Lage risikovurdering for drift og prioritere driftstiltak i vedlikeholdsplanen.",
     "Tydelig retning – mange oppgaver konkurrerer.",
     "Tilbakemelding og anerkjennelse – uteavdelingen gjør mye som ikke blir sett.",
     "Skriftlighet – for lite blir dokumentert.",
     ["Dokumentere vedlikehold i fagsystemet", "Skrive korte rapporter til kommunalsjefen"],
     ["Opplæring i fagsystemet", "Mal for månedsrapport"],
     "Erfarne ansatte; flere går av med pensjon snart.",
     "Brøyting i vinter ga merforbruk.",
     "Vedlikehold av veier og uteområder.",
     None, date(2026, 3, 3), False),
    ("L21",
     "Kartlegge overvann og kapasitet i ledningsnettet i sentrum.",
     "Faglig ledelse – VA krever høy kompetanse.",
     "Planlegging – investeringene må planlegges lenger fram.",
     "Kommunikasjon – innbyggerne får for lite informasjon ved brudd.",
     ["Innføre varsling på SMS ved vannbrudd", "Skrive en kort sak til nettsidene hver måned"],
     ["Avtale med servicetorget om varsling", "Publiseringsplan for VA-nytt"],
     "Få ansatte; vaktordning er sårbar.",
     "Gebyrene dekker kostnadene.",
     "Hovedplan for VA og overvannskartlegging.",
     None, date(2026, 3, 5), True),
    ("L22",
     "Gjennomføre tilstandsvurdering av alle kommunale bygg.",
     "Helhetsforståelse – byggene påvirker alle tjenestene.",
     "Planlegging – langsiktig vedlikehold framfor brannslukking.",
     "Involvering – brukerne av byggene blir for lite spurt.",
     ["Ha dialog med brukerne før vedlikeholdstiltak", "Lage årlig byggmøte med enhetslederne"],
     ["Spørreskjema til enhetsledere", "Byggmøte hver høst"],
     "Stabilt personale.",
     "Energikostnadene er usikre.",
     "Omsorgsboliger og energisparing.",
     None, date(2026, 3, 10), True),
    ("L23",
     "Bruke medvirkningsveilederen i planarbeidet og holde fristene i byggesaker.",
     "Samhandling på tvers – næringsutvikling krever mange aktører.",
     "Brukerorientering – søkerne skal oppleve god veiledning.",
     "Delegering – for mange saker går via leder.",
     ["Gi saksbehandlerne fullmakt i enkle saker", "Bruke mindre tid på kontroll"],
     ["Revidere intern delegering", "Stikkprøver i stedet for full kontroll"],
     "God kompetanse; én vakant stilling.",
     "Gebyrinntektene er høyere enn budsjettert.",
     "Kommuneplanens arealdel og næringsareal.",
     None, date(2026, 3, 12), True),
    ("L24",
     "Involvere lag og foreninger i arbeidet med frivillighetsstrategien.",
     "Samhandling på tvers – kulturtilbudet bygger på frivillige.",
     "Innovasjon – nye måter å nå unge på.",
     "Struktur – søknader om tilskudd behandles uten faste frister.",
     ["Innføre faste søknadsfrister for tilskudd", "Lage årshjul for kulturenheten"],
     ["Tilskuddsrutine vedtas i kulturutvalget", "Årshjul på plass innen april"],
     "Små stillinger; mye kveldsarbeid.",
     "Innenfor rammen.",
     "Kulturskole, bibliotek og frivilligsentral.",
     None, date(2026, 3, 17), True),
    ("L25",
     "Oppdatere beredskapsplanen for flom og skred.",
     "Tydelig retning – innsatsstyrken må vite hva som gjelder.",
     "Samhandling på tvers – beredskap berører hele kommunen.",
     "Planlegging – øvelser blir for ofte utsatt.",
     ["Gjennomføre fire planlagte øvelser i året", "Øve kriseledelsen sammen med KLG"],
     ["Øvelsesplan i årshjulet", "Felles øvelse med KLG i november"],
     "Deltidsmannskaper; rekruttering er krevende.",
     "Innenfor rammen.",
     "Forebyggende arbeid og tilsyn.",
     None, date(2026, 3, 24), False),
]


# Own chapters (sheet «Kapitler»): at least one per document, with sub-chapters, bullets
# and sub-bullets, so a new user sees the text convention at work.
KAPITLER: list[tuple[Dokument, str, int, str, str]] = [
    (Dokument.OPPDRAGSBREV, "etter prioriteringer", 1, "Nærmere om grunnlaget for oppdragene",
     "Oppdragene bygger på kommuneplanen, økonomiplanen og evalueringen i "
     "Kommunekompasset. Under står det viktigste grunnlaget for hvert tjenesteområde."
     "\n\n"
     "Felles for alle områdene er at vi må løse mer med samme ramme:\n"
     "- færre yngre per eldre innbygger\n"
     "- høyere forventninger til digitale tjenester\n"
     "-- selvbetjening der det passer\n"
     "-- personlig kontakt der det trengs\n"
     "- krav om dokumentert internkontroll"),
    (Dokument.OPPDRAGSBREV, "etter prioriteringer", 2, "Oppvekst",
     "Elevtallet i Fjellvik går ned i bygdene og opp i sentrum. Barnehagene har god dekning, "
     "men rekrutteringen av barnehagelærere er krevende.\n\n"
     "- Tidlig innsats og et godt læringsmiljø\n"
     "- Samarbeid mellom skole, helsestasjon og PPT\n"
     "  - felles tiltaksplan for barn som trenger ekstra støtte"),
    (Dokument.OPPDRAGSBREV, "etter prioriteringer", 2, "Helse og omsorg",
     "Behovet for hjemmetjenester øker raskere enn budsjettet. Vi skal dreie innsatsen mot "
     "hverdagsmestring og velferdsteknologi.\n\n"
     "- Heltidskultur i turnusene\n"
     "- Digitalt tilsyn der brukeren ønsker det"),
    (Dokument.OPPDRAGSBREV, "etter oppdrag", 1, "Kompetanse",
     "Hver enhet skal ha en oppdatert kompetanseplan innen 1. juni. Planen viser hvilken "
     "kompetanse enheten trenger de neste tre årene, og hvordan den skal skaffes.\n\n"
     "- Kartlegg kompetansen i enheten\n"
     "- Prioriter tiltak:\n"
     "-- videreutdanning\n"
     "-- intern opplæring og hospitering\n"
     "- Rapporter status i 2. tertial"),
    (Dokument.OPPDRAGSBREV, "etter mål", 1, "Ledelse og medarbeidere",
     "Gode tjenester forutsetter tydelig ledelse og medarbeidere som blir sett. "
     "Lederplattformen beskriver hva vi forventer av ledere i Fjellvik kommune.\n\n"
     "- Medarbeidersamtale med alle minst én gang i året\n"
     "- Oppfølging av medarbeiderundersøkelsen i hver enhet"),
    (Dokument.LEDERAVTALE, "etter lederstøtte", 1, "Andre føringer og forventninger til ledere",
     "I tillegg til ansvaret over forventer kommunedirektøren at lederen\n"
     "- er en tydelig og synlig leder for sine medarbeidere\n"
     "- deler informasjon og bidrar i ledernettverket\n"
     "-- deltar på ledersamlingene\n"
     "-- tar initiativ til samarbeid på tvers av enhetene\n"
     "- følger opp vedtatte planer og gir tidlig beskjed om avvik"),
    (Dokument.LEDERAVTALE, "etter lederstøtte", 2, "Om etisk standard",
     "Lederen skal være et forbilde i etiske spørsmål og følge kommunens etiske "
     "retningslinjer.\n\n"
     "- Si fra om kritikkverdige forhold, og sørg for at medarbeidere trygt kan gjøre det "
     "samme\n"
     "- Registrer verv og interesser som kan gi inhabilitet"),
    (Dokument.TERTIALRAPPORT, "etter innledning", 1, "Viktige hendelser i perioden",
     "Kort om det som har preget driften siden forrige rapport.\n\n"
     "- Flommen i Storelva i mai\n"
     "-- beredskapsrådet samlet i to døgn\n"
     "-- skader på kommunal vei for om lag 2 mill. kr\n"
     "- Ny avtale om legevakt med nabokommunene"),
    (Dokument.UTVIKLINGSSTRATEGI, "etter visjon", 1, "Om delstrategiene",
     "Evalueringen pekte på noen få områder der innsatsen gir mest igjen. Hvert av dem har "
     "fått sin egen delstrategi med begrunnelse, suksesskriterier og hovedoppgaver.\n\n"
     "- Delstrategiene gjelder hele organisasjonen\n"
     "- De følges opp gjennom\n"
     "-- oppdragsbrevet\n"
     "-- lederavtalene\n"
     "-- tertialrapportene"),
    (Dokument.UTVIKLINGSSTRATEGI, "etter visjon", 2, "Slik leser du delstrategiene",
     "Hver delstrategi forklarer først hvorfor den er valgt. Deretter kommer "
     "suksesskriteriene, og til slutt innholdet med hovedoppgavene."),
]


def demo_epost(navn: str) -> str:
    """A fictional address at the demo's own domain: «Sunná Čuđe Ravna» →
    sunna.cude.ravna@fjellvik.kommune.no."""
    from ..documents.common import slug

    return slug(navn).replace("-", ".") + "@fjellvik.kommune.no"


def demo_data() -> Styringsdata:
    """The complete, fictional demo data set for Fjellvik kommune, 2026."""
    ledere = [Leder(id=i, navn=n, stilling=s, enhet=e, overordnet=o,
                    nivå=NIVÅ.get(i, Ledernivå.ENHETSLEDER), epost=demo_epost(n))
              for i, n, s, e, o in LEDERE]
    oppdrag = [Oppdrag(nr=nr, tittel=t, hovedinnhold=h, ha=ha, da=da, frist=f)
               for nr, t, h, ha, da, f in OPPDRAG]
    data = Styringsdata(
        kommune=KOMMUNE,
        innstillinger=INNSTILLINGER,
        tekster=TEKSTER,
        prioriteringer=[Prioritering(nr=i, tekst=t) for i, t in enumerate(PRIORITERINGER, 1)],
        forkortelser=[Forkortelse(forkortelse=f, betydning=b) for f, b in FORKORTELSER],
        enheter=[Enhet(kode=k, navn=n, rammeområde=r) for k, n, r in ENHETER],
        årshjul=[Møte(dato=d, forum=f, temaer=te, tid=ti, når=ÅRSHJUL_NÅR.get(i))
                 for i, (d, f, ti, te) in enumerate(ÅRSHJUL)],
        styringsdialog=[Styringsdialog(forum=f, hyppighet=h, deltakere=d, rapportering=r)
                        for f, h, d, r in STYRINGSDIALOG],
        mål=[Mål(id=i, perspektiv=p, satsingsområde=s, mål=m, indikator=ind, måltall=mt,
                 ansvarlig=a) for i, p, s, m, ind, mt, a in MÅL],
        oppdrag=oppdrag,
        målresultater=[Målresultat(mål_id=i, tertial=t, resultat=r, status=st, kommentar=k)
                       for i, per in MÅLRESULTATER.items()
                       for t, (r, st, k) in enumerate(per, 1)],
        oppdragsstatus=[Oppdragsstatus(nr=nr, tertial=t, status=st, kommentar=k)
                        for nr, per in OPPDRAGSSTATUS.items()
                        for t, (st, k) in enumerate(per, 1)],
        rammeområder=[Rammeområde(navn=n, ansvarlig=a, nr=i)
                      for i, (n, a) in enumerate(RAMMEOMRÅDER, 1)],
        økonomi=_økonomi(),
        nøkkeltall=[Nøkkeltall(tertial=t, enhet=e, sykefravær=s, overtid=o, årsverk=å, avvik=a)
                    for t in (1, 2)
                    for e, per in NØKKELTALL.items()
                    for s, o, å, a in [per[t - 1]]],
        tertialtekster=TERTIALTEKSTER,
        risikoer=[Risiko(id=i, beskrivelse=b, område=o, sannsynlighet=s, konsekvens=k,
                         mottiltak=mt, ansvarlig=a, frist=f, status=st)
                  for i, b, o, s, k, mt, a, f, st in RISIKOER],
        kompass=[KompassOmråde(nr=nr, navn=n, poeng=p, snitt_nasjonalt=sn, snitt_gruppe=sg,
                               styrker=st, utfordringer=u, svakheter=sv,
                               fokusområde=FOKUSOMRÅDER[(nr - 1) // 2])
                 for nr, n, p, sn, sg, st, u, sv in KOMPASS],
        kompass_spørsmål=[KompassSpørsmål(område_nr=nr, spørsmål=q, maks_poeng=mx, poeng=p)
                          for nr, qs in KOMPASS_SPØRSMÅL.items() for q, mx, p in qs],
        delstrategier=[Delstrategi(nr=nr, navn=n, hvorfor=h, suksesskriterier=sk)
                       for nr, n, h, sk in DELSTRATEGIER],
        delstrategi_innhold=[DelstrategiInnhold(delstrategi_nr=nr, innhold=i, hovedoppgaver=h)
                             for nr, i, h in DELSTRATEGI_INNHOLD],
        ledere=ledere,
        lederavtaler=[
            Lederavtale(leder_id=i, viktigste_bidrag=vb, forsterke_1=f1, forsterke_2=f2,
                        forbedre=fb, utviklingsmål=um, tiltak=ti, personal=pe, økonomi=øk,
                        fag=fa, høstsamtale=hs, dato=d, skjermet=sk)
            for i, vb, f1, f2, fb, um, ti, pe, øk, fa, hs, d, sk in LEDERAVTALER],
        bidrag=[],
        grupper=[Gruppe(navn=n, medlemmer=m, beskrivelse=b) for n, m, b in GRUPPER],
        kapitler=[Kapittel(dokument=d, plassering=p, overskrift=o, nivå=n, tekst=t)
                  for d, p, n, o, t in KAPITLER],
    )
    return _i_fjor(dataclasses.replace(data, bidrag=_bidrag(data)))


def _økonomi() -> list[Økonomilinje]:
    out = []
    for typ, rows in ((Budsjettype.DRIFT, DRIFT), (Budsjettype.INVESTERING, INVESTERING)):
        for navn, budsjett, *tertialer in rows:
            for t, (revidert, regnskap, prognose) in enumerate(tertialer, 1):
                out.append(Økonomilinje(
                    tertial=t, type=typ, rammeområde=navn, budsjett=float(budsjett),
                    regnskap=float(regnskap), prognose=float(prognose),
                    revidert_budsjett=None if revidert is None else float(revidert)))
    return sorted(out, key=lambda x: (x.tertial, x.type != Budsjettype.DRIFT))


def _bidrag(data: Styringsdata) -> list[Bidrag]:
    """One Bidrag per leader with a lederavtale and oppdrag the leader has HA or DA for."""
    out = []
    for leder in data.ledere:
        for o, rolle in data.oppdrag_for(leder):
            units = BIDRAG_DA_ENHETER[o.nr]
            if rolle == "HA":
                tekst = BIDRAG_HA[o.nr]
            elif leder.enhet in units:
                tekst = BIDRAG_DA[o.nr][units.index(leder.enhet)]
            else:
                tekst = BIDRAG_FELLES[o.nr]
            out.append(Bidrag(leder_id=leder.id, oppdrag_nr=o.nr, bidrag=tekst))
    return out


# --- last year's figures for the tertialrapport's comparison (drift and sick leave) ---------

#: Regnskap hittil last year as a share of this year's, per drift area in DRIFT's order.
I_FJOR_ANDEL = (0.97, 0.95, 0.96, 0.93, 0.98, 1.02, 0.9, 1.05, 0.97, 1.01, 0.96)
#: How many percentage points higher each unit's sick leave was last year (same tertial).
I_FJOR_SYKEFRAVÆR = {"ØKO": 0.4, "FSK": 0.9, "NSK": 0.3, "BARN": 1.4, "SHJ": 1.1, "HJT": 0.8,
                     "HELSE": -0.2, "BOA": 0.6, "NAV": 0.5, "TEK": 0.7}


def _i_fjor(data: Styringsdata) -> Styringsdata:
    """The demo with last year's regnskap for drift and last year's sick leave per unit."""
    share = {navn: I_FJOR_ANDEL[i] for i, (navn, *_) in enumerate(DRIFT)}
    økonomi = [dataclasses.replace(ln, regnskap_i_fjor=round(ln.regnskap * share[ln.rammeområde],
                                                             -4))
               if ln.type is Budsjettype.DRIFT else ln for ln in data.økonomi]
    nøkkeltall = [dataclasses.replace(n, sykefravær_i_fjor=round(
        n.sykefravær + I_FJOR_SYKEFRAVÆR.get(n.enhet, 0.5), 1)) for n in data.nøkkeltall]
    return dataclasses.replace(data, økonomi=økonomi, nøkkeltall=nøkkeltall)
