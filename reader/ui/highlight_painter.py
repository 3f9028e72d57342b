"""The user's highlights in the reading pane: character formats over whole words.

Formats, not extra selections (which the search's matches use): they are part of the
document, so a highlight shows in printing and in PDF export too. A highlight holds whole
words (reader.text.anchoring.snap_to_words), and Qt shapes each format run on its own, so
its edges never fall inside a word. Highlights live in the article's own text; each is
painted once the part of the document showing it has been laid out (a long article is built
in steps), and a changed set is painted by building the document again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from reader.userdata.formats import DEFAULT_COLOR, HIGHLIGHT_COLORS

if TYPE_CHECKING:
    from reader.ui.reading_view import ReadingView

# Marker-pen pastels: black text stays readable on each, in the light and the dark theme.
_PASTELS = {
    "yellow": QColor(253, 230, 138),
    "green": QColor(187, 247, 208),
    "blue": QColor(191, 219, 254),
    "pink": QColor(251, 207, 232),
}
COLORS = {name: _PASTELS[name] for name in HIGHLIGHT_COLORS}  # the store's names, its order
__all__ = ["COLORS", "DEFAULT_COLOR", "Highlight", "HighlightPainter"]


class Highlight(NamedTuple):
    start: int  # offsets in the article's text (reader.text.anchoring)
    end: int
    color: str  # a key of COLORS


class HighlightPainter:
    def __init__(self, view: ReadingView) -> None:
        self.view = view
        self.highlights: tuple[Highlight, ...] = ()
        self._unpainted: list[Highlight] = []

    def set(self, highlights: Sequence[Highlight]) -> bool:
        """The highlights of the article shown; True if they changed (the document must be
        built again: formats once merged are not taken back one by one)."""
        highlights = tuple(sorted(highlights))
        if highlights == self.highlights:
            return False
        self.highlights = highlights
        return True

    def restart(self) -> None:
        """The document is being built again: every highlight is to be painted."""
        self._unpainted = list(self.highlights)

    def paint_laid_out(self) -> None:
        """Paint the highlights whose words are in the document by now."""
        if not self._unpainted:
            return
        view = self.view
        document = view.document()
        waiting = []
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for highlight in self._unpainted:
            start, end = view.position_of(highlight.start), view.position_of(highlight.end)
            if start is None or end is None:
                waiting.append(highlight)  # not laid out yet (or not shown at all)
                continue
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(_format(highlight.color))
        cursor.endEditBlock()
        self._unpainted = waiting


def _format(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(COLORS.get(color, COLORS[DEFAULT_COLOR]))
    fmt.setForeground(QColor("black"))
    return fmt
