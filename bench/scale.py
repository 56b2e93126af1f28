"""How cleaner's cost grows: memory with the number of files, time with input size.

Prints figures, never asserts:

    python bench/scale.py                 # ~2 minutes
    python bench/scale.py --files 1000 20000 100000

1. Peak memory of a folder run (`cleaner clean FOLDER --jobs N`, largest process
   of the run) for folders of tiny files of different counts: it should not grow
   with the number of files.
2. Cleaning time in one process for one article repeated 1x, 10x, 100x, a 50 MB
   text with no newline, a million short lines, runs of one character that make
   badly written patterns backtrack, and the same for Markdown: time per MB should
   stay flat.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = [sys.executable, "-c", "from cleaner.cli import app; app(prog_name='cleaner')"]
SENTENCE = (
    "The council voted on Tuesday to rebuild the old stone bridge over the river, "
    "a project that residents have asked for since the floods of last winter."
)
ARTICLE = "\n\n".join(
    [
        "Home | News | Sport | Weather",
        "Council approves new bridge",
        "Share this article",
        *(f"{SENTENCE} Paragraph {i} adds a detail, a quote or a figure." for i in range(12)),
        "Advertisement",
        "Read more:",
        "Sign up to our newsletter",
    ]
)


# The article as a Markdown scrape writes it (read as plain text, `cleaner.markdown`).
MARKDOWN = "\n\n".join(
    [
        "* [Home](https://example.org/) * [News](https://example.org/news) * [Sport](https://example.org/sport)",
        "# Council approves new bridge",
        "![The old bridge](https://example.org/img/bridge.jpg)",
        *(f"{SENTENCE} [Paragraph {i}](https://example.org/{i}) adds a **detail**." for i in range(12)),
        "**Share this article**",
    ]
)


def make_tiny_files(folder: Path, count: int) -> None:
    for i in range(count):
        sub = folder / f"part{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"{i:06d}.txt").write_text(f"Story {i}\n\n{SENTENCE}\n", encoding="utf-8")


def run_measured(argv: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of the largest process of the run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(argv[3:])} exited with {code}")
    return time.perf_counter() - start, usage.ru_maxrss // 1024


def memory_by_file_count(counts: list[int]) -> None:
    print("peak memory of a folder run of tiny files (largest process):")
    print(f"{'files':>8} {'jobs':>5} {'seconds':>8} {'files/s':>8} {'peak RSS MB':>12}")
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="cleaner-scale-") as temp:
            folder = Path(temp)
            make_tiny_files(folder, count)
            for jobs in (1, 2):
                seconds, rss = run_measured([*CLI, "clean", str(folder), "--jobs", str(jobs), "--force", "-q"])
                print(f"{count:>8} {jobs:>5} {seconds:>8.2f} {count / seconds:>8.0f} {rss:>12}")


def inputs() -> list[tuple[str, str]]:
    million_lines = "".join(f"line {i}\n" for i in range(1_000_000))
    words = (SENTENCE + " ") * (50_000_000 // (len(SENTENCE) + 1))
    return [
        ("article x1", ARTICLE),
        ("article x10", "\n\n".join([ARTICLE] * 10)),
        ("article x100", "\n\n".join([ARTICLE] * 100)),
        ("50 MB, no newline", words),
        ("1,000,000 short lines", million_lines),
        ("1 MB of spaces, then a word", " " * 1_000_000 + "word"),
        ("1 MB of '.'", "." * 1_000_000),
        ("1 MB of 'a'", "a" * 1_000_000),
        ("1 MB of '| '", "| " * 500_000),
        ("1 MB of 'é' (non-ASCII)", "é" * 1_000_000),
        ("1 MB of mojibake 'Ã©'", "Ã©" * 500_000),
        ("Markdown article x100", "\n\n".join([MARKDOWN] * 100)),
        ("Markdown, then 1 MB of '['", MARKDOWN + "[" * 1_000_000),
        ("Markdown, then 1 MB of '**a '", MARKDOWN + "**a " * 250_000),
        ("Markdown, then 1 MB of '[a]('", MARKDOWN + "[a](" * 250_000),
        ("Markdown, then 1 MB of '`a'", MARKDOWN + "`a" * 500_000),
        ("Markdown, then 1 MB of '````/```'", MARKDOWN + "\n````\n```" * 125_000),
    ]


def time_by_size() -> None:
    from cleaner.api import Cleaner

    cleaner = Cleaner()
    cleaner.clean_text(ARTICLE)  # warm-up
    print("cleaning time in one process by input size and shape:")
    print(f"{'input':<30} {'MB':>8} {'lines':>9} {'seconds':>9} {'MB/s':>7} {'s per MB':>9}")
    for name, text in inputs():
        megabytes = len(text.encode("utf-8")) / 1e6
        start = time.perf_counter()
        result = cleaner.clean_text(text)
        seconds = time.perf_counter() - start
        lines = len(result.document.lines)
        print(f"{name:<30} {megabytes:>8.3f} {lines:>9} {seconds:>9.3f} {megabytes / seconds:>7.2f} {seconds / megabytes:>9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 20000], help="folder sizes to run")
    parser.add_argument("--skip-memory", action="store_true", help="only the size/time table")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if not args.skip_memory:
        memory_by_file_count(args.files)
        print()
    time_by_size()


if __name__ == "__main__":
    main()
