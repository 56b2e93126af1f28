"""Learning a site's boilerplate from its pages (cleaner.learn, `cleaner learn`, `clean --learn`)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.api import Cleaner
from cleaner.cli import app
from cleaner.config import Config
from cleaner.learn import LearnOptions, learn
from cleaner.learn.count import LossyCounter
from cleaner.learn.normalise import line_key
from cleaner.learn.write import split_tables
from cleaner.rules.apply import rule_hits

runner = CliRunner()

MENU = ["Home | World | Business | Sport | Culture", "Search the site", "Sign in"]
APPEAL = "Support independent journalism: become a member today"
FOOTER = ["Share this story", "Comments (NUM)", "Contact us | Privacy policy | Terms of use", "© 2024 Harbour Post Ltd"]
DISCLAIMER = (
    "The opinions expressed in this column belong to the writer, who has spent many years reporting on the "
    "towns along the coast, and they are not necessarily those of the newspaper or its owners."
)
RARE = "Weekend edition out now"  # on two pages only

SUBJECTS = ["The harbour master", "A local baker", "The school board", "Two fishermen", "The new mayor", "A retired nurse",
            "The football club", "A young architect"]
VERBS = ["described", "criticised", "celebrated", "questioned", "explained", "defended", "announced", "welcomed"]
OBJECTS = ["the plan to widen the old quay", "a festival of bread and music", "the cost of the new roof",
           "a storm that flooded the lower streets", "the return of the summer ferry", "changes to the bus routes",
           "a fund for repairs to the chapel", "the opening of a small museum"]
TAILS = ["after a long meeting on Monday evening.", "in front of a crowd of neighbours and visitors.",
         "while the rain kept most people indoors.", "before the council vote later this month."]


def article_lines(page: int) -> list[str]:
    """Three sentences no other page has (different subject, verb and object per page)."""
    n = len(SUBJECTS)
    return [
        f"{SUBJECTS[(page + k) % n]} {VERBS[(page * 3 + k) % n]} {OBJECTS[(page * 5 + k * 2) % n]} {TAILS[(page + k) % 4]}"
        for k in range(3)
    ]


def page_text(page: int) -> str:
    body = article_lines(page)
    footer = [line.replace("NUM", str(page * 7 + 2)) for line in FOOTER]
    parts = ["\n".join(MENU), f"Headline number {page}: {OBJECTS[page % 8]}", body[0], body[1], DISCLAIMER, body[2]]
    if page < 2:
        parts.append(RARE)
    parts += [APPEAL, "\n".join(footer)]
    return "\n\n".join(parts) + "\n"


def write_site(root: Path, pages: int = 6, folder: str = "www.harbourpost.co.uk") -> Path:
    site = root / folder
    site.mkdir(parents=True)
    for n in range(pages):
        (site / f"story{n}.txt").write_text(page_text(n), encoding="utf-8")
    return site


def dropped_by(rule_file, text: str) -> bool:  # type: ignore[no-untyped-def]
    return any(rule_hits(rule, [text]) for rule in rule_file.rules)


def test_recurring_lines_become_rules_and_article_lines_do_not(tmp_path: Path) -> None:
    learned = learn([write_site(tmp_path)])
    (proposal,) = learned.proposals
    assert proposal.site == "harbourpost.co.uk" and proposal.pages == 6 and proposal.threshold == 3
    rule_file = proposal.rule_file()
    for line in [*MENU, APPEAL, "Share this story", "Contact us | Privacy policy | Terms of use", "© 2024 Harbour Post Ltd"]:
        assert dropped_by(rule_file, line), line
    assert dropped_by(rule_file, "Comments (99)")  # numbers differ between pages: one rule for the normal form
    for page in range(6):
        for line in article_lines(page):
            assert not dropped_by(rule_file, line), line
    assert not dropped_by(rule_file, RARE)  # two pages of six: below min_docs 3
    assert all(rule.id.startswith("learned-") for rule in rule_file.rules)
    assert any(len(rule.lines) > 1 for rule in proposal.rules)  # the menu is one run rule


def test_recurring_article_like_line_is_reported_not_ruled(tmp_path: Path) -> None:
    (proposal,) = learn([write_site(tmp_path)]).proposals
    assert not dropped_by(proposal.rule_file(), DISCLAIMER)
    assert [line.text for line in proposal.reported] == [DISCLAIMER]


def test_thresholds_are_options(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    loose = learn([site], LearnOptions(min_docs=2, min_share=0.0)).proposals[0]
    assert dropped_by(loose.rule_file(), RARE)
    strict = learn([site], LearnOptions(min_docs=7)).proposals[0]
    assert strict.rules == () and strict.threshold == 7
    with pytest.raises(ValueError):
        LearnOptions(min_share=1.5)


def test_site_option_and_pages_without_a_site(tmp_path: Path) -> None:
    folder = write_site(tmp_path, folder="pages")
    assert learn([folder]).proposals == () and learn([folder]).unsited == 6
    (proposal,) = learn([folder], LearnOptions(site="https://www.harbourpost.co.uk/x")).proposals
    assert proposal.site == "harbourpost.co.uk" and proposal.rules


def test_parallel_gives_the_same_rules(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    one = learn([site]).proposals
    two = learn([site], LearnOptions(workers=2)).proposals
    assert one == two


def test_a_page_given_twice_counts_once(tmp_path: Path) -> None:
    """A folder given twice, or a folder and a file in it, or a JSONL file twice: each page counts once."""
    import json

    site = write_site(tmp_path)
    once = learn([site]).proposals
    assert learn([site, site]).proposals == once
    assert learn([site, site / "story0.txt"]).proposals == once
    stream = tmp_path / "crawl.jsonl"
    records = [{"url": f"https://www.harbourpost.co.uk/story/{n}", "text": page_text(n)} for n in range(6)]
    stream.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert [p.pages for p in learn([stream, tmp_path / "." / "crawl.jsonl"]).proposals] == [6]


def test_bad_inputs_are_reported_and_the_rest_learned(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    (site / "empty.txt").write_bytes(b"")
    learned = learn([site])
    assert [Path(path).name for path, _ in learned.problems] == ["empty.txt"]
    assert learned.proposals[0].pages == 6


def test_lossy_counter_stays_small_and_keeps_frequent_lines() -> None:
    counter = LossyCounter(epsilon=0.02)
    menu = line_key("Home | News")
    assert menu is not None
    for page in range(5000):
        keys = [k for k in (line_key(f"unique line {page} {'x' * (page % 50)} {chr(97 + page % 26)}"),) if k]
        counter.add([menu, *keys] if page % 3 else keys)
    assert len(counter.counts) <= 200
    assert menu in counter.candidates(int(5000 * 0.6))
    assert counter.counts[menu][0] <= 3334


def test_cli_learn_writes_a_rule_file_that_passes_rules_test(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    out = tmp_path / "rules"
    result = runner.invoke(app, ["learn", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "not turned into rules" in result.output and "looks like article text" in result.output
    written = out / "sites" / "harbourpost.co.uk.toml"
    data = tomllib.loads(written.read_text(encoding="utf-8"))
    assert data["domains"] == ["harbourpost.co.uk"]
    assert all("Learned: " in rule["why"] and "story" in rule["why"] for rule in data["rules"])
    checked = runner.invoke(app, ["rules", "test", str(out)])
    assert checked.exit_code == 0, checked.output
    assert Cleaner(Config(rules_dirs=(out,))).rulebook.site_file("harbourpost.co.uk") is not None


def test_learn_merges_keeps_hand_written_rules_and_shows_changes(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    out = tmp_path / "rules"
    existing = out / "sites" / "harbourpost.co.uk.toml"
    existing.parent.mkdir(parents=True)
    existing.write_text(
        '# my notes\ndomains = ["harbourpost.co.uk"]\n\n'
        '[[rules]]\n# hand-written: the related-links heading\nid = "related"\nkind = "after"\npattern = "Related stories"\n'
        'why = "Related links follow."\ndrop_examples = ["Related stories"]\n\n'
        '[[rules]]\nid = "learned-old-line"\nkind = "line"\npattern = "An old learned line"\n'
        'why = "Learned earlier."\ndrop_examples = ["An old learned line"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["learn", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 removed" in result.output and "1 hand-written rule(s) kept" in result.output
    assert "- learned-old-line" in result.output and "+ learned-" in result.output
    text = existing.read_text(encoding="utf-8")
    header, tables = split_tables(text)
    assert header.startswith("# my notes") and "# hand-written: the related-links heading" in tables[0]
    ids = [rule["id"] for rule in tomllib.loads(text)["rules"]]
    assert ids[0] == "related" and "learned-old-line" not in ids and len(ids) > 2
    again = runner.invoke(app, ["learn", str(site), "--out", str(out)])
    assert "0 added, 0 removed" in again.output and text == existing.read_text(encoding="utf-8")
    assert runner.invoke(app, ["rules", "test", str(out)]).exit_code == 0


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    result = runner.invoke(app, ["learn", str(site), "--out", str(tmp_path / "r"), "--dry-run"])
    assert result.exit_code == 0 and "harbourpost.co.uk: learned-" in result.output
    assert not (tmp_path / "r").exists()


def test_learn_takes_the_file_names_include_names(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    for page in site.iterdir():
        page.rename(page.with_suffix(".md"))
    assert "no site found" in runner.invoke(app, ["learn", str(site), "--dry-run"]).output
    result = runner.invoke(app, ["learn", str(site), "--dry-run", "--include", "*.md"])
    assert result.exit_code == 0 and "harbourpost.co.uk: learned-" in result.output
    cleaned = runner.invoke(app, ["clean", "--learn", "--no-rules", str(site), "-j", "1", "--include", "*.md"])
    assert cleaned.exit_code == 0, cleaned.output
    assert APPEAL not in (site / "story3.clean.txt").read_text(encoding="utf-8")
    assert runner.invoke(app, ["learn", str(site), "--include", "pages/*.md"]).exit_code == 2

def test_clean_learn_drops_learned_lines_and_explain_names_the_rule(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    result = runner.invoke(app, ["clean", "--learn", "--no-rules", str(site), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.rglob("*.toml"))
    cleaned = (site / "story3.clean.txt").read_text(encoding="utf-8")
    for line in [*MENU, APPEAL, "Share this story", "© 2024 Harbour Post Ltd"]:
        assert line not in cleaned
    assert article_lines(3)[0] in cleaned and DISCLAIMER in cleaned
    explained = runner.invoke(app, ["clean", "--learn", "--no-rules", str(site), "--explain"]).output
    assert "(learned:harbourpost.co.uk)" in explained
    assert "DROP 0.00 Search the site" in explained
    row = explained.split("DROP 0.00 Search the site", 1)[1].splitlines()[1]
    assert row.strip().startswith("learned:learned-")


def test_cleaner_fingerprint_covers_learned_rules(tmp_path: Path) -> None:
    learned = learn([write_site(tmp_path)])
    plain = Cleaner(Config(use_rules=False))
    with_rules = Cleaner(Config(use_rules=False), learned=learned.rule_files())
    assert plain.fingerprint != with_rules.fingerprint
    result = with_rules.clean_text(page_text(1), site="harbourpost.co.uk")
    kinds = {d.reason.kind for d in result.decisions if not d.keep}
    assert "learned" in kinds and MENU[0] not in result.text


def test_a_learned_rule_renamed_by_hand_is_kept_and_not_written_twice(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    out = tmp_path / "rules"
    assert runner.invoke(app, ["learn", str(site), "--out", str(out)]).exit_code == 0
    path = out / "sites" / "harbourpost.co.uk.toml"
    first = tomllib.loads(path.read_text(encoding="utf-8"))["rules"][0]
    path.write_text(path.read_text(encoding="utf-8").replace(f'id = "{first["id"]}"', 'id = "menu"', 1), encoding="utf-8")
    result = runner.invoke(app, ["learn", str(site), "--out", str(out)])
    assert "0 added, 0 removed, 1 kept learned rule(s); 1 hand-written rule(s) kept" in result.output
    rules = tomllib.loads(path.read_text(encoding="utf-8"))["rules"]
    assert [r["pattern"] for r in rules].count(first["pattern"]) == 1
    assert rules[0]["id"] == "menu"


def test_jsonl_records_are_pages_grouped_by_their_url(tmp_path: Path) -> None:
    import json

    stream = tmp_path / "crawl.jsonl"
    records = [{"id": n, "url": f"https://www.harbourpost.co.uk/story/{n}", "text": page_text(n)} for n in range(6)]
    lines = [json.dumps(r) for r in records] + ["not json", json.dumps({"id": "x", "url": "https://other.org/a"})]
    stream.write_text("\n".join(lines) + "\n", encoding="utf-8")
    learned = learn([stream])
    (proposal,) = learned.proposals
    assert proposal.site == "harbourpost.co.uk" and proposal.pages == 6
    assert dropped_by(proposal.rule_file(), MENU[0]) and not dropped_by(proposal.rule_file(), article_lines(2)[1])
    assert [path.rsplit(":", 1)[1] for path, _ in learned.problems] == ["7", "8"]
    assert "crawl.jsonl:" in proposal.rules[0].why
