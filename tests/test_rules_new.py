"""The rules the newer issues added, pinned at their boundaries (unit level, no build).

Risk scales and thresholds, the HA/DA resolver, who owns a file in the output folder and
the archive code lists. These are fast on purpose: benchmarks/mutation.py runs them once per
mutant. Expected values are written out here, not computed by the code under test.
"""

from __future__ import annotations

import dataclasses

import pytest

from generator.demo.data import demo_data
from generator.model.ansvar import DA, HA, TRIED, Ansvar, normalise
from generator.model.domain import Enhet, Gruppe, Nivå, Risikoskala, Status

DATA = demo_data()


# --- risk scales and thresholds --------------------------------------------------------------


@pytest.mark.parametrize(("scale", "levels", "letters", "thresholds"), [
    (Risikoskala.FEM, 5, False, (5, 15)),
    (Risikoskala.FIRE, 4, False, (4, 9)),
    (Risikoskala.TRE, 3, False, (3, 6)),
    (Risikoskala.LMH, 3, True, (3, 6)),
])
def test_each_scale_has_its_steps_and_default_thresholds(
        scale: Risikoskala, levels: int, letters: bool, thresholds: tuple[int, int]) -> None:
    assert scale.levels == levels
    assert scale.letters is letters
    assert scale.default_thresholds == thresholds


def test_scale_labels() -> None:
    assert [Risikoskala.LMH.label(i) for i in (1, 2, 3)] == ["L", "M", "H"]
    assert [Risikoskala.FEM.label(i) for i in (1, 3, 5)] == ["1", "3", "5"]
    assert Risikoskala.FIRE.label(4) == "4"


def _settings(scale: Risikoskala, gul: int | None = None, rød: int | None = None):
    return dataclasses.replace(DATA.innstillinger, risikoskala=scale, risiko_gul_fra=gul,
                               risiko_rød_fra=rød)


@pytest.mark.parametrize(("scale", "gul", "rød", "expected"), [
    (Risikoskala.FEM, None, None, (5, 15)),
    (Risikoskala.FIRE, None, None, (4, 9)),
    (Risikoskala.LMH, None, None, (3, 6)),
    (Risikoskala.FEM, 7, None, (7, 15)),   # an empty cell takes the scale's default ...
    (Risikoskala.FEM, None, 12, (5, 12)),  # ... each on its own
    (Risikoskala.FIRE, 2, 3, (2, 3)),
    (Risikoskala.FEM, 1, 1, (1, 1)),
])
def test_thresholds_as_given_or_the_scales_defaults(
        scale: Risikoskala, gul: int | None, rød: int | None, expected: tuple[int, int]) -> None:
    assert _settings(scale, gul, rød).risikoterskler == expected


@pytest.mark.parametrize(("scale", "s", "k", "expected"), [
    (Risikoskala.FIRE, 1, 3, Status.GRØNN),  # RF 3 < 4
    (Risikoskala.FIRE, 2, 2, Status.GUL),    # RF 4: yellow from 4
    (Risikoskala.FIRE, 2, 4, Status.GUL),    # RF 8 < 9
    (Risikoskala.FIRE, 3, 3, Status.RØD),    # RF 9: red from 9
    (Risikoskala.LMH, 1, 2, Status.GRØNN),   # L × M = 2
    (Risikoskala.LMH, 1, 3, Status.GUL),     # L × H = 3
    (Risikoskala.LMH, 2, 2, Status.GUL),     # M × M = 4
    (Risikoskala.LMH, 2, 3, Status.RØD),     # M × H = 6
    (Risikoskala.TRE, 3, 3, Status.RØD),
])
def test_colour_on_each_scale_with_default_thresholds(
        scale: Risikoskala, s: int, k: int, expected: Status) -> None:
    data = dataclasses.replace(DATA, innstillinger=_settings(scale))
    risk = dataclasses.replace(DATA.risikoer[0], sannsynlighet=Nivå(s), konsekvens=Nivå(k))
    assert data.risikostatus(risk) is expected


def test_a_level_is_its_number_and_remembers_what_was_typed() -> None:
    h = Nivå(3, "H")
    assert h == 3 and h * Nivå(2) == 6
    assert h.typed == "H" and h.is_letter
    plain = Nivå(4)
    assert plain.typed == "4" and not plain.is_letter
    assert not Nivå(2, " 2 ").is_letter
    assert Nivå(1, "lav").is_letter


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
    ("Einingsleiar", "einingsleder"),
    ("Leiarar", "ledere"),
    ("  Enhets   Ledere : ", "enhets ledere"),
    ("Ǩ", "ǩ"),
])
def test_names_are_compared_normalised(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_what_each_piece_was_read_as() -> None:
    slag = [t.slag for t in Ansvar(DATA).treff(
        ["L05, HO, KLG, Alle ledere, Enhetsledere, Leder KULT, Rektor, Finnes ikke"])]
    assert slag == ["leder", "enhet", "gruppe", "alle", "nivå", "rolle", "stilling", "ukjent"]


def test_an_unknown_entry_means_nobody_and_says_what_was_tried() -> None:
    (t,) = Ansvar(DATA).treff(["Finnes ikke"])
    assert t.ledere == () and t.feil == TRIED and t.merknad is None


def test_a_level_nobody_has_is_an_error_naming_the_level() -> None:
    (t,) = Ansvar(DATA).treff(["Avdelingsledere"])
    assert t.slag == "nivå" and t.ledere == ()
    assert t.feil is not None and "«avdelingsleder»" in t.feil


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
    groups = [Gruppe("A", ["B", "HR"]), Gruppe("B", ["C"]), Gruppe("C", ["a"])]
    ansvar = _with(grupper=groups)
    problems = ansvar.gruppefeil()
    assert [(p.gruppe.navn, p.melding, p.feil) for p in problems] == [
        ("A", "gruppen inneholder seg selv: A → B → C → A. Fjern en av lenkene.", True),
        ("B", "gruppen inneholder seg selv: B → C → A → B. Fjern en av lenkene.", True),
        ("C", "gruppen inneholder seg selv: C → A → B → C. Fjern en av lenkene.", True)]
    assert _ids(["A"], ansvar) == ["L06"]  # a cycle adds nobody, and does not hang


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
