"""What every command shares: the context, and one-line reporting of bad input."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from coach.core.errors import InputError
from coach.services.workspace import Workspace

if TYPE_CHECKING:
    from coach.core.questions import QuestionSets
    from coach.core.templates import TemplateSet
    from coach.services.stories import Store

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    """What every command shares: the workspace, its store opened only when first needed."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @property
    def db_path(self) -> Path:
        return self.workspace.db_path

    @property
    def store(self) -> Store:
        """The store, which must exist already: reading commands never create a database."""
        return self.workspace.existing_store()

    def open_store(self) -> Store:
        """The store, created if there is none yet."""
        return self.workspace.open_store()

    @property
    def templates(self) -> TemplateSet:
        return self.workspace.templates

    @property
    def question_sets(self) -> QuestionSets:
        """The question sets in use; a broken user set is an error on the command line."""
        found = self.workspace.question_sets
        if found.problems:
            raise found.problems[0]
        return found

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
        from coach.services.stories import StoreError

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
