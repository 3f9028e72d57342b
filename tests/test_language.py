"""The language an article is written in, for the words of its meta line."""

from __future__ import annotations

import pytest

from reader.text.language import ARABIC, ENGLISH, PERSIAN, UNKNOWN, URDU, article_language

from conftest import ENGLISH_ARTICLE, SEED_FILE

PERSIAN_TEXT = [
    "سفر رئیس‌جمهور به نیویورک",
    "رئیس‌جمهور روز دوشنبه برای شرکت در نشست سالانه سازمان ملل به نیویورک رفت. او گفت که"
    " این سفر برای گفت‌وگو با رهبران جهان است و ایران را در این نشست نمایندگی می‌کند.",
]
URDU_TEXT = [
    "پاکستان میں مون سون کی بارشیں",
    "محکمہ موسمیات کے مطابق ملک کے بیشتر حصوں میں تیز ہواؤں کے ساتھ بارش کا امکان ہے اور"
    " شہریوں کو احتیاط کرنے کی ہدایت کی گئی ہے۔",
]


def _variants(texts: list[str]) -> list[list[str]]:
    """The same text as found in real files: harakat, windows-1256 letters, NBSP, ZWNJ gone."""
    joined = "\n".join(texts)
    return [
        texts,
        [joined.replace("\u06cc", "\u064a").replace("\u06a9", "\u0643")],  # cp1256 style
        [joined.replace(" ", "\u00a0", 3)],
        [joined.replace("\u200c", "")],
    ]


@pytest.mark.parametrize(
    ("texts", "direction", "expected"),
    [
        *((v, "rtl", PERSIAN) for v in _variants(PERSIAN_TEXT)),
        *((v, "rtl", URDU) for v in _variants(URDU_TEXT)),
        ([SEED_FILE.read_text("utf-8")], "rtl", ARABIC),
        (["الْعَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ", "قَالَ الْمُتَحَدِّثُ إِنَّ الِاجْتِمَاعَ فِي الرِّيَاضِ"], "rtl", ARABIC),
        ([ENGLISH_ARTICLE], "ltr", ENGLISH),
        (["Le ministre a déclaré lundi que les négociations reprendraient"], "ltr", UNKNOWN),
        (["2023-09-15 12:30"], "ltr", UNKNOWN),
        (["2023-09-15 12:30"], "rtl", ARABIC),  # nothing to go by: the rtl default
        ([""], "ltr", UNKNOWN),
        ([], "ltr", UNKNOWN),
    ],
)
def test_article_language(texts, direction, expected):
    assert article_language(texts, direction) == expected


def test_a_long_english_quote_opening_an_arabic_article():
    english = " ".join(["The minister said the talks would resume next week in Geneva."] * 400)
    arabic = ["في هذا اليوم قال الوزير إن الاجتماع على ما يرام وإن المحادثات ستستأنف"] * 18
    assert article_language(["عنوان عربي", english, *arabic], "rtl") == ARABIC


def test_a_huge_article_costs_no_more_than_a_short_one():
    huge = ["مقال"] + ["في هذا اليوم قال الوزير إن الاجتماع على ما يرام"] * 100_000
    assert article_language(huge, "rtl") == ARABIC
