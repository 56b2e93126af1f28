import codecs

import pytest

from cleaner.ingest import InputError, decode, document_from_bytes, make_document, normalise, repair


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
