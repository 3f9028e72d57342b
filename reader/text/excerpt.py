"""Long articles: how much of one the reading pane shows, and in what pieces.

Qt-free. A 20 MB file or a 2 MB line must neither freeze the window nor fill the memory:
the pane shows at most :data:`SHOWN_CHARS` characters of body text (an :class:`Excerpt`,
with a note saying what is left out), and splits a giant paragraph into :func:`pieces` of
at most :data:`PIECE_CHARS` characters, because Qt lays out (and re-lays out on every
resize) each paragraph as one unit, in time that grows with its length.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from reader.text.article import Article, Block
from reader.text.direction import article_direction_of
from reader.text.language import article_language

__all__ = [
    "PIECE_CHARS",
    "SHOWN_CHARS",
    "Excerpt",
    "excerpt",
    "pieces",
]

# About 1,000 pages: far more than anyone reads in a pane, little enough to lay out in ~2 s
# (in steps, off the critical path) and to keep a few MB of document in memory.
SHOWN_CHARS = 2_000_000
# A paragraph longer than this is shown as several blocks. Qt lays out ~1,500 Arabic
# characters a millisecond, so a piece costs a few ms, however long its paragraph.
PIECE_CHARS = 4_000
# Where a sentence ends (the cut goes after the space), in order of preference.
_SENTENCE_BREAKS = (". ", "! ", "? ", "\u061f ", "\u2026 ", "\u06d4 ", "\u061b ", "; ", ": ")
# A hard cut (no space at all) moves back this far at most to keep marks with their letter.
_MAX_MARK_RUN = 32


@dataclass(frozen=True, slots=True)
class Excerpt:
    """As much of an article as the reading pane shows."""

    article: Article  # title, source, date; the blocks up to the limit (the last one cut short)
    direction: str  # "rtl" or "ltr": the whole article's, as the library lists it
    minutes: int  # reading time of the whole article (estimated when not all is shown)
    left_out: int  # characters of body text not in ``article`` (0: all of it is there)
    language: str = ""  # reader.text.language: what the meta line speaks ("" none known)


def excerpt(article: Article, limit: int = SHOWN_CHARS) -> Excerpt:
    """The first ``limit`` characters of ``article``'s body, cut after a whole word."""
    blocks: list[Block] = []
    used = 0
    total = sum(len(b.text) for b in article.blocks)
    if total <= limit:
        blocks = list(article.blocks)
        used = total
    else:
        for block in article.blocks:
            room = limit - used
            if len(block.text) <= room:
                blocks.append(block)
                used += len(block.text)
                continue
            cut = block.text.rfind(" ", 0, room + 1)
            text = block.text[: cut if cut > 0 else room].rstrip()
            if text:
                blocks.append(Block(block.kind, text))
                used += len(text)
            break
    shown = Article(article.title, article.source, article.date, tuple(blocks))
    left_out = total - used
    minutes = shown.reading_minutes()
    if left_out:
        # Counting the words of 20 MB takes a second; the shown part's density will do.
        minutes = math.ceil(minutes * total / max(used, 1))
    # Of the whole article, not of the part shown: the list says what the pane shows.
    direction = article_direction_of(article)
    language = article_language([shown.title, *(b.text for b in shown.blocks)], direction)
    return Excerpt(shown, direction, minutes, left_out, language)


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """``text`` in consecutive pieces of at most ``size`` characters, for display.

    Cuts after the last sentence end past the first quarter of a piece if there is one,
    else at the last space (which is dropped); only text without a space is cut inside a
    word, and never before a combining mark. Joined with spaces, the pieces give ``text``
    back when every cut fell on a space.
    """
    start, end = 0, len(text)
    while end - start > size:
        window_end = start + size + 1  # a space right after a full piece is a fine cut
        floor = start + max(1, size // 4)
        cut = max(text.rfind(mark, floor, window_end) for mark in _SENTENCE_BREAKS)
        # After the sentence end's own space, else at the last space.
        cut = text.index(" ", cut) if cut >= 0 else text.rfind(" ", start + 1, window_end)
        if cut >= 0:
            yield text[start:cut]
            start = cut + 1
            continue
        cut = start + size
        floor = max(start + 1, cut - _MAX_MARK_RUN)
        while cut > floor and unicodedata.category(text[cut]).startswith("M"):
            cut -= 1
        yield text[start:cut]
        start = cut
    if start < end:
        yield text[start:]
