"""Demo data for styring.xlsx: the kommune, its texts, organisation, årshjul, mål and oppdrag.

The names of the kommunedirektør and of the rammeområder several sheets refer to are defined
here once; the other workbooks' modules import them.
"""

from __future__ import annotations

from datetime import date

from ..documents.standardtekster import tekster_felt
from ..model.domain import (
    Dokument,
    Enhet,
    Forkortelse,
    Gruppe,
    Innstillinger,
    Kapittel,
    Kommune,
    Milepæl,
    Milepælstatus,
    Mål,
    Møte,
    Oppdrag,
    Perspektiv,
    Prioritering,
    Styringsdialog,
    Størrelsesgruppe,
    Tekster,
)

KOMMUNEDIREKTØR = "Ánne Risten Đuolja"

# Rammeområder that units, økonomi rows and risks refer to (sheet «Rammeområder»: tertial.py).
SENTRAL, OPPVEKST, HO_OMR = "Sentraladministrasjon", "Oppvekst", "Helse og omsorg"
TEKNISK, PLAN_OMR = "Teknisk drift & vedlikehold", "Plan og næring"

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
    Prioritering(nr=1, tekst="Holde driften innenfor vedtatte rammer og nå et netto "
                             "driftsresultat på minst 1,75 prosent."),
    Prioritering(nr=2, tekst="Følge opp kommuneplanens samfunnsdel gjennom tiltakene i "
                             "handlings- og økonomiplanen."),
    Prioritering(nr=3, tekst="Styrke den risikobaserte internkontrollen og en åpen kultur for "
                             "å melde og lære av avvik."),
    Prioritering(nr=4, tekst="Rekruttere og beholde fagfolk, med særlig vekt på helse og "
                             "omsorg og heltidskultur."),
    Prioritering(nr=5, tekst="Ta i bruk digitale løsninger som gir målbare gevinster for "
                             "innbyggere og medarbeidere."),
    Prioritering(nr=6, tekst="Gjennomføre utviklingsstrategien etter Kommunekompasset 2025."),
    Prioritering(nr=7, tekst="Samhandle på tvers av enheter og gi innbyggerne en enklere vei "
                             "inn til kommunen."),
]

FORKORTELSER = [
    Forkortelse(forkortelse="KD", betydning="Kommunedirektøren"),
    Forkortelse(forkortelse="KLG", betydning="Kommunedirektørens ledergruppe"),
    Forkortelse(forkortelse="UKLG", betydning="Kommunedirektørens utvidede ledergruppe"),
    Forkortelse(forkortelse="HA", betydning="Hovedansvar for et oppdrag"),
    Forkortelse(forkortelse="DA", betydning="Delansvar for et oppdrag"),
    Forkortelse(forkortelse="BMS", betydning="Balansert målstyring"),
    Forkortelse(forkortelse="HMS", betydning="Helse, miljø og sikkerhet"),
    Forkortelse(forkortelse="ROS", betydning="Risiko- og sårbarhetsanalyse"),
    Forkortelse(forkortelse="IK", betydning="Internkontroll"),
    Forkortelse(forkortelse="RF", betydning="Risikofaktor (sannsynlighet × konsekvens)"),
    Forkortelse(forkortelse="HØP", betydning="Handlings- og økonomiplan"),
    Forkortelse(forkortelse="HTV", betydning="Hovedtillitsvalgt"),
    Forkortelse(forkortelse="HVO", betydning="Hovedverneombud"),
    Forkortelse(forkortelse="AMU", betydning="Arbeidsmiljøutvalget"),
    Forkortelse(forkortelse="KOSTRA", betydning="Kommune-Stat-Rapportering"),
]

# --- Organisation ----------------------------------------------------------------

