"""The form's typing figure of bench/run.py: form_keystroke_ratio.

Typing into a 3,000-word field of the story form must feel like typing into any text
box. Each round types the same keys, at a fast typist's pace, into two fresh processes
(bench/form_probe.py, whose docstring says exactly what is timed): coach's form, on the
`impact` field of the sample story 'churn-leakage' grown to WORDS words, and a bare
Textual app of one TextArea holding the same text. Each process gives the p99 (and p50)
of the time from a key press to the first frame showing it; the figure is the median over
rounds of the form's p99 over the median over rounds of the bare app's. The order of the
two alternates from round to round, so drifts in the machine's load hit both alike.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import Any

from common import figure, log, run_script
from databases import copy_database
from form_probe import GAP_S

HERE = Path(__file__).resolve().parent
FORM_PROBE = HERE / "form_probe.py"
PROBE_TIMEOUT_S = 180

WORDS = 3000
STORY = "churn-leakage"
FIELD = "impact"
PARAGRAPH_WORDS = 150
"""Words between the blank lines of the long text: it is written, not pasted as one line."""


def long_text(sentences: list[str], words: int) -> str:
    """Exactly `words` words of the given sentences, over and over, in paragraphs."""
    from coach.core.text import word_count

    out: list[str] = []
    total = since_break = 0
    while total < words:
        for sentence in sentences:
            count = word_count(sentence)
            if total + count > words:
                sentence = " ".join(sentence.split()[: words - total])
                count = word_count(sentence)
            out.append(sentence)
            total += count
            since_break += count
            if since_break >= PARAGRAPH_WORDS:
                out.append("\n\n")
                since_break = 0
            if total >= words:
                break
    text = " ".join(out).replace(" \n\n ", "\n\n").strip()
    if word_count(text) != words:
        raise RuntimeError(f"the long text has {word_count(text)} words, not {words}")
    return text


def build_form_db(db: Path, text_file: Path) -> int:
    """coach's sample stories, with STORY's FIELD grown to WORDS words of the samples' own
    prose (every field of every sample, in turn); that text also goes to `text_file`.
    Returns STORY's id."""
    from coach.services.stories import load_samples
    from coach.services.workspace import Workspace
    from coach.store import open_store

    store = open_store(db)
    try:
        load_samples(store, Workspace(db).templates)
        found = store.find(STORY)
        if found is None:
            raise RuntimeError(f"the sample story {STORY!r} is missing")
        prose = "\n".join(
            text
            for row_id in sorted(r[0] for r in store.conn.execute("SELECT id FROM stories"))
            for text in store.story(row_id).fields.values()
        )
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(prose.split())) if s]
        text = long_text(sentences, WORDS)
        _, rev = store.field_state(found.id, FIELD)
        store.save_field(found.id, FIELD, text, rev)
        text_file.write_text(text, encoding="utf-8")
        return found.id
    finally:
        store.close()


def run_form_probe(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = run_script(FORM_PROBE, args, env, PROBE_TIMEOUT_S)
    return result


def form_keystroke_figures(
    workdir: Path, keys: int, warm_up: int, rounds: int, seed: int, env: dict[str, str]
) -> dict[str, Any]:
    """p99 key-to-frame in the form over a bare TextArea app's, `rounds` rounds of `keys`
    counted keys each (after `warm_up` keys that are not)."""
    db, text_file = workdir / "form.db", workdir / "form-text.txt"
    story_id = build_form_db(db, text_file)
    common = [str(text_file), str(keys), str(warm_up), str(seed)]
    results: dict[str, list[dict[str, Any]]] = {"bare": [], "form": []}
    for number in range(rounds):
        # each run of the form types into a fresh copy: its autosave keeps what was typed
        typed_db = workdir / f"form-typed-{number}.db"
        copy_database(db, typed_db)
        variants = {
            "bare": ["bare", *common],
            "form": ["form", *common, str(typed_db), str(story_id), FIELD],
        }
        order = list(variants) if number % 2 == 0 else list(reversed(variants))
        for name in order:
            results[name].append(run_form_probe(variants[name], env))
        shown = ", ".join(
            f"{n} p50 {r[-1]['p50_ms']:.1f} p99 {r[-1]['p99_ms']:.1f} ms"
            for n, r in results.items()
        )
        log(f"  typing round {number + 1}/{rounds}: {shown}")

    def median(name: str, key: str) -> float:
        return float(statistics.median(r[key] for r in results[name]))

    def summary(name: str) -> dict[str, Any]:
        return {
            "p50_ms": round(median(name, "p50_ms"), 2),
            "p99_ms": round(median(name, "p99_ms"), 2),
            "max_ms": round(max(r["max_ms"] for r in results[name]), 2),
            "p99_ms_by_round": [round(r["p99_ms"], 2) for r in results[name]],
            "cpu_ms_per_key": round(median(name, "cpu_ms_per_key"), 2),
            "frames_per_key": round(
                statistics.median(r["frames"] / (r["keys"] + r["warm_up"]) for r in results[name]),
                2,
            ),
        }

    bare = median("bare", "p99_ms")
    low, high = (round(s * 1000) for s in GAP_S)
    baseline = {
        "what": "bare Textual app of one TextArea holding the same text, same keys",
        "value": round(bare, 2),
        "unit": "ms",
        **summary("bare"),
    }
    detail = {
        "form": {
            "what": f"coach's form, the {FIELD!r} field of {STORY!r} at {WORDS} words",
            **summary("form"),
        },
        "ratio_by_round": [
            round(f["p99_ms"] / b["p99_ms"], 2)
            for f, b in zip(results["form"], results["bare"], strict=True)
        ],
        "words": results["form"][-1]["words"],
        "keys_per_round": keys,
        "warm_up_keys": warm_up,
        "rounds": rounds,
        "pace": f"a key every {low}-{high} ms (seeded), not waiting for the app",
        "size": "120x40, headless, frames rendered to terminal bytes",
    }
    ratio = median("form", "p99_ms") / bare
    return {
        "form_keystroke_ratio": figure(ratio, "ratio", "<= 1.5", baseline=baseline, detail=detail)
    }
