"""Line labels for training and measuring: is a line part of the gold article body?

A line with at least 4 tokens is article when most of its 4-token shingles occur in
the gold text; a shorter line when its tokens occur in the gold as one run. A line
without word tokens gets no label (None): it cannot change the shingle metric.

>>> gold = "The council voted on Tuesday to rebuild the bridge. Work starts in spring."
>>> line_labels(["The council voted on Tuesday", "Share this article", "Work starts", "|"], gold)
[True, False, True, None]
"""

from __future__ import annotations

import regex

WORD = regex.compile(r"\w+")
SHINGLE = 4


def line_labels(lines: list[str], gold: str) -> list[bool | None]:
    tokens = WORD.findall(gold)
    shingles = {tuple(tokens[i : i + SHINGLE]) for i in range(max(0, len(tokens) - SHINGLE + 1))}
    joined = " " + " ".join(tokens) + " "
    labels: list[bool | None] = []
    for text in lines:
        words = WORD.findall(text)
        if not words:
            labels.append(None)
        elif len(words) >= SHINGLE:
            own = [tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
            labels.append(sum(1 for s in own if s in shingles) * 2 > len(own))
        else:
            labels.append(" " + " ".join(words) + " " in joined)
    return labels
