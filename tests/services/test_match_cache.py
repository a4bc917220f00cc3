"""The match index is built once per bank and patched when stories change, whichever
connection changed them: a Matcher sees every story added, edited, archived or deleted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.stories import Story
from coach.services import match_cache
from coach.services.matching import Matcher
from coach.store import Store, open_store

QUESTION = "Tell me about predicting which customers would cancel"


@pytest.fixture
def other(samples: Store, db_path: Path) -> Iterator[Store]:
    """A second connection to the same bank, as another window or the command line."""
    match_cache.forget()
    found = open_store(db_path)
    yield found
    found.close()


def slugs(store: Store, question: str = QUESTION) -> list[str]:
    return [m.slug for m in Matcher(store).match(question, limit=3).matches]


def test_a_second_matcher_reuses_the_index(samples: Store, other: Store) -> None:
    first = Matcher(samples)
    assert Matcher(samples).index is first.index
    assert Matcher(other).index is first.index  # the same file, another connection


def test_a_story_added_elsewhere_is_matched(samples: Store, other: Store) -> None:
    index = Matcher(samples).index
    story = Story(
        title="Loyalty points that kept subscribers",
        template="star",
        tags=["churn", "retention"],
        fields={"situation": "Subscribers cancelled after the first year."},
    )
    other.create_story(story)
    matcher = Matcher(samples)
    assert matcher.index is index
    assert "loyalty-points-that-kept-subscribers" in slugs(samples)
    assert len(matcher) == 7


def test_a_story_edited_elsewhere_is_matched_by_its_new_words(samples: Store, other: Store) -> None:
    index = Matcher(samples).index
    question = "Tell me about tides and boats in a harbour"
    assert "spark-in-two-weeks" not in slugs(samples, question)
    spark = other.find("spark-in-two-weeks")
    assert spark is not None
    _, rev = other.field_state(spark.id, "situation")
    other.save_field(spark.id, "situation", "We studied tides and boats in a harbour.", rev)
    assert slugs(samples, question)[0] == "spark-in-two-weeks"
    assert Matcher(samples).index is index


def test_a_story_archived_or_deleted_elsewhere_is_no_longer_matched(
    samples: Store, other: Store
) -> None:
    index = Matcher(samples).index
    assert slugs(samples)[0] == "churn-leakage"
    churn = other.find("churn-leakage")
    assert churn is not None
    other.set_archived(churn.id, True)
    assert "churn-leakage" not in slugs(samples)
    other.set_archived(churn.id, False)
    assert slugs(samples)[0] == "churn-leakage"
    other.delete(churn.id)
    assert "churn-leakage" not in slugs(samples)
    assert Matcher(samples).index is index
    assert len(Matcher(samples)) == 5


def test_a_patched_index_ranks_as_a_fresh_one(samples: Store, other: Store) -> None:
    fraud = other.find("fraud-model-drift")
    churn = other.find("churn-leakage")
    assert fraud is not None and churn is not None
    Matcher(samples)
    _, rev = other.field_state(fraud.id, "lesson")
    other.save_field(
        fraud.id, "lesson", "Customers who cancel teach more than those who stay.", rev
    )
    other.delete(churn.id)
    patched = Matcher(samples).match(QUESTION, limit=5)
    match_cache.forget()
    fresh = Matcher(samples).match(QUESTION, limit=5)
    assert patched == fresh
    assert patched.matches[0].slug == "fraud-model-drift"


def test_story_sets_are_kept_apart(samples: Store, other: Store) -> None:
    churn = samples.find("churn-leakage")
    assert churn is not None
    samples.set_archived(churn.id, True)
    only = Matcher(samples, [churn.id])  # archived ones too, as the overview sheet asks
    assert [m.slug for m in only.match(QUESTION).matches] == ["churn-leakage"]
    assert "churn-leakage" not in slugs(samples)
