"""Paragraph mark commands: mark the paragraph in view with a note, edit or remove a mark,
and go to one from the panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from reader.qt.actions import ActionId
from reader.text.sanitize import single_line
from reader.userdata.store import StoreError

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.ui.main_window import MainWindow
    from reader.userdata.store import Mark


class MarkCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.user_state
        self.panel = window.marks_panel
        self._goto_block: int | None = None  # a paragraph to show once its article is open
        a = window.actions_
        a[ActionId.MARK_PARAGRAPH].triggered.connect(self.mark_paragraph)
        a[ActionId.SHOW_MARKS].toggled.connect(self.show_panel)
        self.panel.visibilityChanged.connect(a[ActionId.SHOW_MARKS].setChecked)
        self.panel.mark_chosen.connect(self.go_to_mark)
        self.panel.remove_requested.connect(self.remove_mark)
        self.panel.edit_requested.connect(self.edit_mark)
        self.state.marks_changed.connect(self._refresh_panel)
        window.view.ready.connect(self.scroll_to_pending)

    def _refresh_panel(self) -> None:
        if self.panel.isVisible():
            self.panel.show_marks(self.state.marks())

    def show_panel(self, on: bool) -> None:
        if on:
            self.panel.show_marks(self.state.marks())
        self.panel.setVisible(on)

    def mark_paragraph(self) -> None:
        window = self.window
        meta = window.current
        if meta is None or window.model.is_missing(meta.id):
            return
        block = window.view.top_block()
        excerpt = single_line(window.view.block_text(block))[:80]
        note, ok = QInputDialog.getText(
            window, self.tr("Bookmark This Paragraph"),
            self.tr("A note for “%1…” (optional):").replace("%1", excerpt),
        )  # fmt: skip
        if ok and self._saved(
            lambda: self.state.add_mark(meta.id, block, note.strip(), meta.title, meta.path)
        ):
            window.statusBar().showMessage(self.tr("Paragraph bookmarked"), 3000)

    def remove_mark(self, mark: Mark) -> None:
        self._saved(lambda: self.state.remove_mark(mark.mark))

    def edit_mark(self, mark: Mark) -> None:
        note, ok = QInputDialog.getText(
            self.window, self.tr("Edit the Note"), self.tr("Note:"), text=mark.note
        )
        if ok:
            self._saved(lambda: self.state.update_mark(mark.mark, note.strip()))

    def _saved(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except StoreError as err:
            QMessageBox.warning(self.window, self.tr("Bookmark not saved"), single_line(str(err)))
            return False
        return True

    def go_to_mark(self, mark: Mark) -> None:
        """Open the marked article (if it is in the library) at the marked paragraph."""
        window = self.window
        if window.current is not None and window.current.id == mark.article_id:
            window.view.scroll_to_block(mark.block)
            return
        self._goto_block = mark.block
        if not window.select_article(mark.article_id):
            self._goto_block = None
            window.statusBar().showMessage(
                self.tr("That article is not in the library that is open."), 5000
            )

    def jumping(self) -> bool:
        """An article is being opened to show a mark (not at the reader's last place)."""
        return self._goto_block is not None

    def scroll_to_pending(self) -> None:
        if self._goto_block is not None and not self.window.view.is_busy():
            self.window.view.scroll_to_block(self._goto_block)
            self._goto_block = None
