"""Turn a decoded news text file into a structured :class:`Article`.

Qt-free on purpose: the UI renders the blocks, the library keys bookmarks by
:func:`article_id`. Everything here is heuristic and tuned for scraped news
archives (Arabic first, English too); the thresholds live in the constants below.

Expected layout (every part optional, real archives are messy)::

    title
    agency line            e.g. "أ ف ب-الامة برس" (may come after the date)
    date line              e.g. "2023-09-15", "15/09/2023", "15 سبتمبر 2023"
    caption (أ ف ب)   first paragraph ...     <- photo caption fused with ≥2 spaces
    paragraph ...
    - subheading -                              <- framed by -, – or —
    paragraph ...
    كاريكاتير                                   <- site navigation, dropped at the end only
"""

from __future__ import annotations

import codecs
import datetime
import enum
import hashlib
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["Article", "Block", "BlockKind", "article_id", "parse_article"]


class BlockKind(enum.StrEnum):
    CAPTION = "caption"
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str  # one line, whitespace collapsed to single spaces, stripped, never empty


@dataclass(frozen=True, slots=True)
class Article:
    # Title rule: the first header line, whitespace-collapsed. If the file has no usable
    # headline (the first line is body-length text), it is the first words of the body
    # plus "…". It is "" only when the file has no text at all (empty, blank or date-only);
    # the UI should then show the file name, which this module never sees.
    title: str
    source: str  # agency line, "" if none detected
    date: datetime.date | None  # None if absent or invalid (e.g. 2023-02-30)
    blocks: tuple[Block, ...]  # body only, boilerplate tail removed

    @property
    def words(self) -> int:
        """Words in the title and all blocks (tokens containing a letter or digit)."""
        return _count_words_in((self.title, *(b.text for b in self.blocks)))

    def reading_minutes(self, wpm: int = 180) -> int:
        """Estimated reading time, rounded up, at least one minute."""
        if wpm <= 0:
            raise ValueError(f"wpm must be positive, got {wpm}")
        return max(1, math.ceil(self.words / wpm))


# --- tuning -------------------------------------------------------------------------------

_TITLE_MAX_CHARS = 200  # a longer first line is body text, not a headline
_TITLE_EXCERPT_WORDS = 12
_HEADER_SCAN_LINES = 5  # non-blank lines examined for title / agency / date
_AGENCY_MAX_CHARS = 60
_AGENCY_MAX_WORDS = 8
_DATE_LINE_MAX_CHARS = 80
_SUBHEADING_MAX_CHARS = 200
_CREDIT_MAX_CHARS = 30
_CREDIT_MAX_WORDS = 4
_CAPTION_MIN_WORDS = 3  # before the credit; fewer is a dateline like "سيول (أ ف ب)"
_CAPTION_MAX_CHARS = 400
_WRAP_MAX_CHARS = 150  # groups with longer lines are not hard-wrapped prose
_WRAP_MIN_FILL = 0.6  # a wrapped line fills most of the group's width
_ID_BODY_WORDS = 64  # enough to tell articles apart, short enough to ignore tail edits
_EXCERPT_MAX_CHARS = 1000  # 12 words are never this long, unless a "word" is a blob of text
_BOILERPLATE_MAX_CHARS = 100  # navigation lines are short: a longer line is not even folded

# Long texts are worked on in slices of about this many characters, so that no single C call
# (split, join, translate, a regex scan) holds the interpreter for more than a fraction of a
# millisecond per slice: small libraries are indexed on a thread of the GUI's own process,
# and one call over a 2 MB line froze the window for a tenth of a second. Normal articles
# (a few thousand characters) never reach the sliced code paths.
_SLICE = 1 << 15

# Site navigation left at the end of scraped pages. Compared after _fold(), so hamza
# variants (إستطلاعات / استطلاعات) and case need only one entry.
_BOILERPLATE = (
    "كاريكاتير",
    "كاريكاتير اليوم",
    "استطلاعات الرأي",
    "استطلاع الرأي",
    "اقرأ أيضا",
    "اقرأ المزيد",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "الأكثر قراءة",
    "شارك",
    "شارك الخبر",
    "تابعونا",
    "التعليقات",
    "إعلان",
    "Read more",
    "Related",
    "Related articles",
    "Share",
    "Share this",
    "Comments",
    "Advertisement",
)

