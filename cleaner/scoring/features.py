"""All per-line features of a document, in one fixed order (`FEATURES`).

Each family lives in its own module (shape, tokens, stopwords, vocabulary, layout);
this module runs them once per document, with the language chosen once.

>>> from cleaner.ingest import make_document
>>> doc = make_document("Home | News\\n\\nThe council voted on Tuesday to rebuild the old bridge over the river.")
>>> found = document_features(doc)
>>> found.language, len(found.vectors), len(found.vectors[0]) == len(FEATURES)
('en', 2, True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import chain

import regex

from cleaner.model import Document
from cleaner.scoring import layout, shape, tokens
from cleaner.scoring.credits import credit
from cleaner.scoring.layout import layout_features
from cleaner.scoring.shape import shape_features
from cleaner.scoring.stopwords import language_of, stoplist, stopword_density
from cleaner.scoring.tokens import token_features
from cleaner.scoring.vocabulary import ISO_CODES, boilerplate_matcher, boilerplate_share

WORD = regex.compile(r"\w+")

FEATURES: tuple[str, ...] = (
    *shape.NAMES,
    *tokens.NAMES,
    # language
    "stopwords", "stopwords_long", "log_stopwords", "boilerplate", "boilerplate_any",
    *layout.NAMES,
    # captions
    "credit",
)


@dataclass(frozen=True)
class DocumentFeatures:
    """Feature vectors (in `FEATURES` order) and word counts of every line."""

    language: str | None  #: ISO 639-1 code when known, else the stoplist name, else None
    stoplist_name: str | None
    vectors: tuple[tuple[float, ...], ...]
    words: tuple[int, ...]

    @property
    def punctuated(self) -> list[bool]:
        """Whether each line ends like a sentence (the `final_punct` feature)."""
        column = FEATURES.index("final_punct")
        return [vector[column] > 0 for vector in self.vectors]


def document_features(document: Document) -> DocumentFeatures:
    """Compute every feature of every line (language chosen once for the document)."""
    line_words = [WORD.findall(line.text) for line in document.lines]
    name = language_of(chain.from_iterable(line_words))
    stopwords = stoplist(name) if name else frozenset()
    language = ISO_CODES.get(name, name) if name else None
    matcher = boilerplate_matcher(language)
    vectors = []
    for line, words, where in zip(document.lines, line_words, layout_features(document)):
        text = line.text
        n_words = len(words)
        density = stopword_density(words, stopwords)
        share = boilerplate_share(text, matcher)
        vectors.append(
            shape_features(text, words)
            + token_features(text, words)
            + (
                density,
                density * min(n_words, 30) / 30,
                math.log1p(density * n_words),
                share,
                1.0 if share > 0 else 0.0,
            )
            + where
            + (credit(text),)
        )
    return DocumentFeatures(language, name, tuple(vectors), tuple(len(w) for w in line_words))
