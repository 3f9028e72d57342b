"""Where an annotation sits in an article, so that it survives the file changing. Qt-free.

Anchors follow the W3C Web Annotation selectors: the quoted words with some text before
and after them (TextQuoteSelector: exact, prefix, suffix) and their start/end offsets in
the article's text (TextPositionSelector), plus the index of the block they start in.
Never a screen position: a ``QTextDocument`` block number moves whenever the pane shows a
notice, and the pane shows a giant paragraph as several document blocks.

**The article's text**, the one thing every offset counts in (:func:`article_text`): the
texts of ``Article.blocks`` joined by "\\n", as parsed (one line each, whitespace runs made
single spaces; harakat, ZWNJ and other invisible characters kept as the file has them),
offsets in code points (Python string indexes). The title, source and date are not in it:
they are not annotated, and a corrected headline must not shift every anchor. A paragraph
break is one "\\n" whatever the file had (blank lines, hard wraps), so re-wrapping a file
moves nothing. The reading pane, which drops control characters and cuts giant paragraphs
into pieces, maps its own positions to these offsets.

**Resolving** an anchor in the article as it is now (:func:`resolve`):

1. no quote (a mark from before quotes were kept): its block index is trusted, and the
   anchor is made again from that block's opening words;
2. the quote still at its offsets, with its prefix or its suffix around it: kept;
3. else the places holding the quote, exactly or (failing that) ignoring what search
   folding ignores (combining marks such as harakat, tatweel, format characters such as
   ZWNJ, ZWJ and bidi marks) and with any whitespace for its spaces. The place whose
   surroundings match the prefix and suffix best wins, then the one nearest the old offset;
4. nowhere: None. The caller keeps the annotation and lists it as not found.

Everything runs in ``str.find``/``re`` over the text, never a Python loop per character of
the article, so a 20 MB article resolves in milliseconds.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from reader.text.article import Article
from reader.text.sanitize import char_class

__all__ = [
    "CONTEXT_CHARS",
    "QUOTE_CHARS",
    "QUOTE_WORDS",
    "Anchor",
    "ArticleText",
    "anchor_block",
    "anchor_span",
    "anchor_words",
    "article_text",
    "resolve",
    "snap_to_words",
]

# Enough context to tell apart the same words in two places (Hypothesis uses 32 too).
CONTEXT_CHARS = 32
# A paragraph mark quotes its opening: enough words to be unique, short enough for a list.
QUOTE_WORDS = 12
QUOTE_CHARS = 80
# A quote found more often than this is looked for among the places nearest its old offset.
MAX_PLACES = 20_000


@dataclass(frozen=True, slots=True)
class Anchor:
    block: int  # index in Article.blocks of the block the quote starts in
    start: int  # offsets in the article's text: text[start:end] == quote
    end: int
    quote: str
    prefix: str = ""  # up to CONTEXT_CHARS of the text just before the quote
    suffix: str = ""  # and just after it


class ArticleText:
    """The article's text and where each block starts in it."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text = text
        self.starts = starts  # starts[i]: offset of Article.blocks[i]

    def block_at(self, offset: int) -> int:
        """The block holding ``offset`` (a "\\n" belongs to the block before it)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def block_end(self, index: int) -> int:
        """The offset just past block ``index``'s text."""
        if index + 1 < len(self.starts):
            return self.starts[index + 1] - 1
        return len(self.text)


_last: tuple[Article, ArticleText] | None = None  # the pane asks about one article at a time


def article_text(article: Article | ArticleText) -> ArticleText:
    global _last
    if isinstance(article, ArticleText):
        return article
    last = _last
    if last is not None and last[0] is article:
        return last[1]
    texts = [block.text for block in article.blocks]
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    made = ArticleText("\n".join(texts), starts if texts else [])
    _last = (article, made)
    return made


