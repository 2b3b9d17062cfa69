"""The output folder holds people's work (issue 12): edited and signed files are never
overwritten, a build touches only what it builds, names never collide, a failed or
interrupted build leaves the folder as it was, the folder is a boundary, LibreOffice dies
with the build, files follow the umask, and a no-change build answers at once.
All on real files: python-docx edits, pyHanko signatures, read-only mounts, symlinks,
real SIGKILL and SIGINT."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from generator import pipeline
from generator.demo.data import demo_data
from generator.excel.outcome import log_rows, run_for
from generator.input.blank import write_workbooks
from generator.output import ownership

from .conftest import REPO, run, set_cell, set_field
from .test_pdf import _certificate

YEAR = "2026"


def _build(wb: Path, out: Path, **kw) -> pipeline.BuildReport:
    kw.setdefault("pdf", False)
    report = pipeline.build([wb], out, **kw)
    assert report.ok, [str(p) for p in report.problems]
    return report


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".bygg.lock"}


def _manifest(out: Path) -> dict:
    return json.loads((out / YEAR / "manifest.json").read_text(encoding="utf-8"))


def _matches_manifest(out: Path) -> None:
    """Every file the manifest names is there with the recorded bytes."""
    for entry in _manifest(out)["documents"].values():
        for o in entry["outputs"].values():
            path = out / YEAR / o["file"]
            assert hashlib.sha256(path.read_bytes()).hexdigest() == o["sha256"], o["file"]


def _agreement_of_row(out: Path, row: int = 2) -> str:
    """The lederavtale file made from a given row of the Lederavtaler sheet."""
    for name, entry in _manifest(out)["documents"].items():
        if entry["kind"] == "lederavtale" and not name.endswith("-offentlig.docx") and any(
                s.endswith(f"Lederavtaler › rad {row}") for s in entry["sources"]):
            return f"lederavtale/{name}"
    raise KeyError(row)


def _edit_with_word(path: Path, text: str = "Tilføyd av lederen i Word.") -> bytes:
    document = docx.Document(str(path))
    document.add_paragraph(text)
    document.save(str(path))
    return path.read_bytes()


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """Demo workbooks with two lederavtaler (fast enough for PDF builds)."""
    data = demo_data()
    keep = data.lederavtaler[:2]
    ids = {a.leder_id for a in keep}
    write_workbooks(tmp_path / "små", replace(
        data, lederavtaler=keep, bidrag=[b for b in data.bidrag if b.leder_id in ids]))
    return tmp_path / "små"


# --- 1. ownership: an edit made in Word --------------------------------------------------------

def test_an_edited_document_is_kept_and_the_new_version_goes_beside_it(demo: Path,
                                                                       tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    rel = _agreement_of_row(out)
    edited = _edit_with_word(out / YEAR / rel)
    # No data change, plain and forced builds: the edit survives the plain one.
    report = _build(demo, out)
    assert (out / YEAR / rel).read_bytes() == edited
    assert any("er endret etter at den ble laget" in p.message and p.file.endswith(rel)
               for p in report.problems.notices)
    # The data behind it changes: the edit stays, the new version is written beside it.
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Nytt bidrag", 1)
    result = run("build", demo, "--out", out, "--no-pdf")
    assert result.exit_code == 0, result.output
    assert (out / YEAR / rel).read_bytes() == edited
    beside = out / YEAR / rel.replace(".docx", "-ny.docx")
    assert beside.exists() and "Nytt bidrag" in _text(beside)
    assert "MERKNAD" in result.output and beside.name in result.output
    assert "skrev 1 nye versjoner ved siden av" in result.output
    assert not _manifest(out)["documents"][Path(rel).name]["outputs"]["docx"]["file"].endswith(
        Path(rel).name)
    # Pressing again changes nothing, and never touches the person's file.
    again = _build(demo, out)
    assert (out / YEAR / rel).read_bytes() == edited
    assert again.unchanged or again.outcome.rendered == []
    # --force renders again, but first moves the edited file to a dated backup folder.
    forced = _build(demo, out, force=True)
    backups = list((out / YEAR / ownership.BACKUP_DIR).rglob(Path(rel).name))
    assert [b.read_bytes() for b in backups] == [edited]
    assert "Nytt bidrag" in _text(out / YEAR / rel)
    assert forced.outcome.backed_up == backups
    _matches_manifest(out)


def _text(path: Path) -> str:
    from .docx_tools import text

    return text(path)


def test_the_logg_sheet_shows_the_kept_file_as_a_notice(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    rel = _agreement_of_row(out)
    _edit_with_word(out / YEAR / rel)
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Nytt bidrag", 1)
    outcome = run_for(demo / "styring.xlsx", out, pdf=False)
    assert outcome.ok
    rows = log_rows(outcome)
    notes = [r for r in rows if r[1] == "merknad" and "ny" in str(r[3])]
    assert notes and "-ny.docx" in str(notes[0][3]) and "ikke erstattet" in str(notes[0][3])
    assert rows[0][1] == "OK"


def test_a_stale_file_is_removed_only_when_nobody_changed_it(demo: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "ut"
    _build(demo, out)
    rows = (2, 3)
    rels = [_agreement_of_row(out, r) for r in rows]
    edited = _edit_with_word(out / YEAR / rels[0])
    wb = openpyxl.load_workbook(demo / "lederavtaler.xlsx")
    ws = wb["Lederavtaler"]
    gone = {ws.cell(row=r, column=1).value for r in rows}
    for r in sorted(rows, reverse=True):
        ws.delete_rows(r)
    bidrag = wb["Bidrag"]
    for r in range(bidrag.max_row, 1, -1):
        if bidrag.cell(row=r, column=1).value in gone:
            bidrag.delete_rows(r)
    wb.save(demo / "lederavtaler.xlsx")
    report = _build(demo, out)
    assert (out / YEAR / rels[0]).read_bytes() == edited  # changed: kept
    assert not (out / YEAR / rels[1]).exists()  # unchanged and no longer made: removed
    assert any("hører ikke lenger til noe dokument" in p.message for p in report.problems)


# --- 2. signed is final (real pyHanko signature) -----------------------------------------------

@pytest.mark.filterwarnings("ignore::UserWarning")
def test_a_signed_pdf_is_never_replaced(small: Path, tmp_path: Path) -> None:
    from generator.output import signing

    out = tmp_path / "ut"
    _build(small, out, pdf=True, kinds=["lederavtale"])
    pdf_rel = _agreement_of_row(out).replace(".docx", ".pdf")
    target = out / YEAR / pdf_rel
    assert not ownership.is_signed(target)
    p12, _cert = _certificate(tmp_path)
    signing.sign(target, "Leder", p12, b"hemmelig", target, other_signer=True)  # in place
    assert ownership.is_signed(target)
    signed = target.read_bytes()
    assert os.stat(target).st_mode & 0o777 == 0o666 & ~_umask()
    # Without a data change nothing is made again, with or without --force.
    for force in (False, True):
        _build(small, out, pdf=True, kinds=["lederavtale"], force=force)
        assert target.read_bytes() == signed
    # The data changes: the signed file stays, a notice names it and says what to do.
    set_cell(small / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Endret mål", 1)
    report = _build(small, out, pdf=True, kinds=["lederavtale"])
    assert target.read_bytes() == signed
    beside = target.with_name(target.stem + "-ny.pdf")
    assert beside.exists() and not ownership.is_signed(beside)
    note = next(p for p in report.problems.notices if p.file.endswith(pdf_rel))
    assert "er signert" in note.message and "signeres på nytt" in note.message
    assert beside.name in note.message
    # --no-pdf afterwards leaves every PDF in place and in the manifest.
    pdfs = {p: p.read_bytes() for p in (out / YEAR).rglob("*.pdf")}
    set_cell(small / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Igjen endret", 1)
    _build(small, out, pdf=False, kinds=["lederavtale"])
    assert {p: p.read_bytes() for p in (out / YEAR).rglob("*.pdf")} == pdfs
    files = {o["file"] for e in _manifest(out)["documents"].values()
             for o in e["outputs"].values()}
    assert {p.relative_to(out / YEAR).as_posix() for p in pdfs} - {pdf_rel} <= files


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --- 3. a build touches only what it builds ----------------------------------------------------

def test_only_and_tertial_leave_the_rest_alone(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out, tertial=2)
    before = _hashes(out / YEAR)
    _build(demo, out, kinds=["lederavtale"], force=True)
    after = _hashes(out / YEAR)
    for rel, sha in before.items():
        if not rel.startswith(("lederavtale/", "arkiv/2026-lederavtale", "arkiv/arkivmelding-2026"
                               "-lederavtale", "arkiv/arkivliste", "manifest", ".uendret",
                               ".manifest-kopi", "epost/lederavtale-", "oversikt.html")):
            assert after.get(rel) == sha, rel
    _build(demo, out, kinds=["tertialrapport"], tertial=1)
    folder = out / YEAR
    reports = sorted(p.name for p in (folder / "tertialrapport").glob("*.docx"))
    assert len(reports) == 2, reports
    kinds = {e["kind"] for e in _manifest(out)["documents"].values()}
    assert kinds == {"oppdragsbrev", "tertialrapport", "utviklingsstrategi", "lederavtale",
                     "epost", "kalender"}  # e-mail drafts and calendars (issue 16)
    archived = " ".join(_manifest(out)["archive"])
    for name in reports:
        assert name.removesuffix(".docx") in archived
    # the CSV for the archivist still lists every registration, not only this build's
    sidecars = {p.stem for p in (folder / "arkiv").glob("*.json")}
    with open(folder / "arkiv" / "arkivliste.csv", encoding="utf-8-sig", newline="") as fh:
        listed = {row["Ekstern referanse"] for row in csv.DictReader(fh, delimiter=";")}
    assert listed == sidecars and len(listed) > len(reports) + 20
    _matches_manifest(out)


def test_an_unreadable_sidecar_of_another_scope_is_named_not_dropped(demo: Path,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    sidecar = out / YEAR / "arkiv" / f"{YEAR}-oppdragsbrev-{YEAR}.json"
    sidecar.write_text("{ikke json", encoding="utf-8")
    report = _build(demo, out, kinds=["lederavtale"])
    notes = [p.message for p in report.problems.notices if sidecar.name in p.file]
    assert notes and "ikke med i arkivliste.csv" in notes[0]
    assert sidecar.read_text(encoding="utf-8") == "{ikke json"  # left as it is
    listing = (out / YEAR / "arkiv" / "arkivliste.csv").read_text(encoding="utf-8-sig")
    assert f"{YEAR}-utviklingsstrategi" in listing and f"{YEAR}-oppdragsbrev-{YEAR}" not in listing


# --- 4. unique names ---------------------------------------------------------------------------

def test_two_leaders_with_the_same_file_name_get_two_files(tmp_path: Path) -> None:
    data = demo_data()
    # A second leader in the first one's unit (moving another leader there would leave that
    # leader's own unit, named in HA/DA, without a leader: an error).
    first = data.lederavtaler[0].leder_id
    ids = [first, "L99"]
    twin = replace(next(ld for ld in data.ledere if ld.id == first), id="L99",
                   navn="Anne Lise Berg")
    ledere = [replace(ld, navn="Anne-Lise Berg") if ld.id == first else ld
              for ld in data.ledere] + [twin]
    avtaler = [*data.lederavtaler, replace(data.lederavtaler[0], leder_id="L99")]
    bidrag = [*data.bidrag, *(replace(b, leder_id="L99") for b in data.bidrag
                              if b.leder_id == first)]
    write_workbooks(tmp_path / "wb", replace(data, ledere=ledere, lederavtaler=avtaler,
                                             bidrag=bidrag))
    result = run("build", tmp_path / "wb", "--out", tmp_path / "ut", "--no-pdf", "--only",
                 "lederavtale")
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "ut" / YEAR / "lederavtale").glob("*anne-lise-berg*.docx"))
    names = [f.name for f in files if "offentlig" not in f.name]
    assert len(names) == 2 and all(any(i.lower() in n for i in ids) for n in names), names
    texts = [_text(f) for f in files if "offentlig" not in f.name]
    assert any("Anne-Lise Berg" in t for t in texts) and any("Anne Lise Berg" in t for t in texts)
    on_disk = len(list((tmp_path / "ut" / YEAR / "lederavtale").glob("*.docx")))
    on_disk += len(list((tmp_path / "ut" / YEAR / "epost").glob("*.eml")))  # their drafts
    assert f"{on_disk} filer" in result.output


# --- 5. all or nothing -------------------------------------------------------------------------

def _bind_ro(path: Path) -> bool:
    ok = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
    if ok.returncode != 0:
        return False
    return subprocess.run(["mount", "-o", "remount,bind,ro", str(path)],
                          capture_output=True).returncode == 0


def test_a_read_only_sub_folder_changes_nothing_and_says_so(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    before = _hashes(out / YEAR)
    sub = out / YEAR / "lederavtale"
    if not _bind_ro(sub):
        pytest.skip("kan ikke montere skrivebeskyttet her (krever root)")
    try:
        set_field(demo / "styring.xlsx", "Kommune", "Kommunenavn", "Fjellvik kommune (ny)")
        result = run("build", demo, "--out", out, "--no-pdf")
        assert result.exit_code == 1
        assert "Ingenting er endret" in result.output and "lederavtale" in result.output
        assert "Read-only" in result.output or "skrivebeskyttet" in result.output
        assert "Traceback" not in result.output
        assert _hashes(out / YEAR) == before
        _matches_manifest(out)
        assert not list((out / YEAR).glob(".staging-*"))
    finally:
        subprocess.run(["umount", str(sub)], capture_output=True)


def test_a_move_that_fails_midway_is_rolled_back(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    before = _hashes(out / YEAR)
    set_field(demo / "styring.xlsx", "Kommune", "Kommunenavn", "Fjellvik kommune (ny)")
    stuck = out / YEAR / _agreement_of_row(out)  # moved after the other kinds
    # Immutable: the folder can be written (the check passes), but this file cannot be moved.
    if subprocess.run(["chattr", "+i", str(stuck)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i virker ikke her")
    try:
        report = pipeline.build([demo], out, pdf=False)
    finally:
        subprocess.run(["chattr", "-i", str(stuck)], capture_output=True)
    assert not report.ok
    message = report.problems.errors[0].message
    assert "Alt er lagt tilbake" in message and "som før byggingen" in message, message
    assert _hashes(out / YEAR) == before
    _matches_manifest(out)
    assert not list((out / YEAR).glob(".staging-*"))


# --- 6. the output folder is a boundary --------------------------------------------------------

def test_a_crafted_manifest_cannot_reach_outside(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    victims = [tmp_path / "x", tmp_path / "abs.docx"]
    for v in victims:
        v.write_bytes(b"ikke din fil")
    sha = hashlib.sha256(b"ikke din fil").hexdigest()
    manifest = _manifest(out)
    for name, rel in (("lederavtale-borte.docx", "../../x"),
                      ("lederavtale-abs.docx", str(victims[1]))):
        manifest["documents"][name] = {"kind": "lederavtale", "scope": "lederavtale",
                                       "data_sha256": "0", "outputs": {"docx": {
                                           "file": rel, "sha256": sha, "size": 12}}}
    manifest["archive"].append("../../x")
    (out / YEAR / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    report = _build(demo, out)
    assert all(v.read_bytes() == b"ikke din fil" for v in victims)
    notes = [p.message for p in report.problems.notices if "utenfor" in p.message]
    assert any("../../x" in n for n in notes) and any(str(victims[1]) in n for n in notes)


def test_a_symlink_out_of_the_folder_is_refused(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out, kinds=["oppdragsbrev"])
    outside = tmp_path / "utenfor"
    outside.mkdir()
    (out / YEAR / "lederavtale").symlink_to(outside, target_is_directory=True)
    result = run("build", demo, "--out", out, "--no-pdf")
    assert result.exit_code == 1
    assert "snarvei" in result.output and str(outside) in result.output
    assert list(outside.iterdir()) == []


# --- 7. child processes die with the build -----------------------------------------------------

def _office_processes(marker: str, profiles: set[Path] | None = None) -> list[int]:
    """LibreOffice processes whose command line (a batched call) or environment (a warm
    one over UNO: STYRING_BYGG) mentions ``marker`` (our output folder); their profile
    folders are added to ``profiles``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            env = (proc / "environ").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if (marker in cmd or f"STYRING_BYGG={marker}" in env) and "soffice" in cmd \
                and "lo_watchdog" not in cmd and "lo_uno" not in cmd:
            found.append(int(proc.name))
            for m in re.finditer(r"UserInstallation=file://(\S+)", cmd):
                (profiles if profiles is not None else set()).add(Path(m[1]))
    return found


