"""How often the recognised title is the page's title, on the bench pages whose gold file opens with it.

    python bench/titles.py                 # ../shared/bench
    python bench/titles.py --bench DIR
    python bench/titles.py --fit           # fit metadata.TITLE_WEIGHTS (needs the `train` extra)

A page counts when its gold file's first line looks like a headline (3-25 words,
no full stop, no date: some gold files open with the date instead) and occurs as a
line of the page text. For each dataset it prints how often `CleanResult.metadata.title`
is that line (right), another line (wrong: that line went out of the body as the
title), or nothing (none: the title stayed where the scorer put it); with the
page's URL from the manifest, as a JSONL record or the API may give it; with the
file's name only, as for a folder of scraped `.txt` files (the name's words stand in
for the URL's: the bench's names hold a topic or site, "chaos_north-korea-1"); and
with neither.

`--fit` collects every page's title candidates with their facts
(`cleaner.metadata.title_candidates`, on the decisions the metadata step sees),
both with the URL and with neither, never with the file's name (the bench's names
hold topic words our users' files may not), and fits a conditional logistic model: each page
chooses one of its candidates or none (logit 0), L2 penalty 0.01. It prints the
weights to paste into `cleaner/metadata.py` (`TITLE_WEIGHTS`, `TITLE_BIAS`) and,
for bars from 0.5 to 2, the right / wrong / none counts the fitted model gives; the
bar is the one with the most right titles minus twice the wrong ones (a wrong title
takes a line out of the body and misleads whoever reads the metadata).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from unittest import mock

from cleaner import Cleaner, api
from cleaner.config import Config
from cleaner.evaluate import find_pages
from cleaner.ingest import InputError, document_from_bytes
from cleaner.metadata import TITLE_WEIGHTS, FoundMetadata, find_metadata, title_candidates
from cleaner.model import Document
from cleaner.scoring.tokens import DATE, WORD

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
VERDICTS = ("right", "wrong", "none")
FACTS = tuple(TITLE_WEIGHTS)
L2 = 0.01


@dataclass(frozen=True)
class TitledPage:
    dataset: str
    document: Document
    headline: list[str]  #: the gold headline's words
    site_rules: bool = True


def titled_pages(bench: Path) -> Iterator[TitledPage]:
    for page in find_pages(bench):
        gold = page.gold_path.read_text(encoding="utf-8").splitlines()
        first = next((line.strip() for line in gold if line.strip()), "")
        words = WORD.findall(first)
        if not 3 <= len(words) <= 25 or first.endswith(".") or DATE.search(first):
            continue
        try:
            document = page.document()
        except InputError:
            continue
        if any(WORD.findall(line.text) == words for line in document.lines):
            yield TitledPage(page.dataset, document, words)


def corpus_pages(corpus: Path) -> Iterator[TitledPage]:
    """Our corpus documents (site from the folder, as `cleaner clean` takes it), with the title their
    `NAME.gold.json` gives; each also without its site file."""
    for gold in sorted(corpus.rglob("*.gold.json")):
        title = json.loads(gold.read_text(encoding="utf-8"))["title"]
        source = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if title:
            document = document_from_bytes(source.read_bytes(), source=str(source), site=source.parent.name)
            yield TitledPage("corpus", document, WORD.findall(title))
            yield TitledPage("corpus, generic rules", document, WORD.findall(title), site_rules=False)


def verdict(title: str | None, headline: list[str]) -> str:
    return "none" if title is None else "right" if WORD.findall(title) == headline else "wrong"


def cleaners() -> dict[bool, Cleaner]:
    """By `TitledPage.site_rules`."""
    return {True: Cleaner(), False: Cleaner(Config(use_site_rules=False))}


def variants(document: Document) -> dict[str, Document]:
    """The page as a JSONL record or API call with its URL may give it, as a file in a folder (no URL:
    the file's name stands in for it), and with neither."""
    return {
        "with the URL": document,
        "file name only": replace(document, url=None),
        "neither": replace(document, url=None, source=None),
    }


def row_order(dataset: str) -> tuple[bool, bool, str]:
    """The bench's datasets, then "all", then the corpus rows."""
    return dataset == "all" or dataset.startswith("corpus"), dataset.startswith("corpus"), dataset


def measure(pages: list[TitledPage]) -> None:
    by_rules = cleaners()
    counts: Counter[tuple[str, str, str]] = Counter()
    for page in pages:
        for how, document in variants(page.document).items():
            found = verdict(by_rules[page.site_rules].clean(document).metadata.title, page.headline)
            for dataset in (page.dataset, "all") if not page.dataset.startswith("corpus") else (page.dataset,):
                counts[dataset, how, found] += 1
    hows = list(variants(pages[0].document))
    print(f"{'':30}" + "".join(f"{how:>24}" for how in hows))
    print(f"{'dataset':<24}{'pages':>6}" + f"{'right':>8}{'wrong':>8}{'none':>8}" * len(hows))
    for dataset in sorted({d for d, _, _ in counts}, key=row_order):
        rows = [[counts[dataset, how, v] for v in VERDICTS] for how in hows]
        print(f"{dataset:<24}{sum(rows[0]):>6}" + "".join(f"{n:>8}" for row in rows for n in row))


def fit(pages: list[TitledPage]) -> None:
    import numpy as np
    from scipy.optimize import minimize

    seen: list[tuple[Document, tuple, str | None]] = []

    def record(document, decisions, url=None, language=None) -> FoundMetadata:  # type: ignore[no-untyped-def]
        seen.append((document, decisions, language))
        return find_metadata(document, decisions, url, language)

    by_rules = cleaners()
    problems = []  # (facts of each candidate, index of the headline among them or -1)
    for page in pages:
        for document in (replace(page.document, source=None), variants(page.document)["neither"]):
            seen.clear()
            with mock.patch.object(api, "find_metadata", record):
                by_rules[page.site_rules].clean(document)
            _, decisions, language = seen[0]  # the first pass's decisions (later passes see the clean text)
            candidates = title_candidates(document, decisions, language=language)
            facts = np.array([[f[name] for name in FACTS] for _, f in candidates]).reshape(-1, len(FACTS))
            lines = [i for i, _ in candidates]
            right = [j for j, i in enumerate(lines) if WORD.findall(document.lines[i].text) == page.headline]
            problems.append((facts, right[0] if right else -1))

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        weights, bias = params[:-1], params[-1]
        total, grad = L2 * weights @ weights, np.append(2 * L2 * weights, 0.0)
        for facts, right in problems:
            logits = facts @ weights + bias
            top = max(0.0, logits.max(initial=0.0))
            exps = np.exp(logits - top)
            norm = np.exp(-top) + exps.sum()
            total += top + np.log(norm) - (logits[right] if right >= 0 else 0.0)
            share = exps / norm
            grad[:-1] += share @ facts - (facts[right] if right >= 0 else 0.0)
            grad[-1] += share.sum() - (1.0 if right >= 0 else 0.0)
        return total, grad

    params = minimize(loss, np.zeros(len(FACTS) + 1), jac=True, method="L-BFGS-B").x
    print(f"{len(pages)} pages, each with its URL and with neither URL nor file name; conditional logit, L2 {L2}")
    print("TITLE_WEIGHTS = {" + ", ".join(f'"{n}": {w:.2f}' for n, w in zip(FACTS, params[:-1])) + "}")
    print(f"TITLE_BIAS = {params[-1]:.2f}")
    best = None
    for bar in np.arange(0.5, 2.01, 0.25):
        counts = Counter()
        for facts, right in problems:
            logits = facts @ params[:-1] + params[-1]
            chosen = int(logits.argmax()) if len(logits) and logits.max() >= bar else None
            counts["none" if chosen is None else "right" if chosen == right else "wrong"] += 1
        value = counts["right"] - 2 * counts["wrong"]
        print(f"bar {bar:.2f}: right {counts['right']}, wrong {counts['wrong']}, none {counts['none']}")
        if best is None or value > best[0]:
            best = (value, bar)
    print(f"TITLE_BAR = {best[1]:.2f}  (most right - 2 x wrong)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--fit", action="store_true", help="fit the title score's weights and print them")
    args = parser.parse_args()
    pages = list(titled_pages(args.bench)) + list(corpus_pages(args.corpus))
    (fit if args.fit else measure)(pages)


if __name__ == "__main__":
    main()
