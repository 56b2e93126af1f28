"""Heuristic scoring: features, the fitted model, the context pass, metadata and modes."""

from __future__ import annotations

import difflib
import math
import textwrap
from pathlib import Path

import pytest
import regex

from cleaner import Cleaner, Config, metadata
from cleaner.ingest import make_document
from cleaner.rules import RuleVerdict
from cleaner.scoring import comments, credits, load_model, score_document, shape, tokens
from cleaner.scoring.features import FEATURES, document_features
from cleaner.scoring.stopwords import language_of

PROSE = [
    "The council voted on Tuesday to rebuild the old stone bridge over the river, a project that residents "
    "have asked for since the floods of last winter cut the town in two.",
    "Engineers said the work would take about eighteen months and that a temporary footbridge would be put up "
    "first, so that children can still walk to the school on the other bank.",
    "The mayor told reporters that the cost would be shared with the regional government, which has already "
    "set aside part of the money in this year's budget.",
    "Some shop owners on the main street worry that the building site will keep customers away, but most of "
    "the people who came to the meeting welcomed the decision.",
]
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
#: The model that scores English text (the test pages' language): its own, with a word lexicon.
ENGLISH = load_model().for_language("en")
MENU = ["Home", "News", "Sport", "Business", "Culture", "Weather"]
FOOTER = ["About us", "Contact", "Privacy policy", "Cookie settings", "© 2024 Example Media. All rights reserved."]


def page(*parts: list[str]) -> str:
    return "\n\n".join("\n".join(part) for part in parts)


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(Config(use_rules=False))


def test_language_is_chosen_by_stopword_coverage() -> None:
    assert language_of(" ".join(PROSE).split()) == "English"
    german = "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen, weil sie marode ist."
    assert language_of(german.split()) == "German"
    spanish = "El ayuntamiento decidió el martes reconstruir el viejo puente sobre el río, que estaba en mal estado."
    assert language_of(spanish.split()) == "Spanish"
    assert language_of(["1234", "5678", "####"]) is None


def test_language_of_an_english_page_full_of_names_and_numbers() -> None:
    """Numbers are no language's words, and jusText's lists for some languages (drawn from their Wikipedias)
    hold English words and names: an English blog page with a calendar widget or a blogroll is still English."""
    calendar = "\n".join(" ".join(str(day) for day in range(1, 32)) for _ in range(24))  # two years of months
    assert language_of(tokens.WORD.findall(calendar + "\n" + PROSE[0])) == "English"
    blogroll = ["David Star", "John Island", "Michael Fantasy Football Live", "Jason Del Rio", "Eddie Joseph",
                "Apple New Star", "Bad Island David", "Live Rio Fantasy"] * 2
    assert language_of(tokens.WORD.findall("\n".join(blogroll + PROSE[:2]))) == "English"
    finnish = "Kaupunginvaltuusto päätti tiistaina, että vanha silta rakennetaan uudelleen, koska se on huonossa kunnossa."
    assert language_of(tokens.WORD.findall(finnish)) == "Finnish"


def test_features_of_prose_and_furniture_differ_the_right_way() -> None:
    doc = make_document(page(["Share this article"], [PROSE[0]], ["Read more ..."], ["3 comments"]))
    found = document_features(doc)
    assert found.language == "en"
    rows = [dict(zip(FEATURES, vector)) for vector in found.vectors]
    share, prose, teaser, counter = rows
    assert share["boilerplate"] > 0.5 and prose["boilerplate"] == 0
    assert prose["stopwords"] > 0.3 and prose["final_punct"] == 1.0
    assert teaser["teaser"] == 1.0
    assert counter["counter"] == 1.0


def test_memoised_line_features_are_the_same_features() -> None:
    """A memo shared between passes (as `Cleaner.clean` does) changes no vector, layout included."""
    whole = make_document(page(MENU, PROSE, MENU, FOOTER))
    kept = make_document(page(PROSE[:2], ["Home"]))
    memo: dict = {}
    for doc in (whole, kept, whole):
        assert document_features(doc, memo).vectors == document_features(doc).vectors
    assert len(memo) == len(set(MENU + PROSE + FOOTER))  # one entry a distinct line, whatever the passes


HOSTILE_RUNS = [" " * 50_000 + "word", "| " * 25_000, "a" * 50_000, "." * 50_000, "1" * 50_000, "Posted by" + " " * 50_000 + "x"]


@pytest.mark.parametrize("module", [shape, tokens, comments, credits, metadata])
def test_no_feature_pattern_backtracks_on_long_runs(module: object) -> None:
    """Each feature (and metadata) regex finishes on a 50,000-character run (a line's sample size) well within a second.

    A pattern with two `\\s*` side by side took ~4 s on 50,000 spaces (quadratic); linear ones take milliseconds.
    """
    patterns = [v for v in vars(module).values() if isinstance(v, regex.Pattern)]
    assert patterns
    for pattern in patterns:
        for text in HOSTILE_RUNS:
            pattern.search(text, timeout=1.0)  # raises TimeoutError when it backtracks badly


def test_contributions_add_up_to_the_logit() -> None:
    scored = score_document(make_document(page(MENU, PROSE)), load_model())
    for score in scored.scores:
        assert math.isclose(scored.model.line.bias + sum(v for _, v in score.contributions), score.logit, abs_tol=1e-9)


GERMAN = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen, weil sie nach den "
    "Überschwemmungen des letzten Winters nicht mehr sicher ist.",
    "Die Arbeiten sollen etwa achtzehn Monate dauern, und vorher wird eine Behelfsbrücke gebaut, damit die Kinder "
    "weiter zur Schule auf der anderen Seite gehen können.",
]