def _start_pdf_build(wb: Path, out: Path, cli: bool = False) -> subprocess.Popen[bytes]:
    if cli:
        cmd = [sys.executable, "-m", "generator", "build", str(wb), "--out", str(out), "--pdf",
               "--force", "--only", "lederavtale"]
    else:
        cmd = [sys.executable, "-c", "from pathlib import Path; from generator import pipeline; "
               f"pipeline.build([Path({str(wb)!r})], Path({str(out)!r}), pdf=True, force=True, "
               "kinds=['lederavtale'])"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(cmd, start_new_session=True, env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_sigkill_of_a_pdf_build_leaves_no_libreoffice_and_no_stage(small: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(small, out, kinds=["lederavtale"])
    proc = _start_pdf_build(small, out)
    marker = str(out / YEAR / ".staging-")
    profiles: set[Path] = set()
    assert _wait_for(lambda: _office_processes(marker, profiles), 120), "LibreOffice startet ikke"
    assert profiles and all(p.exists() for p in profiles)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _wait_for(lambda: not _office_processes(marker), 15), _office_processes(marker)
    assert _wait_for(lambda: not any(p.exists() for p in profiles), 10)
    _build(small, out, kinds=["lederavtale"])
    time.sleep(2)  # a LibreOffice that lived on would write its files about now
    assert not list((out / YEAR).glob(".staging-*"))
    _matches_manifest(out)


# --- 8. Ctrl-C ---------------------------------------------------------------------------------

def test_ctrl_c_says_what_state_the_folder_is_in(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(small, out, kinds=["lederavtale"])
    before = _hashes(out / YEAR)
    proc = _start_pdf_build(small, out, cli=True)
    marker = str(out / YEAR / ".staging-")
    assert _wait_for(lambda: _office_processes(marker), 120), "LibreOffice startet ikke"
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    text = stderr.decode()
    assert proc.returncode == 130, text
    lines = [ln for ln in text.splitlines() if "Avbrutt" in ln]
    assert len(lines) == 1 and "er som før byggingen" in lines[0], text
    assert "Traceback" not in text
    assert _wait_for(lambda: not _office_processes(marker), 15)
    assert _hashes(out / YEAR) == before
    assert not list((out / YEAR).glob(".staging-*"))
    from generator.output.stage import locked

    with locked(out / YEAR, wait_seconds=1):  # the lock is free again
        pass


# --- 9. file modes -----------------------------------------------------------------------------

@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_every_file_follows_the_umask(demo: Path, tmp_path: Path, mask: int) -> None:
    out = tmp_path / "ut"
    code = (f"import os; os.umask({mask}); from pathlib import Path; from generator import "
            f"pipeline; r = pipeline.build([Path({str(demo)!r})], Path({str(out)!r}), "
            "pdf=False); raise SystemExit(0 if r.ok else 1)")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    assert subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO).returncode == 0
    modes = {p.relative_to(out).as_posix(): p.stat().st_mode & 0o777
             for p in out.rglob("*") if p.is_file()}
    assert modes["2026/manifest.json"] == 0o666 & ~mask
    assert any(k.startswith("2026/arkiv/") for k in modes)
    assert set(modes.values()) == {0o666 & ~mask}, {k: oct(v) for k, v in modes.items()
                                                   if v != 0o666 & ~mask}


# --- 10. nothing to do, done at once -----------------------------------------------------------

def test_a_no_change_build_imports_nothing_heavy(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    assert run("build", demo, "--out", out, "--no-pdf").exit_code == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "generator", "build",
                           str(demo), "--out", str(out), "--no-pdf"],
                          capture_output=True, text=True, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Ingen endringer" in done.stdout
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    assert "generator" in imported
    assert not imported & {"openpyxl", "docxtpl", "lxml", "docx", "pikepdf", "pyhanko", "typer"}
    # One cell changed: the full build runs and renders exactly that document.
    set_cell(demo / "lederavtaler.xlsx", "Lederavtaler", "Viktigste bidrag", "Nytt", 1)
    report = _build(demo, out)
    assert not report.unchanged and report.outcome.rendered
    assert {d.kind for d in report.outcome.rendered} == {"lederavtale"}
    assert len(report.outcome.rendered) <= 2  # the agreement and its public variant
    # Other options are another build: not answered from the manifest of this one.
    assert not _build(demo, out, kinds=["oppdragsbrev"]).unchanged


def test_only_a_plain_build_command_line_takes_the_quick_door() -> None:
    from generator.quick import parse_build

    opts = parse_build(["build", "wb", "--only", "lederavtale", "--tertial=2", "--no-pdf",
                        "--out", "ut"])
    assert opts is not None
    assert (opts["workbooks"], opts["only"], opts["tertial"], opts["pdf"], opts["out"]) == (
        [Path("wb")], ["lederavtale"], 2, False, Path("ut"))
    for argv in (["build", "--force"], ["build", "--help"], ["check"], [],
                 ["build", "--tertial", "4"], ["build", "--out"]):
        assert parse_build(argv) is None, argv
