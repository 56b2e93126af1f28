"""Lines whose line breaks were lost: a long line read as its sentences.

A scraper that joins a page's text nodes with spaces (BeautifulSoup's
`get_text(" ")`, a CSV or JSON export that flattened a field) writes the whole page
on one line: menu, headline, story, "Share this article", footer. Judged line by
line, such a line can only be kept or dropped whole. So the scorer reads a long line
as the sentences it is made of (`cleaner.decide.judge`), each on a line of its own,
and the line keeps the sentences the scorer keeps: the others are cut out of it,
each with its own reason.

A sentence ends at ".", "!", "?" or "…" (and any closing quotes or brackets) before
a space and a capital, a digit or an opening quote; where a full stop is glued to the
next sentence ("the difference.President Zelensky said"); after "。", "！" or "？";
and at a separator a flattened menu or breadcrumb keeps (" | ", " • ", " · ", " » ").
A full stop after an initial or an abbreviation ("J.", "U.S.", "Mr.", "Gen.",
"Jan.") ends no sentence.

>>> text = "Home | News The council voted on Tuesday. It will rebuild the bridge.Share this"
>>> [text[start:end] for start, end in sentence_spans(text)]
['Home', 'News The council voted on Tuesday.', 'It will rebuild the bridge.', 'Share this']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from cleaner.ingest import make_document
from cleaner.model import Document
from cleaner.scoring.tokens import WORD

#: The longest line is read as its sentences when it holds at least this many words (as the features
#: count them: a Chinese or Japanese character is a word), and at least `FLAT_SHARE` of the document's
#: characters: the page's text is on that line.
LONG_LINE_WORDS = 150
FLAT_SHARE = 0.8
#: A sentence's end: final punctuation and closing quotes before spaces and anything but a lower-case
#: letter, a full stop glued to a capitalised word, CJK final punctuation, or a menu's separator.
#: Each branch starts only where its run of spaces starts (linear time on long runs).
_END = regex.compile(
    r"""(?<=[.!?…؟۔।॥։።།។။]["'”’»)\]]{0,3})\s++(?!\p{Ll})"""
    r"|(?<=\p{Ll}\p{Ll}[.!?])(?=\p{Lu}\p{Ll})"
    r"|(?<=[。！？])\s*+"
    r"|(?<!\s)\s++[|•·»›]\s++"
)
#: A sentence of more than this many words is cut into phrases (`_phrases`): on a flattened page, most
#: are runs of headlines or menu items. One sentence of prose in a hundred is that long.
PHRASE_WORDS = 80
_CAPITAL_AFTER = regex.compile(r"(?<=[\p{Ll}\d])\s++(?=\p{Lu})")
#: Words a full stop shortens, as written: titles, months and days, "No.", "vs.", in the languages of
#: the generic rules. A single capital ("J.") and a word with a full stop in it ("U.S.", "e.g.") are
#: abbreviations too.
_SHORTENED = frozenset(
    "Mr Mrs Ms Dr Prof St Jr Sr Rev Hon Gen Gov Sen Rep Lt Col Capt Sgt Cmdr Adm Pres "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun "
    "No Nos Nr Vol Vols Fig Figs Ch Sec Art Ed Eds Hr Hrn Fr Frau Dipl Ing Mme Mlle Sra Srta Dra Dott Sig Sgra "
    "vs approx ca cf al p pp".split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The `(start, end)` spans of the sentences of `text`, in order, without the spaces between them.

    >>> sentence_spans("One sentence. Mr. Lee wrote it. Another")
    [(0, 13), (14, 31), (32, 39)]
    """
    spans = []
    start = 0
    for match in _END.finditer(text):
        end = match.start()
        if match.end() > end and text[end - 1] == "." and _abbreviation(text[max(0, end - 12) : end - 1]):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return [part for span in spans for part in _phrases(text, span)]


def _phrases(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A sentence of more than `PHRASE_WORDS` words cut before each capitalised word that follows a
    lower-case letter or a digit: a run of headlines or menu items with no full stop between them.

    >>> text = "Popular stories Council votes to rebuild bridge Mayor wins " * 10
    >>> [text[start:end] for start, end in _phrases(text, (0, len(text)))][:3]
    ['Popular stories', 'Council votes to rebuild bridge', 'Mayor wins']
    """
    start, end = span
    if len(text[start:end].split()) <= PHRASE_WORDS:
        return [span]
    parts = []
    for match in _CAPITAL_AFTER.finditer(text, start, end):
        parts.append((start, match.start()))
        start = match.end()
    parts.append((start, end))
    return parts


@dataclass(frozen=True)
class SentenceView:
    """A document with its flattened line (`line`) cut into sentences (`spans`): each is a line of the
    view, in a block of its own; the document's other lines are the view's as they were."""

    document: Document
    line: int
    spans: tuple[tuple[int, int], ...]


def sentence_view(document: Document) -> SentenceView | None:
    """The document as its sentences, when a line holds the page (`flattened`); else None.

    >>> view = sentence_view(make_document("Home | News | " + "The council met on Tuesday. " * 80))
    >>> [line.text for line in view.document.lines][:3], view.line, len(view.spans)
    (['Home', 'News', 'The council met on Tuesday.'], 0, 82)
    """
    lines = document.lines
    flat = flattened([line.text for line in lines])
    if flat is None:
        return None
    text = lines[flat].text
    spans = tuple(sentence_spans(text))
    if len(spans) < 2:
        return None
    parts: list[str] = []
    for line in lines:
        if line.index:
            joined = line.block == lines[line.index - 1].block and flat not in (line.index, line.index - 1)
            parts.append("\n" if joined else "\n\n")
        parts.append("\n\n".join(text[start:end] for start, end in spans) if line.index == flat else line.text)
    view = make_document("".join(parts), source=document.source, url=document.url, site=document.site)
    return SentenceView(replace(view, origin=document.origin), flat, spans)


def flattened(texts: Sequence[str]) -> int | None:
    """The line to read as its sentences: the longest line, when it holds `LONG_LINE_WORDS` words and
    `FLAT_SHARE` of the document's characters at least (a text whose line breaks were lost); else None.

    >>> flattened(["Home", "word " * 200, "Share"]), flattened(["word " * 200] + ["A line of a page."] * 50)
    (1, None)
    """
    lengths = [len(text) for text in texts]
    longest = max(range(len(lengths)), key=lengths.__getitem__, default=None)
    if longest is None or lengths[longest] < max(LONG_LINE_WORDS, FLAT_SHARE * sum(lengths)):
        return None
    return longest if len(WORD.findall(texts[longest])) >= LONG_LINE_WORDS else None


def _abbreviation(before: str) -> bool:
    """Whether a full stop after the last word of `before` shortens it: an initial or initials ("J",
    "U.S"), or one of `_SHORTENED` ("Mr", "Gen", "Jan")."""
    word = before.rsplit(None, 1)[-1].lstrip("(\"'“‘«[") if before.strip() else ""
    return "." in word or (len(word) == 1 and word.isupper()) or word in _SHORTENED