# --- character classes ----------------------------------------------------------------------

# Zero-width and bidi controls: invisible, so they must not keep a line "non-empty".
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\u061c\ufeff"
)
_STRIP = " " + _INVISIBLE
_DASH = r"\-\u2010-\u2015\u2212"  # hyphen, en/em dashes, minus
_SENTENCE_END = ".!?\u061f\u2026\u06d4:;\u061b,\u060c"  # incl. Arabic ؟ ؛ ،
# A wrapped line that ends like this ends its paragraph too (quotes and brackets included).
_TERMINAL = ".!?\u061f\u2026\u06d4:;\u061b\"'\u201d\u2019\u00bb)]"
_SEPARATORS = " |,\u060c:;/\\\u00b7\u2022()[]" + "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_WS_RUN = re.compile(r"\s+")  # \s covers NBSP, NNBSP, tabs, form feeds ...
_ALNUM = re.compile(r"[^\W_]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W_]+")
_SUBHEADING = re.compile(rf"^[{_DASH}]+ ?(.*?) ?[{_DASH}]+$")
_BULLET = re.compile(rf"^(?:[{_DASH}\u2022\u00b7\u25aa\u25cf\u25e6*]|\d{{1,3}}[.)])")
# "(credit)" followed by a run of ≥2 blanks and more text: a fused photo caption.
_VISIBLE = re.compile(rf"[^\s{_INVISIBLE}]")
_CREDIT = re.compile(r"\(([^()\n]{1,40})\)")
_CREDIT_MAX_SPAN = 42  # what _CREDIT matches at most
_AFTER_CREDIT = re.compile(r"\s{2,}\S")  # what a caption's credit is followed by

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NON_ASCII_DIGIT = re.compile("[٠-٩۰-۹]")

_KNOWN_AGENCY = re.compile(
    r"(?<!\w)(?:afp|reuters|ap|dpa|upi|efe|ansa|xinhua|anadolu|ا\W{0,2}ف\W{0,2}ب|رويترز"
    r"|وكالات|الاناضول|د\W{0,2}ب\W{0,2}ا|واس|قنا|وام|سانا|بترا|كونا|شينخوا|الامة برس)(?!\w)",
    re.IGNORECASE,
)

# --- dates ---------------------------------------------------------------------------------

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


def _fold(s: str) -> str:
    """Comparison key: hamza-less alef, no tatweel, case-folded."""
    return _fold_alef(s).replace("\u0640", "").casefold()


def _fold_alef(s: str) -> str:
    """أ إ آ ٱ → ا. (str.translate looks every character up in a dict; four replace scans
    cost a tenth of that.)"""
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ٱ", "ا")


_BOILERPLATE_KEYS = frozenset(" ".join(_WORD.findall(_fold(b))) for b in _BOILERPLATE)


def _clean(s: str) -> str:
    """Collapse every whitespace run (NBSP included) to one space and strip invisibles."""
    # str.split() and the regex \s agree on what whitespace is; split/join is ~5x faster.
    if len(s) > _SLICE:
        return _clean_long(s)
    return " ".join(s.split()).strip(_STRIP)


