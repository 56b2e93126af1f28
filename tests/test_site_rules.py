"""bench/site_rules.py: drafting a site's rule file from benchmark pages with gold texts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cleaner.evaluate import find_pages
from cleaner.rules.examples import rule_example_failures
from cleaner.rules.load import read_rule_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import site_rules

FOOTER = [
    "More from Example News",
    "Our reporters have covered the harbour district for many years and will keep doing so.",
    "Letters to the editor are published every Saturday in the weekend edition of the paper.",
    "The newsroom can be reached by telephone on weekdays between nine and five o'clock.",
]
STORIES = [
    ["The ferry to the island will run twice a day from next week, the council said on Monday.",
     "Residents had asked for a later crossing in the evening, when most of them come home from work.",
     "The operator said it would add a third boat in the summer if the number of passengers keeps growing."],
    ["A new library opened in the old post office building, with a reading room for children.",
     "The building had been empty for a decade before the town bought it at an auction last spring.",
     "Volunteers painted the walls and carried in the shelves over three weekends in the autumn."],
    ["Farmers in the valley expect a good harvest after a wet spring and a warm, dry summer.",
     "The price of grain has fallen a little, but the cost of diesel has fallen even more this year.",
     "Several farms now sell their vegetables directly at the Saturday market in the square."],
    ["The school choir won the regional competition with a programme of folk songs from the coast.",
     "Their teacher said the pupils had rehearsed every Thursday after lessons since September.",
     "The choir will sing at the national final in the capital at the beginning of next month."],
]


@pytest.fixture
def bench(tmp_path: Path) -> Path:
    root = tmp_path / "bench"
    (root / "set").mkdir(parents=True)
    manifest = []
    for n, story in enumerate(STORIES):
        name = f"page{n}"
        page = ["Home | World | Sport | Weather", "", *(line + "\n" for line in story), *FOOTER]
        (root / "set" / f"{name}.txt").write_text("\n".join(page) + "\n", encoding="utf-8")
        (root / "set" / f"{name}.gold.txt").write_text("\n\n".join(story) + "\n", encoding="utf-8")
        manifest.append({"name": name, "site": "example.org", "url": f"https://news.example.org/story/{n}"})
    (root / "manifest.jsonl").write_text("\n".join(json.dumps(m) for m in manifest) + "\n", encoding="utf-8")
    return root


def test_footer_marker_is_a_candidate_and_raises_f1(bench: Path, tmp_path: Path) -> None:
    pages = list(find_pages(bench))
    candidates = site_rules.marker_candidates("example.org", pages)
    names = [c.name for c in candidates]
    assert "after: More from Example News" in names
    # A line of a story (it occurs in a gold text) is never a candidate.
    assert not any(STORIES[0][0] in name for name in names)
    before, after, rules = site_rules.select(site_rules.SiteBench("example.org", pages), candidates, 0.001)
    assert after > before + 0.001
    assert rules and all(not rule_example_failures(rule) for rule in rules)
    path = tmp_path / "example.org.toml"
    path.write_text(site_rules.file_toml("example.org", len(pages), before, after, rules), encoding="utf-8")
    problems: list = []
    loaded = read_rule_file(path, str(path), problems)
    assert not problems and loaded is not None
    assert [r.id for r in loaded.rules] == [r.id for r in rules]


def test_nothing_is_kept_when_nothing_helps(bench: Path) -> None:
    pages = list(find_pages(bench))
    before, after, rules = site_rules.select(site_rules.SiteBench("example.org", pages), [], 0.001)
    assert (rules, after) == ([], before)
