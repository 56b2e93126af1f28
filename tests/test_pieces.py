"""Lines read piece by piece (`cleaner.pieces`): a page on one line as its sentences, columns side by side as their cells."""

from __future__ import annotations

import pytest
import regex

from cleaner import Cleaner, pieces
from cleaner.explain import explain_table, kept_text
from cleaner.pieces import flattened, sentence_spans

STORY = [
    ("The council voted on Tuesday to rebuild the old stone bridge over the river, a project that residents "
     "have asked for since the floods of last winter cut the town in two."),
    ("Engineers said the work would take about eighteen months and that a temporary footbridge would be put up "
     "first, so that children can still walk to the school on the other bank."),
    "That was the first shock.",
    ("The mayor told reporters that the cost would be shared with the regional government, which has already "
     "set aside part of the money in this year's budget."),
    ("Some shop owners on the main street worry that the building site will keep customers away, but most of "
     "the people who came to the meeting welcomed the decision."),
    ("Mr. Lee, who runs the bakery by the old bridge, said the U.S. firm that will build it had done good work "
     "in the next valley."),
    ("The first lorries are expected on the site in May, when the river is low and the banks are dry enough for "
     "the cranes."),
]
MENU = "Skip to main content | Home | News | Sport | Weather |"
FOOTER = "Share this article. Sign up to our newsletter. © 2024 Example Media Ltd. All rights reserved."


