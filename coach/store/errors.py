"""Errors from the store, each said in one line."""

from __future__ import annotations


class StoreError(Exception):
    """A database coach cannot or must not use, or could not write to just now."""


class SlugTaken(Exception):
    """A story created with keep_slug=True wanted a slug another story has."""

    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug
