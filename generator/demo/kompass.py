"""Demo data for kompass.xlsx: the Kommunekompasset evaluation and the utviklingsstrategi."""

from __future__ import annotations

from ..model.domain import Delstrategi, DelstrategiInnhold, KompassOmråde, KompassSpørsmål

# The four fokusområder take two areas each (area 1–2, 3–4, 5–6, 7–8).
KOMPASS = [
    KompassOmråde(nr=1, navn="Offentlighet og demokrati", poeng=49, snitt_nasjonalt=46,
                  snitt_gruppe=47, styrker=["God informasjon om politiske saker på nettsidene"],
                  utfordringer=["Lite bruk av innbyggerinnspill i budsjettarbeidet"],
                  svakheter=["Resultater fra tjenestene blir sjelden offentliggjort"],
                  fokusområde="Demokrati og samfunnsutvikling"),
    KompassOmråde(nr=2, navn="Samfunnsutvikling og samarbeid", poeng=57, snitt_nasjonalt=48,
                  snitt_gruppe=49,
                  styrker=["Tett samarbeid med næringslivet",
                           "Sterk frivillighet med god kommunal støtte"],
                  utfordringer=["Regionalt samarbeid er lite formalisert"],
                  svakheter=["Få evalueringer av samarbeidsavtalene"],
                  fokusområde="Demokrati og samfunnsutvikling"),
    KompassOmråde(nr=3, navn="Styring og kontroll", poeng=43, snitt_nasjonalt=47, snitt_gruppe=48,
                  styrker=["Ryddig budsjettprosess med god politisk forankring"],
                  utfordringer=["Målene i planene henger ikke godt sammen"],
                  svakheter=["Internkontrollen er lite risikobasert",
                             "Delegeringsreglementet er utdatert"],
                  fokusområde="Styring og økonomi"),
    KompassOmråde(nr=4, navn="Effektiv ressursbruk", poeng=53, snitt_nasjonalt=47, snitt_gruppe=48,
                  styrker=["Aktiv bruk av KOSTRA-sammenligninger", "Profesjonelle anskaffelser"],
                  utfordringer=["Gevinster fra digitalisering hentes sjelden ut"],
                  svakheter=["Ingen systematisk gevinstrealisering"],
                  fokusområde="Styring og økonomi"),
    KompassOmråde(nr=5, navn="Brukerorientering og service", poeng=40, snitt_nasjonalt=44,
                  snitt_gruppe=45, styrker=["Godt servicetorg med høy tilgjengelighet"],
                  utfordringer=["Brukerundersøkelser gjøres ujevnt mellom tjenestene"],
                  svakheter=["Mangler servicestandarder", "Lite digital selvbetjening"],
                  fokusområde="Tjenestekvalitet"),
    KompassOmråde(nr=6, navn="Kvalitetsutvikling og innovasjon", poeng=36, snitt_nasjonalt=42,
                  snitt_gruppe=43, styrker=["Flere gode lokale forbedringsprosjekter"],
                  utfordringer=["Erfaringer spres lite mellom enhetene"],
                  svakheter=["Ingen felles system for kvalitetsarbeid",
                             "Avvik brukes lite til læring"],
                  fokusområde="Tjenestekvalitet"),
    KompassOmråde(nr=7, navn="Arbeidsgiverpolitikk og arbeidsliv", poeng=54, snitt_nasjonalt=49,
                  snitt_gruppe=50,
                  styrker=["Godt samarbeid med tillitsvalgte og verneombud",
                           "Aktivt nærværsarbeid"],
                  utfordringer=["Rekruttering til helse og omsorg"],
                  svakheter=["Kompetanseplanen er ikke oppdatert"],
                  fokusområde="Organisasjonskvalitet"),
    KompassOmråde(nr=8, navn="Ledelse og medarbeiderskap", poeng=48, snitt_nasjonalt=47,
                  snitt_gruppe=46,
                  styrker=["Lederavtaler for alle ledere", "Felles lederplattform"],
                  utfordringer=["Lederutviklingen er lite systematisk"],
                  svakheter=["Få arenaer for medarbeiderskap"],
                  fokusområde="Organisasjonskvalitet"),
]

