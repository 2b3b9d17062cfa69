"""The rules the newer issues added, pinned at their boundaries (unit level, no build).

Risk scales and thresholds, the HA/DA resolver, who owns a file in the output folder and
the archive code lists. These are fast on purpose: benchmarks/mutation.py runs them once per
mutant. Expected values are written out here, not computed by the code under test.
"""

from __future__ import annotations

import dataclasses

import pytest

from generator.demo.data import demo_data
from generator.model.domain import Nivå, Risikoskala, Status

DATA = demo_data()


# --- risk scales and thresholds --------------------------------------------------------------


@pytest.mark.parametrize(("scale", "levels", "letters", "thresholds"), [
    (Risikoskala.FEM, 5, False, (5, 15)),
    (Risikoskala.FIRE, 4, False, (4, 9)),
    (Risikoskala.TRE, 3, False, (3, 6)),
    (Risikoskala.LMH, 3, True, (3, 6)),
])
def test_each_scale_has_its_steps_and_default_thresholds(
        scale: Risikoskala, levels: int, letters: bool, thresholds: tuple[int, int]) -> None:
    assert scale.levels == levels
    assert scale.letters is letters
    assert scale.default_thresholds == thresholds


def test_scale_labels() -> None:
    assert [Risikoskala.LMH.label(i) for i in (1, 2, 3)] == ["L", "M", "H"]
    assert [Risikoskala.FEM.label(i) for i in (1, 3, 5)] == ["1", "3", "5"]
    assert Risikoskala.FIRE.label(4) == "4"


def _settings(scale: Risikoskala, gul: int | None = None, rød: int | None = None):
    return dataclasses.replace(DATA.innstillinger, risikoskala=scale, risiko_gul_fra=gul,
                               risiko_rød_fra=rød)


@pytest.mark.parametrize(("scale", "gul", "rød", "expected"), [
    (Risikoskala.FEM, None, None, (5, 15)),
    (Risikoskala.FIRE, None, None, (4, 9)),
    (Risikoskala.LMH, None, None, (3, 6)),
    (Risikoskala.FEM, 7, None, (7, 15)),   # an empty cell takes the scale's default ...
    (Risikoskala.FEM, None, 12, (5, 12)),  # ... each on its own
    (Risikoskala.FIRE, 2, 3, (2, 3)),
    (Risikoskala.FEM, 1, 1, (1, 1)),
])
def test_thresholds_as_given_or_the_scales_defaults(
        scale: Risikoskala, gul: int | None, rød: int | None, expected: tuple[int, int]) -> None:
    assert _settings(scale, gul, rød).risikoterskler == expected


@pytest.mark.parametrize(("scale", "s", "k", "expected"), [
    (Risikoskala.FIRE, 1, 3, Status.GRØNN),  # RF 3 < 4
    (Risikoskala.FIRE, 2, 2, Status.GUL),    # RF 4: yellow from 4
    (Risikoskala.FIRE, 2, 4, Status.GUL),    # RF 8 < 9
    (Risikoskala.FIRE, 3, 3, Status.RØD),    # RF 9: red from 9
    (Risikoskala.LMH, 1, 2, Status.GRØNN),   # L × M = 2
    (Risikoskala.LMH, 1, 3, Status.GUL),     # L × H = 3
    (Risikoskala.LMH, 2, 2, Status.GUL),     # M × M = 4
    (Risikoskala.LMH, 2, 3, Status.RØD),     # M × H = 6
    (Risikoskala.TRE, 3, 3, Status.RØD),
])
def test_colour_on_each_scale_with_default_thresholds(
        scale: Risikoskala, s: int, k: int, expected: Status) -> None:
    data = dataclasses.replace(DATA, innstillinger=_settings(scale))
    risk = dataclasses.replace(DATA.risikoer[0], sannsynlighet=Nivå(s), konsekvens=Nivå(k))
    assert data.risikostatus(risk) is expected


def test_a_level_is_its_number_and_remembers_what_was_typed() -> None:
    h = Nivå(3, "H")
    assert h == 3 and h * Nivå(2) == 6
    assert h.typed == "H" and h.is_letter
    plain = Nivå(4)
    assert plain.typed == "4" and not plain.is_letter
    assert not Nivå(2, " 2 ").is_letter
    assert Nivå(1, "lav").is_letter
