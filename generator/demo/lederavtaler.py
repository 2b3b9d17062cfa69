"""Demo data for lederavtaler.xlsx: the leaders, their lederavtaler and their bidrag.

The leaders' e-mail addresses are made from their names, and the bidrag rows from the oppdrag
each leader has HA or DA for (:func:`bidrag`), with the texts below.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from ..documents.common import slug
from ..model.domain import Bidrag, Leder, Lederavtale, Ledernivå
from ..model.styringsdata import Styringsdata
from .styring import KOMMUNEDIREKTØR


def demo_epost(navn: str) -> str:
    """A fictional address at the demo's own domain: «Sunná Čuđe Ravna» →
    sunna.cude.ravna@fjellvik.kommune.no."""
    return slug(navn).replace("-", ".") + "@fjellvik.kommune.no"


def _med_epost(ledere: list[Leder]) -> list[Leder]:
    """The leaders, each with the address :func:`demo_epost` makes from the name."""
    return [dataclasses.replace(ld, epost=demo_epost(ld.navn)) for ld in ledere]


# Leader levels (column «Ledernivå») give the built-in groups «Kommunalsjefer» …
LEDERE = _med_epost([
    Leder(id="L01", navn=KOMMUNEDIREKTØR, stilling="Kommunedirektør", enhet="KD",
          nivå=Ledernivå.KOMMUNEDIREKTØR),
    Leder(id="L02", navn="Trond Hjelmeland", stilling="Kommunalsjef oppvekst", enhet="OPPV",
          overordnet="L01", nivå=Ledernivå.KOMMUNALSJEF),
    Leder(id="L03", navn="Sunná Čuđe Ravna", stilling="Kommunalsjef helse og omsorg", enhet="HO",
          overordnet="L01", nivå=Ledernivå.KOMMUNALSJEF),
    Leder(id="L04", navn="Jon Ivvár Sávŋa", stilling="Kommunalsjef samfunnsutvikling", enhet="SAMF",
          overordnet="L01", nivå=Ledernivå.KOMMUNALSJEF),
    Leder(id="L05", navn="Kristin Løvås", stilling="Økonomisjef", enhet="ØKO", overordnet="L01",
          nivå=Ledernivå.STABSLEDER),
    Leder(id="L06", navn="Áile Biŧŧi", stilling="HR-sjef", enhet="HR", overordnet="L01",
          nivå=Ledernivå.STABSLEDER),
    Leder(id="L07", navn="Martin Ødegård Nilsen", stilling="Digitaliseringsleder", enhet="IKT",
          overordnet="L01", nivå=Ledernivå.STABSLEDER),
    Leder(id="L08", navn="Ovllá Šuolja", stilling="Leder servicetorg og politisk sekretariat",
          enhet="SERV", overordnet="L01", nivå=Ledernivå.STABSLEDER),
    Leder(id="L09", navn="Guro Bakkevold", stilling="Rektor", enhet="FSK", overordnet="L02",
          nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L10", navn="Máhtte Gažža Žuolla", stilling="Rektor", enhet="NSK", overordnet="L02",
          nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L11", navn="Hilde Sørensen", stilling="Enhetsleder barnehager", enhet="BARN",
          overordnet="L02", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L12", navn="Elle Márjá Đavvi", stilling="Barnevernleder", enhet="BVT",
          overordnet="L02", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L13", navn="Lena Kristiansen", stilling="Enhetsleder voksenopplæring og integrering",
          enhet="FLY", overordnet="L02", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L14", navn="Berit Anne Čoavčča", stilling="Enhetsleder sykehjem", enhet="SHJ",
          overordnet="L03", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L15", navn="Per Olav Strand", stilling="Enhetsleder hjemmetjenesten", enhet="HJT",
          overordnet="L03", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L16", navn="Inga Mággá Muššá", stilling="Enhetsleder helse og familie", enhet="HELSE",
          overordnet="L03", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L17", navn="Sigrun Haugland", stilling="Enhetsleder bo- og aktivitetstjenester",
          enhet="BOA", overordnet="L03", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L18", navn="Niillas Gávppi", stilling="Kommuneoverlege og leder legekontoret",
          enhet="LEGE", overordnet="L03", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L19", navn="Rune Pettersen", stilling="NAV-leder", enhet="NAV", overordnet="L03",
          nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L20", navn="Espen Myrvoll", stilling="Enhetsleder drift & vedlikehold", enhet="TEK",
          overordnet="L04", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L21", navn="Ánte Ŋuvddat", stilling="Enhetsleder vann og avløp", enhet="VA",
          overordnet="L04", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L22", navn="Tove Lien", stilling="Eiendomssjef", enhet="EIE", overordnet="L04",
          nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L23", navn="Heidi Márjá Kuoljok", stilling="Plan- og næringssjef", enhet="PLAN",
          overordnet="L04", nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L24", navn="Aslak Šimmá Balto", stilling="Kultursjef", enhet="KULT", overordnet="L04",
          nivå=Ledernivå.ENHETSLEDER),
    Leder(id="L25", navn="Geir Andreassen", stilling="Brannsjef", enhet="BRANN", overordnet="L04",
          nivå=Ledernivå.ENHETSLEDER),
])

LEDERAVTALER = [
    Lederavtale(
        leder_id="L02",
        viktigste_bidrag="Lede tjenestegjennomgangen i oppvekst slik at kommunestyret får et godt "
                         "grunnlag for å vedta framtidig struktur.",
        forsterke_1="Tydelig retning – viktig når strukturspørsmålet skaper uro blant ansatte og "
                    "foreldre.",
        forsterke_2="Samhandling på tvers – tidlig innsats krever tett samarbeid med helse og NAV.",
        forbedre="Delegering – for mye av det operative ligger fortsatt hos kommunalsjefen.",
        utviklingsmål=["Gi rektorer og styrere større handlingsrom i egne budsjetter",
                       "Bruke mer tid på strategisk arbeid og mindre i driftsmøter"],
        tiltak=["Én-til-én-samtale med hver enhetsleder månedlig",
                "Mentor fra nabokommune gjennom KS-nettverket"],
        personal="Stabilt lederlag; to rektorer går av med pensjon i 2027.",
        økonomi="Balanse i 2025; stram ramme med synkende elevtall.",
        fag="Godt samarbeid om tidlig innsats; spesialundervisningen bør evalueres.",
        dato=date(2026, 1, 22), skjermet=True,
    ),
    Lederavtale(
        leder_id="L03",
        viktigste_bidrag="Få helse og omsorg i økonomisk balanse uten å svekke forsvarligheten i "
                         "tjenestene.",
        forsterke_1="Mot til å prioritere – krevende valg må tas tidlig og begrunnes godt.",
        forsterke_2="Tillit og delegering – enhetslederne kjenner tjenestene best.",
        forbedre="Kommunikasjon – beslutninger må forklares bedre til ansatte og tillitsvalgte.",
        utviklingsmål=["Forklare bakgrunnen for prioriteringer i alle personalmøter jeg deltar i",
                       "Be om tilbakemelding fra tillitsvalgte på egen kommunikasjon hvert "
                       "kvartal"],
        tiltak=["Fast plass på personalmøtene i alle enheter to ganger i året",
                "Kurs i endringskommunikasjon våren 2026"],
        personal="Høyt sykefravær i turnus; rekruttering av sykepleiere er kritisk.",
        økonomi="Merforbruk på ressurskrevende tjenester; tiltaksplan i juni.",
        fag="Ny kommunedelplan for helse og omsorg følges opp.", dato=date(2026, 1, 27),
        skjermet=True,
    ),
    Lederavtale(
        leder_id="L04",
        viktigste_bidrag="Samordne vedlikehold, klimatilpasning og arealplanlegging slik at "
                         "investeringene prioriteres ut fra risiko.",
        forsterke_1="Helhetsforståelse – området spenner fra brann til kultur.",
        forsterke_2="Samhandling på tvers – klimatilpasning krever at plan, VA og eiendom jobber "
                    "sammen.",
        forbedre="Tilbakemelding – enhetslederne ønsker tydeligere tilbakemelding på resultater.",
        utviklingsmål=["Gi hver enhetsleder en skriftlig tilbakemelding hvert tertial",
                       "Lære å lede gjennom andre i større grad"],
        tiltak=["Faste tertialsamtaler med hver enhetsleder",
                "Lederveiledning med ekstern coach fire ganger"],
        personal="Få nyansatte; behov for ingeniørkompetanse i VA.",
        økonomi="Vedlikeholdsetterslep må synliggjøres i budsjettet.",
        fag="Vedlikeholdsplan og overvannskartlegging er høyest prioritert.",
        dato=date(2026, 1, 29), skjermet=True,
    ),
    Lederavtale(
        leder_id="L05",
        viktigste_bidrag="Innføre felles målstruktur og enklere månedsrapportering for alle "
                         "ledere.",
        forsterke_1="Helhetsforståelse – økonomien må ses i sammenheng med tjenestene.",
        forsterke_2="Tydelig retning – lederne trenger klare frister og maler.",
        forbedre="Involvering – rapportene lages ofte uten innspill fra brukerne av dem.",
        utviklingsmål=["Teste nye rapportmaler med tre enhetsledere før de tas i bruk",
                       "Holde en brukerevaluering av rapporteringen etter 2. tertial"],
        tiltak=["Arbeidsgruppe med enhetsledere fra hvert tjenesteområde",
                "Kort spørreundersøkelse til alle ledere i september"],
        personal="Liten stab; sårbar ved fravær.",
        økonomi="God kontroll; prognosene må bli mer presise.",
        fag="Ny målstruktur og bedre analyse av KOSTRA-tall.", dato=date(2026, 1, 20),
        skjermet=False,
    ),
    Lederavtale(
        leder_id="L06",
        viktigste_bidrag="Lede arbeidet med kompetanseplan og heltidskultur sammen med "
                         "tjenesteområdene.",
        forsterke_1="Involvering – tillitsvalgte og verneombud må være med fra start.",
        forsterke_2="Tillit og delegering – lederne skal eie nærværsarbeidet selv.",
        forbedre="Mot til å prioritere – HR tar på seg for mange små oppgaver.",
        utviklingsmål=["Si nei til oppgaver som hører hjemme i linjen",
                       "Avsette én dag i uken til strategisk HR-arbeid"],
        tiltak=["Oppgaveoversikt gjennomgås med kommunedirektøren hver måned",
                "Fast strategidag i kalenderen"],
        personal="Ny rådgiver ansatt; godt samarbeid med HTV.", økonomi="Innenfor rammen.",
        fag="Kompetanseplan og nytt HR-system er prioritert.", dato=date(2026, 2, 3), skjermet=True,
    ),
    Lederavtale(
        leder_id="L07",
        viktigste_bidrag="Bygge opp porteføljestyring med gevinstkart for alle "
                         "digitaliseringsprosjekter.",
        forsterke_1="Brukerorientering – løsningene må bygges med brukerne, ikke for dem.",
        forsterke_2="Endringsledelse – digitalisering endrer arbeidshverdagen for mange.",
        forbedre="Kommunikasjon – fagspråket gjør det vanskelig for andre å henge med.",
        utviklingsmål=["Forklare prosjektene uten teknisk sjargong",
                       "Presentere gevinster med tall som lederne kjenner igjen"],
        tiltak=["Klarspråkkurs høsten 2026", "Månedlig kort nyhetsbrev om digitalisering"],
        personal="To nye IKT-lærlinger; god stabilitet.",
        økonomi="Lisenskostnadene øker mer enn forventet.",
        fag="Informasjonssikkerhet og velferdsteknologi.", dato=date(2026, 2, 5), skjermet=True,
    ),
    Lederavtale(
        leder_id="L08",
        viktigste_bidrag="Gjøre servicetorget til en enkel inngang til kommunen og lede arbeidet "
                         "med innbyggerdialog.",
        forsterke_1="Brukerorientering – servicetorget er kommunens ansikt utad.",
        forsterke_2="Samhandling på tvers – henvendelser må løses uten at innbyggeren blir sendt "
                    "rundt.", forbedre="Struktur – for mange oppgaver løses ad hoc.",
        utviklingsmål=["Innføre faste rutiner for de ti vanligste henvendelsene",
                       "Lage en plan for egen tidsbruk hver uke"],
        tiltak=["Prosesskartlegging med hjelp fra IKT",
                "Ukentlig planleggingsmøte i servicetorget"],
        personal="Lite sykefravær; god stemning.", økonomi="Porto og trykking bør reduseres.",
        fag="Medvirkningsveileder og innbyggerundersøkelse.", dato=date(2026, 2, 9), skjermet=False,
    ),
    Lederavtale(
        leder_id="L09",
        viktigste_bidrag="Bidra med kunnskap og erfaring fra Fjellvik skole i "
                         "tjenestegjennomgangen.",
        forsterke_1="Tydelig retning – lærerne trenger trygghet i en usikker periode.",
        forsterke_2="Tilbakemelding og anerkjennelse – god praksis skal synes.",
        forbedre="Delegering – teamlederne kan få mer ansvar.",
        utviklingsmål=["Gi teamlederne ansvar for egne budsjettposter",
                       "Gjennomføre klasseromsbesøk hos alle lærere i løpet av året"],
        tiltak=["Opplæring av teamledere i økonomi", "Plan for klasseromsbesøk i skolens årshjul"],
        personal="Lavt sykefravær; to lærere mangler godkjent utdanning.",
        økonomi="Balanse; vikarutgifter må følges.",
        fag="Lesing på mellomtrinnet er satsingsområde.",
        høstsamtale="Teamlederne har fått budsjettansvar fra august; god erfaring så langt.",
        dato=date(2026, 2, 12), skjermet=True,
    ),
    Lederavtale(
        leder_id="L10",
        viktigste_bidrag="Belyse konsekvensene av endret skolestruktur for elevene i Nordbotn.",
        forsterke_1="Involvering – foreldrene må kjenne seg hørt.",
        forsterke_2="Samhandling på tvers – samarbeid med Fjellvik skole om fag og ressurser.",
        forbedre="Konflikthåndtering – uenighet i kollegiet må tas tidligere.",
        utviklingsmål=["Ta opp uenighet i kollegiet når den oppstår, ikke vente til den vokser",
                       "Lage en plan for dialog med foreldrene gjennom året"],
        tiltak=["Veiledning i konflikthåndtering fra HR",
                "Faste foreldremøter om strukturutredningen"],
        personal="Lite kollegium; sårbart ved fravær.",
        økonomi="Høy kostnad per elev; følges opp i utredningen.",
        fag="Godt læringsmiljø; trivselen er høy.", dato=date(2026, 2, 12), skjermet=True,
    ),
    Lederavtale(
        leder_id="L11",
        viktigste_bidrag="Rekruttere barnehagelærere og framskrive behovet for plasser.",
        forsterke_1="Tillit og delegering – pedagogiske ledere er nøkkelpersoner.",
        forsterke_2="Tilbakemelding og anerkjennelse – mange ansatte står i krevende hverdager.",
        forbedre="Tydelig retning – tre barnehager praktiserer rutiner ulikt.",
        utviklingsmål=["Samordne rutiner i de tre barnehagene",
                       "Bli tydeligere på felles forventninger"],
        tiltak=["Felles planleggingsdag for alle barnehagene", "Felles rutinehåndbok innen juni"],
        personal="Høyt sykefravær; flere dispensasjoner fra utdanningskravet.",
        økonomi="Innenfor rammen; foreldrebetaling lavere enn budsjettert.",
        fag="Språkarbeid og overganger til skole.", dato=date(2026, 2, 17), skjermet=True,
    ),
    Lederavtale(
        leder_id="L12",
        viktigste_bidrag="Sørge for at barnevernet holder lovpålagte frister og følger opp avvik.",
        forsterke_1="Faglig trygghet – saksbehandlerne står i krevende saker.",
        forsterke_2="Samhandling på tvers – skole og helsestasjon er viktige samarbeidspartnere.",
        forbedre="Prioritering – for mange saker er i gang samtidig.",
        utviklingsmål=["Innføre fristoversikt som gjennomgås hver uke",
                       "Prioritere undersøkelser før tiltak når kapasiteten er presset"],
        tiltak=["Ukentlig fristmøte", "Veiledning fra Bufetat om prioritering"],
        personal="Én ledig stilling; innleie ved behov.",
        økonomi="Merforbruk på tiltak utenfor hjemmet.",
        fag="Barnevernsreformen og tidlig innsats.", dato=date(2026, 2, 19), skjermet=True,
    ),
    Lederavtale(
        leder_id="L13",
        viktigste_bidrag="Sikre at innvandrere og flyktninger blir hørt i medvirkningsarbeidet.",
        forsterke_1="Brukerorientering – deltakerne må ha et tilbud som passer dem.",
        forsterke_2="Samhandling på tvers – NAV, skole og næringsliv må spille sammen.",
        forbedre="Struktur – rapporteringen er for lite systematisk.",
        utviklingsmål=["Innføre månedlig rapportering på deltakernes progresjon",
                       "Bruke data mer aktivt i planleggingen"],
        tiltak=["Rapportmal laget sammen med økonomi", "Kurs i bruk av fagsystemet"],
        personal="Engasjert personale; høy turnover blant tolker.",
        økonomi="Integreringstilskuddet går ned.",
        fag="Norskopplæring og kvalifisering til arbeid.", dato=date(2026, 2, 24), skjermet=True,
    ),
    Lederavtale(
        leder_id="L14",
        viktigste_bidrag="Prøve ut ny turnus med flere hele stillinger og redusere innleie.",
        forsterke_1="Tilstedeværelse – ansatte ønsker en synlig leder.",
        forsterke_2="Endringsledelse – ny turnus berører alle.",
        forbedre="Delegering – avdelingslederne må få mer ansvar.",
        utviklingsmål=["Være til stede på vaktskiftet i hver avdeling hver uke",
                       "Gi avdelingslederne ansvar for vaktplanleggingen"],
        tiltak=["Fast ukeplan med tid i avdelingene",
                "Opplæring av avdelingsledere i turnusplanlegging"],
        personal="Høyt sykefravær og mye overtid; rekruttering av sykepleiere.",
        økonomi="Innleie gir merforbruk.", fag="Demensomsorg og lindrende behandling.",
        høstsamtale="Ny turnus innført i august; overtiden går ned.", dato=date(2026, 1, 30),
        skjermet=True,
    ),
    Lederavtale(
        leder_id="L15",
        viktigste_bidrag="Ta i bruk velferdsteknologi og gi brukerne mer faste pleiere.",
        forsterke_1="Brukerorientering – kontinuitet betyr mye for brukerne.",
        forsterke_2="Innovasjon – velferdsteknologi kan frigjøre tid.",
        forbedre="Kommunikasjon – endringer må forankres bedre i personalgruppen.",
        utviklingsmål=["Involvere ansatte tidligere når arbeidsformer endres",
                       "Holde ukentlige korte informasjonsmøter"],
        tiltak=["Ressursgruppe for velferdsteknologi med ansatte", "Tavlemøte hver mandag"],
        personal="Mange deltidsstillinger; høyt sykefravær.",
        økonomi="Kjøring og bilhold koster mer enn budsjettert.",
        fag="Faste team og digitalt tilsyn.", dato=date(2026, 2, 2), skjermet=True,
    ),
    Lederavtale(
        leder_id="L16",
        viktigste_bidrag="Styrke tidlig innsats for familier i samarbeid med barnevern og skole.",
        forsterke_1="Samhandling på tvers – familier trenger helhetlige tjenester.",
        forsterke_2="Faglig utvikling – helsestasjonen skal bygge på ny kunnskap.",
        forbedre="Prioritering – for mange prosjekter på en gang.",
        utviklingsmål=["Velge ut to prosjekter og avslutte de øvrige",
                       "Planlegge eget arbeid mer langsiktig"],
        tiltak=["Prosjektgjennomgang med kommunalsjefen", "Årsplan for enheten"],
        personal="Stabil bemanning.", økonomi="Innenfor rammen.",
        fag="Skolehelsetjenesten og familieveiledning.", dato=date(2026, 2, 6), skjermet=True,
    ),
    Lederavtale(
        leder_id="L17",
        viktigste_bidrag="Redusere overtiden gjennom bedre planlegging av vakter.",
        forsterke_1="Tillit og delegering – erfarne miljøterapeuter kan ta mer ansvar.",
        forsterke_2="Faglig trygghet – krevende brukere gir belastning.",
        forbedre="Struktur – møtene er for mange og for lange.",
        utviklingsmål=["Halvere antall faste møter", "Innføre fast dagsorden med tidsramme"],
        tiltak=["Møtegjennomgang i ledergruppen", "Mal for møtereferat"],
        personal="Høyt sykefravær; flere med belastningsplager.",
        økonomi="Ressurskrevende tjenester gir merforbruk.",
        fag="Miljøterapi og brukermedvirkning.", dato=date(2026, 2, 10), skjermet=True,
    ),
    Lederavtale(
        leder_id="L18",
        viktigste_bidrag="Ta imot flere leger i spesialisering og sikre stabil legedekning.",
        forsterke_1="Faglig ledelse – legene trenger tydelige rammer.",
        forsterke_2="Samhandling på tvers – sykehjem og legevakt er avhengige av legekontoret.",
        forbedre="Administrativ ledelse – lite tid til personal og økonomi.",
        utviklingsmål=["Sette av én fast dag i uken til ledelse",
                       "Delegere mer til medisinsk koordinator"],
        tiltak=["Fast ledelsesdag i timeboken", "Ukentlig møte med medisinsk koordinator"],
        personal="Fem fastleger; én hjemmel ledig.",
        økonomi="Innenfor rammen; utgifter til vikarleger følges.",
        fag="Legevaktsamarbeid og smittevern.", dato=date(2026, 2, 13), skjermet=True,
    ),
    Lederavtale(
        leder_id="L19",
        viktigste_bidrag="Ta i bruk digital søknad om sosialhjelp og følge unge tett.",
        forsterke_1="Samhandling på tvers – unge trenger koordinerte tjenester.",
        forsterke_2="Brukerorientering – digitale løsninger må være enkle.",
        forbedre="Økonomistyring – prognosene for sosialhjelp må bli bedre.",
        utviklingsmål=["Lage månedlige prognoser for sosialhjelp",
                       "Analysere årsaker til økte utbetalinger"],
        tiltak=["Prognosemodell sammen med økonomi", "Kvartalsvis analyse til KLG"],
        personal="Lavt sykefravær; god kompetanse.", økonomi="Økte utbetalinger gir merforbruk.",
        fag="Ungdomsgarantien og kvalifiseringsprogrammet.",
        høstsamtale="Prognosemodellen er tatt i bruk; merforbruket er forklart for KLG.",
        dato=date(2026, 2, 16), skjermet=True,
    ),
    Lederavtale(
        leder_id="L20",
        viktigste_bidrag="Lage risikovurdering for drift og prioritere driftstiltak i "
                         "vedlikeholdsplanen.",
        forsterke_1="Tydelig retning – mange oppgaver konkurrerer.",
        forsterke_2="Tilbakemelding og anerkjennelse – uteavdelingen gjør mye som ikke blir sett.",
        forbedre="Skriftlighet – for lite blir dokumentert.",
        utviklingsmål=["Dokumentere vedlikehold i fagsystemet",
                       "Skrive korte rapporter til kommunalsjefen"],
        tiltak=["Opplæring i fagsystemet", "Mal for månedsrapport"],
        personal="Erfarne ansatte; flere går av med pensjon snart.",
        økonomi="Brøyting i vinter ga merforbruk.", fag="Vedlikehold av veier og uteområder.",
        dato=date(2026, 3, 3), skjermet=False,
    ),
    Lederavtale(
        leder_id="L21",
        viktigste_bidrag="Kartlegge overvann og kapasitet i ledningsnettet i sentrum.",
        forsterke_1="Faglig ledelse – VA krever høy kompetanse.",
        forsterke_2="Planlegging – investeringene må planlegges lenger fram.",
        forbedre="Kommunikasjon – innbyggerne får for lite informasjon ved brudd.",
        utviklingsmål=["Innføre varsling på SMS ved vannbrudd",
                       "Skrive en kort sak til nettsidene hver måned"],
        tiltak=["Avtale med servicetorget om varsling", "Publiseringsplan for VA-nytt"],
        personal="Få ansatte; vaktordning er sårbar.", økonomi="Gebyrene dekker kostnadene.",
        fag="Hovedplan for VA og overvannskartlegging.", dato=date(2026, 3, 5), skjermet=True,
    ),
    Lederavtale(
        leder_id="L22",
        viktigste_bidrag="Gjennomføre tilstandsvurdering av alle kommunale bygg.",
        forsterke_1="Helhetsforståelse – byggene påvirker alle tjenestene.",
        forsterke_2="Planlegging – langsiktig vedlikehold framfor brannslukking.",
        forbedre="Involvering – brukerne av byggene blir for lite spurt.",
        utviklingsmål=["Ha dialog med brukerne før vedlikeholdstiltak",
                       "Lage årlig byggmøte med enhetslederne"],
        tiltak=["Spørreskjema til enhetsledere", "Byggmøte hver høst"],
        personal="Stabilt personale.", økonomi="Energikostnadene er usikre.",
        fag="Omsorgsboliger og energisparing.", dato=date(2026, 3, 10), skjermet=True,
    ),
    Lederavtale(
        leder_id="L23",
        viktigste_bidrag="Bruke medvirkningsveilederen i planarbeidet og holde fristene i "
                         "byggesaker.",
        forsterke_1="Samhandling på tvers – næringsutvikling krever mange aktører.",
        forsterke_2="Brukerorientering – søkerne skal oppleve god veiledning.",
        forbedre="Delegering – for mange saker går via leder.",
        utviklingsmål=["Gi saksbehandlerne fullmakt i enkle saker", "Bruke mindre tid på kontroll"],
        tiltak=["Revidere intern delegering", "Stikkprøver i stedet for full kontroll"],
        personal="God kompetanse; én vakant stilling.",
        økonomi="Gebyrinntektene er høyere enn budsjettert.",
        fag="Kommuneplanens arealdel og næringsareal.", dato=date(2026, 3, 12), skjermet=True,
    ),
    Lederavtale(
        leder_id="L24",
        viktigste_bidrag="Involvere lag og foreninger i arbeidet med frivillighetsstrategien.",
        forsterke_1="Samhandling på tvers – kulturtilbudet bygger på frivillige.",
        forsterke_2="Innovasjon – nye måter å nå unge på.",
        forbedre="Struktur – søknader om tilskudd behandles uten faste frister.",
        utviklingsmål=["Innføre faste søknadsfrister for tilskudd",
                       "Lage årshjul for kulturenheten"],
        tiltak=["Tilskuddsrutine vedtas i kulturutvalget", "Årshjul på plass innen april"],
        personal="Små stillinger; mye kveldsarbeid.", økonomi="Innenfor rammen.",
        fag="Kulturskole, bibliotek og frivilligsentral.", dato=date(2026, 3, 17), skjermet=True,
    ),
    Lederavtale(
        leder_id="L25",
        viktigste_bidrag="Oppdatere beredskapsplanen for flom og skred.",
        forsterke_1="Tydelig retning – innsatsstyrken må vite hva som gjelder.",
        forsterke_2="Samhandling på tvers – beredskap berører hele kommunen.",
        forbedre="Planlegging – øvelser blir for ofte utsatt.",
        utviklingsmål=["Gjennomføre fire planlagte øvelser i året",
                       "Øve kriseledelsen sammen med KLG"],
        tiltak=["Øvelsesplan i årshjulet", "Felles øvelse med KLG i november"],
        personal="Deltidsmannskaper; rekruttering er krevende.", økonomi="Innenfor rammen.",
        fag="Forebyggende arbeid og tilsyn.", dato=date(2026, 3, 24), skjermet=False,
    ),
]

# --- Bidrag ------------------------------------------------------------------------

# Bidrag text per oppdrag: for the HA; for DA per unit; and BIDRAG_FELLES for a DA leader
# whose unit has no text of its own (one reached through a group).
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
    1: {"OPPV": "Omsette samfunnsdelens mål for barn og unge til tiltak i enhetenes planer.",
        "HO": ("Knytte tiltakene i helse og omsorg til kommunedelplanen og rapportere "
               "hvert tertial."),
        "SAMF": "Sørge for at areal- og næringstiltakene følges opp i enhetene."},
    2: {"KD": "Bruke målstrukturen aktivt i KLG og etterspørre styringsdata.",
        "IKT": "Levere dashbord for økonomi og nærvær fra fagsystemene."},
    3: {"BVT": "Gjennomføre ROS-analyse for barnevernet og følge opp fristavvik.",
        "SHJ": "Innføre ukentlig avviksgjennomgang i avdelingene.",
        "TEK": "Lage risikovurdering for drift av bygg, veier og maskiner."},
    4: {"SERV": "Gjøre nettsidene og servicetorget til en enkel digital inngang.",
        "HJT": "Teste og ta i bruk digitalt tilsyn og medisindispensere.",
        "NAV": "Ta i bruk digital søknad og dialog om økonomisk sosialhjelp."},
    5: {"OPPV": "Kartlegge kompetansebehovet i skolene og planlegge videreutdanning.",
        "BARN": "Rekruttere barnehagelærere og følge opp dispensasjoner.",
        "LEGE": "Ta imot flere leger i spesialisering og praksisstudenter."},
    6: {"HR": "Gi lederne verktøy og støtte i sykefraværsoppfølgingen.",
        "SHJ": "Prøve ut ny turnus med flere hele stillinger i to avdelinger.",
        "BOA": "Redusere overtid gjennom bedre planlegging av vakter."},
    7: {"KULT": "Involvere lag og foreninger i frivillighetsstrategien.",
        "PLAN": "Bruke medvirkningsveilederen i arbeidet med nye reguleringsplaner.",
        "FLY": "Sikre at innvandrere og flyktninger blir hørt i medvirkningen."},
    8: {"FSK": "Levere tall og vurderinger for Fjellvik skole og delta i prosjektgruppen.",
        "NSK": "Belyse konsekvensene for Nordbotn-elevene og skolemiljøet.",
        "BARN": "Framskrive behovet for barnehageplasser og vurdere struktur."},
    9: {"TEK": "Prioritere driftstiltak i vedlikeholdsplanen for veier og uteområder.",
        "VA": "Kartlegge overvann og kapasitet i ledningsnettet i sentrum.",
        "EIE": "Gjennomføre tilstandsvurdering av alle kommunale bygg."},
}
BIDRAG_FELLES = {
    1: "Omsette handlingsdelens tiltak til mål og tiltak i enhetens virksomhetsplan.",
    6: "Følge opp sykefraværet i egen enhet hver måned og redusere bruken av overtid.",
    9: "Vurdere beredskap og vedlikeholdsbehov for egne bygg og utstyr i planen.",
}


def bidrag(data: Styringsdata) -> list[Bidrag]:
    """One Bidrag per leader with a lederavtale and oppdrag the leader has HA or DA for."""
    out = []
    for leder in data.ledere:
        for o, rolle in data.oppdrag_for(leder):
            if rolle == "HA":
                tekst = BIDRAG_HA[o.nr]
            else:
                tekst = BIDRAG_DA[o.nr].get(leder.enhet) or BIDRAG_FELLES[o.nr]
            out.append(Bidrag(leder_id=leder.id, oppdrag_nr=o.nr, bidrag=tekst))
    return out
