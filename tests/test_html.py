"""HTML input: trafilatura extraction, page URL, cleaning after extraction, `cleaner clean page.html`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner, clean_html
from cleaner.cli import app
from cleaner.html import EXTRACTION, extract_html, page_url, revise_extracted
from cleaner.ingest import InputError
from cleaner.model import Decision, Reason

PARAGRAPHS = [
    (
        "The city council voted on Tuesday to rebuild the old stone bridge over the river, a project that "
        "residents have asked for since the floods of last winter damaged its foundations."
    ),
    (
        "Work will begin in the spring and is expected to take two years, the council said in a statement, "
        "adding that a temporary footbridge will keep both banks connected while the work goes on."
    ),
    (
        '"We have listened to the people who cross this bridge every day," the mayor told reporters after the '
        "vote, and she promised that local firms would be invited to bid for the contract."
    ),
]


def page(head: str = "", comments: bool = False) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    comment = (
        '<div class="comments" id="comments"><h3>Comments</h3><div class="comment"><p>I have crossed that bridge '
        "every morning for thirty years and I am delighted that the council finally listened to us all.</p></div></div>"
        if comments
        else ""
    )
    return (
        f"<!DOCTYPE html><html><head><title>Council approves new bridge | Example News</title>{head}</head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>'
        "</ul></nav><article><h1>Council approves new bridge</h1>"
        '<p class="byline">By Jane Smith</p>'
        f"{body}</article>{comment}<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>"
        "</body></html>"
    )


def test_extraction_keeps_the_article_and_drops_navigation() -> None:
    extracted = extract_html(page())
    for paragraph in PARAGRAPHS:
        assert paragraph in extracted.text
    assert "Sport" not in extracted.text
    assert "All rights reserved" not in extracted.text


def test_comments_are_excluded_by_default() -> None:
    assert EXTRACTION["include_comments"] is False
    assert "crossed that bridge every morning" not in extract_html(page(comments=True)).text


@pytest.mark.parametrize(
    ("head", "given", "expected"),
    [
        ('<link rel="canonical" href="https://www.example-news.com/2024/bridge">', None,
         "https://www.example-news.com/2024/bridge"),
        ('<meta property="og:url" content="https://example-news.com/og">', None, "https://example-news.com/og"),
        # canonical wins over og:url, whatever the order in the page
        ('<meta property="og:url" content="https://a.example/og"><link rel="Canonical" href="https://a.example/c">',
         None, "https://a.example/c"),
        # a relative canonical is resolved against the given URL ... but the given URL comes first
        ('<link rel="canonical" href="/c">', "https://b.example/given", "https://b.example/given"),
        ('<link rel="canonical" href="/relative/only">', None, None),
        ('<link rel="canonical" href="javascript:void(0)">', None, None),
        ("", None, None),
    ],
)
def test_page_url(head: str, given: str | None, expected: str | None) -> None:
    from lxml import html

    assert page_url(html.fromstring(page(head)), given) == expected


def test_clean_html_uses_the_canonical_url_and_fills_metadata() -> None:
    result = clean_html(page('<link rel="canonical" href="https://www.example-news.com/2024/bridge">'))
    assert result.document.url == "https://www.example-news.com/2024/bridge"
    assert result.document.origin == "extracted"
    assert result.metadata.title is not None and "Council approves new bridge" in result.metadata.title
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    assert result.text.endswith("\n")


def test_keep_title_puts_the_page_title_first() -> None:
    from cleaner.config import Config

    result = Cleaner(Config(keep_title=True)).clean_html(page())
    assert result.text.startswith("Council approves new bridge")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"   \n", "only whitespace"),
        (b"\x00\x01\x02binary\x00" * 20, "binary"),
        (b"<html><head></head><body></body></html>", "no main text"),
        (b"<html><body><script>var x = 1;</script></body></html>", "trafilatura"),
    ],
)
def test_html_without_text_is_a_clear_input_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        Cleaner().clean_html(data)


def test_revise_extracted_keeps_unsure_heuristic_drops_only() -> None:
    unsure = Decision(0, False, 0.4, (Reason("context", "outside-main-body"),))
    (revised,) = revise_extracted((unsure,))
    assert revised.keep and revised.reason.id == "pre-extracted"
    assert revised.reasons[1] == unsure.reason  # the original reason is kept for --explain


def test_cleaner_clean_writes_name_clean_txt_next_to_each_page(tmp_path: Path) -> None:
    site = tmp_path / "example-news.com"
    site.mkdir()
    (site / "bridge.html").write_text(page(), encoding="utf-8")
    (site / "other.htm").write_text(page(), encoding="utf-8")
    (site / "broken.html").write_bytes(b"<html><body></body></html>")
    (site / "plain.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", str(tmp_path), "-q", "-j", "1"])
    assert result.exit_code == 1  # one page failed, the others were cleaned
    assert f"{site / 'broken.html'}: trafilatura found no main text in the HTML" in result.output
    for name in ("bridge", "other", "plain"):
        text = (site / f"{name}.clean.txt").read_text(encoding="utf-8")
        assert PARAGRAPHS[0] in text
    assert not (site / "broken.clean.txt").exists()
    assert (site / "bridge.html").read_text(encoding="utf-8") == page()  # originals untouched


def test_page_beside_a_text_of_the_same_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    (tmp_path / "story.html").write_text(page(), encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", str(tmp_path), "-q", "-j", "1"])
    assert result.exit_code == 1
    assert "story.html: skipped: story.txt beside it makes the same output" in result.output
    assert (tmp_path / "story.clean.txt").exists()


def test_explain_works_on_html(tmp_path: Path) -> None:
    (tmp_path / "bridge.html").write_text(page(), encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", str(tmp_path / "bridge.html"), "--explain"])
    assert result.exit_code == 0
    assert "KEEP" in result.output and not (tmp_path / "bridge.clean.txt").exists()
