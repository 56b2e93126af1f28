"""Words; digits, dates, times, counters, links, handles and e-mail in a line.

>>> look = lambda text: dict(zip(NAMES, token_features(text, WORD.findall(text))))
>>> look("3 comments")["counter"], look("1.2K shares")["counter"]
(1.0, 1.0)
>>> look("Published 12 March 2024, 10:45")["date"]
1.0
>>> look("发布于2024年8月15日 10:32")["date"], look("8月15日 10時32分")["time"]
(1.0, 1.0)
>>> WORD.findall("北京市 bus 2024年")  # Chinese and Japanese are written without spaces: a character is a word
['北', '京', '市', 'bus', '2024', '年']
>>> look("Follow @newsdesk on #bridge")["handle"]
1.0
"""

from __future__ import annotations

import re

import regex

#: Scripts written without spaces between words (Chinese characters, Japanese kana): each character is a word.
WIDE = r"\p{Han}\p{Hiragana}\p{Katakana}"
#: A word, as every feature (and metadata, and the rules' language choice) counts words: a run of word
#: characters, or one character of a `WIDE` script. (The quality metric keeps plain `\w+`, see
#: `cleaner.evaluate`.)
WORD = regex.compile(rf"[{WIDE}]|[^\W{WIDE}]+")

NAMES: tuple[str, ...] = ("digits", "date", "time", "counter", "url", "email", "handle", "copyright")

MONTHS = (
    r"jan(uary|uari|vier|uar|eiro)?|gen(naio)?|ene(ro)?|feb(ruary|ruari|ruar|rero|braio)?|fev(ereiro)?|fév(rier)?|"
    r"mar(ch|s|zo|ço)?|märz|maart|apr(il|ile)?|avr(il)?|abr(il)?|"
    r"may|mai|mayo|maio|maggio|mei|jun(e|i|io|ho)?|juin|giugno|jul(y|i|io|ho)?|juil(let)?|luglio|aug(ust|ustus)?|août|"
    r"ago(sto)?|sep(t|tember|tembre|tiembre|tembro)?|set(tembre|embro)?|oct(ober|obre|ubre)?|okt(ober)?|ott(obre)?|"
    r"out(ubro)?|nov(ember|embre|embro|iembre)?|dec(ember)?|dez(ember|embro)?|déc(embre)?|dic(iembre|embre)?|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
)
DATE = regex.compile(
    rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    rf"(?<!\d)(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日|"
    rf"(?i:\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?:{MONTHS})\.?,?\s+(?:de\s+)?\d{{2,4}}\b)"
)
TIME = regex.compile(r"\b\d{1,2}[:.h]\d{2}\b\s*(?i:am|pm|uhr|h)?|(?<!\d)\d{1,2}[時时]\d{1,2}分|\b\d{1,2}\s*(?i:am|pm)\b|(?i:\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b)")
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
