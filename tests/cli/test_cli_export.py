"""`coach export`: files named safely, written whole, never overwritten by surprise, and
story files that re-import to the same bank."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import one_line_error, run

# -- file names ------------------------------------------------------------------------


def test_titles_that_try_to_escape_stay_in_the_folder(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "evil.yaml"
    source.write_text(
        "- {title: ../../etc/x, template: star}\n"
        "- {title: CON, template: star}\n"
        f"- {{title: {'long ' * 100}, template: star}}\n",
        encoding="utf-8",
    )
    assert run(db_path, "import", str(source)).exit_code == 0
    out = tmp_path / "out"
    result = run(db_path, "export", "--out", str(out))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 3
    assert "etc-x.md" in written and "con-story.md" in written
    assert all(len(n) < 80 for n in written)
    assert [p for p in tmp_path.rglob("*.md") if p.parent != out] == []


# -- writing files ---------------------------------------------------------------------


def test_export_writes_one_sheet_a_story_and_the_overview(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheets"
    result = run(loaded, "export", "--format", "html", "--overview", "--out", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names[0:2] == ["churn-leakage.html", "fraud-model-drift.html"]
    assert "overview.html" in names and len(names) == 7
    assert result.stdout.splitlines()[0] == str(out / "overview.html")
    assert "exported 7 files" in result.stderr


def test_named_stories_only(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    result = run(loaded, "export", "churn-leakage", "spark-in-two-weeks", "--out", str(out))
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["churn-leakage.md", "spark-in-two-weeks.md"]


def test_an_existing_file_is_not_overwritten_and_nothing_is_written(
    loaded: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o"
    out.mkdir()
    mine = out / "spark-in-two-weeks.md"
    mine.write_text("my notes")
    message = one_line_error(run(loaded, "export", "--out", str(out)))
    assert str(mine) in message and "--force" in message
    assert mine.read_text() == "my notes"
    assert [p.name for p in out.iterdir()] == ["spark-in-two-weeks.md"]
    assert run(loaded, "export", "--out", str(out), "--force").exit_code == 0
    assert mine.read_text().startswith("# Learning Spark")


def test_a_story_that_does_not_exist(loaded: Path, tmp_path: Path) -> None:
    message = one_line_error(run(loaded, "export", "no-such-story", "--out", str(tmp_path / "o")))
    assert "no story 'no-such-story'" in message
    assert not (tmp_path / "o").exists()


def test_a_folder_that_cannot_be_made(loaded: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    message = one_line_error(run(loaded, "export", "--out", str(blocker)))
    assert "is a file, not a folder" in message
    message = one_line_error(run(loaded, "export", "--out", str(blocker / "sub")))
    assert "cannot create the folder" in message


def test_the_overview_is_a_sheet(loaded: Path) -> None:
    message = one_line_error(run(loaded, "export", "--format", "yaml", "--overview", "--out", "-"))
    assert "--format md, html or pdf" in message


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000))


def test_a_full_disk_leaves_no_partial_file(loaded: Path, tmp_path: Path) -> None:
    """A file-size limit makes writes fail as a full disk does, for real."""
    out = tmp_path / "o"
    proc = subprocess.run(
        [sys.executable, "-m", "coach", "--db", str(loaded), "export", "--out", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0] and "Traceback" not in proc.stderr
    failed = Path(lines[0].split(": ")[1])
    assert not failed.exists()
    # Files written before the failure are whole; no temporary file is left.
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    for done in out.iterdir():
        assert done.read_text(encoding="utf-8").endswith("\n")


def test_a_full_disk_on_stdout_is_one_line(loaded: Path) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "coach", "--db", str(loaded), "export", "--out", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "coach: cannot write the export (No space left on device)"


# -- round trip ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_bank_exported_and_reimported_into_a_fresh_database_is_the_same(
    loaded: Path, tmp_path: Path, fmt: str
) -> None:
    import json

    out = tmp_path / "files"
    assert run(loaded, "export", "--format", fmt, "--out", str(out)).exit_code == 0
    fresh = tmp_path / "fresh.db"
    result = run(fresh, "import", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("imported 6:")

    def stories(db: Path) -> list[dict[str, object]]:
        found = []
        for row in json.loads(run(db, "list", "--json").output):
            shown = json.loads(run(db, "show", str(row["slug"]), "--json").output)
            for key in ("id", "updated_at", "created_at"):
                shown.pop(key, None)
            found.append(shown)
        return sorted(found, key=lambda s: str(s["slug"]))

    assert stories(fresh) == stories(loaded)


def test_one_file_for_everything_when_out_names_a_file(loaded: Path, tmp_path: Path) -> None:
    target = tmp_path / "print" / "bank.HTML"
    result = run(loaded, "export", "--format", "html", "--overview", "--out", str(target))
    assert result.exit_code == 0, result.output
    assert [p.name for p in target.parent.iterdir()] == ["bank.HTML"]
    assert target.read_text(encoding="utf-8").count('<article class="page') == 7
    assert "--force" in one_line_error(
        run(loaded, "export", "--format", "html", "--out", str(target))
    )
    yaml_file = tmp_path / "all.yml"
    assert run(loaded, "export", "--format", "yaml", "--out", str(yaml_file)).exit_code == 0
    fresh = tmp_path / "fresh.db"
    assert run(fresh, "import", str(yaml_file)).output.startswith("imported 6:")


def test_exported_files_get_the_usual_permissions(loaded: Path, tmp_path: Path) -> None:
    import os

    out = tmp_path / "o"
    assert run(loaded, "export", "churn-leakage", "--out", str(out)).exit_code == 0
    mask = os.umask(0o022)
    os.umask(mask)
    assert (out / "churn-leakage.md").stat().st_mode & 0o777 == 0o666 & ~mask


def test_an_empty_out_is_refused(loaded: Path) -> None:
    assert "--out is empty" in one_line_error(run(loaded, "export", "--out", " "))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_one_document_holds_every_sheet_without_the_overview_too(loaded: Path, fmt: str) -> None:
    text = run(loaded, "export", "--format", fmt, "--out", "-").stdout
    titles = ("Churn model that leaked the future", "Learning to rank for marketplace search")
    assert all(t in text for t in titles)
    if fmt == "html":
        assert text.count('<article class="page sheet"') == 6
        assert "<title>Story sheets</title>" in text
    else:
        assert text.count("\n---\n") == 5


def test_force_keeps_a_files_own_permissions(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    out.mkdir()
    mine = out / "churn-leakage.md"
    mine.write_text("old")
    mine.chmod(0o600)
    assert run(loaded, "export", "churn-leakage", "--out", str(out), "--force").exit_code == 0
    assert mine.stat().st_mode & 0o777 == 0o600 and mine.read_text().startswith("# Churn")


def test_a_file_name_of_another_format_than_the_one_given_is_refused(
    loaded: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bank.html"
    line = one_line_error(run(loaded, "export", "--format", "md", "--out", str(out)))
    assert "ends in .html but the format is md" in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "start"), [("bank.html", "<!doctype html>"), ("bank.YAML", "- format:")]
)
def test_the_file_names_suffix_sets_the_format(
    loaded: Path, tmp_path: Path, name: str, start: str
) -> None:
    out = tmp_path / name
    result = run(loaded, "export", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").lower().startswith(start.lower())
    assert result.stdout.strip() == str(out)


def test_a_folder_named_like_a_file_stays_a_folder_of_markdown(
    loaded: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sheets.html"
    out.mkdir()
    assert run(loaded, "export", "churn-leakage", "--out", str(out)).exit_code == 0
    assert [p.name for p in out.iterdir()] == ["churn-leakage.md"]
