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

import datetime
import enum
import hashlib
import itertools
import math
import re
import unicodedata
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
        return _count_words("\n".join((self.title, *(b.text for b in self.blocks))))

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
_CREDIT = re.compile(r"\(([^()\n]{1,40})\)(?=\s{2,}\S)")

_ALEF = str.maketrans("أإآٱ", "اااا")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

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
    return s.translate(_ALEF).replace("\u0640", "").casefold()


_BOILERPLATE_KEYS = frozenset(" ".join(_WORD.findall(_fold(b))) for b in _BOILERPLATE)


def _clean(s: str) -> str:
    """Collapse every whitespace run (NBSP included) to one space and strip invisibles."""
    # str.split() and the regex \s agree on what whitespace is; split/join is ~5x faster.
    return " ".join(s.split()).strip(_STRIP)


# A whitespace-separated token with no letter or digit ("-", "–", "..."), which is no word;
# matched after a blank (the text is padded with one) and before one.
_NON_WORD_TOKEN = re.compile(r"\s(?:[^\w\s]|_)+(?=\s)")


def _count_words(s: str) -> int:
    # Tokens minus the few without a letter or digit: no regex call per token.
    return len(s.split()) - len(_NON_WORD_TOKEN.findall(f" {s} "))


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
    if len(line) > _DATE_LINE_MAX_CHARS:
        return False, None, ""
    ascii_digits = line.translate(_DIGITS)  # length-preserving, so spans stay valid
    found = _find_date(ascii_digits.translate(_ALEF))
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


def _split_captions(raw: str, clean: str) -> list[Block]:
    """Split leading "caption (credit)<≥2 blanks>text" parts off a raw line (``clean``: cleaned)."""
    if "(" not in raw:  # most lines: no credit, nothing to split
        return [Block(BlockKind.PARAGRAPH, clean)]
    out: list[Block] = []
    pos = 0  # start of the not yet consumed text; slicing stays bounded on huge lines
    while (m := _find_caption_credit(raw, pos)) is not None:
        out.append(Block(BlockKind.CAPTION, _clean(raw[pos : m.end()])))
        pos = m.end()
    text = _clean(raw[pos:])
    if text:
        out.append(Block(BlockKind.PARAGRAPH, text))
    return out


def _find_caption_credit(raw: str, pos: int) -> re.Match[str] | None:
    """The credit closing a caption that starts at ``pos``, if there is one."""
    for m in _CREDIT.finditer(raw, pos):
        if m.start() - pos > 2 * _CAPTION_MAX_CHARS:
            return None  # the caption would be too long anyway; stop scanning long lines
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
    candidates = [i for i, c in enumerate(clean) if c and not _is_decoration(c)]
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
        if date_seen or _KNOWN_AGENCY.search(line.translate(_ALEF)) or n + 1 < len(candidates):
            source, body_start = line, i + 1
            continue
        break
    return title, source, date, body_start


def _parse_body(raw_lines: list[str], clean: list[str]) -> list[Block]:
    # Navigation words are boilerplate only in the trailing run; in the text they stay.
    end = len(clean)
    while end and (
        not clean[end - 1] or _is_decoration(clean[end - 1]) or _is_boilerplate(clean[end - 1])
    ):
        end -= 1
    raw_lines, clean = raw_lines[:end], clean[:end]

    # Blank-separated files may hard-wrap paragraphs; without blank lines every line is one.
    filled = [i for i, c in enumerate(clean) if c]
    blank_separated = any(b - a > 1 for a, b in itertools.pairwise(filled))
    group_width = [0] * len(clean)
    start = 0
    for i in range(len(clean) + 1):
        if i == len(clean) or not clean[i]:
            width = max((len(c) for c in clean[start:i]), default=0)
            group_width[start:i] = [width] * (i - start)
            start = i + 1

    blocks: list[Block] = []
    pending: list[str] = []
    last_line = -2  # index of the line that ended ``pending``

    def flush() -> None:
        if pending:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(pending)))
            pending.clear()

    for i, (raw, line) in enumerate(zip(raw_lines, clean, strict=True)):
        if not line or _is_decoration(line):
            flush()
            continue
        inner = _subheading(line)
        if inner is not None:
            flush()
            blocks.append(Block(BlockKind.SUBHEADING, inner))
            continue
        for block in _split_captions(raw, line):
            if block.kind is BlockKind.CAPTION:
                flush()
                blocks.append(block)
                continue
            wrapped = (
                blank_separated
                and pending
                and last_line == i - 1
                and group_width[i] <= _WRAP_MAX_CHARS
                and len(clean[i - 1]) >= _WRAP_MIN_FILL * group_width[i]
                and pending[-1][-1] not in _TERMINAL
                and _BULLET.match(block.text) is None
            )
            if not wrapped:
                flush()
            pending.append(block.text)
            last_line = i
    flush()
    return blocks


def _excerpt(text: str) -> str:
    words = text.split()
    head = " ".join(words[:_TITLE_EXCERPT_WORDS])
    return head + "…" if len(words) > _TITLE_EXCERPT_WORDS else head


def parse_article(text: str) -> Article:
    """Parse a decoded article. Never raises; tolerates CRLF, NBSP, BOM and missing parts."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    clean = [_clean(line) for line in raw_lines]
    title, source, date, body_start = _parse_header(clean)
    blocks = _parse_body(raw_lines[body_start:], clean[body_start:])
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


def _id_words(text: str) -> list[str]:
    """Letters and digits only: immune to NBSP, dashes, quotes, harakat, presentation forms."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _WORD.findall(text.translate(_DROP_MARKS).casefold())


def article_id(article: Article) -> str:
    """Stable 16-hex-digit id for bookmarks.

    blake2b(digest_size=8) over title + ISO date + source + the first 64 body words, each
    reduced to letters/digits. So it ignores the file path, encoding, line endings,
    whitespace/NBSP, punctuation style, how the body is split into blocks and any change
    past the opening (e.g. a boilerplate tail), yet differs for same-title articles with
    another date or another opening.
    """
    body: list[str] = []
    for block in article.blocks:
        body.extend(_id_words(block.text))
        if len(body) >= _ID_BODY_WORDS:
            break
    parts = (
        "qari-article-v1",
        " ".join(_id_words(article.title)),
        article.date.isoformat() if article.date else "",
        " ".join(_id_words(article.source)),
        " ".join(body[:_ID_BODY_WORDS]),
    )
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()
