"""Turn rule verdicts and line scores into one `Decision` per line.

Pass 1 (context-free): a rule verdict decides outright (site keep > site drop >
generic drop); every other line has its stage-1 score (`cleaner.scoring`).
Pass 2 (context): the stage-2 model revises each score with the neighbours' scores,
runs of short lines and the main-body region (`cleaner.scoring.context`); rule-dropped
lines count as boilerplate neighbours, rule-kept lines as article. The final
probability against the mode's threshold decides, except in the comment section
(from the first of two close comment headers after article text), which goes
whatever its scores, and for a short line with boilerplate words or an address,
which its neighbours do not lift over the threshold (`furniture`). Then a list of
headlines under a boilerplate label goes with its label, a short line between two
kept lines stays (and so does a list between them that the line above introduces
with a colon, and a dialogue: speakers' turns, "Q:" and "A:"), and a second copy of
the article goes. A decision's
`contributions` add up, with the model's biases, to its final logit: stage-1
features by name, the context features as `context.NAME` (computed when read;
`--explain` and `--report` show the largest, see `cleaner.explain.reason_detail`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import pairwise

from cleaner.config import Mode
from cleaner.explain import kept_text
from cleaner.ingest import make_document
from cleaner.model import Cut, Decision, Document, Reason, Span
from cleaner.pieces import PieceView
from cleaner.rules import RuleVerdict
from cleaner.scoring import ScoredDocument, ScoringModel, score_document
from cleaner.scoring.context import (
    CONTEXT_FEATURES,
    LIST_LINE_WORDS,
    LIST_LINES,
    RULE_DROP_LOGIT,
    RULE_KEEP_LOGIT,
    context_vectors,
    introduces_list,
    measured_list,
)
from cleaner.scoring.features import FEATURES, LineMemo
from cleaner.wrapping import paragraphs, pieces

MODEL_SOURCE = "cleaner/data/scoring.json"
#: `_best_available`: share of the best line's score a line needs, and the lowest best score that counts.
FALLBACK_SHARE = 0.7
FALLBACK_FLOOR = 0.05
#: `_best_available` steps in when the kept lines hold fewer words than this: a short post is easily
#: outscored line by line. Cross-validated by site: dragnet 0.858 -> 0.861 (precision mode 0.841 ->
#: 0.850), the others within 0.001 (BENCHMARKS.md, session 14).
FALLBACK_WORDS = 150
#: `_drop_repeats`: a kept line of at least this many words that repeats an earlier kept line goes.
REPEAT_MIN_WORDS = 8
#: `_drop_labelled_lists`: a list label has at most this many words; at most `LIST_ITEMS` list lines of at
#: most `LIST_ITEM_WORDS` words each follow it (a longer line is prose, however it ends).
LIST_LABEL_WORDS = 8
LIST_ITEMS = 12
LIST_ITEM_WORDS = 20
#: After the main body, a list's headlines may each have a one-line summary under them of at most this many
#: words ("More from Local News" / headline / "Developers say the homes are badly needed ..." / headline / ...).
TEASER_SUMMARY_WORDS = 30
#: `_keep_between_kept`: a line the scores dropped with at most this many words and no boilerplate vocabulary,
#: between two kept lines, is kept (a subheading, a short sentence or list item inside the article). On the
#: bench such lines are mostly article text (dragnet: 333 lines against 99); whole bench 0.904 -> 0.905, our
#: corpus with no rules 0.941 -> 0.944 (BENCHMARKS.md, session 14).
BETWEEN_WORDS = 12
#: `_keep_between_kept`: a speaker's label opening a line ("Q:", "A.", "Escobar:", "Dr. Lee:", "**Q:**"), and the fewest
#: lines of a dialogue (speakers' turns, so one label at least twice and two labels at least). An interview's short
#: questions and answers ("Q: After 1990?" "A: Yes.") score under the threshold one by one.
SPEAKER = re.compile(r"[*_]{0,2}(?:([QA])\.[*_]{0,2}\s|([^\W\d_][\w.'’ -]{0,24})[:：][*_]{0,2}\s*\S)")
DIALOGUE_LINES = 3
#: Where `_drop_labelled_lists` reads a line's boilerplate vocabulary and sentence ending in its stage-1 vector.
_BOILERPLATE = FEATURES.index("boilerplate_any")
_FINAL_PUNCT = FEATURES.index("final_punct")
_TEASER = FEATURES.index("teaser")
_AFTER = CONTEXT_FEATURES.index("after_region")
#: Boilerplate vocabulary, a URL or an e-mail address: a short line with one is furniture, whatever its
#: neighbours (`furniture`). An @handle or #hashtag makes no subheading either (`between_candidate`), but a
#: quoted tweet or a numbered point ("#3 Resolve to ...") inside an article has one.
_FURNITURE = (_BOILERPLATE, *(FEATURES.index(name) for name in ("url", "email")))
_HANDLE = FEATURES.index("handle")
#: A line in the comment zone (`cleaner.scoring.context`) goes in every mode, however well it reads
#: (readers' comments are prose too). On the bench, 99% of the words such lines would keep are not
#: article text, leaving aside three pages whose gold text holds the comments (whole bench 0.899 ->
#: 0.901, dragnet 0.857 -> 0.860).
_ZONE = CONTEXT_FEATURES.index("comment_zone")
_IN_COMMENTS = Reason(
    "context", "dropped:comment-section", MODEL_SOURCE, "in the comment section (from two close comment headers on)"
)
_LINK_LIST = "dropped:link-list"
#: The reason id of a second copy of the article's line (`_drop_repeats`).
REPEATED = "dropped:repeat"
#: Why a piece of a line (`cleaner.pieces`) goes even between kept pieces (`from_pieces`).
_STRUCTURAL = frozenset({"dropped:comment-section", REPEATED, _LINK_LIST})
_BETWEEN_WHY = {
    "alone": Reason("context", "kept:between-kept", MODEL_SOURCE, "a short line between two kept lines"),
    "listed": Reason("context", "kept:between-kept", MODEL_SOURCE, "a list between two kept lines, under one ending in ':'"),
    "dialogue": Reason("context", "kept:between-kept", MODEL_SOURCE, "a dialogue between two kept lines (speakers' turns)"),
    "measured": Reason(
        "context", "kept:between-kept", MODEL_SOURCE, "a list of quantities under a kept line (ingredients, parts)"
    ),
}
#: The reason of furniture its neighbours would have lifted over the threshold (`furniture`).
NOT_LIFTED = Reason(
    "context", "dropped:furniture", MODEL_SOURCE, "boilerplate words or an address, under the threshold on its own"
)
#: Context features whose push names the reason of a context decision.
_CONTEXT_REASONS = {
    "in_region": "main-body",
    "before_region": "before-main-body",
    "after_region": "after-main-body",
    "region_gap": "outside-main-body",
    "short_run": "short-line-run",
    "comments_above": "readers-comments",
}


def judge(
    document: Document, verdicts: Sequence[RuleVerdict], mode: Mode, model: ScoringModel, memo: LineMemo | None = None
) -> tuple[tuple[Decision, ...], str | None]:
    """Decisions for every line, and the document's language.

    The scorer sees the document as the rules leave it: lines a rule dropped are
    taken out, strip cuts applied, so that the features (position, neighbours,
    repetition, the main-body region) describe the text that is left, as in
    training. In a hard-wrapped text, the lines a wrap cut apart are read as one
    (`cleaner.wrapping`). Returns the decisions on the original lines.
    """
    lines = document.lines
    rule_dropped = [v.keep is False and v.reason is not None for v in verdicts]
    texts = [
        "" if dropped else line.text if not v.cuts else kept_text(line, Decision(line.index, True, 1.0, (), v.cuts))
        for line, v, dropped in zip(lines, verdicts, rule_dropped)
    ]
    groups = _read_together(document, verdicts, texts)
    if len(groups) == len(lines) and not any(v.cuts for v in verdicts):
        scored = score_document(document, model, memo)
        return decide(document, verdicts, scored, mode), scored.language
    view = make_document(_join(document, groups, texts), source=document.source, url=document.url, site=document.site)
    scored = score_document(view, model, memo)
    uncut = [replace(verdicts[g[0]], cuts=()) if verdicts[g[0]].cuts else verdicts[g[0]] for g in groups]
    inside = decide(view, uncut, scored, mode)
    decisions: list[Decision | None] = [
        Decision(line.index, False, 0.0, (v.reason,), v.cuts) if dropped and v.reason else None
        for line, v, dropped in zip(lines, verdicts, rule_dropped)
    ]
    for group, d in zip(groups, inside):
        for i in group:
            decisions[i] = Decision(i, d.keep, d.score, d.reasons, verdicts[i].cuts, d.contributions)
    for i, maybe in enumerate(decisions):  # lines a strip rule cut away entirely
        if maybe is None:
            cuts = verdicts[i].cuts
            decisions[i] = Decision(i, False, 0.0, (verdicts[i].reason or cuts[0].reason,), cuts)
    return tuple(d for d in decisions if d is not None), scored.language


def from_pieces(document: Document, view: PieceView, inside: Sequence[Decision]) -> tuple[Decision, ...]:
    """The document's decisions from those of its piece view (`cleaner.pieces.PieceView`).

    `inside` decides the view's lines (`view.order`): the document's, with each line of
    `view.pieces` cut into pieces (the sentences of a page on one line, the cells of a line
    laid out in columns). Such a line is kept when one of its pieces is, and the others are
    cut out of it, each with the space after it and its own reason (a piece's own cuts stay,
    moved onto the line). Between the first and the last kept piece, a piece the scores
    dropped stays unless it reads as boilerplate (boilerplate vocabulary, a URL or an e-mail
    address) or the comment section, a repeat or a labelled list took it: alone, a short
    sentence of the story scores low ("That was the first shock."). The line's score,
    reasons and contributions are those of its longest kept piece (of its longest piece when
    none is kept).
    """
    decided = dict(zip(view.order, inside))
    decisions = []
    for line in document.lines:
        spans = view.pieces.get(line.index)
        if spans is None:
            decisions.append(replace(decided[line.index, None], line=line.index))
        else:
            parts = [decided[line.index, k] for k in range(len(spans))]
            decisions.append(_from_pieces(line.index, line.text, spans, parts))
    return tuple(decisions)


def _from_pieces(line: int, text: str, spans: Sequence[tuple[int, int]], parts: Sequence[Decision]) -> Decision:
    """One line's decision from its pieces' (`parts`; see `from_pieces`)."""
    kept = [k for k, d in enumerate(parts) if d.keep]
    stays = [d.keep or (kept[0] < k < kept[-1] and _restorable(d)) for k, d in enumerate(parts)] if kept else []
    ends = [start for start, _ in spans[1:]] + [len(text)]
    cuts: list[Cut] = []
    for k, d in enumerate(parts):
        start = spans[k][0]
        if kept and not stays[k]:
            cuts.append(Cut(Span(start, ends[k]), d.reason))
        elif kept:
            cuts.extend(Cut(Span(start + c.span.start, start + c.span.end), c.reason) for c in d.cuts)
    main = parts[max(kept or range(len(parts)), key=lambda k: spans[k][1] - spans[k][0])]
    return Decision(line, bool(kept), main.score, main.reasons, tuple(cuts), main.contributions)


def _restorable(decision: Decision) -> bool:
    """Whether a dropped piece between kept ones stays (`from_pieces`): the scores dropped it, and it has
    no boilerplate vocabulary, URL or e-mail address."""
    reason = decision.reason
    if reason.kind not in ("score", "context") or reason.id in _STRUCTURAL or reason.id.startswith("metadata:"):
        return False
    contributions = decision.contributions
    return isinstance(contributions, Contributions) and not any(contributions.line_vector[k] for k in _FURNITURE)


def _read_together(document: Document, verdicts: Sequence[RuleVerdict], texts: Sequence[str]) -> list[list[int]]:
    """The lines left for the scorer (`texts[i]` not empty), grouped: a wrapped paragraph's lines are one group.

    Only lines no rule decided or cut join a group, so a rule's verdict stays on its line.
    """
    groups: list[list[int]] = []
    for paragraph in paragraphs(document):
        for k, i in enumerate(paragraph):
            if not texts[i]:
                continue
            if k and groups and groups[-1][-1] == i - 1 and _undecided(verdicts[i - 1]) and _undecided(verdicts[i]):
                groups[-1].append(i)
            else:
                groups.append([i])
    return groups


def _undecided(verdict: RuleVerdict) -> bool:
    return verdict.keep is None and not verdict.cuts


def _join(document: Document, groups: Sequence[Sequence[int]], texts: Sequence[str]) -> str:
    """The groups' texts, one group a line (its lines joined by a space), blocks kept apart by a blank line."""
    parts: list[str] = []
    previous = None
    for group in groups:
        block = document.lines[group[0]].block
        if previous is not None:
            parts.append("\n" if block == previous else "\n\n")
        parts.append(" ".join(pieces([texts[i] for i in group])))
        previous = block
    return "".join(parts)


