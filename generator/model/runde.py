"""The reporting round: what each leader reports on, and what the leaders answered.

Before a tertial every leader gets a workbook with exactly their own rows (their oppdrag as
HA or DA, the goals, risks and budget lines of their unit) and answers status, comment,
forecast, measures and the indicator's result. This module says which rows a leader has
(:func:`linjer`), how the answers of several leaders for one row are put together
(:func:`samlet`) and how they come into the data the tertialrapport is made from
(:func:`med_svar`): the adviser's own entry in the central workbook goes first.

Every row has a stable key (``oppdrag:3``, ``mål:S1``, ``risiko:R01``,
``økonomi:drift:Oppvekst``) that the returned workbook carries in a hidden column.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from ..norsk import kr
from .ansvar import DA, HA
from .domain import (
    Budsjettype,
    Leder,
    Målresultat,
    Oppdragsstatus,
    Risiko,
    Risikostatus,
    Status,
)
from .styringsdata import Styringsdata

ANSVARLIG = "ansvarlig"  # the role of a leader whose unit a goal, risk or budget line has
STATUS_VALG = tuple(s.value.capitalize() for s in Status)
RISIKOSTATUS_VALG = tuple(s.value.capitalize() for s in Risikostatus)


@dataclass(frozen=True)
class Kolonne:
    """One column of a sheet in a leader's workbook; ``åpen`` columns are the answers."""

    overskrift: str
    felt: str
    bredde: int = 14
    åpen: bool = False
    valg: tuple[str, ...] = ()  # a drop-down
    tall: bool = False  # a number (kr)
    hjelp: str = ""


@dataclass(frozen=True)
class Ark:
    """One sheet of a leader's workbook: its rows are of one kind (``slag``)."""

    navn: str
    slag: str
    kolonner: tuple[Kolonne, ...]
    forklaring: str

    @property
    def svarfelt(self) -> tuple[str, ...]:
        return tuple(k.felt for k in self.kolonner if k.åpen)

    def kolonne(self, felt: str) -> Kolonne:
        return next(k for k in self.kolonner if k.felt == felt)


NØKKEL = Kolonne("Nøkkel", "nøkkel", 4)
ROLLE = Kolonne("Din rolle", "rolle", 10)
ARK: tuple[Ark, ...] = (
    Ark("Oppdrag", "oppdrag", (
        NØKKEL, Kolonne("Nr", "nr", 6), Kolonne("Oppdrag", "tittel", 40), ROLLE,
        Kolonne("Frist", "frist", 12), Kolonne("Forrige status", "forrige", 14),
        Kolonne("Status", "status", 12, True, STATUS_VALG,
                hjelp="Grønn: på plan. Gul: risiko for forsinkelse. Rød: forsinket."),
        Kolonne("Kommentar", "kommentar", 60, True, hjelp="Kort om framdriften.")),
        "Oppdragene du har hovedansvar (HA) eller delansvar (DA) for."),
    Ark("Mål", "mål", (
        NØKKEL, Kolonne("Mål-ID", "id", 8), Kolonne("Mål", "mål", 40),
        Kolonne("Indikator", "indikator", 30), Kolonne("Måltall", "måltall", 12),
        Kolonne("Forrige resultat", "forrige", 14),
        Kolonne("Resultat", "resultat", 14, True, hjelp="Målt verdi for indikatoren."),
        Kolonne("Status", "status", 12, True, STATUS_VALG,
                hjelp="Grønn: på plan. Gul: risiko for avvik. Rød: nås ikke uten nye tiltak."),
        Kolonne("Kommentar", "kommentar", 50, True, hjelp="Kort forklaring.")),
        "Målene og indikatorene enheten din er ansvarlig for."),
    Ark("Risiko", "risiko", (
        NØKKEL, Kolonne("Risiko-ID", "id", 9), Kolonne("Risiko", "beskrivelse", 45),
        Kolonne("S", "s", 5), Kolonne("K", "k", 5), Kolonne("RF", "rf", 5),
        Kolonne("Status", "status", 14, True, RISIKOSTATUS_VALG,
                hjelp="Åpen, under arbeid eller lukket."),
        Kolonne("Tiltak", "tiltak", 45, True, hjelp="Tiltakene som reduserer risikoen, ett "
                "per linje (Alt+Enter gir ny linje i cellen)."),
        Kolonne("Kommentar", "kommentar", 45, True, hjelp="Hvordan risikoen har utviklet seg.")),
        "Risikoene du er ansvarlig for."),
    Ark("Økonomi", "økonomi", (
        NØKKEL, Kolonne("Type", "type", 12), Kolonne("Rammeområde", "rammeområde", 30),
        Kolonne("Budsjett", "budsjett", 16, tall=True),
        Kolonne("Regnskap hittil", "regnskap", 16, tall=True),
        Kolonne("Prognose", "prognose", 16, True, tall=True,
                hjelp="Forventet regnskap for hele året i kr."),
        Kolonne("Kommentar", "kommentar", 50, True, hjelp="Hva forklarer avviket?")),
        "Budsjettlinjene for rammeområdet ditt."),
)


