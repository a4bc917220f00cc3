"""Story sheets: what they say, golden files of the samples, HTML escaping, sheet templates."""

from __future__ import annotations

import datetime as dt
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from cli_helpers import one_line_error, run

from coach.core.schedule import Rating
from coach.core.sheets import figure_spans
from coach.core.stories import Story
from coach.core.templates import TemplateSet
from coach.render.filters import md_block, md_cell
from coach.services.export import Exporter
from coach.services.workspace import Workspace
from coach.store import Store, rehearsals

GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("COACH_UPDATE_GOLDEN"))
DAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
EVIL = "<script>alert(1)</script>"


def export_text(store: Store, templates: TemplateSet, fmt: str, slugs: list[str], **kw) -> str:
    ids = [store.find(s).id for s in slugs]  # type: ignore[union-attr]
    exporter = Exporter(Workspace(store.path), store, fmt, ids, **kw)
    return "".join(exporter.stream())


class Tree(HTMLParser):
    """The elements, attributes and text of an HTML document, as a browser's parser sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    tree.close()
    return tree


# -- golden files ----------------------------------------------------------------------

SAMPLES = [
    "churn-leakage",
    "fraud-model-drift",
    "marketplace-search-ranking",
    "pipeline-freeze-disagreement",
    "produce-demand-forecast",
    "spark-in-two-weeks",
]


@pytest.mark.parametrize("fmt", ["md", "html", "yaml", "json"])
@pytest.mark.parametrize("slug", SAMPLES)
def test_sample_sheets_match_their_golden_files(
    samples: Store, templates: TemplateSet, slug: str, fmt: str
) -> None:
    text = export_text(samples, templates, fmt, [slug])
    if fmt in ("md", "html"):  # the sheet itself is there, not just the document around it
        assert text.count("## The story") + text.count("## The pitch") == (fmt == "md")
        assert text.count('<article class="page sheet"') == (fmt == "html")
    golden = GOLDEN / f"{slug}.{fmt}"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"rerun with COACH_UPDATE_GOLDEN=1: {golden}"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_overview_matches_its_golden_file(
    samples: Store, templates: TemplateSet, fmt: str
) -> None:
    text = export_text(samples, templates, fmt, [], overview=True)
    golden = GOLDEN / f"overview.{fmt}"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


# -- what a sheet says ---------------------------------------------------------------


def test_a_project_sheet_has_every_part_in_order(samples: Store, templates: TemplateSet) -> None:
    md = export_text(samples, templates, "md", ["marketplace-search-ranking"])
    heads = [line for line in md.splitlines() if line.startswith("#")]
    assert heads[0] == "# Learning to rank for marketplace search"
    assert [h.split(" · ")[0] for h in heads[1:]] == [
        "## The pitch",
        "## Technical details",
        "## Plain-language pitch",
    ]
    assert "Lakeside Marketplace · Machine learning engineer" in md
    # Impact's figures stand out; the technical details are one table row each.
    assert "**6.2%**" in md and "**30,000**" in md
    assert "| **Offline evaluation** |" in md
    assert "| **Online evaluation** |" in md
    # Each part's target time is shown.
    assert "**Impact, in numbers** · 0:15" in md


def test_a_star_sheet_follows_its_own_fields(samples: Store, templates: TemplateSet) -> None:
    md = export_text(samples, templates, "md", ["fraud-model-drift"])
    order = [md.index(f"**{label}**") for label in ("Situation", "Task", "Action", "Result")]
    assert order == sorted(order)
    assert "**Situation** · 0:20\n\nAt Harborview" in md
    assert "Technical details" not in md


# A STAR story whose question (never said aloud) and spoken parts all give figures.
SPOKEN = Story(
    title="Two launches in a quarter",
    template="star",
    fields={
        "question": "Tell me about 2 projects you ran at once, over 3 months.",
        "situation": "Our team of 4 had 6 weeks to ship two models before the freeze.",
        "task": "I owned both launches and the 30 daily checks on them.",
        "action": "I split the work into 3 streams and cut the test suite from 40 to 12 minutes.",
        "result": "Both shipped on time; false alarms fell from 9% to 4% of alerts.",
        "lesson": "Now I plan 2 weeks of slack into any launch with a hard date.",
    },
)


def test_a_field_never_spoken_has_no_target_time(store: Store, templates: TemplateSet) -> None:
    row = store.row(store.create_story(SPOKEN))
    assert row is not None
    md = export_text(store, templates, "md", [row.slug])
    assert "## Questions it answers\n\nTell me about" in md
    assert "## The story · 2:00" in md and "**Situation** · 0:20" in md
    html = export_text(store, templates, "html", [row.slug])
    assert "<h2>Questions it answers</h2>" in html
    assert '<h2>The story <span class="time">2:00</span></h2>' in html


def test_figures_are_bold_in_every_spoken_field(store: Store, templates: TemplateSet) -> None:
    row = store.row(store.create_story(SPOKEN))
    assert row is not None
    md = export_text(store, templates, "md", [row.slug])
    for bold in ("**4**", "**6** weeks", "**30** daily", "from **40** to **12** minutes"):
        assert bold in md  # situation, task and action have no number check
    assert "**9%** to **4%**" in md and "plan **2** weeks" in md
    assert "Tell me about 2 projects you ran at once, over 3 months." in md  # never spoken
    html = export_text(store, templates, "html", [row.slug])
    assert 'team of <strong class="fig">4</strong> had <strong class="fig">6</strong>' in html
    assert "about 2 projects you ran at once, over 3 months" in html
    # a project's technical details too, in their table; names with digits stay plain
    project = Story(
        title="Segments",
        template="project",
        fields={
            "goal": "I grouped 2 million customers into segments.",
            "tuning": "We tried k from 3 to 12 in Python 3.11 on S3 data.",
            "production": "A weekly batch scores everyone in 40 minutes.",
        },
    )
    row = store.row(store.create_story(project))
    assert row is not None
    md = export_text(store, templates, "md", [row.slug])
    assert "grouped **2 million** customers" in md
    assert "| k from **3** to **12** in Python 3.11 on S3 data. |" in md.replace("We tried ", "")
    assert "in **40** minutes" in md


def test_hardest_followups_and_last_rehearsal_come_from_the_history(
    samples: Store, templates: TemplateSet
) -> None:
    story = samples.find("churn-leakage")
    assert story is not None
    first = rehearsals.start(samples, story.id, persona="technical", when=DAY)
    rehearsals.record(
        samples, first, 0, kind="followup", key="q-size", category="data",
        prompt="How many rows did you train on?", target_seconds=45, seconds=70.0,
        rating=Rating.VERY_WEAK, note="say 2.1M rows, 14 months", when=DAY,
    )  # fmt: skip
    rehearsals.record(
        samples, first, 1, kind="followup", key="q-base", category="alternatives",
        prompt="Did you try a simpler baseline?", target_seconds=45, seconds=30.0,
        rating=Rating.STRONG, when=DAY,
    )  # fmt: skip
    later = DAY + dt.timedelta(days=3)
    second = rehearsals.start(samples, story.id, persona="manager", when=later)
    rehearsals.record(
        samples, second, 0, kind="section", key="goal", prompt="What was the project for?",
        target_seconds=20, seconds=25.0, when=later,
    )  # fmt: skip
    rehearsals.record(
        samples, second, 1, kind="followup", key="q-base", category="alternatives",
        prompt="Did you try a simpler baseline?", target_seconds=45, seconds=50.0,
        rating=Rating.WEAK, note="name the logistic regression", when=later,
    )  # fmt: skip
    md = export_text(samples, templates, "md", ["churn-leakage"])
    hard = md[md.index("## Hardest follow-ups") : md.index("## Last rehearsal")]
    # Weakest first; each with its latest rating and the note taken.
    assert hard.index("How many rows") < hard.index("simpler baseline")
    assert "very weak" in hard and "say 2.1M rows, 14 months" in hard
    assert "name the logistic regression" in hard
    last = md[md.index("## Last rehearsal") :]
    assert "manager interviewer" in last
    assert "| Pitch: Goal and your role | 0:20 | 0:25 (over) |  |" in last
    assert "| Did you try a simpler baseline? | 0:45 | 0:50 (over) | weak |" in last
    assert "How many rows" not in last


def test_figures_are_found_in_running_text() -> None:
    spans = figure_spans("Revenue rose $1.2M (3.5%) over 14 weeks, 2x faster; v2 stayed")
    assert [text for text, fig in spans if fig] == ["$1.2M", "3.5%", "14", "2x"]
    assert "".join(text for text, _ in spans).endswith("v2 stayed")


def test_markdown_shows_user_text_as_written() -> None:
    from markdown_it import MarkdownIt

    text = "Used *args and __init__ [link](x) <b>bold</b> `code` | pipe\n# not a heading"
    html = MarkdownIt("commonmark").render(md_block(text))
    assert html.startswith("<p>") and html.count("<p>") == 1
    for tag in ("<em>", "<strong>", "<a ", "<b>", "<code>", "<h1>"):
        assert tag not in html
    assert "*args and __init__ [link](x) &lt;b&gt;bold&lt;/b&gt; `code` | pipe<br />" in html
    assert "\n" not in md_cell("two\nlines | here") and "\\|" in md_cell("a | b")


# -- HTML ------------------------------------------------------------------------------


def test_html_escapes_every_piece_of_user_text(store: Store, templates: TemplateSet) -> None:
    story = Story(
        title=EVIL,
        template="project",
        company='Acme "quotes" & <co>',
        role="<img src=x onerror=alert(2)>",
        tags=["<i>tag</i>"],
        competencies=["evaluation"],
        fields={
            "goal": "Goal with <b>markup</b> & ampersands",
            "impact": "Cut cost by 12% </p><script>x()</script>",
            "data": "<style>body{display:none}</style> 3 TB",
        },
    )
    row = store.row(store.create_story(story))
    assert row is not None
    html = export_text(store, templates, "html", [row.slug], overview=True)
    tree = parse(html)
    assert tree.tags.count("script") == 0
    assert "img" not in tree.tags and "b" not in tree.tags and "i" not in tree.tags
    # coach's stylesheet, and the sheet's running title for printed pages, escaped
    assert tree.tags.count("style") == 2
    assert "alert" in tree.style and "<script" not in tree.style and "</" not in tree.style
    text = "".join(tree.text)
    for raw in (EVIL, 'Acme "quotes" & <co>', "<img src=x onerror=alert(2)>", "<b>markup</b>"):
        assert raw in text
    assert "</p><script>x()</script>" in text
    assert all(name != "onerror" for name, _ in tree.attrs)


def test_html_is_self_contained_and_prints_a_story_a_page(
    samples: Store, templates: TemplateSet
) -> None:
    html = export_text(samples, templates, "html", SAMPLES[:3], overview=True)
    tree = parse(html)
    assert not {"script", "link", "img", "iframe"} & set(tree.tags)
    assert not [v for name, v in tree.attrs if name in {"src", "href"}]
    assert "url(" not in tree.style and "@import" not in tree.style
    assert "@media print" in tree.style and "break-before: page" in tree.style
    # Each story's title heads every page it prints on (a page box of its own).
    assert "@page s-churn-leakage { @top-left { content: " in tree.style
    pages = [v for name, v in tree.attrs if name == "class" and v and "page" in v.split()]
    assert len(pages) == 4  # the overview and three stories, each a page


# -- sheet templates -------------------------------------------------------------------


def user_sheet(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "config" / "templates" / "sheets"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_sheet_template_overrides_the_shipped_one(loaded: Path, tmp_path: Path) -> None:
    user_sheet(tmp_path, "sheet.md.j2", "STORY {{ sheet.title | md_escape }}\n")
    result = run(loaded, "export", "churn-leakage", "--out", "-")
    assert result.exit_code == 0
    assert result.stdout == "STORY Churn model that leaked the future\n"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("# {{ sheet.title }}\n\n{% if %}\n", 3),
        ("# {{ sheet.title }}\n{{ sheet.no_such_thing }}\n", 2),
        ("# {{ sheet.title }}\n\n{{ 1 / 0 }}\n", 3),
    ],
)
def test_a_broken_user_sheet_template_is_named_with_its_line(
    loaded: Path, tmp_path: Path, text: str, line: int
) -> None:
    path = user_sheet(tmp_path, "sheet.md.j2", text)
    out = tmp_path / "out"
    message = one_line_error(run(loaded, "export", "--out", str(out)))
    assert f"{path}:{line}:" in message
    assert "sheet template" in message
    assert not out.exists() or not list(out.iterdir())
