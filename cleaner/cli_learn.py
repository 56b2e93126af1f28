"""`cleaner learn`: propose site rule files from folders of pages (see cleaner.learn)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cleaner.batch import DEFAULT_INCLUDE
from cleaner.cli_options import IncludeOption, JobsOption, include_patterns, worker_count
from cleaner.learn import Learned, LearnOptions, learn
from cleaner.learn.write import MergeError, write_proposal
from cleaner.rules.schema import RuleFile

MinDocsOption = Annotated[int, typer.Option("--min-docs", help="A line must recur on at least N pages of its site.")]
MinShareOption = Annotated[
    float, typer.Option("--min-share", help="... and on at least this share (0-1) of the site's pages.")
]


def _echo(message: str) -> None:
    typer.echo(message, err=True)


def learn_options(
    min_docs: int, min_share: float, site: str | None, jobs: int, include: tuple[str, ...] = DEFAULT_INCLUDE
) -> LearnOptions:
    """The `LearnOptions` of CLI values; bad values exit with code 2."""
    try:
        workers = worker_count(jobs)
        site = site.lower() if site else None
        return LearnOptions(min_docs=min_docs, min_share=min_share, site=site, workers=workers, include=include)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None


def report_learned(learned: Learned, quiet: bool = False, problems: bool = True) -> None:
    """Problems, pages without a site, and per site what was learned and reported (stderr)."""
    from cleaner.cli import one_line

    for path, problem in learned.problems if problems else ():
        _echo(f"{one_line(path)}: {one_line(problem)}")
    if quiet:
        return
    if learned.unsited:
        _echo(f"{learned.unsited} page(s) without a site: name their folder after the domain or pass --site")
    for proposal in learned.proposals:
        _echo(
            f"{proposal.site}: {proposal.pages} page(s), lines on >= {proposal.threshold}: "
            f"{len(proposal.rules)} rule(s), {len(proposal.reported)} reported"
        )
        for line in proposal.reported:
            _echo(
                f"  not turned into rules: {line.text[:90]!r} on {line.pages} pages "
                f"(looks like article text, p={line.probability:.2f})"
            )


def learn_command(
    paths: Annotated[list[Path], typer.Argument(help="Folders (recursive) or files of pages: .txt, .html, .jsonl (a page per record).")],
    out: Annotated[Path, typer.Option("--out", help="Rules folder to write sites/<domain>.toml into.")] = Path("rules"),
    site: Annotated[
        str | None, typer.Option("--site", help="All pages are from this site (else: URL, or folder named like a domain).")
    ] = None,
    min_docs: MinDocsOption = 3,
    min_share: MinShareOption = 0.5,
    jobs: JobsOption = 0,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would be learned; write nothing.")] = False,
    include: IncludeOption = None,
) -> None:
    """Learn each site's recurring lines (menus, footers, appeals) as rule files.

    Lines that recur on at least --min-docs pages and --min-share of a site's
    pages become drop rules in OUT/sites/<domain>.toml (ids start with
    'learned-'); an existing file is merged: hand-written rules are kept,
    learned ones refreshed. Recurring lines that read like article text are
    reported, not ruled. Check the result with `cleaner rules test OUT`.

    Example: cleaner learn ~/scrape/news.example.com/ --out my-rules
    """
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        _echo(f"{path}: no such file or folder")
    options = learn_options(min_docs, min_share, site, jobs, include_patterns(include))
    learned = learn([p for p in paths if p.exists()], options)
    report_learned(learned)
    failed = bool(missing or learned.problems)
    for proposal in learned.proposals:
        if not proposal.rules:
            continue
        if dry_run:
            for rule in proposal.rules:
                typer.echo(f"{proposal.site}: {rule.id}: {' | '.join(rule.lines)[:100]}  [{rule.pages}/{proposal.pages}]")
            continue
        try:
            change = write_proposal(proposal, out)
        except (MergeError, OSError) as err:
            _echo(f"{out / 'sites' / (proposal.site + '.toml')}: {err}")
            failed = True
            continue
        typer.echo(change.summary())
        for rule in change.added:
            typer.echo(f"  + {rule.id}: {' | '.join(rule.lines)[:100]}")
        for rule_id, pattern in change.removed:
            typer.echo(f"  - {rule_id}: {pattern[:100]}")
    if not learned.proposals:
        _echo("no site found: name the folder after the domain (news.example.com/) or pass --site")
    raise typer.Exit(1 if failed else 0)


def learned_rule_files(
    paths: list[str], site: str | None, jobs: int, quiet: bool, include: tuple[str, ...] = DEFAULT_INCLUDE
) -> tuple[RuleFile, ...]:
    """`cleaner clean --learn`: learn from the inputs in memory (default thresholds); the rule files to add.

    Unreadable inputs are not reported here: the cleaning pass reports them.
    """
    if "-" in paths:
        raise typer.BadParameter("--learn needs files or folders, not '-' (stdin)")
    defaults = LearnOptions()
    options = learn_options(defaults.min_docs, defaults.min_share, site, jobs, include)
    learned = learn([Path(p) for p in paths if Path(p).exists()], options)
    report_learned(learned, quiet, problems=False)
    return learned.rule_files()
