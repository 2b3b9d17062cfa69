"""The reporting round's answers as data of their own in the tertialrapport: a full round on
the demo (status, kommentar, prognose, tiltak and indicator result for oppdrag, goals, risks
and budget lines), built WITHOUT ``runde inn --skriv``; every answer in its own cells with
its author; the adviser's own entry going first (and said so); HA and DA side by side with
their conflicting status reported; a return added, then removed, rebuilding exactly the
tertialrapport. And the round's two buttons on the Start sheet."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import xlwings

from generator import pipeline
from generator.excel import runde as runde_button
from generator.excel.outcome import Outcome, log_rows
from generator.excel.xlsm import LOG_SHEET, ROUND_BUTTONS, run_python, write_demo_xlsm
from generator.input.validate import load
from generator.model.runde import ARK, Runde
from generator.norsk import tusen
from generator.output.runde import filnavn
from tests.conftest import header_column, run
from tests.excel_standin import FakeBook
from tests.test_runde import OVERRIDDEN, _copy_demo, _move_t2_to_t3

T = 2
HELD_BACK = "L06"  # answers last: the return is added (and removed) between builds
OWN_FORECAST = ("Oppvekst", 123_456_000.0)  # the adviser's own forecast, typed after sending
REPORT = Path("2026") / "tertialrapport" / "tertialrapport-2026-t2.docx"


def _values(i: int, leder_id: str, key: str, role: str | None, slag: str) -> dict[str, Any]:
    """The answers of leader number ``i`` for one row: distinct per leader and row."""
    out: dict[str, Any] = {"kommentar": f"Kommentar fra {leder_id} om {key}"}
    if slag == "risiko":
        out["status"] = "Under arbeid"
        out["tiltak"] = f"Tiltak A fra {leder_id}\nTiltak B fra {leder_id}"
    elif slag != "økonomi":
        out["status"] = "Rød" if role == "DA" else "Grønn"  # DA differs from HA: a conflict
    if slag == "mål":
        out["resultat"] = f"{50 + i} % ({leder_id})"
    if slag == "økonomi":
        out["prognose"] = 2_000_000 + i * 10_000
    return out


def _fill(src: Path, target: Path, i: int, leder_id: str) -> None:
    """Fill in every answer cell of a leader's workbook, as the leader would (openpyxl)."""
    wb = openpyxl.load_workbook(src)
    for ark in ARK:
        if ark.navn not in wb.sheetnames:
            continue
        ws = wb[ark.navn]
        cols = {k.felt: c for c, k in enumerate(ark.kolonner, start=1)}
        for r in range(2, ws.max_row + 1):
            key = ws.cell(row=r, column=1).value
            role = ws.cell(row=r, column=cols["rolle"]).value if "rolle" in cols else None
            for felt, value in _values(i, leder_id, key, role, ark.slag).items():
                ws.cell(row=r, column=cols[felt]).value = value
    wb.save(target)


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*.docx")}


def _answer_rows(path: Path) -> list[tuple[str, ...]]:
    """Every row of the tables of the leaders' answers (header with «Rapportert av»), each
    with the table's headers: ((header, text), …)."""
    out = []
    for t in docx.Document(str(path)).tables:
        headers = [c.text for c in t.rows[0].cells]
        if "Rapportert av" in headers:
            out += [tuple(f"{h}={c.text}" for h, c in zip(headers, row.cells, strict=True))
                    for row in t.rows[1:]]
    return out


