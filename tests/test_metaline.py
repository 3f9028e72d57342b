from __future__ import annotations

import datetime as dt

import pytest

from reader.text.article import parse_article
from reader.text.metaline import format_date, format_reading_time, meta_line

from conftest import SEED_FILE


def test_seed_meta_line():
    article = parse_article(SEED_FILE.read_text(encoding="utf-8"))
    minutes = article.reading_minutes()
    assert meta_line(article, "rtl") == (
        f"أ ف ب-الامة برس · 15 سبتمبر 2023 · {format_reading_time(minutes, 'rtl')}"
    )


@pytest.mark.parametrize(
    "minutes, text",
    [(1, "قراءة في دقيقة واحدة"), (2, "قراءة في دقيقتين"), (4, "قراءة في 4 دقائق"),
     (10, "قراءة في 10 دقائق"), (11, "قراءة في 11 دقيقة")],
)  # fmt: skip
def test_arabic_reading_time_agrees_with_the_number(minutes, text):
    assert format_reading_time(minutes, "rtl") == text


def test_every_month_has_its_name():
    arabic = [format_date(dt.date(2024, m, 1), "rtl").split()[1] for m in range(1, 13)]
    assert arabic[0] == "يناير" and arabic[8] == "سبتمبر" and len(set(arabic)) == 12
    assert format_date(dt.date(2023, 9, 15), "ltr") == "15 September 2023"
    assert format_reading_time(3, "ltr") == "3 min read"
