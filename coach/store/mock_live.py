"""Which unfinished mocks are being given right now: the window giving one holds an advisory
lock on a small file beside the database (`coach.db-mock-5.live`), from its first stored part
until it is closed. The lock goes with the process, a crash or a kill included, so a mock
nobody holds was left by a window that is gone: that one is offered to resume; a held one is
another window's live mock, offered to nobody.

No column, no heartbeat: nothing to go stale, nothing written while the user talks. Where
files cannot be locked (no fcntl) or the folder cannot be written, every unfinished mock
counts as left, as before.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from coach.store.store import Store

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks
    fcntl = None  # type: ignore[assignment]

_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def lock_path(store: Store, mock_id: int) -> Path:
    return store.path.with_name(f"{store.path.name}-mock-{mock_id}.live")


class Live:
    """The lock of a mock this window is giving (a no-op where none could be taken)."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    def release(self) -> None:
        """The mock is closed (or this window goes): the file goes, then the lock."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)  # closing the file drops its lock
        self._fd = None


def hold(store: Store, mock_id: int) -> Live | None:
    """Take the mock's lock; None when another window holds it (it is giving that mock)."""
    path = lock_path(store, mock_id)
    if fcntl is None:
        return Live(path, None)
    for _ in range(3):
        try:
            fd = os.open(path, _FLAGS, 0o600)
        except OSError:
            return Live(path, None)  # a folder we cannot write: no lock, as before
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        if _same_file(fd, path):
            return Live(path, fd)
        os.close(fd)  # its holder released it (and deleted it) meanwhile: take the new one
    return None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == path.stat().st_ino
    except OSError:
        return False


def held(store: Store, mock_id: int) -> bool:
    """Another window (or this one) is giving this mock now."""
    if fcntl is None:
        return False
    path = lock_path(store, mock_id)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False  # no file: nobody holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # shared: checkers never block each other
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def forget(store: Store, mock_id: int) -> None:
    """The mock is deleted: a file a crash left for it goes too (never a held one)."""
    if not held(store, mock_id):
        with contextlib.suppress(OSError):
            lock_path(store, mock_id).unlink()
