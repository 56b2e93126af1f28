"""Bytes -> text -> `Document`: decoding, conservative repair, normalisation.

Decoding order: a byte-order mark (UTF-8/16/32), then strict UTF-8, then charset
detection (charset_normalizer, which trafilatura brings). Binary data (NUL bytes,
many control characters) and empty input are refused with an `InputError` whose
message is one line a person can act on.

Repair uses ftfy configured conservatively: it fixes mojibake and broken
encodings only; curly quotes, ligatures, full-width forms and line breaks stay as
the author wrote them. Normalisation: CRLF/CR -> LF, zero-width junk removed,
trailing whitespace removed, whitespace-only lines (including non-breaking
spaces) made blank. A Markdown document (a scraper's Markdown dump) is read as the
plain text it renders to: a paragraph's lines joined, link targets, images, emphasis,
bullets, heading hashes and table rules gone (`cleaner.markdown`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
import regex
from ftfy.badness import is_bad

from cleaner.markdown import rendered
from cleaner.model import Document, Line
from cleaner.wrapping import wrap_width

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_LINE_BREAKS = regex.compile("\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Removed in one pass (stdlib `re` is faster on a plain class): the control
# characters above, and zero-width space, word joiner, BOM inside text, soft
# hyphen, LRM/RLM marks. ZWJ/ZWNJ stay: emoji sequences and several scripts need them.
_DELETED = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\x00-\x08\x0e-\x1f\x7f]")
# Starts only where a run of spaces starts and never backtracks into it: linear
# time on long runs of spaces (the plain `[^\S\n]+$` is quadratic there).
_TRAILING_SPACE = regex.compile(r"(?<![^\S\n])[^\S\n]++$", regex.MULTILINE)
_ANY_TRAILING_SPACE = regex.compile(r"[^\S\n]$", regex.MULTILINE)  #: a cheap test before the removal
_NON_BLANK_LINE = regex.compile(r"[^\n]+")
# What ftfy (as configured in `_FTFY`) changes besides mojibake: the control
# characters it strips, C1 controls, terminal escapes, lone surrogates.
_FTFY_TOUCHES = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u206a-\u206f\ufeff\ufff9-\ufffc\ud800-\udfff]")
_NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")
_MOJIBAKE_REACH = 7  #: the longest match of ftfy's `BADNESS_RE`
_LINE_START_MOJIBAKE = re.compile("^[\u00c2\u00c3] ", re.MULTILINE)  #: its `^[ÃÂ][ ]` branch


class InputError(Exception):
    """An input that cannot be cleaned; the message is one line, without the path."""


def decode(data: bytes) -> str:
    """Decode raw bytes to text, or raise `InputError` saying why not.

    >>> decode("café".encode("utf-8"))
    'café'
    >>> decode(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
    'hi'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {encoding} after byte-order mark ({err.reason})") from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data)
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise InputError("binary file (too many control characters)")
    return text


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError("cannot detect the text encoding (binary file?)")
    return data.decode(best.encoding, errors="replace")


_LINE_END = regex.compile(r"(\r\n|\r|\n)")


def repair(text: str) -> str:
    """Fix mojibake conservatively (see module docs).

    The same result as `ftfy.fix_text(text, _FTFY)` on each line, faster: only
    the lines ftfy could change are given to it. A line ends at any line break,
    CR included (ftfy alone cuts at LF only; see below).

    >>> repair("The caf\u00c3\u00a9 opened.\\nNothing to fix here.")
    'The caf\u00e9 opened.\\nNothing to fix here.'
    """
    if _untouched_by_ftfy(text):
        return text
    # Lines end at any line break (CR too, which `normalise` turns into LF later), so that
    # ftfy sees the same line here as when the cleaned output is read again.
    segments = _LINE_END.split(text)
    fixed = []
    for line, end in zip(segments[::2], [*segments[1::2], ""]):
        segment = line + end
        fixed.append(segment if _untouched_by_ftfy(segment) else ftfy.fix_text(segment, _FTFY))
    return "".join(fixed)


def _untouched_by_ftfy(text: str) -> bool:
    """True when ftfy, as configured, would return `text` unchanged (a sufficient test).

    ftfy leaves ASCII alone (bar the control characters above). Its mojibake test
    (`is_bad`, a regex) only matches at most `_MOJIBAKE_REACH` characters holding a
    non-ASCII one (tests/test_properties.py checks both against ftfy's pattern), so
    it is run on windows around the non-ASCII runs only; its one pattern anchored
    at a segment start is checked at every line start.
    """
    if _FTFY_TOUCHES.search(text) is not None:
        return False
    if text.isascii():
        return True
    if not unicodedata.is_normalized("NFC", text) or _LINE_START_MOJIBAKE.search(text):
        return False
    reach = _MOJIBAKE_REACH
    windows = "\n".join(text[max(0, m.start() - reach) : m.end() + reach] for m in _NON_ASCII_RUN.finditer(text))
    return not is_bad(windows)


def prepare(text: str) -> str:
    """The text a `Document` holds: zero-width junk out, mojibake repaired, line breaks normalised.

    The junk goes before ftfy sees the text: a soft hyphen inside mojibake hides it
    from ftfy, which would then repair it when the clean output is read again.
    Markdown (`cleaner.markdown`: links, images) is read as the plain text it renders to,
    a paragraph's lines joined as Markdown renders them (html2text wraps lines, and a
    break may fall inside a link).
    """
    text = _LINE_BREAKS.sub("\n", repair(_DELETED.sub("", text)))
    markdown = rendered(text)  # before the trailing spaces go: two of them are a Markdown line break
    return _tidy(text if markdown is None else markdown)


def normalise(text: str) -> str:
    """Line breaks to LF, zero-width junk out, blank-looking lines made blank.

    >>> normalise("a\\r\\nb\\u00a0\\n\\u00a0\\n\\u200bc")
    'a\\nb\\n\\nc'
    """
    return _tidy(_LINE_BREAKS.sub("\n", text))


def _tidy(text: str) -> str:
    """`normalise` after the line breaks: zero-width junk out, blank-looking lines made blank."""
    text = _DELETED.sub("", text)
    if _ANY_TRAILING_SPACE.search(text) is None:
        return text
    return _TRAILING_SPACE.sub("", text)


def make_document(
    text: str, *, source: str | None = None, url: str | None = None, site: str | None = None
) -> Document:
    """Cut normalised text into lines and blocks (see `cleaner.model`).

    >>> [(line.text, line.start, line.block) for line in make_document("a\\nb\\n\\n\\nc").lines]
    [('a', 0, 0), ('b', 2, 0), ('c', 6, 1)]
    """
    lines: list[Line] = []
    block = 0
    previous_end = -1
    for match in _NON_BLANK_LINE.finditer(text):
        start, end = match.span()
        if lines and start > previous_end + 1:  # blank lines in between
            block += 1
        lines.append(Line(index=len(lines), start=start, end=end, block=block, text=match.group()))
        previous_end = end
    return Document(text=text, lines=tuple(lines), source=source, url=url, site=site, wrap_width=wrap_width(lines))


def document_from_text(
    text: str, *, source: str | None = None, url: str | None = None, site: str | None = None
) -> Document:
    """Repair and normalise text (`prepare`), then make a `Document` of it."""
    return make_document(prepare(text), source=source, url=url, site=site)


def document_from_bytes(
    data: bytes, *, source: str | None = None, url: str | None = None, site: str | None = None
) -> Document:
    """Decode, repair and normalise bytes; `InputError` for empty or binary input."""
    if not data.strip():
        raise InputError("empty file" if not data else "file holds only whitespace")
    document = document_from_text(decode(data), source=source, url=url, site=site)
    if not document.lines:
        raise InputError("file holds only whitespace")
    return document
