"""The line under an article's title: agency · date · reading time, in the article's language."""

from __future__ import annotations

import datetime as dt

from reader.text.article import Article

ARABIC_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(date: dt.date, direction: str) -> str:
    months = ARABIC_MONTHS if direction == "rtl" else ENGLISH_MONTHS
    return f"{date.day} {months[date.month - 1]} {date.year}"


def format_reading_time(minutes: int, direction: str) -> str:
    if direction != "rtl":
        return f"{minutes} min read"
    # Arabic counts: 1 دقيقة, 2 دقيقتان, 3–10 دقائق, 11 and up دقيقة.
    if minutes == 1:
        return "قراءة في دقيقة واحدة"
    if minutes == 2:
        return "قراءة في دقيقتين"
    if 3 <= minutes <= 10:
        return f"قراءة في {minutes} دقائق"
    return f"قراءة في {minutes} دقيقة"


def meta_line(article: Article, direction: str) -> str:
    parts = [article.source] if article.source else []
    if article.date is not None:
        parts.append(format_date(article.date, direction))
    parts.append(format_reading_time(article.reading_minutes(), direction))
    return " · ".join(parts)
