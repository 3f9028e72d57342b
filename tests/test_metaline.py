"""The meta line under the title: in the article's language, with the digits and the Hijri
date the user chose."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.text.language import ARABIC, ENGLISH, PERSIAN, UNKNOWN, URDU
from reader.text.metaline import (
    format_date,
    format_hijri,
    format_reading_time,
    localize_digits,
    meta_line,
)

SEPT_15 = dt.date(2023, 9, 15)  # 30 Safar 1445 in the Umm al-Qura calendar


def test_seed_like_meta_line():
    assert meta_line("أ ف ب-الامة برس", SEPT_15, 4, ARABIC) == (
        "أ ف ب-الامة برس · 15 سبتمبر 2023 · قراءة في 4 دقائق"
    )


@pytest.mark.parametrize(
    "minutes, text",
    [(1, "قراءة في دقيقة واحدة"), (2, "قراءة في دقيقتين"), (4, "قراءة في 4 دقائق"),
     (10, "قراءة في 10 دقائق"), (11, "قراءة في 11 دقيقة")],
)  # fmt: skip
def test_arabic_reading_time_agrees_with_the_number(minutes, text):
    assert format_reading_time(minutes, ARABIC) == text


@pytest.mark.parametrize(
    ("language", "date", "minutes"),
    [
        (ARABIC, "15 سبتمبر 2023", "قراءة في 3 دقائق"),
        (PERSIAN, "15 سپتامبر 2023", "3 دقیقه مطالعه"),
        (URDU, "15 ستمبر 2023", "3 منٹ کا مطالعہ"),
        (ENGLISH, "15 September 2023", "3 min read"),
    ],
)
def test_each_language_gets_its_own_words(language, date, minutes):
    assert format_date(SEPT_15, language) == date
    assert format_reading_time(3, language) == minutes
    assert meta_line("", SEPT_15, 3, language) == f"{date} · {minutes}"


def test_no_words_rather_than_the_wrong_language():
    assert meta_line("AFP", SEPT_15, 3, UNKNOWN) == "AFP · 2023-09-15"
    assert "قراءة" not in meta_line("", SEPT_15, 3, PERSIAN)
    assert "قراءة" not in meta_line("", SEPT_15, 3, URDU)


def test_every_month_has_its_name():
    for language in (ARABIC, PERSIAN, URDU, ENGLISH):
        names = [format_date(dt.date(2024, m, 1), language).split()[1] for m in range(1, 13)]
        assert len(set(names)) == 12, language


def test_native_digits_follow_the_language_and_spare_the_source():
    line = meta_line("وكالة 24", SEPT_15, 4, ARABIC, native_digits=True)
    assert line == "وكالة 24 · ١٥ سبتمبر ٢٠٢٣ · قراءة في ٤ دقائق"
    persian = meta_line("", SEPT_15, 4, PERSIAN, native_digits=True)
    assert persian == "۱۵ سپتامبر ۲۰۲۳ · ۴ دقیقه مطالعه"  # the extended forms: ۴ not ٤
    assert (
        meta_line("", SEPT_15, 4, ENGLISH, native_digits=True) == "15 September 2023 · 4 min read"
    )
    assert localize_digits("2023", False) == "2023"


def test_hijri_date_beside_the_gregorian_one():
    assert format_hijri(SEPT_15, ARABIC) == "30 صفر 1445 هـ"
    assert format_hijri(SEPT_15, ENGLISH) == "30 Safar 1445 AH"
    line = meta_line("", SEPT_15, 4, ARABIC, hijri=True, native_digits=True)
    assert line == "١٥ سبتمبر ٢٠٢٣ (٣٠ صفر ١٤٤٥ هـ) · قراءة في ٤ دقائق"
    assert format_hijri(dt.date(2024, 3, 11), ARABIC) == "1 رمضان 1445 هـ"


def test_dates_outside_the_hijri_tables_have_no_hijri_part():
    old = dt.date(1900, 1, 1)
    assert format_hijri(old, ARABIC) == ""
    assert meta_line("", old, 1, ARABIC, hijri=True) == "1 يناير 1900 · قراءة في دقيقة واحدة"
