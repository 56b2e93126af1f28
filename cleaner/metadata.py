"""Title, standfirst, byline and date: recognised near the start of the body, kept out of it.

They are looked for in the lines just before the first body line (and the first
few body lines, where a byline or dateline often sits). The byline starts with
"By" (or its equivalent in the supported languages); the date is a short line
holding a date (of "Published: ... | Updated: ...", the first stamp counts); the
standfirst is a one-paragraph summary between the title and the byline or date.
The title is the headline-shaped line there (title length, no
sentence punctuation, date or link) with the best title score: a small logistic
model over facts such as "right above the byline or date", "the page repeats it",
"another line is it plus the site name", "its words are the URL's", "holds
boilerplate words" (`TITLE_WEIGHTS`, fitted by `bench/titles.py --fit`).
Recognised lines are dropped from the body with the reason
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

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice

import regex

from cleaner.model import Decision, Document, Line, Reason
from cleaner.scoring.stopwords import stoplist
from cleaner.scoring.tokens import DATE, FULL_STOPS, URL, WORD, has_wide, is_wide
from cleaner.scoring.vocabulary import ISO_CODES, boilerplate_matcher, boilerplate_share
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
#: The title score: what is known about a candidate line, with the weights fitted by
#: `python bench/titles.py --fit` (a conditional logistic model on the bench pages whose gold opens
#: with the headline, each page once with its URL and once with neither URL nor file name;
#: BENCHMARKS.md). A candidate's
#: logit is TITLE_BIAS plus the weights of its facts (`url_words` is a share, the others 0 or 1);
#: the best candidate is the title when its logit reaches TITLE_BAR. The fit also takes our corpus's
#: titles (`NAME.gold.json`): the bench's whole-page texts never open with the headline, which
#: scraped article text often does (`opens_document`).
TITLE_WEIGHTS: dict[str, float] = {
    "url_words": 5.31,  # share of the URL path's words the line holds (no URL: the file name's words)
    "repeated": 0.85,  # the page has another copy of it
    "extended": 1.60,  # another line is it plus more words ("<headline> | Site name")
    "opens_kept": 1.28,  # the first kept line of a title's length, close above the prose
    "above_header": 2.43,  # right above the byline or date
    "above_byline": 0.19,  # right above the byline
    "above_standfirst": 1.27,  # right above the standfirst found with the body's start
    "above_summary": 0.70,  # right above a line of 8-70 words that is right above the byline or date
    "headline_length": 2.48,  # 5 to 20 words
    "kept": -1.58,  # the scorer kept it (title-length lines kept near the top are mostly the body's)
    "boilerplate": -1.67,  # holds boilerplate words ("share", "subscribe", "comments", ...)
    "opens_document": 3.75,  # the document's first line, kept; a dropped line (a caption) and the text below
}
TITLE_BIAS = -1.99
TITLE_BAR = 1.75
#: A file's name stands in for a missing URL when it has at least this many words (`_name_words`).
NAME_WORDS = 2
#: A headline has this many words (`headline_length`); a standfirst-like line below it this many.
HEADLINE_WORDS = (5, 20)
SUMMARY_WORDS = (8, 70)
#: A date line has at most this many words (before its first "|", when it has more).
DATE_WORDS = 12
#: Lines a rule dropped between a title and the byline or date below it that are passed over.
RULED_GAP = 3
#: A bare name on the line above or below the date is the byline: "Lucía Fernández", with this many words at most.
NAME_WORDS_MAX = 4
#: Lower-case words a name may hold ("Ana de la Torre", "Jan van Dijk", "Omar bin Said").
NAME_PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "das", "dos", "du", "la", "le", "van", "von", "y", "e", "bin", "al"}
)
BARE_NAME = regex.compile(r"\p{L}[\p{L}\p{M}.'’-]*(?: \p{L}[\p{L}\p{M}.'’-]*)+")
#: A title has this many words (so only lines of this length can be copies of it).
TITLE_WORDS = (3, 25)

#: "By" or its equivalent, then a name. After "by" the name may be in any case (scraped bylines are
#: often lower case: "By binaj guruacharya, associated press", "By the CNN Wire Staff"); after the
#: other languages' words it is capitalised, since they also open headlines: "Von der Leyen ...",
#: "Door de storm ...". Not "de" at all: it opens Dutch, Spanish and Portuguese headlines ("De Blasio
#: fills three top posts" was taken for a byline).
BYLINE = regex.compile(
    r"^\s*(?:(?i:by|written by|words by|story by|posted by)(?:\s*:\s*|\s+)\p{L}|(?i:von|par|por|di|door|автор|автори|авторы)\s+\p{Lu}"
    # "Author:" and its equivalents, with the colon: "Автор: Ирина Соколова", "Autor: Jan Nowak", "Oleh: Dewi Lestari"
    r"|(?i:author|autor|autore|auteur|автор|автори|авторы|oleh)\s*:\s*\p{L}"
    # Chinese and Japanese: "记者 陈雨桐", "みなと新報 記者 森田 沙織", "作者：…" (not 记者会, a press conference)
    r"|.{0,20}?(?:记者|記者|作者|撰文)(?![会會])[\s：:]*[\p{Han}\p{Katakana}]"
    # Arabic: "بقلم: سارة الحسيني" ("by the pen of")
    r"|بقلم\s*:?\s*\p{L}"
    # Korean: "김서연 기자" (the name, then "reporter")
    r"|\p{Hangul}{2,4} ?기자(?:\s|$)"
    # Thai: "โดย สมชาย ใจดี", "เขียนโดย …", "ผู้เขียน: …" ("by", "written by", "author", then the name)
    r"|(?:เขียน|เรื่อง)?โดย\s*:?\s+\p{Thai}|ผู้เขียน\s*:?\s*\p{Thai}"
    # Hindi: "लेखक: अनिता शर्मा" ("author:"), "द्वारा राजेश कुमार" ("by")
    r"|लेखक\s*:\s*\p{L}|द्वारा\s+\p{L})"
)
SENTENCE_END = regex.compile(r"[.;,。；，][\"'”’»)\]」』）]*\s*$")
PROSE_END = regex.compile(rf"[{FULL_STOPS}…:：][\"'”’»)\]」』）]*\s*$")
STOP_SLUG = frozenset(["www", "html", "htm", "php", "aspx", "index", "news", "article", "story", "com", "co", "uk", "org", "net"])


@dataclass(frozen=True)
class FoundMetadata:
    """Recognised fields and the decisions with their lines taken out of the body."""

    decisions: tuple[Decision, ...]
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    date: str | None = None


def find_metadata(
    document: Document, decisions: tuple[Decision, ...], url: str | None = None, language: str | None = None
) -> FoundMetadata:
    """The recognised fields, and the decisions with their lines out of the body (`language`: ISO code)."""
    header = _Header.survey(document, decisions, url, language)
    if header is None:
        return FoundMetadata(decisions)
    title, title_why = _title(header, language) or (None, "")
    if header.name is not None and header.name != title:
        header = replace(header, found={**header.found, "byline": header.name})
        if title is None:  # the headline right above the name is now above the byline
            title, title_why = _title(header, language) or (None, "")
    lines, words, free, found = header.lines, header.words, header.free, dict(header.found)
    if title is not None:
        found["title"] = title
        stand = _standfirst(header, title, found)
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
            marked[i] = _as_metadata(decisions[i], name, title_why if name == "title" else "")
    if title is not None:
        keys = header.keys
        for i, key in enumerate(keys):
            if i != title and free[i] and key == keys[title]:
                marked[i] = _as_metadata(decisions[i], "title", "a copy of the title")
    values = {name: lines[i].text.strip() for name, i in found.items()}
    return FoundMetadata(tuple(marked), **values)


def title_candidates(
    document: Document, decisions: tuple[Decision, ...], url: str | None = None, language: str | None = None
) -> list[tuple[int, dict[str, float]]]:
    """The lines that could be the title, each with its facts (what `bench/titles.py --fit` learns from)."""
    header = _Header.survey(document, decisions, url, language)
    return [] if header is None else list(_title_facts(header, language))


@dataclass(frozen=True)
class _Header:
    """The lines around the body's start, read once for every field."""

    lines: Sequence[Line]
    words: list[list[str]]  #: each line's first `WORDS_SEEN` words
    keys: list[str | None]  #: each title-length line's words, lower-cased (`_key`); copies share a key
    decisions: tuple[Decision, ...]
    free: list[bool]  #: decided by the scorer, not a piece of a wrapped paragraph
    titled: list[bool]  #: may be the title: free, or in the header a rule dropped (`_opening_rule_run`)
    start: int  #: the body's first line
    standfirst: int | None  #: a prose line above the byline or date above `start`
    lo: int  #: the first line searched
    slug: set[str]  #: the URL path's words (no URL: the file name's, `_name_words`)
    found: dict[str, int]  #: "byline" and "date", when found
    first_line: int | None  #: the document's first line with words
    name: int | None = None  #: a bare name next to the date: the byline, unless it is the title

    @classmethod
    def survey(
        cls, document: Document, decisions: tuple[Decision, ...], url: str | None, language: str | None = None
    ) -> _Header | None:
        """`url`: the page's, when the caller knows it better than `document.url`; `language`: ISO code."""
        lines = document.lines
        words = [header_words(line.text) for line in lines]
        start, standfirst = _body_start(decisions, lines, words)
        if start is None:
            return None
        lo, hi = max(0, start - LOOK_BEFORE), min(len(lines), start + LOOK_INTO)
        wrapped = wrapped_lines(document)  # a piece of a paragraph is no title, byline or date
        free = [d.reason.kind in ("score", "context") and d.line not in wrapped for d in decisions]
        # A line a rule dropped can still be the byline or date (a site file's header rule takes them with it);
        # it keeps its rule's reason, only the field is filled. The title too, but only from the page's
        # header, the lines from the top that one rule dropped (a site file's `before` rule, "everything
        # above the date"): elsewhere rules drop captions and headlines of other stories, "Photos: ...",
        # "Learn with Google", which would then be taken for it.
        searchable = [f or (d.reason.kind == "rule" and d.line not in wrapped) for f, d in zip(free, decisions)]
        header_run = _opening_rule_run(decisions)
        titled = [f or (i < header_run and s) for i, (f, s) in enumerate(zip(free, searchable))]
        found: dict[str, int] = {}
        for i in range(lo, hi):
            text, n = lines[i].text.strip(), len(words[i])
            if not searchable[i] or not n:
                continue
            if "byline" not in found and n <= 10 and BYLINE.match(text):
                found["byline"] = i
            elif "date" not in found and i <= start + 1 and _date_line(text, n):
                found["date"] = i
        name, date = None, found.get("date")
        if date is not None and "byline" not in found:  # a bare name right above or below the date
            near = [j for j in (date - 1, date + 1) if 0 <= j < len(lines) and searchable[j]]
            name = next((j for j in near if _bare_name(lines[j].text, language)), None)
        keys = [_key(w) if TITLE_WORDS[0] <= len(w) <= TITLE_WORDS[1] else None for w in words]
        url = url or document.url
        slug = _slug_words(url) if url else _name_words(document.source)
        first_line = next((i for i, w in enumerate(words) if w), None)
        return cls(lines, words, keys, decisions, free, titled, start, standfirst, lo, slug, found, first_line, name)


