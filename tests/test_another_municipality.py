"""Another municipality's year (issue 24): a sheet the seeds do not always have may be empty or
absent; ``check`` says what that leaves out, and ``build`` makes everything else."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.documents import KINDS
from generator.input.schema import SHEETS, SHEETS_BY_NAME
from generator.pipeline import DEMO_DIR as DEMO
from generator.pipeline import build, check

from .conftest import cell_of, header_column, set_cell

# The document kind an empty sheet leaves out altogether (the others only lose a section).
LEAVES_OUT = {"Kompass": "utviklingsstrategi", "Økonomi": "tertialrapport",
              "Lederavtaler": "lederavtale"}
OPTIONAL = [s.name for s in SHEETS if s.when_empty]


def _without(folder: Path, sheet: str, absent: bool = False) -> None:
    path = folder / f"{SHEETS_BY_NAME[sheet].workbook}.xlsx"
    wb = openpyxl.load_workbook(path)
    if absent:
        del wb[sheet]
    else:
        wb[sheet].delete_rows(2, wb[sheet].max_row)
    wb.save(path)


def _left_out_notices(problems) -> list[str]:
    return [p.message for p in problems.notices if p.message.startswith("arket «")]


@pytest.mark.parametrize("sheet", OPTIONAL)
def test_empty_optional_sheet_builds_every_other_document(demo: Path, tmp_path: Path,
                                                          sheet: str) -> None:
    _without(demo, sheet)
    if sheet == "Delstrategier":  # content of strategies that are not there is an error
        _without(demo, "Delstrategi-innhold")
    checked = check([demo])
    assert not checked.problems.errors, [str(p) for p in checked.problems.errors]
    said = _left_out_notices(checked.problems)
    assert said == [f"arket «{sheet}» er tomt: {SHEETS_BY_NAME[sheet].when_empty}"]

    report = build([demo], tmp_path / "out", pdf=False)
    assert report.ok, [str(p) for p in report.problems.errors]
    assert _left_out_notices(report.problems) == said  # check and build agree
    expected = set(KINDS) - {LEAVES_OUT.get(sheet, "")}
    assert set(report.counts) == expected
    for kind in expected:
        assert list((report.out_dir / kind).glob("*.docx")), kind
    if sheet in LEAVES_OUT:
        assert not list((report.out_dir).glob(f"{LEAVES_OUT[sheet]}/*.docx"))


@pytest.mark.parametrize("sheet", ["Kompass", "Risiko", "Årshjul"])
def test_absent_optional_sheet_is_no_error(demo: Path, sheet: str) -> None:
    _without(demo, sheet, absent=True)
    checked = check([demo])
    assert checked.ok, [str(p) for p in checked.problems.errors]
    assert _left_out_notices(checked.problems) == [
        f"arket «{sheet}» finnes ikke: {SHEETS_BY_NAME[sheet].when_empty}"]


def test_empty_kompass_sheets_give_one_notice(demo: Path) -> None:
    """With Kompass empty, the strategy is left out: its other sheets are not named again."""
    for sheet in ("Kompass", "Kompass-spørsmål", "Delstrategier", "Delstrategi-innhold"):
        _without(demo, sheet)
    checked = check([demo])
    assert checked.ok
    assert _left_out_notices(checked.problems) == [
        f"arket «Kompass» er tomt: {SHEETS_BY_NAME['Kompass'].when_empty}"]


def test_empty_lederavtaler_gives_no_follow_on_messages(demo: Path) -> None:
    """No agreements: Bidrag are not judged and no oppdrag is reported as left out of them."""
    _without(demo, "Lederavtaler")
    checked = check([demo])
    assert checked.ok
    assert [p.message for p in checked.problems.notices] == [
        f"arket «Lederavtaler» er tomt: {SHEETS_BY_NAME['Lederavtaler'].when_empty}"]


@pytest.mark.parametrize(("workbook", "sheet", "header", "value", "row", "follow_on"), [
    ("lederavtaler", "Ledere", "Ledernivå", "sjefen", 2, {"Bidrag", "Lederavtaler"}),
    ("styring", "Oppdrag", "Frist", "32.13.2026", 1, {"Oppdragsstatus", "Bidrag"}),
    ("styring", "Mål", "Perspektiv", "himmelen", 1, {"Målresultater"}),
], ids=["ledernivå", "frist", "perspektiv"])
def test_one_bad_cell_gives_one_error_naming_the_cell(demo: Path, workbook: str, sheet: str,
                                                      header: str, value: str, row: int,
                                                      follow_on: set[str]) -> None:
    coord = set_cell(demo / f"{workbook}.xlsx", sheet, header, value, row)
    problems = check([demo]).problems
    assert [(p.file, p.sheet, p.cell) for p in problems.errors] == [
        (f"{workbook}.xlsx", sheet, coord)]
    assert value in problems.errors[0].message
    # The rows referring to the refused one say so once per sheet, as a notice.
    unchecked = [p for p in problems.notices if "avvist for en feil over" in p.message]
    assert {p.sheet for p in unchecked} >= follow_on
    assert len(unchecked) == len({p.sheet for p in unchecked})
    assert not any("finnes ikke" in p.message for p in problems)


def _texts(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out += [c.text for c in row.cells]
    return out


def test_typed_facts_reach_the_documents(demo: Path, tmp_path: Path) -> None:
    """Risk Status and Frist, a closed risk, a rammeområde's Ansvarlig, a unit's Rammeområde
    and a group described in Grupper (but named in no HA/DA) are shown."""
    set_cell(demo / "tertial.xlsx", "Rammeområder", "Ansvarlig", "HR", 1)
    set_cell(demo / "styring.xlsx", "Enheter", "Rammeområde", "Politisk styring", 4)
    set_cell(demo / "risiko.xlsx", "Risiko", "Status", "lukket", 3)
    report = build([demo], tmp_path / "out", kinds=["tertialrapport", "oppdragsbrev"],
                   pdf=False)
    assert report.ok, [str(p) for p in report.problems.errors]
    rapport = "\n".join(_texts(next((report.out_dir / "tertialrapport").glob("*.docx"))))
    assert "Under arbeid, frist 31. desember 2026" in rapport
    assert ("Politisk styring (ansvarlig: HR): Digitalisering og IKT, Servicetorg og politisk "
            "sekretariat") in rapport.splitlines()
    closed = next(line for line in rapport.splitlines() if line.startswith("Lukkede risikoer"))
    assert "R03 " in closed and "R11 " in closed
    brev = _texts(next((report.out_dir / "oppdragsbrev").glob("*.docx")))
    assert "Lederne for vann og avløp og for eiendom" in brev


def test_the_municipalitys_words_are_accepted_and_shown(demo: Path, tmp_path: Path) -> None:
    styring, ledere = demo / "styring.xlsx", demo / "lederavtaler.xlsx"
    set_cell(styring, "Mål", "Perspektiv", "Medarbeiderne", 1)
    set_cell(ledere, "Ledere", "Ledernivå", "assisterende kommunedirektør", 2)
    set_cell(ledere, "Ledere", "Ledernivå", "Virksomhetsleder", 9)
    wb = openpyxl.load_workbook(styring)
    wb["Kommune"].append(["Egne ledernivåer", "Virksomhetsleder = enhetsleder"])
    wb.save(styring)
    set_cell(styring, "Oppdrag", "Frist", "Senest 19. august", 1)
    set_cell(styring, "Oppdrag", "Frist", "Innen 2. tertial", 2)
    ws = openpyxl.load_workbook(styring)["Oppdrag"]
    ha = ws[cell_of(styring, "Oppdrag", "HA", 3)].value
    set_cell(styring, "Oppdrag", "HA", f"{ha}\nRådmann", 3)
    set_cell(styring, "Årshjul", "Tid", "heldag", 1)
    result = check([demo])
    assert result.ok, [str(p) for p in result.problems.errors]
    d = result.data
    assert d is not None
    assert [str(ld.nivå) for ld in (d.ledere[1], d.ledere[8])] == ["kommunalsjef", "enhetsleder"]
    assert str(d.mål[0].perspektiv) == "medarbeidere"
    rådmann = d.ansvar.ledere(["Rådmann"])
    assert rådmann and rådmann == d.ansvar.ledere(["Kommunedirektør"])
    assert d.ansvar.ledere(["Virksomhetsledere"]) == d.ansvar.ledere(["Enhetsledere"])

    report = build([demo], tmp_path / "out", kinds=["oppdragsbrev"], pdf=False)
    assert report.ok, [str(p) for p in report.problems.errors]
    brev = "\n".join(_texts(next((report.out_dir / "oppdragsbrev").glob("*.docx"))))
    assert "Frist: Senest 19. august" in brev and "Frist: Innen 2. tertial" in brev
    assert "heldag" in brev.splitlines() and "kl. heldag" not in brev
    assert "Rådmann" in brev  # HA as written


def test_a_deadline_text_without_a_date_is_refused(demo: Path) -> None:
    coord = set_cell(demo / "styring.xlsx", "Oppdrag", "Frist", "når det passer", 1)
    errors = check([demo]).problems.errors
    assert [(p.sheet, p.cell) for p in errors] == [("Oppdrag", coord)]
    assert "«Senest 19. august»" in errors[0].message


def test_implausible_values_get_a_notice_with_the_cell(demo: Path) -> None:
    from datetime import datetime

    meeting = set_cell(demo / "styring.xlsx", "Årshjul", "Dato", datetime(2013, 6, 10), 1)
    deadline = set_cell(demo / "styring.xlsx", "Oppdrag", "Frist", "Innen 2. tertial 2019", 2)
    wb = openpyxl.load_workbook(demo / "tertial.xlsx")
    ws = wb["Økonomi"]
    col = header_column(ws, "Budsjett")
    ws.cell(row=2, column=col).value = ws.cell(row=2, column=col).value * 1000
    budget = ws.cell(row=2, column=col).coordinate
    wb.save(demo / "tertial.xlsx")
    result = set_cell(demo / "tertial.xlsx", "Målresultater", "Resultat", "105 %", 1)
    checked = check([demo])
    assert checked.ok  # notices only: the adviser decides
    notices = {(p.sheet, p.cell): p.message for p in checked.problems.notices}
    assert "10.06.2013 ligger utenfor dokumentåret 2026" in notices[("Årshjul", meeting)]
    assert "«Innen 2. tertial 2019» ligger utenfor" in notices[("Oppdrag", deadline)]
    assert "er omtrent 226 ganger de andre linjene" in notices[("Økonomi", budget)]
    assert "over 100 %" in notices[("Målresultater", result)]
    assert len(notices) == 4


def test_a_dated_milestone_is_in_the_oppdragsbrev_the_report_and_the_calendar(
        demo: Path, tmp_path: Path) -> None:
    """The demo's Milepæler: oppdrag 4's first milestone is dated 31.03.2026; its second has
    a deadline in words («Innen 2. tertial»): in the documents, not in the calendar."""
    report = build([demo], tmp_path / "out", kinds=["oppdragsbrev", "tertialrapport"],
                   pdf=False)
    assert report.ok, [str(p) for p in report.problems.errors]
    brev = _texts(next((report.out_dir / "oppdragsbrev").glob("*.docx")))
    oppdrag_4 = next(c for c in brev if c.startswith("Digitalisering med målbare gevinster"))
    row = brev[brev.index(oppdrag_4) + 1]  # the Hovedinnhold cell beside the title
    assert ("◦ 1. Gevinstkart for tre digitaliseringsprosjekter (31. mars 2026) – Godkjent i "
            "KLG") in row
    assert "◦ 2. Første gevinstrealisering rapportert (Innen 2. tertial)" in row
    rapport = _texts(next((report.out_dir / "tertialrapport").glob("*.docx")))
    i = rapport.index("1. Gevinstkart for tre digitaliseringsprosjekter")
    assert rapport[i - 1: i + 4] == ["4. Digitalisering med målbare gevinster",
                                     "1. Gevinstkart for tre digitaliseringsprosjekter",
                                     "Godkjent i KLG", "31. mars 2026", "Nådd"]
    assert "Nytt sak/arkiv-system" in rapport  # a project's milestone
    ics = next(report.out_dir.glob("kalender/*milepaeler.ics")).read_bytes().decode()
    unfolded = ics.replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20260331" in unfolded
    assert "Gevinstkart for tre digitaliseringsprosjekter" in unfolded
    assert "Første gevinstrealisering" not in unfolded  # no date: not in the calendar


def test_nærvær_may_be_typed_instead_of_sykefravær(demo: Path, tmp_path: Path) -> None:
    path = demo / "tertial.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Nøkkeltall"]
    sick = header_column(ws, "Sykefravær (%)")
    ws.cell(row=1, column=sick).value = "Nærvær (%)"  # the municipality measures nærvær
    for row in range(2, ws.max_row + 1):
        if ws.cell(row=row, column=sick).value is not None:
            ws.cell(row=row, column=sick).value = 100 - ws.cell(row=row, column=sick).value
    first = ws.cell(row=2, column=header_column(ws, "Enhet")).value
    wb.save(path)
    before = check([DEMO]).data
    after = check([demo])
    assert after.ok, [str(p) for p in after.problems.errors]
    assert after.data is not None and before is not None
    assert [round(n.sykefravær, 6) for n in after.data.nøkkeltall] == [
        round(n.sykefravær, 6) for n in before.nøkkeltall]
    assert after.data.nøkkeltall[0].enhet == first
