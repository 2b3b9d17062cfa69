"""The input rules pinned at their boundaries: risk scales and thresholds, look-ups on the
data set, and converting a cell kind by kind (unit level, no build).

Fast on purpose: benchmarks/mutation.py runs them once per mutant. Expected values are
written out here, not computed by the code under test. (Split from the former
tests/test_rules_new.py by concern.)
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time

import pytest

from generator.demo.data import demo_data
from generator.input.convert import (
    TIMESPAN_EXAMPLE,
    ConversionError,
    convert,
    date_in_number,
    shown,
    timespan,
)
from generator.input.reader import FORMULA_WITHOUT_VALUE, Cell
from generator.model.column import Col, Column, Kind, resolve
from generator.model.domain import (
    Leder,
    Nivå,
    Risikoskala,
    Status,
    Størrelsesgruppe,
    _plassering_help,
    plassering_key,
)

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


# --- look-ups on the data set ---------------------------------------------------------------


@pytest.mark.parametrize(("typed", "key"), [
    ("Etter økonomi", "etter økonomi"),
    ("  ETTER   økonomi ", "etter økonomi"),
    ("etter-økonomi", "etter økonomi"),
    ("etter_økonomi", "etter økonomi"),
    ("etter - _ økonomi", "etter økonomi"),
])
def test_a_placement_as_typed_matches_its_key(typed: str, key: str) -> None:
    assert plassering_key(typed) == key


def test_the_placement_help_lists_every_key_per_document() -> None:
    text = _plassering_help()
    assert text.startswith("oppdragsbrev: «først», «etter sammendrag», «etter forord», ")
    assert " lederavtale: «først», «etter struktur», «etter ansvar», «etter lederstøtte», " \
           "«etter oppfølging». tertialrapport: «først»," in text
    assert text.endswith("«etter delstrategier», «etter oppfølging».")


def test_units_leaders_and_bidrag_are_found_ignoring_case() -> None:
    ho = DATA.enhet("ho")
    assert ho is not None and ho.kode == "HO"
    assert DATA.enhet(None) is None and DATA.enhet("") is None and DATA.enhet("XX") is None
    l02 = DATA.leder("l02")
    assert l02 is not None and l02.id == "L02"
    assert DATA.leder(None) is None and DATA.leder("") is None
    assert [b.oppdrag_nr for b in DATA.bidrag_for(l02)] == [1, 5, 6, 8]
    lower = dataclasses.replace(DATA, bidrag=[dataclasses.replace(b, leder_id=b.leder_id.lower())
                                              for b in DATA.bidrag])
    assert [b.oppdrag_nr for b in lower.bidrag_for(l02)] == [1, 5, 6, 8]
    nobody = Leder("L99", "Ingen", "Ingen", "HO")
    assert DATA.bidrag_for(nobody) == []
    assert DATA.oppdrag_for(l02) == DATA.ansvar.oppdrag_for(l02) != []


# --- converting a cell, kind by kind ---------------------------------------------------------


def _col(annotation, kind: Kind | None = None, **limits) -> Column:
    return resolve("felt", annotation, Col("Felt", "hjelp", kind=kind, **limits), True)


def _conv(column: Column, value, percent: bool = False, error: bool = False):
    return convert(column, Cell(value, "B2", percent, error))


def _refused(column: Column, value, percent: bool = False) -> str:
    with pytest.raises(ConversionError) as e:
        _conv(column, value, percent)
    return str(e.value)


TEXT, LINES = _col(str), _col(list[str])
CODES, ANSVAR = _col(list[str], Kind.CODES), _col(list[str], Kind.ANSVAR)
INT = _col(int, minimum=1, maximum=5)
INT_MIN, INT_FREE = _col(int, minimum=1), _col(int)
DECIMAL = _col(float, minimum=0, maximum=100)
MONEY, PERCENT = _col(float, Kind.MONEY), _col(float, Kind.PERCENT)
DATE, TIME = _col(date), _col(time)
SPAN, LEVEL = _col(str, Kind.TIMESPAN), _col(int, Kind.LEVEL, minimum=1, maximum=5)
BOOL, CHOICE, SIZE = _col(bool), _col(Status), _col(Størrelsesgruppe)


@pytest.mark.parametrize(("value", "text"), [
    (datetime(2026, 11, 23), "23.11.2026"),           # midnight: shown as the date
    (datetime(2026, 11, 23, 0, 0, 1), "2026-11-23 00:00:01"),
    (datetime(2026, 11, 23, 0, 1), "2026-11-23 00:01:00"),
    (datetime(2026, 11, 23, 1), "2026-11-23 01:00:00"),
    (date(2026, 3, 4), "04.03.2026"),
    (time(9, 5), "09.05"),
    ("x" * 40, "x" * 40),
    ("x" * 41, "x" * 37 + "…"),
])
def test_a_value_is_quoted_as_excel_shows_it(value, text: str) -> None:
    assert shown(value) == text


def test_formula_without_value_and_excel_errors_are_refused() -> None:
    with pytest.raises(ConversionError) as e:
        _conv(TEXT, FORMULA_WITHOUT_VALUE)
    assert str(e.value) == ("cellen har en formel uten lagret verdi (filen er lagret av et "
                            "program som ikke regner ut formler). Åpne filen i Excel eller "
                            "LibreOffice og lagre den på nytt.")
    with pytest.raises(ConversionError) as e:
        _conv(TEXT, "#REF!", error=True)
    assert str(e.value) == "cellen inneholder Excel-feilen #REF!; rett formelen."
    assert _conv(TEXT, "#REF!") == "#REF!"  # typed as text: kept


@pytest.mark.parametrize(("column", "value", "expected"), [
    (TEXT, "  tekst  ", "tekst"),
    (TEXT, 3.0, "3"),
    (TEXT, 3.5, "3.5"),
    (TEXT, datetime(2026, 1, 2, 10, 30), "02.01.2026"),
    (TEXT, date(2026, 1, 2), "02.01.2026"),
    (LINES, "• en\n- to\n\n  * tre\n–  fire\n-fem\n", ["en", "to", "tre", "fire", "-fem"]),
    (LINES, "▪ a\n· b\n◦ c\n‣ d", ["a", "b", "c", "d"]),
    (CODES, " HO, OPPV;KD\nHR,, ", ["HO", "OPPV", "KD", "HR"]),
    (ANSVAR, "  Kommunalsjef   HO \n\n L05, HR ", ["Kommunalsjef HO", "L05, HR"]),
    (INT, "3", 3), (INT, 5.0, 5), (INT, 1, 1), (INT, " 2 ", 2),
    (INT_FREE, "-7", -7), (INT_FREE, "1 000", 1000),
    (DECIMAL, "12,5", 12.5), (DECIMAL, "12.5", 12.5), (DECIMAL, 0, 0.0), (DECIMAL, 100, 100.0),
    (MONEY, "1 234 567 kr", 1234567.0), (MONEY, "1\u00a0234,50 kr.", 1234.5),
    (MONEY, "1\u202f234", 1234.0), (MONEY, "1.234.567,89", 1234567.89), (MONEY, "−500", -500.0),
    (MONEY, "-1.000", -1000.0), (MONEY, -2.5, -2.5),
    (PERCENT, "4,3 %", 4.3), (PERCENT, "4,3 prosent", 4.3), (PERCENT, 4.3, 4.3),
    (DATE, "23.11.2026", date(2026, 11, 23)), (DATE, "1.2.2026", date(2026, 2, 1)),
    (DATE, "2026-11-23", date(2026, 11, 23)), (DATE, datetime(2026, 11, 23, 8), date(2026, 11, 23)),
    (DATE, 2, date(1900, 1, 1)), (DATE, 46349, date(2026, 11, 23)),
    (DATE, 2958465, date(9999, 12, 31)), (DATE, 46349.75, date(2026, 11, 23)),
    (TIME, time(9, 5), time(9, 5)), (TIME, datetime(2026, 1, 1, 9, 5), time(9, 5)),
    (TIME, " 9.05 ", time(9, 5)), (TIME, "0:00", time(0, 0)),
    (LEVEL, "H", Nivå(3, "H")), (LEVEL, "høy.", Nivå(3, "høy.")), (LEVEL, " m ", Nivå(2, "m")),
    (LEVEL, "Lav", Nivå(1, "Lav")), (LEVEL, "4", Nivå(4)), (LEVEL, 2, Nivå(2)),
    (BOOL, True, True), (BOOL, False, False), (BOOL, "Ja", True), (BOOL, " NEI ", False),
    (BOOL, "x", True), (BOOL, 1, True), (BOOL, 0, False), (BOOL, 1.0, True), (BOOL, "sann", True),
    (BOOL, "usann", False), (BOOL, "j", True), (BOOL, "n", False),
    (CHOICE, "Grønn", Status.GRØNN), (CHOICE, "  RØD ", Status.RØD),
    (SIZE, "5 000-10 000", Størrelsesgruppe.MELLOMSTORE),
    (SIZE, "under  5 000", Størrelsesgruppe.SMÅ),
])
def test_each_kind_converts_what_advisers_type(column: Column, value, expected) -> None:
    result = _conv(column, value)
    assert result == expected and type(result) is type(expected)
    if isinstance(expected, Nivå):
        assert result.typed == expected.typed


def test_a_percent_cell_formatted_as_percent_is_scaled_once() -> None:
    assert _conv(PERCENT, 0.043, percent=True) == pytest.approx(4.3)
    assert _conv(PERCENT, "4,3", percent=True) == 4.3  # typed as text: as written
    assert _conv(DECIMAL, 0.5, percent=True) == 0.5    # only percent columns


@pytest.mark.parametrize(("column", "value", "message"), [
    (INT, 6, "må være et heltall fra 1 til 5, fant «6»"),
    (INT, 0, "må være et heltall fra 1 til 5, fant «0»"),
    (INT, 2.5, "må være et heltall fra 1 til 5, fant «2.5»"),
    (INT, "to", "må være et heltall fra 1 til 5, fant «to»"),
    (INT_MIN, 0, "må være et heltall på minst 1, fant «0»"),
    (INT_FREE, "x", "må være et heltall, fant «x»"),
    (DECIMAL, 100.5, "må være et tall fra 0 til 100, fant «100,5»"),
    (DECIMAL, -0.1, "må være et tall fra 0 til 100, fant «-0,1»"),
    (DECIMAL, True, "må være et tall, fant «SANN»"),
    (MONEY, "12,5,5", "må være et tall, fant «12,5,5»"),
    (MONEY, "1.23.456", "må være et tall, fant «1.23.456»"),
    (MONEY, float("inf"), "må være et endelig tall, fant «inf»"),
    (MONEY, float("nan"), "må være et endelig tall, fant «nan»"),
    (MONEY, [1], "må være et tall, fant «[1]»"),
    (DATE, "31.02.2026", "«31.02.2026» er ikke en gyldig dato"),
    (DATE, "2026-13-01", "«2026-13-01» er ikke en gyldig dato"),
    (DATE, "23/11/2026", "må være en dato (dd.mm.åååå), fant «23/11/2026»"),
    (DATE, 2958466, "må være en dato (dd.mm.åååå), fant «2958466»"),
    (DATE, 0, "må være en dato (dd.mm.åååå), fant «0»"),
    (DATE, True, "må være en dato (dd.mm.åååå), fant «SANN»"),
    (DATE, 1, "datoen 31.12.1899 er før 1. januar 1900, som Excel ikke kan lagre"),
    (DATE, time(0, 0), "må være en dato etter 1. januar 1900 (dd.mm.åååå), fant et "
                       "klokkeslett eller dato-verdien 0"),
    (TIME, "9.5", "må være et klokkeslett (tt.mm), fant «9.5»"),
    (TIME, "23.60", "må være et klokkeslett (tt.mm), fant «23.60»"),
    (TIME, "24.00", "må være et klokkeslett (tt.mm), fant «24.00»"),
    (LEVEL, "svært høy", "må være et heltall fra 1 til 5 eller L, M eller H (skalaen velges i "
                         "Innstillinger), fant «svært høy»"),
    (LEVEL, "6", "må være et heltall fra 1 til 5, fant «6»"),
    (BOOL, "kanskje", "må være «ja» eller «nei», fant «kanskje»"),
    (BOOL, 2, "må være «ja» eller «nei», fant «2»"),
    (CHOICE, "blå", "må være en av «grønn», «gul», «rød», fant «blå»"),
])
def test_each_kind_refuses_with_a_message_naming_what_was_found(column: Column, value,
                                                                 message: str) -> None:
    assert _refused(column, value) == message


def test_a_number_cell_that_excel_made_a_date_says_what_was_meant() -> None:
    message = _refused(MONEY, datetime(2026, 5, 1))
    assert message == ("må være et tall, men cellen er en dato: Excel viser «01.05.2026» "
                       "(1. mai). Mente du 1,5? Formater cellen som tall (eller skriv 1,5 med "
                       "komma) og skriv verdien på nytt.")
    assert _refused(INT, date(2026, 5, 1)).startswith(
        "må være et heltall fra 1 til 5, men cellen er en dato: Excel viser «01.05.2026»")
    assert date_in_number(3.5) is None and date_in_number("1.5") is None


@pytest.mark.parametrize(("value", "expected"), [
    ("12-15.45", "kl. 12.00–15.45"),
    ("12.00–15.45", "kl. 12.00–15.45"),
    ("kl. 12–15.45", "kl. 12.00–15.45"),
    ("09:00-11:30", "kl. 09.00–11.30"),
    ("9 til 11", "kl. 09.00–11.00"),
    ("KL 9 — kl. 11", "kl. 09.00–11.00"),
    ("9", "kl. 09.00"),
    ("23.59", "kl. 23.59"),
    ("0-23.59", "kl. 00.00–23.59"),
    (time(9, 5), "kl. 09.05"),
    (0.5, "kl. 12.00"),
    (0.0, "kl. 00.00"),
    (0.999, "kl. 23.59"),
    (datetime(1899, 12, 30, 9, 30), "kl. 09.30"),   # Excel's time cell
    (datetime(1900, 1, 1, 9, 30), "kl. 09.30"),     # serial 1: still a time
])
def test_time_spans_are_written_one_way(value, expected: str) -> None:
    assert timespan(value) == expected


@pytest.mark.parametrize("value", ["15-12", "12-12", "24", "9.60", "25-26", "kl.", "morgen",
                                   "12.5-13"])
def test_impossible_time_spans_are_refused_with_an_example(value: str) -> None:
    with pytest.raises(ConversionError) as e:
        timespan(value)
    assert str(e.value) == (f"må være et klokkeslett eller tidsrom ({TIMESPAN_EXAMPLE}), fant "
                            f"«{value}»")


def test_a_time_span_excel_made_a_date_is_refused_with_the_date() -> None:
    with pytest.raises(ConversionError) as e:
        timespan(datetime(2026, 3, 12))
    assert str(e.value) == ("må være et klokkeslett eller tidsrom, men Excel har gjort det du "
                            "skrev om til datoen «12.03.2026». Skriv tiden på nytt som tekst "
                            f"({TIMESPAN_EXAMPLE}).")
    assert TIMESPAN_EXAMPLE == "f.eks. «12-15.45», «09.00–15.00» eller «kl. 9–11»"


def test_conversion_edges_of_units_time_cells_and_plain_choices() -> None:
    assert _conv(MONEY, "12 KR") == 12.0 and _conv(PERCENT, "4 PROSENT.") == 4.0
    assert timespan(1.0) == "kl. 01.00"      # a whole number is an hour, not a time cell
    with pytest.raises(ConversionError):
        timespan(1.5)                        # neither a time cell nor a time
    plain = Column("felt", Col("Felt", "hjelp"), Kind.CHOICE, False, ("Fra-til", "Annet"))
    assert _conv(plain, "fra–til") == "Fra-til" and _conv(plain, " fra-til ") == "Fra-til"
    assert type(_conv(plain, "annet")) is str
