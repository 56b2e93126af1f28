"""The options several `cleaner` commands share, and how their values become settings.

`cleaner.cli` and the modules of its other commands (`cli_jsonl`, `cli_learn`)
import them from here, so that each of those modules can be imported first.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from cleaner.batch import DEFAULT_INCLUDE
from cleaner.config import Config

ModeOption = Annotated[
    str, typer.Option("--mode", help="precision | balanced | recall: how much to drop when unsure.")
]
SiteOption = Annotated[
    Optional[str], typer.Option("--site", help="Force this site's rules, e.g. independent.co.uk.")
]
NoRulesOption = Annotated[bool, typer.Option("--no-rules", help="Heuristic scoring only, no rule files.")]
NoSiteRulesOption = Annotated[
    bool,
    typer.Option("--no-site-rules", help="Generic rules and heuristics only, as for a site with no rule file."),
]
RulesOption = Annotated[
    Optional[list[Path]], typer.Option("--rules", help="Extra rules folder (repeatable); overrides shipped files.")
]
KeepTitleOption = Annotated[bool, typer.Option("--keep-title", help="Put the recognised title first.")]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", help="Parallel processes (default: all cores).")]
IncludeOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--include",
        help="File names to take from folders: a shell pattern, any case (repeatable; default *.txt *.html *.htm).",
    ),
]


def include_patterns(include: list[str] | None) -> tuple[str, ...]:
    """The `--include` patterns, or the default set; a pattern that cannot name a file exits with code 2."""
    for pattern in include or ():
        if not pattern or "/" in pattern or os.sep in pattern:
            raise typer.BadParameter(f"--include {pattern!r}: a pattern matches file names (*.md), not paths")
    return tuple(include) if include else DEFAULT_INCLUDE


def worker_count(jobs: int) -> int:
    """The number of processes `--jobs` asks for: all cores for 0 (the default)."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def make_config(
    mode: str,
    site: str | None,
    no_rules: bool,
    rules: list[Path] | None,
    keep_title: bool,
    no_site_rules: bool = False,
) -> Config:
    """Build the one `Config` from CLI options; bad values exit with code 2."""
    try:
        return Config(
            mode=mode,  # type: ignore[arg-type]
            use_rules=not no_rules,
            use_site_rules=not no_site_rules,
            site=site.lower() if site else None,
            rules_dirs=tuple(rules or ()),
            keep_title=keep_title,
        )
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
