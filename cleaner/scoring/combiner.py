"""Combine per-line features into an article-likeness score."""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

from cleaner.model import Document

_WORD = regex.compile(r"\w+")
_FINAL = regex.compile(r"[.!?:;\"'”’»)]\s*$")


@dataclass(frozen=True)
class LineScore:
    """Probability that a line is article text, and each feature's logit share."""

    probability: float
    contributions: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class ScoringModel:
    """Feature weights and the bias of the logistic combiner."""

    weights: tuple[tuple[str, float], ...] = (("words", 0.25), ("final_punct", 1.5))
    bias: float = -3.0
    digest: str = "initial"


def load_model() -> ScoringModel:
    return ScoringModel()


def score_lines(document: Document, model: ScoringModel) -> list[LineScore]:
    scores = []
    weights = dict(model.weights)
    for line in document.lines:
        features = {
            "words": min(len(_WORD.findall(line.text)), 40),
            "final_punct": 1.0 if _FINAL.search(line.text) else 0.0,
        }
        parts = tuple((name, weights[name] * value) for name, value in features.items())
        logit = model.bias + sum(v for _, v in parts)
        scores.append(LineScore(1 / (1 + math.exp(-logit)), parts))
    return scores