@dataclass(frozen=True)
class Linje:
    """One row of a leader's workbook: its key, the leader's role and the cell values
    (the locked ones and the answers pre-filled with today's values)."""

    nøkkel: str
    rolle: str
    verdier: dict[str, Any]

    @property
    def slag(self) -> str:
        return self.nøkkel.split(":", 1)[0]


def id_del(leder_id: str) -> str:
    """A Leder-ID as the last part of the leader's workbook's file name (``L07`` → ``l07``),
    so a return can be recognised by its file name: ASCII letters and digits, «-» between."""
    text = unicodedata.normalize("NFKD", leder_id).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:20] or "x"


def nøkkel(*parts: object) -> str:
    return ":".join(str(p) for p in parts)


def økonomi_nøkkel(type_: Budsjettype, rammeområde: str) -> str:
    return nøkkel("økonomi", type_.value, rammeområde)


def _status(value: Status | Risikostatus | None) -> str | None:
    return value.value.capitalize() if value is not None else None


class Runde:
    """The rows of one tertial's round, per leader (built once for all leaders)."""

    def __init__(self, data: Styringsdata, tertial: int):
        self.data = data
        self.tertial = tertial
        self.år = data.kommune.år
        self._by_leader: dict[str, list[Linje]] = {}
        self._roles: dict[str, dict[str, str]] = {}  # key → leader id (folded) → role
        self._collect()

    @property
    def navn(self) -> str:
        """The round's name, also its folder: ``2026-t2``."""
        return f"{self.år}-t{self.tertial}"

    def _add(self, ledere: Iterable[tuple[Leder, str]], key: str, verdier: dict[str, Any]
             ) -> None:
        for leder, rolle in ledere:
            lid = leder.id.casefold()
            self._by_leader.setdefault(lid, []).append(
                Linje(key, rolle, verdier | {"nøkkel": key, "rolle": rolle}))
            self._roles.setdefault(key, {})[lid] = rolle

    def _collect(self) -> None:
        d, n = self.data, self.tertial
        ansvar = d.ansvar
        now_o = {s.nr: s for s in d.oppdragsstatus if s.tertial == n}
        before_o = {s.nr: s for s in d.oppdragsstatus if s.tertial == n - 1}
        for o in sorted(d.oppdrag, key=lambda o: o.nr):
            roles = ansvar.roller(o)
            s, f = now_o.get(o.nr), before_o.get(o.nr)
            verdier = {"nr": o.nr, "tittel": o.tittel, "frist": o.frist,
                       "forrige": _status(f.status) if f else None,
                       "status": _status(s.status) if s else None,
                       "kommentar": s.kommentar if s else None}
            self._add(((ld, roles[ld.id.casefold()]) for ld in d.ledere
                       if ld.id.casefold() in roles), nøkkel("oppdrag", o.nr), verdier)
        now_m = {r.mål_id.casefold(): r for r in d.målresultater if r.tertial == n}
        before_m = {r.mål_id.casefold(): r for r in d.målresultater if r.tertial == n - 1}
        for g in d.mål:
            r, fr = now_m.get(g.id.casefold()), before_m.get(g.id.casefold())
            verdier = {"id": g.id, "mål": g.mål, "indikator": g.indikator,
                       "måltall": g.måltall, "forrige": fr.resultat if fr else None,
                       "resultat": r.resultat if r else None,
                       "status": _status(r.status) if r else None,
                       "kommentar": r.kommentar if r else None}
            self._add(((ld, ANSVARLIG) for ld in ansvar.ledere([g.ansvarlig])),
                      nøkkel("mål", g.id), verdier)
        skala = d.innstillinger.risikoskala
        for risk in d.risikoer:
            if not risk.ansvarlig:
                continue
            verdier = {"id": risk.id, "beskrivelse": risk.beskrivelse,
                       "s": skala.label(risk.sannsynlighet), "k": skala.label(risk.konsekvens),
                       "rf": risk.rf, "status": _status(risk.status),
                       "tiltak": "\n".join(risk.mottiltak) or None, "kommentar": None}
            self._add(((ld, ANSVARLIG) for ld in ansvar.ledere([risk.ansvarlig])),
                      nøkkel("risiko", risk.id), verdier)
        areas = {r.navn.casefold(): r for r in d.rammeområder}
        for ln in d.økonomi:
            area = areas.get(ln.rammeområde.casefold())
            if ln.tertial != n or area is None or not area.ansvarlig:
                continue
            verdier = {"type": ln.type.value.capitalize(), "rammeområde": ln.rammeområde,
                       "budsjett": ln.gjeldende_budsjett, "regnskap": ln.regnskap,
                       "prognose": ln.prognose, "kommentar": None}
            self._add(((ld, ANSVARLIG) for ld in ansvar.ledere([area.ansvarlig])),
                      økonomi_nøkkel(ln.type, ln.rammeområde), verdier)

    def deltakere(self) -> list[Leder]:
        """The leaders who report in this round (every leader with at least one row)."""
        return [ld for ld in self.data.ledere if ld.id.casefold() in self._by_leader]

    def linjer(self, leder: Leder) -> list[Linje]:
        """The leader's rows, in the order of the sheets."""
        return self._by_leader.get(leder.id.casefold(), [])

    def rolle(self, key: str, leder: Leder) -> str | None:
        """The leader's role for a row, or None when the row is not the leader's."""
        return self._roles.get(key, {}).get(leder.id.casefold())

    def fingeravtrykk(self, leder: Leder) -> str:
        """A check on the hidden identity of a leader's workbook (round, leader, rows): a
        copy with another leader's id typed in does not match."""
        keys = "\n".join(ln.nøkkel for ln in self.linjer(leder))
        text = f"{self.navn}\n{leder.id}\n{keys}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Svar:
    """One leader's answer for one row: the answer fields the leader filled in (``felt``),
    and what the answer cells held when the workbook was sent out (``sendt``; None for a
    workbook from before the product recorded it). A cell returned as it was sent is no
    answer of the leader's: it is in ``bekreftet`` (left unchanged), not in ``felt``."""

    nøkkel: str
    leder: Leder
    rolle: str
    felt: dict[str, Any]
    sted: str  # file › sheet › row, for messages
    sendt: dict[str, Any] | None = None
    bekreftet: dict[str, Any] = field(default_factory=dict)

    @property
    def hvem(self) -> str:
        role = {HA: "HA", DA: "DA"}.get(self.rolle)
        return f"{self.leder.navn}, {role}" if role else self.leder.navn

    @property
    def har_svar(self) -> bool:
        """Whether the leader gave an answer of their own on the row (a filled cell that
        differs from what was sent)."""
        return any(v not in (None, "") for v in self.felt.values())

    @property
    def uendret(self) -> bool:
        """Whether the leader returned the row as it was sent (confirmed it unchanged)."""
        return not self.har_svar and bool(self.bekreftet)


