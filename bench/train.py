"""Fit the scoring weights on the benchmark and measure them by cross-validation over sites.

    pip install -e '.[train]'                 # numpy + scikit-learn, for this script only
    python bench/train.py                     # CV table, mode table, then writes cleaner/data/scoring.json
    python bench/train.py --no-write          # measure only
    python bench/train.py --folds 5 --limit 200
    python bench/train.py --no-write --oof oof.jsonl   # also each page's held-out decisions, to study losses
    python bench/train.py --generic           # the generic model (no lexicon) instead of the English one

What it does, and prints as it goes:

1. reads every page of the bench (NAME.txt, NAME.gold.txt, manifest site), cuts it
   into lines exactly as `cleaner` does, labels each line against the gold file
   (`bench/labels.py`) and computes its features (`cleaner.scoring.features`);
2. cross-validates by site (GroupKFold on the manifest's `site`): for each outer fold,
   stage 1 (logistic regression on the line's features) is fitted on the training
   sites; stage 2 (the context model) is fitted on stage-1 logits that are themselves
   out-of-fold within the training sites (stacking); the held-out sites are then
   cleaned by the real pipeline (`Cleaner.clean`, rules off) with that fold's model;
3. picks the threshold of each mode on those held-out outputs (balanced: best mean
   F1 over datasets; precision: best F0.5; recall: best F2) and prints the CV table
   per dataset, the same with the recognised title first (as `--keep-title` gives it)
   and the mode table;
4. fits the shipped model on all pages the same way and writes it with a summary.

The bench is English, so by default the model fitted is English's
(`ScoringModel.languages["en"]`), with a word lexicon giving two more stage-1 features
(`cleaner.scoring.lexicon`): a logistic regression on the lines' tokens, fitted on
the training sites; the lexicon score a training line gets comes from a lexicon fitted
without its site (out-of-fold, like stage 2's input). The generic model, used for
every other language, is left as shipped; `--generic` fits that one instead (no
lexicon) and leaves the language models alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labels import line_labels  # noqa: E402

from cleaner.api import Cleaner  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.decide import (  # noqa: E402
    FALLBACK_WORDS, LIST_LINE_WORDS, NOT_LIFTED, REPEATED, Contributions, between_candidate, between_kept, fallback_bar,
    furniture, score_decided, speaker,
)
from cleaner.evaluate import Page, Scores, find_pages  # noqa: E402
from cleaner.scoring.context import introduces_list  # noqa: E402
from cleaner.ingest import InputError, make_document  # noqa: E402
from cleaner.model import Document  # noqa: E402
from cleaner.scoring.combiner import LinearStage, ScoringModel, load_model, sigmoid  # noqa: E402
from cleaner.scoring.context import CONTEXT_FEATURES, context_vectors  # noqa: E402
from cleaner.scoring.features import FEATURES, document_features, line_texts  # noqa: E402
from cleaner.scoring.lexicon import FEATURES as LEXICON_FEATURES  # noqa: E402
from cleaner.scoring.lexicon import Lexicon  # noqa: E402
from cleaner.scoring.tokens import WORD  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO.parent / "shared" / "bench"
DEFAULT_OUT = REPO / "cleaner" / "data" / "scoring.json"
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(29)]
MODE_BETA = {"precision": 0.5, "balanced": 1.0, "recall": 2.0}
#: The lexicon's language (the bench's), the sites a token must occur on to be in it, its regularisation,
#: and the smallest weight kept in the shipped file.
LANGUAGE = "en"
LEXICON_SITES = 40
LEXICON_C = 1.0
LEXICON_MIN_WEIGHT = 0.005


@dataclass
class Sample:
    """One bench page, ready for fitting."""

    page: Page
    document: Document
    gold: str
    features: np.ndarray  # lines x FEATURES
    labels: np.ndarray  # 1 article, 0 boilerplate
    weights: np.ndarray  # per-line training weight (0 for lines without words)
    words: list[int]
    blocks: list[int]
    count_headings: tuple[bool, ...]
    quantities: tuple[bool, ...]
    tokens: list[list[str]]  # each line's lexicon tokens


def load_samples(bench: Path, limit: int, weighting: str) -> list[Sample]:
    samples = []
    pages = list(find_pages(bench))
    if limit:
        pages = pages[:: max(1, len(pages) // limit)][:limit]
    for page in pages:
        try:
            document = page.document()
        except InputError:
            continue
        gold = page.gold_path.read_text(encoding="utf-8", errors="replace")
        samples.append(make_sample(page, document, gold, weighting))
    return samples


def make_sample(page: Page, document: Document, gold: str, weighting: str) -> Sample:
    found = document_features(document)
    labels = line_labels([line.text for line in document.lines], gold)
    words = np.array(found.words, dtype=float)
    if weighting == "words":
        weights = np.sqrt(words)
    elif weighting == "page":
        weights = words / max(1.0, words.sum()) * 100
    else:
        weights = np.ones_like(words)
    weights = np.where([label is None for label in labels], 0.0, weights)
    return Sample(
        page, document, gold,
        np.array(found.vectors, dtype=float).reshape(len(document.lines), len(FEATURES)),
        np.array([1.0 if label else 0.0 for label in labels]),
        weights, list(found.words), list(found.blocks), found.count_headings, found.quantities,
        [Lexicon.tokens(text, WORD.findall(text)) for text in line_texts(document)],
    )


def cropped(sample: Sample, weighting: str) -> Sample | None:
    """The page cut down to its article lines and a few lines around them.

    Users often bring text that is already partly clean (a scraper kept the article
    and some furniture around it, or site rules removed the header and footer).
    Training on such crops too teaches the model that the edge of the text is not
    by itself boilerplate. How many lines are kept around the body (0-3) depends on
    the page name, so the crops are the same on every run.
    """
    article = np.flatnonzero(sample.labels > 0)
    if not len(article):
        return None
    margin = zlib.crc32(sample.page.name.encode()) % 4
    lo, hi = max(0, article[0] - margin), min(len(sample.labels), article[-1] + 1 + margin)
    if lo == 0 and hi == len(sample.labels):
        return None
    lines = sample.document.lines[lo:hi]
    parts: list[str] = []
    for prev, line in zip((None, *lines), lines):
        if prev is not None:
            parts.append("\n" if line.block == prev.block else "\n\n")
        parts.append(line.text)
    document = make_document("".join(parts), source=sample.document.source, url=sample.document.url, site=sample.document.site)
    return make_sample(sample.page, document, sample.gold, weighting)


def with_crops(samples: list[Sample], crops: dict[str, Sample]) -> list[Sample]:
    return samples + [crops[s.page.name] for s in samples if s.page.name in crops]


def fit_linear(x: np.ndarray, y: np.ndarray, w: np.ndarray, names: tuple[str, ...], c: float) -> LinearStage:
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales < 1e-9] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - means) / scales, y, sample_weight=w)
    return LinearStage(names, tuple(model.coef_[0]), tuple(means), tuple(scales), float(model.intercept_[0]))


def stage1_logits(stage: LinearStage, features: np.ndarray) -> np.ndarray:
    w = np.array(stage.weights) / np.array(stage.scales)
    return stage.bias + (features - np.array(stage.means)) @ w


def stack(samples: list[Sample], logits: list[np.ndarray], region: float) -> np.ndarray:
    rows = [np.array(context_vectors(list(z), s.words, s.blocks, region, s.features.tolist(), s.count_headings,
                                     s.quantities), dtype=float).reshape(-1, len(CONTEXT_FEATURES))
            for s, z in zip(samples, logits)]
    return np.vstack(rows)


def fit_lexicon(samples: list[Sample], min_sites: int = LEXICON_SITES) -> Lexicon:
    """A logistic regression on the labelled lines' tokens (each line's distinct tokens, 1/sqrt(count) each).

    Only tokens that occur on at least `min_sites` sites are weighed: a word of one
    site's menu teaches nothing about the next site, and a topic's words (the names
    in the news) would make other stories' headlines look like article text.
    """
    seen: dict[str, set[str]] = {}
    for s in samples:
        site = s.page.site or s.page.name
        for tokens, weight in zip(s.tokens, s.weights):
            if weight > 0:
                for t in tokens:
                    seen.setdefault(t, set()).add(site)
    vocabulary = {t: j for j, t in enumerate(sorted(t for t, sites in seen.items() if len(sites) >= min_sites))}
    if not vocabulary:  # too few sites (`--limit`): no token is known, and every line gets the base rate
        y = np.concatenate([s.labels for s in samples])
        w = np.concatenate([s.weights for s in samples])
        rate = min(max(float(y @ w) / max(float(w.sum()), 1e-9), 1e-6), 1 - 1e-6)
        return Lexicon({}, float(np.log(rate / (1 - rate))))
    data, columns, pointers, y, w = [], [], [0], [], []
    for s in samples:
        for tokens, label, weight in zip(s.tokens, s.labels, s.weights):
            if weight <= 0:
                continue
            known = [vocabulary[t] for t in tokens if t in vocabulary]
            data += [1 / np.sqrt(len(tokens))] * len(known)
            columns += known
            pointers.append(len(columns))
            y.append(label)
            w.append(weight)
    x = csr_matrix((data, columns, pointers), shape=(len(y), len(vocabulary)))
    model = LogisticRegression(C=LEXICON_C, max_iter=3000)
    model.fit(x, y, sample_weight=w)
    weights = {t: float(model.coef_[0][j]) for t, j in vocabulary.items() if abs(model.coef_[0][j]) >= LEXICON_MIN_WEIGHT}
    return Lexicon(weights, float(model.intercept_[0]))


def lexicon_features(lexicon: Lexicon, sample: Sample) -> np.ndarray:
    """Each line's `LEXICON_FEATURES` (as `Lexicon.features` gives them), lines x 2."""
    return np.array([lexicon.token_features(tokens) for tokens in sample.tokens]).reshape(-1, len(LEXICON_FEATURES))


