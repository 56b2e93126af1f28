"""The Python API: `Cleaner` (load once, reuse) and `clean_text` (one call).

>>> from cleaner import clean_text
>>> page = "Home | News | Sport\\n\\n" + "The council voted on Tuesday to rebuild the old bridge over the river, " \\
...     "a project that residents have asked for since the floods of last winter.\\n\\nShare this article\\n"
>>> print(clean_text(page).text, end="")
The council voted on Tuesday to rebuild the old bridge over the river, a project that residents have asked for since the floods of last winter.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from cleaner import __version__
from cleaner.config import Config, digest
from cleaner.decide import from_pieces, judge
from cleaner.explain import kept_offsets, kept_text, render
from cleaner.html import document_from_html, extraction_fingerprint, revise_extracted
from cleaner.ingest import document_from_bytes, document_from_text
from cleaner.metadata import find_metadata
from cleaner.model import CleanResult, Cut, Decision, Document, Line, Metadata, Span
from cleaner.pieces import flattened, piece_view
from cleaner.rules import RuleBook, load_rulebook, run_rules
from cleaner.rules.schema import RuleFile
from cleaner.scoring import ScoringModel, load_model
from cleaner.scoring.features import LineMemo

#: Metadata fields an HTML page can supply (from trafilatura) when cleaning found none.
HTML_METADATA = ("title", "byline", "date", "language")
#: At most this many extra passes over the output (`Cleaner._settle`); each drops at least one line, and the
#: loop ends at the first that drops none. A headline list between prose captions can need five or six:
#: each pass takes away a caption, and with it the kept neighbour that held a short line between two.
SETTLE_PASSES = 8
#: Documents of up to this many lines share line features between passes (`features.LineMemo`);
#: longer ones recompute them, so that a million-line text does not hold a second copy.
MEMO_LINES = 100_000
#: A line of at least this many words is a text whose line breaks were lost (`long-line` warning): unless it
#: holds the page and is read as its sentences (`cleaner.pieces`), it is kept or dropped as a whole.
LONG_LINE_WORDS = 1_000


class Cleaner:
    """Rules and weights loaded once; clean any number of documents.

    Picklable (it holds only plain data), so it can be sent to process pools.
    """

    def __init__(
        self,
        config: Config | None = None,
        rules_dirs: tuple[Path, ...] | None = None,
        model: ScoringModel | None = None,
        learned: tuple[RuleFile, ...] = (),
    ) -> None:
        config = config or Config()
        if rules_dirs is not None:
            config = Config(**{**config.__dict__, "rules_dirs": tuple(Path(p) for p in rules_dirs)})
        self.config = config
        self.rulebook: RuleBook = load_rulebook(config.rules_dirs) if config.use_rules else RuleBook()
        if not config.use_site_rules:
            self.rulebook = RuleBook(self.rulebook.digest, sites=(), generic=self.rulebook.generic)
        if learned:  # site rules learned in memory (`clean --learn`, cleaner.learn); they apply even with use_rules off
            from cleaner.learn.book import with_learned

            self.rulebook = with_learned(self.rulebook, learned)
        self.learned = bool(learned)
        self.model: ScoringModel = model or load_model()  # `model`: other weights, e.g. while fitting them
        self.fingerprint = digest(
            __version__, config.fingerprint_parts(), self.rulebook.digest, self.model.digest, extraction_fingerprint()
        )

    def clean(self, document: Document) -> CleanResult:
        """Decide every line of a document and render the clean text."""
        memo: LineMemo | None = {} if len(document.lines) <= MEMO_LINES else None
        with _cycle_collection_paused():
            decisions, metadata = self._decide(document, memo)
            decisions, metadata = self._settle(document, decisions, metadata, memo)
        if long_lines := _long_lines(document):
            metadata = replace(metadata, warnings=metadata.warnings + long_lines)
        title = metadata.title if self.config.keep_title else None
        return CleanResult(render(document, decisions, title), document, decisions, metadata)

    def _decide(self, document: Document, memo: LineMemo | None) -> tuple[tuple[Decision, ...], Metadata]:
        """One pass: rules, scores, the context pass and metadata.

        A page on one line and lines laid out in columns (`cleaner.pieces`) go through the
        pass as their pieces (sentences, cells), and each such line keeps the pieces the pass
        keeps (`decide.from_pieces`).
        """
        view = piece_view(document)
        if view is None:
            return self._decide_lines(document, memo)
        decisions, metadata = self._decide_lines(view.document, memo)
        return from_pieces(document, view, decisions), metadata

    def _decide_lines(self, document: Document, memo: LineMemo | None) -> tuple[tuple[Decision, ...], Metadata]:
        config = self.config
        selection = self.rulebook.select(document, site=config.site)
        ran = run_rules(selection, document)
        verdicts = list(ran.verdicts)
        if self.learned:
            from cleaner.learn.book import mark_learned

            verdicts = mark_learned(verdicts)
        decisions, language = judge(document, verdicts, config.mode, self.model, memo)
        fields: dict[str, str | None] = {}
        if document.origin == "extracted":
            decisions = revise_extracted(decisions)
        else:
            found = find_metadata(document, decisions, language=language)
            decisions = found.decisions
            fields = {"title": found.title, "standfirst": found.standfirst, "byline": found.byline, "date": found.date}
        warnings = tuple(dict.fromkeys(t.label() for t in ran.timeouts))
        return decisions, Metadata(
            **fields, language=language, site=selection.site, rule_files=selection.files, warnings=warnings
        )

    def _settle(
        self, document: Document, decisions: tuple[Decision, ...], metadata: Metadata, memo: LineMemo | None
    ) -> tuple[tuple[Decision, ...], Metadata]:
        """Clean the output again until nothing more drops, so that cleaning is idempotent.

        The context pass and the metadata see different neighbours once boilerplate
        is gone; a line a later pass drops is dropped here, with that pass's reasons,
        and a metadata field only a later pass recognised is filled in.
        """
        site = metadata.site
        for _ in range(SETTLE_PASSES):
            kept = [i for i, d in enumerate(decisions) if d.keep and kept_text(document.lines[i], d)]
            text = render(document, decisions)
            if not text:
                break
            again = replace(
                document_from_text(text), source=document.source, url=document.url, site=site, origin=document.origin
            )
            later, found = self._decide(again, memo)
            metadata = replace(metadata, warnings=tuple(dict.fromkeys(metadata.warnings + found.warnings)))
            if len(later) != len(kept) or all(d.keep and not d.cuts for d in later):
                break
            fields = ("title", "standfirst", "byline", "date")
            metadata = replace(metadata, **{f: getattr(metadata, f) or getattr(found, f) for f in fields})
            revised = list(decisions)
            for i, d, line in zip(kept, later, again.lines):
                if not d.keep:
                    revised[i] = replace(d, line=i, cuts=())
                elif d.cuts:
                    revised[i] = _cut_again(document.lines[i], decisions[i], line.text, d.cuts)
            if revised == list(decisions):
                break
            decisions = tuple(revised)
        return decisions, metadata

    def clean_text(self, text: str, url: str | None = None, site: str | None = None) -> CleanResult:
        """Clean a string (repaired and normalised first)."""
        return self.clean(document_from_text(text, url=url, site=site))

    def clean_bytes(
        self, data: bytes, source: str | None = None, url: str | None = None, site: str | None = None
    ) -> CleanResult:
        """Clean raw bytes; raises `cleaner.ingest.InputError` for empty or binary input."""
        return self.clean(document_from_bytes(data, source=source, url=url, site=site))

    def clean_html(
        self, html: bytes | str, source: str | None = None, url: str | None = None, site: str | None = None
    ) -> CleanResult:
        """Extract an HTML page's main text (trafilatura), then clean it.

        The page's canonical / og:url link gives the URL when `url` is None; title,
        byline and date found by trafilatura fill the metadata the cleaner left empty.
        Raises `cleaner.ingest.InputError` when the page has no extractable text.
        """
        document, extracted = document_from_html(html, source=source, url=url, site=site)
        result = self.clean(document)
        found = extracted.metadata()
        merged = {name: getattr(result.metadata, name) or getattr(found, name) for name in HTML_METADATA}
        metadata = replace(result.metadata, **merged)
        text = result.text
        if self.config.keep_title and metadata.title and not result.metadata.title:
            text = render(result.document, result.decisions, metadata.title)
        return replace(result, text=text, metadata=metadata)


def _cut_again(line: Line, decision: Decision, output: str, cuts: tuple[Cut, ...]) -> Decision:
    """`decision` with the cuts a later pass made on the line's output text (`output`) added, on the line itself.

    Left as it is when the output text is not the kept text character for character (read
    again, it was repaired or rendered from Markdown).
    """
    offsets = kept_offsets(line, decision)
    if len(offsets) != len(output):
        return decision
    moved = tuple(
        Cut(Span(offsets[c.span.start], offsets[c.span.end - 1] + 1), c.reason) for c in cuts if c.span.end > c.span.start
    )
    return replace(decision, cuts=decision.cuts + moved)


def _long_lines(document: Document) -> tuple[str, ...]:
    """`long-line:<line number>:<words>` for each line of `LONG_LINE_WORDS` words or more that is not read as
    its sentences (`cleaner.pieces.flattened`: it does not hold the page)."""
    found = []
    flat = flattened([line.text for line in document.lines])
    for line in document.lines:
        if line.index == flat:
            continue
        if len(line.text) >= LONG_LINE_WORDS * 2 and (words := len(line.text.split())) >= LONG_LINE_WORDS:
            found.append(f"long-line:{line.index + 1}:{words}")
    return tuple(found)


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while one document is cleaned.

    Cleaning makes many small objects per line and no reference cycles;
    the collector would walk them over and over as they pile up (40% of the time
    on a 100,000-line document, 15% on the bench pages). Memory is still freed by
    reference counting; collection resumes afterwards if it was on before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def clean_text(text: str, url: str | None = None, site: str | None = None) -> CleanResult:
    """Clean one text with the default configuration (see `Cleaner` to reuse one)."""
    return Cleaner().clean_text(text, url=url, site=site)


def clean_html(html: bytes | str, url: str | None = None, site: str | None = None) -> CleanResult:
    """Extract and clean one HTML page with the default configuration.

    >>> page = "<html><head><title>Bridge</title><meta property='og:url' content='https://news.example.com/b'>" \\
    ...     "</head><body><article><p>The council voted on Tuesday to rebuild the old stone bridge over the " \\
    ...     "river, a project that residents have asked for since the floods damaged it.</p></article></body></html>"
    >>> result = clean_html(page)
    >>> result.document.url, result.document.origin
    ('https://news.example.com/b', 'extracted')
    >>> result.text.startswith("The council voted on Tuesday")
    True
    """
    return Cleaner().clean_html(html, url=url, site=site)