def nye_svar(felt: dict[str, Any], sendt: dict[str, Any] | None
             ) -> tuple[dict[str, Any], dict[str, Any]]:
    """The filled answer cells of a row split into the leader's own answers and the cells
    returned as they were sent (pre-filled and left alone: not the leader's answer). Without
    the values sent (an older workbook) every filled cell is an answer."""
    if sendt is None:
        return dict(felt), {}
    new = {k: v for k, v in felt.items()
           if _norm(v, exact=True) != _norm(sendt.get(k), exact=True)}
    return new, {k: v for k, v in felt.items() if k not in new}


@dataclass
class Svarene:
    """The answers of a round that were read, per row key (HA before DA), and the leaders
    who have answered."""

    runde: Runde
    svar: dict[str, list[Svar]] = field(default_factory=dict)
    besvart: set[str] = field(default_factory=set)  # leader ids (case-folded)

    def rader(self) -> tuple[int, int]:
        """How many rows have an answer of a leader's own, and how many were only returned
        unchanged."""
        answered = sum(any(s.har_svar for s in v) for v in self.svar.values())
        return answered, len(self.svar) - answered

    def legg_til(self, svar: Svar) -> None:
        rows = self.svar.setdefault(svar.nøkkel, [])
        rows.append(svar)
        rows.sort(key=lambda s: (s.rolle != HA, s.rolle != ANSVARLIG, s.leder.id))

    def mangler(self) -> list[Leder]:
        """The leaders of the round who have not answered."""
        return [ld for ld in self.runde.deltakere() if ld.id.casefold() not in self.besvart]


