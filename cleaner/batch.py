"""Cleaning many files: find inputs, skip finished work, clean in parallel.

A folder run is a stream of `Job`s (input path, output path, site hint) cleaned
by `clean_file` in this process or in a process pool; each gives an `Outcome`
that the caller folds into a `Summary`. Work done is recorded in a ledger
(`.cleaner-state.jsonl` in each root folder) with the fingerprint of the rules
and settings, so a re-run skips outputs that are newer than their input and were
made the same way.
"""

from __future__ import annotations

import fnmatch
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal

import regex

from cleaner.api import Cleaner
from cleaner.explain import reason_counts, report_record
from cleaner.ingest import InputError
from cleaner.model import CleanResult
from cleaner.pool import ordered_map
from cleaner.writers import TEMP_MARK, remove_stale_temps, write_atomic

#: HTML pages: trafilatura extracts the main text first (cleaner.html); NAME.html -> NAME.clean.txt.
HTML_SUFFIXES = (".html", ".htm")
#: The file names a folder run takes (`--include`): shell patterns matched on the name, any case.
#: Where two inputs in a folder would make one output, the one the earlier pattern names is cleaned.
DEFAULT_INCLUDE = ("*.txt", "*.html", "*.htm")
DEFAULT_SUFFIX = ".clean.txt"
#: Names never taken as input: our outputs and gold files (references for `cleaner eval`).
REFERENCE_SUFFIXES = (".clean.txt", ".gold.txt")
LEDGER_NAME = ".cleaner-state.jsonl"

_DOMAIN = regex.compile(r"^(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})$")

Status = Literal["cleaned", "skipped", "failed"]


@dataclass(frozen=True)
class Job:
    source: Path
    output: Path
    ledger_root: Path
    site_hint: str | None = None
    problem: str | None = None  #: found during discovery (broken link, ...)


@dataclass
class Outcome:
    job: Job
    status: Status
    error: str | None = None
    bytes_in: int = 0
    bytes_out: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    report: dict[str, Any] | None = None
    #: the input's (mtime_ns, size) taken *before* it was read: a file changed
    #: during the run then looks changed to the next run
    source_stat: tuple[int, int] | None = None
    #: problems that did not stop cleaning (`Metadata.warnings`, e.g. `rule-timeout:<file>:<id>`)
    warnings: tuple[str, ...] = ()


@dataclass
class Summary:
    cleaned: int = 0
    skipped: int = 0
    failed: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)  #: warning -> files it was met in
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "cleaned":
            self.cleaned += 1
            self.bytes_in += outcome.bytes_in
            self.bytes_out += outcome.bytes_out
            self.reasons.update(outcome.reasons)
            self.warnings.update(outcome.warnings)
        elif outcome.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1

    def lines(self, top: int = 8) -> list[str]:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        done = self.cleaned + self.skipped + self.failed
        removed = 1 - self.bytes_out / self.bytes_in if self.bytes_in else 0.0
        out = [
            f"files: {self.cleaned} cleaned, {self.skipped} skipped, {self.failed} failed",
            f"bytes: {self.bytes_in:,} in, {self.bytes_out:,} out ({removed:.1%} removed)",
            f"time: {elapsed:.2f}s ({done / elapsed:.1f} files/s)",
        ]
        if self.reasons:
            out.append("top reasons: " + ", ".join(f"{name} {n}" for name, n in self.reasons.most_common(top)))
        if self.warnings:
            shown = ", ".join(f"{name} in {n} file(s)" for name, n in self.warnings.most_common(top))
            out.append(f"warnings: {sum(self.warnings.values())} ({shown})")
        return out


def site_from_folders(path: Path, root: Path) -> str | None:
    """The nearest folder name between `path` and `root` (inclusive) that looks like a domain."""
    for folder in [*path.parents]:
        match = _DOMAIN.match(folder.name.lower())
        if match:
            return match.group(1)
        if folder == root or folder == folder.parent:
            break
    return None


def output_path(source: Path, root: Path, suffix: str, out_dir: Path | None) -> Path:
    stem = source.name[: -len(source.suffix)] if source.suffix else source.name
    name = stem + suffix
    if out_dir is None:
        return source.with_name(name)
    relative = source.parent.relative_to(root) if source.parent != root else Path()
    return out_dir / relative / name


