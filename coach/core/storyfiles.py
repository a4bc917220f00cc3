"""Reading and writing story files (YAML or JSON), many at once, all-or-nothing."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from coach.core.errors import InputError
from coach.core.stories import Story, story_from_doc, story_to_dict
from coach.core.templates import TemplateSet
from coach.core.text import json_visible
from coach.core.yamlfile import read_yaml

SUFFIXES = (".yaml", ".yml", ".json")

EXPORTED = re.compile(rb'\A\s*(?:-[ \t]+|\[?\s*\{\s*)?"?format"?[ \t]*:[ \t]*1[ \t]*(?:,|\r?\n)')
"""How a story file coach wrote begins (`format: 1`, in YAML or JSON, one story or a
list): only such a file may be larger than a hand-written one."""


@dataclass(frozen=True)
class LoadedStory:
    """A validated story and where it came from, for messages."""

    story: Story
    file: str
    line: int | None


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the story files inside folders (sorted, not recursive)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
            if not found:
                raise InputError(
                    "holds no story files (.yaml, .yml, .json); give their folder or the files",
                    file=str(path),
                )
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise InputError("no such file or folder; check the path", file=str(path))
    return out


def read_story_file(path: Path, templates: TemplateSet) -> list[LoadedStory]:
    """Every story in a file: one mapping, or a list of them."""
    doc = read_yaml(path, exported=EXPORTED)
    items = [doc.item(i) for i in range(len(doc.data))] if isinstance(doc.data, list) else [doc]
    if not items:
        raise InputError("holds no story", file=doc.name)
    return [LoadedStory(story_from_doc(item, templates), doc.name, item.line()) for item in items]


def read_story_files(paths: Sequence[Path], templates: TemplateSet) -> list[LoadedStory]:
    """Every story in `paths`, validated; the first problem raises and nothing is returned.

    Two stories with one slug in the same batch are refused.
    """
    loaded: list[LoadedStory] = []
    seen: dict[str, LoadedStory] = {}
    for path in expand_paths(paths):
        for item in read_story_file(path, templates):
            first = seen.get(item.story.slug)
            if first is not None:
                raise InputError(
                    f"slug {item.story.slug!r} is also used by {first.file}; "
                    "give each story its own",
                    file=item.file,
                    line=item.line,
                    field="slug",
                )
            seen[item.story.slug] = item
            loaded.append(item)
    return loaded


class _Dumper(yaml.SafeDumper):
    pass


_READ_AS_BREAKS = frozenset("\r\x85\u2028\u2029")
"""Characters a YAML reader takes as line breaks: only double quotes keep them exact."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if not _READ_AS_BREAKS.isdisjoint(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else ">" if len(value) > 72 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88)


def dump_json(data: Any) -> str:
    return json_visible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def render_story(story: Story, templates: TemplateSet, fmt: str) -> str:
    """A story as the text of a story file in `fmt` (yaml or json)."""
    data = story_to_dict(story, templates)
    return dump_yaml(data) if fmt == "yaml" else dump_json(data)


def render_many(stories: Sequence[Story], templates: TemplateSet, fmt: str) -> str:
    """One story as a mapping, several as a list: both re-import as they are."""
    if len(stories) == 1:
        return render_story(stories[0], templates, fmt)
    data = [story_to_dict(s, templates) for s in stories]
    return dump_yaml(data) if fmt == "yaml" else dump_json(data)
