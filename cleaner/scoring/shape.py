"""How a line looks: length, sentence punctuation, capitals, separators, teasers.

>>> shape_features("The council voted on Tuesday to rebuild the bridge.", "The council voted on Tuesday to rebuild the bridge".split())["final_punct"]
1.0
>>> shape_features("Home | News | Sport", ["Home", "News", "Sport"])["separators"] > 0
True
>>> shape_features("Mayor unveils budget plan for the next ...", "Mayor unveils budget plan for the next".split())["teaser"]
1.0
"""

from __future__ import annotations

import math

import regex

SENTENCE_END = regex.compile(r"[.!?。！？][\"'”’»)\]]*\s*$")
COLON_END = regex.compile(r"[:\-–—]\s*$")
TEASER_END = regex.compile(r"(\.\.\.|…)[\"'”’»)\]]*\s*$")
SEPARATOR = regex.compile(r"(?:^|\s)[|•·»›/>\-–—:]+(?=\s|$)")
BULLET = regex.compile(r"^\s*(?:[-•*·►▶→✓]|\d{1,2}[.)])\s")
QUOTE = regex.compile(r"[\"“”„«»]")
CLAUSE = regex.compile(r"[,;]")


def shape_features(text: str, words: list[str]) -> dict[str, float]:
    """Length, punctuation and capitalisation features of one line."""
    n_words = len(words)
    capitalised = upper = 0
    letters_in_words = 0
    for word in words:
        letters_in_words += len(word)
        first = word[0]
        if first.isupper():
            capitalised += 1
            if len(word) > 1 and word.isupper():
                upper += 1
    n_chars = len(text)
    stripped = text.rstrip()
    return {
        "log_words": math.log1p(n_words),
        "log_chars": math.log1p(n_chars),
        "one_word": 1.0 if n_words <= 1 else 0.0,
        "short": 1.0 if n_words <= 4 else 0.0,
        "long": 1.0 if n_words >= 20 else 0.0,
        "final_punct": 1.0 if SENTENCE_END.search(stripped) else 0.0,
        "colon_end": 1.0 if COLON_END.search(stripped) else 0.0,
        "teaser": 1.0 if TEASER_END.search(stripped) else 0.0,
        "clauses": min(1.0, len(CLAUSE.findall(text)) / (n_words or 1) * 5),
        "capitalised": capitalised / n_words if n_words else 0.0,
        "all_caps": upper / n_words if n_words else 0.0,
        "separators": min(1.0, len(SEPARATOR.findall(text)) / (n_words or 1) * 2),
        "bullet": 1.0 if BULLET.match(text) else 0.0,
        "quote": 1.0 if QUOTE.search(text) else 0.0,
        "lower_start": 1.0 if stripped[:1].islower() else 0.0,
        "symbols": 1.0 - (letters_in_words / n_chars if n_chars else 0.0),
        "word_length": min(12.0, letters_in_words / n_words) / 12 if n_words else 0.0,
    }
