"""The Workspace: built from a database path and a config folder, read only when asked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coach.core.errors import InputError
from coach.paths import shipped_templates_dir
from coach.services.workspace import Workspace

USER_PROJECT = (shipped_templates_dir() / "forms" / "project.yaml").read_text(encoding="utf-8")


def test_building_one_touches_nothing(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "coach.db"
    workspace = Workspace(db, tmp_path / "config")
    assert workspace.db_path == db
    assert not db.parent.exists()
    with pytest.raises(InputError, match="no coach database"):
        workspace.existing_store()
    assert not db.parent.exists()


def test_the_environment_gives_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("COACH_CONFIG", str(tmp_path / "cfg"))
    workspace = Workspace()
    assert workspace.db_path == tmp_path / "env.db"
    assert workspace.user_templates_dir == tmp_path / "cfg" / "templates"
    assert workspace.sheet_dirs == [
        tmp_path / "cfg" / "templates" / "sheets",
        shipped_templates_dir() / "sheets",
    ]


def test_templates_and_question_sets_are_read_once(workspace: Workspace) -> None:
    assert workspace.templates is workspace.templates
    assert workspace.question_sets is workspace.question_sets
    assert {"project", "star"} <= set(workspace.templates.templates)
    assert workspace.question_sets.for_template("project").template == "project"


def test_the_users_own_template_is_laid_over_the_shipped_one(tmp_path: Path) -> None:
    forms = tmp_path / "mine" / "templates" / "forms"
    forms.mkdir(parents=True)
    (forms / "project.yaml").write_text(
        USER_PROJECT.replace("title: Project summary", "title: My project form"), encoding="utf-8"
    )
    workspace = Workspace(tmp_path / "coach.db", tmp_path / "mine")
    project = workspace.templates.get("project")
    assert project.title == "My project form"
    assert project.origin == "user"


def test_one_store_for_the_main_thread_and_fresh_readers_for_workers(workspace: Workspace) -> None:
    store = workspace.open_store()
    assert workspace.open_store() is store
    assert workspace.existing_store() is store
    reader = workspace.reader()
    try:
        assert reader is not store
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.conn.execute("DELETE FROM stories")
    finally:
        reader.close()
    workspace.close()
    assert workspace.open_store() is not store