def _bare_name(text: str, language: str | None) -> bool:
    """A person's name alone on a line ("Lucía Fernández", "Jan van der Berg", "J. R. Smith"): 2 to
    `NAME_WORDS_MAX` words of letters, each capitalised but for name particles, none a stopword or
    boilerplate ("Local News", "Why I Quit" are no names)."""
    words = text.split()
    if not 2 <= len(words) <= NAME_WORDS_MAX or not BARE_NAME.fullmatch(text.strip()):
        return False
    named = [w for w in words if w not in NAME_PARTICLES]
    if len(named) < 2 or not all(w[0].isupper() for w in named):
        return False
    if {w.lower().strip(".") for w in named} & _stopwords(language):
        return False
    return boilerplate_share(text, boilerplate_matcher(language)) == 0


@cache
def _stopwords(language: str | None) -> frozenset[str]:
    """The stopwords of the document's language (ISO code) and of English."""
    names = [name for name, code in ISO_CODES.items() if code in (language, "en")]
    return frozenset().union(*(stoplist(name) for name in names))


def _opening_rule_run(decisions: Sequence[Decision]) -> int:
    """How many lines from the top one rule dropped, one after another (0 when the first line is not so dropped).

    A site file's header rule (`before`: everything above the date, or above "Share
    this article") drops the page's title with the breadcrumb and byline.
    """
    if not decisions or decisions[0].keep or decisions[0].reason.kind != "rule":
        return 0
    first = decisions[0].reason
    return next((i for i, d in enumerate(decisions) if d.keep or d.reason != first), len(decisions))


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


