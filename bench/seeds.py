"""Line-level figures on the five seed articles: article lines kept, boilerplate lines removed.

    python bench/seeds.py

For each setting (all rules; site rules off, generic rules on; no rules at all)
prints the share of the seeds' article lines kept and of their boilerplate lines
removed, judged line by line against the gold files (`cleaner.evaluate.line_labels`).
Issue 3 asks, with the seed sites' own rules off, for >= 95% kept and >= 90% removed.
"""

from __future__ import annotations

from pathlib import Path

from cleaner import Cleaner, Config
from cleaner.evaluate import line_labels

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_SITES = (
    "londonlovesbusiness.com", "english.alarabiya.net", "independent.co.uk", "odessa-journal.com", "infobae.com",
)
SETTINGS = {
    "all rules": Config(),
    "--no-site-rules (generic rules + heuristics)": Config(use_site_rules=False),
    "--no-rules (heuristics only)": Config(use_rules=False),
}


def main() -> None:
    seeds = sorted(p for site in SEED_SITES for p in (CORPUS / site).glob("*.txt") if p.name.count(".") == 1)
    print(f"{'setting':<46}{'article kept':>14}{'boilerplate removed':>21}")
    for name, config in SETTINGS.items():
        cleaner = Cleaner(config)
        labels = []
        for seed in seeds:
            output = cleaner.clean_bytes(seed.read_bytes(), source=str(seed), site=seed.parent.name).text
            gold = seed.with_name(seed.stem + ".gold.txt").read_text(encoding="utf-8")
            labels += line_labels(seed.read_text(encoding="utf-8"), gold, output)
        article = [kept for is_article, kept in labels if is_article]
        boilerplate = [kept for is_article, kept in labels if not is_article]
        kept_share = sum(article) / len(article)
        removed_share = 1 - sum(boilerplate) / len(boilerplate)
        counts = f"({len(article)} article, {len(boilerplate)} boilerplate lines)"
        print(f"{name:<46}{kept_share:>13.1%} {removed_share:>19.1%}   {counts}")


if __name__ == "__main__":
    main()
