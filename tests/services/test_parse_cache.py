"""The parsed templates and question sets kept in the cache folder: read again without
parsing, made again whenever a source, coach or its parsing code changes, and never
trusted when damaged, foreign or someone else's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import coach.core.questions
import coach.core.templates
from coach.core.errors import InputError
from coach.paths import shipped_templates_dir
from coach.services import parse_cache
from coach.services.workspace import Workspace

SHIPPED_PROJECT = (shipped_templates_dir() / "forms" / "project.yaml").read_text(encoding="utf-8")
SHIPPED_QUESTIONS = (shipped_templates_dir() / "questions" / "project.yaml").read_text(
    encoding="utf-8"
)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def fresh(tmp_path: Path, config: Path, cache: Path) -> Workspace:
    """A new workspace, as the next start of coach makes it."""
    return Workspace(tmp_path / "coach.db", config, cache)


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every YAML file parsed from here on, by name."""
    parsed: list[str] = []
    read = coach.core.templates.read_yaml

    def counting(path: Path, **kwargs: object) -> object:
        parsed.append(path.name)
        return read(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(coach.core.templates, "read_yaml", counting)
    monkeypatch.setattr(coach.core.questions, "read_yaml", counting)
    return parsed


def write_user_form(config: Path, title: str) -> Path:
    forms = config / "templates" / "forms"
    forms.mkdir(parents=True, exist_ok=True)
    path = forms / "project.yaml"
    path.write_text(
        SHIPPED_PROJECT.replace("title: Project summary", f"title: {title}"), encoding="utf-8"
    )
    return path


def test_the_next_start_reads_the_parsed_result_and_parses_nothing(
    tmp_path: Path, config: Path, cache: Path, no_parsing: list[str]
) -> None:
    first = fresh(tmp_path, config, cache)
    templates, questions = first.templates, first.question_sets
    assert no_parsing  # the first start parses
    assert sorted(p.name for p in cache.iterdir()) == ["questions.pickle", "templates.pickle"]
    no_parsing.clear()
    second = fresh(tmp_path, config, cache)
    assert second.templates == templates
    assert second.question_sets == questions
    assert no_parsing == []


def test_a_changed_user_template_is_read_again(
    tmp_path: Path, config: Path, cache: Path, no_parsing: list[str]
) -> None:
    path = write_user_form(config, "Mine, first")
    assert fresh(tmp_path, config, cache).templates.get("project").title == "Mine, first"
    write_user_form(config, "Mine, then")  # the same size, written again
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    no_parsing.clear()
    assert fresh(tmp_path, config, cache).templates.get("project").title == "Mine, then"
    assert "project.yaml" in no_parsing


def test_a_new_user_file_and_a_removed_one_are_seen(
    tmp_path: Path, config: Path, cache: Path
) -> None:
    assert fresh(tmp_path, config, cache).templates.get("project").origin == "shipped"
    path = write_user_form(config, "Mine")
    assert fresh(tmp_path, config, cache).templates.get("project").origin == "user"
    path.unlink()
    assert fresh(tmp_path, config, cache).templates.get("project").origin == "shipped"


def test_the_question_sets_are_checked_again_when_a_template_changes(
    tmp_path: Path, config: Path, cache: Path
) -> None:
    """A question set is valid only against its template's fields: the shipped questions
    cached as valid are checked again when a user template renames a field they probe."""
    assert fresh(tmp_path, config, cache).question_sets.for_template("project")
    forms = config / "templates" / "forms"
    forms.mkdir(parents=True)
    (forms / "project.yaml").write_text(
        SHIPPED_PROJECT.replace("key: findings", "key: lessons"), encoding="utf-8"
    )
    with pytest.raises(InputError, match="findings"):
        fresh(tmp_path, config, cache).question_sets  # noqa: B018


def test_a_users_question_set_is_read_over_the_cached_shipped_one(
    tmp_path: Path, config: Path, cache: Path
) -> None:
    assert fresh(tmp_path, config, cache).question_sets.for_template("project").origin == (
        "shipped"
    )
    questions = config / "templates" / "questions"
    questions.mkdir(parents=True)
    (questions / "project.yaml").write_text(
        SHIPPED_QUESTIONS.replace("title: Project follow-ups", "title: Mine"), encoding="utf-8"
    )
    mine = fresh(tmp_path, config, cache).question_sets.for_template("project")
    assert (mine.origin, mine.title) == ("user", "Mine")


def test_a_broken_user_file_is_said_at_every_start(
    tmp_path: Path, config: Path, cache: Path
) -> None:
    forms = config / "templates" / "forms"
    forms.mkdir(parents=True)
    (forms / "project.yaml").write_text("name: project\nfields: [\n", encoding="utf-8")
    for _ in range(2):
        found = fresh(tmp_path, config, cache).templates
        assert len(found.problems) == 1
        assert "project.yaml" in str(found.problems[0])
        assert found.get("project").origin == "shipped"
    assert not (cache / "templates.pickle").exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short by a full disk
        lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]),  # one bit flipped
        lambda raw: b"",
        lambda raw: b"not a cache at all",
    ],
)
def test_a_damaged_cache_file_is_made_again(
    tmp_path: Path, config: Path, cache: Path, damage: object, no_parsing: list[str]
) -> None:
    expected = fresh(tmp_path, config, cache).templates
    path = cache / "templates.pickle"
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    no_parsing.clear()
    assert fresh(tmp_path, config, cache).templates == expected
    assert no_parsing  # made again ...
    no_parsing.clear()
    assert fresh(tmp_path, config, cache).templates == expected
    assert no_parsing == []  # ... and kept whole again


