"""Heuristic scoring: how article-like each line looks on its own.

`load_model()` reads the fitted weights shipped with the package;
`score_lines(document, model)` gives one `LineScore` per line (stage 1), and
`score_document` the same with the features and the document's language.
The context pass that revises these scores lives in `cleaner.decide`.
"""

from cleaner.scoring.combiner import (
    LinearStage,
    LineScore,
    ScoredDocument,
    ScoringModel,
    load_model,
    score_document,
    score_lines,
)

__all__ = ["LineScore", "LinearStage", "ScoredDocument", "ScoringModel", "load_model", "score_document", "score_lines"]
