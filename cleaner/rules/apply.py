"""Apply the selected rule files to a document: one `RuleVerdict` per line."""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.model import Cut, Document, Reason
from cleaner.rules.book import Selection


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


def apply_rules(selection: Selection, document: Document) -> list[RuleVerdict]:
    """Run the selection's rules over the document's lines."""
    return [NO_VERDICT for _ in document.lines]
