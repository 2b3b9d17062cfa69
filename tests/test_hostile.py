"""Hostile and broken input at the edges: file names, folders that refuse writes,
inputs that must never change, concurrent builds, huge inputs, and confidentiality."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from generator import pipeline
from generator.demo.data import demo_data
from generator.documents.common import slug
from generator.input.blank import write_workbooks
from generator.input.validate import load

from .conftest import ansvar_as_units, run


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/x", "etc-x"), ("CON", "x-con"), ("a/b\\c:d", "a-b-c-d"), ("", "uten-navn"),
    ("Máret Čuđe-Ŋuolga Šŧž Ærø Å", "maret-cude-nuolga-stz-aero-a"), ("lpt1", "x-lpt1"),
    ("…" * 300, "uten-navn"), ("a" * 300, "a" * 60),
])
def test_file_names_are_safe(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_hostile_leader_names_stay_inside_the_output_folder(tmp_path: Path) -> None:
    data = demo_data()
    names = ["../../etc/x", "CON", "a/b\\c:d", "..", "nul"]
    ledere = list(data.ledere)
    for i, n in enumerate(names):
        ledere[i + 1] = replace(ledere[i + 1], navn=n)
    write_workbooks(tmp_path / "wb", replace(data, ledere=ledere))
    report = pipeline.build([tmp_path / "wb"], tmp_path / "ut", kinds=["lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    root = (tmp_path / "ut").resolve()
    for path in report.files:
        assert path.resolve().is_relative_to(root)
        assert path.parent.name in ("lederavtale", "arkiv", "epost") or path.name == "manifest.json"


def _mount(path: Path, options: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                          capture_output=True)
    return done.returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", str(path)], capture_output=True)


@pytest.mark.parametrize("options", ["ro,size=1m", "size=96k"], ids=["skrivebeskyttet", "full"])
def test_unwritable_output_folder_gives_a_clear_message(tmp_path: Path, options: str) -> None:
    target = tmp_path / "disk"
    if not _mount(target, options):
        pytest.skip("kan ikke montere tmpfs her (krever root)")
    try:
        result = run("build", pipeline.DEMO_DIR, "--out", target, "--no-pdf")
        assert result.exit_code == 1
        assert "kan ikke skrive til mappen" in result.output or "skrive" in result.output
        assert "Traceback" not in result.output
        leftovers = [p for p in target.rglob("*") if p.is_file() and p.suffix == ".docx"]
        assert all(zipfile.is_zipfile(p) for p in leftovers)
    finally:
        _umount(target)


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_inputs_are_never_modified(demo: Path, tmp_path: Path) -> None:
    before = _hashes(demo)
    mtimes = {p.name: p.stat().st_mtime_ns for p in demo.iterdir()}
    assert run("check", demo).exit_code == 0
    assert run("build", demo, "--out", tmp_path / "ut", "--no-pdf").exit_code == 0
    assert _hashes(demo) == before
    assert {p.name: p.stat().st_mtime_ns for p in demo.iterdir()} == mtimes


def test_two_builds_at_once_never_mix_files(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    code = ("import sys; from pathlib import Path; from generator import pipeline; "
            f"r = pipeline.build([Path({str(demo)!r})], Path({str(out)!r}), pdf=False, "
            "force=True); sys.exit(0 if r.ok else 1)")
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    manifest = json.loads((out / "2026" / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["documents"].values():
        for o in entry["outputs"].values():
            path = out / "2026" / o["file"]
            assert hashlib.sha256(path.read_bytes()).hexdigest() == o["sha256"]
    assert not list((out / "2026").glob(".staging-*"))


def test_large_workbooks_validate_and_build(tmp_path: Path) -> None:
    """10 000 risks and 2 000 leaders: read, validated and (leaders) built."""
    data = ansvar_as_units(demo_data())
    risks = [replace(data.risikoer[i % len(data.risikoer)], id=f"R{i:05d}")
             for i in range(10_000)]
    base_leader = data.ledere[1]
    leaders = [data.ledere[0]] + [replace(base_leader, id=f"X{i:04d}", navn=f"Leder {i}")
                                  for i in range(2000)]
    base_avtale = data.lederavtaler[0]
    avtaler = [replace(base_avtale, leder_id=f"X{i:04d}") for i in range(2000)]
    big = replace(data, risikoer=risks, ledere=leaders, lederavtaler=avtaler, bidrag=[])
    write_workbooks(tmp_path / "wb", big)
    result = load([tmp_path / "wb"])
    assert result.ok, [str(p) for p in result.problems.errors][:5]
    assert len(result.data.risikoer) == 10_000 and len(result.data.lederavtaler) == 2000


def test_absurd_sheet_dimension_is_harmless(demo: Path) -> None:
    path = demo / "risiko.xlsx"
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    xml = parts[sheet].decode()
    import re

    parts[sheet] = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>',
                          xml).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in parts.items():
            zf.writestr(n, d)
    result = load([demo])
    assert result.ok


def test_control_characters_are_replaced_visibly_and_reported(tmp_path: Path) -> None:
    from .docx_tools import text

    data = demo_data()
    oppdrag = list(data.oppdrag)
    oppdrag[0] = replace(oppdrag[0], tittel="Tittel\x01med\x0bkontroll")
    write_workbooks(tmp_path / "wb", replace(data, oppdrag=oppdrag))
    result = load([tmp_path / "wb"])
    assert result.ok
    notes = [p for p in result.problems.notices if p.sheet == "Oppdrag"]
    assert notes and "byttet ut" in notes[0].message and notes[0].cell
    report = pipeline.build([tmp_path / "wb"], tmp_path / "ut", kinds=["oppdragsbrev"],
                            pdf=False)
    docx = next((tmp_path / "ut").rglob("*.docx"))
    assert report.ok and "Tittel\ufffdmed\ufffdkontroll" in text(docx)


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_network_is_off_in_tests() -> None:
    import socket

    with pytest.raises(Exception, match=r"(?i)socket|network|blocked"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
