"""Matching questions to the stories of a real bank: the paraphrase test set, coverage of
the common questions, and BM25 alone for comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coach.core import match_vocabulary
from coach.core.templates import TemplateSet
from coach.services.matching import Matcher, common_questions
from coach.services.stories import import_paths
from coach.services.workspace import Workspace
from coach.store import Store
from coach.store.matching import bm25_ranking

FOLDER = Path(__file__).parent.parent / "match_stories"
CASES = yaml.safe_load((FOLDER / "paraphrases.yaml").read_text())
TOP1_FLOOR, TOP3_FLOOR = 0.91, 0.95
"""Measured on 36 paraphrases: 33 first (0.92), 36 in the top three (1.0); BM25 alone
19 first (0.53), 26 in the top three (0.72). With the c_ stories in the bank (issue 12):
29 and 36 before its matching regressions were fixed, 35 and 36 after (counting ALSO)."""
ALSO = {
    "Ordering results by relevance from click logs": "help-article-search",
    "Sorting customer emails into the right inbox automatically": "claims-email-sorting",
    "A project with natural language, like complaints or messages": "claims-email-sorting",
    "How did you decide what to charge?": "meal-kit-price-test",
}
"""Questions a c_ story (a user's own, tests/match_stories/c_*.yaml) answers as well as the
story the case names: a help-centre ranker learnt from click logs too, a claims inbox is
customer emails sorted by a text model, a price test decided what to charge. The bank
holds every story of the folder, as a user's bank holds similar projects; either story
first counts as found."""


@pytest.fixture
def bank(samples: Store, templates: TemplateSet) -> Store:
    import_paths(samples, sorted(FOLDER.glob("*-*.yaml")), templates)
    return samples


def test_the_test_set_is_thirty_paraphrases_or_more() -> None:
    assert len(CASES) >= 30
    assert set(ALSO) <= {case["question"] for case in CASES}


def test_paraphrased_questions_find_their_story(bank: Store) -> None:
    matcher = Matcher(bank)
    top1 = top3 = 0
    for case in CASES:
        slugs = [m.slug for m in matcher.match(case["question"], limit=3).matches]
        fitting = {case["story"], ALSO.get(case["question"], case["story"])}
        top1 += bool(slugs) and slugs[0] in fitting
        top3 += bool(fitting & set(slugs))
    assert top1 / len(CASES) >= TOP1_FLOOR
    assert top3 / len(CASES) >= TOP3_FLOOR


def test_bm25_alone_finds_fewer(bank: Store) -> None:
    found = 0
    for case in CASES:
        words = [
            w
            for w in match_vocabulary.tokens(case["question"])
            if w not in match_vocabulary.STOPWORDS
        ]
        ids = bm25_ranking(bank, words, 3)
        slugs = [row.slug for row in (bank.row(i) for i in ids) if row is not None]
        found += case["story"] in slugs
    assert found / len(CASES) < TOP3_FLOOR


def test_no_story_fits_a_question_the_bank_cannot_answer(samples: Store) -> None:
    result = Matcher(samples).match("Tell me about mentoring a junior colleague")
    assert not result.fits


def test_archived_stories_are_not_matched(samples: Store) -> None:
    churn = samples.find("churn-leakage")
    assert churn is not None
    samples.set_archived(churn.id, True)
    slugs = [m.slug for m in Matcher(samples).match("customers who cancel").matches]
    assert "churn-leakage" not in slugs


def test_coverage_sorts_the_common_questions_and_names_busy_stories(
    samples: Store, workspace: Workspace
) -> None:
    questions = common_questions(workspace).questions
    report = Matcher(samples).coverage(questions)
    assert len(report.rows) == len(questions.questions)
    levels = {r.question.id: r.level for r in report.rows}
    assert levels["conflict-other-team"] == "good"
    assert levels["mentoring"] == "none"
    best = {r.question.id: r.best.slug for r in report.rows if r.best}
    assert best["churn-or-retention"] == "churn-leakage"
    assert best["fraud-or-abuse"] == "fraud-model-drift"
    assert report.busiest and all(n >= 3 for _, n in report.busiest)
    data = report.to_json()
    assert sum(data["counts"].values()) == len(questions.questions)


def test_a_common_question_id_brings_its_themes(samples: Store, workspace: Workspace) -> None:
    questions = common_questions(workspace).questions
    result = Matcher(samples).match_text("disagreement-colleague", questions)
    assert result.question_id == "disagreement-colleague"
    assert result.matches[0].slug == "pipeline-freeze-disagreement" and result.fits
