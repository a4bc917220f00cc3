"""An unfinished mock counts the questions something was said to: a story picked and the
app closed before a word was kept is no answer (resuming asks that question again)."""

from __future__ import annotations

from coach.core.rehearsal import Result
from coach.services import mock, mock_record
from coach.services.matching import common_questions
from coach.services.workspace import Workspace
from coach.store import Store
from coach.tui.screens.mock_resume import unfinished_line


def test_a_story_picked_with_nothing_said_is_no_answer(
    samples: Store, workspace: Workspace
) -> None:
    questions = list(common_questions(workspace).questions.questions[:3])
    run = mock.Mock(samples, questions, 30, 1, 1000.0, kind="mixed")
    ids = [r[0] for r in samples.conn.execute("SELECT id FROM stories ORDER BY id LIMIT 2")]
    sets = {"templates": workspace.templates, "question_sets": workspace.question_sets}
    told = run.begin_part(run.next_question(), ids[0], now=1000.0, **sets)  # type: ignore[arg-type]
    run.record(told, 0, Result(100.0), now=1100.0)
    run.close(told, "ended")
    run.begin_part(run.next_question(), ids[1], now=1100.0, **sets)  # type: ignore[arg-type]
    assert run.mock_id is not None
    stored = mock_record.report(samples, run.mock_id)
    assert len(stored.parts) == 2 and stored.answered == 1
    assert "1 question answered" in unfinished_line(stored)
