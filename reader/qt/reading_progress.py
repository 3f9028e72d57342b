"""Where the reader is: positions in articles, what has been read, and moving on.

An article counts as read once it has been open for a few seconds or scrolled to its end.
Its position is saved when the reader leaves it and restored when it is opened again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from reader.library.entries import ArticleMeta
    from reader.qt.models import ArticleListModel
    from reader.qt.user_state import UserState
    from reader.ui.reading_view import ReadingView

READ_AFTER_MS = 4000


class ReadingProgress(QObject):
    def __init__(
        self,
        user_state: UserState,
        model: ArticleListModel,
        view: ReadingView,
        select_row: Callable[[int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.user_state = user_state
        self.model = model
        self.view = view
        self._select_row = select_row
        self._current: ArticleMeta | None = None
        self._restore_to: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_AFTER_MS)
        self._timer.timeout.connect(self._mark_current_read)
        view.ready.connect(self._restore_position)
        view.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # --- the article being read ----------------------------------------------------------------

    def leave(self) -> None:
        """Remember where the reader is in the current article (called before switching)."""
        if self._current is None:
            return
        bar = self.view.verticalScrollBar()
        if not self.view.is_busy() and bar.maximum() > 0:
            self.user_state.set_position(self._current.id, bar.value() / bar.maximum())

    def opened(self, meta: ArticleMeta, restore: bool) -> None:
        """An article is now shown; ``restore``: scroll back to where the reader left it."""
        self._current = meta
        self._timer.start()
        self._restore_to = self.user_state.position(meta.id) if restore else None
        if not self.view.is_busy():
            self._restore_position()

    def _restore_position(self) -> None:
        if self._restore_to is None:
            return
        bar = self.view.verticalScrollBar()
        bar.setValue(round(self._restore_to * bar.maximum()))
        self._restore_to = None

    def _on_scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        at_end = bar.maximum() > 0 and value >= bar.maximum() and not self.view.is_busy()
        if at_end and self._current is not None:
            self._mark_current_read()  # scrolled through to the end

    def _mark_current_read(self) -> None:
        if self._current is not None:
            self.user_state.set_read(self._current.id)

    # --- moving on ---------------------------------------------------------------------------

    def step(self, rows: int) -> None:
        """The next (+1) or previous (-1) article in the list's order."""
        row = self.model.row_of(self._current.id) if self._current else -1
        target = row + rows
        if 0 <= target < self.model.rowCount():
            self._select_row(target)
        elif row < 0 and self.model.rowCount():
            self._select_row(0)

    def next_unread(self) -> bool:
        """The first unread article after the current one (wrapping around)."""
        count = self.model.rowCount()
        start = self.model.row_of(self._current.id) if self._current else -1
        for offset in range(1, count + 1):
            row = (start + offset) % count
            meta = self.model.meta(row)
            if meta.id not in self.user_state.read and not self.model.is_missing(meta.id):
                self._select_row(row)
                return True
        return False
