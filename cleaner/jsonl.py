"""JSONL streams: one JSON object per line in, the same records cleaned out.

A record's text is in `text` (or, when it has none, its HTML in `html`, which
trafilatura extracts first); `url` selects site rules and `id` names the record
in messages. The output record is the input record with the text cleaned and a
`cleaner` object added (at the top level, or under `metadata` for the
datatrove/dolma layout `{"id", "text", "metadata"}`):

    {"lines_in": 12, "lines_dropped": 5, "chars_in": 2210, "chars_out": 1630,
     "chars_removed": 580, "reasons": {"score:boilerplate-like": 5}, "site": null,
     "rule_files": [], "input": "text", "title": "...", "byline": "...", "date": "...", "language": "en"}

(`title`, `standfirst`, `byline`, `date`, `language` only when recognised; for a record cleaned from its
`html`, `input` is `"html"` and the counts are of trafilatura's text.) A line that is not a JSON
object, or a record without a usable text, becomes an *error record*
`{"error": "...", "line": N, "id": ...}` in its place (or goes to a separate
errors stream); other records are never affected. Blank lines are skipped.

Streams are read and written line by line, in order; with several workers,
records are cleaned in chunks by a process pool with a bounded number of chunks
in flight, so memory stays constant whatever the input size. Compression
follows the file name: `.gz` (gzip) and `.zst`/`.zstd` (zstandard, the `zstd`
extra).

>>> from cleaner.api import Cleaner
>>> line = json.dumps({"id": "a1", "text": "Advertisement\\n\\nThe mayor said on Monday that the new library "
...     "will open in the spring, after two years of delays."}).encode()
>>> out = json.loads(clean_line(Cleaner(), line, 1, JsonlOptions()).record)
>>> out["id"], out["text"], out["cleaner"]["lines_dropped"]
('a1', 'The mayor said on Monday that the new library will open in the spring, after two years of delays.\\n', 1)
>>> clean_line(Cleaner(), b'{"id": 7, "txt": "x"}', 3, JsonlOptions()).error
'line 3 (id 7): no "text" string (and no "html")'
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import IO, Any

from cleaner.api import Cleaner
from cleaner.explain import reason_counts
from cleaner.ingest import InputError
from cleaner.model import CleanResult
from cleaner.pool import ordered_map

#: Records per task sent to a worker, and the cap on characters per chunk.
CHUNK_RECORDS = 64
CHUNK_CHARS = 4_000_000


@dataclass(frozen=True)
class JsonlOptions:
    """Where things are in a record. Every field is also a `cleaner jsonl` option.

    text_field: the text to clean (replaced by the clean text).
    url_field: the page URL (selects site rules), optional.
    id_field: the record's name in error records, optional.
    html_field: the page's HTML, used when the record has no text.
    cleaner_field: name of the added metadata object.
    in_metadata: put that object under `record["metadata"]` (datatrove/dolma layout).
    """

    text_field: str = "text"
    url_field: str = "url"
    id_field: str = "id"
    html_field: str = "html"
    cleaner_field: str = "cleaner"
    in_metadata: bool = False


DEFAULT_OPTIONS = JsonlOptions()


@dataclass(frozen=True)
class LineOutcome:
    """One input line's result: an output record, or an error (a one-line message)."""

    line: int
    record: bytes | None = None  #: the output JSON line (no newline)
    error: str | None = None
    error_record: bytes | None = None
    chars_in: int = 0
    chars_out: int = 0


@dataclass
class StreamSummary:
    records: int = 0
    errors: int = 0
    chars_in: int = 0
    chars_out: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: LineOutcome) -> None:
        if outcome.error is not None:
            self.errors += 1
        else:
            self.records += 1
            self.chars_in += outcome.chars_in
            self.chars_out += outcome.chars_out

    def lines(self) -> list[str]:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        removed = 1 - self.chars_out / self.chars_in if self.chars_in else 0.0
        return [
            f"records: {self.records} cleaned, {self.errors} errors",
            f"chars: {self.chars_in:,} in, {self.chars_out:,} out ({removed:.1%} removed)",
            f"time: {elapsed:.2f}s ({(self.records + self.errors) / elapsed:.1f} records/s)",
        ]


def cleaner_record(result: CleanResult, chars_in: int, source: str) -> dict[str, Any]:
    """The metadata object added to a cleaned record."""
    meta = result.metadata
    record: dict[str, Any] = {
        "lines_in": len(result.document.lines),
        "lines_dropped": len(result.dropped),
        "chars_in": chars_in,
        "chars_out": len(result.text),
        "chars_removed": max(0, chars_in - len(result.text)),
        "reasons": dict(reason_counts(result.decisions).most_common()),
        "site": meta.site,
        "rule_files": list(meta.rule_files),
        "input": source,
    }
    for name in ("title", "standfirst", "byline", "date", "language"):
        value = getattr(meta, name)
        if value:
            record[name] = value
    return record


class RecordProblem(Exception):
    """A JSON object that cannot be cleaned; the message is one line."""


