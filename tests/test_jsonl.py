"""JSONL streams: record layout, error records, order with workers, compression, the CLI."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import app
from cleaner.jsonl import DEFAULT_OPTIONS, JsonlOptions, LineOutcome, MissingExtra, clean_stream, open_stream

runner = CliRunner()


def records(article: str, n: int) -> list[dict[str, object]]:
    return [
        {"id": f"doc-{i}", "text": article.replace("bridge", f"bridge number {i}"), "url": "https://example-news.com/a"}
        for i in range(n)
    ]


def as_jsonl(items: list[object]) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


def run_stream(data: bytes, workers: int = 1, options: JsonlOptions = DEFAULT_OPTIONS) -> list[LineOutcome]:
    got: list[LineOutcome] = []
    clean_stream(Cleaner(), io.BytesIO(data), got.append, options, workers)
    return got


def test_record_is_cleaned_and_described(article: str) -> None:
    (outcome,) = run_stream(as_jsonl([{"id": "a", "text": article, "extra": [1, 2]}]))
    record = json.loads(outcome.record or b"")
    expected = Cleaner().clean_text(article)
    assert record["id"] == "a" and record["extra"] == [1, 2]
    assert record["text"] == expected.text
    meta = record["cleaner"]
    assert meta["chars_in"] == len(article) and meta["chars_out"] == len(expected.text)
    assert meta["chars_removed"] == len(article) - len(expected.text)
    assert meta["lines_in"] == len(expected.document.lines)
    assert meta["lines_dropped"] == len(expected.dropped)
    assert sum(meta["reasons"].values()) >= meta["lines_dropped"]
    assert meta["input"] == "text" and "rule_files" in meta and "site" in meta


def test_malformed_lines_become_error_records_in_place(article: str) -> None:
    good = json.dumps({"id": 1, "text": article}).encode()
    data = b"\n".join(
        [good, b"{not json", b"", b"[1, 2]", b'{"id": "x", "body": "no text field"}', b'"just a string"',
         b'{"id": 3, "text": 42}', b"\xff\xfe bad bytes", good]
    ) + b"\n"
    outcomes = run_stream(data)
    assert [o.line for o in outcomes] == [1, 2, 4, 5, 6, 7, 8, 9]  # blank line 3 skipped, order kept
    assert outcomes[0].record and outcomes[-1].record and outcomes[0].record == outcomes[-1].record
    errors = [json.loads(o.error_record or b"") for o in outcomes[1:-1]]
    assert all(o.record is None for o in outcomes[1:-1])
    assert [e["line"] for e in errors] == [2, 4, 5, 6, 7, 8]
    assert errors[0]["error"].startswith("line 2: invalid JSON")
    assert errors[1]["error"] == "line 4: not a JSON object (a list)"
    assert errors[2] == {"error": 'line 5 (id x): no "text" string (and no "html")', "line": 5, "id": "x"}
    assert "id" not in errors[3]
    assert errors[4]["id"] == 3
    assert errors[5]["error"] in ("line 8: not valid UTF-8", "line 8: invalid JSON (Expecting value at column 1)")


def test_workers_keep_order_and_output(article: str) -> None:
    items: list[object] = list(records(article, 150))
    items.insert(70, "not an object")
    data = as_jsonl(items)
    one = [(o.line, o.record, o.error) for o in run_stream(data, workers=1)]
    two = [(o.line, o.record, o.error) for o in run_stream(data, workers=2)]
    assert one == two
    assert [line for line, _, _ in one] == list(range(1, 152))


def test_huge_record(article: str) -> None:
    paragraphs = [p.strip() for p in article.split("\n\n") if p.strip()]
    text = "\n\n".join(paragraphs[i % len(paragraphs)] + f" ({i})" for i in range(20_000))  # ~2 MB, 20k lines
    (outcome,) = run_stream(as_jsonl([{"id": "big", "text": text}]))
    record = json.loads(outcome.record or b"")
    assert record["cleaner"]["lines_in"] == 20_000
    assert len(record["text"]) <= len(text)


def test_in_metadata_layout_and_field_names(article: str) -> None:
    options = JsonlOptions(text_field="content", id_field="doc_id", cleaner_field="clean", in_metadata=True)
    data = as_jsonl([{"doc_id": 1, "content": article, "metadata": {"source": "crawl-7"}}, {"doc_id": 2, "content": article}])
    first, second = (json.loads(o.record or b"") for o in run_stream(data, options=options))
    assert first["metadata"]["source"] == "crawl-7"
    assert first["metadata"]["clean"]["chars_in"] == len(article)
    assert second["metadata"]["clean"] == first["metadata"]["clean"]
    assert "clean" not in first and "cleaner" not in first


def test_html_field_is_used_when_there_is_no_text() -> None:
    paragraph = (
        "The city council voted on Tuesday to rebuild the old stone bridge over the river, a project that residents "
        "have asked for since the floods of last winter damaged its foundations."
    )
    html = f"<html><head><title>Bridge</title></head><body><article><p>{paragraph}</p></article></body></html>"
    good, bad = run_stream(as_jsonl([{"id": 1, "html": html}, {"id": 2, "html": "<html></html>"}]))
    record = json.loads(good.record or b"")
    assert paragraph in record["text"]
    assert record["cleaner"]["input"] == "html" and record["cleaner"]["title"] == "Bridge"
    assert bad.error is not None and bad.error.startswith("line 2 (id 2): ")


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_compressed_files_by_extension(tmp_path: Path, article: str, suffix: str) -> None:
    if suffix.endswith(".zst"):
        pytest.importorskip("zstandard")
    source, target = tmp_path / f"in{suffix}", tmp_path / f"out{suffix}"
    with open_stream(str(source), "w") as handle:
        handle.write(as_jsonl(list(records(article, 5))))
    result = runner.invoke(app, ["jsonl", str(source), str(target), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    with open_stream(str(target), "r") as handle:
        lines = handle.read().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"doc-{i}" for i in range(5)]
    if suffix == ".jsonl.gz":
        assert gzip.decompress(target.read_bytes()) == b"".join(line + b"\n" for line in lines)


def test_missing_zstandard_is_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)
    with pytest.raises(MissingExtra, match=r"pip install 'cleaner\[zstd\]'"):
        open_stream(str(tmp_path / "x.jsonl.zst"), "r")
    result = runner.invoke(app, ["jsonl", str(tmp_path / "x.jsonl"), str(tmp_path / "out.jsonl.zst")])
    assert result.exit_code == 2


def test_cli_stdin_to_stdout_with_errors_file(tmp_path: Path, article: str) -> None:
    data = as_jsonl([*records(article, 3), ["bad"]]) + b"{oops\n"
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["jsonl", "-", "-", "--errors", str(errors), "-j", "1"], input=data)
    assert result.exit_code == 1  # some records failed; the others were written
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["doc-0", "doc-1", "doc-2"]
    assert [json.loads(line)["line"] for line in errors.read_text().splitlines()] == [4, 5]
    assert "-: line 5: invalid JSON" in result.stderr
    assert "records: 3 cleaned, 2 errors" in result.stderr


def test_cli_output_equals_library_output(tmp_path: Path, article: str) -> None:
    data = as_jsonl(list(records(article, 4)))
    result = runner.invoke(app, ["jsonl", "-q", "-j", "1"], input=data)
    assert result.exit_code == 0
    assert result.stdout.encode() == b"".join((o.record or b"") + b"\n" for o in run_stream(data))


def test_unreadable_input_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["jsonl", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2
    assert "missing.jsonl: No such file or directory" in result.stderr
