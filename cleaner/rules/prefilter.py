"""One combined regex per rule file: which lines could match any of its rules.

Running every rule's pattern on every line (with a timeout each) was most of the
cost of cleaning. Instead, `apply.py` joins the document's lines with "\\n" and runs
each rule file's patterns over that text: whole-line patterns combined into one
`^[^\\S\\n]*(?:p1|p2|...)$` (MULTILINE; a line's indentation is passed over, as
`Pattern.match` does), each of the others on its own. Only the lines
where a pattern matches ("candidates") are then tried rule by rule, so
the verdicts are exactly those of trying every rule on every line.

Patterns matched anywhere in a line are scanned one by one because the `regex`
module skips ahead to a pattern's first literal or first characters, which an
alternation of several such patterns defeats: on 400 bench pages the English
file's four such patterns take 0.23 s scanned one by one and 0.8 s combined.
A whole-line pattern has no such shortcut (`^` first), so combining those is the
faster way.

That is exact because a backtracking match that exists inside a line also exists
at the same place in the joined text, as long as the pattern cannot look at or
depend on what lies beyond the line. Patterns that can (negative lookarounds,
atomic groups and possessive quantifiers, `\\A`/`\\Z`/`\\G`, backreferences, group
names, inline flags) are not combined: a file holding one is tried line by line.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

#: Regex syntax that may behave differently inside a longer text (see module docstring).
#: (An escaped parenthesis is a literal: `\(?` is an optional "(", not a group.)
NOT_COMBINABLE = regex.compile(r"(?<!\\)(?:\\\\)*\(\?(?![:=]|<=)|\\[1-9AZzGKg]|[*+?}]\+")
#: Budget for the combined scan of one document: a fixed part plus a part per
#: million characters. A scan over budget falls back to trying rules line by line.
SCAN_SECONDS = 0.05
SCAN_SECONDS_PER_MCHAR = 0.5


def combinable(source: str, is_regex: bool) -> bool:
    """Whether a pattern may join a combined alternation (literals always may)."""
    return not is_regex or NOT_COMBINABLE.search(source) is None


@dataclass(frozen=True)
class Prefilter:
    """A rule file's combined patterns; `None` when the file must be tried line by line."""

    whole: Any = None  #: regex.Pattern for whole-line patterns, or None
    contains: tuple[Any, ...] = ()  #: one regex.Pattern per pattern matched anywhere in a line


def build_prefilter(parts: Sequence[tuple[str, bool, bool, bool]]) -> Prefilter | None:
    """`parts`: (compiled body, is_regex, whole, ignore_case) of every pattern of a file."""
    whole: list[str] = []
    contains: list[str] = []
    for source, is_regex, is_whole, ignore_case in parts:
        if not combinable(source, is_regex):
            return None
        (whole if is_whole else contains).append(f"(?{'i' if ignore_case else ''}:{source})")
    try:
        return Prefilter(
            whole=regex.compile("^[^\\S\\n]*(?:" + "|".join(whole) + ")$", regex.MULTILINE | regex.V0) if whole else None,
            contains=tuple(regex.compile(source, regex.MULTILINE | regex.V0) for source in contains),
        )
    except regex.error:
        return None


def scan_budget(n_chars: int) -> float:
    return SCAN_SECONDS + SCAN_SECONDS_PER_MCHAR * n_chars / 1_000_000


def candidate_lines(prefilter: Prefilter, joined: str, starts: Sequence[int], deadline: float) -> set[int] | None:
    """Lines of `joined` where a pattern of the prefilter matches; None when the scan ran out of time.

    `starts[i]` is the offset of line i in `joined`. After a match in line i the
    search goes on from line i + 1, so each line costs at most one match.
    """
    found: set[int] = set()
    try:
        for compiled in (prefilter.whole, *prefilter.contains):
            if compiled is None:
                continue
            pos = 0
            while pos <= len(joined):
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                match = compiled.search(joined, pos, timeout=left)
                if match is None:
                    break
                line = bisect_right(starts, match.start()) - 1
                found.add(line)
                if line + 1 >= len(starts):
                    break
                pos = starts[line + 1]
    except TimeoutError:
        return None
    return found
