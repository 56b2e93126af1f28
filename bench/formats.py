"""Bench F1 with the pages written the other ways scrapers write text: one newline between paragraphs, hard-wrapped, Markdown.

    python bench/formats.py                    # ../shared/bench, with the shipped rules
    python bench/formats.py --no-rules         # heuristics only
    python bench/formats.py --again            # also: does cleaning an output again change it?
    python bench/formats.py --scrapers         # also: the pages' HTML through other scrapers (pip install -e '.[bench]')
    python bench/formats.py --bench DIR

The bench pages put a blank line between the page's text nodes. Many scrapers put a
single newline there instead, and text dumps (lynx, w3m, html2text) and e-mail cut
every paragraph into lines of at most N columns. The same page in any of these forms
should come out the same, so this prints the bench table (`cleaner eval`'s, with the
unchanged text as the floor) for the pages as given, with every blank line removed,
with half of the blank lines removed (chosen at random, seeded by the page's name),
wrapped at 78 columns (as html2text does) with and without the blank lines,
with every line indented by three spaces (as lynx does), and on one line, every line
break lost (as BeautifulSoup's `get_text(" ")` and exports that flatten a field write it).

`--scrapers` adds the same pages made from their HTML (`NAME.html.gz`) by other
scrapers: html2text's Markdown (links, images, emphasis, bullets, tables; unwrapped,
as Firecrawl and Jina Reader write it, and wrapped at 78 columns, html2text's
default), html-text's plain text (Scrapinghub's, with its own line layout) and
inscriptis's (layout-preserving: indented, nested lists marked "*", "+", "o", a block's
lines with no blank line between them). Their floor differs from the bench text's: a
scraper can lose or mangle some of the page.
"""

from __future__ import annotations

import argparse
import gzip
import random
import textwrap
from collections.abc import Callable
from functools import partial
from pathlib import Path

from cleaner import Cleaner, Config
from cleaner.evaluate import Page, evaluate, find_pages, format_table
from cleaner.ingest import InputError, document_from_text

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
#: name -> `reformat`'s layout: the share of blank lines kept, the column lines are wrapped at or 0, the
#: indentation, and whether the lines are joined into one
FORMS: dict[str, dict[str, float | int | str | bool]] = {
    "as given": {"keep_blank": 1.0, "width": 0, "indent": ""},
    "no blank lines": {"keep_blank": 0.0, "width": 0, "indent": ""},
    "half of the blank lines": {"keep_blank": 0.5, "width": 0, "indent": ""},
    "wrapped at 78 columns": {"keep_blank": 1.0, "width": 78, "indent": ""},
    "wrapped at 78 columns, no blank lines": {"keep_blank": 0.0, "width": 78, "indent": ""},
    "indented by 3 spaces": {"keep_blank": 1.0, "width": 0, "indent": "   "},
    "on one line": {"keep_blank": 0.0, "width": 0, "indent": "", "one_line": True},
}


def reformat(page: Page, keep_blank: float, width: int, indent: str, one_line: bool = False) -> str:
    """The page's text with each blank line kept with probability `keep_blank`, wrapped at `width` (0: not),
    each line indented by `indent`; with `one_line`, its lines joined by spaces."""
    text = page.text_path.read_bytes().decode("utf-8", errors="replace")
    chance = random.Random(page.name)
    lines = [line for line in text.splitlines() if line.strip() or chance.random() < keep_blank]
    if width:
        lines = [part for line in lines for part in (textwrap.wrap(line, width) or [""])]
    if one_line:
        return " ".join(line.strip() for line in lines if line.strip())
    return "\n".join(indent + line if line else line for line in lines)


def html_of(page: Page) -> str:
    from trafilatura.utils import decode_file

    return decode_file(gzip.decompress(page.text_path.with_name(page.name + ".html.gz").read_bytes()))


def html2text_markdown(width: int) -> Callable[[Page], str]:
    def scrape(page: Page) -> str:
        import html2text

        converter = html2text.HTML2Text()
        converter.body_width = width
        return converter.handle(html_of(page))

    return scrape


def html_text(page: Page) -> str:
    import html_text as scraper

    return scraper.extract_text(html_of(page))


def inscriptis_text(page: Page) -> str:
    from inscriptis import get_text

    return get_text(html_of(page))


SCRAPERS: dict[str, Callable[[Page], str]] = {
    "html2text Markdown": html2text_markdown(0),
    "html2text Markdown wrapped at 78": html2text_markdown(78),
    "html-text": html_text,
    "inscriptis": inscriptis_text,
}


def cleaning(cleaner: Cleaner, form: Callable[[Page], str], changed: list[str] | None) -> Callable[[Page], str]:
    """Clean a page in the given form; with `changed`, also clean the output again and note the pages it changes."""

    def clean(page: Page) -> str:
        text = form(page)
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
    parser.add_argument("--scrapers", action="store_true", help="also the pages' HTML through other scrapers")
    parser.add_argument("--form", action="append", help="only this form (its name as printed; may be repeated)")
    args = parser.parse_args()
    cleaner = Cleaner(Config(use_rules=not args.no_rules))
    pages = list(find_pages(args.bench))
    forms: dict[str, Callable[[Page], str]] = {name: partial(reformat, **layout) for name, layout in FORMS.items()}
    if args.scrapers:
        forms |= SCRAPERS
    if args.form:
        if unknown := set(args.form) - set(forms):
            parser.error(f"unknown form: {', '.join(sorted(unknown))}; the forms are: {'; '.join(forms)}")
        forms = {name: form for name, form in forms.items() if name in args.form}
    for name, form in forms.items():
        changed: list[str] | None = [] if args.again else None
        # The floor is each form's unchanged text.
        print(f"## {name}\n{format_table(evaluate(pages, map(cleaning(cleaner, form, changed), pages), form))}")
        if changed is not None:
            print(f"cleaned again, {len(changed)} of {len(pages)} outputs change: {' '.join(changed[:10])}")
        print()


if __name__ == "__main__":
    main()
