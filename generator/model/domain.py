"""The domain model: what the advisers' workbooks describe.

Each class is one row of a sheet (or, for key–value sheets, the whole sheet).
Its fields carry their column description (:class:`~generator.model.column.Col`),
so this module is the single source of truth for the workbook schema: the
reader, the validator, the blank-workbook writer and the «Veiledning» sheet
all derive from it through :mod:`generator.input.schema`.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, ClassVar

from .column import Col, Kind


class Perspektiv(enum.StrEnum):
    """The four perspectives of balansert målstyring."""

    SAMFUNN = "samfunn"
    TJENESTER = "tjenester"
    MEDARBEIDERE = "medarbeidere"
    ØKONOMI = "økonomi"


class Status(enum.StrEnum):
    """Traffic-light status used for goals, oppdrag and risks."""

    GRØNN = "grønn"
    GUL = "gul"
    RØD = "rød"


class Budsjettype(enum.StrEnum):
    DRIFT = "drift"
    INVESTERING = "investering"


class Størrelsesgruppe(enum.StrEnum):
    """Kommunekompasset compares a municipality with others of its size."""

    SMÅ = "under 5 000"
    MELLOMSTORE = "5 000–10 000"
    STORE = "over 10 000"


class Risikoskala(enum.StrEnum):
    """The scale sannsynlighet and konsekvens are given on (Innstillinger)."""

    FEM = "1–5"
    FIRE = "1–4"
    TRE = "1–3"
    LMH = "L/M/H"

    @property
    def levels(self) -> int:
        """How many steps the scale has (L/M/H counts as 1–3)."""
        return 3 if self is Risikoskala.LMH else int(self.value[-1])

    @property
    def letters(self) -> bool:
        return self is Risikoskala.LMH

    def label(self, level: int) -> str:
        """A level as the scale writes it: ``3`` on L/M/H is «H»."""
        return LMH_LABELS[level - 1] if self.letters else str(level)

    @property
    def default_thresholds(self) -> tuple[int, int]:
        """(gul fra, rød fra) when Innstillinger leaves them empty.

        L/M/H counts L = 1, M = 2, H = 3, so H × H = 9 is red and L × H = 3 yellow.
        """
        return {5: (5, 15), 4: (4, 9), 3: (3, 6)}[self.levels]


LMH_LABELS = ("L", "M", "H")
LMH_WORDS = {"l": 1, "lav": 1, "m": 2, "middels": 2, "h": 3, "høy": 3, "hoy": 3,
             "låg": 1, "høg": 3}  # and nynorsk


class Nivå(int):
    """A risk level (1, 2, …) that remembers the text typed in the cell («H», «høy», «3»).

    It behaves as its number (RF = S × K); ``typed`` lets the validator check it
    against the scale chosen in Innstillinger and quote what the adviser wrote.
    """

    typed: str

    def __new__(cls, value: int, typed: str | None = None) -> Nivå:
        obj = super().__new__(cls, value)
        obj.typed = str(value) if typed is None else typed
        return obj

    @property
    def is_letter(self) -> bool:
        return not self.typed.strip().isdigit()
class Ledernivå(enum.StrEnum):
    """A leader's level; each level gives a built-in group («Enhetsledere» …) for HA/DA."""

    KOMMUNEDIREKTØR = "kommunedirektør"
    KOMMUNALSJEF = "kommunalsjef"
    STABSLEDER = "stabsleder"
    ENHETSLEDER = "enhetsleder"
    AVDELINGSLEDER = "avdelingsleder"


@dataclass(frozen=True, slots=True)
class EgetNivå:
    """A leader level the municipality adds in the Kommune sheet («Virksomhetsleder»), beside
    the built-in ones: leaders may have it in Ledere, and it gives its group («Virksomhetsledere»)
    and roles («Virksomhetsleder OO») in HA/DA as a built-in level does.

    ``value`` is the name as compared (case and spaces ignored), as a :class:`Ledernivå`'s
    value; ``navn`` the name as the municipality wrote it."""

    value: str
    navn: str = field(compare=False)

    @classmethod
    def fra(cls, navn: str) -> EgetNivå:
        return cls(" ".join(navn.split()).casefold(), " ".join(navn.split()))

    def __str__(self) -> str:
        return self.value


AnyLedernivå = Ledernivå | EgetNivå
#: The right-hand side of «Navn = eget nivå» (the same as writing the name alone).
EGET_NIVÅ = ("eget nivå", "nytt nivå", "eget")
#: What a line without «=» must not hold to be an own level: a separator meant as «=».
_NOT_EQUALS = re.compile(r"\s[-–—]\s|:|->|→|=>")


class Risikostatus(enum.StrEnum):
    ÅPEN = "åpen"
    UNDER_ARBEID = "under arbeid"
    LUKKET = "lukket"


class Milepælstatus(enum.StrEnum):
    PLANLAGT = "planlagt"
    PÅGÅR = "pågår"
    NÅDD = "nådd"
    FORSINKET = "forsinket"


#: The municipality's words for a choice (inflected, older or nynorsk forms) → the value.
#: Compared ignoring case and repeated spaces; documented in the sheet guide.
SYNONYMER: dict[type[enum.Enum], dict[str, str]] = {
    Perspektiv: {
        "samfunnet": "samfunn", "samfunnsperspektivet": "samfunn",
        "samfunnsutvikling": "samfunn", "tjeneste": "tjenester", "tjenesten": "tjenester",
        "tjenestene": "tjenester", "brukere": "tjenester", "brukerne": "tjenester",
        "bruker": "tjenester", "medarbeider": "medarbeidere",
        "medarbeiderne": "medarbeidere", "ansatte": "medarbeidere",
        "de ansatte": "medarbeidere", "økonomien": "økonomi", "økonomisk": "økonomi"},
    Status: {"grønt": "grønn", "grøn": "grønn", "gult": "gul", "rødt": "rød", "raud": "rød",
             "raudt": "rød"},
    Ledernivå: {
        "rådmann": "kommunedirektør", "administrasjonssjef": "kommunedirektør",
        "assisterende kommunedirektør": "kommunalsjef",
        "ass. kommunedirektør": "kommunalsjef", "kommunalsjefer": "kommunalsjef",
        "sektorsjef": "kommunalsjef", "etatssjef": "kommunalsjef",
        "stabssjef": "stabsleder", "stabsledere": "stabsleder",
        "virksomhetsleder": "enhetsleder", "tjenesteleder": "enhetsleder",
        "enhetsledere": "enhetsleder", "seksjonsleder": "avdelingsleder",
        "avdelingsledere": "avdelingsleder"},
    Risikostatus: {"åpent": "åpen", "åpne": "åpen", "ny": "åpen", "pågår": "under arbeid",
                   "pågående": "under arbeid", "i arbeid": "under arbeid",
                   "lukka": "lukket", "avsluttet": "lukket", "ferdig": "lukket"},
    Milepælstatus: {"ikke startet": "planlagt", "i rute": "pågår", "i arbeid": "pågår",
                    "under arbeid": "pågår", "ferdig": "nådd", "fullført": "nådd",
                    "oppnådd": "nådd", "utsatt": "forsinket"},
    Budsjettype: {"driftsbudsjett": "drift", "investeringer": "investering",
                  "investeringsbudsjett": "investering"},
}


def _choice_word(tp: type[enum.Enum], text: str) -> str | None:
    """The value a typed word means: a value itself or a synonym (case and spaces ignored)."""
    t = " ".join(text.split()).casefold()
    for m in tp:
        if str(m.value).casefold() == t:
            return str(m.value)
    return SYNONYMER.get(tp, {}).get(t)