def decide(
    document: Document,
    verdicts: Sequence[RuleVerdict],
    scored: ScoredDocument,
    mode: Mode,
) -> tuple[Decision, ...]:
    """One decision per line of `document`, from rule verdicts and stage-1 scores (see the module docstring).

    The model that scored the lines decides (`scored.model`: the document's language's, or the generic one).
    """
    model = scored.model
    threshold = model.thresholds[mode]
    lines = document.lines
    scores = scored.scores
    logits = [
        RULE_KEEP_LOGIT if v.keep else RULE_DROP_LOGIT if v.keep is False and v.reason else s.logit
        for v, s in zip(verdicts, scores)
    ]
    vectors = context_vectors(
        logits,
        scored.features.words,
        scored.features.blocks,
        model.region_threshold,
        scored.features.vectors,
        scored.features.count_headings,
        scored.features.quantities,
    )
    stage = model.context
    names = Contributions.names(model)
    words = scored.features.words
    decisions = []
    for line, verdict, score, vector in zip(lines, verdicts, scores, vectors):
        if verdict.keep is not None and verdict.reason is not None:
            decisions.append(
                Decision(line.index, verdict.keep, 1.0 if verdict.keep else 0.0, (verdict.reason,), verdict.cuts)
            )
            continue
        context = stage.terms(vector)
        logit = stage.bias + sum(context)
        contributions = Contributions(model, score.vector, vector)
        probability = 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, logit))))
        keep = probability >= threshold
        alone_keep = score.probability >= threshold
        if vector[_ZONE]:
            keep, reason = False, _IN_COMMENTS
        elif keep and not alone_keep and furniture(words[line.index], score.vector):
            keep, reason = False, NOT_LIFTED
        elif keep == alone_keep:
            reason = Reason("score", "article-like" if keep else "boilerplate-like", MODEL_SOURCE)
        else:
            reason = _context_reason(keep, names, contributions.values(context), vector)
        decisions.append(
            Decision(
                line=line.index,
                keep=keep,
                score=probability,
                reasons=(reason,),
                cuts=verdict.cuts,
                contributions=contributions,
            )
        )
    listed = _drop_labelled_lists(document, scored, decisions, [bool(v[_AFTER]) for v in vectors])
    return _drop_repeats(document, _best_available(_keep_between_kept(document, scored, listed), words))


