"""A mock interview as stored: its report (what `coach mock`, the app's report and any later
view read), the unfinished one offered after a crash, resuming it, and discarding it."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.core.clock import utc_now
from coach.core.schedule import Rating
from coach.services.editing import briefly
from coach.services.mock import IMPROVISE, PITCH_KEY, PITCH_SECONDS, Mock, Part, draw, pitch_step
from coach.services.mock_live import cut_part
from coach.store import mocks as mock_rows
from coach.store import rehearsals as rehearsal_rows
from coach.store.mocks import MockRow
from coach.store.store import Store

if TYPE_CHECKING:
    from coach.core.common_questions import CommonQuestion, CommonQuestions
    from coach.services.matching import Matcher, StoryMatch
    from coach.services.rehearsals import Pace


@dataclass(frozen=True)
class PartReport:
    """One question of a stored mock and what was said to it."""

    question_id: str
    question: str
    title: str
    """The story told ('' when improvised)."""
    improvised: bool
    rehearsal_id: int | None
    target_seconds: float
    seconds: float | None
    """The story's (or the improvised) answer; None when not given."""
    skipped: bool
    ratings: tuple[Rating, ...]
    """The follow-ups' ratings in order; an improvised answer's own rating."""
    could_tell: str = ""
    """Improvised, though a story of the bank not told in this mock answers it well: its
    title ('' otherwise)."""
    told_fit: str = ""
    """Improvised where only a story already told in this mock answers it well: that story's
    title ('' otherwise). A second story for the question is what is missing."""


@dataclass(frozen=True)
class MockReport:
    mock: MockRow
    parts: tuple[PartReport, ...]

    @property
    def rehearsal_ids(self) -> list[int]:
        return [p.rehearsal_id for p in self.parts if p.rehearsal_id is not None]

    @property
    def without_story(self) -> list[str]:
        """The questions improvised because no story of the bank answers them well: the ones
        to write a story for."""
        return [
            p.question for p in self.parts if p.improvised and not p.could_tell and not p.told_fit
        ]

    @property
    def answered(self) -> int:
        """The questions something was said to (a story picked and the app closed before a
        word was kept is no answer: resuming asks that question again)."""
        return sum(1 for p in self.parts if p.rehearsal_id is not None or p.seconds is not None)

    @property
    def told_already(self) -> list[PartReport]:
        """The questions improvised because the one story that fits was told already."""
        return [p for p in self.parts if p.improvised and p.told_fit and not p.could_tell]


def _fits(
    matcher: Matcher, question: str, told: set[int], common: CommonQuestion | None
) -> tuple[str, str]:
    """The titles of the best untold story and of the best told one that answer `question`
    well ('' for none), matched as the mock offered them (with the common question's themes
    when it is known)."""
    return fitting(matcher.match(question, limit=len(told) + 1, common=common).matches, told)


def fitting(matches: Sequence[StoryMatch], told: Collection[int]) -> tuple[str, str]:
    """Of a question's matches, best first: the titles of the best untold story and of the
    best told one that answer it well ('' for none). What the report says of an improvised
    answer, and what the mock says of it while it is given."""
    from coach.services.matching import level

    good = [m for m in matches if level(m.score) == "good"]
    untold = next((m.title for m in good if m.id not in told), "")
    told_fit = next((m.title for m in good if m.id in told), "")
    return untold, told_fit


def report(
    store: Store,
    mock_id: int,
    asked: Mapping[str, CommonQuestion] | None = None,
    *,
    matched: bool = True,
) -> MockReport:
    """The stored mock: each part, a story's answers read from its rehearsal. `asked`, the
    common questions by id, lets an improvised part be matched as its offers were; with
    `matched` False no part is (no `could_tell`, no `told_fit`: the bank is not indexed)."""
    row = mock_rows.mock(store, mock_id)
    if row is None:
        raise LookupError(f"no mock interview {mock_id}")
    parts = []
    rows = mock_rows.parts(store, mock_id)
    told = {p.story_id for p in rows if p.story_id is not None}
    matcher: Matcher | None = None  # made once, and only for an improvised part
    for p in rows:
        could_tell = told_fit = ""
        if p.improvised:
            common = (asked or {}).get(p.question_id)
            if matcher is None and matched:
                from coach.services.matching import Matcher

                matcher = Matcher(store)
            if matcher is not None:
                could_tell, told_fit = _fits(matcher, p.question, told, common)
            rated: tuple[Rating, ...] = (p.rating,) if p.rating and not p.skipped else ()
            target, seconds, skipped = p.target_seconds or PITCH_SECONDS, p.seconds, p.skipped
        else:
            answers = (
                [] if p.rehearsal_id is None else rehearsal_rows.answers(store, p.rehearsal_id)
            )
            pitch = next((a for a in answers if a.kind == "section" and a.key == PITCH_KEY), None)
            target = pitch.target_seconds if pitch else PITCH_SECONDS
            seconds, skipped = (pitch.seconds, pitch.skipped) if pitch else (None, False)
            rated = tuple(
                a.rating for a in answers if a.kind == "followup" and a.rating and not a.skipped
            )
        parts.append(
            PartReport(
                p.question_id,
                p.question,
                p.title,
                p.improvised,
                p.rehearsal_id,
                target,
                seconds,
                skipped,
                rated,
                could_tell,
                told_fit,
            )
        )
    return MockReport(row, tuple(parts))