def _table_rows(path: Path, first_header: str) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in docx.Document(str(path)).tables
            if t.rows[0].cells[0].text == first_header
            and "Rapportert av" not in [c.text for c in t.rows[0].cells] for row in t.rows[1:]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo's round for T2: sent out, answered by every leader (one return held back),
    the adviser's own forecast typed in after sending; built (DOCX, every kind) without
    the held-back return, with it, and with it removed again."""
    folder = _copy_demo(tmp_path_factory.mktemp("runde-data") / "wb")
    _move_t2_to_t3(folder)  # no T2 statuses, except the adviser's own for oppdrag 9
    out = run("runde", "ut", folder, "--tertial", str(T))
    assert out.exit_code == 0, out.output
    data = load([folder]).data
    assert data is not None
    r = Runde(data, T)
    wb = openpyxl.load_workbook(folder / "tertial.xlsx")  # the adviser's own, after sending
    ws = wb["Økonomi"]
    cols = {h: header_column(ws, h) for h in ("Tertial", "Type", "Rammeområde", "Prognose")}
    for row in range(2, ws.max_row + 1):
        if (ws.cell(row=row, column=cols["Tertial"]).value == T
                and str(ws.cell(row=row, column=cols["Type"]).value).casefold() == "drift"
                and ws.cell(row=row, column=cols["Rammeområde"]).value == OWN_FORECAST[0]):
            ws.cell(row=row, column=cols["Prognose"]).value = OWN_FORECAST[1]
    wb.save(folder / "tertial.xlsx")
    ut, inn = folder / "runde" / "2026-t2" / "ut", folder / "runde" / "2026-t2" / "inn"
    held = folder.parent / "holdt-tilbake.xlsx"  # not in inn/ yet, nor beside the workbooks
    for i, leder in enumerate(r.deltakere()):
        target = held if leder.id == HELD_BACK else inn / f"svar {i}.xlsx"
        _fill(ut / filnavn(r, leder), target, i, leder.id)
    docs = folder / "dokumenter"
    before = pipeline.build([folder], docs, None, T, pdf=False)
    assert before.ok, before.problems.errors
    digests_before = _digests(docs)
    report_before = (docs / REPORT).read_bytes()
    shutil.move(held, inn / "svar fra Áile.xlsx")
    added = pipeline.build([folder], docs, None, T, pdf=False)
    assert added.ok, added.problems.errors
    digests_added = _digests(docs)
    report_added = (docs / REPORT).read_bytes()
    keep = folder.parent / "rapport-med-alle.docx"
    keep.write_bytes(report_added)
    (inn / "svar fra Áile.xlsx").unlink()
    removed = pipeline.build([folder], docs, None, T, pdf=False)
    assert removed.ok, removed.problems.errors
    return {"folder": folder, "runde": r, "data": data, "report": keep,
            "before": (before, digests_before, report_before),
            "added": (added, digests_added, report_added),
            "removed": (removed, _digests(docs), (docs / REPORT).read_bytes())}


def test_every_answer_is_in_its_own_cells_with_its_author(built: dict[str, Any]) -> None:
    r: Runde = built["runde"]
    rows = _answer_rows(built["report"])
    for i, leder in enumerate(r.deltakere()):
        for linje in r.linjer(leder):
            want = _values(i, leder.id, linje.nøkkel, linje.rolle, linje.slag)
            row = next((x for x in rows
                        if f"Kommentar={want['kommentar']}" in x), None)
            assert row is not None, (leder.id, linje.nøkkel)
            assert f"Rapportert av={leder.navn}" in row
            if linje.rolle in ("HA", "DA"):
                assert f"Rolle={linje.rolle}" in row
            if "status" in want:  # a status left as it was sent is not the leader's answer
                shown = "" if linje.verdier.get("status") == want["status"] else want["status"]
                assert f"Status={shown}" in row, row
            if "resultat" in want:
                assert f"Resultat={want['resultat']}" in row, row
            if "tiltak" in want:
                assert f"Tiltak={want['tiltak']}" in row, row
            if "prognose" in want:
                assert f"Prognose={tusen(want['prognose'])}" in row, row


def test_forecasts_measures_and_statuses_reach_the_report_without_skriv(
        built: dict[str, Any]) -> None:
    """No ``--skriv``: the central workbooks are as they were, and yet the report's own
    tables use the leaders' forecast, measures, result and status."""
    folder: Path = built["folder"]
    assert not (folder / "runde" / "2026-t2" / "sikkerhetskopi").exists()
    r: Runde = built["runde"]
    order = {ld.id: i for i, ld in enumerate(r.deltakere())}
    data = built["data"]
    drift = {row[0]: row for row in _table_rows(built["report"], "Rammeområde")
             if len(row) > 3}
    areas = {a.navn: a for a in data.rammeområder}
    helse = data.ansvar.ledere([areas["Helse og omsorg"].ansvarlig])[0]
    assert tusen(2_000_000 + order[helse.id] * 10_000) in drift["Helse og omsorg"]
    risks = {row[0]: row for row in _table_rows(built["report"], "ID")}
    risk = next(x for x in data.risikoer if x.ansvarlig and x.status.value != "lukket")
    owner = data.ansvar.ledere([risk.ansvarlig])[0]
    assert f"Tiltak A fra {owner.id}\nTiltak B fra {owner.id}" in risks[risk.id]
    assert "Under arbeid" in risks[risk.id][-1]  # «Ansvar og status»
    goals = [row for row in _table_rows(built["report"], "Mål")]
    g = next(x for x in data.mål if data.ansvar.ledere([x.ansvarlig]))
    lead = data.ansvar.ledere([g.ansvarlig])[0]
    row = next(x for x in goals if x[0] == g.mål)
    assert row[3] == f"{50 + order[lead.id]} % ({lead.id})" and row[4] == "Grønn"
    # the check reads the same (no document made)
    checked = pipeline.check([folder])
    assert checked.data is not None and checked.data.rapportering is not None
    assert any(ln.prognose == 2_000_000 + order[helse.id] * 10_000
               for ln in checked.data.økonomi if ln.rammeområde == "Helse og omsorg")


