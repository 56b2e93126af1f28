"""Photo captions and credits: "(Photo: EuropaPress)", "Image: Getty", "REUTERS/Jane Doe".

A caption sits inside the article, reads like a sentence and often repeats the
headline's words; its credit is what gives it away.

>>> credit("Jens Stoltenberg, Secretary General of NATO (Photo: EuropaPress)")
1.0
>>> credit("The council voted on Tuesday (photo below) to rebuild the bridge.")
0.0
>>> credit("A firefighter at work on Monday. REUTERS/Jane Doe")
1.0
"""

from __future__ import annotations

import re

import regex

_WORDS = r"(?:photos?|fotos?|foto(?:grafía|grafia)|image|picture|pic|credit|crédit|bild|source|quelle|illustration)"
_AGENCIES = r"(?:afp|ap|reuters|epa|efe|dpa|getty images|shutterstock|istock|anadolu|ansa|pa|xinhua|europapress)"
CREDIT = regex.compile(
    rf"\(\s*{_WORDS}\s*:[^)]*\)|^\s*{_WORDS}\s*:\s*\S|\b{_AGENCIES}\s*/\s*\p{{Lu}}|\(\s*(?:[^()/]+/)?{_AGENCIES}\s*/?\s*\)"
    rf"|\b{_WORDS}\s+(?:by|credit|courtesy)\b|\bgetty images\b|©\s*\p{{Lu}}",
    regex.IGNORECASE,
)


#: Every form above needs one of these characters (the agency forms, "©"), or one of the words below.
_CREDIT_CHARS = frozenset("(/©")
_CREDIT_WORDS = re.compile("photo|foto|image|pic|credit|crédit|bild|source|quelle|illustration|getty")


def credit(text: str) -> float:
    """1.0 when the line carries a photo credit or caption label, else 0.0."""
    if _CREDIT_CHARS.isdisjoint(text) and not _CREDIT_WORDS.search(text.lower()):
        return 0.0
    return 1.0 if CREDIT.search(text) else 0.0
