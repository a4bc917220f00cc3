"""The only place that talks to SQLite. No Textual here."""

from coach.store.db import open_store
from coach.store.errors import StoreError
from coach.store.store import Conflict, SaveResult, Store, StoryRow

__all__ = ["Conflict", "SaveResult", "Store", "StoreError", "StoryRow", "open_store"]