def test_the_advisers_own_entry_goes_first_and_the_logg_says_so(built: dict[str, Any]) -> None:
    report, _, _ = built["added"]
    rows = _answer_rows(built["report"])
    # oppdrag 9: the adviser's T2 status in Oppdragsstatus; the leader's answer is still shown
    main = next(x for x in _table_rows(built["report"], "Nr") if x[0] == str(OVERRIDDEN))
    assert main[3:] == ["Rød", "Rådgiverens egen."]
    mine = [x for x in rows if f"Nr={OVERRIDDEN}" in x]
    assert mine and all(x[-1].startswith("Merknad=Rådgiverens egen oppføring gjelder")
                        for x in mine)
    # Oppvekst: the adviser typed a forecast after the round went out: it is the report's
    drift = next(x for x in _table_rows(built["report"], "Rammeområde") if x[0] == "Oppvekst")
    assert tusen(OWN_FORECAST[1]) in drift
    answer = next(x for x in rows if "Rammeområde=Oppvekst" in x and "Type=Drift" in x)
    assert answer[-1] == "Merknad=Rådgiverens egen oppføring gjelder"
    assert tusen(OWN_FORECAST[1]) not in answer[3]  # the leader's forecast, as reported
    # the build's summary and the Logg sheet's rows say so
    logg = [str(row[3]) for row in log_rows(Outcome(built["folder"] / "tertial.xlsx",
                                                    built["folder"] / "dokumenter",
                                                    report=report))]
    for text in (f"oppdrag {OVERRIDDEN}: rådgiverens egen status i arket Oppdragsstatus går "
                 "foran svaret fra",
                 "Oppvekst (drift): rådgiverens egen prognose i arket Økonomi"):
        assert any(text in line for line in logg), text


def test_ha_and_da_side_by_side_with_the_conflict_reported(built: dict[str, Any]) -> None:
    report, _, _ = built["added"]
    data = built["data"]
    rows = [x for x in _answer_rows(built["report"]) if "Nr=3" in x]
    o3 = next(o for o in data.oppdrag if o.nr == 3)
    ha, da = data.ansvar.ledere(o3.ha), data.ansvar.ledere(o3.da)
    assert ha and da
    # one row each, next to each other: HA first, then every DA
    assert [x[1].removeprefix("Rapportert av=") for x in rows] == [
        ld.navn for ld in sorted(ha, key=lambda ld: ld.id)] + [
        ld.navn for ld in sorted(da, key=lambda ld: ld.id) if ld not in ha]
    assert [x[2] for x in rows] == ["Rolle=HA"] * len(ha) + ["Rolle=DA"] * (len(rows) - len(ha))
    assert {x[3] for x in rows[:len(ha)]} == {"Status=Grønn"}
    assert {x[3] for x in rows[len(ha):]} == {"Status=Rød"}
    assert all(x[-1].endswith("Ulik status") for x in rows)
    main = next(x for x in _table_rows(built["report"], "Nr") if x[0] == "3")
    assert main[3] == "Grønn"  # the HA's
    notices = " ".join(p.message for p in report.problems.notices)
    assert "oppdrag 3: lederne har rapportert ulik status" in notices


