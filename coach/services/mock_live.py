"""Before a stored mock is resumed: taking it from nobody (a mock another window is giving
is not for the taking: store/mock_live.py), and the question a crash cut mid-way, which is
asked again rather than counted as answered.

The cut question stays one rehearsal: its part is kept as stored until the question is
answered again. Told again with the same story, that story's cut rehearsal goes on, each
answer given again replacing the one at its place; told with another story (or improvised),
the cut telling is closed as ended and stays in its story's history; and when the mock ends
before the question is answered again, the report shows what was said before the crash."""

from __future__ import annotations

from dataclasses import dataclass

from coach.store import mock_live
from coach.store import mocks as mock_rows
from coach.store import rehearsals as rehearsal_rows
from coach.store.store import Store

GIVEN_ELSEWHERE = "another window is giving it"


@dataclass(frozen=True)
class Cut:
    """The part a crash cut mid-way, as stored: its question is asked again."""

    position: int
    story_id: int | None
    """The story told when the crash came (None once that story is deleted)."""
    rehearsal_id: int
    """That telling's rehearsal, still unfinished."""


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
    found = cut_part(store, mock_id)
    return None if found is None else found.position


def cut_part(store: Store, mock_id: int) -> Cut | None:
    """The part a crash cut (see `cut`), or None."""
    parts = mock_rows.parts(store, mock_id)
    last = parts[-1] if parts else None
    if last is None or last.rehearsal_id is None:
        return None
    row = rehearsal_rows.rehearsal(store, last.rehearsal_id)
    if row is None or row.status != "unfinished":
        return None
    return Cut(last.position, last.story_id, last.rehearsal_id)


def answered_again(store: Store, found: Cut, story_id: int | None) -> int | None:
    """The cut question is answered again with `story_id` (None: improvised): the cut
    rehearsal's id when it is the same story (it goes on); else the cut telling is closed
    as ended, and None. Call it in the transaction that stores the new part."""
    if story_id is not None and story_id == found.story_id:
        return found.rehearsal_id
    let_stand(store, found)
    return None


def let_stand(store: Store, found: Cut) -> None:
    """The mock is over before the cut question was answered again: the cut telling is
    closed as ended, and stays the question's answer."""
    rehearsal_rows.close(store, found.rehearsal_id, "ended")
