"""From counted lines to proposed rules: thresholds, runs of lines, article-like lines.

A line that occurs on at least `threshold` pages of its site becomes a drop rule
(a literal whole-line match, or a regex for its normal form when the pages wrote
it differently, e.g. with other numbers). Lines that recur *together*, one after
the other (a menu, a footer), become one rule for the whole run. A recurring line
that reads like article text (a sentence the scorer finds article-like, beside
the page's own sentences: a disclaimer in the body, a repeated quote) is reported
instead of ruled; a recurring sentence among boilerplate (a sidebar blurb) is ruled. Every rule is checked
against its own examples before it is proposed, so `cleaner rules test` passes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import regex

from cleaner.learn.count import SiteCounts
from cleaner.learn.normalise import equivalence_pattern, normal_form
from cleaner.rules.apply import reads_like_article
from cleaner.rules.examples import rule_example_failures
from cleaner.rules.schema import Rule, RuleFile, compile_pattern

#: Ids of learned rules start with this; `cleaner learn` replaces such rules on a re-run.
LEARNED_PREFIX = "learned-"
#: Two recurring lines are one run when they follow each other on at least this share
#: of the pages that hold the rarer of the two.
RUN_SHARE = 0.8
#: At most this many lines in one run rule (longer runs are cut into several rules).
MAX_RUN = 20
#: A sentence-like recurring line is reported, not ruled, when its mean stage-1
#: probability is at least this ...
ARTICLE_PROBABILITY = 0.5
#: ... and on at least this share of its pages it sits next to a sentence of the page's
#: own (inside the article, as a disclaimer does; a sidebar blurb sits among boilerplate).
BESIDE_TEXT_SHARE = 0.5


@dataclass(frozen=True)
class Thresholds:
    """How often a line must recur: on `min_docs` pages and `min_share` of the site's pages."""

    min_docs: int = 3
    min_share: float = 0.5

    def for_pages(self, pages: int) -> int:
        return max(self.min_docs, math.ceil(self.min_share * pages - 1e-9))


@dataclass(frozen=True)
class LearnedRule:
    """One proposed drop rule (kind `line`) for a line or a run of lines."""

    id: str
    pattern: str
    is_regex: bool
    ignore_case: bool
    why: str
    lines: tuple[str, ...]  #: the real lines (drop example, joined)
    keep_examples: tuple[str, ...]
    pages: int  #: pages the line (for a run: its rarest line) occurs on

    def to_rule(self) -> Rule:
        pattern = compile_pattern(self.pattern, self.is_regex, True, self.ignore_case)
        return Rule(
            id=self.id, kind="line", why=self.why, pattern=pattern,
            drop_examples=("\n".join(self.lines),), keep_examples=self.keep_examples,
        )


@dataclass(frozen=True)
class ReportedLine:
    """A recurring line left alone because it reads like article text."""

    text: str
    pages: int
    probability: float


@dataclass(frozen=True)
class SiteProposal:
    """What learning found for one site."""

    site: str
    pages: int
    threshold: int
    rules: tuple[LearnedRule, ...]
    reported: tuple[ReportedLine, ...]

    def rule_file(self) -> RuleFile:
        """The learned rules as an in-memory site rule file (source `learned:<site>`)."""
        return RuleFile(
            path=f"learned:{self.site}", scope="site", domains=(self.site,), fingerprints=(),
            rules=tuple(rule.to_rule() for rule in self.rules),
        )


def propose(site: str, counts: SiteCounts, thresholds: Thresholds) -> SiteProposal:
    """Rules and reported lines for one site from its pass-2 counts."""
    threshold = thresholds.for_pages(counts.pages)
    recurring = [key for key in counts.text if counts.docs[key] >= threshold]
    reported: list[ReportedLine] = []
    ruled: list[bytes] = []
    for key in recurring:
        text = counts.text[key].strip()
        probabilities = counts.probabilities.get(key, [])
        probability = sum(probabilities) / len(probabilities) if probabilities else 0.0
        inside = counts.beside_text[key] >= BESIDE_TEXT_SHARE * counts.docs[key]
        if reads_like_article(text) and probability >= ARTICLE_PROBABILITY and inside:
            reported.append(ReportedLine(text, counts.docs[key], probability))
        else:
            ruled.append(key)
    rules: list[LearnedRule] = []
    taken: set[str] = set()
    for run in runs(ruled, counts, threshold):
        rule = _rule(site, run, counts, taken)
        if rule is not None:
            rules.append(rule)
            taken.add(rule.id)
    return SiteProposal(site, counts.pages, threshold, tuple(rules), tuple(reported))