def test_a_return_added_or_removed_rebuilds_only_the_tertialrapport(
        built: dict[str, Any]) -> None:
    _, before, report_before = built["before"]
    added, after, report_added = built["added"]
    removed, again, report_removed = built["removed"]
    assert not added.unchanged and not removed.unchanged
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {str(REPORT)}, changed
    assert {k for k in again if again[k] != after.get(k)} == {str(REPORT)}
    assert report_added != report_before and report_removed != report_added

    def comments(data: bytes, path: Path) -> set[str]:
        path.write_bytes(data)
        return {x for row in _answer_rows(path) for x in row if x.startswith("Kommentar=")}

    tmp = built["folder"].parent / "x.docx"
    with_held = comments(report_added, tmp)
    assert any(f"fra {HELD_BACK} om" in x for x in with_held)
    assert not any(f"fra {HELD_BACK} om" in x for x in comments(report_before, tmp))
    assert comments(report_removed, tmp) == comments(report_before, tmp)



def test_a_risk_the_adviser_changed_since_sending_keeps_the_advisers_values() -> None:
    """The risk's status and measures always have a value in the sheet Risiko: the leader's
    go into the report unless the adviser has changed them since the round went out."""
    import dataclasses

    from generator.demo.data import demo_data
    from generator.model.runde import Svar, Svarene, med_svar

    data = demo_data()
    risk = next(x for x in data.risikoer if x.id == "R08")
    tove = data.leder("L22")
    assert tove is not None and risk.status.value == "åpen"
    sent = {"status": "Åpen", "tiltak": "\n".join(risk.mottiltak), "kommentar": None}
    answer = {"status": "Under arbeid", "tiltak": "Nytt tiltak\nEnda et", "kommentar": "K"}

    def run_with(d: Any) -> tuple[Any, list[str]]:
        svarene = Svarene(Runde(d, 3))
        svarene.legg_til(Svar("risiko:R08", tove, "ansvarlig", answer, "x", sent))
        new, notes = med_svar(d, svarene)
        return next(x for x in new.risikoer if x.id == "R08"), [n.melding for n in notes]

    got, notes = run_with(data)  # the sheet is as it was sent: the leader's values
    assert got.status.value == "under arbeid" and got.mottiltak == ["Nytt tiltak", "Enda et"]
    assert notes == []
    changed = dataclasses.replace(
        data, risikoer=[dataclasses.replace(x, status=type(x.status)("lukket"),
                                            mottiltak=["Rådgiverens tiltak"])
                        if x.id == "R08" else x for x in data.risikoer])
    got, notes = run_with(changed)  # the adviser changed both since: the adviser's stay
    assert got.status.value == "lukket" and got.mottiltak == ["Rådgiverens tiltak"]
    assert [n.split(":")[0] for n in notes] == ["risiko R08", "risiko R08"]
    assert "rådgiverens egen status i arket Risiko («lukket») går foran" in notes[0]

# --- a value returned as it was sent is no answer ---------------------------------------------

UNTOUCHED = "L02"  # Trond Hjelmeland: Oppvekst (drift and investering), R09, oppdrag and goals
NEW_FORECAST = 987_654_000.0


def _set_forecast(path: Path, type_: str, area: str, value: float) -> None:
    """The adviser types a forecast into the central workbook's sheet Økonomi (tertial T)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Økonomi"]
    cols = {h: header_column(ws, h) for h in ("Tertial", "Type", "Rammeområde", "Prognose")}
    for row in range(2, ws.max_row + 1):
        if (ws.cell(row=row, column=cols["Tertial"]).value == T
                and str(ws.cell(row=row, column=cols["Type"]).value).casefold() == type_
                and ws.cell(row=row, column=cols["Rammeområde"]).value == area):
            ws.cell(row=row, column=cols["Prognose"]).value = value
    wb.save(path)


@pytest.fixture(scope="module")
def untouched(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo as it is (T2 statuses, comments and results pre-filled): one leader returns
    the workbook with only the drift forecast changed, every other cell as it was sent; the
    adviser types a new investering forecast for the same area after the round went out."""
    folder = _copy_demo(tmp_path_factory.mktemp("runde-uendret") / "wb")
    out = run("runde", "ut", folder, "--tertial", str(T))
    assert out.exit_code == 0, out.output
    data = load([folder]).data
    assert data is not None
    r = Runde(data, T)
    leder = data.leder(UNTOUCHED)
    assert leder is not None
    sent = folder / "runde" / "2026-t2" / "ut" / filnavn(r, leder)
    wb = openpyxl.load_workbook(sent)
    ws = wb["Økonomi"]
    cols = {k.felt: c for c, k in enumerate(ARK[3].kolonner, start=1)}
    row = next(i for i in range(2, ws.max_row + 1)
               if ws.cell(row=i, column=1).value == "økonomi:drift:Oppvekst")
    sent_drift = ws.cell(row=row, column=cols["prognose"]).value
    ws.cell(row=row, column=cols["prognose"]).value = NEW_FORECAST
    returned = folder / "runde" / "2026-t2" / "inn" / "svar.xlsx"
    wb.save(returned)
    _set_forecast(folder / "tertial.xlsx", "investering", "Oppvekst", OWN_FORECAST[1])
    report = pipeline.build([folder], folder / "dokumenter", ["tertialrapport"], T, pdf=False)
    assert report.ok, report.problems.errors
    return {"folder": folder, "runde": r, "leder": leder, "report": report,
            "returned": returned, "sent_drift": sent_drift,
            "docx": folder / "dokumenter" / REPORT}


