"""Digits, dates, times, counters, links, handles and e-mail in a line.

>>> token_features("3 comments", ["3", "comments"])["counter"]
1.0
>>> token_features("1.2K shares", ["1", "2K", "shares"])["counter"]
1.0
>>> token_features("Published 12 March 2024, 10:45", ["Published", "12", "March", "2024", "10", "45"])["date"]
1.0
>>> token_features("Follow @newsdesk on #bridge", ["Follow", "newsdesk", "on", "bridge"])["handle"]
1.0
"""

from __future__ import annotations

import regex

MONTHS = (
    r"jan(uary|vier|uar|eiro)?|feb(ruary|ruar)?|fév(rier)?|mar(ch|s|zo|ço)?|märz|apr(il)?|avr(il)?|abr(il)?|"
    r"may|mai|mayo|maio|maggio|mei|jun(e|i|io|ho)?|juin|giugno|jul(y|i|io|ho)?|juil(let)?|luglio|aug(ust)?|août|"
    r"ago(sto)?|sep(t|tember|tembre|tiembre|tembro)?|set(tembre|embro)?|oct(ober|obre|ubre)?|okt(ober)?|ott(obre)?|"
    r"out(ubro)?|nov(ember|embre|embro)?|dec(ember)?|dez(ember|embro)?|déc(embre)?|dic(iembre|embre)?|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
)
DATE = regex.compile(
    rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    rf"(?i:\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?:{MONTHS})\.?,?\s+(?:de\s+)?\d{{2,4}}\b)"
)
TIME = regex.compile(r"\b\d{1,2}[:.h]\d{2}\b\s*(?i:am|pm|uhr|h)?|\b\d{1,2}\s*(?i:am|pm)\b|(?i:\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b)")
COUNTER = regex.compile(r"^\W*[\d.,]+\s*[kKmM]?\+?\s*(?:\w+\W*){0,2}$")
URL = regex.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|de|fr|es|it|nl|ru|ua|pt|io)\b", regex.IGNORECASE)
EMAIL = regex.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
HANDLE = regex.compile(r"(?<![\w@])[@#]\w+")
COPYRIGHT = regex.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", regex.IGNORECASE)


def token_features(text: str, words: list[str]) -> dict[str, float]:
    """Shares and flags for numbers, dates and link-like tokens."""
    n_words = len(words)
    digits = sum(1 for w in words if any(c.isdigit() for c in w))
    return {
        "digits": digits / n_words if n_words else 0.0,
        "date": 1.0 if DATE.search(text) else 0.0,
        "time": 1.0 if TIME.search(text) else 0.0,
        "counter": 1.0 if digits and n_words <= 3 and COUNTER.match(text) else 0.0,
        "url": 1.0 if URL.search(text) else 0.0,
        "email": 1.0 if EMAIL.search(text) else 0.0,
        "handle": 1.0 if HANDLE.search(text) else 0.0,
        "copyright": 1.0 if COPYRIGHT.search(text) else 0.0,
    }
