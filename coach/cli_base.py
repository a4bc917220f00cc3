"""What every command shares: the context, and one-line reporting of bad input."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from coach.core.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    """What every command shares: where the database is, opened only when first needed."""

    def __init__(self, db: Path) -> None:
        self.db_path = db
        self._store: Any = None
        self._templates: Any = None
        self._banks: Any = None

    @property
    def store(self) -> Any:
        """The store, which must exist already: reading commands never create a database."""
        if self._store is None and not self.db_path.exists():
            raise InputError(
                f"no coach database at {self.db_path}; `coach` or `coach import` creates one, "
                "or give the right --db"
            )
        return self.open_store()

    def open_store(self) -> Any:
        """The store, created if there is none yet."""
        if self._store is None:
            from coach.store import open_store

            self._store = open_store(self.db_path)
        return self._store

    @property
    def templates(self) -> Any:
        if self._templates is None:
            from coach.bank import templates_in_use

            self._templates = templates_in_use()
        return self._templates

    @property
    def banks(self) -> Any:
        """The question banks in use; a broken user bank is an error on the command line."""
        if self._banks is None:
            from coach.practice import banks_in_use

            self._banks = banks_in_use(self.templates)
            if self._banks.problems:
                raise self._banks.problems[0]
        return self._banks

    def story_id(self, ident: str) -> int:
        row = self.store.find(ident)
        if row is None:
            raise InputError(f"no story {ident!r}; `coach list` shows ids and slugs")
        return int(row.id)


def fail(message: str, status: int = 2) -> None:
    click.echo(f"coach: {message}", err=True)
    sys.exit(status)


def reported(func: F) -> F:
    """Say what the user got wrong in one line (exit 2); an unexpected failure exits 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from coach.store import StoreError

        try:
            return func(*args, **kwargs)
        except (InputError, StoreError) as exc:
            fail(str(exc))
        except sqlite3.DatabaseError as exc:
            fail(f"the database is damaged or unreadable ({exc}); restore a backup or give --db")
        except (
            click.exceptions.Exit,
            click.ClickException,
            SystemExit,
            KeyboardInterrupt,
            BrokenPipeError,
        ):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence, said plainly
            if os.environ.get("COACH_DEBUG"):
                raise
            fail(f"unexpected error: {type(exc).__name__}: {exc} (COACH_DEBUG=1 shows more)", 1)

    return wrapper  # type: ignore[return-value]


pass_ctx = click.make_pass_decorator(Context)
