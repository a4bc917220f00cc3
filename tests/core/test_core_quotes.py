"""The story's words quoted into a follow-up: the figure the question is about, cut as a
whole phrase that reads as English, or no quote at all (the question's plain wording)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from coach.core.figure_roles import figure_role
from coach.core.figures import find_figures
from coach.core.followups import choose_followups
from coach.core.phrases import figure_quote, vague_quote
from coach.core.question_data import Question
from coach.core.questions import QuestionSet, load_question_sets
from coach.core.templates import TemplateSet
from coach.paths import shipped_templates_dir

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

# -- which figure: the one the question asks about -------------------------------------------


@pytest.mark.parametrize(
    ("category", "text", "quote"),
    [
        # an impact question quotes the effect, not the test that measured it
        (
            "business_impact",
            "We ran a 2-week test on 50% of users and conversion rose 4%.",
            "conversion rose 4%",
        ),
        (
            "online_eval",
            "A three-week A/B test on 20% of traffic: messages to sellers per search up 6.2%, "
            "clicks per search up 4.1%.",
            "messages to sellers per search up 6.2%",
        ),
        (
            "online_eval",
            "A 6-week A/B test with 50,000 customers per arm, randomised by account; churn fell "
            "12% relative to control, p < 0.01.",
            "churn fell 12% relative to control",
        ),
        (
            "result",
            "We launched on time to 10% of routes; margin on long-haul orders stayed within 1% "
            "of the old prices.",
            "margin on long-haul orders stayed within 1% of the old prices",
        ),
        # an offline question quotes the model's score, not the baseline it beat
        (
            "offline_eval",
            "AUC 0.68 on a time-based split, trained on Mar-Aug and tested on September, versus "
            "0.61 for the baseline.",
            "AUC 0.68 on a time-based split",
        ),
        (
            "offline_eval",
            "Weighted MAPE over a 13-week backtest was 18.5%.",
            "Weighted MAPE over a 13-week backtest was 18.5%",
        ),
        # a retraining question quotes the threshold, never the latency
        (
            "drift",
            "It answers in 38 ms p99, and the model retrains if precision drops below 14%.",
            "the model retrains if precision drops below 14%",
        ),
        (
            "drift",
            "We monitor PSI on the top features and retrain when PSI passes 0.2.",
            "retrain when PSI passes 0.2",
        ),
        (
            "cost_latency",
            "It answers in 40 ms at p99 and retrains monthly.",
            "it answers in 40 ms at p99",
        ),
        (
            "business_impact",
            "It saves the ops team about 20 hours a week.",
            "it saves the ops team about 20 hours a week",
        ),
    ],
)
def test_the_quoted_figure_is_the_one_the_question_asks_about(
    category: str, text: str, quote: str
) -> None:
    assert figure_quote(text, category) == quote


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("drift", "It runs as a REST service with p99 latency of 40 ms, and we retrain monthly."),
        ("drift", "The model is exported to the search service and runs at 38 ms p99."),
        ("business_impact", "We ran the test for 6 weeks on 50% of users."),
        ("offline_eval", "We tracked F1 and PR-AUC on a held-out set in Python 3.11."),
    ],
)
def test_no_figure_of_the_kind_asked_about_means_no_quote(category: str, text: str) -> None:
    assert figure_quote(text, category) == ""


def test_figures_get_the_role_their_words_give_them() -> None:
    text = (
        "In a 12-week test on 50,000 customers, churn fell from 2.4% to 1.9% against 2.4% "
        "in control, p < 0.01, saving $1.8M; we retrain when PSI passes 0.2 and answer in 40 ms."
    )
    roles = {f.text: figure_role(text, f) for f in find_figures(text)}
    assert roles == {
        "12": "duration",
        "50,000": "size",
        "2.4%": "effect",
        "1.9%": "effect",
        "0.01": "significance",
        "$1.8M": "money",
        "0.2": "threshold",
        "40 ms": "latency",
    }
    exposed = "A two-week test on 20% of traffic."
    assert [figure_role(exposed, f) for f in find_figures(exposed)] == ["duration", "share"]


# -- where the quote is cut: whole phrases ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # never from the middle of a phrase ('weeks false blocks fell ...')
        (
            "Within two weeks false blocks fell to 0.6% of transactions, under the old rules' "
            "0.9%, and the model caught 23% more fraud by value.",
            "false blocks fell to 0.6% of transactions",
        ),
        # the subject whole ('called customers fell ...' said the customers fell)
        (
            "In a 12-week test, churn among called customers fell from 2.4% to 1.9% a month: "
            "about 4,100 contracts kept.",
            "churn among called customers fell from 2.4% to 1.9% a month",
        ),
        (
            "Searches that ended in a message to a seller rose 6.2% in the A/B test, which the "
            "business put at around 30,000 extra transactions a month.",
            "searches that ended in a message to a seller rose 6.2%",
        ),
        # never ending on a small word ('... from 21% to 24% against')
        (
            "Campaigns built on the segments lifted repeat purchases from 21% to 24% against a "
            "random-offer control group.",
            "repeat purchases from 21% to 24% against a random-offer control group",
        ),
        # the article kept where the phrase needs it
        (
            "The model reached 99% accuracy and we caught far more fraud than before.",
            "the model reached 99% accuracy",
        ),
        # not between a figure and the noun it describes ('showed a 3%')
        (
            "A 2-week A/B test with 40,000 users per arm showed a 3% lift in retention, p = 0.02.",
            "a 3% lift in retention",
        ),
        ("Accuracy: 94%.", "accuracy: 94%"),
    ],
)
def test_a_figure_is_quoted_as_a_whole_phrase(text: str, quote: str) -> None:
    assert figure_quote(text, "business_impact") == quote


@pytest.mark.parametrize(
    ("text", "words", "quote"),
    [
        (
            "The new pipeline is robust and helped the team ship faster.",
            ("robust",),
            "the new pipeline is robust",
        ),
        (
            "A popularity baseline was substantially worse.",
            ("substantially worse",),
            "a popularity baseline was substantially worse",
        ),
        (
            "The job became much faster and a lot more reliable.",
            ("much faster",),
            "the job became much faster",
        ),
        (
            "Waste went down significantly and the store managers were very happy.",
            ("very happy",),
            "the store managers were very happy",
        ),
        # 'I learned that' is the question's own frame; the cut keeps the whole lesson
        (
            "I learned that it is better to learn by doing things on real data.",
            ("better",),
            "it is better to learn by doing things on real data",
        ),
        ("Great.", ("great",), "great"),
    ],
)
def test_a_vague_claim_is_quoted_as_a_whole_phrase(
    text: str, words: tuple[str, ...], quote: str
) -> None:
    assert vague_quote(text, words) == quote


def test_a_quote_that_would_say_nothing_is_refused() -> None:
    # every cut around 'better' echoes itself ('I learned it is better to learn') or is
    # one word out of its sentence: no quote, the question's plain wording
    assert vague_quote("I learned it is better to learn by doing.", ("better",)) == ""
    # a figure alone in a long clause, with no phrase around it that fits
    long = (
        "Of all the many long and winding things we tried over the whole of that very long "
        "year the best one reached 7 in the end."
    )
    assert figure_quote(long, "business_impact") == ""


# -- in a rehearsal ---------------------------------------------------------------------------


@pytest.fixture
def question_sets(templates: TemplateSet) -> dict[str, QuestionSet]:
    return load_question_sets(shipped_templates_dir(), templates).by_name


def _only(qset: QuestionSet, *questions: Question) -> QuestionSet:
    return dataclasses.replace(qset, questions=questions)


def test_a_followup_quotes_the_figure_its_category_asks_about(
    question_sets: dict[str, QuestionSet], templates: TemplateSet
) -> None:
    threshold = Question(
        id="why-that-number",
        text='You wrote "{figure}". Why that number?',
        fallback="How did you choose when to retrain?",
        category="drift",
        probes=("production",),
        asked_by=("technical", "manager"),
        target_seconds=30,
        why="A threshold tells how the model is looked after.",
        serves=("filled",),
    )
    effect = dataclasses.replace(
        threshold,
        id="how-measured",
        text='You said "{figure}". How was that measured?',
        fallback="How was the impact measured?",
        category="business_impact",
        probes=("impact",),
    )
    facts = {
        "goal": "I built a churn model for the retention team.",
        "impact": "We ran a 6-week test on 50% of users and churn fell 12% against control.",
        "production": "It runs as a REST service with p99 latency of 40 ms.",
    }
    qset = _only(question_sets["project"], threshold, effect)
    picks = choose_followups(qset, templates.get("project"), facts, {}, now=NOW, limit=2)
    texts = {p.question.id: p.text for p in picks}
    assert texts == {
        "why-that-number": "How did you choose when to retrain?",
        "how-measured": 'You said "churn fell 12% against control". How was that measured?',
    }