def samlet(svar: Sequence[Svar], felt: str) -> Any:
    """One answer field for a row: the first filled (HA before DA)."""
    return next((s.felt[felt] for s in svar if s.felt.get(felt) not in (None, "")), None)


def samlet_tekst(svar: Sequence[Svar], felt: str) -> str | None:
    """A text field of every answer, each with who wrote it: «tekst (Kari Nordmann, HA)»;
    an answer without the text still says who reported («Rapportert av …»); several
    answers side by side, separated by « | »."""
    parts = [f"{s.felt[felt]} ({s.hvem})" if s.felt.get(felt) else f"Rapportert av {s.hvem}."
             for s in svar if s.har_svar]
    return " | ".join(parts) or None


def rapportert_av(svar: Sequence[Svar]) -> str:
    return ", ".join(s.hvem for s in svar if s.har_svar)


def statuskonflikt(svar: Sequence[Svar]) -> str | None:
    """The leaders' different statuses for one row, or None when they agree."""
    given = [(s, s.felt.get("status")) for s in svar if s.felt.get("status")]
    if len({str(v).casefold() for _, v in given}) <= 1:
        return None
    return ", ".join(f"{s.hvem}: {str(v).lower()}" for s, v in given)


def _as_status(value: Any) -> Status | None:
    try:
        return Status(str(value).strip().casefold())
    except ValueError:
        return None


def _as_risikostatus(value: Any) -> Risikostatus | None:
    try:
        return Risikostatus(str(value).strip().casefold())
    except ValueError:
        return None


@dataclass(frozen=True)
class Merknad:
    """What the round did to a row of the report: said in the build's notices."""

    nøkkel: str
    melding: str


@dataclass(frozen=True)
class Rapportering:
    """The round's answers as the documents show them, each with its author: per row key
    every leader's answer (HA before DA), the rows whose leaders reported different
    statuses, and the rows where the adviser's own entry in the central workbook goes
    first (key → what the adviser's entry holds: «status», «prognose» …)."""

    tertial: int
    svar: dict[str, list[Svar]] = field(default_factory=dict)
    konflikt: dict[str, str] = field(default_factory=dict)  # key → the statuses, with whom
    rådgiver: dict[str, list[str]] = field(default_factory=dict)

    def for_nøkkel(self, key: str) -> list[Svar]:
        return self.svar.get(key, [])


