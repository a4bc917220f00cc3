"""What was heard, stored with its answer (migration m007, store/voice.py); the voice.yaml
settings rehearsal reads and writes; the rehearsal's pace over the answers heard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from old_databases import applied_names, make_old_database

from coach.core.errors import InputError
from coach.core.speech import Fillers, Pause, SpeechMeasures
from coach.core.spoken_figures import FigureHeard
from coach.core.stories import Story
from coach.services import rehearsals
from coach.services.voice.settings import VoiceSettings, read_settings, set_microphone
from coach.store import Store, open_store
from coach.store import voice as heard_rows
from coach.store.migrations import SCHEMA_NAMES

MEASURES = SpeechMeasures(
    duration_s=30.0,
    speaking_s=26.5,
    words=70,
    wpm=140.0,
    speaking_wpm=158.5,
    fillers=Fillers(3, 6.0, {"um": 2, "like": 1}),
    pauses=(Pause(8.25, 2.5),),
)
FIGURES = (FigureHeard("23%", "impact", True, 4.5), FigureHeard("11%", "impact", False, None))


def _rehearsal(store: Store) -> tuple[int, int]:
    story_id = store.create_story(Story("Churn", "project", fields={"impact": "From 23% to 11%."}))
    rehearsal_id, _ = rehearsals.begin(store, story_id, "")
    return story_id, rehearsal_id


def test_an_m006_database_gets_the_heard_table_and_keeps_what_it_had(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_old_database(path, SCHEMA_NAMES.index("m007_voice"))
    store = open_store(path)
    try:
        assert applied_names(store.conn) == SCHEMA_NAMES
        assert heard_rows.for_rehearsal(store, 7) == {}
        assert len(rehearsals.report(store, 7).answers) == 3
        heard_rows.save(
            store, 7, 1, measures=MEASURES, figures=FIGURES, transcript="um we held out",
            audio_path=None, engine="faster-whisper", model="tiny.en",
        )  # fmt: skip
        assert rehearsals.report(store, 7).heard[1].measures == MEASURES
    finally:
        store.close()


def test_what_an_m007_coach_stored_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "m007.db"
    make_old_database(path, len(SCHEMA_NAMES))
    store = open_store(path)
    try:
        row = heard_rows.for_rehearsal(store, 7)[1]
        assert (row.measures.words, row.measures.wpm, row.measures.fillers.count) == (120, 138.5, 3)
        assert row.measures.fillers.by_word == {"um": 2, "uh": 1}
        assert row.measures.pauses == (Pause(12.4, 2.5),)
        assert row.figures == (FigureHeard("2.1%", "impact", False, None),)
        assert row.audio_path == "/data/audio/rehearsal-7-answer-2.wav"
        assert (row.engine, row.model) == ("faster-whisper", "tiny.en")
    finally:
        store.close()


def test_heard_is_stored_replaced_and_deleted_with_its_story(store: Store) -> None:
    story_id, rehearsal_id = _rehearsal(store)
    for transcript in ("first try", "said again"):
        heard_rows.save(
            store, rehearsal_id, 0, measures=MEASURES, figures=FIGURES, transcript=transcript,
            audio_path="/a/rehearsal-1-answer-1.wav", engine="faster-whisper", model="tiny.en",
        )  # fmt: skip
    found = heard_rows.for_rehearsal(store, rehearsal_id)
    assert list(found) == [0]
    assert found[0].transcript == "said again"
    assert found[0].figures == FIGURES
    assert heard_rows.audio_paths(store) == ["/a/rehearsal-1-answer-1.wav"]
    assert heard_rows.forget_audio(store) == 1
    assert heard_rows.for_rehearsal(store, rehearsal_id)[0].audio_path is None
    assert heard_rows.for_rehearsal(store, rehearsal_id)[0].measures == MEASURES
    store.delete(story_id)
    count = store.conn.execute("SELECT count(*) FROM heard").fetchone()[0]
    assert count == 0


def test_the_rehearsal_pace_is_over_every_answer_heard(store: Store) -> None:
    _, rehearsal_id = _rehearsal(store)
    slow = SpeechMeasures(60.0, 50.0, 110, 110.0, 132.0, Fillers(0, 0.0, {}), ())
    for position, measures in enumerate((MEASURES, slow)):
        heard_rows.save(
            store, rehearsal_id, position, measures=measures, figures=(), transcript="",
            audio_path=None, engine="faster-whisper", model="tiny.en",
        )  # fmt: skip
    pace = rehearsals.pace(list(rehearsals.heard_in(store, rehearsal_id).values()))
    assert pace is not None
    assert (pace.answers, pace.wpm, pace.fillers_per_minute) == (2, 120.0, 2.0)
    assert pace.verdict == "slow"
    assert rehearsals.pace([]) is None


def test_voice_yaml_takes_the_microphone_and_keep_audio(tmp_path: Path) -> None:
    config = tmp_path / "config"
    assert read_settings(config) == VoiceSettings(None, microphone=False, keep_audio=True)
    config.mkdir()
    (config / "voice.yaml").write_text("# mine\nmodel: base.en\nkeep_audio: false\n")
    set_microphone(config, True)
    assert read_settings(config) == VoiceSettings("base.en", microphone=True, keep_audio=False)
    set_microphone(config, False)
    text = (config / "voice.yaml").read_text()
    assert text == "# mine\nmodel: base.en\nkeep_audio: false\nmicrophone: off\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("microphone: loud\n", "voice.yaml:1: microphone: must be on or off"),
        ("keep_audio: maybe\n", "voice.yaml:1: keep_audio: must be true or false"),
        (
            "mic: on\n",
            "voice.yaml:1: mic: unknown setting; voice.yaml takes `model`, `microphone`, "
            "`keep_audio`",
        ),
    ],
)
def test_a_bad_setting_is_one_line_with_where(tmp_path: Path, text: str, said: str) -> None:
    (tmp_path / "voice.yaml").write_text(text)
    with pytest.raises(InputError) as caught:
        read_settings(tmp_path)
    assert str(caught.value) == f"{tmp_path}/{said}"


def test_the_heard_table_cascades_from_rehearsals(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    make_old_database(path, len(SCHEMA_NAMES))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM rehearsals WHERE id = 7")
    assert conn.execute("SELECT count(*) FROM heard").fetchone()[0] == 0
    conn.close()
