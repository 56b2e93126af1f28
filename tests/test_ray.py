"""The Ray Data adapter on a local Ray instance: same output as `cleaner jsonl`.

Skipped only when ray is not importable (`pip install '.[test]'` installs it).
"""

from __future__ import annotations

import io
import json
import sys

import pytest

from cleaner import Cleaner, Config
from cleaner.jsonl import JsonlOptions, clean_stream


@pytest.fixture(scope="module")
def ray_local():  # type: ignore[no-untyped-def]
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    yield ray
    ray.shutdown()


def make_records(article: str, n: int) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for i in range(n):
        text = article.replace("bridge", f"bridge {i}") if i % 3 else article.replace("Advertisement", f"Ad {i}")
        items.append({"id": i, "text": text, "url": "https://example-news.com/a" if i % 2 else None})
    items.append({"id": n, "text": None, "url": None})  # a row without text
    return items


def test_ray_output_equals_the_cli(ray_local, article: str) -> None:  # type: ignore[no-untyped-def]
    from cleaner.integrations.ray import clean_dataset

    config = Config(mode="precision")
    items = make_records(article, 300)
    dataset = ray_local.data.from_items(items)
    rows = {row["id"]: row for row in clean_dataset(dataset, config, concurrency=2).take_all()}
    assert len(rows) == len(items)

    expected: dict[object, dict[str, object]] = {}
    data = b"".join(json.dumps({k: v for k, v in item.items() if v is not None}).encode() + b"\n" for item in items)

    def collect(outcome) -> None:  # type: ignore[no-untyped-def]
        if outcome.record is not None:
            record = json.loads(outcome.record)
            expected[record["id"]] = record

    clean_stream(Cleaner(config), io.BytesIO(data), collect, JsonlOptions(), workers=1)
    assert len(expected) == 300
    for key, record in expected.items():
        row = rows[key]
        assert row["text"] == record["text"]
        assert json.loads(row["cleaner"]) == record["cleaner"]
    assert rows[300]["text"] is None
    assert "error" in json.loads(rows[300]["cleaner"])


def test_missing_ray_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.integrations import ray as adapter

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ImportError, match=r"pip install 'cleaner\[ray\]'"):
        adapter.require_ray()
