"""The shipped rules/ folder: every file loads, every example passes, the seeds come
out exactly as their gold files, and generic rules leave our own corpus articles alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.api import Cleaner
from cleaner.config import Config
from cleaner.rules import load_rulebook
from cleaner.rules.book import read_dir, shipped_rules_dir
from cleaner.rules.examples import example_problems
from cleaner.rules.load import Problem

REPO = Path(__file__).resolve().parents[1]
SEEDS = ("londonlovesbusiness.com", "english.alarabiya.net", "independent.co.uk", "odessa-journal.com", "infobae.com")


def test_shipped_folder_is_the_repo_rules_folder():
    assert shipped_rules_dir() == REPO / "rules"


def test_every_shipped_rule_example_passes():
    problems: list[Problem] = []
    files = read_dir(REPO / "rules", True, problems)
    for rule_file in files:
        problems += example_problems(rule_file)
    assert [str(p) for p in problems] == []
    assert sum(len(f.rules) for f in files) > 0
    load_rulebook()  # the same checks through the public loader


def test_generic_languages_present():
    names = {p.stem for p in (REPO / "rules" / "generic").glob("*.toml")}
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk"} <= names


def seed_cases() -> list[Path]:
    return [g for site in SEEDS for g in sorted((REPO / "corpus" / site).glob("*.gold.txt"))]


@pytest.mark.parametrize("gold", seed_cases(), ids=lambda p: p.parent.name)
def test_seed_comes_out_as_gold(gold: Path):
    source = gold.with_name(gold.name.replace(".gold.txt", ".txt"))
    result = Cleaner().clean_text(source.read_text(encoding="utf-8"), site=gold.parent.name)
    assert result.text.strip() == gold.read_text(encoding="utf-8").strip()
    assert any(f.startswith("rules/sites/") for f in result.metadata.rule_files)


def test_no_rules_disables_rule_files():
    gold = seed_cases()[0]
    source = gold.with_name(gold.name.replace(".gold.txt", ".txt"))
    result = Cleaner(Config(use_rules=False)).clean_text(source.read_text(encoding="utf-8"), site=gold.parent.name)
    assert result.metadata.rule_files == ()
    assert all(d.reason.kind != "rule" for d in result.decisions)


def test_generic_rules_do_not_drop_our_own_article_lines():
    """Golds of the corpus: no generic rule removes a gold line or cuts a piece out of one."""
    book = load_rulebook()
    from cleaner.ingest import document_from_text
    from cleaner.rules import apply_rules
    from cleaner.rules.book import Selection

    selection = Selection(files=tuple(f.path for f in book.generic), rule_files=book.generic)
    hit = []
    for gold in sorted((REPO / "corpus").glob("*/*.gold.txt")):
        doc = document_from_text(gold.read_text(encoding="utf-8"))
        for line, verdict in zip(doc.lines, apply_rules(selection, doc)):
            if verdict.keep is False or verdict.cuts:
                hit.append(f"{gold.name}: {line.text[:60]}")
    assert hit == []


def test_a_byline_and_date_a_site_rule_dropped_are_still_metadata():
    """London Loves Business: the site file drops the header lines; the byline and date still reach the metadata."""
    source = REPO / "corpus" / "londonlovesbusiness.com" / "000_e36b2bbf93a9e1ef.txt"
    result = Cleaner().clean_text(source.read_text(encoding="utf-8"), site="londonlovesbusiness.com")
    meta = result.metadata
    assert meta.byline == "by Mark Channer War Correspondent" and meta.date == "28th Sep 23 4:23 pm"
    dropped = {d.reason.kind for line, d in zip(result.document.lines, result.decisions) if line.text.strip() == meta.byline}
    assert dropped == {"rule"}  # the line keeps its rule's reason
    assert result.text.strip() == (source.parent / "000_e36b2bbf93a9e1ef.gold.txt").read_text(encoding="utf-8").strip()


def test_generic_rules_cut_a_glued_appeal_and_keep_the_sentence():
    """The Independent seed with its site rules off: the appeal's last sentence is glued to the article's first."""
    source = REPO / "corpus" / "independent.co.uk" / "002_29a9ef628dbd3811.txt"
    result = Cleaner(Config(use_site_rules=False)).clean_text(source.read_text(encoding="utf-8"), site="independent.co.uk")
    assert "difference.President" in source.read_text(encoding="utf-8")
    assert "Your support makes all the difference" not in result.text
    assert any(line.startswith("President Volodymyr Zelensky said") for line in result.text.splitlines())


def test_wheel_carries_the_rules_where_the_loader_looks() -> None:
    """pyproject maps rules/ to the package cleaner._rules; shipped_rules_dir finds either copy."""
    import tomllib
    from pathlib import Path

    from cleaner.rules.book import shipped_rules_dir

    repo = Path(__file__).resolve().parent.parent
    setup = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert setup["package-dir"]["cleaner._rules"] == "rules"
    assert "cleaner._rules" in setup["packages"]
    assert {"generic/*.toml", "sites/*.toml"} <= set(setup["package-data"]["cleaner._rules"])
    found = shipped_rules_dir()
    assert found is not None and (found / "generic" / "en.toml").is_file()
