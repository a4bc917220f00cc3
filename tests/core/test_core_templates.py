from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coach.core.errors import InputError
from coach.core.templates import CHECKS, load_template, load_templates
from coach.paths import shipped_templates_dir

PROJECT_KEYS = (
    "goal impact challenges findings leadership scope data features model alternatives tuning "
    "offline_metrics online_metrics production hindsight plain_pitch"
).split()
STAR_KEYS = "question situation task action result lesson".split()


def test_shipped_templates_have_the_contract_keys(templates) -> None:
    assert templates.get("project").keys == tuple(PROJECT_KEYS)
    assert templates.get("star").keys == tuple(STAR_KEYS)
    for template in templates.templates.values():
        for field in template.fields:
            assert field.prompt and field.hint and field.example
            assert set(field.checks) <= set(CHECKS)
            assert 0.3 < field.target_seconds / (field.target_words * 60 / 140) < 2


def test_impact_and_metrics_expect_a_number(templates) -> None:
    project = templates.get("project")
    for key in ("impact", "offline_metrics", "online_metrics"):
        assert "number" in project.field(key).checks


def write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def minimal(name: str, **extra: object) -> dict[str, object]:
    field = {
        "key": "goal",
        "label": "Goal",
        "prompt": "What for?",
        "hint": "Say it.",
        "example": "This.",
        "target_words": 40,
        "target_seconds": 17,
        "checks": ["required"],
    }
    return {"format": 1, "name": name, "title": "Mine", "fields": [field], **extra}


def test_user_template_overrides_shipped_by_name(tmp_path: Path) -> None:
    user = tmp_path / "user"
    write(user / "forms" / "star.yaml", minimal("star"))
    write(user / "forms" / "mine.yaml", minimal("mine"))
    found = load_templates(shipped_templates_dir(), [user])
    assert found.get("star").origin == "user"
    assert found.get("star").keys == ("goal",)
    assert "star" in found.overridden
    assert found.get("mine").title == "Mine"
    assert found.get("project").origin == "shipped"


def test_broken_user_template_is_reported_with_file_and_line(tmp_path: Path) -> None:
    user = tmp_path / "user"
    data = minimal("star")
    data["fields"][0]["checks"] = ["required", "spelling"]  # type: ignore[index]
    path = write(user / "forms" / "star.yaml", data)
    found = load_templates(shipped_templates_dir(), [user])
    assert found.get("star").origin == "shipped"
    [problem] = found.problems
    assert problem.file == str(path)
    assert problem.line is not None and problem.line > 1
    assert "checks" in str(problem)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x\nfields: [\n", "not valid YAML"),
        ("- a\n- b\n", "must be a mapping"),
        ("name: other\ntitle: T\nfields: []\n", "name must be"),
        ("name: t\ntitle: T\nfields: []\n", "non-empty list"),
    ],
)
def test_malformed_templates_say_where(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as info:
        load_template(path)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))


def test_duplicate_field_keys_are_refused(tmp_path: Path) -> None:
    data = minimal("dup")
    data["fields"] = [data["fields"][0], data["fields"][0]]  # type: ignore[index]
    path = write(tmp_path / "dup.yaml", data)
    with pytest.raises(InputError, match="used twice"):
        load_template(path)


def test_unknown_template_names_the_known_ones(templates) -> None:
    with pytest.raises(InputError, match="known templates: project, star"):
        templates.get("nope")
