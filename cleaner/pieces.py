"""Lines that hold more than one element of the page, read piece by piece.

**A page on one line.** A scraper that joins a page's text nodes with spaces
(BeautifulSoup's `get_text(" ")`, a CSV or JSON export that flattened a field) writes
the whole page on one line: menu, headline, story, "Share this article", footer.
Judged line by line, such a line can only be kept or dropped whole. When a line holds
the page (`flattened`), it is cut into its sentences (`sentence_spans`).

A sentence ends at ".", "!", "?", "…" or another script's full stop (and any closing
quotes or brackets) before spaces and anything but a lower-case letter; where a full
stop is glued to the next sentence ("the difference.President Zelensky said"); after
"。", "！" or "？"; and at a separator a flattened menu or breadcrumb keeps (" | ", " • ",
" · ", " » "). A full stop after an initial or an abbreviation ("J.", "U.S.", "Mr.",
"Gen.", "Jan.") ends no sentence.

**Columns side by side.** Layout-preserving scrapers (inscriptis, lynx) write a table
layout as it looks: a menu column and the story on the same lines. Such a line is cut
into its cells at the gaps that end where a column starts (`cells`, `_columns`).

The document then goes through the whole pass as its pieces, each a line of a view
(`piece_view`; `cleaner.api.Cleaner._decide`), and each line keeps the pieces the pass
keeps: the others are cut out of it, each with its own reason (`cleaner.decide.from_pieces`).

>>> text = "Home | News The council voted on Tuesday. It will rebuild the bridge.Share this"
>>> [text[start:end] for start, end in sentence_spans(text)]
['Home', 'News The council voted on Tuesday.', 'It will rebuild the bridge.', 'Share this']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace

import regex

from cleaner.ingest import make_document
from cleaner.model import Document, Line
from cleaner.scoring.tokens import WORD

#: The longest line is read as its sentences when it holds at least this many words (as the features
#: count them: a Chinese or Japanese character is a word), and at least `FLAT_SHARE` of the document's
#: characters: the page's text is on that line.
FLAT_WORDS = 150
FLAT_SHARE = 0.8
#: ... and at most this many characters: a page's text. A longer line (a corpus dumped on one line) is judged
#: whole, with the `long-line` warning: read by sentences, each sentence a line of the view, a 10 MB line held
#: 380 MB, growing with its length.
FLAT_CHARS = 1_000_000
#: A sentence's end: final punctuation and closing quotes before spaces and anything but a lower-case
#: letter, a full stop glued to a capitalised word, CJK final punctuation, or a menu's separator.
#: Each branch starts only where its run of spaces starts (linear time on long runs).
_END = regex.compile(
    r"""(?<=[.!?…؟۔।॥։።།។။]["'”’»)\]]{0,3})\s++(?!\p{Ll})"""
    r"|(?<=\p{Ll}\p{Ll}[.!?])(?=\p{Lu}\p{Ll})"
    r"|(?<=[。！？])\s*+"
    r"|(?<!\s)\s++[|•·»›]\s++"
)
#: Lines in columns at most this many lines apart are one stretch of columns (`piece_view`).
STRETCH_GAP = 5
#: A column starts where at least this many lines have text after a run of spaces (`_columns`).
COLUMN_ROWS = 3
#: A sentence of more than this many words is cut into phrases (`_phrases`): on a flattened page, most
#: are runs of headlines or menu items. One sentence of prose in a hundred is that long.
PHRASE_WORDS = 80
_CAPITAL_AFTER = regex.compile(r"(?<=[\p{Ll}\d])\s++(?=\p{Lu})")
#: Words a full stop shortens, as written: titles, months and days, "No.", "vs.", in the languages of
#: the generic rules. A single capital ("J.") and a word with a full stop in it ("U.S.", "e.g.") are
#: abbreviations too.
_SHORTENED_WORDS = (
    "Mr Mrs Ms Dr Prof St Jr Sr Rev Hon Gen Gov Sen Rep Lt Col Capt Sgt Cmdr Adm Pres "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun "
    "No Nos Nr Vol Vols Fig Figs Ch Sec Art Ed Eds Hr Hrn Fr Frau Dipl Ing Mme Mlle Sra Srta Dra Dott Sig Sgra "
    "vs approx ca cf al p pp"
)
_SHORTENED = frozenset(_SHORTENED_WORDS.split())


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


#: A view line: a document line whole (`None`), or its `k`th piece.
Item = tuple[int, int | None]


@dataclass(frozen=True)
class PieceView:
    """A document with some of its lines cut into pieces (`pieces`: line -> the pieces' spans), each
    piece a line of the view in a block of its own; `order` gives the view's lines in order."""

    document: Document
    pieces: dict[int, tuple[tuple[int, int], ...]]
    order: tuple[Item, ...]


def piece_view(document: Document) -> PieceView | None:
    """The document with the line that holds the page cut into its sentences (`flattened`) and the lines
    laid out in columns cut into their cells (`cells`); None when no line is cut.

    Where lines are laid out in columns (a menu column beside the story, no more than
    `STRETCH_GAP` lines between two such lines), the view gives the left column's pieces and
    lines first and then the right column's, so that each reads as a run of its own.

    >>> view = piece_view(make_document("Home | News | " + "The council met on Tuesday. " * 80))
    >>> [line.text for line in view.document.lines][:3], len(view.pieces[0])
    (['Home', 'News', 'The council met on Tuesday.'], 82)
    """
    lines = document.lines
    pieces: dict[int, tuple[tuple[int, int], ...]] = {}
    flat = flattened([line.text for line in lines])
    if flat is not None and len(spans := sentence_spans(lines[flat].text)) > 1:
        pieces[flat] = tuple(spans)
    gapped = [line for line in lines if "   " in line.text and line.index != flat and "   " in line.text.strip()]
    if gapped:
        columns = _columns(lines)
        for line in gapped:
            if len(spans := cells(line.text, columns)) > 1:
                pieces[line.index] = tuple(spans)
    if not pieces:
        return None
    order = _in_columns(lines, pieces, flat)
    parts: list[str] = []
    previous: Item | None = None
    for item in order:
        i, k = item
        if previous is not None:
            joined = k is None and previous[1] is None and previous[0] == i - 1 and lines[i].block == lines[i - 1].block
            parts.append("\n" if joined else "\n\n")
        text = lines[i].text
        parts.append(text if k is None else text[pieces[i][k][0] : pieces[i][k][1]])
        previous = item
    view = make_document("".join(parts), source=document.source, url=document.url, site=document.site)
    return PieceView(replace(view, origin=document.origin), pieces, tuple(order))


def _in_columns(lines: Sequence[Line], pieces: dict[int, tuple[tuple[int, int], ...]], flat: int | None) -> list[Item]:
    """The view's lines in order: the document's, each cut line as its pieces, and each stretch of lines in
    columns as its left column then its right (the right column starts at the leftmost second cell)."""
    split = [i for i in pieces if i != flat]
    stretches: list[list[int]] = []
    for i in sorted(split):
        if stretches and i - stretches[-1][-1] <= STRETCH_GAP:
            stretches[-1].append(i)
        else:
            stretches.append([i])
    starts = {stretch[0]: stretch for stretch in stretches}
    order: list[Item] = []
    i = 0
    while i < len(lines):
        stretch = starts.get(i)
        if stretch is None:
            order.extend([(i, None)] if i not in pieces else [(i, k) for k in range(len(pieces[i]))])
            i += 1
            continue
        right = min(pieces[j][1][0] for j in stretch)
        left_items: list[Item] = []
        right_items: list[Item] = []
        for j in range(stretch[0], stretch[-1] + 1):
            if j in pieces:
                for k, (start, _) in enumerate(pieces[j]):
                    (left_items if start < right else right_items).append((j, k))
            else:
                indent = len(lines[j].text) - len(lines[j].text.lstrip())
                (left_items if indent < right else right_items).append((j, None))
        order.extend(left_items + right_items)
        i = stretch[-1] + 1
    return order


_GAP = regex.compile(r"(?<=\S) {3,}+(?=\S)")
_RUN_OF_SPACES = regex.compile(r"(?<! ) {2,}+(?=\S)")


def cells(text: str, columns: Container[int]) -> list[tuple[int, int]]:
    """The spans of a line's cells: the text between runs of three spaces or more that end where a column
    starts (`columns`, see `_columns`).

    >>> line = "Africa       Tibet's leader said so.   It was   a call."
    >>> [line[start:end] for start, end in cells(line, {13})]
    ['Africa', "Tibet's leader said so.   It was   a call."]
    """
    spans = []
    start = len(text) - len(text.lstrip())
    for match in _GAP.finditer(text):
        if match.end() in columns:
            spans.append((start, match.start()))
            start = match.end()
    spans.append((start, len(text)))
    return spans


def _columns(lines: Sequence[Line]) -> set[int]:
    """Where columns start: the offsets at which at least `COLUMN_ROWS` lines have text after two spaces or
    more (a gap, or the indentation of a line of the column alone). A run of spaces around a link in
    prose (inscriptis writes "you can use   indoor maps   on your phone") ends anywhere."""
    rows: Counter[int] = Counter()
    for line in lines:
        text = line.text
        if "  " in text:
            rows.update({match.end() for match in _RUN_OF_SPACES.finditer(text)})
    return {offset for offset, n in rows.items() if n >= COLUMN_ROWS}


def flattened(texts: Sequence[str]) -> int | None:
    """The line to read as its sentences: the longest line, when it holds `FLAT_WORDS` words and
    `FLAT_SHARE` of the document's characters at least (a text whose line breaks were lost) and at most
    `FLAT_CHARS` characters; else None.

    >>> flattened(["Home", "word " * 200, "Share"]), flattened(["word " * 200] + ["A line of a page."] * 50)
    (1, None)
    """
    lengths = [len(text) for text in texts]
    longest = max(range(len(lengths)), key=lengths.__getitem__, default=None)
    if longest is None or not max(FLAT_WORDS, FLAT_SHARE * sum(lengths)) <= lengths[longest] <= FLAT_CHARS:
        return None
    return longest if len(WORD.findall(texts[longest])) >= FLAT_WORDS else None


def _abbreviation(before: str) -> bool:
    """Whether a full stop after the last word of `before` shortens it: an initial or initials ("J",
    "U.S"), or one of `_SHORTENED` ("Mr", "Gen", "Jan")."""
    word = before.rsplit(None, 1)[-1].lstrip("(\"'“‘«[") if before.strip() else ""
    return "." in word or (len(word) == 1 and word.isupper()) or word in _SHORTENED