def clean_record(cleaner: Cleaner, record: dict[str, Any], options: JsonlOptions = DEFAULT_OPTIONS) -> dict[str, Any]:
    """The record with its text cleaned and the cleaner object added (a new dict).

    Raises `RecordProblem` when it has no usable text or HTML.
    """
    url = record.get(options.url_field)
    url = url if isinstance(url, str) and url else None
    text = record.get(options.text_field)
    html = record.get(options.html_field)
    try:
        if isinstance(text, str):
            result, source, chars_in = cleaner.clean_text(text, url=url), "text", len(text)
        elif isinstance(html, str):
            result, source = cleaner.clean_html(html, url=url), "html"
            chars_in = len(result.document.text)
        else:
            raise RecordProblem(f'no "{options.text_field}" string (and no "{options.html_field}")')
    except InputError as err:
        raise RecordProblem(str(err)) from None
    cleaned = {**record, options.text_field: result.text}
    meta = cleaner_record(result, chars_in, source)
    if options.in_metadata:
        holder = cleaned.get("metadata")
        cleaned["metadata"] = {**holder, options.cleaner_field: meta} if isinstance(holder, dict) else {
            options.cleaner_field: meta
        }
    else:
        cleaned[options.cleaner_field] = meta
    return cleaned


def clean_line(cleaner: Cleaner, raw: bytes, number: int, options: JsonlOptions) -> LineOutcome:
    """Clean one input line (`number` is 1-based); never raises for bad input."""
    try:
        record = json.loads(raw)
    except UnicodeDecodeError:
        return _error(number, "not valid UTF-8", None)
    except RecursionError:
        return _error(number, "invalid JSON (nested too deeply)", None)
    except ValueError as err:
        return _error(number, f"invalid JSON ({_json_problem(err)})", None)
    if not isinstance(record, dict):
        return _error(number, f"not a JSON object (a {type(record).__name__})", None)
    record_id = record.get(options.id_field)
    try:
        cleaned = clean_record(cleaner, record, options)
    except RecordProblem as err:
        return _error(number, str(err), record_id)
    try:
        data = json.dumps(cleaned, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (from \\ud800-style escapes) stay escaped
        data = json.dumps(cleaned).encode("ascii")
    meta = cleaned["metadata"][options.cleaner_field] if options.in_metadata else cleaned[options.cleaner_field]
    return LineOutcome(number, data, chars_in=meta["chars_in"], chars_out=meta["chars_out"])


def _json_problem(err: ValueError) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} at column {err.colno}"
    return str(err)


def _error(number: int, problem: str, record_id: object) -> LineOutcome:
    where = f"line {number}" if record_id is None else f"line {number} (id {record_id})"
    message = f"{where}: {problem}"
    error: dict[str, Any] = {"error": message, "line": number}
    if record_id is not None:
        error["id"] = record_id
    return LineOutcome(number, error=message, error_record=json.dumps(error, ensure_ascii=False).encode("utf-8"))


def numbered_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, line without its newline) for every non-blank line."""
    for number, raw in enumerate(stream, start=1):
        raw = raw.rstrip(b"\r\n")
        if raw.strip():
            yield number, raw


def chunks(lines: Iterable[tuple[int, bytes]]) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    size = 0
    for item in lines:
        chunk.append(item)
        size += len(item[1])
        if len(chunk) >= CHUNK_RECORDS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def clean_chunk(cleaner: Cleaner, chunk: list[tuple[int, bytes]], options: JsonlOptions) -> list[LineOutcome]:
    return [clean_line(cleaner, raw, number, options) for number, raw in chunk]


def clean_stream(
    cleaner: Cleaner,
    source: IO[bytes],
    on_outcome: Callable[[LineOutcome], None],
    options: JsonlOptions = DEFAULT_OPTIONS,
    workers: int = 1,
) -> StreamSummary:
    """Clean every line of `source`, calling `on_outcome` for each, in input order."""
    summary = StreamSummary()

    def finish(outcomes: list[LineOutcome]) -> None:
        for outcome in outcomes:
            summary.add(outcome)
            on_outcome(outcome)

    work = partial(clean_chunk, options=options)
    for outcomes in ordered_map(work, cleaner, chunks(numbered_lines(source)), workers, window=2):
        finish(outcomes)
    return summary


class MissingExtra(Exception):
    """An optional dependency is not installed; the message says which extra to install."""


def open_stream(path: str, mode: str) -> IO[bytes]:
    """A binary stream for `path` ('-' is stdin/stdout), compressed by its extension.

    `.gz`: gzip; `.zst`/`.zstd`: zstandard (`pip install 'cleaner[zstd]'`).
    """
    if path == "-":
        return sys.stdin.buffer if mode == "r" else sys.stdout.buffer
    lowered = path.lower()
    if lowered.endswith(".gz"):
        return gzip.open(path, mode + "b")  # type: ignore[return-value]
    if lowered.endswith((".zst", ".zstd")):
        try:
            import zstandard
        except ImportError:
            raise MissingExtra(
                f"{path}: zstandard compression needs the zstd extra: pip install 'cleaner[zstd]'"
            ) from None
        if mode == "r":
            return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True))
        return zstandard.ZstdCompressor().stream_writer(open(path, "wb"), closefd=True)  # type: ignore[return-value]
    return open(path, mode + "b")
