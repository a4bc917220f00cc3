"""The search figures of bench/run.py: `search_10k_p50_ms` and `search_10k_p99_ms`.

What the bank does for each search (the count, then the first page), timed in bench/run.py's
own process over its 10,000-story bank, for a mix of what people type in the search box:
selective words, a word being typed, two words, common words and nasty input.
"""

from __future__ import annotations

import itertools
import sqlite3
import statistics
import time
from typing import Any

from common import figure, log, percentile
from corpus import Corpus

from coach.store import Store
from coach.store.store import RANK_LIMIT

SEARCH_TIMEOUT_S = 1.0
"""A search running longer than this is interrupted and counted as taking exactly this long."""
SEARCH_BUDGET_S = 1.0
"""Seconds of repeated runs per query; a slow query is run fewer times (at least once)."""


def search_queries(corpus: Corpus) -> dict[str, list[str]]:
    """What people type in the bank's search box, by kind; each string is one search."""
    rare = corpus.ml_word_near(3000)
    middling = corpus.ml_word_near(600)
    code, other_code = [name for name in corpus.code_names if len(name) >= 8][:2]
    return {
        "selective word": [code, other_code, rare, corpus.word(3500)],
        "word being typed": [rare[:n] for n in range(1, len(rare))]
        + [code[:n] for n in range(2, len(code))],
        "two words": [f"{rare} {middling}", f"{code} {corpus.word(0)}", f"{middling} {rare}"],
        "common word": [corpus.word(0), corpus.word(1), f"{corpus.word(0)} {corpus.word(1)}"],
        "nasty input": [
            f'"{rare} AND (',
            f"{middling} OR (",
            f"NOT {rare}",
            f"{rare}^ -{middling}",
            f"col:{code} *",
            '"',
            "*",
        ],
    }


class Interrupted(Exception):
    """A search ran past SEARCH_TIMEOUT_S."""


def search_once(store: Store, query: str) -> float:
    """Seconds for what the bank does per search: the count, then the first page
    (ranked best first unless the search matches more than RANK_LIMIT stories).

    SQLite's progress handler interrupts the search at SEARCH_TIMEOUT_S, so one
    pathological query cannot stall the whole run.
    """
    started = time.perf_counter()
    deadline = started + SEARCH_TIMEOUT_S
    store.conn.set_progress_handler(lambda: time.perf_counter() > deadline, 10_000)
    try:
        total = store.count_stories(search=query, cap=RANK_LIMIT)
        store.list_stories(search=query, limit=60, ranked=total <= RANK_LIMIT)
    except sqlite3.OperationalError as exc:
        if "interrupted" not in str(exc):
            raise
        raise Interrupted(query) from None
    finally:
        store.conn.set_progress_handler(None, 0)
    return time.perf_counter() - started


def time_query(store: Store, query: str, rounds: int) -> tuple[list[float], bool]:
    """`rounds` samples (ms) of one query, and whether it ran out of time.

    After a warm-up run, the query is repeated up to `rounds` times while the total
    stays within SEARCH_BUDGET_S; when that allows fewer runs (or none: then the
    warm-up counts), the runs made are repeated to make up `rounds` samples, so
    every query weighs the same in the percentiles.
    """
    try:
        warm_up = search_once(store, query)
    except Interrupted:
        return [SEARCH_TIMEOUT_S * 1000] * rounds, True
    measured: list[float] = []
    spent = warm_up
    while len(measured) < rounds and spent + warm_up <= SEARCH_BUDGET_S:
        try:
            seconds = search_once(store, query)
        except Interrupted:
            seconds = SEARCH_TIMEOUT_S
        measured.append(seconds * 1000)
        spent += seconds
    if not measured:
        measured = [warm_up * 1000]
    return list(itertools.islice(itertools.cycle(measured), rounds)), False


def search_figures(store: Store, corpus: Corpus, rounds: int) -> dict[str, Any]:
    """p50 and p99 over every query of the mix, each weighing `rounds` samples."""
    queries = search_queries(corpus)
    samples: dict[str, list[float]] = {kind: [] for kind in queries}
    median_ms: dict[str, float] = {}
    timed_out: list[str] = []
    for kind, kind_queries in queries.items():
        for query in kind_queries:
            times, interrupted = time_query(store, query, rounds)
            samples[kind] += times
            median_ms[query] = statistics.median(times)
            if interrupted:
                timed_out.append(query)
    every = [ms for kind in samples.values() for ms in kind]
    by_kind = {
        kind: {"p50_ms": round(percentile(ms, 50), 3), "max_ms": round(max(ms), 3)}
        for kind, ms in samples.items()
    }
    slowest = sorted(median_ms.items(), key=lambda item: -item[1])[:8]
    for kind, stats in by_kind.items():
        log(f"  search {kind}: {stats}")
    log(f"  slowest queries (median ms): {[(q, round(ms, 1)) for q, ms in slowest]}")
    if timed_out:
        log(f"  interrupted after {SEARCH_TIMEOUT_S} s: {timed_out}")
    detail = {
        "queries": sum(len(qs) for qs in queries.values()),
        "samples_per_query": rounds,
        "by_kind": by_kind,
        "slowest_median_ms": {q: round(ms, 2) for q, ms in slowest},
        "interrupted_at_ms": SEARCH_TIMEOUT_S * 1000,
        "interrupted": timed_out,
    }
    return {
        "search_10k_p50_ms": figure(percentile(every, 50), "ms", "< 5", detail=detail),
        "search_10k_p99_ms": figure(percentile(every, 99), "ms", "< 50"),
    }