def _date_line(text: str, words: int) -> bool:
    """A short line holding a date; of a line with two stamps ("Published: ... | Updated: ...", "Publié le
    5 mars 2024 à 14h32, modifié le 5 mars 2024 à 16h10"), the first."""
    if words > DATE_WORDS:
        head = text.split("|", 1)[0]
        if len(header_words(head)) <= DATE_WORDS:
            return DATE.search(head) is not None
        first = DATE.search(text) if words <= 2 * DATE_WORDS else None
        second = DATE.search(text[first.end() :]) if first else None
        head = text[: first.end() + second.start()] if first and second else ""
        if head and len(header_words(head)) <= DATE_WORDS and not PROSE_END.search(text):
            return True
        # Chinese and Japanese pages print the date, time, source and reporter on one line: "2024年8月15日 09:12
        # 来源：… 记者 …". (Done for every line that opens with a date, it found 6 more right titles on the
        # bench and 4 more wrong ones over `bench/titles.py`'s three settings, so it is left to these.)
        found = DATE.wide.search(text)
        return bool(found and found.start() == 0 and not PROSE_END.search(text))
    return DATE.search(text) is not None


def header_words(text: str) -> list[str]:
    """The line's first `WORDS_SEEN` words as the header fields count them.

    In Chinese and Japanese, where each character is a word (`tokens.WORD`), two
    characters in a row make one word here (their words average under two
    characters), so that headline, byline and date lengths measure as in English:

    >>> header_words("江屿老城区图书馆试行夜间开放")
    ['江屿', '老城', '区图', '书馆', '试行', '夜间', '开放']
    >>> header_words("By Jane Smith, 3 March 2024")
    ['By', 'Jane', 'Smith', '3', 'March', '2024']
    """
    if not has_wide(text):
        return [m.group() for m in islice(WORD.finditer(text), WORDS_SEEN)]
    words = [m.group() for m in islice(WORD.finditer(text), 2 * WORDS_SEEN)]
    out: list[str] = []
    pending = ""
    for word in words:
        if is_wide(word):
            if pending:
                out.append(pending + word)
                pending = ""
            else:
                pending = word
            continue
        if pending:
            out.append(pending)
            pending = ""
        out.append(word)
    if pending:
        out.append(pending)
    return out[:WORDS_SEEN]


