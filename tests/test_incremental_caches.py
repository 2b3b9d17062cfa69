"""What an incremental build takes from the last build instead of working it out again
(issue 30, «small changes are fast»): the static template check (by the template's bytes),
the templates with profile and language applied (by everything they are made from), and the
e-mail drafts and calendars (by everything they are made from). Each must give exactly what
a clean build gives, and a change to any input must be seen."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from email import message_from_bytes, policy
from pathlib import Path

from generator import pipeline
from generator.files import sha256_file
from generator.input.profile_reader import Profil
from generator.output import fastpath
from generator.paths import TEMPLATE_DIR
from generator.rendering.prepared import key
from generator.rendering.template import Template
from generator.texts import Language, language

from .conftest import set_cell, set_field


def _build(wb: Path, out: Path, **kw: object) -> pipeline.BuildReport:
    report = pipeline.build([wb], out, pdf=False, **kw)  # type: ignore[arg-type]
    assert report.ok, [str(p) for p in report.problems]
    return report


def _files(year: Path, folder: str) -> dict[str, bytes]:
    return {p.relative_to(year).as_posix(): p.read_bytes()
            for p in sorted((year / folder).rglob("*")) if p.is_file()}


def _break(template: Path) -> None:
    """A print tag without its end in the template's body (a static problem)."""
    with zipfile.ZipFile(template) as zin:
        members = [(i, zin.read(i)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in members:
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>{{ leder.navn "
                                    b"</w:t></w:r></w:p>", 1)
            zout.writestr(info, data)
    template.write_bytes(buf.getvalue())


def test_a_template_changed_after_a_build_is_checked_again(demo: Path, tmp_path: Path) -> None:
    templates = tmp_path / "maler"
    shutil.copytree(TEMPLATE_DIR, templates)
    out = tmp_path / "ut"
    _build(demo, out, kinds=["lederavtale"], template_dir=templates)
    record = json.loads((out / "2026" / fastpath.STATUS).read_text(encoding="utf-8"))
    assert record["checked"] == [sha256_file(templates / "lederavtale.docx")]
    _break(templates / "lederavtale.docx")
    report = pipeline.build([demo], out, kinds=["lederavtale"], template_dir=templates,
                            pdf=False)
    assert not report.ok
    assert any(p.file == "lederavtale.docx" and "leder.navn" in p.message
               for p in report.problems.errors), [str(p) for p in report.problems]


def test_a_changed_profile_colour_gives_what_a_clean_build_gives(demo: Path,
                                                                  tmp_path: Path) -> None:
    out, clean = tmp_path / "ut", tmp_path / "ren"
    _build(demo, out)
    record = json.loads((out / "2026" / fastpath.STATUS).read_text(encoding="utf-8"))
    assert len(record["prepared"]) == 4  # the four templates, profile applied
    set_field(demo / "styring.xlsx", "Kommune", "Profilfarge", "#7A1B5E")
    again = _build(demo, out)
    assert not again.unchanged and len(again.outcome.rendered) == len(again.documents)
    _build(demo, clean)
    for folder in ("lederavtale", "oppdragsbrev", "tertialrapport", "utviklingsstrategi",
                   "epost"):
        assert _files(out / "2026", folder) == _files(clean / "2026", folder), folder
    styles = zipfile.ZipFile(out / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx"
                             ).read("word/styles.xml")
    assert b"7A1B5E" in styles


def test_the_applied_template_key_covers_profile_language_and_bytes() -> None:
    raw = Template(TEMPLATE_DIR / "lederavtale.docx")
    other = Template(TEMPLATE_DIR / "oppdragsbrev.docx")
    plain, nn = Language(), language("nynorsk")
    base = key(raw, Profil(), plain)
    assert key(raw, Profil(), plain) == base
    assert len({base, key(other, Profil(), plain), key(raw, Profil(farge="7A1B5E"), plain),
                key(raw, Profil(skrift="DejaVu Sans"), plain), key(raw, Profil(), nn)}) == 5


def test_drafts_follow_their_texts_and_are_left_when_nothing_they_show_changed(
        demo: Path, tmp_path: Path) -> None:
    out, clean = tmp_path / "ut", tmp_path / "ren"
    _build(demo, out)
    year = out / "2026"
    before = {rel: (year / rel).stat().st_mtime_ns for rel in _files(year, "epost")}
    # a cell no draft shows: every draft is left as it is (not even rewritten)
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Nytt bidrag", 3)
    report = _build(demo, out)
    stem = min((d.stem for d in report.outcome.rendered), key=len)
    touched = {rel for rel, t in before.items() if (year / rel).stat().st_mtime_ns != t}
    assert touched == {f"epost/{stem}.eml"}  # its attachment changed
    # the text every lederavtale draft shows: all of them made again, as a clean build
    set_field(demo / "styring.xlsx", "Tekster", "E-post lederavtale: tekst",
              "Hei {navn},\n\nher er avtalen ({vedlegg}).\n")
    _build(demo, out)
    _build(demo, clean)
    drafts, fresh = _files(year, "epost"), _files(clean / "2026", "epost")
    assert drafts == fresh
    bodies = [message_from_bytes(d, policy=policy.default).get_body(("plain",))
              for d in drafts.values()]
    said = [b is not None and "her er avtalen" in str(b.get_content()) for b in bodies]
    assert sum(said) == len(drafts) - 1  # every draft but the oppdragsbrev's


def test_reading_workbooks_does_not_load_numpy_and_numpy_still_loads() -> None:
    code = ("import sys; import generator.pipeline; print('numpy' in sys.modules); "
            "import numpy, openpyxl; print(bool(numpy.__version__), openpyxl.compat.NUMERIC_TYPES"
            "[:3] == (int, float, __import__('decimal').Decimal))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[:2] == ["False", "True True"], out


def test_calendars_are_remade_when_the_time_zone_rules_change(demo: Path,
                                                              tmp_path: Path) -> None:
    """A calendar's VTIMEZONE is made from the time zone data: after a tzdata update (here a
    zone folder, given as PYTHONTZPATH, whose Europe/Oslo is Helsinki's real rules) the next
    build after any change must remake the calendars, not keep them as made from the same
    meetings; with the old rules back they are what a clean build makes."""
    import zoneinfo

    out, clean = tmp_path / "ut", tmp_path / "ren"

    def build(target: Path, zones: Path | None = None) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONTZPATH"}
        if zones is not None:
            env["PYTHONTZPATH"] = str(zones)
        done = subprocess.run([sys.executable, "-m", "generator", "build", str(demo), "--out",
                               str(target), "--no-pdf"], env=env, capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stdout + done.stderr

    build(out)
    # a second build after a change no calendar shows (the calendars are taken as they are:
    # their memory was settled by the first build)
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Første bidrag", 3)
    build(out)
    year = out / "2026"
    before = _files(year, "kalender")
    zoned = sorted(rel for rel, d in before.items() if b"BEGIN:VTIMEZONE" in d)
    assert len(zoned) >= 2 and all(b"TZOFFSETTO:+0200" in before[rel] for rel in zoned)
    found = next(Path(d) / "Europe" / "Helsinki" for d in zoneinfo.TZPATH
                 if (Path(d) / "Europe" / "Helsinki").is_file())
    zones = tmp_path / "tz"
    (zones / "Europe").mkdir(parents=True)
    shutil.copy(found, zones / "Europe" / "Oslo")
    # a change no calendar shows, so the build is not a no-change one
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Nytt bidrag", 3)
    build(out, zones)
    after = _files(year, "kalender")
    assert after.keys() == before.keys()
    assert all(b"TZOFFSETTO:+0300" in after[rel] for rel in zoned)  # Helsinki's summer time
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Eldre bidrag", 3)
    build(out)
    build(clean)

    def unstamped(files: dict[str, bytes]) -> dict[str, list[bytes]]:
        # the events the rule change moved have a higher SEQUENCE and a new DTSTAMP
        return {rel: [line for line in d.split(b"\r\n")
                      if not line.startswith((b"DTSTAMP", b"SEQUENCE"))]
                for rel, d in files.items()}

    back = _files(year, "kalender")
    assert all(b"TZOFFSETTO:+0200" in back[rel] for rel in zoned)
    assert unstamped(back) == unstamped(_files(clean / "2026", "kalender")) == unstamped(before)


def test_a_change_right_after_a_fresh_build_does_not_remake_the_calendars(
        demo: Path, tmp_path: Path) -> None:
    """The calendars' memory (each event's SEQUENCE and DTSTAMP) is settled by the build that
    makes them: the first change after a fresh build, one no calendar shows, takes them as
    they are (icalendar is not even imported), and they stay what was made."""
    out = tmp_path / "ut"
    cmd = [sys.executable, "-X", "importtime", "-m", "generator", "build", str(demo), "--out",
           str(out), "--no-pdf"]
    first = subprocess.run(cmd, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    assert " icalendar\n" in first.stderr  # they were made
    before = _files(out / "2026", "kalender")
    assert before
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Første bidrag", 3)
    second = subprocess.run(cmd, capture_output=True, text=True)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Ingen endringer" not in second.stdout  # a real build
    assert " icalendar\n" not in second.stderr, "the calendars were made again"
    assert _files(out / "2026", "kalender") == before
