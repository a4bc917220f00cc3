"""Held-out sets of a new user's own stories in fields the vocabulary does not know, each
in a folder of its own (kept out of the other sets' bank, so that their figures stay
comparable across sessions), with questions in words the stories do not use, all written
before anything was measured on them. A question whose story is null has no story in the
bank: it counts as found when matching says none fits.

D (issue 12's embedding question; d/, heldout_d.yaml): four stories, twenty questions. The
word matcher found 7 first (0.35) and 10 in the top three (0.50); all-MiniLM-L6-v2 alone 18
and 20 (see the issue's closing note). With everyday synonyms, stand-ins for words no story
says, the plain pitch read as what a story is about and topics named in
passing scaled down less, D was the development set: 12 (0.60) and 16 (0.80), with sets A,
B, C and the paraphrases unchanged.

E (e/, heldout_e.yaml): five stories (three projects, two behavioral) and 28 questions,
written blind by someone who neither ran nor read the matcher, and measured only before and
after that round, never tuned on: 5 (0.18) and 13 (0.46) before, 6 (0.21) and 13 (0.46)
after. It is the honest figure for a new user's own words.

The floors sit two questions below the figures: a floor, not a goal."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from test_match_heldout import found_among

from coach.core.templates import TemplateSet
from coach.services.matching import Matcher
from coach.services.stories import import_paths
from coach.store import Store

FOLDER = Path(__file__).parent.parent / "match_stories"
SETS = {"d": (0.50, 0.70), "e": (0.14, 0.39)}
"""Each set's folder of stories (heldout_NAME.yaml its questions) -> top-1, top-3 floors."""


def cases(name: str) -> list[dict[str, str | None]]:
    found: list[dict[str, str | None]] = yaml.safe_load(
        (FOLDER / f"heldout_{name}.yaml").read_text()
    )
    return found


def own_stories(name: str) -> list[Path]:
    return sorted((FOLDER / name).glob("*.yaml"))


@pytest.mark.parametrize("name", SETS)
def test_each_new_story_is_asked_four_questions_or_more(name: str) -> None:
    slugs = {yaml.safe_load(p.read_text())["slug"] for p in own_stories(name)}
    per_story = Counter(case["story"] for case in cases(name) if case["story"] is not None)
    assert len(slugs) >= 4
    assert set(per_story) == slugs
    assert min(per_story.values()) >= 4
    others = {
        case["question"]
        for path in FOLDER.glob("*.yaml")
        if "-" not in path.name and path.name != f"heldout_{name}.yaml"
        for case in yaml.safe_load(path.read_text())
    }
    assert not {case["question"] for case in cases(name)} & others


@pytest.mark.parametrize("name", SETS)
def test_the_questions_find_their_story(samples: Store, templates: TemplateSet, name: str) -> None:
    import_paths(samples, [*sorted(FOLDER.glob("*-*.yaml")), *own_stories(name)], templates)
    found = cases(name)
    top1, top3 = found_among(Matcher(samples), found)
    top1_floor, top3_floor = SETS[name]
    assert top1 / len(found) >= top1_floor
    assert top3 / len(found) >= top3_floor
