"""Which part of the article each block of the reading pane's document shows.

The document is not the article: a title, a meta line and maybe a notice come first, a
note may come last, a giant paragraph is several document blocks (its pieces, with the
space at each cut dropped), and control characters are left out of what is shown. Marks and
highlights live in the article's own text (reader.text.anchoring); this map takes them to
document positions and back; :class:`ArticlePlaces` gives the pane its methods for that.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from reader.text.anchoring import ArticleText
    from reader.text.article import Article


class BlockMap:
    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self._text: ArticleText | None = None
        self._first = 0  # the document block showing the body's first piece
        self._blocks: list[int] = []  # per body document block: its index in Article.blocks
        self._starts: list[int] = []  # and where its piece starts in the article's text
        self._lengths: list[int] = []
        self._next = 0  # where the next piece of the same block starts, but for a cut space

    def begin(self, article: Article, first: int) -> None:
        """The body of ``article`` starts at document block ``first``."""
        # Imported on first use, as the pane does: not needed to paint an empty window.
        from reader.text.anchoring import article_text

        self.clear()
        self._text, self._first = article_text(article), first

    def add(self, index: int, piece: str) -> None:
        """The next document block shows ``piece``, the next piece of block ``index``."""
        assert self._text is not None
        if not self._blocks or self._blocks[-1] != index:
            start = self._text.starts[index]
        else:
            start = self._next
            if self._text.text.startswith(" ", start):  # the cut was at this space
                start += 1
        self._blocks.append(index)
        self._starts.append(start)
        self._lengths.append(len(piece))
        self._next = start + len(piece)

    def _piece(self, number: int, onward: bool) -> int | None:
        """The body piece shown by document block ``number``; ``onward``: or the first one
        after it, when ``number`` is before the body (the title, the meta line)."""
        piece = number - self._first
        if onward and piece < 0:
            piece = 0
        return piece if 0 <= piece < len(self._blocks) else None

    def article_block(self, number: int, onward: bool = False) -> int | None:
        """The index in Article.blocks shown by document block ``number``, if any."""
        piece = self._piece(number, onward)
        return None if piece is None else self._blocks[piece]

    def piece_start(self, number: int, onward: bool = False) -> int | None:
        """Where the text of document block ``number`` starts in the article's text."""
        piece = self._piece(number, onward)
        return None if piece is None else self._starts[piece]

    def block_start(self, index: int) -> int | None:
        """Where Article.blocks[index] starts in the article's text, if it is shown."""
        piece = bisect.bisect_left(self._blocks, index)
        found = piece < len(self._blocks) and self._blocks[piece] == index
        return self._starts[piece] if found else None

    def position(self, document: QTextDocument, offset: int) -> int | None:
        """The document position showing ``offset`` of the article's text; None if that part
        is not in the document (not laid out yet, or beyond what is shown)."""
        piece = bisect.bisect_right(self._starts, offset) - 1
        if piece < 0 or offset > self._starts[-1] + self._lengths[-1] or self._text is None:
            return None
        block = document.findBlockByNumber(self._first + piece)
        if not block.isValid():
            return None
        start, length = self._starts[piece], self._lengths[piece]
        # A cut space or the "\n" after a paragraph: the end of the piece before it.
        column = min(offset - start, length)
        raw = self._text.text[start : start + length]
        return block.position() + _to_shown(raw, block.text(), column)

    def top(self, document: QTextDocument, offset: int) -> float | None:
        """The y, in the document, of the line showing ``offset`` of the article's text."""
        position = self.position(document, offset)
        if position is None:
            return None
        block = document.findBlock(position)
        top = document.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        if position > block.position() and line.isValid():
            top += line.y()  # a line inside the block: a highlight, say
        return top

    def offset(self, document: QTextDocument, position: int) -> int | None:
        """The offset in the article's text shown at a document position; None in the title,
        the meta line, a notice or the note."""
        block = document.findBlock(position)
        piece = block.blockNumber() - self._first if block.isValid() else -1
        if not 0 <= piece < len(self._blocks) or self._text is None:
            return None
        start = self._starts[piece]
        raw = self._text.text[start : start + self._lengths[piece]]
        return start + _to_raw(raw, block.text(), position - block.position())


def _alignment(raw: str, shown: str) -> list[int]:
    """For each character of ``shown``, its index in ``raw`` (which it is ``raw`` with some
    characters dropped and whitespace runs made single spaces)."""
    # A loop per character, but only over a piece (at most PIECE_CHARS) the display changed.
    found: list[int] = []
    at, end = 0, len(raw)
    for char in shown:
        while at < end and raw[at] != char and not (char == " " and raw[at].isspace()):
            at += 1
        found.append(min(at, end))
        at += 1
    return found


def _to_shown(raw: str, shown: str, column: int) -> int:
    if raw == shown:
        return column
    return bisect.bisect_left(_alignment(raw, shown), column)


def _to_raw(raw: str, shown: str, column: int) -> int:
    if raw == shown:
        return min(max(column, 0), len(raw))
    found = _alignment(raw, shown)
    return found[column] if 0 <= column < len(found) else len(raw)


class ArticlePlaces:
    """The reading pane's places in the article's own text, mixed into ReadingView (which
    keeps the :class:`BlockMap` of the document it builds in ``_block_map``)."""

    _block_map: BlockMap

    def _top_block(self) -> int:
        point = QPoint(self.viewport().width() // 2, 4)
        return self.cursorForPosition(point).blockNumber()

    def article_block_at_top(self) -> int | None:
        """The index in ``Article.blocks`` of the paragraph at the top of the view (the first
        one while the title or meta line is there); None past the article's end."""
        return self._block_map.article_block(self._top_block(), onward=True)

    def offset_at_top(self) -> int | None:
        """Where the paragraph at the top (or the piece of a giant one) starts in the
        article's text."""
        return self._block_map.piece_start(self._top_block(), onward=True)

    def scroll_to_article_block(self, index: int) -> bool:
        start = self._block_map.block_start(index)
        return start is not None and self.scroll_to_offset(start)

    def scroll_to_offset(self, offset: int) -> bool:
        """Bring the line showing ``offset`` of the article's text to the top; False if that
        part is not in the document (not laid out yet, or not shown)."""
        top = self._block_map.top(self.document(), offset)
        if top is not None:
            self.verticalScrollBar().setValue(int(top))
        return top is not None

    def position_of(self, offset: int) -> int | None:
        """The document position showing ``offset`` of the article's text, if shown."""
        return self._block_map.position(self.document(), offset)

    def offset_of(self, position: int) -> int | None:
        """The offset in the article's text shown at a document position; None in the title,
        the meta line, a notice or the closing note."""
        return self._block_map.offset(self.document(), position)
