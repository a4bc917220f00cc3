"""The core: stories, templates, checks and story files. No Textual, no SQLite here."""
