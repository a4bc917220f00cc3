"""The form templates and question sets, parsed once and kept in the user's cache folder.

Reading the shipped question sets from YAML and checking every question takes about a
tenth of a second; unpickling what that made takes a millisecond or two. A cache file
holds one result with the key it was made under: coach's version, its parsing code (the
size and time of every module of `coach/core`) and every source file read (its path, size,
times and inode). Anything else found there (another key, a file from another coach, a
damaged or foreign file) is ignored and made again, so a cached result is never a stale
one. A result with problems (a broken user file) is never kept: its messages are said
again at each start. The cache is only ever a shortcut: a folder that cannot be written
means parsing every time.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import coach
from coach.core.templates import TemplateSet, load_templates, template_files
from coach.safefiles import create_temp

if TYPE_CHECKING:
    from coach.core.questions import QuestionSets

T = TypeVar("T")

_MAGIC = b"coach-parse-cache 1\n"
_DIGEST = 4
"""The CRC-32 of what follows, against a file cut short or damaged (not against malice:
only a file the user owns and nobody else can write is read at all)."""
_CODE = Path(coach.__file__).parent / "core"
"""The parsing code and the data it checks against (signals, red flags, story kinds)."""


def _stamp(path: Path) -> tuple[str, int, int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _code() -> list[tuple[str, int, int, int, int] | None]:
    try:
        names = sorted(e.name for e in os.scandir(_CODE) if e.name.endswith(".py"))
    except OSError:
        names = []
    return [_stamp(_CODE / name) for name in names]


def cache_key(kind: str, sources: Sequence[Path]) -> bytes:
    """What a result of `kind` read from `sources` is kept under: it changes whenever
    coach, its parsing code or any source file (or the list of them) does."""
    parts = (kind, coach.__version__, sys.hexversion, _code(), [_stamp(p) for p in sources])
    return repr(parts).encode("utf-8")


def _owned(fd: int) -> bool:
    """The cache file is the user's own and nobody else can write it."""
    info = os.fstat(fd)
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # pragma: no cover - Windows: the folder's ACL guards it
        return True
    return info.st_uid == getuid() and not info.st_mode & 0o022


def _no_link(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))


def _read(path: Path, key: bytes) -> object | None:
    """The result kept at `path` under `key`, or None when there is none to trust."""
    try:
        with open(path, "rb", opener=_no_link) as stream:
            if not _owned(stream.fileno()):
                return None
            raw = stream.read()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if not raw.startswith(_MAGIC) or len(raw) < head:
        return None
    digest, body = raw[len(_MAGIC) : head], raw[head:]
    if zlib.crc32(body).to_bytes(_DIGEST, "big") != digest:
        return None
    try:
        kept_key, value = pickle.loads(body)  # noqa: S301 - our own file, checked above
    except Exception:  # noqa: BLE001 - a file from another coach: made again, never trusted
        return None
    return value if kept_key == key else None


def _write(path: Path, key: bytes, value: object) -> None:
    """Keep `value` at `path`, whole or not at all; a folder that cannot be written is
    left as it is (the cache is a shortcut, never a requirement)."""
    body = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    data = _MAGIC + zlib.crc32(body).to_bytes(_DIGEST, "big") + body
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = create_temp(path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def cached(
    folder: Path | None,
    kind: str,
    sources: Sequence[Path],
    make: Callable[[], T],
    keep: Callable[[T], bool],
    expected: type[T],
) -> T:
    """The result of `make()`, taken from the cache `folder` when it holds one made from
    the same `sources` by the same coach; made and kept there (if `keep` says so) when
    not. No folder: made every time."""
    if folder is None:
        return make()
    path = folder / f"{kind}.pickle"
    key = cache_key(kind, sources)
    found = _read(path, key)
    if isinstance(found, expected):
        return found
    made = make()
    if keep(made):
        _write(path, key, made)
    return made


def templates(folder: Path | None, shipped: Path, user_dirs: Iterable[Path]) -> TemplateSet:
    """`load_templates(shipped, user_dirs)`, through the cache in `folder`."""
    users = list(user_dirs)
    return cached(
        folder,
        "templates",
        template_files(shipped, users),
        lambda: load_templates(shipped, users),
        lambda found: not found.problems,
        TemplateSet,
    )


def question_sets(
    folder: Path | None, shipped: Path, found: TemplateSet, user_dirs: Iterable[Path]
) -> QuestionSets:
    """`load_question_sets(shipped, found, user_dirs)`, through the cache in `folder`; the
    templates' own files are among its sources (a question set is checked against them)."""
    from coach.core.questions import QuestionSets, load_question_sets, question_files

    users = list(user_dirs)
    return cached(
        folder,
        "questions",
        [*template_files(shipped, users), *question_files(shipped, users)],
        lambda: load_question_sets(shipped, found, users),
        lambda made: not made.problems and not found.problems,
        QuestionSets,
    )
