"""The README's commands and the click group agree, both ways.

Every `coach ...` the README shows (its command-line block, other code blocks, and code
spans in the text) names a command and options that exist, with the choices they take;
every command and option of the click group has a line in the README's command-line block;
and `coach --help` lists every command.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from coach.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK_HEADING = "## The command line"

UNDOCUMENTED = {"--help", "-h", "--version"}
"""Options every command has, or that say nothing about coach: no README line needed."""

PLACEHOLDER = re.compile(r"[A-Z][A-Z0-9_]*(\.\.\.)?")
WORD = re.compile(r"[a-z][a-z0-9-]*")
TOKEN = re.compile(r"[\[\]]|[^\s\[\]]+")


@dataclass
class Mention:
    """One `coach ...` written in the README, resolved against the click group."""

    line: int
    where: str
    text: str
    path: list[str] = field(default_factory=lambda: ["coach"])
    command: click.Command = main
    options: list[str] = field(default_factory=list)
    positionals: list[tuple[str, bool]] = field(default_factory=list)
    """(placeholder, shown as optional in brackets)."""
    values: dict[str, set[str]] = field(default_factory=dict)
    """The values shown for each option: `--format md|html` gives {"--format": {md, html}}."""
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(self.path)

    def problem(self, what: str) -> None:
        self.problems.append(f"README.md line {self.line} ({self.where}) `{self.text}`: {what}")


def _option(command: click.Command, opt: str) -> click.Option | None:
    for param in command.params:
        if isinstance(param, click.Option) and opt in (*param.opts, *param.secondary_opts):
            return param
    return None


def _takes_value(option: click.Option) -> bool:
    return not (option.is_flag or option.count)


def _check_value(mention: Mention, option: click.Option, opt: str, value: str) -> None:
    if PLACEHOLDER.fullmatch(value) or value == "-" or not isinstance(option.type, click.Choice):
        return
    for choice in value.split("|"):
        if choice not in option.type.choices:
            mention.problem(
                f"`{mention.name} {opt}` does not take {choice!r} "
                f"(it takes {'|'.join(map(str, option.type.choices))})"
            )


def resolve(text: str, *, line: int, where: str) -> Mention:
    """Read `coach [COMMAND] [OPTIONS] [ARGS]`, stopping where the prose begins: at a
    lowercase word that is neither a command, an option's value nor a placeholder."""
    mention = Mention(line=line, where=where, text=" ".join(text.split()))
    tokens = TOKEN.findall(text)
    assert tokens and tokens[0] == "coach", text
    depth = 0
    value_of: tuple[click.Option, str] | None = None  # the option whose value comes next
    just_read: tuple[click.Option, str] | None = None  # `--out DIR | FILE`: FILE is too
    for token in tokens[1:]:
        if token in ("[", "]"):
            depth += 1 if token == "[" else -1
            continue
        if token == "|":
            value_of = just_read
            continue
        if token == "...":
            continue
        if value_of is not None and not token.startswith("--"):
            option, opt = value_of
            _check_value(mention, option, opt, token)
            mention.values.setdefault(opt, set()).update(token.split("|"))
            value_of, just_read = None, value_of
            continue
        if value_of is not None:
            mention.problem(f"{value_of[1]} is shown without its value")
        value_of = just_read = None
        if token.startswith("-") and token != "-":
            found = _option(mention.command, token)
            if found is None and token not in ("--help", "-h"):
                mention.problem(
                    f"`{mention.name}` has no option {token} "
                    f"(it has {' '.join(_options(mention.command)) or 'none'})"
                )
            mention.options.append(token)
            if found is not None and _takes_value(found):
                value_of = (found, token)
            continue
        if (
            WORD.fullmatch(token)
            and isinstance(mention.command, click.Group)
            and not mention.positionals
        ):
            sub = mention.command.commands.get(token)
            if sub is None:
                mention.problem(
                    f"`{mention.name} {token}` is not a command "
                    f"(commands: {', '.join(sorted(mention.command.commands))})"
                )
                break
            mention.path.append(token)
            mention.command = sub
            continue
        if PLACEHOLDER.fullmatch(token):
            mention.positionals.append((token, depth > 0))
            continue
        break  # the description begins
    if value_of is not None:
        mention.problem(f"{value_of[1]} is shown without its value")
    return mention


def _options(command: click.Command) -> list[str]:
    return [
        opt
        for param in command.params
        if isinstance(param, click.Option) and not param.hidden
        for opt in (*param.opts, *param.secondary_opts)
    ]


