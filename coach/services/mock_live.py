"""Before a stored mock is resumed: taking it from nobody (a mock another window is giving
is not for the taking: store/mock_live.py), and the question a crash cut mid-way, which is
asked again rather than counted as answered."""

from __future__ import annotations

from coach.services.editing import briefly
from coach.store import mock_live
from coach.store import mocks as mock_rows
from coach.store import rehearsals as rehearsal_rows
from coach.store.store import Store

GIVEN_ELSEWHERE = "another window is giving it"


def take(store: Store, mock_id: int) -> mock_live.Live:
    """This window gives the mock from now on; LookupError if another window gives it."""
    live = mock_live.hold(store, mock_id)
    if live is None:
        raise LookupError(GIVEN_ELSEWHERE)
    return live


def cut(store: Store, mock_id: int) -> int | None:
    """The position of the question a crash cut mid-way, if one was: the last part, a
    story's whose rehearsal was never closed (a part closes its rehearsal once its last
    follow-up is over). None when the mock stopped between questions, during an improvised
    answer's rating (the answer was given), or before anything of the last part was said
    (resuming drops that part: see mock_record.resume)."""
    part = _cut(store, mock_id)
    return None if part is None else part.position


def _cut(store: Store, mock_id: int) -> mock_rows.PartRow | None:
    parts = mock_rows.parts(store, mock_id)
    if not parts or parts[-1].rehearsal_id is None:
        return None
    row = rehearsal_rows.rehearsal(store, parts[-1].rehearsal_id)
    return parts[-1] if row is not None and row.status == "unfinished" else None


def ask_again(store: Store, mock_id: int) -> int | None:
    """Drop the part a crash cut (`cut`) so that its question is asked again and its story
    can be told again; what was said stays in the story's history, closed as ended.
    Returns the question's position, or None when none was cut."""
    part = _cut(store, mock_id)
    if part is None or part.rehearsal_id is None:
        return None
    with briefly(store), store.write():  # both, or neither
        rehearsal_rows.close(store, part.rehearsal_id, "ended")
        mock_rows.drop_part(store, mock_id, part.position)
    return part.position
