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
from pathlib import Path

#: Languages whose text is not cut into words by spaces: coverage is unreliable there.
MIN_COVERAGE = 0.05
#: Words considered when choosing the language (the first N of the document).
LANGUAGE_SAMPLE = 2000


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
def _languages_by_word() -> dict[str, tuple[str, ...]]:
    folder = stoplist_folder()
    if folder is None:
        return {}
    index: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.txt")):
        for word in stoplist(path.stem):
            index.setdefault(word, []).append(path.stem)
    return {word: tuple(langs) for word, langs in index.items()}


def language_of(words: Iterable[str]) -> str | None:
    """The language whose stoplist covers most of `words` (None when none covers 5%).

    Ties go to the language with the shorter list (a long list covers more by chance).
    """
    index = _languages_by_word()
    counts: Counter[str] = Counter()
    total = 0
    for total, word in enumerate(words, start=1):
        counts[word] += 1
        if total >= LANGUAGE_SAMPLE:
            break
    hits: Counter[str] = Counter()
    for word, count in counts.items():
        for language in index.get(word.lower(), ()):
            hits[language] += count
    if not hits or not total:
        return None
    best = max(hits, key=lambda lang: (hits[lang], -len(stoplist(lang))))
    return best if hits[best] / total >= MIN_COVERAGE else None


def stopword_density(words: Sequence[str], stopwords: frozenset[str]) -> float:
    """Share of `words` (any case) that are stopwords."""
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in stopwords) / len(words)
