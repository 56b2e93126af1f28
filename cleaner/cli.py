"""The `cleaner` command: a thin layer that parses options and calls the library."""

from __future__ import annotations

import contextlib
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from cleaner import __version__
from cleaner.api import Cleaner
from cleaner.batch import DEFAULT_SUFFIX, Job, Outcome, clean_data, discover, run
from cleaner.cli_jsonl import jsonl_command
from cleaner.cli_learn import learn_command, learned_rule_files
from cleaner.cli_options import (
    IncludeOption,
    JobsOption,
    KeepTitleOption,
    ModeOption,
    NoRulesOption,
    NoSiteRulesOption,
    RulesOption,
    SiteOption,
    include_patterns,
    make_config,
    worker_count,
)
from cleaner.cli_rules import rules_app
from cleaner.explain import explain_table
from cleaner.ingest import InputError

app = typer.Typer(
    name="cleaner",
    help="Strip boilerplate from scraped article text.\n\nExample: cleaner clean ~/scrape/",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Strip boilerplate from scraped article text."""


def _error(message: str) -> None:
    typer.echo(message, err=True)


def _open_for_writing(path: Path) -> TextIO:
    """A report file opened for writing; one that cannot be is a usage error (exit 2), before any file is cleaned."""
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as err:
        _error(f"{one_line(str(path))}: {err.strerror or err}")
        raise typer.Exit(2) from None


def one_line(text: str) -> str:
    """`text` fit for a `path: problem` line: control characters and bytes of
    file names that are not UTF-8 escaped (`new\\nline \\xe9.txt`).

    >>> one_line("/tmp/new\\nline \\udce9.txt")
    '/tmp/new\\\\nline \\\\xe9.txt'
    """
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(char if char.isprintable() or char == " " else repr(char)[1:-1] for char in text)


@app.command()
def clean(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (recursive); '-' reads stdin.")],
    suffix: Annotated[str, typer.Option(help="Output name suffix: NAME.txt -> NAME<suffix>.")] = DEFAULT_SUFFIX,
    out_dir: Annotated[
        Optional[Path], typer.Option("--out-dir", help="Write outputs under DIR, mirroring the tree.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo files whose output is up to date.")] = False,
    jobs: JobsOption = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print every line with keep/drop and its reason; write nothing.")
    ] = False,
    report: Annotated[
        Optional[Path], typer.Option("--report", help="Write one JSONL record of decisions per document.")
    ] = None,
    mode: ModeOption = "balanced",
    site: SiteOption = None,
    no_rules: NoRulesOption = False,
    no_site_rules: NoSiteRulesOption = False,
    rules: RulesOption = None,
    keep_title: KeepTitleOption = False,
    include: IncludeOption = None,
    learn: Annotated[
        bool, typer.Option("--learn", help="First learn each site's recurring lines from PATHS (no files written).")
    ] = False,
) -> None:
    """Clean files or folders, writing NAME.clean.txt next to each NAME.txt.

    Folders give their *.txt, *.html and *.htm files (--include '*.md' for
    Markdown); a file given by name is taken whatever its name.

    Example: cleaner clean ~/scrape/ --jobs 4 --report decisions.jsonl
    """
    config = make_config(mode, site, no_rules, rules, keep_title, no_site_rules)
    patterns = include_patterns(include)
    if learn:
        cleaner = Cleaner(config, learned=learned_rule_files(paths, config.site, jobs, quiet, patterns))
    else:
        cleaner = Cleaner(config)
    if paths == ["-"]:
        raise typer.Exit(_clean_stdin(cleaner, explain))
    if "-" in paths:
        raise typer.BadParameter("'-' (stdin) cannot be mixed with paths")
    roots = [Path(p) for p in paths]
    # Jobs are streamed, never listed, so memory stays flat however many files there are.
    found = discover(roots, suffix=suffix, out_dir=out_dir, include=patterns)
    if explain:
        raise typer.Exit(_explain_files(cleaner, found))
    requested = worker_count(jobs)
    head = list(itertools.islice(found, requested))  # no more workers than files
    workers = min(requested, max(1, len(head)))
    job_stream = itertools.chain(head, found)

    def count_jobs() -> int:
        return sum(1 for _ in discover(roots, suffix=suffix, out_dir=out_dir, include=patterns))

    report_handle = _open_for_writing(report) if report else None
    try:
        summary = _run_with_progress(cleaner, job_stream, count_jobs, workers, force, report_handle, quiet)
    except KeyboardInterrupt:
        _error("interrupted: finished outputs are complete, none is half-written; run again to do the rest")
        raise typer.Exit(130) from None
    finally:
        if report_handle:
            report_handle.close()
    if not quiet:
        for line in summary.lines():
            _error(line)
    raise typer.Exit(1 if summary.failed else 0)


def _run_with_progress(cleaner, jobs, count_jobs, workers, force, report_handle, quiet):  # type: ignore[no-untyped-def]
    show_bar = not quiet and sys.stderr.isatty()
    progress = _progress_bar("cleaning", show_bar)

    def on_outcome(outcome: Outcome) -> None:
        problems = [outcome.error or ""] if outcome.status == "failed" else []
        for message in problems + [warning_line(w) for w in outcome.warnings]:
            _tell(progress, show_bar, f"{one_line(str(outcome.job.source))}: {one_line(message)}")
        if report_handle is not None and outcome.report is not None:
            report_handle.write(json.dumps(outcome.report, ensure_ascii=False) + "\n")
        progress.advance(task)

    with progress:
        task = progress.add_task("clean", total=count_jobs() if show_bar else None)
        return run(
            cleaner, jobs, workers=workers, force=force, want_report=report_handle is not None, on_outcome=on_outcome
        )


def _progress_bar(label: str, show: bool):  # type: ignore[no-untyped-def]
    """A transient bar on stderr (`show`: stderr is a terminal and the run is not quiet)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), disable=not show, transient=True
    )


