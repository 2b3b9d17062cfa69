"""Rules that span sheets, written once for the Veiledning sheet and docs/arbeidsbok.md."""

from __future__ import annotations

from ..model.domain import Risikoskala, synonym_help

# An area's score may differ from the sum of its sub-questions by this much
# (Kompass reports round area scores to whole points; sub-questions may have halves).
KOMPASS_TOLERANCE = 0.5


def _thresholds() -> str:
    return "; ".join(f"{s.value}: gul fra {s.default_thresholds[0]}, rød fra "
                     f"{s.default_thresholds[1]}" for s in Risikoskala)


RULES: tuple[tuple[str, str], ...] = (
    ("Rekkefølge",
     "Tabellene i dokumentene følger radenes rekkefølge i arbeidsboken. Der arket har en "
     "nummerkolonne (Nr i Prioriteringer, Oppdrag, Kompass, Delstrategier og Rammeområder), "
     "sorteres det etter den; rader uten nummer kommer sist, i radrekkefølge. Økonomi følger "
     "rekkefølgen i arket Rammeområder og Nøkkeltall rekkefølgen i arket Enheter. Mål "
     "grupperes etter perspektiv i fast rekkefølge (samfunn, tjenester, medarbeidere, "
     "økonomi). Forkortelseslisten i oppdragsbrevet er alfabetisk. Oppdragene står etter Nr i "
     "alle dokumentene (oppdragsbrevet, lederavtalene og tertialrapporten), ikke etter frist. "
     "Milepælene står etter datoen de peker på: i oppdragsbrevet under oppdraget sitt, i "
     "tertialrapporten i én tabell."),
    ("Risikoskala",
     "«Risikoskala» i Innstillinger velger skalaen for S og K: "
     + ", ".join(s.value for s in Risikoskala) + " (standard 1–5). L/M/H kan også skrives "
     "Lav, Middels og Høy, med store eller små bokstaver, og regnes som 1, 2 og 3 i "
     "risikofaktoren RF = S × K. Tomme terskler gir skalaens standard (" + _thresholds()
     + "). Tersklene kan ikke være større enn skalaens største RF."),
    ("Tid og Når",
     "«Tid» i Årshjul kan skrives 12-15.45, 12.00–15.45, kl. 12–15.45, 9–11 eller 09:00-11:30, "
     "og står i dokumentet som «kl. 12.00–15.45». Den kan også være en del av dagen: "
     "«heldag», «formiddag», «ettermiddag» eller «kveld» (vises slik den er skrevet; i "
     "kalenderfilen blir møtet en heldagsavtale). «Når» er fri tekst (f.eks. «Januar/februar») "
     "som vises i stedet for måneden; da kan «Dato» stå tom."),
    ("Kommunekompasset",
     "Poengene for et område i arket Kompass må være lik summen av delspørsmålene i "
     f"Kompass-spørsmål (avvik på inntil {str(KOMPASS_TOLERANCE).replace('.', ',')} poeng "
     "godtas for avrunding). «Fokusområde» grupperer områdene og fylles ut for alle eller "
     "ingen. Normalområdet i Innstillinger viser hvor totalsummen ligger."),
    ("Kommunens egne ord",
     "Valgkolonnene godtar også vanlige bøyde, eldre og nynorske former: " + synonym_help()
     + " «Rådmann» kan også stå i HA/DA og betyr kommunedirektøren. Dokumentene viser "
     "perspektiv og status slik arbeidsboken skriver dem («Medarbeiderne», «Grønt»): den "
     "første skrivemåten brukes overalt, og en rad som skriver samme verdi annerledes, får "
     "én merknad. Nye arbeidsbøker advarer i nedtrekkslisten, men beholder ordet når du "
     "svarer Ja."),
    ("Egne ledernivåer",
     "Feltet «Egne ledernivåer» i arket Kommune har ett nivå per linje. Navnet alene "
     "(«Virksomhetsleder», «Assisterende kommunedirektør») er et eget nivå ved siden av de "
     "fem innebygde: det kan stå i kolonnen Ledernivå i arket Ledere, og i HA/DA, Ansvarlig "
     "og Grupper gir det gruppen («Virksomhetsledere» = alle med nivået) og rollen i en enhet "
     "(«Virksomhetsleder OO»), som de innebygde nivåene. Et eget nivå går foran "
     "synonymtabellen, så «Virksomhetsleder» er da ikke lenger enhetsleder. «Tjenesteleder = "
     "enhetsleder» er bare et annet navn på et innebygd nivå."),
    ("Frister",
     "«Frist» i Oppdrag og Risiko og «Dato» i Milepæler kan være en dato eller en kort tekst "
     "med en dato, måned, tertial, halvår eller årstid: «Senest 19. august», «Innen 2. "
     "tertial», «juni», «medio mars», «1. halvår», «årsskiftet». Teksten vises slik den er "
     "skrevet, og sorteres (milepælene) og kontrolleres mot dokumentåret etter datoen den "
     "peker på (en måned: siste dag i måneden; et tertial: 30. april, 31. august eller "
     "31. desember), så «Innen 2. tertial» står mellom 18. juni og 30. september."),
    ("Tall som blir dato",
     "Skriver du 1.5 i en tallcelle, gjør Excel det om til datoen 1. mai. Meldingen viser da "
     "datoen og hva du trolig mente; skriv tallet med komma (1,5) eller formater cellen som tall."),
)
