"""The red flags: each one's stable key, what it means in plain words and the question it
invites. The words they are found by are in coach.core.redflag_words, the logic in
coach.core.redflags.

A message or question may name `{entity}`, `{metric}` or `{value}`: redflags fills them
from the story's own words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RedFlag:
    key: str
    """Stable: stored with dismissals, reported by `coach lint --json` and `coach followups`."""
    explanation: str
    """One line, plain words: what is wrong and why an interviewer minds."""
    question: str
    """The one question it invites; never hands over the answer."""


FLAGS: dict[str, RedFlag] = {
    f.key: f
    for f in (
        RedFlag(
            "leaky-preprocessing",
            "resampling or scaling fitted before the train/test split lets the test data "
            "shape the training, so the score looks better than it is",
            "Walk me through the order of your pipeline: at what point did the test data "
            "get set aside?",
        ),
        RedFlag(
            "random-split-on-time",
            "a random split on data that runs over time trains the model on the future it "
            "is then tested on",
            "Your data runs over time: what made a random split the right way to test it?",
        ),
        RedFlag(
            "random-split-on-entities",
            "a random split when each {entity} has many rows puts the same {entity} on both "
            "sides, so the test rewards memory",
            "When you split the data, where did each {entity}'s examples end up?",
        ),
        RedFlag(
            "tuned-on-test",
            "tuning or choosing on the test set (or cross-validating on all the data) leaves "
            "nothing unseen to give an honest score",
            "Where did your final score come from, and had that data been used for any "
            "choice before?",
        ),
        RedFlag(
            "accuracy-on-rare-positives",
            "accuracy with rare positives: a model that never predicts the rare case scores "
            "almost as well",
            "Why was accuracy the right measure when positive cases were so rare?",
        ),
        RedFlag(
            "future-features",
            "an input recorded after the outcome it predicts will not exist when the model "
            "has to decide",
            "When does each of your inputs become known, compared with the moment the model "
            "has to predict?",
        ),
        RedFlag(
            "too-good-offline",
            "a near-perfect offline score with no live result: interviewers suspect a leak "
            "until shown otherwise",
            "Your offline {metric} was {value}: what convinced you it would hold up on live data?",
        ),
        RedFlag(
            "no-baseline",
            "a metric with nothing to compare it to: no baseline, old system or simpler "
            "model anywhere in the story",
            "What would the simplest approach you can think of have scored on the same data?",
        ),
        RedFlag(
            "we-not-i",
            "'we' throughout and 'I' nowhere: the interviewer cannot tell which part was yours",
            "Which of those steps did you do yourself?",
        ),
    )
}
