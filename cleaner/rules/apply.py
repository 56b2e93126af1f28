"""Apply the selected rule files to a document: one `RuleVerdict` per line.

Precedence (per line): site keep > site drop > generic drop; the heuristics
(decide.py) only see lines no rule decided. Strip rules cut spans out of lines that
are not dropped; a line protected by a site keep rule gets no cuts.

Each rule file's combined patterns run once over the whole document
(`prefilter.py`); single rules are then tried only on the lines they could match.
A search that times out counts as no match for that rule on that line (the line is
left to the other rules and the heuristics) and is reported as a `RuleTimeout`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cleaner.model import Cut, Document, Reason, Span
from cleaner.rules.book import Selection
from cleaner.rules.prefilter import Prefilter, candidate_lines, scan_budget
from cleaner.rules.schema import Pattern, Rule, RuleFile
from cleaner.scoring.tokens import FULL_STOPS, WORD, ends_unmarked_sentence, has_unspaced
from cleaner.wrapping import paragraphs, pieces

#: A line "reads like article text" (ends a `list` rule) when it has at least this
#: many words and ends like a sentence (a teaser cut off with "..." or "…" does not).
ARTICLE_MIN_WORDS = 10
SENTENCE_END = re.compile(rf"(?<!\.\.)[{FULL_STOPS}:：][\"”’»)\]」』）]*$")
DROP_KINDS = frozenset({"line", "block", "run", "after", "before", "list"})

#: Which lines a pattern matches (a function of the pattern).
Hits = Callable[[Pattern], set[int]]


@dataclass(frozen=True)
class RuleVerdict:
    """What the rules say about one line.

    keep: True when a keep rule protects the line (from generic rules and the
    heuristics), False when a drop rule removes it, None when no rule decided.
    """

    keep: bool | None = None
    reason: Reason | None = None
    cuts: tuple[Cut, ...] = ()


NO_VERDICT = RuleVerdict()


@dataclass(frozen=True)
class RuleTimeout:
    """A rule whose regex ran out of time on a line (counted as no match there)."""

    path: str  #: the rule file, as shown in reasons
    rule_id: str
    line: int  #: `Line.index`

    def label(self) -> str:
        """`rule-timeout:<file>:<id>`, as carried in `Metadata.warnings`."""
        return f"rule-timeout:{self.path}:{self.rule_id}"


@dataclass(frozen=True)
class RulesRun:
    """The verdicts on a document's lines and the rules that timed out on it."""

    verdicts: tuple[RuleVerdict, ...]
    timeouts: tuple[RuleTimeout, ...] = ()


def reads_like_article(text: str) -> bool:
    """Long enough and ends like a sentence (a closing quote alone, "..." or "…" do not count).

    Words are what the spaces set apart, or in the scripts written without spaces `tokens.WORD`'s
    (Chinese and Japanese characters, pieces of Thai words); a long Thai line ends like a sentence
    without a full stop (`tokens.ends_unmarked_sentence`).
    """
    if has_unspaced(text):
        n_words = len(WORD.findall(text))
        stripped = text.rstrip()
        return (n_words >= ARTICLE_MIN_WORDS or len(text.split()) >= ARTICLE_MIN_WORDS) and (
            SENTENCE_END.search(stripped) is not None or ends_unmarked_sentence(stripped, n_words)
        )
    return len(text.split()) >= ARTICLE_MIN_WORDS and SENTENCE_END.search(text.rstrip()) is not None


def every_line(texts: list[str]) -> Hits:
    """Try a pattern on every line (a timeout counts as no match)."""
    return lambda pattern: {i for i, t in enumerate(texts) if pattern.search(t)}


def rule_hits(rule: Rule, texts: list[str], guarded: bool = True, hits: Hits | None = None) -> list[int]:
    """Indexes of the lines `rule` selects (drop rules and keep rules alike).

    `hits` says which lines a pattern matches (default: try every line).
    """
    hits = hits or every_line(texts)
    if rule.kind in ("line", "keep"):
        return sorted(hits(rule.pattern))
    if rule.kind == "block":
        return _block(rule, len(texts), hits)
    if rule.kind == "run":
        return _run(rule, hits)
    if rule.kind in ("after", "before"):
        return _after_before(rule, texts, guarded, hits)
    if rule.kind == "list":
        return _list(rule, texts, hits)
    return []


