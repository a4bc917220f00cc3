"""Story files as people write them: keys given twice, titles in any script, a bare year
in `dates`, and files larger than a hand-written one (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.errors import InputError
from coach.core.filenames import NamePicker
from coach.core.stories import Story, is_slug, slugify
from coach.core.storyfiles import read_story_file, read_story_files, render_many
from coach.core.yamlfile import EXPORT_MAX_BYTES, MAX_BYTES


def story_file(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(path: Path, templates) -> InputError:
    with pytest.raises(InputError) as info:
        read_story_file(path, templates)
    return info.value


# -- a key given twice -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "first", "second"),
    [
        ("title: One\ntemplate: star\ntitle: Two\n", "title", 1, 3),
        (
            "title: T\ntemplate: star\nfields:\n  result: one\n  task: t\n  result: two\n",
            "result",
            4,
            6,
        ),
        (
            "- title: A\n  template: star\n- title: B\n  template: star\n  'title': C\n",
            "title",
            3,
            5,
        ),
    ],
)
def test_a_key_given_twice_is_refused_naming_both_lines(
    tmp_path: Path, templates, text: str, key: str, first: int, second: int
) -> None:
    path = story_file(tmp_path, text)
    error = refusal(path, templates)
    assert error.file == str(path)
    assert error.line == second
    assert f"'{key}'" in error.message
    assert f"line {first}" in error.message
    assert "keep one" in error.message


def test_a_json_key_given_twice_is_refused_naming_both_lines(tmp_path: Path, templates) -> None:
    text = (
        '{\n  "title": "T",\n  "template": "star",\n'
        '  "fields": {\n    "task": "a",\n    "task": "b"\n  }\n}\n'
    )
    path = story_file(tmp_path, text, "s.json")
    error = refusal(path, templates)
    assert error.line == 6
    assert "'task'" in error.message and "line 5" in error.message


def test_a_json_key_given_twice_is_found_where_yaml_cannot_read_the_file(
    tmp_path: Path, templates
) -> None:
    text = '{"title": "T\u0080",\n "template": "star",\n "template": "star"}\n'
    error = refusal(story_file(tmp_path, text, "s.json"), templates)
    assert error.line == 3 and "'template'" in error.message and "line 2" in error.message


def test_a_merge_key_is_not_a_key_given_twice(tmp_path: Path, templates) -> None:
    text = "- &base {title: A, template: star, company: Acme}\n- <<: *base\n  title: B\n"
    loaded = read_story_file(story_file(tmp_path, text), templates)
    assert [(i.story.title, i.story.company) for i in loaded] == [("A", "Acme"), ("B", "Acme")]


# -- slugs from any script -------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("数据管道的重构", "数据管道的重构"),
        ("Модель оттока клиентов", "модель-оттока-клиентов"),
        ("Μοντέλο απώλειας πελατών", "μοντέλο-απώλειας-πελατών"),
        ("نموذج التنبؤ بالطلب", "نموذج-التنبؤ-بالطلب"),
        ("हिन्दी खोज रैंकिंग", "हिन्दी-खोज-रैंकिंग"),
        ("검색 순위 모델", "검색-순위-모델"),
        ("Churn model: ＡＢ test ②", "churn-model-ab-test-2"),
        ("Café ü-boot", "cafe-u-boot"),
        ("Straße İstanbul", "straße-istanbul"),
        ("!!!", "story"),
    ],
)
def test_slugs_keep_the_letters_of_any_script(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert is_slug(slug)


def test_a_long_title_in_any_script_gives_a_short_valid_slug() -> None:
    for title in ["数据" * 100, "हिन्दी " * 40, "ж" * 200]:
        slug = slugify(title)
        assert 0 < len(slug) <= 60 and is_slug(slug)


@pytest.mark.parametrize("text", ["Модель", "a--b", "-a", "a b", "a/b", "ﬁle", "\u0301a", "a_b"])
def test_what_is_not_a_slug(text: str) -> None:
    assert not is_slug(text)


def test_two_titles_without_latin_letters_import_together(tmp_path: Path, templates) -> None:
    story_file(tmp_path, "title: 数据管道\ntemplate: star\n", "a.yaml")
    story_file(tmp_path, "title: Модель оттока\ntemplate: star\n", "b.yaml")
    story_file(tmp_path, "title: Μοντέλο\ntemplate: star\n", "c.yaml")
    slugs = [item.story.slug for item in read_story_files([tmp_path], templates)]
    assert slugs == ["数据管道", "модель-оттока", "μοντέλο"]


def test_a_slug_in_another_script_reads_back_from_its_file(tmp_path: Path, templates) -> None:
    stories = [
        Story(title="Модель оттока", template="star", slug="модель-оттока"),
        Story(title="数据管道", template="star", slug="数据管道"),
    ]
    path = story_file(tmp_path, render_many(stories, templates, "yaml"))
    assert [item.story for item in read_story_file(path, templates)] == stories


def test_file_names_from_slugs_in_any_script_stay_safe_and_distinct() -> None:
    picker = NamePicker(".md")
    slugs = [slugify(t) for t in ["数据管道", "Модель", "МОДЕЛЬ", "Μοντέλο", "Straße"]]
    names = [picker.pick(s) for s in slugs]
    assert names == ["数据管道.md", "модель.md", "модель-2.md", "μοντέλο.md", "straße.md"]
    assert all(not set(n) & set('<>:"/\\|?*') for n in names)


# -- dates as people write them --------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("2021", "2021"),
        ("2021-03-01", "2021-03-01"),
        ("2021-03-01 09:30:00", "2021-03-01 09:30:00"),
        ("'2021'", "2021"),
    ],
)
def test_a_year_or_a_date_in_dates_is_the_text_written(
    tmp_path: Path, templates, written: str, kept: str
) -> None:
    path = story_file(tmp_path, f"title: T\ntemplate: star\ndates: {written}\n")
    [loaded] = read_story_file(path, templates)
    assert loaded.story.dates == kept


def test_a_year_in_json_dates_is_text(tmp_path: Path, templates) -> None:
    path = story_file(tmp_path, '{"title": "T", "template": "star", "dates": 2021}', "s.json")
    [loaded] = read_story_file(path, templates)
    assert loaded.story.dates == "2021"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("title: 2021\n", "title"),
        ("title: T\ncompany: 42\n", "company"),
        ("title: T\ndates: true\n", "dates"),
        ("title: T\ndates: 2021.5\n", "dates"),
        ("title: T\ndates: [2021, 2022]\n", "dates"),
    ],
)
def test_other_non_text_values_are_still_refused(
    tmp_path: Path, templates, text: str, field: str
) -> None:
    error = refusal(story_file(tmp_path, text), templates)
    assert error.field == field
    assert "must be text" in error.message


# -- large files -----------------------------------------------------------------------


def test_a_large_file_as_coach_writes_it_is_read(tmp_path: Path, templates) -> None:
    text = "x " * 2_000
    stories = [
        Story(title=f"Story {i}", template="star", slug=f"story-{i}", fields={"task": text})
        for i in range(300)
    ]
    for fmt in ("yaml", "json"):
        path = story_file(tmp_path, render_many(stories, templates, fmt), f"bank.{fmt}")
        assert path.stat().st_size > MAX_BYTES
        assert [item.story for item in read_story_file(path, templates)] == stories


def test_a_large_file_not_written_by_coach_is_refused(tmp_path: Path, templates) -> None:
    path = story_file(tmp_path, "title: x\n" + "# filler\n" * (MAX_BYTES // 9 + 1))
    error = refusal(path, templates)
    assert "more than the 1,000,000" in error.message
    assert "format: 1" in error.message


@pytest.mark.parametrize("head", [b"\x89PNG\r\n\x1a\n", b"format: 1\ntitle: big\n"])
def test_a_huge_file_is_refused_at_once_unread(tmp_path: Path, templates, head: bytes) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as out:
        out.write(head)
        out.truncate(EXPORT_MAX_BYTES * 20)  # sparse: nothing is written to disk
    error = refusal(path, templates)  # by its size: a 2 GB file is never read
    assert "more than" in error.message and error.file == str(path)