def test_a_language_with_a_model_of_its_own_is_scored_by_it() -> None:
    """English (the bench's language) has its own model with a word lexicon; German gets the generic model."""
    model = load_model()
    english = score_document(make_document(page(MENU, PROSE)), model)
    assert english.model is model.languages["en"] and english.model.lexicon is not None
    names = [name for name, _ in english.scores[0].contributions]
    assert names[-2:] == ["lexicon", "lexicon_unended"] and len(names) == len(FEATURES) + 2
    menu, prose = english.scores[0], english.scores[len(MENU)]
    assert dict(menu.contributions)["lexicon"] < dict(prose.contributions)["lexicon"]
    german = score_document(make_document(page(["Startseite", "Politik", "Sport"], GERMAN)), model)
    assert german.features.language == "de" and german.model is model and german.features.lexicon is None
    assert [name for name, _ in german.scores[0].contributions] == list(FEATURES)


def test_a_model_file_must_match_the_features_it_names() -> None:
    from cleaner.scoring import ScoringModel

    data = load_model().to_json()
    assert ScoringModel.from_json(data).to_json() == data
    english = dict(data["languages"]["en"])  # type: ignore[index]
    del english["lexicon"]  # a lexicon's model without its lexicon: the line weights name one feature too many
    with pytest.raises(ValueError, match="re-run bench/train.py"):
        ScoringModel.from_json({**data, "languages": {"en": english}})


def test_article_kept_menu_and_footer_dropped(cleaner: Cleaner) -> None:
    result = cleaner.clean_text(page(MENU, PROSE, FOOTER))
    assert result.text == "\n".join(PROSE) + "\n"
    for decision in result.decisions:
        assert decision.reason.kind in ("score", "context")
        assert decision.contributions, "every scored line says which features decided"


def test_explain_names_features_for_scored_lines(cleaner: Cleaner) -> None:
    result = cleaner.clean_text(page(MENU, PROSE))
    dropped = next(d for d in result.decisions if not d.keep)
    assert dropped.reason.source == "cleaner/data/scoring.json"
    names = {name.removeprefix("context.") for name, _ in dropped.contributions}
    assert {"log_words", "stopwords", "near", "short_run"} <= names


def test_explain_names_a_group_of_features_as_one(cleaner: Cleaner) -> None:
    """--explain sums the columns of one fact (length, stopwords, place relative to the main body)."""
    from cleaner.explain import DETAIL_GROUPS, reason_detail

    members = {m.removeprefix("context.") for group in DETAIL_GROUPS.values() for m in group}
    members -= {name.removeprefix("context.") for name in DETAIL_GROUPS}
    result = cleaner.clean_text(page(MENU, PROSE, FOOTER))
    details = [reason_detail(d) for d in result.decisions]
    named = {part.split(" ")[0].removeprefix("context.") for detail in details for part in detail.split(", ")}
    assert not named & members, named & members
    assert "region" in named
    kept = next(d for d in result.decisions if d.keep)
    region = sum(v for n, v in kept.contributions if n in DETAIL_GROUPS["context.region"])
    assert f"context.region {region:+.2f}" in reason_detail(kept) or region <= 0


def test_a_prose_line_inside_the_menu_region_goes_with_it(cleaner: Cleaner) -> None:
    # A footer paragraph that reads like prose, far below the article, after a run of links.
    lonely = "This website uses cookies to improve your experience, and by continuing to browse you agree to this."
    result = cleaner.clean_text(page(MENU, PROSE, FOOTER, [lonely], FOOTER))
    assert lonely not in result.text
    assert all(p in result.text for p in PROSE)


def test_short_line_between_article_lines_stays(cleaner: Cleaner) -> None:
    text = page(MENU, PROSE[:2] + ["He added:"] + PROSE[2:], FOOTER)
    assert "He added:" in cleaner.clean_text(text).text


def test_a_short_line_the_scores_drop_stays_between_kept_lines(cleaner: Cleaner) -> None:
    # A one-word subheading scores under the threshold on its own look; with article text above and
    # below it stays, and the reason says why.
    result = cleaner.clean_text(page(MENU, PROSE[:2] + ["Footbridge"] + PROSE[2:], FOOTER))
    assert "Footbridge" in result.text.splitlines()
    heading = next(d for d in result.decisions if result.document.lines[d.line].text == "Footbridge")
    assert [r.id for r in heading.reasons] == ["kept:between-kept", "boilerplate-like"]
    assert heading.score < ENGLISH.thresholds["balanced"]
    # Boilerplate vocabulary stays dropped between article lines; two dropped lines in a row are a list,
    # left to the scores.
    assert "Advertisement" not in cleaner.clean_text(page(MENU, PROSE[:2] + ["Advertisement"] + PROSE[2:])).text
    for address in ("http://www.example.com BridgeFan", "@bridgefan"):  # a commenter's site or handle, no subheading
        assert address not in cleaner.clean_text(page(MENU, PROSE[:2] + [address] + PROSE[2:], FOOTER)).text
    pair = cleaner.clean_text(page(MENU, PROSE[:2] + ["Footbridge", "Timeline"] + PROSE[2:], FOOTER))
    assert "Footbridge" not in pair.text.split()


def test_a_list_a_kept_sentence_introduces_with_a_colon_stays(cleaner: Cleaner) -> None:
    # Ingredients, a spec sheet, a poll's answers: short lines the scores drop, under a sentence of the
    # article that ends in a colon and above more of it. The run stays whole, and the main body runs on
    # through it, so the paragraphs below it stay when the output is cleaned again.
    intro = "For the new footbridge the engineers will need:"
    items = ["Forty steel beams", "Two concrete piers", "A crane from the port", "Six weeks of dry weather"]
    result = cleaner.clean_text(page(MENU, PROSE[:2] + [intro], items, PROSE[2:], FOOTER))
    assert result.text.split() == " ".join(PROSE[:2] + [intro] + items + PROSE[2:]).split()
    kept = [d for d in result.decisions if result.document.lines[d.line].text in items]
    listed = [d for d in kept if d.reason.id == "kept:between-kept"]
    assert listed and all(d.reason.detail == "a list between two kept lines, under one ending in ':'" for d in listed)
    assert cleaner.clean_text(result.text).text == result.text
    # Without the colon, or with furniture or a handle in the run, or as a menu under a label the scores
    # drop, the run is left to the scores.
    plain = cleaner.clean_text(page(MENU, PROSE[:2] + [intro.rstrip(":") + "."], items, PROSE[2:], FOOTER))
    assert items[0] not in plain.text
    for odd in ("Share this article", "@bridgefan"):
        mixed = cleaner.clean_text(page(MENU, PROSE[:2] + [intro], items[:2] + [odd] + items[2:], PROSE[2:], FOOTER))
        assert items[0] not in mixed.text
    menu = cleaner.clean_text(page(PROSE[:2] + ["Read more:"], items, PROSE[2:], FOOTER))
    assert items[0] not in menu.text