def _block(rule: Rule, n: int, hits: Hits) -> list[int]:
    starts = sorted(hits(rule.pattern))
    ends = sorted(hits(rule.end)) if starts and rule.end else []
    found: list[int] = []
    done = 0  # lines before this one are inside an earlier block
    for i in starts:
        if i < done:
            continue
        end = next((j for j in ends if j >= i), None)
        if end is not None:
            found.extend(range(i, end + 1))
            done = end + 1
    return [i for i in found if i < n]


def _run(rule: Rule, hits: Hits) -> list[int]:
    """The matching lines, and the lines between two of them at most `rule.gap` lines apart."""
    found: list[int] = []
    for i in sorted(hits(rule.pattern)):
        if found and i - found[-1] - 1 <= rule.gap:
            found.extend(range(found[-1] + 1, i))
        found.append(i)
    return found


def _after_before(rule: Rule, texts: list[str], guarded: bool, hits: Hits) -> list[int]:
    marks = sorted(hits(rule.pattern))
    if not marks:
        return []
    total = sum(len(t) for t in texts) or 1
    before = [0]
    for t in texts:
        before.append(before[-1] + len(t))
    if rule.kind == "after":
        ok = [i for i in marks if not guarded or before[i] / total >= rule.guard]
        return list(range(ok[0], len(texts))) if ok else []
    ok = [i for i in marks if not guarded or before[i + 1] / total <= 1 - rule.guard]
    return list(range(ok[-1] + 1)) if ok else []


def _list(rule: Rule, texts: list[str], hits: Hits) -> list[int]:
    found: set[int] = set()
    for i in sorted(hits(rule.pattern)):
        found.add(i)
        for j in range(i + 1, min(len(texts), i + 1 + rule.max_items)):
            if reads_like_article(texts[j]):
                break
            found.add(j)
    return sorted(found)


def rule_cuts(rule: Rule, text: str) -> list[tuple[int, int]]:
    """Spans a strip rule removes from one line."""
    return rule.pattern.finditer(text) if rule.kind == "strip" else []


def _reason(rule: Rule, rule_file: RuleFile) -> Reason:
    return Reason(kind="rule", id=rule.id, source=rule_file.path, detail=rule.why)


class _Scan:
    """One document's lines, each file's candidate lines, and the timeouts met."""

    def __init__(self, texts: list[str], generic_prefilter: Prefilter | None = None) -> None:
        self.texts = texts
        self.generic_prefilter = generic_prefilter
        self.joined = "\n".join(texts)
        self.starts: list[int] = []
        at = 0
        for t in texts:
            self.starts.append(at)
            at += len(t) + 1
        self.deadline = time.perf_counter() + scan_budget(len(self.joined))
        self.candidates: dict[str, Iterable[int]] = {}
        self.timeouts: list[RuleTimeout] = []

    def lines_of(self, rule_file: RuleFile) -> Iterable[int]:
        """The lines any rule of the file could match (all lines when unknown)."""
        shared = rule_file.scope == "generic" and self.generic_prefilter is not None
        key = "generic" if shared else f"file:{rule_file.path}"
        if key not in self.candidates:
            prefilter = self.generic_prefilter if shared else rule_file.prefilter
            found = None
            if prefilter is not None:
                found = candidate_lines(prefilter, self.joined, self.starts, self.deadline)
            self.candidates[key] = sorted(found) if found is not None else range(len(self.texts))
        return self.candidates[key]

    def hits(self, rule_file: RuleFile, rule: Rule) -> Hits:
        lines = self.lines_of(rule_file)

        def matching(pattern: Pattern) -> set[int]:
            found: set[int] = set()
            for i in lines:
                try:
                    if pattern.match(self.texts[i]) is not None:
                        found.add(i)
                except TimeoutError:
                    self.timeouts.append(RuleTimeout(rule_file.path, rule.id, i))
            return found

        return matching

    def first_hits(self, files: Iterable[RuleFile], kinds: Iterable[str]) -> dict[int, Reason]:
        found: dict[int, Reason] = {}
        for rule_file in files:
            for rule in rule_file.rules:
                if rule.kind in kinds:
                    for i in rule_hits(rule, self.texts, hits=self.hits(rule_file, rule)):
                        found.setdefault(i, _reason(rule, rule_file))
        return found

    def cuts(self, files: Iterable[RuleFile], undecided: set[int]) -> dict[int, tuple[Cut, ...]]:
        """Strip-rule cuts of the undecided lines (the first rule to claim a span wins)."""
        found: dict[int, list[Cut]] = {}
        for rule_file in files:
            strips = [r for r in rule_file.rules if r.kind == "strip"]
            if not strips:
                continue
            for i in self.lines_of(rule_file):
                if i not in undecided:
                    continue
                for rule in strips:
                    try:
                        spans = rule.pattern.spans(self.texts[i])
                    except TimeoutError:
                        self.timeouts.append(RuleTimeout(rule_file.path, rule.id, i))
                        continue
                    cuts = found.setdefault(i, [])
                    for start, end in spans:
                        if all(end <= c.span.start or start >= c.span.end for c in cuts):
                            cuts.append(Cut(Span(start, end), _reason(rule, rule_file)))
        return {i: tuple(sorted(c, key=lambda c: c.span.start)) for i, c in found.items() if c}


