"""The data that flows through cleaner: Document -> Decisions -> CleanResult.

A `Document` is normalised text cut into `Line`s; each line knows its character
offsets into `Document.text` and the `block` (blank-line separated paragraph) it
belongs to. Every line gets exactly one `Decision`: keep or drop, a score, and the
`Reason`s that decided it. A kept line may have `cuts`: spans removed by strip rules
(a boilerplate sentence glued to real text), or the pieces of a line read piece by
piece that the pass dropped (`cleaner.pieces`: the sentences of a page on one line,
the cells of columns side by side). Replaying the decisions over the
document gives the output (`render`), so the decisions *are* the explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

ReasonKind = Literal["rule", "learned", "score", "context", "empty"]


@dataclass(frozen=True)
class Line:
    """One non-blank line of a document."""

    index: int  #: position among the document's lines (0-based)
    start: int  #: character offset of the first character in `Document.text`
    end: int  #: character offset just past the last character (no newline)
    block: int  #: index of the blank-line separated block the line belongs to
    text: str


@dataclass(frozen=True)
class Document:
    """Normalised text with its lines, and what is known about where it came from."""

    text: str
    lines: tuple[Line, ...]
    source: str | None = None  #: file path or record id, for messages
    url: str | None = None
    site: str | None = None  #: registrable domain, when known before cleaning
    #: "page": the whole text of a scraped page (menus, footers and all);
    #: "extracted": the main text an extractor (trafilatura, for HTML input) already
    #: chose, so mostly article: later stages should drop only what they are sure of.
    origin: Literal["page", "extracted"] = "page"
    #: The column a hard-wrapped text was wrapped at (None: not wrapped); see `cleaner.wrapping`.
    wrap_width: int | None = None

    @property
    def n_blocks(self) -> int:
        return self.lines[-1].block + 1 if self.lines else 0


@dataclass(frozen=True)
class Reason:
    """Why a line was kept or dropped.

    `kind` says which stage decided: a rule from a rule file (`rule`), a rule learned
    from a folder (`learned`), the per-line score (`score`), the neighbour and
    main-body pass (`context`). `id` is the rule id or the name of the decision;
    `source` the rule file or model that holds it; `detail` a short human text
    (for scores: the largest feature contributions).
    """

    kind: ReasonKind
    id: str
    source: str = ""
    detail: str = ""

    def label(self) -> str:
        """A short stable label, used to count reasons in summaries."""
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Span:
    """A half-open character range inside a line's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Cut:
    """A part of a kept line removed by a strip rule, or a piece of it the pass dropped (`cleaner.pieces`)."""

    span: Span
    reason: Reason


@dataclass(frozen=True)
class Decision:
    """The verdict on one line."""

    line: int  #: `Line.index`
    keep: bool
    score: float  #: article-likeness in [0, 1]; 1.0/0.0 for rule decisions
    reasons: tuple[Reason, ...]
    cuts: tuple[Cut, ...] = ()
    #: feature -> logit share, in a fixed order (computed when read: see `cleaner.decide.Contributions`)
    contributions: Sequence[tuple[str, float]] = ()

    @property
    def reason(self) -> Reason:
        """The deciding reason (the first)."""
        return self.reasons[0]


@dataclass(frozen=True)
class Metadata:
    """Article fields recognised outside the body."""

    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    date: str | None = None
    language: str | None = None
    site: str | None = None
    rule_files: tuple[str, ...] = ()
    #: things that went wrong but did not stop cleaning, e.g.
    #: `rule-timeout:<rule file>:<rule id>` (a rule's regex ran out of time; see cleaner.rules.apply)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanResult:
    """What cleaning one document gives: the text and everything that explains it."""

    text: str
    document: Document
    decisions: tuple[Decision, ...]
    metadata: Metadata = field(default_factory=Metadata)

    @property
    def dropped(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if not d.keep)
