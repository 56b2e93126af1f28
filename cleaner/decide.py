"""Turn rule verdicts and line scores into one `Decision` per line.

Pass 1 (context-free): a rule verdict decides outright (site keep > site drop >
generic drop); otherwise the line's score against the mode's threshold.
Pass 2 (context): lines are revised with their neighbours.
"""

from __future__ import annotations

from cleaner.config import Mode
from cleaner.model import Decision, Document, Reason
from cleaner.rules import RuleVerdict
from cleaner.scoring import LineScore

THRESHOLDS: dict[Mode, float] = {"precision": 0.6, "balanced": 0.5, "recall": 0.35}


def decide(
    document: Document,
    verdicts: list[RuleVerdict],
    scores: list[LineScore],
    mode: Mode,
) -> tuple[Decision, ...]:
    threshold = THRESHOLDS[mode]
    decisions = []
    for line, verdict, score in zip(document.lines, verdicts, scores):
        if verdict.keep is not None and verdict.reason is not None:
            decisions.append(
                Decision(
                    line=line.index,
                    keep=verdict.keep,
                    score=1.0 if verdict.keep else 0.0,
                    reasons=(verdict.reason,),
                    cuts=verdict.cuts,
                )
            )
            continue
        keep = score.probability >= threshold
        top = sorted(score.contributions, key=lambda kv: -abs(kv[1]))[:3]
        detail = ", ".join(f"{name} {value:+.2f}" for name, value in top)
        decisions.append(
            Decision(
                line=line.index,
                keep=keep,
                score=score.probability,
                reasons=(Reason("score", "article-like" if keep else "boilerplate-like", "", detail),),
                cuts=verdict.cuts,
                contributions=score.contributions,
            )
        )
    return tuple(decisions)