def _norm(value: Any, exact: bool = False) -> str:
    """A value as compared with what was sent: 3 and 3.0 alike, measures line by line, and
    unless ``exact`` in any case (a status typed «grønn» in the central workbook is the
    «Grønn» sent). An answer is compared ``exact``: a comment corrected only in its capitals
    is the leader's answer (statuses read from an answer are already the option's own)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value) if exact else str(value).casefold()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _adviser_changed(central: Any, svar: Sequence[Svar], felt: str) -> bool:
    """Whether the central workbook's value has been changed since the round went out (the
    adviser's own entry, which goes first): what the answer used was sent out with differs
    from the central value now. Unknown (an older workbook): not changed."""
    used = next((s for s in svar if s.felt.get(felt) not in (None, "")), None)
    if used is None or used.sendt is None:
        return False
    return _norm(used.sendt.get(felt)) != _norm(central)


def tiltak_linjer(text: Any) -> list[str]:
    """Measures typed one per line (a leading «•» or «-» dropped)."""
    out = []
    for line in str(text or "").splitlines():
        line = line.strip().lstrip("•-–").strip()
        if line:
            out.append(line)
    return out


def med_svar(data: Styringsdata, svarene: Svarene) -> tuple[Styringsdata, list[Merknad]]:
    """The data with the leaders' answers for the tertial, and the answers themselves
    (:class:`Rapportering`, shown with their authors in the tertialrapport).

    Where the central workbook has an entry of the adviser's own, it goes first and a
    notice says so: for oppdrag and goals an entry for the tertial in Oppdragsstatus or
    Målresultater (unless it is what the leaders answered, say written in by ``runde inn
    --skriv``); for a risk's status and measures and a budget line's forecast, which always
    have a value, a value the adviser has changed since the round went out. Otherwise the
    leaders' status, comment, result, measures and forecast are what the report uses. A
    value a leader returned as it was sent is no answer (:func:`nye_svar`): it changes
    nothing and is attributed to no one."""
    n = svarene.runde.tertial
    notes: list[Merknad] = []
    rap = Rapportering(n, {k: list(v) for k, v in svarene.svar.items()})

    def adviser(key: str, what: str, melding: str) -> None:
        rap.rådgiver.setdefault(key, []).append(what)
        notes.append(Merknad(key, melding))

    def conflict(key: str, svar: Sequence[Svar], label: str, shown: str) -> None:
        if (c := statuskonflikt(svar)) is not None:
            rap.konflikt[key] = c
            notes.append(Merknad(key, f"{label}: lederne har rapportert ulik status ({c}); "
                                 f"rapporten viser {shown}."))

    oppdragsstatus = _tertial_entries(
        data.oppdragsstatus, "oppdrag", [o.nr for o in data.oppdrag], lambda e: e.nr,
        lambda nr, status, svar: Oppdragsstatus(nr, n, status, samlet(svar, "kommentar")),
        "status", "rådgiverens egen status i arket Oppdragsstatus", svarene, adviser, conflict)
    målresultater = _tertial_entries(
        data.målresultater, "mål", [g.id for g in data.mål], lambda e: e.mål_id,
        lambda id_, status, svar: Målresultat(id_, n, str(samlet(svar, "resultat") or "–"),
                                              status, samlet(svar, "kommentar")),
        "resultat", "rådgiverens eget resultat i arket Målresultater", svarene, adviser, conflict)
    risikoer = [_risiko(r, svarene, adviser, conflict) for r in data.risikoer]
    økonomi = []
    for ln in data.økonomi:
        key = økonomi_nøkkel(ln.type, ln.rammeområde)
        svar = svarene.svar.get(key, []) if ln.tertial == n else []
        prognose = samlet(svar, "prognose")
        if prognose is not None and float(prognose) != ln.prognose:
            if _adviser_changed(ln.prognose, svar, "prognose"):
                adviser(key, "prognose", f"{ln.rammeområde} ({ln.type.value}): rådgiverens egen "
                        f"prognose i arket Økonomi ({_kr(ln.prognose)}) går foran prognosen "
                        f"fra {rapportert_av(svar)} ({_kr(prognose)}).")
            else:
                ln = dataclasses.replace(ln, prognose=float(prognose))
        økonomi.append(ln)
    return dataclasses.replace(data, oppdragsstatus=oppdragsstatus, målresultater=målresultater,
                               risikoer=risikoer, økonomi=økonomi, rapportering=rap), notes


def _kr(value: Any) -> str:
    return kr(float(value))


_Entry = TypeVar("_Entry", Oppdragsstatus, Målresultat)


def _tertial_entries(entries: Sequence[_Entry], slag: str, ids: Iterable[Any],
                     ident: Callable[[_Entry], Any],
                     new: Callable[[Any, Status, Sequence[Svar]], _Entry], what: str,
                     own_first: str, svarene: Svarene, adviser: Any, conflict: Any
                     ) -> list[_Entry]:
    """The tertial's entries in Oppdragsstatus or Målresultater (``ident``: an entry's
    oppdrag nr or Mål-ID) with the leaders' answers for the rows ``ids`` of kind ``slag``.
    A row without an entry for the tertial gets one from the answers (``new``); where the
    central workbook has one, the adviser's entry goes first (``what``; the notice says
    ``own_first`` goes first) unless it is what the leaders answered: then it is kept, with
    the leaders' comment."""
    n = svarene.runde.tertial
    out = list(entries)
    central = {_fold(ident(e)): i for i, e in enumerate(out) if e.tertial == n}
    for id_ in ids:
        key, label = nøkkel(slag, id_), f"{slag} {id_}"
        svar = svarene.svar.get(key, [])
        status = _as_status(samlet(svar, "status"))
        if not svar or status is None:
            continue
        if (at := central.get(_fold(id_))) is None:
            conflict(key, svar, label, status.value)
            out.append(new(id_, status, svar))
            continue
        own = out[at]
        conflict(key, svar, label, own.status.value)
        if _same(own, status, svar):
            out[at] = dataclasses.replace(own, kommentar=_comment(own, svar))
        else:
            adviser(key, what, f"{label}: {own_first} går foran svaret fra "
                    f"{rapportert_av(svar)}.")
    return out


