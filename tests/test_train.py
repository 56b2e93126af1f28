"""bench/train.py's choice of the model that cleans a fold's held-out pages (needs the `train` extra)."""

import sys
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("sklearn")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import train  # noqa: E402

from cleaner.scoring.combiner import load_model  # noqa: E402


def test_a_fitted_generic_model_cleans_the_english_held_out_pages():
    fold_model = replace(load_model(), languages={}, digest="fold")
    assert train.held_out_with(fold_model, generic=True).for_language("en").digest == "fold"
    assert train.shipped_with(fold_model, generic=True).for_language("en").digest != "fold"  # what ships keeps English's


def test_a_fitted_english_model_cleans_the_english_held_out_pages():
    fold_model = replace(load_model().for_language("en"), digest="fold")
    assert train.held_out_with(fold_model, generic=False).for_language("en").digest == "fold"
    assert train.held_out_with(fold_model, generic=False).for_language("de").digest == load_model().digest
