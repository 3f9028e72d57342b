"""The top of a news file: title, source line and date. Qt-free.

Part of :func:`reader.text.article.parse_article`: the first few non-blank lines are
looked at, in any order the archives use (the source line may come before or after the
date, either may be missing), and a line that fits none of them starts the body.

The header's own date line (a date, perhaps with a time, a weekday, a Hijri date and labels
like "نشر في" or "Updated") is found within a few lines under the title whatever the lines
above it look like: those are the source line, however the site wrote it. A source line
that carries a date of its own gives it only when the header has no date line.
"""

from __future__ import annotations

import datetime
import re

from reader.text.dates import GREGORIAN_MONTHS, HIJRI_MONTHS
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
from reader.text.sanitize import INVISIBLE, char_class

__all__ = ["parse_header"]

_TITLE_MAX_CHARS = 200  # a longer first line is body text, not a headline
_HEADER_SCAN_LINES = 5  # non-blank lines examined for title / agency / date
_AGENCY_MAX_CHARS = 60
_AGENCY_MAX_WORDS = 8
_DATE_LINE_MAX_CHARS = 80  # a date line with other words in it than labels
# Source lines the header holds above its date line: more, or a longer one, are body text.
_SOURCE_LINES_ABOVE_DATE = 2
_DATE_LINE_EXTRA_WORDS = 2  # words beside a date that are no label: "العدد 1234"
_BYLINE_MAX_CHARS = 200  # reader.text.byline.MAX_CHARS: a longer line is text (tested)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NON_ASCII_DIGIT = re.compile("[٠-٩۰-۹]")

# Harakat, tatweel and invisible characters: none of them changes what a date line says.
_NOT_PLAIN = re.compile(f"[\u064b-\u065f\u0670\u0640{char_class(INVISIBLE)[1:-1]}]+")
_WS_RUN = re.compile(r"\s+")  # \s covers NBSP, NNBSP, tabs, form feeds ...
_KNOWN_AGENCY = re.compile(
    r"(?<!\w)(?:afp|reuters|ap|dpa|upi|efe|ansa|xinhua|anadolu|ا\W{0,2}ف\W{0,2}ب|رويترز"
    r"|وكالات|الاناضول|د\W{0,2}ب\W{0,2}ا|واس|قنا|وام|سانا|بترا|كونا|شينخوا|الامة برس)(?!\w)",
    re.IGNORECASE,
)

# Compared after alef folding and case folding, as the line is.
_MONTHS = {
    fold_alef(name).casefold(): number
    for number, names in GREGORIAN_MONTHS.items()
    for name in names.split("/")
}
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
    "نشر", "في", "بتاريخ", "تاريخ", "التاريخ", "النشر", "اخر", "تحديث", "التحديث", "اليوم", "م",
    "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
    "am", "pm", "الساعة", "صباحا", "مساء", "مساءا", "ظهرا", "عصرا", "فجرا", "ليلا", "بتوقيت",
    "مكة", "المكرمة", "غرينتش", "جرينتش", "ksa", "الموافق", "ميلادي", "ميلادية",
    # a Hijri date beside the Gregorian one: "25 شوال 1436 هـ" (the month names below)
    "ه", "هجري", "هجرية", "للهجرة",
    # a print edition's number: "العدد 15432 - 15 سبتمبر 2023"
    "العدد", "السنة",
}) | {fold_alef(word) for word in HIJRI_MONTHS.replace("/", " ").split()}
# fmt: on
# A label that is a paper's name too: "أغسطس 5, 2015, 3:30 ص-اليوم" is al-Yaum's source line.
_PAPER_LABELS = frozenset({"اليوم"})
_PART_SEPARATORS = frozenset(SEPARATORS.replace(" ", "") + "\u060c\u061b\u0640«»")
_SENTENCE_STOP = ".!?\u061f\u2026\u06d4"  # what a body sentence ends with, unlike a byline's ":"


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


_NOT_DATED, _DATE, _DATED_SOURCE, _DATED_TEXT = range(4)
_Dated = tuple[int, datetime.date | None, str]  # what _date_line says of a line
_NO_DATE: _Dated = (_NOT_DATED, None, "")


def _date_line(line: str, *, first: bool) -> _Dated:
    """What a line holding a date is in a header: (_DATE, date, "") for a date line,
    (_DATED_SOURCE, date, the source it gives) for a source line carrying a date,
    (_DATED_TEXT, ...) for text that mentions a date, else _NO_DATE. ``first``: no title
    yet, where only a line that is all date counts."""
    if len(line) > _BYLINE_MAX_CHARS or _YEAR_START.search(line) is None:
        return _NO_DATE
    plain = _NOT_PLAIN.sub("", line) if _NOT_PLAIN.search(line) else line
    if _NON_ASCII_DIGIT.search(plain):
        plain = plain.translate(_DIGITS)  # length-preserving, so spans stay valid
    found = _find_date(fold_alef(plain))
    if found is None:
        return _NO_DATE
    start, end, date = found
    rest = plain[:start] + " " + plain[end:]
    for _ in range(2):  # "نشر في ... - آخر تحديث ...": a second date is no other word
        more = _find_date(fold_alef(rest)) if _YEAR_START.search(rest) else None
        if more is None:
            break
        rest = rest[: more[0]] + " " + rest[more[1] :]
    rest = clean(_TIME.sub(" ", rest)).strip(SEPARATORS)
    words = WORD.findall(fold(rest))
    extra = [w for w in words if w not in _DATE_LABELS and not w.isdigit()]
    if not extra:
        if not first and _PAPER_LABELS.intersection(words) and _source_line(line):
            return _DATED_SOURCE, date, line
        return _DATE, date, ""
    if first:
        return _NO_DATE
    short = len(line) <= _DATE_LINE_MAX_CHARS and line[-1] not in SENTENCE_END
    few = len(extra) <= _DATE_LINE_EXTRA_WORDS
    # "AFP - 15/09/2023" gives "AFP", as it always did (it is in the article's id); a
    # sentence fragment beside a date ("وصل الوفد يوم") is no agency.
    agency = short and _looks_like_agency(rest) and re.search(r"\d", rest) is None
    if agency and few:
        return _DATED_SOURCE, date, rest
    if _source_line(line):
        return _DATED_SOURCE, date, rest if agency else line
    return (_DATE, date, "") if short and few else (_DATED_TEXT, date, "")


