"""The common questions' loader and the matching of a question to stories, as pure logic."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.common_questions import KINDS, load_common_questions
from coach.core.errors import InputError
from coach.core.match_explain import explain
from coach.core.match_vocabulary import CONCEPTS, stem
from coach.core.matching import FIT, MatchIndex, StoryDoc, read_question
from coach.core.question_data import SIGNALS
from coach.paths import shipped_templates_dir

CHURN = StoryDoc(
    1,
    "churn",
    "Churn model for a telecom",
    tags=("churn",),
    competencies=("evaluation",),
    fields={"goal": "I ranked subscribers by their risk of leaving within 60 days."},
)
FRAUD = StoryDoc(
    2,
    "fraud",
    "Card fraud model",
    tags=("fraud",),
    competencies=("production",),
    fields={"situation": "Chargebacks were rising at a payments company."},
)
SPARK = StoryDoc(
    3,
    "spark",
    "Moving a nightly job to Spark",
    competencies=("learning",),
    fields={"task": "I had never used Spark and had two weeks to learn it."},
)
QUARREL = StoryDoc(
    4,
    "quarrel",
    "Hourly prices during a freeze",
    tags=("disagreement",),
    fields={"question": "Tell me about a disagreement with another team."},
)


def test_the_shipped_set_has_sixty_questions_of_both_kinds_with_known_themes() -> None:
    loaded = load_common_questions(shipped_templates_dir())
    questions = loaded.questions.questions
    assert len(questions) >= 60 and not loaded.problems
    assert {q.kind for q in questions} == set(KINDS)
    assert len({q.id for q in questions}) == len(questions)
    for question in questions:
        assert set(question.themes) <= set(CONCEPTS)
        assert set(question.signals) <= set(SIGNALS)


def _user_file(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "templates" / "common"
    folder.mkdir(parents=True)
    (folder / "questions.yaml").write_text(text)
    return tmp_path / "templates"


def test_a_good_user_file_replaces_the_shipped_one(tmp_path: Path) -> None:
    user = _user_file(
        tmp_path,
        "format: 1\ntitle: Mine\nquestions:\n"
        "  - {id: mine, kind: behavioral, text: A conflict?, themes: [conflict], "
        "signals: [collaboration]}\n",
    )
    loaded = load_common_questions(shipped_templates_dir(), [user])
    assert [q.id for q in loaded.questions.questions] == ["mine"]
    assert loaded.questions.origin == "user" and loaded.overridden is not None


@pytest.mark.parametrize(
    ("entry", "line", "said"),
    [
        ("{id: Bad Id, kind: project, text: x, themes: [churn], signals: [learning]}", 4, "id"),
        ("{id: a, kind: story, text: x, themes: [churn], signals: [learning]}", 4, "kind"),
        ("{id: a, kind: project, text: x, themes: [chess], signals: [learning]}", 4, "'chess'"),
        ("{id: a, kind: project, text: x, themes: [churn], signals: [luck]}", 4, "'luck'"),
        ("{id: a, kind: project, text: x, themes: [churn], signals: [learning], why: y}", 4, "why"),
    ],
)
def test_a_broken_user_file_is_named_with_its_line_and_the_shipped_set_kept(
    tmp_path: Path, entry: str, line: int, said: str
) -> None:
    user = _user_file(tmp_path, f"format: 1\ntitle: Mine\nquestions:\n  - {entry}\n")
    loaded = load_common_questions(shipped_templates_dir(), [user])
    assert loaded.questions.origin == "shipped"
    (problem,) = loaded.problems
    assert isinstance(problem, InputError)
    assert f"questions.yaml:{line}:" in str(problem) and said in str(problem)


def test_a_duplicate_id_is_refused(tmp_path: Path) -> None:
    one = "{id: a, kind: project, text: x, themes: [churn], signals: [learning]}"
    user = _user_file(tmp_path, f"title: t\nquestions:\n  - {one}\n  - {one}\n")
    (problem,) = load_common_questions(shipped_templates_dir(), [user]).problems
    assert "used twice" in str(problem) and ":4:" in str(problem)


def test_word_forms_share_a_stem() -> None:
    assert len({stem(w) for w in ("cancel", "cancelled", "cancelling", "cancellation")}) == 1
    assert stem("disagreement") == stem("disagreed") == stem("disagree")


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("predicted which customers would cancel", "churn"),
        ("catching fraudulent payments", "fraud"),
        ("get up to speed on an unfamiliar tool", "spark"),
        ("when did you push back on another group?", "quarrel"),
    ],
)
def test_a_paraphrase_finds_its_story(question: str, slug: str) -> None:
    ranked = MatchIndex([CHURN, FRAUD, SPARK, QUARREL]).rank(read_question(question), 4)
    assert ranked[0].slug == slug
    assert ranked[0].score >= FIT


def test_machine_learning_says_nothing_of_learning_fast() -> None:
    ml = StoryDoc(5, "ml", "A machine learning model", fields={"goal": "learning to rank"})
    assert MatchIndex([ml]).rank(read_question("learning a new tool"), 3) == []


def test_why_names_the_words_that_matched_and_the_competencies() -> None:
    query = read_question("predicted which customers would cancel", signals=["evaluation"])
    why = explain(query, CHURN)
    assert why[0] == "churn ~ cancel"
    assert "competency: evaluation" in why


def test_a_story_off_the_questions_topic_scores_less() -> None:
    query = read_question("Tell me about a forecast", themes=["forecast"], signals=["learning"])
    ranked = MatchIndex([SPARK]).rank(query, 1)
    assert ranked[0].score < FIT


def test_of_stories_with_the_same_score_the_one_about_the_question_comes_first() -> None:
    quarrel = StoryDoc(1, "quarrel", "Hourly prices during a freeze", tags=("disagreement",))
    pricing = StoryDoc(2, "pricing", "Setting room rates", tags=("pricing",))
    ranked = MatchIndex([quarrel, pricing]).rank(read_question("what to charge"), 2)
    assert ranked[0].score == ranked[1].score
    assert [r.slug for r in ranked] == ["pricing", "quarrel"]
