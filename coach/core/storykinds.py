"""What kind of story this is, and which facts it already gives, read from its own words.

A question declares the kinds of story it applies to (`applies_to`, `not_for`) and the facts
that mean the story already answers it (`answered_if`); both are matched here against the
story's tags, competencies and text, with word lists and patterns, never a model.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache


def _terms(text: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in text.split(",") if term.strip())


KINDS: dict[str, tuple[str, ...]] = {
    # the task the model solves
    "classification": _terms(
        "classif*, logistic-regression, binary classif*, binary label*, binary target, churn "
        "model*, churn prediction, churn predictor, predict churn, predicts churn, predicting "
        "churn, fraud model*, fraud detection, fraud detector, detect fraud, detects fraud, "
        "detecting fraud, spam filter*, spam detection, credit scoring, default risk, "
        "propensity model*, predict whether, predicts whether, predicting whether, predict "
        "which, predicts which, predicting which"
    ),
    "regression": _terms(
        "regression, regressor, forecast*, price prediction, predicting price*, predicting "
        "sales, predicting log sales, predicting demand, predicting revenue, predicting duration"
    ),
    "ranking": _terms(
        "ranking model*, ranker, rankers, re-ranking, reranking, learned ranking, learning to "
        "rank, learning-to-rank, search ranking, feed ranking, recommender*, recommendation "
        "engine*, recommendation model*, recommendation system*, recommendations, lambdamart, "
        "lambdarank, collaborative filtering, retrieval"
    ),
    "clustering": _terms(
        "cluster*, k-means, kmeans, k means, dbscan, hdbscan, gaussian mixture*, unsupervised, "
        "segments, segmented, segmenting, segmentation"
    ),
    "time_series": _terms(
        "time series, time-series, forecast*, arima, sarima, prophet, deepar, exponential "
        "smoothing, holt-winters"
    ),
    # what the story tells of
    "nlp": _terms(
        "nlp, natural language, text classification, language model*, llm, llms, bert, "
        "transformer, transformers, tokeni*, sentiment, named entit*, translation, chatbot*"
    ),
    "vision": _terms(
        "image, images, computer vision, cnn, cnns, convolution*, object detection, resnet, "
        "yolo, image segmentation"
    ),
    "deep_learning": _terms(
        "neural, deep learning, lstm, transformer, transformers, cnn, cnns, deepar, "
        "two-tower, gpu, gpus"
    ),
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
        "had to learn, needed to learn, learn a new, learned a new, learnt a new, learning a "
        "new, learn fast, learned fast, learnt fast, learn quickly, learned quickly, learnt "
        "quickly, steep learning curve, new to, unfamiliar, never used, picked up, taught "
        "myself, self-taught, online course*, took a course, upskill*, ramp up, ramped up, "
        "up to speed"
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
lower-cased text ('*' ends a term matched as a prefix: 'classif*'). For a task, the terms
name the task itself ('k-means', 'churn model'); a tag or competency named like the kind
counts too."""

HINTS: dict[str, tuple[str, ...]] = {
    "classification": _terms(
        "churn*, fraud*, spam, precision, recall, roc, roc-auc, auc, pr-auc, f1, positive "
        "class, positive-class, false positive*, false negative*, imbalanc*, confusion matrix, "
        "decision threshold, class weight*, likely to, risk of, at risk, at-risk"
    ),
    "regression": _terms(
        "rmse, mae, mape, wmape, smape, r2, r², mean absolute error, mean squared error, demand"
    ),
    "ranking": _terms(
        "ranking, ndcg*, mrr, map@*, precision@*, recall@*, click-through, search results, "
        "recommend*"
    ),
    "clustering": _terms("segment, silhouette, elbow"),
    "time_series": _terms("seasonal*, lag, lags, daily sales, weekly sales, backtest*"),
}
"""Weaker signs of a task: the business outcome it serves ('churn'), a metric it is judged
by ('RMSE') or a word with other uses ('segment'). They count only where nothing in the
tags, competencies or the fields that say what the model is names a task."""