def fit_model(samples: list[Sample], args: argparse.Namespace, inner_folds: int) -> ScoringModel:
    """Stage 1 on all `samples`; stage 2 on stage-1 logits out-of-fold by site.

    Unless `args.generic`, with a lexicon: fitted on all `samples`, while each
    training line's lexicon score comes from the lexicon of the other inner folds.
    """
    groups = [s.page.site or s.page.name for s in samples]
    folds = list(GroupKFold(n_splits=min(inner_folds, len(set(groups)))).split(samples, groups=groups))
    features = [s.features for s in samples]
    names, lexicon = FEATURES, None
    if not args.generic:
        held_out: list[np.ndarray] = [np.empty(0)] * len(samples)
        for train, test in folds:
            inner_lexicon = fit_lexicon([samples[i] for i in train], args.lexicon_sites)
            for i in test:
                held_out[i] = lexicon_features(inner_lexicon, samples[i])
        features = [np.column_stack([f, z]) for f, z in zip(features, held_out)]
        names, lexicon = FEATURES + LEXICON_FEATURES, fit_lexicon(samples, args.lexicon_sites)
    y = np.concatenate([s.labels for s in samples])
    w = np.concatenate([s.weights for s in samples])
    line = fit_linear(np.vstack(features), y, w, names, args.c)
    oof: list[np.ndarray] = [np.empty(0)] * len(samples)
    for train, test in folds:
        inner = fit_linear(np.vstack([features[i] for i in train]), np.concatenate([samples[i].labels for i in train]),
                           np.concatenate([samples[i].weights for i in train]), names, args.c)
        for i in test:
            oof[i] = stage1_logits(inner, features[i])
    x2 = stack(samples, oof, args.region)
    context = fit_linear(x2, y, w, CONTEXT_FEATURES, args.c)
    return ScoringModel(line=line, context=context, region_threshold=args.region, digest="training", lexicon=lexicon)


