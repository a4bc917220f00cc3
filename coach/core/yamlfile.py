"""Reading YAML strictly: safe_load only, with the line of every key kept for messages."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from coach.core.errors import InputError

MAX_BYTES = 1_000_000
"""A story or template file larger than this is refused, not parsed."""

EXPORT_MAX_BYTES = 100_000_000
"""A story file coach exported (a whole bank in one file) may be this large: some
20,000 stories of 800 words. Beyond it, or not exported, a file is refused unparsed."""

_HEAD_BYTES = 4096

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe loader, in C where libyaml is there: it constructs only plain data either way."""


class KeyTwice(Exception):
    """A mapping gives one key twice: a reader keeps the second value and drops the first."""

    def __init__(self, key: str, first: int | None, second: int | None) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second

    def error(self, name: str) -> InputError:
        where = f" (first on line {self.first})" if self.first else ""
        return InputError(
            f"key {self.key!r} is given twice{where}; keep one, or join their texts",
            file=name,
            line=self.second,
        )


class _StrictLoader(SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader, refusing a key given twice in one mapping (merge keys aside)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            key = self.construct_object(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise KeyTwice(str(key), seen[key], line)
            seen[key] = line
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


@dataclass
class YamlDoc:
    """A parsed document; its node tree (for the line of a key) is built only when a
    message needs it. `base` locates this document inside its file's text."""

    name: str
    data: Any
    text: str | None = None
    base: tuple[str | int, ...] = ()
    parent: YamlDoc | None = None
    """The whole file's document, for an entry of a list: its node tree is built once
    for all entries (one tree per entry made a long list quadratic in time and memory)."""

    @cached_property
    def root(self) -> yaml.Node | None:
        if self.parent is not None:
            return self.parent.root
        if self.text is None:
            return None
        try:
            return yaml.compose(self.text, Loader=SafeLoader)
        except yaml.YAMLError:
            return None

    def item(self, index: int) -> YamlDoc:
        """The document for one entry of a list at the top of the file."""
        return YamlDoc(self.name, self.data[index], self.text, (*self.base, index), self)

    def line(self, *path: str | int) -> int | None:
        """The 1-based line of the value at `path` (keys and list indexes), or of its parent."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for step in (*self.base, *path):
            child = _child(node, step)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    def written(self, *path: str | int) -> str | None:
        """The scalar at `path` as the file spells it (a date as written, not as parsed)."""
        node = self.root
        for step in (*self.base, *path):
            node = _child(node, step)
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def error(self, message: str, *path: str | int, field: str | None = None) -> InputError:
        label = field if field is not None else ".".join(str(p) for p in path) or None
        return InputError(message, file=self.name, line=self.line(*path), field=label)


def _child(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                found: yaml.Node = value
                return found
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        if 0 <= step < len(node.value):
            item: yaml.Node = node.value[step]
            return item
    return None


def _key_twice(doc: YamlDoc, key: str) -> KeyTwice:
    """Where a key JSON found twice is: from the file's node tree when YAML can read it,
    else where the key is written as a key."""
    todo = [doc.root] if doc.root is not None else []
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            lines = [
                k.start_mark.line + 1
                for k, _ in node.value
                if isinstance(k, yaml.ScalarNode) and k.value == key
            ]
            if len(lines) > 1:
                return KeyTwice(key, lines[0], lines[1])
            todo.extend(v for _, v in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(reversed(node.value))
    text = doc.text or ""
    spelled = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:")
    found = [text.count("\n", 0, m.start()) + 1 for m in spelled.finditer(text)]
    return KeyTwice(key, *found[:2]) if len(found) > 1 else KeyTwice(key, None, None)


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise KeyTwice(key, None, None)
            seen.add(key)
    return found


def parse_yaml(text: str, name: str) -> YamlDoc:
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a safe loader
    except KeyTwice as twice:
        raise twice.error(name) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        last_line = text.count("\n") + 1
        if mark is not None and mark.line + 1 > last_line - 1 and exc.context_mark is not None:
            mark = exc.context_mark  # the problem is the end of the file: say where it began
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "cannot be read"
        raise InputError(
            f"not valid YAML ({problem}); fix the syntax there", file=name, line=line
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML ({exc}); fix the syntax", file=name) from None
    return YamlDoc(name=name, data=data, text=text)


def _too_large(name: str, size: int | None, limit: int, advice: str) -> InputError:
    said = f"{size:,} bytes, more than the {limit:,}" if size else f"more than the {limit:,} bytes"
    return InputError(f"file is {said} {advice}", file=name)


def _read_bytes(path: Path, exported: re.Pattern[bytes] | None) -> bytes:
    """The file's bytes, reading no more than its limit (a device or pipe has no size)."""
    name = str(path)
    with path.open("rb") as stream:
        raw = stream.read(MAX_BYTES + 1)
        if len(raw) <= MAX_BYTES:
            return raw
        known = os.fstat(stream.fileno()).st_size
        size = known if known >= len(raw) else None
        if exported is None:
            raise _too_large(name, size, MAX_BYTES, "allowed; is it a story file?")
        if not exported.match(raw[:_HEAD_BYTES]):
            raise _too_large(
                name,
                size,
                MAX_BYTES,
                "a hand-written story file may have; only a file coach exported "
                "(it starts with format: 1) may be larger",
            )
        if size is None or size > EXPORT_MAX_BYTES:
            raise _too_large(
                name,
                size,
                EXPORT_MAX_BYTES,
                "even an exported bank may have; export it to a folder, a file a story",
            )
        stream.seek(0)
        raw = stream.read(EXPORT_MAX_BYTES + 1)
    if len(raw) > EXPORT_MAX_BYTES:  # it grew while we read
        raise _too_large(name, None, EXPORT_MAX_BYTES, "an exported bank may have")
    return raw


def read_yaml(path: Path, *, exported: re.Pattern[bytes] | None = None) -> YamlDoc:
    """Read a YAML (or .json) file, refusing binary, huge or undecodable files with one
    clear line. Files over MAX_BYTES are refused unparsed unless their first bytes match
    `exported` (how coach starts the files it writes): those may reach EXPORT_MAX_BYTES."""
    name = str(path)
    try:
        raw = _read_bytes(path, exported)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", file=name) from None
    if b"\x00" in raw:
        raise InputError("looks like a binary file, not YAML text", file=name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("not UTF-8 text; save it as UTF-8", file=name, line=line) from None
    if path.suffix.lower() == ".json":
        return parse_json(text, name)
    return parse_yaml(text, name)


def parse_json(text: str, name: str) -> YamlDoc:
    """JSON, read as JSON (YAML refuses some characters JSON allows), lines kept if possible."""
    try:
        data = json.loads(text, object_pairs_hook=_json_pairs)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg}); fix the syntax there", file=name, line=exc.lineno
        ) from None
    except KeyTwice as twice:
        raise _key_twice(YamlDoc(name, None, text), twice.key).error(name) from None
    return YamlDoc(name=name, data=data, text=text)
