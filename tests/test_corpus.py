"""Golden cases: every corpus document against its hand-made gold file.

The five seeds (the user's own examples) must come out exactly as their gold
files with rules; with their site rules switched off (generic rules and the
heuristics, as for a site nobody wrote rules for) they must keep at least 95% of
their article lines and lose at least 90% of their boilerplate lines. With no
rules at all the heuristics keep 95% of the article too; their boilerplate
removal alone (~87%) is recorded as a strict xfail. Known failures are listed in
`KNOWN_FAILURES` and run as strict xfail, so a fix shows up as a failure to
update the list. Each document's `NAME.gold.json` gives its title, byline and
date (the whole line, or null when the page has none); the misses are listed in
`KNOWN_METADATA_MISSES` the same way. (The documents we wrote are named after a
URL slug, as many scrapers name their files, and a file's name stands in for a
missing URL: three titles are found only thanks to it, see BENCHMARKS.md.)
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

import pytest

from cleaner import Cleaner, Config
from cleaner.evaluate import line_labels
from cleaner.model import CleanResult

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_SITES = {
    "londonlovesbusiness.com",
    "english.alarabiya.net",
    "independent.co.uk",
    "odessa-journal.com",
    "infobae.com",
}
WITHOUT_SITE_RULES = (
    "no site rules: generic rules and heuristics keep a few captions, share labels or teaser lines "
    "(tests/test_quality.py pins the F1 of these documents instead)"
)
#: corpus documents whose output is not yet exactly the gold: relative path -> why.
KNOWN_FAILURES: dict[str, str] = {
    "balconygardener-example.net/2024-03-03_worm-bin-small-flat.txt": WITHOUT_SITE_RULES,
    "tagesblatt-example.de/2024-03-12_stadtrat-fahrradstrassen.txt": WITHOUT_SITE_RULES,
    "jiangyu-daily-example.cn/2024-08-15_yehang-tushuguan.txt": (
        "Chinese, no site file: the subheading right after the mid-article 'related' list goes with the list"
    ),
    "minato-shimpo-example.jp/2024-10-08_shiei-bus-yoyaku.txt": (
        "Japanese, no site file: the subheading right after the mid-article 'related' list goes with the list"
    ),
    "lakeshore-times-example.com/2024-08-19_lighthouse-keeper-interview.txt": (
        "the editor's closing note ('This interview has been edited for length and clarity.') scores 0.52 on its own"
    ),
}

ZH_HEADER = "date, source and reporter share one line of 14 words: too long for a byline line"
SITE_FILE_HEADER = (
    "the seed's site file drops the header lines; in that header the headline has no byline or date right "
    "below it, no copy and no URL, so its title score stays under the bar"
)
VI_BYLINE = (
    "a Vietnamese byline 'Theo NAME' is not recognised ('Theo' also opens sentences: 'Theo ông …', according to), "
    "and with no byline right below it the headline's title score stays under the bar"
)
#: (document, field) -> why the field is not yet its gold value.
KNOWN_METADATA_MISSES: dict[tuple[str, str], str] = {
    ("english.alarabiya.net/001_64afd957455d19e6.txt", "title"): SITE_FILE_HEADER,
    ("independent.co.uk/002_29a9ef628dbd3811.txt", "title"): SITE_FILE_HEADER,
    ("jiangyu-daily-example.cn/2024-08-15_yehang-tushuguan.txt", "byline"): ZH_HEADER,
    ("tin-thanh-pho-example.vn/2024-09-05_xe-buyt-dien.txt", "byline"): VI_BYLINE,
    ("tin-thanh-pho-example.vn/2024-09-05_xe-buyt-dien.txt", "title"): VI_BYLINE,
    ("hearthandladle-example.com/2024-11-02_pumpkin-barley-soup.txt", "byline"): (
        "date and byline share one line, the date first ('November 2, 2024 by NAME'): it is taken as the date only"
    ),
    ("shiksha-darpan-example.in/2024-07-08_gaon-pustakalay.txt", "date"): (
        "byline and date share one line ('द्वारा … | 8 जुलाई 2024'): it is taken as the byline only, as in English"
    ),
}
METADATA_FIELDS = ("title", "byline", "date")


def corpus_cases() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.txt") if not p.name.endswith((".gold.txt", ".clean.txt")))


def gold_of(source: Path, suffix: str = ".gold.txt") -> str:
    """The text of the source's gold file: its clean text, or with ".gold.json" its metadata."""
    return source.with_name(source.name[: -len(".txt")] + suffix).read_text(encoding="utf-8")


def clean_source(cleaner: Cleaner, source: Path) -> CleanResult:
    """A corpus file cleaned as `cleaner clean` cleans it (the site from its folder)."""
    return cleaner.clean_bytes(source.read_bytes(), source=str(source), site=source.parent.name)