def run_rules(selection: Selection, document: Document) -> RulesRun:
    """Run the selection's rules over the document's lines (see module docstring).

    In a hard-wrapped text the rules see each wrapped paragraph as one line (a
    whole-line rule matches the paragraph, not a piece of it); its verdict goes to
    every line of the paragraph, and a strip rule's cut to the lines it falls on.
    """
    if not selection.rule_files:
        return RulesRun(tuple(NO_VERDICT for _ in document.lines))
    groups = paragraphs(document)
    if len(groups) == len(document.lines):
        return _run_rules(selection, [line.text for line in document.lines])
    parts = [pieces([document.lines[i].text for i in group]) for group in groups]
    ran = _run_rules(selection, [" ".join(part) for part in parts])
    verdicts: list[RuleVerdict] = []
    for group, part, verdict in zip(groups, parts, ran.verdicts):
        offset = 0
        for k, i in enumerate(group):
            lead = len(document.lines[i].text) - len(part[k])  # the indentation left out of the joined text
            cuts = tuple(
                Cut(
                    Span(
                        max(c.span.start, offset) - offset + lead,
                        min(c.span.end, offset + len(part[k])) - offset + lead,
                    ),
                    c.reason,
                )
                for c in verdict.cuts
                if c.span.start < offset + len(part[k]) and c.span.end > offset
            )
            verdicts.append(
                RuleVerdict(verdict.keep, verdict.reason, cuts) if verdict.keep is not None or cuts else NO_VERDICT
            )
            offset += len(part[k]) + 1
    timeouts = tuple(RuleTimeout(t.path, t.rule_id, groups[t.line][0]) for t in ran.timeouts)
    return RulesRun(tuple(verdicts), timeouts)


def _run_rules(selection: Selection, texts: list[str]) -> RulesRun:
    """`run_rules` on the given line texts."""
    scan = _Scan(texts, selection.generic_prefilter)
    site = tuple(f for f in selection.rule_files if f.scope == "site")
    generic = tuple(f for f in selection.rule_files if f.scope == "generic")
    keeps = scan.first_hits(site, {"keep"})
    site_drops = scan.first_hits(site, DROP_KINDS)
    generic_drops = scan.first_hits(generic, DROP_KINDS)
    undecided = set(range(len(scan.texts))) - keeps.keys() - site_drops.keys() - generic_drops.keys()
    cuts = scan.cuts(selection.rule_files, undecided)
    verdicts: list[RuleVerdict] = []
    for i in range(len(scan.texts)):
        if i in keeps:
            verdicts.append(RuleVerdict(True, keeps[i]))
        elif i in site_drops:
            verdicts.append(RuleVerdict(False, site_drops[i]))
        elif i in generic_drops:
            verdicts.append(RuleVerdict(False, generic_drops[i]))
        else:
            verdicts.append(RuleVerdict(cuts=cuts.get(i, ())) if i in cuts else NO_VERDICT)
    return RulesRun(tuple(verdicts), tuple(dict.fromkeys(scan.timeouts)))


def apply_rules(selection: Selection, document: Document) -> list[RuleVerdict]:
    """The verdicts of `run_rules` (timeouts not reported)."""
    return list(run_rules(selection, document).verdicts)