def test_only_the_changed_forecast_is_attributed_to_the_leader(
        untouched: dict[str, Any]) -> None:
    """The leader changed one forecast and left every other cell as it was sent: only the
    changed forecast is theirs in the report; each untouched row says «Bekreftet uendret»
    and shows no value as theirs (not the forecast, status, comment, result or measures
    that were pre-filled)."""
    leder, r = untouched["leder"], untouched["runde"]
    assert untouched["sent_drift"] not in (None, NEW_FORECAST)
    rows = [x for x in _answer_rows(untouched["docx"]) if f"Rapportert av={leder.navn}" in x]
    changed = [x for x in rows if "Merknad=Bekreftet uendret" not in x]
    assert changed == [("Type=Drift", "Rammeområde=Oppvekst", f"Rapportert av={leder.navn}",
                        f"Prognose={tusen(NEW_FORECAST)}", "Kommentar=", "Merknad=")]
    confirmed = [x for x in rows if "Merknad=Bekreftet uendret" in x]
    assert len(confirmed) == len(r.linjer(leder)) - 1  # every other row: none left out
    values = ("Prognose=", "Status=", "Kommentar=", "Resultat=", "Tiltak=")
    for x in confirmed:  # no value of the sent-out workbook is shown as the leader's
        assert all(cell in values for cell in x if cell.startswith(values)), x
    assert any("Rammeområde=Oppvekst" in x and "Type=Investering" in x for x in confirmed)
    assert any(x[0].startswith("Nr=") for x in confirmed)  # oppdrag with pre-filled status
    assert any(x[0] == "ID=R09" for x in confirmed)  # the risk's pre-filled status, measures
    # the data: the new forecast is the report's; the adviser's later forecast for the
    # untouched line stands, and no notice claims the leader reported the old one
    notices = [p.message for p in untouched["report"].problems.notices]
    assert not [m for m in notices if leder.navn in m], notices
    checked = pipeline.check([untouched["folder"]])
    assert checked.data is not None
    forecasts = {(ln.type.value, ln.rammeområde): ln.prognose
                 for ln in checked.data.økonomi if ln.tertial == T}
    assert forecasts[("drift", "Oppvekst")] == NEW_FORECAST
    assert forecasts[("investering", "Oppvekst")] == OWN_FORECAST[1]
    drift = next(x for x in _table_rows(untouched["docx"], "Rammeområde") if x[0] == "Oppvekst")
    assert tusen(NEW_FORECAST) in drift


def test_an_older_return_without_the_sent_values_keeps_every_filled_cell_as_an_answer(
        untouched: dict[str, Any], tmp_path: Path) -> None:
    """A workbook of the first format (version 1: the values sent were not kept) cannot
    tell a pre-filled cell from an answer: every filled cell is an answer, as before."""
    from generator.input.runde import les
    from generator.model.runde import rapportert_av

    r: Runde = untouched["runde"]
    leder = untouched["leder"]
    new = les(untouched["returned"].parent, r).svarene
    assert new.rader() == (1, len(r.linjer(leder)) - 1)
    invest = new.svar["økonomi:investering:Oppvekst"]
    assert invest[0].felt == {} and invest[0].uendret and rapportert_av(invest) == ""
    assert invest[0].bekreftet["prognose"] == invest[0].sendt["prognose"]
    inn = tmp_path / "inn"
    inn.mkdir()
    wb = openpyxl.load_workbook(untouched["returned"])
    meta = wb["_runde"]
    row = next(i for i in range(1, 7) if meta.cell(row=i, column=1).value == "versjon")
    meta.cell(row=row, column=2).value = 1
    wb.save(inn / "gammel.xlsx")
    old = les(inn, r)
    assert not old.problems.errors, old.problems.errors
    invest = old.svarene.svar["økonomi:investering:Oppvekst"]
    assert invest[0].sendt is None and invest[0].bekreftet == {}
    assert invest[0].felt["prognose"] == new.svar["økonomi:investering:Oppvekst"][0].sendt[
        "prognose"]
    assert rapportert_av(invest) == leder.navn
    assert old.svarene.rader() == (len(r.linjer(leder)), 0)


