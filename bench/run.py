"""coach's benchmarks: prints one JSON object of named figures to stdout.

    python bench/run.py [--quick]

Each figure is {"value", "unit", "goal"} (goal null when there is none); a figure
that is a ratio also carries the "baseline" it was divided by, measured in the same
run, and some carry a "detail" object of raw numbers. Progress goes to stderr.
Start-up and memory are measured in fresh processes (bench/probe.py); search
(bench/search.py) and saving in this process, over one 10,000-story bank built from a
fixed seed (every database is built by bench/databases.py). The pacing timer figures are
in bench/rehearsal.py (the timer's CPU in fresh processes, bench/timer_probe.py); the
follow-up figures (bench/followups.py) use a copy of the bank with 100,000 answers, and so
do the progress screen's start-up (bench/progress.py, fresh processes) and export
(bench/export.py). Typing into a 3,000-word field of the form, key press to frame against a
bare TextArea app, is measured in fresh processes by bench/form.py (bench/form_probe.py).
Hearing a 30 s spoken answer (the `voice` extra) is measured by bench/voice.py, in fresh
processes; its figures are null, with the reason, where faster-whisper or a model is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import databases  # noqa: E402
import export  # noqa: E402
import followups  # noqa: E402
import form  # noqa: E402
import match  # noqa: E402
import mock_start  # noqa: E402
import progress  # noqa: E402
import rehearsal  # noqa: E402
import search  # noqa: E402
import voice  # noqa: E402
from common import figure, log, measure_starts, percentile  # noqa: E402
from corpus import Corpus, make_corpus  # noqa: E402

from coach.store import Store, open_store  # noqa: E402

SEED = 20240611
BANK_SIZE = 10_000
TYPING_WARM_UP = 20


@dataclass(frozen=True)
class Plan:
    """How much to measure: --quick trades precision for about a minute of run time."""

    quick: bool
    start_runs: int
    search_rounds: int
    saves: int
    timer_real_s: float
    """Seconds of the real-time run of the pacing timer's error."""
    timer_cpu_s: float
    """Seconds each CPU probe of the pacing timer runs (the first is not measured)."""
    timer_cpu_rounds: int
    plans: int
    """Stories that follow-ups are chosen for."""
    typing_keys: int
    """Keys timed per run of the form's typing figure (after TYPING_WARM_UP that are not)."""
    typing_rounds: int


PLANS = {
    True: Plan(
        quick=True,
        start_runs=5,
        search_rounds=5,
        saves=300,
        timer_real_s=3,
        timer_cpu_s=5,
        timer_cpu_rounds=1,
        plans=100,
        typing_keys=150,
        typing_rounds=3,
    ),
    False: Plan(
        quick=False,
        start_runs=11,
        search_rounds=30,
        saves=2000,
        timer_real_s=5,
        timer_cpu_s=15,
        timer_cpu_rounds=2,
        plans=1000,
        typing_keys=200,
        typing_rounds=5,
    ),
}


# -- start-up and memory ----------------------------------------------------------------


def compile_package() -> None:
    """Byte-compile coach as `pip install .` does, so that start-up is measured as users
    get it. (An editable checkout on a machine that sets PYTHONDONTWRITEBYTECODE, as this
    one does, would otherwise compile every coach module at every start, while Textual,
    installed by pip, starts from its bytecode.)"""
    import compileall

    import coach

    compileall.compile_dir(Path(coach.__file__).parent, quiet=1)


def probe_env(config_dir: Path) -> dict[str, str]:
    """The environment of a probe: no user templates, no Textual dev tools, a cache folder
    of its own (filled by the unmeasured first run, as a user's first start fills theirs)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env["COACH_CONFIG"] = str(config_dir)
    env["COACH_CACHE"] = str(config_dir.parent / "cache")
    env.pop("COACH_DB", None)
    return env


def median_of(results: list[dict[str, float]], key: str) -> float:
    """The median of one measure over a variant's probe runs."""
    return statistics.median(r[key] for r in results)


def start_figures(results: dict[str, list[dict[str, float]]]) -> dict[str, Any]:
    """The two start-up ratios and the peak memory of the 10k bank."""
    bare = median_of(results["bare"], "first_frame_s")
    baseline = {
        "what": "bare Textual app (Header, Static, Footer) to its first frame, headless",
        "value": round(bare, 4),
        "unit": "s",
        "peak_rss_mib": round(median_of(results["bare"], "peak_rss_mib"), 1),
    }
    out: dict[str, Any] = {}
    for name, variant, goal in (
        ("start_empty_ratio", "empty", "<= 1.3"),
        ("start_10k_ratio", "10k", "<= 1.6"),
    ):
        coach = median_of(results[variant], "first_frame_s")
        out[name] = figure(
            coach / bare,
            "ratio",
            goal,
            baseline=baseline,
            detail={
                "first_frame_s": round(coach, 4),
                "in_process_s": round(median_of(results[variant], "in_process_s"), 4),
                "wall_s": round(median_of(results[variant], "wall_s"), 4),
                "runs": len(results[variant]),
            },
        )
    rss = median_of(results["10k"], "peak_rss_mib")
    out["peak_rss_10k_mb"] = figure(rss, "MiB", "< 150")
    return out


