"""HA/DA that resolve to people: every form of entry, read back from the built documents.

The demo workbooks are edited with openpyxl so that each oppdrag uses one form (unit
code, Leder-ID, own group, nested group, built-in group, role in a unit, other letter
case and spelling, the seed's «KD sammen med enhetsledere …»). After a real build the
lederavtaler are read with docx2python and the set of leaders listing each oppdrag, with
their role, is compared with sets written out here by hand.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator import pipeline
from generator.documents.common import slug
from generator.input.validate import load

from .conftest import cell_of, header_column, set_cell
from .docx_tools import table_with_header, text

# nr → (HA, DA) as typed into the Oppdrag sheet.
FORMS = {
    1: ("BVT", None),                                  # unit code
    2: ("L14", None),                                  # Leder-ID
    3: ("Skoleledere", None),                          # own group
    4: ("Oppvekstledere", None),                       # nested group (Skoleledere + BARN)
    5: ("HR", "Kommunalsjefer"),                       # built-in group from Ledernivå
    6: ("Kommunalsjef HO", "Enhetsledere HO"),         # roles in a unit
    7: ("hjt", "  avd.ledere "),                       # other case; spelling and spaces
    8: ("NAV", "Alle ledere"),                         # HA wins over DA
    9: ("KD sammen med enhetsledere FSK og NSK", "Leder ØKO\nlege"),  # the seed's wording
}
ALLE = {f"L{i:02d}" for i in range(2, 26)}  # everyone with a lederavtale (not L01)
EXPECTED = {
    1: {"L12": "HA"},
    2: {"L14": "HA"},
    3: {"L09": "HA", "L10": "HA"},
    4: {"L09": "HA", "L10": "HA", "L11": "HA"},
    5: {"L06": "HA", "L02": "DA", "L03": "DA", "L04": "DA"},
    6: {"L03": "HA", **{f"L{i}": "DA" for i in range(14, 20)}},
    7: {"L15": "HA", "L13": "DA"},
    8: {**{i: "DA" for i in ALLE}, "L19": "HA"},
    9: {"L09": "HA", "L10": "HA", "L05": "DA", "L18": "DA"},  # KD (L01) has no lederavtale
}
GROUPS = [("Skoleledere", "FSK, NSK", "Rektorene ved kommunens to skoler"),
          ("Oppvekstledere", "Skoleledere\nBARN", None)]


def _rows(path: Path, sheet: str, rows: list[tuple]) -> None:
    """Append rows below a sheet's last row (read like rows typed below an Excel table)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for r in rows:
        ws.append(list(r))
    wb.save(path)


def _hide_sheet(path: Path, sheet: str) -> None:
    """Remove a sheet, as in a workbook made before the sheet existed. (A sheet renamed
    with its headers kept is named as renamed: tests/test_hostile_municipality.py.)"""
    wb = openpyxl.load_workbook(path)
    del wb[sheet]
    wb.save(path)


def _set_oppdrag(folder: Path, forms: dict[int, tuple[str, str | None]]) -> None:
    wb = openpyxl.load_workbook(folder / "styring.xlsx")
    ws = wb["Oppdrag"]
    ha, da = header_column(ws, "HA"), header_column(ws, "DA")
    for nr, (h, d) in forms.items():
        assert ws.cell(row=1 + nr, column=1).value == nr
        ws.cell(row=1 + nr, column=ha).value = h
        ws.cell(row=1 + nr, column=da).value = d
    wb.save(folder / "styring.xlsx")


def _bidrag_only(folder: Path, rows: list[tuple[str, int, str]]) -> None:
    wb = openpyxl.load_workbook(folder / "lederavtaler.xlsx")
    ws = wb["Bidrag"]
    ws.delete_rows(2, ws.max_row)
    for r in rows:
        ws.append(list(r))
    wb.save(folder / "lederavtaler.xlsx")


def _ledere(folder: Path) -> dict[str, dict]:
    ws = openpyxl.load_workbook(folder / "lederavtaler.xlsx")["Ledere"]
    rows = list(ws.iter_rows(values_only=True))
    return {r[0]: dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0]}


def _avtale(out: Path, folder: Path, lid: str) -> Path:
    """The built lederavtale of a leader (file name as the README gives it)."""
    enheter = {r[0]: r[1] for r in openpyxl.load_workbook(folder / "styring.xlsx")["Enheter"]
               .iter_rows(min_row=2, values_only=True) if r[0]}
    ld = _ledere(folder)[lid]
    return (out / "lederavtale" /
            f"lederavtale-{slug(enheter[ld['Enhet']], 30)}-{slug(ld['Navn'], 40)}.docx")


def _roles_in_lederavtaler(out: Path, folder: Path) -> dict[int, dict[str, str]]:
    """nr → {Leder-ID: role} as the built lederavtaler list them."""
    found: dict[int, dict[str, str]] = {}
    for lid in _ledere(folder):
        path = _avtale(out, folder, lid)
        if not path.exists():
            continue
        for row in table_with_header(path, "Nr")[1:]:
            found.setdefault(int(row[0]), {})[lid] = row[2]
    return found


