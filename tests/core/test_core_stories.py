from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.core.errors import InputError
from coach.core.stories import Story, is_slug, parse_dates, slugify
from coach.core.storyfiles import read_story_file, read_story_files, render_many, render_story
from coach.core.yamlfile import MAX_BYTES
from coach.paths import samples_dir


def test_slugify_is_safe_and_never_empty() -> None:
    assert slugify("Churn model that leaked the future!") == "churn-model-that-leaked-the-future"
    assert slugify("Café ü-boot") == "cafe-u-boot"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("!!!") == "story"
    assert len(slugify("x" * 500)) <= 60
    assert is_slug(slugify("Any title at all, 100% of it"))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Mar 2023 - Sep 2023", "2023-03-01", "2023-09-01"),
        ("2023-03", "2023-03-01", "2023-03-01"),
        ("Jan 2022 to present", "2022-01-01", None),
        ("March 2021–June 2021", "2021-03-01", "2021-06-01"),
        ("", None, None),
    ],
)
def test_parse_dates(text: str, start: str | None, end: str | None) -> None:
    assert parse_dates(text) == (start, end)


@pytest.mark.parametrize("text", ["sometime", "Sep 2023 - Mar 2023", "a - b - c"])
def test_unreadable_dates_raise(text: str) -> None:
    with pytest.raises(ValueError):
        parse_dates(text)


def test_every_sample_story_loads(templates) -> None:
    loaded = read_story_files([samples_dir()], templates)
    assert len(loaded) >= 4
    assert {item.story.template for item in loaded} == {"project", "star"}
    assert len({item.story.slug for item in loaded}) == len(loaded)


def story_file(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        ("title: ''\ntemplate: star\n", 1, "title", "every story needs a title"),
        ("template: star\n", None, "title", "every story needs a title"),
        ("title: T\ntemplate: nope\n", 2, "template", "unknown template 'nope'"),
        ("title: T\ntemplate: star\nfields:\n  result: 12\n", 4, "fields.result", "must be text"),
        ("title: T\ntemplate: star\nfields:\n  bogus: x\n", 4, "fields.bogus", "not a field"),
        ("title: T\ndates: sometime\n", 2, "dates", "cannot read this as a date"),
        ("title: T\ncolour: red\n", 2, "colour", "unknown key"),
        ("title: T\ntags: {a: 1}\n", 2, "tags", "must be a list"),
        ("title: T\nslug: Not A Slug\n", 2, "slug", "lowercase"),
        ("title: [unclosed\n", 1, None, "not valid YAML"),
        ("just text\n", 1, None, "must be a mapping"),
    ],
)
def test_bad_story_files_name_file_line_and_field(
    tmp_path: Path, templates, text: str, line: int | None, field: str | None, message: str
) -> None:
    path = story_file(tmp_path, text)
    with pytest.raises(InputError) as info:
        read_story_file(path, templates)
    error = info.value
    assert error.file == str(path)
    assert error.field == field
    if line is not None:
        assert error.line == line
    assert message in str(error)
    assert str(error).startswith(str(path))


def test_binary_and_huge_files_are_refused(tmp_path: Path, templates) -> None:
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\x89PNG\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        read_story_file(binary, templates)
    huge = tmp_path / "h.yaml"
    huge.write_text("title: x\n" + "#" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="more than"):
        read_story_file(huge, templates)
    latin = tmp_path / "l.yaml"
    latin.write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_story_file(latin, templates)


def test_yaml_is_loaded_safely(tmp_path: Path, templates) -> None:
    path = story_file(tmp_path, "title: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(InputError, match="not valid YAML"):
        read_story_file(path, templates)


def test_a_slug_used_twice_in_one_import_is_refused(tmp_path: Path, templates) -> None:
    story_file(tmp_path, "title: Same\n", "a.yaml")
    story_file(tmp_path, "title: Same\n", "b.yaml")
    with pytest.raises(InputError, match="also used by"):
        read_story_files([tmp_path], templates)


texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",), blacklist_characters="\x00\r\x85\u2028\u2029"
    ),
    max_size=200,
).filter(lambda t: t.strip() != "")
short = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85"
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=short,
    fields=st.dictionaries(st.sampled_from(["situation", "task", "action", "result"]), texts),
    tags=st.lists(short, max_size=4, unique=True),
    fmt=st.sampled_from(["yaml", "json"]),
)
def test_story_files_round_trip(tmp_path_factory, templates, title, fields, tags, fmt) -> None:
    story = Story(title=title, template="star", slug=slugify(title), tags=tags, fields=fields)
    path = tmp_path_factory.mktemp("rt") / f"s.{fmt}"
    path.write_text(render_story(story, templates, fmt), encoding="utf-8")
    [loaded] = read_story_file(path, templates)
    assert loaded.story == story


def test_many_stories_render_as_a_list_that_reads_back(tmp_path: Path, templates) -> None:
    stories = [item.story for item in read_story_files([samples_dir()], templates)]
    path = story_file(tmp_path, render_many(stories, templates, "yaml"), "all.yaml")
    assert [item.story for item in read_story_file(path, templates)] == stories


def test_entries_of_a_list_file_share_one_node_tree() -> None:
    """Lines of list entries come from one parse of the file, not one parse per entry
    (which made a 200-story file take 24 s and 1 GB)."""
    from coach.core.yamlfile import parse_yaml

    doc = parse_yaml("- title: a\n  template: star\n- title: b\n  template: star\n", "x.yaml")
    first, second = doc.item(0), doc.item(1)
    assert first.root is second.root is doc.root
    assert (first.line("title"), second.line("title")) == (1, 3)
