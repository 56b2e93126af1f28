"""Fuzzing with hypothesis, bounded so it runs in CI: decoding, rule loading, cleaning.

Each target must either work or fail in the one documented way (`InputError` for
bytes that are not text, a rule-file error naming the file for a broken rule
file); anything else is a bug.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.api import Cleaner
from cleaner.explain import explain_table, render
from cleaner.ingest import InputError, decode, document_from_bytes

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]
TEXTY = ["Grüße aus Köln", "l'été à Paris", "Москва", "東京の天気", "naïve café", "\u00a0", "\t", "\r\n", "\x0c"]


def encoded(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "koi8-r", "shift_jis"]).map(
        lambda encoding: text.encode(encoding, errors="ignore")
    )


byte_inputs = st.one_of(
    st.binary(max_size=600),
    st.tuples(st.sampled_from(BOMS), st.binary(max_size=300)).map(b"".join),
    st.lists(st.sampled_from(TEXTY), max_size=20).map(" ".join).flatmap(encoded),
    st.tuples(st.sampled_from(BOMS), st.text(max_size=200)).map(lambda bt: bt[0] + bt[1].encode("utf-8", "surrogatepass")),
)


@FUZZ
@given(byte_inputs)
def test_decoding_fuzz(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert isinstance(text, str)
    try:
        document = document_from_bytes(data, source="fuzz")
    except InputError as err:
        assert "empty" in str(err) or "whitespace" in str(err) or "invalid" in str(err) or "binary" in str(err)
        return
    for line in document.lines:
        assert line.text and "\n" not in line.text
        assert document.text[line.start : line.end] == line.text


# Fragments that stress patterns: long runs, nesting, separators, scripts, marks.
HOSTILE = [
    " " * 300,
    "." * 200,
    "|" * 50,
    "-=" * 80,
    "a" * 500,
    "!?" * 60,
    "Read more " * 30,
    "(" * 40 + ")" * 40,
    "\u0301" * 50,
    "\u202e\u202d",
    "\u200b\u200d\ufeff",
    "👩‍👩‍👧‍👦" * 10,
    "ﷺ" * 5,
    "http://example.com/" + "a/" * 100,
    "@" * 30 + "#" * 30,
    "&amp;&lt;&#x27;",
    "<div><p>Not really HTML</p></div>",
    "[caption]x[/caption]",
    "\t\t\t",
    "\r",
    "\x85\u2028\u2029",
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30), st.just("\n")), max_size=40).map(
    "".join
)


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@FUZZ
@given(hostile_text)
def test_cleaning_fuzz(cleaner: Cleaner, text: str) -> None:
    result = cleaner.clean_text(text)
    assert render(result.document, result.decisions) == result.text
    result.text.encode("utf-8")
    explain_table(result)


@FUZZ
@given(byte_inputs)
def test_cleaning_bytes_fuzz(cleaner: Cleaner, data: bytes) -> None:
    try:
        result = cleaner.clean_bytes(data, source="fuzz")
    except InputError:
        return
    result.text.encode("utf-8")


RULE_FRAGMENTS = [
    '[[rules]]\nid = "ok"\nwhy = "share prompt"\npattern = "Share this"\ndrop_examples = ["Share this"]\n',
    "[[rules]]\n",
    'id = "x"\n',
    'id = "y"\n',
    'why = "boilerplate"\n',
    'kind = "line"\n',
    'kind = "strip"\n',
    'kind = "block"\n',
    'kind = "nonsense"\n',
    'pattern = "Share this"\n',
    'pattern = "(a+)+$"\n',
    'pattern = "["\n',
    'end = "Related"\n',
    "regex = true\n",
    "whole = false\n",
    'drop_examples = ["Share this"]\n',
    'keep_examples = ["The council met."]\n',
    "drop_examples = [1, 2]\n",
    'max_items = "many"\n',
    "max_items = [1]\n",
    "guard = 2\n",
    "rules = [1, 2]\n",
    'rules = "x"\n',
    'domains = ["example.com"]\n',
    "domains = 5\n",
    'language = "en"\n',
    "= = =\n",
    '"""\n',
    "\x00",
    "\ufeff",
]
rule_text = st.lists(st.one_of(st.sampled_from(RULE_FRAGMENTS), st.text(max_size=20)), max_size=12).map("".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(rule_text, st.sampled_from(["generic", "sites"]))
def test_rule_loading_fuzz(tmp_path_factory: pytest.TempPathFactory, text: str, scope: str) -> None:
    """A rules folder with one generated file: loads, or fails with an error naming the file."""
    folder = tmp_path_factory.mktemp("rules")
    (folder / scope).mkdir()
    rule_file = folder / scope / "fuzz.toml"
    rule_file.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        fuzzed = Cleaner(rules_dirs=(folder,))
    except ValueError as err:  # the loader's RuleFileError is a ValueError naming file and line
        assert "fuzz.toml" in str(err), err
        return
    fuzzed.clean_text("Home | News\n\nThe council met on Tuesday to vote on the new bridge.\n")



def test_rule_fuzz_reaches_the_loader(tmp_path: Path) -> None:
    """The fuzz above means something only if a broken file is noticed at all."""
    (tmp_path / "generic").mkdir()
    broken = '[[rules]]\nid = "x"\nwhy = "w"\nregex = true\npattern = "["\ndrop_examples = ["x"]\n'
    (tmp_path / "generic" / "broken.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.toml:2: rule x: bad regex"):
        Cleaner(rules_dirs=(tmp_path,))
