"""The matching figure of bench/run.py: `match_10k_p50_ms`, one interview question against
the 10,000-story bank.

The index is built once (as the app keeps it while it runs), then each question is ranked
and its best stories explained, as `coach match` does: a mix of common questions,
paraphrases and questions of the corpus' own words. Two figures of the index itself:
`match_index_cold_s`, built from nothing (the first Matcher of a process), and
`match_index_warm_ms`, a Matcher made again on the unchanged bank (the mock's first question
and the progress screen's coverage after it), which only checks the stories' change times.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from common import figure, log, percentile
from corpus import Corpus

from coach.services import match_cache
from coach.services.matching import Matcher, common_questions
from coach.services.workspace import Workspace
from coach.store import Store

LIMIT = 3
WARM_ROUNDS = 20


def match_questions(corpus: Corpus) -> list[tuple[str, Any]]:
    """(question, common question or None): typed questions and common questions."""
    questions = common_questions(Workspace()).questions
    typed = [
        "Have you predicted which customers would cancel?",
        "Catching fraudulent payments",
        "Get up to speed on an unfamiliar tool",
        "Tell me about a time you disagreed with a colleague",
        f"Tell me about the {corpus.ml_word_near(600)} work with {corpus.ml_word_near(3000)}",
        "A model that degraded after release because inputs shifted",
    ]
    common = [(q.text, q) for q in questions.questions[::8]]
    return [(text, None) for text in typed] + common


def match_figures(store: Store, corpus: Corpus, rounds: int) -> dict[str, Any]:
    """p50 and p99 of one question ranked and explained over the bank."""
    match_cache.forget()
    started = time.perf_counter()
    matcher = Matcher(store)
    built_s = time.perf_counter() - started
    warm = []
    for _ in range(WARM_ROUNDS):
        t0 = time.perf_counter()
        Matcher(store)
        warm.append((time.perf_counter() - t0) * 1000)
    warm_ms = statistics.median(warm)
    log(f"  match index: {len(matcher)} stories in {built_s:.1f} s, again in {warm_ms:.1f} ms")
    samples: list[float] = []
    median_ms: dict[str, float] = {}
    for text, common in match_questions(corpus):
        matcher.match(text, limit=LIMIT, common=common)  # warm-up
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            matcher.match(text, limit=LIMIT, common=common)
            times.append((time.perf_counter() - t0) * 1000)
        samples += times
        median_ms[text] = statistics.median(times)
    slowest = sorted(median_ms.items(), key=lambda item: -item[1])[:5]
    log(f"  slowest questions (median ms): {[(q[:40], round(ms, 1)) for q, ms in slowest]}")
    detail = {
        "questions": len(median_ms),
        "samples_per_question": rounds,
        "index_build_s": round(built_s, 2),
        "slowest_median_ms": {q: round(ms, 2) for q, ms in slowest},
    }
    return {
        "match_10k_p50_ms": figure(percentile(samples, 50), "ms", "< 10", detail=detail),
        "match_10k_p99_ms": figure(percentile(samples, 99), "ms", None),
        "match_index_cold_s": figure(built_s, "s", None),
        "match_index_warm_ms": figure(warm_ms, "ms", None),
    }
