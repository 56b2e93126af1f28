"""bench/train.py: the model that cleans a fold's held-out pages, a lexicon on few sites (needs the `train` extra)."""

import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("sklearn")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import numpy as np  # noqa: E402
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


def test_a_lexicon_fitted_on_too_few_sites_gives_every_line_the_base_rate():
    def sample(site: str) -> SimpleNamespace:
        return SimpleNamespace(page=SimpleNamespace(site=site, name=site), tokens=[["the", "end."], ["home", "end-"]],
                               labels=np.array([1.0, 0.0]), weights=np.array([3.0, 1.0]))

    lexicon = train.fit_lexicon([sample("a.example"), sample("b.example")], min_sites=40)  # `--limit`: a few sites
    assert lexicon.weights == {}
    assert lexicon.bias == pytest.approx(np.log(3.0))  # weighted share of article lines: 3 / 4
