"""Textual's footer, redrawn only when the keys it shows change.

Textual's footer mounts every one of its keys again each time a screen's bindings may have
changed: on every change of focus and every return to a screen, three times as a screen
opens (bench/run.py's start figures), though the keys are mostly the same each time. This
one remembers what it showed and skips a redraw that would show it again.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """The keys of the screen's bindings that are shown, redrawn when they change."""

    _shown: Hashable | None = None
    """What the footer shows now (see `_keys`); None until it shows any."""
    _pending = False
    """A redraw is asked for and not yet done: it will show the keys as they are then."""

    def _keys(self, screen: Screen[object]) -> Hashable:
        """Everything of the screen's bindings that the footer draws."""
        return (
            self.show_command_palette,
            self.compact,
            tuple(
                (
                    binding.key,
                    binding.action,
                    binding.description,
                    binding.show,
                    binding.group,
                    self.app.get_key_display(binding),
                    enabled,
                    tooltip,
                )
                for _, binding, enabled, tooltip in screen.active_bindings.values()
            ),
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        redraws = screen.app.app_focus and self.is_attached and screen is self.screen
        if redraws and self._bindings_ready:
            if self._pending or self._keys(screen) == self._shown:
                return
        super().bindings_changed(screen)
        self._pending = redraws

    def compose(self) -> ComposeResult:
        self._pending = False
        if self._bindings_ready:
            self._shown = self._keys(self.screen)
        yield from super().compose()
