"""HTML page -> `Document`: trafilatura extracts the main text, the page names its URL.

trafilatura does the structural work (it sees the markup); cleaner then cleans
what it leaves with the same rules and scoring as text input. The document is
marked `origin="extracted"` so later stages know the text is already mostly
article (see `cleaner.model.Document.origin`).

Settings (measured on the benchmark pages, see BENCHMARKS.md, section "html"):
`EXTRACTION` below. Comments are excluded by default.

The page URL, which selects site rules, is the first of: the URL given by the
caller (a JSONL `url` field), `<link rel="canonical">`, `<meta property="og:url">`.
A relative canonical link is resolved against the given URL, or ignored.

>>> page = b'''<html><head><link rel="canonical" href="https://www.example.org/a/story">
... <title>Bridge</title></head><body><article><h1>Bridge</h1>
... <p>The council voted on Tuesday to rebuild the old stone bridge over the river, a project that
... residents have asked for since the floods of last winter damaged its foundations.</p>
... <p>Work will begin in the spring and is expected to take two years, the council said in a statement
... on Wednesday, adding that a temporary footbridge will keep both banks connected.</p>
... </article></body></html>'''
>>> extracted = extract_html(page)
>>> extracted.url
'https://www.example.org/a/story'
>>> [line[:30] for line in extracted.text.splitlines()]
['Bridge', 'The council voted on Tuesday t', 'Work will begin in the spring ']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any
from urllib.parse import urljoin, urlsplit

import regex

from cleaner.ingest import InputError, document_from_text
from cleaner.model import Decision, Document, Metadata, Reason

#: trafilatura options, chosen by measurement (bench/html_quality.py, BENCHMARKS.md
#: "html"): `favor_recall` gave the best F1 of trafilatura alone on every dataset
#: but big9 (-0.003) and leaves cleaner more to remove; tables hold the text of
#: old layout-table pages. Comments are excluded: they are not the article body.
EXTRACTION: Mapping[str, Any] = MappingProxyType({
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": True,
    "fast": False,
})


def extraction_fingerprint() -> dict[str, Any]:
    """The HTML settings that change outputs (part of `Cleaner.fingerprint`, so re-runs redo pages)."""
    from importlib.metadata import version

    return {**EXTRACTION, "trafilatura": version("trafilatura"), "drop_below": EXTRACTED_DROP_BELOW}


@dataclass(frozen=True)
class ExtractedPage:
    """What trafilatura found in a page: main text (paragraphs one per line) and metadata."""

    text: str
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    language: str | None = None

    def metadata(self) -> Metadata:
        return Metadata(title=self.title, byline=self.byline, date=self.date, language=self.language)


def page_url(tree: Any, given: str | None = None) -> str | None:
    """The page's URL: `given`, else canonical link, else og:url (absolute http(s) only).

    >>> from lxml import html
    >>> tree = html.fromstring('<html><head><meta property="og:url" content="https://x.com/b"></head><body/></html>')
    >>> page_url(tree)
    'https://x.com/b'
    >>> tree = html.fromstring('<html><head><link rel="canonical" href="/c"></head><body/></html>')
    >>> page_url(tree) is None, page_url(tree, "https://y.org/a")
    (True, 'https://y.org/a')
    """
    if given:
        return given
    candidates = tree.xpath(
        '//link[contains(concat(" ", normalize-space(translate(@rel, "CANONICAL", "canonical")), " "), " canonical ")]/@href'
        '|//meta[@property="og:url" or @name="og:url"]/@content'
    )
    # canonical before og:url, whatever their order in the page
    ordered = sorted(candidates, key=lambda value: 0 if value.getparent().tag == "link" else 1)
    for value in ordered:
        url = urljoin(given or "", str(value).strip())
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            return url
    return None


def extract_html(data: bytes | str, url: str | None = None, options: dict[str, Any] | None = None) -> ExtractedPage:
    """Main text and metadata of an HTML page; `InputError` when there is none.

    `options` override `EXTRACTION` (trafilatura keyword arguments).
    """
    import trafilatura
    from trafilatura.utils import load_html

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not raw.strip():
        raise InputError("empty file" if not raw else "file holds only whitespace")
    if b"\x00" in raw[:65536] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file (contains NUL bytes)")
    tree = load_html(data)
    if tree is None:
        raise InputError("cannot parse the HTML (trafilatura found no document in it)")
    found_url = page_url(tree, url)
    settings = {**EXTRACTION, **(options or {})}
    try:
        result = trafilatura.bare_extraction(tree, url=found_url, with_metadata=True, **settings)
    except Exception as err:  # noqa: BLE001  (trafilatura raises many kinds on hostile markup)
        raise InputError(f"trafilatura failed on the HTML ({type(err).__name__}: {err})") from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError("trafilatura found no main text in the HTML")
    return ExtractedPage(
        text=text,
        url=found_url,
        title=_clean_field(getattr(result, "title", None)),
        byline=_clean_field(getattr(result, "author", None)),
        date=_clean_field(getattr(result, "date", None)),
        language=_clean_field(getattr(result, "language", None)),
    )


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


_CELL_BORDER = regex.compile(r"(?<!\\)\|")
_RULE_CELL = regex.compile(r"^[\s\-:=|]*$")


def table_cells(line: str) -> list[str]:
    r"""trafilatura writes a table row as `| a | b |`: its non-empty cells, or [line] for other lines.

    >>> table_cells("| Advertisement |  | Share \\| Tweet |")
    ['Advertisement', 'Share | Tweet']
    >>> table_cells("| ----------------- |  |  |"), table_cells("A plain paragraph.")
    ([], ['A plain paragraph.'])
    """
    if not (line.startswith("|") and line.rstrip().endswith("|")):
        return [line]
    cells = (cell.replace("\\|", "|").strip() for cell in _CELL_BORDER.split(line.strip()[1:-1]))
    return [" ".join(cell.split()) for cell in cells if not _RULE_CELL.match(cell)]


def document_from_extracted(
    extracted: ExtractedPage, *, source: str | None = None, site: str | None = None
) -> Document:
    """The extracted text as a `Document` with `origin="extracted"`.

    Each paragraph is a block; a table row is a block with one line per non-empty cell
    (the row's pipes and rule lines are trafilatura's layout, not the page's text).
    """
    blocks = []
    for line in extracted.text.splitlines():
        cells = [cell for cell in table_cells(line.strip()) if cell]
        if cells:
            blocks.append("\n".join(cells))
    document = document_from_text("\n\n".join(blocks), source=source, url=extracted.url, site=site)
    return replace(document, origin="extracted")


def document_from_html(
    data: bytes | str, *, source: str | None = None, url: str | None = None, site: str | None = None
) -> tuple[Document, ExtractedPage]:
    """Extract an HTML page and make its `Document` (and keep what trafilatura found)."""
    extracted = extract_html(data, url=url)
    return document_from_extracted(extracted, source=source, site=site), extracted


#: On extracted text (trafilatura already removed the page furniture) the scorer
#: and the context pass may drop a line only when its article-likeness is below
#: this *and* it is at an edge of the text (see `revise_extracted`); rule drops and
#: cuts always apply. Chosen by measurement so that cleaning makes trafilatura's
#: output better on every benchmark dataset (bench/html_quality.py, BENCHMARKS.md "html").
EXTRACTED_DROP_BELOW = 0.07


def revise_extracted(decisions: tuple[Decision, ...], drop_below: float = EXTRACTED_DROP_BELOW) -> tuple[Decision, ...]:
    """Keep the heuristic drops of extracted text that are not clear-cut.

    What an extractor leaves is mostly at the edges of its text (a dateline or
    labels before the article; related links, share labels, copyright after it);
    a short line in the middle is more often a subheading or a list item it rightly
    kept. So a drop decided by a rule (`rule`, `learned`) stays; a drop by the score
    or the context pass stays only when its score is below `drop_below` and it
    belongs to a run of dropped lines that reaches the first or the last line.
    Any other becomes a keep whose first reason says why (`context:pre-extracted`),
    the original reasons following.

    >>> from cleaner.model import Reason
    >>> def drop(i, score, kind="score"):
    ...     return Decision(i, False, score, (Reason(kind, "boilerplate-like"),))
    >>> body = Decision(2, True, 0.9, (Reason("score", "article-like"),))
    >>> revised = revise_extracted((drop(0, 0.02), drop(1, 0.3), body, drop(3, 0.05), body, drop(5, 0.0, "rule")))
    >>> [d.keep for d in revised]
    [False, True, True, True, True, False]
    >>> revised[3].reason.id
    'pre-extracted'
    """
    n = len(decisions)
    sure = [not d.keep and (d.reason.kind not in ("score", "context") or d.score < drop_below) for d in decisions]
    edge = [False] * n
    for order in (range(n), range(n - 1, -1, -1)):
        for index in order:
            if not sure[index]:
                break
            edge[index] = True
    revised = []
    for index, decision in enumerate(decisions):
        if decision.keep or decision.reason.kind not in ("score", "context") or edge[index]:
            revised.append(decision)
            continue
        why = Reason("context", "pre-extracted", "", f"score {decision.score:.2f}, not a clear edge drop: extractor kept it")
        revised.append(replace(decision, keep=True, reasons=(why, *decision.reasons)))
    return tuple(revised)
