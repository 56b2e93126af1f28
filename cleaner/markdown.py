"""Markdown read as the text it renders to.

Scrapers that write Markdown (html2text, Firecrawl, Jina Reader, crawl4ai) keep what
a page's plain text does not: link targets, image references, emphasis marks, list
bullets, heading hashes and table rules. The scorer's features were fitted on plain
text, and misread all of that: a paragraph with two links reads as a line of URLs,
"**Share this article**" is not the label it is, a menu of "* Home" bullets gets a
bullet's score. So a document that looks like Markdown (`looks_like_markdown`: at
least `MIN_LINKS` links or images with a target) is read as its plain text
(`plain_text`) before anything else sees it, and the clean output is that plain text.

On the bench pages turned into whole-page Markdown by html2text, this takes F1 from
0.771 to 0.881 (BENCHMARKS.md, *formats*). Text that merely holds a bracket or an
asterisk is left as it is: without links the document is not taken for Markdown.
"""

from __future__ import annotations

import regex

MIN_LINKS = 3  #: links or images with a target before a document is read as Markdown

_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\s*\)"  # (url "title"); one level of parens in the url
_IMAGE = regex.compile(r"(?<!\\)!\[(?:[^\]\n\\]|\\.)*\]" + _TARGET)
# The anchor text may hold escapes and an image's brackets; an escaped "\[" opens no link.
_LINK = regex.compile(r"(?<!\\)\[((?:[^\[\]\n\\]|\\.|\[[^\]\n]*\])*)\]" + _TARGET)
_STRONG = regex.compile(r"(?<!\\)(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1")  # an escaped mark is a character
_EMPHASIS = regex.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*])")
_EMPTY_MARKS = regex.compile(r"(?<!\S)(?:\*\*|__)(?!\S)")  # what is left of emphasis around an icon
_LINE_MARKS = regex.compile(r"^[ \t]*(?:(?:[*+-]|\d{1,3}[.)]|>)[ \t]+)*(?:#{1,6}(?:[ \t]+|$))?", regex.MULTILINE)
_RULE = regex.compile(
    r"^[ \t]*(?:\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?|(?:[-*_][ \t]*){3,})$", regex.MULTILINE
)
# Backslash escapes, but not of brackets and parentheses: unescaped, "\[a\](b)" would become a link for the next reading.
_ESCAPE = regex.compile(r"\\([\\`*_{}#+\-.!|>])")


def looks_like_markdown(text: str) -> bool:
    """At least `MIN_LINKS` Markdown links or images with a target.

    >>> looks_like_markdown("[Home](/) [News](/news) ![logo](/logo.png)")
    True
    >>> looks_like_markdown("See note [1] and (2). **Bold** claims [citation needed](sic).")
    False
    """
    if "](" not in text:
        return False
    found = 0
    for _ in _LINK.finditer(text):  # an image's "![alt](src)" holds a link's "[alt](src)"
        found += 1
        if found >= MIN_LINKS:
            return True
    return False


def plain_text(text: str) -> str:
    """Markdown reduced to the text it renders to; lines stay lines (a table rule or a bullet-only line becomes blank).

    >>> plain_text("## Flood wall to be rebuilt")
    'Flood wall to be rebuilt'
    >>> plain_text("  * [World](https://example.com/world \\"World news\\")")
    'World'
    >>> plain_text("The [council](/council) voted on **Tuesday** ![](/img/a.png)")
    'The council voted on Tuesday '
    >>> plain_text("[![Logo](/logo.png) Example News](/) | _Menu_ __\\n---|---\\n1\\\\. snake_case_name")
    'Example News | Menu \\n\\n1. snake_case_name'
    """
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)  # a link inside a link's text
    text = _RULE.sub("", text)
    text = _LINE_MARKS.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _EMPTY_MARKS.sub("", text)
    return _ESCAPE.sub(r"\1", text)
