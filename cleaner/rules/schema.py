"""Rule schema: one `Rule` per `[[rules]]` table, one `RuleFile` per TOML file.

Patterns are compiled once (with the `regex` module) and every search runs with a
timeout, so a pathological pattern cannot hang a run: a search that times out counts
as "no match" and is reported (`apply.RuleTimeout`). Each file also gets one combined
pattern per kind of match (`prefilter.py`), built once when the file is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import regex

RuleKind = Literal["line", "block", "run", "after", "before", "list", "strip", "keep"]
KINDS: tuple[str, ...] = ("line", "block", "run", "after", "before", "list", "strip", "keep")
#: Seconds one regex search may take before it counts as no match.
SEARCH_TIMEOUT = 0.05
#: Default guard for `after`/`before`: the marker must sit past this share of the
#: text (after) or before `1 - guard` of it (before).
DEFAULT_GUARD = 0.3
#: Default gap for `run`: two matching lines with at most this many lines between them join up.
DEFAULT_GAP = 2
#: A run's gap is a few lines: a wider one could join an appeal at the top to one at the bottom.
MAX_GAP = 10


@dataclass(frozen=True)
class Pattern:
    """A literal or regex, matched against the whole line or anywhere in it."""

    source: str
    compiled: Any  #: regex.Pattern
    whole: bool
    is_regex: bool = True
    ignore_case: bool = False

    def match(self, text: str) -> tuple[int, int] | None:
        """The span of the first match in `text`, or None; raises TimeoutError.

        A whole-line pattern matches the line after its indentation (text dumps such
        as lynx's indent paragraphs).
        """
        if self.whole:
            found = self.compiled.fullmatch(text, len(text) - len(text.lstrip()), timeout=SEARCH_TIMEOUT)
        else:
            found = self.compiled.search(text, timeout=SEARCH_TIMEOUT)
        return found.span() if found else None

    def search(self, text: str) -> tuple[int, int] | None:
        """The span of the first match in `text`, or None (also on timeout)."""
        try:
            return self.match(text)
        except TimeoutError:
            return None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every non-empty match in `text`; raises TimeoutError."""
        return [m.span() for m in self.compiled.finditer(text, timeout=SEARCH_TIMEOUT) if m.end() > m.start()]

    def finditer(self, text: str) -> list[tuple[int, int]]:
        """Every non-empty match in `text` (none on timeout)."""
        try:
            return self.spans(text)
        except TimeoutError:
            return []


def compile_pattern(source: str, is_regex: bool, whole: bool, ignore_case: bool) -> Pattern:
    """Compile a pattern; raises `regex.error` on a bad regex."""
    flags = regex.IGNORECASE if ignore_case else 0
    body = source if is_regex else regex.escape(source)
    return Pattern(source, regex.compile(body, flags | regex.V0), whole, is_regex, ignore_case)


@dataclass(frozen=True)
class Rule:
    """One rule. `kind` says what it removes (see rules/README.md)."""

    id: str
    kind: RuleKind
    why: str
    pattern: Pattern
    end: Pattern | None = None  #: block: the last line of the block
    guard: float = DEFAULT_GUARD  #: after/before: how far into the text the marker must be
    max_items: int = 12  #: list: at most this many headline lines after the heading
    gap: int = DEFAULT_GAP  #: run: the most lines between two matching lines that join up (at most MAX_GAP)
    drop_examples: tuple[str, ...] = ()
    keep_examples: tuple[str, ...] = ()
    line_no: int = 0  #: line of the rule's `id` in its file (for messages)


@dataclass(frozen=True)
class RuleFile:
    """One loaded TOML file: a site file (`domains`) or a generic file (`language`)."""

    path: str  #: shown in reasons: "rules/sites/independent.co.uk.toml"
    scope: Literal["site", "generic"]
    domains: tuple[str, ...]
    fingerprints: tuple[str, ...]
    rules: tuple[Rule, ...]
    language: str = ""
    #: the file's combined patterns (None: try its rules line by line); set from `rules`
    prefilter: Any = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "prefilter", combined_prefilter(self.rules))


def combined_prefilter(rules: tuple[Rule, ...]) -> Any:
    """The `prefilter.Prefilter` of all patterns of `rules` (None: try them line by line)."""
    from cleaner.rules.prefilter import build_prefilter

    patterns = [p for rule in rules for p in (rule.pattern, rule.end) if p is not None]
    parts = [(p.compiled.pattern, p.is_regex, p.whole, bool(p.compiled.flags & regex.IGNORECASE)) for p in patterns]
    return build_prefilter(parts)
