"""Work on many items in a process pool: `ordered_map`.

Each process gets its own copy of what the work shares (a `Cleaner`, a table of
candidate lines) once, when the pool starts it, rather than with every item. The
results come in input order whatever the number of processes, so that reports,
messages and scores do not depend on it; at most a window of items is in flight, so a
stream of any length runs in flat memory. Folder runs (`cleaner.batch`), JSONL
streams (`cleaner.jsonl`), `cleaner eval` and `cleaner learn`'s two counting passes
share it.

>>> list(ordered_map(lambda shared, item: shared + item, 10, [1, 2, 3]))
[11, 12, 13]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

Shared = TypeVar("Shared")
Item = TypeVar("Item")
Result = TypeVar("Result")

#: What the work shares, in a worker process: set once by `_init_worker` when the pool starts it.
_SHARED: Any = None


def _init_worker(shared: object) -> None:
    global _SHARED
    _SHARED = shared


def _in_worker(work: Callable[[Any, Item], Result], item: Item) -> Result:
    return work(_SHARED, item)


def ordered_map(
    work: Callable[[Shared, Item], Result],
    shared: Shared,
    items: Iterable[Item],
    workers: int = 1,
    window: int = 8,
) -> Iterator[Result]:
    """`work(shared, item)` for each item, in input order; in `workers` processes when more than one.

    `work` must be a module-level function when `workers` > 1 (it is sent to the processes by
    name), and `shared` picklable. At most `window` items a process are in flight; `items` is
    read only as results are taken.
    """
    if workers <= 1:
        for item in items:
            yield work(shared, item)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(shared,)) as pool:
        in_flight: deque[Future[Result]] = deque()
        for item in items:
            in_flight.append(pool.submit(_in_worker, work, item))
            if len(in_flight) >= workers * window:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