def _fold(id_: Any) -> Any:
    """An id as rows are matched: a Mål-ID in any case."""
    return id_.casefold() if isinstance(id_, str) else id_


def uendrede(svar: Sequence[Svar], felt: str) -> set[str]:
    """The values of a field the leaders returned as they were sent, when none of them gave
    one of their own (say, the central entry's comment, pre-filled and left alone)."""
    if samlet(svar, felt) is not None:
        return set()
    return {str(s.bekreftet[felt]) for s in svar if s.bekreftet.get(felt) not in (None, "")}


def _same(own: Oppdragsstatus | Målresultat, answered: Status, svar: Sequence[Svar]) -> bool:
    """Whether the central entry is what the leaders answered (say, written in by
    ``runde inn --skriv``): then the answers' authors are shown."""
    texts = {samlet_tekst(svar, "kommentar") or "", samlet(svar, "kommentar") or ""}
    texts |= uendrede(svar, "kommentar")
    if isinstance(own, Målresultat) and str(own.resultat) != str(
            samlet(svar, "resultat") or own.resultat):
        return False
    return own.status is answered and (own.kommentar or "") in texts


def _comment(own: Oppdragsstatus | Målresultat, svar: Sequence[Svar]) -> str | None:
    """The comment of a central entry that is what the leaders answered: the leaders' own
    (without the authors, who are shown beside it), or the one they left unchanged."""
    given = samlet(svar, "kommentar")
    if given is None and (own.kommentar or "") in uendrede(svar, "kommentar"):
        return own.kommentar
    return given


def _risiko(risk: Risiko, svarene: Svarene, adviser: Any, conflict: Any) -> Risiko:
    """A risk with the status and measures its leader reported (unless the adviser has
    changed them in the sheet Risiko since the round went out)."""
    key = nøkkel("risiko", risk.id)
    svar = svarene.svar.get(key, [])
    if not svar:
        return risk
    changes: dict[str, Any] = {}
    status = _as_risikostatus(samlet(svar, "status"))
    if status is not None and status is not risk.status:
        if _adviser_changed(risk.status.value, svar, "status"):
            adviser(key, "status", f"risiko {risk.id}: rådgiverens egen status i arket Risiko "
                    f"(«{risk.status.value}») går foran svaret fra {rapportert_av(svar)} "
                    f"(«{status.value}»).")
        else:
            changes["status"] = status
    conflict(key, svar, f"risiko {risk.id}", (changes.get("status") or risk.status).value)
    tiltak = samlet(svar, "tiltak")
    if tiltak is not None and tiltak_linjer(tiltak) != list(risk.mottiltak):
        if _adviser_changed("\n".join(risk.mottiltak), svar, "tiltak"):
            adviser(key, "tiltak", f"risiko {risk.id}: rådgiverens egne mottiltak i arket "
                    f"Risiko går foran tiltakene fra {rapportert_av(svar)}.")
        else:
            changes["mottiltak"] = tiltak_linjer(tiltak)
    return dataclasses.replace(risk, **changes) if changes else risk


def frist_standard(år: int, tertial: int) -> date:
    """The default deadline: two weeks after the tertial's end."""
    ends = {1: date(år, 4, 30), 2: date(år, 8, 31), 3: date(år, 12, 31)}
    return ends[tertial] + timedelta(days=14)
