"""Dismissing a finding ("I mean it"): it holds while its field says the same, stops counting
against passing and readiness, and comes back when the text changes."""

from __future__ import annotations

from coach.core.checks import Completeness, lint_story
from coach.core.dismissals import (
    Checked,
    Dismissal,
    apply_dismissals,
    can_dismiss,
    dismissal,
    fingerprint,
    split_findings,
)
from coach.core.findings import Finding
from coach.core.readiness import readiness
from coach.core.templates import FieldSpec, FormTemplate

IMPACT = "Waste went down significantly."
VAGUE = Finding("impact", "vague", "vague: 'significantly' with no figure; say how much")
NUMBER = Finding("impact", "number", "no figure: add a number (size, %, money, time)")
LEAK = Finding("data", "red_flag", "leaky split", flag="leaky-split", question="How split?")
TIME = Finding("data", "red_flag", "random split on time", flag="time-split")
EMPTY = Finding("goal", "required", "empty: this field is needed; write a sentence")


def spec(key: str, checks: tuple[str, ...]) -> FieldSpec:
    return FieldSpec(key, key.title(), "pitch", f"{key}?", "hint", "example", 40, 20, checks)


FORM = FormTemplate(
    name="mini",
    title="Mini",
    description="",
    fields=(
        spec("goal", ("required",)),
        spec("impact", ("required", "number", "vague")),
        spec("data", ("number",)),
    ),
    vague_words=("significantly",),
)


def test_a_dismissal_holds_only_while_the_field_says_the_same() -> None:
    fields = {"impact": IMPACT}
    waved = [dismissal(VAGUE, IMPACT)]
    assert split_findings([VAGUE, NUMBER], fields, waved) == ((NUMBER,), (VAGUE,))

    edited = {"impact": "Waste went down significantly, we think."}
    assert split_findings([VAGUE, NUMBER], edited, waved) == ((VAGUE, NUMBER), ())
    assert split_findings([VAGUE], {}, waved) == ((VAGUE,), ()), "emptied: the text changed"


def test_line_breaks_and_spaces_at_the_ends_are_not_a_change() -> None:
    waved = [dismissal(VAGUE, IMPACT)]
    for same in (f"  {IMPACT}\n", "Waste went\ndown   significantly."):
        assert fingerprint(same) == fingerprint(IMPACT)
        assert split_findings([VAGUE], {"impact": same}, waved) == ((), (VAGUE,))
    assert fingerprint("Waste went down significantly") != fingerprint(IMPACT), "a full stop"


def test_a_dismissal_is_of_one_check_and_one_red_flag() -> None:
    data = "A random split of 2M rows by customer."
    fields = {"impact": IMPACT, "data": data}
    waved = [dismissal(LEAK, data)]
    assert split_findings([VAGUE, LEAK, TIME], fields, waved) == ((VAGUE, TIME), (LEAK,))
    on_impact = [Dismissal("impact", "red_flag", "leaky-split", fingerprint(IMPACT))]
    assert split_findings([LEAK], fields, on_impact) == ((LEAK,), ()), "another field's"


def test_an_empty_required_field_cannot_be_dismissed() -> None:
    assert not can_dismiss(EMPTY)
    assert can_dismiss(VAGUE) and can_dismiss(LEAK)
    waved = [dismissal(EMPTY, "")]
    assert split_findings([EMPTY], {}, waved) == ((EMPTY,), ())


def test_passing_counts_a_field_whose_every_finding_is_dismissed() -> None:
    fields = {"goal": "Cut pastry waste at 40 shops.", "impact": IMPACT, "data": "Sales logs."}
    done = Completeness(3, 1, 3, (VAGUE, NUMBER, Finding("data", "number", "no figure")))

    one = apply_dismissals(done, fields, [dismissal(VAGUE, IMPACT)])
    assert (one.passing, one.findings, one.dismissed) == (1, done.findings[1:], (VAGUE,))

    both = apply_dismissals(done, fields, [dismissal(VAGUE, IMPACT), dismissal(NUMBER, IMPACT)])
    assert both.passing == 2, "impact has nothing left against it"
    assert both.findings == (done.findings[2],)
    assert (both.filled, both.total) == (3, 3)
    assert isinstance(both, Checked) and isinstance(both, Completeness)


def test_no_dismissals_leave_the_checks_as_they_were() -> None:
    done = Completeness(2, 1, 3, (VAGUE,))
    same = apply_dismissals(done, {"impact": IMPACT}, [])
    assert (same.filled, same.passing, same.total, same.findings, same.dismissed) == (
        2,
        1,
        3,
        (VAGUE,),
        (),
    )
    assert same.summary() == done.summary()


def test_a_story_whose_only_findings_are_dismissed_is_no_longer_a_draft() -> None:
    fields = {"goal": "Cut pastry waste at 40 shops.", "impact": IMPACT, "data": "2M sales rows."}
    done = lint_story(FORM, fields)
    against = [f for f in done.findings if f.key == "impact"]
    assert against and not [f for f in done.findings if f.key != "impact"], done.findings
    assert readiness(done, [], 0).label == "draft"

    waved = [dismissal(f, IMPACT) for f in against]
    checked = apply_dismissals(done, fields, waved)
    assert checked.findings == () and checked.dismissed == tuple(against)
    assert checked.passing == checked.total == 3
    assert readiness(checked, [], 0).label == "rehearse"
    assert checked.summary() == f"3/3 filled · {len(against)} dismissed"

    edited = fields | {"impact": "Waste went down significantly, they say."}
    again = apply_dismissals(lint_story(FORM, edited), edited, waved)
    assert again.findings and {f.key for f in again.findings} == {"impact"}, "edited: back"
    assert again.dismissed == ()
    assert readiness(again, [], 0).label == "draft"
