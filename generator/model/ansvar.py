"""Responsibility (HA/DA) that resolves to people: the one resolver.

An HA/DA cell holds the municipality's own wording, one or more entries per cell.
Validation, the oppdragsbrev, the lederavtaler, the tertialrapport and ``check`` all
ask this module who an entry means, so they can never disagree.

How a cell is read:

* It is split into lines, each line into parts at «,» and «;». A part that is not a
  known name as a whole is split again at « og », « sammen med », « & » and « + ».
* Each piece is, tried in this order: a Leder-ID; a unit code (or a unit's full name);
  a group from the sheet «Grupper»; «Alle ledere» (anything after it, such as «i Fjellvik
  kommune», is ignored) = everyone with a lederavtale; a leader level alone
  («Enhetsledere», «Kommunalsjef» …, also the Kommune sheet's own levels such as
  «Virksomhetsledere») = every leader with that level in the Ledere sheet;
  a role in a unit («Kommunalsjef OO», «Leder ØV», «Enhetsledere TTE»); a leader's
  stilling («Plansjef»); a leader's name as in the Ledere sheet («Kari Nordmann», when
  no other leader has that name).
* A role in a unit means the unit's leader. A leader level in a unit means the leaders
  with that level in the unit or under its leader, so «Enhetsledere OO» are the
  enhetsledere in the OO area. Without a Ledernivå column, any role means the unit's leader.
* Within one part, a plural level carries on to the bare unit codes after it
  («Enhetsledere TTE og VVA» = the enhetsledere of TTE and of VVA), and a bare level after
  a role in a unit stays in that unit («Kommunalsjef OO sammen med enhetsledere» = the
  kommunalsjef of OO and the enhetsledere under that kommunalsjef).
* Names match ignoring case, surrounding and repeated spaces, singular/plural, and the
  spellings «Avd.ledere», «Avd. leder», «Avdelingsledere», nynorsk «leiar».
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .domain import SYNONYMER, AnyLedernivå, Gruppe, Leder, Ledernivå, Oppdrag

if TYPE_CHECKING:
    from .styringsdata import Styringsdata

HA, DA = "HA", "DA"
_PARTS = re.compile(r"[,;]")
_CONNECTORS = re.compile(r"(\s+(?:og|sammen med|samt|&|\+)\s+)", re.IGNORECASE)
_ALLE = re.compile(r"^alle ledere(?:\s+i\s+.*)?$")
# The built-in group names a level gives (also accepted: the singular form).
LEVEL_GROUPS: dict[Ledernivå, str] = {
    Ledernivå.KOMMUNEDIREKTØR: "Kommunedirektør",
    Ledernivå.KOMMUNALSJEF: "Kommunalsjefer",
    Ledernivå.STABSLEDER: "Stabsledere",
    Ledernivå.ENHETSLEDER: "Enhetsledere",
    Ledernivå.AVDELINGSLEDER: "Avdelingsledere",
}
_LEVEL_WORDS: dict[str, tuple[AnyLedernivå, bool]] = {}  # normalised word → (level, plural)
for _lvl in Ledernivå:
    _LEVEL_WORDS[_lvl.value] = (_lvl, False)
    _LEVEL_WORDS[_lvl.value + ("er" if _lvl.value.endswith("sjef") else "e")] = (_lvl, True)
_LEVEL_WORDS["kommunedirektører"] = (Ledernivå.KOMMUNEDIREKTØR, True)


def _level_word(word: str, level: AnyLedernivå, words: dict[str, tuple[AnyLedernivå, bool]]
                ) -> None:
    """A level's other name (SYNONYMER, the Kommune sheet, an own level): singular, plural
    if it is one."""
    plural = word.endswith(("ledere", "sjefer", "direktører"))
    words.setdefault(word, (level, plural))
    if not plural:
        words.setdefault(word + ("er" if word.endswith(("sjef", "direktør")) else "e"),
                         (level, True))


for _syn, _value in SYNONYMER[Ledernivå].items():  # «Rådmann» is the kommunedirektør
    _level_word(_syn, Ledernivå(_value), _LEVEL_WORDS)
_GENERIC_ROLES = {"leder": False, "ledere": True, "sjef": False, "sjefer": True,
                  "daglig leder": False}
TRIED = ("den er verken Leder-ID, enhetskode, gruppe i arket Grupper, «Alle ledere», "
         "ledernivå («Enhetsledere» …), rolle i en enhet («Leder ØV», «Kommunalsjef OO»), "
         "stilling eller navn i arket Ledere")


def normalise(text: str) -> str:
    """A name as compared: case, spaces, «Avd.»-spellings and nynorsk «leiar», «eining»,
    «-sjefar» ignored."""
    t = " ".join(unicodedata.normalize("NFC", text).split()).casefold().strip(" .:")
    t = re.sub(r"\bavd\.\s*|\bavd\s+", "avdelings", t)
    t = re.sub(r"\beining(s?)(?=leiar|\b)", r"enhet\1", t)  # nynorsk «einingsleiar»
    t = re.sub(r"sjefar\b", "sjefer", t)  # nynorsk «kommunalsjefar»
    t = re.sub(r"leiarar\b", "ledere", t)
    return re.sub(r"leiar\b", "leder", t)


def _word(text: str) -> tuple[AnyLedernivå | None, bool] | None:
    """A role word: (level or None for a plain «leder»/«sjef», plural) or None."""
    t = normalise(text)
    if t in _LEVEL_WORDS:
        return _LEVEL_WORDS[t]
    if t in _GENERIC_ROLES:
        return None, _GENERIC_ROLES[t]
    return None


@dataclass(frozen=True)
class Treff:
    """What one piece of an HA/DA cell means.

    ``slag`` is what it was read as: leder, enhet, gruppe, alle, nivå, rolle, stilling,
    navn or ukjent. ``feil`` says why it means nobody when that is a mistake; ``merknad``
    notes a known name that currently means nobody (a unit without a leader).
    """

    tekst: str
    slag: str
    ledere: tuple[Leder, ...] = ()
    feil: str | None = None
    merknad: str | None = None
    gruppe: Gruppe | None = None


@dataclass(frozen=True)
class Gruppefeil:
    """A problem in the sheet «Grupper»: a cycle or a member that means nobody."""

    gruppe: Gruppe
    melding: str
    feil: bool = True  # False: a notice (a member unit without a leader)


class Ansvar:
    """Resolves HA/DA entries (and group members) of one data set to leaders."""

    def __init__(self, data: Styringsdata):
        self.data = data
        self._ledere = {ld.id.casefold(): ld for ld in data.ledere}
        self._units: dict[str, str] = {}
        for e in data.enheter:
            self._units.setdefault(normalise(e.navn), e.kode)
        for e in data.enheter:
            self._units[normalise(e.kode)] = e.kode
        self._grupper = {normalise(g.navn): g for g in data.grupper}
        self._own_words: dict[str, tuple[AnyLedernivå, bool]] = {}
        for own, level in (data.kommune.ledernivåord.items() if data.kommune else ()):
            _level_word(normalise(own), level, self._own_words)
        self._group_cache: dict[str, tuple[Leder, ...]] = {}
        self._group_problems: list[Gruppefeil] = []
        self._group_stack: list[str] = []

    # --- the data the rules use ------------------------------------------------------

    @cached_property
    def _med_avtale(self) -> tuple[Leder, ...]:
        ids = {a.leder_id.casefold() for a in self.data.lederavtaler}
        return tuple(ld for ld in self.data.ledere if ld.id.casefold() in ids)

    @cached_property
    def _har_nivå(self) -> bool:
        return any(ld.nivå for ld in self.data.ledere)

    @cached_property
    def _under(self) -> dict[str, list[Leder]]:
        out: dict[str, list[Leder]] = {}
        for ld in self.data.ledere:
            if ld.overordnet:
                out.setdefault(ld.overordnet.casefold(), []).append(ld)
        return out

    def _heads(self, kode: str) -> list[Leder]:
        return [ld for ld in self.data.ledere if ld.enhet.casefold() == kode.casefold()]

    def _subtree(self, heads: Iterable[Leder]) -> list[Leder]:
        out: dict[str, Leder] = {}
        todo = list(heads)
        while todo:
            ld = todo.pop(0)
            if ld.id.casefold() in out:
                continue
            out[ld.id.casefold()] = ld
            todo.extend(self._under.get(ld.id.casefold(), []))
        return list(out.values())

    # --- reading a cell --------------------------------------------------------------

    def treff(self, lines: Sequence[str]) -> list[Treff]:
        """Every piece of a cell (its lines as read) with what it means."""
        out: list[Treff] = []
        for line in lines:
            for part in _PARTS.split(line):
                if part.strip():
                    out += self._part(part.strip())
        return out

    def ledere(self, lines: Sequence[str]) -> list[Leder]:
        """The leaders a cell means, each once, in the order the cell names them."""
        seen: dict[str, Leder] = {}
        for t in self.treff(lines):
            for ld in t.ledere:
                seen.setdefault(ld.id.casefold(), ld)
        return list(seen.values())

    def _part(self, part: str) -> list[Treff]:
        whole = self._piece(part)
        bits = _CONNECTORS.split(part)  # pieces, with the connectors between them
        if whole.slag != "ukjent" or len(bits) == 1:
            return [whole]
        pieces = []
        i = 0
        while i < len(bits):  # longest known run first: «Plan- og næringssjef» stays whole
            j = next((j for j in range(len(bits), i + 1, -2)
                      if self._piece("".join(bits[i:j])).slag != "ukjent"), i + 1)
            pieces.append("".join(bits[i:j]).strip())
            i = j + 1
        out = []
        unit: str | None = None  # the unit of a preceding role, for a bare level after it
        role: AnyLedernivå | None = None  # a preceding plural level, for bare units after it
        for piece in (p for p in pieces if p):
            t = self._piece(piece)
            word = self._word(piece)
            form = self._role_form(piece) if t.slag == "rolle" else None
            if t.slag == "enhet" and role is not None:
                t = self._role(piece, role, self._units[normalise(piece)])
            elif t.slag == "nivå" and unit is not None and word and word[0]:
                t = self._role(piece, word[0], unit)
            if form is not None:
                (lvl, plural), unit = form
                role = lvl if plural and lvl else None
            elif t.slag != "enhet" and t.slag != "rolle":
                role = None
            out.append(t)
        return out

    def _word(self, text: str) -> tuple[AnyLedernivå | None, bool] | None:
        """A role word, also the Kommune sheet's own level names (before the synonyms:
        «Virksomhetsleder» may be a level of its own)."""
        return self._own_words.get(normalise(text)) or _word(text)

    def _role_form(self, text: str) -> tuple[tuple[AnyLedernivå | None, bool], str] | None:
        """«Kommunalsjef OO» → ((level, plural), unit code); None if not that form."""
        bits = text.split(None, 1)
        if len(bits) != 2:
            return None
        w = self._word(bits[0])
        kode = self._units.get(normalise(bits[1]))
        return (w, kode) if w is not None and kode else None

    def _piece(self, text: str) -> Treff:
        key = normalise(text)
        ld = self._ledere.get(text.strip().casefold())
        if ld is not None:
            return Treff(text, "leder", (ld,))
        if key in self._units:
            kode = self._units[key]
            heads = tuple(self._heads(kode))
            note = None if heads else (f"enheten {kode} har ingen leder i arket Ledere")
            return Treff(text, "enhet", heads, merknad=note)
        if key in self._grupper:
            g = self._grupper[key]
            return Treff(text, "gruppe", self._group(g), gruppe=g)
        if _ALLE.match(key):
            return Treff(text, "alle", self._med_avtale)
        word = self._word(key)
        if word and word[0] is not None:
            lvl = word[0]
            found = tuple(ld for ld in self.data.ledere if ld.nivå == lvl)
            why = None if found else (f"ingen ledere har ledernivå «{lvl.value}» i arket Ledere "
                                      "(kolonnen Ledernivå)")
            return Treff(text, "nivå", found, feil=why)
        form = self._role_form(text)
        if form is not None:
            return self._role(text, form[0][0], form[1])
        same = tuple(ld for ld in self.data.ledere if normalise(ld.stilling) == key)
        if same:
            return Treff(text, "stilling", same)
        named = tuple(ld for ld in self.data.ledere if normalise(ld.navn) == key)
        if len(named) == 1:
            return Treff(text, "navn", named)
        if named:
            ids = ", ".join(ld.id for ld in named)
            return Treff(text, "navn", feil=f"flere ledere i arket Ledere heter «{text}» "
                         f"({ids}); skriv Leder-ID-en i stedet for navnet")
        return Treff(text, "ukjent", feil=TRIED)

    def _role(self, text: str, lvl: AnyLedernivå | None, kode: str) -> Treff:
        heads = self._heads(kode)
        if lvl is None or not self._har_nivå:
            found = tuple(heads)
        else:
            found = tuple(ld for ld in self._subtree(heads) if ld.nivå == lvl)
        why = None
        if not found:
            if not heads:
                why = f"enheten {kode} har ingen leder i arket Ledere"
            else:
                who = ", ".join(f"{ld.navn} ({ld.nivå.value if ld.nivå else 'uten nivå'})"
                                for ld in heads)
                why = (f"ingen med ledernivå «{lvl.value if lvl else ''}» leder enheten "
                       f"{kode} eller er under lederen der (lederen er {who})")
        return Treff(text, "rolle", found, feil=why)

    # --- groups ----------------------------------------------------------------------

    def _group(self, g: Gruppe) -> tuple[Leder, ...]:
        key = normalise(g.navn)
        if key in self._group_cache:
            return self._group_cache[key]
        if key in self._group_stack:
            return ()  # reported by gruppefeil()
        self._group_stack.append(key)
        try:
            seen: dict[str, Leder] = {}
            for t in self.treff(g.medlemmer):
                for ld in t.ledere:
                    seen.setdefault(ld.id.casefold(), ld)
            found = tuple(seen.values())
        finally:
            self._group_stack.pop()
        self._group_cache[key] = found
        return found

    def gruppefeil(self) -> list[Gruppefeil]:
        """Cycles and members that mean nobody, per group in the sheet «Grupper»."""
        out = []
        for g in self.data.grupper:
            key = normalise(g.navn)
            if key in self._units or g.navn.strip().casefold() in self._ledere:
                what = "en Leder-ID" if g.navn.strip().casefold() in self._ledere else (
                    "en enhet i arket Enheter")
                out.append(Gruppefeil(g, f"navnet er også {what}, og HA/DA «{g.navn}» betyr "
                                      "den; gi gruppen et annet navn."))
            cycle = self._cycle(g)
            if cycle:
                out.append(Gruppefeil(g, "gruppen inneholder seg selv: "
                                      + " → ".join(cycle) + ". Fjern en av lenkene."))
                continue
            for t in self.treff(g.medlemmer):
                if t.feil:
                    out.append(Gruppefeil(g, f"medlemmet «{t.tekst}» peker ikke på noen leder: "
                                          f"{t.feil}."))
                elif t.merknad:
                    out.append(Gruppefeil(g, f"medlemmet «{t.tekst}»: {t.merknad}.", False))
        return out

    def _cycle(self, start: Gruppe) -> list[str]:
        """The path by which a group contains itself, or [] (depth-first over members)."""
        def walk(g: Gruppe, path: list[str], seen: set[str]) -> list[str]:
            for t in self.treff(g.medlemmer):
                if t.gruppe is None:
                    continue
                if normalise(t.gruppe.navn) == normalise(start.navn):
                    return [*path, t.gruppe.navn]
                key = normalise(t.gruppe.navn)
                if key not in seen:
                    seen.add(key)
                    found = walk(t.gruppe, [*path, t.gruppe.navn], seen)
                    if found:
                        return found
            return []

        return walk(start, [start.navn], set())

    # --- oppdrag ---------------------------------------------------------------------

    @cached_property
    def _roller(self) -> list[tuple[Oppdrag, dict[str, str]]]:
        out = []
        for o in self.data.oppdrag:
            roles: dict[str, str] = {}
            for ld in self.ledere(o.da):
                roles[ld.id.casefold()] = DA
            for ld in self.ledere(o.ha):
                roles[ld.id.casefold()] = HA  # HA wins over DA
            out.append((o, roles))
        return out

    def roller(self, oppdrag: Oppdrag) -> dict[str, str]:
        """Leader id (case-folded) → «HA» or «DA» for one oppdrag."""
        return next(r for o, r in self._roller if o is oppdrag)

    def oppdrag_for(self, leder: Leder) -> list[tuple[Oppdrag, str]]:
        """The oppdrag whose HA or DA means the leader, with the role (HA wins)."""
        key = leder.id.casefold()
        return [(o, r[key]) for o, r in self._roller if key in r]

    # --- printing --------------------------------------------------------------------

    def rolle(self, leder: Leder) -> str:
        """A leader as printed instead of a Leder-ID: the stilling, with the unit if shared."""
        same = [ld for ld in self.data.ledere
                if normalise(ld.stilling) == normalise(leder.stilling)]
        return leder.stilling if len(same) == 1 else f"{leder.stilling} {leder.enhet}"

    @cached_property
    def _id_pattern(self) -> re.Pattern[str] | None:
        ids = sorted((re.escape(ld.id) for ld in self.data.ledere if ld.id.strip()),
                     key=len, reverse=True)
        if not ids:
            return None
        return re.compile(r"(?<![\w-])(" + "|".join(ids) + r")(?![\w-])", re.IGNORECASE)

    def vis(self, lines: Sequence[str]) -> list[str]:
        """A cell's lines as the municipality wrote them, Leder-IDs shown as roles."""
        pattern = self._id_pattern
        if pattern is None:
            return list(lines)
        return [pattern.sub(lambda m: self.rolle(self._ledere[m[1].casefold()]), line)
                for line in lines]

    def brukte_grupper(self) -> list[Gruppe]:
        """The groups written in some oppdrag's HA or DA, in the order of «Grupper»."""
        used = {normalise(t.gruppe.navn) for o in self.data.oppdrag
                for t in self.treff([*o.ha, *o.da]) if t.gruppe is not None}
        return [g for g in self.data.grupper if normalise(g.navn) in used]

    def forklaring(self, g: Gruppe) -> str:
        """What a group means, for the abbreviation list: its description or its members."""
        return g.beskrivelse or "Gruppe: " + ", ".join(self.vis(g.medlemmer))