def test_skriv_keeps_the_comment_a_leader_left_as_it_was_sent(untouched: dict[str, Any],
                                                              tmp_path: Path) -> None:
    """A leader changes an oppdrag's status and leaves its pre-filled comment: ``--skriv``
    writes the status and keeps the adviser's comment (not «Rapportert av …» over it), and
    the report after it takes the entry as the leader's answer (nothing «går foran»)."""
    folder = tmp_path / "wb"
    shutil.copytree(untouched["folder"], folder)
    returned = folder / "runde" / "2026-t2" / "inn" / "svar.xlsx"
    wb = openpyxl.load_workbook(returned)
    ws = wb["Oppdrag"]
    cols = {k.felt: c for c, k in enumerate(ARK[0].kolonner, start=1)}
    row = next(i for i in range(2, ws.max_row + 1)
               if ws.cell(row=i, column=cols["kommentar"]).value
               and ws.cell(row=i, column=cols["status"]).value in ("Grønn", "Gul"))
    nr = ws.cell(row=row, column=cols["nr"]).value
    comment = ws.cell(row=row, column=cols["kommentar"]).value
    status = "Rød"
    ws.cell(row=row, column=cols["status"]).value = status
    wb.save(returned)
    out = run("runde", "inn", folder, "--tertial", str(T), "--skriv")
    assert out.exit_code == 0 and "Skrev " in out.output, out.output
    assert "2 rader med svar" in " ".join(out.output.split()), out.output
    data = load([folder]).data
    assert data is not None
    entry = next(x for x in data.oppdragsstatus if x.tertial == T and x.nr == nr)
    assert (entry.status.value, entry.kommentar) == ("rød", comment)
    report = pipeline.build([folder], folder / "dokumenter", ["tertialrapport"], T, pdf=False)
    assert report.ok, report.problems.errors
    assert not [p for p in report.problems.notices if "går foran" in p.message]
    main = next(x for x in _table_rows(folder / "dokumenter" / REPORT, "Nr") if x[0] == str(nr))
    assert main[3:] == ["Rød", comment]
    mine = [x for x in _answer_rows(folder / "dokumenter" / REPORT) if x[0] == f"Nr={nr}"
            and f"Rapportert av={untouched['leder'].navn}" in x]
    assert [x[3:] for x in mine] == [("Status=Rød", "Kommentar=", "Merknad=")]


# --- the buttons «Send rapporteringsrunde» and «Les inn svar» ---------------------------------

@pytest.fixture(scope="module")
def xlsm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("runde-knapp") / "wb"
    write_demo_xlsm(folder)
    return folder


def _press(monkeypatch: pytest.MonkeyPatch, path: Path, entry: Any) -> FakeBook:
    book = FakeBook(path)
    monkeypatch.setattr(xlwings.Book, "caller", lambda: book)
    entry()
    return book


def _logg(path: Path) -> list[list[Any]]:
    ws = openpyxl.load_workbook(path, keep_vba=True)[LOG_SHEET]
    return [[c.value for c in row] for row in ws.iter_rows(max_col=4)]


def test_the_start_sheet_has_the_round_buttons(xlsm: Path) -> None:
    import re
    import zipfile

    for path in xlsm.glob("*.xlsm"):
        with zipfile.ZipFile(path) as z:
            vml = next(z.read(n).decode() for n in z.namelist() if n.endswith(".vml"))
        macros = [m.replace("&quot;", '"')
                  for m in re.findall(r"<x:FmlaMacro>(.*?)</x:FmlaMacro>", vml)]
        for caption, command in ROUND_BUTTONS:
            assert "[0]!" + run_python(command) in macros
            assert caption in vml
    assert run_python(ROUND_BUTTONS[0][1]) == (
        "'RunPython \"import generator.excel; generator.excel.send_runde()\"'")
    assert run_python(ROUND_BUTTONS[1][1]) == (
        "'RunPython \"import generator.excel; generator.excel.les_svar()\"'")
    import generator.excel

    assert callable(generator.excel.send_runde) and callable(generator.excel.les_svar)


