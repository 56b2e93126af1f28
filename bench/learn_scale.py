"""Speed and peak memory of `cleaner.learn` on many synthetic pages of a few sites.

    python bench/learn_scale.py [--pages 20000] [--sites 4] [-j 2] [--keep DIR]

Writes PAGES pages (a site template of menu, appeal and footer lines around
article sentences that no other page has, with page numbers and counts that vary)
into a temporary folder per site, learns them, and prints pages/s, the number of
rules per site, and the peak resident memory of this process and of the workers.
Memory should stay flat as --pages grows (lossy counting of hashed lines).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from cleaner.learn import LearnOptions, learn

WORDS = ["harbour", "council", "bridge", "river", "school", "market", "winter", "summer", "ferry", "museum", "budget", "vote", "mayor", "storm", "road", "teacher", "nurse", "farmer", "station", "library", "festival", "roof", "chapel", "quay", "bakery", "street", "garden", "village", "town", "said", "announced", "described", "welcomed", "questioned", "planned", "opened", "closed", "raised", "cut", "rebuilt", "delayed"]


def page(site: int, n: int, rng: random.Random) -> str:
    menu = f"Home | News {site} | Sport | Weather\nSearch\nSign in"
    body = "\n\n".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 30))).capitalize() + "." for _ in range(6)
    )
    footer = f"Share this story\nComments ({rng.randint(0, 500)})\nSupport our newsroom with a donation\n© 2024 Site {site}"
    return f"{menu}\n\nStory {n}\n\n{body}\n\n{footer}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="write the pages here and keep them")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="learn-scale-"))
    rng = random.Random(7)
    try:
        for n in range(args.pages):
            site = n % args.sites
            folder = root / f"news{site}.example.com" / f"{n // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"p{n}.txt").write_text(page(site, n, rng), encoding="utf-8")
        started = time.perf_counter()
        learned = learn([root], LearnOptions(workers=args.jobs))
        elapsed = time.perf_counter() - started
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rules = {p.site: len(p.rules) for p in learned.proposals}
        print(
            f"{args.pages} pages, {args.sites} site(s), -j {args.jobs}: {elapsed:.1f} s "
            f"({args.pages / elapsed:.0f} pages/s, two passes); rules per site {sorted(set(rules.values()))}; "
            f"peak RSS main {own:.0f} MB, largest worker {workers:.0f} MB"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