def _slices(s: str) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive slices of ``s``, each at most _SLICE characters long and
    ending just after a space when the slice holds one (else maybe inside a word)."""
    start, n = 0, len(s)
    while n - start > _SLICE:
        end = s.rfind(" ", start, start + _SLICE) + 1
        if end <= start:
            end = start + _SLICE
        yield start, end
        start = end
    yield start, n


def _clean_long(s: str) -> str:
    """_clean of a long line, slice by slice: the same result as " ".join(s.split())."""
    out: list[str] = []
    space = False  # whitespace since the last word kept
    for start, end in _slices(s):
        piece = s[start:end]
        words = piece.split()
        if words:
            if out and (space or piece[0].isspace()):
                out.append(" ")
            out.append(" ".join(words))  # no space: the cut was inside a word
            space = piece[-1].isspace()
        else:
            space = True
    return "".join(out).strip(_STRIP)


# Words are whitespace-separated tokens holding a letter or digit ("-", "–", "..." are none).
# They are counted on the text rendered one byte per character by a charmap codec (a C loop
# over a lookup table): "w" for a letter or digit (str.isalnum, as the regex [^\W_]), " " for
# whitespace (str.isspace, as str.split), nothing for anything else; a word is then a run of
# "w" after a space, and bytes.count finds them. The 256 characters of the table are ASCII
# and the everyday characters of Arabic news; any other character reaches an error handler
# that renders it the same way, one by one.
_WORD_TABLE_CHARS = (
    "\u0621-\u064a\u064b-\u0655\u0660-\u066d\u0670\u0671\u060c\u061b\u061f"
    "\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc\u06f0-\u06f9"
    "\u00a0\u00ab\u00bb\u00ad\u00b0\u00b7\u00d7\u00e9"
    "\u2010-\u2015\u2018-\u201f\u2022\u2026\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
)


def _word_class(c: str) -> str:
    return "a" if c.isalnum() else " " if c.isspace() else ""


def _build_word_table() -> tuple[str, bytes, bytes]:
    chars = [chr(cp) for cp in range(128)]
    for start, end in re.findall("(.)(?:-(.))?", _WORD_TABLE_CHARS):
        chars.extend(map(chr, range(ord(start), ord(end or start) + 1)))
    if len(chars) != 256 or len(set(chars)) != 256:
        raise AssertionError("the word table must hold 256 characters")  # pragma: no cover
    classes = [_word_class(c) for c in chars]
    fold = bytes(ord("w") if cls == "a" else ord(" ") for cls in classes)
    delete = bytes(i for i, cls in enumerate(classes) if not cls)
    return "".join(chars), fold, delete


_WORD_TABLE, _WORD_FOLD, _WORD_DELETE = _build_word_table()
_WORD_MAP = codecs.charmap_build(_WORD_TABLE)
_WORD_ERRORS = "qari-word-classes"


def _render_word_classes(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):  # pragma: no cover - only used to encode
        raise exc
    return "".join(map(_word_class, exc.object[exc.start : exc.end])), exc.end


codecs.register_error(_WORD_ERRORS, _render_word_classes)


def _count_words(s: str) -> int:
    classes = codecs.charmap_encode(s, _WORD_ERRORS, _WORD_MAP)[0]
    classes = classes.translate(_WORD_FOLD, _WORD_DELETE)
    return classes.count(b" w") + classes.startswith(b"w")


def _count_words_in(texts: Iterable[str]) -> int:
    """_count_words("\\n".join(texts)), in slices of at most about _SLICE characters."""
    total = 0
    batch: list[str] = []
    size = 0
    for text in texts:
        if len(text) > _SLICE:
            total += _count_words_long(text)
            continue
        if size + len(text) > _SLICE:
            total += _count_words("\n".join(batch))
            batch.clear()
            size = 0
        batch.append(text)
        size += len(text) + 1
    return total + _count_words("\n".join(batch))


def _has_alnum(token: str) -> bool:
    return _ALNUM.search(token) is not None


def _count_words_long(s: str) -> int:
    """_count_words(s) of a long text, slice by slice.

    A slice that ends inside a word (no space in _SLICE characters) splits it in two
    tokens: they are counted once, as the whole token, when either holds a letter or digit.
    """
    total = 0
    tail_word = False  # the token running into the current cut has a letter or digit
    for start, end in _slices(s):
        piece = s[start:end]
        total += _count_words(piece)
        joined = start > 0 and not s[start - 1].isspace() and not piece[0].isspace()
        if joined:
            head_word = _has_alnum(piece.split(None, 1)[0])
            total -= tail_word and head_word
        if end < len(s) and not piece[-1].isspace():
            tokens = piece.rsplit(None, 1)
            whole = len(tokens) == 1 and not piece[0].isspace()  # the piece is one token
            tail_word = _has_alnum(tokens[-1]) or (joined and whole and tail_word)
    return total


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
        and line[-1] not in _SENTENCE_END
        and _BULLET.match(line) is None
        and _LETTER.search(line) is not None
    )


def _date_line(line: str, *, first: bool) -> tuple[bool, datetime.date | None, str]:
    """Is ``line`` a header date line? Returns (is_date_line, date, agency found beside it)."""
    if len(line) > _DATE_LINE_MAX_CHARS or _YEAR_START.search(line) is None:
        return False, None, ""
    # Length-preserving, so spans stay valid.
    ascii_digits = line.translate(_DIGITS) if _NON_ASCII_DIGIT.search(line) else line
    found = _find_date(_fold_alef(ascii_digits))
    if found is None:
        return False, None, ""
    start, end, date = found
    rest = _TIME.sub(" ", ascii_digits[:start] + " " + ascii_digits[end:])
    rest = _clean(rest).strip(_SEPARATORS)
    if all(w in _DATE_LABELS for w in _WORD.findall(_fold(rest))):
        return True, date, ""
    # Otherwise only a short non-sentence line below the title, e.g. "AFP - 15/09/2023".
    if first or line[-1] in _SENTENCE_END:
        return False, None, ""
    agency = rest if _looks_like_agency(rest) and not re.search(r"\d", rest) else ""
    return True, date, agency


def _is_decoration(line: str) -> bool:
    """Rules like "***", "-----", "…": no letter or digit at all."""
    return _ALNUM.search(line) is None


def _is_boilerplate(line: str) -> bool:
    # Only short lines are folded: a long one is text, whatever words it holds.
    if len(line) > _BOILERPLATE_MAX_CHARS:
        return False
    return " ".join(_WORD.findall(_fold(line))) in _BOILERPLATE_KEYS


def _subheading(line: str) -> str | None:
    """Inner text of "- text -" / "– text –" / "—text—", else None."""
    if len(line) > _SUBHEADING_MAX_CHARS:
        return None
    m = _SUBHEADING.match(line)
    if m is None:
        return None
    inner = m.group(1).strip(_STRIP)
    return inner if _LETTER.search(inner) else None


def _split_captions(raw: str, clean: str) -> tuple[list[str], str]:
    """Split leading "caption (credit)<≥2 blanks>text" parts off a raw line (``clean``: cleaned).

    Returns the captions and the paragraph text left ("" if none).
    """
    captions: list[str] = []
    pos = 0  # start of the not yet consumed text; slicing stays bounded on huge lines
    while (m := _find_caption_credit(raw, pos)) is not None:
        captions.append(_clean(raw[pos : m.end()]))
        pos = m.end()
    return captions, (_clean(raw[pos:]) if pos else clean)


def _find_caption_credit(raw: str, pos: int) -> re.Match[str] | None:
    """The credit closing a caption that starts at ``pos``, if there is one."""
    # A caption more than twice the longest one ends too far: the scan stops there (endpos)
    # rather than running down a huge line. No match of _CREDIT holds a parenthesis but its
    # own two, so checking what follows after each match finds what a lookahead would.
    limit = pos + 2 * _CAPTION_MAX_CHARS
    for m in _CREDIT.finditer(raw, pos, limit + _CREDIT_MAX_SPAN + 1):
        if m.start() > limit:
            return None
        if _AFTER_CREDIT.match(raw, m.end()) is None:
            continue
        credit = _clean(m.group(1))
        after = _VISIBLE.search(raw, m.end())
        if (
            len(credit) <= _CREDIT_MAX_CHARS
            and _count_words(credit) <= _CREDIT_MAX_WORDS
            and _LETTER.search(credit)
            and _count_words(raw[pos : m.start()]) >= _CAPTION_MIN_WORDS
            and len(_clean(raw[pos : m.end()])) <= _CAPTION_MAX_CHARS
            and after is not None
            # "هونغ كونغ (أ ف ب)  - ..." is a dateline opening the text, not a caption
            and after.group() not in _SEPARATORS + _SENTENCE_END
        ):
            return m
    return None


def _parse_header(clean: list[str]) -> tuple[str, str, datetime.date | None, int]:
    """Find title, agency and date at the top. Returns them and the first body line index."""
    title = source = ""
    date: datetime.date | None = None
    date_seen = False
    body_start = 0
    # The first non-blank, non-decoration lines: those scanned, and whether one more follows.
    candidates: list[int] = []
    for i, c in enumerate(clean):
        if c and not _is_decoration(c):
            candidates.append(i)
            if len(candidates) > _HEADER_SCAN_LINES:
                break
    for n, i in enumerate(candidates[:_HEADER_SCAN_LINES]):
        line = clean[i]
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
        if date_seen or _KNOWN_AGENCY.search(_fold_alef(line)) or n + 1 < len(candidates):
            source, body_start = line, i + 1
            continue
        break
    return title, source, date, body_start


_SUBHEADING_START = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # _DASH's characters


def _parse_body(raw_lines: list[str], clean: list[str], start: int) -> list[Block]:
    """The blocks of lines ``start`` onwards (``clean``: the lines cleaned)."""
    # Navigation words are boilerplate only in the trailing run; in the text they stay.
    end = len(clean)
    while end > start and (
        not clean[end - 1] or _is_decoration(clean[end - 1]) or _is_boilerplate(clean[end - 1])
    ):
        end -= 1

    # Blank-separated files may hard-wrap paragraphs; without blank lines every line is one.
    first = start
    while first < end and not clean[first]:
        first += 1
    try:
        blank_separated = clean.index("", first, end) >= 0
    except ValueError:
        blank_separated = False
    group_end = group_width = 0  # the group of non-blank lines last measured

    blocks: list[Block] = []
    pending: list[str] = []  # the lines of the paragraph being put together
    last_line = -2  # index of the line that ended ``pending``
    paragraph = BlockKind.PARAGRAPH
    alnum = _ALNUM.search
    for i in range(start, end):
        line = clean[i]
        if not line or alnum(line) is None:  # blank or decoration
            if pending:
                blocks.append(Block(paragraph, " ".join(pending)))
                pending = []
            continue
        if line[0] in _SUBHEADING_START:
            inner = _subheading(line)
            if inner is not None:
                if pending:
                    blocks.append(Block(paragraph, " ".join(pending)))
                    pending = []
                blocks.append(Block(BlockKind.SUBHEADING, inner))
                continue
        raw = raw_lines[i]
        if "(" in raw:  # most lines hold no credit: nothing to split
            captions, text = _split_captions(raw, line)
            if captions:
                if pending:
                    blocks.append(Block(paragraph, " ".join(pending)))
                    pending = []
                blocks.extend(Block(BlockKind.CAPTION, c) for c in captions)
            if not text:
                continue
        else:
            text = line
        if blank_separated and pending and last_line == i - 1 and pending[-1][-1] not in _TERMINAL:
            if i >= group_end:  # measure the group (run of non-blank lines) holding line i
                group_start = i - 1
                while group_start > start and clean[group_start - 1]:
                    group_start -= 1
                group_end = i + 1
                while group_end < end and clean[group_end]:
                    group_end += 1
                group_width = max(map(len, clean[group_start:group_end]))
            wrapped = (
                group_width <= _WRAP_MAX_CHARS
                and len(clean[i - 1]) >= _WRAP_MIN_FILL * group_width
                and _BULLET.match(text) is None
            )
        else:
            wrapped = False
        if not wrapped and pending:
            blocks.append(Block(paragraph, " ".join(pending)))
            pending = []
        pending.append(text)
        last_line = i
    if pending:
        blocks.append(Block(paragraph, " ".join(pending)))
    return blocks


def _excerpt(text: str) -> str:
    words = text.split(None, _TITLE_EXCERPT_WORDS)  # stops after the words it needs
    head = " ".join(words[:_TITLE_EXCERPT_WORDS])
    if len(head) > _EXCERPT_MAX_CHARS:  # "words" that are blobs: a title, not a page
        return head[:_EXCERPT_MAX_CHARS].rstrip() + "…"
    return head + "…" if len(words) > _TITLE_EXCERPT_WORDS else head


def _split_lines(text: str) -> list[str]:
    """text.split("\n"), slice by slice on long texts."""
    if len(text) <= _SLICE:
        return text.split("\n")
    lines: list[str] = []
    start, n = 0, len(text)
    while n - start > _SLICE:
        cut = text.rfind("\n", start, start + _SLICE)
        if cut >= 0:
            lines.extend(text[start:cut].split("\n"))
        else:  # a line longer than a slice
            cut = start + _SLICE
            while cut < n and (found := text.find("\n", cut, cut + _SLICE)) < 0:
                cut += _SLICE
            if cut >= n:
                break
            cut = found
            lines.append(text[start:cut])
        start = cut + 1
    lines.extend(text[start:].split("\n"))
    return lines


def parse_article(text: str) -> Article:
    """Parse a decoded article. Never raises; tolerates CRLF, NBSP, BOM and missing parts."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = _split_lines(text)
    # _clean, inlined as it runs for every line, and skipped for lines clean already: with
    # no whitespace but single inner spaces, and no invisibles (isprintable() is False for
    # every whitespace character but " " and for every format character).
    clean = [
        _clean_long(line)
        if len(line) > _SLICE
        else line
        if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "
        else " ".join(line.split()).strip(_STRIP)
        for line in raw_lines
    ]
    title, source, date, body_start = _parse_header(clean)
    blocks = _parse_body(raw_lines, clean, body_start)
    if not title and blocks:
        first = next((b for b in blocks if b.kind is BlockKind.PARAGRAPH), blocks[0])
        title = _excerpt(first.text)
    return Article(title=title, source=source, date=date, blocks=tuple(blocks))


