"""What the command line and the TUI both call: the workspace, stories, rehearsals,
progress, sheets and export."""
