"""Turn a decoded news text file into a structured :class:`Article`.

Qt-free on purpose: the UI renders the blocks, the library keys bookmarks by
:func:`reader.text.identity.article_id`. Everything here is heuristic and tuned for scraped
news archives (Arabic first, English too); the thresholds live in the constants below and
in :mod:`reader.text.header` (title, agency and date lines), which this module calls.

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
import math
import re
from dataclasses import dataclass

from reader.text import _fast
from reader.text.header import parse_header
from reader.text.lines import (
    ALNUM,
    BULLET,
    DASH,
    LETTER,
    SENTENCE_END,
    SEPARATORS,
    STRIP,
    WORD,
    clean_long,
    fold,
    is_decoration,
)
from reader.text.lines import clean as _clean
from reader.text.sanitize import INVISIBLE, char_class
from reader.text.words import count_words, count_words_in

__all__ = ["Article", "Block", "BlockKind", "parse_article"]


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
        return count_words_in((self.title, *(b.text for b in self.blocks)))

    def reading_minutes(self, wpm: int = 180) -> int:
        """Estimated reading time, rounded up, at least one minute."""
        if wpm <= 0:
            raise ValueError(f"wpm must be positive, got {wpm}")
        return max(1, math.ceil(self.words / wpm))


# --- tuning -------------------------------------------------------------------------------

_TITLE_EXCERPT_WORDS = 12
_SUBHEADING_MAX_CHARS = 200
_CREDIT_MAX_CHARS = 30
_CREDIT_MAX_WORDS = 4
_CAPTION_MIN_WORDS = 3  # before the credit; fewer is a dateline like "سيول (أ ف ب)"
_CAPTION_MAX_CHARS = 400
_WRAP_MAX_CHARS = 150  # groups with longer lines are not hard-wrapped prose
_WRAP_MIN_FILL = 0.6  # a wrapped line fills most of the group's width
_EXCERPT_MAX_CHARS = 1000  # 12 words are never this long, unless a "word" is a blob of text
_BOILERPLATE_MAX_CHARS = 100  # navigation lines are short: a longer line is not even folded

# Site navigation left at the end of scraped pages.
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

# A wrapped line that ends like this ends its paragraph too (quotes and brackets included).
_TERMINAL = ".!?\u061f\u2026\u06d4:;\u061b\"'\u201d\u2019\u00bb)]"
_SUBHEADING = re.compile(rf"^[{DASH}]+ ?(.*?) ?[{DASH}]+$")
_VISIBLE = re.compile(rf"[^\s{char_class(INVISIBLE)[1:-1]}]")
# "(credit)" followed by a run of ≥2 blanks and more text: a fused photo caption.
_CREDIT = re.compile(r"\(([^()\n]{1,40})\)")
_CREDIT_MAX_SPAN = 42  # what _CREDIT matches at most
_AFTER_CREDIT = re.compile(r"\s{2,}\S")  # what a caption's credit is followed by

# Compared after fold(), so hamza variants (إستطلاعات / استطلاعات) and case need one entry.
_BOILERPLATE_KEYS = frozenset(" ".join(WORD.findall(fold(b))) for b in _BOILERPLATE)


def _is_boilerplate(line: str) -> bool:
    # Only short lines are folded: a long one is text, whatever words it holds.
    if len(line) > _BOILERPLATE_MAX_CHARS:
        return False
    return " ".join(WORD.findall(fold(line))) in _BOILERPLATE_KEYS


def _subheading(line: str) -> str | None:
    """Inner text of "- text -" / "– text –" / "—text—", else None."""
    if len(line) > _SUBHEADING_MAX_CHARS:
        return None
    m = _SUBHEADING.match(line)
    if m is None:
        return None
    inner = m.group(1).strip(STRIP)
    return inner if LETTER.search(inner) else None


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
            and count_words(credit) <= _CREDIT_MAX_WORDS
            and LETTER.search(credit)
            and count_words(raw[pos : m.start()]) >= _CAPTION_MIN_WORDS
            and len(_clean(raw[pos : m.end()])) <= _CAPTION_MAX_CHARS
            and after is not None
            # "هونغ كونغ (أ ف ب)  - ..." is a dateline opening the text, not a caption
            and after.group() not in SEPARATORS + SENTENCE_END
        ):
            return m
    return None


_SUBHEADING_START = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # DASH's characters


def _parse_body(raw_lines: list[str], clean: list[str], start: int) -> list[Block]:
    """The blocks of lines ``start`` onwards (``clean``: the lines cleaned)."""
    # Navigation words are boilerplate only in the trailing run; in the text they stay.
    end = len(clean)
    while end > start and (
        not clean[end - 1] or is_decoration(clean[end - 1]) or _is_boilerplate(clean[end - 1])
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
    alnum = ALNUM.search
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
                and BULLET.match(text) is None
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
    """text.split("\n"), slice by slice on long texts (see reader.text._fast)."""
    size = _fast.SLICE
    if len(text) <= size:
        return text.split("\n")
    lines: list[str] = []
    start, n = 0, len(text)
    while n - start > size:
        cut = text.rfind("\n", start, start + size)
        if cut >= 0:
            lines.extend(text[start:cut].split("\n"))
        else:  # a line longer than a slice
            cut = start + size
            while cut < n and (found := text.find("\n", cut, cut + size)) < 0:
                cut += size
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
        clean_long(line)
        if len(line) > _fast.SLICE
        else line
        if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "
        else " ".join(line.split()).strip(STRIP)
        for line in raw_lines
    ]
    title, source, date, body_start = parse_header(clean)
    blocks = _parse_body(raw_lines, clean, body_start)
    if not title and blocks:
        first = next((b for b in blocks if b.kind is BlockKind.PARAGRAPH), blocks[0])
        title = _excerpt(first.text)
    return Article(title=title, source=source, date=date, blocks=tuple(blocks))