def clean_file(cleaner: Cleaner, source: Path) -> str:
    return clean_source(cleaner, source).text


@pytest.fixture(scope="module")
def with_rules() -> Cleaner:
    return Cleaner(Config())


@pytest.fixture(scope="module")
def without_rules() -> Cleaner:
    return Cleaner(Config(use_rules=False))


@pytest.fixture(scope="module")
def without_site_rules() -> Cleaner:
    return Cleaner(Config(use_site_rules=False))


def test_corpus_has_seeds_and_languages() -> None:
    sites = {p.parent.name for p in corpus_cases()}
    assert SEED_SITES <= sites
    for tld in (".de", ".fr", ".es", ".cn", ".jp", ".kr", ".ae", ".th", ".in", ".ru", ".pl", ".id", ".vn"):
        assert any(site.endswith(tld) for site in sites), tld
    for case in corpus_cases():
        assert gold_of(case).strip(), case


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            case,
            id=str(case.relative_to(CORPUS)),
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[str(case.relative_to(CORPUS))])]
            if str(case.relative_to(CORPUS)) in KNOWN_FAILURES
            else [],
        )
        for case in corpus_cases()
    ],
)
def test_output_equals_gold(with_rules: Cleaner, source: Path) -> None:
    assert clean_file(with_rules, source) == gold_of(source)


def metadata_cases() -> list[tuple[Path, str]]:
    return [(case, field) for case in corpus_cases() for field in METADATA_FIELDS]


@pytest.mark.parametrize(
    ("source", "field"),
    [
        pytest.param(
            case,
            field,
            id=f"{case.relative_to(CORPUS)}:{field}",
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_METADATA_MISSES[str(case.relative_to(CORPUS)), field])]
            if (str(case.relative_to(CORPUS)), field) in KNOWN_METADATA_MISSES
            else [],
        )
        for case, field in metadata_cases()
    ],
)
def test_metadata_equals_gold(with_rules: Cleaner, source: Path, field: str) -> None:
    gold = json.loads(gold_of(source, ".gold.json"))
    assert getattr(clean_source(with_rules, source).metadata, field) == gold[field]


def line_labels_of(sites: Collection[str], cleaner: Cleaner) -> list[tuple[bool, bool]]:
    """(is article, kept) for every line of the corpus documents of `sites`."""
    labels = []
    for case in corpus_cases():
        if case.parent.name in sites:
            labels += line_labels(case.read_text(encoding="utf-8"), gold_of(case), clean_file(cleaner, case))
    return labels


def seed_line_labels(cleaner: Cleaner) -> list[tuple[bool, bool]]:
    return line_labels_of(SEED_SITES, cleaner)


def test_seeds_without_rules_keep_the_article(without_rules: Cleaner) -> None:
    article = [kept for is_article, kept in seed_line_labels(without_rules) if is_article]
    kept_share = sum(article) / len(article)
    assert kept_share >= 0.95, f"article lines kept: {kept_share:.1%}"


def test_seeds_without_site_rules_keep_the_article_and_drop_the_boilerplate(without_site_rules: Cleaner) -> None:
    labels = seed_line_labels(without_site_rules)
    article = [kept for is_article, kept in labels if is_article]
    boilerplate = [kept for is_article, kept in labels if not is_article]
    kept_share = sum(article) / len(article)
    removed_share = 1 - sum(boilerplate) / len(boilerplate)
    assert kept_share >= 0.95, f"article lines kept: {kept_share:.1%}"
    assert removed_share >= 0.90, f"boilerplate lines removed: {removed_share:.1%}"


def test_site_rules_off_means_no_site_file(without_site_rules: Cleaner) -> None:
    source = next(case for case in corpus_cases() if case.parent.name == "independent.co.uk")
    result = without_site_rules.clean_bytes(source.read_bytes(), source=str(source), site="independent.co.uk")
    assert result.metadata.rule_files and all("rules/generic/" in f for f in result.metadata.rule_files)


def test_seeds_without_rules_drop_the_boilerplate(without_rules: Cleaner) -> None:
    boilerplate = [kept for is_article, kept in seed_line_labels(without_rules) if not is_article]
    removed_share = 1 - sum(boilerplate) / len(boilerplate)
    assert removed_share >= 0.90, f"boilerplate lines removed: {removed_share:.1%}"


def test_a_markdown_page_without_rules(without_rules: Cleaner) -> None:
    """A scraper's Markdown dump (links, images, bullets, emphasis) comes out as the plain article text.

    Read as plain text (before `cleaner.markdown`), the output kept the links' web addresses and the
    "**" marks, and lost the paragraph that links to a resident's account and the subheading: F1 0.81.
    """
    case = CORPUS / "riverside-post-example.com" / "2024-04-11_ferry-timetable.txt"
    assert clean_file(without_rules, case) == gold_of(case)


