"""A mock a window is giving is nobody else's to resume (its lock beside the database), and a
question a crash cut mid-way is asked again, with the time the mock had left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_mock_resume_cut import cut_during_second_followup
from test_mock_stored import begin, ident, reopened, started

from coach.core.rehearsal import Result
from coach.services import mock, mock_live, mock_record
from coach.services.matching import common_questions
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals


def given(store: Store, workspace: Workspace) -> mock.Mock:
    """A mock a window gives (as the mock screen does), its first story told 130 s."""
    run = started(store, workspace)
    run.window = True
    part = begin(run, ident(store, "churn-leakage"), workspace, now=1000.0)
    run.record(part, 0, Result(130.0), now=1130.0)
    return run


def lock_files(db_path: Path) -> list[str]:
    return sorted(p.name for p in db_path.parent.glob("*.live"))


def test_a_mock_being_given_is_offered_to_no_other_window(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run = given(samples, workspace)
    assert run.mock_id is not None
    other = reopened(db_path)  # another window's connection
    assert mock_record.unfinished(other) is None
    with pytest.raises(LookupError, match="another window is giving it"):
        mock_live.take(other, run.mock_id)
    run.let_go()  # the window closes (or dies: the lock goes with its process)
    stored = mock_record.unfinished(other)
    assert stored is not None and stored.mock.id == run.mock_id
    live = mock_live.take(other, run.mock_id)  # resumed by the other window: now it is its
    assert mock_record.unfinished(samples) is None
    live.release()
    other.close()


def test_an_older_unfinished_mock_is_offered_while_a_newer_one_is_given(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    left = given(samples, workspace)
    left.let_go()  # crashed earlier
    run = given(samples, workspace)
    stored = mock_record.unfinished(reopened(db_path))
    assert stored is not None and stored.mock.id == left.mock_id != run.mock_id
    run.let_go()


def test_the_lock_file_goes_with_the_mock(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run = given(samples, workspace)
    assert lock_files(db_path) == [f"{db_path.name}-mock-{run.mock_id}.live"]
    run.finish("ended", 1200.0)
    assert lock_files(db_path) == [] and run.live is None
    crashed = given(samples, workspace)
    assert crashed.mock_id is not None and crashed.live is not None
    os.close(crashed.live._fd or -1)  # as a kill leaves it: the file stays, nobody holds it
    crashed.live._fd = None
    assert lock_files(db_path) != []
    mock_record.discard(samples, crashed.mock_id)
    assert lock_files(db_path) == []


def test_a_question_cut_mid_way_is_asked_again_with_the_time_left_at_the_cut(
    samples: Store, workspace: Workspace, db_path: Path
) -> None:
    run, churn = cut_during_second_followup(samples, workspace)
    assert run.mock_id is not None

    later = reopened(db_path)
    assert mock_live.cut(later, run.mock_id) == 1
    questions = common_questions(workspace).questions
    again = mock_record.resume(later, run.mock_id, questions, now=50.0)
    assert len(again.parts) == 1 and again.next_question() == run.questions[1]
    assert again.cut is not None and again.cut.position == 1
    assert churn not in again.used  # not told in this mock: it may be told again
    assert again.left(50.0) == 30 * 60 - 265.0
    (row,) = rehearsals.history(later, churn)
    assert row.status == "unfinished"  # the question's, until it is answered again
    assert [a.seconds for a in rehearsals.answers(later, row.id)] == [130.0, 40.0]
    later.close()


def test_an_improvised_answer_given_but_not_rated_is_not_cut(
    samples: Store, workspace: Workspace
) -> None:
    run = started(samples, workspace)
    part = begin(run, None, workspace, now=1000.0)
    run.record(part, 0, Result(70.0), now=1070.0)  # killed while rating it
    assert run.mock_id is not None
    assert mock_live.cut(samples, run.mock_id) is None
    again = mock_record.resume(samples, run.mock_id, common_questions(workspace).questions, 0.0)
    assert again.cut is None and len(again.parts) == 1
    assert len(mock_record.report(samples, run.mock_id).parts) == 1
