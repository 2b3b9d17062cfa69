"""Typesetting rules that hold without looking at pages: numbers that never wrap, change in
per cent only of a positive base, the charts' font, the date the signer writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.font_manager import FontProperties, findfont

from generator import pipeline
from generator.demo.data import demo_data
from generator.documents import tertialrapport, utviklingsstrategi
from generator.norsk import ubrutt
from generator.rendering.charts.common import FONT_FAMILIES

from .docx_tools import text

NBSP, WJ = "\u00a0", "\u2060"


def test_numbers_and_ranges_never_wrap() -> None:
    assert ubrutt("5 000–10 000") == f"5{NBSP}000{WJ}–{WJ}10{NBSP}000"
    assert ubrutt("under 5 000") == f"under 5{NBSP}000"
    assert ubrutt("1 234 567 kr") == f"1{NBSP}234{NBSP}567 kr"
    assert ubrutt("2 av 12") == "2 av 12"  # not a digit group


def test_kompass_group_in_the_utviklingsstrategi_does_not_wrap() -> None:
    from dataclasses import replace

    from generator.model.domain import Størrelsesgruppe

    data = demo_data()
    data = replace(data, kommune=replace(data.kommune,
                                         størrelsesgruppe=Størrelsesgruppe.MELLOMSTORE))
    (planned,) = utviklingsstrategi.plan(data, None)
    assert planned.context["gruppe"] == f"5{NBSP}000{WJ}–{WJ}10{NBSP}000"


def test_change_in_per_cent_only_of_a_positive_base() -> None:
    (planned,) = tertialrapport.plan(demo_data(), None, 2)
    drift = planned.context["drift"]
    assert drift["sammenligning"]
    tax = next(r for r in drift["rader"] if r["navn"] == "Skatter og rammetilskudd")
    assert tax["i_fjor"] < 0 and tax["endring"] != 0 and tax["endring_prosent"] == ""
    # the net total is negative (income exceeds the service areas): no percentage either
    assert drift["sum_i_fjor"]["i_fjor"] < 0 and drift["sum_i_fjor"]["endring_prosent"] == ""
    positive = next(r for r in drift["rader"] if r["i_fjor"] and r["i_fjor"] > 0)
    assert re.fullmatch(r"−?\d+,\d\u00a0%", positive["endring_prosent"])


def test_charts_are_set_in_the_document_font() -> None:
    assert FONT_FAMILIES[0] == "Carlito", "Carlito mangler: kjør ./setup.sh"
    assert Path(findfont(FontProperties(family=FONT_FAMILIES))).name == "Carlito-Regular.ttf"


@pytest.fixture(scope="module")
def avtale(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("la")
    report = pipeline.build([pipeline.DEMO_DIR], out, kinds=["lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    return sorted((out / "2026" / "lederavtale").glob("*.docx"))[0]


def test_the_signer_writes_the_date(avtale: Path) -> None:
    body = text(avtale)
    line = next(ln for ln in body.splitlines() if ln.startswith("Sted og dato:"))
    assert line.startswith("Sted og dato: Fjellvik, ___")
    assert not re.search(r"\d{4}", line)  # no date printed before anyone has signed


def test_charts_follow_the_profile_font() -> None:
    from generator.rendering import palette
    from generator.rendering.charts.common import chart_fonts

    assert chart_fonts() == FONT_FAMILIES
    seen = palette.drawn_in(None, "Liberation Serif")(chart_fonts)()
    assert seen[0] == "Liberation Serif" and "Carlito" in seen
    # a font the machine lacks is left out: the chart falls back to Carlito, never asks for it
    assert palette.drawn_in(None, "Finnes Ikke Sans")(chart_fonts)() == FONT_FAMILIES
