"""Words the stemmer used to merge with unrelated ones, and the question verbs that asked
for a choice without naming one: each once made `coach match` give a wrong reason."""

from __future__ import annotations

import pytest

from coach.core.match_vocabulary import STEM_CONCEPTS, stem, unframed
from coach.core.matching import read_question


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("better", "bet"),
        ("billing", "billions"),
        ("product", "production"),
        ("conversation", "conversion"),
        ("engine", "engineer"),
        ("mapping", "mape"),
        ("object", "objection"),
        ("target", "targeting"),
        ("rating", "rates"),
        ("come", "comments"),
        ("fair", "fairness"),
        ("faster", "fast"),
        ("fare", "far"),  # issue 12: a dropped e made 'fare' the word 'far'
        ("fares", "far"),
        ("note", "not"),
        ("manager", "managed"),  # someone's manager is no leading
        ("seller", "sell"),
        ("offer", "off"),
        ("listings", "list"),  # a marketplace's listings are no list of articles
    ],
)
def test_unrelated_words_keep_their_own_stems(word: str, other: str) -> None:
    assert stem(word) != stem(other)


@pytest.mark.parametrize(
    "word", ["better", "billing", "product", "conversation", "engine", "mapping", "object"]
)
def test_an_everyday_word_names_no_concept(word: str) -> None:
    assert stem(word) not in STEM_CONCEPTS


def test_forms_of_one_word_still_share_a_stem() -> None:
    assert len({stem(w) for w in ("cancel", "cancelled", "cancelling", "cancellation")}) == 1
    assert stem("objected") == stem("objection")


def test_a_verb_of_choosing_before_what_is_chosen_is_no_concept() -> None:
    assert unframed("How did you decide which metric to use?") == "How did you which metric to use?"
    query = read_question("How did you decide which metric to judge a model by?")
    assert "c:decision" not in query.weights
    assert "c:decision" in read_question("A decision you made with half the data").weights


def test_words_of_any_telling_are_not_keys() -> None:
    query = read_question(
        "When did you do something because it needed doing, well outside your job?"
    )
    assert not {"t:becaus", "t:need", "t:wel"} & set(query.weights)


def test_forms_that_drop_an_e_keep_one_stem() -> None:
    for forms in (("rate", "rated", "rates"), ("price", "priced", "pricing"), ("tune", "tuning")):
        assert len({stem(w) for w in forms}) == 1, forms