def _drop_labelled_lists(
    document: Document, scored: ScoredDocument, decisions: list[Decision], after: Sequence[bool]
) -> list[Decision]:
    """Drop a list of other pages' headlines under a boilerplate label ("Read more on the war:", "Related:").

    A label is a short line with boilerplate vocabulary that ends in ":"; the list is
    the headline-length lines right after it that do not end like a sentence (or end
    in "..."), up to `LIST_ITEMS`. The label goes with its list, not alone. On the
    bench 97% of the lines of such lists are not article text, and a headline list
    inside an article can look like prose to the line features (a topic's words, its
    length). In every mode; lines a rule decided are left alone.

    After the main body (`after`), a headline may have a summary line of at most `TEASER_SUMMARY_WORDS`
    words under it, which goes too: a teaser list, whose summaries read as prose. There the label
    needs no ":" ("More from Local News") when two headlines and a summary follow it.
    """
    vectors, words = scored.features.vectors, scored.features.words
    out = list(decisions)
    for i, line in enumerate(document.lines):
        if not (0 < words[i] <= LIST_LABEL_WORDS and vectors[i][_BOILERPLATE] > 0):
            continue
        colon = line.text.rstrip().endswith(":")
        if not colon and not after[i]:
            continue
        items: list[int] = []
        heads: set[int] = set()
        for j in range(i + 1, len(document.lines)):
            if not words[j]:
                continue
            if len(items) == LIST_ITEMS:
                break
            ends = vectors[j][_FINAL_PUNCT] > 0 and not vectors[j][_TEASER]
            if not ends and words[j] <= LIST_ITEM_WORDS:
                heads.add(j)
            elif not (ends and after[i] and items and items[-1] in heads and _summary(words[j], vectors[j])):
                break
            items.append(j)
        if not items or (not colon and (len(heads) < 2 or len(heads) == len(items))):
            continue
        label = line.text.strip()
        why = Reason("context", _LINK_LIST, MODEL_SOURCE, f"a list under the label {label!r}")
        for k in (i, *items):
            d = out[k]
            if d.reason.kind in ("score", "context"):
                out[k] = replace(d, keep=False, reasons=(why, *d.reasons))
    return out


