"""Invariants of cleaning, checked with hypothesis on generated pages.

- output lines are input lines (after normalisation), or parts of them left by a
  strip rule, in the same order: cleaner never invents or reorders text;
- replaying the decisions gives the output, and every dropped line or cut has a reason;
- cleaning is idempotent;
- no string or byte sequence raises (bytes may only be refused with `InputError`);
- article-like prose with no boilerplate comes out unchanged.

They go through the public API (`Cleaner`, `clean_text`, `cleaner.explain.render`),
so they hold for whatever rules and scorer ship.
"""

from __future__ import annotations

import json
import textwrap

import ftfy
import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner.api import Cleaner
from cleaner.explain import kept_text, render, report_record
from cleaner.ingest import _FTFY, InputError, make_document, normalise, prepare, repair

PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Real sentences of our own writing: what an article body looks like.
SENTENCES = (
    "The city council voted on Tuesday to rebuild the old stone bridge over the river.",
    "Residents have asked for a new crossing since the floods of last winter damaged its foundations.",
    "Work will begin in the spring and is expected to take about two years to complete.",
    "A temporary footbridge will keep both banks connected while the work goes on.",
    "The mayor told reporters that local firms would be invited to bid for the contract.",
    "Engineers who inspected the bridge in March found cracks in three of its five arches.",
    "Shop owners on the north bank said that trade had fallen by a third since the closure.",
    "The regional government has promised to pay for half of the cost of the project.",
    "Critics argue that the money would be better spent on the town's crumbling schools.",
    "At a packed public meeting, several speakers asked why the repairs had taken so long.",
    "The last major renovation of the bridge was carried out more than sixty years ago.",
    "Historians say the first crossing at this spot was built by monks in the twelfth century.",
    "Traffic will be diverted through the industrial estate for the duration of the works.",
    "Bus companies have warned passengers that journeys may take up to twenty minutes longer.",
    "The council expects to publish the full timetable for the works before the end of the month.",
    "Scientists at the university have been measuring the river's flow for nearly a decade.",
    "Their data show that the heaviest floods now arrive earlier in the year than they once did.",
    "Farmers upstream have been paid to let some of their fields flood in wet winters.",
    "That scheme, the first of its kind in the region, has cut peak water levels in the town.",
    "She said the decision was the hardest she had taken in her eight years in office.",
)

BOILERPLATE = (
    "Home | News | Sport | Weather",
    "Share this article",
    "Advertisement",
    "Read more:",
    "Sign up to our newsletter",
    "© 2024 Example Media Ltd. All rights reserved.",
    "Cookie settings",
    "Follow us on Twitter",
    "Skip to main content",
    "Related stories",
    "Comments (12)",
    "Posted by admin on 3 March 2024",
)

prose_paragraph = st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=5).map(" ".join)
# Paragraphs differ from each other: a paragraph repeated word for word is a second copy (it goes).
article = st.lists(prose_paragraph, min_size=3, max_size=8, unique=True).map("\n\n".join)
odd_line = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
page_line = st.one_of(prose_paragraph, st.sampled_from(BOILERPLATE), odd_line, st.just(""), st.just("   \t"))
page = st.lists(page_line, max_size=30).map("\n".join)


def wrapped(text: str, width: int, blank_lines: bool) -> str:
    """`text` as a text dump writes it: each line cut at `width` columns, blank lines kept or not."""
    lines = [part for line in text.split("\n") for part in (textwrap.wrap(line, width) or [""])]
    return "\n".join(line for line in lines if blank_lines or line.strip())


