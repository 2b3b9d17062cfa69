"""Delivery (issue 16, items 1–2): e-mail drafts in epost/ and the årshjul in kalender/.

The drafts are read back with the standard library's email parser, the calendars with
icalendar; expected values come from the demo workbooks as the reader reads them.
"""

from __future__ import annotations

import email
import hashlib
import json
import shutil
from datetime import date, datetime, time, timedelta
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import openpyxl
import pytest

from generator import pipeline
from generator.input.reader import normalise
from generator.model.styringsdata import Styringsdata

from .conftest import header_column, set_cell, set_field

YEAR = "2026"
OSLO = ZoneInfo("Europe/Oslo")


def _build(wb: Path, out: Path, **kw) -> pipeline.BuildReport:
    kw.setdefault("pdf", False)
    report = pipeline.build([wb], out, **kw)
    assert report.ok, [str(p) for p in report.problems]
    return report


def _data(wb: Path) -> Styringsdata:
    result = pipeline.check([wb])
    assert result.data is not None
    return result.data


def _manifest(out: Path) -> dict:
    return json.loads((out / YEAR / "manifest.json").read_text(encoding="utf-8"))


def _eml(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def _addresses(msg: email.message.EmailMessage, header: str) -> list[tuple[str, str]]:
    h = msg[header]
    return [(a.display_name, a.addr_spec) for a in h.addresses] if h is not None else []


def _body(msg: email.message.EmailMessage) -> str:
    """The plain-text body with the file's CRLF line ends as plain newlines."""
    return msg.get_body(("plain",)).get_content().replace("\r\n", "\n")


def _row_of(path: Path, sheet: str, header: str, value: str) -> int:
    """The data row (1 = first under the header) whose column ``header`` holds ``value``."""
    ws = openpyxl.load_workbook(path)[sheet]
    col = header_column(ws, header)
    for r in range(2, ws.max_row + 1):
        if normalise(ws.cell(r, col).value) == normalise(value):
            return r - 1
    raise KeyError(value)


def _agreements(out: Path) -> dict[str, dict]:
    """Manifest entries of the full (not public) lederavtaler, by file name."""
    return {name: e for name, e in _manifest(out)["documents"].items()
            if e["kind"] == "lederavtale" and e["variant"] != "Offentlig variant"}


# --- e-mail drafts -------------------------------------------------------------------


def test_each_agreement_has_a_draft_to_its_two_parties_with_the_built_document(
        demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    data = _data(demo)
    by_name = {ld.navn: ld for ld in data.ledere}
    screened = {data.leder(a.leder_id).navn for a in data.lederavtaler if a.skjermet}
    assert screened and len(screened) < len(data.lederavtaler)  # the demo has both kinds
    agreements = _agreements(out)
    assert len(agreements) == len(data.lederavtaler)
    drafts = sorted((out / YEAR / "epost").glob("lederavtale-*.eml"))
    assert len(drafts) == len(agreements)  # no draft for a public variant
    for name, entry in agreements.items():
        stem = name.removesuffix(".docx")
        msg = _eml(out / YEAR / "epost" / f"{stem}.eml")
        assert msg["X-Unsent"] == "1"
        assert msg["From"] is None  # the mail client fills in the sender
        leder = by_name[entry["title"].split(" – ", 1)[1]]
        over = data.leder(leder.overordnet)
        assert _addresses(msg, "To") == [(leder.navn, leder.epost)]
        assert _addresses(msg, "Cc") == [(over.navn, over.epost)]
        assert msg["Bcc"] is None
        subject = f"Lederavtale {YEAR} – {leder.navn}"
        if leder.navn in screened:  # issue 31: the screening marking first in the subject
            subject = f"Unntatt offentlighet, offl. § 13: {subject}"
        assert msg["Subject"] == subject
        body = _body(msg)
        assert leder.navn in body and over.navn in body
        attachments = list(msg.iter_attachments())
        assert len(attachments) == 1  # never the public variant as well
        built = (out / YEAR / entry["outputs"]["docx"]["file"]).read_bytes()
        assert attachments[0].get_filename() == name
        assert attachments[0].get_content_type() == (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        assert attachments[0].get_content() == built
        if leder.navn in screened:
            assert len(_addresses(msg, "To") + _addresses(msg, "Cc")) == 2
            assert body.startswith("Unntatt offentlighet")
            assert msg["Sensitivity"] == "Private"
        else:
            assert "Unntatt offentlighet" not in body and msg["Sensitivity"] is None


def test_the_oppdragsbrev_draft_goes_to_every_leader(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out, kinds=["oppdragsbrev"])
    data = _data(demo)
    msg = _eml(out / YEAR / "epost" / f"oppdragsbrev-{YEAR}.eml")
    expected = [(ld.navn, ld.epost) for ld in data.ledere if ld.overordnet]
    assert len(expected) > 20
    assert _addresses(msg, "To") == expected  # Sámi names survive, no recipient merged
    assert msg["Subject"] == f"Kommunedirektørens oppdragsbrev {YEAR}"
    (part,) = msg.iter_attachments()
    assert part.get_filename() == f"oppdragsbrev-{YEAR}.docx"
    assert part.get_content() == (out / YEAR / "oppdragsbrev" /
                                  f"oppdragsbrev-{YEAR}.docx").read_bytes()
    assert not list((out / YEAR / "epost").glob("lederavtale-*"))  # only what it builds


def test_subject_and_body_from_tekster_with_placeholders(demo: Path, tmp_path: Path) -> None:
    styring = demo / "styring.xlsx"
    set_field(styring, "Tekster", "E-post lederavtale: emne", "Avtale {år} for {navn} ({enhet})")
    set_field(styring, "Tekster", "E-post lederavtale: tekst",
              "Til {navn}, {stilling}.\n\nVedlegg: {vedlegg}. Hilsen {overordnet} {{KD}}")
    out = tmp_path / "ut"
    _build(demo, out, kinds=["lederavtale"])
    data = _data(demo)
    name, entry = next(iter(_agreements(out).items()))
    leder = next(ld for ld in data.ledere if entry["title"].endswith(ld.navn))
    msg = _eml(out / YEAR / "epost" / name.replace(".docx", ".eml"))
    mark = "Unntatt offentlighet, offl. § 13: " if entry["restricted"] else ""  # issue 31
    assert msg["Subject"] == (
        f"{mark}Avtale {YEAR} for {leder.navn} ({data.enhet(leder.enhet).navn})")
    body = _body(msg)
    assert body.rstrip("\n").endswith(
        f"Vedlegg: {name}. Hilsen {data.leder(leder.overordnet).navn} {{KD}}")
    assert body.startswith(f"Til {leder.navn}, {leder.stilling}.\n\n") or body.startswith(
        "Unntatt offentlighet")


def test_unknown_placeholder_and_bad_address_are_located_errors(demo: Path,
                                                                 tmp_path: Path) -> None:
    subject = set_field(demo / "styring.xlsx", "Tekster", "E-post oppdragsbrev: emne",
                        "Oppdragsbrev til {navn}")  # {navn} is not there for the letter
    body = set_field(demo / "styring.xlsx", "Tekster", "E-post lederavtale: tekst",
                     "Hei {navn!r} {")
    bad = set_cell(demo / "lederavtaler.xlsx", "Ledere", "E-post", "kari.nordmann@", 3)
    report = pipeline.build([demo], tmp_path / "ut", pdf=False)
    assert not report.ok
    errors = {(p.file.rsplit("/", 1)[-1], p.sheet, p.cell): p.message
              for p in report.problems.errors}
    assert "{navn}" in errors[("styring.xlsx", "Tekster", subject)]
    assert "{år}" in errors[("styring.xlsx", "Tekster", subject)]  # what is allowed
    assert "krøllparentes" in errors[("styring.xlsx", "Tekster", body)]
    assert "kari.nordmann@" in errors[("lederavtaler.xlsx", "Ledere", bad)]
    assert len([p for p in report.problems.errors if p.sheet == "Tekster"]) == 2
    assert not (tmp_path / "ut").exists()  # nothing written


def test_leader_without_address_gets_a_notice_not_an_error(demo: Path, tmp_path: Path) -> None:
    data = _data(demo)
    avtale = next(a for a in data.lederavtaler if not a.skjermet)
    leder = data.leder(avtale.leder_id)
    row = _row_of(demo / "lederavtaler.xlsx", "Ledere", "Leder-ID", leder.id)
    cell = set_cell(demo / "lederavtaler.xlsx", "Ledere", "E-post", None, row)
    out = tmp_path / "ut"
    report = _build(demo, out)
    notes = [p for p in report.problems.notices if leder.navn in p.message]
    assert any(cell in p.message and "e-postadresse" in p.message for p in notes), notes
    name = next(n for n, e in _agreements(out).items() if e["title"].endswith(leder.navn))
    msg = _eml(out / YEAR / "epost" / name.replace(".docx", ".eml"))
    assert msg["To"] is None  # the draft is there, without that recipient
    assert _addresses(msg, "Cc") == [(data.leder(leder.overordnet).navn,
                                      data.leder(leder.overordnet).epost)]
    letter = _eml(out / YEAR / "epost" / f"oppdragsbrev-{YEAR}.eml")
    assert leder.epost not in [a for _, a in _addresses(letter, "To")]
    assert any(leder.navn in p.message and "oppdragsbrev" in p.file
               for p in report.problems.notices)


def test_no_addresses_at_all_no_drafts_one_notice(demo: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(demo / "lederavtaler.xlsx")
    ws = wb["Ledere"]
    ws.delete_cols(header_column(ws, "E-post"))  # an older workbook without the column
    wb.save(demo / "lederavtaler.xlsx")
    out = tmp_path / "ut"
    report = _build(demo, out)
    assert not (out / YEAR / "epost").exists()
    notes = [p for p in report.problems.notices if "e-postutkast" in p.message]
    assert len(notes) == 1


def test_edited_draft_is_never_overwritten(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out, kinds=["oppdragsbrev"])
    draft = out / YEAR / "epost" / f"oppdragsbrev-{YEAR}.eml"
    msg = _eml(draft)
    msg.replace_header("Subject", "Oppdragsbrevet – les før fredag")
    edited = msg.as_bytes(policy=policy.SMTP)
    draft.write_bytes(edited)
    report = _build(demo, out, kinds=["oppdragsbrev"])  # same data: kept, with a notice
    assert draft.read_bytes() == edited
    assert any(p.file.endswith(draft.name) and "endret" in p.message
               for p in report.problems.notices)
    set_field(demo / "styring.xlsx", "Tekster", "E-post oppdragsbrev: emne", "Nytt emne {år}")
    report = _build(demo, out, kinds=["oppdragsbrev"], force=False)
    assert draft.read_bytes() == edited  # changed data: still kept, new version beside
    beside = draft.with_name(f"oppdragsbrev-{YEAR}-ny.eml")
    assert _eml(beside)["Subject"] == f"Nytt emne {YEAR}"
    assert any("ny.eml" in p.message for p in report.problems.notices)
    entry = _manifest(out)["documents"][f"epost/oppdragsbrev-{YEAR}.eml"]
    assert entry["outputs"]["eml"]["file"] == f"epost/{beside.name}"
    assert entry["outputs"]["eml"]["sha256"] == hashlib.sha256(beside.read_bytes()).hexdigest()
    report = _build(demo, out, kinds=["oppdragsbrev"], force=True)
    backups = list((out / YEAR / "sikkerhetskopi").rglob(draft.name))
    assert [b.read_bytes() for b in backups] == [edited]  # --force moved it, never lost it


def test_drafts_stay_when_nothing_changed_and_fast_path_still_answers(
        demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    first = _build(demo, out)
    before = {p: p.read_bytes() for p in (out / YEAR).rglob("*.e*") if p.is_file()}
    again = _build(demo, out)
    assert again.unchanged and sum(again.counts.values()) == len(first.documents)
    forced = _build(demo, out, force=True)
    assert not forced.unchanged
    assert {p: p.read_bytes() for p in (out / YEAR).rglob("*.e*") if p.is_file()} == before
    _build(demo, out, kinds=["tertialrapport"])  # another kind leaves the drafts
    assert all(p.read_bytes() == b for p, b in before.items())
    assert json.loads((out / YEAR / "manifest.json").read_text())["documents"][
        f"epost/oppdragsbrev-{YEAR}.eml"]["kind"] == "epost"


def test_pdf_setting_falls_back_to_docx_with_a_notice(demo: Path, tmp_path: Path) -> None:
    set_field(demo / "styring.xlsx", "Innstillinger", "E-postvedlegg", "pdf")
    out = tmp_path / "ut"
    report = _build(demo, out, kinds=["oppdragsbrev"])
    notes = [p for p in report.problems.notices if "E-postvedlegg" in p.message]
    assert len(notes) == 1 and "Word-filen" in notes[0].message
    (part,) = _eml(out / YEAR / "epost" / f"oppdragsbrev-{YEAR}.eml").iter_attachments()
    assert part.get_filename().endswith(".docx")


def test_pdf_setting_attaches_the_built_pdf(demo: Path, tmp_path: Path) -> None:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice mangler")
    set_field(demo / "styring.xlsx", "Innstillinger", "E-postvedlegg", "pdf")
    out = tmp_path / "ut"
    report = _build(demo, out, kinds=["oppdragsbrev"], pdf=True)
    assert not [p for p in report.problems.notices if "E-postvedlegg" in p.message]
    (part,) = _eml(out / YEAR / "epost" / f"oppdragsbrev-{YEAR}.eml").iter_attachments()
    assert part.get_filename() == f"oppdragsbrev-{YEAR}.pdf"
    assert part.get_content_type() == "application/pdf"
    assert part.get_content() == (out / YEAR / "oppdragsbrev" /
                                  f"oppdragsbrev-{YEAR}.pdf").read_bytes()


# --- calendars -----------------------------------------------------------------------


def _calendars(out: Path) -> dict[str, icalendar.Calendar]:
    return {p.name: icalendar.Calendar.from_ical(p.read_bytes())
            for p in sorted((out / YEAR / "kalender").glob("*.ics"))}


def _events(out: Path) -> dict[str, icalendar.Event]:
    return {str(ev["uid"]): ev for cal in _calendars(out).values() for ev in cal.events}


def _span(tid: str | None) -> tuple[time, time] | None:
    if not tid:
        return None
    parts = tid.removeprefix("kl. ").split("–")
    clocks = [time(int(p[:2]), int(p[3:5])) for p in parts]
    return clocks[0], clocks[-1] if len(clocks) > 1 else None


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _without_milestones(styring: Path) -> None:
    """The årshjul alone: dated milestones have their own calendar (issue 24)."""
    wb = openpyxl.load_workbook(styring)
    wb["Milepæler"].delete_rows(2, wb["Milepæler"].max_row)
    wb.save(styring)


def test_calendars_parse_back_to_the_meetings(demo: Path, tmp_path: Path) -> None:
    styring = demo / "styring.xlsx"
    _without_milestones(styring)
    set_cell(styring, "Årshjul", "Tid", None, 2)  # an all-day meeting
    set_cell(styring, "Årshjul", "Tid", "kl. 10", 3)  # only a start time
    set_cell(styring, "Årshjul", "Når", "Høsten", 4)
    dato = set_cell(styring, "Årshjul", "Dato", None, 4)  # no date: not in a calendar
    out = tmp_path / "ut"
    report = _build(demo, out, kinds=["oppdragsbrev"])
    data = _data(demo)
    undated = [m for m in data.årshjul if m.dato is None]
    assert len(undated) == 1
    assert any(dato in p.message and "ingen dato" in p.message
               for p in report.problems.notices)
    calendars = _calendars(out)
    forums = {m.forum for m in data.årshjul if m.dato}
    assert set(calendars) == {f"arshjul-{f.lower()}.ics" for f in forums}
    for cal in calendars.values():
        assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Oslo"]
        assert str(cal["version"]) == "2.0" and cal["prodid"]
    events = list(_events(out).values())
    dated = [m for m in data.årshjul if m.dato]
    assert len(events) == len(dated)
    seen = set()
    for møte in dated:
        ev = next(e for e in events if str(e["summary"]) == møte.forum
                  and _day(e.decoded("dtstart")) == møte.dato)
        seen.add(str(ev["uid"]))
        start, end = ev.decoded("dtstart"), ev.decoded("dtend")
        span = _span(møte.tid)
        if span is None:
            assert type(start) is date and start == møte.dato  # DTSTART;VALUE=DATE
            assert type(end) is date and end == møte.dato + timedelta(days=1)
        else:
            assert start == datetime.combine(møte.dato, span[0], OSLO)
            assert str(ev["dtstart"].params["TZID"]) == "Europe/Oslo"
            assert start.utcoffset() == OSLO.utcoffset(datetime.combine(møte.dato, span[0]))
            expected_end = (datetime.combine(møte.dato, span[1], OSLO) if span[1]
                            else start + timedelta(hours=1))
            assert end == expected_end
        assert [str(c) for c in ev["categories"].cats] == [møte.forum]
        description = str(ev.get("description", ""))
        for tema in møte.temaer:
            assert tema in description
        assert int(ev["sequence"]) == 0 and ev.decoded("dtstamp").tzinfo is not None
    assert len(seen) == len(dated)  # one event per meeting, unique UIDs


def test_uids_are_stable_across_builds_and_row_order(demo: Path, tmp_path: Path) -> None:
    out1, out2 = tmp_path / "ut1", tmp_path / "ut2"
    _build(demo, out1, kinds=["oppdragsbrev"])
    first = _events(out1)
    before = {p.name: p.read_bytes() for p in (out1 / YEAR / "kalender").glob("*.ics")}
    _build(demo, out1, kinds=["oppdragsbrev"], force=True)
    assert {p.name: p.read_bytes() for p in (out1 / YEAR / "kalender").glob("*.ics")} == before
    # Reverse the Årshjul rows: same UIDs, same times.
    wb = openpyxl.load_workbook(demo / "styring.xlsx")
    ws = wb["Årshjul"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2) if any(
        c.value is not None for c in r)]
    for i, values in enumerate(reversed(rows), start=2):
        for j, v in enumerate(values, start=1):
            ws.cell(i, j).value = v
    wb.save(demo / "styring.xlsx")
    order = [m.dato for m in _data(demo).årshjul]
    assert order[0] is not None and order == sorted(order, reverse=True)  # really reversed
    _build(demo, out2, kinds=["oppdragsbrev"])
    second = _events(out2)
    assert set(second) == set(first)
    for uid, ev in first.items():
        assert second[uid].decoded("dtstart") == ev.decoded("dtstart")
        assert second[uid].decoded("dtend") == ev.decoded("dtend")
        assert str(second[uid]["description"]) == str(ev["description"])
    # A changed meeting is an update: a higher SEQUENCE and a new DTSTAMP, the rest stay.
    data = _data(demo)
    row = next(i for i, m in enumerate(data.årshjul, 1) if m.dato and m.tid)
    changed = data.årshjul[row - 1]
    set_cell(demo / "styring.xlsx", "Årshjul", "Temaer", "Nytt tema", row)
    shutil.copytree(out1, tmp_path / "kopi")
    _build(demo, out1, kinds=["oppdragsbrev"])
    after = _events(out1)
    assert set(after) == set(first)
    moved = [u for u in after if int(after[u]["sequence"]) != int(first[u]["sequence"])]
    assert len(moved) == 1
    ev = after[moved[0]]
    assert str(ev["summary"]) == changed.forum
    assert ev.decoded("dtstart").date() == changed.dato
    assert int(ev["sequence"]) == int(first[moved[0]]["sequence"]) + 1
    assert ev.decoded("dtstamp") >= first[moved[0]].decoded("dtstamp")
    assert "Nytt tema" in str(ev["description"])
    for uid in set(after) - set(moved):
        assert after[uid].decoded("dtstamp") == first[uid].decoded("dtstamp")


def test_only_lederavtale_leaves_calendars_and_the_letter_draft(demo: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    keep = {p: p.read_bytes() for p in [*(out / YEAR / "kalender").glob("*.ics"),
                                        out / YEAR / "epost" / f"oppdragsbrev-{YEAR}.eml"]}
    assert len(keep) >= 2
    set_cell(demo / "lederavtaler.xlsx", "Ledere", "E-post", "ny.adresse@fjellvik.kommune.no",
             2)
    _build(demo, out, kinds=["lederavtale"])
    assert {p: p.read_bytes() for p in keep} == keep
    names = _manifest(out)["documents"]
    assert all(f"kalender/{p.name}" in names for p in keep if p.suffix == ".ics")


def test_removed_or_moved_meeting_is_cancelled_in_the_next_calendar(demo: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out, kinds=["oppdragsbrev"])
    first = _events(out)
    data = _data(demo)
    moved = data.årshjul[1]
    set_cell(demo / "styring.xlsx", "Årshjul", "Dato", moved.dato + timedelta(days=7), 2)
    _build(demo, out, kinds=["oppdragsbrev"])
    after = _events(out)
    gone = set(first) - {u for u, e in after.items() if str(e.get("status")) != "CANCELLED"}
    assert len(gone) == 1
    (uid,) = gone
    old, ev = first[uid], after[uid]
    assert str(ev["status"]) == "CANCELLED"
    assert int(ev["sequence"]) == int(old["sequence"]) + 1
    assert ev.decoded("dtstart") == old.decoded("dtstart")
    new = [e for u, e in after.items() if u not in first]
    assert len(new) == 1 and _day(new[0].decoded("dtstart")) == moved.dato + timedelta(days=7)
    again = _build(demo, out, kinds=["oppdragsbrev"], force=True)  # no new update: same bytes
    assert again.ok and int(_events(out)[uid]["sequence"]) == int(ev["sequence"])


def test_forums_with_the_same_file_name_get_their_own_calendar(demo: Path,
                                                              tmp_path: Path) -> None:
    _without_milestones(demo / "styring.xlsx")
    set_cell(demo / "styring.xlsx", "Årshjul", "Forum", "Ledermøte", 1)
    set_cell(demo / "styring.xlsx", "Årshjul", "Forum", "Ledermote", 2)
    out = tmp_path / "ut"
    _build(demo, out, kinds=["oppdragsbrev"])
    calendars = _calendars(out)
    assert {"arshjul-ledermote.ics", "arshjul-ledermote-2.ics"} <= set(calendars)
    summaries = {name: {str(e["summary"]) for e in cal.events} for name, cal in calendars.items()}
    assert summaries["arshjul-ledermote.ics"] == {"Ledermøte"}
    assert summaries["arshjul-ledermote-2.ics"] == {"Ledermote"}
    uids = [str(e["uid"]) for cal in calendars.values() for e in cal.events]
    assert len(uids) == len(set(uids)) == len([m for m in _data(demo).årshjul if m.dato])


def test_names_with_line_breaks_and_commas_stay_one_recipient(demo: Path,
                                                             tmp_path: Path) -> None:
    data = _data(demo)
    leder = data.leder(data.lederavtaler[0].leder_id)
    row = _row_of(demo / "lederavtaler.xlsx", "Ledere", "Leder-ID", leder.id)
    set_cell(demo / "lederavtaler.xlsx", "Ledere", "Navn", "Berg, Anne-Lise\nŠuolja", row)
    set_field(demo / "styring.xlsx", "Tekster", "E-post lederavtale: emne", "Avtale\n{navn}")
    out = tmp_path / "ut"
    _build(demo, out, kinds=["lederavtale"])
    (path,) = [p for p in (out / YEAR / "epost").glob("*.eml") if "suolja" in p.name
               and "berg" in p.name]
    msg = _eml(path)
    assert _addresses(msg, "To") == [("Berg, Anne-Lise Šuolja", leder.epost)]
    screened = any(a.leder_id == leder.id and a.skjermet for a in data.lederavtaler)
    mark = "Unntatt offentlighet, offl. § 13: " if screened else ""  # issue 31
    assert msg["Subject"] == f"{mark}Avtale Berg, Anne-Lise Šuolja"
