"""Exporting from the TUI: choose what, how and where; then a background export with
its progress, which can be stopped between files."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    ProgressBar,
    RadioButton,
    RadioSet,
    Static,
)

from coach.core.text import plural
from coach.services.export.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    either,
    format_for,
    sheet_formats,
)
from coach.tui.screens.base import CoachScreen

if TYPE_CHECKING:
    from coach.services.workspace import Workspace

ONE_FILE_STEM = "stories"
OVERWRITE_HINT = "tick “Overwrite files that exist”, or choose another folder"


def default_folder() -> Path:
    return Path.home() / "coach-sheets"


@dataclass(frozen=True)
class Scope:
    """Which stories: a label for the dialog and their ids."""

    label: str
    ids: tuple[int, ...]


@dataclass(frozen=True)
class ExportChoice:
    ids: tuple[int, ...]
    fmt: str
    folder: Path
    overview: bool
    force: bool
    one_file: bool = False
    """Everything in one file (stories.html ...) instead of one file a story."""

    @property
    def path(self) -> Path:
        """The one file's path, when `one_file`."""
        return self.folder / f"{ONE_FILE_STEM}{format_for(self.fmt).suffix}"


class Tick(Checkbox):
    """A checkbox whose mark shows only when ticked (the stock one greys its X out, which
    reads the same on and off in many terminals)."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button


class Choice(RadioButton):
    """A radio button whose dot shows only when it is the one chosen."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button


class Choices(RadioSet):
    """A radio set that opens on the button pressed and stops at its ends (no wrapping)."""

    def on_mount(self) -> None:
        self.call_after_refresh(self._open_on_pressed)

    def _open_on_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def action_next_button(self) -> None:
        if self._selected is None or self._selected < len(self._nodes) - 1:
            super().action_next_button()

    def action_previous_button(self) -> None:
        if self._selected is None or self._selected > 0:
            super().action_previous_button()


