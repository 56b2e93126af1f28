"""Rule files: each kind, precedence, guards, loader errors, timeout, site lookup."""

from __future__ import annotations

import pickle
import textwrap
import time
from pathlib import Path

import pytest

from cleaner.explain import kept_text
from cleaner.ingest import document_from_text
from cleaner.model import Decision
from cleaner.rules import apply_rules, load_rulebook
from cleaner.rules.apply import reads_like_article, rule_hits
from cleaner.rules.domains import registrable_domain
from cleaner.rules.load import RuleFileError
from cleaner.rules.schema import compile_pattern

REPO = Path(__file__).resolve().parents[1]


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


SITE = '''
domains = ["example.org"]
fingerprints = ["Example Org Daily Edition"]

[[rules]]
id = "menu"
kind = "line"
pattern = "Home News Sport"
why = "menu"
drop_examples = ["Home News Sport"]
keep_examples = ["Home News Sport and weather"]

[[rules]]
id = "appeal"
kind = "block"
pattern = "Support us"
end = "Thank you."
why = "appeal"
drop_examples = ["Support us\\nGive now\\nThank you."]

[[rules]]
id = "footer"
kind = "after"
pattern = "Leave a Comment"
why = "footer"
drop_examples = ["Leave a Comment\\nMore"]

[[rules]]
id = "header"
kind = "before"
pattern = "Share this article"
why = "header"
drop_examples = ["Title\\nShare this article"]

[[rules]]
id = "related"
kind = "list"
pattern = "Related"
why = "related links"
drop_examples = ["Related\\nA headline\\nAnother headline"]

[[rules]]
id = "credit"
kind = "strip"
regex = true
pattern = ' ?\\(Photo: [^)]+\\)'
why = "photo credit"
drop_examples = ["A caption (Photo: Agency)"]
keep_examples = ["No credit here."]

[[rules]]
id = "protect-subscribe"
kind = "keep"
pattern = "Subscribe to our channel, said the mayor."
why = "an article line on this site that the generic rule would drop"
keep_examples = ["Subscribe to our channel, said the mayor."]
drop_examples = ["Subscribe to our channel"]
'''

GENERIC = '''
language = "en"

[[rules]]
id = "subscribe"
kind = "line"
regex = true
pattern = "Subscribe to our channel.*"
why = "promo"
drop_examples = ["Subscribe to our channel"]
keep_examples = ["We subscribe to this view."]
'''

ARTICLE = "The council met on Tuesday and agreed to repair the old bridge before winter comes."


@pytest.fixture()
def book(tmp_path: Path):
    write(tmp_path, "sites/example.org.toml", SITE)
    write(tmp_path, "generic/en.toml", GENERIC)
    return load_rulebook((tmp_path,), shipped=False)


def verdicts(book, text: str, **kw):
    doc = document_from_text(text, **kw)
    sel = book.select(doc, site=kw.pop("force", None))
    return doc, sel, apply_rules(sel, doc)


def dropped(book, text: str, **kw) -> list[str]:
    doc, _, vs = verdicts(book, text, **kw)
    return [line.text for line, v in zip(doc.lines, vs) if v.keep is False]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_line_rule_whole_line_only(book):
    text = page("Home News Sport", ARTICLE, "Home News Sport and weather")
    assert dropped(book, text, url="https://example.org/a") == ["Home News Sport"]


def test_a_whole_line_rule_passes_over_the_indentation(book):
    """Text dumps (lynx) indent every line: a whole-line rule still matches, and only the whole line."""
    text = page("   Home News Sport", "   " + ARTICLE, "   Home News Sport and weather")
    assert dropped(book, text, url="https://example.org/a") == ["   Home News Sport"]