@pytest.fixture(scope="module")
def forms_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import shutil

    folder = tmp_path_factory.mktemp("wb")
    for f in sorted(pipeline.DEMO_DIR.glob("*.xlsx")) + sorted(pipeline.DEMO_DIR.glob("*.png")):
        shutil.copy(f, folder / f.name)
    _set_oppdrag(folder, FORMS)
    _rows(folder / "styring.xlsx", "Grupper", GROUPS)
    set_cell(folder / "lederavtaler.xlsx", "Ledere", "Ledernivå", "Avdelingsleder", 13)  # L13
    _bidrag_only(folder, [("l14", 2, "Lede ROS-arbeidet på sykehjemmet."),
                          ("L13", 7, "Følge opp avvik i voksenopplæringen.")])
    out = tmp_path_factory.mktemp("out")
    report = pipeline.build([folder], out, kinds=["oppdragsbrev", "tertialrapport",
                                                  "lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return folder, out / "2026"


@pytest.mark.parametrize("nr", sorted(FORMS), ids=[f"{n}-{FORMS[n][0]}" for n in sorted(FORMS)])
def test_each_form_reaches_exactly_its_leaders(forms_built: tuple[Path, Path], nr: int) -> None:
    folder, out = forms_built
    assert _roles_in_lederavtaler(out, folder).get(nr, {}) == EXPECTED[nr]


def test_bidrag_for_a_leader_named_by_id_is_shown(forms_built: tuple[Path, Path]) -> None:
    folder, out = forms_built
    rows = table_with_header(_avtale(out, folder, "L14"), "Nr")
    assert [r[0] for r in rows[1:] if "Lede ROS-arbeidet på sykehjemmet." in r[3]] == ["2"]
    avd = _avtale(out, folder, "L13")
    assert [(r[0], r[2], r[3]) for r in table_with_header(avd, "Nr")[1:] if r[0] == "7"] == [
        ("7", "DA", "Følge opp avvik i voksenopplæringen.")]


def test_oppdragsbrev_prints_entries_as_written_and_ids_as_roles(
        forms_built: tuple[Path, Path]) -> None:
    _, out = forms_built
    path = out / "oppdragsbrev" / "oppdragsbrev-2026.docx"
    rows = {r[0]: r for r in table_with_header(path, "Nr")[1:]}
    assert rows["1"][3] == "BVT"
    assert rows["2"][3] == "Enhetsleder sykehjem"  # L14's stilling, never «L14»
    assert rows["6"][3:5] == ["Kommunalsjef HO", "Enhetsledere HO"]
    assert rows["7"][3:5] == ["hjt", "avd.ledere"]
    assert rows["9"][3:5] == ["KD sammen med enhetsledere FSK og NSK", "Leder ØKO\nlege"]
    abbreviations = {r[0]: r[1] for r in table_with_header(path, "Forkortelse")[1:]}
    assert abbreviations["Skoleledere"] == "Rektorene ved kommunens to skoler"
    assert abbreviations["Oppvekstledere"] == "Gruppe: Skoleledere, BARN"
    assert abbreviations["BVT"] == "Barnevern"
    assert "L14" not in text(path).split()


def test_tertialrapport_shows_no_raw_leder_id(forms_built: tuple[Path, Path]) -> None:
    _, out = forms_built
    path = out / "tertialrapport" / "tertialrapport-2026-t2.docx"
    rows = {r[0]: r for r in table_with_header(path, "Nr")[1:] if r[0].isdigit()}
    assert rows["2"][2] == "Enhetsleder sykehjem"
    assert "L14" not in text(path).split()


# --- located errors and notices ---------------------------------------------------------


def _errors(folder: Path) -> list[str]:
    result = load([folder])
    assert result.data is None
    return [str(p) for p in result.problems.errors]


def test_group_cycle_is_a_located_error(demo: Path) -> None:
    _rows(demo / "styring.xlsx", "Grupper", [("Gruppe A", "FSK, Gruppe B", None),
                                            ("Gruppe B", "gruppe a", None)])
    _set_oppdrag(demo, {1: ("Gruppe A", None)})
    errors = _errors(demo)
    first = cell_of(demo / "styring.xlsx", "Grupper", "Medlemmer", 4)  # after the 3 demo groups
    second = cell_of(demo / "styring.xlsx", "Grupper", "Medlemmer", 5)
    assert (f"styring.xlsx › Grupper › {first}: gruppen «Gruppe A»: gruppen inneholder seg "
            "selv: Gruppe A → Gruppe B → Gruppe A. Fjern en av lenkene.") in errors
    assert any(e.startswith(f"styring.xlsx › Grupper › {second}: gruppen «Gruppe B»") and
               "inneholder seg selv" in e for e in errors)


def test_unknown_group_member_and_unknown_group_are_located_errors(demo: Path) -> None:
    _rows(demo / "styring.xlsx", "Grupper", [("Rektorer", "FSK\nSkolesjefer", None)])
    _set_oppdrag(demo, {3: ("Rektorer", "Ukjent gruppe")})
    errors = _errors(demo)
    member = cell_of(demo / "styring.xlsx", "Grupper", "Medlemmer", 4)
    da = cell_of(demo / "styring.xlsx", "Oppdrag", "DA", 3)
    assert any(e.startswith(f"styring.xlsx › Grupper › {member}: gruppen «Rektorer»: "
                            "medlemmet «Skolesjefer» peker ikke på noen leder: den er "
                            "verken Leder-ID") for e in errors)
    assert any(e.startswith(f"styring.xlsx › Oppdrag › {da}: DA «Ukjent gruppe» peker ikke på "
                            "noen leder: den er verken Leder-ID, enhetskode, gruppe")
               for e in errors)


def test_group_named_like_a_unit_is_a_located_error(demo: Path) -> None:
    _rows(demo / "styring.xlsx", "Grupper", [("bvt", "FSK", None)])
    member = cell_of(demo / "styring.xlsx", "Grupper", "Medlemmer", 4)
    assert (f"styring.xlsx › Grupper › {member}: gruppen «bvt»: navnet er også en enhet i "
            "arket Enheter, og HA/DA «bvt» betyr den; gi gruppen et annet navn.") in _errors(demo)


def test_entry_that_resolves_to_nobody_says_what_it_tried(demo: Path) -> None:
    _set_oppdrag(demo, {4: ("Kommunalsjef TEK", "Avdelingsledere")})
    errors = _errors(demo)
    ha = cell_of(demo / "styring.xlsx", "Oppdrag", "HA", 4)
    da = cell_of(demo / "styring.xlsx", "Oppdrag", "DA", 4)
    assert (f"styring.xlsx › Oppdrag › {ha}: HA «Kommunalsjef TEK» peker ikke på noen leder: "
            "ingen med ledernivå «kommunalsjef» leder enheten TEK eller er under lederen der "
            "(lederen er Espen Myrvoll (enhetsleder)).") in errors
    assert (f"styring.xlsx › Oppdrag › {da}: DA «Avdelingsledere» peker ikke på noen leder: "
            "ingen ledere har ledernivå «avdelingsleder» i arket Ledere (kolonnen "
            "Ledernivå).") in errors


def test_bidrag_for_a_leader_without_ha_or_da_is_refused(demo: Path) -> None:
    _bidrag_only(demo, [("L09", 2, "Noe.")])
    assert any("Guro Bakkevold (FSK) har verken HA eller DA for oppdrag nr. 2" in e
               for e in _errors(demo))


def test_oppdrag_that_reaches_no_lederavtale_is_a_notice(demo: Path) -> None:
    _set_oppdrag(demo, {2: ("KD", None)})  # the kommunedirektør has no lederavtale
    _bidrag_only(demo, [])
    result = load([demo])
    assert result.ok, [str(p) for p in result.problems.errors]
    ha = cell_of(demo / "styring.xlsx", "Oppdrag", "HA", 2)
    assert [str(p) for p in result.problems.notices if "kommer ikke med" in p.message] == [
        f"styring.xlsx › Oppdrag › {ha}: oppdrag nr. 2 «Helhetlig virksomhetsstyring» kommer "
        "ikke med i noen lederavtale: ingen av lederne som HA og DA peker på, har en rad i "
        "arket Lederavtaler."]


# --- workbooks made before groups and levels --------------------------------------------


def test_workbook_without_grupper_and_ledernivå_still_builds(demo: Path, tmp_path: Path) -> None:
    """The old shape: no «Grupper» sheet, no «Ledernivå» column, unit codes with commas."""
    _hide_sheet(demo / "styring.xlsx", "Grupper")
    wb = openpyxl.load_workbook(demo / "lederavtaler.xlsx")
    ws = wb["Ledere"]
    col = header_column(ws, "Ledernivå")
    ws.delete_cols(col)
    table = next(iter(ws.tables.values()))
    table.tableColumns = table.tableColumns[:col - 1]
    table.ref = f"A1:{openpyxl.utils.get_column_letter(col - 1)}{ws.max_row}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    wb.save(demo / "lederavtaler.xlsx")
    old = {1: ("KD", "OPPV, HO, SAMF"), 2: ("ØKO", "KD, IKT"), 3: ("HO", "BVT, SHJ, TEK"),
           6: ("HO", "HR, SHJ, BOA"), 7: ("SERV", "KULT, PLAN, FLY"), 8: ("OPPV", "fsk, NSK"),
           9: ("SAMF", "TEK, VA, EIE")}
    _set_oppdrag(demo, old)
    _bidrag_only(demo, [])
    report = pipeline.build([demo], tmp_path, kinds=["lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    roles = _roles_in_lederavtaler(tmp_path / "2026", demo)
    assert roles[8] == {"L02": "HA", "L09": "DA", "L10": "DA"}  # «fsk» in other case too
    assert roles[3] == {"L03": "HA", "L12": "DA", "L14": "DA", "L20": "DA"}
    ledere = _ledere(demo)
    assert "Ledernivå" not in next(iter(ledere.values()))
