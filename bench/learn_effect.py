"""F1 of heuristics alone vs heuristics + rules learned from the other pages of the same site.

    python bench/learn_effect.py [BENCH] [--min-pages 5] [--min-docs 3] [--min-share 0.5] [-j 2] [--site D]

For every site (manifest `site`) with at least --min-pages pages, each page is cleaned
twice with the rule files off (`Config(use_rules=False)`): by the heuristics alone, and
with the rules `cleaner.learn` learns from the site's *other* pages (leave-one-out: the
scored page is never learned from). Scores are the benchmark metric (cleaner.evaluate,
4-token shingles): per site and over all these pages, with the mean number of learned
rules and of lines reported as article-like.
"""

from __future__ import annotations

import argparse
import collections
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cleaner.api import Cleaner
from cleaner.batch import Job
from cleaner.config import Config
from cleaner.evaluate import Page, Scores, find_pages
from cleaner.ingest import InputError, document_from_bytes
from cleaner.learn import LearnOptions, learn


@dataclass
class SiteResult:
    site: str
    plain: Scores
    learned: Scores
    rules: int = 0
    reported: int = 0


def clean(cleaner: Cleaner, page: Page, site: str) -> str:
    try:
        document = document_from_bytes(page.text_path.read_bytes(), source=str(page.text_path), url=page.url, site=site)
    except InputError:
        return ""
    return cleaner.clean(document).text


def site_effect(site: str, pages: list[Page], min_docs: int, min_share: float) -> SiteResult:
    options = LearnOptions(min_docs=min_docs, min_share=min_share, site=site)
    config = Config(use_rules=False, site=site)
    plain = Cleaner(config)
    result = SiteResult(site, Scores(), Scores())
    for page in pages:
        others = [Job(p.text_path, p.text_path, p.text_path.parent) for p in pages if p is not page]
        learned = learn([], options, jobs=lambda others=others: iter(others))  # type: ignore[misc]
        for proposal in learned.proposals:
            result.rules += len(proposal.rules)
            result.reported += len(proposal.reported)
        with_learned = Cleaner(config, learned=learned.rule_files())
        gold = page.gold_path.read_text(encoding="utf-8")
        result.plain.add(gold, clean(plain, page, site))
        result.learned.add(gold, clean(with_learned, page, site))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=Path("/work/shared/bench"))
    parser.add_argument("--min-pages", type=int, default=5, help="sites with at least this many pages")
    parser.add_argument("--min-docs", type=int, default=LearnOptions().min_docs)
    parser.add_argument("--min-share", type=float, default=LearnOptions().min_share)
    parser.add_argument("--site", help="only this site")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="sites measured in parallel")
    args = parser.parse_args()
    by_site: dict[str, list[Page]] = collections.defaultdict(list)
    for page in find_pages(args.bench):
        if page.site:
            by_site[page.site].append(page)
    sites = sorted(s for s, p in by_site.items() if len(p) >= args.min_pages and (not args.site or s == args.site))
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(site_effect, s, by_site[s], args.min_docs, args.min_share) for s in sites]
        results = [f.result() for f in futures]
    print(f"min_docs={args.min_docs} min_share={args.min_share}: {len(sites)} sites with >= {args.min_pages} pages")
    print(f"{'site':<34}{'pages':>6}{'F1 heur':>9}{'F1 +learn':>10}{'change':>8}{'rules':>7}{'reported':>9}")
    overall_plain, overall_learned = Scores(), Scores()
    for r in results:
        n = r.plain.pages
        change = r.learned.f1 - r.plain.f1
        print(f"{r.site:<34}{n:>6}{r.plain.f1:>9.3f}{r.learned.f1:>10.3f}{change:>+8.3f}{r.rules / n:>7.1f}{r.reported / n:>9.1f}")
        for mine, theirs in ((overall_plain, r.plain), (overall_learned, r.learned)):
            mine.precisions += theirs.precisions
            mine.recalls += theirs.recalls
            mine.pages += theirs.pages
    better = sum(r.learned.f1 > r.plain.f1 + 1e-9 for r in results)
    worse = sum(r.learned.f1 < r.plain.f1 - 1e-9 for r in results)
    print(
        f"{'all pages':<34}{overall_plain.pages:>6}{overall_plain.f1:>9.3f}{overall_learned.f1:>10.3f}"
        f"{overall_learned.f1 - overall_plain.f1:>+8.3f}"
    )
    print(
        f"precision {overall_plain.precision:.3f} -> {overall_learned.precision:.3f}, "
        f"recall {overall_plain.recall:.3f} -> {overall_learned.recall:.3f}; "
        f"sites better {better}, worse {worse}, same {len(results) - better - worse}; "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