def test_an_interviews_questions_and_answers_stay_between_kept_lines(cleaner: Cleaner) -> None:
    # Short turns, each opening with its speaker, score under the threshold one by one.
    turns = ["Q: How old is the bridge?", "A: Ninety years.", "Q: Can it be saved?", "A: No.", "Q: When?", "A: Soon."]
    result = cleaner.clean_text(page(MENU, PROSE[:2], turns, PROSE[2:], FOOTER))
    assert result.text.split() == " ".join(PROSE[:2] + turns + PROSE[2:]).split()
    kept = [d for d in result.decisions if result.document.lines[d.line].text in turns]
    dialogue = [d for d in kept if d.reason.detail == "a dialogue between two kept lines (speakers' turns)"]
    assert dialogue and all(d.score < ENGLISH.thresholds["balanced"] for d in dialogue)
    assert cleaner.clean_text(result.text).text == result.text
    # Turns need one speaker twice: a caption and its credit, each with a label, are no dialogue. Nor are
    # turns with furniture among them.
    labelled = ["Photo: The old bridge at dusk", "Source: City archive", "Credit: J. Smith"]
    assert labelled[0] not in cleaner.clean_text(page(MENU, PROSE[:2], labelled, PROSE[2:], FOOTER)).text
    mixed = turns[:2] + ["Share: Facebook, Twitter"] + turns[2:]
    assert turns[1] not in cleaner.clean_text(page(MENU, PROSE[:2], mixed, PROSE[2:], FOOTER)).text

def test_a_short_post_keeps_the_lines_close_to_its_best(cleaner: Cleaner) -> None:
    # A post of a few lines: its headline-like first line scores just under the threshold. The kept
    # lines hold fewer than FALLBACK_WORDS words, so lines close to the best score are kept too.
    head = "Council backs new bridge over the river"
    result = cleaner.clean_text(page(MENU, FOOTER, [head, PROSE[0], "Hope to see you all at the meeting."], MENU))
    assert result.text.splitlines()[0] == head
    decision = next(d for d in result.decisions if result.document.lines[d.line].text == head)
    assert decision.reason.id == "kept:best-available"
    assert regex.match(r"the kept lines hold \d+ words \(< 150\)", decision.reason.detail)
    assert decision.score < ENGLISH.thresholds["balanced"]
    assert "Home" not in result.text.split()  # the menu stays out: far from the best score


def test_a_second_copy_of_the_article_goes(cleaner: Cleaner) -> None:
    result = cleaner.clean_text(page(MENU, PROSE, ["Print this article"], PROSE, FOOTER))
    assert result.text.split() == " ".join(PROSE).split()
    repeats = [d for d in result.decisions if d.reason.id == "dropped:repeat"]
    assert len(repeats) == len(PROSE)
    assert repeats[0].reason.detail == f"repeats line {len(MENU) + 1} word for word"
    # A short line may rightly occur twice: only sentences of REPEAT_MIN_WORDS words count.
    twice = cleaner.clean_text(page(PROSE[:2] + ["He added:"] + PROSE[2:3] + ["He added:"] + PROSE[3:]))
    assert twice.text.count("He added:") == 2


def test_a_list_of_headlines_under_a_boilerplate_label_goes_inside_the_article(cleaner: Cleaner) -> None:
    # Headlines long enough to pass for prose, one a paragraph, between two paragraphs of the article.
    label = "Read more on the bridge works:"
    headlines = [
        "Residents of the east bank fear months of detours while the old crossing is taken down",
        "Regional government sets aside money for three more bridges in next year's budget plan",
        "Why the floods of last winter cut the town in two and what engineers say about it now",
    ]
    result = cleaner.clean_text(page(MENU, PROSE[:2], [label], *[[h] for h in headlines], PROSE[2:], FOOTER))
    assert result.text.split() == " ".join(PROSE).split()
    dropped = [d for d in result.decisions if d.reason.id == "dropped:link-list"]
    assert dropped and dropped[0].reason.detail == f"a list under the label {label!r}"
    # A label without boilerplate words, or a line too long for a headline under one, is left to the scores.
    def listed(*parts: list[str]) -> list[str]:
        decisions = cleaner.clean_text(page(*parts)).decisions
        return [d.reason.id for d in decisions if d.reason.id == "dropped:link-list"]

    colon = "The mayor's office listed three reasons for the decision:"
    assert not listed(MENU, PROSE[:2] + [colon, "Costs shared with the region", "A footbridge first"] + PROSE[2:])
    assert not listed(MENU, PROSE[:2], ["Related coverage:"], [PROSE[2].rstrip(".")], PROSE[3:], FOOTER)


def test_a_teaser_list_after_the_article_goes_with_its_summaries(cleaner: Cleaner) -> None:
    """After the main body, "More from Local News" and headlines each with a one-sentence summary
    under it: the summaries read as prose, but go with the list; no ":" is needed there."""
    teasers = [
        "More from Local News",
        "Residents fight plans for 300 homes on farmland",
        "Developers say the homes are badly needed, but villagers fear the roads cannot cope with the traffic.",
        "New bus route to link the hospital and the station",
        "The service will run every 20 minutes from July, the operator said on Friday.",
    ]
    result = cleaner.clean_text(page(MENU, PROSE, teasers, FOOTER))
    assert result.text.split() == " ".join(PROSE).split()
    assert all(d.reason.id == "dropped:link-list" for d in result.decisions[-len(FOOTER) - 5 : -len(FOOTER)])
    # Sections of the article under subheadings with no boilerplate word are no list, nor is a footer.
    sections = ["Costs", PROSE[0], "Timetable", PROSE[1]]
    result = cleaner.clean_text(page(MENU, PROSE[2:], sections, FOOTER))
    assert not [d for d in result.decisions if d.reason.id == "dropped:link-list"]


