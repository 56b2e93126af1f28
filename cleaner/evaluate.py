"""Quality measurement: the Scrapinghub article-extraction benchmark metric.

Tokens are `\\w+` matches (case kept); each text becomes the multiset of its
overlapping 4-token shingles. Per page, TP/FP/FN are normalised to sum 1;
precision is the mean over pages with non-empty output, recall the mean over
pages with non-empty gold, and F1 comes from those two means.

>>> tp, fp, fn = shingle_match("one two three four five", "one two three four")
>>> round(tp, 2), round(fp, 2), round(fn, 2)
(0.5, 0.0, 0.5)
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

from cleaner.api import Cleaner
from cleaner.ingest import InputError, document_from_bytes
from cleaner.model import Document

_TOKEN = regex.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def shingle_match(gold: str, output: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of `output` against `gold`."""
    want, got = shingles(gold), shingles(output)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Scores:
    """Running precision/recall means over pages."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    pages: int = 0

    def add(self, gold: str, output: str) -> tuple[float | None, float | None]:
        """Count one page; its (precision, recall), None where the output or the gold is empty."""
        self.pages += 1
        tp, fp, fn = shingle_match(gold, output)
        precision = recall = None
        if _TOKEN.search(output):
            precision = tp / (tp + fp) if tp + fp else 0.0
            self.precisions.append(precision)
        if _TOKEN.search(gold):
            recall = tp / (tp + fn) if tp + fn else 0.0
            self.recalls.append(recall)
        return precision, recall

    @property
    def precision(self) -> float:
        return sum(self.precisions) / len(self.precisions) if self.precisions else 0.0

    @property
    def recall(self) -> float:
        return sum(self.recalls) / len(self.recalls) if self.recalls else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)


@dataclass(frozen=True)
class Page:
    """One benchmark page: whole-page text, gold body, and what the manifest says."""

    name: str
    dataset: str
    text_path: Path
    gold_path: Path
    site: str | None = None
    url: str | None = None

    def document(self) -> Document:
        """The page text as cleaner reads it, with the manifest's site and URL (`InputError` when unreadable)."""
        return document_from_bytes(self.text_path.read_bytes(), source=str(self.text_path), url=self.url, site=self.site)


