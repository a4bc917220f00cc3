"""Stories and the story-file format shared by import, export and the samples."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from coach.core.templates import TemplateSet
from coach.core.yamlfile import YamlDoc

FORMAT = 1
META_KEYS = ("title", "slug", "template", "company", "role", "dates")
LIST_KEYS = ("tags", "competencies")
_ALL_KEYS = {"format", *META_KEYS, *LIST_KEYS, "archived", "fields"}
_RANGE_SPLIT = re.compile(r"\s+(?:-|–|—|to|until)\s+|\s*[–—]\s*", re.IGNORECASE)
_OPEN_END = {"present", "now", "today", "current", "ongoing"}
SLUG_MAX = 60


@dataclass
class Story:
    """A story as the user wrote it: metadata and one text per template field."""

    title: str
    template: str
    slug: str = ""
    company: str = ""
    role: str = ""
    dates: str = ""
    tags: list[str] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    archived: bool = False
    id: int | None = None
    updated_at: str = ""


def _plain_latin(text: str) -> str:
    """`text` with the accents of Latin letters dropped ("café" -> "cafe"); the marks of
    other scripts, which are part of their letters (Devanagari, Arabic), stay."""
    out: list[str] = []
    after_ascii = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not after_ascii:
                out.append(ch)
            continue
        out.append(ch)
        after_ascii = ch.isascii()
    return unicodedata.normalize("NFC", "".join(out))


def _is_word_char(ch: str) -> bool:
    return ch != "_" and unicodedata.category(ch)[0] in "LNM"


def _is_mark(ch: str) -> bool:
    """A vowel sign, accent or other mark: part of the letter before it."""
    return unicodedata.category(ch)[0] == "M"


def _words(text: str) -> list[str]:
    words: list[str] = []
    word: list[str] = []
    for ch in text:
        if _is_word_char(ch) and (word or not _is_mark(ch)):
            word.append(ch)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return words


def slugify(title: str) -> str:
    """A lowercase slug made from a title in any script, never empty, at most SLUG_MAX
    characters: its letters and digits (NFKC, Latin accents dropped) joined by dashes."""
    slug = "-".join(_words(_plain_latin(unicodedata.normalize("NFKC", title).lower())))
    if len(slug) > SLUG_MAX:
        end = SLUG_MAX
        while end > 0 and _is_mark(slug[end]):
            end -= 1  # never part a letter from its marks
        slug = slug[:end].rstrip("-")
    return slug or "story"


def is_slug(text: str) -> bool:
    """Lowercase letters (any script) and digits, in words joined by single dashes."""
    return (
        0 < len(text) <= SLUG_MAX
        and text == unicodedata.normalize("NFKC", text) == text.lower()
        and all(_words(part) == [part] for part in text.split("-"))
    )


def _one_date(text: str) -> str | None:
    from dateutil import parser as dateparser  # only when there are dates to read

    text = text.strip()
    if text.lower() in _OPEN_END:
        return None
    parsed = dateparser.parse(text, default=dt.datetime(2000, 1, 1))
    return parsed.date().isoformat()


def parse_dates(text: str) -> tuple[str | None, str | None]:
    """Start and end (ISO dates) of a free-text date or range such as 'Mar 2023 - Sep 2023'.

    Raises ValueError when a part cannot be read as a date.
    """
    text = text.strip()
    if not text:
        return None, None
    parts = [p for p in _RANGE_SPLIT.split(text) if p.strip()]
    if len(parts) > 2 or not parts:
        raise ValueError(text)
    try:
        dates = [_one_date(p) for p in parts]
    except (ValueError, OverflowError):
        raise ValueError(text) from None
    start = dates[0]
    end = dates[1] if len(dates) == 2 else start
    if start and end and end < start:
        raise ValueError(text)
    return start, end


def _as_text(doc: YamlDoc, value: Any, *path: str, year_ok: bool = False) -> str:
    """Text, or a date (or, if `year_ok`, a bare year) as the file spells it."""
    if value is None:
        return ""
    if isinstance(value, dt.date) or (
        year_ok and isinstance(value, int) and not isinstance(value, bool)
    ):
        written = doc.written(*path)
        value = written if written is not None else str(value)
    if not isinstance(value, str):
        raise doc.error("must be text; put it in quotes", *path)
    return value.strip()


def _as_list(doc: YamlDoc, value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if not isinstance(value, list):
        raise doc.error("must be a list such as [churn, ranking]", key)
    items: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str | int | float) or isinstance(item, bool):
            raise doc.error("each entry must be a short text", key, i)
        text = str(item).strip()
        if text and text not in items:
            items.append(text)
    return items


def story_from_doc(doc: YamlDoc, templates: TemplateSet) -> Story:
    """Validate a parsed story file into a Story, or raise InputError naming file, line, field."""
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error("a story file must be a mapping with title, template and fields")
    unknown = sorted(str(k) for k in data if k not in _ALL_KEYS)
    if unknown:
        raise doc.error(f"unknown key {unknown[0]!r}; see the story-file format", unknown[0])
    if data.get("format", FORMAT) != FORMAT:
        raise doc.error(f"unknown format; this coach reads format {FORMAT}", "format")
    title = _as_text(doc, data.get("title"), "title")
    if not title:
        raise doc.error("missing; every story needs a title", "title", field="title")
    template_name = _as_text(doc, data.get("template", "project"), "template")
    if template_name not in templates.templates:
        known = ", ".join(templates.names())
        raise doc.error(f"unknown template {template_name!r}; use one of: {known}", "template")
    template = templates.templates[template_name]
    slug = _as_text(doc, data.get("slug"), "slug")
    if slug and not is_slug(slug):
        raise doc.error(
            f"use lowercase letters, digits and single dashes only, at most {SLUG_MAX} characters",
            "slug",
        )
    dates = _as_text(doc, data.get("dates"), "dates", year_ok=True)
    try:
        parse_dates(dates)
    except ValueError:
        raise doc.error(
            "cannot read this as a date; write e.g. 'Mar 2023 - Sep 2023'", "dates"
        ) from None
    archived = data.get("archived", False)
    if not isinstance(archived, bool):
        raise doc.error("must be true or false", "archived")
    raw_fields = data.get("fields") or {}
    if not isinstance(raw_fields, dict):
        raise doc.error("must be a mapping of field key to text", "fields")
    fields: dict[str, str] = {}
    for key, value in raw_fields.items():
        if key not in template.keys:
            known = ", ".join(template.keys)
            raise doc.error(
                f"not a field of template {template_name!r}; use one of: {known}",
                "fields",
                str(key),
                field=f"fields.{key}",
            )
        if value is None:
            continue
        if not isinstance(value, str):
            raise doc.error(
                "must be text; put it in quotes or use a | block",
                "fields",
                key,
                field=f"fields.{key}",
            )
        if value.strip():
            fields[key] = value
    return Story(
        title=title,
        template=template_name,
        slug=slug or slugify(title),
        company=_as_text(doc, data.get("company"), "company"),
        role=_as_text(doc, data.get("role"), "role"),
        dates=dates,
        tags=_as_list(doc, data.get("tags"), "tags"),
        competencies=_as_list(doc, data.get("competencies"), "competencies"),
        fields=fields,
        archived=archived,
    )


def story_to_dict(story: Story, templates: TemplateSet | None = None) -> dict[str, Any]:
    """The story-file form of a story; fields in template order, empty ones left out."""
    order: tuple[str, ...] = ()
    if templates is not None and story.template in templates.templates:
        order = templates.templates[story.template].keys
    keys = [k for k in order if k in story.fields] + sorted(
        k for k in story.fields if k not in order
    )
    out: dict[str, Any] = {"format": FORMAT, "title": story.title, "slug": story.slug}
    out["template"] = story.template
    for key in ("company", "role", "dates"):
        if getattr(story, key):
            out[key] = getattr(story, key)
    for key in LIST_KEYS:
        if getattr(story, key):
            out[key] = list(getattr(story, key))
    if story.archived:
        out["archived"] = True
    out["fields"] = {k: story.fields[k] for k in keys if story.fields[k].strip()}
    return out