def _anchor(at: ArticleText, start: int, end: int) -> Anchor:
    text = at.text
    return Anchor(
        block=at.block_at(start),
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def anchor_words(article: Article | ArticleText, start: int) -> Anchor:
    """An anchor on the words from ``start`` on (up to QUOTE_WORDS words, QUOTE_CHARS
    characters, within the block): where a piece of a giant paragraph begins, say."""
    at = article_text(article)
    start = min(max(0, start), len(at.text))
    limit = at.block_end(at.block_at(start))
    cut = start - 1
    for _ in range(QUOTE_WORDS):
        cut = at.text.find(" ", cut + 1, limit)
        if cut < 0:
            cut = limit
            break
    if cut - start > QUOTE_CHARS:
        space = at.text.rfind(" ", start + 1, start + QUOTE_CHARS + 1)
        cut = space if space > start else start + QUOTE_CHARS
    return _anchor(at, start, cut)


def anchor_block(article: Article | ArticleText, index: int) -> Anchor:
    """A paragraph mark: block ``index`` by its opening words. IndexError if there is none."""
    at = article_text(article)
    if not 0 <= index < len(at.starts):
        raise IndexError(f"the article has no block {index}")
    return anchor_words(at, at.starts[index])


def anchor_span(article: Article | ArticleText, start: int, end: int) -> Anchor:
    """An anchor on the text from ``start`` to ``end`` (a highlight, say)."""
    at = article_text(article)
    start = min(max(0, start), len(at.text))
    return _anchor(at, start, min(max(start, end), len(at.text)))


# What a word is made of, for snapping: letters and digits, and what sits inside Arabic and
# Persian words without being a letter (harakat and other combining marks, tatweel, ZWNJ/ZWJ).
_WORD_CHAR = re.compile(
    r"[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]"
)
_WORD_RUN = re.compile(f"(?:{_WORD_CHAR.pattern})+")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The selection ``text[start:end]`` grown to whole words where it starts or ends inside
    one, and shrunk to its words where it starts or ends in spaces or punctuation; None if it
    holds no word. A highlight painted over part of a word would shape it as two."""
    start, end = sorted((min(max(0, start), len(text)), min(max(0, end), len(text))))
    words = list(_WORD_RUN.finditer(text, max(0, start - 1), end + 1))
    words = [w for w in words if w.end() > start and w.start() < end]
    if not words:
        return None
    first = words[0].start()
    while first > 0 and _WORD_CHAR.match(text, first - 1):
        first -= 1  # the run began before the window looked
    last = _WORD_RUN.match(text, words[-1].start()).end()
    return first, last


def resolve(article: Article | ArticleText, anchor: Anchor) -> Anchor | None:
    """Where ``anchor`` is in ``article`` now (rules in the module docstring), or None."""
    at = article_text(article)
    text, quote = at.text, anchor.quote
    if not quote:
        return anchor_block(at, anchor.block) if 0 <= anchor.block < len(at.starts) else None
    start = anchor.start
    if start >= 0 and text.startswith(quote, start):
        end = start + len(quote)
        if text.endswith(anchor.prefix, 0, start) or text.startswith(anchor.suffix, end):
            return _anchor(at, start, end)
    # Words and surroundings intact, only moved: no scoring needed.
    whole = anchor.prefix + quote + anchor.suffix
    places = _places(text, whole, start - len(anchor.prefix))
    if places:
        best = min(places, key=lambda p: abs(p + len(anchor.prefix) - start))
        return _anchor(at, best + len(anchor.prefix), best + len(anchor.prefix) + len(quote))
    spans = [(p, p + len(quote)) for p in _places(text, quote, start)] or _loose_spans(text, quote)
    if not spans:
        return None
    best = max(spans, key=lambda span: (_context(text, span, anchor), -abs(span[0] - start)))
    return _anchor(at, *best)


def _places(text: str, needle: str, near: int) -> list[int]:
    """Where ``needle`` starts in ``text``: all of it, or the MAX_PLACES nearest ``near``."""
    near = min(max(0, near), len(text))
    found: list[int] = []
    right = text.find(needle, near)
    left = text.rfind(needle, 0, near + len(needle) - 1)  # those starting before ``near``
    while (right >= 0 or left >= 0) and len(found) < MAX_PLACES:
        if right >= 0:
            found.append(right)
            right = text.find(needle, right + 1)
        if left >= 0:
            found.append(left)
            left = text.rfind(needle, 0, left + len(needle) - 1)
    return found


def _context(text: str, span: tuple[int, int], anchor: Anchor) -> int:
    """How many characters of the prefix and suffix the surroundings of ``span`` match."""
    start, end = span
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _common_prefix(before[::-1], anchor.prefix[::-1]) + _common_prefix(after, anchor.suffix)


def _common_prefix(a: str, b: str) -> int:
    # Binary search with string compares: a handful of C calls, not a loop per character.
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


@functools.cache
def _ignored() -> str:
    """A regex class of what search folding ignores (reader.text.normalize): combining
    marks, format characters, tatweel. Built once, on the first loose search."""
    chars = (chr(c) for c in range(0x10000))
    return char_class("\u0640" + "".join(c for c in chars if unicodedata.category(c) in _IGNORED))


_IGNORED = frozenset(("Mn", "Me", "Cf"))


def _loose_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where ``quote`` is, ignoring marks and invisible characters and how it is spaced."""
    ignored = _ignored()
    skip = re.compile(ignored)
    parts: list[str] = []
    for char in quote:  # the quote's characters, never the article's
        if skip.fullmatch(char):
            continue
        if char.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
            continue
        parts.append(re.escape(char))
    while parts and parts[-1] == r"\s+":
        parts.pop()
    if not parts:
        return []
    # Marks may follow the last letter too: they belong to it.
    pattern = re.compile(f"{ignored}*".join(parts) + f"{ignored}*")
    return [m.span() for m in itertools.islice(pattern.finditer(text), MAX_PLACES)]
