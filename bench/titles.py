"""How often the recognised title is the page's title, on the bench pages whose gold file opens with it.

    python bench/titles.py                 # ../shared/bench
    python bench/titles.py --bench DIR

A page counts when its gold file's first line looks like a headline (3-25 words,
no full stop, no date: some gold files open with the date instead) and occurs as a
line of the page text. For each dataset it prints how often `CleanResult.metadata.title`
is that line (right), another line (wrong: that line went out of the body as the
title), or nothing (none: the title stayed where the scorer put it).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from cleaner import Cleaner
from cleaner.evaluate import find_pages
from cleaner.ingest import InputError
from cleaner.scoring.tokens import DATE, WORD

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    args = parser.parse_args()
    cleaner = Cleaner()
    counts: Counter[tuple[str, str]] = Counter()
    for page in find_pages(args.bench):
        first = next((line.strip() for line in page.gold_path.read_text(encoding="utf-8").splitlines() if line.strip()), "")
        words = WORD.findall(first)
        if not 3 <= len(words) <= 25 or first.endswith(".") or DATE.search(first):
            continue
        try:
            document = page.document()
        except InputError:
            continue
        if not any(WORD.findall(line.text) == words for line in document.lines):
            continue
        title = cleaner.clean(document).metadata.title
        verdict = "none" if title is None else "right" if WORD.findall(title) == words else "wrong"
        for dataset in (page.dataset, "all"):
            counts[dataset, verdict] += 1
    print(f"{'dataset':<18}{'pages':>6}{'right':>8}{'wrong':>8}{'none':>8}")
    for dataset in sorted({d for d, _ in counts}, key=lambda d: (d == "all", d)):
        row = [counts[dataset, v] for v in ("right", "wrong", "none")]
        print(f"{dataset:<18}{sum(row):>6}" + "".join(f"{n:>8}" for n in row))


if __name__ == "__main__":
    main()
