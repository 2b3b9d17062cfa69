"""The button works whatever the workbook is called, in folders with spaces and æøå.

Each case copies the demo .xlsm set into such a folder, renames the workbook whose
button is pressed, and runs the button's own command in a new Python process the way
xlwings' VBA starts it (tests/button_press.py), with Excel replaced by a stand-in.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

from generator.excel.xlsm import LOG_SHEET, write_demo_xlsm

from .button_press import press, standin_site
from .conftest import REPO

NAMES = ["Styring 2027.xlsm", "økonomi.xlsm", "risiko-2027.xlsm", "styring (1).xlsm"]


@pytest.fixture(scope="module")
def xlsm_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xlsm")
    write_demo_xlsm(folder)
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_the_button_runs_for_any_workbook_name(name: str, xlsm_set: Path,
                                               tmp_path: Path) -> None:
    folder = tmp_path / "Kommunedirektørens stab" / "Styring og økonomi 2027"
    folder.mkdir(parents=True)
    for f in xlsm_set.iterdir():
        target = folder / (name if f.name == "risiko.xlsm" else f.name)
        target.write_bytes(f.read_bytes())
    workbook = folder / name
    pressed = press(sys.executable, workbook, standin_site(tmp_path / "excel"), [REPO])
    assert pressed.returncode == 0, pressed.stderr
    assert [a["mode"] for a in pressed.alerts] == ["info"], pressed.stdout + pressed.stderr
    assert "Ferdig" in pressed.alerts[0]["prompt"]
    out = folder / "dokumenter" / "2026"
    assert str(out) in pressed.alerts[0]["prompt"]
    docs = sorted(out.rglob("*.docx"))
    assert {p.parent.name for p in docs} == {"oppdragsbrev", "tertialrapport",
                                             "utviklingsstrategi", "lederavtale"}
    assert list((out / "arkiv").glob("arkivmelding-*.xml"))
    log = openpyxl.load_workbook(workbook, keep_vba=True)[LOG_SHEET]
    assert log["B2"].value == "OK"
    assert f"Laget {len(docs)} dokumenter" in log["D2"].value
    assert not list(folder.glob("*.py"))  # no helper file was needed
