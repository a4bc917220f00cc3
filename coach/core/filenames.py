"""File names made from story titles or slugs that are safe on every common OS."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM_BYTES = 120
"""Room under the usual 255-byte limit for a suffix, a counter and a temporary prefix."""

_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"com{i}" for i in range(10)]
    + [f"lpt{i}" for i in range(10)]
    + ["com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³"]
)
"""Names Windows keeps for devices, with or without an extension, in any case."""

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_SPACES = re.compile(r"\s+")


def _cut(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, never inside a character."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def safe_stem(name: str) -> str:
    """A file-name stem with no path separators, device names or hidden-file dot.

    Letters of any script are kept; characters that some OS refuses become '-'.
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", name))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = _UNSAFE.sub("-", text).strip()
    text = text.replace("..", "-").strip(" .-")
    text = _cut(text, MAX_STEM_BYTES).rstrip(" .-")
    if not text:
        return "story"
    if text.split(".")[0].strip().casefold() in _RESERVED:
        text = f"{text}-story"
    return text


class NamePicker:
    """Gives each stem a file name not given before in this batch, comparing as
    case-insensitive file systems (Windows, macOS) do."""

    def __init__(self, suffix: str, reserved: tuple[str, ...] = ()) -> None:
        """`suffix`: what every name ends in, with or without its dot (.md or md)."""
        self.suffix = suffix.removeprefix(".")
        self._taken: set[str] = {n.casefold() for n in reserved}

    def pick(self, name: str) -> str:
        stem = safe_stem(name)
        candidate = f"{stem}.{self.suffix}"
        count = 1
        while candidate.casefold() in self._taken:
            count += 1
            candidate = f"{stem}-{count}.{self.suffix}"
        self._taken.add(candidate.casefold())
        return candidate