wrapped_page = st.builds(wrapped, page, st.integers(60, 100), st.booleans())
#: A page whose line breaks were lost: read as its sentences (`cleaner.pieces`) when long enough.
flat_page = st.builds(
    lambda parts, indent: indent + " ".join(" ".join(parts).split()),
    st.lists(st.one_of(prose_paragraph, st.sampled_from(BOILERPLATE), odd_line), min_size=8, max_size=30),
    st.sampled_from(["", "   "]),  # lynx indents every line
)
#: A page laid out in columns (inscriptis, lynx on a table layout): two lines side by side on each line.
column_page = st.lists(st.tuples(page_line, page_line, st.integers(3, 12)), max_size=20).map(
    lambda rows: "\n".join(f"{left}{' ' * gap}{right}" for left, right, gap in rows)
)
any_text = st.one_of(page, wrapped_page, flat_page, column_page, st.text(max_size=300))


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def is_char_subsequence(part: str, whole: str) -> bool:
    remaining = iter(whole)
    return all(char in remaining for char in part)


def check_output_comes_from_input(cleaner: Cleaner, text: str) -> None:
    result = cleaner.clean_text(text)
    document = result.document
    assert document.text == prepare(text)
    assert len(result.decisions) == len(document.lines)
    assert render(document, result.decisions) == result.text
    expected = []
    for line, decision in zip(document.lines, result.decisions):
        assert decision.line == line.index
        if decision.keep:
            piece = kept_text(line, decision)
            if decision.cuts:
                assert is_char_subsequence(piece, line.text)
                assert all(0 <= c.span.start <= c.span.end <= len(line.text) for c in decision.cuts)
            else:
                assert piece == line.text
            if piece:
                expected.append(piece)
    assert [out for out in result.text.split("\n") if out] == expected


@PROPERTY
@given(any_text)
@example("Home\n\nThe council met.\n\n\nShare this\n  \n")
def test_output_lines_are_input_lines_in_order(cleaner: Cleaner, text: str) -> None:
    check_output_comes_from_input(cleaner, text)


@PROPERTY
@given(any_text)
def test_every_dropped_line_and_cut_has_a_reason(cleaner: Cleaner, text: str) -> None:
    result = cleaner.clean_text(text)
    for decision in result.decisions:
        assert decision.reasons, decision
        if not decision.keep:
            assert decision.reason.kind in ("rule", "learned", "score", "context", "empty")
            assert decision.reason.id
        for cut in decision.cuts:
            assert cut.reason.id
    record = report_record(result, "generated")
    json.dumps(record)  # the --report record is plain JSON
    assert record["lines_dropped"] == len(result.dropped)


@PROPERTY
@given(any_text)
@example("\u00ac\u00df\r{\U00014647")  # ftfy repaired the line differently once the CR became LF
@example("\u00ad\u00c0\u00a7")  # the soft hyphen hid the mojibake from ftfy until it was deleted
@example("A0\r0/0/0/0:00\r0:0:0:0:0:0000000000000:0:0:0:0:0:0.")  # the output's first line is no title on a re-clean
def test_cleaning_is_idempotent(cleaner: Cleaner, text: str) -> None:
    once = cleaner.clean_text(text).text
    assert cleaner.clean_text(once).text == once


@PROPERTY
@given(st.one_of(article, st.builds(wrapped, article, st.integers(60, 100), st.just(True))))
def test_article_without_boilerplate_comes_out_unchanged(cleaner: Cleaner, text: str) -> None:
    assert cleaner.clean_text(text).text == text + "\n"


@PROPERTY
@given(st.text(max_size=400))
def test_no_string_raises(cleaner: Cleaner, text: str) -> None:
    result = cleaner.clean_text(text)
    assert isinstance(result.text, str)
    result.text.encode("utf-8")  # writable as UTF-8: no lone surrogates survive


@PROPERTY
@given(st.binary(max_size=400))
def test_bytes_are_cleaned_or_refused_with_input_error(cleaner: Cleaner, data: bytes) -> None:
    try:
        result = cleaner.clean_bytes(data, source="generated")
    except InputError as err:
        message = str(err)
        assert message and "\n" not in message
    else:
        result.text.encode("utf-8")


# Ingest's fast paths must give exactly what the plain versions give.

