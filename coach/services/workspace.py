"""The workspace: where the database is, the templates and question sets in use, and how
to open the store. Built once from --db and the config folder; the command line, the app,
its worker threads and the tests all go through it. Nothing is read until it is asked for."""

from __future__ import annotations

import os
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from coach.core.errors import InputError
from coach.core.templates import TemplateSet
from coach.paths import default_db_path, shipped_templates_dir, user_cache_dir, user_config_dir
from coach.safefiles import folder_problem, sweep
from coach.services import parse_cache
from coach.store import Store, open_store
from coach.store.db import check_before_bulk_write, open_reader, open_reading
from coach.store.errors import StoreError, said

if TYPE_CHECKING:
    from coach.core.questions import QuestionSets


class Workspace:
    """One database and one config folder, and what is read from them."""

    def __init__(
        self,
        db_path: Path | None = None,
        config_dir: Path | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self._db_path = db_path
        self._config_dir = config_dir
        self._cache_dir = cache_dir
        self._store: Store | None = None
        self._reading: Store | None = None

    @cached_property
    def db_path(self) -> Path:
        """The database file: the one given, or COACH_DB, or the user data folder's."""
        return self._db_path if self._db_path is not None else default_db_path()

    @cached_property
    def config_dir(self) -> Path:
        """The user's own templates live under this folder's `templates/`."""
        return self._config_dir if self._config_dir is not None else user_config_dir()

    @cached_property
    def cache_dir(self) -> Path:
        """Where the parsed templates and question sets are kept (see `parse_cache`)."""
        return self._cache_dir if self._cache_dir is not None else user_cache_dir()

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
        return parse_cache.templates(
            self.cache_dir, shipped_templates_dir(), [self.user_templates_dir]
        )

    @cached_property
    def question_sets(self) -> QuestionSets:
        """The shipped question sets with the user's own laid over them; a broken user set
        is in `problems` (the app warns, the command line refuses)."""
        return parse_cache.question_sets(
            self.cache_dir, shipped_templates_dir(), self.templates, [self.user_templates_dir]
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
        """The store opened only to read, which must be a coach database already: reading
        commands never create one, and leave the file as it was (an empty one stays empty)."""
        if self._store is not None:
            return self._store
        if self._reading is None:
            self._reading = open_reading(self.db_path)
        return self._reading

    def bulk_store(self) -> Store:
        """The store, created if there is none yet, for a bulk write (an import): a big
        database the open could not check is checked whole first, so a damaged one is
        refused before anything is written into it."""
        store = self.open_store()
        check_before_bulk_write(store)
        return store

    def is_database(self, path: Path) -> bool:
        """`path` is the database file (or its write-ahead log), or a link to it."""
        db = self.db_path
        ours = [db, *(db.with_name(db.name + end) for end in ("-wal", "-shm", "-journal"))]
        try:
            target = path.resolve()
            if any(target == p.resolve() for p in ours):
                return True
            found, mine = os.stat(path), os.stat(db)
        except OSError:
            return False
        return (found.st_dev, found.st_ino) == (mine.st_dev, mine.st_ino)

    def backup(self, target: Path, *, force: bool = False) -> None:
        """A consistent copy of the database at `target`, even while coach is open: never
        onto the database itself, written whole under a temporary name, then renamed."""
        problem = folder_problem(target.parent)
        if problem in ("does not exist", "not a folder"):
            raise InputError(
                "the folder does not exist; create it or choose another", file=str(target)
            )
        if problem is not None:
            raise InputError(f"can't write to {target.parent}: {problem}")
        if target.is_dir():
            raise InputError("is a folder; give the backup's file name", file=str(target))
        if self.is_database(target):
            raise InputError(
                "is the database itself; give another file for the backup", file=str(target)
            )
        if target.exists() and not force:
            raise InputError("exists already; add --force to overwrite it", file=str(target))
        store = self.existing_store()
        sweep(target.parent)
        store.backup(target)

    def reader(self) -> Store:
        """A connection of its own, for a worker thread that only reads; close it after."""
        return open_reader(self.db_path)

    def close(self) -> None:
        for store in (self._store, self._reading):
            if store is not None:
                store.close()
        self._store = self._reading = None


def sqlite_error_said(exc: sqlite3.Error, path: Path) -> StoreError:
    """What an SQLite error a service let through means for the database at `path`: the
    file damaged, the disk full, the folder read-only... in one line."""
    return said(exc, path)
