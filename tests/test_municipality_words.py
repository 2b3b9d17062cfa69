"""The municipality's own words (issue 24): shown as written, own leader levels, deadlines in
the order of the date they imply, and one message for one cause."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.pipeline import check

from .conftest import set_cell
from .test_another_municipality import _texts, _without


@pytest.mark.parametrize("absent", [False, True], ids=["tomt", "mangler"])
def test_content_without_delstrategier_is_one_message(demo: Path, absent: bool) -> None:
    """An empty (or absent) Delstrategier while Delstrategi-innhold has rows: one FEIL on
    Delstrategier naming the rows, not one per row and no «er tomt» notice besides."""
    _without(demo, "Delstrategier", absent)
    problems = check([demo]).problems
    assert [(p.file, p.sheet, p.cell) for p in problems.errors] == [
        ("kompass.xlsx", "Delstrategier", None)]
    message = problems.errors[0].message
    assert ("«Delstrategi-innhold» har 10 rader til delstrategi nr. 1, 2 og 3" in message)
    assert ("Legg til arket" if absent else "Fyll ut arket") in message
    assert not [p for p in problems if p.sheet in ("Delstrategier", "Delstrategi-innhold")
                and p not in problems.errors]


def test_content_for_a_number_delstrategier_lacks_is_judged_by_row(demo: Path) -> None:
    """Delstrategier with rows: a content row for a number it lacks is its own error."""
    coord = set_cell(demo / "kompass.xlsx", "Delstrategi-innhold", "Delstrategi nr", 9, 1)
    errors = check([demo]).problems.errors
    assert [(p.sheet, p.cell) for p in errors] == [("Delstrategi-innhold", coord)]
    assert "delstrategi nr. 9 finnes ikke" in errors[0].message


def _column(path: Path, header: str, first: str) -> list[str]:
    """The cells under ``header`` of the first table whose first header cell is ``first``."""
    import docx

    for table in docx.Document(str(path)).tables:
        head = [c.text for c in table.rows[0].cells]
        if head[0] == first and header in head:
            return [row.cells[head.index(header)].text for row in table.rows[1:]]
    raise KeyError(first)


def test_deadlines_in_words_sort_among_dates(demo: Path, tmp_path: Path) -> None:
    """Milestones (under their oppdrag in the oppdragsbrev, in the tertialrapport's table) go
    by the date a deadline implies: «medio mars» = 15.03, «Innen 2. tertial» = 31.08. The
    oppdrag keep their Nr order (the demo's Frist dates are in another order)."""
    from datetime import datetime

    from generator.pipeline import build

    styring = demo / "styring.xlsx"
    wb = openpyxl.load_workbook(styring)
    wb["Milepæler"].append(["4", 3, "Prosjektplan vedtatt", None, "medio mars", "nådd"])
    wb["Milepæler"].append(["4", 4, "Evaluering", None, datetime(2026, 9, 30), "planlagt"])
    numbers = [r[0].value for r in wb["Oppdrag"].iter_rows(min_row=2, max_col=1)]
    wb.save(styring)
    report = build([demo], tmp_path / "out", kinds=["oppdragsbrev", "tertialrapport"],
                   pdf=False)
    assert report.ok, [str(p) for p in report.problems.errors]

    brev = next((report.out_dir / "oppdragsbrev").glob("*.docx"))
    cells = _texts(brev)
    title = next(c for c in cells if c.startswith("Digitalisering med målbare gevinster"))
    row = cells[cells.index(title) + 1]  # the Hovedinnhold cell beside the title
    order = [row.index(f"◦ {n}. ") for n in (3, 1, 2, 4)]
    assert order == sorted(order), row  # medio mars, 31. mars, Innen 2. tertial, 30. september
    assert "(medio mars)" in row and "(Innen 2. tertial)" in row
    assert _column(brev, "Nr", "Nr") == [str(n) for n in sorted(numbers)]

    rapport = next((report.out_dir / "tertialrapport").glob("*.docx"))
    assert _column(rapport, "Dato", "Hører til") == [
        "medio mars", "31. mars 2026", "18. juni 2026", "Innen 2. tertial", "30. september 2026",
        "1. oktober 2026"]
    assert [n.split(".")[0] for n in _column(rapport, "Nr", "Nr")] == [
        str(n) for n in sorted(numbers)]


def _own_levels(demo: Path, levels: str) -> None:
    """«Egne ledernivåer» in Kommune; L20 and L21 (enhetsledere under the kommunalsjef for
    samfunnsutvikling, L04) are virksomhetsledere, L04 the assisterende kommunedirektør, who
    the KLG group names; the oppdrag that named them by their old levels name the new ones."""
    from .conftest import set_field

    styring, ledere = demo / "styring.xlsx", demo / "lederavtaler.xlsx"
    set_field(styring, "Kommune", "Egne ledernivåer", levels)
    set_cell(ledere, "Ledere", "Ledernivå", "Virksomhetsleder", 20)
    set_cell(ledere, "Ledere", "Ledernivå", "virksomhetsleder", 21)
    set_cell(ledere, "Ledere", "Ledernivå", "Assisterende kommunedirektør", 4)
    set_cell(styring, "Grupper", "Medlemmer",
             "KD\nAssisterende kommunedirektør\nKommunalsjefer\nL05\nHR", 1)
    set_cell(styring, "Oppdrag", "DA", "Enhetsledere, virksomhetsledere", 1)
    set_cell(styring, "Oppdrag", "DA", "TLG\nVirksomhetsledere SAMF", 9)


def test_a_municipality_adds_its_own_leader_levels(demo: Path, tmp_path: Path) -> None:
    """«Virksomhetsleder» and «Assisterende kommunedirektør» as levels of their own (not the
    synonyms enhetsleder and kommunalsjef): in Ledere, as a group and a role in HA/DA and
    Grupper, and in the lederavtale of a leader with that level."""
    from generator.model.domain import EgetNivå
    from generator.pipeline import build

    _own_levels(demo, "Virksomhetsleder\nAssisterende kommunedirektør = eget nivå")
    result = check([demo])
    assert result.ok, [str(p) for p in result.problems]
    assert not result.problems.notices, [str(p) for p in result.problems.notices]
    d = result.data
    assert d is not None
    levels = {ld.id: ld.nivå for ld in d.ledere}
    assert levels["L20"] == levels["L21"] == EgetNivå.fra("Virksomhetsleder")
    assert levels["L04"] == EgetNivå.fra("assisterende  kommunedirektør")

    def ids(entry: str) -> list[str]:
        return [ld.id for ld in d.ansvar.ledere([entry])]

    assert ids("Virksomhetsledere") == ids("Virksomhetsleder SAMF") == ["L20", "L21"]
    assert ids("Assisterende kommunedirektør") == ["L04"]
    assert ids("Kommunalsjefer") == ["L02", "L03"]
    assert "L20" not in ids("Enhetsledere") and "L04" in ids("KLG")
    assert (9, "DA") in {(o.nr, r) for o, r in d.oppdrag_for(d.leder("L20"))}

    report = build([demo], tmp_path / "out", kinds=["oppdragsbrev"], pdf=False)
    assert report.ok, [str(p) for p in report.problems.errors]
    brev = "\n".join(_texts(next((report.out_dir / "oppdragsbrev").glob("*.docx"))))
    assert "Virksomhetsledere SAMF" in brev  # DA as written


@pytest.mark.parametrize(("line", "why"), [
    ("Enhetsledere", "er alt et innebygd ledernivå"),
    ("Virksomhetsleder: enhetsleder", "skriv navnet alene"),
    ("Virksomhetsleder = sjef", "«Navn = nivå»"),
])
def test_a_bad_own_level_line_is_one_error_in_kommune(demo: Path, line: str, why: str) -> None:
    """A line that is no level is one FEIL on its cell, saying how to write it."""
    from .conftest import field_cell, set_field

    coord = set_field(demo / "styring.xlsx", "Kommune", "Egne ledernivåer", line)
    assert coord == field_cell(demo / "styring.xlsx", "Kommune", "Egne ledernivåer")
    errors = check([demo]).problems.errors
    assert [(p.sheet, p.cell) for p in errors] == [("Kommune", coord)]
    assert f"«{line}»" in errors[0].message and why in errors[0].message


def test_an_unknown_level_names_the_municipalitys_own(demo: Path) -> None:
    from .conftest import set_field

    set_field(demo / "styring.xlsx", "Kommune", "Egne ledernivåer", "Virksomhetsleder")
    coord = set_cell(demo / "lederavtaler.xlsx", "Ledere", "Ledernivå", "Seksjonssjef", 20)
    errors = check([demo]).problems.errors
    assert [(p.sheet, p.cell) for p in errors] == [("Ledere", coord)]
    assert "eller kommunens egne «Virksomhetsleder», fant «Seksjonssjef»" in errors[0].message


def test_choices_are_shown_as_the_municipality_wrote_them(demo: Path, tmp_path: Path) -> None:
    """«Medarbeiderne», «Grønt», «pågår» and «ferdig» (synonyms of medarbeidere, grønn, under
    arbeid and nådd) stand in the headings and status cells as written; the first spelling of
    a value is used everywhere, and a row spelling it otherwise gets one MERKNAD per value."""
    from generator.pipeline import build

    styring, tertial = demo / "styring.xlsx", demo / "tertial.xlsx"
    set_cell(styring, "Mål", "Perspektiv", "Medarbeiderne", 7)
    set_cell(styring, "Mål", "Perspektiv", "medarbeiderne", 8)  # the same word: no notice
    other = set_cell(styring, "Mål", "Perspektiv", "Medarbeider", 9)
    set_cell(styring, "Milepæler", "Status", "ferdig", 1)
    set_cell(tertial, "Målresultater", "Status", "Grønt", 2)  # S1, 2. tertial: the first
    set_cell(demo / "risiko.xlsx", "Risiko", "Status", "pågår", 1)
    checked = check([demo])
    assert checked.ok, [str(p) for p in checked.problems]
    said = [p for p in checked.problems.notices if "er samme" in p.message]
    assert [(p.sheet, p.cell) for p in said if p.sheet == "Mål"] == [("Mål", other)]
    assert said[0].message == (
        f"«Medarbeider» er samme perspektiv som «Medarbeiderne» (Mål › "
        f"{other[0]}8); dokumentene bruker den første skrivemåten, «Medarbeiderne». Skriv likt "
        "i alle radene, så forsvinner merknaden.")
    assert sorted(p.sheet for p in said) == ["Mål", "Målresultater", "Risiko"]  # one each

    report = build([demo], tmp_path / "out", kinds=["oppdragsbrev", "tertialrapport"],
                   pdf=False)
    assert report.ok, [str(p) for p in report.problems.errors]
    brev = _texts(next((report.out_dir / "oppdragsbrev").glob("*.docx")))
    assert any(t.endswith(" Medarbeiderne") for t in brev)  # the numbered heading
    assert not any(t.endswith(" Medarbeidere") for t in brev)
    rapport = next((report.out_dir / "tertialrapport").glob("*.docx"))
    texts = _texts(rapport)
    assert any(t.endswith(" Medarbeiderne") for t in texts)
    statuses = _column(rapport, "Status", "Nr")  # the oppdrag: grønn written «Grønt»
    assert "Grønt" in statuses and "Grønn" not in statuses
    assert "Ferdig" in _column(rapport, "Status", "Hører til")
    assert any("Pågår, frist" in t for t in texts)  # under Ansvar in the risk table
    assert not any("Under arbeid, frist" in t for t in texts)


def test_a_new_workbook_lets_the_municipalitys_words_be_typed(tmp_path: Path) -> None:
    """The drop-downs of a new workbook warn (not stop) on another word: Excel keeps
    «Medarbeiderne» or an own level «Virksomhetsleder» when the adviser answers Ja."""
    from generator.input.blank import write_workbooks

    write_workbooks(tmp_path)
    for book, sheet, header in (("styring", "Mål", "Perspektiv"),
                                ("lederavtaler", "Ledere", "Ledernivå"),
                                ("risiko", "Risiko", "Status")):
        ws = openpyxl.load_workbook(tmp_path / f"{book}.xlsx")[sheet]
        letter = next(c.column_letter for c in ws[1] if c.value == header)
        rule = next(v for v in ws.data_validations.dataValidation
                    if str(v.sqref).startswith(f"{letter}2"))
        assert rule.type == "list" and rule.errorStyle == "warning", header
        assert "godtas også" in (rule.error or "")
    ws = openpyxl.load_workbook(tmp_path / "styring.xlsx")["Kapitler"]
    letter = next(c.column_letter for c in ws[1] if c.value == "Dokument")
    rule = next(v for v in ws.data_validations.dataValidation
                if str(v.sqref).startswith(f"{letter}2"))
    assert rule.errorStyle in (None, "stop")  # no synonyms there: the list is the rule