def held_out_with(model: ScoringModel, generic: bool) -> ScoringModel:
    """The model that cleans a fold's held-out pages: the fitted one scores them, whatever their language.

    The bench is English: with the shipped language models in place, a fitted generic
    model would never see a page, and the English one, fitted on every page, would.
    """
    return model if generic else shipped_with(model, generic=False)


def shipped_with(model: ScoringModel, generic: bool) -> ScoringModel:
    """The shipped model with `model` in its place: the generic one, or the language model of `LANGUAGE`."""
    shipped = load_model()
    if generic:
        return replace(model, languages=shipped.languages)
    return replace(shipped, languages={**shipped.languages, LANGUAGE: model})


class Outcome(NamedTuple):
    """A line's final decision in the real pipeline, as far as a threshold does not change it."""

    forced_out: bool  # dropped whatever its score (metadata, comment section, labelled list, repeated copy)
    score: float
    between: bool  # kept when the lines above and below are (`decide.between_candidate`)
    list_item: bool  # kept in a run under a line ending in a colon (`decide.between_kept`)
    turn: bool  # may be a dialogue's turn (`decide.between_candidate` at any length)
    alone: float | None  # stage-1 probability of a line the neighbours do not lift (`decide.furniture`), else None


def clean_all(
    samples: list[Sample], model: ScoringModel, titles: dict[str, int | None]
) -> dict[str, list[Outcome]]:
    """Each page's final decisions from the real pipeline, rules off.

    Lines the pipeline drops whatever their score (metadata, a repeated copy, the comment
    section, a headline list under a boilerplate label) are forced out; the rest are
    kept when their score reaches a mode's threshold or, if `between`, when the lines
    above and below are kept. Each page's recognised title line goes into `titles`
    (None when there is none), for the `--keep-title` row.
    """
    cleaner = Cleaner(Config(use_rules=False), model=model)
    out = {}
    for s in samples:
        result = cleaner.clean(s.document)
        out[s.page.name] = [
            Outcome(
                not (score_decided(d.reason) or d.reason is NOT_LIFTED) or d.reason.id == REPEATED,
                d.score,
                between_candidate(d.reason, s.words[d.line], s.features[d.line]),
                between_candidate(d.reason, s.words[d.line], s.features[d.line], LIST_LINE_WORDS),
                between_candidate(d.reason, s.words[d.line], s.features[d.line], None),
                sigmoid(d.contributions.line_logit())
                if isinstance(d.contributions, Contributions) and furniture(s.words[d.line], s.features[d.line])
                else None,
            )
            for d in result.decisions
        ]
        titles[s.page.name] = next((d.line for d in result.decisions if d.reason.id == "metadata:title"), None)
    return out


