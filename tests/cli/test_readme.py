"""The README's commands and the click group agree, both ways.

Every `coach ...` the README shows (its command-line block, other code blocks, and code
spans in the text) names a command and options that exist, with the choices they take;
every command and option of the click group has a line in the README's command-line block;
and `coach --help` lists every command.
"""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from readme_commands import (
    PLACEHOLDER,
    README,
    UNDOCUMENTED,
    Mention,
    _options,
    block_entries,
    check_positionals,
    other_mentions,
    visible_commands,
    where_defined,
)

from coach.cli import main


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


@pytest.fixture
def entries(readme: str) -> list[Mention]:
    found = block_entries(readme)
    assert len(found) >= len(visible_commands()), [m.text for m in found]
    return found


def test_every_command_and_option_in_the_command_line_block_exists(
    entries: list[Mention],
) -> None:
    for mention in entries:
        check_positionals(mention)
    problems = [p for m in entries for p in m.problems]
    assert not problems, "\n".join(problems)


def test_every_coach_command_shown_elsewhere_in_the_readme_exists(readme: str) -> None:
    mentions = other_mentions(readme)
    assert any(m.path[1:] for m in mentions), "no `coach COMMAND` found outside the block"
    problems = [p for m in mentions for p in m.problems]
    assert not problems, "\n".join(problems)


def test_every_command_has_a_line_in_the_readme(entries: list[Mention]) -> None:
    documented = {" ".join(m.path[1:]) for m in entries}
    missing = [
        f"`coach {name}` ({where_defined(cmd)}) has no line in README.md's command-line block"
        for name, cmd in sorted(visible_commands().items())
        if name not in documented
    ]
    assert not missing, "\n".join(missing)


def documented_commands() -> list[tuple[str, click.Command]]:
    return [("coach", main), *((f"coach {n}", c) for n, c in sorted(visible_commands().items()))]


def test_every_option_has_a_place_in_the_readme(entries: list[Mention]) -> None:
    shown: dict[str, set[str]] = {}
    for mention in entries:
        shown.setdefault(mention.name, set()).update(mention.options)
    missing = []
    for name, cmd in documented_commands():
        for param in cmd.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            opts = {*param.opts, *param.secondary_opts}
            if opts & UNDOCUMENTED or opts & shown.get(name, set()):
                continue
            missing.append(
                f"`{name} {param.opts[0]}` ({where_defined(cmd)}) is not shown in "
                "README.md's command-line block"
            )
    assert not missing, "\n".join(missing)


def test_every_choice_of_an_option_is_in_the_readme(entries: list[Mention]) -> None:
    """`--format md|html|yaml|json`: a new export format or persona gets its README line.
    A placeholder (`--persona P`) stands for the values the block spells out for that option
    on another command's line."""
    values: dict[tuple[str, str], set[str]] = {}
    for mention in entries:
        for opt, shown in mention.values.items():
            values.setdefault((mention.name, opt), set()).update(shown)
            values.setdefault(("", opt), set()).update(shown)
    missing = []
    for name, cmd in documented_commands():
        for param in cmd.params:
            if not isinstance(param, click.Option) or not isinstance(param.type, click.Choice):
                continue
            shown = set().union(*(values.get((name, opt), set()) for opt in param.opts))
            if all(PLACEHOLDER.fullmatch(value) for value in shown):
                shown |= set().union(*(values.get(("", opt), set()) for opt in param.opts))
            for choice in map(str, param.type.choices):
                if choice not in shown:
                    missing.append(
                        f"`{name} {param.opts[0]}` ({where_defined(cmd)}) takes {choice!r}, "
                        "which README.md's command-line block does not show"
                    )
    assert not missing, "\n".join(missing)


def test_coach_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    listed = result.output.split("Commands:", 1)
    assert len(listed) == 2, result.output
    names = {line.split()[0] for line in listed[1].splitlines() if line.strip()}
    missing = [
        f"`coach {name}` ({where_defined(cmd)}) is not listed by `coach --help`"
        for name, cmd in sorted(visible_commands().items())
        if name not in names
    ]
    assert not missing, "\n".join(missing) + "\n" + result.output


@pytest.mark.parametrize("name", sorted(visible_commands()))
def test_each_command_help_lists_its_options(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    for opt in _options(main.commands[name]):
        assert opt in result.output, f"`coach {name} --help` does not list {opt}"


SAMPLE = """\
Use `coach lst` or `coach list --bogus`, and `coach export --format docx`.

## The command line

```
coach                          open the TUI
coach show                     one story
coach import PATH... [--replace | --skip-existing] [--frobnicate]
coach rehearse STORY...        rehearse
```

```
coach stat --json
```
"""


def test_the_reader_reports_what_does_not_exist() -> None:
    """The checks above can fail: a README with mistakes is caught, naming line and command."""
    block = {m.text: m for m in block_entries(SAMPLE)}
    assert list(block) == [
        "coach",
        "coach show",
        "coach import PATH... [--replace | --skip-existing] [--frobnicate]",
        "coach rehearse STORY...",
    ]
    problems = []
    for mention in block.values():
        check_positionals(mention)
        problems += mention.problems
    text = "\n".join(problems)
    assert "line 8 (the command-line block)" in text
    assert "`coach import` has no option --frobnicate" in text
    assert "shows 0 argument(s) [], but `coach show` takes 1 ['STORY']" in text
    assert "STORY...: `coach rehearse` takes one" in text
    assert "STORY... is shown required; `coach rehearse` has it optional" in text

    others = "\n".join(p for m in other_mentions(SAMPLE) for p in m.problems)
    assert "README.md line 1 (a code span) `coach lst`: `coach lst` is not a command" in others
    assert "`coach list` has no option --bogus" in others
    assert "`coach export --format` does not take 'docx'" in others
    assert "line 13 (a code block) `coach stat --json`: `coach stat` is not a command" in others
