"""Selections in the reading pane that never cut a word.

Qt shapes each format run on its own, so a selection (or a highlight) whose edge falls
inside an Arabic word draws that word as two separately joined pieces: جونغ breaks apart
where a drag ends inside it. A drag with the mouse therefore grows, as it goes, to the edges
of the words it cuts (it never shrinks: a reader copying a sentence keeps its full stop);
a highlight takes the whole words of the selection (reader.text.anchoring.snap_to_words).
Keyboard selection (Shift+arrows, which a read-only pane does not offer of itself: arrows
scroll a reader) moves a character at a time and is left alone while it grows; Ctrl+H snaps
it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor

if TYPE_CHECKING:
    from reader.ui.reading_view import ReadingView


def selected_words(view: ReadingView, start: int, end: int) -> tuple[int, int] | None:
    """The whole words between two document positions, as offsets in the article's text;
    None if no word of the article is there (only the title, the meta line, spaces)."""
    # Imported on first use, as the pane does: not needed to paint an empty window.
    from reader.text.anchoring import article_text, snap_to_words

    article = view.article()
    if article is None:
        return None
    text = article_text(article).text
    start, end = sorted((start, end))
    first, last = view.offset_of(start), view.offset_of(end)
    if first is None and last is None:
        return None
    # From the title or meta line into the body, or from the body into the closing note.
    return snap_to_words(text, 0 if first is None else first, len(text) if last is None else last)


def _cut_word(text: str, at: int) -> tuple[int, int] | None:
    """The word that offset ``at`` falls inside of (not at its edge), if any."""
    from reader.text.anchoring import snap_to_words

    before, after = snap_to_words(text, at - 1, at), snap_to_words(text, at, at + 1)
    return before if before is not None and before == after else None


Move = QTextCursor.MoveOperation
# Shift+key (and Ctrl+Shift+key) extends the selection; Left and Right go visually, as the
# arrows point, in a right-to-left paragraph too.
_EXTEND = {
    Qt.Key.Key_Left: (Move.Left, Move.WordLeft),
    Qt.Key.Key_Right: (Move.Right, Move.WordRight),
    Qt.Key.Key_Up: (Move.Up, Move.Up),
    Qt.Key.Key_Down: (Move.Down, Move.Down),
    Qt.Key.Key_Home: (Move.StartOfLine, Move.Start),
    Qt.Key.Key_End: (Move.EndOfLine, Move.End),
}


class WordSelection(QObject):
    """Grows a mouse selection in ``view`` to whole words while it is dragged, and lets
    Shift+arrows select."""

    def __init__(self, view: ReadingView) -> None:
        super().__init__(view)
        self.view = view
        self._dragging = False
        self._snapping = False
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.selectionChanged.connect(self._snap)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and watched is self.view:
            assert isinstance(event, QKeyEvent)
            return self._extend(event)
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton:
                self._dragging = kind == QEvent.Type.MouseButtonPress
        return False

    def _extend(self, event: QKeyEvent) -> bool:
        Mod = Qt.KeyboardModifier
        modifiers = event.modifiers() & ~Mod.KeypadModifier
        moves = _EXTEND.get(Qt.Key(event.key()))
        if moves is None or modifiers not in (
            Mod.ShiftModifier,
            Mod.ShiftModifier | Mod.ControlModifier,
        ):
            return False
        cursor = self.view.textCursor()
        cursor.movePosition(
            moves[bool(modifiers & Mod.ControlModifier)], QTextCursor.MoveMode.KeepAnchor
        )
        self.view.setTextCursor(cursor)  # and scrolls to show where it went
        return True

    def _snap(self) -> None:
        view = self.view
        cursor = view.textCursor()
        article = view.article()
        if not self._dragging or self._snapping or not cursor.hasSelection() or article is None:
            return
        from reader.text.anchoring import article_text

        text = article_text(article).text
        anchor, position = cursor.anchor(), cursor.position()
        ends = []
        for at, leading in ((anchor, anchor < position), (position, position < anchor)):
            offset = view.offset_of(at)
            word = None if offset is None else _cut_word(text, offset)
            moved = None if word is None else view.position_of(word[0] if leading else word[1])
            ends.append(at if moved is None else moved)
        if tuple(ends) == (anchor, position):
            return
        # The anchor grown too: Qt keeps it as the drag goes on and moves only the other end.
        cursor.setPosition(ends[0])
        cursor.setPosition(ends[1], QTextCursor.MoveMode.KeepAnchor)
        self._snapping = True
        try:
            view.setTextCursor(cursor)
        finally:
            self._snapping = False