def _summary(words: int, vector: Sequence[float]) -> bool:
    """A teaser's summary sentence under its headline: at most `TEASER_SUMMARY_WORDS` words and no boilerplate words
    (a footer's "All rights reserved." is none)."""
    return words <= TEASER_SUMMARY_WORDS and not vector[_BOILERPLATE]


def score_decided(reason: Reason) -> bool:
    """Whether a line's fate follows its score: not a rule's verdict, metadata, the comment section, a labelled
    list or furniture its neighbours would have lifted."""
    return reason.kind in ("score", "context") and not reason.id.startswith("metadata") and reason.id not in (
        _IN_COMMENTS.id,
        _LINK_LIST,
        NOT_LIFTED.id,
    )


def between_candidate(
    reason: Reason, n_words: int, vector: Sequence[float], max_words: int | None = BETWEEN_WORDS
) -> bool:
    """Whether `_keep_between_kept` may keep the line: its score decides, it has words (at most `max_words`; None:
    any number, as a dialogue's turn), no boilerplate words or addresses."""
    short = max_words is None or n_words <= max_words
    return 0 < n_words and short and score_decided(reason) and not (furniture(n_words, vector) or vector[_HANDLE])


def furniture(n_words: int, vector: Sequence[float]) -> bool:
    """Whether the line is short (at most `BETWEEN_WORDS` words) with boilerplate vocabulary, a URL or an e-mail
    address (in its stage-1 features).

    Such a line keeps its own verdict when the context pass would lift it: an
    "Advertisement" label, a "Related: <headline>" or a commenter's site between two
    article paragraphs is no article text because its neighbours are.
    """
    return n_words <= BETWEEN_WORDS and any(vector[k] for k in _FURNITURE)


