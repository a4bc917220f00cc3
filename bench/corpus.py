"""A deterministic synthetic story bank for the benchmarks.

Field texts are drawn from a Zipf-distributed vocabulary of a few thousand words
(real ML words at the top ranks, made-up words in the tail), so a few words are in
nearly every story and most are in a few percent of them. Every title carries a
made-up code name shared by only a handful of stories, for truly selective queries.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass

from coach.core.stories import Story

PROJECT_KEYS = (
    "goal",
    "impact",
    "challenges",
    "findings",
    "leadership",
    "data",
    "features",
    "model",
    "alternatives",
    "tuning",
    "offline_metrics",
    "online_metrics",
    "production",
    "plain_pitch",
)

ML_WORDS = """
model data the a of to and in for we with on was our feature features training
churn drift label labels pipeline baseline metric metrics accuracy precision recall
latency customers users team stakeholders production deployment offline online test
experiment experiments validation holdout split leakage bias variance regression
classification ranking recommendation forecast forecasting embedding embeddings
transformer gradient boosting xgboost lightgbm logistic linear tree forest neural
network loss optimizer learning rate batch epoch tuning hyperparameter search grid
bayesian cross fold sample sampling imbalance oversampling threshold calibration
auc roc f1 rmse mae mape lift uplift conversion retention revenue cost savings
dashboard monitoring alert alerts retraining schedule airflow spark sql warehouse
schema join query queries latency throughput api service endpoint batch streaming
kafka events logs clickstream session sessions cohort cohorts segment segments
product manager engineer engineers analyst analysts review reviewed shipped launched
ab variant control treatment significance power interval confidence estimate
estimates causal inference attribution funnel fraud anomaly detection outlier
outliers cluster clustering kmeans pca dimensionality sparse dense vector vectors
index retrieval search relevance click clicks impressions ctr ndcg map reciprocal
annotation annotators guidelines agreement noise noisy cleaning dedup duplicates
missing imputation encoding categorical numeric scaling normalization window lag
seasonality trend holiday holidays weekly daily hourly demand supply inventory
pricing price elasticity discount promotion promotions store stores region regions
""".split()

CONSONANTS = "bcdfghjklmnprstvwz"
VOWELS = "aeiou"
COMPANIES = [f"{name} Labs" for name in ("Fernleaf", "Orbit", "Quill", "Marrow", "Tessel")] + [
    f"{name} Inc" for name in ("Lumen", "Brackett", "Sable", "Corvid", "Pallas")
]
TAGS = ("nlp", "vision", "tabular", "ranking", "forecasting", "causal", "mlops", "analytics")
COMPETENCIES = ("ownership", "influence", "ambiguity", "conflict", "delivery", "mentoring")


def made_up_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """`count` distinct pronounceable non-words (cv-syllables), none of them in `taken`."""
    words: list[str] = []
    seen = set(taken)
    while len(words) < count:
        syllables = rng.randint(2, 4)
        word = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(syllables))
        if rng.random() < 0.3:
            word += rng.choice(CONSONANTS)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


@dataclass(frozen=True)
class Corpus:
    """Everything the bank is generated from, and what queries can be made of."""

    vocabulary: list[str]
    """Most frequent first."""
    cum_weights: list[float]
    code_names: list[str]

    def word(self, rank: int) -> str:
        return self.vocabulary[rank]


def make_corpus(seed: int, *, made_up: int = 3700, code_names: int = 2000) -> Corpus:
    """The vocabulary with Zipf (s=1) weights, ML words on top, and the title code names."""
    rng = random.Random(seed)
    tail = made_up_words(rng, made_up + code_names, set(ML_WORDS))
    vocabulary = list(dict.fromkeys(ML_WORDS)) + tail[:made_up]
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    return Corpus(vocabulary, list(itertools.accumulate(weights)), tail[made_up:])


def text(rng: random.Random, corpus: Corpus, words: int) -> str:
    """Sentences of Zipf-drawn words, `words` words in all."""
    drawn = rng.choices(corpus.vocabulary, cum_weights=corpus.cum_weights, k=words)
    out: list[str] = []
    for start in range(0, words, 12):
        sentence = " ".join(drawn[start : start + 12])
        out.append(sentence[:1].upper() + sentence[1:] + ".")
    return " ".join(out)


def stories(seed: int, corpus: Corpus, count: int) -> Iterator[Story]:
    """`count` project stories of about 800 words each (14 fields of 30 to 80 words)."""
    rng = random.Random(seed + 1)
    for number in range(count):
        code = rng.choice(corpus.code_names)
        topic = " ".join(rng.choices(corpus.vocabulary[:150], k=3))
        yield Story(
            title=f"Project {code.capitalize()}: {topic} #{number}",
            template="project",
            company=rng.choice(COMPANIES),
            role=rng.choice(("Data scientist", "ML engineer", "Analyst")),
            tags=rng.sample(TAGS, rng.randint(1, 3)),
            competencies=rng.sample(COMPETENCIES, rng.randint(1, 2)),
            fields={key: text(rng, corpus, rng.randint(30, 80)) for key in PROJECT_KEYS},
        )
