"""How long each rehearsal runs (short, standard, deep): a column of its own, kept apart
from store/rehearsals.py's row so that older rows read as 'standard'."""

from __future__ import annotations

from coach.store.store import Store


def set_length(store: Store, rehearsal_id: int, length: str) -> None:
    with store.write() as conn:
        conn.execute("UPDATE rehearsals SET length = ? WHERE id = ?", [length, rehearsal_id])


def length_of(store: Store, rehearsal_id: int) -> str:
    """The rehearsal's length; 'standard' when there is no such rehearsal."""
    found = store.conn.execute(
        "SELECT length FROM rehearsals WHERE id = ?", [rehearsal_id]
    ).fetchone()
    return str(found[0]) if found else "standard"
