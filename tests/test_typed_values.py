"""Values typed as text the way Norwegian documents write them: amounts «kr 9 400 000,-»,
numbers with the column's unit («110 timer» in «Overtid (timer)», «48,5 årsverk» in
«Årsverk»), dates with the weekday or a short month («tirsdag 10. februar 2026», «10. feb.
2026», «10/2-2026»). Read from a real workbook (the demo, one cell changed) as the value
they mean; what is not one is still refused with the cell named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from generator.input.validate import load


def _set(path: Path, sheet: str, header: str, value: object) -> str:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    col = next(c.column_letter for c in ws[1] if c.value == header)
    ws[f"{col}2"].value = value
    wb.save(path)
    return f"{col}2"


@pytest.mark.parametrize(("typed", "amount"), [
    ("kr 9 400 000,-", 9_400_000), ("9 400 000,–", 9_400_000), ("Kr. 250 000,-", 250_000),
])
def test_an_amount_with_a_dash_for_no_ore_is_read(demo: Path, typed: str, amount: int) -> None:
    _set(demo / "tertial.xlsx", "Økonomi", "Prognose", typed)
    result = load([demo])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert result.data is not None and result.data.økonomi[0].prognose == amount


@pytest.mark.parametrize(("header", "typed", "field", "value"), [
    ("Overtid (timer)", "110 timer", "overtid", 110), ("Overtid (timer)", "110 t", "overtid", 110),
    ("Årsverk", "48,5 årsverk", "årsverk", 48.5),
])
def test_a_number_with_the_columns_own_unit_is_read(demo: Path, header: str, typed: str,
                                                   field: str, value: float) -> None:
    _set(demo / "tertial.xlsx", "Nøkkeltall", header, typed)
    result = load([demo])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert result.data is not None
    assert getattr(result.data.nøkkeltall[0], field) == value


def test_a_unit_that_is_not_the_columns_is_refused_naming_the_cell(demo: Path) -> None:
    coord = _set(demo / "tertial.xlsx", "Nøkkeltall", "Årsverk", "48,5 timer")
    errors = [str(p) for p in load([demo]).problems.errors]
    assert errors == [f"tertial.xlsx › Nøkkeltall › {coord}: årsverk må være et tall, fant "
                      "«48,5 timer»"]


@pytest.mark.parametrize("typed", [
    "tirsdag 15. januar 2026", "Torsdag, 15. januar 2026", "15. jan. 2026", "15. jan 2026",
    "15/1-2026", "15/1-26", "tor. 15. januar 2026",
])
def test_a_date_written_the_way_a_meeting_plan_writes_it_is_read(demo: Path,
                                                                   typed: str) -> None:
    _set(demo / "styring.xlsx", "Årshjul", "Dato", typed)
    result = load([demo])
    assert not result.problems.errors, [str(p) for p in result.problems.errors]
    assert result.data is not None and result.data.årshjul[0].dato == date(2026, 1, 15)


def test_a_date_without_its_year_is_refused_naming_the_cell(demo: Path) -> None:
    coord = _set(demo / "styring.xlsx", "Årshjul", "Dato", "15. januar")
    errors = [str(p) for p in load([demo]).problems.errors]
    assert len(errors) == 1 and errors[0].startswith(f"styring.xlsx › Årshjul › {coord}: ")
    assert "«15. januar»" in errors[0]
