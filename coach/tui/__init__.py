"""The Textual app: screens, widgets, the command palette."""
