"""Photo captions and credits: "(Photo: EuropaPress)", "Image: Getty", "REUTERS/Jane Doe".

A caption sits inside the article, reads like a sentence and often repeats the
headline's words; its credit is what gives it away.

>>> credit("Jens Stoltenberg, Secretary General of NATO (Photo: EuropaPress)")
1.0
>>> credit("The council voted on Tuesday (photo below) to rebuild the bridge.")
0.0
>>> credit("A firefighter at work on Monday. REUTERS/Jane Doe")
1.0
>>> credit("图为开放首日的阅览室。（记者 陈雨桐 摄）"), credit("乗り場を案内する担当者（7日、みなと市で）")
(1.0, 1.0)
>>> credit("他说，图书馆将在明年扩建。"), credit("市は7日（月曜日）、計画を発表した。")
(0.0, 0.0)
>>> credit("ภาพ: เรือลำแรกเทียบท่า (ภาพโดย ข่าวเมือง)"), credit("ทุเรียนที่รอการคัดแยก ภาพ: สยามเกษตร")
(1.0, 1.0)
>>> credit("ภาพยนตร์เรื่องนี้ฉายในโรงภาพยนตร์ทั่วประเทศ"), credit("▲ 새로 문을 연 상점들. 사진=동네뉴스")
(0.0, 1.0)
"""

from __future__ import annotations

import re

import regex

from cleaner.scoring.tokens import OrWide

_WORDS = r"(?:photos?|fotos?|foto(?:grafía|grafia)|image|picture|pic|credit|crédit|bild|source|quelle|illustration)"
_AGENCIES = r"(?:afp|ap|reuters|epa|efe|dpa|getty images|shutterstock|istock|anadolu|ansa|pa|xinhua|europapress)"
#: Chinese and Japanese: "（记者 陈雨桐 摄）", "图为 ...", "图片来源：", "（写真：...）", and the Japanese
#: caption's closing "(day, place)" note: "（7日、みなと市北谷で）"; Korean: "▲ ...", "사진=NAME"; Thai: "ภาพ: ...",
#: "(ภาพโดย ...)", "... ภาพ: NAME"; Hindi: "फोटो: ...", "(फोटो: ...)", "... बच्चे। तस्वीर: NAME".
_WIDE_CREDIT = (
    r"[（(][^（()）]*[摄攝][）)]|^\s*[图圖]为|^\s*[图圖][／/]|(?:[图圖]片来源|[图圖]源|摄影|攝影|写真|撮影|画像)\s*[：:]"
    r"|[（(]\d{1,2}日[、，][^（()）]*で[）)]\s*$"
    r"|^\s*▲|사진\s?(?:제공)?\s?=\s?\S"
    r"|^\s*ภาพ(?:โดย|จาก|ประกอบ)?\s*:|\(\s*ภาพ(?:โดย|จาก)?\s*:?\s*[^()]*\)|\sภาพ(?:โดย|จาก)?\s*:\s*[^\s:][^:]{0,40}$"
    r"|(?:^\s*|\(\s*|[।.]\s+)(?:फोटो|फ़ोटो|तस्वीर)\s*:\s*[^:।]"
)
_PLAIN_CREDIT = regex.compile(
    rf"\(\s*{_WORDS}\s*:[^)]*\)|^\s*{_WORDS}\s*:\s*\S|\b{_AGENCIES}\s*/\s*\p{{Lu}}|\(\s*(?:[^()/]+/)?{_AGENCIES}\s*/?\s*\)"
    rf"|\b{_WORDS}\s+(?:by|credit|courtesy)\b|\bgetty images\b|©\s*\p{{Lu}}",
    regex.IGNORECASE,
)

CREDIT = OrWide(_PLAIN_CREDIT, _WIDE_CREDIT, "摄攝图圖写撮画日ภ▲사फत")

#: Every form above needs one of these characters (the agency forms, "©"), or one of the words below.
_CREDIT_CHARS = frozenset("(/©（图圖摄攝写撮画ภ▲사फत")
_CREDIT_WORDS = re.compile("photo|foto|image|pic|credit|crédit|bild|source|quelle|illustration|getty")


def credit(text: str) -> float:
    """1.0 when the line carries a photo credit or caption label, else 0.0."""
    if _CREDIT_CHARS.isdisjoint(text) and not _CREDIT_WORDS.search(text.lower()):
        return 0.0
    return 1.0 if CREDIT.search(text) else 0.0
