"""The drill: which follow-ups it re-asks, in what order, and how its answers are stored."""

from __future__ import annotations

import datetime as dt

from weak_answers import prompt, questions, rate

from coach.core.clock import utc_now
from coach.core.questions import QuestionSets
from coach.core.rehearsal import Result
from coach.core.schedule import Rating
from coach.services import drill, rehearsals
from coach.services.drill import Scope, select
from coach.services.workspace import Workspace
from coach.store import Store
from coach.store import rehearsals as stored

VERY_WEAK, WEAK, STRONG = Rating.VERY_WEAK, Rating.WEAK, Rating.STRONG


def sets() -> QuestionSets:
    return Workspace().question_sets


def story_id(store: Store, slug: str) -> int:
    row = store.find(slug)
    assert row is not None
    return row.id


def test_one_storys_last_weak_answers_weakest_then_oldest_first(samples: Store) -> None:
    q = questions("project", 6)
    rate(samples, "churn-leakage", 9, (q[0], WEAK), (q[3], WEAK), (q[4], STRONG), (q[5], WEAK))
    rate(samples, "churn-leakage", 6, (q[1], VERY_WEAK), (q[2], WEAK))
    rate(samples, "churn-leakage", 3, (q[3], STRONG), (q[5], WEAK))  # q3 now strong
    rate(samples, "churn-leakage", 1, (q[4], WEAK))  # q4 was strong, now weak
    items = select(samples, sets(), Scope(story_id(samples, "churn-leakage")))
    assert [i.question_id for i in items] == [q[1].id, q[0].id, q[2].id, q[5].id, q[4].id]
    by_id = {i.question_id: i for i in items}
    # asked in the words last used, with the set's "why they ask" and category label
    assert by_id[q[5].id].prompt == prompt(q[5], 3)
    assert by_id[q[1].id].rating is VERY_WEAK and by_id[q[5].id].rating is WEAK
    assert by_id[q[0].id].why == q[0].why and by_id[q[0].id].why
    label = sets().for_template("project").category(q[0].category).label
    assert by_id[q[0].id].label == label
    (first, *_) = drill.steps(items)
    assert first.kind == "followup" and first.prompt == prompt(q[1], 6)
    assert first.reason == "rated very weak 6 days ago"


def test_across_stories_each_story_together_in_order_of_its_weakest(samples: Store) -> None:
    p, s = questions("project", 3), questions("star", 2)
    rate(samples, "churn-leakage", 8, (p[0], WEAK), (p[1], WEAK))
    rate(samples, "produce-demand-forecast", 2, (p[2], VERY_WEAK), (p[0], WEAK))
    rate(samples, "fraud-model-drift", 12, (s[0], WEAK), (s[1], STRONG))
    rate(samples, "spark-in-two-weeks", 1, (s[0], VERY_WEAK))
    samples.set_archived(story_id(samples, "spark-in-two-weeks"), True)

    items = select(samples, sets(), Scope())
    assert [(samples.row(i.story_id).slug, i.question_id) for i in items] == [  # type: ignore[union-attr]
        ("produce-demand-forecast", p[2].id),
        ("produce-demand-forecast", p[0].id),
        ("fraud-model-drift", s[0].id),
        ("churn-leakage", p[0].id),
        ("churn-leakage", p[1].id),
    ]
    assert items[2].story_title == "Fraud model that broke three weeks after launch"
    # an archived story is left out of the bank's drill, but drilled when named
    archived = select(samples, sets(), Scope(story_id(samples, "spark-in-two-weeks")))
    assert [i.question_id for i in archived] == [s[0].id]
    # the story with the most weak answers; on a tie, the one holding the weakest
    assert drill.busiest(samples, sets()) == (story_id(samples, "produce-demand-forecast"), 2)


def test_nothing_weak_means_nothing_to_drill(samples: Store) -> None:
    q = questions("project", 2)
    assert select(samples, sets(), Scope()) == []
    assert drill.busiest(samples, sets()) is None
    rate(samples, "churn-leakage", 4, (q[0], STRONG), (q[1], Rating.VERY_STRONG))
    assert select(samples, sets(), Scope()) == []
    assert select(samples, sets(), Scope(story_id(samples, "churn-leakage"))) == []
    assert drill.busiest(samples, sets()) is None


def answer(run: drill.Run, index: int, seconds: float, rating: Rating | None) -> None:
    step = drill.steps(run.items)[index]
    result = Result(seconds=seconds, rating=rating, skipped=rating is None)
    run.record(index, step, result)


def test_a_drill_is_a_rehearsal_per_story_and_feeds_the_schedule(samples: Store) -> None:
    p, s = questions("project", 2), questions("star", 1)
    rate(samples, "churn-leakage", 5, (p[0], VERY_WEAK), (p[1], WEAK))
    rate(samples, "fraud-model-drift", 3, (s[0], WEAK))
    churn, fraud = story_id(samples, "churn-leakage"), story_id(samples, "fraud-model-drift")
    before = {churn: stored.count(samples, churn), fraud: stored.count(samples, fraud)}
    run = drill.Run(samples, select(samples, sets(), Scope()))
    assert [i.story_id for i in run.items] == [churn, churn, fraud]

    answer(run, 0, 31.5, STRONG)
    answer(run, 1, 12.0, None)  # skipped: stays weak
    answer(run, 2, 50.0, WEAK)
    answer(run, 0, 28.0, Rating.VERY_STRONG)  # answered again after going back
    ids = run.finish("ended")

    assert stored.count(samples, churn) == before[churn] + 1
    assert stored.count(samples, fraud) == before[fraud] + 1
    first, second = (rehearsals.report(samples, rid) for rid in ids)
    assert first.rehearsal.story_id == churn and second.rehearsal.story_id == fraud
    assert first.rehearsal.status == second.rehearsal.status == "finished"  # all asked
    assert [(a.position, a.key, a.seconds) for a in first.answers] == [
        (0, p[0].id, 28.0),
        (1, p[1].id, 12.0),
    ]
    assert first.answers[0].prompt == prompt(p[0], 5) and first.answers[1].skipped
    assert [(a.position, a.key, a.rating) for a in second.answers] == [(0, s[0].id, WEAK)]

    schedule = stored.reviews(samples, churn)
    assert schedule[p[0].id].last_rating is Rating.VERY_STRONG
    assert schedule[p[0].id].due > utc_now() + dt.timedelta(days=5)
    assert stored.reviews(samples, fraud)[s[0].id].due < utc_now() + dt.timedelta(days=3)
    left = select(samples, sets(), Scope())
    assert [(i.story_id, i.question_id) for i in left] == [(churn, p[1].id), (fraud, s[0].id)]

    again = drill.rated_weak([first, second])
    assert again == Scope(pairs=((fraud, s[0].id),))
    assert [i.question_id for i in select(samples, sets(), again)] == [s[0].id]


def test_a_drill_ended_early_stores_only_what_was_said(samples: Store) -> None:
    q = questions("project", 2)
    rate(samples, "churn-leakage", 5, (q[0], VERY_WEAK), (q[1], WEAK))
    churn = story_id(samples, "churn-leakage")
    before = stored.count(samples, churn)
    assert drill.Run(samples, select(samples, sets(), Scope())).finish("ended") == []
    assert stored.count(samples, churn) == before
    run = drill.Run(samples, select(samples, sets(), Scope(churn)))
    answer(run, 0, 20.0, WEAK)
    (rid,) = run.finish("ended")
    row = stored.rehearsal(samples, rid)
    assert row is not None and row.status == "ended"