def test_rules_see_a_wrapped_paragraph_as_one_line(book):
    """In a hard-wrapped text a whole-line rule matches the paragraph, and a cut lands on the lines it covers."""
    promo = "Subscribe to our channel for daily videos about the council, the bridge and the town."
    credit = "The mayor opened the new footbridge on Monday morning (Photo: Agency) in front of a crowd."
    paragraphs = [ARTICLE * 2, promo, credit, ARTICLE * 3]
    text = "\n\n".join(textwrap.fill(paragraph, 60) for paragraph in paragraphs)
    doc, _, vs = verdicts(book, text, url="https://example.org/a")
    assert doc.wrap_width is not None
    promo_lines = [line.text for line in doc.lines if line.block == 1]
    assert len(promo_lines) > 1
    assert [line.text for line, v in zip(doc.lines, vs) if v.keep is False] == promo_lines
    kept = [kept_text(line, Decision(line.index, True, 1.0, (), v.cuts)) for line, v in zip(doc.lines, vs) if line.block == 2]
    assert " ".join(kept).split() == "The mayor opened the new footbridge on Monday morning in front of a crowd.".split()


def test_block_rule(book):
    text = page(ARTICLE, "Support us", "Give now", "Thank you.", ARTICLE)
    assert dropped(book, text, url="https://example.org/a") == ["Support us", "Give now", "Thank you."]


RUN = '''
domains = ["example.net"]

[[rules]]
id = "appeal"
kind = "run"
gap = 1
regex = true
pattern = "Please give.*"
why = "appeal paragraphs"
drop_examples = ["Please give today.\\nWe are a small team.\\nPlease give what you can."]
keep_examples = ["We are a small team."]
'''


def test_run_rule_joins_matches_at_most_gap_lines_apart(tmp_path: Path):
    """A run drops its matching lines, and the lines between two of them when at most `gap` lines apart."""
    write(tmp_path, "sites/example.net.toml", RUN)
    book = load_rulebook((tmp_path,), shipped=False)
    near = page(ARTICLE, "Please give today.", "We are a small team.", "Please give what you can.", ARTICLE)
    assert dropped(book, near, url="https://example.net/a") == [
        "Please give today.", "We are a small team.", "Please give what you can."]
    far = page("Please give today.", ARTICLE, ARTICLE, "Please give what you can.")
    assert dropped(book, far, url="https://example.net/a") == ["Please give today.", "Please give what you can."]


def test_after_rule_and_its_guard(book):
    late = page(*[ARTICLE] * 5, "Leave a Comment", "More")
    assert dropped(book, late, url="https://example.org/a") == ["Leave a Comment", "More"]
    early = page("Leave a Comment", *[ARTICLE] * 5)
    assert dropped(book, early, url="https://example.org/a") == []


def test_before_rule_and_its_guard(book):
    head = page("Title", "Share this article", *[ARTICLE] * 5)
    assert dropped(book, head, url="https://example.org/a") == ["Title", "Share this article"]
    late = page(*[ARTICLE] * 5, "Share this article")
    assert dropped(book, late, url="https://example.org/a") == []


def test_list_rule_stops_at_article_text(book):
    text = page(ARTICLE, "Related", "A headline", "Another ‘quoted’ headline", ARTICLE)
    assert dropped(book, text, url="https://example.org/a") == ["Related", "A headline", "Another ‘quoted’ headline"]


def test_a_teaser_cut_off_with_an_ellipsis_does_not_end_a_list(book):
    teaser = "What the studies really say about planting trees in the middle of big…"
    text = page(ARTICLE, "Related", "A headline", teaser, "Another headline", ARTICLE)
    assert dropped(book, text, url="https://example.org/a") == ["Related", "A headline", teaser, "Another headline"]


def test_words_for_article_text_are_spaces_apart_except_in_chinese_and_japanese():
    # "l'école" is one word, though \w+ reads two: 7 words, not the 10 a sentence needs.
    assert not reads_like_article("L'élève d'aujourd'hui n'a pas l'école qu'il veut.")
    assert reads_like_article("Der Stadtrat hat am Dienstag über den neuen Bahnhof in Köln beraten.")
    assert reads_like_article("市图书馆从本周起延长开放时间到晚上十点。")
    assert not reads_like_article("市图书馆延长开放时间")