def eget_ledernivå(line: str) -> tuple[str, AnyLedernivå | None]:
    """One line of «Egne ledernivåer»: (the name, normalised; the level it is), the level None
    when the line is no level: «Navn = nivå» with an unknown nivå, a built-in level's own name
    («Enhetsleder», «Enhetsledere»), or a name with «:» or « – » where «=» was meant."""
    word, eq, level = line.partition("=")
    key = " ".join(word.split()).casefold()
    if not key or key in BUILT_IN_LEVEL_WORDS:
        return key, None
    if eq and " ".join(level.split()).casefold() not in EGET_NIVÅ:
        target = _choice_word(Ledernivå, level)
        return key, (Ledernivå(target) if target is not None else None)
    if not eq and _NOT_EQUALS.search(word):
        return key, None
    return key, EgetNivå.fra(word)


#: The built-in levels' names, singular and plural: no own level may take one.
BUILT_IN_LEVEL_WORDS = frozenset(
    w for v in Ledernivå
    for w in (v.value, v.value + ("er" if v.value.endswith(("sjef", "direktør")) else "e")))


def synonym_help() -> str:
    """The synonym table in words, for the sheet guide."""
    return " ".join(
        f"{tp.__name__}: " + ", ".join(f"«{k}» = {v}" for k, v in words.items()) + "."
        for tp, words in SYNONYMER.items())


MÅNEDER = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember")
_MÅNED = "(" + "|".join(MÅNEDER) + r")\.?"
_PREFIX = (r"^(?:(senest|innen|innan|før|per|pr\.?|ved|i løpet av|i|til|fra|medio|ultimo"
           r"|primo|utgangen av|slutten av|midten av|starten av|begynnelsen av)\s+)?")
_YEAR = r"(?:\s+(\d{4}))?$"
_SEASONS = {"våren": (5, 31), "sommeren": (6, 30), "høsten": (11, 30), "vinteren": (2, 28),
            "vår": (5, 31), "sommer": (6, 30), "høst": (11, 30), "vinter": (2, 28),
            "årsskiftet": (12, 31), "årsslutt": (12, 31), "året": (12, 31),
            "hele året": (12, 31)}
#: Deadlines that imply no date but are a real answer («Frist: løpende»), kept as written.
ONGOING = ("løpende", "fortløpende", "kontinuerlig", "kontinuerleg", "løpande", "fortløpande",
           "årlig", "årleg")


def frist_dato(frist: date | str | None, år: int) -> date | None:
    """The date a deadline implies: a date as it is; «Senest 19. august» → 19. august,
    «Innen 2. tertial» → 31. august, «juni» → 30. juni, «medio mars» → 15. mars,
    «1. halvår» → 30. juni, «årsskiftet» → 31. desember (in ``år`` unless a year is
    written). None when the text implies no date."""
    import calendar

    if frist is None or isinstance(frist, date):
        return frist
    text = " ".join(frist.split()).casefold().rstrip(".")
    m = re.match(_PREFIX + "(.*)$", text)
    prefix, rest = (m[1] or "", m[2]) if m else ("", text)
    while rest and (more := re.match(_PREFIX + "(.*)$", rest)) and more[1]:
        prefix, rest = more[1], more[2]  # «innen utgangen av september»: the last one counts
    try:
        if d := re.match(r"^(\d{1,2})/(\d{1,2})(?:[-./](\d{4}|\d{2}))?$", rest):  # «26/8-2027»
            year = (int(d[3]) + (2000 if len(d[3]) == 2 else 0)) if d[3] else år
            return date(year, int(d[2]), int(d[1]))
        if d := re.match(r"^(\d{4})$", rest):  # «i løpet av 2027»
            return date(int(d[1]), 12, 31)
        if d := re.match(r"^uke\s*(\d{1,2})" + _YEAR, rest):  # the Friday of the week
            return date.fromisocalendar(int(d[2] or år), int(d[1]), 5)
        if d := re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?$",
                         rest + ("" if rest.count(".") == 2 else ".")):
            year = int(d[3]) + (2000 if d[3] and len(d[3]) == 2 else 0) if d[3] else år
            return date(year, int(d[2]), int(d[1]))
        if d := re.match(r"^(\d{1,2})\.?\s*" + _MÅNED + _YEAR, rest):
            return date(int(d[3] or år), MÅNEDER.index(d[2]) + 1, int(d[1]))
        if d := re.match("^" + _MÅNED + _YEAR, rest):
            y, mo = int(d[2] or år), MÅNEDER.index(d[1]) + 1
            day = (1 if prefix in ("primo", "starten av", "begynnelsen av", "fra")
                   else 15 if prefix in ("medio", "midten av")
                   else calendar.monthrange(y, mo)[1])
            return date(y, mo, day)
        if d := re.match(r"^(?:([123])\.?\s*tertial|tertial\s*([123]))" + _YEAR, rest):
            return date(int(d[3] or år), *{1: (4, 30), 2: (8, 31), 3: (12, 31)}[
                int(d[1] or d[2])])
        if d := re.match(r"^([12])\.?\s*halvår" + _YEAR, rest):
            return date(int(d[2] or år), *{1: (6, 30), 2: (12, 31)}[int(d[1])])
        if d := re.match(r"^(?:([1-4])\.?\s*kvartal|q([1-4]))" + _YEAR, rest):
            q = int(d[1] or d[2])  # «3. kvartal» or «Q3», as advisers also write it
            y = int(d[3] or år)
            return date(y, q * 3, calendar.monthrange(y, q * 3)[1])
        if d := re.match("^(" + "|".join(_SEASONS) + ")" + _YEAR, rest):
            return date(int(d[2] or år), *_SEASONS[d[1]])
    except ValueError:
        return None
    return None


def frist_orden(frist: date | str | None, år: int) -> tuple[bool, date]:
    """A sort key for deadlines: by the date each implies (a text such as «Innen 2.
    tertial» among the dates), those that imply none last."""
    when = frist_dato(frist, år)
    return (when is None, when or date.min)


TERTIAL = Col("Tertial", "1 = per 30. april, 2 = per 31. august, 3 = årsslutt.", minimum=1,
              maximum=3, width=8)
SAKSNR = dict(pattern=r"^\d{4}/\d{1,7}$", pattern_help="på formen ÅÅÅÅ/løpenummer, f.eks. 2026/145")


