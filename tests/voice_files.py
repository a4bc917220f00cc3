"""Where the spoken fixtures are (tests/voice/fixtures: made by make_fixtures.sh), and what
a database holds of what was heard, read on a connection of the test's own."""

from pathlib import Path

from coach.store import open_store
from coach.store import voice as heard_rows

FIXTURES = Path(__file__).resolve().parent / "voice" / "fixtures"
PAUSES = FIXTURES / "pauses.wav"
"""An answer with known words and two long pauses, telling the fixtures' story."""


def heard(db_path: Path, rehearsal_id: int) -> dict[int, heard_rows.HeardRow]:
    """What was heard in a rehearsal's answers, by position."""
    store = open_store(db_path)
    try:
        return heard_rows.for_rehearsal(store, rehearsal_id)
    finally:
        store.close()


def heard_in_mock(db_path: Path, mock_id: int) -> dict[int, heard_rows.HeardRow]:
    """What was heard in a mock's improvised answers, by question position."""
    store = open_store(db_path)
    try:
        return heard_rows.for_mock(store, mock_id)
    finally:
        store.close()
