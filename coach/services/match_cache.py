"""The match index of each bank, built once per process and kept up to date: a `Matcher`
asks for it, the stories' change times are read (one query), and only the stories added,
edited, archived or deleted since (by any connection) are indexed again.

A big bank takes seconds to index from scratch and milliseconds to check; the mock
interview, the progress screen's coverage and the overview sheet all start from here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

from coach.core.matching import MatchIndex
from coach.store import Store
from coach.store.matching import story_docs, story_versions

BANKS = 4
"""How many indexes are kept (a bank's active stories, and the story sets sheets match)."""
REBUILD_SHARE = 0.5
PATCH_MOST = 20
"""Past this share of the stories changed (and more than PATCH_MOST), the index is built
afresh rather than patched."""


@dataclass
class CachedIndex:
    index: MatchIndex
    versions: dict[int, str]
    """Each story indexed -> its change time when it was indexed."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while the index is asked or patched: Matchers of several threads share it."""


_cache: OrderedDict[tuple[str, tuple[int, ...] | None], CachedIndex] = OrderedDict()
_cache_lock = threading.Lock()


def cached_index(store: Store, story_ids: Iterable[int] | None = None) -> CachedIndex:
    """The index of the store's active stories (or of `story_ids`, archived or not), as
    the database holds them now."""
    wanted = None if story_ids is None else tuple(sorted(set(story_ids)))
    key = (str(store.path.resolve()), wanted)
    with _cache_lock:
        versions = story_versions(store, wanted)
        entry = _cache.get(key)
        if entry is None:
            entry = CachedIndex(MatchIndex(story_docs(store, wanted)), versions)
        else:
            _patch(store, entry, versions, wanted)
        _cache[key] = entry
        _cache.move_to_end(key)
        while len(_cache) > BANKS:
            _cache.popitem(last=False)
        return entry


def _patch(
    store: Store, entry: CachedIndex, versions: dict[int, str], wanted: tuple[int, ...] | None
) -> None:
    """Index again the stories whose change time differs; forget those gone."""
    known = entry.versions
    changed = [i for i, at in versions.items() if known.get(i) != at]
    gone = [i for i in known if i not in versions]
    if not changed and not gone:
        return
    with entry.lock:
        if len(changed) + len(gone) > max(REBUILD_SHARE * len(versions), PATCH_MOST):
            entry.index = MatchIndex(story_docs(store, wanted))
        else:
            entry.index.remove([*changed, *gone])
            for doc in story_docs(store, changed):
                entry.index.add(doc)
        entry.versions = versions


def forget() -> None:
    """Drop every index kept (tests, and a process that wants the memory back)."""
    with _cache_lock:
        _cache.clear()