def between_kept(
    keep: Sequence[bool],
    candidates: Sequence[bool],
    words: Sequence[int],
    list_items: Sequence[bool] = (),
    opens_list: Sequence[bool] = (),
    speakers: Sequence[str | None] = (),
) -> list[tuple[str, list[int]]]:
    """The runs of dropped lines between two kept non-empty lines that stay, each with why: one candidate
    line ("alone"), a run of up to `LIST_LINES` lines, all `list_items`, under a kept line that `opens_list`
    ("listed"), or a run of `DIALOGUE_LINES` to `LIST_LINES` lines that each open with one of the `speakers`'
    labels, one of them at least twice ("dialogue").

    >>> between_kept([True, False, False, True, False], [False, True, False, False, True], [9, 3, 0, 9, 2])
    [('alone', [1])]
    >>> between_kept([True, False, False, True], [False, True, True, False], [9, 3, 3, 9])  # two in a row: a list
    []
    >>> between_kept([True, False, False, True], [False, True, True, False], [9, 3, 3, 9], [True] * 4, [True] * 4)
    [('listed', [1, 2])]
    >>> between_kept([True, False, False, False, True], [False] * 5, [9] * 5, speakers=[None, "q", "a", "q", None])
    [('dialogue', [1, 2, 3])]
    >>> between_kept([True, False, False, False, True], [False] * 5, [9] * 5, speakers=[None, "q", "a", "b", None])
    []
    """
    lines = [i for i, n in enumerate(words) if n]
    kept_at = [k for k, i in enumerate(lines) if keep[i]]
    out = []
    for top, bottom in pairwise(kept_at):
        run = lines[top + 1 : bottom]
        if len(run) == 1 and candidates[run[0]]:
            out.append(("alone", run))
        elif 1 < len(run) <= LIST_LINES and opens_list and opens_list[lines[top]] and all(list_items[i] for i in run):
            out.append(("listed", run))
        elif DIALOGUE_LINES <= len(run) <= LIST_LINES and speakers and _dialogue([speakers[i] for i in run]):
            out.append(("dialogue", run))
    return out


