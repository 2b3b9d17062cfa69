"""The tertialrapport's follow-up of the council's decisions (sheet Vedtaksoppfølging) and the
investments per project (sheet Investeringsprosjekter), from the real demo workbooks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from generator import pipeline
from generator.input.validate import load

from .conftest import copy_demo, set_cell
from .docx_tools import table_with_header, tables, text

VEDTAK_HEADER = ["Sak", "Vedtak", "Ansvarlig", "Frist", "Status", "Kommentar"]
FULLFØRT_HEADER = ["Sak", "Vedtak", "Ansvarlig", "Fullført", "Kommentar"]
PROSJEKT_HEADER = ["Prosjekt", "Budsjett i år", "Totalramme", "Regnskap hittil", "Prognose",
                   "Status", "Kommentar"]


def _report(folder: Path, out: Path, nr: int) -> Path:
    report = pipeline.build([folder], out, kinds=["tertialrapport"], tertial=nr, pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return out / "2026" / "tertialrapport" / f"tertialrapport-2026-t{nr}.docx"


def _table(path: Path, header: list[str]) -> list[list[str]]:
    """The rows of the (first) table with exactly this header row."""
    found = [t for t in tables(path) if t[0] == header]
    assert found, f"ingen tabell med overskriftene {header}"
    return found[0]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = copy_demo(tmp_path_factory.mktemp("wb"))
    out = tmp_path_factory.mktemp("ut")
    return {nr: _report(folder, out, nr) for nr in (1, 2)}


def test_open_decisions_with_overdue_marked_in_words(reports: dict[int, Path]) -> None:
    t2 = _table(reports[2], VEDTAK_HEADER)
    saker = [r[0].split("\n")[0] for r in t2[1:]]
    # overdue first (by deadline), then the others by deadline; completed ones are gone
    assert saker == ["PS 12/26", "PS 92/25", "PS 41/26", "PS 19/26", "PS 24/26"]
    status = {r[0].split("\n")[0]: r[4] for r in t2[1:]}
    assert status["PS 12/26"] == "Pågår\nForfalt"
    assert status["PS 41/26"] == "Pågår\nForfalt"
    assert status["PS 19/26"] == "Pågår"  # deadline 31.10.2026, after the report's date
    assert status["PS 24/26"] == "Ikke påbegynt"
    first = t2[1]
    assert first[0] == "PS 12/26\nKommunestyret\n12.02.2026"
    assert first[2] == "HO" and first[3] == "15.04.2026"
    body = text(reports[2])
    assert ("Per 31. august 2026 følges 5 vedtak opp, og 3 av dem er over fristen (merket "
            "«Forfalt»). Siden forrige tertial er 2 vedtak fullført.") in body
    assert "Oppfølging av politiske vedtak" in body


def test_completed_since_the_last_tertial_only(reports: dict[int, Path]) -> None:
    t1 = _table(reports[1], FULLFØRT_HEADER)
    assert [(r[0].split("\n")[0], r[3]) for r in t1[1:]] == [("PS 88/25", "19.03.2026")]
    t2 = _table(reports[2], FULLFØRT_HEADER)
    assert [(r[0].split("\n")[0], r[3]) for r in t2[1:]] == [("FS 7/26", "26.05.2026"),
                                                              ("FS 31/26", "25.08.2026")]
    # completed in August: still open (and not overdue) in the report per 30 April
    open_t1 = [r[0].split("\n")[0] for r in _table(reports[1], VEDTAK_HEADER)[1:]]
    assert "FS 31/26" in open_t1 and "FS 7/26" in open_t1 and "PS 88/25" not in open_t1
    assert "PS 41/26" not in open_t1  # decided in June, after the first report
    body = text(reports[1])
    assert "Per 30. april 2026 følges 6 vedtak opp, og 1 av dem er over fristen" in body


def test_investment_projects_with_sums_reconciling(reports: dict[int, Path]) -> None:
    t = _table(reports[2], PROSJEKT_HEADER)
    assert t[1][0] == "IKT-plattform og digitalisering\nSentraladministrasjon"
    solbakken = next(r for r in t if r[0].startswith("Omsorgsboliger"))
    assert solbakken[1:6] == ["52\u00a0000", "140\u00a0000", "21\u00a0300", "47\u00a0000", "Gul"]
    assert t[-1][:5] == ["Sum", "153\u00a0000", "397\u00a0300", "68\u00a0700", "147\u00a0100"]
    # the same totals as the investering table by rammeområde
    inv = [r for r in table_with_header(reports[2], "Rammeområde") if r[0] == "Sum"]
    assert inv[-1][1:4] == ["153\u00a0000", "68\u00a0700", "147\u00a0100"]
    assert "Summen av prosjektene stemmer med investeringene per rammeområde" in text(
        reports[2])


def test_projects_that_do_not_add_up_give_a_merknad(demo: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(demo / "tertial.xlsx")
    ws = wb["Investeringsprosjekter"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2)
               if r[header.index("Prosjekt")].value == "Omsorgsboliger Solbakken"
               and r[header.index("Tertial")].value == 2)
    row[header.index("Prognose")].value = 45_000_000
    wb.save(demo / "tertial.xlsx")
    result = load([demo])
    assert result.ok
    notes = [str(p) for p in result.problems.notices]
    assert any("Investeringsprosjekter" in n and "Helse og omsorg" in n and "2. tertial" in n
               and "prognose 45 000 000 kr mot 47 000 000 kr" in n.replace("\u00a0", " ")
               for n in notes), notes
    path = _report(demo, tmp_path / "ut", 2)
    assert ("prosjektene stemmer ikke med investeringene per rammeområde i tabell 2 for "
            "Helse og omsorg") in text(path)


def test_completion_date_needs_status_fullført(demo: Path) -> None:
    coord = set_cell(demo / "tertial.xlsx", "Vedtaksoppfølging", "Fullført dato",
                     datetime(2026, 5, 1), data_row=2)
    result = load([demo])
    assert not result.ok
    errors = [str(p) for p in result.problems.errors]
    assert any("Vedtaksoppfølging" in e and coord in e and "status «pågår»" in e
               for e in errors), errors


def test_workbook_without_the_sheets_has_no_section(demo: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(demo / "tertial.xlsx")
    del wb["Vedtaksoppfølging"]
    del wb["Investeringsprosjekter"]
    wb.save(demo / "tertial.xlsx")
    body = text(_report(demo, tmp_path / "ut", 2))
    assert "Oppfølging av politiske vedtak" not in body
    assert "Investeringer per prosjekt" not in body


def test_ansvarlig_is_resolved_like_ha(demo: Path) -> None:
    coord = set_cell(demo / "tertial.xlsx", "Vedtaksoppfølging", "Ansvarlig", "XYZ")
    result = load([demo])
    errors = [str(p) for p in result.problems.errors]
    assert any("Vedtaksoppfølging" in e and coord in e and "ansvarlig «XYZ» peker ikke på "
               "noen leder" in e for e in errors), errors
