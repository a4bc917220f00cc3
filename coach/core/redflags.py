"""Red flags: the methodological mistakes a strong interviewer listens for, found in the
story's own words, each with a one-line explanation and the question it invites.

Found sentence by sentence, and only where the words say it: a trigger that is negated
("instead of a random split", "not accuracy"), done the right way round ("after
splitting, I applied SMOTE to the training set only") or told as a mistake the user
caught ("so it leaked the answer"; "we found that … I rolled the model back") raises
nothing. A false flag keeps a story in draft and pulls the rehearsal to a non-problem, so
each rule errs towards silence. The flags and their wording are in
coach.core.redflag_table, the words they are found by in coach.core.redflag_words, how a
story is read in coach.core.redflag_reading.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from coach.core import redflag_table as t
from coach.core import redflag_words as w
from coach.core.findings import Finding
from coach.core.redflag_reading import Sentence, StoryText
from coach.core.redflag_reading import rx as _rx
from coach.core.templates import FormTemplate


@functools.cache
def _not_fitted(word: str) -> re.Pattern[str]:
    return re.compile(w.NOT_FITTED[word])


@dataclass(frozen=True)
class _Hit:
    flag: str
    key: str
    fills: dict[str, str] = field(default_factory=dict)


# -- one function per flag (or pair of flags) ---------------------------------------------


def _leaky_preprocessing(story: StoryText) -> Iterator[_Hit]:
    for s in story.cued("preprocessing"):
        found = list(_rx("PREPROCESSING").finditer(s.text))
        if not found or story.owned_up(s) or _rx("TRAINING_ONLY").search(s.text):
            continue
        if _rx("AFTER_SPLIT").search(s.text):
            continue
        for m in found:
            if _fits_nothing(m.group(0), s) or s.negated(m.start()):
                continue
            if _fitted_before_split(s, m.start()):
                yield _Hit("leaky-preprocessing", s.key)
                return


def _fits_nothing(word: str, s: Sentence) -> bool:
    return any(part in word and _not_fitted(part).search(s.text) for part in w.NOT_FITTED)


def _fitted_before_split(s: Sentence, pos: int) -> bool:
    before = _rx("BEFORE_SPLIT").search(s.text)
    if before and not s.negated(before.start()):
        return True
    then = _rx("THEN_SPLIT").search(s.text, pos)
    if then or _rx("WHOLE_DATA").search(s.clause_at(pos)):
        return True
    # "I oversampled the minority class. Then I split the data 80/20."
    return bool(_rx("THEN_SPLIT").match(s.following.removeprefix("and ")))


def _random_split(story: StoryText) -> Iterator[_Hit]:
    if story.has("FORECASTING"):
        for s in story.cued("k-fold"):
            m = _rx("K_FOLD").search(s.text)
            if m is None or s.negated(m.start()) or story.owned_up(s):
                continue
            if not _rx("SPLIT_DONE_RIGHT").search(s.text):
                yield _Hit("random-split-on-time", s.key)
                return
    for s in story.cued("random split"):
        m = _rx("RANDOM_SPLIT").search(s.text)
        if m is None or s.negated(m.start()) or story.owned_up(s):
            continue
        if _rx("EXPERIMENT").search(s.text) or _rx("SPLIT_DONE_RIGHT").search(s.text):
            continue
        if story.has("TIME_ORDERED"):
            yield _Hit("random-split-on-time", s.key)
            return
        repeated = _rx("REPEATED_ENTITY").search(story.text)
        if repeated:
            entity = _rx("ONE_ENTITY").search(repeated.group(0))
            name = entity.group(0) if entity else "person"
            yield _Hit("random-split-on-entities", s.key, {"entity": name.removesuffix("s")})
            return


def _tuned_on_test(story: StoryText) -> Iterator[_Hit]:
    for s in story.cued("test"):
        m = _rx("TUNED_ON_TEST").search(s.text)
        if m and not s.negated(m.start()) and not story.owned_up(s):
            yield _Hit("tuned-on-test", s.key)
            return
    for s in story.cued("all data"):
        if not _rx("CHOSE_SOMETHING").search(s.text) or story.owned_up(s):
            continue
        for m in _rx("CROSS_VALIDATION").finditer(s.text):
            if s.negated(m.start()) or not _rx("WHOLE_DATA").search(s.clause_at(m.start())):
                continue
            elsewhere = story.text.replace(s.clause_at(m.start()), " ")
            if not _rx("HELD_OUT_ELSEWHERE").search(elsewhere):
                yield _Hit("tuned-on-test", s.key)
                return


def _accuracy_on_rare_positives(story: StoryText) -> Iterator[_Hit]:
    aware: dict[str, bool] = {}  # fields that give recall, AUC ... too: not accuracy's story
    for s in story.cued("accuracy"):
        if story.owned_up(s) or _rx("ACCURACY_DISMISSED").search(s.text):
            continue
        if s.key not in aware:
            aware[s.key] = bool(_rx("RARE_AWARE_METRICS").search(story.fields[s.key]))
        if aware[s.key]:
            continue
        for m in _rx("ACCURACY").finditer(s.text):
            before = s.text[: m.start()].split()
            if before and before[-1] in w.NOT_MODEL_ACCURACY:
                continue
            if s.negated(m.start()) or not _rx("HEADLINE").search(s.clause_at(m.start())):
                continue
            if story.has("RARE_POSITIVES"):
                yield _Hit("accuracy-on-rare-positives", s.key)
            return


def _future_features(story: StoryText) -> Iterator[_Hit]:
    fraud = story.cued("fraud inputs") if "fraud" in story.text else []
    for s in [*story.cued("after outcome"), *fraud]:
        found = _rx("AFTER_OUTCOME").search(s.text)
        strict = found is None
        if found is None and s in fraud:
            found = _rx("AFTER_OUTCOME_IN_FRAUD").search(s.text)
        if found is None or not _as_input(s, strict):
            continue
        if s.negated(found.start()) or story.owned_up(s) or _rx("KNOWN_IN_TIME").search(s.text):
            continue
        yield _Hit("future-features", s.key)
        return


def _as_input(s: Sentence, strict: bool) -> bool:
    """The sentence speaks of the thing as something the model reads."""
    if _rx("STRICT_INPUT").search(s.text):
        return True
    if strict:
        return False
    if s.key in w.FEATURE_FIELDS:
        return True
    return bool(_rx("TRAINING_TALK").search(s.text) and _rx("USED_AS_INPUT").search(s.text))


def _too_good_offline(story: StoryText) -> Iterator[_Hit]:
    for s in story.cued("score"):
        for metric, value in _high_scores(s):
            if story.owned_up(s) or _live(s) or _rx("ACCURACY_DISMISSED").search(s.text):
                break
            if not _has_live_result(story):
                yield _Hit("too-good-offline", s.key, {"metric": metric, "value": value})
            return


def _high_scores(s: Sentence) -> Iterator[tuple[str, str]]:
    """(metric, value as written) for each near-perfect score the sentence gives on data
    the model did not train on."""
    for rx in (_rx("SCORE_THEN_VALUE"), _rx("VALUE_THEN_SCORE")):
        for m in rx.finditer(s.text):
            if "gap" in m.groupdict() and _rx("NOT_A_SCORE_GAP").search(m.group("gap")):
                continue
            if _rx("ON_TRAINING_DATA").search(s.clause_at(m.start())):
                continue
            number = float(m.group("num"))
            score = number / 100 if m.group("pct") or number > 1 else number
            if w.HIGH_SCORE <= score <= 1:
                pct = "%" if m.group("pct") else ""
                yield w.SCORE_METRICS[m.group("metric")], m.group("num") + pct
    for m in _rx("PERFECT").finditer(s.text):
        name = m.group("metric")
        yield w.SCORE_METRICS.get(name, name.upper() if len(name) < 4 else name), "perfect"


def _live(s: Sentence) -> bool:
    m = _rx("LIVE").search(s.text)
    return m is not None and not s.negated(m.start())


def _has_live_result(story: StoryText) -> bool:
    for s in story.all_sentences():
        if not _rx("LIVE_RESULT").search(s.text):
            continue
        if "online" in s.key and not _rx("NOT_YET").search(s.text):
            return True
        if _live(s):
            return True
    return False


def _no_baseline(story: StoryText) -> Iterator[_Hit]:
    if story.fields.get("alternatives") or any(w in story.text for w in w.SURE_COMPARISON):
        return
    for s in story.cued("metric"):
        for m in _rx("METRIC").finditer(s.text):
            clause = s.clause_at(m.start())
            if not _rx("VALUE").search(_rx("METRIC").sub(" ", clause)) or story.owned_up(s):
                continue
            if not story.has("COMPARISON"):
                yield _Hit("no-baseline", s.key)
            return


def _we_not_i(template: FormTemplate, fields: Mapping[str, str]) -> Iterator[_Hit]:
    for spec in template.fields:
        if spec.key in w.ACTION_FIELDS:
            text = fields.get(spec.key, "").replace("’", "'")
            if len(_rx("WE_WORDS").findall(text)) >= 2 and not _rx("I_WORDS").search(text):
                yield _Hit("we-not-i", spec.key)


# -- the findings ----------------------------------------------------------------------------


def red_flags(template: FormTemplate, fields: Mapping[str, str]) -> list[Finding]:
    """Every red flag the story's text raises, as findings with check 'red_flag', in the
    order of coach.core.redflag_table.FLAGS; each once, on the field it is first found in."""
    story = StoryText(template, fields)
    hits = [
        *_leaky_preprocessing(story),
        *_random_split(story),
        *_tuned_on_test(story),
        *_accuracy_on_rare_positives(story),
        *_future_features(story),
        *_too_good_offline(story),
        *_no_baseline(story),
        *_we_not_i(template, fields),
    ]
    order = list(t.FLAGS)
    hits.sort(key=lambda h: order.index(h.flag))
    return [_finding(hit) for hit in hits]


def _finding(hit: _Hit) -> Finding:
    flag = t.FLAGS[hit.flag]
    return Finding(
        key=hit.key,
        check="red_flag",
        message="red flag: " + flag.explanation.format(**hit.fills),
        flag=flag.key,
        question=flag.question.format(**hit.fills),
    )