def render_at(sample: Sample, decisions: list[Outcome], threshold: float, title: int | None = None) -> str:
    """The page's output at `threshold`, with the pipeline's fallback when the kept lines are few (`decide._best_available`).

    `title`: the line of the recognised title, put first as `--keep-title` puts it.
    """
    head = [sample.document.lines[title].text] if title is not None else []
    # furniture the neighbours would lift over the threshold stays out (`decide.furniture`), fallback included
    out = [d.forced_out or (d.alone is not None and d.alone < threshold <= d.score) for d in decisions]
    keep = [not o and d.score >= threshold for o, d in zip(out, decisions)]
    items = [d.list_item for d in decisions]
    opens = [introduces_list(vector) for vector in sample.features]
    speakers = [speaker(line.text) if d.turn else None for line, d in zip(sample.document.lines, decisions)]
    for _, run in between_kept(keep, [d.between for d in decisions], sample.words, items, opens, speakers):
        for i in run:
            keep[i] = True
    if sum(n for n, kept in zip(sample.words, keep) if kept) < FALLBACK_WORDS:
        bar = fallback_bar(max((d.score for o, d in zip(out, decisions) if not o), default=0.0))
        if bar is not None:
            keep = [kept or (not o and d.score >= bar) for kept, o, d in zip(keep, out, decisions)]
    return "\n".join(head + [line.text for line, kept in zip(sample.document.lines, keep) if kept])


def table_at(
    samples: list[Sample], outputs: dict[str, list[Outcome]], threshold: float,
    titles: dict[str, int | None] | None = None,
) -> dict[str, Scores]:
    """Scores per dataset at `threshold`; with `titles`, each page's recognised title first."""
    table: dict[str, Scores] = {}
    for s in samples:
        title = titles.get(s.page.name) if titles is not None else None
        table.setdefault(s.page.dataset, Scores()).add(s.gold, render_at(s, outputs[s.page.name], threshold, title))
    return table


def write_oof(path: Path, samples: list[Sample], outputs: dict[str, list[Outcome]], threshold: float) -> None:
    """One JSON line per page: its held-out final scores, forced-out flags and training labels (for diagnosis)."""
    with path.open("w", encoding="utf-8") as out:
        for s in samples:
            decisions = outputs[s.page.name]
            record = {
                "name": s.page.name,
                "dataset": s.page.dataset,
                "site": s.page.site,
                "threshold": threshold,
                "scores": [round(d.score, 4) for d in decisions],
                "metadata": [d.forced_out for d in decisions],
                "labels": [bool(y) if words else None for y, words in zip(s.labels, s.words)],
            }
            out.write(json.dumps(record) + "\n")


def f_beta(p: float, r: float, beta: float) -> float:
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def pick_thresholds(samples: list[Sample], outputs: dict[str, list[Outcome]]) -> tuple[dict[str, float], dict[float, dict[str, Scores]]]:
    tables = {t: table_at(samples, outputs, t) for t in THRESHOLDS}
    chosen = {}
    for mode, beta in MODE_BETA.items():
        def quality(t: float) -> float:
            return sum(f_beta(sc.precision, sc.recall, beta) for sc in tables[t].values()) / len(tables[t])
        chosen[mode] = max(THRESHOLDS, key=quality)
    return chosen, tables


