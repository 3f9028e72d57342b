"""The top of a news file: title, agency line and date. Qt-free.

Part of :func:`reader.text.article.parse_article`: the first few non-blank lines are
looked at, in any order the archives use (the agency may come before or after the date,
either may be missing), and a line that fits none of them starts the body.
"""

from __future__ import annotations

import datetime
import re

from reader.text.lines import (
    BULLET,
    LETTER,
    SENTENCE_END,
    SEPARATORS,
    WORD,
    clean,
    fold,
    is_decoration,
)
from reader.text.normalize import fold_alef

__all__ = ["parse_header"]

_TITLE_MAX_CHARS = 200  # a longer first line is body text, not a headline
_HEADER_SCAN_LINES = 5  # non-blank lines examined for title / agency / date
_AGENCY_MAX_CHARS = 60
_AGENCY_MAX_WORDS = 8
_DATE_LINE_MAX_CHARS = 80

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NON_ASCII_DIGIT = re.compile("[٠-٩۰-۹]")

_WS_RUN = re.compile(r"\s+")  # \s covers NBSP, NNBSP, tabs, form feeds ...
_KNOWN_AGENCY = re.compile(
    r"(?<!\w)(?:afp|reuters|ap|dpa|upi|efe|ansa|xinhua|anadolu|ا\W{0,2}ف\W{0,2}ب|رويترز"
    r"|وكالات|الاناضول|د\W{0,2}ب\W{0,2}ا|واس|قنا|وام|سانا|بترا|كونا|شينخوا|الامة برس)(?!\w)",
    re.IGNORECASE,
)

