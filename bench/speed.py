"""Speed of cleaner against trafilatura, the I/O floor, and itself on 1 vs 2 cores.

Prints figures, never asserts: run it, read it, paste it in BENCHMARKS.md.

    python bench/speed.py                       # the whole bench (~2 minutes)
    python bench/speed.py --limit 300           # the first 300 pages, quicker
    python bench/speed.py --profile             # where cleaning spends its time (pip install '.[bench]')
    python bench/speed.py --cli-only --limit 500 --copies 1 --repeat 3   # --jobs 1 vs 2 only

On the `.txt` pages of the bench folder (NAME.txt, with NAME.html.gz beside it):

1. cleaner in one process (`Cleaner.clean_bytes` on bytes already in memory):
   documents/s and MB/s;
2. trafilatura's `extract` on the same pages' HTML (what a user would otherwise
   run): documents/s;
3. a plain read + write copy of the same files: the I/O floor;
4. the `cleaner clean` command on a folder of the same files with `--jobs 1`
   and `--jobs 2` (outputs forced, wall time and peak memory of the run);
5. the ratios between them.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
CLI = [sys.executable, "-c", "from cleaner.cli import app; app(prog_name='cleaner')"]


@dataclass(frozen=True)
class Page:
    text_path: Path
    html_path: Path


@dataclass(frozen=True)
class Rate:
    seconds: float
    documents: int
    megabytes: float

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds

    def line(self, label: str) -> str:
        return (
            f"{label:<34} {self.documents:>6} docs {self.seconds:>8.2f} s "
            f"{self.docs_per_s:>9.1f} docs/s {self.mb_per_s:>7.2f} MB/s"
        )


def find_pages(bench: Path, limit: int) -> list[Page]:
    pages = []
    for text_path in sorted(bench.rglob("*.txt")):
        if text_path.name.endswith((".gold.txt", ".clean.txt")):
            continue
        html_path = text_path.with_name(text_path.name[: -len(".txt")] + ".html.gz")
        if html_path.exists():
            pages.append(Page(text_path, html_path))
    return pages[:limit] if limit else pages


def time_cleaner(texts: list[bytes]) -> tuple[Rate, int]:
    from cleaner.api import Cleaner
    from cleaner.ingest import InputError

    cleaner = Cleaner()
    refused = 0
    for data in texts[:20]:  # warm-up: lazy imports, caches
        try:
            cleaner.clean_bytes(data)
        except InputError:
            pass
    start = time.perf_counter()
    for data in texts:
        try:
            cleaner.clean_bytes(data)
        except InputError:
            refused += 1
    seconds = time.perf_counter() - start
    return Rate(seconds, len(texts), sum(map(len, texts)) / 1e6), refused


def time_trafilatura(htmls: list[bytes]) -> Rate:
    import trafilatura

    for html in htmls[:5]:
        trafilatura.extract(html)
    start = time.perf_counter()
    for html in htmls:
        trafilatura.extract(html)
    seconds = time.perf_counter() - start
    return Rate(seconds, len(htmls), sum(map(len, htmls)) / 1e6)


def time_copy(paths: list[Path], target: Path) -> Rate:
    target.mkdir(parents=True, exist_ok=True)
    size = 0
    start = time.perf_counter()
    for i, path in enumerate(paths):
        data = path.read_bytes()
        (target / f"{i}.txt").write_bytes(data)
        size += len(data)
    seconds = time.perf_counter() - start
    return Rate(seconds, len(paths), size / 1e6)


def run_measured(argv: list[str]) -> tuple[float, int, int, float]:
    """Run a command: wall seconds, exit code, peak RSS in MB of it and its children
    (the largest one), CPU seconds (user + system) of all of them.

    Run these before this process grows: a child's peak RSS counts the memory of
    the parent it was forked from.
    """
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        sys.stderr.write(stderr.decode(errors="replace"))
        raise SystemExit(f"{' '.join(argv[3:])} exited with {process.returncode}")
    return seconds, process.returncode, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def make_folder(paths: list[Path], folder: Path, copies: int) -> float:
    """Copy the inputs `copies` times into `folder` (one subfolder per copy); MB copied."""
    size = 0
    for copy in range(copies):
        sub = folder / f"copy{copy}"
        sub.mkdir(parents=True)
        for i, path in enumerate(paths):
            shutil.copyfile(path, sub / f"{i:05d}.txt")
            size += path.stat().st_size
    return size / 1e6


def profile(texts: list[bytes]) -> None:
    """Print pyinstrument's call tree of cleaning `texts` in one process."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("--profile needs pyinstrument: pip install 'cleaner[bench]'") from None
    profiler = Profiler(interval=0.0005)
    profiler.start()
    rate, _ = time_cleaner(texts)
    profiler.stop()
    print(rate.line("cleaner, one process (profiled)"))
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def cli_runs(pages: list[Page], copies: int) -> tuple[dict[int, tuple[float, int, int, float]], float, int]:
    """`cleaner clean` on a folder of the pages with --jobs 1 and 2, and the start-up time."""
    runs = {}
    with tempfile.TemporaryDirectory(prefix="cleaner-speed-") as temp:
        folder = Path(temp) / "folder"
        megabytes = make_folder([page.text_path for page in pages], folder, copies)
        n_files = len(pages) * copies
        startup, _, startup_rss, _ = run_measured([*CLI, "--version"])
        for jobs in (1, 2):
            out = Path(temp) / f"out{jobs}"
            argv = [*CLI, "clean", str(folder), "--out-dir", str(out), "--jobs", str(jobs), "--force", "-q"]
            runs[jobs] = run_measured(argv)
            seconds, code, rss, cpu = runs[jobs]
            print(
                Rate(seconds, n_files, megabytes).line(f"cleaner clean --jobs {jobs} (CLI)")
                + f"  CPU {cpu:.2f} s, peak RSS {rss} MB (exit {code})"
            )
        print(f"{'CLI start-up (cleaner --version)':<34} {startup:>20.2f} s  peak RSS {startup_rss} MB")
    return runs, startup, n_files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="bench folder (NAME.txt + NAME.html.gz)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    parser.add_argument("--copies", type=int, default=2, help="copies of the pages in the CLI folder run")
    parser.add_argument("--profile", action="store_true", help="only profile cleaning in one process (pyinstrument)")
    parser.add_argument("--cli-only", action="store_true", help="only the CLI --jobs 1 vs --jobs 2 runs")
    parser.add_argument("--repeat", type=int, default=1, help="with --cli-only: run the pair this many times")
    args = parser.parse_args()

    pages = find_pages(args.bench, args.limit)
    if not pages:
        raise SystemExit(f"{args.bench}: no NAME.txt with NAME.html.gz")
    if args.profile:
        profile([page.text_path.read_bytes() for page in pages])
        return
    load = os.getloadavg()[0]
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {load:.2f} at start")
    if load > 0.5:
        print("  (other work is running: --jobs 2 cannot show its speed-up on a busy machine)")
    print(f"pages: {len(pages)} from {args.bench}")
    print()
    if args.cli_only:
        for _ in range(args.repeat):
            runs, startup, _ = cli_runs(pages, args.copies)
            (wall1, *_), (wall2, *_) = runs[1], runs[2]
            print(f"--jobs 2 / --jobs 1 wall-time speed-up: {wall1 / wall2:.2f}x "
                  f"({(wall1 - startup) / (wall2 - startup):.2f}x without start-up); load {os.getloadavg()[0]:.2f}")
        return
    runs, startup, n_files = cli_runs(pages, args.copies)  # first, while this process is small

    texts = [page.text_path.read_bytes() for page in pages]
    htmls = [gzip.decompress(page.html_path.read_bytes()) for page in pages]
    print(f"in one process: {sum(map(len, texts)) / 1e6:.1f} MB text, {sum(map(len, htmls)) / 1e6:.1f} MB HTML")
    cleaner_rate, refused = time_cleaner(texts)
    rss_in_process = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(cleaner_rate.line("cleaner, one process"))
    if refused:
        print(f"  ({refused} pages refused as empty or binary)")
    trafilatura_rate = time_trafilatura(htmls)
    print(trafilatura_rate.line("trafilatura.extract on the HTML"))
    with tempfile.TemporaryDirectory(prefix="cleaner-copy-") as temp:
        copy_rate = time_copy([page.text_path for page in pages], Path(temp))
    print(copy_rate.line("read + write copy (I/O floor)"))

    (wall1, _, rss1, cpu1), (wall2, _, rss2, cpu2) = runs[1], runs[2]
    print()
    print("ratios:")
    print(f"  cleaner / trafilatura, documents/s, one process: {cleaner_rate.docs_per_s / trafilatura_rate.docs_per_s:.1f}x")
    print(f"  cleaner / I/O floor, MB/s:                       {cleaner_rate.mb_per_s / copy_rate.mb_per_s:.3f}x")
    print(f"  --jobs 2 / --jobs 1, wall-time speed-up:         {wall1 / wall2:.2f}x")
    print(f"  --jobs 2 CPU time / --jobs 1 CPU time:           {cpu2 / cpu1:.2f}x (1.00x: no parallel overhead)")
    print(f"peak memory: in-process cleaner {rss_in_process} MB (after loading {len(pages)} pages); CLI folder run "
          f"of {n_files} files (largest process) {rss1} MB with --jobs 1, {rss2} MB with --jobs 2")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
