"""A mock stored as a whole, part by part as it is answered: the report read back from the
database (improvised answers too), the unfinished one resumed where it stopped, or discarded."""

from __future__ import annotations

from pathlib import Path

from coach.core.common_questions import CommonQuestion
from coach.core.rehearsal import Result
from coach.core.schedule import Rating
from coach.services import mock, mock_record
from coach.services.matching import common_questions
from coach.services.workspace import Workspace
from coach.store import Store, open_store, rehearsals


def ident(store: Store, slug: str) -> int:
    row = store.find(slug)
    assert row is not None
    return row.id


def started(store: Store, workspace: Workspace, seed: int = 4) -> mock.Mock:
    """A 30-minute project mock begun at clock 1000."""
    questions = mock.draw(common_questions(workspace).questions, "project", seed)
    return mock.Mock(store, questions, 30, seed, 1000.0, kind="project")


def begin(run: mock.Mock, story_id: int | None, workspace: Workspace, now: float) -> mock.Part:
    question = run.next_question()
    assert question is not None
    return run.begin_part(
        question,
        story_id,
        templates=workspace.templates,
        question_sets=workspace.question_sets,
        now=now,
    )


def reopened(db_path: Path) -> Store:
    """Another connection to the same file, as the next start of the app has."""
    return open_store(db_path)


def test_nothing_is_stored_until_a_question_is_answered(
    samples: Store, workspace: Workspace
) -> None:
    run = started(samples, workspace)
    assert run.mock_id is None and mock_record.unfinished(samples) is None


