"""Hard-wrapped text: the column it was wrapped at, and which lines continue a paragraph.

Text dumps of web pages (lynx, w3m, html2text), e-mail and plain-text archives cut
each paragraph into lines of at most N columns. Judged line by line, such a
paragraph is a run of sentence fragments with no final punctuation, and the scorer
takes it for a menu. So the scorer reads the lines a wrap cut apart as one line
(`cleaner.decide.judge`), and every physical line gets that line's decision.

A line continues into the next when both are in the same block and the next line's
first word would not have fitted on it within the wrap column.

>>> import textwrap
>>> from cleaner.ingest import make_document
>>> paragraph = ("The council voted on Tuesday to rebuild the old stone bridge over the river, "
...              "a project that residents have asked for since the floods cut the town in two.")
>>> document = make_document("Home\\n\\n" + "\\n\\n".join([textwrap.fill(paragraph, 60)] * 3) + "\\n\\nShare")
>>> document.wrap_width
60
>>> [line.text for line in document.lines[1:4]]
['The council voted on Tuesday to rebuild the old stone bridge', 'over the river, a project that residents have asked for', 'since the floods cut the town in two.']
>>> [continues(document.lines[i], document.lines[i + 1], 60) for i in range(1, 4)]
[True, True, False]
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from cleaner.model import Document, Line

#: A wrapped text is cut at this many columns at least and at most (e-mail 72, html2text 78, lynx 79).
COLUMNS = (50, 160)
#: Lines of at least this many characters with another line of their block after them tell the column.
EVIDENCE_CHARS = 30
#: ... and there must be at least this many of them.
EVIDENCE_LINES = 5
#: The text is wrapped when this share of them is at least `NEAR` times their 90th percentile long;
#: the column is the longest of them up to `BEYOND` times that percentile.
WRAPPED_SHARE = 0.6
NEAR = 0.75
BEYOND = 1.1


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The column the text was wrapped at, or None when it was not wrapped.

    In a wrapped text, a line with another line of its paragraph after it ends just
    before the column where the next word would not fit, so such lines are nearly
    as long as the longest of them: when 60% of them are at least 3/4 of the 90th
    percentile of their lengths, the text is wrapped, at the longest of them up to
    10% past that percentile (a URL that the wrap did not cut may go further).
    """
    lengths = sorted(
        len(line.text)
        for line, after in pairwise(lines)
        if line.block == after.block and len(line.text) >= EVIDENCE_CHARS
    )
    if len(lengths) < EVIDENCE_LINES:
        return None
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    if not COLUMNS[0] <= typical <= COLUMNS[1]:
        return None
    if sum(1 for n in lengths if n >= NEAR * typical) < WRAPPED_SHARE * len(lengths):
        return None
    return max(n for n in lengths if n <= typical * BEYOND)


def continues(line: Line, after: Line, width: int) -> bool:
    """Whether `after` continues the paragraph `line` is part of, in a text wrapped at `width`."""
    if line.block != after.block or len(line.text) > width:
        return False
    first_word = after.text.split(maxsplit=1)[0]
    return len(line.text.rstrip()) + 1 + len(first_word) > width


def wrapped_lines(document: Document) -> set[int]:
    """The lines of a wrapped text that are part of a paragraph cut into several lines."""
    width = document.wrap_width
    if width is None:
        return set()
    lines = document.lines
    found: set[int] = set()
    for line, after in pairwise(lines):
        if continues(line, after, width):
            found.update((line.index, after.index))
    return found
