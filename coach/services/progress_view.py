"""What the progress screen shows first, read in threads of its own.

Importing this module costs next to nothing (the screen makes a `FirstView` before its first
frame); the reading threads import what they need themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from coach.core.questions import QuestionSets
    from coach.core.templates import TemplateSet
    from coach.services.matching import CoverageReport
    from coach.services.progress import History, Progress, Recent, StoryProgress
    from coach.services.workspace import Workspace
    from coach.store.store import Store

T = TypeVar("T")


def _any_answers(store: Store) -> bool:
    from coach.store.progress import any_answers

    return any_answers(store)


def _history(store: Store) -> History:
    from coach.services.progress import read_history

    return read_history(store)


class FirstView:
    """Every figure of the progress screen and its first `page` stories, the first
    `checked` of them (those the stories table shows before it is scrolled) with their
    readiness, the others' readiness CHECKING until `rest` has checked them.

    Made, it starts reading at once, in two threads, each on a connection of its own
    from `open_reader` (SQLite reads without holding Python's lock): the aggregates over
    every answer and every story in one, the rest in the other. Meanwhile the caller can
    do other work, such as slow imports; `result` waits for the reading and interprets
    it (the checks behind readiness read the stories' fields on a connection of their own).
    """

    def __init__(
        self, open_reader: Callable[[], Store], now: dt.datetime, page: int, checked: int
    ) -> None:
        self._open_reader = open_reader
        self.now = now
        self.checked = checked
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="progress")
        self._any = self._pool.submit(self._reading, _any_answers)
        self._history = self._pool.submit(self._reading, _history)
        self._recent = self._pool.submit(self._read_recent, page)
        self._unchecked: Recent | None = None

    def _reading(self, read: Callable[[Store], T]) -> T:
        store = self._open_reader()
        try:
            return read(store)
        finally:
            store.close()

    def _read_recent(self, page: int) -> Recent:
        from coach.services.progress import DUE_LIMIT, read_recent

        return self._reading(lambda store: read_recent(store, self.now, DUE_LIMIT, page))

    @property
    def practised(self) -> bool:
        """Whether any answer was ever given (there is something to plot): known first."""
        return self._any.result()

    def result(
        self, templates: TemplateSet, question_sets: QuestionSets
    ) -> tuple[Progress, list[StoryProgress]]:
        """The figures (without stories) and the first page of stories, once read."""
        from coach.services.progress import interpret, story_rows

        try:
            recent = self._recent.result()
            page = self._reading(
                lambda store: story_rows(
                    store, templates, recent.briefs, recent.histories, self.checked
                )
            )
            report = interpret(self._history.result(), recent, question_sets, self.now, None)
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._unchecked = recent
        return report, page

    def rest(self, templates: TemplateSet) -> list[StoryProgress]:
        """The first page's stories after the first `checked`, checked: what `result`
        gave as CHECKING (none before `result`)."""
        from coach.services.progress import story_rows

        recent = self._unchecked
        if recent is None or len(recent.briefs) <= self.checked:
            return []
        briefs = recent.briefs[self.checked :]
        return self._reading(lambda store: story_rows(store, templates, briefs, recent.histories))


def common_coverage(workspace: Workspace) -> tuple[CoverageReport, list[str]]:
    """Which common questions have a good story, a weak match or none, read on a
    connection of its own (call it in a worker once the figures are shown), and the
    problem of a broken user file of common questions (the shipped set is used instead)."""
    from coach.services.matching import Matcher, common_questions

    loaded = common_questions(workspace)
    store = workspace.reader()
    try:
        report = Matcher(store).coverage(loaded.questions)
    finally:
        store.close()
    return report, [str(p) for p in loaded.problems]