def measured_lists(
    keep: Sequence[bool], words: Sequence[int], list_items: Sequence[bool], measured: Sequence[bool]
) -> list[list[int]]:
    """The runs of dropped `list_items` right under a kept line, up to `LIST_LINES`, that are lists of
    quantities by their `measured` lines (`context.measured_list`): a recipe's ingredients, with its
    headings and short steps. A run that a kept line does not close ends at its
    last measured line.

    >>> measured_lists([True, False, False, False, False, False], [9, 1, 4, 4, 4, 6], [False] + [True] * 5,
    ...                [False, False, True, True, True, False])
    [[1, 2, 3, 4]]
    >>> measured_lists([True, False, False, True], [9, 4, 4, 9], [False, True, True, False], [False, True, True, False])
    []
    """
    lines = [i for i, n in enumerate(words) if n]
    out = []
    for k, i in enumerate(lines):
        if not keep[i]:
            continue
        run = []
        for j in lines[k + 1 : k + 1 + LIST_LINES]:
            if keep[j] or not list_items[j]:
                break
            run.append(j)
        closed = k + 1 + len(run) < len(lines) and keep[lines[k + 1 + len(run)]]
        if not closed:
            while run and not measured[run[-1]]:
                run.pop()
        if measured_list([measured[j] for j in run]):
            out.append(run)
    return out


def _dialogue(labels: list[str | None]) -> bool:
    """Speakers' turns: every line labelled, two labels at least, and one of them again."""
    return all(labels) and 2 <= len(set(labels)) < len(labels)


def speaker(text: str) -> str | None:
    """The speaker's label a line opens with, in lower case (None: none).

    >>> speaker("Q: After 1990?"), speaker("A. Yes."), speaker("Dr. Lee: We were surprised."), speaker("Yes: 3 to 1")
    ('q', 'a', 'dr. lee', 'yes')
    >>> speaker("**Q:** After 1990?"), speaker("_A._ Yes."), speaker("A.B. Smith said so.")  # emphasis; initials
    ('q', 'a', None)
    >>> speaker("The final vote count: 3 to 1"), speaker("12:30 Kick-off")  # four words before the colon, a number
    (None, None)
    """
    found = SPEAKER.match(text.strip())
    if found is None or (found.group(2) and len(found.group(2).split()) > 3):
        return None
    return (found.group(1) or found.group(2)).lower()