COMMENTS = [
    "2 Responses to \"Council votes to rebuild the bridge\"",
    "jonathan says:",
    "March 12, 2024 at 10:41 am",
    "Great news, I have waited years for this bridge and I really hope that they finish the work on time.",
    "Reply",
    "Maria Lopez says:",
    "March 12, 2024 at 11:02 am",
    "The footbridge is a good idea, because my children cross the river every morning to get to their school.",
    "Reply",
]


def test_readers_comments_after_the_article_go(cleaner: Cleaner) -> None:
    result = cleaner.clean_text(page(MENU, PROSE, COMMENTS, FOOTER))
    assert result.text.split() == " ".join(PROSE).split()


def test_a_comment_that_reads_like_the_article_goes_too(cleaner: Cleaner) -> None:
    # Readers' comments are prose: long, full of stopwords, ending in full stops. In the comment
    # section (from the first of two or more headers after the article text) they go anyway.
    replies = [
        "I have lived on the east bank of the river for more than thirty years, and I can tell you that the "
        "old bridge was never safe in the winter, so the council should have done this a long time ago.",
        "My children walk to the school on the other side every morning, and I am glad that the footbridge "
        "will be built first, because the detour along the main road would have taken them an hour.",
    ]
    thread = ["jonathan says:", *replies, "Maria Lopez says:", *PROSE[:2]]
    result = cleaner.clean_text(page(MENU, PROSE, thread, FOOTER))
    assert result.text.split() == " ".join(PROSE).split()
    comments = result.decisions[len(MENU) + len(PROSE) :][: len(thread)]
    assert {d.reason.id for d in comments} == {"dropped:comment-section"}
    threshold = ENGLISH.thresholds["balanced"]
    own = [d.contributions.line_logit() for d in comments]  # type: ignore[attr-defined]
    assert any(z >= math.log(threshold / (1 - threshold)) for z in own)  # its own look (stage 1) would keep it


def comment_zone(text: str) -> list[float]:
    """The `comment_zone` context feature of every line of `text`."""
    from cleaner.scoring.context import CONTEXT_FEATURES, context_vectors

    doc = make_document(text)
    model = load_model()
    features = document_features(doc, lexicons=model.lexicons)
    model = model.for_language(features.language)
    vectors = context_vectors(
        [model.line.logit(v) for v in features.vectors],
        features.words,
        features.blocks,
        model.region_threshold,
        features.vectors,
        features.count_headings,
        features.quantities,
    )
    return [v[CONTEXT_FEATURES.index("comment_zone")] for v in vectors]


def test_the_comment_zone_opens_at_the_first_of_two_close_headers_after_article_text() -> None:
    byline = ["By Jane Smith, March 12, 2024 at 9:15 am"]  # header-like, but above the article: opens nothing
    assert comment_zone(page(byline, PROSE, COMMENTS)) == [0.0] * (1 + len(PROSE)) + [1.0] * len(COMMENTS)
    # One header-like line after the article opens no zone either.
    assert not any(comment_zone(page(PROSE, COMMENTS[1:2], PROSE)))
    # Nor does a quote's "NAME said:" in the story with the next header far below it: the zone opens
    # at the first header with another at most ZONE_GAP lines below.
    quoted = PROSE[:2] + ["The mayor said:"] + PROSE[2:] + PROSE * 3
    assert comment_zone(page(quoted, COMMENTS)) == [0.0] * len(quoted) + [1.0] * len(COMMENTS)


INGREDIENTS = [
    "Ingredients",
    "1 small pumpkin, about 1.5 kg",
    "2 tablespoons olive oil",
    "1 large onion, chopped",
    "100 g pearl barley, rinsed",
    "1.2 litres vegetable stock",
    "salt and black pepper",
]


def test_a_list_of_quantities_is_the_articles(cleaner: Cleaner) -> None:
    """Ingredients score under the threshold one by one (short, no full stop, a lower-case word after a number);
    a run of lines that open with a quantity and a unit is a list of the article's, between its paragraphs
    and at its end, with the heading and unmeasured items among them."""
    parts = [[line] for line in PROSE[:2] + INGREDIENTS + PROSE[2:]]
    result = cleaner.clean_text(page(MENU, *parts, FOOTER))
    assert result.text.split() == " ".join(PROSE[:2] + INGREDIENTS + PROSE[2:]).split()
    kept = {result.document.lines[d.line].text: d for d in result.decisions}
    assert kept["2 tablespoons olive oil"].reason.id == "kept:between-kept"
    # At the article's end, with no kept line below, the list ends at its last quantity.
    tail = cleaner.clean_text(page(MENU, *[[line] for line in PROSE + INGREDIENTS], ["Share this:", "Facebook"], FOOTER))
    assert tail.text.split() == " ".join(PROSE + INGREDIENTS[:-1]).split()
    # Counters are no quantities: "2 hours ago" and "25 of 123" name no unit.
    counters = ["Latest", "2 hours ago", "5 hours ago", "25 of 123", "9 hours ago"]
    result = cleaner.clean_text(page(MENU, *[[line] for line in PROSE + counters], FOOTER))
    assert result.text.split() == " ".join(PROSE).split()


