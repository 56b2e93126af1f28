"""Ray Data adapter: clean a `ray.data.Dataset` with a text column, on one machine or a cluster.

    import ray
    from cleaner.integrations.ray import clean_dataset

    ds = ray.data.read_json("s3://bucket/crawl/")          # records with "text" (and "url", "id")
    clean_dataset(ds).write_json("s3://bucket/clean/")

Each Ray worker builds one `Cleaner` (rules and weights loaded once) and cleans
batches with it: `map_batches` with a callable class, `CleanBatch`. The rows come
out exactly as `cleaner jsonl` writes them, except that the `cleaner` object is a
JSON *string* column: its `reasons` keys differ from record to record, which would
give each batch a different Arrow schema. A row without a usable text keeps its
text and gets `{"error": "..."}` there.

Ray is an optional dependency: `pip install 'cleaner[ray]'`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cleaner.api import Cleaner
from cleaner.config import Config
from cleaner.jsonl import DEFAULT_OPTIONS, JsonlOptions, RecordProblem, clean_record

if TYPE_CHECKING:
    import pandas
    from ray.data import Dataset


def require_ray() -> Any:
    """The `ray` module, or an ImportError that says which extra to install."""
    try:
        import ray
        import ray.data
    except ImportError as err:
        raise ImportError(
            f"cleaner.integrations.ray needs Ray Data ({err.name or 'ray'} is missing): pip install 'cleaner[ray]'"
        ) from None
    return ray


class CleanBatch:
    """`map_batches` callable class: one `Cleaner` per worker, reused for every batch."""

    def __init__(self, config: Config | None = None, options: JsonlOptions = DEFAULT_OPTIONS) -> None:
        self.cleaner = Cleaner(config)
        self.options = options

    def __call__(self, batch: pandas.DataFrame) -> pandas.DataFrame:
        import pandas

        rows = [self.clean_row(row) for row in batch.to_dict("records")]
        return pandas.DataFrame.from_records(rows, columns=_columns(batch.columns, self.options))

    def clean_row(self, row: dict[str, Any]) -> dict[str, Any]:
        record = {key: _plain(value) for key, value in row.items()}
        field = self.options.cleaner_field
        try:
            cleaned = clean_record(self.cleaner, record, JsonlOptions(**{**self.options.__dict__, "in_metadata": False}))
        except RecordProblem as err:
            return {**row, field: json.dumps({"error": str(err)}, ensure_ascii=False)}
        meta = cleaned.pop(field)
        return {**row, self.options.text_field: cleaned[self.options.text_field], field: json.dumps(meta, ensure_ascii=False)}


def _columns(columns: Any, options: JsonlOptions) -> list[str]:
    names = [str(c) for c in columns]
    return names if options.cleaner_field in names else [*names, options.cleaner_field]


def _plain(value: Any) -> Any:
    """Pandas missing values (None, NaN) as None, so a null text is 'no text'."""
    try:
        import pandas

        if not isinstance(value, (list, dict)) and pandas.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def clean_dataset(
    dataset: Dataset,
    config: Config | None = None,
    options: JsonlOptions = DEFAULT_OPTIONS,
    *,
    batch_size: int = 64,
    concurrency: int | tuple[int, int] | None = None,
) -> Dataset:
    """The dataset with its text column cleaned and a `cleaner` JSON column added.

    `options` names the columns (`text_field`, `url_field`, `html_field`,
    `cleaner_field`) as for `cleaner jsonl`; `concurrency` is the number of workers
    (each with its own `Cleaner`), a (min, max) range for autoscaling, or None for
    Ray's default. Lazy, like every Ray Data transform.
    """
    require_ray()
    kwargs: dict[str, Any] = {}
    if concurrency is not None:
        kwargs["concurrency"] = concurrency
    return dataset.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"config": config, "options": options},
        batch_format="pandas",
        batch_size=batch_size,
        **kwargs,
    )