def test_the_round_buttons_send_and_read_without_changing_the_workbooks(
        xlsm: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.excel

    pressed = xlsm / "styring.xlsm"
    others = {p.name: p.read_bytes() for p in xlsm.glob("*.xlsm") if p != pressed}
    book = _press(monkeypatch, pressed, generator.excel.send_runde)
    alert = book.app.alerts[-1]
    assert alert["mode"] == "info" and "25 arbeidsbøker og 25 e-postutkast" in alert["prompt"]
    assert alert["title"] == "Send rapporteringsrunde"
    assert "25 arbeidsbøker" in str(book.app.status_bar)
    ut = xlsm / "runde" / "2026-t2" / "ut"
    assert len(list(ut.glob("*.xlsx"))) == 25 and len(list(ut.glob("*.eml"))) == 25
    log = _logg(pressed)
    assert log[1][1] == "OK" and "«Send rapporteringsrunde»" in log[1][3]
    # one leader answers; «Les inn svar» reads it and names the 24 missing
    data = load([xlsm]).data
    assert data is not None
    r = Runde(data, T)
    leder = r.deltakere()[0]
    _fill(ut / filnavn(r, leder), xlsm / "runde" / "2026-t2" / "inn" / "svar.xlsx", 0,
          leder.id)
    book = _press(monkeypatch, pressed, generator.excel.les_svar)
    alert = book.app.alerts[-1]
    assert alert["mode"] == "info" and "1 av 25 ledere har svart" in alert["prompt"]
    assert "Traceback" not in alert["prompt"]
    log = _logg(pressed)
    assert log[1][1] == "OK" and "1 av 25 ledere har svart" in log[1][3]
    missing = [row for row in log if row[1] == "mangler"]
    assert len(missing) == 24 and any(r.deltakere()[1].navn in str(row[3]) for row in missing)
    assert len(list((xlsm / "runde" / "2026-t2" / "purring").glob("*.eml"))) == 24
    # the central workbooks are not rewritten (only the pressed one's Logg sheet)
    assert {p.name: p.read_bytes() for p in xlsm.glob("*.xlsm") if p != pressed} == others
    assert not (xlsm / "runde" / "2026-t2" / "sikkerhetskopi").exists()
    # the same without Excel, as `python -m generator.excel` does for «Lag dokumenter»
    done = runde_button.run_file(pressed, "inn")
    assert done.ok and "1 av 25 ledere har svart" in _logg(pressed)[1][3]


def test_a_round_button_never_shows_a_traceback(xlsm: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    import generator.excel

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("noe gikk galt")

    monkeypatch.setattr(runde_button.runde, "ut", boom)
    book = _press(monkeypatch, xlsm / "risiko.xlsm", generator.excel.send_runde)
    alert = book.app.alerts[-1]
    assert alert["mode"] == "critical" and "uventet feil" in alert["prompt"]
    assert "Traceback" not in alert["prompt"]
    log = _logg(xlsm / "risiko.xlsm")
    assert log[1][1] == "STOPP" and "RuntimeError: noe gikk galt" in log[1][3]

    def no_caller() -> None:
        raise RuntimeError("Book.caller() must not be called directly")

    monkeypatch.setattr(xlwings.Book, "caller", no_caller)
    with pytest.raises(SystemExit) as exit_info:
        generator.excel.les_svar()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "«Les inn svar» må trykkes i en arbeidsbok som er åpen i Excel" in err
    assert "Traceback" not in err


def test_a_comment_corrected_only_in_its_capitals_is_the_leaders_answer() -> None:
    from generator.model.runde import nye_svar

    sent = {"kommentar": "Tiltaket er i rute i oslo.", "status": "Grønn", "prognose": 3}
    new, confirmed = nye_svar({"kommentar": "Tiltaket er i rute i Oslo.", "status": "Grønn",
                               "prognose": 3.0}, sent)
    assert new == {"kommentar": "Tiltaket er i rute i Oslo."}
    assert confirmed == {"status": "Grønn", "prognose": 3.0}
    # surrounding spaces and empty lines are still no answer
    new, _ = nye_svar({"kommentar": "  Tiltaket er i rute i oslo.\n\n"}, sent)
    assert new == {}