def test_a_menu_block_of_dozens_of_lines_is_no_long_paragraph() -> None:
    """Scrapers that put blank lines around paragraphs only (inscriptis, lynx) write a menu of 32 items as
    one block. A block of a few lines is text broken by <br> (the block-size feature lifts it); one of more
    than LONG_BLOCK lines is not, and its lines count alone, as menu items do in whole-page dumps."""
    places = ["Adelaide", "Brisbane", "Melbourne", "Perth", "Sydney", "Vienna", "Brussels", "Oslo"]
    menu = [f"    + {place} {kind}" for place in places for kind in ("sessions", "workshops", "prices", "dates")]
    paragraphs = [[line] for line in PROSE + FOOTER]
    doc = make_document(page(["Example Photo Tours"], menu, *paragraphs, ["An address", "on two lines"]))
    features = document_features(doc)
    block_lines, alone = FEATURES.index("block_lines"), FEATURES.index("alone")
    at = {line.text: i for i, line in enumerate(doc.lines)}
    assert all(features.vectors[at[item]][block_lines] == 0 and features.vectors[at[item]][alone] == 1 for item in menu)
    address = features.vectors[at["An address"]]
    assert address[block_lines] > 0 and address[alone] == 0


def test_dated_lines_above_the_story_open_no_zone_when_no_header_follows_in_it() -> None:
    """A stock ticker's or a sidebar's dated lines between a blurb and the story are two close
    header-like lines after some article-like text, but no header recurs through the story below them:
    the story's header-free stretch is longer than all the text above and most of what follows."""
    ticker = ["as of 04:03PM ET 6/26/2009", "DJIA 8438.39 -34.01", "6/26/2009 4:03:00 PM", "NASDAQ 1838.22 8.68"]
    story = PROSE * 2
    assert not any(comment_zone(page(PROSE[:2], ticker, story)))
    # Under a post, comments whose headers recur through them still make a zone, however long each one.
    thread = ["jonathan says:", "March 12, 2024 at 9:15 am", PROSE[2], "Maria Lopez says:", "March 12, 2024 at 10:02 am", PROSE[3]]
    assert comment_zone(page(PROSE[:2], thread)) == [0.0] * 2 + [1.0] * len(thread)


def test_a_comment_count_heading_after_the_article_opens_the_zone_by_itself() -> None:
    # Comments headed by their authors' names alone: no attribution line, only the count above them.
    thread = ["{ 2 comments }", "Gibbo", PROSE[0], "Robert", PROSE[1]]
    assert comment_zone(page(PROSE, thread)) == [0.0] * len(PROSE) + [1.0] * len(thread)
    # Above the article (a count link under the title) it opens nothing.
    assert not any(comment_zone(page(["Council votes to rebuild the bridge", "3 comments"], PROSE)))


def test_a_ranked_list_with_scores_and_years_opens_no_comment_zone() -> None:
    """'55.40 points (2003)' is a score and a year, not a comment's time and date."""
    ranking = [
        "1. Clinton Portis, RB, Denver Broncos — 55.40 fantasy points (2003)",
        PROSE[0],
        "2. Shaun Alexander, RB, Seattle Seahawks – 53.10 fantasy points (2002)",
        PROSE[1],
    ]
    assert not any(comment_zone(page(PROSE, ranking)))


def test_scorer_sees_the_text_the_rules_leave(cleaner: Cleaner) -> None:
    """Lines a rule dropped are taken out before scoring: the last article line is not judged by the footer."""
    from cleaner.decide import judge

    doc = make_document(page(PROSE, FOOTER))
    n_prose = len(PROSE)
    verdicts = [RuleVerdict() for _ in range(n_prose)]
    from cleaner.model import Reason

    rule = Reason("rule", "footer", "rules/sites/example.com.toml")
    verdicts += [RuleVerdict(False, rule) for _ in FOOTER]
    decisions, language = judge(doc, verdicts, "balanced", load_model())
    assert language == "en"
    assert [d.keep for d in decisions] == [True] * n_prose + [False] * len(FOOTER)
    assert all(d.reason is rule for d in decisions[n_prose:])


def test_metadata_is_recognised_and_kept_out_of_the_body(cleaner: Cleaner) -> None:
    text = page(MENU, ["Council votes to rebuild the old stone bridge"], ["By Jane Smith"], ["12 March 2024"], PROSE, FOOTER)
    result = cleaner.clean_text(text, url="https://news.example.com/2024/03/council-rebuild-stone-bridge")
    meta = result.metadata
    assert meta.title == "Council votes to rebuild the old stone bridge"
    assert meta.byline == "By Jane Smith"
    assert meta.date == "12 March 2024"
    assert result.text == "\n".join(PROSE) + "\n"
    reasons = {d.reason.id for d in result.decisions if not d.keep}
    assert {"metadata:title", "metadata:byline", "metadata:date"} <= reasons


@pytest.mark.parametrize(
    "stamp", ["8 februari 2024, 16:52", "12 gennaio 2024", "5 aprile 2024", "3 de enero de 2024",
              "2 de noviembre de 2024", "4 de fevereiro de 2024", "20 augustus 2023", "3 maart 2024"],
)
def test_dates_in_the_generic_rules_languages(stamp: str) -> None:
    """Month names of every language with a generic rule file: a dateline is a date, never the title."""
    assert tokens.DATE.search(stamp)
    result = Cleaner(Config(use_rules=False)).clean_text(page(MENU, ["Door Jan de Vries"], [stamp], PROSE))
    assert result.metadata.date == stamp and result.metadata.title != stamp


def test_headlines_opening_with_de_von_or_door_are_no_bylines(cleaner: Cleaner) -> None:
    """'de', 'von' and 'door' open headlines and names too; scraped English bylines may be lower case."""
    headline = "De Blasio Fills Three Top Posts, But Not Top Cop"
    result = cleaner.clean_text(page(MENU, [headline], ["By the Associated Press"], ["12 March 2024"], PROSE))
    assert result.metadata.byline == "By the Associated Press"
    assert result.metadata.title == headline
    from cleaner.metadata import BYLINE

    for byline in ("By binaj guruacharya, associated press", "Von Katrin Mewes", "door Sanne Verhoeven", "di Giulia"):
        assert BYLINE.match(byline), byline
    for headline in ("Von der Leyen kündigt neue Regeln an", "Door de storm vallen bomen om"):
        assert not BYLINE.match(headline), headline