ENHETER = [
    Enhet(kode="KD", navn="Kommunedirektøren", rammeområde=SENTRAL),
    Enhet(kode="ØKO", navn="Økonomi og virksomhetsstyring", rammeområde=SENTRAL),
    Enhet(kode="HR", navn="Personal og organisasjon", rammeområde=SENTRAL),
    Enhet(kode="IKT", navn="Digitalisering og IKT", rammeområde=SENTRAL),
    Enhet(kode="SERV", navn="Servicetorg og politisk sekretariat", rammeområde="Politisk styring"),
    Enhet(kode="OPPV", navn="Oppvekst", rammeområde=OPPVEKST),
    Enhet(kode="FSK", navn="Fjellvik skole", rammeområde=OPPVEKST),
    Enhet(kode="NSK", navn="Nordbotn skole", rammeområde=OPPVEKST),
    Enhet(kode="BARN", navn="Fjellvik barnehager", rammeområde=OPPVEKST),
    Enhet(kode="BVT", navn="Barnevern", rammeområde=OPPVEKST),
    Enhet(kode="FLY", navn="Voksenopplæring og integrering", rammeområde=OPPVEKST),
    Enhet(kode="HO", navn="Helse og omsorg", rammeområde=HO_OMR),
    Enhet(kode="SHJ", navn="Fjellvik sykehjem", rammeområde=HO_OMR),
    Enhet(kode="HJT", navn="Hjemmetjenesten", rammeområde=HO_OMR),
    Enhet(kode="HELSE", navn="Helse og familie", rammeområde=HO_OMR),
    Enhet(kode="BOA", navn="Bo- og aktivitetstjenester", rammeområde=HO_OMR),
    Enhet(kode="LEGE", navn="Fjellvik legekontor", rammeområde=HO_OMR),
    Enhet(kode="NAV", navn="NAV Fjellvik (kommunal del)", rammeområde="NAV sosial"),
    Enhet(kode="SAMF", navn="Samfunnsutvikling", rammeområde=PLAN_OMR),
    Enhet(kode="TEK", navn="Drift & vedlikehold", rammeområde=TEKNISK),
    Enhet(kode="VA", navn="Vann og avløp", rammeområde=TEKNISK),
    Enhet(kode="EIE", navn="Eiendom", rammeområde=TEKNISK),
    Enhet(kode="PLAN", navn="Plan, byggesak og næring", rammeområde=PLAN_OMR),
    Enhet(kode="KULT", navn="Kultur og frivillighet", rammeområde="Kultur"),
    Enhet(kode="BRANN", navn="Brann og redning", rammeområde=TEKNISK),
]

# Own groups for HA/DA; «TLG» holds another group.
GRUPPER = [
    Gruppe(navn="KLG", medlemmer=["KD", "Kommunalsjefer", "L05", "HR"],
           beskrivelse="Kommunedirektørens ledergruppe: kommunedirektøren, kommunalsjefene, "
                       "økonomisjefen og HR-sjefen"),
    Gruppe(navn="Eiendom og VA", medlemmer=["VA, EIE"],
           beskrivelse="Lederne for vann og avløp og for eiendom"),
    Gruppe(navn="TLG", medlemmer=["TEK", "Eiendom og VA", "BRANN"],
           beskrivelse="Teknisk ledergruppe: drift & vedlikehold, eiendom, vann og avløp og "
                       "brann og redning"),
]

# --- Årshjul og styringsdialog -----------------------------------------------------

# «Når» overrides the month shown for a meeting.
ÅRSHJUL = [
    Møte(dato=date(2026, 1, 15), forum="UKLG", tid="kl. 09.00–15.00", når="Januar/februar",
         temaer=["Oppdragsbrevet 2026 etter budsjettvedtaket",
                 "Lederavtaler: mal, tidsplan og forventninger",
                 "Kommunekompasset 2025: resultater og veien videre"]),
    Møte(dato=date(2026, 2, 10), forum="KLG", tid="kl. 12.00–15.30",
         temaer=["Utkast til utviklingsstrategi 2026–2028",
                 "Årsoppgjøret 2025",
                 "Sykefravær 4. kvartal 2025"]),
    Møte(dato=date(2026, 3, 19), forum="UKLG", tid="kl. 09.00–15.00",
         temaer=["Risikobasert internkontroll: ROS-analyser i enhetene",
                 "Heltidskultur: erfaringer fra turnusprosjektet",
                 "Etisk refleksjon i ledergruppen"]),
    Møte(dato=date(2026, 4, 23), forum="KLG", tid="kl. 12.00–15.30",
         temaer=["Årsmelding 2025",
                 "Digitaliseringsplan & gevinstkart",
                 "Forberedelse av 1. tertialrapport"]),
    Møte(dato=date(2026, 5, 21), forum="UKLG", tid="kl. 09.00–15.00",
         temaer=["1. tertialrapport: økonomi, mål og oppdrag",
                 "Administrativ budsjettsamling I: konsekvensjustert budsjett",
                 "Lederplattformen i praksis"]),
    Møte(dato=date(2026, 6, 11), forum="UKLG", tid="kl. 09.00–12.00",
         temaer=["Føringer for handlings- og økonomiplan 2027–2030",
                 "Halvårsstatus for oppdragene"]),
    Møte(dato=date(2026, 9, 3), forum="UKLG", tid="kl. 09.00–15.00",
         temaer=["Administrativ budsjettsamling II: tiltak og prioriteringer",
                 "Høstsamtalene i lederavtalene",
                 "Nærværsarbeid etter sommeren"]),
    Møte(dato=date(2026, 9, 24), forum="KLG", tid="kl. 12.00–15.30",
         temaer=["2. tertialrapport", "Oppdatering av risikoregisteret"]),
    Møte(dato=date(2026, 10, 29), forum="UKLG", tid="kl. 09.00–15.00",
         temaer=["Kommunedirektørens budsjettforslag for 2027",
                 "Kompetanseplan og rekruttering 2027"]),
    Møte(dato=date(2026, 12, 3), forum="UKLG", tid="kl. 09.00–14.00",
         temaer=["Evaluering av året og oppdragsbrevet 2026",
                 "Første skisse til oppdragsbrev 2027"]),
]