def runs(keys: list[bytes], counts: SiteCounts, threshold: int) -> list[list[bytes]]:
    """`keys` grouped into runs of lines that follow each other on most pages, in first-seen order."""
    wanted = set(keys)
    best_next: dict[bytes, tuple[int, bytes]] = {}
    best_previous: dict[bytes, tuple[int, bytes]] = {}
    order = {key: i for i, key in enumerate(counts.text)}  # first seen; breaks ties the same way on every run
    for (a, b), n in sorted(counts.pairs.items(), key=lambda item: (order[item[0][0]], order[item[0][1]])):
        if a not in wanted or b not in wanted or a == b or n < threshold:
            continue
        if n >= RUN_SHARE * min(counts.docs[a], counts.docs[b]):
            if n > best_next.get(a, (0, b))[0]:
                best_next[a] = (n, b)
            if n > best_previous.get(b, (0, a))[0]:
                best_previous[b] = (n, a)
    following = {a: b for a, (_, b) in best_next.items() if best_previous.get(b, (0, None))[1] == a}
    has_previous = set(following.values())
    grouped: list[list[bytes]] = []
    placed: set[bytes] = set()
    for key in keys:  # first-seen order; a key inside a run waits for the run's start
        if key in placed or key in has_previous:
            continue
        run = [key]
        placed.add(key)
        while run[-1] in following and following[run[-1]] not in placed:
            run.append(following[run[-1]])
            placed.add(run[-1])
        grouped += [run[i : i + MAX_RUN] for i in range(0, len(run), MAX_RUN)]
    for key in keys:  # lines on a cycle of successors
        if key not in placed:
            grouped.append([key])
            placed.add(key)
    return grouped


def _rule(site: str, run: list[bytes], counts: SiteCounts, taken: set[str]) -> LearnedRule | None:
    texts = [counts.text[key] for key in run]
    exact = [key not in counts.varies and counts.text[key] == counts.text[key].strip() for key in run]
    parts = [regex.escape(t, literal_spaces=True) if ok else equivalence_pattern(t) for t, ok in zip(texts, exact)]
    if len(run) == 1 and exact[0]:
        pattern, is_regex = texts[0], False
    elif len(run) == 1:
        pattern, is_regex = parts[0], True
    else:
        pattern, is_regex = "(?:" + "|".join(parts) + ")", True
    pages = min(counts.docs[key] for key in run)
    share = pages / counts.pages
    samples = ", ".join(Path(p).name for p in counts.samples.get(run[0], []))
    what = "Recurs" if len(run) == 1 else f"A run of {len(run)} lines that recurs together"
    why = f"Learned: {what} on {pages} of {counts.pages} pages of {site} ({share:.0%}), e.g. {samples}."
    lines = tuple(t.strip() for t in texts)
    rule = LearnedRule(
        id=_unique_id(texts[0], taken), pattern=pattern, is_regex=is_regex, ignore_case=not all(exact),
        why=why, lines=lines, keep_examples=(), pages=pages,
    )
    compiled = rule.to_rule()
    if rule_example_failures(compiled):
        return None
    keep = next((t for t in counts.own_lines if not rule_example_failures(_with_keep(compiled, t))), None)
    return LearnedRule(**{**rule.__dict__, "keep_examples": (keep,) if keep else ()})


def _with_keep(rule: Rule, text: str) -> Rule:
    return Rule(**{**rule.__dict__, "keep_examples": (text,)})


def _unique_id(text: str, taken: set[str]) -> str:
    words = [w for w in regex.sub(r"[^\p{L}\p{N} ]", "", normal_form(text)).split() if w][:5]
    base = LEARNED_PREFIX + ("-".join(words)[:40].strip("-") or "line")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name
