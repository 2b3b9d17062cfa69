"""Damaged or hostile bookkeeping in the output folder (issue 23, items 1-4; issue 22, the
lock file): a manifest aimed at a person's file loses nothing, a truncated manifest is named
once and recovered without a flood of -ny copies, a symlinked lock writes nothing outside,
the lock never stays behind, and Ctrl-C at start-up says «Avbrutt.» with exit code 130.
Real builds of the demo workbooks, real symlinks, real SIGINT and SIGKILL."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator
from generator import pipeline

from .conftest import REPO, run
from .test_ownership import _build

YEAR = "2026"


def _tree(folder: Path) -> dict[str, str]:
    """Every file (with its SHA-256) and every folder (as «dir») under ``folder``."""
    return {p.relative_to(folder).as_posix(): "dir" if p.is_dir() and not p.is_symlink()
            else hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "link"
            for p in sorted(folder.rglob("*"))}


def _ny(year: Path) -> list[str]:
    return sorted(p.relative_to(year).as_posix() for p in year.rglob("*-ny*"))


# --- 1. the program's own deletions are never destructive ----------------------------------

def test_a_manifest_aimed_at_a_persons_files_loses_nothing(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    year = out / YEAR
    note = year / "notat.txt"
    note.write_bytes(b"Mine egne notater fra ledermoetet.")
    own = year / "lederavtale" / "lederavtale-egen-kopi.docx"  # our pattern, a person's bytes
    own.write_bytes(b"en kopi en person har lagt her")
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    for name, path in (("lederavtale-notat.docx", note), ("lederavtale-egen.docx", own)):
        data = path.read_bytes()
        manifest["documents"][name] = {
            "kind": "lederavtale", "scope": "lederavtale", "data_sha256": "0",
            "outputs": {"docx": {"file": path.relative_to(year).as_posix(),
                                 "sha256": hashlib.sha256(data).hexdigest(),
                                 "size": len(data)}}}
    (year / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = run("build", demo, "--out", out, "--no-pdf")
    assert result.exit_code == 0, result.output
    assert note.read_bytes() == b"Mine egne notater fra ledermoetet."  # not even moved
    assert "«notat.txt», som ikke er en fil programmet lager" in result.output
    # The one that looks like ours is retired as stale: into the backup, never unlinked.
    assert not own.exists()
    backups = list((year / "sikkerhetskopi").rglob("lederavtale-egen-kopi.docx"))
    assert [b.read_bytes() for b in backups] == [b"en kopi en person har lagt her"]
    assert "flyttet 1 foreldede filer til" in result.output and "sikkerhetskopi" in result.output


# --- 2. damaged bookkeeping is named and recovered -----------------------------------------

def _damaged(report: pipeline.BuildReport, name: str) -> list[str]:
    return [p.message for p in report.problems.notices if p.file.endswith(name)]


def test_a_truncated_manifest_is_named_once_and_recovered(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    year = out / YEAR
    whole = (year / "manifest.json").read_bytes()
    (year / "manifest.json").write_bytes(whole[:len(whole) // 3])
    # From the copy kept beside it: nothing to make again, no -ny, one line.
    report = _build(demo, out)
    lines = _damaged(report, "manifest.json")
    assert len(lines) == 1 and "avkortet eller skadet" in lines[0] and "kopien" in lines[0]
    assert report.outcome.rendered == [] and _ny(year) == []
    assert (year / "manifest.json").read_bytes() != whole[:len(whole) // 3]
    # The line is said once, not repeated by the next (no-change) build.
    again = _build(demo, out)
    assert again.unchanged and not _damaged(again, "manifest.json")

    # Without the copy: the files are known by the no-change record and by their content.
    (year / "manifest.json").write_bytes(b'{"documents": {"x": ')
    (year / ".manifest-kopi.json").unlink()
    report = _build(demo, out)
    lines = _damaged(report, "manifest.json")
    assert len(lines) == 1 and "ingen kopi" in lines[0]
    assert _ny(year) == []
    assert not [p for p in report.problems.notices if "blir ikke erstattet" in p.message]

    # Without copy and record: only content is left; the documents made the same way
    # every time (here all the agreements and e-mail drafts) are still recognised.
    (year / "manifest.json").write_text("[]", encoding="utf-8")
    (year / ".manifest-kopi.json").write_bytes(b"\x00\xff")
    (year / ".uendret.json").unlink()
    report = _build(demo, out)
    lines = _damaged(report, "manifest.json")
    assert len(lines) == 1 and "inneholder ikke et manifest" in lines[0]
    assert "kopien .manifest-kopi.json er ikke tekst" in lines[0]
    ny = _ny(year)
    assert not [r for r in ny if r.startswith(("lederavtale/", "epost/"))], ny
    assert len(ny) <= 12, ny  # before: every file of the folder (130 in the issue)
    assert all("kan ikke kjennes igjen uten manifest.json" in p.message
               for p in report.problems.notices if "blir ikke erstattet" in p.message)


def test_a_deleted_manifest_is_named_and_its_files_still_known(demo: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    year = out / YEAR
    (year / "manifest.json").unlink()
    (year / ".manifest-kopi.json").unlink()
    report = _build(demo, out)
    lines = _damaged(report, "manifest.json")
    assert len(lines) == 1 and lines[0].startswith("mangler, og det finnes ingen kopi"), lines
    assert _ny(year) == [] and (year / "manifest.json").is_file()


@pytest.mark.parametrize("record", [b'{"fingerprint": {', b'{"fingerprint": {}, "stat": '
                                    b'{"a": 5}, "counts": {}, "files": [], "notices": []}'])
def test_a_damaged_no_change_record_is_named_and_made_again(demo: Path, tmp_path: Path,
                                                            record: bytes) -> None:
    out = tmp_path / "ut"
    _build(demo, out)
    (out / YEAR / ".uendret.json").write_bytes(record)
    result = run("build", demo, "--out", out, "--no-pdf")
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if ".uendret.json" in ln]
    assert len(lines) == 1 and "skadet" in lines[0] and lines[0].startswith("MERKNAD")
    assert "Ingen endringer" in run("build", demo, "--out", out, "--no-pdf").output


# --- 3. nothing written outside the year folder --------------------------------------------

@pytest.mark.parametrize("aim", ["created-by-lock", "."])
def test_a_symlinked_lock_writes_nothing_outside(demo: Path, tmp_path: Path, aim: str) -> None:
    out = tmp_path / "ut"
    _build(demo, out, kinds=["oppdragsbrev"])
    outside = tmp_path / "outside"
    outside.mkdir()
    year = out / YEAR
    (year / ".bygg.lock").symlink_to(outside / aim)
    before = _tree(year)
    result = run("build", demo, "--out", out, "--no-pdf")
    assert result.exit_code == 1
    assert "«.bygg.lock» er en snarvei (symbolsk lenke)" in result.output
    assert "Ingenting er endret" in result.output
    assert list(outside.iterdir()) == []
    assert _tree(year) == before  # not a file, not an empty folder more


def test_a_refused_build_leaves_no_folder_behind(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    _build(demo, out, kinds=["oppdragsbrev"])
    outside = tmp_path / "utenfor"
    outside.mkdir()
    year = out / YEAR
    (year / "arkiv").rename(tmp_path / "arkiv-gammel")
    (year / "arkiv").symlink_to(outside, target_is_directory=True)
    before = _tree(year)
    result = run("build", demo, "--out", out, "--no-pdf")  # would add lederavtale/, epost/ …
    assert result.exit_code == 1 and "snarvei" in result.output
    assert list(outside.iterdir()) == []
    assert _tree(year) == before


# --- the lock never stays behind (issue 22) -----------------------------------------------

def test_no_lock_file_after_success_failure_and_kill(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    year = out / YEAR
    _build(demo, out)
    assert not (year / ".bygg.lock").exists()
    (year / "lederavtale").rename(tmp_path / "lederavtale")
    (year / "lederavtale").write_bytes(b"en fil der mappen skulle vaere")
    assert pipeline.build([demo], out, pdf=False, force=True).ok is False
    assert not (year / ".bygg.lock").exists()
    (year / "lederavtale").unlink()
    (tmp_path / "lederavtale").rename(year / "lederavtale")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    code = (f"from pathlib import Path; from generator import pipeline; pipeline.build("
            f"[Path({str(demo)!r})], Path({str(out)!r}), pdf=False, force=True)")
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=REPO)
    deadline = time.monotonic() + 120
    while not (year / ".bygg.lock").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert (year / ".bygg.lock").exists(), "byggingen tok aldri låsen"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (year / ".bygg.lock").exists()  # a killed build cannot clean up after itself …
    _build(demo, out)  # … the next one takes the stale lock over and removes it
    assert not (year / ".bygg.lock").exists()
    assert not list(year.glob(".staging-*"))


# --- 4. Ctrl-C from the first instruction on -----------------------------------------------

def _before_the_program(returncode: int, stderr: str) -> bool:
    """The interpreter itself was still starting, no instruction of the package had run:
    killed by SIGINT before Python installs its handler, or stopped in ``site`` or in the
    import system before ``generator/__init__.py`` (no frame of the package in the
    traceback)."""
    if returncode == -signal.SIGINT and not stderr:
        return True
    package = f"{os.sep}generator{os.sep}"
    init = f"{package}__init__.py"
    first = next(n for n, line in enumerate(
        (Path(generator.__file__).read_text(encoding="utf-8")).splitlines(), 1)
        if line.startswith("take_ctrl_c()"))

    def ours(file: str, line: int) -> bool:  # a frame of the package after the handler is in
        return package in file and not (file.endswith(init) and line <= first)

    return "KeyboardInterrupt" in stderr and not any(
        ours(file, int(line)) for file, line in re.findall(r'File "([^"]+)", line (\d+)', stderr))


@pytest.mark.parametrize("delay", [0.05, 0.1, 0.3])
def test_ctrl_c_at_start_up_says_avbrutt(demo: Path, tmp_path: Path, delay: float) -> None:
    styring = Path(sys.executable).parent / "styring"
    assert styring.exists()
    for attempt in range(8):
        out = tmp_path / f"ut-{attempt}"
        proc = subprocess.Popen([str(styring), "build", str(demo), "--out", str(out),
                                 "--no-pdf"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                cwd=tmp_path)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        text = err.decode()
        if not _before_the_program(proc.returncode, text):
            break
    else:
        pytest.skip("the machine is too busy: Python never started within the delay")
    assert proc.returncode == 130, text
    assert "Avbrutt." in text and "Traceback" not in text, text
    assert not [p for p in out.rglob("*") if p.is_file()] if out.exists() else True


# --- the commit's own journal and stages are read back as hostile too ----------------------

def test_a_killed_builds_stage_cannot_reach_outside(tmp_path: Path) -> None:
    from generator.output import commit

    folder, outside = tmp_path / "ut", tmp_path / "utenfor"
    folder.mkdir()
    outside.mkdir()
    (outside / "x").write_bytes(b"ikke din fil")
    # a stage that is a symlink out of the folder: not followed, not removed
    (outside / commit.JOURNAL).write_text(json.dumps({"build": "b", "moves": [
        ["x", "x", hashlib.sha256(b"ikke din fil").hexdigest()]]}), encoding="utf-8")
    link = folder / ".staging-lenke"
    link.symlink_to(outside, target_is_directory=True)
    notes = commit.recover(folder, [link], current_build=None)
    assert notes and "snarvei" in notes[0]
    assert (outside / "x").read_bytes() == b"ikke din fil" and link.is_symlink()
    # a real stage whose journal names paths out of the folder: those are left alone
    stage = folder / ".staging-ekte"
    (stage / commit.OLD).mkdir(parents=True)
    (stage / commit.JOURNAL).write_text(json.dumps({
        "build": "b", "moves": [["../../utenfor/x", "../utenfor/x", "0"]],
        "removals": ["../utenfor/x"], "backups": [["inn.docx", "../utenfor/x"]],
        "made": ["../utenfor"]}), encoding="utf-8")
    commit.recover(folder, [stage], current_build=None)
    assert sorted(p.name for p in outside.iterdir()) == [commit.JOURNAL, "x"]
    assert (outside / "x").read_bytes() == b"ikke din fil"
    assert not (folder / "inn.docx").exists()


def test_a_rolled_back_commit_removes_the_folders_it_made(tmp_path: Path) -> None:
    from generator.output import commit

    folder, stage = tmp_path / "ut", tmp_path / "ut" / ".staging-1"
    stage.mkdir(parents=True)
    (folder / "gammel.docx").write_bytes(b"gammel")
    (stage / "ny.docx").write_bytes(b"ny")
    plan = commit.Plan(moves=[("ny.docx", "a/b/ny.docx", hashlib.sha256(b"ny").hexdigest())],
                       removals=["gammel.docx"], retire_to="sikkerhetskopi/t")
    commit.precheck(folder, plan)
    assert sorted(p.name for p in folder.iterdir()) == [".staging-1", "gammel.docx"]
    commit.commit(folder, stage, "b", plan)
    assert (folder / "sikkerhetskopi/t/gammel.docx").read_bytes() == b"gammel"  # not deleted
    assert (folder / "a/b/ny.docx").read_bytes() == b"ny"
    assert commit.rollback(folder, stage) == []
    assert sorted(p.name for p in folder.iterdir()) == [".staging-1", "gammel.docx"]
    assert (folder / "gammel.docx").read_bytes() == b"gammel"
