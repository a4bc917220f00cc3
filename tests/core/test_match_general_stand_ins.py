"""Issue 12, a new user's stories in unfamiliar fields: general ways a question's word finds
a story that says it otherwise (everyday synonyms, a word that begins the same, the plain
pitch), with no word of any one field."""

from __future__ import annotations

from coach.core.match_explain import explain
from coach.core.matching import MatchIndex, StoryDoc, read_question

LOADER = StoryDoc(
    1,
    "fast-loader",
    "Training twice as fast",
    fields={"goal": "I rebuilt how images reach the GPUs."},
)
PRICES = StoryDoc(2, "price-plans", "New plans for shops", fields={"goal": "We tested prices."})


def slugs(docs: list[StoryDoc], question: str) -> list[str]:
    return [r.slug for r in MatchIndex(docs).rank(read_question(question), 3)]


def test_an_everyday_synonym_finds_the_story_and_says_so() -> None:
    assert slugs([PRICES, LOADER], "Making experiments quicker") == ["fast-loader"]
    index = MatchIndex([LOADER])
    query = index.resolve(read_question("Making experiments quicker"))
    assert "fast ~ quicker" in explain(query, LOADER, index.zones(query, LOADER.id))


def test_the_word_itself_counts_more_than_its_synonym_and_never_twice() -> None:
    quick = StoryDoc(3, "quick", "A quick fix", fields={"goal": "A fast and quick fix."})
    fast = StoryDoc(4, "fast", "A fast fix")
    ranked = MatchIndex([fast, quick]).rank(read_question("A quick fix"), 2)
    assert [r.slug for r in ranked] == ["quick", "fast"]
    assert ranked[0].score <= 1.0


def test_a_word_no_story_says_borrows_one_that_begins_the_same() -> None:
    researchers = StoryDoc(5, "tools", "Tools for vision researchers")
    assert slugs([PRICES, researchers], "Help for a research group") == ["tools"]


def test_no_stand_in_where_a_story_says_the_word_itself() -> None:
    research = StoryDoc(6, "lab", "A research lab's data")
    researchers = StoryDoc(7, "tools", "Tools for vision researchers")
    assert slugs([researchers, research], "Help for a research group") == ["lab"]


def test_the_plain_pitch_says_what_a_story_is_about() -> None:
    noted = StoryDoc(8, "noted", "Report pipeline", fields={"data": "satellite pictures"})
    pitched = StoryDoc(9, "pitched", "Yield model", fields={"plain_pitch": "satellite pictures"})
    assert slugs([noted, pitched], "Work with satellite pictures")[0] == "pitched"


def test_embedded_hardware_is_no_embeddings() -> None:
    vectors = StoryDoc(10, "vectors", "Product embeddings for search")
    assert slugs([vectors], "A model on embedded hardware") == []
