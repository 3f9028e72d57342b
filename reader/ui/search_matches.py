"""The search's matches in the reading pane: found block by block as the article is built,
stepped through with F3, painted as extra selections over whole words.

Extra selections, not character formats: they change nothing in the document (printing and
PDF export show the article, not the search), and Qt repaints only what changed. With very
many matches only those around the visible part are painted.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from reader.text.query import Term
    from reader.ui.reading_view import ReadingView

# With more matches than this, only those within a screen or two of the visible part are
# painted, and repainted as the view scrolls: Qt shapes the line of every highlight that
# comes or goes again (~100 µs in a long paragraph), to know what to repaint.
MAX_PAINTED = 300
MATCH_COLOR = QColor(255, 214, 102)  # a marker-pen yellow, readable under black or white text


class SearchMatches:
    def __init__(self, view: ReadingView) -> None:
        self.view = view
        self.terms: list[Term] = []
        self.matches: list[tuple[int, int]] = []  # document positions, whole words
        self.current = -1
        self._scan_block = 0  # the next block to search
        self._pending_step = 0  # a go() waiting for the first matches to be found
        self._version = 0
        self._span: tuple[int, int] | None = None  # positions painted, if not all matches
        self._painted_key: tuple[int, int, int, int] | None = None
        self._announced: tuple[int, int] | None = None

    def set_terms(self, terms: list[Term]) -> None:
        self.terms = list(terms)
        self.reset()

    def count(self) -> int:
        return len(self.matches)

    def reset(self) -> None:
        """Forget the matches found (the document is about to change, or the terms)."""
        self.matches = []
        self.current = -1
        self._scan_block = 0
        self._pending_step = 0
        self._version += 1
        self._span = None
        self._painted_key = None

    def scanning(self) -> bool:
        """Are there blocks, built or still to build, not yet searched for matches?"""
        view = self.view
        if not self.terms or view.article() is None:
            return False
        return view.is_building() or self._scan_block < view.document().blockCount()

    def scan(self, budget: int) -> None:
        """Search about ``budget`` more characters of the blocks built so far."""
        if not self.scanning():
            return
        from reader.text.query import find_matches

        block = self.view.document().findBlockByNumber(self._scan_block)
        scanned = 0
        while block.isValid() and scanned < budget:
            text = block.text()
            spans = find_matches(self.terms, text)
            if spans:
                base = block.position()
                self.matches.extend((base + a, base + b) for a, b in spans)
            scanned += len(text) + 1
            self._scan_block += 1
            block = block.next()

    def go(self, step: int) -> None:
        """The next (+1) or previous (-1) match, wrapping around; shown in the middle."""
        if not self.matches:
            self._pending_step = step if self.scanning() else 0
            return
        self._pending_step = 0
        if self.current < 0:
            self.current = 0 if step > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + step) % len(self.matches)
        view = self.view
        cursor = QTextCursor(view.document())
        cursor.setPosition(self.matches[self.current][0])
        rect = view.cursorRect(cursor)
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - view.viewport().height() // 2)
        self.paint(recentre=True, announce=True)

    def resolve_pending_step(self) -> None:
        step = self._pending_step
        if step and self.matches and (step > 0 or not self.scanning()):
            self.go(step)
        elif step and not self.scanning():
            self._pending_step = 0

    def on_scrolled(self) -> None:
        if self._span is not None:
            top, bottom = self.view.top_position(), self.view.bottom_position()
            if top < self._span[0] or bottom > self._span[1]:
                self.paint(recentre=True)

    def paint(self, recentre: bool = False, announce: bool = False) -> None:
        """Paint the matches, or those around the view if there are too many.

        ``recentre``: around the view as it is now (else around where it was painted last).
        ``announce``: emit matches_changed even if the current match and count are the same.
        """
        total = len(self.matches)
        if total <= MAX_PAINTED:
            self._span = None
            low, high = 0, total
        else:
            if recentre or self._span is None:
                top, bottom = self.view.top_position(), self.view.bottom_position()
                extra = max(bottom - top, 2_000)
                self._span = (max(0, top - extra), bottom + extra)
            first, last = self._span
            low = bisect.bisect_left(self.matches, (first, 0))
            high = bisect.bisect_left(self.matches, (last, 0), lo=low)
        key = (self._version, low, high, self.current)
        if key != self._painted_key:
            self._painted_key = key
            self._set_selections(low, high)
        announced = (self.current, total)
        if announce or announced != self._announced:
            self._announced = announced
            self.view.matches_changed.emit(*announced)

    def _set_selections(self, low: int, high: int) -> None:
        """Highlight matches ``low`` to ``high`` (not included)."""
        view = self.view
        palette = view.palette()
        plain = QTextCharFormat()
        plain.setBackground(MATCH_COLOR)
        plain.setForeground(QColor("black"))
        current = QTextCharFormat()
        current.setBackground(palette.color(QPalette.ColorRole.Highlight))
        current.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        document = view.document()
        keep = QTextCursor.MoveMode.KeepAnchor
        selections = []
        # Inside an edit block a cursor skips working out its x (for moving up and down):
        # that means shaping the line again, ~100 µs far down a long article.
        batch = QTextCursor(document)
        batch.beginEditBlock()
        for number in range(low, high):
            start, end = self.matches[number]
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, keep)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = current if number == self.current else plain
            selections.append(selection)
        batch.endEditBlock()
        # Qt compares with the highlights already there and repaints only what changed.
        view.setExtraSelections(selections)
