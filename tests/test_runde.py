"""The reporting round on the demo: out, answers written into the leaders' workbooks with
openpyxl, in, build; every answer in the tertialrapport with its author; refused returns
named with the reason; ``--skriv`` changes only answer cells."""

from __future__ import annotations

import email
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from generator import pipeline
from generator.input.validate import load
from generator.model.runde import ARK, Runde
from generator.output.runde import HIDDEN, filnavn
from tests.conftest import header_column, run

DEMO = Path(__file__).resolve().parent.parent / "workbooks"
T = 2
OVERRIDDEN = 9  # the oppdrag whose T2 status the adviser keeps in the central workbook
MISSING = "L25"  # sends nothing
TAMPERED = "L24"  # edits a locked cell: refused, and so missing
TWO_VERSIONS = "L07"
COPIED = "L10"  # L09 fills in L10's workbook: refused as a copy


def _copy_demo(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for f in [*DEMO.glob("*.xlsx"), *DEMO.glob("*.png")]:
        shutil.copy(f, folder / f.name)
    return folder


def _move_t2_to_t3(folder: Path) -> None:
    """The adviser has not filled in the tertial yet: the demo's T2 statuses become T3
    (kept, so the sheets stay valid), except one oppdrag the adviser has written."""
    path = folder / "tertial.xlsx"
    wb = openpyxl.load_workbook(path)
    for sheet, key in (("Oppdragsstatus", "Oppdrag nr"), ("Målresultater", "Mål-ID")):
        ws = wb[sheet]
        tc, kc = header_column(ws, "Tertial"), header_column(ws, key)
        for r in range(2, ws.max_row + 1):
            if ws.cell(row=r, column=tc).value == T and not (
                    sheet == "Oppdragsstatus" and ws.cell(row=r, column=kc).value == OVERRIDDEN):
                ws.cell(row=r, column=tc).value = 3
    ws = wb["Oppdragsstatus"]
    for r in range(2, ws.max_row + 1):
        if (ws.cell(row=r, column=header_column(ws, "Oppdrag nr")).value == OVERRIDDEN
                and ws.cell(row=r, column=header_column(ws, "Tertial")).value == T):
            ws.cell(row=r, column=header_column(ws, "Status")).value = "rød"
            ws.cell(row=r, column=header_column(ws, "Kommentar")).value = "Rådgiverens egen."
    wb.save(path)


def _answer(src: Path, target: Path, leder_id: str, tag: str = "",
            edit: dict[str, Any] | None = None, saved_by: str | None = None) -> None:
    """Fill in every answer cell of a leader's workbook, as the leader would."""
    wb = openpyxl.load_workbook(src)
    for ark in ARK:
        if ark.navn not in wb.sheetnames:
            continue
        ws = wb[ark.navn]
        cols = {k.felt: i for i, k in enumerate(ark.kolonner, start=1)}
        for r in range(2, ws.max_row + 1):
            key = ws.cell(row=r, column=1).value
            role = ws.cell(row=r, column=cols["rolle"]).value if "rolle" in cols else None
            if "status" in cols:
                ws.cell(row=r, column=cols["status"]).value = (
                    "Under arbeid" if ark.slag == "risiko"
                    else "Grønn" if role != "DA" else "Gul")
            ws.cell(row=r, column=cols["kommentar"]).value = f"Svar{tag} fra {leder_id} på {key}"
            if "resultat" in cols:
                ws.cell(row=r, column=cols["resultat"]).value = f"91 % ({leder_id})"
            if "prognose" in cols:
                ws.cell(row=r, column=cols["prognose"]).value = 1_000_000
            if "tiltak" in cols:
                ws.cell(row=r, column=cols["tiltak"]).value = f"Nytt tiltak fra {leder_id}"
    for ref, value in (edit or {}).items():
        sheet, coord = ref.split("!")
        wb[sheet][coord] = value
    if saved_by:
        wb.properties.lastModifiedBy = saved_by
    wb.save(target)


@pytest.fixture(scope="module")
def runde(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo's round for T2, sent out and answered (module-scoped: built once)."""
    folder = _copy_demo(tmp_path_factory.mktemp("runde") / "wb")
    _move_t2_to_t3(folder)
    out = run("runde", "ut", folder, "--tertial", str(T), "--frist", "14.09.2026")
    assert out.exit_code == 0, out.output
    result = load([folder])
    assert result.data is not None
    r = Runde(result.data, T)
    ut = folder / "runde" / "2026-t2" / "ut"
    inn = folder / "runde" / "2026-t2" / "inn"
    assert inn.is_dir() and not any(inn.iterdir())  # made by «runde ut», for the answers
    for i, leder in enumerate(r.deltakere()):
        src = ut / filnavn(r, leder)
        if leder.id in (MISSING, TAMPERED):
            continue
        if leder.id == TWO_VERSIONS:
            _answer(src, inn / "gammel.xlsx", leder.id, " (gammel)")
            os.utime(inn / "gammel.xlsx", (1_700_000_000, 1_700_000_000))
        _answer(src, inn / f"svar-{i:02d}.xlsx", leder.id)
    shutil.copy(inn / "svar-03.xlsx", inn / "svar-03 (kopi).xlsx")  # a duplicate
    leder24 = result.data.leder(TAMPERED)
    assert leder24 is not None
    _answer(ut / filnavn(r, leder24), inn / "endret.xlsx", TAMPERED,
            edit={"Oppdrag!C2": "Ny tittel", "Økonomi!D2": 1})
    leder10 = result.data.leder(COPIED)
    assert leder10 is not None
    _answer(ut / filnavn(r, leder10), inn / "kopi.xlsx", "L09", saved_by="Guro Bakkevold")
    unknown = inn / "ukjent.xlsx"
    _answer(ut / filnavn(r, leder10), unknown, "L99")
    wb = openpyxl.load_workbook(unknown)
    wb[HIDDEN]["B2"] = "L99"
    wb.save(unknown)
    (inn / "gammel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    (inn / "passord.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with zipfile.ZipFile(inn / "regneark.ods", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return {"folder": folder, "runde": r, "ut": ut, "inn": inn, "data": result.data}


def test_out_one_workbook_and_draft_per_leader(runde: dict[str, Any]) -> None:
    r: Runde = runde["runde"]
    ut: Path = runde["ut"]
    leaders = r.deltakere()
    assert len(leaders) == 25
    assert sorted(p.name for p in ut.glob("*.xlsx")) == sorted(filnavn(r, ld) for ld in leaders)
    assert len(list(ut.glob("*.eml"))) == len(leaders)
    sunna = runde["data"].leder("L03")
    wb = openpyxl.load_workbook(ut / filnavn(r, sunna))
    assert wb.sheetnames == ["Forside", "Oppdrag", "Mål", "Risiko", "Økonomi", HIDDEN]
    assert wb[HIDDEN].sheet_state == "veryHidden"
    assert "14. september 2026" in " ".join(str(c.value) for c in wb["Forside"]["A"])
    ws = wb["Oppdrag"]
    # exactly the oppdrag L03 has as HA or DA, through the resolver (KLG, «Kommunalsjef
    # HO», «HO», «Alle ledere»), with the hidden key
    keys = [ws.cell(row=i, column=1).value for i in range(2, ws.max_row + 1)]
    assert keys == [f"oppdrag:{o.nr}" for o, _ in sorted(runde["data"].oppdrag_for(sunna),
                                                         key=lambda x: x[0].nr)]
    assert ws.column_dimensions["A"].hidden and ws.protection.sheet
    assert wb.security is not None and wb.security.lockStructure
    header = [c.value for c in ws[1]]
    for c in ws[2]:
        answer = header[c.column - 1] in ("Status", "Kommentar")
        assert c.protection.locked is not answer, (header[c.column - 1], c.protection.locked)
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and lists[0].formula1 == '"Grønn,Gul,Rød"'
    # written without openpyxl (see generator/output/svarbok.py): valid Open XML
    from tests.docx_tools import validate

    for path, verdict in validate([ut / filnavn(r, sunna)]).items():
        assert verdict["ok"], (path, verdict["errors"])
    # the draft to the leader with the workbook attached
    msg = email.message_from_bytes((ut / filnavn(r, sunna).replace(".xlsx", ".eml"))
                                   .read_bytes())
    assert "sunna.cude.ravna@fjellvik.kommune.no" in msg["To"]
    names = [p.get_filename() for p in msg.walk() if p.get_filename()]
    assert names == [filnavn(r, sunna)]


def test_in_reports_every_problem_and_who_is_missing(runde: dict[str, Any]) -> None:
    out = run("runde", "inn", runde["folder"], "--tertial", str(T))
    text = " ".join(out.output.split())
    assert out.exit_code == 1  # refused returns are errors here
    assert "23 av 25 ledere har svart" in text
    for who in ("Aslak Šimmá Balto (L24)", "Geir Andreassen (L25)"):
        assert who in text
    purring = runde["folder"] / "runde" / "2026-t2" / "purring"
    assert sorted(p.name for p in purring.glob("*.eml")) == sorted(
        filnavn(runde["runde"], runde["data"].leder(i)).replace(".xlsx", ".eml")
        for i in (TAMPERED, MISSING))
    # the locked cells, each named
    assert "inn/endret.xlsx › Oppdrag › C2: cellen er låst" in text
    assert "inn/endret.xlsx › Økonomi › D2: cellen er låst" in text
    assert "endret.xlsx: har endringer i 2 låste celler" in text
    assert "ukjent.xlsx: er for en ukjent leder («L99»" in text
    assert "kopi.xlsx: ser ut til å være en kopi av arbeidsboken til Máhtte Gažža Žuolla" in text
    assert "gammel.xls: er lagret i det gamle Excel-formatet (.xls)" in text
    assert "passord.xlsx: er beskyttet med passord" in text
    assert "regneark.ods: er lagret som OpenDocument-regneark (.ods)" in text
    assert "svar-03.xlsx: er den samme filen som svar-03 (kopi).xlsx" in text or (
        "svar-03 (kopi).xlsx: er den samme filen som svar-03.xlsx" in text)
    assert "gammel.xlsx: er en eldre versjon fra Martin Ødegård Nilsen" in text
    assert "oppdrag 3: lederne har rapportert ulik status" in text
    assert (f"oppdrag {OVERRIDDEN}: rådgiverens egen status i arket Oppdragsstatus går foran "
            "svaret fra") in text
    assert "Traceback" not in out.output


def _tables(path: Path) -> list[list[str]]:
    return [[" | ".join(c.text for c in row.cells)] for t in docx.Document(str(path)).tables
            for row in t.rows]


def _answer_rows(path: Path) -> list[tuple[str, ...]]:
    """The rows of the tables of the leaders' answers (header «Rapportert av»)."""
    out = []
    for t in docx.Document(str(path)).tables:
        if "Rapportert av" in [c.text for c in t.rows[0].cells]:
            out += [tuple(c.text for c in row.cells) for row in t.rows[1:]]
    return out


def test_build_has_every_answer_with_its_author(runde: dict[str, Any]) -> None:
    folder: Path = runde["folder"]
    report = pipeline.build([folder], folder / "dokumenter", ["tertialrapport"], T, pdf=False)
    assert report.ok, report.problems.errors
    notices = " ".join(p.message for p in report.problems.notices)
    assert "2 av 25 ledere har ikke svart" in notices and "(L25)" in notices
    assert "går foran svaret fra" in notices
    overview = (folder / "dokumenter" / "2026" / "oversikt.html").read_text(encoding="utf-8")
    assert "har ikke svart i rapporteringsrunden" in overview and "Geir Andreassen" in overview
    path = folder / "dokumenter" / "2026" / "tertialrapport" / "tertialrapport-2026-t2.docx"
    rows = [r[0] for r in _tables(path)]
    text = "\n".join(rows)
    answers = _answer_rows(path)
    r: Runde = runde["runde"]
    answered = [ld for ld in r.deltakere() if ld.id not in (MISSING, TAMPERED)]
    for ld in answered:
        for linje in r.linjer(ld):
            # the answer in its own row: who, (the role,) and the comment, each in a cell
            row = next((a for a in answers if f"Svar fra {ld.id} på {linje.nøkkel}" in a),
                       None)
            assert row is not None and ld.navn in row, (ld.id, linje.nøkkel)
            if linje.rolle in ("HA", "DA"):
                assert linje.rolle in row, (ld.id, linje.nøkkel, row)
    assert "(gammel)" not in text  # the older version is not used
    for absent in (MISSING, TAMPERED, "L99"):
        assert f"Svar fra {absent} " not in text
    oppdrag3 = next(x for x in rows if x.startswith("3 | "))
    assert "| Grønn |" in oppdrag3  # HA's status; the DAs' «Gul» is a reported conflict
    over = next(x for x in rows if x.startswith(f"{OVERRIDDEN} | "))
    assert "| Rød | Rådgiverens egen." in over


def test_check_reads_the_returns_as_notices(runde: dict[str, Any]) -> None:
    out = run("check", runde["folder"])
    assert out.exit_code == 0, out.output
    assert "endret.xlsx › Oppdrag › C2: cellen er låst" in " ".join(out.output.split())


def _snapshot(path: Path) -> dict[str, Any]:
    wb = openpyxl.load_workbook(path, keep_vba=path.suffix == ".xlsm")
    out: dict[str, Any] = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        # openpyxl does not write a cell holding an empty string: "" and empty are alike
        out[ws.title] = {c.coordinate: (None if c.value == "" else c.value, c.number_format,
                                        c.font.b, c.fill.fgColor.rgb, c.protection.locked)
                         for row in ws.iter_rows() for c in row}
        out[ws.title + "/dv"] = sorted(str(dv.sqref) + str(dv.formula1)
                                       for dv in ws.data_validations.dataValidation)
        out[ws.title + "/state"] = ws.sheet_state
    return out


def test_skriv_changes_only_answer_cells(runde: dict[str, Any], tmp_path: Path) -> None:
    folder = tmp_path / "wb"
    shutil.copytree(runde["folder"], folder)
    books = sorted(folder.glob("*.xlsx"))
    before = {p.name: _snapshot(p) for p in books}
    out = run("runde", "inn", folder, "--tertial", str(T), "--skriv")
    assert "Skrev " in out.output and "sikkerhetskopi" in out.output, out.output
    backups = list((folder / "runde" / "2026-t2" / "sikkerhetskopi").glob("*/*.xlsx"))
    assert {p.name for p in backups} == {"tertial.xlsx", "risiko.xlsx"}
    for p in backups:  # the backup is the workbook as it was
        assert _snapshot(p) == before[p.name]
    answer_headers = {"Status", "Kommentar", "Resultat", "Prognose", "Mottiltak"}
    for path in books:
        after = _snapshot(path)
        old = before[path.name]
        assert after["sheets"] == old["sheets"]
        for sheet in old["sheets"]:
            assert after[sheet + "/dv"] == old[sheet + "/dv"], sheet
            ws = openpyxl.load_workbook(path)[sheet]
            headers = {c.column_letter: c.value for c in ws[1]}
            last_old = max((int("".join(ch for ch in k if ch.isdigit()))
                            for k, v in old[sheet].items() if v[0] is not None), default=0)
            for coord, cell in after[sheet].items():
                was = old[sheet].get(coord)
                if was == cell:
                    continue
                col = "".join(ch for ch in coord if ch.isalpha())
                new_row = int(coord[len(col):]) > last_old  # a row added for the tertial
                assert headers.get(col) in answer_headers or new_row, (
                    path.name, sheet, coord, was, cell)
                if was is not None and not new_row:
                    assert was[1:] == cell[1:], (sheet, coord)  # formatting kept
    result = load([folder])
    assert result.data is not None
    status = {s.nr: s for s in result.data.oppdragsstatus if s.tertial == T}
    assert status[3].status.value == "grønn"
    assert "Svar fra L03 på oppdrag:3 (Sunná Čuđe Ravna, HA)" in (status[3].kommentar or "")
    assert status[OVERRIDDEN].status.value == "grønn"  # the answer is now the adviser's
    prognoser = {ln.rammeområde for ln in result.data.økonomi
                 if ln.tertial == T and ln.prognose == 1_000_000}
    assert "Oppvekst" in prognoser
    _opens_in_libreoffice(folder / "tertial.xlsx", tmp_path)
    # written in, the answers keep their authors in the report: no entry goes first now
    report = pipeline.build([folder], folder / "dokumenter", ["tertialrapport"], T, pdf=False)
    assert report.ok
    assert not [p for p in report.problems.notices if "går foran" in p.message]


def _opens_in_libreoffice(path: Path, tmp_path: Path) -> None:
    """LibreOffice Calc opens the written workbook and sees the same values (skipped
    without Calc)."""
    import subprocess

    if shutil.which("soffice") is None:
        return
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-p",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"), str(path)],
                   capture_output=True, timeout=180)
    again = tmp_path / "lo" / path.name
    if not again.exists():
        return  # LibreOffice without Calc (only Writer): nothing to open it with
    ours = openpyxl.load_workbook(path)
    theirs = openpyxl.load_workbook(again)
    assert theirs.sheetnames == ours.sheetnames
    def values(ws: Any) -> list[tuple[Any, ...]]:
        rows = [r for r in ws.iter_rows(values_only=True)]
        while rows and all(v in (None, "") for v in rows[-1]):
            rows.pop()  # Calc writes the formatted empty rows below the table too
        return rows

    for sheet in ("Oppdragsstatus", "Målresultater", "Økonomi"):
        assert values(theirs[sheet]) == values(ours[sheet]), sheet


def test_skriv_keeps_macros(tmp_path: Path) -> None:
    from generator.excel.xlsm import write_demo_xlsm

    folder = tmp_path / "wb"
    write_demo_xlsm(folder)
    out = run("runde", "ut", folder, "--tertial", str(T))
    assert out.exit_code == 0, out.output
    result = load([folder])
    assert result.data is not None
    r = Runde(result.data, T)
    ut = folder / "runde" / "2026-t2" / "ut"
    inn = folder / "runde" / "2026-t2" / "inn"
    assert inn.is_dir() and not any(inn.iterdir())  # made by «runde ut», for the answers
    for ld in r.deltakere()[:5]:
        _answer(ut / filnavn(r, ld), inn / f"{ld.id}.xlsx", ld.id)
    tertial = folder / "tertial.xlsm"
    with zipfile.ZipFile(tertial) as z:  # the macros and the button's drawing
        vba = {n: z.read(n) for n in z.namelist() if "vba" in n.lower() or n.endswith(".vml")}
    assert vba
    before = _snapshot(tertial)
    out = run("runde", "inn", folder, "--tertial", str(T), "--skriv")
    assert out.exit_code == 0, out.output
    with zipfile.ZipFile(tertial) as z:
        assert {n: z.read(n) for n in z.namelist()
                if "vba" in n.lower() or n.endswith(".vml")} == vba
        assert all(b"legacyDrawing" in z.read(n) for n in z.namelist()
                   if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")
                   and f"xl/worksheets/_rels/{n.rsplit('/', 1)[1]}.rels" in z.namelist()
                   and b"vmlDrawing" in z.read(f"xl/worksheets/_rels/{n.rsplit('/', 1)[1]}.rels"))
    after = _snapshot(tertial)
    assert after["sheets"] == before["sheets"]
    changed = {s for s in before["sheets"] if before[s] != after[s]}
    assert changed <= {"Oppdragsstatus", "Målresultater", "Økonomi"}, changed


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice er ikke installert")
def test_a_return_saved_by_libreoffice_is_read(runde: dict[str, Any], tmp_path: Path) -> None:
    import subprocess

    r: Runde = runde["runde"]
    leder = runde["data"].leder("L03")
    filled = tmp_path / "fylt.xlsx"
    _answer(runde["ut"] / filnavn(r, leder), filled, "L03", " (LibreOffice)")
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/p",
                           "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"),
                           str(filled)], capture_output=True, timeout=120)
    saved = tmp_path / "lo" / "fylt.xlsx"
    if not saved.exists():
        pytest.skip("LibreOffice Calc er ikke installert: " + done.stderr.decode()[-200:])
    from generator.input.runde import les

    inn = tmp_path / "inn"
    inn.mkdir()
    shutil.copy(saved, inn / "fra-libreoffice.xlsx")
    got = les(inn, r)
    assert not got.problems.errors, got.problems.errors
    assert got.svarene.besvart == {"l03"}
    svar = got.svarene.svar["oppdrag:3"][0]
    assert svar.felt["kommentar"] == "Svar (LibreOffice) fra L03 på oppdrag:3"
    assert svar.felt["status"] == "Grønn"


