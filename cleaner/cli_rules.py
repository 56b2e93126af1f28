"""`cleaner rules ...`: check, test, list and explain rule files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cleaner.rules.book import read_dir, shipped_rules_dir
from cleaner.rules.examples import example_problems
from cleaner.rules.load import Problem
from cleaner.rules.prefilter import combinable
from cleaner.rules.schema import RuleFile

rules_app = typer.Typer(help="Check, test, list and explain rule files.", no_args_is_help=True)
DirArg = Annotated[Optional[Path], typer.Argument(help="Rules folder (default: the shipped rules/).")]


def _folder(folder: Path | None) -> tuple[Path, bool]:
    base = folder or shipped_rules_dir()
    if base is None:
        typer.echo("no rules folder found; pass one, e.g. `cleaner rules check ./rules`", err=True)
        raise typer.Exit(2)
    return base, folder is None


def _report(problems: list[Problem], ok: str) -> None:
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(f"{len(problems)} problem(s)", err=True)
        raise typer.Exit(1)
    typer.echo(ok)


@rules_app.command("check")
def check(folder: DirArg = None) -> None:
    """Validate rule files (keys, regexes, ids, examples present). Example: cleaner rules check rules/

    Also notes each file whose rules must be tried line by line (slower), and the rule that makes it so.
    """
    base, shipped = _folder(folder)
    problems: list[Problem] = []
    files = read_dir(base, shipped, problems)
    for rule_file in files:
        for note in (_line_by_line_note(rule_file), *_catch_all_notes(rule_file)):
            if note:
                typer.echo(note, err=True)
    _report(problems, f"{len(files)} file(s), {sum(len(f.rules) for f in files)} rule(s): ok")


def _line_by_line_note(rule_file: RuleFile) -> str | None:
    """Why a file's patterns cannot be scanned together (`cleaner.rules.prefilter`), or None when they can."""
    if rule_file.prefilter is not None:
        return None
    for rule in rule_file.rules:
        for pattern in (rule.pattern, rule.end):
            if pattern is not None and not combinable(pattern.source, pattern.is_regex):
                return (
                    f"note: {rule_file.path}:{rule.line_no}: rule {rule.id}: its pattern (an inline flag, a "
                    "lookaround, an atomic group or possessive quantifier, \\A, \\Z, \\G, a backreference or a named "
                    "group) cannot join the file's combined scan, so its rules are tried line by line (slower); "
                    "for case, use ignore_case = true"
                )
    return f"note: {rule_file.path}: its patterns cannot be scanned together; its rules are tried line by line (slower)"


#: Lines of every kind: a pattern that matches them all matches nearly any line of any page.
CATCH_ALL_PROBES = ("The council voted on Tuesday to rebuild the old bridge.", "Home", "12 March 2024", "Share this")


def _catch_all_notes(rule_file: RuleFile) -> list[str]:
    """A note for each pattern that matches lines of every kind (`CATCH_ALL_PROBES`): every line of every
    page is then a candidate of the file's combined scan and is tried rule by rule (much slower)."""
    notes = []
    for rule in rule_file.rules:
        for pattern in (rule.pattern, rule.end):
            if pattern is not None and all(pattern.search(probe) for probe in CATCH_ALL_PROBES):
                notes.append(
                    f"note: {rule_file.path}:{rule.line_no}: rule {rule.id}: the pattern {pattern.source!r} matches "
                    "lines of every kind, so every line is tried against every rule of the file (much slower)"
                )
    return notes


@rules_app.command("test")
def test(folder: DirArg = None) -> None:
    """Run every rule's drop_examples and keep_examples. Example: cleaner rules test rules/"""
    base, shipped = _folder(folder)
    problems: list[Problem] = []
    files = read_dir(base, shipped, problems)
    for rule_file in files:
        problems += example_problems(rule_file)
    n = sum(len(r.drop_examples) + len(r.keep_examples) for f in files for r in f.rules)
    _report(problems, f"{n} example(s) in {len(files)} file(s): all pass")


@rules_app.command("list")
def list_rules(folder: DirArg = None) -> None:
    """List rule files: scope, domains or language, rule count. Example: cleaner rules list"""
    base, shipped = _folder(folder)
    problems: list[Problem] = []
    for rule_file in read_dir(base, shipped, problems):
        name = ", ".join(rule_file.domains) or rule_file.language
        typer.echo(f"{rule_file.scope:<8}{name:<40}{len(rule_file.rules):>4} rule(s)  {rule_file.path}")
    for problem in problems:
        typer.echo(str(problem), err=True)


@rules_app.command("which")
def which(
    file: Path,
    site: Annotated[Optional[str], typer.Option("--site", help="Force this site.")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="The page's URL.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rules folder.")] = None,
) -> None:
    """Which site, language and rule files apply to FILE, and which rules fire.

    Example: cleaner rules which corpus/independent.co.uk/002_29a9ef628dbd3811.txt
    """
    from cleaner.ingest import document_from_bytes
    from cleaner.rules import apply_rules, load_rulebook

    try:
        document = document_from_bytes(file.read_bytes(), source=str(file), url=url, site=file.parent.name)
    except (OSError, ValueError) as exc:
        typer.echo(f"{file}: {exc}", err=True)
        raise typer.Exit(1) from exc
    book = load_rulebook(tuple(rules or ()))
    selection = book.select(document, site=site)
    typer.echo(f"site={selection.site or '-'}  found by {selection.how}  language={selection.language or '-'}")
    for path in selection.files:
        typer.echo(f"  file {path}")
    for line, verdict in zip(document.lines, apply_rules(selection, document)):
        if verdict.reason is not None:
            action = "keep" if verdict.keep else "drop"
            typer.echo(f"  line {line.index + 1}: {action} {verdict.reason.id} ({verdict.reason.source}): {line.text[:60]}")
        for cut in verdict.cuts:
            typer.echo(f"  line {line.index + 1}: cut {cut.reason.id}: {line.text[cut.span.start:cut.span.end]!r}")
