"""Which rubric signals and other competencies the stories of a bank cover, and which none do."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coach.core.questions import SIGNALS

_SPACES = re.compile(r"[\s_\-]+")


@dataclass(frozen=True)
class Coverage:
    """Stories by the competencies they name, matched after `normalise`."""

    signals: tuple[str, ...]
    """The rubric signals and behavioural themes (`questions.SIGNALS`), in that order."""
    by_signal: dict[str, tuple[str, ...]]
    """Every signal -> the slugs of the stories naming it, sorted (empty if none)."""
    uncovered: tuple[str, ...]
    """The signals no story names, in `signals` order."""
    other: dict[str, tuple[str, ...]]
    """Competencies (normalised) that are not signals -> slugs, sorted by competency."""

    @property
    def covered(self) -> tuple[str, ...]:
        """The signals at least one story names, in `signals` order."""
        return tuple(s for s in self.signals if self.by_signal[s])


@functools.lru_cache(maxsize=4096)
def normalise(competency: str) -> str:
    """'Data_Handling ', 'data-handling' and 'data  handling' all read 'data handling'."""
    return _SPACES.sub(" ", competency.casefold()).strip()


def coverage(stories: Iterable[tuple[str, Sequence[str]]]) -> Coverage:
    """The coverage of stories given as (slug, competencies); a story counts once per signal."""
    groups: dict[str, list[str]] = {}
    for slug, competencies in stories:
        for competency in competencies:
            groups.setdefault(competency, []).append(slug)
    return grouped_coverage(groups.items())


def grouped_coverage(groups: Iterable[tuple[str, Sequence[str]]]) -> Coverage:
    """The coverage of stories given by competency as it is written: (competency, the
    slugs of the stories naming it). Each competency's slugs come out sorted, each once."""
    found: dict[str, set[str]] = {}
    for competency, slugs in groups:
        name = normalise(competency)
        if name:
            found.setdefault(name, set()).update(slugs)
    slugs_of = {name: tuple(sorted(slugs)) for name, slugs in found.items()}
    return Coverage(
        signals=SIGNALS,
        by_signal={s: slugs_of.get(s, ()) for s in SIGNALS},
        uncovered=tuple(s for s in SIGNALS if s not in slugs_of),
        other={name: slugs_of[name] for name in sorted(slugs_of) if name not in SIGNALS},
    )