mojibake_alphabet = st.sampled_from(
    ["Ã©", "Ã", "â€™", "â€œ", "Â ", "Ã ", "\x92", "\x1b[31m", "\x07", "é", "e\u0301", "“", "”", "ü", "\n", " ", "a", "."]
)
mojibake_text = st.lists(st.one_of(mojibake_alphabet, st.text(max_size=5)), max_size=40).map("".join)


def ftfy_by_line(text: str) -> str:
    """ftfy on each line, a line ending at any line break: CR too (ftfy itself cuts at LF only),
    so that a cleaned output, whose CRs became LFs, repairs the same way when read again."""
    segments = regex.split(r"(?<=\r\n|\r(?!\n)|\n)", text)
    return "".join(ftfy.fix_text(segment, _FTFY) for segment in segments)


@settings(max_examples=300, deadline=None)
@given(mojibake_text)
@example("Ã  la carte\nÃ  la carte")
@example("ok\nÂ b")
@example("Ã©\r0Â ")  # a CR line break: ftfy alone would decode "0Â " with the mojibake of the line before
def test_repair_equals_ftfy(text: str) -> None:
    assert repair(text) == ftfy_by_line(text)
    if "\r" not in text:
        assert repair(text) == ftfy.fix_text(text, _FTFY)


_NAIVE_TRAILING_SPACE = regex.compile(r"[^\S\n]+$", regex.MULTILINE)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(["a", " ", "\t", "\u00a0", "\u3000", "\n", "."]), max_size=60))
def test_trailing_space_removal_equals_the_plain_regex(text: str) -> None:
    assert normalise(text) == _NAIVE_TRAILING_SPACE.sub("", text)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(["a", "b", " ", "\n"]), max_size=40))
def test_document_lines_and_blocks(text: str) -> None:
    document = make_document(text)
    raw = text.split("\n")
    assert [line.text for line in document.lines] == [r for r in raw if r]
    for line in document.lines:
        assert text[line.start : line.end] == line.text
    for before, after in zip(document.lines, document.lines[1:]):
        blank_between = after.start > before.end + 1
        assert after.block == before.block + (1 if blank_between else 0)


def test_ftfy_badness_pattern_is_as_repair_assumes() -> None:
    """`repair` searches ftfy's mojibake pattern only near non-ASCII characters.

    That is exact only if every branch of `BADNESS_RE` is at most
    `_MOJIBAKE_REACH` characters long and needs a non-ASCII character, and the
    pattern ignores no case. A new ftfy that breaks this fails here.
    """
    import re
    from re import _constants as sre
    from re import _parser as sre_parse

    from ftfy.badness import BADNESS_RE

    from cleaner.ingest import _MOJIBAKE_REACH

    assert not BADNESS_RE.flags & (re.IGNORECASE | re.MULTILINE)
    tree = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    assert tree.getwidth()[1] <= _MOJIBAKE_REACH
    [(op, (_, branches))] = tree.data
    assert op is sre.BRANCH

    def needs_non_ascii(item) -> bool:  # type: ignore[no-untyped-def]
        kind, value = item
        if kind is sre.LITERAL:
            return value > 127
        if kind is sre.IN:
            return all(
                (k is sre.LITERAL and v > 127) or (k is sre.RANGE and v[0] > 127) for k, v in value
            )
        return False

    for branch in branches:
        assert any(needs_non_ascii(item) for item in branch.data), branch
    anchored = [branch for branch in branches if any(kind is sre.AT for kind, _ in branch.data)]
    assert len(anchored) == 1  # `^[ÃÂ][ ]`, which `_LINE_START_MOJIBAKE` checks at every line start
    assert [kind for kind, _ in anchored[0].data] == [sre.AT, sre.IN, sre.LITERAL]
    assert {chr(v) for _, v in anchored[0].data[1][1]} == {"Ã", "Â"} and anchored[0].data[2][1] == ord(" ")
