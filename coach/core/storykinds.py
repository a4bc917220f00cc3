"""What kind of story this is, and which facts it already gives, read from its own words.

A question declares the kinds of story it applies to (`applies_to`, `not_for`) and the facts
that mean the story already answers it (`answered_if`); both are matched here against the
story's tags, competencies and text, with word lists and patterns, never a model.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import lru_cache


def _terms(text: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in text.split(",") if term.strip())


KINDS: dict[str, tuple[str, ...]] = {
    # problems
    "classification": _terms(
        "classif*, churn*, fraud*, spam, binary, precision, recall, roc, roc-auc, auc, "
        "pr-auc, f1, logistic-regression, positive class, positive-class, false positive*, "
        "false negative*, imbalanc*, confusion matrix, default risk"
    ),
    "regression": _terms(
        "regression, regressor, rmse, mae, mape, r2, r², mean absolute error, mean squared "
        "error, forecast*, demand, price prediction, predicting price*, predicting sales, "
        "predicting demand, predicting revenue, predicting duration, sales forecast*"
    ),
    "ranking": _terms(
        "ranking model, learning to rank, search ranking, recommend*, ndcg*, mrr, map@*, "
        "lambdamart, lambdarank, collaborative filtering, click-through, search results, "
        "retrieval"
    ),
    "clustering": _terms(
        "cluster*, k-means, kmeans, k means, dbscan, hdbscan, silhouette, gaussian mixture*, "
        "unsupervised, customer segmentation, user segmentation, market segmentation, "
        "segments"
    ),
    "nlp": _terms(
        "nlp, natural language, text classification, language model*, llm, llms, bert, "
        "transformer, transformers, tokeni*, sentiment, named entit*, translation, chatbot*"
    ),
    "time_series": _terms(
        "time series, time-series, forecast*, seasonal*, lag, lags, backtest*, arima, "
        "prophet, daily sales, weekly sales"
    ),
    "vision": _terms(
        "image, images, computer vision, cnn, cnns, convolution*, object detection, resnet, "
        "yolo, image segmentation"
    ),
    "deep_learning": _terms(
        "neural, deep learning, lstm, transformer, transformers, cnn, cnns, deepar, "
        "two-tower, gpu, gpus"
    ),
    # what the story tells of
    "ab_test": _terms(
        "a/b, ab test*, a-b test*, split test*, randomised, randomized, control group, "
        "control arm, treatment group, treatment arm, model arm, test arm, online "
        "experiment*, live test, of traffic"
    ),
    "resampling": _terms("smote, oversampl*, undersampl*, resampl*, upsampl*, downsampl*"),
    # behavioural themes
    "conflict": _terms(
        "disagree*, conflict*, push back, pushed back, pushback, objected, argued, argument*, "
        "tension*, friction, escalat*, clash*"
    ),
    "failure": _terms(
        "fail*, mistake*, went wrong, broke, broken, outage*, flopped, setback*, "
        "underperform*, missed the deadline, missed a deadline, missed our deadline, rolled "
        "back, postmortem, post-mortem, incident*"
    ),
    "learning": _terms(
        "learn*, new to, unfamiliar, never used, picked up, taught myself, online course*, "
        "took a course, ramp up, ramped up"
    ),
    "ownership": _terms(
        "ownership, took it on, took on, volunteered, stepped in, on my own initiative, "
        "nobody owned, no one owned, took charge, owned"
    ),
    "feedback": _terms(
        "feedback, criticism, criticised, criticized, critique*, told me, pointed out, "
        "suggested that"
    ),
    "leadership": _terms("led, mentor*, coach*, influenc*, persuad*, convinc*, leadership"),
    "collaboration": _terms("team, teams, stakeholder*, colleague*, cross-team, partner*"),
}
"""Each kind and the terms that mark a story of that kind, matched as whole words in its
lower-cased text ('*' ends a term matched as a prefix: 'classif*'). A tag or competency
named like the kind counts too."""

FACTS: dict[str, str] = {
    "serving_mode": r"batch|real[- ]time|streaming|online serving|on request|per request|"
    r"in process|nightly|hourly|weekly|daily job|every (?:hour|night|day|week)",
    "latency": r"\d+\s?ms|milliseconds?|latency",
    "baseline_score": r"(?:baseline|existing rule|old (?:system|model|rule)|rule-based|"
    r"heuristic|previous model|status quo|contract-end rule)[^.;]*\d",
    "data_size": r"\d[\d,.]*\s*(?:k|m|million|billion|thousand)?\s*(?:rows|records|users|"
    r"customers|events|examples|samples|images|documents|transactions|orders|queries|"
    r"sessions|gb|tb|mb|months|years|days|weeks)|(?:million|billion|thousand) (?:rows|"
    r"records|users|customers|events)",
    "feature_count": r"\d+\s+(?:\w+\s+)?(?:features|candidates|columns|signals|variables)|"
    r"(?:features|candidates)\D{0,25}\d+",
    "tuning_method": r"grid search|grid|random search|random-search|bayesian|optuna|hyperopt|"
    r"trials|successive halving|hyperband",
    "split_method": r"time-based|time based|held[- ]out|holdout|backtest\w*|rolling-origin|"
    r"cross[- ]validation|k-fold|out-of-time|split by|by time|chronolog\w*|"
    r"last (?:two|three|\d+) (?:months|weeks)",
    "test_setup": r"(?:\d+|one|two|three|four|five|six|eight|ten|twelve)[- ](?:weeks?|days?|"
    r"months?)[^.;]*(?:\d+%|\d[\d,]* (?:users|customers|sessions)|split evenly)|"
    r"(?:\d+%|\d[\d,]* (?:users|customers))[^.;]*\d+[- ](?:weeks?|days?|months?)",
    "significance": r"p\s?[<=]|p-value|confidence interval|significan\w*|statistically",
    "guardrail": r"guardrails?|counter[- ]metrics?",
    "monitoring": r"monitor\w*|alert\w*|track\w*|dashboards?|drift|psi|population stability",
    "drift_measure": r"psi|population stability|drift|kl divergence|distribution shift",
    "retrain_trigger": r"retrain\w*",
    "rollback": r"roll(?:ed)?[- ]?back|fallback|fall back|kill switch|shadow mode",
    "imbalance": r"\d+(?:\.\d+)?% of (?:customers|users|transactions|cases|orders|claims)|"
    r"\brare\b|imbalanc\w*|class weights?|positive[- ]class|oversampl\w*|undersampl\w*|smote",
    "money": r"[$€£]\s?\d[\d,.]*(?:\s?(?:k|m|bn|b|million|billion|thousand))?|[$€£]|dollars|"
    r"euros|pounds|revenue|cost savings?|saved \w+ a (?:year|month)",
    "position_bias": r"position bias|position-bias|randomi[sz]ation experiment|shuffled",
    "cold_start": r"cold[- ]start|new (?:users|items|listings|customers|products)|no history|"
    r"thin history|most items are new",
    "team_size": r"team of|\d+ (?:engineers|people|analysts|data scientists)|"
    r"(?:two|three|four|five|six|seven|eight) (?:engineers|analysts|people|data scientists)|"
    r"only (?:data scientist|ml engineer|engineer)",
}
"""Each fact a story may already give, and the words that show it does."""


_TOKEN = re.compile(r"[a-z0-9²][a-z0-9@%²/'’-]*")
_COMPOUNDS = {"logistic regression": "logistic-regression"}
"""Phrases read as one word, so that a term inside them ('regression') does not match."""


@lru_cache(maxsize=64)
def _pattern(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/-])(?:{words})(?![\w/])", re.IGNORECASE)


class _Words:
    """A text's words, lower-cased, for finding terms quickly."""

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        for phrase, word in _COMPOUNDS.items():
            lowered = lowered.replace(phrase, word)
        words = [w.rstrip("'’-") for w in _TOKEN.findall(lowered)]
        self.words = frozenset(words)
        self.sorted = sorted(self.words)
        self.joined = f" {' '.join(words)} "

    def has(self, term: str) -> bool:
        prefix = term.endswith("*")
        term = term.rstrip("*")
        if " " in term:
            return f" {term}{'' if prefix else ' '}" in self.joined
        if not prefix:
            return term in self.words
        at = bisect_left(self.sorted, term)
        return at < len(self.sorted) and self.sorted[at].startswith(term)


def story_kinds(
    tags: Iterable[str], competencies: Iterable[str], fields: Mapping[str, str]
) -> frozenset[str]:
    """The kinds (KINDS) a story is, from its tags, competencies and text."""
    labels = [*tags, *competencies]
    named = {label.strip().lower().replace(" ", "_").replace("-", "_") for label in labels}
    words = _Words("\n".join([*labels, *fields.values()]))
    return frozenset(
        kind
        for kind, terms in KINDS.items()
        if kind in named or any(words.has(term) for term in terms)
    )


def gives(fact: str, text: str) -> bool:
    """Whether `text` already gives `fact` (a key of FACTS)."""
    return bool(text) and _pattern(FACTS[fact]).search(text) is not None
