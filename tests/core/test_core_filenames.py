"""Export file names: safe on every disk, unique even where case does not count."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.core.filenames import MAX_STEM_BYTES, NamePicker, safe_stem


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("../../etc/x", "etc-x"),
        ("..", "story"),
        ("CON", "CON-story"),
        ("con.txt", "con.txt-story"),
        ("Lpt1", "Lpt1-story"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("  .hidden. ", "hidden"),
        ("Café über 東京", "Café über 東京"),
        ("tab\there\x00nul", "tab herenul"),
        ("", "story"),
    ],
)
def test_safe_stems(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


@given(st.text(max_size=600))
def test_any_name_gives_a_plain_file_inside_the_folder(name: str) -> None:
    picked = NamePicker("html").pick(name)
    assert "/" not in picked and "\\" not in picked and "\x00" not in picked
    assert not picked.startswith(".")
    assert len(picked.encode("utf-8")) <= MAX_STEM_BYTES + len(".html") + 8
    folder = Path("/out")
    assert (folder / picked).parent == folder
    assert safe_stem(name).split(".")[0].casefold() not in {"con", "nul", "aux", "prn"}


def test_names_are_unique_even_on_case_insensitive_disks() -> None:
    picker = NamePicker("md", reserved=("overview.md",))
    assert [picker.pick(n) for n in ("Overview", "a", "A", "a")] == [
        "Overview-2.md",
        "a.md",
        "A-2.md",
        "a-3.md",
    ]
