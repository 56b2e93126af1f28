"""Where a line sits: position in the document, its block, and repeats elsewhere.

>>> from cleaner.ingest import make_document
>>> doc = make_document("Bridge plan\\n\\nThe council met.\\nIt voted.\\n\\nBridge plan")
>>> [dict(zip(NAMES, f))["repeated"] for f in layout_features(doc)]
[1.0, 0.0, 0.0, 1.0]
>>> [dict(zip(NAMES, f))["alone"] for f in layout_features(doc)]
[1.0, 0.0, 0.0, 1.0]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from cleaner.model import Document
from cleaner.scoring.tokens import WORD

NAMES: tuple[str, ...] = ("position", "head", "tail", "alone", "block_lines", "repeated")


def layout_features(document: Document, line_words: Sequence[list[str]] | None = None) -> list[tuple[float, ...]]:
    """Per line, in `NAMES` order: relative position, first/last tenth, block size, repetition.

    `line_words`: each line's words as the other features see them (see
    `features.LINE_SAMPLE`); a line repeats another when their words match, case aside.
    """
    lines = document.lines
    if not lines:
        return []
    if line_words is None:
        line_words = [WORD.findall(line.text) for line in lines]
    keys = [" ".join(words).lower() for words in line_words]
    seen = Counter(keys)
    block_sizes = Counter(line.block for line in lines)
    span = max(1, lines[-1].end - lines[0].start)
    first = lines[0].start
    result: list[tuple[float, ...]] = []
    for line, key in zip(lines, keys):
        position = (line.start - first) / span
        size = block_sizes[line.block]
        result.append(
            (
                position,
                1.0 if position < 0.1 else 0.0,
                1.0 if position > 0.9 else 0.0,
                1.0 if size == 1 else 0.0,
                math.log1p(size - 1),
                1.0 if key and seen[key] > 1 else 0.0,
            )
        )
    return result
