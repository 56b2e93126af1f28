"""Stopword lists (jusText's, 100 languages, and ours for Chinese and Japanese) and language choice by
stopword coverage.

The lists are read straight from the installed `justext` package's data folder,
without importing `justext` (its import pulls in lxml's HTML cleaner), once per
process; jusText has none for Chinese or Japanese, so `cleaner/data/stoplists/`
holds those two. The document's language is the one whose list covers most of its words;
nothing is downloaded and no model is loaded.

>>> language_of("The council voted on Tuesday to rebuild the old bridge over the river.".split())
'English'
>>> language_of("Der Rat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen.".split())
'German'
>>> round(stopword_density(["the", "bridge", "of", "stone"], stoplist("English")), 2)
0.5
>>> from cleaner.scoring.tokens import WORD
>>> language_of(WORD.findall("市议会周三投票决定，将在明年春天重建这座已经有一百年历史的大桥。")), language_of(WORD.findall("市議会は水曜日、来年の春に橋を建て替えることを決めた。"))
('Chinese', 'Japanese')
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
#: Our lists for languages jusText has none for: Chinese and Japanese, written without spaces, where a
#: character is a word (`tokens.WORD`) and the list holds the function characters (的, 了, 是; の, に, は).
OWN_STOPLISTS = Path(__file__).resolve().parent.parent / "data" / "stoplists"


@cache
def stoplist_folder() -> Path | None:
    """The `stoplists/` folder of the installed justext package (None when absent)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return folder if folder.is_dir() else None


@cache
def _stoplist_paths() -> dict[str, Path]:
    """Each language's stoplist file: jusText's, and ours for the languages it lacks (`OWN_STOPLISTS`)."""
    paths = {path.stem: path for path in sorted(OWN_STOPLISTS.glob("*.txt"))}
    folder = stoplist_folder()
    if folder:
        paths.update((path.stem, path) for path in folder.glob("*.txt"))
    return dict(sorted(paths.items()))


@cache
def stoplist(language: str) -> frozenset[str]:
    """The lower-cased stopwords of one language ('English', 'German', ...); empty if unknown."""
    path = _stoplist_paths().get(language)
    if path is None:
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


@cache
def _languages() -> tuple[str, ...]:
    """Names of the stoplists, sorted."""
    return tuple(_stoplist_paths())


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
