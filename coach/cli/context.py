"""What every command shares: the context, printing user text safely, and one-line
reporting of bad input."""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from coach.core.errors import InputError
from coach.core.text import json_visible, visible
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
        """The store to import into, created if there is none yet: a big database is
        checked whole first, and a damaged one refused before anything is written."""
        return self.workspace.bulk_store()

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


def echo(message: object = "", *, err: bool = False, **style: Any) -> None:
    """Print a line that may hold user text (a title, a field, a file name): its control
    characters shown as symbols, so a story can never drive the terminal (set its title,
    write the clipboard, clear the screen). `style` is click.style's (bold, fg)."""
    text = visible(str(message))
    click.echo(click.style(text, **style) if style else text, err=err)


def echo_json(data: Any) -> None:
    """`data` as indented JSON, the exact text kept and every control character escaped."""
    click.echo(json_visible(json.dumps(data, ensure_ascii=False, indent=2)))


def fail(message: str, status: int = 2) -> None:
    echo(f"coach: {message}", err=True)
    sys.exit(status)


def reported(func: F) -> F:
    """Say what the user got wrong in one line (exit 2); an unexpected failure exits 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            fail(str(exc))
        except sqlite3.Error as exc:
            fail(str(said(exc)))
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


def said(exc: sqlite3.Error) -> Exception:
    """An SQLite error no service said yet, said as what happened to the database in use."""
    from coach.services.workspace import sqlite_error_said

    found = click.get_current_context(silent=True)
    ctx = found.find_object(Context) if found is not None else None
    return sqlite_error_said(exc, ctx.db_path if ctx is not None else Path("the database"))


pass_ctx = click.make_pass_decorator(Context)
