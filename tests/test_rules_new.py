"""The rules the newer issues added, pinned at their boundaries (unit level, no build).

Risk scales and thresholds, the HA/DA resolver, who owns a file in the output folder and
the archive code lists. These are fast on purpose: benchmarks/mutation.py runs them once per
mutant. Expected values are written out here, not computed by the code under test.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from datetime import date, datetime, time
from pathlib import Path

import pikepdf
import pytest

from generator.demo.data import demo_data
from generator.documents import kompass, tertialrapport
from generator.documents.common import NO_FILL, PlanError, document_date, fill
from generator.documents.oppdragsbrev import perspektiver
from generator.files import sha256_file
from generator.input.convert import (
    TIMESPAN_EXAMPLE,
    ConversionError,
    convert,
    date_in_number,
    shown,
    timespan,
)
from generator.input.reader import FORMULA_WITHOUT_VALUE, Cell
from generator.model.ansvar import DA, HA, TRIED, Ansvar, normalise
from generator.model.column import Col, Column, Kind, resolve
from generator.model.domain import (
    Dokument,
    Enhet,
    Gruppe,
    KompassOmråde,
    KompassSpørsmål,
    Leder,
    Ledernivå,
    Nivå,
    Risikoskala,
    Risikostatus,
    Status,
    Størrelsesgruppe,
    _plassering_help,
    plassering_key,
)
from generator.model.styringsdata import Styringsdata
from generator.output import commit, manifest, ownership
from generator.output.archive import codes as archive
from generator.output.ownership import State

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
    ("Einingsleiar", "einingsleder"),
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


# --- who owns a file in the output folder ------------------------------------------------------


def _pdf(path: Path, value: bool, kids: bool = False, field_type: str = "/Sig") -> Path:
    """A real PDF with one signature field, filled (``value``) or empty, made with pikepdf."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    sig = pikepdf.Dictionary(Type=pikepdf.Name.Sig, ByteRange=pikepdf.Array([0, 0, 0, 0]))
    fld = pikepdf.Dictionary(FT=pikepdf.Name(field_type), T=pikepdf.String("Signatur"))
    if value:
        fld.V = pdf.make_indirect(sig)
    else:
        fld.Lock = pdf.make_indirect(sig)  # a /ByteRange in the file, but nobody has signed
    if kids:
        fld = pikepdf.Dictionary(T=pikepdf.String("Forelder"), Kids=pikepdf.Array([fld]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([pdf.make_indirect(fld)]))
    pdf.save(path)
    return path


def test_a_file_is_ours_only_with_exactly_the_bytes_written(tmp_path: Path) -> None:
    f = tmp_path / "a.docx"
    assert ownership.state(f, None) is State.MISSING
    assert ownership.state(f, "0" * 64) is State.MISSING
    f.write_bytes(b"skrevet av programmet")
    sha = hashlib.sha256(b"skrevet av programmet").hexdigest()
    assert sha256_file(f) == sha
    assert ownership.state(f, sha) is State.OURS
    assert ownership.state(f, None) is State.CHANGED  # never written by the product
    f.write_bytes(b"skrevet av programmet.")  # one byte more
    assert ownership.state(f, sha) is State.CHANGED


def test_a_folder_or_a_symlink_in_a_files_place_is_never_ours(tmp_path: Path) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"x")
    sha = hashlib.sha256(b"x").hexdigest()
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    assert ownership.state(link, sha) is State.CHANGED
    dangling = tmp_path / "dangling.docx"
    dangling.symlink_to(tmp_path / "nowhere")
    assert ownership.state(dangling, sha) is State.CHANGED  # lexists: not MISSING
    (tmp_path / "dir.docx").mkdir()
    assert ownership.state(tmp_path / "dir.docx", sha) is State.CHANGED


def test_a_signed_pdf_is_signed_and_an_unsigned_one_changed(tmp_path: Path) -> None:
    signed = _pdf(tmp_path / "signert.pdf", value=True)
    empty = _pdf(tmp_path / "tom.pdf", value=False)
    in_kid = _pdf(tmp_path / "barn.pdf", value=True, kids=True)
    not_sig = _pdf(tmp_path / "tekst.pdf", value=True, field_type="/Tx")
    assert ownership.is_signed(signed) and ownership.is_signed(in_kid)
    assert not ownership.is_signed(empty) and not ownership.is_signed(not_sig)
    assert ownership.state(signed, "0" * 64) is State.SIGNED
    assert ownership.state(signed, sha256_file(signed)) is State.OURS  # ours wins
    assert ownership.state(empty, "0" * 64) is State.CHANGED
    upper = tmp_path / "SIGNERT.PDF"
    upper.write_bytes(signed.read_bytes())
    assert ownership.state(upper, None) is State.SIGNED  # the suffix ignores case
    docx = tmp_path / "signert.docx"
    docx.write_bytes(signed.read_bytes())
    assert ownership.state(docx, None) is State.CHANGED  # only PDFs are looked into


@pytest.mark.parametrize("form", [None, "no fields"])
def test_a_signature_dictionary_outside_a_form_is_not_a_signature(tmp_path: Path,
                                                                  form: str | None) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.Merknad = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Sig, ByteRange=pikepdf.Array([0, 0, 0, 0])))
    if form:
        pdf.Root.AcroForm = pikepdf.Dictionary(NeedAppearances=True)
    path = tmp_path / "utkast.pdf"
    pdf.save(path)
    assert b"/ByteRange" in path.read_bytes()
    assert not ownership.is_signed(path)


def test_an_unreadable_pdf_with_a_signature_dictionary_counts_as_signed(tmp_path: Path) -> None:
    broken = tmp_path / "skadet.pdf"
    broken.write_bytes(b"%PDF-1.7\n<< /ByteRange [0 1 2 3] >> ikke en pdf")
    assert ownership.is_signed(broken)
    plain = tmp_path / "ren.pdf"
    plain.write_bytes(b"%PDF-1.7\n ikke en pdf uten signatur")
    assert not ownership.is_signed(plain)
    assert not ownership.is_signed(tmp_path / "finnes-ikke.pdf")


@pytest.mark.parametrize(("rel", "expected"), [
    ("lederavtale-x.docx", "lederavtale-x-ny.docx"),
    ("pdf/lederavtale-x.pdf", "pdf/lederavtale-x-ny.pdf"),
    ("a.b.docx", "a.b-ny.docx"),
    ("uten-endelse", "uten-endelse-ny"),
])
def test_the_new_version_beside_a_kept_file(rel: str, expected: str) -> None:
    assert ownership.beside(rel) == expected


def test_the_backup_folder_is_dated_inside_the_output_folder(tmp_path: Path) -> None:
    when = datetime(2026, 11, 23, 9, 5, 7)
    assert ownership.backup_folder(tmp_path, when) == (
        tmp_path / "sikkerhetskopi" / "2026-11-23-090507")
    assert ownership.backup_folder(tmp_path).parent == tmp_path / "sikkerhetskopi"


@pytest.mark.parametrize("rel", [
    "../x.docx", "a/../../x.docx", "a/../x.docx", "/etc/passwd", "\\\\server\\x", "C:x.docx",
    "c:\\x.docx", "", "a\0b", None, 5, ["a"],
])
def test_a_manifest_path_outside_the_folder_is_refused(tmp_path: Path, rel: object) -> None:
    assert ownership.inside(tmp_path, rel) is None


