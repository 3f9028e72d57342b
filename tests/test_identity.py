"""Article ids are what bookmarks, marks and reading state are keyed by: they never change.

Pinned for a varied set of articles when the parser, the word counter and the id moved to
their own modules; any refactoring that changes one of these loses users' bookmarks.
"""

from __future__ import annotations

import pytest

from reader.text.article import parse_article
from reader.text.identity import article_id

from conftest import ENGLISH_ARTICLE, SEED_FILE, long_body

SEED = SEED_FILE.read_text("utf-8")

CASES = {
    "seed": (SEED, "7f10ad221cd2a1e7"),
    "seed_crlf": (SEED.replace("\n", "\r\n"), "7f10ad221cd2a1e7"),
    "seed_nbsp": (SEED.replace(" ", "\u00a0", 40), "7f10ad221cd2a1e7"),
    "english": (ENGLISH_ARTICLE, "3cccd5f359607376"),
    "harakat": (
        "الْعَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ\nواس\n2021-03-04\n\nقَالَ الْمُتَحَدِّثُ إِنَّ الِاجْتِمَاعَ سَيُعْقَدُ غَدًا.\n",
        "53ea82660555e0e4",
    ),
    "zero_width": (
        "\u200bعنوان\u200c الخبر\nرويترز\n2020-01-02\n\nنص\u200d الخبر هنا.\n",
        "769f6424f60600b6",
    ),
    "no_title": ("هذا نص طويل جدا " * 30 + "\n\nفقرة ثانية.\n", "4280e4a3be4a7686"),
    "date_only": ("عنوان فقط\n15 سبتمبر 2023\n\nنص قصير.\n", "a3bed6f01bbfb3d6"),
    "persian": (
        "خبر فارسی\nایرنا\n2022-05-06\n\nاین یک متن فارسی است که برای آزمایش نوشته شده است.\n",
        "9c57c0d91b40fe07",
    ),
    "giant_paragraph": (
        "عنوان\nأ ف ب\n2023-09-15\n\n" + long_body(200_000, " ") + "\n",
        "64d6d205b2a20f6c",
    ),
    "no_space_blob": ("عنوان\n\n" + "ب" * 70_000 + "\n", "007acc030fcca70b"),
    "many_short": (
        "عنوان\n\n" + "\n\n".join(f"فقرة {i} قصيرة." for i in range(100)) + "\n",
        "d5a984e4ed0e0101",
    ),
    "presentation_forms": ("ﻻ ﷺ عنوان\n\nﺑﺴﻢ ﷲ نص.\n", "0920d77de57fd448"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_article_ids_never_change(name):
    text, expected = CASES[name]
    assert article_id(parse_article(text)) == expected
