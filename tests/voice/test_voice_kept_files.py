"""Recordings on disk: an answer is recorded under a name of its own and takes its answer's
name only once stored (answering again never empties a kept recording); a failed store
leaves no file; `voice purge` deletes this database's folder's recordings, orphans too, and
never a file a database names elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.speech import Fillers, SpeechMeasures
from coach.core.stories import Story
from coach.services import rehearsals
from coach.services.voice.analysis import Analysis
from coach.services.voice.recording import (
    audio_folder,
    audio_path,
    keep_heard,
    kept_audio,
    purge_audio,
    take_path,
)
from coach.store import Store
from coach.store import voice as heard_rows
from coach.store.errors import StoreError

HEARD = Analysis(
    "take.wav",
    SpeechMeasures(30.0, 27.0, 70, 140.0, 155.6, Fillers(1, 2.0, {"um": 1}), ()),
    (),
    "um we held out five percent",
    "tiny.en",
)


def a_take(store: Store, content: bytes) -> Path:
    path = take_path(store.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def a_rehearsal(store: Store) -> int:
    story_id = store.create_story(Story("Churn", "project", fields={"impact": "From 23%."}))
    rehearsal_id, _ = rehearsals.begin(store, story_id, "")
    return rehearsal_id


def test_a_kept_answer_is_renamed_and_answering_again_replaces_it_whole(store: Store) -> None:
    rehearsal_id = a_rehearsal(store)
    named = audio_path(store.path, rehearsal_id, 1)
    first = a_take(store, b"first answer")
    assert first != named and first.parent == named.parent
    row = keep_heard(store, rehearsal_id, 1, HEARD, first, keep=True)
    assert row.audio_path == str(named) and named.read_bytes() == b"first answer"
    assert not first.exists()
    second = a_take(store, b"second answer")  # back, then the answer again
    assert named.read_bytes() == b"first answer", "recording again never touches it"
    keep_heard(store, rehearsal_id, 1, HEARD, second, keep=True)
    assert named.read_bytes() == b"second answer" and not second.exists()
    not_kept = a_take(store, b"third")
    assert keep_heard(store, rehearsal_id, 1, HEARD, not_kept, keep=False).audio_path is None
    assert not not_kept.exists()


def test_an_answer_whose_rehearsal_is_gone_is_said_and_leaves_no_file(store: Store) -> None:
    take = a_take(store, b"said to nobody")
    with pytest.raises(StoreError, match="deleted in another window"):
        keep_heard(store, 999, 0, HEARD, take, keep=True)
    assert not take.exists()
    assert heard_rows.for_rehearsal(store, 999) == {}


def test_purge_deletes_the_folders_recordings_orphans_too_and_nothing_elsewhere(
    store: Store, tmp_path: Path
) -> None:
    rehearsal_id = a_rehearsal(store)
    keep_heard(store, rehearsal_id, 0, HEARD, a_take(store, b"kept"), keep=True)
    orphan = a_take(store, b"left by a deleted story")
    elsewhere = tmp_path / "notes.wav"
    elsewhere.write_bytes(b"not coach's")
    heard_rows.save(
        store,
        rehearsal_id,
        1,
        measures=HEARD.measures,
        figures=(),
        transcript="",
        audio_path=str(elsewhere),
        engine="faster-whisper",
        model="tiny.en",
    )  # fmt: skip - a database from elsewhere naming any file
    found = kept_audio(store)
    assert orphan in found and audio_path(store.path, rehearsal_id, 0) in found
    assert elsewhere not in found
    purged = purge_audio(store)
    assert purged.files == 2
    assert elsewhere.read_bytes() == b"not coach's"
    assert not audio_folder(store.path).exists()
    assert heard_rows.audio_paths(store) == []  # the rows no longer name any recording