@dataclass(frozen=True)
class PageScore:
    """One page's precision (None: empty output) and recall (None: empty gold), as `cleaner eval --pages` writes them."""

    page: Page
    precision: float | None
    recall: float | None
    output_words: int
    gold_words: int

    @property
    def f1(self) -> float:
        """The page's F1; an empty output or gold scores 0 against a non-empty other, and 1 when both are empty.

        >>> page = Page("a", "news", Path("a.txt"), Path("a.gold.txt"))
        >>> PageScore(page, 0.5, 1.0, 8, 4).f1, PageScore(page, None, 0.0, 0, 4).f1, PageScore(page, None, None, 0, 0).f1
        (0.6666666666666666, 0.0, 1.0)
        """
        if self.precision is None or self.recall is None:
            return 1.0 if self.precision is None and self.recall is None else 0.0
        return f1_score(self.precision, self.recall)

    def record(self) -> dict[str, object]:
        return {
            "dataset": self.page.dataset,
            "name": self.page.name,
            "path": str(self.page.text_path),
            "precision": _rounded(self.precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
            "output_words": self.output_words,
            "gold_words": self.gold_words,
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def line_labels(source: str, gold: str, output: str) -> list[tuple[bool, bool]]:
    """(is article, was kept) for each non-blank source line, judged against gold and output lines.

    A source line is article text when a gold line covering more than half of it
    occurs in it, and kept when an output line covering more than half of it
    does (so a line a strip rule shortened still counts as kept).

    >>> line_labels("Menu\\nThe council voted.\\nShare", "The council voted.", "The council voted.\\nShare")
    [(False, False), (True, True), (False, True)]
    """
    gold_lines = [line for line in gold.splitlines() if line]
    kept_lines = [line for line in output.splitlines() if line]
    labels = []
    for raw in source.splitlines():
        text = raw.strip()
        if not text:
            continue
        is_article = any(g in text for g in gold_lines if len(g) > 0.5 * len(text))
        kept = any(k in text for k in kept_lines if len(k) > 0.5 * len(text))
        labels.append((is_article, kept))
    return labels


def find_pages(root: Path) -> Iterator[Page]:
    """Every `NAME.txt` with a `NAME.gold.txt` under `root`; dataset = first folder below root.

    A `manifest.jsonl` in `root` (fields `name`, `site`, `url`) adds site and URL.
    """
    manifest: dict[str, dict[str, str]] = {}
    manifest_path = root / "manifest.jsonl"
    if manifest_path.exists():
        for raw in manifest_path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                entry = json.loads(raw)
                manifest[entry["name"]] = entry
    for gold in sorted(root.rglob("*.gold.txt")):
        name = gold.name[: -len(".gold.txt")]
        text = gold.with_name(name + ".txt")
        if not text.exists():
            continue
        relative = gold.parent.relative_to(root)
        dataset = relative.parts[0] if relative.parts else root.name
        entry = manifest.get(name, {})
        yield Page(name, dataset, text, gold, entry.get("site"), entry.get("url"))


def first_per_dataset(pages: list[Page], limit: int) -> list[Page]:
    """The first `limit` pages of each dataset, in order."""
    taken: Counter[str] = Counter()
    chosen = []
    for page in pages:
        if taken[page.dataset] < limit:
            taken[page.dataset] += 1
            chosen.append(page)
    return chosen


def evaluate(
    pages: list[Page],
    outputs: Iterable[str],
    unchanged: Callable[[Page], str] | None = None,
    each: Callable[[PageScore], None] | None = None,
) -> dict[str, tuple[Scores, Scores]]:
    """Per dataset: (scores of the `outputs`, one a page in order, and scores of the unchanged text: the
    page's, or what `unchanged` gives).

    `each`, when given, is called with every page's own scores as it is done.
    """
    table: dict[str, tuple[Scores, Scores]] = defaultdict(lambda: (Scores(), Scores()))
    for page, output in zip(pages, outputs, strict=True):
        gold = page.gold_path.read_text(encoding="utf-8", errors="replace")
        raw = unchanged(page) if unchanged else page.text_path.read_text(encoding="utf-8", errors="replace")
        cleaned, floor = table[page.dataset]
        precision, recall = cleaned.add(gold, output)
        floor.add(gold, raw)
        if each is not None:
            each(PageScore(page, precision, recall, len(_TOKEN.findall(output)), len(_TOKEN.findall(gold))))
    return dict(table)


def clean_page(cleaner: Cleaner, page: Page) -> tuple[str, str | None]:
    """The page cleaned and None, or "" (scored as an empty output) and why it cannot be read."""
    try:
        document = page.document()
    except InputError as error:
        return "", str(error)
    return cleaner.clean(document).text, None


def worst_pages(scores: list[PageScore], n: int) -> str:
    """The `n` pages with the lowest F1, one a line: F1, P, R, dataset and the page's path."""
    rows = [f"worst {min(n, len(scores))} pages by F1:"]
    for score in sorted(scores, key=lambda s: (s.f1, s.page.dataset, s.page.name))[:n]:
        p, r = (f"{v:.3f}" if v is not None else "  -  " for v in (score.precision, score.recall))
        rows.append(f"  F1 {score.f1:.3f}  P {p}  R {r}  {score.page.dataset}  {score.page.text_path}")
    return "\n".join(rows)


def format_table(table: dict[str, tuple[Scores, Scores]]) -> str:
    """One row per dataset (and "all" over several), the name column as wide as the longest name."""
    width = max([len("dataset"), *(len(name) for name in table)]) + 2
    rows = [f"{'dataset':<{width}}{'pages':>6}  {'P':>6}{'R':>7}{'F1':>7}   {'floor P':>8}{'R':>7}{'F1':>7}"]
    everything = (Scores(), Scores())
    for name in sorted(table):
        cleaned, floor = table[name]
        rows.append(_row(name, width, cleaned, floor))
        for total, part in zip(everything, (cleaned, floor)):
            total.precisions += part.precisions
            total.recalls += part.recalls
            total.pages += part.pages
    if len(table) > 1:
        rows.append(_row("all", width, *everything))
    return "\n".join(rows)


def _row(name: str, width: int, cleaned: Scores, floor: Scores) -> str:
    return (
        f"{name:<{width}}{cleaned.pages:>6}  {cleaned.precision:6.3f}{cleaned.recall:7.3f}{cleaned.f1:7.3f}"
        f"   {floor.precision:8.3f}{floor.recall:7.3f}{floor.f1:7.3f}"
    )
