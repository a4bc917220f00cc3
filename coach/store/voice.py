"""What was heard in spoken answers: stored with the rehearsal step it belongs to."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from coach.core.clock import parse_stamp, stamp, utc_now
from coach.core.speech import Fillers, Pause, SpeechMeasures
from coach.core.spoken_figures import FigureHeard
from coach.store.errors import StoreError
from coach.store.store import Store


@dataclass(frozen=True)
class HeardRow:
    rehearsal_id: int
    position: int
    measures: SpeechMeasures
    figures: tuple[FigureHeard, ...]
    transcript: str
    audio_path: str | None
    """The recording while it is kept; None once deleted."""
    engine: str
    model: str
    heard_at: dt.datetime


_MEASURES = (
    "transcript, duration_s, speaking_s, words, wpm, speaking_wpm, fillers, "
    "fillers_per_minute, fillers_by_word, pauses, figures, audio_path, engine, model, heard_at"
)
_COLUMNS = f"rehearsal_id, position, {_MEASURES}"
_MOCK_COLUMNS = f"mock_id, position, {_MEASURES}"
_TABLES = {"heard": _COLUMNS, "mock_heard": _MOCK_COLUMNS}


def _row(r: tuple[object, ...]) -> HeardRow:
    by_word = {str(k): int(v) for k, v in json.loads(str(r[10])).items()}
    pauses = tuple(Pause(float(p["at_s"]), float(p["seconds"])) for p in json.loads(str(r[11])))
    figures = tuple(
        FigureHeard(str(f["text"]), str(f["field"]), bool(f["said"]), f["at_s"])
        for f in json.loads(str(r[12]))
    )
    measures = SpeechMeasures(
        duration_s=float(r[3]),  # type: ignore[arg-type]
        speaking_s=float(r[4]),  # type: ignore[arg-type]
        words=int(r[5]),  # type: ignore[call-overload]
        wpm=float(r[6]),  # type: ignore[arg-type]
        speaking_wpm=float(r[7]),  # type: ignore[arg-type]
        fillers=Fillers(int(r[8]), float(r[9]), by_word),  # type: ignore[call-overload, arg-type]
        pauses=pauses,
    )
    return HeardRow(
        rehearsal_id=int(r[0]),  # type: ignore[call-overload]
        position=int(r[1]),  # type: ignore[call-overload]
        measures=measures,
        figures=figures,
        transcript=str(r[2]),
        audio_path=None if r[13] is None else str(r[13]),
        engine=str(r[14]),
        model=str(r[15]),
        heard_at=parse_stamp(str(r[16])),
    )


def save(
    store: Store,
    key: int,
    position: int,
    *,
    measures: SpeechMeasures,
    figures: tuple[FigureHeard, ...],
    transcript: str,
    audio_path: str | None,
    engine: str,
    model: str,
    when: dt.datetime | None = None,
    in_mock: bool = False,
) -> None:
    """Store what was heard in one answer, replacing what was heard in it before: the
    answer at `position` of rehearsal `key`, or (`in_mock`) the answer improvised to
    question `position` of mock `key`."""
    table = "mock_heard" if in_mock else "heard"
    m = measures
    pauses = [{"at_s": p.at_s, "seconds": p.seconds} for p in m.pauses]
    said = [{"text": f.text, "field": f.field, "said": f.said, "at_s": f.at_s} for f in figures]
    with store.write() as conn, _answer_gone(table):
        conn.execute(
            f"INSERT OR REPLACE INTO {table} ({_TABLES[table]}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                key,
                position,
                transcript,
                m.duration_s,
                m.speaking_s,
                m.words,
                m.wpm,
                m.speaking_wpm,
                m.fillers.count,
                m.fillers.per_minute,
                json.dumps(m.fillers.by_word, ensure_ascii=False),
                json.dumps(pauses),
                json.dumps(said, ensure_ascii=False),
                audio_path,
                engine,
                model,
                stamp(when or utc_now()),
            ],
        )


def for_rehearsal(store: Store, rehearsal_id: int) -> dict[int, HeardRow]:
    """What was heard in a rehearsal, by step position."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM heard WHERE rehearsal_id = ? ORDER BY position", [rehearsal_id]
    )
    return {int(r[1]): _row(tuple(r)) for r in rows}


@contextmanager
def _answer_gone(table: str) -> Iterator[None]:
    """The answer's rehearsal (its story) or mock was deleted in another window meanwhile."""
    try:
        yield
    except sqlite3.IntegrityError:
        what = "rehearsal" if table == "heard" else "mock"
        raise StoreError(f"its {what} was deleted in another window") from None


def for_mock(store: Store, mock_id: int) -> dict[int, HeardRow]:
    """What was heard in a mock's improvised answers, by part position (their
    `rehearsal_id` is 0: they have none)."""
    rows = store.conn.execute(
        f"SELECT 0, position, {_MEASURES} FROM mock_heard WHERE mock_id = ? ORDER BY position",
        [mock_id],
    )
    return {int(r[1]): _row(tuple(r)) for r in rows}


def audio_paths(store: Store) -> list[str]:
    """Every recording still kept, as stored."""
    rows = store.conn.execute(
        "SELECT audio_path FROM heard WHERE audio_path IS NOT NULL "
        "UNION SELECT audio_path FROM mock_heard WHERE audio_path IS NOT NULL ORDER BY 1"
    )
    return [str(r[0]) for r in rows]


def forget_audio(store: Store) -> int:
    """Mark every recording deleted (the measures stay); how many rows were marked."""
    with store.write() as conn:
        return sum(
            conn.execute(
                f"UPDATE {table} SET audio_path = NULL WHERE audio_path IS NOT NULL"
            ).rowcount
            for table in _TABLES
        )
