"""Bench F1 with the pages written the other ways scrapers write text: one newline between paragraphs, hard-wrapped.

    python bench/formats.py                    # ../shared/bench, with the shipped rules
    python bench/formats.py --no-rules         # heuristics only
    python bench/formats.py --again            # also: does cleaning an output again change it?
    python bench/formats.py --bench DIR

The bench pages put a blank line between the page's text nodes. Many scrapers put a
single newline there instead, and text dumps (lynx, w3m, html2text) and e-mail cut
every paragraph into lines of at most N columns. The same page in any of these forms
should come out the same, so this prints the bench table (`cleaner eval`'s, with the
unchanged text as the floor) for the pages as given, with every blank line removed,
with half of the blank lines removed (chosen at random, seeded by the page's name),
wrapped at 78 columns (as html2text does) with and without the blank lines, and
with every line indented by three spaces (as lynx does).
"""

from __future__ import annotations

import argparse
import random
import textwrap
from collections.abc import Callable
from pathlib import Path

from cleaner import Cleaner, Config
from cleaner.evaluate import Page, evaluate, find_pages, format_table
from cleaner.ingest import InputError, document_from_text

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
#: name -> (the share of blank lines kept, the column lines are wrapped at or 0, the indentation of each line)
FORMS: dict[str, tuple[float, int, str]] = {
    "as given": (1.0, 0, ""),
    "no blank lines": (0.0, 0, ""),
    "half of the blank lines": (0.5, 0, ""),
    "wrapped at 78 columns": (1.0, 78, ""),
    "wrapped at 78 columns, no blank lines": (0.0, 78, ""),
    "indented by 3 spaces": (1.0, 0, "   "),
}


def reformat(page: Page, keep_blank: float, width: int, indent: str) -> str:
    """The page's text with each blank line kept with probability `keep_blank`, wrapped at `width` (0: not),
    each line indented by `indent`."""
    text = page.text_path.read_bytes().decode("utf-8", errors="replace")
    chance = random.Random(page.name)
    lines = [line for line in text.splitlines() if line.strip() or chance.random() < keep_blank]
    if width:
        lines = [part for line in lines for part in (textwrap.wrap(line, width) or [""])]
    return "\n".join(indent + line if line else line for line in lines)


def cleaning(cleaner: Cleaner, form: tuple[float, int, str], changed: list[str] | None) -> Callable[[Page], str]:
    """Clean a page in the given layout; with `changed`, also clean the output again and note the pages it changes."""

    def clean(page: Page) -> str:
        text = reformat(page, *form)
        try:
            output = cleaner.clean(document_from_text(text, url=page.url, site=page.site)).text
            if (
                changed is not None
                and output
                and cleaner.clean_text(output, url=page.url, site=page.site).text != output
            ):
                changed.append(page.name)
            return output
        except InputError:
            return ""

    return clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--no-rules", action="store_true", help="heuristic scoring only")
    parser.add_argument("--again", action="store_true", help="also count the outputs that cleaning again changes")
    args = parser.parse_args()
    cleaner = Cleaner(Config(use_rules=not args.no_rules))
    pages = list(find_pages(args.bench))
    for name, form in FORMS.items():
        changed: list[str] | None = [] if args.again else None
        print(f"## {name}\n{format_table(evaluate(pages, cleaning(cleaner, form, changed)))}")
        if changed is not None:
            print(f"cleaned again, {len(changed)} of {len(pages)} outputs change: {' '.join(changed[:10])}")
        print()


if __name__ == "__main__":
    main()
