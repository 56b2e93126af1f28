"""HTML quality: trafilatura alone vs trafilatura + cleaner, per dataset.

For every benchmark page with a `NAME.html.gz` and a `NAME.gold.txt`, trafilatura
extracts the main text (with the settings `cleaner.html.EXTRACTION`, or a variant
given with `--variant`), then cleaner cleans that text exactly as
`cleaner clean page.html` does. Both outputs are scored against the gold body
with the benchmark metric (cleaner.evaluate). Extractions are cached under
`--cache` (outside the repository: bench text must not be copied into it).

    python bench/html_quality.py ../shared/bench                  # the table in BENCHMARKS.md
    python bench/html_quality.py ../shared/bench --variant precision --variant recall
    python bench/html_quality.py ../shared/bench --limit 20       # quick look
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from cleaner.api import Cleaner
from cleaner.evaluate import Page, Scores, find_pages, first_per_dataset
from cleaner.explain import render
from cleaner.html import ExtractedPage, document_from_extracted, extract_html, revise_extracted
from cleaner.ingest import InputError

#: trafilatura variants tried when choosing `cleaner.html.EXTRACTION`.
VARIANTS: dict[str, dict[str, object]] = {
    "shipped": {},
    "default": {"favor_recall": False},
    "precision": {"favor_precision": True, "favor_recall": False},
    "recall": {"favor_recall": True},
    "no-tables": {"include_tables": False},
    "fast": {"fast": True},
    "comments": {"include_comments": True},
}


#: `--plain`: clean the extracted text like whole-page text (no `revise_extracted`).
PLAIN = -1.0


def html_path(page: Page) -> Path:
    return page.text_path.with_name(page.name + ".html.gz")


def _extract(args: tuple[str, str | None, str]) -> dict[str, object]:
    path, url, variant = args
    try:
        data = gzip.decompress(Path(path).read_bytes())
        page = extract_html(data, url=url, options=VARIANTS[variant])
    except InputError as err:
        return {"error": str(err)}
    return {"text": page.text, "url": page.url, "title": page.title}


def extractions(pages: list[Page], variant: str, cache: Path, jobs: int) -> dict[str, dict[str, object]]:
    """name -> extraction record, computed in parallel once and cached."""
    cache.mkdir(parents=True, exist_ok=True)
    store = cache / f"trafilatura-{variant}.jsonl"
    known: dict[str, dict[str, object]] = {}
    if store.exists():
        for raw in store.read_text(encoding="utf-8").splitlines():
            record = json.loads(raw)
            known[record.pop("name")] = record
    todo = [p for p in pages if p.name not in known]
    if todo:
        args = [(str(html_path(p)), p.url, variant) for p in todo]
        with ProcessPoolExecutor(max_workers=jobs) as pool, open(store, "a", encoding="utf-8") as handle:
            for page, record in zip(todo, pool.map(_extract, args, chunksize=8)):
                known[page.name] = record
                handle.write(json.dumps({"name": page.name, **record}, ensure_ascii=False) + "\n")
    return known


def clean_extracted(cleaner: Cleaner, record: dict[str, object], page: Page, drop_below: float | None) -> str:
    """What `cleaner clean page.html` writes; with `drop_below`, that threshold instead of the shipped one."""
    if "text" not in record:
        return ""
    extracted = ExtractedPage(text=str(record["text"]), url=record.get("url"))  # type: ignore[arg-type]
    document = document_from_extracted(extracted, source=page.name, site=page.site)
    if drop_below is None:
        return cleaner.clean(document).text
    unrevised = cleaner.clean(replace(document, origin="page"))
    if drop_below == PLAIN:
        return unrevised.text
    return render(document, revise_extracted(unrevised.decisions, drop_below))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS), help="trafilatura variant(s)")
    parser.add_argument("--limit", type=int, default=0, help="first N pages per dataset")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "cleaner-html-bench")
    parser.add_argument("--mode", default="balanced")
    parser.add_argument(
        "--drop-below", type=float, action="append", help="try this EXTRACTED_DROP_BELOW (repeatable); 1 = plain cleaning"
    )
    parser.add_argument("--plain", action="store_true", help="also clean as whole-page text (no revision)")
    args = parser.parse_args(argv)
    if args.plain:
        args.drop_below = [*(args.drop_below or [None]), PLAIN]

    pages = [p for p in find_pages(args.bench) if html_path(p).exists()]
    if args.limit:
        pages = first_per_dataset(pages, args.limit)
    from cleaner.config import Config

    cleaner = Cleaner(Config(mode=args.mode))
    for variant, drop_below in [(v, d) for v in args.variant or ["shipped"] for d in args.drop_below or [None]]:
        started = time.perf_counter()
        records = extractions(pages, variant, args.cache, args.jobs)
        alone: dict[str, Scores] = {}
        both: dict[str, Scores] = {}
        failures: Counter[str] = Counter()
        for page in pages:
            gold = page.gold_path.read_text(encoding="utf-8", errors="replace")
            record = records[page.name]
            if "error" in record:
                failures[page.dataset] += 1
            alone.setdefault(page.dataset, Scores()).add(gold, str(record.get("text", "")))
            both.setdefault(page.dataset, Scores()).add(gold, clean_extracted(cleaner, record, page, drop_below))
        threshold = "shipped EXTRACTED_DROP_BELOW" if drop_below is None else f"drop below {drop_below}"
        threshold = "plain cleaning, as whole-page text" if drop_below == PLAIN else threshold
        print(f"trafilatura variant: {variant}, cleaner mode {args.mode}, {threshold} ({time.perf_counter() - started:.1f}s)")
        print(format_rows(alone, both, failures))
        print()
    return 0


def format_rows(alone: dict[str, Scores], both: dict[str, Scores], failures: Counter[str]) -> str:
    header = (
        f"| {'dataset':<16}| pages | fail | trafilatura P | R     | F1     | + cleaner P | R     | F1     | ΔF1     |\n"
        f"|{'-' * 17}|------:|-----:|--------------:|------:|-------:|------------:|------:|-------:|--------:|"
    )
    rows = [header]
    total_alone, total_both = Scores(), Scores()
    for name in sorted(alone):
        rows.append(_row(name, alone[name], both[name], failures[name]))
        for total, part in ((total_alone, alone[name]), (total_both, both[name])):
            total.precisions += part.precisions
            total.recalls += part.recalls
            total.pages += part.pages
    rows.append(_row("all", total_alone, total_both, sum(failures.values())))
    return "\n".join(rows)


def _row(name: str, alone: Scores, both: Scores, failed: int) -> str:
    return (
        f"| {name:<16}| {alone.pages:>5} | {failed:>4} | {alone.precision:13.3f} | {alone.recall:.3f} | {alone.f1:.4f} "
        f"| {both.precision:11.3f} | {both.recall:.3f} | {both.f1:.4f} | {both.f1 - alone.f1:+.4f} |"
    )


if __name__ == "__main__":
    sys.exit(main())
