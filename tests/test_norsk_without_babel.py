"""Numbers and dates in bokmål and nynorsk without loading Babel (issue 30, «small changes
are fast»): :mod:`generator.norsk` writes exactly what Babel writes for the patterns the
product uses («#,##0» with decimals, «d. MMMM y», «d. MMMM», «MMMM»), and any other locale
still goes to Babel."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal

from generator import norsk
from generator.paths import ROOT


def babel_tall(value: float | int, desimaler: int, locale: str) -> str:
    """:func:`generator.norsk.tall` as it was written with Babel."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-desimaler), rounding=ROUND_HALF_UP)
    if exact == 0:
        exact = abs(exact)
    pattern = "#,##0" + ("." + "0" * desimaler if desimaler else "")
    return format_decimal(exact, format=pattern, locale=locale).replace("-", "−")


def _values() -> list[float | int]:
    rnd = random.Random(20261206)
    values: list[float | int] = [0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.5, -0.5, 1, -1, 999,
                                 1000, -1000, 9999.995, 123456789012345, -98765432.1, 1e15]
    values += list(range(-20000, 20001, 97))
    values += [rnd.uniform(-1e9, 1e9) for _ in range(400)]
    values += [round(rnd.uniform(-5000, 5000), rnd.randint(0, 4)) for _ in range(400)]
    values += [rnd.randint(-10**12, 10**12) for _ in range(200)]
    return values


@pytest.mark.parametrize("locale", ["nb_NO", "nn_NO"])
def test_numbers_are_babels(locale: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(norsk, "LOCALE", locale)
    for desimaler in range(4):
        for value in _values():
            assert norsk.tall(value, desimaler) == babel_tall(value, desimaler, locale), (
                value, desimaler)


@pytest.mark.parametrize("locale", ["nb_NO", "nn_NO"])
def test_dates_and_months_are_babels(locale: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(norsk, "LOCALE", locale)
    day = date(1999, 12, 25)
    while day < date(2031, 2, 1):
        assert norsk.dato(day) == format_date(day, "d. MMMM y", locale=locale)
        assert norsk.måned(day) == format_date(day, "MMMM", locale=locale)
        assert f"{day.day}. {norsk.måned(day, locale)}" == format_date(day, "d. MMMM",
                                                                        locale=locale)
        day += timedelta(days=3)
    moment = datetime(2026, 11, 23, 23, 59)
    assert norsk.dato(moment) == format_date(moment, "d. MMMM y", locale=locale)
    assert norsk.dato(date(7, 1, 2)) == format_date(date(7, 1, 2), "d. MMMM y", locale=locale)


def test_another_locale_goes_to_babel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(norsk, "LOCALE", "se_NO")
    day = date(2026, 11, 3)
    assert norsk.dato(day) == format_date(day, "d. MMMM y", locale="se_NO") == \
        "3. skábmamánnu 2026"
    assert norsk.måned(day) == "skábmamánnu"
    assert norsk.tall(-1234567.5, 1) == babel_tall(-1234567.5, 1, "se_NO")
    assert norsk.måned(None, "nb_NO") == format_date(None, "MMMM", locale="nb_NO")  # today


def test_a_bokmal_build_loads_no_babel_formatter() -> None:
    code = ("import sys\nfrom datetime import date\nfrom generator import norsk\n"
            "print(norsk.tall(-1234567.5, 1), norsk.dato(date(2026, 11, 23)))\n"
            "print(sorted(m for m in sys.modules if m == 'babel' or m.startswith('babel.')))\n")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       check=True)
    shown, loaded = p.stdout.splitlines()
    assert shown == "−1\u00a0234\u00a0567,5 23. november 2026"
    assert loaded == "[]"