STYRINGSDIALOG = [
    Styringsdialog(forum="KLG – drift", hyppighet="Annenhver uke",
                   deltakere="Kommunedirektør, kommunalsjefer, økonomisjef og HR-sjef",
                   rapportering="Månedlig økonomirapport, sykefravær, avvik og saker til "
                                "politisk behandling"),
    Styringsdialog(forum="KLG – strategi", hyppighet="Månedlig",
                   deltakere="KLG, digitaliseringsleder og leder servicetorg",
                   rapportering="Oppfølging av kommuneplanen, utviklingsstrategien og oppdragene "
                                "i oppdragsbrevet"),
    Styringsdialog(forum="UKLG", hyppighet="8–10 ganger i året",
                   deltakere="Alle ledere med personalansvar; HTV og HVO inviteres",
                   rapportering="Temaene i årshjulet, felles prioriteringer og erfaringsdeling"),
    Styringsdialog(forum="Tjenesteområdedialog", hyppighet="Hvert tertial",
                   deltakere="Kommunalsjef og enhetsledere i tjenesteområdet",
                   rapportering="Måloppnåelse, økonomi mot budsjett, nærvær, overtid & avvik per "
                                "enhet"),
    Styringsdialog(forum="Tertialrapport til kommunestyret",
                   hyppighet="To ganger i året og ved årsmelding",
                   deltakere="Kommunedirektør, formannskap og kommunestyre",
                   rapportering="Økonomi per rammeområde, mål i BMS, status for oppdrag og "
                                "risikoer"),
]

# --- Mål og oppdrag ------------------------------------------------------------------

