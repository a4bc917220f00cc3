"""`visible`: user text shown on a terminal or a sheet never drives the terminal."""

from __future__ import annotations

import json

import pytest

from coach.core.text import has_controls, json_visible, visible

HOSTILE = "A\x1b]52;c;aGk=\x07B\x1b]0;PWNED\x07C\x1b[2J\x9b31mD\x7fE\rF\x00G\x85H"


def _controls(text: str) -> list[str]:
    """The control characters in `text` other than tab and newline."""
    return [ch for ch in text if (ord(ch) < 0x20 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F]


def test_every_control_character_is_shown_as_a_symbol() -> None:
    every = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)])
    shown = visible(every)
    assert _controls(shown) == []
    assert shown.count("\t") == 1 and shown.count("\n") == 1
    assert len(shown) == len(every)  # one symbol each: nothing hidden, nothing dropped


def test_escape_sequences_read_as_what_they_are() -> None:
    assert visible(HOSTILE) == (
        "A␛]52;c;aGk=␇B␛]0;PWNED␇C␛[2J\ufffd31mD␡E␍F␀G\ufffdH"  # noqa: RUF001
    )


def test_tab_newline_and_every_script_are_left_alone() -> None:
    text = "Cut churn 12%\tin São Paulo — 東京, Ελλάδα, café ✓ ·°\xa0é\n  next line"
    assert visible(text) is text
    assert not has_controls(text)


def test_a_windows_line_end_is_a_newline_and_a_lone_return_is_shown() -> None:
    assert visible("one\r\ntwo\rthree") == "one\ntwo␍three"


@pytest.mark.parametrize("ch", ["\x1b", "\x9b", "\x85", "\x7f", "\x07", "\r"])
def test_a_control_anywhere_is_found(ch: str) -> None:
    text = "é" * 5000 + ch + "ü" * 5000
    assert has_controls(text)
    assert _controls(visible(text)) == []


def test_json_keeps_the_data_and_escapes_what_json_dumps_leaves_raw() -> None:
    data = {"title": HOSTILE, "tags": ["é\x9b"]}
    text = json_visible(json.dumps(data, ensure_ascii=False, indent=2))
    assert _controls(text) == []
    assert "\\u009b" in text
    assert json.loads(text) == data


def test_nothing_to_show_is_the_text_itself_on_a_3000_word_field() -> None:
    """The fast path: a field with no control character comes back as the same object,
    after a byte-level check (its speed is a bench matter, not a test's)."""
    words = "the model cut churn by 12% across 40,000 accounts — naïve baseline".split()
    field = "\n".join(" ".join(words[(i + j) % len(words)] for j in range(30)) for i in range(100))
    assert len(field.split()) == 3000
    assert not has_controls(field)
    assert visible(field) is field
    assert has_controls(field + "\x9b") and visible(field + "\x9b") == field + "\ufffd"
