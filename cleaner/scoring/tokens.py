"""Words; digits, dates, times, counters, links, handles and e-mail in a line.

>>> look = lambda text: dict(zip(NAMES, token_features(text, WORD.findall(text))))
>>> look("3 comments")["counter"], look("1.2K shares")["counter"]
(1.0, 1.0)
>>> look("Published 12 March 2024, 10:45")["date"]
1.0
>>> look("发布于2024年8月15日 10:32")["date"], look("8月15日 10時32分")["time"], look("입력 2024.03.04 10:21")["date"]
(1.0, 1.0, 1.0)
>>> look("15 مارس 2024 - 10:30")["date"], look("12 ก.ย. 2567 09:45 น.")["date"], look("12 मार्च 2024, 14:35")["date"]
(1.0, 1.0, 1.0)
>>> WORD.findall("北京市 bus 2024年")  # Chinese and Japanese are written without spaces: a character is a word
['北', '京', '市', 'bus', '2024', '年']
>>> WORD.findall("เรือจะออกจากท่าทุกสิบห้านาที")  # Thai: its function words, and every three letters between them
['เรือ', 'จะ', 'ออก', 'จาก', 'ท่า', 'ทุก', 'สิบห้', 'านา', 'ที']
>>> look("Follow @newsdesk on #bridge")["handle"]
1.0
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex

from cleaner.scoring.stopwords import stoplist

#: Scripts written without spaces between words (Chinese characters, Japanese kana): each character is a word.
WIDE = r"\p{Han}\p{Hiragana}\p{Katakana}"
#: One `WIDE` character.
WIDE_CHAR = regex.compile(f"[{WIDE}]")
#: Scripts written without spaces between words whose words run to several letters (Thai, Lao, Khmer,
#: Burmese). With no dictionary to find their words, a run of them is cut before and after each of
#: Thai's function words (our stoplist: ที่, และ, ของ ...), and elsewhere every `RUN_LETTERS` letters (a
#: vowel or tone mark goes with the letter before it), about the length of their words.
RUNS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f"  # their blocks, by code point
RUN_LETTERS = 3
#: A space between two runs of `RUNS` letters (two letters or more on each side: not a row of single
#: letters, "ก ก ก", a font-size control): where those scripts end a sentence or a clause.
RUN_BREAK = regex.compile(rf"(?<=[{RUNS}]\p{{M}}*[{RUNS}]\p{{M}}*) +(?=[{RUNS}]\p{{M}}*[{RUNS}])")
#: The marks that end a sentence: the Latin ones, the Chinese and Japanese full-width ones, the Arabic
#: question mark and Urdu full stop, the Devanagari and Bengali dandas, the Armenian, Ethiopic, Tibetan,
#: Khmer and Burmese full stops. (Thai and Lao have none: `ends_unmarked_sentence`.)
FULL_STOPS = ".!?。！？؟۔।॥։።།។။"
#: Thai and Lao mark no sentence's end.
NO_STOP_END = regex.compile(r"[\u0e00-\u0eff]\p{M}*\s*$")
#: A line in Thai or Lao of at least this many words (a long sentence's length) that breaks at a space
#: ends like a sentence (`ends_unmarked_sentence`).
RUN_SENTENCE_WORDS = 20
#: One `WIDE` or `RUNS` character.
UNSPACED_CHAR = regex.compile(f"[{WIDE}{RUNS}]")
#: Every `WIDE` character lies at or above this code point.
_WIDE_FROM = "\u2e80"
#: A `RUNS` character or one at or above `_WIDE_FROM` (the standard library finds these faster than `regex`).
_MAY_BE_UNSPACED = re.compile(f"[{RUNS}{_WIDE_FROM}-\U0010ffff]")


@cache
def _unspaced_pattern() -> regex.Pattern[str]:
    """Words where a line may hold `WIDE` or `RUNS` letters: runs of other word characters, each `WIDE`
    character, and in a run of `RUNS` letters one of Thai's function words (our stoplist, the named
    list `function`) or else up to `RUN_LETTERS` letters that do not begin one (built on first use)."""
    function = r"\L<function>(?!\p{M})"
    run_word = rf"{function}|(?:(?!\p{{M}}|{function})(?=\w)[{RUNS}]\p{{M}}*){{1,{RUN_LETTERS}}}"
    return regex.compile(rf"[^\W{WIDE}{RUNS}]+|[{WIDE}]|(?=[{RUNS}])(?:{run_word})", function=sorted(stoplist("Thai")))


def has_wide(text: str) -> bool:
    """Whether the text may hold a `WIDE` character (a cheap test: nearly every line of a spaced script fails it)."""
    return not text.isascii() and max(text) >= _WIDE_FROM


def has_unspaced(text: str) -> bool:
    """Whether the text may hold a `WIDE` character (as `has_wide`) or holds a `RUNS` one."""
    return not text.isascii() and _MAY_BE_UNSPACED.search(text) is not None


def ends_unmarked_sentence(text: str, n_words: int) -> bool:
    """Whether a line in Thai or Lao ends like a sentence: it ends in their letters, breaks at a space
    (`RUN_BREAK`) and has `RUN_SENTENCE_WORDS` words at least (a headline breaks at a space too)."""
    return n_words >= RUN_SENTENCE_WORDS and NO_STOP_END.search(text) is not None and RUN_BREAK.search(text) is not None


def is_wide(word: str) -> bool:
    """Whether a word (from `WORD`) is one `WIDE` character."""
    return len(word) == 1 and WIDE_CHAR.match(word) is not None


def is_unspaced(word: str) -> bool:
    """Whether a word (from `WORD`) was cut from a script written without spaces: a `WIDE` character or a
    piece of a `RUNS` word."""
    return UNSPACED_CHAR.match(word) is not None


class _Words:
    """Words as every feature (and metadata, and the rules' language choice) counts them: runs of word
    characters, each character of a `WIDE` script a word of its own, a run of `RUNS` letters cut into
    pieces. (The quality metric keeps plain `\\w+`, see `cleaner.evaluate`.)

    A line that fails `has_unspaced` (nearly every line of a text in a spaced script) takes
    plain `\\w+`, twice as fast as the pattern that sets the unspaced scripts' words apart.
    """

    _plain = regex.compile(r"\w+")

    def _pattern(self, text: str) -> regex.Pattern[str]:
        return _unspaced_pattern() if has_unspaced(text) else self._plain

    def findall(self, text: str) -> list[str]:
        return self._pattern(text).findall(text)

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        return self._pattern(text).finditer(text)


WORD = _Words()

NAMES: tuple[str, ...] = ("digits", "date", "time", "counter", "url", "email", "handle", "copyright")

MONTHS = (
    r"jan(uary|uari|vier|uar|eiro)?|gen(naio)?|ene(ro)?|feb(ruary|ruari|ruar|rero|braio)?|fev(ereiro)?|fév(rier)?|"
    r"mar(ch|s|zo|ço|et)?|märz|maart|apr(il|ile)?|avr(il)?|abr(il)?|"
    r"may|mai|mayo|maio|maggio|mei|jun(e|i|io|ho)?|juin|giugno|jul(y|i|io|ho)?|juil(let)?|luglio|aug(ust|ustus)?|août|"
    r"ago(sto)?|agustus|sep(t|tember|tembre|tiembre|tembro)?|set(tembre|embro)?|oct(ober|obre|ubre)?|okt(ober)?|ott(obre)?|"
    r"out(ubro)?|nov(ember|embre|embro|iembre)?|dec(ember)?|dez(ember|embro)?|desember|déc(embre)?|dic(iembre|embre)?|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    r"يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|"
    r"มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|"
    r"ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค|"
    r"जनवरी|फरवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर"
)


class OrWide:
    """A pattern, or else the Chinese and Japanese forms of the same thing, tried only on a line holding
    one of the characters they need (nearly no line does, and a longer alternation slows every search)."""

    def __init__(self, plain: regex.Pattern[str], wide: str, needs: str) -> None:
        self.plain, self.wide, self.needs = plain, regex.compile(wide), frozenset(needs)

    def search(self, text: str) -> regex.Match[str] | None:
        return self.plain.search(text) or (None if self.needs.isdisjoint(text) else self.wide.search(text))

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        return self.plain.fullmatch(text) or (None if self.needs.isdisjoint(text) else self.wide.fullmatch(text))


_PLAIN_DATE = regex.compile(
    rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{4}}\.\d{{2}}\.\d{{2}}\b|"
    rf"(?i:\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?:{MONTHS})\.?,?\s+(?:de\s+)?\d{{2,4}}\b)"
)
#: "12 March 2024", "2024-03-12", "12.03.2024", "2024.03.12"; "2024年3月12日"
DATE = OrWide(_PLAIN_DATE, r"(?<!\d)(?:\d{4}年)?\d{1,2}月\d{1,2}日", "月")
_PLAIN_TIME = regex.compile(r"\b\d{1,2}[:.h]\d{2}\b\s*(?i:am|pm|uhr|h)?|\b\d{1,2}\s*(?i:am|pm)\b|(?i:\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b)")
#: "10:45", "3 pm", "2 hours ago"; "10時45分"
TIME = OrWide(_PLAIN_TIME, r"(?<!\d)\d{1,2}[時时]\d{1,2}分", "時时")
#: Fractions written as one character ("½ tsp salt").
_FRACTIONS = "½¼¾⅓⅔⅛"
#: A line that opens with a quantity and a unit of measure, as a recipe's ingredients and a kit or parts list do:
#: "2 tablespoons olive oil", "100 g pearl barley", "½ tsp salt", "1 large onion", "2 EL Olivenöl", "1 c. à soupe
#: de miel", "200 gr di farina". Counters ("2 hours ago", "25 of 123") name no unit.
QUANTITY = regex.compile(
    rf"^[^\w{_FRACTIONS}]*+(?:\d++(?:[.,/]\d++)?(?:\s*+(?:-|–|to|or)\s*+\d++(?:[.,/]\d++)?)?(?:\s++\d/\d)?"
    rf"(?:\s*+[{_FRACTIONS}])?|[{_FRACTIONS}])\s*+"
    r"(?:cups?|tbsps?|tbs|tsps?|tablespoons?|teaspoons?|g|gr|grams?|grammes?|kg|kilos?|mg|ml|cl|dl|l|litres?|liters?|oz|"
    r"ounces?|lbs?|pounds?|pints?|quarts?|cloves?|pinch(?:es)?|dash(?:es)?|handfuls?|cans?|tins?|sticks?|slices?|sprigs?|"
    r"bunch(?:es)?|heads?|large|medium|small|whole|el|tl|msp|prisen?|bund|zehen?|c\. ?à (?:soupe|café)|cuillères?|pincées?|"
    r"gousses?|cucharadas?|cucharaditas?|tazas?|dientes?|pizzic(?:o|hi)|cucchia(?:i|io|ini|ino)|spicchi?|eetlepels?|"
    r"theelepels?|teentjes?|colheres?|xícaras?|dentes?)\b",
    regex.IGNORECASE,
)
COUNTER = regex.compile(r"^\W*[\d.,]+\s*[kKmM]?\+?\s*(?:\w+\W*){0,2}$")
URL = regex.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|de|fr|es|it|nl|ru|ua|pt|io)\b", regex.IGNORECASE)
EMAIL = regex.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
HANDLE = regex.compile(r"(?<![\w@])[@#]\w+")
COPYRIGHT = regex.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", regex.IGNORECASE)
#: What a URL match needs (on lower-cased text): a scheme, "www." or a dot before a domain ending above.
_URL_HINT = re.compile(r"://|www\.|\.(?:com|org|net|co|de|fr|es|it|nl|ru|ua|pt|io)")


def token_features(text: str, words: list[str]) -> tuple[float, ...]:
    """Shares and flags for numbers, dates and link-like tokens, in `NAMES` order.

    Every pattern needs a character a line may lack (a digit, "@", "." ...): the
    regex runs only where that character is present.
    """
    n_words = len(words)
    # a word with no digit is usually all letters: `isalpha` settles it without a loop
    digits = sum(1 for w in words if not w.isalpha() and any(c.isdigit() for c in w))
    lowered = text.lower()
    return (
        digits / n_words if n_words else 0.0,
        1.0 if digits and DATE.search(text) else 0.0,  # every \d is inside a \w+ word
        1.0 if digits and TIME.search(text) else 0.0,
        1.0 if digits and n_words <= 3 and COUNTER.match(text) else 0.0,
        1.0 if _URL_HINT.search(lowered) and URL.search(text) else 0.0,
        1.0 if "@" in text and EMAIL.search(text) else 0.0,
        1.0 if ("@" in text or "#" in text) and HANDLE.search(text) else 0.0,
        1.0 if ("©" in text or "(" in text or "copyright" in lowered) and COPYRIGHT.search(text) else 0.0,
    )