class _DropMarks(dict):
    """str.translate table deleting combining marks and format characters, filled lazily."""

    def __missing__(self, code: int) -> int | None:
        keep = unicodedata.category(chr(code)) not in ("Mn", "Me", "Cf")
        self[code] = code if keep else None
        return self[code]


_DROP_MARKS = _DropMarks({0x0640: None})  # tatweel too


def _kept_by_drop_marks() -> str:
    """A regex class body of everyday characters that _DROP_MARKS keeps as they are."""
    kept = [
        cp
        for cp in (*range(0x0100), *range(0x0600, 0x0700), *range(0x2010, 0x2028))
        if cp != 0x0640 and unicodedata.category(chr(cp)) not in ("Mn", "Me", "Cf")
    ]
    runs = []
    for _, group in itertools.groupby(enumerate(kept), lambda p: p[1] - p[0]):
        cps = [cp for _, cp in group]
        runs.append(re.escape(chr(cps[0])) + "-" + re.escape(chr(cps[-1])))
    return "".join(runs)


# Runs of characters str.translate(_DROP_MARKS) might change: translating only those (few
# harakat in most paragraphs) spares a dictionary look-up for every character.
_MAYBE_DROPPED = re.compile(f"[^{_kept_by_drop_marks()}]+")


def _drop_marks(m: re.Match[str]) -> str:
    return m.group().translate(_DROP_MARKS)


