"""The HA/DA resolver pinned at its boundaries: which leaders an entry means, groups, levels
and the messages when an entry means nobody (unit level, no build).

Fast on purpose: benchmarks/mutation.py runs them once per mutant. Expected values are
written out here, not computed by the code under test. (Split from the former
tests/test_rules_new.py by concern.)
"""

from __future__ import annotations

import dataclasses

import pytest

from generator.demo.data import demo_data
from generator.model.ansvar import DA, HA, TRIED, Ansvar, normalise
from generator.model.domain import (
    Enhet,
    Gruppe,
    Leder,
    Ledernivå,
)

DATA = demo_data()


# --- the HA/DA resolver ----------------------------------------------------------------------
# The demo: L01 kommunedirektør (KD); kommunalsjefer L02 OPPV, L03 HO, L04 SAMF; stabsledere
# L05–L08; enhetsledere L09–L13 under L02, L14–L19 under L03, L20–L25 under L04. L01 has no
# lederavtale. Groups: KLG = KD, Kommunalsjefer, L05, HR; «Eiendom og VA»; TLG nests it.

ENHETSLEDERE = [f"L{i:02}" for i in range(9, 26)]


def _with(**changes) -> Ansvar:
    return Ansvar(dataclasses.replace(DATA, **changes))


def _ids(cell: list[str], ansvar: Ansvar | None = None) -> list[str]:
    return [ld.id for ld in (ansvar or Ansvar(DATA)).ledere(cell)]