def _source_line(line: str) -> bool:
    """Is ``line`` under a title a source line, in the byline parser's judgement?"""
    if len(line) > _BYLINE_MAX_CHARS:
        return False
    # Imported when first needed, not with this module: its tables take ~25 ms to build,
    # and most headers (the pane opens one on the GUI thread) are decided without it.
    from reader.text.byline import looks_like_byline

    return looks_like_byline(line)


def _lead_in(line: str) -> bool:
    """ "Highlights:", "وأضاف:": one phrase and a colon, which opens the text under it. (A
    source line ending so has parts: "سبق- تبوك:", "الرياض - الوئام :".)"""
    return line[-1] == ":" and not any(c in _PART_SEPARATORS for c in line[:-1].rstrip())


def _source_below_title(line: str) -> bool:
    """A source line the agency rule missed ("سبق- تبوك:"), where no date line backs it."""
    # A line that ends a sentence is body text (and costs the byline parser nothing).
    return line[-1] not in _SENTENCE_STOP and not _lead_in(line) and _source_line(line)


def _source_above_date(above: list[tuple[str, _Dated]]) -> int | None:
    """Which of the lines between a title and a date line is the source line; None if
    they are no header: then they are body text, and the date line after them too."""
    if any(d[0] == _DATED_TEXT for _, d in above):
        return None  # "وصل الوفد يوم 15 سبتمبر 2023": text
    if len(above) == 1 and above[0][0][-1] not in _SENTENCE_STOP:
        return 0  # the common case, which needs no byline parser
    bylines = [d[0] == _DATED_SOURCE or _source_line(line) for line, d in above]
    if any(
        line[-1] in _SENTENCE_STOP and not b for (line, _), b in zip(above, bylines, strict=True)
    ):
        return None  # a sentence: the body has started
    if not any(bylines):
        return None  # lines of text, not a subtitle and a byline
    return bylines.index(True)


def parse_header(lines: list[str]) -> tuple[str, str, datetime.date | None, int]:
    """Find title, source line and date at the top of a file's ``lines`` (cleaned, see
    reader.text.lines.clean). Returns them and the index of the first body line."""
    title = source = ""
    date: datetime.date | None = None  # from the header's date line
    source_date: datetime.date | None = None  # a source line's own: the date line's wins
    date_seen = False
    body_start = 0
    # The first non-blank, non-decoration lines: those scanned, and whether one more follows.
    candidates: list[int] = []
    for i, c in enumerate(lines):
        if c and not is_decoration(c):
            candidates.append(i)
            if len(candidates) > _HEADER_SCAN_LINES:
                break
    scan = candidates[:_HEADER_SCAN_LINES]
    n = 0
    while n < len(scan):  # date lines above the title
        kind, found, _ = _date_line(lines[scan[n]], first=True)
        if kind != _DATE:
            break
        date, date_seen = date or found, True
        body_start = scan[n] + 1
        n += 1
    if n == len(scan) or len(lines[scan[n]]) > _TITLE_MAX_CHARS:
        return title, source, date, body_start  # no headline: the body starts here
    title, body_start = lines[scan[n]], scan[n] + 1
    n += 1

    # The date line a few lines down: what is above it is the source line, however it is
    # written, unless there are more lines than a header holds or one is body-length.
    ahead = n
    dated: list[_Dated] = []  # _date_line of scan[ahead:], as far as it was needed
    for i in scan[ahead : ahead + _SOURCE_LINES_ABOVE_DATE + 1]:
        dated.append(_date_line(lines[i], first=False))
        if dated[-1][0] == _DATE or len(lines[i]) > _BYLINE_MAX_CHARS:
            break
    if len(dated) > 1 and dated[-1][0] == _DATE:
        above = [(lines[i], d) for i, d in zip(scan[ahead:], dated[:-1], strict=False)]
        chosen = _source_above_date(above)
        if chosen is not None:
            line, (kind, _, text) = above[chosen]
            source = text if kind == _DATED_SOURCE else line
            source_date = next((d[1] for _, d in above if d[1] is not None), None)
            n += len(above)
            body_start = scan[n - 1] + 1

    # Then date lines, and one source line if there was none yet.
    for k in range(n, len(scan)):
        i = scan[k]
        line = lines[i]
        kind, found, text = (
            dated[k - ahead] if k - ahead < len(dated) else _date_line(line, first=False)
        )
        if kind == _DATE:
            date, date_seen = date or found, True  # the first that is a date
        elif kind == _DATED_SOURCE:
            source = source or text
            source_date = source_date or found
        elif (
            kind == _DATED_TEXT
            or source
            or not (_looks_like_agency(line) or _source_below_title(line))
        ):
            break
        # A short line under the title is the source when something backs it up; a lone
        # short line after the title is more likely a one-line body.
        elif date_seen or _KNOWN_AGENCY.search(fold_alef(line)) or k + 1 < len(candidates):
            source = line
        else:
            break
        body_start = i + 1
    return title, source, date if date is not None else source_date, body_start
