"""Markdown read as the text it renders to.

Scrapers that write Markdown (html2text, Firecrawl, Jina Reader, crawl4ai) keep what
a page's plain text does not: link targets, image references, emphasis marks, list
bullets, heading hashes and table rules. The scorer's features were fitted on plain
text, and misread all of that: a paragraph with two links reads as a line of URLs,
"**Share this article**" is not the label it is, a menu of "* Home" bullets gets a
bullet's score. So a document that looks like Markdown (`looks_like_markdown`: at
least `MIN_LINKS` links or images with a target) is read as the plain text it renders
to before anything else sees it (`rendered`, in `ingest.prepare`): the lines of a paragraph joined
(`join_soft_breaks`; html2text wraps lines, and a break may fall inside a link), then
the marks taken out (`plain_text`); code is set aside first and put back as written
(`_set_code_aside`). The clean output is that plain text.

On the bench pages made into whole-page Markdown by html2text, this takes F1 from
0.771 to 0.891, and from 0.657 to 0.855 when html2text wraps the lines at 78 columns,
its default (`python bench/formats.py --scrapers`). Text that merely holds a bracket
or an asterisk is left as it is: without links the document is not taken for Markdown.
"""

from __future__ import annotations

from itertools import chain, islice

import regex

MIN_LINKS = 3  #: links or images with a target before a document is read as Markdown

# No run can pass the mark that ends it, and runs are bounded and do not backtrack, so any
# text (a megabyte of "[" or of "**") is read in linear time. A hard break ("  " at a line's
# end) keeps its line when a paragraph's lines are joined, and may fall inside a link's or an
# emphasis's text: a single line break may sit in one, a blank line not.
_BREAK = r"\n(?![ \t]*\n)"
_BRACKETED = r"\[((?:[^\[\]\n\\]|\\.|" + _BREAK + r"){0,500}+)\]"  # text with escapes, no brackets
_TARGET = (  # (url "title"), one level of parentheses in the url; or a reference, "[text][1]", defined elsewhere
    r"(?:\((?:[^()\s]|\([^()\s]{0,200}+\)){0,2000}+(?:[ \t]++\"[^\"\n]{0,500}+\")?[ \t]*\)|\[[^\[\]\n]{0,100}+\])"
)
_IMAGE = regex.compile(r"(?<!\\)!" + _BRACKETED + _TARGET)
_LINK = regex.compile(r"(?<![\\!])" + _BRACKETED + _TARGET)  # images go first: "[![logo](src) Home](/)" is a link
_LINK_OR_IMAGE = regex.compile(r"(?<!\\)!?" + _BRACKETED + _TARGET)
_DEFINITION = regex.compile(r"^[ \t]{0,3}\[[^\[\]\n]{1,200}+\]:[ \t]*\S.*$", regex.MULTILINE)  # "[1]: https://..."
_SPAN = r"((?:(?!\1).|" + _BREAK + r"){1,2000}?)"  # emphasised text, up to the next mark of its kind
_STRONG = regex.compile(r"(?<!\\)(\*\*|__)(?=\S)" + _SPAN + r"(?<=[^\s\\])\1")  # an escaped mark is a character
_EMPHASIS = regex.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])" + _SPAN + r"(?<=[^\s*_\\])\1(?![\w*])")
_EMPTY_MARKS = regex.compile(r"(?<!\S)(?:\*\*|__)(?!\S)")  # what is left of emphasis around an icon
_LINE_MARKS = regex.compile(r"^[ \t]*(?:(?:[*+-]|\d{1,3}[.)]|>)[ \t]+)*(?:#{1,6}(?:[ \t]+|$))?", regex.MULTILINE)
# Lines the joining keeps apart, from the start of a line: a heading, a table row, a rule ("---", "* * *", "===").
_HEADING = r"[ \t]*#{1,6}(?:[ \t]|$)"
_TABLE_ROW = r"[ \t]*\||.*[ \t]\|(?:[ \t]|$)"
_RULE_LINE = r"[ \t]*(?:[-=*_][ \t]*){3,}$"
_RULE = regex.compile(  # a rule, or a table's rule under its header ("---|:---:")
    rf"^(?:[ \t]*\|?[ \t]*:?-{{3,}}:?[ \t]*(?:\|[ \t]*:?-{{3,}}:?[ \t]*)*\|?$|{_RULE_LINE})", regex.MULTILINE
)
_BACKSLASH_BREAK = regex.compile(r"(?<!\\)((?:\\\\)*+)\\$", regex.MULTILINE)  # a hard break's "\" (not an escaped one)
# Backslash escapes, but not of brackets and parentheses: unescaped, "\[a\](b)" would become a link for the next reading.
_ESCAPE = regex.compile(r"\\([\\`*_{}#+\-.!|>])")


def rendered(text: str) -> str | None:
    """The plain text `text` renders to if it looks like Markdown (its lines joined first), else None.

    >>> rendered("[Home](/) [News](/news) [Sport](/sport)\\n\\nThe **council**\\nvoted.")
    'Home News Sport\\n\\nThe council voted.'
    >>> rendered("A line\\nand [one](/link).") is None
    True
    """
    if "](" not in text and "][" not in text:
        return None
    text, code = _set_code_aside(_QUOTE.sub("", text))
    joined = join_soft_breaks(text)
    if not looks_like_markdown(joined):
        return None
    return _CODE_MARK.sub(lambda m: code[int(m.group(1))], plain_text(joined)) if code else plain_text(joined)


