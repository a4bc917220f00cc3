"""`coach export --format pdf`: one story, the bank with its overview in one file, a
folder of one PDF a story, stdout; without WeasyPrint, one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import one_line_error, run
from pdf_pages import need_weasyprint, pages, starts

from coach.services.export.pdf import NO_WEASYPRINT
from coach.store import open_store

need_weasyprint()


def bank(db: Path) -> list[tuple[str, str]]:
    """(slug, title) of each story, in the order an export writes them."""
    store = open_store(db)
    try:
        return [(row.slug, row.title) for row in store.list_stories()]
    finally:
        store.close()


def test_one_story_to_one_pdf(loaded: Path, tmp_path: Path) -> None:
    [(slug, title), *_] = bank(loaded)
    target = tmp_path / "one.pdf"
    result = run(loaded, "export", slug, "--format", "pdf", "--out", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(target)
    assert pages(target.read_bytes())[0].startswith(title)


def test_stories_and_the_overview_in_one_pdf(loaded: Path, tmp_path: Path) -> None:
    target = tmp_path / "bank.pdf"
    [(one, first), (two, second), *_] = bank(loaded)
    args = [two, one, "--format", "pdf", "--overview", "--out", str(target)]
    result = run(loaded, "export", *args)
    assert result.exit_code == 0, result.output
    pdf = target.read_bytes()
    heads = ["Story bank overview", second, first]
    first_pages = starts(pdf, heads)
    assert first_pages[0] == 0 and first_pages == sorted(set(first_pages))
    assert len(pages(pdf)) >= len(heads)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("coach.db")] == ["bank.pdf"]


def test_a_folder_gets_one_pdf_a_story(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheets"
    result = run(loaded, "export", "--format", "pdf", "--out", str(out))
    assert result.exit_code == 0, result.output
    stories = bank(loaded)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{s}.pdf" for s, _ in stories)
    for slug, title in stories:
        assert pages((out / f"{slug}.pdf").read_bytes())[0].startswith(title)
    assert result.stderr.strip() == f"exported {len(stories)} files"


def test_a_pdf_goes_to_stdout_as_bytes(loaded: Path, tmp_path: Path) -> None:
    [(slug, title), *_] = bank(loaded)
    target = tmp_path / "one.pdf"
    assert run(loaded, "export", slug, "--format", "pdf", "--out", str(target)).exit_code == 0
    piped = run(loaded, "export", slug, "--format", "pdf", "--out", "-")
    assert piped.exit_code == 0, piped.output
    assert piped.stdout_bytes == target.read_bytes()
    assert pages(piped.stdout_bytes)[0].startswith(title)


def test_without_weasyprint_one_line_and_exit_2(loaded: Path, tmp_path: Path) -> None:
    """WeasyPrint made unimportable in a fresh process, as on an install without the
    extra: nothing written, one line on how to get it or to print the HTML."""
    target = tmp_path / "out" / "bank.pdf"
    code = "import sys; sys.modules['weasyprint'] = None\nfrom coach.cli import run; run()"
    args = ["--db", str(loaded), "export", "--format", "pdf", "--overview", "--out", str(target)]
    found = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    assert found.returncode == 2, found.stderr
    assert found.stdout == ""
    assert found.stderr.strip().splitlines() == [f"coach: {NO_WEASYPRINT}"]
    assert "pip install 'coach[pdf]'" in found.stderr
    assert not target.parent.exists()


def test_without_weasyprint_in_process_too(
    loaded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    message = one_line_error(run(loaded, "export", "--format", "pdf", "--out", str(tmp_path)))
    assert message.endswith(NO_WEASYPRINT)
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_cli_does_not_load_weasyprint_at_start() -> None:
    code = "import sys, coach.cli.main; print('weasyprint' in sys.modules)"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert found.stdout.strip() == "False", found.stderr


def test_a_pdf_is_never_written_onto_a_terminal(loaded: Path) -> None:
    """Compressed PDF bytes can hold terminal escapes: a terminal on stdout is refused."""
    import os
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "coach", "--db", str(loaded), "export", "--format", "pdf"]
            + ["--out", "-"],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
        os.set_blocking(leader, False)
        try:
            shown = os.read(leader, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "coach: PDF is binary; give --out NAME.pdf or pipe it into a file"
    )
    assert b"%PDF" not in shown
