"""Heuristic scoring: how article-like each line looks on its own.

`load_model()` reads the fitted weights shipped with the package;
`score_lines(document, model)` gives one `LineScore` per line.
"""

from cleaner.scoring.combiner import LineScore, ScoringModel, load_model, score_lines

__all__ = ["LineScore", "ScoringModel", "load_model", "score_lines"]