def input_rank(name: str, suffix: str, include: Sequence[str] = DEFAULT_INCLUDE) -> int | None:
    """The index of the first `include` pattern naming `name`, or None if a folder run does not take it.

    Hidden files, our outputs (`suffix`) and gold files are never taken.

    >>> input_rank("Story.TXT", ".clean.txt"), input_rank("story.md", ".clean.txt")
    (0, None)
    >>> input_rank("story.md", ".clean.txt", ["*.txt", "*.md"]), input_rank("story.gold.txt", ".clean.txt")
    (1, None)
    """
    lowered = name.lower()
    if name.startswith(".") or lowered.endswith(suffix.lower()):
        return None
    if any(lowered.endswith(s) for s in REFERENCE_SUFFIXES):
        return None
    return next((i for i, pattern in enumerate(include) if fnmatch.fnmatchcase(lowered, pattern.lower())), None)


def discover(
    paths: Iterable[Path],
    suffix: str = DEFAULT_SUFFIX,
    out_dir: Path | None = None,
    include: Sequence[str] = DEFAULT_INCLUDE,
) -> Iterator[Job]:
    """Every input under `paths` (files or folders, recursive), as jobs in a stable order.

    Files given by name are taken whatever their name; in folders, the names
    `include` matches. An input whose output another input already makes is a
    job with a problem, never a second writer; an input listed twice is one job.
    With one folder, outputs can only meet within a folder, so nothing is
    remembered across folders and memory stays flat.
    """
    paths = list(paths)
    claimed: dict[str, Path] | None = {} if len(paths) > 1 else None  # output -> its input
    for given in paths:
        for job in _walk(given, suffix, out_dir, include) if given.is_dir() else [_given_file(given, suffix, out_dir)]:
            if claimed is not None and job.problem is None:
                first = claimed.setdefault(os.path.abspath(job.output), job.source)
                if first is not job.source:
                    if os.path.abspath(first) == os.path.abspath(job.source):
                        continue  # the same input, listed twice
                    job = replace(job, problem=f"skipped: {first} makes the same output")
            yield job


def _given_file(path: Path, suffix: str, out_dir: Path | None) -> Job:
    root = path.parent
    return Job(
        source=path,
        output=output_path(path, root, suffix, out_dir),
        ledger_root=out_dir or root,
        site_hint=site_from_folders(path, root),
        problem=_problem(path),
    )


def _walk(root: Path, suffix: str, out_dir: Path | None, include: Sequence[str]) -> Iterator[Job]:
    skip = out_dir.resolve() if out_dir is not None and out_dir.exists() else None
    for folder, dirnames, filenames in os.walk(root, onerror=None):
        here = Path(folder)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (skip is None or (here / d).resolve() != skip))
        if out_dir is None and any(name.endswith(TEMP_MARK) for name in filenames):
            remove_stale_temps(here)
        ranked = {name: rank for name in filenames if (rank := input_rank(name, suffix, include)) is not None}
        outputs = {name: output_path(here / name, root, suffix, out_dir) for name in ranked}
        # Each output name goes to the input the earliest pattern names (then the first by name).
        owner: dict[str, str] = {}
        for name in sorted(ranked, key=lambda n: (ranked[n], n)):
            owner.setdefault(outputs[name].name.lower(), name)
        for name in sorted(ranked):
            source = here / name
            problem = _problem(source)
            first = owner[outputs[name].name.lower()]
            if problem is None and first != name:
                problem = f"skipped: {first} beside it makes the same output; clean it alone or rename one"
            yield Job(
                source=source,
                output=outputs[name],
                ledger_root=out_dir or root,
                site_hint=site_from_folders(source, root),
                problem=problem,
            )


def _problem(path: Path) -> str | None:
    """Why `path` cannot be read as an input file, or None (FIFOs would block a read)."""
    if path.is_symlink() and not path.exists():
        return "broken symbolic link"
    if not path.exists():
        return "no such file or folder"
    if not path.is_file():
        return "not a regular file"
    return None


