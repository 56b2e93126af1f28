"""Readers' comments: the attribution lines that head each comment.

A comment section repeats a short line naming who wrote and when ("jonathan says:",
"Posted by: Tony K at October 29, 2012 08:11 PM", "Luke, on November 7th, 2012
10:41 am", "Reply", "12 Responses"). One such line also heads many articles (a
byline with a date and a time, or a date alone), so the context pass (`context.py`)
looks at those that follow some article text: from the first of two close together
on, the text is usually readers' comments, not the article. A count heading ("{ 131
comments }", `count_heading`) after some article text opens the section by itself.

>>> comment_header("Posted by: Tony K at October 29, 2012 08:11 PM")
1.0
>>> comment_header("jonathan says:"), comment_header("Reply"), comment_header("12 Responses")
(1.0, 1.0, 1.0)
>>> comment_header("Antworten"), comment_header("3 commentaires"), comment_header('5 thoughts on "Bridge"')
(1.0, 1.0, 1.0)
>>> comment_header("Progress Trap said,"), comment_header("November 5, 2012"), comment_header("Aug 8 2012")
(1.0, 1.0, 1.0)
>>> comment_header("The council voted on Tuesday, 12 March 2024, at 10:45 to rebuild the bridge.")
0.0
>>> comment_header("Updated 12 March 2024, 10:45")
0.0
>>> comment_header("1. Clinton Portis, RB, Denver Broncos — 55.40 fantasy points (2003)")  # a score, not a time
0.0
"""

from __future__ import annotations

import regex

from cleaner.scoring.tokens import DATE, WORD

#: A header is short: longer lines are prose even when they carry a date and a time.
MAX_WORDS = 16
#: A count heading is shorter still ("{ 0 comments… add one now }").
COUNT_WORDS = 10
#: "Reply" and "N comments" in the languages that have generic rules.
_REPLY = r"reply|reply ↓|report|report abuse|antworten|répondre|responder|rispondi|antwoord|ответить|відповісти"
_COMMENTS = (
    r"comments?|responses?|replies|thoughts|kommentare?|commentaires?|réponses?|comentarios?|respuestas?"
    r"|commenti|risposte|comentários?|reacties|комментари\w*|коментар\w*"
)
HEADER = regex.compile(
    # "NAME says:", "Posted by NAME wrote..."
    # (no two whitespace runs may meet: `\s*\s*` or `\s+.{1,40}?\s+` backtrack quadratically on a long run of spaces)
    r"^\s*(?:(?:posted by:?|by|from|comment by|reply from)\s*)?\S.{0,50}?\b(?:says|said|wrote|writes|schreibt|sagt|dit)"
    r"\s*(?::|,|\.\.\.|…)\s*$"
    # a comment's buttons and a comment section's headings
    rf"|^\s*(?:{_REPLY}|\d+\s+(?:{_COMMENTS})(?:\s+(?:to|on|zu|sur|en|su|op)\s.*)?"
    r"|leave a (?:reply|comment)|post a comment|add (?:a|your) comment|comments are closed.*|responses to .*)\s*$"
    # "Posted by NAME at/on DATE"
    r"|^\s*(?:posted by:?|by)\s+\S.{0,39}?\s+(?:at|on)\s+.{0,30}\d",
    regex.IGNORECASE,
)
#: A comment section's count heading: "{ 131 comments }", "22 Responses to “Bridge”", "(12 Kommentare)",
#: "20 Comments Post a comment" (at most `COUNT_WORDS` words).
COUNT_HEADING = regex.compile(
    rf"^\s*(?:[{{(\[]\s*)?\d+\s+(?:{_COMMENTS})\b", regex.IGNORECASE
)
#: How a count heading starts: the regex runs only on lines that start so.
_COUNT_FIRST = frozenset("0123456789{([")
#: A time of day: hours 0-23 and minutes 00-59, or an hour with am/pm ("55.40 points" is a score, not a time).
CLOCK = regex.compile(r"(?<![\d.,])(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![\d.,]\d)|\b\d{1,2}\s*(?i:am|pm)\b")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_DIGIT = regex.compile(r"\d")
_STAMP = regex.compile(r"(?i)\b(?:updated|published|modified|aktualisiert|actualizado|mis à jour)\b")
_SENTENCE_END = regex.compile(r"\w\w\w[.!?][\"'”’)]*\s*$")


def count_heading(text: str, n_words: int) -> bool:
    """Whether the line heads a comment section with the number of comments.

    >>> count_heading("{ 131 comments }", 2), count_heading('22 Responses to "Bridge"', 4)
    (True, True)
    >>> count_heading("{ 0 comments… add one now }", 5), count_heading("Readers left 3 comments.", 4)
    (True, False)
    """
    if not 0 < n_words <= COUNT_WORDS or text.lstrip()[:1] not in _COUNT_FIRST:  # most lines: one cheap test
        return False
    return COUNT_HEADING.match(text) is not None


def comment_header(text: str, words: list[str] | None = None) -> float:
    """1.0 when the line reads like the attribution line of a comment (or a comment-count heading).

    `words`: the line's `\\w+` tokens when the caller has them already.
    """
    n_words = len(words if words is not None else WORD.findall(text))
    if not n_words or n_words > MAX_WORDS:
        return 0.0
    if HEADER.search(text):
        return 1.0
    if not _DIGIT.search(text):
        return 0.0
    if n_words <= 4 and DATE.fullmatch(text.strip()):  # a date alone: a comment's, under its author's name
        return 1.0
    if not CLOCK.search(text):  # no time of day (most lines: one cheap test)
        return 0.0
    if _SENTENCE_END.search(text) or _STAMP.search(text):  # a dated sentence or an update stamp, not a header
        return 0.0
    return 1.0 if DATE.search(text) or _YEAR.search(text) else 0.0