# Per area, maks_poeng sums to 100 and poeng to the area's poeng.
KOMPASS_SPØRSMÅL = [
    KompassSpørsmål(område_nr=1, spørsmål="Innbyggernes tilgang til informasjon", maks_poeng=30,
                    poeng=17),
    KompassSpørsmål(område_nr=1, spørsmål="Medvirkning i planarbeid og budsjett", maks_poeng=25,
                    poeng=13),
    KompassSpørsmål(område_nr=1, spørsmål="Opplæring og rolle for folkevalgte", maks_poeng=25,
                    poeng=12),
    KompassSpørsmål(område_nr=1, spørsmål="Åpenhet om resultater i tjenestene", maks_poeng=20,
                    poeng=7),
    KompassSpørsmål(område_nr=2, spørsmål="Samarbeid med næringslivet", maks_poeng=35, poeng=22),
    KompassSpørsmål(område_nr=2, spørsmål="Samarbeid med frivillige organisasjoner", maks_poeng=30,
                    poeng=19),
    KompassSpørsmål(område_nr=2, spørsmål="Regionalt og interkommunalt samarbeid", maks_poeng=35,
                    poeng=16),
    KompassSpørsmål(område_nr=3, spørsmål="Mål- og resultatstyring", maks_poeng=30, poeng=14),
    KompassSpørsmål(område_nr=3, spørsmål="Internkontroll og risikostyring", maks_poeng=30,
                    poeng=11),
    KompassSpørsmål(område_nr=3, spørsmål="Rapportering til politisk nivå", maks_poeng=20,
                    poeng=11),
    KompassSpørsmål(område_nr=3, spørsmål="Delegering og fullmakter", maks_poeng=20, poeng=7),
    KompassSpørsmål(område_nr=4, spørsmål="Sammenligning med andre kommuner", maks_poeng=35,
                    poeng=20),
    KompassSpørsmål(område_nr=4, spørsmål="Gevinstrealisering", maks_poeng=30, poeng=13),
    KompassSpørsmål(område_nr=4, spørsmål="Anskaffelser og konkurranse", maks_poeng=35, poeng=20),
    KompassSpørsmål(område_nr=5, spørsmål="Servicestandarder og serviceerklæringer", maks_poeng=25,
                    poeng=9),
    KompassSpørsmål(område_nr=5, spørsmål="Brukerundersøkelser og brukermedvirkning", maks_poeng=25,
                    poeng=10),
    KompassSpørsmål(område_nr=5, spørsmål="Klagehåndtering", maks_poeng=25, poeng=12),
    KompassSpørsmål(område_nr=5, spørsmål="Digital tilgjengelighet", maks_poeng=25, poeng=9),
    KompassSpørsmål(område_nr=6, spørsmål="Systematisk kvalitetsarbeid", maks_poeng=35, poeng=12),
    KompassSpørsmål(område_nr=6, spørsmål="Innovasjon og forbedringsarbeid", maks_poeng=35,
                    poeng=13),
    KompassSpørsmål(område_nr=6, spørsmål="Læring av avvik og hendelser", maks_poeng=30, poeng=11),
    KompassSpørsmål(område_nr=7, spørsmål="Arbeidsgiverstrategi", maks_poeng=25, poeng=15),
    KompassSpørsmål(område_nr=7, spørsmål="Kompetanseplanlegging", maks_poeng=25, poeng=12),
    KompassSpørsmål(område_nr=7, spørsmål="Heltid og rekruttering", maks_poeng=25, poeng=13),
    KompassSpørsmål(område_nr=7, spørsmål="HMS og nærvær", maks_poeng=25, poeng=14),
    KompassSpørsmål(område_nr=8, spørsmål="Lederutvikling", maks_poeng=35, poeng=18),
    KompassSpørsmål(område_nr=8, spørsmål="Medarbeiderdialog og medarbeiderskap", maks_poeng=35,
                    poeng=19),
    KompassSpørsmål(område_nr=8, spørsmål="Lederavtaler og oppfølging av ledere", maks_poeng=30,
                    poeng=11),
]

