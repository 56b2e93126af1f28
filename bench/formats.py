"""Bench F1 with the pages written the other way scrapers write text: one newline between paragraphs.

    python bench/formats.py                    # ../shared/bench, with the shipped rules
    python bench/formats.py --no-rules         # heuristics only
    python bench/formats.py --bench DIR

The bench pages put a blank line between the page's text nodes. Many scrapers put a
single newline there instead. The same page in either form should come out the same,
so this prints the bench table (`cleaner eval`'s, with the unchanged text as the floor)
for the pages as given, with every blank line removed, and with half of the blank
lines removed (chosen at random, seeded by the page's name).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

from cleaner import Cleaner, Config
from cleaner.evaluate import Page, evaluate, find_pages, format_table
from cleaner.ingest import InputError, document_from_text

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
FORMS: dict[str, float] = {"as given": 1.0, "no blank lines": 0.0, "half of the blank lines": 0.5}


def reformat(page: Page, keep_blank: float) -> str:
    """The page's text with each blank line kept with probability `keep_blank`."""
    text = page.text_path.read_bytes().decode("utf-8", errors="replace")
    chance = random.Random(page.name)
    return "\n".join(line for line in text.splitlines() if line.strip() or chance.random() < keep_blank)


def cleaning(cleaner: Cleaner, keep_blank: float) -> Callable[[Page], str]:
    def clean(page: Page) -> str:
        try:
            return cleaner.clean(document_from_text(reformat(page, keep_blank), url=page.url, site=page.site)).text
        except InputError:
            return ""

    return clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--no-rules", action="store_true", help="heuristic scoring only")
    args = parser.parse_args()
    cleaner = Cleaner(Config(use_rules=not args.no_rules))
    pages = list(find_pages(args.bench))
    for name, keep_blank in FORMS.items():
        print(f"## {name}\n{format_table(evaluate(pages, cleaning(cleaner, keep_blank)))}\n")


if __name__ == "__main__":
    main()