#: Where `_set_code_aside` put a piece of code: a mark no text holds (characters for private use).
_CODE_MARK = regex.compile("[\ue000\ue002](\\d{1,9})\ue001")  # \ue002: a fenced block, a line of its own
_FENCE = regex.compile(r"[ \t]{0,3}+(`{3,}+|~{3,}+)")  # opens or closes a fenced block
_CODE_SPAN = regex.compile(r"(?<![\\`])(`{1,3}+)(?!`)([^`\n]{1,500}?)(?<!`)\1(?!`)")  # `inline code`


def _set_code_aside(text: str) -> tuple[str, list[str]]:
    """`text` with each fenced block and `inline code` replaced by a mark, and the code the marks stand for.

    Code is shown as written: a block's lines are not joined and no marks are taken out of
    it, and its fences become blank lines; inline code loses its backticks. A fence that is
    never closed is no fence (a row of "~" under a heading), where CommonMark would run it
    to the end: a scrape's decoration must not turn the rest of the page into code.

    >>> _set_code_aside("Run `a_b_c` now:\\n```sh\\nx **y**\\n```")
    ('Run \\ue0000\\ue001 now:\\n\\ue0021\\ue001', ['a_b_c', '\\nx **y**\\n'])
    """
    if ("`" not in text and "~~~" not in text) or "\ue000" in text or "\ue002" in text:
        return text, []
    code: list[str] = []

    def aside(piece: str, mark: str = "\ue000") -> str:
        code.append(piece)
        return f"{mark}{len(code) - 1}\ue001"

    lines = text.split("\n")
    fences = [_FENCE.match(line) for line in lines]
    # closes_after[i][c]: the longest fence of character c that could close a block after line i
    closes_after: list[dict[str, int]] = [{}] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        fence = fences[i]
        closes_after[i] = closes_after[i + 1]
        if fence and not lines[i][fence.end() :].strip():
            mark = fence.group(1)
            if len(mark) > closes_after[i].get(mark[0], 0):
                closes_after[i] = {**closes_after[i], mark[0]: len(mark)}
    out: list[str] = []
    block: list[str] | None = None  # the open block's lines, from its fence
    opener = ""
    for i, (line, fence) in enumerate(zip(lines, fences)):
        mark = fence.group(1) if fence else ""
        if block is None:
            info = line[fence.end() :] if fence else ""
            if fence and not (mark[0] == "`" and "`" in info) and closes_after[i + 1].get(mark[0], 0) >= len(mark):
                block, opener = [line], mark
            else:
                out.append(_CODE_SPAN.sub(lambda m: aside(m.group(2)), line) if "`" in line else line)
        elif fence and mark[0] == opener[0] and len(mark) >= len(opener) and not line[fence.end() :].strip():
            out.append(aside("\n".join(["", *block[1:], ""]), "\ue002"))
            block = None
        else:
            block.append(line)
    return "\n".join(out), code


def looks_like_markdown(text: str) -> bool:
    """At least `MIN_LINKS` Markdown links or images with a target or a reference, or link definitions.

    >>> looks_like_markdown("[Home](/) [News](/news) ![logo](/logo.png)")
    True
    >>> looks_like_markdown("[Home][1] [News][2]\\n\\n[1]: https://example.org/\\n[2]: https://example.org/news")
    True
    >>> looks_like_markdown("See note [1] and (2). **Bold** claims [citation needed](sic).")
    False
    """
    found = chain(_LINK_OR_IMAGE.finditer(text), _DEFINITION.finditer(text))
    return next(islice(found, MIN_LINKS - 1, None), None) is not None  # stops at the `MIN_LINKS`th


_QUOTE = regex.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", regex.MULTILINE)  # a quote's marks: its text is read as any other
_OWN_LINE = regex.compile(f"{_HEADING}|{_TABLE_ROW}|{_RULE_LINE}|\ue002")  # joined to neither line (\ue002: code)
_STARTS_LINE = regex.compile(r"[ \t]*(?:[*+-][ \t]|\d{1,3}[.)][ \t]|\[[^\[\]\n]{1,200}+\]:)")  # list item, definition
_HARD_BREAK = regex.compile(r"(?:  |\\)$")  # ends a line


def join_soft_breaks(text: str) -> str:
    """The lines of a paragraph joined by spaces, as Markdown renders a single line break inside one.

    Hard-wrapped Markdown (html2text's default) breaks lines inside links and emphasis. A
    list item, link definition, heading, table row or rule starts a line of its own; a heading, a
    table row, a rule and a hard break (two spaces or a backslash at the end) end one.

    >>> join_soft_breaks("The council [voted on\\nTuesday](/vote) to\\nrebuild it.\\n\\n* Home\\n* News\\n\\n# Title\\nText")
    'The council [voted on Tuesday](/vote) to rebuild it.\\n\\n* Home\\n* News\\n\\n# Title\\nText'
    """
    paragraphs: list[list[str]] = []  # each output line's input lines
    for line in text.split("\n"):
        last = paragraphs[-1][-1] if paragraphs else ""
        if (
            last.strip()
            and line.strip()
            and not (_OWN_LINE.match(line) or _STARTS_LINE.match(line))
            and not (_OWN_LINE.match(last) or _HARD_BREAK.search(last))
        ):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return "\n".join(
        lines[0] if len(lines) == 1 else " ".join([lines[0].rstrip(), *(line.strip() for line in lines[1:])])
        for lines in paragraphs
    )


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
    >>> plain_text("The [council][1] voted.\\n\\n  [1]: https://example.org/council")
    'The council voted.\\n\\n'
    >>> plain_text("12 Quay Street\\\\\\nHarbourtown, a path C:\\\\\\\\")
    '12 Quay Street\\nHarbourtown, a path C:\\\\'
    """
    text = _DEFINITION.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _LINE_MARKS.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _EMPTY_MARKS.sub("", text)
    text = _BACKSLASH_BREAK.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)