@pytest.mark.parametrize(("cell", "expected"), [
    (["L05"], ["L05"]),
    (["l05"], ["L05"]),                                   # ids ignore case
    (["HO"], ["L03"]),                                    # a unit code = its leader
    (["ho"], ["L03"]),
    (["Fjellvik sykehjem"], ["L14"]),                     # a unit's full name
    (["  fjellvik   SYKEHJEM. "], ["L14"]),               # spaces, case and a full stop
    (["KLG"], ["L01", "L02", "L03", "L04", "L05", "L06"]),  # a group, members in order
    (["TLG"], ["L20", "L21", "L22", "L25"]),              # a group inside a group
    (["Kommunalsjefer"], ["L02", "L03", "L04"]),          # a level = everyone with it
    (["Kommunalsjef"], ["L02", "L03", "L04"]),            # singular as well
    (["Stabsledere"], ["L05", "L06", "L07", "L08"]),
    (["Kommunedirektører"], ["L01"]),
    (["Enhetsledere"], ENHETSLEDERE),
    (["Kommunalsjef HO"], ["L03"]),                       # a role in a unit = its leader
    (["Leder KULT"], ["L24"]),
    (["Enhetsledere OPPV"], ["L09", "L10", "L11", "L12", "L13"]),  # a level under a unit
    (["Enhetsledere FSK og NSK"], ["L09", "L10"]),        # the level carries on
    (["Kommunalsjef OPPV sammen med enhetsledere"],       # a bare level stays in the unit
     ["L02", "L09", "L10", "L11", "L12", "L13"]),
    (["PLAN og FLY"], ["L23", "L13"]),
    (["Plan- og næringssjef"], ["L23"]),                  # a stilling with «og» stays whole
    (["Rektor"], ["L09", "L10"]),                         # a stilling = all who hold it
    (["HR, IKT; SERV"], ["L06", "L07", "L08"]),           # comma and semicolon
    (["HR", "IKT"], ["L06", "L07"]),                      # one per line
    (["HR & IKT + SERV samt NAV"], ["L06", "L07", "L08", "L19"]),
    (["HR", "L06", "hr"], ["L06"]),                       # each leader once
    (["Enhetsledere OPPV og HO"], ["L09", "L10", "L11", "L12", "L13",   # carried to HO
                                   "L14", "L15", "L16", "L17", "L18", "L19"]),
    (["Enhetsledere OPPV og HO og SAMF"], ["L09", "L10", "L11", "L12", "L13", "L14", "L15",
                                          "L16", "L17", "L18", "L19", "L20", "L21", "L22",
                                          "L23", "L24", "L25"]),
    (["Enhetsledere OPPV og L05 og HO"],                   # a non-unit piece ends the carry
     ["L09", "L10", "L11", "L12", "L13", "L05", "L03"]),
    (["Enhetsledere OPPV og Rektor"], ["L09", "L10", "L11", "L12", "L13"]),
    (["Kommunalsjef OPPV og FSK"], ["L02", "L09"]),      # a singular role does not carry
    (["Kommunalsjef OPPV og enhetsleder"],                # singular bare level stays too
     ["L02", "L09", "L10", "L11", "L12", "L13"]),
    (["HR og Enhetsledere"], ["L06", *ENHETSLEDERE]),     # no role before: the whole level
    (["Plan- og næringssjef og HR"], ["L23", "L06"]),     # the longest known run first
    (["HR og Plan- og næringssjef"], ["L06", "L23"]),
    (["Leder Fjellvik sykehjem"], ["L14"]),               # a role in a unit's full name
    (["Leder"], []),
    (["Alle ledere"], [f"L{i:02}" for i in range(2, 26)]),  # everyone with a lederavtale
    (["Alle ledere i Fjellvik kommune"], [f"L{i:02}" for i in range(2, 26)]),
])
def test_each_form_of_an_entry_means_exactly_these_leaders(cell: list[str],
                                                           expected: list[str]) -> None:
    assert _ids(cell) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Avd.ledere", "avdelingsledere"),
    ("Avd. leder", "avdelingsleder"),
    ("avd leder", "avdelingsleder"),
    ("Avdelingsledere", "avdelingsledere"),
    ("Einingsleiar", "enhetsleder"),  # nynorsk reads as bokmål (issue 27)
    ("Leiarar", "ledere"),
    ("  Enhets   Ledere : ", "enhets ledere"),
    ("Ǩ", "ǩ"),
])
def test_names_are_compared_normalised(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_what_each_piece_was_read_as() -> None:
    treff = Ansvar(DATA).treff(
        ["L05, HO, KLG, Alle ledere, Enhetsledere, Leder KULT, Rektor, Finnes ikke"])
    assert [(t.tekst, t.slag) for t in treff] == [
        ("L05", "leder"), ("HO", "enhet"), ("KLG", "gruppe"), ("Alle ledere", "alle"),
        ("Enhetsledere", "nivå"), ("Leder KULT", "rolle"), ("Rektor", "stilling"),
        ("Finnes ikke", "ukjent")]
    assert [(t.feil, t.merknad) for t in treff[:7]] == [(None, None)] * 7
    parts = Ansvar(DATA).treff(["Enhetsledere OPPV og HO", "Kommunalsjef OPPV og enhetsledere"])
    assert [(t.tekst, t.slag) for t in parts] == [
        ("Enhetsledere OPPV", "rolle"), ("HO", "rolle"), ("Kommunalsjef OPPV", "rolle"),
        ("enhetsledere", "rolle")]


def test_an_unknown_entry_means_nobody_and_says_what_was_tried() -> None:
    (t,) = Ansvar(DATA).treff(["Finnes ikke"])
    assert t.ledere == () and t.feil == TRIED and t.merknad is None


def test_a_level_nobody_has_is_an_error_naming_the_level() -> None:
    (t,) = Ansvar(DATA).treff(["Avdelingsledere"])
    assert t.slag == "nivå" and t.ledere == ()
    assert t.feil == ("ingen ledere har ledernivå «avdelingsleder» i arket Ledere (kolonnen "
                      "Ledernivå)")


def test_a_unit_without_a_leader_is_a_notice_not_an_error() -> None:
    ansvar = _with(enheter=[*DATA.enheter, Enhet("TOM", "Tom enhet")])
    (t,) = ansvar.treff(["TOM"])
    assert t.slag == "enhet" and t.ledere == () and t.feil is None
    assert t.merknad == "enheten TOM har ingen leder i arket Ledere"
    (role,) = ansvar.treff(["Leder TOM"])
    assert role.ledere == () and role.feil == "enheten TOM har ingen leder i arket Ledere"


def test_a_role_nobody_in_the_unit_has_names_the_leader_there() -> None:
    (t,) = Ansvar(DATA).treff(["Stabsledere OPPV"])
    assert t.slag == "rolle" and t.ledere == ()
    assert t.feil == ("ingen med ledernivå «stabsleder» leder enheten OPPV eller er under "
                      "lederen der (lederen er Trond Hjelmeland (kommunalsjef))")


def test_the_message_lists_every_leader_of_the_unit_with_their_level() -> None:
    extra = Leder("L26", "Ny Person", "Rådgiver", "OPPV")
    (t,) = _with(ledere=[*DATA.ledere, extra]).treff(["Stabsledere OPPV"])
    assert t.feil is not None and t.feil.endswith(
        "(lederen er Trond Hjelmeland (kommunalsjef), Ny Person (uten nivå))")


def test_levels_are_found_in_the_whole_tree_under_the_units_leaders() -> None:
    # two leaders in one unit, the second under the first; a third under the second elsewhere
    a = Leder("A1", "Anne A", "Leder", "TOM", "L02", Ledernivå.ENHETSLEDER)
    b = Leder("B1", "Bjørn B", "Nestleder", "TOM", "A1", Ledernivå.AVDELINGSLEDER)
    c = Leder("C1", "Cecilie C", "Teamleder", "FSK", "B1", Ledernivå.AVDELINGSLEDER)
    ansvar = _with(ledere=[*DATA.ledere, a, b, c],
                   enheter=[*DATA.enheter, Enhet("TOM", "Tom enhet")])
    assert _ids(["Avdelingsledere TOM"], ansvar) == ["B1", "C1"]
    assert _ids(["Avdelingsledere OPPV"], ansvar) == ["B1", "C1"]
    assert _ids(["Leder TOM"], ansvar) == ["A1", "B1"]


def test_an_id_in_text_is_left_alone_when_there_are_no_ids() -> None:
    assert _with(ledere=[]).vis(["L05 og HR"]) == ["L05 og HR"]


def test_without_a_level_column_any_role_means_the_units_leader() -> None:
    ansvar = _with(ledere=[dataclasses.replace(ld, nivå=None) for ld in DATA.ledere])
    assert _ids(["Enhetsledere OPPV"], ansvar) == ["L02"]
    assert _ids(["Kommunalsjef HO"], ansvar) == ["L03"]
    (t,) = ansvar.treff(["Enhetsledere"])
    assert t.ledere == () and t.feil is not None


def test_ha_wins_over_da_and_each_leader_gets_one_role() -> None:
    o = dataclasses.replace(DATA.oppdrag[0], ha=["L05"], da=["ØKO", "KD", "Leder HR"])
    ansvar = _with(oppdrag=[o])
    assert ansvar.roller(ansvar.data.oppdrag[0]) == {"l05": HA, "l01": DA, "l06": DA}
    l06 = DATA.leder("L06")
    assert l06 is not None and ansvar.oppdrag_for(l06) == [(ansvar.data.oppdrag[0], DA)]
    l07 = DATA.leder("L07")
    assert l07 is not None and ansvar.oppdrag_for(l07) == []


def test_a_leader_is_printed_as_the_stilling_with_the_unit_only_when_shared() -> None:
    ansvar = Ansvar(DATA)
    l05, l09 = DATA.leder("L05"), DATA.leder("L09")
    assert l05 is not None and l09 is not None
    assert ansvar.rolle(l05) == "Økonomisjef"
    assert ansvar.rolle(l09) == "Rektor FSK"  # two leaders are «Rektor»
    assert ansvar.vis(["L05 og KD", "l09", "XL05, L05-2, L055"]) == [
        "Økonomisjef og KD", "Rektor FSK", "XL05, L05-2, L055"]


def test_groups_used_in_oppdrag_and_their_explanation() -> None:
    ansvar = Ansvar(DATA)
    assert [g.navn for g in ansvar.brukte_grupper()] == ["KLG", "TLG"]
    klg = ansvar.brukte_grupper()[0]
    assert ansvar.forklaring(klg) == klg.beskrivelse
    bare = Gruppe("Team", ["L05", "HR"])
    assert ansvar.forklaring(bare) == "Gruppe: Økonomisjef, HR"


def test_a_group_cycle_is_reported_with_its_path() -> None:
    groups = [Gruppe("A", ["HR", "B"]), Gruppe("B", ["C"]), Gruppe("C", ["a"]),
              Gruppe("D", ["A", "L07"])]  # D holds the cycle but is not in it
    ansvar = _with(grupper=groups)
    problems = ansvar.gruppefeil()
    assert [(p.gruppe.navn, p.melding, p.feil) for p in problems] == [
        ("A", "gruppen inneholder seg selv: A → B → C → A. Fjern en av lenkene.", True),
        ("B", "gruppen inneholder seg selv: B → C → A → B. Fjern en av lenkene.", True),
        ("C", "gruppen inneholder seg selv: C → A → B → C. Fjern en av lenkene.", True)]
    assert _ids(["A"], ansvar) == ["L06"]  # a cycle adds nobody, and does not hang
    assert _ids(["D"], ansvar) == ["L06", "L07"]


def test_group_problems_members_and_names() -> None:
    tom = Enhet("TOM", "Tom enhet")
    groups = [Gruppe("HO", ["L05"]), Gruppe("l07", ["L05"]),
              Gruppe("G", ["Finnes ikke", "TOM", "L05"])]
    problems = _with(grupper=groups, enheter=[*DATA.enheter, tom]).gruppefeil()
    assert [(p.gruppe.navn, p.melding, p.feil) for p in problems] == [
        ("HO", "navnet er også en enhet i arket Enheter, og HA/DA «HO» betyr den; gi gruppen "
               "et annet navn.", True),
        ("l07", "navnet er også en Leder-ID, og HA/DA «l07» betyr den; gi gruppen et annet "
                "navn.", True),
        ("G", f"medlemmet «Finnes ikke» peker ikke på noen leder: {TRIED}.", True),
        ("G", "medlemmet «TOM»: enheten TOM har ingen leder i arket Ledere.", False)]


def test_a_leaders_name_means_that_leader() -> None:
    """«HA: Kristin Løvås» as a municipality may write it: the leader with that name in the
    Ledere sheet (spaces and case as in any other name), also with « og » between names."""
    assert _ids(["Kristin Løvås"]) == ["L05"]
    (t,) = Ansvar(DATA).treff(["  kristin   løvås "])
    assert (t.slag, t.feil) == ("navn", None)
    assert _ids(["Trond Hjelmeland og Áile Biŧŧi"]) == ["L02", "L06"]
    assert _ids(["Ánne Risten Đuolja, HO"]) == ["L01", "L03"]


def test_a_name_two_leaders_share_is_an_error_naming_both() -> None:
    twin = dataclasses.replace(DATA.ledere[5], id="L99", navn=DATA.ledere[4].navn)
    ansvar = _with(ledere=[*DATA.ledere, twin])
    (t,) = ansvar.treff(["Kristin Løvås"])
    assert t.ledere == ()
    assert t.feil == ("flere ledere i arket Ledere heter «Kristin Løvås» (L05, L99); skriv "
                      "Leder-ID-en i stedet for navnet")