def _keep_between_kept(document: Document, scored: ScoredDocument, decisions: list[Decision]) -> list[Decision]:
    """Keep a short line the scores dropped when the lines right above and below it are kept, a list
    between two kept lines that the line above introduces with a colon, a dialogue between two kept lines,
    and a list of quantities under a kept line (`measured_lists`).

    A subheading, a one-line paragraph or a caption-like sentence inside the article
    often scores under the threshold on its own (few words, no final punctuation); with
    article text on both sides it is far more often article than boilerplate. So is a
    run of such lines under a sentence that ends in a colon (ingredients, a spec sheet,
    the answers of a poll), an interview's or a script's turns, each line opening
    with its speaker ("Q: New or old?" "A: Old."), and a recipe's ingredients with
    their headings, colon or not ("2 tablespoons olive oil"). Lines with boilerplate vocabulary
    ("Advertisement", "Share this") or a URL, @handle or e-mail address stay dropped,
    and so do lines a rule, the metadata or the comment section decided. In every mode.
    """
    words, vectors = scored.features.words, scored.features.vectors
    # A dialogue's turn, a list item and a line alone pass the same test, at any length, at most
    # LIST_LINE_WORDS and at most BETWEEN_WORDS words: it runs once a line.
    eligible = [between_candidate(d.reason, words[d.line], vectors[d.line], None) for d in decisions]
    list_items = [e and words[d.line] <= LIST_LINE_WORDS for e, d in zip(eligible, decisions)]
    candidates = [e and words[d.line] <= BETWEEN_WORDS for e, d in zip(eligible, decisions)]
    opens_list = [introduces_list(vectors[d.line]) for d in decisions]
    # only dropped lines make a run between kept ones
    speakers = [speaker(document.lines[d.line].text) if e and not d.keep else None for e, d in zip(eligible, decisions)]
    quantities = scored.features.quantities
    measured = [item and not d.keep and quantities[d.line] for item, d in zip(list_items, decisions)]
    keep = [d.keep for d in decisions]
    runs = between_kept(keep, candidates, words, list_items, opens_list, speakers)
    out = list(decisions)
    if any(measured):
        runs += [("measured", run) for run in measured_lists(keep, words, list_items, measured)]
    for kind, run in runs:
        for i in run:
            out[i] = replace(out[i], keep=True, reasons=(_BETWEEN_WHY[kind], *out[i].reasons))
    return out


def _drop_repeats(document: Document, decisions: tuple[Decision, ...]) -> tuple[Decision, ...]:
    """Drop a kept line that repeats an earlier kept line word for word (a second copy of the article).

    Some page texts hold the article twice (a print or mobile copy, a teaser of the
    whole post); each copy scores like article text. Only sentences of at least
    `REPEAT_MIN_WORDS` words count (a short label may rightly occur twice), and
    lines a rule kept are left alone.
    """
    seen: dict[str, int] = {}
    out = list(decisions)
    for n, d in enumerate(decisions):
        if not d.keep:
            continue
        words = document.lines[d.line].text.split()
        if len(words) < REPEAT_MIN_WORDS:
            continue
        first = seen.setdefault(" ".join(words), d.line)
        if first != d.line and d.reason.kind in ("score", "context"):
            why = Reason("context", REPEATED, MODEL_SOURCE, f"repeats line {first + 1} word for word")
            out[n] = replace(d, keep=False, reasons=(why, *d.reasons))
    return tuple(out)


class Contributions(Sequence[tuple[str, float]]):
    """A scored line's (feature, logit share) pairs, computed when read.

    Stage-1 features by name, scaled by the weight stage 2 gives the stage-1
    logit, then the context features as `context.NAME`; with the stage-2 bias they
    add up to the line's final logit. Only the two feature vectors are kept
    (compact arrays), so a document of a million lines does not hold 55 pairs of
    Python objects per line while nobody asks for them.
    """

    __slots__ = ("_context", "_line", "_model")

    def __init__(self, model: ScoringModel, line_vector: Sequence[float], context_vector: Sequence[float]) -> None:
        self._model = model
        self._line = line_vector
        self._context = context_vector

    @staticmethod
    def names(model: ScoringModel) -> tuple[str, ...]:
        return model.line.names + tuple(f"context.{name}" for name in model.context.names[1:])

    @property
    def line_vector(self) -> Sequence[float]:
        """The line's stage-1 features (`FEATURES` order)."""
        return self._line

    def line_logit(self) -> float:
        """The stage-1 logit: the line on its own."""
        return self._model.line.logit(self._line)

    def values(self, context_terms: Sequence[float] | None = None) -> list[float]:
        """The shares, in `names` order (`context_terms`: the stage-2 terms, when already computed)."""
        line, context = self._model.line, self._model.context
        z_weight = context.weights[0] / context.scales[0]
        terms = context_terms if context_terms is not None else context.terms(self._context)
        return [z_weight * value for value in line.terms(self._line)] + list(terms[1:])

    def _pairs(self) -> tuple[tuple[str, float], ...]:
        return tuple(zip(self.names(self._model), self.values()))

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return self._pairs()[index]

    def __len__(self) -> int:
        return len(self._model.line.names) + len(self._model.context.names) - 1

    def __iter__(self) -> Iterator[tuple[str, float]]:
        return iter(self._pairs())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and self._pairs() == tuple(other)

    def __hash__(self) -> int:
        return hash(self._pairs())

    def __repr__(self) -> str:
        return f"Contributions({self._pairs()!r})"