MÅL = [
    Mål(id="S1", perspektiv=Perspektiv.SAMFUNN, satsingsområde="Levende lokalsamfunn",
        mål="Fjellvik skal ha befolkningsvekst", indikator="Netto innflytting per år (SSB)",
        måltall="≥ 40 personer", ansvarlig="PLAN"),
    Mål(id="S2", perspektiv=Perspektiv.SAMFUNN, satsingsområde="Trygg oppvekst",
        mål="Flere unge i arbeid eller utdanning",
        indikator="Andel 16–25 år utenfor arbeid, utdanning og opplæring", måltall="< 6,5 %",
        ansvarlig="NAV"),
    Mål(id="S3", perspektiv=Perspektiv.SAMFUNN, satsingsområde="Grønn omstilling",
        mål="Lavere klimagassutslipp fra kommunal drift",
        indikator="Utslipp fra kommunale bygg og kjøretøy sammenlignet med 2024",
        måltall="≥ 10 % reduksjon", ansvarlig="SAMF"),
    Mål(id="T1", perspektiv=Perspektiv.TJENESTER, satsingsområde="Gode tjenester nær innbyggeren",
        mål="Brukerne av hjemmetjenesten er fornøyde",
        indikator="Andel brukere som svarer > 4 på en skala fra 1 til 6", måltall="> 90 % fornøyde",
        ansvarlig="HJT"),
    Mål(id="T2", perspektiv=Perspektiv.TJENESTER, satsingsområde="Trygg oppvekst",
        mål="Elevene trives på skolen",
        indikator="Andel elever på 7. og 10. trinn som trives godt (Elevundersøkelsen)",
        måltall="≥ 90 %", ansvarlig="OPPV"),
    Mål(id="T3", perspektiv=Perspektiv.TJENESTER, satsingsområde="Enklere kontakt med kommunen",
        mål="Digitalt førstevalg i møte med innbyggerne",
        indikator="Andel søknader og henvendelser som kommer inn digitalt", måltall="≥ 80 %",
        ansvarlig="IKT"),
    Mål(id="M1", perspektiv=Perspektiv.MEDARBEIDERE, satsingsområde="Attraktiv arbeidsgiver",
        mål="Høyere nærvær", indikator="Samlet sykefravær (legemeldt og egenmeldt)",
        måltall="< 7,0 %", ansvarlig="HR"),
    Mål(id="M2", perspektiv=Perspektiv.MEDARBEIDERE, satsingsområde="Attraktiv arbeidsgiver",
        mål="Flere hele stillinger i turnus",
        indikator="Gjennomsnittlig stillingsstørrelse i turnus", måltall="≥ 85 %", ansvarlig="HO"),
    Mål(id="M3", perspektiv=Perspektiv.MEDARBEIDERE, satsingsområde="Ledelse og kompetanse",
        mål="Alle ledere følges opp gjennom lederavtale",
        indikator="Andel ledere med inngått lederavtale og gjennomført høstsamtale",
        måltall="100 %", ansvarlig="HR"),
    Mål(id="Ø1", perspektiv=Perspektiv.ØKONOMI, satsingsområde="Økonomisk handlingsrom",
        mål="Sunn drift over tid", indikator="Netto driftsresultat i prosent av driftsinntektene",
        måltall="≥ 1,75 %", ansvarlig="ØKO"),
    Mål(id="Ø2", perspektiv=Perspektiv.ØKONOMI, satsingsområde="Økonomisk handlingsrom",
        mål="Driften holdes innenfor rammene",
        indikator="Antall rammeområder med prognoseavvik over 5 %", måltall="0", ansvarlig="KD"),
    Mål(id="Ø3", perspektiv=Perspektiv.ØKONOMI, satsingsområde="Økonomisk handlingsrom",
        mål="Forsvarlig gjeldsnivå", indikator="Netto lånegjeld i prosent av driftsinntektene",
        måltall="< 95 %", ansvarlig="ØKO"),
]

OPPDRAG = [
    Oppdrag(nr=1, tittel="Følge opp kommuneplanens handlingsdel",
            hovedinnhold=["Omsette satsingsområdene i samfunnsdelen til tiltak i "
                          "virksomhetsplanene",
                          "Rapportere framdrift på tiltakene hvert tertial",
                          "Forberede rulleringen av handlingsdelen i HØP 2027–2030"],
            ha=["KLG"], da=["Enhetsledere"], frist=date(2026, 10, 31)),
    Oppdrag(nr=2, tittel="Helhetlig virksomhetsstyring",
            hovedinnhold=["Etablere én felles målstruktur fra samfunnsdel til enhet",
                          "Bruke styringsdata for økonomi, nærvær og kvalitet i alle ledermøter",
                          "Forenkle den månedlige rapporteringen"],
            ha=["L05"], da=["KD", "IKT"], frist=date(2026, 9, 30)),
    Oppdrag(nr=3, tittel="Risikobasert internkontroll & avvikskultur",
            hovedinnhold=["Gjennomføre ROS-analyse i alle enheter innen 1. juni",
                          "Innføre felles rutine for melding, behandling og læring av avvik",
                          "Holde ledelsens gjennomgang i KLG to ganger i året"],
            ha=["Kommunalsjef HO"], da=["BVT", "SHJ", "TEK"], frist=date(2026, 12, 1)),
    Oppdrag(nr=4, tittel="Digitalisering med målbare gevinster",
            hovedinnhold=["Lage gevinstkart for alle digitaliseringsprosjekter",
                          "Innføre selvbetjening og digital dialog på kommunens nettsider",
                          "Ta i bruk velferdsteknologi i hjemmetjenesten",
                          "Styrke informasjonssikkerheten gjennom opplæring av alle ansatte"],
            ha=["IKT"], da=["SERV", "HJT", "NAV"], frist=date(2026, 12, 15)),
    Oppdrag(nr=5, tittel="Strategisk kompetanse og rekruttering",
            hovedinnhold=["Utarbeide strategisk kompetanseplan for 2026–2029",
                          "Rekruttere målrettet til sykepleier-, lærer- og "
                          "barnehagelærerstillinger",
                          "Samarbeide med videregående skole og høgskole om lærlinger og praksis"],
            ha=["HR"], da=["OPPV", "BARN", "LEGE"], frist=date(2026, 11, 30)),
    Oppdrag(nr=6, tittel="Heltidskultur og nærvær",
            hovedinnhold=["Innføre ny turnusmodell med flere hele stillinger",
                          "Følge opp sykefraværet tett sammen med NAV arbeidslivssenter",
                          "Redusere bruken av overtid og innleie"],
            ha=["HO"], da=["Alle ledere"], frist=date(2026, 12, 31)),
    Oppdrag(nr=7, tittel="Innbyggerdialog og medvirkning",
            hovedinnhold=["Lage en enkel veileder for medvirkning i planer og tjenester",
                          "Gjennomføre en innbyggerundersøkelse høsten 2026",
                          "Utarbeide frivillighetsstrategi sammen med lag og foreninger"],
            ha=["SERV"], da=["Leder KULT", "PLAN og FLY"], frist=date(2026, 11, 15)),
    Oppdrag(nr=8, tittel="Tjenestegjennomgang i oppvekst",
            hovedinnhold=["Utrede framtidig skole- og barnehagestruktur ut fra "
                          "befolkningsframskrivinger",
                          "Vurdere felles bruk av spesialpedagogiske ressurser",
                          "Legge fram sak for kommunestyret før budsjettbehandlingen"],
            ha=["OPPV"], da=["Enhetsledere FSK og NSK", "BARN"], frist=date(2026, 10, 1)),
    Oppdrag(nr=9, tittel="Vedlikehold & klimatilpasning",
            hovedinnhold=["Lage vedlikeholdsplan for kommunale bygg med prioriterte tiltak",
                          "Kartlegge overvann og flomfare i sentrum",
                          "Innarbeide tiltakene i investeringsbudsjettet for 2027"],
            ha=["SAMF"], da=["TLG"], frist=date(2026, 9, 15)),
]

