"""Rendering user text into sheets: the Jinja2 environment and its filters."""