# -- saving ------------------------------------------------------------------------------


def save_figures(store: Store, corpus: Corpus, saves: int) -> dict[str, Any]:
    """One keystroke per save on a ~150-word field of a story in the middle of the bank."""
    story_id = BANK_SIZE // 2
    key = "findings"
    words = random.Random(SEED).choices(corpus.vocabulary[:500], k=150)
    text = " ".join(words)
    _, rev = store.field_state(story_id, key)
    rev = store.save_field(story_id, key, text, rev).rev
    typed = "and then we found that the label leakage came from the join "
    samples: list[float] = []
    for number in range(saves):
        text += typed[number % len(typed)]
        started = time.perf_counter()
        result = store.save_field(story_id, key, text, rev)
        samples.append((time.perf_counter() - started) * 1000)
        if result.conflict is not None:
            raise RuntimeError("a save in the benchmark reported a conflict")
        rev = result.rev
    log(f"  {saves} saves: p50 {percentile(samples, 50):.3f} ms, max {max(samples):.1f} ms")
    detail = {"saves": saves, "max_ms": round(max(samples), 3)}
    return {
        "save_p50_ms": figure(percentile(samples, 50), "ms", "< 2", detail=detail),
        "save_p99_ms": figure(percentile(samples, 99), "ms", None),
    }


# -- the run -----------------------------------------------------------------------------


def timed(label: str, step: Callable[[], Any]) -> Any:
    """Run one step of the benchmark, saying on stderr how long it took."""
    started = time.perf_counter()
    log(f"{label} ...")
    result = step()
    log(f"{label}: {time.perf_counter() - started:.1f} s")
    return result


def run(plan: Plan, workdir: Path) -> dict[str, Any]:
    """Build the banks in `workdir`, then measure every figure."""
    corpus = make_corpus(SEED)
    empty, bank = workdir / "empty.db", workdir / "bank.db"
    databases.build_empty(empty)
    timed(
        f"building the {BANK_SIZE} story bank",
        lambda: databases.build_bank(bank, corpus, BANK_SIZE, SEED),
    )
    variants = {"bare": ["bare"], "empty": ["coach", str(empty)], "10k": ["coach", str(bank)]}
    env = probe_env(workdir / "config")
    os.environ["COACH_CONFIG"] = env["COACH_CONFIG"]  # in this process too: no user templates
    os.environ["COACH_CACHE"] = env["COACH_CACHE"]
    compile_package()
    starts = timed("start-up", lambda: measure_starts(variants, plan.start_runs, env))
    figures = start_figures(starts)
    figures |= timed(
        "mock interview start", lambda: mock_start.mock_figures(bank, plan.start_runs, env)
    )
    store = open_store(bank)
    try:
        figures |= timed("search", lambda: search.search_figures(store, corpus, plan.search_rounds))
        figures |= timed("matching", lambda: match.match_figures(store, corpus, plan.search_rounds))
        figures |= timed("saving", lambda: save_figures(store, corpus, plan.saves))
    finally:
        store.close()
    figures |= timed(
        "pacing timer error",
        lambda: rehearsal.timer_error_figures(plan.timer_real_s, SEED),
    )
    samples = workdir / "samples.db"
    story_id = databases.build_samples(samples)
    figures |= timed(
        "pacing timer CPU",
        lambda: rehearsal.timer_cpu_figures(
            samples, story_id, plan.timer_cpu_s, plan.timer_cpu_rounds, env
        ),
    )
    answers = workdir / "answers.db"
    databases.copy_database(bank, answers)
    built = timed(
        f"adding {databases.ANSWERS} answers to a copy of the bank",
        lambda: databases.add_answers(answers, databases.ANSWERS, SEED),
    )
    figures |= timed(
        "follow-ups", lambda: followups.followup_figures(answers, plan.plans, SEED, built)
    )
    figures |= timed(
        "progress screen", lambda: progress.progress_figures(answers, plan.start_runs, env)
    )
    figures |= timed("export", lambda: export.export_figures(answers, workdir, env))
    figures |= timed(
        "typing in the form",
        lambda: form.form_keystroke_figures(
            workdir, plan.typing_keys, TYPING_WARM_UP, plan.typing_rounds, SEED, env
        ),
    )
    figures |= timed(
        "hearing an answer", lambda: voice.voice_figures(workdir, 2 if plan.quick else 5, env)
    )
    return figures


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, about a minute")
    args = parser.parse_args()
    plan = PLANS[args.quick]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        figures = run(plan, Path(tmp))
    log(f"done in {time.perf_counter() - started:.0f} s")
    output = {**figures, "machine": machine(), "quick": plan.quick}
    print(json.dumps(output, indent=2))


if __name__ == "__main__":
    main()
