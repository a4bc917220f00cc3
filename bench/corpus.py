"""A deterministic synthetic story bank for the benchmarks.

Field texts are drawn from a Zipf-distributed vocabulary of a few thousand words
(a few common words at the top ranks, the other ML words shuffled among made-up
ones), so a few words are in nearly every story and most are in a few percent of
them. Every title carries a made-up code name shared by only a handful of stories,
for truly selective queries.
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
    code_names: list[str]
    sentences: list[tuple[str, int]]
    """A pool of Zipf-drawn sentences and their word counts, that field texts are made of."""

    def word(self, rank: int) -> str:
        """The word of this frequency rank (0 is the most frequent)."""
        return self.vocabulary[rank]

    def ml_word_near(self, rank: int, *, min_length: int = 5) -> str:
        """The real ML word (of at least `min_length` letters) whose rank is nearest `rank`."""
        real = set(ML_WORDS)
        ranked = [
            (abs(r - rank), w)
            for r, w in enumerate(self.vocabulary)
            if w in real and len(w) >= min_length
        ]
        return min(ranked)[1]


def sentence_pool(rng: random.Random, vocabulary: list[str], count: int) -> list[tuple[str, int]]:
    """`count` sentences of 6 to 16 words drawn with Zipf (s=1) weights by rank."""
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocabulary))))
    pool: list[tuple[str, int]] = []
    for _ in range(count):
        length = rng.randint(6, 16)
        words = " ".join(rng.choices(vocabulary, cum_weights=weights, k=length))
        pool.append((words[:1].upper() + words[1:] + ".", length))
    return pool


def make_corpus(
    seed: int,
    *,
    common: int = 20,
    made_up: int = 3700,
    code_names: int = 2000,
    sentences: int = 60_000,
) -> Corpus:
    """The vocabulary, the title code names and the sentence pool.

    The first `common` ML words take the top ranks; the rest are shuffled with the
    made-up words, so real words such as "churn" can be rare. Drawing field texts
    from a pool of sentences (each used about a dozen times in a 10,000-story bank)
    keeps word statistics Zipf-like while building the bank several times faster.
    """
    rng = random.Random(seed)
    ml = list(dict.fromkeys(ML_WORDS))
    invented = made_up_words(rng, made_up + code_names, set(ml))
    rest = ml[common:] + invented[:made_up]
    rng.shuffle(rest)
    vocabulary = ml[:common] + rest
    return Corpus(vocabulary, invented[made_up:], sentence_pool(rng, vocabulary, sentences))


def text(rng: random.Random, corpus: Corpus, words: int) -> str:
    """Sentences from the pool, at least `words` words in all."""
    out: list[str] = []
    total = 0
    while total < words:
        sentence, length = rng.choice(corpus.sentences)
        out.append(sentence)
        total += length
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
