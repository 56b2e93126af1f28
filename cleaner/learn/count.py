"""Count, per site, in how many pages each line occurs: two streaming passes.

Pass 1 (`count_keys`) reads every page once and counts hashed line keys per site
with lossy counting (Manku and Motwani): every `width` pages the keys that can no
longer reach the share `epsilon` are forgotten, so the counters stay small on any
number of pages, and every key whose true count reaches the threshold survives as
a candidate. Pass 2 (`count_candidates`) reads the pages again and counts only the
candidates, exactly, with their text, sample pages, neighbours (for runs of lines)
and, for sentence-like lines, the scorer's stage-1 probability. Reading and hashing
happen in worker processes (`workers`); the counters are merged in this process.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TypeVar

from cleaner.batch import DEFAULT_INCLUDE, HTML_SUFFIXES, Job, discover
from cleaner.ingest import InputError, document_from_bytes, document_from_text
from cleaner.learn.normalise import line_key
from cleaner.model import Document
from cleaner.pool import ordered_map
from cleaner.rules.apply import reads_like_article
from cleaner.rules.domains import registrable_domain

#: Pages per task sent to a worker process.
CHUNK = 32
#: Sample pages, stage-1 probabilities and keep-example lines remembered per line / site.
SAMPLES = 3
#: A keep example must be at least this long (a real sentence of the site).
KEEP_EXAMPLE_MIN_CHARS = 40

T = TypeVar("T")


@dataclass(frozen=True)
class Record:
    """One line of a JSONL file to learn from: its `text` (else its `html`); `url` gives the site."""

    source: str  #: "path:line"
    raw: bytes


#: Files given to learn with these endings are JSONL streams (one page per record).
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".jsonl.zstd")


def pages_under(paths: Iterable[Path], include: Sequence[str] = DEFAULT_INCLUDE) -> Iterator[Job | Record]:
    """Every page once: files under folders (as `cleaner clean` finds them), then each record of a JSONL file given.

    A page reached twice (a folder given twice, or a folder and a file in it, or a
    JSONL file given twice) counts once, as `cleaner clean` cleans it once.
    """
    paths = list(paths)
    streams = {os.path.abspath(p): p for p in paths if p.name.lower().endswith(JSONL_SUFFIXES) and p.is_file()}
    yield from discover([p for p in paths if os.path.abspath(p) not in streams], include=include)
    for path in streams.values():
        from cleaner.jsonl import numbered_lines, open_stream

        with open_stream(str(path), "r") as stream:
            for number, raw in numbered_lines(stream):
                yield Record(f"{path}:{number}", raw)


def _read_record(record: Record, site: str | None) -> tuple[str | None, Document]:
    try:
        data = json.loads(record.raw)
    except ValueError as err:
        raise InputError(f"invalid JSON ({err})") from None
    if not isinstance(data, dict):
        raise InputError("not a JSON object")
    url = data.get("url") if isinstance(data.get("url"), str) and data.get("url") else None
    if isinstance(data.get("text"), str):
        document = document_from_text(data["text"], source=record.source, url=url)
    elif isinstance(data.get("html"), str):
        from cleaner.html import document_from_html

        document, _ = document_from_html(data["html"], source=record.source, url=url)
    else:
        raise InputError('no "text" string (and no "html")')
    found = site or (registrable_domain(document.url) if document.url else None)
    return (registrable_domain(found) if found else None), document


def read_page(job: Job | Record, site: str | None = None) -> tuple[str | None, Document]:
    """One input as a `Document` and its site: `site` > the page's URL > the folder name.

    HTML pages go through trafilatura first, as `cleaner clean` does, so that learned
    lines are the lines cleaning will see. Raises `InputError` or `OSError`.
    """
    if isinstance(job, Record):
        return _read_record(job, site)
    if job.problem:
        raise InputError(job.problem)
    data = job.source.read_bytes()
    if job.source.suffix.lower() in HTML_SUFFIXES:
        from cleaner.html import document_from_html

        document, _ = document_from_html(data, source=str(job.source), site=job.site_hint)
    else:
        document = document_from_bytes(data, source=str(job.source), site=job.site_hint)
    found = site or (registrable_domain(document.url) if document.url else None) or job.site_hint
    return (registrable_domain(found) if found else None), document


@dataclass(frozen=True)
class PageKeys:
    """Pass 1 for one page: its site and the keys of its distinct lines."""

    source: str
    site: str | None
    keys: tuple[bytes, ...] = ()
    problem: str | None = None


def page_keys(job: Job | Record, site: str | None) -> PageKeys:
    try:
        found, document = read_page(job, site)
    except (InputError, OSError) as err:
        return PageKeys(str(job.source), None, problem=str(getattr(err, "strerror", None) or err))
    keys = dict.fromkeys(k for k in (line_key(line.text) for line in document.lines) if k is not None)
    return PageKeys(str(job.source), found, tuple(keys))


@dataclass
class LossyCounter:
    """Approximate page counts of keys for one site, in bounded memory.

    A kept count never exceeds the true count, and true count <= count + delta;
    keys whose true count is below `epsilon` x pages may be forgotten.
    """

    epsilon: float
    pages: int = 0
    counts: dict[bytes, list[int]] = field(default_factory=dict)  #: key -> [count, delta]

    @property
    def width(self) -> int:
        return max(1, math.ceil(1 / self.epsilon))

    def add(self, keys: Iterable[bytes]) -> None:
        self.pages += 1
        bucket = math.ceil(self.pages / self.width)
        for key in keys:
            entry = self.counts.get(key)
            if entry is None:
                self.counts[key] = [1, bucket - 1]
            else:
                entry[0] += 1
        if self.pages % self.width == 0:
            self.counts = {k: e for k, e in self.counts.items() if e[0] + e[1] > bucket}

    def candidates(self, threshold: int) -> frozenset[bytes]:
        """Every key whose true page count may reach `threshold`."""
        return frozenset(k for k, (count, delta) in self.counts.items() if count + delta >= threshold)


@dataclass(frozen=True)
class SeenLine:
    """A candidate line as it occurs on one page."""

    key: bytes
    text: str
    index: int  #: `Line.index` on the page
    probability: float | None  #: stage-1 article-likeness, only for sentence-like lines
    beside_text: bool = False  #: a neighbour is a sentence of the page's own (not a candidate)


@dataclass(frozen=True)
class PageLines:
    """Pass 2 for one page: its candidate lines and one line of its own (a keep example)."""

    source: str
    site: str | None
    lines: tuple[SeenLine, ...] = ()
    own_line: str | None = None


def page_lines(job: Job | Record, site: str | None, candidates: dict[str, frozenset[bytes]]) -> PageLines | None:
    try:
        found, document = read_page(job, site)
    except (InputError, OSError):
        return None  # reported in pass 1
    wanted = candidates.get(found or "", frozenset())
    if not wanted:
        return PageLines(str(job.source), found)
    seen: list[tuple[bytes, int, str]] = []
    own: str | None = None
    own_sentence = [False] * len(document.lines)
    for line in document.lines:
        key = line_key(line.text)
        if key is not None and key in wanted:
            seen.append((key, line.index, line.text))
        elif reads_like_article(line.text.strip()):
            own_sentence[line.index] = True
            if len(line.text) >= KEEP_EXAMPLE_MIN_CHARS and (own is None or len(line.text) > len(own)):
                own = line.text.strip()
    probabilities: dict[int, float] = {}
    if any(reads_like_article(text.strip()) for _, _, text in seen):
        from cleaner.scoring import load_model, score_lines

        scores = score_lines(document, load_model())
        probabilities = {i: scores[i].probability for _, i, text in seen if reads_like_article(text.strip())}
    last = len(document.lines) - 1
    lines = tuple(
        SeenLine(key, text, i, probabilities.get(i), (i > 0 and own_sentence[i - 1]) or (i < last and own_sentence[i + 1]))
        for key, i, text in seen
    )
    return PageLines(str(job.source), found, lines, own)


@dataclass
class SiteCounts:
    """Pass 2 totals for one site (only candidate keys, so small)."""

    pages: int = 0
    docs: Counter[bytes] = field(default_factory=Counter)  #: key -> pages it occurs on
    text: dict[bytes, str] = field(default_factory=dict)  #: key -> first text seen
    varies: set[bytes] = field(default_factory=set)  #: keys seen with more than one text
    samples: dict[bytes, list[str]] = field(default_factory=dict)  #: key -> first sample pages
    probabilities: dict[bytes, list[float]] = field(default_factory=dict)
    beside_text: Counter[bytes] = field(default_factory=Counter)  #: key -> pages where it sits beside own sentences
    pairs: Counter[tuple[bytes, bytes]] = field(default_factory=Counter)  #: (line, next line) -> pages
    own_lines: list[str] = field(default_factory=list)

    def add(self, page: PageLines) -> None:
        self.pages += 1
        if page.own_line and len(self.own_lines) < SAMPLES:
            self.own_lines.append(page.own_line)
        counted: set[bytes] = set()
        for seen in page.lines:
            known = self.text.setdefault(seen.key, seen.text)
            if known != seen.text:
                self.varies.add(seen.key)
            if seen.key not in counted:
                counted.add(seen.key)
                self.docs[seen.key] += 1
                self.beside_text[seen.key] += seen.beside_text
                pages = self.samples.setdefault(seen.key, [])
                if len(pages) < SAMPLES:
                    pages.append(page.source)
            probabilities = self.probabilities.setdefault(seen.key, [])
            if seen.probability is not None and len(probabilities) < SAMPLES:
                probabilities.append(seen.probability)
        pairs = dict.fromkeys((a.key, b.key) for a, b in zip(page.lines, page.lines[1:]) if b.index == a.index + 1)
        self.pairs.update(list(pairs))  # each pair once per page


def _chunks(items: Iterable[T]) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def keys_of_chunk(site: str | None, chunk: list[Job | Record]) -> list[PageKeys]:
    """Pass 1 over a chunk of pages (runs in a worker), with the site `--site` forces or None."""
    return [page_keys(job, site) for job in chunk]


def lines_of_chunk(
    shared: tuple[str | None, dict[str, frozenset[bytes]]], chunk: list[Job | Record]
) -> list[PageLines | None]:
    """Pass 2 over a chunk of pages (runs in a worker), with the forced site and each site's candidate keys."""
    site, candidates = shared
    return [page_lines(job, site, candidates) for job in chunk]


def count_keys(
    jobs: Iterable[Job | Record], site: str | None, epsilon: float, workers: int, on_problem: Callable[[str, str], None]
) -> tuple[dict[str, LossyCounter], int]:
    """Pass 1: a lossy counter per site, and the number of readable pages without a site."""
    counters: dict[str, LossyCounter] = {}
    unsited = 0
    for page in chain.from_iterable(ordered_map(keys_of_chunk, site, _chunks(jobs), workers, window=4)):
        if page.problem is not None:
            on_problem(page.source, page.problem)
        elif page.site is None:
            unsited += 1
        else:
            counters.setdefault(page.site, LossyCounter(epsilon)).add(page.keys)
    return counters, unsited


def count_candidates(
    jobs: Iterable[Job | Record], site: str | None, candidates: dict[str, frozenset[bytes]], workers: int
) -> dict[str, SiteCounts]:
    """Pass 2: exact counts, texts, sample pages and neighbours of the candidate keys."""
    totals: dict[str, SiteCounts] = {}
    for page in chain.from_iterable(ordered_map(lines_of_chunk, (site, candidates), _chunks(jobs), workers, window=4)):
        if page is not None and page.site in candidates:
            totals.setdefault(page.site, SiteCounts()).add(page)
    return totals