def _id_words(text: str) -> list[str]:
    """Letters and digits only: immune to NBSP, dashes, quotes, harakat, presentation forms."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _alnum_runs(_MAYBE_DROPPED.sub(_drop_marks, text).casefold())


# _WORD.findall on the word table's one byte per character (see _count_words): every byte
# of a character that is no letter or digit becomes a space, and str.split does the rest.
_ALNUM_OR_SPACE = bytes(i if c.isalnum() else 0x20 for i, c in enumerate(_WORD_TABLE))
_ALNUM_ERRORS = "qari-alnum-runs"


def _alnum_or_space(exc: UnicodeError) -> tuple[str, int]:
    # A letter or digit outside the table stays what it is: then the codec raises.
    if not isinstance(exc, UnicodeEncodeError):  # pragma: no cover - only used to encode
        raise exc
    run = exc.object[exc.start : exc.end]
    return "".join(c if c.isalnum() else " " for c in run), exc.end


codecs.register_error(_ALNUM_ERRORS, _alnum_or_space)


def _alnum_runs(text: str) -> list[str]:
    """_WORD.findall(text): the runs of letters and digits."""
    try:
        encoded = codecs.charmap_encode(text, _ALNUM_ERRORS, _WORD_MAP)[0]
    except UnicodeEncodeError:  # letters of another script: the regex does it all
        return _WORD.findall(text)
    spaced = encoded.translate(_ALNUM_OR_SPACE)
    return codecs.charmap_decode(spaced, "strict", _WORD_TABLE)[0].split()


# Id words are taken from the opening of a paragraph, this many characters at a time (cut
# after a space), so a giant first paragraph costs no more than a normal one.
_ID_WINDOW = 2048
# Short paragraphs are taken together until they should hold the words still wanted, at
# this many characters a word: one pass over them, sometimes two.
_ID_CHARS_PER_WORD = 5


def _first_id_words(text: str, wanted: int) -> list[str]:
    """_id_words(text), or a prefix of it holding at least ``wanted`` words.

    Windows are cut after a space, where no word of _id_words can run across (a space is
    no letter or digit, and NFKC composes nothing with it), so their words are the text's;
    only a text with no space in _SLICE characters is cut inside a word.
    """
    if len(text) <= _ID_WINDOW:
        return _id_words(text)
    words: list[str] = []
    start, n = 0, len(text)
    while start < n and len(words) < wanted:
        end = n if n - start <= _ID_WINDOW else text.rfind(" ", start, start + _ID_WINDOW) + 1
        if end <= start:  # no space in the window: go on to the next one
            end = text.find(" ", start + _ID_WINDOW, start + _SLICE) + 1
            if end <= start:
                end = start + _SLICE
        words.extend(_id_words(text[start:end]))
        start = end
    return words


def article_id(article: Article) -> str:
    """Stable 16-hex-digit id for bookmarks.

    blake2b(digest_size=8) over title + ISO date + source + the first 64 body words, each
    reduced to letters/digits. So it ignores the file path, encoding, line endings,
    whitespace/NBSP, punctuation style, how the body is split into blocks and any change
    past the opening (e.g. a boilerplate tail), yet differs for same-title articles with
    another date or another opening.
    """
    # Ids must not change: bookmarks are keyed by them. However the words are found, they
    # are those of the rule above, so every id is what it always was; the one exception is
    # a paragraph with no space in its first 32,768 characters (see _first_id_words).
    # Short paragraphs are taken together, joined by a space (where no word runs across
    # and NFKC composes nothing), a long one only as far as it holds the words still wanted:
    # a giant opening paragraph is never read through.
    body: list[str] = []
    group: list[str] = []
    size = 0
    for block in article.blocks:
        if len(block.text) > _ID_WINDOW:
            if group:
                body.extend(_id_words(" ".join(group)))
                group.clear()
                size = 0
                if len(body) >= _ID_BODY_WORDS:
                    break
            body.extend(_first_id_words(block.text, _ID_BODY_WORDS - len(body)))
        else:
            group.append(block.text)
            size += len(block.text) + 1
            if size < (_ID_BODY_WORDS - len(body)) * _ID_CHARS_PER_WORD:
                continue
            body.extend(_id_words(" ".join(group)))
            group.clear()
            size = 0
        if len(body) >= _ID_BODY_WORDS:
            break
    if group:
        body.extend(_id_words(" ".join(group)))
    parts = (
        "qari-article-v1",
        " ".join(_id_words(article.title)),
        article.date.isoformat() if article.date else "",
        " ".join(_id_words(article.source)),
        " ".join(body[:_ID_BODY_WORDS]),
    )
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()
