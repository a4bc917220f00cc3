"""What a new user's trial of `coach voice analyze` found in the heard figures and the pace:
a figure in two fields listed twice, a bare "14" taken for "14 days", and numbers counted
as one word however long they are to say."""

from __future__ import annotations

import pytest

from coach.core.heard import HeardWord
from coach.core.speech import measure
from coach.core.spoken_figures import figures_heard
from coach.core.spoken_numbers import spoken_length
from coach.core.stories import Story

STEP = 0.5


def heard(answer: str) -> list[HeardWord]:
    return [HeardWord(w, i * STEP, i * STEP + 0.4) for i, w in enumerate(answer.split())]


def story(**fields: str) -> Story:
    return Story(title="A story", template="project", fields=fields)


def test_a_figure_in_two_fields_is_listed_once_under_the_first() -> None:
    told = story(
        goal="Churn was 23% a month.",
        impact="Churn fell from 23% to 11% and saved $1.8M a year.",
        plain_pitch="We saved 1.8 million dollars a year.",
    )
    found = figures_heard(told, heard("churn fell from 23% to 11%"))
    assert [(f.field, f.text, f.said) for f in found] == [
        ("goal", "23%", True),
        ("impact", "11%", True),
        ("impact", "$1.8M", False),
    ]


def test_a_field_asked_for_lists_its_figures_even_when_another_field_has_them() -> None:
    told = story(goal="Churn was 23% a month.", impact="Churn fell from 23% to 11%.")
    found = figures_heard(told, heard("it fell from 23% to 11%"), "impact")
    assert [f.text for f in found] == ["23%", "11%"]


@pytest.mark.parametrize(
    ("answer", "at"),
    [
        ("the review took 14 and we shipped", None),
        ("we had 14 people on it.", None),
        ("about 14.", None),
        ("it took 14 days", 2),
        ("it took fourteen days", 2),
        ("between 10 and 14 days", 3),
        ("from 14 to 9 days", 1),
        ("it went from 9 days to 14, then held", 6),
        ("we cut it to 9 days. then 14 was the norm", None),
        ("it took 14 weeks", None),
    ],
)
def test_a_bare_number_says_a_figure_with_a_unit_only_when_the_unit_is_near(
    answer: str, at: int | None
) -> None:
    found = figures_heard(story(impact="Review took 14 days."), heard(answer))
    assert [(f.text, f.at_s) for f in found] == [("14 days", at * STEP if at is not None else None)]


def test_a_bare_number_with_a_fraction_or_a_magnitude_still_says_its_figure() -> None:
    told = story(impact="It saves $3.2M a year and training takes 9.5 hours.")
    found = figures_heard(told, heard("three point two million a year in nine point five"))
    assert [(f.text, f.said) for f in found] == [("$3.2M", True), ("9.5 hours", True)]


@pytest.mark.parametrize(
    ("word", "length"),
    [
        ("model", 1),
        ("twenty-three", 1),
        ("7", 1),
        ("14", 1),
        ("23%", 2),
        ("23%,", 2),
        ("100", 2),
        ("105", 3),
        ("1,200", 4),
        ("1200", 4),
        ("2,000", 2),
        ("4,500", 4),
        ("2,300,000", 5),
        ("9.5", 3),
        ("0.81", 4),
        (".81", 3),
        ("$3.2M", 5),
        ("$2.1M.", 5),
        ("40ms", 2),
        ("3x", 2),
        ("12-week", 2),
        ("BM25", 2),
        ("2023", 2),
        ("1999", 2),
        ("2005", 3),
        ("$", 1),
    ],
)
def test_a_number_is_as_many_words_as_it_takes_to_say(word: str, length: int) -> None:
    assert spoken_length(word) == length


def test_pace_counts_the_words_numbers_are_said_in() -> None:
    words = heard("we labelled 1,200 tickets in 14 days and churn fell to 23%")
    got = measure(words, duration_s=60.0, spans=[(0.0, 30.0)])
    assert got.words == 16  # one thousand two hundred; twenty-three percent
    assert got.wpm == 16.0


def test_speech_is_never_longer_than_the_recording() -> None:
    got = measure(heard("we shipped it"), duration_s=10.0, spans=[(0.0, 10.5)])
    assert got.speaking_s <= got.duration_s
    assert got.speaking_wpm >= got.wpm
