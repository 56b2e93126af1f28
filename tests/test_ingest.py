import codecs

import pytest

from cleaner.ingest import InputError, decode, document_from_bytes, document_from_text, make_document, normalise, repair


def test_decode_utf8_and_boms() -> None:
    assert decode("Grüße".encode()) == "Grüße"
    assert decode(codecs.BOM_UTF8 + "Grüße".encode()) == "Grüße"
    assert decode(codecs.BOM_UTF16_LE + "Grüße".encode("utf-16-le")) == "Grüße"
    assert decode(codecs.BOM_UTF16_BE + "Grüße".encode("utf-16-be")) == "Grüße"


def test_decode_detects_legacy_encoding() -> None:
    text = "Le président a présenté un réseau de télévision très étendu à l'été. " * 20
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "data, problem",
    [(b"abc\x00def", "NUL"), (bytes(range(1, 32)) * 50, "control characters")],
)
def test_decode_refuses_binary(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        decode(data)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", "\u00a0\n\u00a0".encode()])
def test_empty_and_whitespace_only(data: bytes) -> None:
    with pytest.raises(InputError, match="empty|whitespace"):
        document_from_bytes(data)


def test_repair_fixes_mojibake_but_keeps_typography() -> None:
    assert repair("cafÃ© au lait") == "café au lait"
    kept = "“Curly” quotes, the ﬁne ligature and ＦＵＬＬ width stay — as written…"
    assert repair(kept) == kept


def test_normalise_line_breaks_spaces_and_zero_width() -> None:
    assert normalise("a\r\nb\rc") == "a\nb\nc"
    assert normalise("one\u00a0\u00a0\n\u00a0\n\u3000\ntwo") == "one\n\n\ntwo"
    assert normalise("zero\u200bwidth\ufeff") == "zerowidth"
    assert normalise("emoji 👩\u200d💻 keeps its joiner") == "emoji 👩\u200d💻 keeps its joiner"


def test_make_document_lines_blocks_offsets() -> None:
    text = "Title\n\nFirst line\nsecond line\n\n\nLast"
    doc = make_document(text)
    assert [line.text for line in doc.lines] == ["Title", "First line", "second line", "Last"]
    assert [line.block for line in doc.lines] == [0, 1, 1, 2]
    for line in doc.lines:
        assert text[line.start : line.end] == line.text
    assert doc.n_blocks == 3


def test_document_from_bytes_names_nothing_but_the_problem() -> None:
    with pytest.raises(InputError) as info:
        document_from_bytes(b"\x00\x01\x02")
    assert "\n" not in str(info.value)


MARKDOWN_PAGE = """[Skip to content](#main)

* [Home](https://example.org/)
* [News](https://example.org/news)

# Harbour wall to be **rebuilt**

![The wall at high tide](https://example.org/img/wall.jpg "Wall")

The [council](https://example.org/council) voted on _Tuesday_ to rebuild the wall.

---

1\\. The first \\*starred\\* point, and snake_case_names stay."""


def test_markdown_is_read_as_the_text_it_renders_to() -> None:
    document = document_from_text(MARKDOWN_PAGE)
    assert [line.text for line in document.lines] == [
        "Skip to content",
        "Home",
        "News",
        "Harbour wall to be rebuilt",
        "The council voted on Tuesday to rebuild the wall.",
        "1. The first *starred* point, and snake_case_names stay.",
    ]
    assert document_from_text(document.text).text == document.text  # read once, plain after


def test_text_with_brackets_and_stars_but_few_links_is_not_markdown() -> None:
    text = "# 1 Fact [1] and *stress* [see](https://example.org/a) and [here](https://example.org/b).\n- a dash"
    assert document_from_text(text).text == text


def test_hard_wrapped_markdown_is_read_paragraph_by_paragraph() -> None:
    # html2text's default: lines wrapped at 78 columns, a break inside a link's text and its title.
    text = (
        "* [Home](https://example.org/)\n* [News](https://example.org/news)\n\n"
        "The council voted on Tuesday to rebuild the harbour wall, [a project\n"
        'delayed](https://example.org/wall "The wall\nproject") since the storm of 2019.  \n'
        "A hard break keeps this line apart."
    )
    assert [line.text for line in document_from_text(text).lines] == [
        "Home",
        "News",
        "The council voted on Tuesday to rebuild the harbour wall, a project delayed since the storm of 2019.",
        "A hard break keeps this line apart.",
    ]


def test_reference_links_and_their_definitions() -> None:
    text = "[Home][1] [News][2]\n\nThe [council][3] voted.\n\n[1]: https://example.org/\n[2]: https://example.org/news\n[3]: /c"
    assert [line.text for line in document_from_text(text).lines] == ["Home News", "The council voted."]


THREE_LINKS = " ".join(f"[l{i}](https://example.org/{i})" for i in range(3))  # enough to be Markdown


@pytest.mark.parametrize(
    ("body", "read"),
    [
        # unescaped, "\[a\](b)" would become a link when the output is read again
        pytest.param("\\[a\\](b) \\[c\\](d) \\[e\\](f)", "\\[a\\](b) \\[c\\](d) \\[e\\](f)", id="escaped-brackets"),
        # html2text writes a <br> inside a link as "  \n": the line stays apart, the link is still read
        pytest.param(
            "[PW Singer on robots  \n](https://example.org/talk)Does **having  \nrobots** change war?",
            "PW Singer on robots\nDoes having\nrobots change war?",
            id="link-across-a-hard-break",
        ),
        pytest.param(
            '> "The trial finished," an official told\n> reporters.\n>\n> "No objections were raised."',
            '"The trial finished," an official told reporters.\n\n"No objections were raised."',
            id="wrapped-quote",
        ),
        # a fenced block's lines stay as written (not joined, no marks taken out), its fences go;
        # inline code loses its backticks
        pytest.param(
            "Call it like\nthis:\n\n```python\ndef main(**kwargs):\n    return _private(x) * 2\n```\n\n"
            "Then run\n`pip install **cleaner**` and\n~~~\nrest *of* it\n~~~",
            "Call it like this:\n\n\ndef main(**kwargs):\n    return _private(x) * 2\n\n\n"
            "Then run pip install **cleaner** and\n\nrest *of* it\n",
            id="code",
        ),
        # a fence never closed is no fence: a row of tildes must not make the rest of the page code
        pytest.param("~~~~~~~~\n\nThe **council** voted.", "~~~~~~~~\n\nThe council voted.", id="unclosed-fence"),
    ],
)
def test_markdown_is_read_once_and_reads_the_same_after(body: str, read: str) -> None:
    once = document_from_text(f"{THREE_LINKS}\n\n{body}").text
    assert once == f"l0 l1 l2\n\n{read}"
    assert document_from_text(once).text == once
