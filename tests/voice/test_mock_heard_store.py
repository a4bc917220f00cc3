"""What was heard in an answer improvised in a mock (migration m008, store/voice.py): kept
with its mock part, gone with it, its recording counted and forgotten by `voice purge`."""

from __future__ import annotations

from pathlib import Path

from old_databases import applied_names, make_old_database

from coach.core.speech import Fillers, Pause, SpeechMeasures
from coach.services import mock_record
from coach.store import mocks as mock_rows
from coach.store import open_store
from coach.store import voice as heard_rows
from coach.store.migrations import SCHEMA_NAMES

MEASURES = SpeechMeasures(
    duration_s=60.0,
    speaking_s=52.0,
    words=130,
    wpm=130.0,
    speaking_wpm=150.0,
    fillers=Fillers(2, 2.0, {"um": 2}),
    pauses=(Pause(20.0, 2.2),),
)


def test_an_m007_database_gets_mock_heard_and_an_improvised_answer_is_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m007.db"
    make_old_database(path, SCHEMA_NAMES.index("m008_mock_heard"))
    store = open_store(path)
    try:
        assert applied_names(store.conn) == SCHEMA_NAMES
        assert heard_rows.for_mock(store, 3) == {}
        heard_rows.save(
            store, 3, 1, measures=MEASURES, figures=(), transcript="um, we argued",
            audio_path="/a/mock-3-question-2.wav", engine="faster-whisper", model="tiny.en",
            in_mock=True,
        )  # fmt: skip
        row = heard_rows.for_mock(store, 3)[1]
        assert (row.rehearsal_id, row.position, row.measures) == (0, 1, MEASURES)
        paces = mock_record.improvised_paces(store, 3)
        assert list(paces) == [1] and paces[1].wpm == 130.0
        assert "/a/mock-3-question-2.wav" in heard_rows.audio_paths(store)
        kept = len(heard_rows.audio_paths(store))  # the m007 seed's rehearsal recording too
        assert heard_rows.forget_audio(store) == kept
        assert heard_rows.for_mock(store, 3)[1].audio_path is None
        assert heard_rows.for_mock(store, 3)[1].measures == MEASURES  # the measures stay
        mock_rows.drop_part(store, 3, 1)  # resuming drops a part: what was heard goes too
        assert heard_rows.for_mock(store, 3) == {}
    finally:
        store.close()


def test_what_an_m008_coach_stored_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "m008.db"
    make_old_database(path, len(SCHEMA_NAMES))
    store = open_store(path)
    try:
        row = heard_rows.for_mock(store, 3)[1]
        assert (row.measures.words, row.measures.fillers.by_word) == (190, {"um": 3, "so": 1})
        assert row.audio_path == "/data/audio/mock-3-question-2.wav"
        store.conn.execute("PRAGMA foreign_keys = ON")
        with store.write() as conn:
            conn.execute("DELETE FROM mocks WHERE id = 3")  # the mock discarded
        assert heard_rows.for_mock(store, 3) == {}
    finally:
        store.close()
