"""Line labels for training and measuring: is a line part of the gold article body?

A line with at least 4 tokens is article when most of its 4-token shingles occur in
the gold text. A shorter line is article when a 4-token shingle that spans it
together with the end of the line before and the start of the line after occurs in
the gold: the short line must sit in the gold where it sits in the page (a lone
word such as "Share" or "Home" occurring somewhere in the article does not count).
A line without word tokens gets no label (None): it cannot change the shingle metric.

>>> gold = "The council voted on Tuesday to rebuild the bridge. Work starts in spring. Every home counts."
>>> line_labels(["The council voted on Tuesday", "to rebuild the bridge.", "Share this", "Work starts",
...              "in spring.", "Home", "|", "Menu links here"], gold)
[True, True, False, True, True, False, None, False]
"""

from __future__ import annotations

import regex

WORD = regex.compile(r"\w+")
SHINGLE = 4


def line_labels(lines: list[str], gold: str) -> list[bool | None]:
    tokens = WORD.findall(gold)
    shingles = {tuple(tokens[i : i + SHINGLE]) for i in range(max(0, len(tokens) - SHINGLE + 1))}
    words = [WORD.findall(text) for text in lines]
    labels: list[bool | None] = []
    for i, own in enumerate(words):
        if not own:
            labels.append(None)
        elif len(own) >= SHINGLE:
            grams = [tuple(own[j : j + SHINGLE]) for j in range(len(own) - SHINGLE + 1)]
            labels.append(sum(1 for g in grams if g in shingles) * 2 > len(grams))
        else:
            before = _edge(words, i, -1)
            after = _edge(words, i, +1)
            window = before + own + after
            first, last = len(before), len(before) + len(own) - 1
            spans = [
                tuple(window[j : j + SHINGLE])
                for j in range(max(0, len(window) - SHINGLE + 1))
                if j <= last and j + SHINGLE - 1 >= first
            ]
            labels.append(any(g in shingles for g in spans))
    return labels


def _edge(words: list[list[str]], i: int, step: int) -> list[str]:
    """Up to 3 tokens next to line i: the end of the lines before (step -1) or the start of those after (+1)."""
    found: list[str] = []
    j = i + step
    while 0 <= j < len(words) and len(found) < SHINGLE - 1:
        found = words[j] + found if step < 0 else found + words[j]
        j += step
    return found[-(SHINGLE - 1) :] if step < 0 else found[: SHINGLE - 1]
