"""The held-out questions: heldout.yaml, written before issue 12's rework of matching (its
misses showed which concepts lacked words), and heldout_b.yaml, written after it and
measured before any change. Each has a floor below what matching reaches, by a margin of
about two questions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coach.core.templates import TemplateSet
from coach.paths import samples_dir
from coach.services.matching import Matcher
from coach.services.stories import import_paths
from coach.store import Store

FOLDER = Path(__file__).parent.parent / "match_stories"
PARAPHRASES = yaml.safe_load((FOLDER / "paraphrases.yaml").read_text())
SETS = {
    "heldout": (0.76, 0.79),
    "heldout_b": (0.78, 0.90),
    "heldout_c": (0.58, 0.77),
}
"""Top-1 and top-3 floors. Measured: heldout (38 questions) 18 first (0.47) and 25 in the
top three (0.66) before the rework, 31 (0.82) and 32 (0.84) after; heldout_b (32) 27
(0.84) and 31 (0.97) both before and after (26 and 30 until 'how many' stopped naming
forecasting). heldout_c (31, over a bank with its seven c_ stories, written as a new user
writes): 13 (0.42) and 22 (0.71) before the stems, stop words and weak terms of its
round, 17 (0.55) and 24 (0.77) after; with the c_ stories in the bank, heldout went from
30 and 32 to 29 and 32, heldout_b from 25 and 31 to 28 and 31. The round that fixed the
paraphrases it broke (an online-shop concept, leading a team apart from leadership, labels,
offline gains lost online, the story about the question first among equal scores): heldout
32 and 34, heldout_b 28 and 31, heldout_c 19 (0.61) and 25 (0.81), no term taken from
set C's questions."""


def cases(name: str) -> list[dict[str, str | None]]:
    found: list[dict[str, str | None]] = yaml.safe_load((FOLDER / f"{name}.yaml").read_text())
    return found


@pytest.fixture
def bank(samples: Store, templates: TemplateSet) -> Store:
    import_paths(samples, sorted(FOLDER.glob("*-*.yaml")), templates)
    return samples


@pytest.mark.parametrize("name", SETS)
def test_a_held_out_set_is_thirty_new_questions_or_more(name: str) -> None:
    found = cases(name)
    assert len(found) >= 30
    others = {c["question"] for c in PARAPHRASES} | {
        c["question"] for other in SETS if other != name for c in cases(other)
    }
    assert not {c["question"] for c in found} & others
    stories = {p.stem for p in samples_dir().glob("*.yaml")} | {
        yaml.safe_load(p.read_text())["slug"] for p in FOLDER.glob("*-*.yaml")
    }
    assert {c["story"] for c in found} - {None} <= stories


def found_among(matcher: Matcher, found: list[dict[str, str | None]]) -> tuple[int, int]:
    """How many of the questions find their story first, and among the best three. A
    question whose story is None has none: it counts when no story is said to fit."""
    top1 = top3 = 0
    for case in found:
        question = case["question"]
        assert question is not None
        result = matcher.match(question, limit=3)
        slugs = [m.slug for m in result.matches]
        if case["story"] is None:
            top1 += not result.fits
            top3 += not result.fits
            continue
        top1 += slugs[:1] == [case["story"]]
        top3 += case["story"] in slugs
    return top1, top3


@pytest.mark.parametrize("name", SETS)
def test_held_out_questions_find_their_story(bank: Store, name: str) -> None:
    found = cases(name)
    top1, top3 = found_among(Matcher(bank), found)
    top1_floor, top3_floor = SETS[name]
    assert top1 / len(found) >= top1_floor
    assert top3 / len(found) >= top3_floor
