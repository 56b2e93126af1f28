"""Combine per-line features into an article-likeness score with fitted weights.

Stage 1 (`ScoringModel.line`) is a logistic model over the line's own features
(`cleaner.scoring.features.FEATURES`); stage 2 (`ScoringModel.context`, used by
`cleaner.decide`) revises it with the neighbours. The weights are fitted by
`bench/train.py` and shipped as `cleaner/data/scoring.json`; inference is plain
Python. Every score comes with each feature's share of the logit, so a decision
can say which features decided it.

A language with training data has a model of its own (`ScoringModel.languages`):
both stages fitted again, with a word lexicon of that language as one more
stage-1 features (`cleaner.scoring.lexicon`). A document is scored by its
language's model when there is one, else by the generic model, which reads no
words beyond the stopword lists and the boilerplate vocabulary.

>>> from cleaner.ingest import make_document
>>> model = load_model()
>>> doc = make_document("Home | News | Sport\\n\\nThe council voted on Tuesday to rebuild the old stone bridge, "
...     "a project that residents have asked for since the floods of last winter.")
>>> menu, prose = score_lines(doc, model)
>>> menu.probability < 0.5 < prose.probability
True
>>> english = model.for_language("en")  # the model that scored these English lines
>>> abs(english.line.bias + sum(v for _, v in prose.contributions) - prose.logit) < 1e-9
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from operator import mul, sub

from cleaner.config import digest
from cleaner.model import Document
from cleaner.scoring.context import CONTEXT_FEATURES
from cleaner.scoring.features import FEATURES, DocumentFeatures, LineMemo, document_features
from cleaner.scoring.lexicon import FEATURES as LEXICON_FEATURES
from cleaner.scoring.lexicon import Lexicon

MODEL_FILE = "scoring.json"


def sigmoid(x: float) -> float:
    if x < -35:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


@dataclass(frozen=True)
class LinearStage:
    """A standardised logistic model: logit = bias + sum(w * (x - mean) / scale)."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    bias: float
    #: w / s, computed once, so that a line's terms are one C-level map over its vector
    slopes: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "slopes", tuple(w / s for w, s in zip(self.weights, self.scales)))

    def terms(self, vector: Sequence[float]) -> list[float]:
        """Each feature's share of the logit, in `names` order (the logit is `bias + sum(terms)`)."""
        return list(map(mul, self.slopes, map(sub, vector, self.means)))

    def contributions(self, vector: Sequence[float]) -> tuple[tuple[str, float], ...]:
        return tuple(zip(self.names, self.terms(vector)))

    def logit(self, vector: Sequence[float]) -> float:
        return self.bias + sum(self.terms(vector))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearStage:
        return cls(
            names=tuple(data["names"]),  # type: ignore[arg-type]
            weights=tuple(float(v) for v in data["weights"]),  # type: ignore[attr-defined]
            means=tuple(float(v) for v in data["means"]),  # type: ignore[attr-defined]
            scales=tuple(float(v) for v in data["scales"]),  # type: ignore[attr-defined]
            bias=float(data["bias"]),  # type: ignore[arg-type]
        )

    def to_json(self) -> dict[str, object]:
        return {
            "names": list(self.names),
            "weights": [round(v, 6) for v in self.weights],
            "means": [round(v, 6) for v in self.means],
            "scales": [round(v, 6) for v in self.scales],
            "bias": round(self.bias, 6),
        }