def _tell(progress, show_bar: bool, message: str) -> None:  # type: ignore[no-untyped-def]
    """A one-line message on stderr, above the progress bar when it shows."""
    if show_bar:
        progress.console.print(message, markup=False, highlight=False)
    else:
        _error(message)


def warning_line(warning: str) -> str:
    """A `Metadata.warnings` entry as a sentence.

    >>> warning_line("rule-timeout:rules/generic/en.toml:share-labels")
    'warning: rule share-labels in rules/generic/en.toml timed out (no match; heuristics decide) [rule-timeout]'
    >>> warning_line("long-line:1:1152")
    'warning: line 1 holds 1152 words: its line breaks were lost, so it is kept or dropped whole [long-line]'
    """
    kind, _, rest = warning.partition(":")
    if kind == "rule-timeout":
        path, _, rule_id = rest.rpartition(":")
        return f"warning: rule {rule_id} in {path} timed out (no match; heuristics decide) [rule-timeout]"
    if kind == "long-line":
        line, _, words = rest.partition(":")
        return (
            f"warning: line {line} holds {words} words: its line breaks were lost, so it is kept or dropped whole"
            " [long-line]"
        )
    return f"warning: {warning}"


def _clean_stdin(cleaner: Cleaner, explain: bool) -> int:
    data = sys.stdin.buffer.read()
    try:
        result = cleaner.clean_bytes(data, source="-")
    except InputError as err:
        _error(f"-: {err}")
        return 1
    for warning in result.metadata.warnings:
        _error(f"-: {warning_line(warning)}")
    if explain:
        sys.stdout.write(explain_table(result))
    else:
        sys.stdout.write(result.text)
    sys.stdout.flush()
    return 0


def _explain_files(cleaner: Cleaner, jobs: Iterable[Job]) -> int:
    failed = 0
    for job in jobs:
        try:
            if job.problem:
                raise InputError(job.problem)
            result = clean_data(cleaner, job.source, job.source.read_bytes(), job.site_hint)
        except (InputError, OSError) as err:
            _error(f"{one_line(str(job.source))}: {one_line(str(getattr(err, 'strerror', None) or err))}")
            failed += 1
            continue
        meta = result.metadata
        typer.echo(f"== {job.source}  site={meta.site or '-'}  rules={','.join(meta.rule_files) or '-'}")
        typer.echo(explain_table(result), nl=False)
    return 1 if failed else 0


@app.command("eval")
def eval_command(
    folder: Annotated[Path, typer.Argument(help="Folder of NAME.txt with NAME.gold.txt (datasets = subfolders).")],
    mode: ModeOption = "balanced",
    no_rules: NoRulesOption = False,
    no_site_rules: NoSiteRulesOption = False,
    rules: RulesOption = None,
    keep_title: KeepTitleOption = False,
    limit: Annotated[int, typer.Option(help="Only the first N pages of each dataset (0: all).")] = 0,
    pages_file: Annotated[
        Optional[Path],
        typer.Option("--pages", help="Write each page's precision, recall and F1 here (JSONL, one record a page)."),
    ] = None,
    worst: Annotated[int, typer.Option(help="Also print the N pages with the lowest F1, with their paths.")] = 0,
    jobs: JobsOption = 0,
) -> None:
    """Score cleaning against gold files: precision, recall, F1 per dataset (4-token shingles).

    The 'floor' columns score the unchanged text. --keep-title scores the output with its
    title line, for gold files that include the title. Example: cleaner eval ../shared/bench --worst 10 -j 4
    """
    from cleaner.evaluate import (
        PageScore,
        clean_page,
        evaluate,
        find_pages,
        first_per_dataset,
        format_table,
        worst_pages,
    )
    from cleaner.pool import ordered_map

    if not folder.is_dir():
        raise typer.BadParameter(f"{folder} is not a folder")
    if worst < 0:
        raise typer.BadParameter("--worst must be 0 or more")
    cleaner = Cleaner(make_config(mode, None, no_rules, rules, keep_title, no_site_rules))
    pages = list(find_pages(folder))
    if limit:
        pages = first_per_dataset(pages, limit)
    show_bar = sys.stderr.isatty()
    progress = _progress_bar("scoring", show_bar)
    scores: list[PageScore] = []

    def outputs() -> Iterator[str]:
        cleaned = ordered_map(clean_page, cleaner, pages, min(worker_count(jobs), max(1, len(pages))))
        for page, (text, problem) in zip(pages, cleaned):
            if problem is not None:  # scored as an empty output
                _tell(progress, show_bar, f"{one_line(str(page.text_path))}: {one_line(problem)}")
            yield text

    with contextlib.ExitStack() as stack:
        records = stack.enter_context(_open_for_writing(pages_file)) if pages_file else None

        def each(score: PageScore) -> None:
            scores.append(score)
            if records is not None:
                records.write(json.dumps(score.record(), ensure_ascii=False) + "\n")
            progress.advance(task)

        stack.enter_context(progress)
        task = progress.add_task("eval", total=len(pages))
        table = evaluate(pages, outputs(), each=each)
    typer.echo(format_table(table))
    if worst:
        typer.echo("\n" + worst_pages(scores, worst))


app.command("jsonl")(jsonl_command)
app.command("learn")(learn_command)

app.add_typer(rules_app, name="rules")

if __name__ == "__main__":
    app()