def test_returns_are_read_as_openpyxl_reads_them(runde: dict[str, Any]) -> None:
    """The returns are read without openpyxl's object model (for speed): the values are the
    same as openpyxl's, for a file openpyxl saved (shared strings, dates, numbers)."""
    from generator.input.runde import _book

    path = runde["inn"] / "svar-02.xlsx"
    with zipfile.ZipFile(path) as z:
        book = _book(z)
    wb = openpyxl.load_workbook(path, read_only=True)
    for name in wb.sheetnames:
        want = [tuple(r) for r in wb[name].iter_rows(values_only=True)]
        while want and all(v is None for v in want[-1]):
            want.pop()
        got = book.sheets[name]
        width = max((len(r) for r in got), default=0)
        assert [r + (None,) * (width - len(r)) for r in got] == [
            tuple(r[:width]) + (None,) * (width - len(r[:width])) for r in want], name
    assert book.modified == wb.properties.modified


def test_a_new_return_is_a_changed_input(runde: dict[str, Any], tmp_path: Path) -> None:
    """«Ingen endringer» looks at the returns too: a return dropped in makes a new report."""
    folder = tmp_path / "wb"
    shutil.copytree(runde["folder"], folder)
    moved = tmp_path / "svar-02.xlsx"  # not beside the workbooks: it would be read as one
    shutil.move(folder / "runde" / "2026-t2" / "inn" / "svar-02.xlsx", moved)
    out = folder / "dokumenter"
    first = pipeline.build([folder], out, ["tertialrapport"], T, pdf=False)
    assert first.ok and not first.unchanged
    assert pipeline.build([folder], out, ["tertialrapport"], T, pdf=False).unchanged
    shutil.move(moved, folder / "runde" / "2026-t2" / "inn" / "nytt-svar.xlsx")
    again = pipeline.build([folder], out, ["tertialrapport"], T, pdf=False)
    assert not again.unchanged
    r: Runde = runde["runde"]
    leder = next(ld for ld in r.deltakere() if ld.id == "L03")  # svar-02 is the third leader
    rows = _answer_rows(out / "2026" / "tertialrapport" / "tertialrapport-2026-t2.docx")
    assert ("3", leder.navn, "HA", "Grønn", f"Svar fra {leder.id} på oppdrag:3", "Ulik status"
            ) in rows


