"""The progress summary tables and the triggers that keep them (migration m005).

The progress screen reads these instead of grouping 100,000 answers:

- `progress_rehearsals`: one row per rehearsal with an answer (a rehearsal counts once it
  has one): its story, when it started, its answers and ratings, its first and last
  answer's time. Rewritten from the rehearsal's own answers whenever one of them, or the
  rehearsal, changes, so it cannot drift.
- `progress_categories`, per story and follow-up category, and `progress_category_totals`,
  per category over every story: the follow-ups answered (not skipped), rated, the sum
  of their ratings and how many ran past their target time. Kept by adding and taking
  away each answer's share: integer counts and sums, so they stay exact.

Neither the time zone nor a story's template or archiving is kept here: those are applied
when reading (coach/store/progress.py), so moving zones or archiving a story rewrites
nothing. Answers are written over with ON CONFLICT DO UPDATE: the rows INSERT OR REPLACE
deletes fire no trigger (unless recursive triggers are on), so the summary would drift.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_SUMS = """
    answers INTEGER NOT NULL,
    rated INTEGER NOT NULL,
    rating_sum INTEGER NOT NULL,
    over INTEGER NOT NULL"""

TABLES = (
    """CREATE TABLE progress_rehearsals (
    rehearsal_id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    answers INTEGER NOT NULL,
    rated INTEGER NOT NULL,
    rating_sum INTEGER NOT NULL,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL
    )""",
    "CREATE INDEX progress_rehearsals_recent ON progress_rehearsals (started_at, rehearsal_id)",
    "CREATE INDEX progress_rehearsals_story ON progress_rehearsals (story_id, started_at)",
    f"""CREATE TABLE progress_categories (
    story_id INTEGER NOT NULL,
    category TEXT NOT NULL,{_SUMS},
    PRIMARY KEY (story_id, category)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE progress_category_totals (
    category TEXT PRIMARY KEY,{_SUMS}
    ) WITHOUT ROWID""",
)


def _rehearsal(rehearsal_id: str) -> str:
    """Statements that rewrite one rehearsal's summary row from its answers."""
    return (
        f"DELETE FROM progress_rehearsals WHERE rehearsal_id = {rehearsal_id};\n"
        "INSERT INTO progress_rehearsals SELECT r.id, r.story_id, r.started_at, count(*), "
        "count(a.rating), ifnull(sum(a.rating), 0), min(a.answered_at), max(a.answered_at) "
        "FROM rehearsals r JOIN answers a ON a.rehearsal_id = r.id "
        f"WHERE r.id = {rehearsal_id} GROUP BY r.id;\n"
    )


_COUNTED = "{0}.kind = 'followup' AND {0}.skipped = 0 AND {0}.category != ''"
"""A follow-up answered (not skipped) in a category: what the category tables count."""


def _share(row: str, sign: str) -> str:
    """Add (sign '+') or take away ('-') one answer's share of its category, for its
    story and over every story; a row left with no answers goes."""
    sums = (
        f"{sign}1, {sign}({row}.rating IS NOT NULL), {sign}ifnull({row}.rating, 0), "
        f"{sign}ifnull({row}.seconds > {row}.target_seconds, 0)"
    )
    add = (
        "DO UPDATE SET answers = answers + excluded.answers, rated = rated + excluded.rated, "
        "rating_sum = rating_sum + excluded.rating_sum, over = over + excluded.over;\n"
    )
    change = (
        f"INSERT INTO progress_categories VALUES ({row}.story_id, {row}.category, {sums}) "
        f"ON CONFLICT (story_id, category) {add}"
        f"INSERT INTO progress_category_totals VALUES ({row}.category, {sums}) "
        f"ON CONFLICT (category) {add}"
    )
    if sign == "+":
        return change
    return change + (
        "DELETE FROM progress_categories "
        f"WHERE story_id = {row}.story_id AND category = {row}.category AND answers = 0;\n"
        f"DELETE FROM progress_category_totals WHERE category = {row}.category AND answers = 0;\n"
    )


def _trigger(name: str, event: str, body: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {event} BEGIN\n{body}END"


TRIGGERS = (
    _trigger("progress_answer_added", "INSERT ON answers", _rehearsal("NEW.rehearsal_id")),
    _trigger(
        "progress_answer_changed",
        "UPDATE ON answers",
        _rehearsal("OLD.rehearsal_id") + _rehearsal("NEW.rehearsal_id"),
    ),
    _trigger("progress_answer_removed", "DELETE ON answers", _rehearsal("OLD.rehearsal_id")),
    _trigger(
        "progress_rehearsal_changed",
        "UPDATE OF id, story_id, started_at ON rehearsals",
        _rehearsal("OLD.id") + _rehearsal("NEW.id"),
    ),
    _trigger(
        "progress_rehearsal_removed",
        "DELETE ON rehearsals",
        "DELETE FROM progress_rehearsals WHERE rehearsal_id = OLD.id;\n",
    ),
    _trigger(
        "progress_category_added",
        f"INSERT ON answers WHEN {_COUNTED.format('NEW')}",
        _share("NEW", "+"),
    ),
    _trigger(
        "progress_category_left",
        f"UPDATE ON answers WHEN {_COUNTED.format('OLD')}",
        _share("OLD", "-"),
    ),
    _trigger(
        "progress_category_entered",
        f"UPDATE ON answers WHEN {_COUNTED.format('NEW')}",
        _share("NEW", "+"),
    ),
    _trigger(
        "progress_category_removed",
        f"DELETE ON answers WHEN {_COUNTED.format('OLD')}",
        _share("OLD", "-"),
    ),
)

BACKFILL = (
    "INSERT INTO progress_rehearsals SELECT r.id, r.story_id, r.started_at, count(*), "
    "count(a.rating), ifnull(sum(a.rating), 0), min(a.answered_at), max(a.answered_at) "
    "FROM rehearsals r JOIN answers a ON a.rehearsal_id = r.id GROUP BY r.id",
    "INSERT INTO progress_categories SELECT a.story_id, a.category, count(*), count(a.rating), "
    "ifnull(sum(a.rating), 0), ifnull(sum(a.seconds > a.target_seconds), 0) "
    f"FROM answers a WHERE {_COUNTED.format('a')} GROUP BY a.story_id, a.category",
    "INSERT INTO progress_category_totals SELECT category, sum(answers), sum(rated), "
    "sum(rating_sum), sum(over) FROM progress_categories GROUP BY category",
)


def create_progress_summary(db: Database) -> None:
    """Create the summary tables, fill them from the answers already there, and add the
    triggers that keep them exact from then on, statement by statement: `executescript`
    would commit the migration's transaction half-way."""
    for statement in (*TABLES, *BACKFILL, *TRIGGERS):
        db.execute(statement)
