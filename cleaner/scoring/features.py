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

import regex

from cleaner.model import Document
from cleaner.scoring.credits import credit
from cleaner.scoring.layout import layout_features
from cleaner.scoring.shape import shape_features
from cleaner.scoring.stopwords import language_of, stoplist, stopword_density
from cleaner.scoring.tokens import token_features
from cleaner.scoring.vocabulary import ISO_CODES, boilerplate_matcher, boilerplate_share

WORD = regex.compile(r"\w+")

FEATURES: tuple[str, ...] = (
    # shape
    "log_words", "log_chars", "one_word", "short", "long", "final_punct", "colon_end", "teaser", "clauses",
    "capitalised", "all_caps", "separators", "bullet", "quote", "lower_start", "symbols", "word_length",
    # tokens
    "digits", "date", "time", "counter", "url", "email", "handle", "copyright",
    # language
    "stopwords", "stopwords_long", "log_stopwords", "boilerplate", "boilerplate_any",
    # layout
    "position", "head", "tail", "alone", "block_lines", "repeated",
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
    tokens = [WORD.findall(line.text) for line in document.lines]
    name = language_of(word for line_words in tokens for word in line_words)
    stopwords = stoplist(name) if name else frozenset()
    language = ISO_CODES.get(name, name) if name else None
    matcher = boilerplate_matcher(language)
    layout = layout_features(document)
    vectors = []
    for line, words, where in zip(document.lines, tokens, layout):
        found = shape_features(line.text, words)
        found.update(token_features(line.text, words))
        density = stopword_density(words, stopwords)
        share = boilerplate_share(line.text, matcher)
        found["stopwords"] = density
        found["stopwords_long"] = density * min(len(words), 30) / 30
        found["log_stopwords"] = math.log1p(density * len(words))
        found["boilerplate"] = share
        found["boilerplate_any"] = 1.0 if share > 0 else 0.0
        found.update(where)
        found["credit"] = credit(line.text)
        vectors.append(tuple(found[f] for f in FEATURES))
    return DocumentFeatures(language, name, tuple(vectors), tuple(len(w) for w in tokens))
