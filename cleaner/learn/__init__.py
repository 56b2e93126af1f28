"""Learn a site's boilerplate from a folder of its pages, as rules a person can review.

The lines that recur on many pages of one site (menus, footers, appeals, widget
labels) are its template; the article text is not. `learn` groups pages by site
(`--site`, else the page's URL, else a folder named like a domain), counts in how
many pages each normalised line occurs (two streaming passes over hashed lines,
see `cleaner.learn.count`), and proposes one drop rule per recurring line or run
of lines (`cleaner.learn.propose`). `cleaner.learn.write` writes them as site rule
files; `cleaner.learn.book` adds them in memory for `cleaner clean --learn`.

>>> import tempfile
>>> from pathlib import Path
>>> root = Path(tempfile.mkdtemp()) / "news.example.com"
>>> root.mkdir()
>>> stories = ["The mayor opened the bridge.", "Rain is due on Friday.", "The team won again.", "Prices rose in May."]
>>> for n, story in enumerate(stories):
...     _ = (root / f"p{n}.txt").write_text(f"Home | World | Sport\\n\\n{story}\\n\\nShare this article\\n")
>>> learned = learn([root])
>>> [(p.site, [r.pattern for r in p.rules]) for p in learned.proposals]
[('example.com', ['Home | World | Sport', 'Share this article'])]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from cleaner.batch import DEFAULT_INCLUDE, Job
from cleaner.learn.count import Record, count_candidates, count_keys, pages_under
from cleaner.learn.propose import LearnedRule, ReportedLine, SiteProposal, Thresholds, propose
from cleaner.rules.domains import registrable_domain
from cleaner.rules.schema import RuleFile

#: Lossy counting forgets lines below this share of a site's pages (`min_share` / 10,
#: at most 0.01 and at least `MIN_EPSILON`): the memory bound of pass 1.
MIN_EPSILON = 0.001


@dataclass(frozen=True)
class LearnOptions:
    """How to learn. Each field is a `cleaner learn` option of the same name.

    min_docs: a line must occur on at least this many pages of its site.
    min_share: ... and on at least this share of the site's pages.
    site: put every page in this site (a registrable domain); None finds each
        page's site from its URL or a folder named like a domain.
    workers: processes reading and counting pages.
    include: the file names taken from folders (`cleaner.batch.DEFAULT_INCLUDE`).
    """

    min_docs: int = 3
    min_share: float = 0.5  # measured: bench/learn_effect.py, BENCHMARKS.md "learn"
    site: str | None = None
    workers: int = 1
    include: tuple[str, ...] = DEFAULT_INCLUDE

    def __post_init__(self) -> None:
        if self.min_docs < 1:
            raise ValueError("min_docs must be at least 1")
        if not 0 <= self.min_share <= 1:
            raise ValueError("min_share must be in [0, 1]")

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(self.min_docs, self.min_share)

    @property
    def epsilon(self) -> float:
        return max(MIN_EPSILON, min(0.01, self.min_share / 10))


@dataclass(frozen=True)
class Learned:
    """What learning found: one proposal per site, and the pages it could not use."""

    proposals: tuple[SiteProposal, ...]
    problems: tuple[tuple[str, str], ...] = ()  #: (path, problem)
    unsited: int = 0  #: readable pages without a site

    def rule_files(self) -> tuple[RuleFile, ...]:
        """The learned rules as in-memory site files (`learned:<site>`)."""
        return tuple(p.rule_file() for p in self.proposals if p.rules)


def learn(
    paths: Iterable[Path],
    options: LearnOptions = LearnOptions(),
    jobs: Callable[[], Iterable[Job | Record]] | None = None,
) -> Learned:
    """Learn every site found under `paths` (folders, recursive; files; JSONL files, a page per record).

    `jobs`, when given, lists the pages instead (called once per pass).
    """
    roots = list(paths)
    list_jobs = jobs or (lambda: pages_under(roots, options.include))
    site = registrable_domain(options.site) if options.site else None
    problems: list[tuple[str, str]] = []
    counters, unsited = count_keys(
        list_jobs(), site, options.epsilon, options.workers, lambda path, problem: problems.append((path, problem))
    )
    thresholds = options.thresholds
    candidates = {
        name: counter.candidates(thresholds.for_pages(counter.pages)) for name, counter in sorted(counters.items())
    }
    candidates = {name: keys for name, keys in candidates.items() if keys}
    totals = count_candidates(list_jobs(), site, candidates, options.workers) if candidates else {}
    proposals = []
    for name, counter in sorted(counters.items()):
        if name in totals:
            proposals.append(propose(name, totals[name], thresholds))
        else:
            proposals.append(SiteProposal(name, counter.pages, thresholds.for_pages(counter.pages), (), ()))
    return Learned(tuple(proposals), tuple(problems), unsited)


__all__ = ["LearnOptions", "Learned", "LearnedRule", "ReportedLine", "SiteProposal", "learn"]
