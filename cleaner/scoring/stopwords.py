"""Stopword lists (jusText's, 100 languages) and language choice by stopword coverage.

The lists are read straight from the installed `justext` package's data folder,
without importing `justext` (its import pulls in lxml's HTML cleaner), once per
process. The document's language is the one whose list covers most of its words;
nothing is downloaded and no model is loaded.

>>> language_of("The council voted on Tuesday to rebuild the old bridge over the river.".split())
'English'
>>> language_of("Der Rat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen.".split())
'German'
>>> round(stopword_density(["the", "bridge", "of", "stone"], stoplist("English")), 2)
0.5
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import filterfalse, islice
from pathlib import Path

#: Languages whose text is not cut into words by spaces: coverage is unreliable there.
MIN_COVERAGE = 0.05
#: Words considered when choosing the language (the first N of the document that are not numbers).
LANGUAGE_SAMPLE = 2000
ENGLISH = "English"


@cache
def stoplist_folder() -> Path | None:
    """The `stoplists/` folder of the installed justext package (None when absent)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return folder if folder.is_dir() else None


@cache
def stoplist(language: str) -> frozenset[str]:
    """The lower-cased stopwords of one language ('English', 'German', ...); empty if unknown."""
    folder = stoplist_folder()
    path = folder / f"{language}.txt" if folder else None
    if path is None or not path.is_file():
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


@cache
def _languages() -> tuple[str, ...]:
    """Names of the stoplists, sorted."""
    folder = stoplist_folder()
    return tuple(path.stem for path in sorted(folder.glob("*.txt"))) if folder else ()


@cache
def _languages_by_word() -> dict[str, tuple[int, ...]]:
    """Each stopword -> the positions in `_languages()` of the lists that hold it, for choosing the language.

    jusText drew its lists from each language's Wikipedia, and several hold English
    words and names: Finnish's 6,813 words take in 100 of English's 453, Marathi's
    250 (and "apple", "david", "island", ...). An English page with a blogroll or a
    list of names was read as Finnish (7 bench pages). So for choosing, an English
    stopword counts for English only; the features still use each language's whole list.
    """
    languages = _languages()
    english = stoplist(ENGLISH) if ENGLISH in languages else frozenset()
    index: dict[str, list[int]] = {}
    for position, language in enumerate(languages):
        for word in stoplist(language):
            if language == ENGLISH or word not in english:
                index.setdefault(word, []).append(position)
    return {word: tuple(positions) for word, positions in index.items()}


def language_of(words: Iterable[str]) -> str | None:
    """The language whose stoplist covers most of `words` (None when none covers 5%).

    Numbers are left out (a calendar widget or an archive list is no language's
    text). Ties go to the language with the shorter list (a long list covers more
    by chance), then to the first name in alphabetical order.
    """
    index = _languages_by_word()
    counts = Counter(map(str.lower, islice(filterfalse(str.isdigit, words), LANGUAGE_SAMPLE)))
    total = sum(counts.values())
    languages = _languages()
    hits = [0] * len(languages)
    for word in counts.keys() & index.keys():  # the stopwords among the words, found in C
        count = counts[word]
        for position in index[word]:
            hits[position] += count
    top = max(hits, default=0)
    if not total or not top:
        return None
    best = min((i for i, h in enumerate(hits) if h == top), key=lambda i: (len(stoplist(languages[i])), i))
    return languages[best] if top / total >= MIN_COVERAGE else None


def stopword_density(words: Sequence[str], stopwords: frozenset[str]) -> float:
    """Share of `words` (any case) that are stopwords."""
    if not words:
        return 0.0
    return sum(map(stopwords.__contains__, map(str.lower, words))) / len(words)
