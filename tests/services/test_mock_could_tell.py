"""An improvised answer where the bank had a story for the question is not a question "to
write a story for": the report names the story that could have been told instead."""

from __future__ import annotations

from test_mock_stored import begin

from coach.core.rehearsal import Result
from coach.core.schedule import Rating
from coach.services import mock, mock_record
from coach.services.matching import common_questions
from coach.services.workspace import Workspace
from coach.store import Store


def improvise(store: Store, workspace: Workspace, *ids: str) -> mock_record.MockReport:
    """A mock whose questions are `ids`, each improvised and rated weak."""
    questions = common_questions(workspace).questions
    drawn = [q for i in ids if (q := questions.get(i)) is not None]
    assert len(drawn) == len(ids)
    run = mock.Mock(store, drawn, 30, 1, 1000.0, kind="mixed")
    now = 1000.0
    for _ in ids:
        part = begin(run, None, workspace, now)
        now += 60
        run.record(part, 0, Result(60.0, rating=Rating.WEAK), now=now)
    assert run.mock_id is not None
    return mock_record.report(store, run.mock_id)


def test_improvising_where_a_story_fits_names_the_story_not_a_gap(
    samples: Store, workspace: Workspace
) -> None:
    stored = improvise(samples, workspace, "model-failed-in-production", "mentoring")
    failed, mentoring = stored.parts
    assert failed.could_tell == "Fraud model that broke three weeks after launch"
    assert mentoring.could_tell == ""
    assert stored.without_story == [mentoring.question]


def test_improvising_where_only_a_told_story_fits_asks_for_a_second_story(
    samples: Store, workspace: Workspace
) -> None:
    questions = common_questions(workspace).questions
    asked = [questions.get(i) for i in ("proud-project", "fraud-or-abuse")]
    assert None not in asked
    run = mock.Mock(
        store=samples, questions=asked, minutes=30, seed=1, started=1000.0, kind="mixed"
    )
    fraud = samples.conn.execute(
        "SELECT id FROM stories WHERE title LIKE 'Fraud model%'"
    ).fetchone()[0]
    told = begin(run, fraud, workspace, now=1000.0)
    run.record(told, 0, Result(100.0), now=1100.0)
    cut = begin(run, None, workspace, now=1100.0)
    run.record(cut, 0, Result(60.0, rating=Rating.WEAK), now=1160.0)
    assert run.mock_id is not None
    stored = mock_record.report(samples, run.mock_id)
    improvised = stored.parts[1]
    assert improvised.told_fit == "Fraud model that broke three weeks after launch"
    assert improvised.could_tell == ""
    assert stored.told_already == [improvised] and stored.without_story == []


def test_a_story_offered_as_a_good_match_is_named_as_the_mock_offered_it(
    samples: Store, workspace: Workspace
) -> None:
    """Matched with the common question's themes, as the picker offered it: on the words
    alone the fraud story is only a weak match for this question."""
    questions = common_questions(workspace).questions
    question = questions.get("imbalanced-classes")
    assert question is not None
    run = mock.Mock(samples, [question], 30, 1, 1000.0, kind="mixed")
    part = begin(run, None, workspace, now=1000.0)
    run.record(part, 0, Result(60.0, rating=Rating.WEAK), now=1060.0)
    assert run.mock_id is not None
    words_only = mock_record.report(samples, run.mock_id)
    assert words_only.parts[0].could_tell == ""
    as_offered = mock_record.report_of(run, "ended", 1060.0)
    assert as_offered.parts[0].could_tell == "Fraud model that broke three weeks after launch"
    assert as_offered.without_story == []
