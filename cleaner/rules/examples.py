"""Run every rule's examples: drop_examples must be removed, keep_examples left alone.

A drop example of a multi-line rule (block, run, after, before, list) is a text whose
non-blank lines must *all* be removed (guards are off: the example is the tail or
head itself). A strip rule must cut something out of each drop example and nothing
out of each keep example. A keep rule must protect each keep example and none of
its drop examples.
"""

from __future__ import annotations

from cleaner.rules.apply import rule_cuts, rule_hits
from cleaner.rules.load import Problem
from cleaner.rules.schema import Rule, RuleFile


def _lines(example: str) -> list[str]:
    return [line.strip() for line in example.splitlines() if line.strip()]


def rule_example_failures(rule: Rule) -> list[str]:
    """What is wrong with one rule's examples (empty when all pass)."""
    failures: list[str] = []
    if rule.kind == "strip":
        failures += [f"drop example not cut: {ex!r}" for ex in rule.drop_examples if not rule_cuts(rule, ex)]
        failures += [f"keep example cut: {ex!r}" for ex in rule.keep_examples if rule_cuts(rule, ex)]
        return failures
    if rule.kind == "keep":
        failures += [f"keep example not protected: {ex!r}" for ex in rule.keep_examples
                     if not rule_hits(rule, [ex.strip()])]
        failures += [f"drop example protected: {ex!r}" for ex in rule.drop_examples
                     if rule_hits(rule, [ex.strip()])]
        return failures
    for ex in rule.drop_examples:
        lines = _lines(ex)
        if len(rule_hits(rule, lines, guarded=False)) != len(lines) or not lines:
            failures.append(f"drop example not removed: {ex!r}")
    for ex in rule.keep_examples:
        if rule_hits(rule, _lines(ex), guarded=False):
            failures.append(f"keep example removed: {ex!r}")
    return failures


def example_problems(rule_file: RuleFile) -> list[Problem]:
    return [
        Problem(rule_file.path, rule.line_no, rule.id, failure)
        for rule in rule_file.rules
        for failure in rule_example_failures(rule)
    ]
