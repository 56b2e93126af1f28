"""The `cleaner jsonl` command: clean a stream of JSON records (see cleaner.jsonl)."""

from __future__ import annotations

from typing import IO, Annotated

import typer

from cleaner.api import Cleaner
from cleaner.cli_options import (
    JobsOption,
    KeepTitleOption,
    ModeOption,
    NoRulesOption,
    NoSiteRulesOption,
    RulesOption,
    SiteOption,
    make_config,
    worker_count,
)
from cleaner.jsonl import JsonlOptions, LineOutcome, MissingExtra, clean_stream, open_stream


def jsonl_command(
    source: Annotated[str, typer.Argument(help="Input JSONL file (.gz/.zst by extension); '-' for stdin.")] = "-",
    target: Annotated[str, typer.Argument(help="Output JSONL file (.gz/.zst by extension); '-' for stdout.")] = "-",
    text_field: Annotated[str, typer.Option("--text-field", help="Record field holding the text.")] = "text",
    url_field: Annotated[str, typer.Option("--url-field", help="Record field holding the page URL.")] = "url",
    id_field: Annotated[str, typer.Option("--id-field", help="Record field naming it in error records.")] = "id",
    html_field: Annotated[
        str, typer.Option("--html-field", help="Record field holding HTML, used when there is no text.")
    ] = "html",
    cleaner_field: Annotated[
        str, typer.Option("--cleaner-field", help="Name of the added metadata object.")
    ] = "cleaner",
    in_metadata: Annotated[
        bool, typer.Option("--in-metadata", help="Put it under record['metadata'] (datatrove/dolma layout).")
    ] = False,
    errors: Annotated[
        str | None, typer.Option("--errors", help="Write error records to FILE instead of the output.")
    ] = None,
    jobs: JobsOption = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    mode: ModeOption = "balanced",
    site: SiteOption = None,
    no_rules: NoRulesOption = False,
    no_site_rules: NoSiteRulesOption = False,
    rules: RulesOption = None,
    keep_title: KeepTitleOption = False,
) -> None:
    """Clean a JSONL stream: each record's text is cleaned and a 'cleaner' object added.

    Records keep their order; a malformed line becomes an error record with its
    line number (or goes to --errors FILE) and the stream goes on.

    Example: cleaner jsonl crawl.jsonl.gz clean.jsonl.gz --in-metadata -j 4
    """
    config = make_config(mode, site, no_rules, rules, keep_title, no_site_rules)
    options = JsonlOptions(text_field, url_field, id_field, html_field, cleaner_field, in_metadata)
    workers = worker_count(jobs)
    handles: list[tuple[IO[bytes], bool]] = []  # (stream, opened here)
    try:
        reader = open_stream(source, "r")
        handles.append((reader, source != "-"))
        writer = open_stream(target, "w")
        handles.append((writer, target != "-"))
        error_writer = writer
        if errors is not None:
            error_writer = open_stream(errors, "w")
            handles.append((error_writer, errors != "-"))
    except MissingExtra as err:
        _close(handles)
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from None
    except OSError as err:
        _close(handles)
        typer.echo(f"{err.filename}: {err.strerror or err}", err=True)
        raise typer.Exit(2) from None

    def write(outcome: LineOutcome) -> None:
        if outcome.record is not None:
            writer.write(outcome.record + b"\n")
        elif outcome.error_record is not None:
            error_writer.write(outcome.error_record + b"\n")
            if not quiet:
                typer.echo(f"{source}: {outcome.error}", err=True)

    try:
        summary = clean_stream(Cleaner(config), reader, write, options, workers)
    except KeyboardInterrupt:
        typer.echo("interrupted: the output holds the records cleaned so far, in order", err=True)
        raise typer.Exit(130) from None
    finally:
        _close(handles)
    if not quiet:
        for line in summary.lines():
            typer.echo(line, err=True)
    raise typer.Exit(1 if summary.errors else 0)


def _close(handles: list[tuple[IO[bytes], bool]]) -> None:
    """Close the files opened here (flushing compressed ones); flush stdout."""
    for handle, owned in handles:
        try:
            handle.close() if owned else handle.flush()
        except (OSError, ValueError):
            pass