class Ledger:
    """What earlier runs made: output path -> (fingerprint, input mtime, input size)."""

    def __init__(self, root: Path) -> None:
        self.path = root / LEDGER_NAME
        #: output key -> (fingerprint, mtime_ns, size); tuples with one shared
        #: fingerprint string keep this small on folders of many files
        self.entries: dict[str, tuple[str, int, int]] = {}
        self.writable = True
        try:
            with open(self.path, encoding="utf-8") as handle:
                for raw in handle:
                    try:
                        entry = json.loads(raw)
                        self.entries[entry["out"]] = (sys.intern(entry["fp"]), entry["mtime"], entry["size"])
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut by a killed run
        except OSError:
            pass

    def key(self, output: Path) -> str:
        try:
            return str(output.relative_to(self.path.parent))
        except ValueError:
            return str(output.resolve())

    def is_done(self, job: Job, fingerprint: str) -> bool:
        entry = self.entries.get(self.key(job.output))
        if entry is None or entry[0] != fingerprint:
            return False
        try:
            source = job.source.stat()
            output = job.output.stat()
        except OSError:
            return False
        return (
            entry[1] == source.st_mtime_ns
            and entry[2] == source.st_size
            and output.st_mtime_ns >= source.st_mtime_ns
        )

    def record(self, job: Job, fingerprint: str, source_stat: tuple[int, int] | None = None) -> None:
        if not self.writable:
            return
        try:
            if source_stat is None:
                stat = job.source.stat()
                source_stat = (stat.st_mtime_ns, stat.st_size)
            mtime, size = source_stat
            key = self.key(job.output)
            entry = {"out": key, "fp": fingerprint, "mtime": mtime, "size": size}
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry) + "\n")
            self.entries[key] = (fingerprint, mtime, size)
        except OSError:
            self.writable = False


def clean_data(cleaner: Cleaner, source: Path, data: bytes, site_hint: str | None = None) -> CleanResult:
    """Clean one input's bytes: HTML pages (by suffix) through trafilatura, text as it is."""
    if source.suffix.lower() in HTML_SUFFIXES:
        return cleaner.clean_html(data, source=str(source), site=site_hint)
    return cleaner.clean_bytes(data, source=str(source), site=site_hint)


def clean_file(cleaner: Cleaner, job: Job, want_report: bool = False) -> Outcome:
    """Read, clean and write one file; never raises for a bad input."""
    if job.problem:
        return Outcome(job, "failed", job.problem)
    try:
        stat = job.source.stat()
        data = job.source.read_bytes()
    except OSError as err:
        return Outcome(job, "failed", f"cannot read: {err.strerror or err}")
    try:
        result = clean_data(cleaner, job.source, data, job.site_hint)
    except InputError as err:
        return Outcome(job, "failed", str(err), bytes_in=len(data))
    try:
        written = write_atomic(job.output, result.text)
    except OSError as err:
        return Outcome(job, "failed", f"cannot write {job.output}: {err.strerror or err}", bytes_in=len(data))
    report = report_record(result, str(job.source)) if want_report else None
    source_stat = (stat.st_mtime_ns, stat.st_size)
    return Outcome(
        job, "cleaned", None, len(data), written, reason_counts(result.decisions), report, source_stat,
        result.metadata.warnings,
    )


def run(
    cleaner: Cleaner,
    jobs: Iterable[Job],
    *,
    workers: int = 1,
    force: bool = False,
    want_report: bool = False,
    on_outcome: Callable[[Outcome], None] = lambda outcome: None,
) -> Summary:
    """Clean every job, skipping finished ones unless `force`; calls `on_outcome` for each."""
    summary = Summary()
    ledgers: dict[Path, Ledger] = {}

    def finish(outcome: Outcome) -> None:
        if outcome.status == "cleaned":
            ledgers[outcome.job.ledger_root].record(outcome.job, cleaner.fingerprint, outcome.source_stat)
        summary.add(outcome)
        on_outcome(outcome)

    def pending() -> Iterator[Job]:
        for job in jobs:
            ledger = ledgers.get(job.ledger_root)
            if ledger is None:
                ledger = ledgers[job.ledger_root] = Ledger(job.ledger_root)
            if not force and job.problem is None and ledger.is_done(job, cleaner.fingerprint):
                finish(Outcome(job, "skipped"))
                continue
            yield job

    for outcome in ordered_map(partial(clean_file, want_report=want_report), cleaner, pending(), workers):
        finish(outcome)
    return summary