def format_rows(table: dict[str, Scores]) -> list[str]:
    rows = []
    for name in sorted(table):
        sc = table[name]
        rows.append(f"  {name:<18}{sc.pages:>6}  P {sc.precision:.3f}  R {sc.recall:.3f}  F1 {sc.f1:.3f}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="use N pages spread over the bench (0: all)")
    parser.add_argument("--weighting", choices=("none", "words", "page"), default="page",
                        help="how lines weigh in the fit: page (each page counts once, like the metric), words, none")
    parser.add_argument("--region", type=float, default=0.5, help="stage-1 probability threshold of the region finder")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation of the logistic models")
    parser.add_argument("--no-crops", dest="crops", action="store_false",
                        help="fit on whole pages only (by default each page's crop around its body is added)")
    parser.add_argument("--no-write", action="store_true", help="measure only; leave the shipped model alone")
    parser.add_argument("--oof", type=Path, help="write each page's held-out decisions here (JSONL, for diagnosis)")
    parser.add_argument("--lexicon-sites", type=int, default=LEXICON_SITES,
                        help="sites a token must occur on to be in the lexicon")
    parser.add_argument("--generic", action="store_true",
                        help="fit the generic model (no lexicon, for languages without a model) instead of English's")
    args = parser.parse_args()
    if args.folds < 2:
        parser.error("--folds must be at least 2")

    started = time.time()
    samples = load_samples(args.bench, args.limit, args.weighting)
    n_lines = sum(len(s.labels) for s in samples)
    crops = {}
    if args.crops:
        for s in samples:
            crop = cropped(s, args.weighting)
            if crop is not None:
                crops[s.page.name] = crop
    print(f"{len(samples)} pages, {n_lines} lines, {int(sum(s.labels.sum() for s in samples))} article lines "
          f"({time.time() - started:.0f} s to read, label and featurise)")

    groups = [s.page.site or s.page.name for s in samples]
    outputs: dict[str, list[Outcome]] = {}
    titles: dict[str, int | None] = {}
    for fold, (train, test) in enumerate(GroupKFold(n_splits=args.folds).split(samples, groups=groups)):
        # The inner folds (stage 2's stacking) split the training sites; two at least, so `--folds 2` works too.
        model = fit_model(with_crops([samples[i] for i in train], crops), args, inner_folds=max(2, args.folds - 1))
        outputs.update(clean_all([samples[i] for i in test], held_out_with(model, args.generic), titles))
        print(f"fold {fold + 1}/{args.folds}: {len(train)} pages fitted, {len(test)} held out "
              f"({len(set(groups[i] for i in test))} sites)  [{time.time() - started:.0f} s]")

    chosen, tables = pick_thresholds(samples, outputs)
    if args.oof:
        write_oof(args.oof, samples, outputs, chosen["balanced"])
    cv_rows = format_rows(tables[chosen["balanced"]])
    print(f"\ncross-validated by site ({args.folds} folds), mode balanced (threshold {chosen['balanced']}), rules off:")
    print("\n".join(cv_rows))
    print("\nthe same with the recognised title first (--keep-title; most gold files hold the headline):")
    print("\n".join(format_rows(table_at(samples, outputs, chosen["balanced"], titles))))
    print("\nmodes (cross-validated; threshold chosen on the held-out outputs: best mean F0.5 / F1 / F2):")
    for mode in ("precision", "balanced", "recall"):
        print(f" {mode} (threshold {chosen[mode]}):")
        print("\n".join(format_rows(tables[chosen[mode]])))

    final = fit_model(with_crops(samples, crops), args, inner_folds=args.folds)
    about = (
        f"bench/train.py{' --generic' if args.generic else ''} on {len(samples)} pages / {n_lines} lines "
        f"({args.bench.name}); weighting={args.weighting}, "
        f"C={args.c}, region={args.region}, crops={args.crops}; CV by site ({args.folds} folds), balanced: "
        + "; ".join(f"{name} F1 {sc.f1:.3f}" for name, sc in sorted(tables[chosen["balanced"]].items()))
    )
    final = replace(final, thresholds=chosen, about=about)
    print("\nstage-1 weights (standardised features):")
    for name, weight in sorted(zip(final.line.names, final.line.weights), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<16}{weight:+.3f}")
    print("stage-2 weights:")
    for name, weight in sorted(zip(final.context.names, final.context.weights), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<16}{weight:+.3f}")
    if final.lexicon is not None:
        ranked = sorted(final.lexicon.weights.items(), key=lambda kv: kv[1])
        print(f"lexicon ({len(ranked)} tokens), most boilerplate-like: " + ", ".join(t for t, _ in ranked[:25]))
        print("  most article-like: " + ", ".join(t for t, _ in ranked[:-26:-1]))
    if args.no_write:
        print("\n--no-write: model not written")
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(shipped_with(final, args.generic).to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} ({args.out.stat().st_size} bytes)  [{time.time() - started:.0f} s]")


if __name__ == "__main__":
    main()