# --- key–value sheets -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Kommune:
    """The municipality and the document year (sheet «Kommune»)."""

    navn: Annotated[str, Col("Kommunenavn", "Kommunens navn slik det skal stå i dokumentene.")]
    år: Annotated[int, Col("Dokumentår", "Året dokumentene gjelder for.", minimum=2000,
                           maximum=2100)]
    kommunedirektør: Annotated[str, Col("Kommunedirektør", "Fullt navn på kommunedirektøren.")]
    visjon: Annotated[str, Col("Visjon", "Kommunens visjon fra kommuneplanens samfunnsdel.")]
    sted: Annotated[str, Col("Sted", "Stedsnavn som brukes i «sted og dato» i avtalene.")]
    saksbehandler: Annotated[str, Col("Saksbehandler", "Navn på saksbehandler i arkivet.")]
    administrativ_enhet: Annotated[str, Col(
        "Administrativ enhet", "Enheten som eier dokumentene i arkivet (f.eks. Stab).")]
    målform: Annotated[str, Col(
        "Målform", "Språket dokumentene, e-postutkastene, kalenderen og filnavnene skrives på: "
        "bokmål eller nynorsk (også «nb»/«nn»). Et annet språk, f.eks. nordsamisk (se), "
        "krever språkfilen språk/se.po i mappen med arbeidsbøkene; skriv «se/nynorsk» for at "
        "tekster språkfilen mangler, skal stå på nynorsk.",
        aliases=("Mållform", "Språk", "Målform/språk"))] = "bokmål"
    parallelt_språk: Annotated[str | None, Col(
        "Parallelt språk", "Et språk til som dokumenttittelen og overskriftene i malene skal "
        "stå på, først og med skråstrek foran målformen: «Čoahkkáigeassu / Sammendrag». "
        "Nordsamisk (se) krever språkfilen språk/se.po i mappen med arbeidsbøkene; bare "
        "overskrifter den har, blir tospråklige. Tom = bare målformen.",
        aliases=("Parallellspråk", "Tospråklige overskrifter"))] = None
    dokumentdato: Annotated[date | None, Col(
        "Dokumentdato", "Datoen som står på dokumentene (tom = dagens dato).")] = None
    innbyggere: Annotated[int | None, Col("Innbyggere", "Antall innbyggere.", minimum=1)] = None
    størrelsesgruppe: Annotated[Størrelsesgruppe | None, Col(
        "Kompass-størrelsesgruppe", "Gruppen kommunen sammenlignes med i Kommunekompasset "
        "(tom = regnes ut fra innbyggertallet).")] = None
    saksnr_oppdragsbrev: Annotated[str | None, Col(
        "Saksnummer oppdragsbrev", "Arkivsak for oppdragsbrevet.", **SAKSNR)] = None
    saksnr_tertialrapport: Annotated[str | None, Col(
        "Saksnummer tertialrapport", "Arkivsak for tertialrapportene.", **SAKSNR)] = None
    saksnr_utviklingsstrategi: Annotated[str | None, Col(
        "Saksnummer utviklingsstrategi", "Arkivsak for utviklingsstrategien.", **SAKSNR)] = None
    saksnr_lederavtaler: Annotated[str | None, Col(
        "Saksnummer lederavtaler", "Arkivsak for lederavtalene.", **SAKSNR)] = None
    arkivdel: Annotated[str, Col(
        "Arkivdel", "Arkivdelen nye saksmapper legges i, slik arkivet kaller den (vanligvis "
        "SAK for saksarkivet). Spør arkivtjenesten hvis du er usikker.")] = "SAK"
    ordningsprinsipp: Annotated[str, Col(
        "Ordningsprinsipp", "Klassifikasjonssystemet i arkivet (klassifikasjonssystemID), f.eks. "
        "FE for funksjon og emne etter K-kodene.")] = "FE"
    ordningsverdi: Annotated[str, Col(
        "Ordningsverdi", "Klassen i arkivnøkkelen nye saksmapper klassifiseres med (klasseID), "
        "f.eks. 000 i K-kodene (organisasjon og administrasjon).")] = "000"
    logo: Annotated[str | None, Col(
        "Logo", "Filnavnet på kommunevåpenet eller logoen (PNG eller JPEG, høyst 5 MB og 4000 "
        "piksler på lengste side), i samme mappe som arbeidsbøkene eller med sti fra den "
        "mappen. Vises på forsiden og i toppteksten (tom = ingen logo).")] = None
    profilfarge: Annotated[str | None, Col(
        "Profilfarge", "Kommunens profilfarge som fargekode, f.eks. #1F4E79. Brukes i "
        "overskrifter, tabelloverskrifter og hovedserien i diagrammene; trafikklysfargene er "
        "de samme (tom = standard blå).", pattern=r"#?[0-9A-Fa-f]{6}",
        pattern_help="en fargekode med seks heksadesimale sifre, f.eks. #1F4E79")] = None
    skrift: Annotated[str | None, Col(
        "Skrift", "Skrifttypen for brødtekst og overskrifter, f.eks. Arial (tom = Calibri). "
        "Skriften må være installert på PC-en eller serveren som lager PDF-ene, ellers "
        "bytter LibreOffice den ut; velg en skrift som har de samiske bokstavene "
        "(á č đ ŋ š ŧ ž).")] = None


    egne_ledernivåer: Annotated[list[str], Col(
        "Egne ledernivåer", "Kommunens egne ledernivåer, ett per linje. Et eget nivå skrives "
        "med navnet alene, f.eks. «Virksomhetsleder» eller «Assisterende kommunedirektør»: "
        "det kan stå i kolonnen Ledernivå i arket Ledere, og gir gruppen «Virksomhetsledere» "
        "og rollen «Virksomhetsleder OO» i HA/DA, som de innebygde nivåene. Et annet navn på "
        "et innebygd nivå skrives «Tjenesteleder = enhetsleder» (kommunedirektør, "
        "kommunalsjef, stabsleder, enhetsleder eller avdelingsleder).",
        width=40)] = field(default_factory=list)

    @property
    def ledernivåord(self) -> dict[str, AnyLedernivå]:
        """The own level names (normalised) → the level they mean (a built-in one, or the
        municipality's own); bad lines left out (the validator names them)."""
        out: dict[str, AnyLedernivå] = {}
        for line in self.egne_ledernivåer:
            word, level = eget_ledernivå(line)
            if level is not None:
                out[word] = level
        return out

    @property
    def kompassgruppe(self) -> Størrelsesgruppe | None:
        """The Kompass size group, given or derived from the number of inhabitants."""
        if self.størrelsesgruppe or self.innbyggere is None:
            return self.størrelsesgruppe
        if self.innbyggere < 5000:
            return Størrelsesgruppe.SMÅ
        return Størrelsesgruppe.MELLOMSTORE if self.innbyggere <= 10000 else Størrelsesgruppe.STORE


class Epostvedlegg(enum.StrEnum):
    """What an e-mail draft attaches (Innstillinger «E-postvedlegg»)."""

    DOCX = "docx"
    PDF = "pdf"


