"""Shared fixtures: small article texts written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE = """Home | News | Sport | Weather

Council approves new bridge

Share this article

The city council voted on Tuesday to rebuild the old stone bridge over the river, a project that residents have asked for since the floods of last winter damaged its foundations.

Work will begin in the spring and is expected to take two years, the council said in a statement, adding that a temporary footbridge will keep both banks connected while the work goes on.

"We have listened to the people who cross this bridge every day," the mayor told reporters after the vote, and she promised that local firms would be invited to bid for the contract.

Advertisement

Read more:

Flood defences to be reviewed

Mayor unveils budget plan

Sign up to our newsletter
"""

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def article() -> str:
    return ARTICLE


@pytest.fixture
def scrape(tmp_path: Path) -> Path:
    """A folder of scraped files: two articles in a domain-named folder, one nested."""
    site = tmp_path / "scrape" / "example-news.com"
    (site / "2024").mkdir(parents=True)
    (site / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (site / "2024" / "b.txt").write_text(ARTICLE.replace("bridge", "tunnel"), encoding="utf-8")
    return tmp_path / "scrape"
