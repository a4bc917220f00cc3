"""`coach voice purge`: the recorded answers go, what was heard in them stays."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import one_line_error, run
from click.testing import CliRunner

from coach.cli import main
from coach.core.speech import Fillers, SpeechMeasures
from coach.core.stories import Story
from coach.services import rehearsals
from coach.services.voice.recording import audio_folder
from coach.store import Store
from coach.store import voice as heard_rows

MEASURES = SpeechMeasures(30.0, 27.0, 70, 140.0, 155.6, Fillers(1, 2.0, {"um": 1}), ())


def recorded(store: Store) -> tuple[int, list[Path]]:
    """A rehearsal with two answers heard, their recordings kept (300 kB each)."""
    story_id = store.create_story(Story("Churn", "project", fields={"goal": "Keep users."}))
    rehearsal_id, _ = rehearsals.begin(store, story_id, "")
    folder = audio_folder(store.path)  # where coach records this database's answers
    folder.mkdir(parents=True)
    paths = []
    for position in (0, 1):
        path = folder / f"rehearsal-{rehearsal_id}-answer-{position + 1}.wav"
        path.write_bytes(b"\0" * 300_000)
        paths.append(path)
        heard_rows.save(
            store, rehearsal_id, position, measures=MEASURES, figures=(), transcript="um yes",
            audio_path=str(path), engine="faster-whisper", model="tiny.en",
        )  # fmt: skip
    return rehearsal_id, paths


def test_purge_deletes_the_files_and_keeps_the_measures(store: Store, db_path: Path) -> None:
    rehearsal_id, paths = recorded(store)
    result = run(db_path, "voice", "purge", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout == "deleted 2 recorded answers (0.6 MB); what was heard in them is kept\n"
    assert not any(p.exists() for p in paths)
    kept = heard_rows.for_rehearsal(store, rehearsal_id)
    assert [row.measures for row in kept.values()] == [MEASURES, MEASURES]
    assert [row.audio_path for row in kept.values()] == [None, None]
    again = run(db_path, "voice", "purge", "--yes")
    assert again.stdout == "no recorded answers are kept\n"


def test_purge_asks_first(store: Store, db_path: Path) -> None:
    _, paths = recorded(store)
    runner = CliRunner()
    said_no = runner.invoke(main, ["--db", str(db_path), "voice", "purge"], input="n\n")
    assert "Delete 2 recorded answers (0.6 MB)? What was heard in them stays" in said_no.output
    assert said_no.exit_code == 2
    assert said_no.stderr.strip().endswith(
        "nothing deleted; add --yes to delete 2 recorded answers (0.6 MB) without asking"
    )
    assert all(p.exists() for p in paths)
    said_yes = runner.invoke(main, ["--db", str(db_path), "voice", "purge"], input="y\n")
    assert said_yes.exit_code == 0, said_yes.output
    assert not any(p.exists() for p in paths)


def test_purge_without_a_terminal_to_ask_is_one_line(store: Store, db_path: Path) -> None:
    _, paths = recorded(store)
    said = one_line_error(run(db_path, "voice", "purge"))
    assert said == (
        "coach: nothing deleted; add --yes to delete 2 recorded answers (0.6 MB) without asking"
    )
    assert all(p.exists() for p in paths)
