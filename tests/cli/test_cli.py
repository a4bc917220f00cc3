from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from cli_helpers import coach_process, one_line_error, run
from click.testing import CliRunner

from coach.cli import main
from coach.paths import samples_dir, shipped_templates_dir


def listing(db: Path) -> list[dict[str, object]]:
    result = run(db, "list", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_list_json_documents_every_story(loaded: Path) -> None:
    rows = listing(loaded)
    assert len(rows) == len(list(samples_dir().glob("*.yaml")))
    churn = next(r for r in rows if r["slug"] == "churn-leakage")
    assert set(churn) >= {"id", "slug", "title", "template", "tags", "filled", "passing", "total"}
    assert churn["filled"] == churn["total"] == 16


def test_list_search_and_filters(loaded: Path) -> None:
    assert [
        r["slug"] for r in json.loads(run(loaded, "list", "--search", "leak", "--json").output)
    ] == ["churn-leakage"]
    stars = json.loads(run(loaded, "list", "--template", "star", "--json").output)
    assert stars and all(r["template"] == "star" for r in stars)
    assert "No story matches" in run(loaded, "list", "--search", "zzzzqqq").output
    assert run(loaded, "list", "--search", '"unbalanced AND (').exit_code == 0


def test_show_text_and_json(loaded: Path) -> None:
    text = run(loaded, "show", "churn-leakage")
    assert text.exit_code == 0
    assert "Churn model that leaked the future" in text.output
    assert "Impact" in text.output
    data = json.loads(run(loaded, "show", "churn-leakage", "--json").output)
    assert data["template"] == "project"
    assert data["fields"]["impact"]
    assert data["findings"] == []


def test_show_unknown_story(loaded: Path) -> None:
    line = one_line_error(run(loaded, "show", "no-such-story"))
    assert "no story 'no-such-story'" in line


def test_lint_reports_the_gaps(loaded: Path) -> None:
    data = json.loads(run(loaded, "lint", "--json").output)
    by_slug = {d["slug"]: d for d in data}
    assert by_slug["churn-leakage"]["findings"] == []
    gaps = {(f["key"], f["check"]) for d in data for f in d["findings"]}
    assert ("result", "required") in gaps
    assert ("impact", "number") in gaps
    assert "impact: no figure" in run(loaded, "lint", "produce-demand-forecast").output


def test_templates_lists_shipped_and_user(tmp_path: Path, db_path: Path) -> None:
    forms = tmp_path / "config" / "templates" / "forms"
    forms.mkdir(parents=True)
    (forms / "broken.yaml").write_text("name: broken\nfields: [\n")
    out = run(db_path, "templates")
    line = one_line_error(out)
    assert "broken.yaml:" in line
    assert "project" in out.stdout and "star" in out.stdout
    assert "Question sets" in out.stdout
    data = json.loads(run(db_path, "templates", "--json").stdout)
    assert {f["name"] for f in data["forms"]} == {"project", "star"}
    banks = {b["name"]: b for b in data["question_banks"]}
    assert banks["project"]["questions"] >= 40 and banks["star"]["template"] == "star"
    assert data["problems"]
    (forms / "broken.yaml").unlink()
    assert run(db_path, "templates").exit_code == 0


def test_followups_say_why_each_was_chosen(loaded: Path) -> None:
    result = run(loaded, "followups", "marketplace-search-ranking", "--json", "--limit", "3")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["story"]["slug"] == "marketplace-search-ranking"
    assert len(data["followups"]) == 3
    first = data["followups"][0]
    assert set(first) >= {"id", "text", "category", "probes", "target_seconds", "reason"}
    assert first["reason"].startswith("gap: ")
    again = json.loads(
        run(loaded, "followups", "marketplace-search-ranking", "--json", "--limit", "3").stdout
    )
    assert again == data  # the same plan until a rehearsal happens
    text = run(loaded, "followups", "churn-leakage", "--persona", "manager", "--focus", "impact")
    assert text.exit_code == 0 and " 1. " in text.stdout and "asked for: " in text.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["followups", "no-such-story"], "no story 'no-such-story'"),
        (["followups", "churn-leakage", "--persona", "recruiter"], "'recruiter' is not one of"),
        (["followups", "churn-leakage", "--focus", "astrology"], "unknown check-in choice"),
        (["rehearse", "no-such-story"], "no story 'no-such-story'"),
    ],
)
def test_followups_and_rehearse_bad_input(loaded: Path, args: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coach", "--db", str(loaded), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_broken_user_bank_is_one_line_and_exit_2(loaded: Path, tmp_path: Path) -> None:
    folder = tmp_path / "config" / "templates" / "questions"
    folder.mkdir(parents=True)
    shipped = (shipped_templates_dir() / "questions" / "project.yaml").read_text()
    (folder / "project.yaml").write_text(
        shipped.replace("asked_by: [technical]", "asked_by: [recruiter]", 1)
    )
    line = one_line_error(run(loaded, "followups", "churn-leakage"))
    assert "project.yaml:" in line and "question " in line and "recruiter" in line


def test_rehearse_needs_a_story(db_path: Path) -> None:
    empty = db_path.with_name("empty.db")
    from coach.store import open_store

    open_store(empty).close()
    line = one_line_error(run(empty, "rehearse"))
    assert "no stories to rehearse" in line


def test_export_then_import_gives_back_the_same_stories(loaded: Path, tmp_path: Path) -> None:
    for fmt in ("yaml", "json"):
        out = tmp_path / fmt
        result = run(loaded, "export", "--format", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
        files = sorted(out.iterdir())
        assert len(files) == len(listing(loaded))
        fresh = tmp_path / f"fresh-{fmt}.db"
        assert run(fresh, "import", str(out)).exit_code == 0
        for slug in ("churn-leakage", "spark-in-two-weeks"):
            a = json.loads(run(loaded, "show", slug, "--json").output)
            b = json.loads(run(fresh, "show", slug, "--json").output)
            for volatile in ("id", "updated_at"):
                a.pop(volatile)
                b.pop(volatile)
            assert a == b


def test_export_to_stdout(loaded: Path) -> None:
    one = run(loaded, "export", "churn-leakage", "--format", "yaml", "--out", "-")
    assert yaml.safe_load(one.output)["slug"] == "churn-leakage"
    many = run(loaded, "export", "--format", "json", "--out", "-")
    assert len(json.loads(many.output)) == len(listing(loaded))


def test_export_refuses_to_overwrite_without_force(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(loaded, "export", "--format", "yaml", "--out", str(out)).exit_code == 0
    target = out / "churn-leakage.yaml"
    target.write_text("my own edits")
    line = one_line_error(run(loaded, "export", "--format", "yaml", "--out", str(out)))
    assert "--force" in line
    assert target.read_text() == "my own edits"
    assert run(loaded, "export", "--format", "yaml", "--out", str(out), "--force").exit_code == 0
    assert "Churn model" in target.read_text()


def test_a_bad_file_imports_nothing(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-good.yaml").write_text("title: Good one\ntemplate: star\n")
    (folder / "b-bad.yaml").write_text(
        "title: Bad one\ntemplate: star\nfields:\n  result: [1, 2]\n"
    )
    line = one_line_error(run(db_path, "import", str(folder)))
    assert line.startswith("coach: ") and "b-bad.yaml:4: fields.result: must be text" in line
    assert not db_path.exists()


def test_importing_an_existing_slug_refuses_replaces_or_skips(loaded: Path, tmp_path: Path) -> None:
    before = listing(loaded)
    path = tmp_path / "churn.yaml"
    path.write_text("title: Churn again\nslug: churn-leakage\ntemplate: project\n")
    line = one_line_error(run(loaded, "import", str(path)))
    assert "already in the bank" in line and "--replace" in line
    assert listing(loaded) == before
    assert "skipped 1" in run(loaded, "import", "--skip-existing", str(path)).output
    assert "replaced 1" in run(loaded, "import", "--replace", str(path)).output
    shown = json.loads(run(loaded, "show", "churn-leakage", "--json").output)
    assert shown["title"] == "Churn again"
    assert shown["fields"] == {}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01binary", "binary"),
        (b"title: [oops\n", "not valid YAML"),
        (b"title: ok\ntemplate: nope\n", "unknown template"),
        (b"template: star\n", "title: missing"),
    ],
)
def test_bad_input_is_one_line_and_leaves_the_bank(
    loaded: Path, tmp_path: Path, content: bytes, expected: str
) -> None:
    before = listing(loaded)
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    line = one_line_error(run(loaded, "import", str(path)))
    assert str(path) in line and expected in line
    assert listing(loaded) == before


def test_missing_path_is_bad_input(db_path: Path, tmp_path: Path) -> None:
    line = one_line_error(run(db_path, "import", str(tmp_path / "nope.yaml")))
    assert "no such file" in line


def test_a_foreign_database_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"not sqlite at all" * 200)
    before = db.read_bytes()
    line = one_line_error(run(db, "list"))
    assert "not an SQLite database" in line
    assert db.read_bytes() == before


def test_coach_db_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("COACH_DB", str(db))
    result = CliRunner().invoke(main, ["import", str(samples_dir())])
    assert result.exit_code == 0
    assert db.exists()


def test_new_with_unknown_template_is_refused(db_path: Path) -> None:
    line = one_line_error(run(db_path, "new", "--template", "haiku"))
    assert "unknown template 'haiku'" in line


def test_backup_command(loaded: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup.db"
    assert run(loaded, "backup", str(target)).exit_code == 0
    assert len(listing(target)) == len(listing(loaded))
    assert "--force" in one_line_error(run(loaded, "backup", str(target)))


def test_usage_errors_are_one_line_too(db_path: Path) -> None:
    result = coach_process("--db", str(db_path), "export", "--format", "docx")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "'docx' is not one of" in result.stderr and "coach export --help" in result.stderr


def test_a_damaged_database_is_refused_in_one_line(loaded: Path) -> None:
    import sqlite3

    sqlite3.connect(loaded).execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    with loaded.open("r+b") as handle:
        handle.seek(20480)
        handle.write(b"\xff" * 20480)
    before = loaded.read_bytes()
    result = coach_process("--db", str(loaded), "list")
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert "damaged" in result.stderr
    assert loaded.read_bytes() == before


def test_reading_commands_do_not_create_a_database(tmp_path: Path) -> None:
    db = tmp_path / "typo" / "coach.db"
    line = one_line_error(run(db, "list"))
    assert "no coach database" in line
    assert not db.parent.exists()


def test_a_failed_import_creates_no_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    bad = tmp_path / "bad.yaml"
    bad.write_text("template: star\n")
    one_line_error(run(db, "import", str(bad)))
    assert not db.exists()


def test_a_closed_pipe_is_not_an_error_message(loaded: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach", "--db", str(loaded), "export", "--out", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.read(10)
    proc.stdout.close()
    _, err = proc.communicate()
    assert b"Traceback" not in err and b"unexpected" not in err


def test_backup_to_a_bad_place_blames_the_place(loaded: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for target, says in (
        (tmp_path / "no-such-folder" / "x.db", "folder does not exist"),
        (blocker / "x.db", "folder does not exist"),
        (tmp_path, "is a folder"),
    ):
        line = one_line_error(run(loaded, "backup", str(target)))
        assert says in line and "damaged" not in line


def test_templates_lists_the_common_questions_and_a_broken_user_file(
    tmp_path: Path, db_path: Path
) -> None:
    out = run(db_path, "templates")
    assert out.exit_code == 0
    shipped = shipped_templates_dir() / "common" / "questions.yaml"
    assert "Common questions" in out.stdout and f"shipped: {shipped}" in out.stdout
    data = json.loads(run(db_path, "templates", "--json").stdout)
    assert set(data) >= {"forms", "question_banks", "problems", "common_questions"}
    common = data["common_questions"]
    assert common["origin"] == "shipped" and common["path"] == str(shipped)
    assert common["questions"] >= 60 and common["overrides_shipped"] is False

    folder = tmp_path / "config" / "templates" / "common"
    folder.mkdir(parents=True)
    mine = folder / "questions.yaml"
    mine.write_text(
        "title: Mine\nquestions:\n"
        "  - {id: conflict, kind: behavioral, text: A disagreement?, themes: [conflict],"
        " signals: [collaboration]}\n"
    )
    data = json.loads(run(db_path, "templates", "--json").stdout)
    assert data["common_questions"] == {
        "title": "Mine",
        "origin": "user",
        "path": str(mine),
        "questions": 1,
        "overrides_shipped": True,
    }
    assert "Mine (1)" in run(db_path, "templates").stdout

    mine.write_text("title: Mine\nquestions:\n  - {id: x, text: y, kind: nope}\n")
    out = run(db_path, "templates")
    line = one_line_error(out)
    assert "questions.yaml:3:" in line and "kind" in line
    data = json.loads(run(db_path, "templates", "--json").stdout)
    assert data["common_questions"]["origin"] == "shipped"  # the shipped set, meanwhile
    assert any("questions.yaml:3:" in p for p in data["problems"])


def test_rehearse_refuses_an_unknown_length(loaded: Path) -> None:
    out = run(loaded, "rehearse", "churn-leakage", "--length", "epic")
    assert out.exit_code == 2 and "short" in out.output and "deep" in out.output


def test_rehearse_opens_the_app_on_the_length_asked(
    loaded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import coach.tui.app as tui_app

    asked: list[object] = []

    class Opened:
        def run(self) -> None:
            pass

    def fake_make_app(workspace: object, **options: object) -> Opened:
        asked.append(options["rehearse"])
        return Opened()

    monkeypatch.setattr(tui_app, "make_app", fake_make_app)
    assert run(loaded, "rehearse", "churn-leakage", "--length", "short").exit_code == 0
    assert run(loaded, "rehearse", "churn-leakage").exit_code == 0
    assert [getattr(r, "length", None) for r in asked] == ["short", "standard"]
