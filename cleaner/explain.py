"""Decisions -> output text (replay), a human table, and JSON records.

`render` is the only place output text is made: the kept lines, with their cuts
removed, in source order; lines of one source block are joined by a newline,
blocks by a blank line. Replaying recorded decisions therefore reproduces the
output exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from cleaner.model import CleanResult, Decision, Document, Line


def kept_text(line: Line, decision: Decision) -> str:
    """The part of a kept line that survives its cuts (stripped of edge spaces; see `kept_offsets`)."""
    if not decision.cuts:
        return line.text
    return "".join(map(line.text.__getitem__, kept_offsets(line, decision)))


def kept_offsets(line: Line, decision: Decision) -> list[int]:
    """Where each character of `kept_text(line, decision)` stands in the line's text: the characters no cut
    covers, without the spaces at either end once cut (a line with no cut is kept as it is).

    >>> from cleaner.model import Cut, Reason, Span
    >>> line = Line(0, 0, 15, 0, "Home | The news")
    >>> decision = Decision(0, True, 1.0, (), (Cut(Span(0, 7), Reason("score", "x")),))
    >>> kept_text(line, decision), kept_offsets(line, decision)[:3]
    ('The news', [7, 8, 9])
    """
    if not decision.cuts:
        return list(range(len(line.text)))
    positions: list[int] = []
    position = 0
    for cut in sorted(decision.cuts, key=lambda c: c.span.start):
        positions.extend(range(position, cut.span.start))
        position = max(position, cut.span.end)
    positions.extend(range(position, len(line.text)))
    while positions and line.text[positions[-1]].isspace():
        positions.pop()
    lead = next((k for k, p in enumerate(positions) if not line.text[p].isspace()), len(positions))
    return positions[lead:]


def render(document: Document, decisions: Sequence[Decision], title: str | None = None) -> str:
    """Replay decisions over the document: the clean text, ending in a newline.

    An empty result renders as the empty string.
    """
    parts: list[str] = []
    previous_block: int | None = None
    if title:
        parts.append(title)
        previous_block = -1
    for line, decision in zip(document.lines, decisions):
        if not decision.keep:
            continue
        text = kept_text(line, decision)
        if not text:
            continue
        if previous_block is not None:
            parts.append("\n" if line.block == previous_block else "\n\n")
        parts.append(text)
        previous_block = line.block
    return "".join(parts) + "\n" if parts else ""


def reason_counts(decisions: Iterable[Decision]) -> Counter[str]:
    """Dropped lines and cuts per reason label."""
    counts: Counter[str] = Counter()
    for decision in decisions:
        if not decision.keep:
            counts[decision.reason.label()] += 1
        for cut in decision.cuts:
            counts[cut.reason.label()] += 1
    return counts


#: How many of a scored line's feature contributions `reason_detail` names.
TOP_CONTRIBUTIONS = 4
#: Features that describe one fact in several columns, with shares that often pull opposite ways
#: (a long line: `log_words` -2.6, `log_chars` +2.2; a line in the main body: `context.in_region`
#: -1.7, `context.region_gap` +2.0): `reason_detail` names each group as one, by its sum.
DETAIL_GROUPS: dict[str, tuple[str, ...]] = {
    "length": ("log_words", "log_chars"),
    "stopwords": ("stopwords", "stopwords_long", "log_stopwords"),
    "context.region": ("context.in_region", "context.before_region", "context.after_region", "context.region_gap"),
}
_GROUP_OF = {member: group for group, members in DETAIL_GROUPS.items() for member in members}


def grouped(contributions: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    """The contributions with each of `DETAIL_GROUPS` summed under its name (first-seen order).

    >>> grouped([("log_words", -2.5), ("final_punct", 0.75), ("log_chars", 2.0)])
    [('length', -0.5), ('final_punct', 0.75)]
    """
    sums: dict[str, float] = {}
    for name, value in contributions:
        key = _GROUP_OF.get(name, name)
        sums[key] = sums.get(key, 0.0) + value
    return list(sums.items())


def reason_detail(decision: Decision) -> str:
    """The deciding reason's detail; for a scored line, the features that pushed it most towards its verdict.

    (A dropped line's negative contributions, a kept line's positive ones; the
    largest either way when none pushed its way; `DETAIL_GROUPS` summed.)

    >>> from cleaner.model import Reason
    >>> contributions = (("a", 0.5), ("b", -2.0), ("c", -0.25))
    >>> reason_detail(Decision(0, False, 0.1, (Reason("score", "boilerplate-like"),), contributions=contributions))
    'b -2.00, c -0.25'
    """
    reason = decision.reason
    if reason.detail or reason.kind not in ("score", "context") or not decision.contributions:
        return reason.detail
    sign = 1 if decision.keep else -1
    shares = grouped(decision.contributions)
    pushing = [kv for kv in shares if kv[1] * sign > 0] or shares
    top = sorted(pushing, key=lambda kv: abs(kv[1]), reverse=True)[:TOP_CONTRIBUTIONS]
    return ", ".join(f"{name} {value:+.2f}" for name, value in top)


def decision_record(line: Line, decision: Decision) -> dict[str, Any]:
    reason = decision.reason
    record: dict[str, Any] = {
        "line": line.index,
        "keep": decision.keep,
        "score": round(decision.score, 4),
        "reason": reason.label(),
        "source": reason.source,
        "detail": reason_detail(decision),
        "text": line.text,
    }
    if decision.cuts:
        record["cuts"] = [
            {"start": c.span.start, "end": c.span.end, "reason": c.reason.label(), "source": c.reason.source}
            for c in decision.cuts
        ]
    if decision.contributions:
        record["contributions"] = {name: round(value, 3) for name, value in decision.contributions}
    return record


def report_record(result: CleanResult, source: str) -> dict[str, Any]:
    """One `--report` JSONL record: the document's metadata and every decision."""
    meta = result.metadata
    document = result.document
    return {
        "source": source,
        "site": meta.site,
        "rule_files": list(meta.rule_files),
        "warnings": list(meta.warnings),
        "language": meta.language,
        "title": meta.title,
        "standfirst": meta.standfirst,
        "byline": meta.byline,
        "date": meta.date,
        "chars_in": len(document.text),
        "chars_out": len(result.text),
        "lines_in": len(document.lines),
        "lines_dropped": len(result.dropped),
        "reasons": dict(reason_counts(result.decisions).most_common()),
        "decisions": [decision_record(line, d) for line, d in zip(document.lines, result.decisions)],
    }


def explain_table(result: CleanResult, width: int = 100) -> str:
    """A plain-text table: one row per line with KEEP/DROP/CUT, score and reason."""
    rows = []
    for line, decision in zip(result.document.lines, result.decisions):
        verdict = "KEEP" if decision.keep else "DROP"
        if decision.keep and decision.cuts:
            verdict = "CUT "
        reason = decision.reason
        why = reason.label()
        if reason.source:
            why += f" ({reason.source})"
        detail = reason_detail(decision)
        if detail:
            why += f" [{detail}]"
        rows.append(f"{line.index + 1:>5} {verdict} {decision.score:4.2f} {_shortened(line.text, width)}\n{'':>16}{why}")
        for cut in sorted(decision.cuts, key=lambda c: c.span.start):
            source = f" ({cut.reason.source})" if cut.reason.source else ""
            piece = _shortened(line.text[cut.span.start : cut.span.end].strip(), width // 2)
            rows.append(f"{'':>16}cut {cut.span.start}-{cut.span.end} by {cut.reason.label()}{source}: {piece!r}")
    return "\n".join(rows) + "\n"


def _shortened(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
