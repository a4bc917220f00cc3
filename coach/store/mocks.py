"""Mock interviews and their parts, in the order the questions were asked."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from coach.core.clock import parse_stamp, stamp, utc_now
from coach.core.schedule import Rating
from coach.store import mock_live
from coach.store.store import Store

STATUSES = ("unfinished", "finished", "ended")
"""'unfinished' until its report; 'finished' when the time ran out or every question was
asked; 'ended' when the user stopped early."""


@dataclass(frozen=True)
class MockRow:
    id: int
    minutes: int
    kind: str
    seed: int
    started_at: dt.datetime
    ended_at: dt.datetime | None
    status: str
    elapsed_seconds: float
    """The mock's clock at its last write."""


@dataclass(frozen=True)
class PartRow:
    mock_id: int
    position: int
    question_id: str
    question: str
    story_id: int | None
    """None for an improvised answer, or once the story is deleted."""
    title: str
    """The story's title when it was told ('' for an improvised answer)."""
    improvised: bool
    rehearsal_id: int | None
    """The rehearsal holding a story's answers, from its first answer on."""
    target_seconds: float | None
    seconds: float | None
    rating: Rating | None
    skipped: bool
    note: str


_MOCK = "id, minutes, kind, seed, started_at, ended_at, status, elapsed_seconds"
_PART = (
    "mock_id, position, question_id, question, story_id, title, improvised, rehearsal_id, "
    "target_seconds, seconds, rating, skipped, note"
)


def _mock(r: tuple[object, ...]) -> MockRow:
    return MockRow(
        id=int(r[0]),  # type: ignore[call-overload]
        minutes=int(r[1]),  # type: ignore[call-overload]
        kind=str(r[2]),
        seed=int(r[3]),  # type: ignore[call-overload]
        started_at=parse_stamp(str(r[4])),
        ended_at=None if r[5] is None else parse_stamp(str(r[5])),
        status=str(r[6]),
        elapsed_seconds=float(r[7]),  # type: ignore[arg-type]
    )


def _optional_float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _part(r: tuple[object, ...]) -> PartRow:
    return PartRow(
        mock_id=int(r[0]),  # type: ignore[call-overload]
        position=int(r[1]),  # type: ignore[call-overload]
        question_id=str(r[2]),
        question=str(r[3]),
        story_id=None if r[4] is None else int(r[4]),  # type: ignore[call-overload]
        title=str(r[5]),
        improvised=bool(r[6]),
        rehearsal_id=None if r[7] is None else int(r[7]),  # type: ignore[call-overload]
        target_seconds=_optional_float(r[8]),
        seconds=_optional_float(r[9]),
        rating=None if r[10] is None else Rating(int(r[10])),  # type: ignore[call-overload]
        skipped=bool(r[11]),
        note=str(r[12]),
    )


def start(
    store: Store, minutes: int, kind: str, seed: int, *, when: dt.datetime | None = None
) -> int:
    """A new mock, unfinished until its report."""
    with store.write() as conn:
        cur = conn.execute(
            "INSERT INTO mocks (minutes, kind, seed, started_at) VALUES (?, ?, ?, ?)",
            [minutes, kind, seed, stamp(when or utc_now())],
        )
        return int(cur.lastrowid or 0)


def add_part(
    store: Store,
    mock_id: int,
    position: int,
    *,
    question_id: str,
    question: str,
    story_id: int | None,
    title: str,
    elapsed: float,
    rehearsal_id: int | None = None,
    when: dt.datetime | None = None,
) -> None:
    """The question at `position` is being answered: with this story, or improvised (None);
    `rehearsal_id` when the story's answers go on in a rehearsal begun before."""
    with store.write() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO mock_parts (mock_id, position, question_id, question, "
            "story_id, title, improvised, rehearsal_id, asked_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                mock_id,
                position,
                question_id,
                question,
                story_id,
                title,
                int(story_id is None),
                rehearsal_id,
                stamp(when or utc_now()),
            ],
        )
        _set_elapsed(conn, mock_id, elapsed)


def set_rehearsal(store: Store, mock_id: int, position: int, rehearsal_id: int) -> None:
    with store.write() as conn:
        conn.execute(
            "UPDATE mock_parts SET rehearsal_id = ? WHERE mock_id = ? AND position = ?",
            [rehearsal_id, mock_id, position],
        )


def record_improvised(
    store: Store,
    mock_id: int,
    position: int,
    *,
    target_seconds: float,
    seconds: float,
    rating: Rating | None,
    skipped: bool,
    note: str,
    elapsed: float,
) -> None:
    """An improvised answer as given (again when it is rated or noted)."""
    with store.write() as conn:
        conn.execute(
            "UPDATE mock_parts SET target_seconds = ?, seconds = ?, rating = ?, skipped = ?, "
            "note = ? WHERE mock_id = ? AND position = ?",
            [
                target_seconds,
                seconds,
                None if rating is None else int(rating),
                int(skipped),
                note,
                mock_id,
                position,
            ],
        )
        _set_elapsed(conn, mock_id, elapsed)


def set_elapsed(store: Store, mock_id: int, elapsed: float) -> None:
    """The mock's clock now: what a resumed mock goes on from."""
    with store.write() as conn:
        _set_elapsed(conn, mock_id, elapsed)


def _set_elapsed(conn: sqlite3.Connection, mock_id: int, elapsed: float) -> None:
    conn.execute("UPDATE mocks SET elapsed_seconds = ? WHERE id = ?", [round(elapsed, 3), mock_id])


def close(
    store: Store, mock_id: int, status: str, elapsed: float, when: dt.datetime | None = None
) -> None:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    with store.write() as conn:
        conn.execute(
            "UPDATE mocks SET status = ?, ended_at = ?, elapsed_seconds = ? WHERE id = ?",
            [status, stamp(when or utc_now()), round(elapsed, 3), mock_id],
        )


def drop_part(store: Store, mock_id: int, position: int) -> None:
    with store.write() as conn:
        conn.execute(
            "DELETE FROM mock_parts WHERE mock_id = ? AND position = ?", [mock_id, position]
        )


def delete(store: Store, mock_id: int) -> None:
    """The mock and its parts (the rehearsals of its stories stay)."""
    with store.write() as conn:
        conn.execute("DELETE FROM mocks WHERE id = ?", [mock_id])
    mock_live.forget(store, mock_id)


def mock(store: Store, mock_id: int) -> MockRow | None:
    row = store.conn.execute(f"SELECT {_MOCK} FROM mocks WHERE id = ?", [mock_id]).fetchone()
    return None if row is None else _mock(row)


def last_unfinished(store: Store) -> MockRow | None:
    """The latest mock left unfinished (the app closed during it); one another window is
    giving right now is not left (see mock_live)."""
    rows = store.conn.execute(
        f"SELECT {_MOCK} FROM mocks WHERE status = 'unfinished' ORDER BY id DESC"
    )
    return next((m for m in map(_mock, rows) if not mock_live.held(store, m.id)), None)


def parts(store: Store, mock_id: int) -> list[PartRow]:
    rows = store.conn.execute(
        f"SELECT {_PART} FROM mock_parts WHERE mock_id = ? ORDER BY position", [mock_id]
    ).fetchall()
    return [_part(r) for r in rows]
