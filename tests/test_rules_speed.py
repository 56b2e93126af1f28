"""The combined-pattern prefilter gives the same verdicts as trying every rule on
every line, and a rule whose regex times out is reported, not silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.api import Cleaner
from cleaner.batch import Outcome, Summary, Job
from cleaner.ingest import document_from_text
from cleaner.rules import load_rulebook, run_rules
from cleaner.rules.apply import every_line, rule_cuts, rule_hits
from cleaner.rules.book import Selection
from cleaner.rules.prefilter import combinable
from cleaner.rules.schema import RuleFile

ARTICLE = (
    "The council voted on Tuesday to rebuild the old stone bridge over the river, "
    "a project that residents have asked for since the floods of last winter."
)


def rules_toml(*rules: tuple[str, ...]) -> str:
    """A generic file of (id, kind, pattern[, drop example]) regex rules."""
    body = 'language = "en"\n'
    for rule_id, kind, pattern, *example in rules:
        body += (
            f"\n[[rules]]\nid = \"{rule_id}\"\nkind = \"{kind}\"\nregex = true\npattern = '{pattern}'\n"
            f"why = \"test\"\ndrop_examples = [\"{example[0] if example else 'x'}\"]\n"
        )
    return body


def brute_force(rule_files: tuple[RuleFile, ...], texts: list[str]) -> dict[int, str]:
    """Which rule drops or cuts each line, trying every rule on every line (no prefilter)."""
    found: dict[int, str] = {}
    for rule_file in rule_files:
        for rule in rule_file.rules:
            for i in rule_hits(rule, texts, hits=every_line(texts)):
                found.setdefault(i, rule.id)
    for i, text in enumerate(texts):
        for rule_file in rule_files:
            for rule in rule_file.rules:
                if i not in found and rule_cuts(rule, text):
                    found[i] = rule.id
    return found


@pytest.mark.parametrize(
    "source, ok",
    [
        ("Share this article", True),
        ("(Share|Print)( this)?", True),
        ("(?i:share)", False),  # inline flags are never combined (conservative)
        ("(?<=Photo: )\\w+", True),
        ("Share(?! prices)", False),  # a negative lookahead sees past the line end
        ("(?<!\\w)Share", False),
        ("(?>a+)b", False),
        ("a++b", False),
        ("(a)\\1", False),
        ("(?i)share", False),
        ("\\AShare", False),
        ("\\(?(Story|Article) continues\\)?", True),  # an escaped "(" made optional is no group
        ("\\\\(?i)share", False),  # an escaped backslash, then an inline flag
    ],
)
def test_combinable(source: str, ok: bool) -> None:
    assert combinable(source, is_regex=True) is ok
    assert combinable(source, is_regex=False)  # a literal is always safe


TRICKY = rules_toml(
    ("share", "line", "(Share|Print|Email)"),
    ("lookahead", "line", "Follow us(?! on the ground).*"),  # not combinable: file tried line by line
)
PLAIN = rules_toml(
    ("share", "line", "(Share|Print|Email)"),
    ("spaces", "line", "Related\\s*"),  # \\s could cross into the next line in the joined text
    ("credit", "strip", " ?\\(Photo: [A-Za-z]+\\)"),
    ("tail", "line", ".*comments?\\s*$"),
    ("footer", "after", "Leave a Reply"),
)


@pytest.mark.parametrize("toml", [PLAIN, TRICKY])
def test_prefilter_matches_brute_force(tmp_path: Path, toml: str) -> None:
    (tmp_path / "generic").mkdir()
    (tmp_path / "generic" / "t.toml").write_text(toml, encoding="utf-8")
    book = load_rulebook((tmp_path,), shipped=False, check_examples=False)
    lines = [
        "Share", "Related", "Related  ", ARTICLE, "Print", ARTICLE + " (Photo: Reuters)", "Follow us on Twitter",
        "Follow us on the ground", "12 comments", "Email", ARTICLE, "Leave a Reply", "Share prices fell",
    ]
    document = document_from_text("\n".join(lines))
    texts = [line.text for line in document.lines]
    selection = book.select(document)
    ran = run_rules(selection, document)
    got = {i: (v.reason or v.cuts[0].reason).id for i, v in enumerate(ran.verdicts) if v.reason or v.cuts}
    assert got == brute_force(selection.rule_files, texts)
    assert ran.timeouts == ()
    assert (book.generic[0].prefilter is None) is (toml is TRICKY)


def test_shipped_prefilters_cover_every_file() -> None:
    book = load_rulebook()
    unknown_language = document_from_text("12345 678 90")  # every generic file applies
    selection = book.select(unknown_language)
    assert selection.files[-len(book.generic):] == tuple(f.path for f in book.generic)
    assert selection.generic_prefilter is not None
    assert all(f.prefilter is not None for f in book.sites + book.generic)


SLOW = rules_toml(("nested", "line", "(a|a)+$", "aaaa"), ("share", "line", "Share", "Share"))


def test_timeout_is_reported_and_the_line_left_undecided(tmp_path: Path) -> None:
    (tmp_path / "generic").mkdir()
    (tmp_path / "generic" / "slow.toml").write_text(SLOW, encoding="utf-8")
    book = load_rulebook((tmp_path,), shipped=False, check_examples=False)
    document = document_from_text(f"Share\n\n{'a' * 40}b\n\n{ARTICLE}")
    ran = run_rules(book.select(document), document)
    assert [(t.path, t.rule_id, t.line) for t in ran.timeouts] == [(str(tmp_path / "generic" / "slow.toml"), "nested", 1)]
    assert ran.timeouts[0].label() == f"rule-timeout:{tmp_path / 'generic' / 'slow.toml'}:nested"
    assert [v.keep for v in ran.verdicts] == [False, None, None]  # the other rule still applies


def test_timeout_reaches_result_and_summary(tmp_path: Path) -> None:
    (tmp_path / "generic").mkdir()
    (tmp_path / "generic" / "slow.toml").write_text(SLOW, encoding="utf-8")
    result = Cleaner(rules_dirs=(tmp_path,)).clean_text(f"{ARTICLE}\n\n{'a' * 40}b\n\n{ARTICLE}")
    label = f"rule-timeout:{tmp_path / 'generic' / 'slow.toml'}:nested"
    assert result.metadata.warnings == (label,)
    assert Cleaner(rules_dirs=(tmp_path,)).clean_text(ARTICLE).metadata.warnings == ()
    summary = Summary()
    job = Job(Path("a.txt"), Path("a.clean.txt"), Path("."))
    summary.add(Outcome(job, "cleaned", warnings=(label,)))
    summary.add(Outcome(job, "cleaned"))
    assert f"warnings: 1 ({label} in 1 file(s))" in summary.lines()


def test_selection_without_generic_prefilter_gives_same_verdicts() -> None:
    book = load_rulebook()
    document = document_from_text("Share this article\n\n" + ARTICLE + "\n\nAdvertisement\n\nLeave a Comment")
    selection = book.select(document)
    bare = Selection(selection.site, selection.how, selection.files, selection.rule_files)
    assert run_rules(bare, document) == run_rules(selection, document)
