"""Apply the selected rule files to a document: one `RuleVerdict` per line.

Precedence (per line): site keep > site drop > generic drop; the heuristics
(decide.py) only see lines no rule decided. Strip rules cut spans out of lines that
are not dropped; a line protected by a site keep rule gets no cuts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.model import Cut, Document, Reason, Span
from cleaner.rules.book import Selection
from cleaner.rules.schema import Rule, RuleFile

#: A line "reads like article text" (ends a `list` rule) when it has at least this
#: many words and ends like a sentence.
ARTICLE_MIN_WORDS = 10
SENTENCE_END = re.compile(r"[.!?…:][\"”’»)\]]*$")


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


def reads_like_article(text: str) -> bool:
    """Long enough and ends like a sentence (a closing quote alone does not count)."""
    return len(text.split()) >= ARTICLE_MIN_WORDS and SENTENCE_END.search(text.rstrip()) is not None


def rule_hits(rule: Rule, texts: list[str], guarded: bool = True) -> list[int]:
    """Indexes of the lines `rule` selects (drop rules and keep rules alike)."""
    if rule.kind in ("line", "keep"):
        return [i for i, t in enumerate(texts) if rule.pattern.search(t)]
    if rule.kind == "block":
        return _block(rule, texts)
    if rule.kind in ("after", "before"):
        return _after_before(rule, texts, guarded)
    if rule.kind == "list":
        return _list(rule, texts)
    return []


def _block(rule: Rule, texts: list[str]) -> list[int]:
    hits: list[int] = []
    i = 0
    while i < len(texts):
        if rule.pattern.search(texts[i]):
            end = next((j for j in range(i, len(texts)) if rule.end and rule.end.search(texts[j])), None)
            if end is not None:
                hits.extend(range(i, end + 1))
                i = end + 1
                continue
        i += 1
    return hits


def _after_before(rule: Rule, texts: list[str], guarded: bool) -> list[int]:
    total = sum(len(t) for t in texts) or 1
    before = [0]
    for t in texts:
        before.append(before[-1] + len(t))
    marks = [i for i, t in enumerate(texts) if rule.pattern.search(t)]
    if rule.kind == "after":
        ok = [i for i in marks if not guarded or before[i] / total >= rule.guard]
        return list(range(ok[0], len(texts))) if ok else []
    ok = [i for i in marks if not guarded or before[i + 1] / total <= 1 - rule.guard]
    return list(range(0, ok[-1] + 1)) if ok else []


def _list(rule: Rule, texts: list[str]) -> list[int]:
    hits: list[int] = []
    for i, t in enumerate(texts):
        if not rule.pattern.search(t):
            continue
        hits.append(i)
        for j in range(i + 1, min(len(texts), i + 1 + rule.max_items)):
            if reads_like_article(texts[j]):
                break
            hits.append(j)
    return sorted(set(hits))


def rule_cuts(rule: Rule, text: str) -> list[tuple[int, int]]:
    """Spans a strip rule removes from one line."""
    return rule.pattern.finditer(text) if rule.kind == "strip" else []


def _reason(rule: Rule, rule_file: RuleFile) -> Reason:
    return Reason(kind="rule", id=rule.id, source=rule_file.path, detail=rule.why)


def _first_hits(files: tuple[RuleFile, ...], texts: list[str], kinds: set[str]) -> dict[int, Reason]:
    found: dict[int, Reason] = {}
    for rule_file in files:
        for rule in rule_file.rules:
            if rule.kind in kinds:
                for i in rule_hits(rule, texts):
                    found.setdefault(i, _reason(rule, rule_file))
    return found


def apply_rules(selection: Selection, document: Document) -> list[RuleVerdict]:
    """Run the selection's rules over the document's lines (see module docstring)."""
    if not selection.rule_files:
        return [NO_VERDICT for _ in document.lines]
    texts = [line.text for line in document.lines]
    site = tuple(f for f in selection.rule_files if f.scope == "site")
    generic = tuple(f for f in selection.rule_files if f.scope == "generic")
    drop_kinds = {"line", "block", "after", "before", "list"}
    keeps = _first_hits(site, texts, {"keep"})
    site_drops = _first_hits(site, texts, drop_kinds)
    generic_drops = _first_hits(generic, texts, drop_kinds)
    verdicts: list[RuleVerdict] = []
    for i, text in enumerate(texts):
        if i in keeps:
            verdicts.append(RuleVerdict(True, keeps[i]))
        elif i in site_drops:
            verdicts.append(RuleVerdict(False, site_drops[i]))
        elif i in generic_drops:
            verdicts.append(RuleVerdict(False, generic_drops[i]))
        else:
            verdicts.append(RuleVerdict(cuts=_cuts(selection.rule_files, text)))
    return verdicts


def _cuts(files: tuple[RuleFile, ...], text: str) -> tuple[Cut, ...]:
    cuts: list[Cut] = []
    taken: list[tuple[int, int]] = []
    for rule_file in files:
        for rule in rule_file.rules:
            for start, end in rule_cuts(rule, text):
                if all(end <= s or start >= e for s, e in taken):
                    taken.append((start, end))
                    cuts.append(Cut(Span(start, end), _reason(rule, rule_file)))
    return tuple(sorted(cuts, key=lambda c: c.span.start))
