"""Turn rule verdicts and line scores into one `Decision` per line.

Pass 1 (context-free): a rule verdict decides outright (site keep > site drop >
generic drop); every other line has its stage-1 score (`cleaner.scoring`).
Pass 2 (context): the stage-2 model revises each score with the neighbours' scores,
runs of short lines and the main-body region (`cleaner.scoring.context`); rule-dropped
lines count as boilerplate neighbours, rule-kept lines as article. The final
probability against the mode's threshold decides. A decision's `contributions` add
up, with the model's biases, to its final logit: stage-1 features by name, the
context features as `context.NAME`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from cleaner.config import Mode
from cleaner.model import Decision, Document, Reason
from cleaner.rules import RuleVerdict
from cleaner.scoring import LineScore, ScoringModel, load_model
from cleaner.scoring.context import CONTEXT_FEATURES, RULE_DROP_LOGIT, RULE_KEEP_LOGIT, context_vectors

MODEL_SOURCE = "cleaner/data/scoring.json"
_WORD = regex.compile(r"\w+")
#: Context features whose push names the reason of a context decision.
_CONTEXT_REASONS = {
    "in_region": "main-body",
    "before_region": "before-main-body",
    "after_region": "after-main-body",
    "region_gap": "outside-main-body",
    "short_run": "short-line-run",
}


def decide(
    document: Document,
    verdicts: Sequence[RuleVerdict],
    scores: Sequence[LineScore],
    mode: Mode,
    model: ScoringModel | None = None,
    words: Sequence[int] | None = None,
) -> tuple[Decision, ...]:
    """One decision per line of `document` (see the module docstring)."""
    model = model or load_model()
    threshold = model.thresholds[mode]
    lines = document.lines
    if words is None:
        words = [len(_WORD.findall(line.text)) for line in lines]
    logits = [
        RULE_KEEP_LOGIT if v.keep else RULE_DROP_LOGIT if v.keep is False and v.reason else s.logit
        for v, s in zip(verdicts, scores)
    ]
    vectors = context_vectors(logits, words, [line.block for line in lines], model.region_threshold)
    stage = model.context
    z_weight = stage.weights[0] / stage.scales[0]
    decisions = []
    for line, verdict, score, vector in zip(lines, verdicts, scores, vectors):
        if verdict.keep is not None and verdict.reason is not None:
            decisions.append(
                Decision(line.index, verdict.keep, 1.0 if verdict.keep else 0.0, (verdict.reason,), verdict.cuts)
            )
            continue
        context = stage.contributions(vector)[1:]
        parts = tuple((name, z_weight * value) for name, value in score.contributions) + tuple(
            (f"context.{name}", value) for name, value in context
        )
        logit = stage.logit(vector)
        probability = 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, logit))))
        keep = probability >= threshold
        decisions.append(
            Decision(
                line=line.index,
                keep=keep,
                score=probability,
                reasons=(_reason(keep, score.probability >= threshold, parts),),
                cuts=verdict.cuts,
                contributions=parts,
            )
        )
    return tuple(decisions)


def _reason(keep: bool, alone_keep: bool, parts: tuple[tuple[str, float], ...]) -> Reason:
    """`score` when the line's own features decide, `context` when the neighbours flipped it."""
    top = sorted(parts, key=lambda kv: -abs(kv[1]))[:4]
    detail = ", ".join(f"{name} {value:+.2f}" for name, value in top)
    if keep == alone_keep:
        return Reason("score", "article-like" if keep else "boilerplate-like", MODEL_SOURCE, detail)
    sign = 1 if keep else -1
    pushing = [(n, v) for n, v in parts if n.startswith("context.") and v * sign > 0]
    if not pushing:
        return Reason("context", "kept-by-neighbours" if keep else "dropped-by-neighbours", MODEL_SOURCE, detail)
    name = max(pushing, key=lambda kv: abs(kv[1]))[0].removeprefix("context.")
    why = _CONTEXT_REASONS.get(name, "neighbours")
    return Reason("context", f"{'kept' if keep else 'dropped'}:{why}", MODEL_SOURCE, detail)