# --- Kapitler -----------------------------------------------------------------------

# Own chapters (sheet «Kapitler»): at least one per document, with sub-chapters, bullets
# and sub-bullets, so a new user sees the text convention at work.
KAPITLER = [
    Kapittel(
        dokument=Dokument.OPPDRAGSBREV, plassering="etter prioriteringer", nivå=1,
        overskrift="Nærmere om grunnlaget for oppdragene",
        tekst="Oppdragene bygger på kommuneplanen, økonomiplanen og evalueringen i "
              "Kommunekompasset. Under står det viktigste grunnlaget for hvert tjenesteområde.\n\n"
              "Felles for alle områdene er at vi må løse mer med samme ramme:\n"
              "- færre yngre per eldre innbygger\n"
              "- høyere forventninger til digitale tjenester\n"
              "-- selvbetjening der det passer\n"
              "-- personlig kontakt der det trengs\n"
              "- krav om dokumentert internkontroll",
    ),
    Kapittel(
        dokument=Dokument.OPPDRAGSBREV, plassering="etter prioriteringer", nivå=2,
        overskrift="Oppvekst",
        tekst="Elevtallet i Fjellvik går ned i bygdene og opp i sentrum. Barnehagene har god "
              "dekning, men rekrutteringen av barnehagelærere er krevende.\n\n"
              "- Tidlig innsats og et godt læringsmiljø\n"
              "- Samarbeid mellom skole, helsestasjon og PPT\n"
              "  - felles tiltaksplan for barn som trenger ekstra støtte",
    ),
    Kapittel(
        dokument=Dokument.OPPDRAGSBREV, plassering="etter prioriteringer", nivå=2,
        overskrift="Helse og omsorg",
        tekst="Behovet for hjemmetjenester øker raskere enn budsjettet. Vi skal dreie innsatsen "
              "mot hverdagsmestring og velferdsteknologi.\n\n"
              "- Heltidskultur i turnusene\n"
              "- Digitalt tilsyn der brukeren ønsker det",
    ),
    Kapittel(
        dokument=Dokument.OPPDRAGSBREV, plassering="etter oppdrag", nivå=1, overskrift="Kompetanse",
        tekst="Hver enhet skal ha en oppdatert kompetanseplan innen 1. juni. Planen viser hvilken "
              "kompetanse enheten trenger de neste tre årene, og hvordan den skal skaffes.\n\n"
              "- Kartlegg kompetansen i enheten\n"
              "- Prioriter tiltak:\n"
              "-- videreutdanning\n"
              "-- intern opplæring og hospitering\n"
              "- Rapporter status i 2. tertial",
    ),
    Kapittel(
        dokument=Dokument.OPPDRAGSBREV, plassering="etter mål", nivå=1,
        overskrift="Ledelse og medarbeidere",
        tekst="Gode tjenester forutsetter tydelig ledelse og medarbeidere som blir sett. "
              "Lederplattformen beskriver hva vi forventer av ledere i Fjellvik kommune.\n\n"
              "- Medarbeidersamtale med alle minst én gang i året\n"
              "- Oppfølging av medarbeiderundersøkelsen i hver enhet",
    ),
    Kapittel(
        dokument=Dokument.LEDERAVTALE, plassering="etter lederstøtte", nivå=1,
        overskrift="Andre føringer og forventninger til ledere",
        tekst="I tillegg til ansvaret over forventer kommunedirektøren at lederen\n"
              "- er en tydelig og synlig leder for sine medarbeidere\n"
              "- deler informasjon og bidrar i ledernettverket\n"
              "-- deltar på ledersamlingene\n"
              "-- tar initiativ til samarbeid på tvers av enhetene\n"
              "- følger opp vedtatte planer og gir tidlig beskjed om avvik",
    ),
    Kapittel(
        dokument=Dokument.LEDERAVTALE, plassering="etter lederstøtte", nivå=2,
        overskrift="Om etisk standard",
        tekst="Lederen skal være et forbilde i etiske spørsmål og følge kommunens etiske "
              "retningslinjer.\n\n"
              "- Si fra om kritikkverdige forhold, og sørg for at medarbeidere trygt kan gjøre "
              "det samme\n"
              "- Registrer verv og interesser som kan gi inhabilitet",
    ),
    Kapittel(
        dokument=Dokument.TERTIALRAPPORT, plassering="etter innledning", nivå=1,
        overskrift="Viktige hendelser i perioden",
        tekst="Kort om det som har preget driften siden forrige rapport.\n\n"
              "- Flommen i Storelva i mai\n"
              "-- beredskapsrådet samlet i to døgn\n"
              "-- skader på kommunal vei for om lag 2 mill. kr\n"
              "- Ny avtale om legevakt med nabokommunene",
    ),
    Kapittel(
        dokument=Dokument.UTVIKLINGSSTRATEGI, plassering="etter visjon", nivå=1,
        overskrift="Om delstrategiene",
        tekst="Evalueringen pekte på noen få områder der innsatsen gir mest igjen. Hvert av dem "
              "har fått sin egen delstrategi med begrunnelse, suksesskriterier og "
              "hovedoppgaver.\n\n"
              "- Delstrategiene gjelder hele organisasjonen\n"
              "- De følges opp gjennom\n"
              "-- oppdragsbrevet\n"
              "-- lederavtalene\n"
              "-- tertialrapportene",
    ),
    Kapittel(
        dokument=Dokument.UTVIKLINGSSTRATEGI, plassering="etter visjon", nivå=2,
        overskrift="Slik leser du delstrategiene",
        tekst="Hver delstrategi forklarer først hvorfor den er valgt. Deretter kommer "
              "suksesskriteriene, og til slutt innholdet med hovedoppgavene.",
    ),
]

# A few milestones: under oppdrag 4 in the oppdragsbrev, one with a deadline in words, and
# a project's; the dated ones also go into the calendar (epost/ and kalender/).
MILEPÆLER = [
    Milepæl(oppdrag="4", nr=1, milepæl="Gevinstkart for tre digitaliseringsprosjekter",
            kriterium="Godkjent i KLG", dato=date(2026, 3, 31), status=Milepælstatus.NÅDD),
    Milepæl(oppdrag="4", nr=2, milepæl="Første gevinstrealisering rapportert",
            kriterium="Målt gevinst i 2. tertialrapport", dato="Innen 2. tertial",
            status=Milepælstatus.PÅGÅR),
    Milepæl(oppdrag="6", nr=1, milepæl="Heltidsplan for helse og omsorg vedtatt",
            kriterium="Vedtak i kommunestyret", dato=date(2026, 6, 18)),
    Milepæl(oppdrag="Nytt sak/arkiv-system", nr=1, milepæl="Systemet tatt i bruk",
            kriterium="Alle enheter arkiverer i det nye systemet", dato=date(2026, 10, 1)),
]

