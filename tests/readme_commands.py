"""Reading the README's `coach ...` lines against the click group: which command, options,
values and arguments each names, and whether they exist (for tests/cli/test_readme.py)."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path

import click

from coach.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"
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
