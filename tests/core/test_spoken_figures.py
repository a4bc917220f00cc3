"""Did the spoken answer say the story's figures? The story's figures against the words a
recogniser heard, however the numbers were said."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.heard import HeardWord
from coach.core.spoken_figures import FigureHeard, figures_heard
from coach.core.stories import Story
from coach.core.storyfiles import read_story_file, read_story_files
from coach.core.templates import FormTemplate, load_templates
from coach.paths import samples_dir, shipped_templates_dir

STEP = 0.5
"""Each heard word starts STEP seconds after the one before."""


def heard(answer: str, begin: float = 0.0) -> list[HeardWord]:
    return [
        HeardWord(word, begin + i * STEP, begin + i * STEP + 0.4)
        for i, word in enumerate(answer.split())
    ]


def one_field(text: str) -> Story:
    return Story(title="A story", template="project", fields={"impact": text})


CASES = [
    # the story writes, the figure, the answer, the word it is said at (None: missed)
    ("Recall rose to 62%.", "62%", "recall rose to sixty-two percent", 3),
    ("Recall rose to 62%.", "62%", "it was 62 percent", 2),
    ("Recall rose to 62%.", "62%", "62 per cent by then", 0),
    ("Recall rose to 62%.", "62%", "we got to 62%, which was enough", 3),
    ("Recall rose to 62%.", "62%", "it went from 62 to 70 percent", 3),
    ("Recall rose to 62%.", "62%", "latency was 62 ms", None),
    ("Recall rose to 62%.", "62%", "recall rose to 63%", None),
    ("Recall rose to 62%.", "62%", "about sixty percent", None),
    ("Recall rose to 62%.", "62%", "sixty-two teams joined", None),
    ("Recall rose to 62 per cent.", "62 per cent", "recall was 62%.", 2),
    ("It saves $3.2M a year.", "$3.2M", "it saves 3.2 million dollars a year", 2),
    ("It saves $3.2M a year.", "$3.2M", "three point two million a year", 0),
    ("It saves $3.2M a year.", "$3.2M", "about $3.2 million.", 1),
    ("It saves $3.2M a year.", "$3.2M", "it saves 3.2 million euros", None),
    ("It saves $3.2M a year.", "$3.2M", "it saves $2.3 million", None),
    ("It saves $3.2M a year.", "$3.2M", "it saves 3.2 thousand dollars", None),
    ("p99 latency was 40 ms.", "40 ms", "forty milliseconds at the tail", 0),
    ("p99 latency was 40 ms.", "40 ms", "under 40ms at p99", 1),
    ("p99 latency was 40 ms.", "40 ms", "forty seconds", None),
    ("p99 latency was 40 ms.", "40 ms", "forty percent", None),
    ("Training took 9.5 hours.", "9.5 hours", "nine point five hours", 0),
    ("Training took 9.5 hours.", "9.5 hours", "it took 9.5 hours.", 2),
    ("Training took 9.5 hours.", "9.5 hours", "nine and a half hours", 0),
    ("Training took 9.5 hours.", "9.5 hours", "nine point five minutes", None),
    ("We labelled 1,200 tickets.", "1,200", "twelve hundred tickets", 0),
    ("We labelled 1,200 tickets.", "1,200", "one thousand two hundred of them", 0),
    ("We labelled 1,200 tickets.", "1,200", "we labelled 1,200.", 2),
    ("We labelled 1,200 tickets.", "1,200", "we labelled 1,300 tickets", None),
    ("We labelled 1,200 tickets.", "1,200", "twelve thousand tickets", None),
    ("Errors fell by 0.6%.", "0.6%", "errors fell by point six percent", 3),
    ("Errors fell by 0.6%.", "0.6%", "by zero point six percent", 1),
    ("Errors fell by 0.6%.", "0.6%", "by six percent", None),
    ("The ranker was 3x faster.", "3x", "three times faster", 0),
    ("The ranker was 3x faster.", "3x", "a threefold speed-up", 1),
    ("The ranker was 3x faster.", "3x", "thirty times faster", None),
    ("The pilot ran for 2 weeks.", "2 weeks", "a two-week pilot", 1),
    ("The pilot ran for 2 weeks.", "2 weeks", "it ran two weeks.", 2),
    ("The pilot ran for 2 weeks.", "2 weeks", "it ran two months", None),
    ("The pilot ran for 2 weeks.", "2 weeks", "two teams ran it", None),
    ("Churn fell to 11%.", "11%", "churn fell to eleven percent", 3),
    ("Churn fell to 11%.", "11%", "churn fell to 11.", None),  # a bare 11 could be anything
    ("Churn fell to 11%.", "11%", "from 23 to 11 percent", 3),
    ("Churn fell to 11%.", "11%", "it fell 11 points", None),
    ("Churn fell to 11%.", "11%", "churn fell to 11%, and later 11% again", 3),
    ("We kept a hundred features.", "a hundred", "about 100 features", 1),
    ("It reached half a million users.", "half a million", "five hundred thousand users", 0),
    ("It reached half a million users.", "half a million", "half a million users", 0),
    ("One in five users left.", "One in five", "one in 5 users", 0),
    ("One in five users left.", "One in five", "one in four users", None),
    ("About a fifth fewer left.", "a fifth", "a fifth fewer, roughly", 0),
    ("About a fifth fewer left.", "a fifth", "a quarter fewer", None),
    ("Retrain when PSI passes 0.2.", "0.2", "when it passed zero point two", 3),
    ("Retrain when PSI passes 0.2.", "0.2", "when it passed 0.02", None),
]


@pytest.mark.parametrize(("story_text", "figure", "answer", "at"), CASES)
def test_a_figure_is_said_however_it_is_worded(
    story_text: str, figure: str, answer: str, at: int | None
) -> None:
    found = figures_heard(one_field(story_text), heard(answer, begin=3.0))
    said = at is not None
    at_s = 3.0 + at * STEP if at is not None else None
    assert found == [FigureHeard(figure, "impact", said, at_s)]


def test_enough_cases() -> None:
    assert len(CASES) >= 40
    assert sum(at is None for *_, at in CASES) >= 15


def test_a_figure_said_twice_is_timed_the_first_time() -> None:
    story = one_field("Churn fell from 23% to 11% a month.")
    found = figures_heard(story, heard("churn went from 23 to 11 percent and stayed at 11%"))
    assert found == [
        FigureHeard("23%", "impact", True, 1.5),
        FigureHeard("11%", "impact", True, 2.5),
    ]


def test_a_number_written_in_words_is_one_figure() -> None:
    story = one_field("We read twelve hundred tickets, and two of them twice.")
    found = figures_heard(story, heard("we read 1,200 tickets"))
    assert [(f.text, f.said) for f in found][0] == ("twelve hundred", True)


def test_a_figure_written_twice_in_a_field_is_listed_once() -> None:
    story = one_field("Two analysts and two engineers.")
    assert figures_heard(story, heard("two of us")) == [FigureHeard("Two", "impact", True, 0.0)]


def test_no_words_heard_misses_every_figure() -> None:
    found = figures_heard(one_field("Churn fell from 2.4% to 1.9%."), [])
    assert [(f.said, f.at_s) for f in found] == [(False, None), (False, None)]


@pytest.fixture(scope="module")
def churn() -> tuple[Story, FormTemplate]:
    templates = load_templates(shipped_templates_dir())
    story = read_story_file(samples_dir() / "churn-leakage.yaml", templates)[0].story
    return story, templates.templates["project"]


ANSWER = (
    "Um, so the impact. We ran a twelve-week test, and churn among the customers we "
    "called fell from 2.4% to, uh, about 1.9 percent a month. That's roughly 4,000 "
    "contracts kept, which is worth one point eight million dollars a year."
)


def test_a_whole_answer_over_a_sample_story(churn: tuple[Story, FormTemplate]) -> None:
    story, template = churn
    found = figures_heard(story, heard(ANSWER), "impact", template=template)
    assert [(f.text, f.field, f.said, f.at_s) for f in found] == [
        ("12-week", "impact", True, 3.5),
        ("2.4%", "impact", True, 9.0),
        ("1.9%", "impact", True, 11.0),
        ("4,100", "impact", False, None),  # 'roughly 4,000' is another number
        ("$1.8M", "impact", True, 17.0),
    ]


def test_without_a_field_every_spoken_field_is_heard(churn: tuple[Story, FormTemplate]) -> None:
    story, template = churn
    found = figures_heard(story, heard(ANSWER), template=template)
    fields = list(dict.fromkeys(f.field for f in found))
    assert fields[:3] == ["goal", "impact", "challenges"]
    listed = [(f.field, f.text, f.said) for f in found]
    assert ("impact", "2.4%", True) in listed  # online_metrics has it too: listed once
    assert ("impact", "$1.8M", True) in listed  # the pitch's "1.8 million dollars" too
    assert len({f.text for f in found}) == len(found)
    assert ("online_metrics", "50,000", False) in listed
    assert not [f for f in found if f.field == "hindsight"]


def test_an_unspoken_field_is_left_out() -> None:
    templates = load_templates(shipped_templates_dir())
    star = templates.templates["star"]
    story = Story(
        title="A story",
        template="star",
        fields={"question": "Tell me about 3 conflicts.", "result": "Sign-off took 3 days."},
    )
    found = figures_heard(story, heard("it took three days"), template=star)
    assert [(f.field, f.text, f.said) for f in found] == [("result", "3 days", True)]


def test_an_unknown_field_is_said_plainly() -> None:
    with pytest.raises(ValueError, match="no field 'impactt'"):
        figures_heard(one_field("Churn fell 2%."), [], "impactt")


@given(st.text(max_size=80), st.lists(st.text(max_size=10), max_size=20))
@settings(max_examples=200, deadline=None)
def test_any_story_and_any_words_give_an_answer(text: str, said: list[str]) -> None:
    words = [HeardWord(w, float(i), float(i) + 0.5) for i, w in enumerate(said)]
    for found in figures_heard(one_field(text), words):
        assert found.said == (found.at_s is not None)
        assert found.at_s is None or found.at_s in [w.start for w in words]


def test_every_sample_figure_is_heard_when_its_field_is_read_out() -> None:
    templates = load_templates(shipped_templates_dir())
    missed, count = [], 0
    for loaded in read_story_files([samples_dir()], templates):
        story = loaded.story
        for key, text in story.fields.items():
            for found in figures_heard(story, heard(text), key):
                count += 1
                if not found.said:
                    missed.append((story.slug, key, found.text))
    assert count >= 60
    assert missed == []


def test_an_answer_said_in_words_over_a_sample_star_story() -> None:
    templates = load_templates(shipped_templates_dir())
    path = samples_dir() / "fraud-model-drift.yaml"
    story = read_story_file(path, templates)[0].story
    answer = (
        "So within two weeks the false blocks were down to point six percent of "
        "transactions, under the old rules' zero point nine, and we caught twenty-three "
        "percent more fraud, roughly three hundred and ten thousand dollars a quarter."
    )
    found = figures_heard(story, heard(answer), "result", template=templates.templates["star"])
    assert [(f.text, f.said, f.at_s) for f in found] == [
        ("two weeks", True, 1.0),
        ("0.6%", True, 5.0),
        ("0.9%", True, 9.5),  # the unit left out
        ("23%", True, 12.5),
        ("$310,000", True, 15.0),
        ("two", False, None),  # 'two more upstream changes': only 'two weeks' was said
    ]