def _header_line(text: str, words: list[str]) -> bool:
    """A short line naming the author ("By Jane Smith") or holding a date."""
    return 0 < len(words) <= 12 and (BYLINE.match(text) is not None or DATE.search(text) is not None)


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = url.split("//", 1)[-1].split("/", 1)[-1].split("?", 1)[0]
    return {w.lower() for w in WORD.findall(path) if not w.isdigit() and len(w) > 2 and w.lower() not in STOP_SLUG}


def _name_words(source: str | None) -> set[str]:
    """The words of a file's name, for a document with no URL: scrapers often name a page's file after
    its URL's slug ("2024-09-18_olive-growers-drip-irrigation.txt"). Words with digits (ids, hashes)
    are left out, and a name with fewer than `NAME_WORDS` words left ("page-1.txt") gives none."""
    if not source:
        return set()
    name = source.replace("\\", "/").rsplit("/", 1)[-1].split(".", 1)[0].replace("_", " ")
    words = {w for w in _slug_words("x/" + name) if not any(c.isdigit() for c in w)}
    return words if len(words) >= NAME_WORDS else set()


def _title(header: _Header, language: str | None) -> tuple[int, str] | None:
    """The candidate with the best title score when it reaches `TITLE_BAR`, and the facts that made it."""
    best, best_logit, best_facts = None, -math.inf, {}
    for i, facts in _title_facts(header, language):
        logit = TITLE_BIAS + sum(TITLE_WEIGHTS[name] * value for name, value in facts.items())
        if logit > best_logit:
            best, best_logit, best_facts = i, logit, facts
    if best is None or best_logit < TITLE_BAR:
        return None
    shares = sorted(((TITLE_WEIGHTS[n] * v, n) for n, v in best_facts.items() if v), reverse=True)
    terms = ", ".join([f"{n} {w:+.2f}" for w, n in shares] + [f"bias {TITLE_BIAS:+.2f}"])
    return best, f"title score {best_logit:.2f} >= {TITLE_BAR}: {terms}"


