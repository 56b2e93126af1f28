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
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain
from re import Pattern

from cleaner.model import Document
from cleaner.scoring import layout, shape, tokens
from cleaner.scoring.comments import comment_header, count_heading
from cleaner.scoring.credits import credit
from cleaner.scoring.layout import feature_blocks, layout_features
from cleaner.scoring.lexicon import Lexicon
from cleaner.scoring.shape import shape_features
from cleaner.scoring.stopwords import language_of, stoplist, stopword_density
from cleaner.scoring.tokens import QUANTITY, WORD, token_features
from cleaner.scoring.vocabulary import boilerplate_matcher, boilerplate_share, iso_code

#: A line longer than this is described by a sample: its first 40,000 and last
#: 10,000 characters (the longest line of the 1,276 bench pages has 14,084), so a
#: 50 MB text with no newline costs no more than a long paragraph and its word
#: list stays small.
LINE_SAMPLE = 50_000


def _sample(text: str) -> str:
    return text if len(text) <= LINE_SAMPLE else f"{text[: LINE_SAMPLE * 4 // 5]} {text[-LINE_SAMPLE // 5 :]}"

FEATURES: tuple[str, ...] = (
    *shape.NAMES,
    *tokens.NAMES,
    # language
    "stopwords", "stopwords_long", "log_stopwords", "boilerplate", "boilerplate_any",
    *layout.NAMES,
    # captions, comments
    "credit", "comment_header",
)


@dataclass(frozen=True)
class DocumentFeatures:
    """Feature vectors (in `FEATURES` order) and word counts of every line.

    With a lexicon for the document's language, each vector ends with the line's
    lexicon features (`cleaner.scoring.lexicon.FEATURES`).
    """

    language: str | None  #: ISO 639-1 code when known, else the stoplist name, else None
    stoplist_name: str | None
    vectors: tuple[array[float], ...]  #: compact: 8 bytes a feature
    words: tuple[int, ...]
    #: lines that head a comment section with its count ("{ 131 comments }"): the context pass opens the
    #: comment section there (not a feature of the line: the fitted weights do not see it)
    count_headings: tuple[bool, ...]
    #: lines that open with a quantity and a unit ("2 tablespoons olive oil", `tokens.QUANTITY`): a run of them is a
    #: list of the article's (ingredients, parts) for the context pass and `decide` (not a feature of the line)
    quantities: tuple[bool, ...] = ()
    #: the block each line counts in (`layout.feature_blocks`), for the block features and the context pass
    blocks: tuple[int, ...] = ()
    lexicon: Lexicon | None = None  #: the lexicon that scored the lines, if any


#: Where the layout features sit in a vector (the only ones that depend on the rest of the document).
LAYOUT = slice(FEATURES.index(layout.NAMES[0]), FEATURES.index(layout.NAMES[-1]) + 1)
#: Per-document memo of line-local features: (line text, stoplist name) -> the
#: line's vector with its layout features left at 0. `Cleaner.clean` passes one
#: memo to every pass over a document, so the settling passes (which see the kept
#: lines again) and repeated lines cost only their layout features (about 0.5 KB a
#: distinct line; see `api.MEMO_LINES`).
LineMemo = dict[tuple[str, "str | None"], "array[float]"]
_NO_LAYOUT = (0.0,) * len(layout.NAMES)


def line_texts(document: Document) -> list[str]:
    """Each line's text as the features read it (indentation is no feature; a huge line is sampled)."""
    return [_sample(line.text.lstrip()) for line in document.lines]


def document_features(
    document: Document, memo: LineMemo | None = None, lexicons: Mapping[str, Lexicon] | None = None
) -> DocumentFeatures:
    """Compute every feature of every line (language chosen once for the document).

    `lexicons`: fitted lexicons by language; the one of the document's language, if
    any, adds its features to every vector. A memo serves one document and one mapping.
    """
    texts = line_texts(document)
    line_words = [WORD.findall(text) for text in texts]
    name = language_of(chain.from_iterable(line_words))
    stopwords = stoplist(name) if name else frozenset()
    language = iso_code(name)
    matcher = boilerplate_matcher(language)
    lexicon = lexicons.get(language) if lexicons and language else None
    blocks = tuple(feature_blocks(document))
    vectors = []
    for text, words, where in zip(texts, line_words, layout_features(document, line_words, blocks)):
        if memo is None:
            vector = _line_local(text, words, stopwords, matcher, lexicon)
        else:
            local = memo.get((text, name))
            if local is None:
                local = memo[text, name] = _line_local(text, words, stopwords, matcher, lexicon)
            vector = array("d", local)
        vector[LAYOUT] = array("d", where)
        vectors.append(vector)
    counts = tuple(count_heading(text, len(words)) for text, words in zip(texts, line_words))
    # a quantity opens with a digit, a fraction or a bullet: a line that opens with a letter is none
    quantities = tuple(not text.lstrip()[:1].isalpha() and QUANTITY.match(text) is not None for text in texts)
    return DocumentFeatures(
        language, name, tuple(vectors), tuple(len(w) for w in line_words), counts, quantities, blocks, lexicon
    )


def _line_local(
    text: str, words: list[str], stopwords: frozenset[str], matcher: Pattern[str], lexicon: Lexicon | None = None
) -> array[float]:
    """A line's vector of the features that depend on nothing but its text and the language (layout ones at 0)."""
    n_words = len(words)
    density = stopword_density(words, stopwords)
    share = boilerplate_share(text, matcher)
    before = (
        shape_features(text, words)
        + token_features(text, words)
        + (
            density,
            density * min(n_words, 30) / 30,
            math.log1p(density * n_words),
            share,
            1.0 if share > 0 else 0.0,
        )
    )
    own = lexicon.features(text, words) if lexicon is not None else ()
    return array("d", before + _NO_LAYOUT + (credit(text), comment_header(text, words)) + own)
