"""Title, standfirst, byline and date: recognised near the start of the body, kept out of it.

They are looked for in the lines just before the first body line (and the first
few body lines, where a byline or dateline often sits). The title is the best
headline-like line there (a few capitalised words, no full stop, no link, not an
ALL-CAPS label), preferring one whose words appear in the page URL, that the page
repeats, that opens the kept text, or that sits right above the byline or
date; the byline starts with
"By" (or its equivalent in the supported languages); the date is a short line
holding a date; the standfirst is a one-paragraph summary between the title and
the byline or date. Recognised lines are dropped from the body with the reason
`context:metadata:<field>` (a byline or date that a rule dropped is still found, and
keeps its rule's reason); every exact copy of the title goes with it, and so does
a section label or kicker of at most `LABEL_WORDS` words kept right above it
(`context:dropped:section-label`).

>>> from cleaner.ingest import make_document
>>> from cleaner.model import Decision, Reason
>>> doc = make_document("Menu\\n\\nBridge to be rebuilt after floods\\n\\nBy Jane Smith\\n\\n12 March 2024\\n\\n"
...     "The council voted on Tuesday to rebuild the old stone bridge over the river, a plan residents backed.")
>>> body = [Decision(i, i > 0, 0.9 if i else 0.1, (Reason("score", "x"),)) for i in range(5)]
>>> found = find_metadata(doc, tuple(body), url="https://news.example.com/2024/bridge-rebuilt-floods")
>>> found.title, found.byline, found.date
('Bridge to be rebuilt after floods', 'By Jane Smith', '12 March 2024')
>>> [d.keep for d in found.decisions]
[False, False, False, False, True]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice

import regex

from cleaner.model import Decision, Document, Line, Reason
from cleaner.scoring.tokens import DATE, URL, WORD
from cleaner.wrapping import wrapped_lines

#: How many lines before the first body line are searched, and body lines after it.
LOOK_BEFORE = 12
LOOK_INTO = 3
#: The line opening the kept text counts as a likely title only this close to the body.
NEAR_BODY = 4
#: A body line starts the body when it has at least this many words.
BODY_MIN_WORDS = 12
#: Words of a line looked at (every test here asks for fewer): a long line costs no more than a short one.
WORDS_SEEN = 71
#: A kept line of at most this many words right above the title is a section label (kicker), not body text.
LABEL_WORDS = 3
#: Added to the title score of a line right above the byline or date found (bench/titles.py, 1,067 bench
#: titles: 0.4 finds 18 more than 0.3 for 5 more wrong lines, 0.5 7 more for 12 more wrong).
ABOVE_BYLINE_BONUS = 0.4
#: Added to the title score of a line right above a standfirst that has the byline or date below it
#: (bench/titles.py, 1,067 bench titles: 0.8 finds 5 more than 0.4, and no more wrong lines).
ABOVE_STANDFIRST_BONUS = 0.8
#: A title has this many words (so only lines of this length can be copies of it).
TITLE_WORDS = (3, 25)

BYLINE = regex.compile(
    r"^\s*(?:by|written by|words by|von|par|por|di|door|de|автор|автори|авторы)\s+\p{Lu}", regex.IGNORECASE
)
BYLINE_PREFIX = regex.compile(r"^\s*(?:by|von|par|por|di|door|de|автор|автори|авторы)\s+", regex.IGNORECASE)
SENTENCE_END = regex.compile(r"[.;,][\"'”’»)\]]*\s*$")
PROSE_END = regex.compile(r"[.!?…:][\"'”’»)\]]*\s*$")
STOP_SLUG = frozenset(["www", "html", "htm", "php", "aspx", "index", "news", "article", "story", "com", "co", "uk", "org", "net"])


@dataclass(frozen=True)
class FoundMetadata:
    """Recognised fields and the decisions with their lines taken out of the body."""

    decisions: tuple[Decision, ...]
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    date: str | None = None


def find_metadata(document: Document, decisions: tuple[Decision, ...], url: str | None = None) -> FoundMetadata:
    lines = document.lines
    words = [[m.group() for m in islice(WORD.finditer(line.text), WORDS_SEEN)] for line in lines]
    start, standfirst = _body_start(decisions, lines, words)
    if start is None:
        return FoundMetadata(decisions)
    lo, hi = max(0, start - LOOK_BEFORE), min(len(lines), start + LOOK_INTO)
    wrapped = wrapped_lines(document)  # a piece of a paragraph is no title, byline or date
    free = [d.reason.kind in ("score", "context") and d.line not in wrapped for d in decisions]
    # A line a rule dropped can still be the byline or date (a site file's header rule takes them with it);
    # it keeps its rule's reason, only the field is filled. (Not the title: rules drop captions and
    # headlines of other stories, "Photos: ...", "Learn with Google", which would then be taken for it.)
    searchable = [f or (d.reason.kind == "rule" and d.line not in wrapped) for f, d in zip(free, decisions)]
    slug = _slug_words(url or document.url)
    found: dict[str, int] = {}
    for i in range(lo, hi):
        text, n = lines[i].text.strip(), len(words[i])
        if not searchable[i] or not n:
            continue
        if "byline" not in found and n <= 10 and BYLINE.match(text):
            found["byline"] = i
        elif "date" not in found and n <= 12 and DATE.search(text) and i <= start + 1:
            found["date"] = i
    keys = [_key(w) if TITLE_WORDS[0] <= len(w) <= TITLE_WORDS[1] else None for w in words]
    title = _title(lines, words, keys, decisions, free, lo, start, slug, set(found.values()), standfirst)
    if title is not None:
        found["title"] = title
        stand = _standfirst(words, decisions, free, title, found, start)
        if stand is not None:
            found["standfirst"] = stand
    if not found:
        return FoundMetadata(decisions)
    label = _section_label(lines, words, decisions, free, title) if title is not None else None
    marked = list(decisions)
    if label is not None:
        why = Reason("context", "dropped:section-label", "cleaner/metadata.py", "a short label right above the title")
        marked[label] = replace(decisions[label], keep=False, reasons=(why, *decisions[label].reasons))
    for name, i in found.items():
        if free[i]:
            marked[i] = _as_metadata(decisions[i], name)
    if title is not None:
        for i, key in enumerate(keys):
            if i != title and free[i] and key == keys[title]:
                marked[i] = _as_metadata(decisions[i], "title")
    values = {name: lines[i].text.strip() for name, i in found.items()}
    return FoundMetadata(tuple(marked), **values)


def _body_start(
    decisions: Sequence[Decision], lines: Sequence[Line], words: Sequence[list[str]]
) -> tuple[int | None, int | None]:
    """The first kept line that reads as prose (long enough, ending like a sentence), and the standfirst above it.

    A long headline (no full stop) is not the body; when no line ends like a
    sentence, the first long kept line is taken. A first prose line with a byline
    or a date right below it is the standfirst: the body starts after them.
    """
    long_enough = [d.line for d, w in zip(decisions, words) if d.keep and len(w) >= BODY_MIN_WORDS]
    prose = list(islice((i for i in long_enough if PROSE_END.search(lines[i].text)), 2))  # the first two
    if len(prose) > 1 and any(_header_line(lines[j].text, words[j]) for j in range(prose[0] + 1, prose[1])[:LOOK_INTO]):
        return prose[1], prose[0]
    if prose:
        return prose[0], None
    return (long_enough[0] if long_enough else None), None


def _header_line(text: str, words: list[str]) -> bool:
    """A short line naming the author ("By Jane Smith") or holding a date."""
    return 0 < len(words) <= 12 and (BYLINE.match(text) is not None or DATE.search(text) is not None)


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = url.split("//", 1)[-1].split("/", 1)[-1].split("?", 1)[0]
    return {w.lower() for w in WORD.findall(path) if not w.isdigit() and len(w) > 2 and w.lower() not in STOP_SLUG}


def _title(lines, words, keys, decisions, free, lo, start, slug, taken, standfirst) -> int | None:  # type: ignore[no-untyped-def]
    best, best_score = None, 0.0
    seen = Counter(keys)
    # The first kept line of a title's length (a one- or two-word kicker above the headline does not count).
    first_kept = next((d.line for d in decisions if d.keep and keys[d.line] is not None), None)
    kept_between = _kept_between(decisions, first_kept, start) if first_kept is not None else 0
    for i in range(lo, min(start + 1, len(lines))):
        w = words[i]
        text = lines[i].text.strip()
        if (
            i in taken or not free[i] or keys[i] is None
            or SENTENCE_END.search(text) or DATE.search(text) or URL.search(text)  # a sentence, a date, a link
        ):
            continue
        capitals = sum(1 for x in w if x[0].isupper() and not x[1:].isupper()) / len(w)  # not ALL CAPS labels
        lowered = {x.lower() for x in w}
        overlap = len(lowered & slug) / len(slug) if slug else 0.0
        score = 0.3 * decisions[i].score + 0.3 * min(1.0, capitals * 1.5) + 1.5 * overlap
        score += 0.4 if seen[keys[i]] > 1 else 0.0
        score += 0.3 * (1 - (start - i) / LOOK_BEFORE)
        if i == first_kept and 0 < start - i and kept_between < NEAR_BODY:
            score += 0.4  # a headline-shaped line opening the kept text, before the prose starts
        if i + 1 in taken:
            score += ABOVE_BYLINE_BONUS  # right above the byline or date
        elif i + 1 == standfirst:
            score += ABOVE_STANDFIRST_BONUS  # headline, standfirst, byline or date: an article header's shape
        if i == start:
            score -= 0.3
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 0.9 else None


def _section_label(lines, words, decisions, free, title) -> int | None:  # type: ignore[no-untyped-def]
    """The kept line right above the title when it is a section label or kicker ("Local", "Castelo Alto").

    At most `LABEL_WORDS` words and no sentence punctuation; lines dropped in
    between (share buttons, a date) are passed over.
    """
    i = title - 1
    while i >= 0 and not decisions[i].keep:
        i -= 1
    if i < 0 or not free[i] or not 0 < len(words[i]) <= LABEL_WORDS or PROSE_END.search(lines[i].text):
        return None
    return i


def _kept_between(decisions: Sequence[Decision], first: int, start: int) -> int:
    """How many kept lines lie strictly between line `first` and line `start`."""
    return sum(1 for d in decisions[first + 1 : start] if d.keep)


def _standfirst(words, decisions, free, title, found, start) -> int | None:  # type: ignore[no-untyped-def]
    """The line right after the title, when a byline or date follows it before the body."""
    after = [i for name, i in found.items() if name in ("byline", "date") and i > title]
    candidate = title + 1
    if not after or candidate >= min(after) or candidate >= len(words) or not free[candidate]:
        return None
    if not 10 <= len(words[candidate]) <= 70 or not decisions[candidate].keep:
        return None
    return candidate


def _key(words: list[str]) -> str:
    """Two lines are copies when they have the same words, whatever the case and punctuation."""
    return " ".join(words).lower()


def _as_metadata(decision: Decision, name: str) -> Decision:
    why = Reason("context", f"metadata:{name}", "cleaner/metadata.py", f"{name}: kept as metadata, not in the body")
    return replace(decision, keep=False, reasons=(why, *decision.reasons))
