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

#: A wrapped text is cut at this many columns at least and at most (e-mail 72, html2text 78, lynx and w3m ~80).
COLUMNS = (50, 160)
#: Lines of at least this many characters with another line of their block after them tell the column.
EVIDENCE_CHARS = 30
#: The column is the longest of them up to `BEYOND` times their 90th percentile in length (a URL
#: a wrap did not cut may go further).
BEYOND = 1.1
#: The text is wrapped when at least this share of them, and at least `TIGHT_LINES`, are tight: the
#: next line's first word would not have fitted on them. By chance, one unwrapped line in ten is.
TIGHT_SHARE = 0.5
TIGHT_LINES = 2


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The column the text was wrapped at, or None when it was not wrapped.

    In a wrapped text, a line with another line of its paragraph after it ends
    where the next word would not fit within the column: it is "tight". Text that
    was not wrapped has lines of any length, and only some are tight by chance.
    The lines looked at are those with another line of their block after them, or,
    when those do not show a column, those whose next line goes on in lower case:
    with no blank line between paragraphs, the last lines of paragraphs and the
    headlines, which end anywhere, are most of the first kind.
    """
    pairs = [
        (line, after)
        for line, after in pairwise(lines)
        if line.block == after.block and len(line.text) >= EVIDENCE_CHARS
    ]
    going_on = [(line, after) for line, after in pairs if after.text.lstrip()[:1].islower()]
    return _column(pairs) or _column(going_on)


def _column(pairs: Sequence[tuple[Line, Line]]) -> int | None:
    """The wrap column the (line, next line) pairs show, or None."""
    if len(pairs) < TIGHT_LINES:
        return None
    lengths = sorted(len(line.text) for line, _ in pairs)
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    if not COLUMNS[0] <= typical <= COLUMNS[1]:
        return None
    width = max(n for n in lengths if n <= typical * BEYOND)
    # The line that sets the column is tight whatever the text: it does not count.
    rest = list(pairs)
    rest.pop(next(k for k, (line, _) in enumerate(rest) if len(line.text) == width))
    tight = sum(1 for line, after in rest if continues(line, after, width))
    return width if tight >= TIGHT_LINES and tight >= TIGHT_SHARE * len(rest) else None


def continues(line: Line, after: Line, width: int) -> bool:
    """Whether `after` continues the paragraph `line` is part of, in a text wrapped at `width`."""
    if line.block != after.block or len(line.text) > width:
        return False
    first_word = after.text.split(maxsplit=1)[0]
    return len(line.text.rstrip()) + 1 + len(first_word) > width


def paragraphs(document: Document) -> list[list[int]]:
    """The document's line indices in groups: the lines a wrap cut apart form one group, any other line is alone."""
    width = document.wrap_width
    lines = document.lines
    groups: list[list[int]] = []
    for line in lines:
        if width is not None and groups and continues(lines[groups[-1][-1]], line, width):
            groups[-1].append(line.index)
        else:
            groups.append([line.index])
    return groups


def wrapped_lines(document: Document) -> set[int]:
    """The lines of a wrapped text that are part of a paragraph cut into several lines."""
    return {i for group in paragraphs(document) if len(group) > 1 for i in group}


def pieces(texts: Sequence[str]) -> list[str]:
    """A wrapped paragraph's line texts as they are joined by spaces: the first as it is, the others unindented."""
    return [text if k == 0 else text.lstrip() for k, text in enumerate(texts)]
