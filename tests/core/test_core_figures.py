"""What counts as a figure, what sets one against something, and how long figures take to say."""

from __future__ import annotations

import pytest

from coach.core.checks import has_number
from coach.core.figures import find_figures, has_comparison, has_figure
from coach.core.sheets import figure_spans
from coach.core.text import speaking_seconds, spoken_word_count, word_count


@pytest.mark.parametrize(
    "text",
    [
        "Launched in Q3 2023",
        "Stored in S3, served with FastAPI",
        "F1 and PR-AUC on a held-out set",
        "We watch p99 latency",
        "A prompt for GPT-4",
        "We reported NDCG@10 every week",
        "L2 regularization on the 1st layer",
        "Ran on Python 3.11 with XGBoost 1.7",
        "Mar 2023 - Sep 2023",
        "the third attempt, the very first model",
        "the 1990s catalogue and a 3D view",
        "the meeting at 3 pm",
        "Step 2 of the plan",
        "since 2021",
        "a two-tower model in a three-way split",
    ],
)
def test_years_quarters_versions_and_names_are_not_figures(text: str) -> None:
    assert not has_figure(text), find_figures(text)
    assert not has_number(text)
    assert not any(is_figure for _, is_figure in figure_spans(text))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("cut costs by 12%", "12%"),
        ("worth roughly $1.8M a year", "$1.8M"),
        ("a budget of €200k", "€200k"),
        ("trains 3x faster", "3x"),
        ("a ×3 speed-up", "×3"),
        ("twice as likely to leave", "twice"),
        ("doubled the click rate", "doubled"),
        ("40 features", "40"),
        ("12 million rows", "12 million"),
        ("three teams", "three"),
        ("Eighteen months of history", "Eighteen"),
        ("a 6 weeks project", "6"),
        ("a 12-week test", "12"),
        ("scores within 200 ms", "200 ms"),
        ("about 40 GB", "40 GB"),
        ("F1 rose from 0.61 to 0.68", "0.61"),
        ("the score went from 61 to 68", "61"),
        ("NDCG@10 of 0.412", "0.412"),
        ("ROC-AUC 0.81", "0.81"),
        ("about a third fewer late orders", "a third"),
        ("one in five customers", "one in five"),
        ("2,000 customers", "2,000"),
        ("lags at 1, 7 and 364 days", "364"),
        ("Now I plan 2 weeks of slack", "2"),
        ("each test run 3 hours", "3"),
        ("a three-week A/B test", "three"),
    ],
)
def test_quantities_are_figures(text: str, figure: str) -> None:
    assert figure in [f.text for f in find_figures(text)]
    assert has_number(text)


def test_both_ends_of_from_to_are_figures() -> None:
    assert [f.text for f in find_figures("from 61 to 68")] == ["61", "68"]
    assert [f.text for f in find_figures("lags at 1, 7 and 364 days")] == ["1", "7", "364"]
    assert find_figures("from 2019 to 2023") == []


def test_sheet_spans_bold_the_figure_and_its_unit_only() -> None:
    spans = figure_spans("Churn fell from 2.4% to 1.9% in Q3 2023 with XGBoost 1.7, 45 ms at p99")
    assert [text for text, is_figure in spans if is_figure] == ["2.4%", "1.9%", "45 ms"]
    assert "".join(text for text, _ in spans).endswith("45 ms at p99")


@pytest.mark.parametrize(
    "text",
    [
        "Churn fell from 2.4% to 1.9%",
        "PR-AUC 0.61 against 0.42 for the rule",
        "0.468 vs 0.412 for BM25",
        "7.5% late deliveries in the test arm, 10.8% in control",
        "ROC-AUC 0.81 compared with 0.74 for the baseline",
        "Clicks rose 9%",
        "22% fewer refunds",
        "trains 3x faster",
        "up from 31% a year earlier",
    ],
)
def test_a_figure_set_against_something_is_a_comparison(text: str) -> None:
    assert has_comparison(text)


@pytest.mark.parametrize(
    "text",
    [
        "Weighted MAPE over a 13-week backtest was 18.5%",
        "ROC-AUC 0.81 on the held-out months",
        "The model reached 92% accuracy and serves 40 analysts",
    ],
)
def test_a_figure_alone_is_not_a_comparison(text: str) -> None:
    assert not has_comparison(text)


def test_figures_take_the_words_it_takes_to_say_them() -> None:
    assert word_count("$1.8M") == 1
    assert spoken_word_count("$1.8M") == 5  # one point eight million dollars
    assert spoken_word_count("0.468") == 5  # zero point four six eight
    assert spoken_word_count("12%") == 2  # twelve percent
    assert spoken_word_count("4,100 contracts") == 5  # four thousand one hundred contracts
    assert spoken_word_count("in 2023") == 3  # in twenty twenty-three
    assert spoken_word_count("p99 and GPT-4") == 3
    plain = " ".join(["word"] * 14)
    assert speaking_seconds(plain) == 6
    # Fourteen figures like "$1.8M" take five times as long as fourteen plain words.
    assert speaking_seconds(" ".join(["$1.8M"] * 14)) == 30


@pytest.mark.parametrize(
    "text",
    [
        "We launched on 3 March 2023 and sales improved.",
        "The rebuilt model went back out on 12 June.",
        "Phase 3 went live in the spring.",
        "Sprint 14 ended with a demo.",
        "In week 3 we changed the features.",
    ],
)
def test_dates_and_numbered_labels_are_not_figures(text: str) -> None:
    assert not has_figure(text)


def test_money_already_given_answers_the_money_question() -> None:
    from coach.core.storykinds import gives

    assert gives("money", "saving about $1.8M a year")
    assert gives("money", "costs fell from $4.1M to $2.3M")
    assert gives("money", "worth €400k to the business")
    assert not gives("money", "we sped up the nightly job")


@pytest.mark.parametrize(
    ("text", "compares"),
    [
        ("The set-up cost fell to 5%.", True),  # a word after a hyphen is a word
        ("Conversion 4.1% in the A/B test.", True),
        ("AUC 0.81 on the hold-out set.", True),
        ("It outperformed the rules: 0.81.", True),
        ("AUC 0.81 vs. the rules.", True),
        ("Churn went from 3% to 2%.", True),
        ("It paid 3up on 5% of days.", False),  # 'up' inside a word is no word
        ("Outcome: 0.81 AUC on 12,000 rows.", False),
        ("Le modèle: 81% de précision.", False),
    ],
)
def test_a_comparison_is_found_by_its_words_and_phrases(text: str, compares: bool) -> None:
    assert has_comparison(text) is compares
