"""The command line on hostile or failing storage: backups never onto the database nor
through a planted link, reading commands that never write, a read-only or forbidden
folder, a full disk, a damaged database, and temporary files left by a kill.

Every failure is one line and exit 2 (tests/cli_helpers.one_line_error), and the files
involved are left as they were. Full disks and damage are real: SQLite's max_page_count,
a file-size limit, garbage over a page of a real database file."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import one_line_error, run
from old_databases import make_old_database

from coach.paths import samples_dir
from coach.store import db as db_module

STALE = time.time() - 3600


def story_file(folder: Path, slug: str = "extra-story") -> Path:
    """A sample story under another slug: an import that adds one story."""
    text = (samples_dir() / "churn-leakage.yaml").read_text(encoding="utf-8")
    path = folder / f"{slug}.yaml"
    path.write_text(text.replace("slug: churn-leakage", f"slug: {slug}"), encoding="utf-8")
    return path


def damage(db: Path, table: str = "fields") -> None:
    """Garbage over the first leaf page of `table`: the file opens, and only a whole check
    (or a read of that page) finds it damaged."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    [page] = conn.execute(
        "SELECT min(pageno) FROM dbstat WHERE name = ? AND pagetype = 'leaf'", [table]
    ).fetchone()
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(b"\xa5" * size)