def test_an_answer_without_a_comment_still_names_its_author() -> None:
    from generator.demo.data import demo_data
    from generator.model.runde import Svar, Svarene, med_svar

    data = demo_data()
    r = Runde(data, 3)  # the demo has no statuses for T3
    sunna, tove = data.leder("L03"), data.leder("L22")
    assert sunna is not None and tove is not None
    svarene = Svarene(r)
    svarene.legg_til(Svar("oppdrag:3", sunna, "HA", {"status": "Gul"}, "x › Oppdrag › rad 2"))
    svarene.legg_til(Svar("risiko:R08", tove, "ansvarlig", {"status": "Under arbeid"},
                          "y › Risiko › rad 2"))
    new, notes = med_svar(data, svarene)
    status = next(s for s in new.oppdragsstatus if s.tertial == 3 and s.nr == 3)
    assert status.status.value == "gul"
    assert status.kommentar is None  # the author is not folded into the comment
    assert new.rapportering is not None
    assert [(s.leder.id, s.rolle) for s in new.rapportering.svar["oppdrag:3"]] == [("L03", "HA")]
    risk = next(x for x in new.risikoer if x.id == "R08")
    assert risk.status.value == "under arbeid"  # the leader's (the sheet is as it was sent)
    assert notes == []
    from generator.documents.tertialrapport import _svar

    shown = _svar(new, 3)  # the report's answer rows: who reported, without a comment
    assert [(x["nr"], x["hvem"], x["rolle"], x["status"], x["kommentar"])
            for x in shown["oppdrag"]] == [(3, "Sunná Čuđe Ravna", "HA", "Gul", "")]


