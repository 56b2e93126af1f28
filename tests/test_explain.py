from cleaner.explain import explain_table, kept_offsets, kept_text, render
from cleaner.ingest import make_document
from cleaner.model import CleanResult, Cut, Decision, Reason, Span

KEEP = Reason("score", "article-like")
DROP = Reason("rule", "x", "rules/sites/x.toml")


def decisions(keeps: list[bool]) -> tuple[Decision, ...]:
    return tuple(Decision(i, k, 1.0 if k else 0.0, (KEEP if k else DROP,)) for i, k in enumerate(keeps))


def test_render_keeps_block_structure() -> None:
    doc = make_document("a\nb\n\nc\nd\n\ne")
    assert render(doc, decisions([True, True, True, False, True])) == "a\nb\n\nc\n\ne\n"
    assert render(doc, decisions([False, True, False, True, False])) == "b\n\nd\n"
    assert render(doc, decisions([False] * 5)) == ""


def test_render_puts_title_first() -> None:
    doc = make_document("Body line.")
    assert render(doc, decisions([True]), title="A title") == "A title\n\nBody line.\n"


def test_cuts_remove_spans_and_edge_spaces() -> None:
    doc = make_document("Your support matters.President Smith said yes. pic.twitter.com/abc")
    line = doc.lines[0]
    cut = Decision(0, True, 1.0, (KEEP,), cuts=(Cut(Span(0, 21), DROP), Cut(Span(47, 67), DROP)))
    assert kept_text(line, cut) == "President Smith said yes."


def test_explain_table_names_reason_and_source() -> None:
    doc = make_document("keep me\ndrop me")
    result = CleanResult("keep me\n", doc, decisions([True, False]))
    table = explain_table(result)
    assert "KEEP" in table and "DROP" in table and "rules/sites/x.toml" in table


def test_explain_table_shows_each_cut_with_its_text() -> None:
    doc = make_document("Your support matters.President Smith said yes. pic.twitter.com/abc")
    cut = Decision(0, True, 1.0, (KEEP,), cuts=(Cut(Span(47, 67), DROP), Cut(Span(0, 21), DROP)))
    rows = explain_table(CleanResult("President Smith said yes.\n", doc, (cut,))).splitlines()
    assert rows[0].startswith("    1 CUT ")
    assert rows[2:] == [
        f"{'':>16}cut 0-21 by rule:x (rules/sites/x.toml): 'Your support matters.'",
        f"{'':>16}cut 47-67 by rule:x (rules/sites/x.toml): 'pic.twitter.com/abc'",
    ]


def test_kept_offsets_map_the_kept_text_back_to_the_line() -> None:
    doc = make_document("Home | The council met. Share this")
    line = doc.lines[0]
    decision = Decision(0, True, 1.0, (KEEP,), cuts=(Cut(Span(0, 7), DROP), Cut(Span(24, 34), DROP)))
    text = kept_text(line, decision)
    offsets = kept_offsets(line, decision)
    assert text == "The council met." and len(offsets) == len(text)
    assert "".join(line.text[k] for k in offsets) == text
    indented = make_document("   The council met.").lines[0]  # with no cut, the line is kept as it is
    uncut = Decision(0, True, 1.0, (KEEP,))
    assert kept_text(indented, uncut) == indented.text and kept_offsets(indented, uncut) == list(range(19))
