"""The line under an article's title: source · date · reading time, in the article's own
language (Arabic, Persian, Urdu, English; no words at all rather than the wrong ones), with
the Umm al-Qura Hijri date beside the Gregorian one when asked. Qt-free.

The Hijri date comes from ``hijridate`` (the Umm al-Qura tables, 1343–1500 AH); a date
outside them simply has no Hijri part.
"""

from __future__ import annotations

import datetime as dt

from reader.text.language import ARABIC, ENGLISH, PERSIAN, URDU

__all__ = ["format_date", "format_hijri", "format_reading_time", "localize_digits", "meta_line"]

# fmt: off
_MONTHS = {
    ARABIC: ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
             "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    PERSIAN: ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
              "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"),
    URDU: ("جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون",
           "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"),
    ENGLISH: ("January", "February", "March", "April", "May", "June",
              "July", "August", "September", "October", "November", "December"),
}
# fmt: on
# The Hijri era's abbreviation as each language writes it.
_HIJRI_ERA = {ARABIC: "هـ", PERSIAN: "ق", URDU: "ھ", ENGLISH: "AH"}
# Digits as each language writes them, for the Arabic-Indic digits setting: Arabic uses
# U+0660.., Persian and Urdu the extended forms U+06F0.. (their 4, 5 and 6 differ).
_DIGITS = {
    ARABIC: str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
    PERSIAN: str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
    URDU: str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
}


def localize_digits(text: str, native: bool, language: str = ARABIC) -> str:
    """``text`` with its ASCII digits in the language's own, when ``native`` (and the
    language has digits of its own)."""
    table = _DIGITS.get(language) if native else None
    return text.translate(table) if table else text


def format_date(date: dt.date, language: str) -> str:
    months = _MONTHS.get(language)
    if months is None:
        return date.isoformat()  # no month names rather than another language's
    return f"{date.day} {months[date.month - 1]} {date.year}"


def format_hijri(date: dt.date, language: str) -> str:
    """The Umm al-Qura date, e.g. "30 صفر 1445 هـ"; "" outside the calendar's tables."""
    from hijridate import Gregorian

    try:
        hijri = Gregorian(date.year, date.month, date.day).to_hijri()
    except (OverflowError, ValueError):
        return ""
    if language not in _HIJRI_ERA:
        return hijri.isoformat()
    names = "en" if language == ENGLISH else "ar"  # Persian and Urdu use the Arabic names
    return f"{hijri.day} {hijri.month_name(names)} {hijri.year} {_HIJRI_ERA[language]}"


def format_reading_time(minutes: int, language: str) -> str:
    """ "" for a language without words here: the number alone would say nothing."""
    if language == ARABIC:
        # Arabic counts: 1 دقيقة, 2 دقيقتان, 3–10 دقائق, 11 and up دقيقة.
        if minutes == 1:
            return "قراءة في دقيقة واحدة"
        if minutes == 2:
            return "قراءة في دقيقتين"
        if 3 <= minutes <= 10:
            return f"قراءة في {minutes} دقائق"
        return f"قراءة في {minutes} دقيقة"
    if language == PERSIAN:
        return f"{minutes} دقیقه مطالعه"
    if language == URDU:
        return f"{minutes} منٹ کا مطالعہ"
    if language == ENGLISH:
        return f"{minutes} min read"
    return ""


def meta_line(
    source: str,
    date: dt.date | None,
    minutes: int,
    language: str,
    *,
    native_digits: bool = False,
    hijri: bool = False,
) -> str:
    """``source`` · the date (and its Hijri date) · the reading time; absent parts left out.

    The source is the article's own text and keeps its digits; ours follow the setting.
    """
    ours = []
    if date is not None:
        when = format_date(date, language)
        hijri_date = format_hijri(date, language) if hijri else ""
        ours.append(f"{when} ({hijri_date})" if hijri_date else when)
    ours.append(format_reading_time(minutes, language))
    ours = [localize_digits(part, native_digits, language) for part in ours if part]
    return " · ".join([source, *ours] if source else ours)
