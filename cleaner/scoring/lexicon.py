"""A fitted word lexicon: how article-like a line's words are, for a language with training data.

The hand-made boilerplate vocabulary (`cleaner.scoring.vocabulary`) names the
phrases everybody knows ("share", "subscribe"); a lexicon is learned from pages
whose article text is known, and weighs every word that occurs on enough sites:
"posted", "reply", "comments", "tags", month names and digits lean towards
boilerplate, "the", "said", "would" towards article text. A line's tokens are its
words in lower case (a number is "#"), its first and last word marked ("^posted",
"$ago") and how it ends ("end." for sentence punctuation, "end:" for a colon,
"end-" for anything else). Its score is the lexicon's bias plus the weights of its
distinct tokens over the square root of their number. The stage-1 model of the
lexicon's language takes it as two more features (see
`cleaner.scoring.combiner.ScoringModel.languages`): `lexicon`, and
`lexicon_unended`, the same score for a line that does not end like a sentence (0
for one that does), so that the fit can weigh a headline's words differently: a
sentence full of the news's words is article text, but a headline full of them is as
often another story's teaser. `bench/train.py` fits it, as a
logistic regression on the tokens, on sites the line model is not fitted on.

>>> lexicon = Lexicon({"posted": -1.0, "^posted": -1.0, "said": 0.8, "end.": 0.5}, bias=0.25)
>>> lexicon.tokens("Posted by Jane at 9:30", ["Posted", "by", "Jane", "at", "9", "30"])
['posted', 'by', 'jane', 'at', '#', '^posted', '$#', 'end-']
>>> [round(v, 3) for v in lexicon.features("Posted by Jane at 9:30", ["Posted", "by", "Jane", "at", "9", "30"])]
[-0.457, -0.457]
>>> [round(v, 3) for v in lexicon.features("The mayor said so.", ["The", "mayor", "said", "so"])]
[0.741, 0.0]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

#: The stage-1 features a lexicon adds (`Lexicon.features`).
FEATURES = ("lexicon", "lexicon_unended")
#: Words of a line looked at (a long line costs no more than a short one).
WORDS_SEEN = 60
_ENDS = {".": "end.", "!": "end.", "?": "end.", "…": "end.", ":": "end:"}
_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True)
class Lexicon:
    """Token weights and a bias, fitted for one language."""

    weights: dict[str, float]
    bias: float = 0.0

    @staticmethod
    def tokens(text: str, words: Sequence[str]) -> list[str]:
        """The line's distinct tokens, in order (`words`: its `\\w+` words, as the features see them)."""
        head = words[:WORDS_SEEN]
        seen = " ".join(head).lower().split(" ") if head else []  # one lower() for the line: words hold no space
        if not all(map(str.isalpha, head)):
            seen = ["#" if w.isdigit() else w for w in seen]
        if words:
            last = words[-1]
            seen += ["^" + seen[0], "$" + ("#" if last.isdigit() else last.lower())]
        end = text.rstrip().rstrip(_CLOSERS)[-1:]
        if end:
            seen.append(_ENDS.get(end, "end-"))
        return list(dict.fromkeys(seen))

    def features(self, text: str, words: Sequence[str]) -> tuple[float, float]:
        """The line's values of `FEATURES`."""
        return self.token_features(self.tokens(text, words))

    def token_features(self, tokens: Sequence[str]) -> tuple[float, float]:
        """`FEATURES` from the line's `tokens` (the last one says how the line ends)."""
        score = self.score_tokens(tokens)
        return score, 0.0 if tokens and tokens[-1] == "end." else score

    def score_tokens(self, tokens: Sequence[str]) -> float:
        if not tokens:
            return self.bias
        return self.bias + sum(map(self.weights.get, tokens, repeat(0.0))) / math.sqrt(len(tokens))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Lexicon:
        weights = data["weights"]
        return cls(
            {str(k): float(v) for k, v in weights.items()},  # type: ignore[attr-defined]
            float(data["bias"]),  # type: ignore[arg-type]
        )

    def to_json(self) -> dict[str, object]:
        return {"bias": round(self.bias, 6), "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}}