def test_an_improvised_answer_is_stored_with_its_time_target_and_rating(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run = started(samples, workspace)
    churn = ident(samples, "churn-leakage")
    told = begin(run, churn, workspace, now=1000.0)
    run.record(told, 0, Result(130.0), now=1130.0)
    run.record(told, 1, Result(40.0, rating=Rating.STRONG), now=1170.0)
    run.close(told, "ended")
    improvised = begin(run, None, workspace, now=1200.0)
    assert [s.kind for s in improvised.steps] == ["followup"]  # rated, as a follow-up is
    run.record(improvised, 0, Result(95.0), now=1295.0)
    run.record(improvised, 0, Result(95.0, rating=Rating.WEAK, note="no example"), now=1300.0)
    assert run.mock_id is not None

    later = reopened(db_path)  # what a restart reads
    left = mock_record.unfinished(later)
    assert left is not None and left.mock.id == run.mock_id
    stored = mock_record.report(later, run.mock_id)  # the report matches improvised parts
    assert (stored.mock.minutes, stored.mock.kind, stored.mock.seed) == (30, "project", 4)
    assert stored.mock.elapsed_seconds == 300.0
    first, second = stored.parts
    assert (first.title, first.improvised, first.seconds, first.ratings) == (
        samples.story(churn).title,
        False,
        130.0,
        (Rating.STRONG,),
    )
    assert first.rehearsal_id is not None and stored.rehearsal_ids == [first.rehearsal_id]
    assert (second.improvised, second.target_seconds, second.seconds, second.ratings) == (
        True,
        120.0,
        95.0,
        (Rating.WEAK,),
    )
    # the bank had an untold story for it (and the churn story, told already): no gap
    assert second.could_tell == "Fraud model that broke three weeks after launch"
    assert second.told_fit == samples.story(churn).title
    assert stored.without_story == [] and stored.told_already == []
    # no story, so nothing of the improvised answer reaches a schedule or a rehearsal
    assert len(rehearsals.history(later, churn)) == 1
    later.close()


def test_the_report_of_a_finished_mock_is_what_was_stored(
    samples: Store, workspace: Workspace
) -> None:
    run = started(samples, workspace)
    part = begin(run, None, workspace, now=1000.0)
    run.record(part, 0, Result(70.0, rating=Rating.STRONG), now=1070.0)
    run.finish("ended", now=1100.0)
    assert run.mock_id is not None
    stored = mock_record.report(samples, run.mock_id)
    assert (stored.mock.status, stored.mock.elapsed_seconds) == ("ended", 100.0)
    assert stored.mock.ended_at is not None
    assert mock_record.unfinished(samples) is None


def test_a_resumed_mock_goes_on_with_its_questions_its_stories_used_and_its_time(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run = started(samples, workspace)
    churn = ident(samples, "churn-leakage")
    part = begin(run, churn, workspace, now=1000.0)
    run.record(part, 0, Result(130.0), now=1130.0)
    run.record(part, 1, Result(40.0, rating=Rating.STRONG), now=1170.0)
    run.close(part, "ended")  # the time for it ran out: the next question
    # the app is killed then; the rest of the draw was to come
    asked, rest = run.questions[:1], run.questions[1:]

    later = reopened(db_path)
    stored = mock_record.unfinished(later)
    assert stored is not None
    questions = common_questions(workspace).questions
    again = mock_record.resume(later, stored.mock.id, questions, now=50.0)
    assert [q.id for q in again.questions] == [q.id for q in [*asked, *rest]]
    assert again.next_question() == rest[0]
    assert again.used == {churn}
    assert again.left(50.0) == 30 * 60 - 170.0  # the time the app was closed does not count
    (row,) = rehearsals.history(later, churn)
    assert row.status == "ended"  # the story's part is over; its answers stay

    nxt = again.begin_part(
        rest[0], None, templates=workspace.templates,
        question_sets=workspace.question_sets, now=60.0,
    )  # fmt: skip
    again.record(nxt, 0, Result(80.0, rating=Rating.STRONG), now=140.0)
    done = mock_record.report(later, stored.mock.id)
    assert [p.question_id for p in done.parts] == [asked[0].id, rest[0].id]
    assert done.mock.elapsed_seconds == 30 * 60 - again.left(140.0)
    later.close()


def test_a_question_whose_answer_was_under_way_is_asked_again(
    samples: Store, workspace: Workspace
) -> None:
    run = started(samples, workspace)
    fraud = ident(samples, "fraud-model-drift")
    first = begin(run, None, workspace, now=1000.0)
    run.record(first, 0, Result(60.0, rating=Rating.WEAK), now=1060.0)
    begin(run, fraud, workspace, now=1070.0)  # picked, then killed before a word was stored
    assert run.mock_id is not None
    again = mock_record.resume(samples, run.mock_id, common_questions(workspace).questions, 0.0)
    assert len(again.parts) == 1 and again.next_question() == run.questions[1]
    assert fraud not in again.used
    assert [p.question_id for p in mock_record.report(samples, run.mock_id).parts] == [
        run.questions[0].id
    ]


def test_a_question_no_longer_in_the_set_is_resumed_as_it_was_asked(
    samples: Store, workspace: Workspace
) -> None:
    gone = CommonQuestion(
        "retired-question", "Tell me about a retired question.", "project", (), ()
    )
    run = mock.Mock(samples, [gone], 30, 4, 0.0, kind="project")
    part = run.begin_part(
        gone, None, templates=workspace.templates, question_sets=workspace.question_sets, now=0.0
    )
    run.record(part, 0, Result(30.0), now=30.0)
    assert run.mock_id is not None
    questions = common_questions(workspace).questions
    again = mock_record.resume(samples, run.mock_id, questions, 0.0)
    assert again.questions[0].text == gone.text
    assert len(again.questions) == 1 + len(mock.draw(questions, "project", 4))


def test_discarding_forgets_the_mock_and_keeps_the_stories_answers(
    samples: Store, workspace: Workspace
) -> None:
    run = started(samples, workspace)
    churn = ident(samples, "churn-leakage")
    part = begin(run, churn, workspace, now=1000.0)
    run.record(part, 0, Result(100.0), now=1100.0)
    assert run.mock_id is not None
    mock_record.discard(samples, run.mock_id)
    assert mock_record.unfinished(samples) is None
    (row,) = rehearsals.history(samples, churn)
    assert row.status == "ended" and len(rehearsals.answers(samples, row.id)) == 1
