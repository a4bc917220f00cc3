"""Recorded answers are filed by database: two databases' rehearsal ids never share a file,
and `purge` deletes only the recordings this database's answers point at."""

from __future__ import annotations

from pathlib import Path

from coach.core.speech import Fillers, SpeechMeasures
from coach.core.stories import Story
from coach.paths import audio_dir
from coach.services import rehearsals
from coach.services.voice.recording import audio_path, kept_audio, purge_audio
from coach.store import Store, open_store
from coach.store import voice as heard_rows

MEASURES = SpeechMeasures(30.0, 27.0, 70, 140.0, 155.6, Fillers(1, 2.0, {"um": 1}), ())


def heard_answer(store: Store) -> Path:
    """One rehearsal answer heard in `store`, its recording kept where rehearsal keeps it."""
    story_id = store.create_story(Story("Churn", "project", fields={"goal": "Keep users."}))
    rehearsal_id, _ = rehearsals.begin(store, story_id, "")
    path = audio_path(store.path, rehearsal_id, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * 1000)
    heard_rows.save(
        store, rehearsal_id, 0, measures=MEASURES, figures=(), transcript="um yes",
        audio_path=str(path), engine="faster-whisper", model="tiny.en",
    )  # fmt: skip
    return path


def test_two_databases_never_share_a_recording(store: Store, tmp_path: Path) -> None:
    other = open_store(tmp_path / "elsewhere" / "coach.db")
    try:
        mine, theirs = heard_answer(store), heard_answer(other)
        assert mine.name == theirs.name  # the same rehearsal id and answer in each
        assert mine != theirs
        assert mine.parent.parent == theirs.parent.parent == audio_dir()
        # The folder is the database's, however its path is written.
        again = audio_path(Path(str(store.path.parent) + "/./" + store.path.name), 1, 0)
        assert again.parent == mine.parent
        assert kept_audio(store) == [mine]
        assert kept_audio(other) == [theirs]
        done = purge_audio(store)
        assert done.files == 1
        assert not mine.exists() and not mine.parent.exists()
        assert theirs.is_file()
        assert [r.audio_path for r in heard_rows.for_rehearsal(other, 1).values()] == [str(theirs)]
    finally:
        other.close()


def test_purge_deletes_what_a_deleted_answer_left_in_its_own_folder_only(
    store: Store, tmp_path: Path
) -> None:
    path = heard_answer(store)
    left = path.parent / "rehearsal-99-answer-1.wav"  # its story deleted: no row names it
    left.write_bytes(b"\0")
    other = open_store(tmp_path / "other" / "coach.db")
    try:
        theirs = heard_answer(other)
        assert kept_audio(store) == [path, left]
        purge_audio(store)
        assert not path.exists() and not left.exists()
        assert theirs.is_file()  # another database's folder is not this one's to clear
    finally:
        other.close()
