"""Errors from the store, each said in one line."""

from __future__ import annotations


class StoreError(Exception):
    """A database coach cannot or must not use, or could not write to just now."""
