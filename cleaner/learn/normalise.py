"""Line normalisation for learning: which lines count as "the same line".

Two lines are the same when they differ only in case, digits, whitespace,
punctuation and symbols: `Comments (3)` and `comments (12)` both normalise to
`comments 0`. Counting uses an 8-byte hash of the normal form (`line_key`), so
the counters hold fixed-size keys whatever the lines are. `equivalence_pattern`
is a regex that matches exactly the lines of one normal form, so a learned rule
drops what was counted.

>>> normal_form("  Comments (12) »")
'comments 0'
>>> line_key("Comments (3)") == line_key("comments [12]")
True
>>> import regex
>>> pattern = equivalence_pattern("Comments (3)")
>>> bool(regex.fullmatch(pattern, "COMMENTS: 1204 »", regex.IGNORECASE))
True
"""

from __future__ import annotations

import hashlib

import regex

_SEPARATOR = regex.compile(r"[\p{P}\p{S}\p{Z}\p{Cc}\s]+")
_DIGITS = regex.compile(r"\d+")
_LETTER = regex.compile(r"\p{L}")
#: Bytes of the blake2b digest a counted line is reduced to.
KEY_BYTES = 8
#: Between and around the words of a normal form (`[\W_]` = punctuation, symbols, spaces).
SEPARATOR_PATTERN = r"[\W_]"


def normal_form(text: str) -> str:
    """Case folded, digit runs as `0`, punctuation, symbols and spaces as one space."""
    folded = _SEPARATOR.sub(" ", text.casefold())
    return " ".join(_DIGITS.sub("0", folded).split())


def line_key(text: str) -> bytes | None:
    """The hashed normal form, or None for lines without a letter (never learned)."""
    normal = normal_form(text)
    if not _LETTER.search(normal):
        return None
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=KEY_BYTES).digest()


def equivalence_pattern(text: str) -> str:
    """A regex (to use whole-line and case-insensitive) for every line with `text`'s normal form."""
    words = []
    for word in normal_form(text).split(" "):
        pieces = _DIGITS.split(word)
        words.append(r"\d+".join(regex.escape(piece, literal_spaces=True) for piece in pieces))
    return f"{SEPARATOR_PATTERN}*" + f"{SEPARATOR_PATTERN}+".join(words) + f"{SEPARATOR_PATTERN}*"