def texts(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_sentences_end_at_final_punctuation_not_after_abbreviations() -> None:
    assert texts("“It is time,” said Mayor J. Smith. Work starts in May. The U.S. Army will help.") == [
        "“It is time,” said Mayor J. Smith.",
        "Work starts in May.",
        "The U.S. Army will help.",
    ]
    assert texts("Dr. Lee wrote it vs. them. (The end.) 3 more") == ["Dr. Lee wrote it vs. them.", "(The end.)", "3 more"]


def test_glued_sentences_separators_and_cjk_end_sentences() -> None:
    assert texts("Your support makes all the difference.President Zelensky said so.") == [
        "Your support makes all the difference.",
        "President Zelensky said so.",
    ]
    assert texts("Home | News » Sport • Weather · Video") == ["Home", "News", "Sport", "Weather", "Video"]
    assert texts("市议会周二投票。桥将重建！") == ["市议会周二投票。", "桥将重建！"]
    assert texts("Node.js and version 3.5 and e.g. this stay whole.") == ["Node.js and version 3.5 and e.g. this stay whole."]


def test_a_sentence_of_more_than_phrase_words_is_cut_into_headlines() -> None:
    headlines = "Council votes to rebuild bridge Mayor wins second term Floods close the school again "
    run = texts("Popular stories " + headlines * 6)
    assert run[:4] == ["Popular stories", "Council votes to rebuild bridge", "Mayor wins second term", "Floods close the school again"]
    long_sentence = " ".join(["and the council said that it would"] * 12) + " Smith told us."
    assert len(long_sentence.split()) > pieces.PHRASE_WORDS and texts(long_sentence) != [long_sentence]
    short = "The bridge over the Ouse was built by Roman Engineers in the first century."
    assert texts(short) == [short]


HOSTILE = ['"' * 50_000 + " A", " " * 50_000 + "x", "a." + " " * 50_000, ". " * 25_000, "| " * 25_000, "aa.Bb" * 10_000]


def test_no_sentence_pattern_backtracks_on_long_runs() -> None:
    """Every pattern scans a 50,000-character run in linear time (a lookbehind over a run of quotes once took 15 s)."""
    patterns = [v for v in vars(pieces).values() if isinstance(v, regex.Pattern)]
    assert patterns
    for pattern in patterns:
        for text in HOSTILE:
            list(pattern.finditer(text, timeout=1.0))  # raises TimeoutError when it backtracks badly


def test_only_a_line_that_holds_the_page_is_read_as_sentences() -> None:
    long = " ".join(STORY * 3)
    assert flattened(["Home", long, "Share"]) == 1
    assert flattened([long] + STORY * 5) is None  # a long paragraph among others
    assert flattened(STORY) is None  # no line of FLAT_WORDS words
    assert flattened([]) is None
    assert flattened(["word " * (pieces.FLAT_CHARS // 5 + 1)]) is None  # no page: a dump, judged whole


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def test_a_page_on_one_line_keeps_its_story_and_cuts_the_rest(cleaner: Cleaner) -> None:
    text = " ".join([MENU, *STORY, FOOTER])
    result = cleaner.clean_text(text)
    assert result.text == " ".join(STORY) + "\n"
    (decision,) = result.decisions
    line = result.document.lines[0]
    assert decision.keep and kept_text(line, decision) == " ".join(STORY)
    cut = [line.text[c.span.start : c.span.end].strip() for c in decision.cuts]
    assert cut[:5] == ["Skip to main content |", "Home |", "News |", "Sport |", "Weather |"]
    assert cut[-2:] == ["© 2024 Example Media Ltd.", "All rights reserved."]
    assert all(c.reason.id for c in decision.cuts)
    assert "cut 0-23 by rule:share-labels (rules/generic/en.toml): 'Skip to main content |'" in explain_table(result)
    assert cleaner.clean_text(result.text).text == result.text  # idempotent


def test_a_short_sentence_between_kept_ones_stays_and_boilerplate_goes(cleaner: Cleaner) -> None:
    inside = STORY[:3] + ["Advertisement."] + STORY[3:]
    result = cleaner.clean_text(" ".join([MENU, *inside, FOOTER]))
    assert "That was the first shock." in result.text
    assert "Advertisement" not in result.text


def test_a_long_paragraph_among_other_lines_is_judged_whole(cleaner: Cleaner) -> None:
    paragraph = " ".join(STORY)
    text = "\n\n".join(["Home", paragraph, STORY[0], STORY[1], STORY[3], "Share this article"])
    result = cleaner.clean_text(text)
    assert not any(d.cuts for d in result.decisions)
    assert paragraph in result.text.split("\n")


def test_a_later_pass_cut_lands_on_the_original_line() -> None:
    """A settling pass cuts the output text; `Cleaner._settle` moves the cut onto the line it came from."""
    from cleaner.api import _cut_again
    from cleaner.ingest import make_document
    from cleaner.model import Cut, Decision, Reason, Span

    why = Reason("score", "boilerplate-like")
    line = make_document("Home | The council met. Share this").lines[0]
    first = Decision(0, True, 1.0, (why,), (Cut(Span(0, 7), why),))
    output = kept_text(line, first)
    assert output == "The council met. Share this"
    again = _cut_again(line, first, output, (Cut(Span(17, 27), why),))
    assert kept_text(line, again) == "The council met."
    assert again.cuts[-1].span == Span(24, 34)
    assert _cut_again(line, first, output + " x", (Cut(Span(17, 27), why),)) is first  # not the kept text


def test_rules_judge_the_sentences_of_a_page_on_one_line(cleaner: Cleaner) -> None:
    """The site's rules and the generic ones see the sentences: a rule written for a line drops a sentence,
    not the page (one of the Independent's rules matched the flattened page and dropped it whole)."""
    from pathlib import Path

    from cleaner.evaluate import shingle_match

    folder = Path(__file__).resolve().parent.parent / "corpus" / "independent.co.uk"
    source = next(p for p in folder.glob("*.txt") if not p.name.endswith(".gold.txt"))
    gold = source.with_name(source.name.replace(".txt", ".gold.txt")).read_text(encoding="utf-8")
    result = cleaner.clean_text(" ".join(source.read_text(encoding="utf-8").split()), url=None, site="independent.co.uk")
    assert result.metadata.site == "independent.co.uk"
    assert any(c.reason.kind == "rule" and "sites/" in c.reason.source for d in result.decisions for c in d.cuts)
    tp, fp, fn = shingle_match(gold, result.text)
    assert tp / (tp + fp) > 0.95 and tp / (tp + fn) > 0.95


def test_cells_are_the_text_between_wide_gaps() -> None:
    from cleaner.pieces import cells

    line = "   Entertainment            Even today they live in fear,   he said."
    assert [line[start:end] for start, end in cells(line, {28})] == ["Entertainment", "Even today they live in fear,   he said."]
    assert cells(line, set()) == [(3, len(line))]  # a gap where no column starts is no cell's end


def test_a_menu_column_beside_the_story_is_cut_out_of_its_lines(cleaner: Cleaner) -> None:
    """inscriptis and lynx lay a table out as it looks: the menu column and the story side by side."""
    menu = ["News Front Page", "Africa", "Americas", "Asia-Pacific", "Europe", "Middle East", "Science", "Health"]
    rows = [f"{item:<24}{sentence}" for item, sentence in zip(menu, STORY)]
    text = "Skip to content\n\n" + "\n".join(rows) + "\n" + "\n".join(f"{item:<24}" for item in menu[len(STORY):])
    result = cleaner.clean_text(text)
    assert [line for line in result.text.splitlines() if line] == STORY
    assert cleaner.clean_text(result.text).text == result.text
