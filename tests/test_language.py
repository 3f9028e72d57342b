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
    ("texts", "expected"),
    [
        *((v, PERSIAN) for v in _variants(PERSIAN_TEXT)),
        *((v, URDU) for v in _variants(URDU_TEXT)),
        ([SEED_FILE.read_text("utf-8")], ARABIC),
        (["الْعَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ", "قَالَ الْمُتَحَدِّثُ إِنَّ الِاجْتِمَاعَ فِي الرِّيَاضِ"], ARABIC),
        ([ENGLISH_ARTICLE], ENGLISH),
        (["Le ministre a déclaré lundi que les négociations reprendraient"], UNKNOWN),
        (["2023-09-15 12:30"], UNKNOWN),
        ([""], UNKNOWN),
    ],
)
def test_article_language(texts, expected):
    assert article_language(texts) == expected


def test_only_the_opening_is_read():
    huge = ["مقال"] + ["في هذا اليوم قال الوزير إن الاجتماع على ما يرام"] * 100_000
    assert article_language(iter(huge)) == ARABIC