def test_a_file_kept_under_another_key_is_not_used(
    tmp_path: Path, config: Path, cache: Path, no_parsing: list[str]
) -> None:
    """Another coach's (or another parsing code's) result, well formed, is made again."""
    fresh(tmp_path, config, cache).templates  # noqa: B018
    path = cache / "templates.pickle"
    sources = coach.core.templates.template_files(shipped_templates_dir(), [])
    other = parse_cache.cache_key("templates", sources).replace(b"0.1.0", b"0.0.9")
    parse_cache._write(path, other, "something else")  # noqa: SLF001
    no_parsing.clear()
    assert fresh(tmp_path, config, cache).templates.get("project").name == "project"
    assert no_parsing


def test_a_cache_file_others_can_write_is_not_trusted(
    tmp_path: Path, config: Path, cache: Path, no_parsing: list[str]
) -> None:
    fresh(tmp_path, config, cache).templates  # noqa: B018
    path = cache / "templates.pickle"
    path.chmod(0o666)
    no_parsing.clear()
    fresh(tmp_path, config, cache).templates  # noqa: B018
    assert no_parsing


def test_a_link_in_place_of_the_cache_file_is_not_followed(
    tmp_path: Path, config: Path, cache: Path, no_parsing: list[str]
) -> None:
    fresh(tmp_path, config, cache).templates  # noqa: B018
    path = cache / "templates.pickle"
    kept = tmp_path / "elsewhere.pickle"
    path.rename(kept)
    path.symlink_to(kept)
    no_parsing.clear()
    fresh(tmp_path, config, cache).templates  # noqa: B018
    assert no_parsing


def test_no_cache_folder_to_write_means_parsing_every_time(
    tmp_path: Path, config: Path, no_parsing: list[str]
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    for _ in range(2):
        no_parsing.clear()
        assert fresh(tmp_path, config, blocked / "cache").templates.get("project")
        assert no_parsing


def test_the_cache_folder_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_CACHE", str(tmp_path / "env-cache"))
    workspace = Workspace(tmp_path / "coach.db")
    assert workspace.cache_dir == tmp_path / "env-cache"
    workspace.templates  # noqa: B018
    assert (tmp_path / "env-cache" / "templates.pickle").is_file()