def _title_facts(header: _Header, language: str | None) -> Iterator[tuple[int, dict[str, float]]]:
    """Each headline-shaped line from `lo` to the body's start, with the facts the title score weighs."""
    lines, words, keys, decisions, start = header.lines, header.words, header.keys, header.decisions, header.start
    taken = set(header.found.values())
    byline = header.found.get("byline")
    copies = Counter(keys)
    # The first kept line of a title's length (a one- or two-word kicker above the headline does not count).
    first_kept = next((d.line for d in decisions if d.keep and keys[d.line] is not None), None)
    opens_kept = (
        first_kept is not None and 0 < start - first_kept and _kept_between(decisions, first_kept, start) < NEAR_BODY
    )
    matcher = boilerplate_matcher(language)
    every_line = ""  # every line's key (`_key`), one a line: made when first needed
    for i in range(header.lo, min(start + 1, len(lines))):
        key, w, text = keys[i], words[i], lines[i].text.strip()
        if i in taken or not header.titled[i] or key is None or _unlike_title(text):
            continue
        if not every_line:
            every_line = "\n" + "\n".join(map(_key, words)) + "\n"
        below, opening = _below(decisions, taken, i), opens_kept and i == first_kept
        yield i, {
            "url_words": len({x.lower() for x in w} & header.slug) / len(header.slug) if header.slug else 0.0,
            "repeated": float(copies[key] > 1),
            "extended": float(f"\n{key} " in every_line or f" {key}\n" in every_line),
            "opens_kept": float(opening),
            "above_header": float(below in taken),
            "above_byline": float(below == byline),
            "above_standfirst": float(below == header.standfirst),
            "above_summary": float(
                below not in taken and below + 1 in taken and SUMMARY_WORDS[0] <= len(words[below]) <= SUMMARY_WORDS[1]
            ),
            "headline_length": float(HEADLINE_WORDS[0] <= len(w) <= HEADLINE_WORDS[1]),
            "kept": float(decisions[i].keep),
            "boilerplate": float(boilerplate_share(text, matcher) > 0),
            "opens_document": float(i == header.first_line and (opening or i + 1 == first_kept) and _headed(header, i + 1)),
        }


def _below(decisions: Sequence[Decision], taken: set[int], i: int) -> int:
    """The line a reader sees under line `i`: up to `RULED_GAP` lines a rule dropped in between (share
    buttons, a reading time, "Article réservé aux abonnés") are passed over, unless one is the byline or date."""
    j = i + 1
    while j <= i + RULED_GAP and j < len(decisions) and j not in taken and decisions[j].reason.kind == "rule":
        j += 1
    return j if j >= len(decisions) or j in taken or decisions[j].reason.kind != "rule" else i + 1


def _headed(header: _Header, i: int) -> bool:
    """Line `i`, under the document's first line, is no article text: dropped (a caption), or a
    standfirst with no full stop (a longer headline-shaped line)."""
    if i >= len(header.lines):
        return False
    if not header.decisions[i].keep:
        return True
    shaped = header.keys[i] is not None and not _unlike_title(header.lines[i].text.strip())
    return shaped and len(header.words[i]) > len(header.words[i - 1])


def _unlike_title(text: str) -> bool:
    """A sentence, a date or a link."""
    return bool(SENTENCE_END.search(text) or DATE.search(text) or URL.search(text))


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


def _standfirst(header: _Header, title: int, found: dict[str, int]) -> int | None:
    """The line right after the title, when a byline or date follows it before the body, or when the
    document opens with the title and the line is a longer one with no full stop (`_headed`).

    A short post may be all standfirst: with no kept line after it (after the byline or date, when
    there is one), the line is the body.
    """
    words, decisions = header.words, header.decisions
    candidate = title + 1
    if candidate >= len(words) or not header.free[candidate] or not decisions[candidate].keep:
        return None
    after = [i for name, i in found.items() if name in ("byline", "date") and i > title]
    if after:
        if candidate >= min(after) or not 10 <= len(words[candidate]) <= 70:
            return None
        rest = max(after) + 1
    elif title == header.first_line and _headed(header, candidate):
        rest = candidate + 1
    else:
        return None
    return candidate if any(d.keep for d in decisions[rest:]) else None


def _key(words: list[str]) -> str:
    """Two lines are copies when they have the same words, whatever the case and punctuation."""
    return " ".join(words).lower()


def _as_metadata(decision: Decision, name: str, why: str = "") -> Decision:
    detail = f"{name}: kept as metadata, not in the body" + (f" ({why})" if why else "")
    reason = Reason("context", f"metadata:{name}", "cleaner/metadata.py", detail)
    return replace(decision, keep=False, reasons=(reason, *decision.reasons))