def test_a_percentage_typed_as_the_result_is_kept_as_typed(runde: dict[str, Any],
                                                            tmp_path: Path) -> None:
    """Excel stores «91 %» typed in a cell as 0.91 with a percent format: the answer is «91 %»."""
    from generator.input.runde import les

    r: Runde = runde["runde"]
    leder = runde["data"].leder("L05")  # Økonomisjef: the goals of ØKO
    wb = openpyxl.load_workbook(runde["ut"] / filnavn(r, leder))
    ws = wb["Mål"]
    col = next(i for i, k in enumerate(ARK[1].kolonner, start=1) if k.felt == "resultat")
    ws.cell(row=2, column=col).value = 0.91
    ws.cell(row=2, column=col).number_format = "0%"
    ws.cell(row=3, column=col).value = 0.025
    ws.cell(row=3, column=col).number_format = "0.0%"
    inn = tmp_path / "inn"
    inn.mkdir()
    wb.save(inn / "prosent.xlsx")
    got = les(inn, r)
    assert not got.problems.errors, got.problems.errors
    keys = [ws.cell(row=i, column=1).value for i in (2, 3)]
    assert [got.svarene.svar[k][0].felt["resultat"] for k in keys] == ["91\u00a0%", "2,5\u00a0%"]


def test_a_workbook_returned_under_another_leaders_file_name_is_a_copy(
        runde: dict[str, Any], tmp_path: Path) -> None:
    from generator.input.runde import les

    r: Runde = runde["runde"]
    guro, mahtte = runde["data"].leder("L09"), runde["data"].leder(COPIED)
    inn = tmp_path / "inn"
    inn.mkdir()
    name = filnavn(r, guro).replace(".xlsx", " (2).xlsx")  # Guro's file name, Máhtte's workbook
    _answer(runde["ut"] / filnavn(r, mahtte), inn / name, "L09")
    _answer(runde["ut"] / filnavn(r, mahtte), inn / "svar.xlsx", COPIED)
    got = les(inn, r)
    assert [(p.file.rsplit("/", 1)[1], p.message.split(" (")[0]) for p in got.problems] == [
        (name, "ser ut til å være en kopi av arbeidsboken til Máhtte Gažža Žuolla")]
    assert got.svarene.besvart == {COPIED.casefold()}


def test_the_logg_sheet_shows_the_rounds_state(runde: dict[str, Any], tmp_path: Path) -> None:
    """The button's Logg rows (the same build) name the missing leaders and the refusals."""
    from generator.excel.outcome import log_rows, run_for

    outcome = run_for(runde["folder"] / "tertial.xlsx", tmp_path / "dok",
                      kinds=["tertialrapport"], tertial=T, pdf=False)
    assert outcome.ok
    rows = [(str(r[1]), str(r[3])) for r in log_rows(outcome)]
    assert any(kind == "merknad" and "2 av 25 ledere har ikke svart" in text
               and "Geir Andreassen (L25)" in text for kind, text in rows)
    assert any("cellen er låst" in text for _, text in rows)
