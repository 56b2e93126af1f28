"""Stage-2 features: each line seen with its neighbours and the main-body region.

The main body is the stretch of lines where article-like text concentrates: the
maximum-sum run of `(probability - threshold) * sqrt(words)` over the lines, or a
close second run with many more words, with the near-misses right after it (a
rule-dropped line counts as boilerplate, a rule-kept one as article). Lines are then
described by their own stage-1 logit, their neighbours' logits, length-weighted
means over small and wide windows and the block, runs of short lines (menus, link
lists) and where they sit relative to the region.

>>> main_region([0.1, 0.9, 0.2, 0.95, 0.1], [5, 30, 3, 40, 8], 0.5)
(1, 3)
>>> main_region([0.1, 0.2], [5, 5], 0.5)
(0, -1)
>>> main_region([0.95] * 6 + [0.05] * 10 + [0.92] * 2, [8] * 6 + [3] * 10 + [60] * 2, 0.5)  # six quotes, then a post
(16, 17)
>>> main_region([0.1, 0.9, 0.95, 0.45, 0.35, 0.1, 0.4], [5, 30, 30, 20, 9, 3, 20], 0.5)  # two closing near-misses
(1, 4)
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from itertools import accumulate, pairwise

from cleaner.scoring.features import FEATURES

CONTEXT_FEATURES: tuple[str, ...] = (
    "line", "prev1", "next1", "prev2", "next2", "near", "wide", "block",
    "in_region", "before_region", "after_region", "region_gap", "short_run", "log_words", "region_share",
    "line_negative", "line_short", "unpunctuated_run", "comments_above", "comment_zone",
)

#: A second run of article-like lines with this share of the best run's sum and this many times its
#: words is the main body instead (a sidebar of short quotes above a long post; a page of comments
#: of a few lines each above the story). Cross-validated by site: dragnet 0.842 -> 0.844, the
#: others within 0.001 (BENCHMARKS.md).
RIVAL_SCORE = 0.8
RIVAL_WORDS = 2.0
#: Lines right after the main body with at least this stage-1 probability join it, one after another: an
#: article's closing lines (a short last quote, a sentence full of names) often score just under the
#: region threshold, and the text a scraper kept may end right there. Cross-validated by site: unchanged
#: (0.965 / 0.933 / 0.944 / 0.843 against 0.964 / 0.933 / 0.945 / 0.843); the seeds without rules keep
#: 95.3% of their article lines instead of 93.8% (BENCHMARKS.md).
REGION_TAIL = 0.3
#: Stage-1 logit given to a line a rule dropped / kept, and to positions past the edges.
RULE_DROP_LOGIT = -6.0
RULE_KEEP_LOGIT = 6.0
EDGE_LOGIT = -3.0
#: A line with at most this many words is "short" (a menu item, a link, a label).
SHORT_WORDS = 6
#: The comment zone opens at the first comment header (after article text) with another at most this many
#: lines below it: comments come one after another, while a quote's "NAME said:" in a story and a comment
#: header far below it are no section.
ZONE_GAP = 10
#: A zone whose longest stretch of article-like text with no header in it holds more than this share of
#: its article-like words, and more than all such words above it, is no comment section (`_zone_start`):
#: headers recur through comments.
ZONE_STRETCH = 0.5
#: Words of article-like text (stage-1 probability above the region threshold) a comment header must follow.
COMMENT_AFTER_WORDS = 40
#: Where `context_vectors` reads a line's sentence ending and comment header in its stage-1 vector.
_FINAL_PUNCT = FEATURES.index("final_punct")
_COMMENT_HEADER = FEATURES.index("comment_header")
_COLON_END = FEATURES.index("colon_end")
#: A list under a line of the article that ends in a colon ("You will need:"): at most this many lines, each
#: of at most this many words. The main body runs on through it (`_colon_lists`), and `decide` keeps it
#: between two kept lines.
LIST_LINES = 30
LIST_LINE_WORDS = 25
#: A run of lines that open with a quantity and a unit ("2 tablespoons olive oil", `tokens.QUANTITY`), at least this
#: many and half of the run's lines, is a list of the article's too (ingredients with their headings and short
#: steps, a parts list), whether or not a colon introduces it (`_measured_lists`; `decide` keeps it under a kept line).
MEASURED_LINES = 3


def main_region(
    probabilities: Sequence[float], words: Sequence[int], threshold: float, listed: Sequence[bool] = ()
) -> tuple[int, int]:
    """(first, last) line of the maximum-sum run; (0, -1) when no line beats the threshold.

    The best run outside it, when it comes close in sum (`RIVAL_SCORE`) with many
    more words (`RIVAL_WORDS`), is taken instead: a run's sum weighs a line by the
    square root of its words, so a dozen one-sentence lines can outweigh a post
    of a few long paragraphs. The run then takes in the near-misses right after
    it (`REGION_TAIL`). The `listed` lines, a list under a line of the article that
    ends in a colon (`_colon_lists`) or a list of quantities (`_measured_lists`), count
    as neither for nor against the run, and
    the near-misses after it are taken in through them: ingredients or a spec sheet
    do not split an article in two.
    """
    gains = [(p - threshold) * math.sqrt(n + 1) for p, n in zip(probabilities, words)]
    for i, item in enumerate(listed):
        if item:
            gains[i] = max(gains[i], 0.0)
    score, first, last = _best_run(gains, 0, len(gains))
    if last < first:
        return first, last
    rival = max(_best_run(gains, 0, first), _best_run(gains, last + 1, len(gains)))
    if rival[2] >= rival[1] and rival[0] >= RIVAL_SCORE * score:
        if sum(words[rival[1] : rival[2] + 1]) >= RIVAL_WORDS * sum(words[first : last + 1]):
            first, last = rival[1], rival[2]
    while last + 1 < len(probabilities) and (probabilities[last + 1] >= REGION_TAIL or (listed and listed[last + 1])):
        last += 1
    return first, last


def _best_run(gains: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """(sum, first, last) of the maximum-sum run within lines lo .. hi-1; (0.0, lo, lo-1) when none is positive."""
    best, best_span = 0.0, (lo, lo - 1)
    total, start = 0.0, lo
    for i in range(lo, hi):
        gain = gains[i]
        if total <= 0:
            total, start = gain, i
        else:
            total += gain
        if total > best:
            best, best_span = total, (start, i)
    return best, best_span[0], best_span[1]


class _WindowMeans:
    """Weighted means of `values` over windows of lines, each from two prefix sums (O(1) a window)."""

    def __init__(self, values: Sequence[float], weights: Sequence[float]) -> None:
        self.values, self.weights = values, weights
        self.sums = list(accumulate((v * w for v, w in zip(values, weights)), initial=0.0))
        self.totals = list(accumulate(weights, initial=0.0))

    def around(self, i: int, before: int, after: int) -> float:
        """The mean over lines i-before .. i+after, line i itself left out (`EDGE_LOGIT` when none)."""
        lo, hi = max(0, i - before), min(len(self.values), i + after + 1)
        weight = self.totals[hi] - self.totals[lo] - self.weights[i]
        if weight < 0.5:  # every weight is at least 1: no other line in the window
            return EDGE_LOGIT
        return (self.sums[hi] - self.sums[lo] - self.values[i] * self.weights[i]) / weight


def context_vectors(
    logits: Sequence[float],
    words: Sequence[int],
    blocks: Sequence[int],
    region_threshold: float,
    lines: Sequence[Sequence[float]] | None = None,
    count_headings: Sequence[bool] = (),
    quantities: Sequence[bool] = (),
) -> list[array[float]]:
    """Stage-2 feature vectors (in `CONTEXT_FEATURES` order) for every line.

    `lines`: the stage-1 feature vectors (`cleaner.scoring.features.FEATURES` order),
    from which two facts are read:
    - whether a line ends like a sentence (`final_punct`): runs of lines that do not,
      such as menus and lists of headlines, are a feature;
    - whether it reads like a comment's attribution line ("NAME says:", "Reply", "12
      Responses"; `comment_header`): of those that follow some article-like text, the
      number above a line is a feature, and the lines from the first of them with
      another at most `ZONE_GAP` lines below are in the comment zone (one alone is
      often a byline, a dated note or a quote's "NAME said:").
    Without `lines`: every line punctuated, no headers.
    `quantities`: the lines that open with a quantity and a unit (`DocumentFeatures.quantities`);
    runs of them are lists of the article's (`_measured_lists`), like those under a colon.
    `count_headings`: the lines that head a comment section with its count ("{ 131
    comments }"; `DocumentFeatures.count_headings`); the first that follows some
    article-like text opens the comment zone by itself.
    """
    n = len(logits)
    if not n:
        return []
    punctuated = [v[_FINAL_PUNCT] > 0 for v in lines] if lines is not None else [True] * n
    comment_headers = [v[_COMMENT_HEADER] > 0 for v in lines] if lines is not None else [False] * n
    headline_runs = _runs([not p for p in punctuated])
    probabilities = [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) for z in logits]
    listed = _colon_lists([introduces_list(v) for v in lines], probabilities, words, region_threshold) if lines else []
    if any(quantities):
        measured = _measured_lists(quantities, probabilities, words, region_threshold)
        listed = [a or b for a, b in zip(listed, measured)] if listed else measured
    first, last = main_region(probabilities, words, region_threshold, listed)
    weights = [math.sqrt(w + 1) for w in words]
    means = _WindowMeans(logits, weights)
    region_words = sum(words[first : last + 1]) if last >= first else 0
    region_share = region_words / (sum(words) or 1)
    block_sum: dict[int, float] = {}
    block_weight: dict[int, float] = {}
    for z, w, b in zip(logits, weights, blocks):
        block_sum[b] = block_sum.get(b, 0.0) + z * w
        block_weight[b] = block_weight.get(b, 0.0) + w
    runs = _runs([w <= SHORT_WORDS for w in words])
    headers = _comment_headers_after_text(comment_headers, probabilities, words, region_threshold, first)
    above = _counts_above(headers)
    zone_start = _zone_start(headers, probabilities, words, region_threshold, first)
    if any(count_headings):
        counted = _comment_headers_after_text(count_headings, probabilities, words, region_threshold, first)
        zone_start = min(zone_start, counted.index(True) if any(counted) else n)
    vectors: list[array[float]] = []
    for i in range(n):
        z, b = logits[i], blocks[i]
        rest = block_weight[b] - weights[i]
        block = (block_sum[b] - z * weights[i]) / rest if rest > 1e-9 else z
        inside = first <= i <= last
        gap = 0 if inside or last < first else (first - i if i < first else i - last)
        vectors.append(
            array(
                "d",
                (
                    z,
                    logits[i - 1] if i >= 1 else EDGE_LOGIT,
                    logits[i + 1] if i + 1 < n else EDGE_LOGIT,
                    logits[i - 2] if i >= 2 else EDGE_LOGIT,
                    logits[i + 2] if i + 2 < n else EDGE_LOGIT,
                    means.around(i, 3, 3),
                    means.around(i, 10, 10),
                    block,
                    1.0 if inside else 0.0,
                    1.0 if last >= first and i < first else 0.0,
                    1.0 if last >= first and i > last else 0.0,
                    math.log1p(gap),
                    math.log1p(runs[i]),
                    math.log1p(words[i]),
                    region_share,
                    min(z, 0.0),  # own evidence against: a share button inside the article still goes
                    z if words[i] <= SHORT_WORDS else 0.0,  # a short line's own look counts more than for prose
                    math.log1p(headline_runs[i]),
                    math.log1p(above[i]),
                    1.0 if i >= zone_start else 0.0,
                ),
            )
        )
    return vectors


def introduces_list(vector: Sequence[float]) -> bool:
    """Whether the line ends in a colon (or a dash), as a sentence that introduces a list does ("You will need:"),
    from its stage-1 vector."""
    return vector[_COLON_END] > 0


def _colon_lists(
    colon_end: Sequence[bool], probabilities: Sequence[float], words: Sequence[int], threshold: float
) -> list[bool]:
    """The lines of a list that an article-like line ending in a colon introduces ("You will need:").

    The list is the non-empty lines right below, up to `LIST_LINES` of them, until a line that
    reads like article text itself, is longer than `LIST_LINE_WORDS` or ends in a colon too (a
    form's labels, a dialogue's "NAME:").

    >>> _colon_lists([False, True, False, False, False, False], [0.9, 0.8, 0.2, 0.1, 0.9, 0.2], [30, 8, 3, 4, 30, 3], 0.5)
    [False, False, True, True, False, False]
    """
    out = [False] * len(words)
    for i, opens in enumerate(colon_end):
        if not (opens and probabilities[i] >= threshold):
            continue
        taken = 0
        for j in range(i + 1, len(words)):
            if not words[j]:
                continue
            if taken == LIST_LINES or probabilities[j] >= threshold or words[j] > LIST_LINE_WORDS or colon_end[j]:
                break
            out[j] = True
            taken += 1
    return out


def _measured_lists(
    quantities: Sequence[bool], probabilities: Sequence[float], words: Sequence[int], threshold: float
) -> list[bool]:
    """The lines of runs of list-length lines under the threshold in which at least `MEASURED_LINES` and half
    of the lines open with a quantity and a unit (a recipe's ingredients, headings and short steps among them).

    >>> _measured_lists([False, False, True, True, False, True, False], [0.9, 0.2, 0.3, 0.2, 0.1, 0.3, 0.9],
    ...                 [30, 1, 4, 4, 1, 4, 30], 0.5)
    [False, True, True, True, True, True, False]
    """
    n = len(words)
    out = [False] * n
    run: list[int] = []
    for i in range(n + 1):  # n: past the end, to close the last run
        if i < n and (not words[i] or (probabilities[i] < threshold and words[i] <= LIST_LINE_WORDS)):
            if words[i] and len(run) < LIST_LINES:
                run.append(i)
            continue
        if measured_list([quantities[j] for j in run]):
            for j in run:
                out[j] = True
        run = []
    return out


def measured_list(quantities: Sequence[bool]) -> bool:
    """Whether a run of lines is a list of quantities: at least `MEASURED_LINES` and half of its lines
    open with a quantity and a unit."""
    count = sum(quantities)
    return count >= MEASURED_LINES and 2 * count >= len(quantities)


def _comment_headers_after_text(
    headers: Sequence[bool], probabilities: Sequence[float], words: Sequence[int], threshold: float, start: int
) -> list[bool]:
    """The headers that follow at least `COMMENT_AFTER_WORDS` words of article-like lines of the main body.

    Comments come after the article: a list of dated headlines or a dateline above
    it (or at its top) does not open a comment section. `start`: the first line of
    the main-body region.
    """
    seen, found = 0, []
    for i, (header, p, n) in enumerate(zip(headers, probabilities, words)):
        found.append(header and seen >= COMMENT_AFTER_WORDS)
        if p >= threshold and i >= start:
            seen += n
    return found


def _zone_start(
    headers: Sequence[bool], probabilities: Sequence[float], words: Sequence[int], threshold: float, start: int
) -> int:
    """The first header with another at most `ZONE_GAP` lines below it (`len(headers)` when there is none),
    whose headers recur through the text below it.

    A pair whose zone holds a stretch of article-like text (the main body's lines from
    `start` on with a probability of at least `threshold`) with no header in it that
    is longer than all the article-like text above the pair and most of the zone's is
    no comment section: a stock ticker's or a sidebar's dated lines above the story.
    """
    marks = [i for i, header in enumerate(headers) if header]
    n = len(headers)
    pairs = [(above, below) for above, below in pairwise(marks) if below - above <= ZONE_GAP]
    if not pairs:
        return n
    article = [w if p >= threshold and i >= start else 0 for i, (p, w) in enumerate(zip(probabilities, words))]
    # for each header: the largest header-free stretch of article words below it, and all article words below it
    stretch_max, below_total = {}, {}
    best = total = run = 0
    for i in range(n - 1, -1, -1):
        if headers[i]:
            best = max(best, run)
            stretch_max[i], below_total[i] = best, total
            run = 0
        else:
            run += article[i]
            total += article[i]
    above_total = list(accumulate(article, initial=0))
    for above, _ in pairs:
        stretch = stretch_max[above]
        if stretch > above_total[above] and stretch > ZONE_STRETCH * below_total[above]:
            continue
        return above
    return n


def _counts_above(flags: Sequence[bool]) -> list[int]:
    """For each line, how many flagged lines come before it."""
    counts, seen = [], 0
    for flag in flags:
        counts.append(seen)
        seen += flag
    return counts


def _runs(flags: Sequence[bool]) -> list[int]:
    """For each flagged line, the length of the run of flagged lines it belongs to (0 for others)."""
    runs = [0] * len(flags)
    i = 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = j
    return runs
