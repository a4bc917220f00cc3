"""Numbers as speech recognition writes them, read into values, units and the words they
begin at."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.spoken_numbers import Quantity, read, spoken_value


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("sixty-two", 62),
        ("sixty two", 62),
        ("62", 62),
        ("1,200", 1200),
        ("twelve hundred", 1200),
        ("12 hundred", 1200),
        ("one thousand two hundred", 1200),
        ("a thousand two hundred", 1200),
        ("one hundred and five", 105),
        ("a hundred", 100),
        ("a hundred and twenty", 120),
        ("two and a half", 2.5),
        ("two and a half million", 2_500_000),
        ("half a million", 500_000),
        ("nine point five", 9.5),
        ("zero point eight one", 0.81),
        ("point six", 0.6),
        ("point oh five", 0.05),
        ("three point two million", 3_200_000),
        ("3.2 million", 3_200_000),
        ("$3.2M", 3_200_000),
        ("50k", 50_000),
        ("five hundred thousand", 500_000),
        ("a dozen", 12),
        ("eleven.", 11),
        ("twice", 2),
        (".5", 0.5),
        ("9 and a half", 9.5),
        ("one-point-eight million", 1_800_000),
        ("$310K", 310_000),
    ],
)
def test_a_number_said_any_way_has_its_value(said: str, value: float) -> None:
    assert spoken_value(said) == pytest.approx(value)


@pytest.mark.parametrize("said", ["", "the model", "a team", "half the users", "point taken"])
def test_words_that_are_no_number_have_no_value(said: str) -> None:
    assert spoken_value(said) is None


@pytest.mark.parametrize(
    ("said", "unit"),
    [
        ("62%,", "percent"),
        ("sixty-two percent", "percent"),
        ("62 per cent", "percent"),
        ("two percentage points", "points"),
        ("$1.8M", "usd"),
        ("1.8 million dollars", "usd"),
        ("3x", "multiple"),
        ("three times", "multiple"),
        ("forty milliseconds", "ms"),
        ("40ms", "ms"),
        ("9.5 hours", "h"),
        ("a two-week", "week"),
        ("40 GB", "gb"),
        ("2 teams", ""),
    ],
)
def test_the_unit_after_a_number_is_read(said: str, unit: str) -> None:
    quantities = [s.item for s in read(said.split()) if isinstance(s.item, Quantity)]
    assert [q.unit for q in quantities] == [unit]


def test_punctuation_ends_a_number() -> None:
    said = read(["twenty,", "three", "percent"])
    assert [s.item for s in said] == [
        Quantity(20, "", ""),
        Quantity(3, "percent", ""),
    ]


def test_a_number_knows_the_words_it_spans_and_what_it_counts() -> None:
    said = read("it went from twenty-three to 11 percent, about 4,100 contracts".split())
    quantities = [(s.item, s.first, s.last) for s in said if isinstance(s.item, Quantity)]
    assert quantities == [
        (Quantity(23, "", ""), 3, 3),
        (Quantity(11, "percent", ""), 5, 6),
        (Quantity(4100, "", "contracts"), 8, 8),
    ]


def test_two_numbers_side_by_side_stay_two() -> None:
    values = [s.item.value for s in read("nineteen ninety".split()) if isinstance(s.item, Quantity)]
    assert values == [19, 90]


@given(st.lists(st.text(max_size=12), max_size=30))
@settings(max_examples=300, deadline=None)
def test_any_words_are_read_in_order_without_error(words: list[str]) -> None:
    said = read(words)
    spans = [(s.first, s.last) for s in said]
    assert all(0 <= first <= last < len(words) for first, last in spans)
    assert spans == sorted(spans)
