"""Form templates: the fields a story is written through, read strictly from YAML."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.core.errors import InputError
from coach.core.yamlfile import YamlDoc, read_yaml

CHECKS = ("required", "number", "comparison", "vague", "generic", "too_short", "length")
"""The checks a template field may ask for: required (not empty), number (gives a figure),
comparison (a figure set against a baseline), vague (no claim without a figure), generic
(a lesson anyone could say), too_short and length (how long it takes to say)."""

SECTIONS = ("pitch", "technical", "audience", "star", "prep")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_TEXT_KEYS = ("label", "prompt", "hint", "example")


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: what it asks, how to answer it, how long, and what to check."""

    key: str
    label: str
    section: str
    prompt: str
    hint: str
    example: str
    target_words: int
    target_seconds: int
    checks: tuple[str, ...]


@dataclass(frozen=True)
class FormTemplate:
    name: str
    title: str
    description: str
    fields: tuple[FieldSpec, ...]
    vague_words: tuple[str, ...] = ()
    source: str = ""
    origin: str = "shipped"
    pitch: tuple[str, ...] = ()
    """The fields said in order as the rehearsal's pitch; by default those in section pitch."""

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def pitch_fields(self) -> tuple[FieldSpec, ...]:
        if self.pitch:
            return tuple(f for key in self.pitch if (f := self.field(key)) is not None)
        return tuple(f for f in self.fields if f.section == "pitch")


def _text(doc: YamlDoc, value: Any, *path: str | int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise doc.error("must be a non-empty text", *path)
    return value.strip()


def _int(doc: YamlDoc, value: Any, *path: str | int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise doc.error("must be a whole number above 0", *path)
    return value


def _field(doc: YamlDoc, raw: Any, index: int) -> FieldSpec:
    if not isinstance(raw, dict):
        raise doc.error("each field must be a mapping with key, label, prompt ...", "fields", index)
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY.match(key):
        raise doc.error("key must be lower_snake_case text", "fields", index, "key")
    texts = {name: _text(doc, raw.get(name), "fields", index, name) for name in _TEXT_KEYS}
    section = raw.get("section", "pitch")
    if section not in SECTIONS:
        raise doc.error(f"section must be one of {', '.join(SECTIONS)}", "fields", index, "section")
    checks = raw.get("checks", [])
    if not isinstance(checks, list) or any(c not in CHECKS for c in checks):
        raise doc.error(f"checks must be a list of {', '.join(CHECKS)}", "fields", index, "checks")
    unknown = set(raw) - {"key", "section", "checks", "target_words", "target_seconds", *_TEXT_KEYS}
    if unknown:
        name = sorted(unknown)[0]
        raise doc.error(f"unknown setting {name!r}; remove it", "fields", index, name)
    return FieldSpec(
        key=key,
        section=section,
        target_words=_int(doc, raw.get("target_words"), "fields", index, "target_words"),
        target_seconds=_int(doc, raw.get("target_seconds"), "fields", index, "target_seconds"),
        checks=tuple(checks),
        **texts,
    )


def parse_template(doc: YamlDoc, *, expected_name: str, origin: str) -> FormTemplate:
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error("a template must be a mapping with name, title and fields")
    if data.get("format", 1) != 1:
        raise doc.error("unknown format; this coach reads format 1", "format")
    name = data.get("name")
    if name != expected_name:
        raise doc.error(f"name must be {expected_name!r}, the file's name", "name")
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise doc.error("fields must be a non-empty list", "fields")
    fields = [_field(doc, raw, i) for i, raw in enumerate(raw_fields)]
    seen: set[str] = set()
    for i, spec in enumerate(fields):
        if spec.key in seen:
            raise doc.error(f"key {spec.key!r} is used twice", "fields", i, "key")
        seen.add(spec.key)
    vague = data.get("vague_words", [])
    if not isinstance(vague, list) or not all(isinstance(w, str) and w.strip() for w in vague):
        raise doc.error("vague_words must be a list of words", "vague_words")
    pitch = data.get("pitch", [])
    if not isinstance(pitch, list) or any(k not in seen for k in pitch):
        raise doc.error("pitch must be a list of this template's field keys", "pitch")
    return FormTemplate(
        name=name,
        pitch=tuple(pitch),
        title=_text(doc, data.get("title"), "title"),
        description=str(data.get("description") or "").strip(),
        fields=tuple(fields),
        vague_words=tuple(w.strip().lower() for w in vague),
        source=doc.name,
        origin=origin,
    )


def load_template(path: Path, *, origin: str = "user") -> FormTemplate:
    return parse_template(read_yaml(path), expected_name=path.stem, origin=origin)


@dataclass
class TemplateSet:
    """The templates in use, by name, and the user templates that could not be read."""

    templates: dict[str, FormTemplate] = field(default_factory=dict)
    problems: list[InputError] = field(default_factory=list)
    overridden: dict[str, FormTemplate] = field(default_factory=dict)

    def get(self, name: str) -> FormTemplate:
        try:
            return self.templates[name]
        except KeyError:
            known = ", ".join(sorted(self.templates)) or "none"
            raise InputError(f"unknown template {name!r}; known templates: {known}") from None

    def names(self) -> list[str]:
        return sorted(self.templates)


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of one folder of templates, in the order they are read."""
    return sorted(folder.glob("*.yaml"))


def template_files(shipped: Path, user_dirs: Iterable[Path] = ()) -> list[Path]:
    """Every form template file `load_templates` reads, in its order."""
    return [path for folder in (shipped, *user_dirs) for path in yaml_files(folder / "forms")]


def load_templates(shipped: Path, user_dirs: Iterable[Path] = ()) -> TemplateSet:
    """Shipped form templates, then the user's, which override the shipped ones by name.

    A broken shipped template raises; a broken user template is recorded in `problems`
    and the shipped template of that name stays in use.
    """
    result = TemplateSet()
    for path in yaml_files(shipped / "forms"):
        result.templates[path.stem] = load_template(path, origin="shipped")
    for folder in user_dirs:
        for path in yaml_files(folder / "forms"):
            try:
                template = load_template(path, origin="user")
            except InputError as exc:
                result.problems.append(exc)
                continue
            if template.name in result.templates:
                result.overridden[template.name] = result.templates[template.name]
            result.templates[template.name] = template
    return result
