"""How the progress figures are read: the same figures as the plain queries, read with less.

The plain GROUP BY queries below are the definitions the store's faster ones must match,
over a history with archived stories and stories of several templates.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import replace

import pytest
from progress_history import NOW

from coach.core.clock import stamp
from coach.core.coverage import coverage, grouped_coverage
from coach.services.progress import progress, stories_page
from coach.services.workspace import Workspace
from coach.store import Store
from coach.store import progress as queries

pytestmark = pytest.mark.usefixtures("utc")

PLAIN_CATEGORIES = (
    "SELECT s.template, a.category, count(*), count(a.rating), avg(a.rating), "
    "sum(a.seconds > a.target_seconds) FROM answers a JOIN stories s ON s.id = a.story_id "
    "WHERE a.kind = 'followup' AND a.skipped = 0 AND a.category != '' AND s.archived = 0 "
    "GROUP BY s.template, a.category ORDER BY 1, 2"
)


def plain_competencies(store: Store) -> list[tuple[str, list[str]]]:
    return [
        (r[0], json.loads(r[1]))
        for r in store.conn.execute(
            "SELECT slug, competencies FROM stories WHERE archived = 0 "
            "ORDER BY title COLLATE NOCASE, id"
        )
    ]


def assert_as_plain(store: Store) -> None:
    found = [
        (c.template, c.category, c.answers, c.rated, c.mean_rating, c.over)
        for c in queries.categories(store)
    ]
    plain = [
        (r[0], r[1], r[2], r[3], r[4], int(r[5] or 0)) for r in store.conn.execute(PLAIN_CATEGORIES)
    ]
    assert found == plain
    due_now = store.conn.execute(
        "SELECT count(*) FROM reviews v JOIN stories s ON s.id = v.story_id "
        "WHERE s.archived = 0 AND v.due <= ?",
        [stamp(NOW)],
    ).fetchone()[0]
    assert queries.count_due(store, NOW) == due_now
    due = store.conn.execute(
        "SELECT v.story_id, v.question_id FROM reviews v JOIN stories s ON s.id = v.story_id "
        "WHERE s.archived = 0 ORDER BY v.due, s.title, v.question_id LIMIT 4"
    ).fetchall()
    assert [(d.story_id, d.question_id) for d in queries.due(store, 4)] == due
    assert grouped_coverage(queries.competencies(store)) == coverage(plain_competencies(store))


def test_the_figures_are_the_plain_queries_figures(samples: Store, history: dict) -> None:
    assert_as_plain(samples)
    samples.set_archived(history["fraud-model-drift"], True)
    assert_as_plain(samples)
    # a third template, and the first now has fewer stories than another
    samples.conn.execute(
        "UPDATE stories SET template = 'case' WHERE slug = 'produce-demand-forecast'"
    )
    samples.conn.execute("UPDATE stories SET template = 'star' WHERE template = 'project'")
    samples.set_archived(history["fraud-model-drift"], False)
    assert_as_plain(samples)
    samples.set_archived(history["churn-leakage"], True)
    assert_as_plain(samples)
    # one competency in several spellings, named by stories far apart in title order
    spellings = ["Evaluation ", "evaluation", "EVALUATION", "model-selection", "model selection"]
    slugs = [r[0] for r in samples.conn.execute("SELECT slug FROM stories ORDER BY title DESC")]
    for slug, spelling in zip(slugs, spellings * 3, strict=False):
        samples.conn.execute(
            "UPDATE stories SET competencies = json_array(?, 'evaluation', 'Mentoring') "
            "WHERE slug = ?",
            [spelling, slug],
        )
    assert_as_plain(samples)
    assert len(coverage(plain_competencies(samples)).by_signal["evaluation"]) > 1
    assert {c.template for c in queries.categories(samples)} == {"case", "star"}


def test_what_comes_back_is_read_only_as_far_as_it_is_listed(samples: Store, history: dict) -> None:
    """The soonest follow-ups come from the due index, not from sorting every review."""
    far = stamp(NOW + dt.timedelta(days=400))
    with samples.write():
        samples.conn.executemany(
            "INSERT INTO reviews VALUES (?, ?, 1, 1, 2.5, ?, 2, ?)",
            [(history["churn-leakage"], f"q{n}", far, stamp(NOW)) for n in range(3000)],
        )
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 100
        return 0

    samples.conn.set_progress_handler(count, 100)
    try:
        listed = queries.due(samples, 3)
    finally:
        samples.conn.set_progress_handler(None, 100)
    assert [d.question_id for d in listed] == ["disagreement", "stakes", "other-options"]
    assert steps < 1000


def test_the_first_view_is_the_report(samples: Store, history: dict, workspace: Workspace) -> None:
    """The screen's reading in threads gives what `coach stats` reads in one."""
    from coach.services.progress_view import FirstView

    reading = FirstView(workspace.reader, NOW, 4, 4)
    assert reading.practised
    report, first = reading.result(workspace.templates, workspace.question_sets)
    plain = progress(samples, workspace.templates, workspace.question_sets, NOW, with_stories=False)
    assert report == plain
    assert first == stories_page(samples, workspace.templates, NOW, 0, 4)
    assert reading.rest(workspace.templates) == []


def test_the_first_view_checks_the_first_stories_then_the_rest(
    samples: Store, history: dict, workspace: Workspace
) -> None:
    """The stories the table shows unscrolled are checked first; the rest of the first
    page say they are being checked until `rest` gives them whole."""
    from coach.services.progress import CHECKING
    from coach.services.progress_view import FirstView

    reading = FirstView(workspace.reader, NOW, 5, 2)
    _, first = reading.result(workspace.templates, workspace.question_sets)
    whole = stories_page(samples, workspace.templates, NOW, 0, 5)
    assert first[:2] == whole[:2]
    assert [(x.readiness.label, x.readiness.reason) for x in first[2:]] == [CHECKING] * 3
    assert [replace(x, readiness=whole[i + 2].readiness) for i, x in enumerate(first[2:])] == (
        whole[2:]
    )
    assert reading.rest(workspace.templates) == whole[2:]


def test_reading_the_figures_leaves_the_checks_unloaded() -> None:
    """The screen starts reading before it imports the checks (a slow import), so that
    SQLite reads while Python imports."""
    code = "import sys, coach.services.progress; print('coach.core.checks' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