def test_a_short_french_headline_with_apostrophes_stays_in_a_list(book):
    headline = "L'été d'Élise: l'école qu'on n'oublie pas."
    text = page(ARTICLE, "Related", "A headline", headline, "Another headline", ARTICLE)
    assert dropped(book, text, url="https://example.org/a") == ["Related", "A headline", headline, "Another headline"]


def test_strip_rule_cuts_span(book):
    doc, _, vs = verdicts(book, page("A caption (Photo: Agency)", ARTICLE), url="https://example.org/a")
    (cut,) = vs[0].cuts
    assert doc.lines[0].text[cut.span.start:cut.span.end] == " (Photo: Agency)"
    assert cut.reason.id == "credit" and cut.reason.kind == "rule"
    assert vs[1].cuts == ()


def test_precedence_site_keep_beats_generic_drop(book):
    text = page("Subscribe to our channel, said the mayor.", "Subscribe to our channel", ARTICLE)
    doc, sel, vs = verdicts(book, text, url="https://example.org/a")
    assert vs[0].keep is True and vs[0].reason.id == "protect-subscribe"
    assert vs[1].keep is False and vs[1].reason.id == "subscribe"
    assert vs[1].reason.source.endswith("generic/en.toml")
    assert vs[2].keep is None


def test_precedence_site_drop_beats_generic(tmp_path: Path):
    write(tmp_path, "generic/en.toml", GENERIC)
    write(tmp_path, "sites/example.org.toml", SITE.replace("Home News Sport", "Subscribe to our channel"))
    book = load_rulebook((tmp_path,), shipped=False)
    _, _, vs = verdicts(book, page("Subscribe to our channel", ARTICLE), url="https://example.org")
    assert vs[0].keep is False and vs[0].reason.id == "menu"


def test_generic_rules_only_on_other_sites(book):
    text = page("Home News Sport", "Subscribe to our channel, said the mayor.", ARTICLE)
    assert dropped(book, text, url="https://other.net/") == ["Subscribe to our channel, said the mayor."]


def test_site_lookup_order(book):
    doc = document_from_text(page("Example Org Daily Edition", ARTICLE), url="https://news.example.org/x", site="folder.com")
    assert book.select(doc, site="forced.co.uk").how == "--site"
    assert book.select(doc, site="forced.co.uk").site == "forced.co.uk"
    assert (book.select(doc).site, book.select(doc).how) == ("example.org", "url")
    doc = document_from_text(ARTICLE, site="example.org")
    assert (book.select(doc).site, book.select(doc).how) == ("example.org", "folder")
    doc = document_from_text(page("Example Org Daily Edition", ARTICLE))
    sel = book.select(doc)
    assert (sel.site, sel.how) == ("example.org", "fingerprint")
    assert sel.files[0].endswith("sites/example.org.toml")
    assert book.select(document_from_text(ARTICLE)).how == "none"


@pytest.mark.parametrize(
    ("given", "domain"),
    [
        ("https://www.independent.co.uk/news/x", "independent.co.uk"),
        ("english.alarabiya.net", "alarabiya.net"),
        ("http://edition.cnn.com:80/a?b", "cnn.com"),
        ("https://www.abc.net.au/news", "abc.net.au"),
        ("example.org", "example.org"),
    ],
)
def test_registrable_domain(given, domain):
    assert registrable_domain(given) == domain


def test_user_folder_overrides_shipped_site_file(tmp_path: Path):
    write(tmp_path, "sites/independent.toml", SITE.replace('"example.org"', '"independent.co.uk"'))
    book = load_rulebook((tmp_path,))
    sel = book.select(document_from_text(ARTICLE), site="independent.co.uk")
    assert sel.files[0] == str(tmp_path / "sites/independent.toml")
    assert any(f.startswith("rules/generic/") for f in sel.files)