WIDE_PAGES = ("jiangyu-daily-example.cn", "minato-shimpo-example.jp")


def kept_and_dropped(sites: Collection[str], cleaner: Cleaner) -> tuple[list[bool], list[bool]]:
    """Over the corpus pages of `sites`: each article line's kept flag, each boilerplate line's dropped flag."""
    labels = line_labels_of(sites, cleaner)
    return [kept for is_article, kept in labels if is_article], [not kept for is_article, kept in labels if not is_article]


def assert_kept_and_dropped(
    sites: Collection[str], cleaner: Cleaner, at_least: tuple[int, int], of: tuple[int, int]
) -> None:
    """At least `at_least` (article lines kept, boilerplate lines dropped) of the `of` lines of each kind."""
    article, boilerplate = kept_and_dropped(sites, cleaner)
    assert (len(article), len(boilerplate)) == of
    assert sum(article) >= at_least[0] and sum(boilerplate) >= at_least[1]


def test_chinese_and_japanese_pages(with_rules: Cleaner, without_rules: Cleaner) -> None:
    """Written without spaces: a character is a word, with our stoplists, vocabulary, caption forms and
    generic rule files (rules/generic/zh.toml, ja.toml).

    Before, a Chinese paragraph was a handful of very long "words" (the clauses between
    commas) and 7 of the 10 article lines went; the Japanese page kept its menu, share
    row and headline list. Now, of 19 article and 66 boilerplate lines, 17 stay and all
    66 go with the generic rules (the misses are in `KNOWN_FAILURES`), 14 and 64 with the
    heuristics alone.
    """
    article, boilerplate = kept_and_dropped(WIDE_PAGES, with_rules)
    assert len(article) == 19 and len(boilerplate) == 66
    assert sum(article) >= 17 and sum(boilerplate) >= 66
    article, boilerplate = kept_and_dropped(WIDE_PAGES, without_rules)
    assert sum(article) >= 14 and sum(boilerplate) >= 64


def test_thai_pages(with_rules: Cleaner, without_rules: Cleaner) -> None:
    """Thai is written without spaces between words and marks no sentence's end: a run of its letters
    is cut at its function words and every three letters, and a long line that breaks at a space ends
    like a sentence (`cleaner.scoring.tokens.RUNS`), with our stoplist, vocabulary, caption forms and
    generic rule file (rules/generic/th.toml).

    Before, a paragraph was a handful of very long "words" with no stopword and no full stop: of our
    two pages' 13 article lines 8 went, with rules and without. Now all 13 stay and all 79
    boilerplate lines go with the generic rules; with the heuristics alone 12 and 78 (the first
    page's subheading under a "read more" line goes, its photo caption stays).
    """
    sites = ("khaomuang-rimnam-example.co.th", "siam-kaset-example.co.th")
    assert_kept_and_dropped(sites, with_rules, (13, 79), of=(13, 79))
    assert_kept_and_dropped(sites, without_rules, (12, 78), of=(13, 79))


def test_hindi_pages(with_rules: Cleaner, without_rules: Cleaner) -> None:
    """Hindi ends its sentences with the danda "।" (`cleaner.scoring.tokens.FULL_STOPS`), with our
    vocabulary, caption forms, months, bylines and generic rule file (rules/generic/hi.toml).

    Before, no Hindi paragraph ended like a sentence: of our two pages' 11 article lines 5 went with
    rules (6 without). Now all 11 stay and all 56 boilerplate lines go with the generic rules; with
    the heuristics alone 10 and 54 (the first page's subheading under a "read also" line goes, and
    its photo caption and the second page's "read also" line stay).
    """
    sites = ("nadi-samachar-example.in", "shiksha-darpan-example.in")
    assert_kept_and_dropped(sites, with_rules, (11, 56), of=(11, 56))
    assert_kept_and_dropped(sites, without_rules, (10, 54), of=(11, 56))


def test_korean_pages(with_rules: Cleaner, without_rules: Cleaner) -> None:
    """A Hangul syllable counts as two letters in the length features (`shape.HANGUL_LETTERS`), and
    Korean captions ("▲ …", "사진=NAME") are credits and a generic rule.

    Before, a syllable was one letter, a Korean sentence measured like a run of short words, and with
    the heuristics alone 4 of our two pages' 11 article lines went (1 with the generic rules: the
    second page's last paragraph). Now all 11 stay and all 52 boilerplate lines go with the generic
    rules; with the heuristics alone 10 and 51.
    """
    sites = ("hanbit-ilbo-example.kr", "dongnae-news-example.kr")
    assert_kept_and_dropped(sites, with_rules, (11, 52), of=(11, 52))
    assert_kept_and_dropped(sites, without_rules, (10, 51), of=(11, 52))