def test_paths_inside_the_folder_are_kept_and_symlinks_out_refused(tmp_path: Path) -> None:
    out = tmp_path / "ut"
    (out / "pdf").mkdir(parents=True)
    assert ownership.inside(out, "a.docx") == out / "a.docx"
    assert ownership.inside(out, "pdf/a.pdf") == out / "pdf" / "a.pdf"
    assert ownership.inside(out, "ny/mappe/a.pdf") == out / "ny" / "mappe" / "a.pdf"
    elsewhere = tmp_path / "annet"
    elsewhere.mkdir()
    (out / "lenke").symlink_to(elsewhere)
    assert ownership.inside(out, "lenke/a.docx") is None
    assert ownership.escapes(out, "lenke/a.docx") == elsewhere.resolve()
    assert ownership.escapes(out, "pdf/a.pdf") is None
    assert ownership.escapes(out, "a.docx") is None
    (out / "inne").symlink_to(out / "pdf")  # a link that stays inside is fine
    assert ownership.inside(out, "inne/a.pdf") == out / "inne" / "a.pdf"
    assert ownership.escapes(out, "inne/a.pdf") is None


# --- putting a build in place: all of it or none of it ----------------------------------------


def _stage(tmp_path: Path, files: dict[str, bytes]) -> tuple[Path, Path, commit.CommitPlan]:
    """An output folder with old files, a stage with new ones and the plan that moves them."""
    folder, stage = tmp_path / "ut", tmp_path / "stage"
    folder.mkdir(parents=True)
    stage.mkdir()
    plan = commit.CommitPlan()
    for i, (rel, data) in enumerate(files.items()):
        (stage / f"{i}.new").write_bytes(data)
        plan.moves.append((f"{i}.new", rel, hashlib.sha256(data).hexdigest()))
    return folder, stage, plan


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_commit_moves_new_files_in_and_keeps_the_old_aside(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a", "pdf/b.pdf": b"ny b"})
    (folder / "a.docx").write_bytes(b"gammel a")
    (folder / "borte.docx").write_bytes(b"skal bort")
    (folder / "endret.docx").write_bytes(b"endret av en person")
    plan.removals.append("borte.docx")
    plan.backups.append(("endret.docx", "sikkerhetskopi/t/endret.docx"))
    commit.precheck(folder, plan)
    commit.commit(folder, stage, "bygg-1", plan)
    assert _tree(folder) == {"a.docx": b"ny a", "pdf/b.pdf": b"ny b",
                             "sikkerhetskopi/t/endret.docx": b"endret av en person"}
    assert _tree(stage / commit.OLD) == {"a.docx": b"gammel a", "borte.docx": b"skal bort"}
    journal = json.loads((stage / commit.JOURNAL).read_text(encoding="utf-8"))
    assert journal == {"build": "bygg-1", "moves": [list(m) for m in plan.moves],
                       "backups": [list(b) for b in plan.backups], "removals": ["borte.docx"],
                       "retire_to": "", "made": ["pdf", "sikkerhetskopi", "sikkerhetskopi/t"]}


def test_a_rollback_puts_everything_back_as_before(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a", "ny.docx": b"helt ny"})
    (folder / "a.docx").write_bytes(b"gammel a")
    (folder / "borte.docx").write_bytes(b"skal bort")
    (folder / "endret.docx").write_bytes(b"endret")
    plan.removals.append("borte.docx")
    plan.backups.append(("endret.docx", "sikkerhetskopi/t/endret.docx"))
    before = _tree(folder)
    commit.commit(folder, stage, "bygg-1", plan)
    assert commit.rollback(folder, stage) == []
    assert _tree(folder) == before
    assert (stage / "1.new").read_bytes() == b"helt ny"  # the new file went back to the stage
    assert not (stage / commit.JOURNAL).exists()
    assert commit.rollback(folder, stage) == []  # no journal: nothing to do


def test_a_new_file_someone_changed_after_the_commit_is_not_taken_away(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"ny.docx": b"helt ny"})
    commit.commit(folder, stage, "bygg-1", plan)
    (folder / "ny.docx").write_bytes(b"endret etterpaa")
    assert commit.rollback(folder, stage) == []
    assert _tree(folder) == {"ny.docx": b"endret etterpaa"}


def test_a_failing_move_is_rolled_back_and_said_in_bokmal(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a", "b.docx": b"ny b"})
    (folder / "a.docx").write_bytes(b"gammel a")
    (stage / "1.new").unlink()  # the second move fails
    with pytest.raises(commit.CommitError) as e:
        commit.commit(folder, stage, "bygg-1", plan)
    assert _tree(folder) == {"a.docx": b"gammel a"}
    assert str(e.value).startswith("Flyttingen av de nye filene stoppet (")
    assert str(e.value).endswith(f"Alt er lagt tilbake: {folder} er som før byggingen.")
    assert "1.new" in str(e.value)


def test_recover_rolls_back_an_unfinished_build_and_keeps_a_finished_one(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a"})
    (folder / "a.docx").write_bytes(b"gammel a")
    commit.commit(folder, stage, "avbrutt", plan)
    notes = commit.recover(folder, [stage], current_build="et-annet")
    assert notes == ["en avbrutt bygging var halvveis; filene er lagt tilbake slik de var "
                     "før den."]
    assert _tree(folder) == {"a.docx": b"gammel a"} and not stage.exists()
    folder2, stage2, plan2 = _stage(tmp_path / "2", {"a.docx": b"ny a"})
    commit.commit(folder2, stage2, "ferdig", plan2)
    assert commit.recover(folder2, [stage2], current_build="ferdig") == []
    assert _tree(folder2) == {"a.docx": b"ny a"} and not stage2.exists()


def test_precheck_refuses_a_symlink_out_and_a_folder_in_a_files_place(tmp_path: Path) -> None:
    folder, _, plan = _stage(tmp_path, {"lenke/a.docx": b"a", "mappe.docx": b"b",
                                            "ok/c.docx": b"c"})
    (tmp_path / "annet").mkdir()
    (folder / "lenke").symlink_to(tmp_path / "annet")
    (folder / "mappe.docx").mkdir()
    with pytest.raises(commit.CommitError) as e:
        commit.precheck(folder, plan)
    msg = str(e.value)
    assert msg.startswith(f"Ingenting er endret i {folder}: «lenke» er en snarvei (symbolsk "
                          f"lenke) til {(tmp_path / 'annet').resolve()}, utenfor utmappen")
    assert "«mappe.docx» er en mappe, ikke en fil" in msg and msg.endswith(".")
    assert not list((tmp_path / "annet").iterdir())  # no probe written outside
    assert not (folder / "ok").exists()  # the check creates nothing (issue 23)
    assert [p.name for p in folder.iterdir()] == ["lenke", "mappe.docx"]  # probe removed


# --- the Kommunekompass chapter --------------------------------------------------------------


def _area(nr: int, poeng: float, fokus: str | None, nasj: float = 50, gr: float = 40):
    return KompassOmråde(nr, f"Område {nr}", poeng, nasj, gr, fokusområde=fokus)


def test_fokusområder_group_areas_by_name_ignoring_case_and_spaces() -> None:
    areas = [_area(1, 10, "Styring og  økonomi", 11, 12), _area(2, 20, None),
             _area(3, 30, "Demokrati"), _area(4, 40, "styring og økonomi", 13, 14)]
    groups = kompass.fokusområder(areas)
    assert [(g.navn, [a.nr for a in g.områder]) for g in groups] == [
        ("Styring og  økonomi", [1, 4]), ("Demokrati", [3])]
    g = groups[0]
    assert g.områdenavn == "1. Område 1, 4. Område 4"
    assert (g.poeng, g.snitt_nasjonalt, g.snitt_gruppe, g.maks) == (50, 24, 26, 200)
    assert groups[1].maks == 100


@pytest.mark.parametrize(("total", "expected"), [
    (359.9, "under normalområdet"),
    (360, "innenfor normalområdet"),   # both limits belong to the range
    (370, "innenfor normalområdet"),
    (380, "innenfor normalområdet"),
    (380.1, "over normalområdet"),
])
def test_placement_against_the_normal_range(total: float, expected: str) -> None:
    assert kompass.placement(total, 360, 380) == expected


def test_no_placement_without_both_limits() -> None:
    assert kompass.placement(370, None, 380) is None
    assert kompass.placement(370, 360, None) is None


def test_kompass_context_point_tables_totals_and_normal_range() -> None:
    areas = [_area(1, 47, "A"), _area(2, 20, "B"), _area(5, 33, "A")]
    questions = [KompassSpørsmål(1, "q1", 30, 17), KompassSpørsmål(5, "q5", 60, 33),
                 KompassSpørsmål(1, "q2", 70, 30), KompassSpørsmål(9, "annet", 10, 1)]
    inn = dataclasses.replace(DATA.innstillinger, normalområde_fra=90, normalområde_til=99)
    data = dataclasses.replace(DATA, kompass_spørsmål=questions, innstillinger=inn)
    ctx = kompass.context(data, areas)
    assert ctx["maks_total"] == 300
    assert ctx["normalområde"] == {"fra": 90, "til": 99, "plassering": "over normalområdet"}
    tables = ctx["poengtabeller"]
    assert [(t.nr, t.navn, t.tabell) for t in tables] == [(1, "Område 1", 3), (5, "Område 5", 4)]
    assert [(r.spørsmål, r.poeng, r.maks) for r in tables[0].rader] == [
        ("q1", 17, 30), ("q2", 30, 70)]
    assert (tables[0].poeng, tables[0].maks) == (47, 100)
    assert [g.navn for g in ctx["fokusområder"]] == ["A", "B"]
    # without fokusområder the point tables start at Tabell 2
    plain = [dataclasses.replace(a, fokusområde=None) for a in areas]
    ctx = kompass.context(dataclasses.replace(data, innstillinger=DATA.innstillinger), plain)
    assert [t.tabell for t in ctx["poengtabeller"]] == [2, 3] and ctx["fokusområder"] == []
    assert ctx["normalområde"] == {"fra": 360, "til": 380, "plassering": "under normalområdet"}
    no_range = dataclasses.replace(DATA.innstillinger, normalområde_til=None)
    assert kompass.context(dataclasses.replace(data, innstillinger=no_range),
                           plain)["normalområde"] is None


# --- the tertialrapport's context beyond the economy totals -----------------------------------

GRØNN, GUL, RØD = fill(Status.GRØNN), fill(Status.GUL), fill(Status.RØD)


def _plan(data: Styringsdata = DATA, nr: int = 2):
    return tertialrapport.plan(data, lambda obj: None, nr)[0]


@pytest.mark.parametrize(("value", "expected"), [
    (0.0, GRØNN), (7.0, GRØNN),   # at the target: green
    (7.01, GUL), (8.4, GUL),      # up to 20 % above the target: yellow
    (8.41, RØD), (30.0, RØD),
])
def test_sick_leave_colour_at_the_target_and_twenty_percent_above(value: float,
                                                                   expected: str) -> None:
    assert tertialrapport.sykefraværsfarge(value, 7.0) == expected


def test_sick_leave_is_weighted_by_årsverk() -> None:
    base = DATA.nøkkeltall[0]
    rows = [dataclasses.replace(base, sykefravær=10.0, årsverk=1.0),
            dataclasses.replace(base, sykefravær=4.0, årsverk=3.0)]
    assert tertialrapport.weighted_sick_leave(rows) == pytest.approx(5.5)  # (10 + 12) / 4
    assert tertialrapport.weighted_sick_leave([dataclasses.replace(base, årsverk=0.0)]) is None
    assert tertialrapport.weighted_sick_leave([]) is None


@pytest.mark.parametrize(("nr", "periode", "per_dato"), [
    (1, "1.\u00a0tertial 2026", date(2026, 4, 30)),
    (2, "2.\u00a0tertial 2026", date(2026, 8, 31)),
    (3, "3.\u00a0tertial 2026 (årsslutt)", date(2026, 12, 31)),
])
def test_period_and_date_per_tertial(nr: int, periode: str, per_dato: date) -> None:
    base = [ln for ln in DATA.økonomi if ln.tertial == 2]
    data = dataclasses.replace(DATA, økonomi=[dataclasses.replace(ln, tertial=nr) for ln in base])
    planned = _plan(data, nr)
    ctx = planned.context
    assert (ctx["tertial"], ctx["periode"], ctx["per_dato"]) == (nr, periode, per_dato)
    assert planned.title == f"Tertialrapport {nr}.\u00a0tertial 2026"
    assert planned.filename == f"tertialrapport-2026-t{nr}.docx"


def test_a_tertial_without_economy_figures_is_refused_with_the_sheet_named() -> None:
    data = dataclasses.replace(DATA, økonomi=[ln for ln in DATA.økonomi if ln.tertial != 2])
    with pytest.raises(PlanError) as e:
        _plan(data, 2)
    assert str(e.value) == ("det finnes ingen økonomitall for 2.\u00a0tertial 2026 i arket "
                            "Økonomi; fyll ut arket eller velg et annet tertial med --tertial.")


def test_risk_rows_summary_and_scale_text() -> None:
    ctx = _plan().context
    open_risks = [r for r in DATA.risikoer if r.status.value != "lukket"]
    assert [r["id"] for r in ctx["risikoer"]] == [r.id for r in open_risks]
    colour = {Status.RØD: RØD, Status.GUL: GUL, Status.GRØNN: GRØNN}
    for row, r in zip(ctx["risikoer"], open_risks, strict=True):
        rf = int(r.sannsynlighet) * int(r.konsekvens)
        status = Status.RØD if rf >= 15 else Status.GUL if rf >= 5 else Status.GRØNN
        assert (row["s"], row["k"], row["rf"], row["farge"]) == (
            str(int(r.sannsynlighet)), str(int(r.konsekvens)), rf, colour[status])
        assert (row["beskrivelse"], row["område"], row["mottiltak"], row["ansvarlig"]) == (
            r.beskrivelse, r.område, r.mottiltak, r.ansvarlig)
    assert ctx["risikosammendrag"] == ("Av 12 åpne risikoer er 5 røde, 5 gule og 2 grønne; "
                                       "2 er lukket.")
    assert ctx["risikoskala"] == "S og K er gitt på skalaen 1–5."
    assert (ctx["risiko_gul_fra"], ctx["risiko_rød_fra"]) == (5, 15)
    # none closed, letters on the scale
    inn = _settings(Risikoskala.LMH)  # thresholds empty: the scale's 3 and 6
    risks = [dataclasses.replace(r, sannsynlighet=Nivå(3, "H"), konsekvens=Nivå(1, "L"),
                                 status=Risikostatus.ÅPEN) for r in DATA.risikoer[:2]]
    ctx = _plan(dataclasses.replace(DATA, innstillinger=inn, risikoer=risks)).context
    assert ctx["risikosammendrag"] == "Av 2 åpne risikoer er 0 røde, 2 gule og 0 grønne."
    assert ctx["risikoskala"] == ("S og K er gitt på skalaen L/M/H (L = 1, M = 2, H = 3 i "
                                  "risikofaktoren).")
    assert [(r["s"], r["k"], r["rf"]) for r in ctx["risikoer"]] == [("H", "L", 3)] * 2
    assert (ctx["risiko_gul_fra"], ctx["risiko_rød_fra"]) == (3, 6)


def test_oppdrag_and_goal_rows_show_status_or_not_reported() -> None:
    ctx = _plan().context
    status = {s.nr: s for s in DATA.oppdragsstatus if s.tertial == 2}
    oppdrag = sorted(DATA.oppdrag, key=lambda o: o.nr)
    assert [r["nr"] for r in ctx["oppdrag"]] == [o.nr for o in oppdrag]
    for row, o in zip(ctx["oppdrag"], oppdrag, strict=True):
        s = status[o.nr]
        assert (row["tittel"], row["status"], row["farge"], row["kommentar"]) == (
            o.tittel, s.status.value.capitalize(), fill(s.status), s.kommentar or "")
    # nothing reported for tertial 1's oppdrag and goals once their rows are gone
    data = dataclasses.replace(DATA, oppdragsstatus=[], målresultater=[])
    ctx = _plan(data).context
    assert {(r["status"], r["farge"], r["kommentar"]) for r in ctx["oppdrag"]} == {
        ("Ikke rapportert", NO_FILL, "")}
    goals = [g for p in ctx["perspektiver"] for g in p["mål"]]
    assert goals and {(g["resultat"], g["status"], g["farge"], g["kommentar"]) for g in goals} == {
        ("–", "Ikke rapportert", NO_FILL, "")}


def test_goal_rows_carry_the_result_of_the_tertial() -> None:
    ctx = _plan().context
    results = {r.mål_id.casefold(): r for r in DATA.målresultater if r.tertial == 2}
    rows = [g for p in ctx["perspektiver"] for g in p["mål"]]
    goals = {g.mål: g for g in DATA.mål}
    assert len(rows) == len(DATA.mål)
    for row in rows:
        r = results[goals[row["mål"]].id.casefold()]
        assert (row["resultat"], row["status"], row["farge"], row["kommentar"]) == (
            r.resultat, r.status.value.capitalize(), fill(r.status), r.kommentar or "")


def test_key_figures_rows_sums_and_trend() -> None:
    ctx = _plan().context
    codes = [e.kode.casefold() for e in DATA.enheter]  # rows in the Enheter sheet's order
    rows = sorted((n for n in DATA.nøkkeltall if n.tertial == 2),
                  key=lambda n: codes.index(n.enhet.casefold()))
    assert rows != [n for n in DATA.nøkkeltall if n.tertial == 2]  # the order is tested
    names = {e.kode.casefold(): e.navn for e in DATA.enheter}
    assert [r["enhet"] for r in ctx["nøkkeltall"]] == [names[n.enhet.casefold()] for n in rows]
    for row, n in zip(ctx["nøkkeltall"], rows, strict=True):
        assert row["nærvær"] == pytest.approx(100 - n.sykefravær)
        assert (row["overtid"], row["årsverk"], row["avvik"]) == (n.overtid, n.årsverk, n.avvik)
        assert row["farge"] == tertialrapport.sykefraværsfarge(n.sykefravær, 7.0)
    weight = sum(n.årsverk for n in rows)
    sick = sum(n.sykefravær * n.årsverk for n in rows) / weight
    total = ctx["nøkkelsum"]
    assert total["sykefravær"] == pytest.approx(sick)
    assert total["nærvær"] == pytest.approx(100 - sick)
    assert (total["overtid"], total["årsverk"], total["avvik"]) == (
        sum(n.overtid for n in rows), weight, sum(n.avvik for n in rows))
    first = [n for n in DATA.nøkkeltall if n.tertial == 1]
    first_sick = sum(n.sykefravær * n.årsverk for n in first) / sum(n.årsverk for n in first)
    assert ctx["_bilder"]["trend"] == [("1.\u00a0tertial 2026", pytest.approx(first_sick)),
                                       ("2.\u00a0tertial 2026", pytest.approx(sick))]
    assert ctx["sykefravær_mål"] == 7.0 and ctx["terskel"] == 5.0


# --- look-ups on the data set ---------------------------------------------------------------


@pytest.mark.parametrize(("typed", "key"), [
    ("Etter økonomi", "etter økonomi"),
    ("  ETTER   økonomi ", "etter økonomi"),
    ("etter-økonomi", "etter økonomi"),
    ("etter_økonomi", "etter økonomi"),
    ("etter - _ økonomi", "etter økonomi"),
])
def test_a_placement_as_typed_matches_its_key(typed: str, key: str) -> None:
    assert plassering_key(typed) == key


def test_the_placement_help_lists_every_key_per_document() -> None:
    text = _plassering_help()
    assert text.startswith("oppdragsbrev: «først», «etter sammendrag», «etter forord», ")
    assert " lederavtale: «først», «etter struktur», «etter ansvar», «etter lederstøtte», " \
           "«etter oppfølging». tertialrapport: «først»," in text
    assert text.endswith("«etter delstrategier», «etter oppfølging».")


def test_units_leaders_and_bidrag_are_found_ignoring_case() -> None:
    ho = DATA.enhet("ho")
    assert ho is not None and ho.kode == "HO"
    assert DATA.enhet(None) is None and DATA.enhet("") is None and DATA.enhet("XX") is None
    l02 = DATA.leder("l02")
    assert l02 is not None and l02.id == "L02"
    assert DATA.leder(None) is None and DATA.leder("") is None
    assert [b.oppdrag_nr for b in DATA.bidrag_for(l02)] == [1, 5, 6, 8]
    lower = dataclasses.replace(DATA, bidrag=[dataclasses.replace(b, leder_id=b.leder_id.lower())
                                              for b in DATA.bidrag])
    assert [b.oppdrag_nr for b in lower.bidrag_for(l02)] == [1, 5, 6, 8]
    nobody = Leder("L99", "Ingen", "Ingen", "HO")
    assert DATA.bidrag_for(nobody) == []
    assert DATA.oppdrag_for(l02) == DATA.ansvar.oppdrag_for(l02) != []


# --- archive code lists ----------------------------------------------------------------------

KODELISTER = (Path(__file__).resolve().parents[1] / "generator" / "output" / "archive" / "schemas"
              / "fiks-arkiv-v2" / "kodelister")


def _published(name: str) -> dict[str, str]:
    data = json.loads((KODELISTER / f"{name}.json").read_text(encoding="utf-8-sig"))
    return {str(k["kodeverdi"]): str(k["kodebeskrivelse"]) for k in data["kodeliste"]}


@pytest.mark.parametrize(("lookup", "typed", "expected"), [
    (archive.journalposttype, "X", ("X", "Organinternt dokument uten oppfølging")),
    (archive.journalposttype, " organinternt dokument uten oppfølging ",
     ("X", "Organinternt dokument uten oppfølging")),
    (archive.variantformat, "a", ("A", "Arkivformat")),
    (archive.variantformat, "Produksjonsformat", ("P", "Produksjonsformat")),
    (archive.tilknyttet_registrering_som, "H", ("H", "Hoveddokument")),
    (archive.tilknyttet_registrering_som, "vedlegg", ("V", "Vedlegg")),
    (archive.dokumenttype, "avtale", ("AVTALE", "Avtale")),
    (archive.tilgangsrestriksjon, "p", ("P", "Personalsaker")),
])
def test_a_code_is_found_by_code_or_name_in_any_case(lookup, typed: str,
                                                     expected: tuple[str, str]) -> None:
    assert lookup(typed) == expected


def test_the_codes_the_product_writes_are_in_the_published_lists() -> None:
    for (kode, navn), liste in [(archive.JOURNALSTATUS, "journalstatus"),
                                (archive.DOKUMENTSTATUS, "dokumentstatus"),
                                (archive.DOKUMENTMEDIUM, "dokumentmedium"),
                                (archive.INTERN_AVSENDER, "korrespondanseparttype")]:
        assert _published(liste)[kode] == navn
    assert (archive.JOURNALSTATUS[0], archive.DOKUMENTSTATUS[0], archive.DOKUMENTMEDIUM[0],
            archive.INTERN_AVSENDER[0]) == ("F", "F", "E", "IA")
    assert archive.SIGNERT in _published("variantformat")
    assert _published("dokumenttype") == archive.DOKUMENTTYPE
    assert _published("tilgangsrestriksjon") == archive.TILGANGSRESTRIKSJON
    assert archive.ARCHIVE_FORMATS[archive.PRONOM["pdfa2b"]] == "PDF/A-2b"
    assert archive.PRONOM["docx"] not in archive.ARCHIVE_FORMATS  # DOCX is no arkivformat


def test_an_unknown_code_lists_what_is_allowed() -> None:
    with pytest.raises(archive.ArchiveError) as e:
        archive.variantformat("Z")
    allowed = ", ".join(f"{c} ({n})" for c, n in _published("variantformat").items())
    assert str(e.value) == f"ukjent variantformat 'Z'; bruk en av {allowed}"
    with pytest.raises(archive.ArchiveError, match=r"^dokumenttype mangler$"):
        archive.dokumenttype("  ")


@pytest.mark.parametrize("typed", ["13", "§ 13", "offl. § 13", "Offl §13", "25 a",
                                   "Unntatt offentlighet"])
def test_a_paragraph_is_refused_as_tilgangsrestriksjon(typed: str) -> None:
    with pytest.raises(archive.ArchiveError) as e:
        archive.tilgangsrestriksjon(typed, "Offl. § 25 første ledd")
    assert str(e.value) == (f"tilgangsrestriksjon {typed!r} er ikke en kode i listen; paragrafen "
                            "hører hjemme i skjermingshjemmelen (Offl. § 25 første ledd). Bruk "
                            "f.eks. «P» (Personalsaker)")
    with pytest.raises(archive.ArchiveError, match=r"\(mangler\)"):
        archive.tilgangsrestriksjon(typed)


# --- converting a cell, kind by kind ---------------------------------------------------------


def _col(annotation, kind: Kind | None = None, **limits) -> Column:
    return resolve("felt", annotation, Col("Felt", "hjelp", kind=kind, **limits), True)


def _conv(column: Column, value, percent: bool = False, error: bool = False):
    return convert(column, Cell(value, "B2", percent, error))


def _refused(column: Column, value, percent: bool = False) -> str:
    with pytest.raises(ConversionError) as e:
        _conv(column, value, percent)
    return str(e.value)


TEXT, LINES = _col(str), _col(list[str])
CODES, ANSVAR = _col(list[str], Kind.CODES), _col(list[str], Kind.ANSVAR)
INT = _col(int, minimum=1, maximum=5)
INT_MIN, INT_FREE = _col(int, minimum=1), _col(int)
DECIMAL = _col(float, minimum=0, maximum=100)
MONEY, PERCENT = _col(float, Kind.MONEY), _col(float, Kind.PERCENT)
DATE, TIME = _col(date), _col(time)
SPAN, LEVEL = _col(str, Kind.TIMESPAN), _col(int, Kind.LEVEL, minimum=1, maximum=5)
BOOL, CHOICE, SIZE = _col(bool), _col(Status), _col(Størrelsesgruppe)


@pytest.mark.parametrize(("value", "text"), [
    (datetime(2026, 11, 23), "23.11.2026"),           # midnight: shown as the date
    (datetime(2026, 11, 23, 0, 0, 1), "2026-11-23 00:00:01"),
    (datetime(2026, 11, 23, 0, 1), "2026-11-23 00:01:00"),
    (datetime(2026, 11, 23, 1), "2026-11-23 01:00:00"),
    (date(2026, 3, 4), "04.03.2026"),
    (time(9, 5), "09.05"),
    ("x" * 40, "x" * 40),
    ("x" * 41, "x" * 37 + "…"),
])
def test_a_value_is_quoted_as_excel_shows_it(value, text: str) -> None:
    assert shown(value) == text


def test_formula_without_value_and_excel_errors_are_refused() -> None:
    with pytest.raises(ConversionError) as e:
        _conv(TEXT, FORMULA_WITHOUT_VALUE)
    assert str(e.value) == ("cellen har en formel uten lagret verdi (filen er lagret av et "
                            "program som ikke regner ut formler). Åpne filen i Excel eller "
                            "LibreOffice og lagre den på nytt.")
    with pytest.raises(ConversionError) as e:
        _conv(TEXT, "#REF!", error=True)
    assert str(e.value) == "cellen inneholder Excel-feilen #REF!; rett formelen."
    assert _conv(TEXT, "#REF!") == "#REF!"  # typed as text: kept


@pytest.mark.parametrize(("column", "value", "expected"), [
    (TEXT, "  tekst  ", "tekst"),
    (TEXT, 3.0, "3"),
    (TEXT, 3.5, "3.5"),
    (TEXT, datetime(2026, 1, 2, 10, 30), "02.01.2026"),
    (TEXT, date(2026, 1, 2), "02.01.2026"),
    (LINES, "• en\n- to\n\n  * tre\n–  fire\n-fem\n", ["en", "to", "tre", "fire", "-fem"]),
    (LINES, "▪ a\n· b\n◦ c\n‣ d", ["a", "b", "c", "d"]),
    (CODES, " HO, OPPV;KD\nHR,, ", ["HO", "OPPV", "KD", "HR"]),
    (ANSVAR, "  Kommunalsjef   HO \n\n L05, HR ", ["Kommunalsjef HO", "L05, HR"]),
    (INT, "3", 3), (INT, 5.0, 5), (INT, 1, 1), (INT, " 2 ", 2),
    (INT_FREE, "-7", -7), (INT_FREE, "1 000", 1000),
    (DECIMAL, "12,5", 12.5), (DECIMAL, "12.5", 12.5), (DECIMAL, 0, 0.0), (DECIMAL, 100, 100.0),
    (MONEY, "1 234 567 kr", 1234567.0), (MONEY, "1\u00a0234,50 kr.", 1234.5),
    (MONEY, "1\u202f234", 1234.0), (MONEY, "1.234.567,89", 1234567.89), (MONEY, "−500", -500.0),
    (MONEY, "-1.000", -1000.0), (MONEY, -2.5, -2.5),
    (PERCENT, "4,3 %", 4.3), (PERCENT, "4,3 prosent", 4.3), (PERCENT, 4.3, 4.3),
    (DATE, "23.11.2026", date(2026, 11, 23)), (DATE, "1.2.2026", date(2026, 2, 1)),
    (DATE, "2026-11-23", date(2026, 11, 23)), (DATE, datetime(2026, 11, 23, 8), date(2026, 11, 23)),
    (DATE, 2, date(1900, 1, 1)), (DATE, 46349, date(2026, 11, 23)),
    (DATE, 2958465, date(9999, 12, 31)), (DATE, 46349.75, date(2026, 11, 23)),
    (TIME, time(9, 5), time(9, 5)), (TIME, datetime(2026, 1, 1, 9, 5), time(9, 5)),
    (TIME, " 9.05 ", time(9, 5)), (TIME, "0:00", time(0, 0)),
    (LEVEL, "H", Nivå(3, "H")), (LEVEL, "høy.", Nivå(3, "høy.")), (LEVEL, " m ", Nivå(2, "m")),
    (LEVEL, "Lav", Nivå(1, "Lav")), (LEVEL, "4", Nivå(4)), (LEVEL, 2, Nivå(2)),
    (BOOL, True, True), (BOOL, False, False), (BOOL, "Ja", True), (BOOL, " NEI ", False),
    (BOOL, "x", True), (BOOL, 1, True), (BOOL, 0, False), (BOOL, 1.0, True), (BOOL, "sann", True),
    (BOOL, "usann", False), (BOOL, "j", True), (BOOL, "n", False),
    (CHOICE, "Grønn", Status.GRØNN), (CHOICE, "  RØD ", Status.RØD),
    (SIZE, "5 000-10 000", Størrelsesgruppe.MELLOMSTORE),
    (SIZE, "under  5 000", Størrelsesgruppe.SMÅ),
])
def test_each_kind_converts_what_advisers_type(column: Column, value, expected) -> None:
    result = _conv(column, value)
    assert result == expected and type(result) is type(expected)
    if isinstance(expected, Nivå):
        assert result.typed == expected.typed


def test_a_percent_cell_formatted_as_percent_is_scaled_once() -> None:
    assert _conv(PERCENT, 0.043, percent=True) == pytest.approx(4.3)
    assert _conv(PERCENT, "4,3", percent=True) == 4.3  # typed as text: as written
    assert _conv(DECIMAL, 0.5, percent=True) == 0.5    # only percent columns


@pytest.mark.parametrize(("column", "value", "message"), [
    (INT, 6, "må være et heltall fra 1 til 5, fant «6»"),
    (INT, 0, "må være et heltall fra 1 til 5, fant «0»"),
    (INT, 2.5, "må være et heltall fra 1 til 5, fant «2.5»"),
    (INT, "to", "må være et heltall fra 1 til 5, fant «to»"),
    (INT_MIN, 0, "må være et heltall på minst 1, fant «0»"),
    (INT_FREE, "x", "må være et heltall, fant «x»"),
    (DECIMAL, 100.5, "må være et tall fra 0 til 100, fant «100,5»"),
    (DECIMAL, -0.1, "må være et tall fra 0 til 100, fant «-0,1»"),
    (DECIMAL, True, "må være et tall, fant «True»"),
    (MONEY, "12,5,5", "må være et tall, fant «12,5,5»"),
    (MONEY, "1.23.456", "må være et tall, fant «1.23.456»"),
    (MONEY, float("inf"), "må være et endelig tall, fant «inf»"),
    (MONEY, float("nan"), "må være et endelig tall, fant «nan»"),
    (MONEY, [1], "må være et tall, fant «[1]»"),
    (DATE, "31.02.2026", "«31.02.2026» er ikke en gyldig dato"),
    (DATE, "2026-13-01", "«2026-13-01» er ikke en gyldig dato"),
    (DATE, "23/11/2026", "må være en dato (dd.mm.åååå), fant «23/11/2026»"),
    (DATE, 2958466, "må være en dato (dd.mm.åååå), fant «2958466»"),
    (DATE, 0, "må være en dato (dd.mm.åååå), fant «0»"),
    (DATE, True, "må være en dato (dd.mm.åååå), fant «True»"),
    (DATE, 1, "datoen 31.12.1899 er før 1. januar 1900, som Excel ikke kan lagre"),
    (DATE, time(0, 0), "må være en dato etter 1. januar 1900 (dd.mm.åååå), fant et "
                       "klokkeslett eller dato-verdien 0"),
    (TIME, "9.5", "må være et klokkeslett (tt.mm), fant «9.5»"),
    (TIME, "23.60", "må være et klokkeslett (tt.mm), fant «23.60»"),
    (TIME, "24.00", "må være et klokkeslett (tt.mm), fant «24.00»"),
    (LEVEL, "svært høy", "må være et heltall fra 1 til 5 eller L, M eller H (skalaen velges i "
                         "Innstillinger), fant «svært høy»"),
    (LEVEL, "6", "må være et heltall fra 1 til 5, fant «6»"),
    (BOOL, "kanskje", "må være «ja» eller «nei», fant «kanskje»"),
    (BOOL, 2, "må være «ja» eller «nei», fant «2»"),
    (CHOICE, "blå", "må være en av «grønn», «gul», «rød», fant «blå»"),
])
def test_each_kind_refuses_with_a_message_naming_what_was_found(column: Column, value,
                                                                 message: str) -> None:
    assert _refused(column, value) == message


def test_a_number_cell_that_excel_made_a_date_says_what_was_meant() -> None:
    message = _refused(MONEY, datetime(2026, 5, 1))
    assert message == ("må være et tall, men cellen er en dato: Excel viser «01.05.2026» "
                       "(1. mai). Mente du 1,5? Formater cellen som tall (eller skriv 1,5 med "
                       "komma) og skriv verdien på nytt.")
    assert _refused(INT, date(2026, 5, 1)).startswith(
        "må være et heltall fra 1 til 5, men cellen er en dato: Excel viser «01.05.2026»")
    assert date_in_number(3.5) is None and date_in_number("1.5") is None


@pytest.mark.parametrize(("value", "expected"), [
    ("12-15.45", "kl. 12.00–15.45"),
    ("12.00–15.45", "kl. 12.00–15.45"),
    ("kl. 12–15.45", "kl. 12.00–15.45"),
    ("09:00-11:30", "kl. 09.00–11.30"),
    ("9 til 11", "kl. 09.00–11.00"),
    ("KL 9 — kl. 11", "kl. 09.00–11.00"),
    ("9", "kl. 09.00"),
    ("23.59", "kl. 23.59"),
    ("0-23.59", "kl. 00.00–23.59"),
    (time(9, 5), "kl. 09.05"),
    (0.5, "kl. 12.00"),
    (0.0, "kl. 00.00"),
    (0.999, "kl. 23.59"),
    (datetime(1899, 12, 30, 9, 30), "kl. 09.30"),   # Excel's time cell
    (datetime(1900, 1, 1, 9, 30), "kl. 09.30"),     # serial 1: still a time
])
def test_time_spans_are_written_one_way(value, expected: str) -> None:
    assert timespan(value) == expected


@pytest.mark.parametrize("value", ["15-12", "12-12", "24", "9.60", "25-26", "kl.", "morgen",
                                   "12.5-13"])
def test_impossible_time_spans_are_refused_with_an_example(value: str) -> None:
    with pytest.raises(ConversionError) as e:
        timespan(value)
    assert str(e.value) == (f"må være et klokkeslett eller tidsrom ({TIMESPAN_EXAMPLE}), fant "
                            f"«{value}»")


def test_a_time_span_excel_made_a_date_is_refused_with_the_date() -> None:
    with pytest.raises(ConversionError) as e:
        timespan(datetime(2026, 3, 12))
    assert str(e.value) == ("må være et klokkeslett eller tidsrom, men Excel har gjort det du "
                            "skrev om til datoen «12.03.2026». Skriv tiden på nytt som tekst "
                            f"({TIMESPAN_EXAMPLE}).")
    assert TIMESPAN_EXAMPLE == "f.eks. «12-15.45», «09.00–15.00» eller «kl. 9–11»"


# --- the build manifest: what makes a document render again -----------------------------------


@dataclasses.dataclass
class _Rad:
    navn: str
    status: Status
    når: date


class _Listing:
    def __str__(self) -> str:
        return "listing-tekst"


def test_a_context_is_reduced_to_plain_json_values() -> None:
    ctx = {"rad": _Rad("Å", Status.RØD, date(2026, 11, 23)), 3: (1, 2.5, None, True),
           "tid": datetime(2026, 11, 23, 9, 30), "liste": [Status.GUL, _Listing()],
           "klasse": _Rad}
    assert manifest._plain(ctx) == {
        "rad": {"navn": "Å", "status": "rød", "når": "2026-11-23"}, "3": [1, 2.5, None, True],
        "tid": "2026-11-23T09:30:00", "liste": ["gul", "listing-tekst"],
        "klasse": str(_Rad)}
    assert manifest._plain(0) == 0 and manifest._plain("") == ""
    assert manifest._plain(False) is False


def test_the_fingerprint_changes_with_each_input_and_only_with_them() -> None:
    ctx = {"a": 1, "b": {"x": "ø", "y": [1, 2]}}
    same = {"b": {"y": [1, 2], "x": "ø"}, "a": 1}  # another key order
    h = manifest.data_hash(ctx, "mal")
    assert h == manifest.data_hash(same, "mal") == manifest.data_hash(ctx, "mal", "")
    assert len(h) == 64 and int(h, 16) >= 0
    others = [manifest.data_hash(ctx, "mal2"), manifest.data_hash(ctx, "mal", "pdf"),
              manifest.data_hash({"a": 2, "b": ctx["b"]}, "mal"),
              manifest.data_hash({"a": 1, "b": {"x": "o", "y": [1, 2]}}, "mal"),
              manifest.data_hash({"a": 1, "b": {"x": "ø", "y": [2, 1]}}, "mal"),
              manifest.data_hash({"a": "1", "b": ctx["b"]}, "mal"),
              manifest.data_hash({"a": 1, "b": ctx["b"], "c": None}, "mal")]
    assert len({h, *others}) == 1 + len(others)
    row = _Rad("x", Status.GRØNN, date(2026, 1, 1))
    assert manifest.data_hash({"r": row}, "m") != manifest.data_hash(
        {"r": dataclasses.replace(row, når=date(2026, 1, 2))}, "m")


def test_file_hash_is_sha256_of_all_bytes(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000  # over 2 MiB: more than one block
    f = tmp_path / "stor.bin"
    f.write_bytes(data)
    assert sha256_file(f) == hashlib.sha256(data).hexdigest()
    (tmp_path / "tom.bin").write_bytes(b"")
    assert sha256_file(tmp_path / "tom.bin") == hashlib.sha256(b"").hexdigest()


@pytest.mark.parametrize("content", [None, "", "{ikke json", "[1, 2]", '{"andre": 1}',
                                     '"documents"', b"\xff\xfe"])
def test_a_missing_or_damaged_manifest_counts_as_none(tmp_path: Path, content) -> None:
    if isinstance(content, bytes):
        (tmp_path / manifest.FILENAME).write_bytes(content)
    elif content is not None:
        (tmp_path / manifest.FILENAME).write_text(content, encoding="utf-8")
    assert manifest.read(tmp_path) == {"documents": {}}


def test_a_manifest_is_written_sorted_readable_and_read_back(tmp_path: Path) -> None:
    data = {"documents": {"b.docx": {"sha": "2"}, "a.docx": {"sha": "1"}}, "build": "Æ"}
    path = manifest.write(tmp_path, data)
    assert path == tmp_path / "manifest.json" and manifest.FILENAME == "manifest.json"
    assert path.read_text(encoding="utf-8") == (
        '{\n  "build": "Æ",\n  "documents": {\n    "a.docx": {\n      "sha": "1"\n    },\n'
        '    "b.docx": {\n      "sha": "2"\n    }\n  }\n}')
    assert manifest.read(tmp_path) == data
    # no temporary file left; the copy a damaged manifest is recovered from (issue 23)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".manifest-kopi.json", "manifest.json"]
    assert (tmp_path / ".manifest-kopi.json").read_bytes() == path.read_bytes()


def test_tertial_texts_date_and_document_properties() -> None:
    planned = _plan()
    ctx = planned.context
    tekst = next(t for t in DATA.tertialtekster if t.tertial == 2)
    assert ctx["tekst"]["innledning"] == [p for p in tekst.innledning.split("\n\n")]
    assert ctx["tekst"]["endrede_forutsetninger"] == tekst.endrede_forutsetninger
    assert ctx["tekst"]["forslag"] == tekst.forslag
    assert ctx["endrede_forutsetninger"] == [
        p for p in (tekst.endrede_forutsetninger or "").split("\n\n") if p]
    assert ctx["dato"] == (tekst.dato or document_date(DATA))
    assert (planned.kind, planned.template, planned.description) == (
        "tertialrapport", "tertialrapport.docx", "Tertialrapport 2.\u00a0tertial 2026")
    assert planned.sources == [f"ark {s}" for s in (
        "Kommune", "Innstillinger", "Mål", "Oppdrag", "Rammeområder", "Økonomi", "Nøkkeltall",
        "Målresultater", "Oppdragsstatus", "Tertialtekster", "Risiko", "Enheter", "Kapitler",
        "Vedtaksoppfølging", "Investeringsprosjekter")]
    assert planned.properties["subject"] == "Status per 2.\u00a0tertial 2026 til kommunestyret"
    assert planned.properties["keywords"] == "tertialrapport; økonomi; mål; risiko; sykefravær"
    # without a text for the tertial: empty parts, the document date
    ctx = _plan(dataclasses.replace(DATA, tertialtekster=[])).context
    assert ctx["tekst"] == {"innledning": [], "endrede_forutsetninger": None, "forslag": []}
    assert ctx["endrede_forutsetninger"] == [] and ctx["dato"] == document_date(DATA)
    dated = dataclasses.replace(tekst, dato=date(2026, 9, 15))
    ctx = _plan(dataclasses.replace(DATA, tertialtekster=[dated])).context
    assert ctx["dato"] == date(2026, 9, 15)


def test_tertialrapport_rows_carry_every_column_and_fall_back_where_data_is_missing() -> None:
    ctx = _plan().context
    assert (ctx["tittel"], ctx["saksnr"]) == ("Tertialrapport 2.\u00a0tertial 2026",
                                              DATA.kommune.saksnr_tertialrapport)
    assert DATA.kommune.saksnr_tertialrapport
    assert [p["navn"] for p in ctx["perspektiver"]] == [p["navn"] for p in perspektiver(DATA)]
    goals = {g.mål: g for g in DATA.mål}
    for row in (g for p in ctx["perspektiver"] for g in p["mål"]):
        assert (row["indikator"], row["måltall"]) == (goals[row["mål"]].indikator,
                                                      goals[row["mål"]].måltall)
    oppdrag = {o.nr: o for o in DATA.oppdrag}
    for row in ctx["oppdrag"]:
        assert row["ha"] == DATA.ansvar.vis(oppdrag[row["nr"]].ha)
    for row, n in zip(ctx["nøkkeltall"], sorted(
            (n for n in DATA.nøkkeltall if n.tertial == 2),
            key=lambda n: [e.kode for e in DATA.enheter].index(n.enhet)), strict=True):
        assert row["sykefravær"] == n.sykefravær
    # comments left empty, a key-figure unit not in Enheter (shown as typed, sorted last)
    status = [dataclasses.replace(s, kommentar=None) for s in DATA.oppdragsstatus]
    results = [dataclasses.replace(r, kommentar=None) for r in DATA.målresultater]
    extra = dataclasses.replace(DATA.nøkkeltall[0], tertial=2, enhet="UKJENT")
    keys = [extra, *DATA.nøkkeltall]
    ctx = _plan(dataclasses.replace(DATA, oppdragsstatus=status, målresultater=results,
                                    nøkkeltall=keys)).context
    assert {r["kommentar"] for r in ctx["oppdrag"]} == {""}
    assert {g["kommentar"] for p in ctx["perspektiver"] for g in p["mål"]} == {""}
    assert ctx["nøkkeltall"][-1]["enhet"] == "UKJENT"


def test_economy_rows_follow_the_nr_column_of_rammeområder() -> None:
    n = len(DATA.rammeområder)
    areas = [dataclasses.replace(r, nr=n - i) for i, r in enumerate(DATA.rammeområder)]
    ctx = _plan(dataclasses.replace(DATA, rammeområder=areas)).context
    names = [r.navn for r in reversed(DATA.rammeområder)]
    drift = [r["navn"] for r in ctx["drift"]["rader"]]
    assert drift == [x for x in names if x in drift] and len(drift) > 1


def test_the_trend_stops_at_the_reports_tertial_and_own_chapters_follow_it() -> None:
    later = [dataclasses.replace(n, tertial=3, sykefravær=1.0) for n in DATA.nøkkeltall]
    base = next(k for k in DATA.kapitler if k.dokument is Dokument.TERTIALRAPPORT)
    chapters = [dataclasses.replace(base, overskrift="Bare i 2. tertial", tertial=2),
                dataclasses.replace(base, overskrift="Bare i 1. tertial", tertial=1)]
    data = dataclasses.replace(DATA, nøkkeltall=[*DATA.nøkkeltall, *later], kapitler=chapters)
    ctx = _plan(data).context
    assert [t for t, _ in ctx["_bilder"]["trend"]] == ["1.\u00a0tertial 2026",
                                                       "2.\u00a0tertial 2026"]
    own = [k["overskrift"] for ks in ctx["kapitler"].values() for k in ks]
    assert own == ["Bare i 2. tertial"]


def test_conversion_edges_of_units_time_cells_and_plain_choices() -> None:
    assert _conv(MONEY, "12 KR") == 12.0 and _conv(PERCENT, "4 PROSENT.") == 4.0
    assert timespan(1.0) == "kl. 01.00"      # a whole number is an hour, not a time cell
    with pytest.raises(ConversionError):
        timespan(1.5)                        # neither a time cell nor a time
    plain = Column("felt", Col("Felt", "hjelp"), Kind.CHOICE, False, ("Fra-til", "Annet"))
    assert _conv(plain, "fra–til") == "Fra-til" and _conv(plain, " fra-til ") == "Fra-til"
    assert type(_conv(plain, "annet")) is str


def test_a_commit_creates_missing_folders_for_new_and_old_files(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"ny/mappe/a.docx": b"ny", "pdf/b.pdf": b"ny b"})
    (folder / "pdf").mkdir()
    (folder / "pdf" / "b.pdf").write_bytes(b"gammel b")
    commit.commit(folder, stage, "bygg", plan)  # no precheck: commit makes the folders itself
    assert _tree(folder) == {"ny/mappe/a.docx": b"ny", "pdf/b.pdf": b"ny b"}
    assert _tree(stage / commit.OLD) == {"pdf/b.pdf": b"gammel b"}


def test_the_exact_message_of_a_failing_move(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a"})
    (stage / "0.new").unlink()
    with pytest.raises(commit.CommitError) as e:
        commit.commit(folder, stage, "bygg", plan)
    assert str(e.value) == (f"Flyttingen av de nye filene stoppet ({stage / '0.new'}: No such "
                            f"file or directory). Alt er lagt tilbake: {folder} er som før "
                            "byggingen.")


def test_a_journal_without_lists_and_a_damaged_one_roll_back_nothing(tmp_path: Path) -> None:
    folder, stage = tmp_path / "ut", tmp_path / "stage"
    folder.mkdir()
    stage.mkdir()
    (stage / commit.JOURNAL).write_text('{"build": "x"}', encoding="utf-8")
    assert commit.rollback(folder, stage) == []
    assert not (stage / commit.JOURNAL).exists()
    (stage / commit.JOURNAL).write_text("{skadet", encoding="utf-8")
    assert commit.recover(folder, [stage], current_build=None) == []  # nothing claimed
    assert not stage.exists()
    assert commit.recover(folder, [tmp_path / "finnes-ikke"], current_build=None) == []


def test_what_cannot_be_put_back_is_listed_and_kept(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a", "x/k.docx": b"ny k"})
    (folder / "a.docx").write_bytes(b"gammel a")
    (folder / "borte.docx").write_bytes(b"borte")
    (folder / "x").mkdir()
    (folder / "x" / "k.docx").write_bytes(b"endret k")
    plan.moves.pop()  # x/k.docx: only moved aside by --force, the new one comes later
    plan.removals.append("borte.docx")
    plan.backups.append(("x/k.docx", "sikkerhetskopi/k.docx"))
    commit.commit(folder, stage, "avbrutt", plan)
    for rel in ("a.docx", "borte.docx"):  # a folder now stands where the files were
        if (folder / rel).exists():
            (folder / rel).unlink()
        (folder / rel).mkdir()
        (folder / rel / "fil").write_bytes(b"x")
    shutil.rmtree(folder / "x")  # the backup cannot go back: its folder is gone
    other_folder, other, other_plan = _stage(tmp_path / "2", {"c.docx": b"c"})
    commit.commit(other_folder, other, "avbrutt-2", other_plan)
    notes = commit.recover(folder, [stage], current_build="nå")
    assert notes == [f"en avbrutt bygging kunne ikke rulles helt tilbake; 3 filer ligger igjen "
                     f"i {stage / commit.OLD}."]
    assert stage.exists() and (stage / commit.JOURNAL).exists()  # kept for a later try
    assert commit.rollback(folder, stage) == ["a.docx", "borte.docx", "x/k.docx"]
    # a later stage is still cleaned up after one that could not be rolled back
    assert commit.recover(other_folder, [stage, other], current_build="nå")[1:] == [
        "en avbrutt bygging var halvveis; filene er lagt tilbake slik de var før den."]
    assert not other.exists()


def test_a_backup_does_not_overwrite_a_file_someone_put_in_its_place(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a"})
    (folder / "a.docx").write_bytes(b"endret av en person")
    plan.backups.append(("a.docx", "sikkerhetskopi/a.docx"))
    commit.commit(folder, stage, "bygg", plan)
    (folder / "a.docx").write_bytes(b"endret igjen etter byggingen")  # not the sha written
    assert commit.rollback(folder, stage) == []
    assert _tree(folder) == {"a.docx": b"endret igjen etter byggingen",
                             "sikkerhetskopi/a.docx": b"endret av en person"}


def test_precheck_says_what_to_do_and_lists_at_most_eight_problems(tmp_path: Path) -> None:
    folder, _, plan = _stage(tmp_path, {f"l{i}/a.docx": b"a" for i in range(9)})
    (tmp_path / "annet").mkdir()
    for i in range(9):
        (folder / f"l{i}").symlink_to(tmp_path / "annet")
    with pytest.raises(commit.CommitError) as e:
        commit.precheck(folder, plan)
    one = ("«l{}» er en snarvei (symbolsk lenke) til " + str((tmp_path / "annet").resolve())
           + ", utenfor utmappen; programmet skriver ikke dit. Fjern snarveien eller gjør den "
           "til en vanlig mappe")
    assert str(e.value) == (f"Ingenting er endret i {folder}: "
                            + "; ".join(one.format(i) for i in range(8)) + ".")
    folder2, _, plan2 = _stage(tmp_path / "2", {"fil.docx/a.docx": b"a"})
    (folder2 / "fil.docx").write_bytes(b"en fil, ikke en mappe")
    with pytest.raises(commit.CommitError) as e:
        commit.precheck(folder2, plan2)
    assert str(e.value) == f"Ingenting er endret i {folder2}: «fil.docx» er en fil, ikke en mappe."


def test_a_line_without_budget_has_no_deviation_percentage() -> None:
    line = dataclasses.replace(DATA.økonomi[0], budsjett=0.0, revidert_budsjett=None,
                               prognose=50.0)
    assert line.avvik == -50.0 and line.avvik_prosent is None
    assert dataclasses.replace(line, revidert_budsjett=-200.0).avvik_prosent == pytest.approx(
        -125.0)  # against the size of the budget: (-200 - 50) / 200