def titles(db: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT slug FROM stories ORDER BY id")]
    finally:
        conn.close()


# -- backups -----------------------------------------------------------------------------


def test_a_backup_onto_the_database_itself_is_refused(loaded: Path, tmp_path: Path) -> None:
    inode = loaded.stat().st_ino
    (tmp_path / "link.db").symlink_to(loaded)
    os.link(loaded, tmp_path / "hard.db")
    for target in (
        loaded,
        tmp_path / "link.db",
        tmp_path / "hard.db",
        tmp_path / "." / loaded.name,
    ):
        line = one_line_error(run(loaded, "backup", str(target), "--force"))
        assert "is the database itself" in line, line
    assert loaded.stat().st_ino == inode, "the database was replaced"
    assert (tmp_path / "link.db").is_symlink()
    assert len(titles(loaded)) == 6


def test_a_backup_never_writes_through_a_planted_link(loaded: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "out"
    out.mkdir()
    for name in (".backup.db.tmp", ".coach-backup.db.tmp", ".backup.db.tmp-journal"):
        (out / name).symlink_to(victim)
    result = run(loaded, "backup", str(out / "backup.db"))
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "precious\n"
    left = sorted(p.name for p in out.iterdir() if p.name != "backup.db")
    assert left == [".backup.db.tmp", ".backup.db.tmp-journal", ".coach-backup.db.tmp"]
    assert len(titles(out / "backup.db")) == 6


def test_a_backup_of_a_damaged_database_is_refused_and_leaves_nothing(
    loaded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "CHECK_UP_TO_BYTES", 0)  # as if too big to check at open
    damage(loaded)
    out = tmp_path / "out"
    out.mkdir()
    line = one_line_error(run(loaded, "backup", str(out / "b.db")))
    assert "damaged" in line and "restore" in line
    assert list(out.iterdir()) == []


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_backup_cut_short_leaves_no_file_named_like_a_backup(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    make_old_database(old, 2)
    before = old.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "coach", "--db", str(old), "import", str(story_file(tmp_path))],
        capture_output=True,
        text=True,
        preexec_fn=lambda: _limit_file_size(8192),
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "backup" in proc.stderr or "disk" in proc.stderr, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["extra-story.yaml", "old.db"]
    assert old.read_bytes() == before


# -- reading commands --------------------------------------------------------------------


READING = [
    ["list"],
    ["show", "churn-leakage"],
    ["lint"],
    ["followups", "churn-leakage"],
    ["stats"],
    ["export", "--out", "-"],
    ["backup", "copy.db"],
]


@pytest.mark.parametrize("args", READING, ids=lambda a: a[0])
def test_a_reading_command_leaves_an_empty_file_empty(tmp_path: Path, args: list[str]) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    line = one_line_error(run(empty, *[str(tmp_path / a) if a == "copy.db" else a for a in args]))
    assert "not a coach database" in line, line
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_reading_commands_leave_the_database_byte_for_byte(loaded: Path, tmp_path: Path) -> None:
    sqlite3.connect(loaded).execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    for end in ("-wal", "-shm"):
        loaded.with_name(loaded.name + end).unlink(missing_ok=True)
    before = loaded.read_bytes()
    for args in READING:
        target = [str(tmp_path / "copy.db") if a == "copy.db" else a for a in args]
        result = run(loaded, *target)
        assert result.exit_code == 0, (args, result.output)
        assert loaded.read_bytes() == before, args


# -- folders coach cannot write in -------------------------------------------------------


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder another user can use too (the test's own tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="coach-safety-"))
    base.chmod(0o777)
    yield base
    for folder, _, _ in os.walk(base):
        os.chmod(folder, 0o777)
    shutil.rmtree(base)


def as_a_user(base: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """coach as a process of an ordinary user. As root permissions do not bite, so it runs
    as nobody (uid 65534) through setpriv (Python's own `user=` cannot reach a Python
    installed under /root); without setpriv the test is skipped."""
    env = {**os.environ, "COACH_CONFIG": str(base / "config"), "HOME": str(base)}
    env.pop("COACH_DB", None)
    command = [sys.executable, "-m", "coach", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions do not bite")
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False, cwd=base)


def said_once(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "damaged" not in proc.stderr and "unexpected" not in proc.stderr, proc.stderr
    return proc.stderr.strip()


def test_a_read_only_folder_is_said_as_one_and_can_still_be_read(shared: Path) -> None:
    folder = shared / "ro"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    db = folder / "coach.db"
    made = as_a_user(shared, "--db", str(db), "import", str(samples_dir()))
    assert made.returncode == 0, made.stderr
    folder.chmod(0o555)
    before = db.read_bytes()
    listed = as_a_user(shared, "--db", str(db), "list")
    assert listed.returncode == 0, listed.stderr
    assert "churn-leakage" in listed.stdout
    line = said_once(as_a_user(shared, "--db", str(db), "import", str(story_file(shared))))
    assert f"can't write to {folder}: permission denied" in line
    line = said_once(as_a_user(shared, "--db", str(db), "backup", str(folder / "b.db")))
    assert f"can't write to {folder}: permission denied" in line
    assert db.read_bytes() == before


def test_a_folder_without_permission_is_said_as_one(shared: Path) -> None:
    db = shared / "coach.db"
    assert as_a_user(shared, "--db", str(db), "import", str(samples_dir())).returncode == 0
    locked = shared / "locked"
    locked.mkdir()
    locked.chmod(0o000)
    line = said_once(as_a_user(shared, "--db", str(locked / "coach.db"), "list"))
    assert "permission denied" in line
    line = said_once(as_a_user(shared, "--db", str(db), "backup", str(locked / "b.db")))
    assert "permission denied" in line


# -- a full disk, a damaged database -----------------------------------------------------


def test_an_import_on_a_full_disk_says_so_and_imports_nothing(
    loaded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = db_module._connect

    def no_room(path: Path) -> sqlite3.Connection:
        conn = real(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite says SQLITE_FULL past it
        return conn

    monkeypatch.setattr(db_module, "_connect", no_room)
    before = titles(loaded)
    line = one_line_error(run(loaded, "import", str(story_file(tmp_path))))
    assert "disk is full" in line and "nothing was saved" in line, line
    assert "damaged" not in line and "restore" not in line
    assert titles(loaded) == before


def test_a_damaged_database_too_big_to_check_at_open(
    loaded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "CHECK_UP_TO_BYTES", 0)
    damage(loaded)
    before = loaded.read_bytes()
    for args in (
        ["export", "--format", "html", "--out", str(tmp_path / "bank.html")],
        ["export", "--format", "html", "--out", str(tmp_path / "sheets")],
        ["export", "--out", str(tmp_path / "md")],
        ["list"],
        ["lint"],
    ):
        line = one_line_error(run(loaded, *args))
        assert f"{loaded}: the database is damaged" in line, line
        assert "template" not in line and "restore an earlier backup" in line
    line = one_line_error(run(loaded, "import", str(story_file(tmp_path))))
    assert f"{loaded}: the database is damaged" in line, line
    assert "extra-story" not in titles(loaded), "nothing is written into a damaged database"
    assert loaded.read_bytes() == before


# -- what a killed coach left behind -----------------------------------------------------


def test_temporary_files_left_by_a_kill_are_swept_on_the_next_start(
    loaded: Path, tmp_path: Path
) -> None:
    folder = loaded.parent
    stale, fresh, held = (folder / f".coach-{n * 12}.tmp" for n in "abc")
    others = [folder / ".coach-notes.tmp", folder / "coach-aaaaaaaaaaaa.tmp"]
    for path in (stale, fresh, held, *others):
        path.write_bytes(b"half a backup")
    for path in (stale, held, *others):
        os.utime(path, (STALE, STALE))
    import fcntl

    with held.open("rb") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)  # another coach writing it still
        result = run(loaded, "import", str(story_file(tmp_path)))
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert fresh.exists() and held.exists() and all(p.exists() for p in others)


def test_backup_force_sweeps_its_folder(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".coach-0123456789ab.tmp"
    stale.write_bytes(b"half a backup")
    os.utime(stale, (STALE, STALE))
    (out / "b.db").write_bytes(b"old backup")
    result = run(loaded, "backup", str(out / "b.db"), "--force")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["b.db"]
    assert len(titles(out / "b.db")) == 6