DELSTRATEGIER = [
    Delstrategi(
        nr=1, navn="Helhetlig styring",
        hvorfor="Kompasset viser at styring og kontroll og kvalitetsutvikling er våre svakeste "
                "områder. Målene i planene henger ikke godt nok sammen, og internkontrollen er "
                "mer preget av enkeltrutiner enn av risikovurderinger. Uten en rød tråd fra "
                "kommuneplan til enhet blir det vanskelig å prioritere og å vise kommunestyret "
                "hva innsatsen gir.",
        suksesskriterier=["Én felles målstruktur brukes i alle enheter og i tertialrapportene",
                          "Alle enheter har en oppdatert ROS-analyse og følger opp avvik",
                          "Ledelsens gjennomgang holdes i KLG to ganger i året"],
        organisering="Kommunedirektøren eier delstrategien, og økonomisjefen leder arbeidet. "
                     "Den kommunale ledergruppen (KLG) følger den opp hvert tertial og rapporterer "
                     "til kommunestyret i tertialrapporten.\n\nEnhetslederne har ansvaret for "
                     "risikovurderingene i egen enhet, med støtte fra et fast "
                     "internkontrollnettverk som møtes fire ganger i året.",
    ),
    Delstrategi(
        nr=2, navn="Kompetente ledere og medarbeidere",
        hvorfor="Vi skårer godt på arbeidsliv, men rekrutteringen til helse og omsorg er "
                "krevende, og lederutviklingen er lite systematisk. Vi trenger ledere som gir "
                "retning og medarbeidere som tar ansvar for fellesskapet, og vi må bli bedre på å "
                "beholde dem vi har.",
        suksesskriterier=["Strategisk kompetanseplan er vedtatt og følges opp årlig",
                          "Samlet sykefravær er under 7,0 prosent",
                          "Alle ledere har lederavtale og deltar i lederutvikling"],
        organisering="Personalsjefen eier delstrategien. Lederutviklingsprogrammet drives av "
                     "personal og organisasjon sammen med de tillitsvalgte og hovedverneombudet i "
                     "et eget partssammensatt utvalg, som rapporterer til AMU.",
    ),
    Delstrategi(
        nr=3, navn="Digital kommune",
        hvorfor="Innbyggerne forventer å kunne ordne det meste digitalt, og vi får færre hender i "
                "tjenestene. Kompasset viser at vi henter ut lite gevinst av digitaliseringen og "
                "har lite selvbetjening. Digitalisering skal derfor styres som en portefølje med "
                "tydelige gevinster.",
        suksesskriterier=["Minst 80 prosent av søknadene kommer inn digitalt",
                          "Alle digitaliseringsprosjekter har gevinstkart",
                          "Ingen alvorlige sikkerhetsbrudd i perioden"],
        organisering="Digitaliseringsrådet, ledet av IKT-leder, prioriterer porteføljen av "
                     "digitaliseringsprosjekter og melder gevinstene til KLG. Hvert prosjekt har "
                     "en eier i tjenesten og en gevinstansvarlig; IKT står for arkitektur og "
                     "sikkerhet.",
    ),
]

DELSTRATEGI_INNHOLD = [
    DelstrategiInnhold(delstrategi_nr=1, innhold="Målstruktur og rapportering",
                       hovedoppgaver=["Etablere felles målstruktur fra samfunnsdel til enhet",
                                      "Bruke BMS i virksomhetsplaner og tertialrapporter"]),
    DelstrategiInnhold(delstrategi_nr=1, innhold="Risikobasert internkontroll",
                       hovedoppgaver=["ROS-analyse i alle enheter hvert år",
                                      "Felles rutine for avvik og læring",
                                      "Ledelsens gjennomgang i KLG"]),
    DelstrategiInnhold(delstrategi_nr=1, innhold="Delegering og roller",
                       hovedoppgaver=["Revidere delegeringsreglementet",
                                      "Tydeliggjøre ansvar mellom kommunalsjef og enhetsleder"]),
    DelstrategiInnhold(delstrategi_nr=2, innhold="Lederutvikling",
                       hovedoppgaver=["Lederprogram for alle nye ledere",
                                      "Lederavtaler med høstsamtale for alle ledere",
                                      "Kollegaveiledning i ledergruppene"]),
    DelstrategiInnhold(delstrategi_nr=2, innhold="Kompetanse og rekruttering",
                       hovedoppgaver=["Strategisk kompetanseplan 2026–2029",
                                      "Samarbeid med skoler og høgskoler om lærlinger og praksis"]),
    DelstrategiInnhold(delstrategi_nr=2, innhold="Heltid og nærvær",
                       hovedoppgaver=["Ny turnusmodell med flere hele stillinger",
                                      "Systematisk oppfølging av sykefravær"]),
    DelstrategiInnhold(delstrategi_nr=2, innhold="Medarbeiderskap",
                       hovedoppgaver=["Medarbeidersamtaler med utviklingsplan",
                                      "Arenaer for medvirkning i alle enheter"]),
    DelstrategiInnhold(delstrategi_nr=3, innhold="Porteføljestyring og gevinster",
                       hovedoppgaver=["Prioritere prosjekter i en felles portefølje",
                                      "Gevinstkart og oppfølging for alle prosjekter"]),
    DelstrategiInnhold(delstrategi_nr=3, innhold="Digitale innbyggertjenester",
                       hovedoppgaver=["Selvbetjening på nettsidene",
                                      "Digital post og digitale skjemaer som hovedregel",
                                      "Tjenestedesign med brukerne"]),
    DelstrategiInnhold(delstrategi_nr=3, innhold="Informasjonssikkerhet",
                       hovedoppgaver=["Styringssystem for informasjonssikkerhet",
                                      "Årlig opplæring og øvelse for alle ansatte"]),
]