TASKS = ("classification", "regression", "ranking", "clustering", "time_series")
THEMES = ("conflict", "failure", "learning", "ownership", "feedback", "leadership", "collaboration")
DEFINING = {
    "task": ("goal", "model"),
    "theme": ("question", "situation", "task"),
}
"""The fields that say what a story is: the problem and the model chosen for a project, the
questions it answers and its setting for a STAR story."""
LABEL_NAMES = {"recommendation": "ranking", "recsys": "ranking"}
"""Tags that name a kind in other words."""

_INFRASTRUCTURE = (
    "spark kubernetes k8s gpu compute hadoop emr databricks dask ray redis kafka elasticsearch "
    "cloud server training production"
).split()
METHOD_DETAILS: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        *(
            f"{series} {how}"
            for series in ("time-series", "time series", "timeseries")
            for how in (
                "cross-validation cross validation crossvalidation cv split splits fold folds "
                "k-fold backtest backtests"
            ).split()
        ),
        "timeseriessplit",
        "learning rate",
        "learning rates",
        "learning-rate",
        "learning-rates",
        "regression test",
        "regression tests",
        "regression testing",
        "feedback loop",
        "feedback loops",
        "led to",
        "led us to",
        "led me to",
        *(f"{where} {c}" for where in _INFRASTRUCTURE for c in ("cluster", "clusters")),
        "on demand",
    )
)
"""Words that tell how the work was done, not what it is: 'time-series cross-validation' in
a fraud story, the 'learning rate' in a failure story, a Spark cluster, 'led to'. They are
taken out of a story's words before any kind is looked for."""

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
    # a baseline's score given after it ('0.22 for the rules baseline'), alternatives named
    # or scored, the candidate's own share, and in hindsight or a lesson a change, a next
    # step or a limit already said
    "baseline_compared": r"\d[^.;]*?\b(?:for|of|from|by|than) (?:the |a |an |our )?"
    r"(?:[\w-]+ ){0,2}(?:baseline|old (?:system|model|rules?|process)|rules?(?: engine)?|"
    r"heuristic|previous model|status quo)",
    "alternatives_named": r"(?:logistic|linear|ridge|lasso|poisson) regression|"
    r"random forests?|gradient[- ]boost\w*|xgboost|lightgbm|catboost|neural (?:net\w*|"
    r"networks?)|deep learning|svms?|support vector \w+|k-nearest \w+|knn|naive bayes|"
    r"decision trees?|arima|prophet|gaussian mixtures?|h?dbscan|hierarchical \w+|"
    r"baselines?|heuristics?|rules?(?: engine| set)?|popularity|moving average|"
    r"(?:tried|compared|tested|benchmarked|evaluated|considered) (?!other\b|alternatives?\b|"
    r"a few\b|several\b|some\b|many\b|different\b|options?\b|approaches\b)\w+",
    "alternatives_scored": r"\d*\.\d+|\d+(?:\.\d+)?\s?%",
    "share_named": r"I owned|I was (?:responsible|in charge|accountable)|"
    r"my (?:part|share|role) was|(?:was|were) (?:all )?mine|I was the (?:only|sole|lead)|"
    r"I led|on my own|by myself|I alone|I did (?:all|most|the)",
    "change_named": r"I(?:'d|’d| would)|next time|now (?:I|when|that)|these days|since then|"
    r"from now on|starting over|start(?:ed)? again|I now|should have|should've|differently",
    "next_step": r"next (?:step|I|we|would|thing|version|improvement|phase|time)|"
    r"I(?:'d|’d| would) (?:\w+ )?(?:add|try|build|model|test|move|use|run|extend|replace|"
    r"like|want)|plan(?:ned|ning)? to|roadmap|future work",
    "limit_named": r"still (?:\w+ )?(?:miss\w*|fail\w*|struggl\w*|ignor\w*|can\w*|does\w*|"
    r"confus\w*|mix\w*|has trouble)|ignor(?:ed|es|ing)|falls? short|fell short|"
    r"limit(?:ed|ation|ations|s)?|weak(?:ness|nesses)?|blind spots?|only works",
}
"""Each fact a story may already give, and the words that show it does."""