class ExportDialog(ModalScreen[ExportChoice | None]):
    """What to export, in which format, into which folder."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, scopes: list[Scope], fmt: str = DEFAULT_FORMAT, folder: Path | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self.scopes = scopes
        self.fmt = fmt
        self.folder = folder or default_folder()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="export-box"):
            yield Label("Export stories", classes="dialog-question")
            with Horizontal(classes="export-row"):
                with Choices(id="scope"):
                    for i, scope in enumerate(self.scopes):
                        yield Choice(Text(scope.label), value=i == 0)
                with Choices(id="format"):
                    for key, option in FORMATS.items():
                        yield Choice(option.label, value=key == self.fmt, name=key)
            with Horizontal(id="folder-row"):
                yield Label("Into the folder ")
                yield Input(str(self.folder), id="folder", compact=True)
            yield Tick("Add the bank overview (sheets only)", id="overview")
            yield Tick("All in one file, to print or share (stories.html …)", id="one-file")
            yield Tick("Overwrite files that exist", id="force")
            yield Static("", id="export-problem", classes="problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="go", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(
                "tab: next · arrows, then enter or space: choose · esc: cancel", classes="dim"
            )

    def on_mount(self) -> None:
        """Focus starts at the top (which stories), so tab walks the choices in order and
        enter never exports before the user has seen them."""
        self.query_one("#scope", RadioSet).focus()

    def _choice(self) -> ExportChoice | None:
        problem = self.query_one("#export-problem", Static)
        scope = self.scopes[max(0, self.query_one("#scope", RadioSet).pressed_index)]
        pressed = self.query_one("#format", RadioSet).pressed_button
        fmt = pressed.name if pressed is not None and pressed.name else DEFAULT_FORMAT
        text = self.query_one("#folder", Input).value.strip()
        overview = self.query_one("#overview", Checkbox).value
        if not text:
            problem.update("Give a folder to export into.")
            return None
        if not scope.ids and not overview:
            problem.update("There is no story to export.")
            return None
        if overview and not format_for(fmt).sheet:
            sheets = either([f.name for f in sheet_formats()])
            problem.update(f"The overview is a sheet: choose {sheets}, or untick it.")
            return None
        return ExportChoice(
            ids=scope.ids,
            fmt=fmt,
            folder=Path(text).expanduser(),
            overview=overview,
            force=self.query_one("#force", Checkbox).value,
            one_file=self.query_one("#one-file", Checkbox).value,
        )

    @on(Button.Pressed, "#go")
    @on(Input.Submitted, "#folder")
    def _go(self) -> None:
        choice = self._choice()
        if choice is not None:
            self.dismiss(choice)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class _Stopped(Exception):
    """The user stopped a one-file export: its temporary file is dropped."""


@dataclass(frozen=True)
class ExportDone:
    written: int
    total: int
    folder: Path
    error: str = ""
    stopped: bool = False
    file: Path | None = None
    """The one file written, for a one-file export."""


class ExportRunning(ModalScreen[ExportDone]):
    """The export, in a thread with its own database connection, file by file."""

    BINDINGS = [Binding("escape", "stop", "Stop")]

    def __init__(self, workspace: Workspace, choice: ExportChoice) -> None:
        super().__init__(classes="dialog")
        self.workspace = workspace
        self.choice = choice
        self._stop = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(Text(f"Exporting into {self.choice.folder}"), classes="dialog-question")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static("", id="export-file", classes="dim")
            yield Static("esc: stop after this file (what is written stays)", classes="dim")

    def on_mount(self) -> None:
        self.run_export()

    def action_stop(self) -> None:
        self._stop.set()

    def _step(self, done: int, total: int, path: Path | None) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        if path is not None:
            self.query_one("#export-file", Static).update(Text(path.name))

    def _story_done(self, done: int) -> None:
        """Progress of a one-file export, story by story; a stop abandons the file."""
        self.app.call_from_thread(self._step, done, len(self.choice.ids), self.choice.path)
        if self._stop.is_set():
            raise _Stopped

    @work(thread=True, exclusive=True)
    def run_export(self) -> None:
        from coach.core.errors import InputError
        from coach.services.export import Exporter

        choice = self.choice
        written = total = 0
        error = ""
        store = None
        try:
            store = self.workspace.reader()
            exporter = Exporter(
                self.workspace, store, choice.fmt, choice.ids, overview=choice.overview
            )
            total = len(choice.ids) + int(choice.overview)
            self.app.call_from_thread(self._step, 0, total, None)
            if choice.one_file:
                total = 1
                exporter.on_story = self._story_done
                exporter.write_document(choice.path, force=choice.force, hint=OVERWRITE_HINT)
                written = 1
            else:
                for path in exporter.write_files(
                    choice.folder, force=choice.force, hint=OVERWRITE_HINT
                ):
                    written += 1
                    self.app.call_from_thread(self._step, written, total, path)
                    if self._stop.is_set():
                        break
        except _Stopped:
            pass
        except InputError as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001 - said in the notification, not a crash
            error = f"unexpected error: {type(exc).__name__}: {exc}"
        finally:
            if store is not None:
                store.close()
        one = choice.path if choice.one_file and written else None
        done = ExportDone(written, total, choice.folder, error, self._stop.is_set(), one)
        self.app.call_from_thread(self.dismiss, done)


def report(done: ExportDone) -> tuple[str, str]:
    """The notification an export ends with, and its severity."""
    files = plural(done.written, "file")
    if done.error:
        kept = f" ({files} written before it)" if done.written else " (nothing written)"
        return f"Export failed: {done.error}{kept}", "error"
    if done.stopped and done.written < done.total:
        return f"Export stopped: {files} of {done.total} written to {done.folder}", "warning"
    if done.file is not None:
        return f"Exported to {done.file}", "information"
    return f"Exported {files} to {done.folder}", "information"


def start_export(screen: CoachScreen, marked: list[int], this_story: int | None) -> None:
    """The whole flow from a screen: the dialog, the export, the closing notification."""
    coach = screen.coach
    scopes = []
    if marked:
        scopes.append(Scope(f"The {len(marked)} marked stories", tuple(marked)))
    if this_story is not None:
        row = coach.store.row(this_story)
        if row is not None:
            scopes.append(Scope(f"This story: {row.title[:40]}", (this_story,)))
    everything = tuple(r.id for r in coach.store.list_stories())
    scopes.append(Scope(f"Every active story ({len(everything)})", everything))
    fmt, folder = coach.last_export or (DEFAULT_FORMAT, None)

    def finished(done: ExportDone | None) -> None:
        if done is None:
            return
        message, severity = report(done)
        screen.notify(message, severity=severity, timeout=8)  # type: ignore[arg-type]

    def chosen(choice: ExportChoice | None) -> None:
        if choice is None:
            return
        coach.last_export = (choice.fmt, choice.folder)
        screen.app.push_screen(ExportRunning(coach.workspace, choice), finished)

    screen.app.push_screen(ExportDialog(scopes, fmt, folder), chosen)
