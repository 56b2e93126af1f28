"""Learned rules in memory (`cleaner clean --learn`): added to a site's rule files.

`with_learned` wraps a `RuleBook` so that a document of a learned site gets the
learned rule file (`learned:<site>`) after the site's own file and before the
generic ones; `mark_learned` labels the verdicts those rules gave with the reason
kind `learned`, so explain output says `learned:<rule id> (learned:<site>)`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cleaner.model import Document
from cleaner.rules import RuleBook, RuleVerdict, Selection
from cleaner.rules.schema import RuleFile

LEARNED_SOURCE = "learned:"


@dataclass(frozen=True)
class LearnedRuleBook(RuleBook):
    """A rule book plus learned site rule files, one per site."""

    learned: tuple[RuleFile, ...] = ()

    def select(self, document: Document, site: str | None = None) -> Selection:
        selection = super().select(document, site)
        extra = tuple(f for f in self.learned if selection.site and selection.site in f.domains)
        if not extra:
            return selection
        own = tuple(f for f in selection.rule_files if f.scope == "site")
        generic = tuple(f for f in selection.rule_files if f.scope != "site")
        files = own + extra + generic
        return replace(selection, files=tuple(f.path for f in files), rule_files=files)


def with_learned(book: RuleBook, learned: Sequence[RuleFile]) -> RuleBook:
    """`book` with the learned files added (and a digest that covers them)."""
    if not learned:
        return book
    hasher = hashlib.sha256(book.digest.encode())
    for rule_file in learned:
        for rule in rule_file.rules:
            hasher.update(f"{rule_file.path}\0{rule.id}\0{rule.pattern.source}\0{rule.pattern.compiled.flags}".encode())
    return LearnedRuleBook(
        digest=hasher.hexdigest()[:16], sites=book.sites, generic=book.generic, learned=tuple(learned)
    )


def mark_learned(verdicts: Sequence[RuleVerdict]) -> list[RuleVerdict]:
    """Verdicts of learned rules with the reason kind `learned`."""
    return [
        replace(v, reason=replace(v.reason, kind="learned"))
        if v.reason is not None and v.reason.source.startswith(LEARNED_SOURCE)
        else v
        for v in verdicts
    ]