def test_a_byline_with_a_colon_is_the_byline() -> None:
    """US broadcasters' sites print "By: Name"; the title above it is then found too."""
    from cleaner.metadata import BYLINE

    for byline in ("By: Jordan Pike", "BY: JORDAN PIKE", "Written By: Sam Reyes - Oct 28", "Story by Ana Ruiz", "Posted by Becky"):
        assert BYLINE.match(byline), byline
    for line in ("Bypass works close the ring road", "By-election called for May"):
        assert not BYLINE.match(line), line
    headline = "City council approves new bike lanes on Main Street"
    result = Cleaner(Config(use_rules=False)).clean_text(page(MENU, [headline], ["By: Jordan Pike"], PROSE))
    assert result.metadata.byline == "By: Jordan Pike"
    assert result.metadata.title == headline


def test_a_bare_name_next_to_the_date_is_the_byline(cleaner: Cleaner) -> None:
    """Newsletters, blogs and Spanish papers print the author's name alone; with it taken as the
    byline, the headline above it is found as the title too."""
    headline = "Why small towns stopped building libraries"
    for header, name in ((["Jane Holt", "5 March 2024"], "Jane Holt"), (["5 March 2024", "Ana de la Torre"], "Ana de la Torre")):
        result = cleaner.clean_text(page(MENU, [headline], header, PROSE))
        assert [result.metadata.title, result.metadata.byline] == [headline, name]
    # Not a name: a stopword, a boilerplate word, one word, a line with digits or punctuation.
    for line in ("Why I Quit", "Local News", "Editorial", "Jane Holt, 42", "Updates: Jane Holt"):
        result = cleaner.clean_text(page(MENU, [headline], [line], ["5 March 2024"], PROSE))
        assert result.metadata.byline is None, line
    # A headline right above the date found as the title stays the title.
    result = cleaner.clean_text(page(MENU, ["Storm Hits The Coast Road"], ["5 March 2024"], PROSE))
    assert [result.metadata.title, result.metadata.byline] == ["Storm Hits The Coast Road", None]


def test_chinese_japanese_korean_and_arabic_bylines() -> None:
    """The reporter's word after the paper's name, or after the name in Korean; not a press conference."""
    from cleaner.metadata import BYLINE

    for byline in ("记者 陈雨桐", "みなと新報 記者 森田 沙織", "作者：李明", "김서연 기자", "بقلم: سارة الحسيني"):
        assert BYLINE.match(byline), byline
    for line in ("市长在记者会上表示", "기자회견에서 시장이 밝혔다"):
        assert not BYLINE.match(line), line


def test_a_date_line_with_two_stamps_is_the_date(cleaner: Cleaner) -> None:
    stamps = "Published: 3:45 PM EST, March 3, 2024 | Updated: 5:10 PM EST, March 3, 2024"
    result = cleaner.clean_text(page(MENU, ["Council votes to rebuild the bridge"], ["By Jane Smith"], [stamps], PROSE))
    assert result.metadata.date == stamps
    # A long line is no date line because a date sits in it after a "|".
    crumbs = "Home | News | Local | Council votes to rebuild the old stone bridge after the floods | 3 March 2024"
    assert cleaner.clean_text(page(MENU, [crumbs], PROSE)).metadata.date is None
    # Two stamps with no "|" between them: the first is read when it opens the line's first 12 words.
    french = "Publié le 5 mars 2024 à 14h32, modifié le 5 mars 2024 à 16h10"
    result = cleaner.clean_text(page(MENU, ["Le conseil vote la reconstruction du pont"], [french], PROSE))
    assert result.metadata.date == french
    # A sentence with two dates is no date line, nor is a long line that holds two.
    for line in ("The bridge closed on 5 March 2024 and reopened on 9 May 2024.", " ".join(PROSE[:2]) + " 3 March 2024 4 March 2024"):
        assert cleaner.clean_text(page(MENU, ["Council votes to rebuild the bridge"], [line], PROSE)).metadata.date is None


def test_the_title_is_found_above_the_byline_past_lines_a_rule_dropped() -> None:
    """Share buttons and a reading time between the headline and the byline do not hide the headline."""
    generic = Cleaner(Config(use_site_rules=False))
    headline = "Council votes to rebuild the old stone bridge"
    header = [headline, "Share this article", "Reading time: 3 min", "By Jane Smith", "5 March 2024"]
    result = generic.clean_text(page(MENU, header, PROSE))
    assert [result.metadata.title, result.metadata.byline] == [headline, "By Jane Smith"]
    # More than `RULED_GAP` such lines part them.
    far = [headline, "Share this article", "Share", "Reading time: 3 min", "Advertisement"] + header[3:]
    assert generic.clean_text(page(MENU, far, PROSE)).metadata.title is None


def test_the_title_is_a_headline_not_a_link_or_a_caps_label(cleaner: Cleaner) -> None:
    headline = "Council Votes To Rebuild The Old Stone Bridge"
    # No URL to match: the headline right above the byline is found without one.
    found = cleaner.clean_text(page(MENU, ["Print E-mail story Most e-mailed"], [headline], ["By Jane Smith"], PROSE))
    assert found.metadata.title == headline
    for label in ("PRINTER FRIENDLY VERSION", "http://www.example.com/news/local-12345"):
        result = cleaner.clean_text(page(MENU, [label], ["By Jane Smith"], PROSE))
        assert result.metadata.title is None, label


def test_a_sentence_case_headline_is_found_without_a_url(cleaner: Cleaner) -> None:
    """European and UK sites write headlines in sentence case, and a folder of scraped files has no URLs:
    the header's shape finds the title (the old score leaned on capitals and the URL's words)."""
    headline = "Council approves new cycle lanes on Harbour Road"
    header = [headline, "By Sarah Mitchell, Transport Correspondent", "Published: 3:45 PM, March 3, 2024"]
    result = cleaner.clean_text(page(header, ["Listen to this article"], PROSE))
    assert result.metadata.title == headline
    # The page's <title> line, the headline plus the site's name, marks the headline too.
    with_site = f"{headline} | The Harbour Gazette"
    result = cleaner.clean_text(page([with_site], MENU, [headline], ["Photo: Jane Smith"], PROSE))
    assert result.metadata.title == headline


