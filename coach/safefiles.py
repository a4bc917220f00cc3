"""Files written whole: a temporary file made beside its target, only ever a new file of
our own (never a link someone planted), locked while it is written, and swept up when a
kill or a full disk left it behind. And why a folder cannot be written, said plainly.

No room of its own: the store (backups) and the services (exports) both write this way.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, age alone decides
    fcntl = None  # type: ignore[assignment]

TEMP_NAME = re.compile(r"\.coach-[0-9a-f]{12}\.tmp")
"""The only names coach gives its temporary files, and the only ones it ever sweeps."""

STALE_SECONDS = 60.0
"""A temporary file nobody holds is left over once it is this old; unlocked younger ones
may be one another coach has only just made."""

UNLOCKED_STALE_SECONDS = 15 * 60.0
"""Where files cannot be locked, a temporary file untouched this long is left over."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def create_temp(folder: Path) -> tuple[int, Path]:
    """A new, empty temporary file in `folder`, open for writing and locked: (fd, path).

    O_CREAT|O_EXCL with O_NOFOLLOW: a name that exists (a planted link among them) is
    never opened, another random name is tried. Mode 0666, so the umask applies as to any
    new file. The lock tells `sweep` the file is being written; closing the fd drops it.
    """
    import secrets  # only when a file is written: it costs a few ms at start

    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        path = folder / f".coach-{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(path, flags, 0o666)
        except FileExistsError:
            continue
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return fd, path
    raise FileExistsError(f"no free temporary name in {folder}")


def _held(path: Path) -> bool:
    """Another process (or this one) is writing `path` now: it holds its lock."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return True  # a link, or gone already: not ours to remove
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files coach left in `folder` (a kill, a full disk): only names
    of coach's own pattern, regular files, nobody writing them, not just made. Returns
    what was removed; anything that cannot be removed is left, silently."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not entry.is_file(follow_symlinks=False):
            continue
        age = now - info.st_mtime
        if age < (STALE_SECONDS if fcntl is not None else UNLOCKED_STALE_SECONDS):
            continue
        path = Path(entry.path)
        if _held(path):
            continue
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def folder_problem(folder: Path) -> str | None:
    """Why coach cannot create files in `folder` ("read-only", "permission denied",
    "does not exist", "not a folder"), or None when it can."""
    try:
        if not folder.is_dir():
            return "not a folder" if folder.exists() else "does not exist"
    except OSError:
        return "permission denied"
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "read-only"
    except (OSError, AttributeError):
        pass
    return "permission denied"


def reason(exc: OSError) -> str:
    """An OS error in a few plain words: "the disk is full", "read-only"..."""
    import errno

    plain = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is full",
        errno.EROFS: "read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
    }
    return plain.get(exc.errno or 0, exc.strerror or str(exc))
