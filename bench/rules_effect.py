"""Per-site F1 on the benchmark with and without rule files.

    python bench/rules_effect.py [BENCH] [--site DOMAIN] [--draft DOMAIN]

Pages are grouped by the registrable domain of their manifest URL. For every site
that has a rule file, prints pages, F1 without its site file (generic rules and
heuristics, `--no-site-rules`), F1 with it and the change; then, for all pages,
F1 with no rules at all against all rules (generic rules act everywhere). `--draft DOMAIN` prints
candidate line rules for a site: short lines that recur on at least half of its
pages and never occur in a gold file (a starting point to edit by hand, not a rule).
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from cleaner.api import Cleaner
from cleaner.config import Config
from cleaner.evaluate import Page, Scores, find_pages
from cleaner.ingest import InputError
from cleaner.rules.domains import registrable_domain


def domain_of(page: Page) -> str:
    return registrable_domain(page.url) if page.url else (page.site or "")


def score(cleaner: Cleaner, pages: list[Page]) -> Scores:
    scores = Scores()
    for page in pages:
        try:
            doc = page.document()
            text = cleaner.clean(doc).text
        except InputError:
            text = ""
        scores.add(page.gold_path.read_text(encoding="utf-8"), text)
    return scores


def draft(pages: list[Page]) -> None:
    seen: collections.Counter[str] = collections.Counter()
    gold_lines: set[str] = set()
    for page in pages:
        gold_lines |= {l.strip() for l in page.gold_path.read_text(encoding="utf-8").splitlines()}
        seen.update({l.strip() for l in page.text_path.read_text(encoding="utf-8", errors="replace").splitlines() if l.strip()})
    for line, n in seen.most_common():
        if n >= max(2, len(pages) // 2) and line not in gold_lines and len(line.split()) <= 8:
            print(f"{n:>4}  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=Path("/work/shared/bench"))
    parser.add_argument("--site", help="only this registrable domain")
    parser.add_argument("--draft", help="print candidate line rules for this domain")
    args = parser.parse_args()
    pages = list(find_pages(args.bench))
    by_site: dict[str, list[Page]] = collections.defaultdict(list)
    for page in pages:
        by_site[domain_of(page)].append(page)
    if args.draft:
        draft(by_site[args.draft])
        return
    with_rules, generic_only = Cleaner(Config()), Cleaner(Config(use_site_rules=False))
    covered = {d for f in with_rules.rulebook.sites for d in f.domains}
    sites = [args.site] if args.site else sorted(s for s in by_site if s in covered)
    print(f"{'site':<32}{'pages':>6}{'F1 generic':>12}{'F1 + site':>11}{'change':>9}")
    for site in sites:
        before, after = score(generic_only, by_site[site]).f1, score(with_rules, by_site[site]).f1
        print(f"{site:<32}{len(by_site[site]):>6}{before:>12.3f}{after:>11.3f}{after - before:>+9.3f}")
    if not args.site:
        no_rules = Cleaner(Config(use_rules=False))
        print(f"\n{'all pages':<32}{'pages':>6}{'F1 no rules':>12}{'F1 rules':>11}{'change':>9}")
        before, after = score(no_rules, pages).f1, score(with_rules, pages).f1
        print(f"{'all pages':<32}{len(pages):>6}{before:>12.3f}{after:>11.3f}{after - before:>+9.3f}")


if __name__ == "__main__":
    main()
