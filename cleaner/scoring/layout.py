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
#: A document whose blocks hold more lines than this on average has no paragraph
#: breaks: one paragraph or text node a line, no blank line between them (the bench
#: pages, a blank line between text nodes, average at most 3).
PARAGRAPH_LINES = 4
#: A block of more lines than this is no paragraph broken by `<br>` but a stretch of the page
#: with no blank line in it (a scraper that puts blank lines around paragraphs only: a menu of
#: 60 items, a sidebar); its lines count as blocks of their own. On the bench, the lines of
#: blocks of 16 to 31 lines are 57% article text, of 32 lines or more 11%.
LONG_BLOCK = 30


def feature_blocks(document: Document) -> list[int]:
    """The block each line counts in for the features: its own when the text has no paragraph breaks
    or its block has more than `LONG_BLOCK` lines.

    Whole-page dumps put a blank line between the page's text nodes, so a block is
    mostly one line and a longer block is text broken by `<br>` (an address, a poem).
    A scrape that puts a single newline between paragraphs is one block of
    everything; there its lines are the text nodes, and each is a block of its own,
    so that "a line in a long block" means the same in both.

    >>> from cleaner.ingest import make_document
    >>> feature_blocks(make_document("Menu\\nThe council met.\\nIt voted.\\nShare\\nHome\\n"))
    [0, 1, 2, 3, 4]
    >>> feature_blocks(make_document("Menu\\n\\nThe council met.\\nIt voted.\\n\\nShare"))
    [0, 1, 1, 2]
    >>> story = "\\n\\n".join(f"Paragraph {n}." for n in range(12))
    >>> menu = "\\n".join(f"Section {n}" for n in range(40))  # one block of 40 lines: a line a block
    >>> blocks = feature_blocks(make_document(f"{story}\\n\\n{menu}"))
    >>> blocks[:12] == list(range(12)), len(set(blocks[12:]))
    (True, 40)
    """
    lines = document.lines
    if len(lines) > PARAGRAPH_LINES * document.n_blocks:
        return list(range(len(lines)))
    sizes = Counter(line.block for line in lines)
    return [line.block if sizes[line.block] <= LONG_BLOCK else -1 - line.index for line in lines]


def layout_features(
    document: Document, line_words: Sequence[list[str]] | None = None, blocks: Sequence[int] | None = None
) -> list[tuple[float, ...]]:
    """Per line, in `NAMES` order: relative position, first/last tenth, block size, repetition.

    `line_words`: each line's words as the other features see them (see
    `features.LINE_SAMPLE`); a line repeats another when their words match, case aside.
    `blocks`: `feature_blocks(document)`, when the caller has them already.
    """
    lines = document.lines
    if not lines:
        return []
    if line_words is None:
        line_words = [WORD.findall(line.text) for line in lines]
    keys = [" ".join(words).lower() for words in line_words]
    seen = Counter(keys)
    if blocks is None:
        blocks = feature_blocks(document)
    block_sizes = Counter(blocks)
    span = max(1, lines[-1].end - lines[0].start)
    first = lines[0].start
    result: list[tuple[float, ...]] = []
    for line, block, key in zip(lines, blocks, keys):
        position = (line.start - first) / span
        size = block_sizes[block]
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
