"""Reading YAML strictly: safe_load only, with the line of every key kept for messages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from coach.core.errors import InputError

MAX_BYTES = 1_000_000
"""A story or template file larger than this is refused, not parsed."""

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe loader, in C where libyaml is there: it constructs only plain data either way."""


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


def parse_yaml(text: str, name: str) -> YamlDoc:
    try:
        data = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
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


def read_yaml(path: Path) -> YamlDoc:
    """Read a YAML file, refusing binary, huge or undecodable files with one clear line."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"file is {size:,} bytes, more than the {MAX_BYTES:,} allowed; is it a story file?",
                file=name,
            )
        raw = path.read_bytes()
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
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg}); fix the syntax there", file=name, line=exc.lineno
        ) from None
    return YamlDoc(name=name, data=data, text=text)
