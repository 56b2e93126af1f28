"""Bytes -> text -> `Document`: decoding, conservative repair, normalisation.

Decoding order: a byte-order mark (UTF-8/16/32), then strict UTF-8, then charset
detection (charset_normalizer, which trafilatura brings). Binary data (NUL bytes,
many control characters) and empty input are refused with an `InputError` whose
message is one line a person can act on.

Repair uses ftfy configured conservatively: it fixes mojibake and broken
encodings only; curly quotes, ligatures, full-width forms and line breaks stay as
the author wrote them. Normalisation: CRLF/CR -> LF, zero-width junk removed,
trailing whitespace removed, whitespace-only lines (including non-breaking
spaces) made blank.
"""

from __future__ import annotations

import codecs

import ftfy
import regex

from cleaner.model import Document, Line

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

# Zero-width space, word joiner, BOM inside text, soft hyphen, LRM/RLM marks.
# ZWJ/ZWNJ stay: emoji sequences and several scripts need them.
_ZERO_WIDTH = regex.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f]")
_LINE_BREAKS = regex.compile("\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_TRAILING_SPACE = regex.compile(r"[^\S\n]+$", regex.MULTILINE)
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


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


def repair(text: str) -> str:
    """Fix mojibake conservatively (see module docs)."""
    if text.isascii():
        return text
    return ftfy.fix_text(text, _FTFY)


def normalise(text: str) -> str:
    """Line breaks to LF, zero-width junk out, blank-looking lines made blank.

    >>> normalise("a\\r\\nb\\u00a0\\n\\u00a0\\n\\u200bc")
    'a\\nb\\n\\nc'
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    return _TRAILING_SPACE.sub("", text)


def make_document(
    text: str, *, source: str | None = None, url: str | None = None, site: str | None = None
) -> Document:
    """Cut normalised text into lines and blocks (see `cleaner.model`)."""
    lines: list[Line] = []
    block = 0
    gap = False
    offset = 0
    for raw in text.split("\n"):
        end = offset + len(raw)
        if raw:
            if gap and lines:
                block += 1
            lines.append(Line(index=len(lines), start=offset, end=end, block=block, text=raw))
            gap = False
        else:
            gap = True
        offset = end + 1
    return Document(text=text, lines=tuple(lines), source=source, url=url, site=site)


def document_from_text(
    text: str, *, source: str | None = None, url: str | None = None, site: str | None = None
) -> Document:
    """Repair and normalise text, then make a `Document` of it."""
    return make_document(normalise(repair(text)), source=source, url=url, site=site)


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
