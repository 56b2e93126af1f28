"""JSONL stream speed and memory: records/s and peak memory of `cleaner jsonl`, by size and --jobs.

Records are the corpus documents (corpus/**/NAME.txt, written for this project),
repeated to the requested count, each with its own id. Each run is a fresh
`cleaner jsonl IN OUT -q -j N` process; peak memory is the largest resident set of
that process or any of its workers (ru_maxrss of the children), so a constant
figure across sizes shows the stream does not grow with its input.

    python bench/jsonl_stream.py                      # 2,000 and 20,000 records, -j 1 and -j 2
    python bench/jsonl_stream.py --records 1000 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def corpus_texts() -> list[str]:
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "corpus").rglob("*.txt"))
        if not p.name.endswith((".clean.txt", ".gold.txt"))
    ]
    if not texts:
        sys.exit("no corpus/**/*.txt documents found")
    return texts


def write_input(path: Path, count: int, texts: list[str]) -> int:
    size = 0
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            line = json.dumps({"id": i, "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n"
            handle.write(line)
            size += len(line)
    return size


def run(source: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak resident MB of one `cleaner jsonl` run (children included)."""
    target = source.with_suffix(".out.jsonl")
    script = (
        "import resource, subprocess, sys; "
        f"subprocess.run([sys.executable, '-m', 'cleaner', 'jsonl', {str(source)!r}, {str(target)!r}, '-q', "
        f"'-j', '{jobs}']); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    return elapsed, int(out.stdout.split()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, action="append", help="input size(s), default 2000 and 20000")
    parser.add_argument("--jobs", type=int, action="append", help="--jobs value(s), default 1 and 2")
    args = parser.parse_args(argv)
    texts = corpus_texts()
    print(f"cores: {os.cpu_count()}, documents: {len(texts)} corpus texts repeated; {resource.getpagesize()} B pages")
    print("| records | input MB | jobs | seconds | records/s | peak RSS MB |")
    print("|--------:|---------:|-----:|--------:|----------:|------------:|")
    with tempfile.TemporaryDirectory() as folder:
        for count in args.records or [2000, 20000]:
            source = Path(folder) / f"in-{count}.jsonl"
            size = write_input(source, count, texts)
            for jobs in args.jobs or [1, 2]:
                seconds, peak = run(source, jobs)
                print(f"| {count:>7} | {size / 1e6:8.1f} | {jobs:>4} | {seconds:7.1f} | {count / seconds:9.0f} | {peak:11.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
