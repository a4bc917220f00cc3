"""Mock interviews: the draw of questions, the stories offered, each story's part stored as a
rehearsal of its story (an improvised answer is kept in the mock: test_mock_stored.py)."""

from __future__ import annotations

import pytest

from coach.core.errors import InputError
from coach.core.rehearsal import Result
from coach.core.schedule import Rating
from coach.services import mock
from coach.services.matching import common_questions
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals


def ident(store: Store, slug: str) -> int:
    row = store.find(slug)
    assert row is not None
    return row.id


def test_settings_refuse_other_lengths_and_kinds() -> None:
    with pytest.raises(InputError, match="minutes must be one of 30, 45, 60"):
        mock.Settings(minutes=20)
    with pytest.raises(InputError, match="kind must be one of project, behavioral, mixed"):
        mock.Settings(kind="technical")
    assert mock.Settings(seed=7).drawn_with() == 7


def test_the_draw_is_fixed_by_its_seed_and_mixed_takes_turns(workspace: Workspace) -> None:
    questions = common_questions(workspace).questions
    mixed = mock.draw(questions, "mixed", 3)
    assert mixed == mock.draw(questions, "mixed", 3)
    assert mixed != mock.draw(questions, "mixed", 4)
    assert [q.kind for q in mixed[:4]] == ["project", "behavioral", "project", "behavioral"]
    assert len(mixed) == len(questions.questions)
    assert {q.kind for q in mock.draw(questions, "behavioral", 3)} == {"behavioral"}


def test_offers_put_the_best_match_first_and_never_a_used_story(
    samples: Store, workspace: Workspace
) -> None:
    questions = common_questions(workspace).questions
    churn = questions.get("model-failed-in-production")
    assert churn is not None
    offers = mock.Offers(samples)
    first = offers(churn, set())
    stories = [o for o in first if o.story_id is not None]
    assert len(stories) == 6 and mock.IMPROVISE in first
    assert first[0].story_id is not None and first[0].level in ("good", "weak")
    assert first[0].score >= max(o.score for o in stories)
    again = offers(churn, {first[0].story_id})
    assert first[0].story_id not in {o.story_id for o in again}
    assert len(again) == len(first) - 1


def test_a_story_part_is_stored_as_a_rehearsal_and_an_improvised_one_is_not_one(
    samples: Store, workspace: Workspace
) -> None:
    questions = common_questions(workspace).questions
    asked = [questions.questions[0], questions.questions[40]]
    run = mock.Mock(samples, asked, minutes=30, seed=1, started=0.0)
    churn = ident(samples, "churn-leakage")
    part = run.begin_part(
        asked[0],
        churn,
        templates=workspace.templates,
        question_sets=workspace.question_sets,
        now=0.0,
    )
    assert [s.kind for s in part.steps] == ["section", "followup", "followup", "followup"]
    assert part.steps[0].prompt == asked[0].text and part.steps[0].target_seconds == 120
    run.record(part, 0, Result(130.0), now=130.0)
    run.record(part, 1, Result(50.0, rating=Rating.WEAK), now=180.0)
    run.close(part, "ended")
    with pytest.raises(InputError, match="told already"):
        run.begin_part(
            asked[1], churn, templates=workspace.templates,
            question_sets=workspace.question_sets, now=0.0,
        )  # fmt: skip
    late = run.begin_part(
        asked[1], None, templates=workspace.templates,
        question_sets=workspace.question_sets, now=25 * 60.0,
    )  # fmt: skip
    run.record(late, 0, Result(95.0), now=25 * 60.0 + 95)
    assert late.improvised and late.rehearsal_id is None
    assert run.without_story() == [asked[1]]

    (row,) = rehearsals.history(samples, churn)
    assert row.status == "ended" and run.rehearsal_ids == [row.id]
    answers = rehearsals.answers(samples, row.id)
    assert [(a.kind, a.key, a.seconds, a.rating) for a in answers] == [
        ("section", "pitch", 130.0, None),
        ("followup", part.steps[1].key, 50.0, Rating.WEAK),
    ]
    assert rehearsals.reviews(samples, churn)[part.steps[1].key].last_rating is Rating.WEAK


def test_two_follow_ups_when_less_than_ten_minutes_are_left(
    samples: Store, workspace: Workspace
) -> None:
    questions = common_questions(workspace).questions
    run = mock.Mock(samples, list(questions.questions[:1]), minutes=30, seed=1, started=0.0)
    part = run.begin_part(
        questions.questions[0],
        ident(samples, "fraud-model-drift"),
        templates=workspace.templates,
        question_sets=workspace.question_sets,
        now=21 * 60.0,
    )
    assert [s.kind for s in part.steps].count("followup") == 2