def fallback_bar(best: float) -> float | None:
    """The score a line needs when no line reached the threshold and `best` is the highest (None: keep nothing)."""
    return best * FALLBACK_SHARE if best >= FALLBACK_FLOOR else None


def _best_available(decisions: list[Decision], words: Sequence[int]) -> tuple[Decision, ...]:
    """When the kept lines hold fewer than `FALLBACK_WORDS` words, keep the lines that come close to the best one.

    A page whose article is a short post can score below the threshold everywhere,
    or keep only a line or two of it; an empty or clipped output would lose it, so
    the lines scoring at least `FALLBACK_SHARE` of the best score (and above
    `FALLBACK_FLOOR`) are kept too. Only lines whose fate follows their score count
    (`score_decided`): a reader's comment that outscores the article stays in the
    comment section.

    >>> article = Reason("score", "boilerplate-like", MODEL_SOURCE)
    >>> decisions = [Decision(0, False, 0.95, (_IN_COMMENTS,)), Decision(1, False, 0.5, (article,))]
    >>> [d.keep for d in _best_available(decisions, [30, 30])]
    [False, True]
    >>> decisions = [Decision(0, True, 0.95, (article,)), Decision(1, False, 0.7, (article,))]
    >>> [d.keep for d in _best_available(decisions, [200, 9])], [d.keep for d in _best_available(decisions, [100, 9])]
    ([True, False], [True, True])
    """
    scored = [d for d in decisions if score_decided(d.reason)]
    kept_words = sum(words[d.line] for d in decisions if d.keep)
    if not scored or kept_words >= FALLBACK_WORDS:
        return tuple(decisions)
    bar = fallback_bar(max(d.score for d in scored))
    if bar is None:
        return tuple(decisions)
    open_lines = {d.line for d in scored if not d.keep and d.score >= bar}
    detail = f"the kept lines hold {kept_words} words (< {FALLBACK_WORDS}); kept lines >= {bar:.2f}"
    why = Reason("context", "kept:best-available", MODEL_SOURCE, detail)
    return tuple(replace(d, keep=True, reasons=(why, *d.reasons)) if d.line in open_lines else d for d in decisions)


def _context_reason(keep: bool, names: Sequence[str], values: Sequence[float], vector: Sequence[float]) -> Reason:
    """The reason of a line the neighbours flipped (its own score alone would decide the other way).

    Named after the context feature that pushed hardest and holds for this line
    (an indicator such as `after_region` that is 0 here pushes only by not
    holding, which names nothing). The features behind any scored decision are in
    `Decision.contributions` (`cleaner.explain.reason_detail` prints the largest).
    """
    sign = 1 if keep else -1
    holds = {f"context.{name}" for name, x in zip(CONTEXT_FEATURES, vector) if x}
    pushing = [(n, v) for n, v in zip(names, values) if n in holds and v * sign > 0]
    if not pushing:
        return Reason("context", "kept-by-neighbours" if keep else "dropped-by-neighbours", MODEL_SOURCE)
    name = max(pushing, key=lambda kv: abs(kv[1]))[0].removeprefix("context.")
    why = _CONTEXT_REASONS.get(name, "neighbours")
    return Reason("context", f"{'kept' if keep else 'dropped'}:{why}", MODEL_SOURCE)