_TOKEN = re.compile(r"[a-z0-9²][a-z0-9@%²/'’-]*")
_COMPOUNDS = {"logistic regression": "logistic-regression"}
"""Phrases read as one word, so that a term inside them ('regression') does not match."""


@lru_cache(maxsize=64)
def _pattern(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/-])(?:{words})(?![\w/])", re.IGNORECASE)


def _tokens(text: str) -> list[str]:
    """The words of `text`, lower-cased, without its method details (METHOD_DETAILS)."""
    lowered = text.lower()
    for phrase, word in _COMPOUNDS.items():
        lowered = lowered.replace(phrase, word)
    words = [w.rstrip("'’-") for w in _TOKEN.findall(lowered)]
    present = set(words)
    details = [d for d in METHOD_DETAILS if d[0] in present and d[-1] in present]
    if not details:
        return words
    joined = f" {' '.join(words)} "
    for detail in details:
        joined = joined.replace(f" {' '.join(detail)} ", " ")
    return joined.split()


class _Words:
    """Words, for finding terms quickly."""

    def __init__(self, words: list[str]) -> None:
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

    def any(self, terms: Iterable[str]) -> bool:
        return any(self.has(term) for term in terms)


def story_kinds(
    tags: Iterable[str], competencies: Iterable[str], fields: Mapping[str, str]
) -> frozenset[str]:
    """The kinds (KINDS) a story is. Its task and its theme come from the first of these that
    names one: its tags and competencies; the fields that say what it is (DEFINING); the
    outcome or metric those give (HINTS); then anything in its text. Other kinds (an A/B
    test, NLP) come from the tags, competencies or text. Method details (METHOD_DETAILS)
    never count."""
    labels = [label.strip().lower() for label in (*tags, *competencies)]
    named = {label.replace(" ", "_").replace("-", "_") for label in labels}
    named |= {LABEL_NAMES[label] for label in labels if label in LABEL_NAMES}
    label_words = _tokens("\n".join(labels))
    read = {key: _tokens(text) for key, text in fields.items() if text}
    tagged = _Words(label_words)
    everything = _Words([*label_words, *(word for words in read.values() for word in words)])
    kinds = {
        kind
        for kind, terms in KINDS.items()
        if kind not in TASKS and kind not in THEMES
        if kind in named or everything.any(terms)
    }
    for group, members in (("task", TASKS), ("theme", THEMES)):
        defining = _Words([word for key in DEFINING[group] for word in read.get(key, ())])
        kinds |= _first_named(members, named, tagged, defining, everything)
    return frozenset(kinds)


def _first_named(
    members: Iterable[str], named: set[str], tagged: _Words, defining: _Words, everything: _Words
) -> set[str]:
    """The kinds among `members` that the first tier to name any names."""
    tiers: tuple[Callable[[str], bool], ...] = (
        lambda kind: kind in named or tagged.any(KINDS[kind]),
        lambda kind: defining.any(KINDS[kind]),
        lambda kind: tagged.any(HINTS.get(kind, ())) or defining.any(HINTS.get(kind, ())),
        lambda kind: everything.any(KINDS[kind]) or everything.any(HINTS.get(kind, ())),
    )
    for found in tiers:
        chosen = {kind for kind in members if found(kind)}
        if chosen:
            return chosen
    return set()


def gives(fact: str, text: str) -> bool:
    """Whether `text` already gives `fact` (a key of FACTS)."""
    return bool(text) and _pattern(FACTS[fact]).search(text) is not None