def load_error(tmp_path: Path, text: str) -> str:
    write(tmp_path, "sites/bad.org.toml", text)
    with pytest.raises(RuleFileError) as info:
        load_rulebook((tmp_path,), shipped=False)
    return str(info.value)


RULE = '''domains = ["bad.org"]

[[rules]]
id = "r1"
kind = "line"
pattern = "Menu"
why = "menu"
drop_examples = ["Menu"]
'''


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace('why = "menu"', 'why = "menu"\ncolour = "red"'), "unknown key(s) colour"),
        (lambda t: t.replace('pattern = "Menu"', 'pattern = "(Menu"\nregex = true'), "bad regex"),
        (lambda t: t + t.split("\n", 1)[1].replace('domains = ["bad.org"]', ""), "duplicate id"),
        (lambda t: t.replace('drop_examples = ["Menu"]', ""), "no examples"),
        (lambda t: t.replace('drop_examples = ["Menu"]', 'drop_examples = ["Main menu"]'), "drop example not removed"),
        (lambda t: t + 'keep_examples = ["Menu"]\n', "keep example removed"),
        (lambda t: t.replace('kind = "line"', 'kind = "zap"'), "unknown kind"),
        (lambda t: t.replace('kind = "line"', 'kind = "run"\ngap = 50'), "gap must be an integer from 0 to 10"),
        (lambda t: t.replace("[[rules]]", "[[rules]"), "not valid TOML"),
    ],
)
def test_loader_errors_name_file_line_and_rule(tmp_path: Path, edit, message):
    error = load_error(tmp_path, edit(RULE))
    assert "bad.org.toml" in error and message in error
    if message not in ("not valid TOML",):
        assert ":4: rule r1:" in error or ":4:" in error


def test_regex_timeout_does_not_hang():
    pattern = compile_pattern("(a|aa)+$", is_regex=True, whole=False, ignore_case=False)
    with pytest.raises(TimeoutError):  # the pattern really is catastrophic
        pattern.compiled.search("a" * 40 + "!", timeout=0.01)
    start = time.monotonic()
    assert pattern.search("a" * 40 + "!") is None
    assert pattern.finditer("a" * 40 + "!") == []
    assert time.monotonic() - start < 5


def test_rulebook_pickles_and_digest_tracks_files(tmp_path: Path):
    write(tmp_path, "sites/example.org.toml", SITE)
    book = load_rulebook((tmp_path,), shipped=False)
    again = pickle.loads(pickle.dumps(book))
    assert again.digest == book.digest
    assert dropped(again, page("Home News Sport", ARTICLE), url="https://example.org") == ["Home News Sport"]
    write(tmp_path, "sites/example.org.toml", SITE.replace('why = "menu"', 'why = "the menu"'))
    assert load_rulebook((tmp_path,), shipped=False).digest != book.digest


def test_rule_hits_guard_off_for_examples(book):
    rule = next(r for f in book.sites for r in f.rules if r.id == "footer")
    assert rule_hits(rule, ["Leave a Comment", "More"]) == []
    assert rule_hits(rule, ["Leave a Comment", "More"], guarded=False) == [0, 1]


def test_generic_files_apply_by_the_documents_language():
    shipped = load_rulebook()
    english = document_from_text("The council voted on Tuesday to rebuild the old stone bridge over the river.")
    german = document_from_text("Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen.")
    unknown = document_from_text("12345 678 90")
    generic = {path for path in shipped.select(unknown).files if "generic/" in path}

    assert {p for p in shipped.select(english).files if "generic/" in p} == {"rules/generic/en.toml"}
    assert {p for p in shipped.select(german).files if "generic/" in p} == {"rules/generic/en.toml", "rules/generic/de.toml"}
    assert generic == {f.path for f in shipped.generic} and len(generic) > 2  # language unknown: every file
