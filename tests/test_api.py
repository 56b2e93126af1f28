"""The Python API: `clean_text`, `clean_html`, a reusable and picklable `Cleaner`."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import cleaner
from cleaner import Cleaner, CleanResult, Config, clean_html, clean_text
from cleaner.explain import render


def test_public_names() -> None:
    for name in ("clean_text", "clean_html", "Cleaner", "Config", "CleanResult", "Document", "Decision", "Reason"):
        assert name in cleaner.__all__ and hasattr(cleaner, name)
    assert (Path(cleaner.__file__).parent / "py.typed").exists()


def test_clean_text_result_explains_itself(article: str) -> None:
    result = clean_text(article, url="https://example-news.com/2024/bridge")
    assert isinstance(result, CleanResult)
    assert result.document.url == "https://example-news.com/2024/bridge"
    assert len(result.decisions) == len(result.document.lines)
    assert all(d.reasons for d in result.decisions)
    assert render(result.document, result.decisions) == result.text  # replaying the decisions gives the text
    assert result.metadata.title is None or isinstance(result.metadata.title, str)


def test_cleaner_is_reused_and_gives_the_same_output(article: str) -> None:
    reused = Cleaner(Config(mode="precision"))
    first = reused.clean_text(article).text
    assert reused.clean_text(article).text == first
    assert Cleaner(Config(mode="precision")).clean_text(article).text == first


def test_cleaner_pickles_with_its_config(article: str) -> None:
    original = Cleaner(Config(mode="recall", keep_title=True))
    copy = pickle.loads(pickle.dumps(original))
    assert copy.config == original.config and copy.fingerprint == original.fingerprint
    assert copy.clean_text(article).text == original.clean_text(article).text


def _clean_with(worker_cleaner: Cleaner, text: str) -> str:
    return worker_cleaner.clean_text(text).text


def test_cleaner_works_in_a_process_pool(article: str) -> None:
    here = Cleaner()
    with ProcessPoolExecutor(max_workers=2) as pool:
        there = list(pool.map(_clean_with, [here, here], [article, article.upper()]))
    assert there == [here.clean_text(article).text, here.clean_text(article.upper()).text]


def test_clean_html_matches_cleaner_clean_html() -> None:
    page = (
        "<html><head><title>Bridge</title></head><body><article><p>The council voted on Tuesday to rebuild the old "
        "stone bridge over the river, a project that residents have asked for since the floods damaged it.</p>"
        "</article></body></html>"
    )
    assert clean_html(page).text == Cleaner().clean_html(page.encode()).text
    assert clean_html(page).metadata.title == "Bridge"