# fmt: off
_MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
    # Arabic (Egypt / Gulf), Levant and Maghreb names, alef-folded
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12, "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5,
    "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12, "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6,
    "جويلية": 7, "اوت": 8,
}
# fmt: on
_MONTH_ALT = "|".join(
    m.replace(" ", r"\s+") for m in sorted(_MONTHS, key=len, reverse=True)
)  # longest first so "september" wins over "sep"
_YEAR = r"((?:19|20)\d\d)"
_DATE_PATTERNS = (
    ("ymd", re.compile(rf"(?<!\d){_YEAR}[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?!\d)")),
    ("dmy", re.compile(rf"(?<!\d)(\d{{1,2}})[-/.](\d{{1,2}})[-/.]{_YEAR}(?!\d)")),
    (
        "d_name_y",
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+)?({_MONTH_ALT})\.?\s*,?\s*{_YEAR}(?!\d)",
            re.IGNORECASE,
        ),
    ),
    (
        "name_d_y",
        re.compile(
            rf"(?<!\w)({_MONTH_ALT})\.?\s*(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*{_YEAR}(?!\d)",
            re.IGNORECASE,
        ),
    ),
)
# Every date pattern holds a year "19xx" or "20xx" (in any of the digits _DIGITS folds): a
# line without one is no date line, and most header lines are decided by this one search.
_YEAR_START = re.compile("[1\u0661\u06f1][9\u0669\u06f9]|[2\u0662\u06f2][0\u0660\u06f0]")
_TIME = re.compile(
    r"(?:T|(?<!\d))\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"(?:\s*(?:[ap]\.?m\.?|ص|م)(?!\w))?(?:\s*(?:z|utc|gmt)(?!\w))?(?:\s*[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)
# Words that may share a line with a date without making it anything but a date line.
# fmt: off
_DATE_LABELS = frozenset({
    "published", "updated", "posted", "modified", "created", "date", "on", "at", "last",
    "utc", "gmt", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "نشر", "في", "بتاريخ", "تاريخ", "النشر", "اخر", "تحديث", "التحديث", "اليوم", "م",
    "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
})
# fmt: on


def _find_date(s: str) -> tuple[int, int, datetime.date | None] | None:
    """Earliest date in ``s`` (ASCII digits, alef-folded) as (start, end, date or None)."""
    best: tuple[int, int, datetime.date | None] | None = None
    for kind, pattern in _DATE_PATTERNS:
        m = pattern.search(s)
        if m is None or (best is not None and m.start() >= best[0]):
            continue
        g = m.groups()
        if kind == "ymd":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif kind == "dmy":
            a, b, y = int(g[0]), int(g[1]), int(g[2])
            # Day first (the Arab and European norm) unless only month-first makes sense.
            d, mo = (b, a) if a <= 12 < b else (a, b)
        else:
            day, name = (g[0], g[1]) if kind == "d_name_y" else (g[1], g[0])
            # .get: IGNORECASE also matches odd case variants (e.g. dotless ı) not in the table
            month = _MONTHS.get(_WS_RUN.sub(" ", name.casefold()))
            if month is None:
                continue
            y, mo, d = int(g[2]), month, int(day)
        try:
            date: datetime.date | None = datetime.date(y, mo, d)
        except ValueError:
            date = None  # right shape, impossible value: still a header line
        best = (m.start(), m.end(), date)
    return best


def _looks_like_agency(line: str) -> bool:
    return (
        0 < len(line) <= _AGENCY_MAX_CHARS
        and len(line.split()) <= _AGENCY_MAX_WORDS
        and line[-1] not in SENTENCE_END
        and BULLET.match(line) is None
        and LETTER.search(line) is not None
    )


def _date_line(line: str, *, first: bool) -> tuple[bool, datetime.date | None, str]:
    """Is ``line`` a header date line? Returns (is_date_line, date, agency found beside it)."""
    if len(line) > _DATE_LINE_MAX_CHARS or _YEAR_START.search(line) is None:
        return False, None, ""
    # Length-preserving, so spans stay valid.
    ascii_digits = line.translate(_DIGITS) if _NON_ASCII_DIGIT.search(line) else line
    found = _find_date(fold_alef(ascii_digits))
    if found is None:
        return False, None, ""
    start, end, date = found
    rest = _TIME.sub(" ", ascii_digits[:start] + " " + ascii_digits[end:])
    rest = clean(rest).strip(SEPARATORS)
    if all(w in _DATE_LABELS for w in WORD.findall(fold(rest))):
        return True, date, ""
    # Otherwise only a short non-sentence line below the title, e.g. "AFP - 15/09/2023".
    if first or line[-1] in SENTENCE_END:
        return False, None, ""
    agency = rest if _looks_like_agency(rest) and not re.search(r"\d", rest) else ""
    return True, date, agency


def parse_header(lines: list[str]) -> tuple[str, str, datetime.date | None, int]:
    """Find title, agency and date at the top of a file's ``lines`` (cleaned, see
    reader.text.lines.clean). Returns them and the index of the first body line."""
    title = source = ""
    date: datetime.date | None = None
    date_seen = False
    body_start = 0
    # The first non-blank, non-decoration lines: those scanned, and whether one more follows.
    candidates: list[int] = []
    for i, c in enumerate(lines):
        if c and not is_decoration(c):
            candidates.append(i)
            if len(candidates) > _HEADER_SCAN_LINES:
                break
    for n, i in enumerate(candidates[:_HEADER_SCAN_LINES]):
        line = lines[i]
        is_date, found_date, agency = _date_line(line, first=not title)
        if is_date:
            if not date_seen:
                date, date_seen = found_date, True
            if agency and not source:
                source = agency
            body_start = i + 1
            continue
        if not title:
            if len(line) > _TITLE_MAX_CHARS:
                break  # no headline: the body starts here, title comes from it later
            title, body_start = line, i + 1
            continue
        if source or not _looks_like_agency(line):
            break
        # A short line under the title is the agency when something backs it up; a lone
        # short line after the title is more likely a one-line body.
        if date_seen or _KNOWN_AGENCY.search(fold_alef(line)) or n + 1 < len(candidates):
            source, body_start = line, i + 1
            continue
        break
    return title, source, date, body_start
