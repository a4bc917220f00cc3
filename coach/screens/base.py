"""What every full screen of coach shares: typed access to the app and its store."""

from __future__ import annotations

from textual.screen import Screen

from coach.app import CoachApp


class CoachScreen(Screen[None]):
    @property
    def coach(self) -> CoachApp:
        app = self.app
        assert isinstance(app, CoachApp)
        return app
