"""A question a crash cut mid-way is asked again on resume, and stays one rehearsal: told
again with its story, that story's cut rehearsal goes on (each answer given again replaces
the one at its place); answered otherwise, or not at all, what was said before the crash
stays where the user can see it. The resume offer matches nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_mock_stored import begin, ident, reopened, started

from coach.core.rehearsal import Result
from coach.core.schedule import Rating
from coach.services import matching, mock, mock_live, mock_record
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals


def cut_during_second_followup(store: Store, workspace: Workspace) -> tuple[mock.Mock, int]:
    """Question 1 improvised; question 2 told with the churn story (130 s, its first
    follow-up 40 s, strong), then the app dies 25 s into the second follow-up."""
    run = started(store, workspace)
    first = begin(run, None, workspace, now=1000.0)
    run.record(first, 0, Result(60.0, rating=Rating.WEAK), now=1060.0)
    churn = ident(store, "churn-leakage")
    part = begin(run, churn, workspace, now=1070.0)
    run.record(part, 0, Result(130.0), now=1200.0)
    run.record(part, 1, Result(40.0, rating=Rating.STRONG), now=1240.0)
    run.keep_time(1265.0)
    return run, churn


def resumed(db_path: Path, workspace: Workspace, mock_id: int) -> tuple[Store, mock.Mock]:
    """The mock resumed in a new process's store, 50 s on its clock."""
    later = reopened(db_path)
    questions = matching.common_questions(workspace).questions
    return later, mock_record.resume(later, mock_id, questions, now=50.0)


def cut_and_resumed(
    store: Store, workspace: Workspace, db_path: Path
) -> tuple[mock.Mock, int, Store, mock.Mock]:
    """The mock cut as above, the churn story's id, and the mock resumed."""
    run, churn = cut_during_second_followup(store, workspace)
    assert run.mock_id is not None
    return run, churn, *resumed(db_path, workspace, run.mock_id)


def test_the_cut_question_told_again_with_its_story_is_one_rehearsal(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run, churn, later, again = cut_and_resumed(samples, workspace, db_path)
    assert again.cut is not None and again.cut.position == 1
    assert len(again.parts) == 1 and again.next_question() == run.questions[1]
    assert churn not in again.used  # it may be told again for the question
    assert again.left(50.0) == 30 * 60 - 265.0

    part = begin(again, churn, workspace, now=60.0)
    for position in range(len(part.steps)):
        rating = None if position == 0 else Rating.VERY_STRONG
        again.record(part, position, Result(50.0, rating=rating), now=60.0 + position)
    again.close(part, "ended")
    again.finish("ended", now=400.0)

    (row,) = rehearsals.history(later, churn)  # one rehearsal for one question
    assert row.status == "finished"
    answers = rehearsals.answers(later, row.id)
    assert [a.seconds for a in answers] == [50.0] * len(part.steps)
    stored = mock_record.report(later, run.mock_id)
    told = stored.parts[1]
    assert told.rehearsal_id == row.id and told.seconds == 50.0
    assert told.ratings == (Rating.VERY_STRONG,) * (len(part.steps) - 1)
    assert stored.rehearsal_ids == [row.id]
    later.close()


def test_the_cut_question_answered_with_another_story_keeps_the_first_telling(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run, churn, later, again = cut_and_resumed(samples, workspace, db_path)
    fraud = ident(later, "fraud-model-drift")
    part = begin(again, fraud, workspace, now=60.0)
    again.record(part, 0, Result(100.0), now=160.0)
    assert again.cut is None

    (row,) = rehearsals.history(later, churn)  # what was said stays in its story's history
    assert row.status == "ended"
    assert [a.seconds for a in rehearsals.answers(later, row.id)] == [130.0, 40.0]
    stored = mock_record.report(later, run.mock_id)
    assert [p.title for p in stored.parts][1] == later.story(fraud).title
    later.close()


def test_a_mock_ended_at_the_cut_question_reports_what_was_said(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run, churn, later, again = cut_and_resumed(samples, workspace, db_path)
    assert again.cut is not None and len(again.parts) == 1  # asked again, not told yet
    again.finish("ended", now=70.0)  # ended while the question waited for its story

    (row,) = rehearsals.history(later, churn)
    assert row.status == "ended"
    stored = mock_record.report(later, run.mock_id)
    assert len(stored.parts) == 2
    told = stored.parts[1]
    assert (told.title, told.seconds, told.ratings) == (
        later.story(churn).title,
        130.0,
        (Rating.STRONG,),
    )
    later.close()


def test_a_second_crash_before_the_story_is_told_again_keeps_the_cut(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run, churn, later, again = cut_and_resumed(samples, workspace, db_path)
    begin(again, churn, workspace, now=60.0)  # picked again, then the app dies once more
    assert run.mock_id is not None and mock_live.cut(later, run.mock_id) == 1

    last, third = resumed(db_path, workspace, run.mock_id)
    assert third.cut is not None and third.cut.position == 1 and len(third.parts) == 1
    (row,) = rehearsals.history(last, churn)
    assert row.status == "unfinished"  # still the question's, until it is answered again
    assert [a.seconds for a in rehearsals.answers(last, row.id)] == [130.0, 40.0]
    later.close()
    last.close()


def test_the_resume_offer_matches_no_story(
    samples: Store, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = started(samples, workspace)
    part = begin(run, None, workspace, now=1000.0)
    run.record(part, 0, Result(70.0, rating=Rating.WEAK), now=1070.0)

    def no_index(*args: object, **kwargs: object) -> None:
        raise AssertionError("the bank indexed to offer a resume")

    monkeypatch.setattr(matching.Matcher, "__init__", no_index)
    stored = mock_record.unfinished(samples)  # the start-up offer: counts, times, no titles
    assert stored is not None and stored.answered == 1
    assert stored.parts[0].could_tell == stored.parts[0].told_fit == ""
