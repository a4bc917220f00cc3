"""The workspace: where the database is, the templates and question sets in use, and how
to open the store. Built once from --db and the config folder; the command line, the app,
its worker threads and the tests all go through it. Nothing is read until it is asked for."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.errors import InputError
from coach.core.templates import TemplateSet, load_templates
from coach.paths import default_db_path, shipped_templates_dir, user_config_dir
from coach.store import Store, open_store
from coach.store.db import open_reader

if TYPE_CHECKING:
    from coach.core.questions import QuestionSets


class Workspace:
    """One database and one config folder, and what is read from them."""

    def __init__(self, db_path: Path | None = None, config_dir: Path | None = None) -> None:
        self._db_path = db_path
        self._config_dir = config_dir
        self._store: Store | None = None

    @cached_property
    def db_path(self) -> Path:
        """The database file: the one given, or COACH_DB, or the user data folder's."""
        return self._db_path if self._db_path is not None else default_db_path()

    @cached_property
    def config_dir(self) -> Path:
        """The user's own templates live under this folder's `templates/`."""
        return self._config_dir if self._config_dir is not None else user_config_dir()

    @property
    def user_templates_dir(self) -> Path:
        return self.config_dir / "templates"

    @property
    def template_dirs(self) -> list[Path]:
        """Where templates of every kind are looked up: the user's folder first, then the
        shipped one (forms and question sets lay the user's over the shipped ones)."""
        return [self.user_templates_dir, shipped_templates_dir()]

    @cached_property
    def templates(self) -> TemplateSet:
        """The shipped form templates with the user's own laid over them."""
        return load_templates(shipped_templates_dir(), [self.user_templates_dir])

    @cached_property
    def question_sets(self) -> QuestionSets:
        """The shipped question sets with the user's own laid over them; a broken user set
        is in `problems` (the app warns, the command line refuses)."""
        from coach.core.questions import load_question_sets  # read when a rehearsal needs it

        return load_question_sets(
            shipped_templates_dir(), self.templates, [self.user_templates_dir]
        )

    @property
    def sheet_dirs(self) -> list[Path]:
        """Where sheet templates are looked up: the user's folder first, then the shipped one."""
        return [d / "sheets" for d in self.template_dirs]

    def open_store(self) -> Store:
        """The main thread's store, created if there is none yet, opened once."""
        if self._store is None:
            self._store = open_store(self.db_path)
        return self._store

    def existing_store(self) -> Store:
        """The store, which must exist already: reading commands never create a database."""
        if self._store is None and not self.db_path.exists():
            raise InputError(
                f"no coach database at {self.db_path}; `coach` or `coach import` creates one, "
                "or give the right --db"
            )
        return self.open_store()

    def reader(self) -> Store:
        """A connection of its own, for a worker thread that only reads; close it after."""
        return open_reader(self.db_path)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