def report_of(interview: Mock, status: str, now: float) -> MockReport:
    """The report of a mock just over: as stored; with no part begun nothing was stored,
    and the report holds no question."""
    if interview.mock_id is not None:
        asked = {q.id: q for q in interview.questions}
        return report(interview.store, interview.mock_id, asked)
    row = MockRow(
        0,
        interview.minutes,
        interview.kind,
        interview.seed,
        utc_now(),
        None,
        status,
        interview.elapsed(now),
    )
    return MockReport(row, ())


def unfinished(store: Store) -> MockReport | None:
    """The latest mock left unfinished (the app closed during it), with what it holds: what
    the offer to resume it says (its improvised parts are not matched: that would index the
    bank at start-up, for titles the offer never shows)."""
    row = mock_rows.last_unfinished(store)
    return None if row is None else report(store, row.id, matched=False)


def time_left(row: MockRow) -> float:
    return row.minutes * 60 - row.elapsed_seconds


def resume(store: Store, mock_id: int, questions: CommonQuestions, now: float) -> Mock:
    """The mock where it stopped: the questions it asked, then the rest of its draw; the
    stories it told stay told (their rehearsals closed as ended); its clock goes on from its
    last stored reading, as if the app had never closed. A question whose answer was under
    way is asked again: dropped when nothing of it was stored, else kept as the mock's `cut`
    until it is answered again (see services/mock_live.py)."""
    row = mock_rows.mock(store, mock_id)
    if row is None or row.status != "unfinished":
        raise LookupError(f"no unfinished mock interview {mock_id}")
    stored = mock_rows.parts(store, mock_id)
    cut = cut_part(store, mock_id)
    if cut is not None:
        stored.pop()
    with briefly(store), store.write():
        while stored and _nothing_said(stored[-1]):
            mock_rows.drop_part(store, mock_id, stored.pop().position)
        for p in stored:
            if p.rehearsal_id is not None:
                _close_if_open(store, p.rehearsal_id)
    asked = [_question(questions, p.question_id, p.question) for p in stored]
    ids = {q.id for q in asked}
    rest = [q for q in draw(questions, row.kind, row.seed) if q.id not in ids]
    interview = Mock(
        store,
        [*asked, *rest],
        row.minutes,
        row.seed,
        now - row.elapsed_seconds,
        kind=row.kind,
        mock_id=mock_id,
        cut=cut,
    )
    for p, question in zip(stored, asked, strict=True):
        title = IMPROVISE.title if p.improvised else p.title
        part = Part(question, p.story_id, title, [pitch_step(question, title)], position=p.position)
        part.rehearsal_id = p.rehearsal_id
        interview.parts.append(part)
    return interview


def _nothing_said(part: mock_rows.PartRow) -> bool:
    return part.rehearsal_id is None and part.seconds is None


def _close_if_open(store: Store, rehearsal_id: int) -> None:
    row = rehearsal_rows.rehearsal(store, rehearsal_id)
    if row is not None and row.status == "unfinished":
        rehearsal_rows.close(store, rehearsal_id, "ended")


def _question(questions: CommonQuestions, question_id: str, text: str) -> CommonQuestion:
    """The question as asked (its text as stored, even if the set has changed since)."""
    from coach.core.common_questions import CommonQuestion

    found = questions.get(question_id)
    if found is not None and found.text == text:
        return found
    kind = found.kind if found is not None else "project"
    return CommonQuestion(question_id, text, kind, (), ())


def discard(store: Store, mock_id: int) -> None:
    """Forget the mock (its improvised answers with it); the stories' rehearsals stay in
    their history, closed as ended."""
    with briefly(store), store.write():
        for p in mock_rows.parts(store, mock_id):
            if p.rehearsal_id is not None:
                _close_if_open(store, p.rehearsal_id)
        mock_rows.delete(store, mock_id)


def improvised_paces(store: Store, mock_id: int) -> dict[int, Pace]:
    """How each answer improvised in the mock sounded, by question position (heard ones)."""
    from coach.services.rehearsals import pace
    from coach.store import voice as heard_rows

    found: dict[int, Pace] = {}
    for position, row in heard_rows.for_mock(store, mock_id).items():
        said = pace([row])
        if said is not None:
            found[position] = said
    return found
