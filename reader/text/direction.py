"""The direction of a paragraph and of an article, for Arabic news: the one rule. Qt-free.

The article list, ``--list --json`` and the reading pane all ask here, so they cannot
disagree (they once sampled an article three ways, and an article opening with a long
English paragraph was left-to-right in the list and right-to-left in the pane).

* A paragraph (:func:`paragraph_direction`) is decided by its opening
  :data:`PARAGRAPH_SAMPLE` characters: the clear majority of strong letters, else the first
  strong character (UAX #9 P2-P3).
* An article (:func:`article_direction_of`) is right-to-left when Arabic letters are at
  least as many as Latin ones in its title and paragraphs (captions aside), each paragraph
  counted by the opening that decides its own direction, so that one giant paragraph (a
  pasted English source, a blob) does not outvote the rest. When those openings add up
  to more than :data:`ARTICLE_SAMPLE` characters, windows spread evenly over all of them
  are counted instead: from the whole article, not its beginning, and a 20 MB file costs
  no more than a long article.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bidi import get_base_level

from reader.text import _fast
from reader.text.sanitize import BIDI_CONTROLS, SURROGATES, char_class

if TYPE_CHECKING:
    from reader.text.article import Article

__all__ = [
    "ARTICLE_SAMPLE",
    "PARAGRAPH_SAMPLE",
    "article_direction",
    "article_direction_of",
    "paragraph_direction",
    "strong_counts",
]

# What a paragraph's direction is decided by: its opening, this many characters (the whole
# of nearly every paragraph). Counting the letters of megabytes tells nothing more.
PARAGRAPH_SAMPLE = 10_000
# At most this many characters decide an article's direction (all of nearly every article).
ARTICLE_SAMPLE = 200_000
# ... in windows of this many, so that they come from all over a longer one.
_WINDOW = 2_000

_RTL_CLASSES = frozenset(("R", "AL"))

# Latin letters must outnumber Arabic ones (or vice versa) by more than this factor
# before the majority decides; below it the first strong character does.
_DOMINANCE = 2


def strong_counts(text: str) -> tuple[int, int]:
    """Return (rtl, ltr): characters of bidi class R/AL and of class L in ``text``."""
    # Counter tallies in C; the Python loop then only sees each distinct character once.
    if len(text) <= _fast.SLICE:
        counts = Counter(text)
    else:  # slice by slice: no single C call over megabytes
        counts = Counter()
        for piece in _fast.cut(text):
            counts.update(piece)
    rtl = ltr = 0
    for ch, n in counts.items():
        cls = unicodedata.bidirectional(ch)
        if cls == "L":
            ltr += n
        elif cls in _RTL_CLASSES:
            rtl += n
    return rtl, ltr


def paragraph_direction(text: str, default: str = "rtl") -> str:
    """Return "rtl" or "ltr" for one paragraph; ``default`` if it has no strong letter.

    Unlike Qt's first-strong-character rule, a date line keeps ``default`` and an Arabic
    paragraph opening with "BBC:" stays RTL: the clear majority of strong letters wins,
    and only when neither side has twice the other does UAX #9 P2-P3 decide. Only the
    first PARAGRAPH_SAMPLE characters are looked at.
    """
    if default not in ("rtl", "ltr"):
        raise ValueError(f"default must be 'rtl' or 'ltr', not {default!r}")
    text = text[:PARAGRAPH_SAMPLE]
    rtl, ltr = strong_counts(text)
    if rtl == 0 and ltr == 0:
        return default
    if ltr > _DOMINANCE * rtl:
        return "ltr"
    if rtl > _DOMINANCE * ltr:
        return "rtl"
    size = _fast.SLICE
    p2_input = _first_strong_input(text) if len(text) <= size else ""
    # P2 only looks as far as the first strong letter: on a long text, the text up to the
    # end of the first slice holding one will do. The whole prefix, not that slice alone:
    # python-bidi's Unicode data may call strong a letter that unicodedata does not know.
    for start in range(0, len(text), size) if len(text) > size else ():
        if any(strong_counts(text[start : start + size])):
            p2_input = _first_strong_input(text[: start + size])
            break
    try:
        # Only reached with a strong letter present: get_base_level answers LTR for
        # neutral-only text and raises ValueError on "".
        return "rtl" if get_base_level(p2_input) else "ltr"
    except ValueError:
        return default


def article_direction_of(article: Article) -> str:
    """Return "rtl" or "ltr" for a whole article (see the module docstring)."""
    # Imported here: titles and list rows need paragraph_direction long before any article
    # is parsed, and the window paints sooner without the parser.
    from reader.text.article import BlockKind

    caption = BlockKind.CAPTION
    texts = [article.title, *[b.text for b in article.blocks if b.kind is not caption]]
    return article_direction(_sample(texts))


def article_direction(texts: Iterable[str]) -> str:
    """Return "rtl" if Arabic letters are at least as many as Latin ones in all of
    ``texts``, else "ltr". (For an article, :func:`article_direction_of` picks the texts.)"""
    rtl = ltr = 0
    for text, long in _fast.batches(texts):
        # Newlines joining a batch are no letters, and letters are counted one by one:
        # a long text may be cut anywhere.
        for piece in _fast.cut(text) if long else (text,):
            r, l_ = _letter_counts(piece)
            rtl += r
            ltr += l_
    return "rtl" if rtl >= ltr else "ltr"


def _sample(texts: Sequence[str]) -> Sequence[str]:
    """The opening PARAGRAPH_SAMPLE characters of each text, or if those are more than
    ARTICLE_SAMPLE characters in all, windows evenly spaced over them laid end to end."""
    lengths = list(map(len, texts))
    if max(lengths) > PARAGRAPH_SAMPLE:
        texts = [t[:PARAGRAPH_SAMPLE] for t in texts]  # (a short one is not copied)
        lengths = list(map(len, texts))
    ends = list(itertools.accumulate(lengths))
    total = ends[-1]
    if total <= ARTICLE_SAMPLE:
        return texts
    windows = ARTICLE_SAMPLE // _WINDOW
    sample: list[str] = []
    for k in range(windows):
        pos = k * total // windows  # windows are total / windows > _WINDOW apart
        i = bisect.bisect_right(ends, pos)
        start = pos - (ends[i] - lengths[i])
        wanted = _WINDOW
        while wanted > 0 and i < len(texts):  # on into the next texts if this one ends
            piece = texts[i][start : start + wanted]
            sample.append(piece)
            wanted -= len(piece)
            i, start = i + 1, 0
    return sample


# Letters are counted on the text rendered one byte per character (see reader.text._fast):
# a translate deleting all but the R/AL (or L) bytes leaves as many bytes as such letters.
# Any character outside the table reaches an error handler that renders it as "ا" (R/AL),
# "a" (L) or nothing, classified like strong_counts does. (This runs for every file indexed.)
_TABLE = _fast.NEWS
_NOT_RTL = _TABLE.bytes_where(lambda c: unicodedata.bidirectional(c) not in _RTL_CLASSES)
_NOT_LTR = _TABLE.bytes_where(lambda c: unicodedata.bidirectional(c) != "L")


def _render_strong(run: str) -> str:
    rtl, ltr = strong_counts(run)
    return "\u0627" * rtl + "a" * ltr


_LETTER_ERRORS = _fast.error_handler("strong-letters", _render_strong)


def _letter_counts(text: str) -> tuple[int, int]:
    """strong_counts(text), at a fraction of the cost."""
    data = _TABLE.encode(text, _LETTER_ERRORS)
    return len(data.translate(None, _NOT_RTL)), len(data.translate(None, _NOT_LTR))


# For get_base_level: bidi controls go (display_safe drops them too, and P2 would skip
# isolated text), paragraph separators become spaces so P2 scans the whole paragraph
# rather than its first line, and surrogates go because the Rust side needs UTF-8.
_INVISIBLE_TO_P2 = re.compile(char_class(BIDI_CONTROLS + SURROGATES))
_PARAGRAPH_SEPARATORS = re.compile("[\n\r\x1c-\x1e\x85\u2029]")


def _first_strong_input(text: str) -> str:
    return _INVISIBLE_TO_P2.sub("", _PARAGRAPH_SEPARATORS.sub(" ", text))
