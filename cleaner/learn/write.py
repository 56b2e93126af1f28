"""Write proposals as site rule files, merging with a file that is already there.

A rule file written by `cleaner learn` is an ordinary site file (rules/README.md).
On a re-run the file's hand-written rules (any id not starting with `learned-`),
its comments and header are kept word for word; the previously learned rules are
replaced by the new ones, and the `Change` says which learned rules were added,
removed or kept (compared by pattern). A learned rule whose pattern a hand-written
rule already has (a learned rule renamed to keep it) is not written again.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex

from cleaner.learn.propose import LEARNED_PREFIX, LearnedRule, SiteProposal
from cleaner.rules.schema import DEFAULT_GUARD, Rule

_RULES_HEADER = regex.compile(r"^\[\[rules\]\][ \t]*(?:#.*)?$", regex.MULTILINE)


def toml_string(text: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML escapes)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def rule_toml(rule: Rule) -> str:
    """One `[[rules]]` table (keys at their defaults are left out)."""
    lines = ["[[rules]]", f"id = {toml_string(rule.id)}", f"kind = {toml_string(rule.kind)}"]
    lines.append(f"pattern = {toml_string(rule.pattern.source)}")
    if rule.pattern.is_regex:
        lines.append("regex = true")
    if rule.pattern.ignore_case:
        lines.append("ignore_case = true")
    if rule.guard != DEFAULT_GUARD:
        lines.append(f"guard = {rule.guard}")
    lines.append(f"why = {toml_string(rule.why)}")
    lines.append(f"drop_examples = [{', '.join(toml_string(e) for e in rule.drop_examples)}]")
    lines.append(f"keep_examples = [{', '.join(toml_string(e) for e in rule.keep_examples)}]")
    return "\n".join(lines) + "\n"


def new_file_header(proposal: SiteProposal) -> str:
    return (
        f"# {proposal.site}: rules learned by `cleaner learn` from {proposal.pages} pages\n"
        f"# (lines on at least {proposal.threshold} of them). Review before keeping.\n"
        f"# Rules whose id starts with {LEARNED_PREFIX!r} are replaced when learn runs again;\n"
        "# edit a rule's id to keep it as hand-written.\n"
        f"domains = [{toml_string(proposal.site)}]\n"
    )


@dataclass(frozen=True)
class Change:
    """What writing one site file changed."""

    path: Path
    added: tuple[LearnedRule, ...]
    removed: tuple[tuple[str, str], ...]  #: (id, pattern) of learned rules no longer proposed
    kept: tuple[LearnedRule, ...]
    hand_written: int  #: rules kept untouched

    def summary(self) -> str:
        return (
            f"{self.path}: {len(self.added)} added, {len(self.removed)} removed, {len(self.kept)} kept"
            f" learned rule(s); {self.hand_written} hand-written rule(s) kept"
        )


class MergeError(ValueError):
    """An existing rule file that cannot be read or parsed (it is left alone)."""


def split_tables(text: str) -> tuple[str, list[str]]:
    """A rule file's text as its header and one text per `[[rules]]` table."""
    starts = [m.start() for m in _RULES_HEADER.finditer(text)]
    if not starts:
        return text, []
    ends = starts[1:] + [len(text)]
    return text[: starts[0]], [text[s:e] for s, e in zip(starts, ends)]


@dataclass(frozen=True)
class Merged:
    """A merged file's text and what went into it."""

    text: str
    rules: tuple[LearnedRule, ...]  #: learned rules written (none that a hand-written rule repeats)
    old: tuple[tuple[str, str], ...]  #: (id, pattern) of the learned rules it had before
    hand_written: int


def merged_text(proposal: SiteProposal, existing: str | None) -> Merged:
    """The new file text: the existing file's header and hand-written rules, then the learned rules."""
    if existing is None:
        learned = "\n".join(rule_toml(rule.to_rule()) for rule in proposal.rules)
        return Merged(new_file_header(proposal) + ("\n" + learned if learned else ""), proposal.rules, (), 0)
    header, tables = split_tables(existing)
    kept: list[str] = []
    old: list[tuple[str, str]] = []
    hand_patterns: set[str] = set()
    for table in tables:
        try:
            raw = tomllib.loads(table)["rules"][0]
        except (tomllib.TOMLDecodeError, KeyError, IndexError, TypeError) as err:
            raise MergeError(f"cannot read a [[rules]] table: {err}") from None
        rule_id = str(raw.get("id", ""))
        if rule_id.startswith(LEARNED_PREFIX):
            old.append((rule_id, str(raw.get("pattern", ""))))
        else:
            kept.append(table)
            hand_patterns.add(str(raw.get("pattern", "")))
    rules = tuple(rule for rule in proposal.rules if rule.pattern not in hand_patterns)
    learned = "\n".join(rule_toml(rule.to_rule()) for rule in rules)
    body = "".join(table if table.endswith("\n\n") else table.rstrip("\n") + "\n\n" for table in kept)
    text = header if header.endswith("\n") or not header else header + "\n"
    if kept or learned:
        text = text.rstrip("\n") + "\n\n" + body + learned
    return Merged(text.rstrip("\n") + "\n", rules, tuple(old), len(kept))


def write_proposal(proposal: SiteProposal, out: Path) -> Change:
    """Write (or merge into) `out/sites/<site>.toml`; raises `MergeError` or `OSError`."""
    path = out / "sites" / f"{proposal.site}.toml"
    existing = None
    if path.exists():
        try:
            existing = path.read_text(encoding="utf-8")
            tomllib.loads(existing)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise MergeError(f"cannot merge into it: {err}") from None
    merged = merged_text(proposal, existing)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".learn-tmp")
    temp.write_text(merged.text, encoding="utf-8")
    os.replace(temp, path)
    old_patterns = {pattern for _, pattern in merged.old}
    new_patterns = {rule.pattern for rule in merged.rules}
    return Change(
        path=path,
        added=tuple(r for r in merged.rules if r.pattern not in old_patterns),
        removed=tuple((i, p) for i, p in merged.old if p not in new_patterns),
        kept=tuple(r for r in merged.rules if r.pattern in old_patterns),
        hand_written=merged.hand_written,
    )
