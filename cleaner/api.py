"""The Python API: `Cleaner` (load once, reuse) and `clean_text` (one call).

>>> from cleaner import clean_text
>>> page = "Home | News | Sport\\n\\n" + "The council voted on Tuesday to rebuild the old bridge over the river, " \\
...     "a project that residents have asked for since the floods of last winter.\\n\\nShare this article\\n"
>>> print(clean_text(page).text, end="")
The council voted on Tuesday to rebuild the old bridge over the river, a project that residents have asked for since the floods of last winter.
"""

from __future__ import annotations

from pathlib import Path

from cleaner import __version__
from cleaner.config import Config, digest
from cleaner.decide import decide
from cleaner.explain import render
from cleaner.ingest import document_from_bytes, document_from_text
from cleaner.model import CleanResult, Document, Metadata
from cleaner.rules import RuleBook, apply_rules, load_rulebook
from cleaner.scoring import ScoringModel, load_model, score_lines


class Cleaner:
    """Rules and weights loaded once; clean any number of documents.

    Picklable (it holds only plain data), so it can be sent to process pools.
    """

    def __init__(self, config: Config | None = None, rules_dirs: tuple[Path, ...] | None = None) -> None:
        config = config or Config()
        if rules_dirs is not None:
            config = Config(**{**config.__dict__, "rules_dirs": tuple(Path(p) for p in rules_dirs)})
        self.config = config
        self.rulebook: RuleBook = load_rulebook(config.rules_dirs) if config.use_rules else RuleBook()
        self.model: ScoringModel = load_model()
        self.fingerprint = digest(__version__, config.fingerprint_parts(), self.rulebook.digest, self.model.digest)

    def clean(self, document: Document) -> CleanResult:
        """Decide every line of a document and render the clean text."""
        config = self.config
        selection = self.rulebook.select(document, site=config.site)
        verdicts = apply_rules(selection, document)
        scores = score_lines(document, self.model)
        decisions = decide(document, verdicts, scores, config.mode)
        metadata = Metadata(site=selection.site, rule_files=selection.files)
        title = metadata.title if config.keep_title else None
        return CleanResult(render(document, decisions, title), document, decisions, metadata)

    def clean_text(self, text: str, url: str | None = None, site: str | None = None) -> CleanResult:
        """Clean a string (repaired and normalised first)."""
        return self.clean(document_from_text(text, url=url, site=site))

    def clean_bytes(
        self, data: bytes, source: str | None = None, url: str | None = None, site: str | None = None
    ) -> CleanResult:
        """Clean raw bytes; raises `cleaner.ingest.InputError` for empty or binary input."""
        return self.clean(document_from_bytes(data, source=source, url=url, site=site))


def clean_text(text: str, url: str | None = None, site: str | None = None) -> CleanResult:
    """Clean one text with the default configuration (see `Cleaner` to reuse one)."""
    return Cleaner().clean_text(text, url=url, site=site)
