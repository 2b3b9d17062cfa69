"""A corpus of broken workbooks, each built here: every problem is named by file,
sheet and cell in bokmål, `check` exits 1, and several problems are all reported."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from generator.input.validate import load

from .conftest import cell_of, field_cell, run, set_cell, set_field


def _delete_row(path: Path, sheet: str, data_row: int) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet].delete_rows(1 + data_row)
    wb.save(path)


def _rename_header(path: Path, sheet: str, old: str, new: str) -> str:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for cell in ws[1]:
        if cell.value == old:
            cell.value = new
            for table in ws.tables.values():  # keep the Excel table's column names in step
                for col in table.tableColumns:
                    if col.name == old:
                        col.name = new
            wb.save(path)
            return cell.coordinate
    raise KeyError(old)


def _remove_sheet(path: Path, sheet: str) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    ws.title = "Gammelt ark"
    wb.save(path)


Case = tuple[str, Callable[[Path], tuple[str, str | None, str | None]], str]


def _value(file: str, sheet: str, header: str, value: object, row: int = 1):
    def mutate(folder: Path) -> tuple[str, str | None, str | None]:
        return file, sheet, set_cell(folder / file, sheet, header, value, row)
    return mutate


def _field(file: str, sheet: str, label: str, value: object):
    def mutate(folder: Path) -> tuple[str, str | None, str | None]:
        return file, sheet, set_field(folder / file, sheet, label, value)
    return mutate


def _replace_file(name: str, data: bytes, new_name: str | None = None):
    def mutate(folder: Path) -> tuple[str, str | None, str | None]:
        (folder / name).unlink()
        (folder / (new_name or name)).write_bytes(data)
        return new_name or name, None, None
    return mutate


def _missing_sheet(folder: Path):  # Risiko may be absent since issue 24; Mål may not
    _remove_sheet(folder / "styring.xlsx", "Mål")
    return "styring.xlsx", "Mål", None


def _missing_column(folder: Path):
    _rename_header(folder / "risiko.xlsx", "Risiko", "Konsekvens", "Konsekv.")
    return "risiko.xlsx", "Risiko", "rad 1"


def _duplicate_id(folder: Path):
    wb = openpyxl.load_workbook(folder / "risiko.xlsx")
    first = wb["Risiko"]["A2"].value
    wb.close()
    return "risiko.xlsx", "Risiko", set_cell(folder / "risiko.xlsx", "Risiko", "Risiko-ID",
                                             first, 2)


def _formula(folder: Path):
    return "risiko.xlsx", "Risiko", set_cell(folder / "risiko.xlsx", "Risiko", "Sannsynlighet",
                                             "=2+1")


def _same_sheet_twice(folder: Path):
    shutil.copy(folder / "risiko.xlsx", folder / "risiko-kopi.xlsx")
    return "risiko-kopi.xlsx", "Risiko", None


def _truncated(folder: Path):
    data = (folder / "tertial.xlsx").read_bytes()
    (folder / "tertial.xlsx").write_bytes(data[: len(data) // 2])
    return "tertial.xlsx", None, None


def _zip_bomb(folder: Path):
    path = folder / "kompass.xlsx"
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/bomb.bin", b"\0" * 8_000_000)
    return "kompass.xlsx", None, None


def _kompass_seven(folder: Path):
    _delete_row(folder / "kompass.xlsx", "Kompass", 8)
    return "kompass.xlsx", "Kompass", None


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512

CASES: list[Case] = [
    ("S er tekst", _value("risiko.xlsx", "Risiko", "Sannsynlighet", "høy"),
     "sannsynlighet må være et heltall fra 1 til 5, fant «høy»"),
    ("K utenfor 1–5", _value("risiko.xlsx", "Risiko", "Konsekvens", 7),
     "konsekvens må være et heltall fra 1 til 5, fant «7»"),
    ("S er desimaltall", _value("risiko.xlsx", "Risiko", "Sannsynlighet", 2.5),
     "må være et heltall fra 1 til 5, fant «2.5»"),
    ("ark mangler", _missing_sheet, "fant ikke arket «Mål»"),
    ("kolonne mangler", _missing_column, "mangler kolonnen «Konsekvens»"),
    ("duplikat-ID", _duplicate_id, "finnes allerede"),
    ("formel uten verdi", _formula, "formel uten lagret verdi"),
    ("ukjent HA", _value("styring.xlsx", "Oppdrag", "HA", "XYZ"),
     "HA «XYZ» peker ikke på noen leder"),
    ("ukjent DA", _value("styring.xlsx", "Oppdrag", "DA", "ØKO, QQQ", 2),
     "DA «QQQ» peker ikke på noen leder: den er verken Leder-ID, enhetskode"),
    ("bidrag til ukjent oppdrag", _value("lederavtaler.xlsx", "Bidrag", "Oppdrag nr", 99),
     "oppdrag nr. 99 finnes ikke"),
    ("ukjent rammeområde", _value("tertial.xlsx", "Økonomi", "Rammeområde", "Månebase"),
     "rammeområdet «Månebase» finnes ikke"),
    ("ugyldig dato", _value("styring.xlsx", "Oppdrag", "Frist", "31.02.2026"),
     "«31.02.2026» er ikke en gyldig dato"),
    ("dato er tekst", _value("styring.xlsx", "Årshjul", "Dato", "snart"),
     "må være en dato (dd.mm.åååå), fant «snart»"),
    ("ukjent status", _value("tertial.xlsx", "Målresultater", "Status", "blå"),
     "må være en av «grønn», «gul», «rød», fant «blå»"),
    ("ukjent perspektiv", _value("styring.xlsx", "Mål", "Perspektiv", "kultur"),
     "må være en av «samfunn»"),
    ("ikke en arbeidsbok", _replace_file("risiko.xlsx", b"Dette er ikke Excel"),
     "er ikke en Excel-arbeidsbok"),
    ("gammelt .xls", _replace_file("risiko.xlsx", OLE, "risiko.xls"),
     "det gamle .xls-formatet"),
    ("passordbeskyttet", _replace_file("risiko.xlsx", OLE), "passordbeskyttet"),
    ("samme ark i to filer", _same_sheet_twice, "finnes også i"),
    ("avkortet fil", _truncated, "ikke en Excel-arbeidsbok"),
    ("påkrevd felt tomt", _field("styring.xlsx", "Kommune", "Kommunenavn", None),
     "«Kommunenavn» mangler verdi (påkrevd)"),
    ("ukjent leder", _value("lederavtaler.xlsx", "Lederavtaler", "Leder-ID", "L99"),
     "lederen «L99» finnes ikke i arket Ledere"),
    ("ukjent overordnet", _value("lederavtaler.xlsx", "Ledere", "Overordnet", "L77", 3),
     "overordnet «L77» finnes ikke"),
    ("sju kompassområder", _kompass_seven, "nøyaktig 8 områder"),
    ("poeng over maks", _value("kompass.xlsx", "Kompass-spørsmål", "Poeng", 99),
     "er større enn maks poeng"),
    ("feil saksnummer", _field("styring.xlsx", "Kommune", "Saksnummer oppdragsbrev", "145/2026"),
     "på formen ÅÅÅÅ/løpenummer"),
    ("ukjent mål", _value("tertial.xlsx", "Målresultater", "Mål-ID", "X9"),
     "målet «X9» finnes ikke i arket Mål"),
    ("Excel-feil i celle", _value("tertial.xlsx", "Økonomi", "Prognose", "#REF!"),
     "Excel-feilen #REF!"),
    ("ikke et tall", _value("tertial.xlsx", "Økonomi", "Budsjett", "mye"),
     "budsjett må være et tall, fant «mye»"),
    ("zip-bombe", _zip_bomb, "zip-bombe"),
    ("ja/nei", _value("lederavtaler.xlsx", "Lederavtaler", "Skjermet", "kanskje"),
     "må være «ja» eller «nei», fant «kanskje»"),
]


@pytest.mark.parametrize(("name", "mutate", "message"), CASES, ids=[c[0] for c in CASES])
def test_broken_workbook_is_reported(demo: Path, name: str, mutate, message: str) -> None:
    file, sheet, cell = mutate(demo)
    result = load([demo])
    assert result.data is None
    hits = [p for p in result.problems.errors if message in p.message]
    assert hits, f"{name}: ventet «{message}», fikk {[str(p) for p in result.problems.errors]}"
    problem = hits[0]
    assert file in problem.file or file in problem.message
    if sheet:
        assert problem.sheet == sheet
    if cell:
        assert problem.cell == cell
    cli = run("check", demo)
    assert cli.exit_code == 1
    assert message in cli.output


def test_several_errors_are_all_reported(demo: Path) -> None:
    risiko = demo / "risiko.xlsx"
    expected = {
        set_cell(risiko, "Risiko", "Sannsynlighet", "høy", 1),
        set_cell(risiko, "Risiko", "Konsekvens", 0, 2),
        set_cell(risiko, "Risiko", "Frist", "i morgen", 3),
        set_cell(risiko, "Risiko", "Ansvarlig", "INGEN", 4),
        set_cell(risiko, "Risiko", "Beskrivelse", None, 5),
    }
    set_field(demo / "styring.xlsx", "Innstillinger", "Risiko gul fra RF", "lav")
    result = load([demo])
    cells = {p.cell for p in result.problems.errors if p.sheet == "Risiko"}
    assert expected <= cells
    assert any(p.sheet == "Innstillinger" for p in result.problems.errors)
    cli = run("check", demo)
    assert cli.exit_code == 1
    for coord in expected:
        assert f"risiko.xlsx › Risiko › {coord}:" in cli.output


def test_message_format_names_file_sheet_and_cell(demo: Path) -> None:
    coord = set_cell(demo / "risiko.xlsx", "Risiko", "Sannsynlighet", "høy", 6)
    cli = run("check", demo)
    assert (f"risiko.xlsx › Risiko › {coord}: sannsynlighet må være et heltall fra 1 til 5, "
            "fant «høy»") in cli.output


def test_unknown_column_is_a_notice_not_an_error(demo: Path) -> None:
    wb = openpyxl.load_workbook(demo / "risiko.xlsx")
    ws = wb["Risiko"]
    ws.cell(row=1, column=ws.max_column + 1, value="Notater")
    wb.save(demo / "risiko.xlsx")
    result = load([demo])
    assert result.ok
    assert any("ukjent kolonne «Notater»" in p.message for p in result.problems.notices)


def test_field_cell_helper_points_at_value_column(demo: Path) -> None:
    assert field_cell(demo / "styring.xlsx", "Kommune", "Kommunenavn") == "B2"
    assert cell_of(demo / "risiko.xlsx", "Risiko", "Risiko-ID") == "A2"