EPOST_PATTERN = (r"[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*"
                 r"[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
#: The placeholders the e-mail texts in Tekster may use (see generator/model/eposttekster.py).
EPOST_FELT_LEDERAVTALE = ("{navn} (lederen), {stilling}, {enhet}, {overordnet} (nærmeste "
                          "overordnede), {år}, {kommune}, {kommunedirektør}, {tittel} "
                          "(dokumentets tittel) og {vedlegg} (vedleggets filnavn)")
EPOST_FELT_OPPDRAGSBREV = ("{år}, {kommune}, {kommunedirektør}, {tittel} (dokumentets tittel) "
                           "og {vedlegg} (vedleggets filnavn)")


@dataclass(frozen=True, slots=True)
class Innstillinger:
    """Thresholds and targets the documents are judged against (sheet «Innstillinger»)."""

    avvik_terskel: Annotated[float, Col(
        "Avviksterskel økonomi (%)", "Avvik fra budsjett større enn dette (i prosent) markeres.",
        kind=Kind.PERCENT, minimum=0, maximum=100)] = 5.0
    risiko_gul_fra: Annotated[int | None, Col(
        "Risiko gul fra RF", "Risikofaktor (S × K) fra og med denne verdien er gul (tom = "
        "standard for skalaen: 1–5 gir 5, 1–4 gir 4, 1–3 og L/M/H gir 3).",
        minimum=1, maximum=25)] = None
    risiko_rød_fra: Annotated[int | None, Col(
        "Risiko rød fra RF", "Risikofaktor (S × K) fra og med denne verdien er rød (tom = "
        "standard for skalaen: 1–5 gir 15, 1–4 gir 9, 1–3 og L/M/H gir 6).",
        minimum=1, maximum=25)] = None
    sykefravær_mål: Annotated[float, Col(
        "Mål sykefravær (%)", "Kommunens mål for sykefravær, brukes i tertialrapporten.",
        kind=Kind.PERCENT, minimum=0, maximum=100)] = 7.0
    kompass_år: Annotated[int | None, Col(
        "Kompass evalueringsår", "Året evalueringen i Kommunekompasset ble gjort.",
        minimum=2000, maximum=2100)] = None
    strategi_periode: Annotated[str | None, Col(
        "Strategiperiode", "Perioden utviklingsstrategien gjelder, f.eks. 2026–2028.")] = None
    risikoskala: Annotated[Risikoskala, Col(
        "Risikoskala", "Skalaen for sannsynlighet og konsekvens i arket Risiko. L/M/H regnes "
        "som 1, 2 og 3 i risikofaktoren, og kan også skrives Lav, Middels og Høy.")] = (
        Risikoskala.FEM)
    normalområde_fra: Annotated[float | None, Col(
        "Kompass normalområde fra", "Nedre grense for normalområdet for totalsummen i "
        "Kommunekompasset (poeng), f.eks. 360.", minimum=0)] = None
    normalområde_til: Annotated[float | None, Col(
        "Kompass normalområde til", "Øvre grense for normalområdet for totalsummen (poeng), "
        "f.eks. 380.", minimum=0)] = None
    malmappe: Annotated[str | None, Col(
        "Malmappe", "Mappen med kommunens egne Word-maler (tom = produktets maler). En relativ "
        "sti regnes fra mappen arbeidsbøkene ligger i, f.eks. «maler». «styring build "
        "--templates MAPPE» går foran.")] = None
    epost_vedlegg: Annotated[Epostvedlegg, Col(
        "E-postvedlegg", "Hva e-postutkastene i epost/ har som vedlegg: docx = Word-filen (til "
        "signering), pdf = PDF/A-filen med signaturfelt. Er pdf valgt og PDF ikke laget, får "
        "utkastet Word-filen og en merknad.")] = Epostvedlegg.DOCX

    @property
    def risikoterskler(self) -> tuple[int, int]:
        """(gul fra, rød fra): as given, or the scale's defaults for what is empty."""
        gul, rød = self.risikoskala.default_thresholds
        return (gul if self.risiko_gul_fra is None else self.risiko_gul_fra,
                rød if self.risiko_rød_fra is None else self.risiko_rød_fra)


@dataclass(frozen=True, slots=True)
class Tekster:
    """The free text blocks of the documents (sheet «Tekster»).

    Blank lines split a text into paragraphs.
    """

    sammendrag: Annotated[str, Col("Oppdragsbrev: sammendrag", "Kort sammendrag først i brevet.")]
    forord: Annotated[str, Col("Oppdragsbrev: forord", "Kommunedirektørens forord.")]
    virksomhetsstyring: Annotated[str, Col(
        "Oppdragsbrev: virksomhetsstyring", "Om plansystem, internkontroll og økonomistyring.")]
    om_lederavtaler: Annotated[str, Col(
        "Oppdragsbrev: om lederavtaler", "Hvordan lederavtalene brukes.")]
    politiske_vedtak: Annotated[str | None, Col(
        "Oppdragsbrev: politiske vedtak", "Oppfølging av politiske vedtak.")] = None
    strategi_forord: Annotated[str | None, Col(
        "Utviklingsstrategi: forord", "Forord til utviklingsstrategien.")] = None
    strategi_innledning: Annotated[str | None, Col(
        "Utviklingsstrategi: innledning", "Bakgrunn for strategien.")] = None
    strategi_metode: Annotated[str | None, Col(
        "Utviklingsstrategi: metode", "Om Kommunekompasset og evalueringen.")] = None
    strategi_oppfølging: Annotated[str | None, Col(
        "Utviklingsstrategi: oppfølging", "Hvordan strategien følges opp.")] = None
    # The lederavtale's standard texts (also in the oppdragsbrev's appendix); empty = the
    # product's wording in generator/standardtekster.py.
    lederavtale_innledning: Annotated[str | None, Col(
        "Lederavtale: innledning", "Innledningen på første side av lederavtalen (tom = "
        "standardteksten). Tom linje gir nytt avsnitt.")] = None
    lederavtale_struktur: Annotated[str | None, Col(
        "Lederavtale: struktur og oppfølging", "Teksten i del 1 «Struktur og oppfølging» "
        "(tom = standardteksten). Tom linje gir nytt avsnitt.")] = None
    lederavtale_ansvar: Annotated[list[str], Col(
        "Lederavtale: lederens ansvar", "Punktene i del 2 «Lederens myndighet og ansvar», "
        "ett per linje (tom = standardpunktene).")] = field(default_factory=list)
    lederavtale_lederstøtte: Annotated[list[str], Col(
        "Lederavtale: lederstøtte", "Punktene i del 3 «Lederstøtte», ett per linje (tom = "
        "standardpunktene).")] = field(default_factory=list)
    lederavtale_høstspørsmål: Annotated[list[str], Col(
        "Lederavtale: spørsmål om høsten", "Spørsmålene til hjelp i oppfølgingssamtalen om "
        "høsten, ett per linje (tom = standardspørsmålene).")] = field(default_factory=list)
    # The e-mail drafts in epost/ (empty = the wording in generator/model/eposttekster.py).
    epost_lederavtale_emne: Annotated[str | None, Col(
        "E-post lederavtale: emne", "Emnefeltet i e-postutkastet med lederavtalen (tom = "
        "«Lederavtale {år} – {navn}»). Plassholdere: " + EPOST_FELT_LEDERAVTALE + "; {{ og }} "
        "gir krøllparenteser.")] = None
    epost_lederavtale_tekst: Annotated[str | None, Col(
        "E-post lederavtale: tekst", "Teksten i e-postutkastet med lederavtalen (tom = "
        "standardteksten). Plassholdere: " + EPOST_FELT_LEDERAVTALE + ".")] = None
    epost_oppdragsbrev_emne: Annotated[str | None, Col(
        "E-post oppdragsbrev: emne", "Emnefeltet i e-postutkastet med oppdragsbrevet til alle "
        "ledere (tom = «Kommunedirektørens oppdragsbrev {år}»). Plassholdere: "
        + EPOST_FELT_OPPDRAGSBREV + ".")] = None
    epost_oppdragsbrev_tekst: Annotated[str | None, Col(
        "E-post oppdragsbrev: tekst", "Teksten i e-postutkastet med oppdragsbrevet (tom = "
        "standardteksten). Plassholdere: " + EPOST_FELT_OPPDRAGSBREV + ".")] = None


# --- table sheets -----------------------------------------------------------


class Dokument(enum.StrEnum):
    """The four document kinds, as the adviser names them in the sheet «Kapitler»."""

    OPPDRAGSBREV = "oppdragsbrev"
    LEDERAVTALE = "lederavtale"
    TERTIALRAPPORT = "tertialrapport"
    UTVIKLINGSSTRATEGI = "utviklingsstrategi"


# Where an own chapter may stand: after which standard section (the whole section, with its
# sub-sections). Stable keys, shown in Veiledning; «først» is before the first heading.
PLASSERINGER: dict[Dokument, dict[str, str]] = {
    Dokument.OPPDRAGSBREV: {
        "først": "før sammendraget",
        "etter sammendrag": "etter sammendraget",
        "etter forord": "etter kommunedirektørens forord",
        "etter virksomhetsstyring": "etter kapittelet Virksomhetsstyring",
        "etter prioriteringer": "etter kapittelet Kommunedirektørens prioriteringer",
        "etter oppdrag": "etter kapittelet Oppdrag (med forkortelsene)",
        "etter mål": "etter kapittelet Mål, før vedlegget",
    },
    Dokument.LEDERAVTALE: {
        "først": "før del 1, etter forsiden med signaturene",
        "etter struktur": "etter del 1 Struktur og oppfølging",
        "etter ansvar": "etter del 2 Lederens myndighet og ansvar",
        "etter lederstøtte": "etter del 3 Lederstøtte",
        "etter oppfølging": "sist, etter del 4 Oppfølging",
    },
    Dokument.TERTIALRAPPORT: {
        "først": "før innledningen",
        "etter innledning": "etter kapittelet Innledning",
        "etter økonomi": "etter kapittelet Økonomi",
        "etter mål": "etter kapittelet Mål og indikatorer",
        "etter oppdrag": "etter kapittelet Oppdrag",
        "etter risiko": "etter kapittelet Risiko",
        "etter nøkkeltall": "etter kapittelet Nærvær, overtid, årsverk og avvik",
        "etter forutsetninger": "etter kapittelet Endrede forutsetninger",
        "etter forslag": "sist, etter Forslag til vedtak",
    },
    Dokument.UTVIKLINGSSTRATEGI: {
        "først": "før forordet",
        "etter forord": "etter forordet",
        "etter innledning": "etter kapittelet Innledning",
        "etter metode": "etter kapittelet Metode",
        "etter resultater": "etter kapittelet Resultater",
        "etter visjon": "etter kapittelet Visjon og mål, før delstrategiene",
        "etter delstrategier": "etter delstrategiene",
        "etter oppfølging": "sist, etter Oppfølging (før utviklingsplakaten)",
    },
}


def plassering_key(text: str) -> str:
    """A placement as typed, normalised: case, spaces, hyphens and underscores do not count."""
    return " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()


def _plassering_help() -> str:
    return " ".join(f"{d.value}: " + ", ".join(f"«{k}»" for k in keys) + "."
                    for d, keys in PLASSERINGER.items())


KAPITTELTEKST_HELP = (
    "Tom linje gir nytt avsnitt. En linje som begynner med «- » blir et kulepunkt, og en "
    "linje som begynner med «-- » (eller to mellomrom og «- ») blir et underpunkt under "
    "punktet foran. Andre linjer fortsetter avsnittet eller punktet foran.")


@dataclass(frozen=True, slots=True)
class Prioritering:
    nr: Annotated[int, Col("Nr", "Rekkefølge.", minimum=1, width=6)]
    tekst: Annotated[str, Col("Prioritering", "Kommunedirektørens prioritering.", width=70)]


@dataclass(frozen=True, slots=True)
class Forkortelse:
    forkortelse: Annotated[str, Col("Forkortelse", "Forkortelsen slik den brukes.")]
    betydning: Annotated[str, Col("Betydning", "Hva forkortelsen står for.", width=50)]


@dataclass(frozen=True, slots=True)
class Enhet:
    kode: Annotated[str, Col("Kode", "Kort kode brukt som HA/DA og ansvarlig, f.eks. ØKO.")]
    navn: Annotated[str, Col("Enhet", "Enhetens fulle navn.", width=40)]
    rammeområde: Annotated[str | None, Col("Rammeområde", "Budsjettområdet enheten hører til.")
                           ] = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Møte:
    """A meeting in the årshjul (UKLG calendar).

    Dato may be empty when «Når» says when (e.g. «Januar/februar»).
    """

    dato: Annotated[date | None, Col("Dato", "Møtedato (kan stå tom når «Når» er fylt ut).")
                    ] = None
    forum: Annotated[str, Col("Forum", "Møteforum, f.eks. UKLG.")]
    temaer: Annotated[list[str], Col("Temaer", "Tentative temaer, én per linje.")] = field(
        default_factory=list)
    tid: Annotated[str | None, Col("Tid", "Klokkeslett eller tidsrom, f.eks. 12-15.45, "
                                   "09.00–15.00 eller kl. 9–11. Skrives som «kl. 12.00–15.45».",
                                   kind=Kind.TIMESPAN)] = None
    når: Annotated[str | None, Col("Når", "Fri tekst som vises i stedet for måneden, f.eks. "
                                   "«Januar/februar».")] = None


@dataclass(frozen=True, slots=True)
class Styringsdialog:
    forum: Annotated[str, Col("Forum", "Møteforum i styringsdialogen.")]
    hyppighet: Annotated[str, Col("Hyppighet", "Hvor ofte forumet møtes.")]
    deltakere: Annotated[str, Col("Deltakere", "Hvem som deltar.")]
    rapportering: Annotated[str, Col("Rapportering", "Hva som rapporteres.", width=50)]


@dataclass(frozen=True, slots=True)
class Mål:
    """A goal with its indicator in one BMS perspective."""

    id: Annotated[str, Col("Mål-ID", "Unik kode, f.eks. S1.")]
    perspektiv: Annotated[Perspektiv, Col("Perspektiv", "Perspektiv i balansert målstyring.")]
    satsingsområde: Annotated[str, Col("Satsingsområde", "Satsingsområde fra kommuneplanen.")]
    mål: Annotated[str, Col("Mål", "Målet.", width=45)]
    indikator: Annotated[str, Col("Indikator", "Hvordan målet måles.", width=35)]
    måltall: Annotated[str, Col("Måltall", "Ønsket verdi for indikatoren, f.eks. ≥ 90 %.")]
    ansvarlig: Annotated[str, Col("Ansvarlig", "Kode for ansvarlig enhet (arket Enheter).",
                                  kind=Kind.CODE)]


@dataclass(frozen=True, slots=True)
class Målresultat:
    mål_id: Annotated[str, Col("Mål-ID", "Målet resultatet gjelder (arket Mål).")]
    tertial: Annotated[int, TERTIAL]
    resultat: Annotated[str, Col("Resultat", "Målt verdi for indikatoren.")]
    status: Annotated[Status, Col("Status", "Trafikklys for måloppnåelsen.")]
    kommentar: Annotated[str | None, Col("Kommentar", "Kort forklaring.", width=45)] = None


@dataclass(frozen=True, slots=True)
class Oppdrag:
    """An assignment in the kommunedirektør's oppdragsbrev."""

    nr: Annotated[int, Col("Nr", "Oppdragets nummer.", minimum=1, width=6)]
    tittel: Annotated[str, Col("Oppdrag", "Kort tittel.", width=35)]
    hovedinnhold: Annotated[list[str], Col("Hovedinnhold", "Hovedinnholdet, ett punkt per linje.",
                                           width=60)]
    ha: Annotated[list[str], Col(
        "HA", "Hovedansvarlige. Skriv en enhetskode (OO), en Leder-ID (L05; vises som "
        "stillingen), en egen gruppe fra arket Grupper (KLG), en innebygd gruppe («Alle "
        "ledere» = alle med lederavtale; «Kommunalsjefer», «Stabsledere», «Enhetsledere», "
        "«Avdelingsledere» fra kolonnen Ledernivå, og kommunens egne nivåer fra arket "
        "Kommune), en rolle i en enhet («Kommunalsjef OO», «Leder ØV» = lederen av enheten; "
        "«Enhetsledere OO» = enhetslederne i OO og under lederen der), en stilling eller "
        "et navn fra arket Ledere. Flere skilles med linjeskift, komma, semikolon, «og» "
        "eller «sammen med» («KD sammen med enhetsledere TTE og VVA»). Store "
        "og små bokstaver og skrivemåter som «Avd.ledere» spiller ingen rolle. Oppdragsbrevet "
        "viser teksten slik den er skrevet.", kind=Kind.ANSVAR)]
    da: Annotated[list[str], Col("DA", "Delansvarlige, skrevet på samme måte som HA.",
                                 kind=Kind.ANSVAR)] = field(default_factory=list)
    frist: Annotated[date | str | None, Col(
        "Frist", "Når oppdraget skal være løst: en dato, eller en kort tekst som «Senest 19. "
        "august», «Innen 2. tertial» eller «juni», som vises slik den er skrevet.",
        kind=Kind.DEADLINE)] = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Milepæl:
    """A milestone of an oppdrag or a project (sheet «Milepæler»)."""

    oppdrag: Annotated[str, Col(
        "Oppdrag/prosjekt", "Oppdragets nummer i arket Oppdrag (milepælen står da under "
        "oppdraget i oppdragsbrevet), eller navnet på et prosjekt.", width=22,
        aliases=("Oppdrag", "Prosjekt", "Oppdrag nr"))]
    nr: Annotated[int | None, Col("Nr", "Milepælens nummer (tom = radenes rekkefølge).",
                                  minimum=1, width=6)] = None
    milepæl: Annotated[str, Col("Milepæl", "Hva som skal være nådd.", width=40)]
    kriterium: Annotated[str | None, Col(
        "Kriterium", "Hvordan man ser at milepælen er nådd.", width=40,
        aliases=("Kriterier", "Suksesskriterium"))] = None
    dato: Annotated[date | str | None, Col(
        "Dato", "Når milepælen skal være nådd: en dato (kommer også i kalenderfilen), eller "
        "en kort tekst som «Innen 2. tertial».", kind=Kind.DEADLINE)] = None
    status: Annotated[Milepælstatus, Col("Status", "Hvor milepælen står.")] = (
        Milepælstatus.PLANLAGT)

    @property
    def oppdrag_nr(self) -> int | None:
        """The oppdrag's number when Oppdrag/prosjekt is one («3», «nr. 3»); else None."""
        key = self.oppdrag.strip().casefold().removeprefix("nr.").removeprefix("oppdrag").strip()
        return int(key) if key.isdigit() else None


@dataclass(frozen=True, slots=True)
class Oppdragsstatus:
    nr: Annotated[int, Col("Oppdrag nr", "Oppdraget statusen gjelder (arket Oppdrag).", minimum=1)]
    tertial: Annotated[int, TERTIAL]
    status: Annotated[Status, Col("Status", "Trafikklys for framdriften.")]
    kommentar: Annotated[str | None, Col("Kommentar", "Kort om framdriften.", width=50)] = None


RF_COMPUTED = "risikofaktoren regnes ut som S × K"


@dataclass(frozen=True, slots=True, kw_only=True)
class Risiko:
    """A risk with sannsynlighet (S) and konsekvens (K); RF = S × K is computed.

    A project plan's risk table often has only the risk, S, K and the measures: the id is
    then numbered by row, and område and ansvarlig may stay empty."""

    #: Columns a risk table often has that the product works out itself (header → why).
    #: («Risikofaktor» beside a «Beskrivelse» column is the RF; alone it is the risk.)
    COMPUTED: ClassVar[dict[str, str]] = {
        "RF": RF_COMPUTED + ", og fargen følger grensene i Innstillinger",
        **dict.fromkeys(("Risikofaktor (RF)", "Risikofaktor", "S x K", "S × K"), RF_COMPUTED)}

    id: Annotated[str, Col("Risiko-ID", "Unik kode, f.eks. R01. Tom: R1, R2 … i radenes "
                           "rekkefølge (koder som er skrevet, hoppes over).", auto_id="R",
                           aliases=("ID", "Nr"))] = ""
    beskrivelse: Annotated[str, Col("Beskrivelse", "Hva kan skje, og hva fører det til?",
                                    width=45, aliases=("Risikofaktor", "Risiko", "Hendelse",
                                                       "Risikobeskrivelse"))]
    område: Annotated[str | None, Col("Område", "Fagområde eller rammeområde risikoen hører "
                                      "til.")] = None
    sannsynlighet: Annotated[int, Col("Sannsynlighet", "S på skalaen i Innstillinger: 1 (svært "
                                      "lite sannsynlig) til 5 (svært sannsynlig), eller L/M/H.",
                                      kind=Kind.LEVEL, minimum=1, maximum=5, aliases=("S",))]
    konsekvens: Annotated[int, Col("Konsekvens", "K på skalaen i Innstillinger: 1 (ubetydelig) "
                                   "til 5 (svært alvorlig), eller L/M/H.", kind=Kind.LEVEL,
                                   minimum=1, maximum=5, aliases=("K",))]
    mottiltak: Annotated[list[str], Col("Mottiltak", "Tiltak som reduserer risikoen, ett per "
                                        "linje.", width=45)]
    ansvarlig: Annotated[str | None, Col(
        "Ansvarlig", "Hvem som følger opp: en enhetskode (arket Enheter), en Leder-ID, en "
        "gruppe eller en rolle, skrevet som i HA.", width=22,
        aliases=("Ansvar",))] = None
    frist: Annotated[date | str | None, Col(
        "Frist", "Frist for tiltakene: en dato, eller en kort tekst som «Innen 2. tertial».",
        kind=Kind.DEADLINE)] = None
    status: Annotated[Risikostatus, Col("Status", "Hvor arbeidet med risikoen står.")] = (
        Risikostatus.ÅPEN)

    @property
    def rf(self) -> int:
        """Risikofaktor: sannsynlighet × konsekvens."""
        return self.sannsynlighet * self.konsekvens


@dataclass(frozen=True, slots=True)
class Rammeområde:
    navn: Annotated[str, Col("Rammeområde", "Navnet på budsjettområdet.", width=35)]
    ansvarlig: Annotated[str | None, Col("Ansvarlig", "Enhetskode (arket Enheter).",
                                         kind=Kind.CODE)] = None
    nr: Annotated[int | None, Col("Nr", "Rekkefølgen i tabellene (tom = radenes rekkefølge).",
                                  minimum=1, width=6, aliases=("Rekkefølge",))] = None


@dataclass(frozen=True, slots=True)
class Økonomilinje:
    """Budget and accounts for one rammeområde, one tertial, drift or investering."""

    tertial: Annotated[int, TERTIAL]
    type: Annotated[Budsjettype, Col("Type", "Drift eller investering.")]
    rammeområde: Annotated[str, Col("Rammeområde", "Må finnes i arket Rammeområder.", width=35)]
    budsjett: Annotated[float, Col("Budsjett", "Vedtatt årsbudsjett i kr.", kind=Kind.MONEY)]
    regnskap: Annotated[float, Col("Regnskap hittil", "Regnskap per tertialet i kr.",
                                   kind=Kind.MONEY)]
    prognose: Annotated[float, Col("Prognose", "Forventet regnskap for hele året i kr.",
                                   kind=Kind.MONEY)]
    revidert_budsjett: Annotated[float | None, Col(
        "Revidert budsjett", "Budsjett etter vedtatte endringer i kr (tom = som vedtatt).",
        kind=Kind.MONEY)] = None
    regnskap_i_fjor: Annotated[float | None, Col(
        "Regnskap i fjor", "Regnskap per samme tertial i fjor i kr (valgfritt; gir kolonnen "
        "«Endring» i tertialrapportens økonomitabell).", kind=Kind.MONEY)] = None

    @property
    def gjeldende_budsjett(self) -> float:
        return self.budsjett if self.revidert_budsjett is None else self.revidert_budsjett

    @property
    def avvik(self) -> float:
        """Forecast deviation in kr: positive is a surplus, negative an overspend."""
        return self.gjeldende_budsjett - self.prognose

    @property
    def avvik_prosent(self) -> float | None:
        b = self.gjeldende_budsjett
        return None if b == 0 else self.avvik / abs(b) * 100


@dataclass(frozen=True, slots=True)
class Nøkkeltall:
    tertial: Annotated[int, TERTIAL]
    enhet: Annotated[str, Col("Enhet", "Enhetskode (arket Enheter).", kind=Kind.CODE)]
    sykefravær: Annotated[float, Col("Sykefravær (%)", "Sykefravær i tertialet i prosent "
                                     "(kan stå tom når «Nærvær (%)» er fylt ut).",
                                     kind=Kind.PERCENT, minimum=0, maximum=100,
                                     complement_of="nærvær_oppgitt")]
    overtid: Annotated[float, Col("Overtid (timer)", "Overtidstimer i tertialet.", minimum=0)]
    årsverk: Annotated[float, Col("Årsverk", "Årsverk ved utgangen av tertialet.", minimum=0)]
    avvik: Annotated[int, Col("Avvik", "Antall internkontroll-avvik meldt i tertialet.",
                              minimum=0)]
    sykefravær_i_fjor: Annotated[float | None, Col(
        "Sykefravær i fjor (%)", "Sykefravær i samme tertial i fjor i prosent (valgfritt; gir "
        "en linje for i fjor i sykefraværsgrafen).", kind=Kind.PERCENT, minimum=0,
        maximum=100)] = None
    nærvær_oppgitt: Annotated[float | None, Col(
        "Nærvær (%)", "Nærvær i tertialet i prosent, for kommuner som måler nærvær: kan stå i "
        "stedet for sykefravær (sykefravær = 100 − nærvær).", kind=Kind.PERCENT, minimum=0,
        maximum=100, aliases=("Nærvær",),
        input_only="dokumentene viser nærværet regnet ut fra sykefraværet (100 − "
        "sykefravær), som fylles ut fra denne kolonnen når den står tom")] = None

    @property
    def nærvær(self) -> float:
        return 100.0 - self.sykefravær


@dataclass(frozen=True, slots=True)
class Tertialtekst:
    tertial: Annotated[int, TERTIAL]
    innledning: Annotated[str, Col("Innledning", "Innledning til rapporten.", width=60)]
    endrede_forutsetninger: Annotated[str | None, Col(
        "Endrede forutsetninger", "Forhold som har endret seg siden budsjettet.", width=60)] = None
    forslag: Annotated[list[str], Col("Forslag til vedtak", "Forslag, ett per linje.", width=60)
                       ] = field(default_factory=list)
    dato: Annotated[date | None, Col("Rapportdato", "Datoen rapporten legges fram (tom = "
                                     "dokumentdatoen i arket Kommune).")] = None


@dataclass(frozen=True, slots=True)
class KompassOmråde:
    nr: Annotated[int, Col("Nr", "Områdets nummer, 1–8.", minimum=1, maximum=8, width=6)]
    navn: Annotated[str, Col("Område", "Områdets navn i denne versjonen av Kompasset.")]
    poeng: Annotated[float, Col("Poeng", "Kommunens poeng, 0–100.", minimum=0, maximum=100)]
    snitt_nasjonalt: Annotated[float, Col("Snitt nasjonalt", "Landsgjennomsnittet, 0–100.",
                                          minimum=0, maximum=100)]
    snitt_gruppe: Annotated[float, Col("Snitt størrelsesgruppe", "Snitt for kommuner av samme "
                                       "størrelse, 0–100.", minimum=0, maximum=100)]
    styrker: Annotated[list[str], Col("Styrker", "Én per linje.")] = field(default_factory=list)
    utfordringer: Annotated[list[str], Col("Utfordringer", "Én per linje.")] = field(
        default_factory=list)
    svakheter: Annotated[list[str], Col("Svakheter", "Én per linje.")] = field(
        default_factory=list)
    fokusområde: Annotated[str | None, Col(
        "Fokusområde", "Fokusområdet området hører til, f.eks. «Styring og økonomi». Fylles ut "
        "for alle områdene eller ingen.")] = None


@dataclass(frozen=True, slots=True)
class KompassSpørsmål:
    område_nr: Annotated[int, Col("Område nr", "Området spørsmålet hører til (1–8).", minimum=1,
                                  maximum=8)]
    spørsmål: Annotated[str, Col("Spørsmål", "Delspørsmålet.", width=50)]
    maks_poeng: Annotated[float, Col("Maks poeng", "Høyeste mulige poeng.", minimum=0,
                                     maximum=100)]
    poeng: Annotated[float, Col("Poeng", "Oppnådd poeng.", minimum=0, maximum=100)]


@dataclass(frozen=True, slots=True)
class Delstrategi:
    nr: Annotated[int, Col("Nr", "Delstrategiens nummer.", minimum=1, width=6)]
    navn: Annotated[str, Col("Delstrategi", "Navnet på delstrategien.")]
    hvorfor: Annotated[str, Col("Hvorfor", "Hvorfor delstrategien er valgt.", width=50)]
    suksesskriterier: Annotated[list[str], Col("Suksesskriterier", "Ett per linje.", width=50)]
    organisering: Annotated[str | None, Col(
        "Organisering og struktur", "Hvordan arbeidet med delstrategien er organisert: hvem "
        "eier den, hvilke fora og roller som driver den. Tom linje gir nytt avsnitt (valgfritt).",
        width=50)] = None


@dataclass(frozen=True, slots=True)
class DelstrategiInnhold:
    delstrategi_nr: Annotated[int, Col("Delstrategi nr", "Delstrategien raden hører til.",
                                       minimum=1)]
    innhold: Annotated[str, Col("Innhold", "Innhold i delstrategien.", width=40)]
    hovedoppgaver: Annotated[list[str], Col("Hovedoppgaver", "Én per linje.", width=50)]


@dataclass(frozen=True, slots=True)
class Leder:
    id: Annotated[str, Col("Leder-ID", "Unik kode for lederen, f.eks. L01.")]
    navn: Annotated[str, Col("Navn", "Lederens fulle navn.")]
    stilling: Annotated[str, Col("Stilling", "Stillingstittel.")]
    enhet: Annotated[str, Col("Enhet", "Enhetskode lederen leder (arket Enheter).",
                              kind=Kind.CODE)]
    overordnet: Annotated[str | None, Col("Overordnet", "Leder-ID til nærmeste overordnede "
                                          "(tom for kommunedirektøren).")] = None
    nivå: Annotated[Ledernivå | EgetNivå | None, Col(
        "Ledernivå", "Gir de innebygde gruppene «Kommunalsjefer», «Stabsledere», «Enhetsledere» "
        "og «Avdelingsledere» som kan brukes som HA/DA (tom = ingen av dem). Kommunens egne "
        "nivåer fra feltet «Egne ledernivåer» i arket Kommune kan også stå her.")] = None
    epost: Annotated[str | None, Col(
        "E-post", "Lederens e-postadresse, brukt i e-postutkastene (tom = utkastet får ikke "
        "denne mottakeren, og byggingen gir en merknad).", pattern=f"^{EPOST_PATTERN}$",
        pattern_help="en e-postadresse som kari.nordmann@fjellvik.kommune.no (bokstavene a–z, "
        "sifre og . _ % + ' -)", width=34)] = None


@dataclass(frozen=True, slots=True)
class Lederavtale:
    """One leader's agreement with the nearest superior. Holds personal goals."""

    leder_id: Annotated[str, Col("Leder-ID", "Lederen avtalen gjelder (arket Ledere).")]
    viktigste_bidrag: Annotated[str, Col(
        "Viktigste bidrag", "Lederens viktigste bidrag til de prioriterte områdene.", width=50)]
    forsterke_1: Annotated[str, Col("Forsterke 1", "Første forsterkningsområde fra "
                                    "lederplattformen, og hvorfor.", width=40)]
    forsterke_2: Annotated[str, Col("Forsterke 2", "Andre forsterkningsområde, og hvorfor.",
                                    width=40)]
    forbedre: Annotated[str, Col("Forbedre", "Forbedringsområdet, og hvorfor.", width=40)]
    utviklingsmål: Annotated[list[str], Col("Utviklingsmål", "Personlige utviklingsmål, ett per "
                                            "linje.", width=45)]
    tiltak: Annotated[list[str], Col("Tiltak", "Tiltak for utviklingsmålene, ett per linje.",
                                     width=45)]
    dato: Annotated[date, Col("Dato", "Datoen avtalen inngås.")]
    skjermet: Annotated[bool, Col("Skjermet", "ja = de personlige utviklingsmålene unntas "
                                  "offentlighet.")] = True
    personal: Annotated[str | None, Col("Personal", "Personell: hva fungerer, utfordringer, "
                                        "mål og tiltak.", width=45)] = None
    økonomi: Annotated[str | None, Col("Økonomi", "Økonomi: hva fungerer, utfordringer, mål "
                                       "og tiltak.", width=45)] = None
    fag: Annotated[str | None, Col("Fag", "Fagområdet: hva fungerer, utfordringer, mål og "
                                   "tiltak.", width=45)] = None
    høstsamtale: Annotated[str | None, Col("Høstsamtale", "Nye forhold fra "
                                           "oppfølgingssamtalen om høsten.", width=45)] = None
    sted: Annotated[str | None, Col("Sted", "Sted for signering (tom = kommunens sted).")] = None


@dataclass(frozen=True, slots=True)
class Bidrag:
    """A leader's contribution to one oppdrag, shown in that leader's agreement."""

    leder_id: Annotated[str, Col("Leder-ID", "Lederen (arket Ledere).")]
    oppdrag_nr: Annotated[int, Col("Oppdrag nr", "Oppdraget (arket Oppdrag).", minimum=1)]
    bidrag: Annotated[str, Col("Bidrag", "Lederens viktigste bidrag til oppdraget.", width=60)]


@dataclass(frozen=True, slots=True)
class Gruppe:
    """A named group of leaders the municipality uses as HA/DA (sheet «Grupper»)."""

    navn: Annotated[str, Col("Gruppe", "Navnet slik det skrives i HA/DA, f.eks. KLG.")]
    medlemmer: Annotated[list[str], Col(
        "Medlemmer", "Enhetskoder, Leder-ID-er, roller («Kommunalsjef OO») eller andre grupper, "
        "skilt med komma eller linjeskift.", kind=Kind.ANSVAR, width=45)]
    beskrivelse: Annotated[str | None, Col(
        "Beskrivelse", "Hva gruppen er; står i forkortelseslisten i oppdragsbrevet.",
        width=45)] = None


@dataclass(frozen=True, slots=True)
class Kapittel:
    """An own chapter or sub-chapter the adviser adds to a document (sheet «Kapitler»)."""

    dokument: Annotated[Dokument, Col("Dokument", "Dokumentet kapittelet skal stå i.")]
    plassering: Annotated[str, Col(
        "Plassering", "Etter hvilken standarddel kapittelet står (hele delen, med "
        "underkapitler). Gyldige verdier per dokument – " + _plassering_help(), width=24)]
    overskrift: Annotated[str, Col("Overskrift", "Kapittelets overskrift, uten nummer "
                                   "(nummeret settes sammen med standardkapitlene).",
                                   width=40)]
    tekst: Annotated[str | None, Col("Tekst", "Kapittelets tekst. " + KAPITTELTEKST_HELP,
                                     width=70)] = None
    nivå: Annotated[int, Col("Nivå", "1 = kapittel, 2 = underkapittel, 3 = underkapittel "
                             "under det igjen. Et underkapittel hører til kapittelet foran.",
                             minimum=1, maximum=3, width=6)] = 1
    rekkefølge: Annotated[int | None, Col(
        "Rekkefølge", "Rekkefølgen blant kapitlene med samme dokument og plassering (tom = "
        "radenes rekkefølge).", minimum=1, width=10)] = None
    tertial: Annotated[int | None, Col(
        "Tertial", "Bare for tertialrapporten: kapittelet står bare i rapporten for dette "
        "tertialet (1, 2 eller 3; tom = i alle).", minimum=1, maximum=3, width=8)] = None


class Vedtaksstatus(enum.StrEnum):
    """How far the follow-up of a political decision has come (sheet «Vedtaksoppfølging»)."""

    IKKE_PÅBEGYNT = "ikke påbegynt"
    PÅGÅR = "pågår"
    FULLFØRT = "fullført"


@dataclass(frozen=True, slots=True)
class Vedtak:
    """A decision of the council (or a committee) the administration follows up; the
    tertialrapport reports the open ones, those overdue and those completed since the last
    tertial (sheet «Vedtaksoppfølging»)."""

    sak: Annotated[str, Col("Sak", "Saksnummeret i det politiske organet, f.eks. «PS 14/26».",
                            width=12)]
    dato: Annotated[date, Col("Vedtaksdato", "Datoen vedtaket ble fattet.")]
    organ: Annotated[str, Col("Organ", "Organet som fattet vedtaket, f.eks. Kommunestyret "
                              "eller Formannskapet.", width=16)]
    vedtak: Annotated[str, Col("Vedtak", "Vedtaket kort, slik rådet kjenner det igjen.",
                               width=50)]
    ansvarlig: Annotated[str | None, Col(
        "Ansvarlig", "Hvem som følger opp: en enhetskode (arket Enheter), en Leder-ID, en "
        "gruppe eller en rolle, skrevet som i HA.", width=22)] = None
    frist: Annotated[date | None, Col("Frist", "Når vedtaket skal være fulgt opp (tom = "
                                      "ingen frist).")] = None
    status: Annotated[Vedtaksstatus, Col("Status", "Hvor oppfølgingen står.")] = (
        Vedtaksstatus.IKKE_PÅBEGYNT)
    fullført: Annotated[date | None, Col(
        "Fullført dato", "Datoen vedtaket ble fulgt opp (for status «fullført»; tom = i "
        "tertialet rapporten gjelder).")] = None
    kommentar: Annotated[str | None, Col("Kommentar", "Kort om oppfølgingen.", width=45)] = None


@dataclass(frozen=True, slots=True)
class Investeringsprosjekt:
    """One investment project per tertial; the projects of a rammeområde add up to its
    investering line in the sheet Økonomi (sheet «Investeringsprosjekter»)."""

    tertial: Annotated[int, TERTIAL]
    prosjekt: Annotated[str, Col("Prosjekt", "Prosjektets navn.", width=35)]
    rammeområde: Annotated[str, Col("Rammeområde", "Må finnes i arket Rammeområder.", width=30)]
    budsjett: Annotated[float, Col("Budsjett i år", "Årets (eventuelt reviderte) budsjett for "
                                   "prosjektet i kr.", kind=Kind.MONEY)]
    regnskap: Annotated[float, Col("Regnskap hittil", "Regnskap i år per tertialet i kr.",
                                   kind=Kind.MONEY)]
    prognose: Annotated[float, Col("Prognose", "Forventet regnskap for hele året i kr.",
                                   kind=Kind.MONEY)]
    totalramme: Annotated[float | None, Col(
        "Totalramme", "Vedtatt kostnadsramme for hele prosjektet i kr (tom = som årets "
        "budsjett).", kind=Kind.MONEY)] = None
    status: Annotated[Status | None, Col("Status", "Trafikklys for framdrift og "
                                         "økonomi.")] = None
    kommentar: Annotated[str | None, Col("Kommentar", "Kort om framdriften.", width=45)] = None
