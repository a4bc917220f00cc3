"""The command line (click). With no command, coach opens the TUI."""

from coach.cli.main import main, run

__all__ = ["main", "run"]
