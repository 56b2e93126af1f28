"""Quality floors: a change that loses quality fails here.

The floors are the sh4 F1 (cleaner.evaluate, the Scrapinghub method) measured when
they were set, minus a small margin. The corpus part always runs; the benchmark
part runs on the first pages of each dataset of ../shared/bench when that folder
is there (it is not part of the repository).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner, Config
from cleaner.evaluate import Scores, find_pages, first_per_dataset
from cleaner.ingest import document_from_bytes

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
BENCH = REPO.parent / "shared" / "bench"
#: pages per dataset in the benchmark sample
SAMPLE = 40
#: F1 floors with rules switched off (heuristics alone), per bench dataset and for the corpus
BENCH_FLOORS = {"big9": 0.955, "chaos": 0.935, "cleanportaleval": 0.93, "dragnet": 0.83}
CORPUS_FLOOR = 0.91


@pytest.fixture(scope="module")
def heuristics() -> Cleaner:
    return Cleaner(Config(use_rules=False))


def test_corpus_f1_with_heuristics_alone(heuristics: Cleaner) -> None:
    scores = Scores()
    for source in sorted(CORPUS.rglob("*.txt")):
        if source.name.endswith((".gold.txt", ".clean.txt")):
            continue
        gold = source.with_name(source.name[: -len(".txt")] + ".gold.txt").read_text(encoding="utf-8")
        scores.add(gold, heuristics.clean_bytes(source.read_bytes(), source=str(source)).text)
    assert scores.pages >= 10
    assert scores.f1 >= CORPUS_FLOOR, f"corpus F1 {scores.f1:.3f} < {CORPUS_FLOOR}"


@pytest.mark.skipif(not BENCH.is_dir(), reason="../shared/bench is not here")
def test_bench_sample_f1_floors(heuristics: Cleaner) -> None:
    pages = first_per_dataset(list(find_pages(BENCH)), SAMPLE)
    table: dict[str, Scores] = {}
    for page in pages:
        document = document_from_bytes(page.text_path.read_bytes(), source=str(page.text_path), url=page.url)
        output = heuristics.clean(document).text
        table.setdefault(page.dataset, Scores()).add(page.gold_path.read_text(encoding="utf-8"), output)
    found = {name: round(scores.f1, 3) for name, scores in table.items()}
    for name, floor in BENCH_FLOORS.items():
        assert found[name] >= floor, f"{name}: F1 {found[name]} < floor {floor} (all: {found})"