def test_a_file_named_after_its_slug_points_to_the_title(cleaner: Cleaner) -> None:
    """No URL (a folder of scraped files): the file's name, often the URL's slug, stands in for it."""
    from dataclasses import replace

    from cleaner.ingest import make_document

    headline = "Olive growers bet on drip irrigation to survive the drought"
    standfirst = "The cooperative will invest 3.2 million euros in a network fed with recycled water"
    doc = make_document(page(MENU, [headline, standfirst, "Lucia Fernandez", "18 September 2024"], PROSE))
    named = replace(doc, source="scrape/2024-09-18_olive-growers-drip-irrigation.txt")
    assert cleaner.clean(named).metadata.title == headline
    # Without it the standfirst, with no full stop and right above the byline, is taken for the title.
    for source in (None, "scrape/001_64afd957455d19e6.txt", "scrape/olive-1.txt"):  # no name, an id, one word
        assert cleaner.clean(replace(doc, source=source)).metadata.title == standfirst
    # A URL, when there is one, is what counts.
    other = replace(named, url="https://news.example.com/2024/09/council-budget-vote")
    assert cleaner.clean(other).metadata.title == standfirst


def test_a_text_that_opens_with_its_headline_gives_the_title() -> None:
    """Scraped article text often starts with the headline, then a caption (a generic rule drops it), then the story."""
    cleaner = Cleaner()
    headline = "Nato allies pledge to strengthen the air defences of Ukraine"
    caption = "Ambassadors met in Brussels on Wednesday (Photo: Example Agency)"
    result = cleaner.clean_text(page([headline], [caption], PROSE))
    assert result.metadata.title == headline
    assert result.text == "\n".join(PROSE) + "\n"


def test_a_text_that_opens_with_its_headline_and_standfirst_gives_both() -> None:
    """The headline, then a longer summary line with no full stop (as scraped article text often
    opens): the title and the standfirst, and the story starts with the first paragraph."""
    cleaner = Cleaner()
    headline = "Nato allies pledge to strengthen Ukraine's air defences"
    standfirst = "Ambassadors meet in Brussels as Kyiv asks for more Patriot systems before the winter"
    result = cleaner.clean_text(page([headline], [standfirst], PROSE))
    assert [result.metadata.title, result.metadata.standfirst] == [headline, standfirst]
    assert result.text == "\n".join(PROSE) + "\n"
    # A shorter line under the first is no standfirst: the two are not read as a header.
    result = cleaner.clean_text(page([standfirst], [headline], PROSE))
    assert result.metadata.standfirst is None


def test_the_title_is_found_in_the_header_a_site_rule_dropped(tmp_path: Path) -> None:
    """A site file's `before` rule drops the header with the headline in it: the title is still found there
    (the line keeps its rule's reason). A headline a `line` rule drops below the page's top (another story's)
    is not, even right above the byline."""
    headline = "Council approves new cycle lanes on Harbour Road"
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "example.org.toml").write_text(
        'domains = ["example.org"]\n'
        '[[rules]]\nid = "header"\nkind = "before"\npattern = "Share this article"\nwhy = "header"\n'
        'drop_examples = ["Title\\nShare this article"]\n'
        '[[rules]]\nid = "teaser"\nkind = "line"\npattern = "Ferry fares to rise in May"\nwhy = "teaser"\n'
        'drop_examples = ["Ferry fares to rise in May"]\n',
        encoding="utf-8",
    )
    cleaner = Cleaner(Config(rules_dirs=(tmp_path,)))
    header = ["News", headline, "By Sarah Mitchell", "3 March 2024", "Share this article"]
    result = cleaner.clean_text(page(header, PROSE), url="https://example.org/news/1")
    assert result.metadata.title == headline and result.metadata.byline == "By Sarah Mitchell"
    assert result.text == "\n".join(PROSE) + "\n"
    titled = next(d for d in result.decisions if d.line == 1)
    assert titled.reason.id == "header"
    teaser = ["Ferry fares to rise in May"]
    result = cleaner.clean_text(page(MENU, teaser, ["By Sarah Mitchell"], PROSE), url="https://example.org/n/2")
    assert result.metadata.title is None


def test_a_line_with_boilerplate_words_is_no_title(cleaner: Cleaner) -> None:
    result = cleaner.clean_text(page(MENU, ["Share this story on Facebook and Twitter"], ["By Jane Smith"], PROSE))
    assert result.metadata.title is None


def test_keep_title_puts_the_title_first() -> None:
    text = page(["Council votes to rebuild the old stone bridge"], PROSE)
    result = Cleaner(Config(use_rules=False, keep_title=True)).clean_text(text)
    assert result.text.startswith("Council votes to rebuild the old stone bridge\n\n" + PROSE[0])


def test_modes_keep_more_from_precision_to_recall() -> None:
    text = page(MENU, ["Photo: Jane Smith / Example Agency"], PROSE, ["Posted in Local news, Transport"], FOOTER)
    kept = {}
    for mode in ("precision", "balanced", "recall"):
        result = Cleaner(Config(use_rules=False, mode=mode)).clean_text(text)
        kept[mode] = sum(d.keep for d in result.decisions)
    assert kept["precision"] <= kept["balanced"] <= kept["recall"]
    for model in (load_model(), ENGLISH):
        assert model.thresholds["precision"] > model.thresholds["balanced"] > model.thresholds["recall"]


def test_a_short_article_is_not_lost(cleaner: Cleaner) -> None:
    """When nothing reaches the threshold, the best lines are kept rather than nothing."""
    text = page(["Home", "Blog"], ["We released issue one of the magazine today, with a new website."], ["Tags: news"])
    result = cleaner.clean_text(text)
    assert "issue one of the magazine" in result.text


