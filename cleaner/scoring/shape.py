"""How a line looks: length, sentence punctuation, capitals, separators, teasers.

>>> from cleaner.scoring.tokens import WORD
>>> look = lambda text: dict(zip(NAMES, shape_features(text, WORD.findall(text))))
>>> look("The council voted on Tuesday to rebuild the bridge.")["final_punct"]
1.0
>>> look("Home | News | Sport")["separators"] > 0
True
>>> look("Mayor unveils budget plan for the next ...")["teaser"]
1.0
>>> look("नगर निगम ने सोमवार को नई बसें शुरू कीं।")["final_punct"]  # the danda: `tokens.FULL_STOPS`
1.0

A character of a script written without spaces (`tokens.WIDE`) is a word of its
own; for the length features it counts as a word of `WIDE_LETTERS` letters and a
space, the look of an English word, so that a Chinese or Japanese sentence and an
English one of as many words measure alike (the weights were fitted on English):

>>> english = look("The council voted to rebuild the bridge.")
>>> chinese = look("市议会投票决定重建大桥。")
>>> round(english["word_length"], 2), round(chinese["word_length"], 2)
(0.39, 0.42)

A Hangul syllable counts as two letters (`HANGUL_LETTERS`):

>>> round(look("시의회는 화요일에 다리를 다시 짓기로 했다.")["word_length"], 2)
0.5

So does a piece of a Thai word (`tokens.RUNS`). Thai marks no sentence's end; a line of a long
sentence's length that breaks at a space (where Thai ends a sentence or a clause) ends like one
(`tokens.ends_unmarked_sentence`), a headline that breaks at one does not:

>>> round(look("สภาเทศบาลลงมติให้สร้างสะพานใหม่")["word_length"], 2)
0.42
>>> look("เทศบาลระบุว่าจะเปิดลานจอดรถชั่วคราวข้างโรงเรียนภายในสิ้นเดือนนี้ และกำลังศึกษาเส้นทางรถสองแถว")["final_punct"]
1.0
>>> look("เรือโดยสารไฟฟ้าเริ่มวิ่งในคลองบางตะเคียน ลดเสียงดังและควันดำ")["final_punct"]
0.0
"""

from __future__ import annotations

import math
import re

import regex

from cleaner.scoring.tokens import FULL_STOPS, RUN_BREAK, ends_unmarked_sentence, has_unspaced, is_unspaced

NAMES: tuple[str, ...] = (
    "log_words", "log_chars", "one_word", "short", "long", "final_punct", "colon_end", "teaser", "clauses",
    "capitalised", "all_caps", "separators", "bullet", "quote", "lower_start", "symbols", "word_length",
)

SENTENCE_END = regex.compile(rf"[{FULL_STOPS}][\"'”’»)\]]*\s*$")
COLON_END = regex.compile(r"[:\-–—：]\s*$")
TEASER_END = regex.compile(r"(\.\.\.|…)[\"'”’»)\]]*\s*$")
SEPARATOR = regex.compile(r"(?:^|\s)[|｜•·»›/>\-–—:]+(?=\s|$)")
BULLET = regex.compile(r"^\s*(?:[-•*·►▶→✓]|\d{1,2}[.)])\s")
QUOTE = regex.compile(r"[\"“”„«»「」『』]")

# Characters a pattern above needs: a line without them cannot match, so the
# (comparatively slow) regex runs only on lines that have them.
_STOPS = frozenset(FULL_STOPS)  # a line ending in one of these ends like a sentence
_CLOSERS = frozenset("\"'”’»)]")  # ...and one ending in these may (the regex looks behind them)
_COLON_LAST = frozenset(":-–—：")
_SEPARATOR_CHARS = frozenset("|｜•·»›/>-–—:")
_BULLET_FIRST = frozenset("-•*·►▶→✓")
_QUOTES = frozenset("\"“”„«»「」『』")
#: What separates clauses: "," and ";", the Chinese and Japanese "，", "、" and "；", the Arabic "،" and "؛"
#: (and in Thai, Lao, Khmer and Burmese a space between words: `tokens.RUN_BREAK`).
_CLAUSE_MARKS = (",", ";", "，", "、", "；", "،", "؛")
#: How many letters a `WIDE` character counts for in the length features (English prose averages about 5).
WIDE_LETTERS = 5
#: How many letters a Hangul syllable counts for: it is written as one character, but made of two or three
#: letters (jamo). Counted as one, a Korean sentence measured like a run of short words and scored low
#: (our Korean page with the heuristics alone: F1 0.728; 0.961 with any count from 1.5 to 3).
HANGUL_LETTERS = 2
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")


def shape_features(text: str, words: list[str]) -> tuple[float, ...]:
    """Length, punctuation and capitalisation features of one line, in `NAMES` order."""
    n_words = len(words)
    letters_in_words = sum(map(len, words))
    capitalised = upper = 0
    for word in words:
        if word[0].isupper():
            capitalised += 1
            if len(word) > 1 and word.isupper():
                upper += 1
    n_chars = len(text)
    clause_marks = sum(map(text.count, _CLAUSE_MARKS))
    stripped = text.rstrip()
    last = stripped[-1:]
    run_stop = False
    if has_unspaced(text):
        for word in filter(is_unspaced, words):  # measured as a word of `WIDE_LETTERS` letters and a space
            letters_in_words += WIDE_LETTERS - len(word)
            n_chars += WIDE_LETTERS + 1 - len(word)
        # a Hangul syllable is two or three letters (jamo): measured as two
        syllables = len(_HANGUL_SYLLABLE.findall(text))
        letters_in_words += (HANGUL_LETTERS - 1) * syllables
        n_chars += (HANGUL_LETTERS - 1) * syllables
        clause_marks += len(RUN_BREAK.findall(text))
        run_stop = ends_unmarked_sentence(stripped, n_words)
    first = text.lstrip()[:1]
    separators = len(SEPARATOR.findall(text)) if not _SEPARATOR_CHARS.isdisjoint(text) else 0
    return (
        math.log1p(n_words),
        math.log1p(n_chars),
        1.0 if n_words <= 1 else 0.0,
        1.0 if n_words <= 4 else 0.0,
        1.0 if n_words >= 20 else 0.0,
        1.0 if last in _STOPS or (last in _CLOSERS and SENTENCE_END.search(stripped)) or run_stop else 0.0,
        1.0 if last in _COLON_LAST else 0.0,
        1.0 if last == "…" or stripped.endswith("...") or (last in _CLOSERS and TEASER_END.search(stripped)) else 0.0,
        min(1.0, clause_marks / (n_words or 1) * 5),
        capitalised / n_words if n_words else 0.0,
        upper / n_words if n_words else 0.0,
        min(1.0, separators / (n_words or 1) * 2),
        1.0 if (first in _BULLET_FIRST or first.isdigit()) and BULLET.match(text) else 0.0,
        1.0 if not _QUOTES.isdisjoint(text) else 0.0,
        1.0 if stripped[:1].islower() else 0.0,
        1.0 - (letters_in_words / n_chars if n_chars else 0.0),
        min(12.0, letters_in_words / n_words) / 12 if n_words else 0.0,
    )
