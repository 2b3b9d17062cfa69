"""A LibreOffice worker that stops in the middle of its batch (here: killed) is noticed and
the rest of its files are converted by a new one: every PDF is there and passes the
archive checks. Both ways of converting: warm LibreOffice over UNO (the soffice of one
worker killed), and batched ``soffice --convert-to`` calls (forced with
STYRING_UNO_PYTHON=nei; the batched call noticed by the PDFs it did not write)."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import docx
import pytest

from generator.output import pdf

pytestmark = pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice mangler")


def _documents(folder: Path, n: int, repeat: int = 20) -> list[Path]:
    out = []
    for i in range(n):
        d = docx.Document()
        d.core_properties.title = f"Dokument {i}"
        d.core_properties.language = "nb-NO"
        d.add_heading(f"Dokument {i}", level=1)
        d.add_paragraph("Fjellvik kommune – Sámi bustávat: á č đ ŋ š ŧ ž. " * repeat)
        path = folder / f"dok-{i:02d}.docx"
        d.save(str(path))
        out.append(path)
    return out


def _libreoffice_groups(first_file: Path) -> list[int]:
    """The process groups of the LibreOffice converting ``first_file`` (not its watchdog)."""
    groups = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if (b"--convert-to" in argv and str(first_file).encode() in argv
                and b"python" not in Path(argv[0].decode()).name.encode()
                and b"lo_watchdog.py" not in b" ".join(argv)):
            try:
                groups.add(os.getpgid(int(entry.name)))
            except ProcessLookupError:
                continue
    return sorted(groups)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finner prosessene via /proc")
def test_a_worker_killed_mid_batch_is_noticed_and_its_files_converted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdf.UNO_ENV, "nei")  # the batched calls (the fallback without UNO)
    assert pdf.uno_python() is None
    src, out = tmp_path / "docx", tmp_path / "pdf"
    src.mkdir()
    files = _documents(src, 16)
    n = pdf.workers(len(files))
    first_share = files[0::n]  # the first worker's share (see pdf.convert)
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["pdfs"] = pdf.convert(files, out)
        except Exception as e:  # reported by the assertion below
            result["error"] = e

    worker = threading.Thread(target=run)
    worker.start()
    killed_after = None
    deadline = time.monotonic() + 300
    while worker.is_alive() and time.monotonic() < deadline and killed_after is None:
        made = [f for f in first_share if (out / (f.stem + ".pdf")).exists()]
        if made and len(made) < len(first_share):
            groups = _libreoffice_groups(first_share[0])
            for g in groups:
                os.killpg(g, signal.SIGKILL)
            if groups:
                killed_after = len(made)
        time.sleep(0.01)
    worker.join(timeout=600)
    assert killed_after is not None, "the first worker was not caught in the middle of its batch"
    assert killed_after < len(first_share)
    assert "error" not in result, result.get("error")
    pdfs = result["pdfs"]
    assert isinstance(pdfs, list) and [p.name for p in pdfs] == [f.stem + ".pdf" for f in files]
    for i, path in enumerate(pdfs):
        report = pdf.verify(path, f"Dokument {i}")
        assert report.ok, (path.name, report.problems)


def _profile_of(pid: int) -> Path | None:
    try:
        argv = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    for arg in argv:
        if arg.startswith(b"-env:UserInstallation=file://"):
            return Path(arg.split(b"file://", 1)[1].decode())
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").is_dir() and b"Z" not in (
        Path(f"/proc/{pid}/stat").read_bytes().split(b")")[-1][:3])


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finner prosessene via /proc")
def test_a_warm_worker_whose_libreoffice_is_killed_is_replaced(tmp_path: Path) -> None:
    if pdf.uno_python() is None:
        pytest.skip("ingen Python med uno (python3-uno)")
    src, out = tmp_path / "docx", tmp_path / "pdf"
    src.mkdir()
    files = _documents(src, 16)
    office = pdf.Office(2)
    assert office.available()
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["pdfs"] = pdf.convert(files, out, office=office)
        except Exception as e:  # reported by the assertion below
            result["error"] = e

    worker = threading.Thread(target=run)
    try:
        worker.start()
        victim, profiles, made_then = None, set(), 0
        deadline = time.monotonic() + 300
        while worker.is_alive() and time.monotonic() < deadline and victim is None:
            made_then = len(list(out.glob("*.pdf")))
            if 0 < made_then < len(files) - 4 and office.pids:
                victim = office.pids[0]
                profiles = {p for p in map(_profile_of, office.pids) if p is not None}
                os.killpg(os.getpgid(victim), signal.SIGKILL)
            time.sleep(0.01)
        worker.join(timeout=600)
        assert victim is not None, "LibreOffice was not caught in the middle of the batch"
        assert "error" not in result, result.get("error")
        assert office.restarts >= 1  # noticed: a new one started in its place
        assert not _alive(victim)
    finally:
        office.close()
    pdfs = result["pdfs"]
    assert isinstance(pdfs, list) and [p.name for p in pdfs] == [f.stem + ".pdf" for f in files]
    for i, path in enumerate(pdfs):
        report = pdf.verify(path, f"Dokument {i}")
        assert report.ok, (path.name, report.problems)
    # closed: every LibreOffice has ended and its profile folder is gone
    assert not any(_alive(pid) for pid in office.pids)
    assert profiles and not any(p.exists() for p in profiles)
    assert not list(out.glob(".*.del"))  # no half-written PDF left beside them
