"""`coach import` of story files as people write them and as coach exports them (issue 11):
a key given twice, a bank exported to one file over 1 MB, titles in any script, a bare
year in `dates`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from cli_helpers import one_line_error, run

from coach.core.yamlfile import MAX_BYTES


def listing(db: Path) -> list[dict[str, object]]:
    result = run(db, "list", "--json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_a_key_given_twice_is_refused_and_nothing_is_imported(
    tmp_path: Path, db_path: Path
) -> None:
    good = tmp_path / "a-good.yaml"
    good.write_text("title: Fine\ntemplate: star\n", encoding="utf-8")
    twice = tmp_path / "b-twice.yaml"
    twice.write_text(
        "title: Twice\ntemplate: star\nfields:\n  result: the first text\n"
        "  task: t\n  result: the second text\n",
        encoding="utf-8",
    )
    line = one_line_error(run(db_path, "import", str(tmp_path)))
    assert line.startswith(f"coach: {twice}:6: ")
    assert "'result'" in line and "line 4" in line and "keep one" in line
    assert not db_path.exists() or listing(db_path) == []


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_bank_exported_to_one_large_file_imports_again(
    tmp_path: Path, db_path: Path, fmt: str
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    words = " ".join(f"word{i}" for i in range(700))
    for n in range(50):
        story = {
            "title": f"Story number {n}",
            "template": "project",
            "dates": "2022",
            "tags": ["bulk"],
            "fields": {key: f"{key} {n}: {words}" for key in ("goal", "data", "model", "impact")},
        }
        (source / f"s{n:02}.yaml").write_text(yaml.safe_dump(story), encoding="utf-8")
    assert run(db_path, "import", str(source)).exit_code == 0
    bank = tmp_path / f"bank.{fmt}"
    exported = run(db_path, "export", "--format", fmt, "--out", str(bank))
    assert exported.exit_code == 0, exported.output
    assert bank.stat().st_size > MAX_BYTES

    again = tmp_path / "again.db"
    result = run(again, "import", str(bank))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("imported 50: ")
    before = json.loads(run(db_path, "show", "story-number-7", "--json").stdout)
    after = json.loads(run(again, "show", "story-number-7", "--json").stdout)
    assert after["fields"] == before["fields"] and after["dates"] == "2022"
    assert len(listing(again)) == 50


def test_a_large_file_that_is_not_a_story_file_is_refused(tmp_path: Path, db_path: Path) -> None:
    log = tmp_path / "server.log"
    log.write_text("GET /index.html 200\n" * (MAX_BYTES // 20 + 10), encoding="utf-8")
    line = one_line_error(run(db_path, "import", str(log)))
    assert line.startswith(f"coach: {log}: ")
    assert "more than" in line
    assert not db_path.exists()


TITLES = {
    "zh.yaml": "数据管道的重构",
    "ru.yaml": "Модель оттока клиентов",
    "el.yaml": "Μοντέλο απώλειας πελατών",
    "ar.yaml": "نموذج التنبؤ بالطلب",
    "en.yaml": "Churn model that leaked",
}


def test_titles_in_any_script_import_together_export_and_come_back(
    tmp_path: Path, db_path: Path
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name, title in TITLES.items():
        (source / name).write_text(f"title: {title}\ntemplate: star\n", encoding="utf-8")
    result = run(db_path, "import", str(source))
    assert result.exit_code == 0, result.output
    slugs = {str(r["title"]): str(r["slug"]) for r in listing(db_path)}
    assert slugs["Модель оттока клиентов"] == "модель-оттока-клиентов"
    assert slugs["数据管道的重构"] == "数据管道的重构"
    assert len(set(slugs.values())) == len(TITLES)
    assert run(db_path, "show", "μοντέλο-απώλειας-πελατών").exit_code == 0

    out = tmp_path / "files"
    exported = run(db_path, "export", "--format", "yaml", "--out", str(out))
    assert exported.exit_code == 0, exported.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{s}.yaml" for s in slugs.values())
    again = tmp_path / "again.db"
    assert run(again, "import", str(out)).exit_code == 0
    assert {str(r["title"]): str(r["slug"]) for r in listing(again)} == slugs


def test_a_title_in_another_script_already_in_the_bank_is_refused(
    tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "ru.yaml"
    path.write_text("title: Модель оттока\ntemplate: star\n", encoding="utf-8")
    assert run(db_path, "import", str(path)).exit_code == 0
    other = tmp_path / "ru2.yaml"
    other.write_text("title: Модель  оттока!\ntemplate: star\n", encoding="utf-8")
    line = one_line_error(run(db_path, "import", str(other)))
    assert "'модель-оттока' is already in the bank" in line


def test_a_bare_year_in_dates_imports_as_written(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "- {title: A, template: star, dates: 2021}\n"
        "- {title: B, template: star, dates: 2021-03-01 09:30:00}\n",
        encoding="utf-8",
    )
    result = run(db_path, "import", str(path))
    assert result.exit_code == 0, result.output
    assert {r["title"]: r["dates"] for r in listing(db_path)} == {
        "A": "2021",
        "B": "2021-03-01 09:30:00",
    }