@dataclass(frozen=True)
class ScoringModel:
    """Fitted weights of both stages, the mode thresholds and the region setting.

    `lexicon`: the word lexicon that gives the last stage-1 features (a
    language's model); `languages`: the models of the languages that have one (the
    generic model's).
    """

    line: LinearStage
    context: LinearStage
    #: final-probability threshold per mode (`precision` keeps less, `recall` more)
    thresholds: dict[str, float] = field(default_factory=lambda: {"precision": 0.6, "balanced": 0.5, "recall": 0.35})
    #: stage-1 probability a line must beat to count for the main-body region
    region_threshold: float = 0.5
    digest: str = "unfitted"
    about: str = ""  #: what the training script said it did (data, folds, figures)
    lexicon: Lexicon | None = None
    languages: dict[str, ScoringModel] = field(default_factory=dict)

    def for_language(self, language: str | None) -> ScoringModel:
        """The model that scores a document in `language` (ISO code): its own, else this one."""
        return self.languages.get(language or "", self)

    @cached_property
    def lexicons(self) -> dict[str, Lexicon]:
        """The language models' lexicons by language (worked out once: every document asks)."""
        return {code: model.lexicon for code, model in self.languages.items() if model.lexicon is not None}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ScoringModel:
        line = LinearStage.from_json(data["line"])  # type: ignore[arg-type]
        context = LinearStage.from_json(data["context"])  # type: ignore[arg-type]
        lexicon = Lexicon.from_json(data["lexicon"]) if "lexicon" in data else None  # type: ignore[arg-type]
        expected = FEATURES + LEXICON_FEATURES if lexicon else FEATURES
        if line.names != expected or context.names != CONTEXT_FEATURES:
            raise ValueError("scoring model features do not match cleaner.scoring's FEATURES: re-run bench/train.py")
        languages = data.get("languages", {})
        return cls(
            line=line,
            context=context,
            thresholds={k: float(v) for k, v in data["thresholds"].items()},  # type: ignore[attr-defined]
            region_threshold=float(data["region_threshold"]),  # type: ignore[arg-type]
            digest=digest(data),
            about=str(data.get("about", "")),
            lexicon=lexicon,
            languages={code: cls.from_json(part) for code, part in languages.items()},  # type: ignore[attr-defined]
        )

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "about": self.about,
            "line": self.line.to_json(),
            "context": self.context.to_json(),
            "thresholds": {k: round(v, 4) for k, v in self.thresholds.items()},
            "region_threshold": round(self.region_threshold, 4),
        }
        if self.lexicon is not None:
            data["lexicon"] = self.lexicon.to_json()
        if self.languages:
            data["languages"] = {code: model.to_json() for code, model in sorted(self.languages.items())}
        return data


@dataclass(frozen=True)
class LineScore:
    """Stage-1 article-likeness of one line: probability, logit, and the features behind them."""

    probability: float
    logit: float
    vector: Sequence[float]  #: the line's features, in `stage.names` order
    stage: LinearStage

    @property
    def contributions(self) -> tuple[tuple[str, float], ...]:
        """Each feature's share of the logit (`logit == stage.bias + sum of the shares`)."""
        return self.stage.contributions(self.vector)


@dataclass(frozen=True)
class ScoredDocument:
    """Stage-1 scores of every line, with the features they came from and the model that scored them."""

    scores: tuple[LineScore, ...]
    features: DocumentFeatures
    model: ScoringModel  #: the document's language's model, or the generic one

    @property
    def language(self) -> str | None:
        return self.features.language


@cache
def load_model() -> ScoringModel:
    """The weights shipped in `cleaner/data/scoring.json` (read once per process)."""
    text = resources.files("cleaner").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return ScoringModel.from_json(json.loads(text))


def score_document(document: Document, model: ScoringModel, memo: LineMemo | None = None) -> ScoredDocument:
    """Stage-1 scores of every line and the features behind them (`memo`: see `features.LineMemo`).

    The document's language picks the model (`ScoringModel.for_language`).
    """
    found = document_features(document, memo, model.lexicons)
    chosen = model.for_language(found.language)
    stage = chosen.line
    scores = []
    for vector in found.vectors:
        logit = stage.logit(vector)
        scores.append(LineScore(sigmoid(logit), logit, vector, stage))
    return ScoredDocument(tuple(scores), found, chosen)


def score_lines(document: Document, model: ScoringModel) -> list[LineScore]:
    """Stage-1 scores of every line (see `score_document` for the features too)."""
    return list(score_document(document, model).scores)