def test_metadata_reaches_report_and_jsonl_records(cleaner: Cleaner) -> None:
    from cleaner.explain import report_record
    from cleaner.jsonl import clean_record

    text = page(MENU, ["Council votes to rebuild the old stone bridge"], ["By Jane Smith"], PROSE, FOOTER)
    record = clean_record(cleaner, {"id": "a1", "text": text, "url": "https://news.example.com/council-stone-bridge"})
    meta = record["cleaner"]
    assert meta["title"] == "Council votes to rebuild the old stone bridge"
    assert meta["byline"] == "By Jane Smith" and meta["language"] == "en"
    assert "Jane Smith" not in record["text"]
    report = report_record(cleaner.clean_text(text), "story.txt")
    assert report["byline"] == "By Jane Smith"


def test_lines_dropped_as_metadata_are_in_the_metadata(cleaner: Cleaner) -> None:
    """Also when only a later (settling) pass recognised them."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for source in sorted(corpus.rglob("*.txt")):
        if source.name.endswith((".gold.txt", ".clean.txt")):
            continue
        result = cleaner.clean_bytes(source.read_bytes(), source=str(source))
        for line, decision in zip(result.document.lines, result.decisions):
            if decision.reason.id.startswith("metadata:"):
                field = decision.reason.id.split(":", 1)[1]
                assert getattr(result.metadata, field), (source.name, field, line.text)


def test_a_kicker_above_the_title_goes_with_it() -> None:
    from cleaner.metadata import find_metadata
    from cleaner.model import Decision, Reason

    lines = ["Menu", "Transport", "Bridge to be rebuilt after the floods", "By Jane Smith", "12 March 2024", *PROSE]
    doc = make_document("\n\n".join(lines))
    decisions = tuple(Decision(i, i > 0, 0.1 if i == 0 else 0.9, (Reason("score", "x"),)) for i in range(len(lines)))
    found = find_metadata(doc, decisions, url="https://news.example.com/2024/bridge-rebuilt-floods")
    assert found.title == "Bridge to be rebuilt after the floods"
    assert found.decisions[1].reason.id == "dropped:section-label" and not found.decisions[1].keep
    # The title's reason names the facts behind it.
    assert found.decisions[2].reason.detail.startswith("title: kept as metadata, not in the body (title score ")
    assert "above_header +" in found.decisions[2].reason.detail
    assert [d.keep for d in found.decisions[5:]] == [True] * len(PROSE)
    # A short line that ends like a sentence is not a label.
    lines[1] = "It works."
    kept = find_metadata(make_document("\n\n".join(lines)), decisions, url="https://news.example.com/2024/bridge-rebuilt-floods")
    assert kept.decisions[1].keep


@pytest.mark.parametrize("name", ["odessa-journal.com", "balconygardener-example.net", "english.alarabiya.net"])
def test_the_same_page_in_any_line_layout_gives_the_same_words(name: str) -> None:
    """Scrapes put one newline or a blank line between paragraphs, and text dumps wrap
    paragraphs at a column and indent them: the words kept are the same in every layout.

    Without the per-line blocks of `layout.feature_blocks`, the one-newline form is
    one long block and every line of it looked like article text (menus kept);
    without `cleaner.wrapping`, a wrapped paragraph is a run of fragments that look
    like a menu (the article dropped).
    """
    source = next(p for p in (CORPUS / name).glob("*.txt") if p.name.count(".") == 1)
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    cleaner = Cleaner(Config(use_rules=False))
    kept = {}
    for separator in ("\n\n", "\n"):
        for width in (0, 72):
            text = separator.join("\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) if width else line for line in lines)
            output = cleaner.clean_text(text).text
            assert cleaner.clean_text(output).text == output, "cleaning again changes it"
            kept[separator, width] = output.split()
    indented = cleaner.clean_text("\n\n".join("   " + line for line in lines)).text  # as lynx indents
    reference = kept[("\n\n", 0)]
    assert reference, "nothing kept"
    assert indented.split() == reference
    assert kept[("\n\n", 72)] == reference
    assert kept[("\n", 0)] == reference
    # Wrapped with no blank lines, a paragraph whose last line nearly fills the column
    # cannot be told from one that goes on, so it is read together with the next one.
    assert difflib.SequenceMatcher(None, reference, kept[("\n", 72)]).ratio() >= 0.95


def test_a_standfirst_above_the_byline_is_not_the_body(cleaner: Cleaner) -> None:
    standfirst = "The old stone bridge, closed since the floods, will be rebuilt by the end of next year."
    text = page(MENU, ["Council votes to rebuild the old stone bridge"], [standfirst], ["By Jane Smith"],
                ["12 March 2024"], PROSE, FOOTER)
    result = cleaner.clean_text(text, url="https://news.example.com/2024/03/council-rebuild-stone-bridge")
    assert result.metadata.standfirst == standfirst
    assert result.metadata.date == "12 March 2024"
    assert result.text == "\n".join(PROSE) + "\n"


def test_a_post_that_is_all_standfirst_keeps_it_as_the_body(cleaner: Cleaner) -> None:
    """With nothing kept below the byline and date, the line above them is the post, not its summary."""
    post = "This four-part series follows combat photographers as they cover conflicts in Libya, Brazil and Mexico."
    text = page(MENU, ["New documentary follows conflict photographers"], [post], ["By Jane Smith"],
                ["12 March 2024"], FOOTER)
    result = cleaner.clean_text(text, url="https://news.example.com/2024/03/documentary-follows-conflict-photographers")
    assert result.metadata.title == "New documentary follows conflict photographers"
    assert result.metadata.standfirst is None
    assert result.text == post + "\n"


def test_only_a_wrapped_text_has_a_wrap_width() -> None:
    assert make_document(page(MENU, PROSE, FOOTER)).wrap_width is None
    assert make_document("\n".join(MENU + PROSE + FOOTER)).wrap_width is None
    wrapped = make_document(page(MENU, *[textwrap.wrap(p, 72) for p in PROSE], FOOTER))
    assert wrapped.wrap_width is not None and 60 <= wrapped.wrap_width <= 72
