"""`coach lint` and `coach show` name a story's red flags (check `red_flag`) with the
question each invites, in text and in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from cli_helpers import run

LEAKY = {
    "format": 1,
    "title": "Fraud model with a leaky evaluation",
    "slug": "leaky-fraud",
    "template": "project",
    "fields": {
        "goal": "I built the card fraud model for a payments company.",
        "data": "Two years of card transactions, split randomly into train and test sets.",
        "tuning": "I tuned the learning rate and depth on the test set.",
        "offline_metrics": "ROC-AUC of 0.99 against 0.80 for the old rules.",
    },
}


def leaky_db(db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "leaky.yaml"
    path.write_text(yaml.safe_dump(LEAKY), encoding="utf-8")
    result = run(db, "import", str(path))
    assert result.exit_code == 0, result.output
    return db


def test_lint_json_gives_each_red_flag_its_key_and_question(db_path: Path, tmp_path: Path) -> None:
    [story] = json.loads(run(leaky_db(db_path, tmp_path), "lint", "leaky-fraud", "--json").output)
    flags = [f for f in story["findings"] if f["check"] == "red_flag"]
    assert [(f["key"], f["flag"]) for f in flags] == [
        ("data", "random-split-on-time"),
        ("tuning", "tuned-on-test"),
        ("offline_metrics", "too-good-offline"),
    ]
    for f in flags:
        assert f["message"].startswith("red flag: ")
        assert f["question"].endswith("?")
    assert flags[2]["question"] == (
        "Your offline ROC-AUC was 0.99: what convinced you it would hold up on live data?"
    )
    others = [f for f in story["findings"] if f["check"] != "red_flag"]
    assert all(f["flag"] == "" and f["question"] == "" for f in others)


def test_lint_text_puts_the_question_under_the_flag(db_path: Path, tmp_path: Path) -> None:
    out = run(leaky_db(db_path, tmp_path), "lint", "leaky-fraud").output.splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith("  tuning: red flag: "))
    assert out[at + 1] == (
        "    an interviewer may ask: Where did your final score come from, and had that data "
        "been used for any choice before?"
    )
    # A check that is not a red flag has no question under it.
    findings = [i for i, line in enumerate(out) if line.startswith("  ") and line[2] != " "]
    plain = [i for i in findings if "red flag" not in out[i]]
    assert plain, "the story has plain checks too"
    asked = [i + 1 < len(out) and "may ask" in out[i + 1] for i in findings]
    assert asked == ["red flag" in out[i] for i in findings]


def test_show_lists_every_finding_of_a_field_with_its_question(
    db_path: Path, tmp_path: Path
) -> None:
    out = run(leaky_db(db_path, tmp_path), "show", "leaky-fraud").output
    metrics = out[out.index("ROC-AUC of 0.99") :]
    assert "  ! red flag: a near-perfect offline score" in metrics
    assert "    an interviewer may ask: Your offline ROC-AUC was 0.99:" in metrics
    shown = json.loads(run(db_path, "show", "leaky-fraud", "--json").output)
    assert {f["flag"] for f in shown["findings"]} >= {"random-split-on-time", "tuned-on-test"}