def _arguments(command: click.Command) -> list[click.Argument]:
    return [p for p in command.params if isinstance(p, click.Argument)]


def without_fences(text: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """The text with fenced blocks blanked (line numbers kept), and the blocks as
    (line number of their first line, lines)."""
    out: list[str] = []
    blocks: list[tuple[int, list[str]]] = []
    inside: list[str] | None = None
    for n, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            if inside is None:
                inside = []
                blocks.append((n + 1, inside))
            else:
                inside = None
            out.append("")
        elif inside is not None:
            inside.append(line)
            out.append("")
        else:
            out.append(line)
    return "\n".join(out), blocks


def command_block(text: str) -> tuple[int, list[str]]:
    """The fenced block right after the README's command-line heading."""
    lines = text.splitlines()
    heading = next((n for n, line in enumerate(lines) if line.strip() == BLOCK_HEADING), None)
    assert heading is not None, f"README.md has no {BLOCK_HEADING!r} section"
    _, blocks = without_fences("\n".join(lines[heading:]))
    assert blocks, f"README.md's {BLOCK_HEADING!r} section has no fenced block"
    first, body = blocks[0]
    return heading + first, body


def block_entries(text: str) -> list[Mention]:
    """One Mention per `coach ...` line of the command-line block. A line starting with
    spaces continues the entry above: its options when it starts with [ or -, else prose."""
    start, body = command_block(text)
    entries: list[tuple[int, str]] = []
    for n, line in enumerate(body, start=start):
        if line.startswith("coach"):
            synopsis = re.split(r"\s{2,}", line, maxsplit=1)[0]
            entries.append((n, synopsis))
        elif line.strip()[:1] in ("[", "-") and entries:
            where, synopsis = entries[-1]
            entries[-1] = (where, f"{synopsis} {line.strip()}")
        elif line.strip() and not line.startswith(" "):
            raise AssertionError(f"README.md line {n}: not a `coach` line in the block: {line}")
    return [resolve(synopsis, line=n, where="the command-line block") for n, synopsis in entries]


def other_mentions(text: str) -> list[Mention]:
    """`coach ...` in code spans of the prose and in lines of other fenced blocks."""
    start, _ = command_block(text)
    prose, blocks = without_fences(text)
    found: list[Mention] = []
    for match in re.finditer(r"`([^`]+)`", prose):
        span = " ".join(match.group(1).split())
        if re.match(r"coach(\s|$)", span):
            at = prose.count("\n", 0, match.start()) + 1
            found.append(resolve(span, line=at, where="a code span"))
    for first, body in blocks:
        if first == start:
            continue
        for n, line in enumerate(body, start=first):
            stripped = line.strip().removeprefix("$ ")
            if re.match(r"coach(\s|$)", stripped):
                found.append(resolve(stripped, line=n, where="a code block"))
    return found


def check_positionals(mention: Mention) -> None:
    """The block shows each command's arguments: as many, optional where optional, with
    `...` where a command takes several."""
    if isinstance(mention.command, click.Group):
        return
    arguments = _arguments(mention.command)
    shown = mention.positionals
    if len(shown) != len(arguments):
        mention.problem(
            f"shows {len(shown)} argument(s) {[s for s, _ in shown]}, but `{mention.name}` "
            f"takes {len(arguments)} {[a.human_readable_name for a in arguments]}"
        )
        return
    for (placeholder, optional), argument in zip(shown, arguments, strict=True):
        if placeholder.endswith("...") != (argument.nargs == -1):
            many = "several" if argument.nargs == -1 else "one"
            mention.problem(f"{placeholder}: `{mention.name}` takes {many}")
        if optional == argument.required:
            shown_as = "optional" if optional else "required"
            really = "required" if argument.required else "optional"
            mention.problem(f"{placeholder} is shown {shown_as}; `{mention.name}` has it {really}")


def visible_commands() -> dict[str, click.Command]:
    return {name: cmd for name, cmd in main.commands.items() if not cmd.hidden}


def where_defined(command: click.Command) -> str:
    callback = command.callback
    module = inspect.unwrap(callback).__module__ if callback else "?"
    return module.replace(".", "/") + ".py"


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
Use `coach lst` or `coach list --bogus`, and `coach export --format pdf`.

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
    assert "`coach export --format` does not take 'pdf'" in others
    assert "line 13 (a code block) `coach stat --json`: `coach stat` is not a command" in others
