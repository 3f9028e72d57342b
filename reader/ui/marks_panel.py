"""The paragraph bookmarks panel: every marked paragraph with its note; a click goes there."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.qt.i18n import layout_direction
from reader.text.direction import paragraph_direction
from reader.text.sanitize import single_line
from reader.userdata.store import Mark

_MARK = Qt.ItemDataRole.UserRole + 1
_DIRECTION = Qt.ItemDataRole.UserRole + 2


class _OwnDirection(QStyledItemDelegate):
    """Each note in its own direction: an English note in an Arabic window reads left to right."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = layout_direction(index.data(_DIRECTION))
        option.displayAlignment = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


class MarksPanel(QDockWidget):
    mark_chosen = Signal(object)  # Mark
    remove_requested = Signal(object)  # Mark
    edit_requested = Signal(object)  # Mark

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Paragraph Bookmarks"), parent)
        self.setObjectName("marksPanel")
        self.list = QListWidget()
        self.list.setObjectName("marksList")
        self.list.setAccessibleName(self.tr("Paragraph bookmarks"))
        self.list.setItemDelegate(_OwnDirection(self.list))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.setWidget(self.list)

    def show_marks(self, marks: list[Mark]) -> None:
        self.list.clear()
        for mark in marks:
            note = single_line(mark.note)
            title = single_line(mark.title)
            text = f"{note}\n{title}" if note else title
            if not mark.found:  # kept all the same: the paragraph may come back, the note stays
                text += "\n" + self.tr("(not found in the article as it is now)")
            item = QListWidgetItem(text)
            item.setData(_MARK, mark)
            item.setData(_DIRECTION, paragraph_direction(note or title))
            # The marked words (a mark from an older Qari has none until its article opens).
            quote = single_line(mark.quote)
            tip = self.tr("“%1…” in “%2”").replace("%1", quote) if quote else "%2"
            item.setToolTip(tip.replace("%2", title))
            self.list.addItem(item)
        if not marks:
            empty = QListWidgetItem(
                self.tr("No paragraph bookmarks yet: Ctrl+Shift+D marks the paragraph at the top.")
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)

    def _context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        mark = item.data(_MARK) if item is not None else None
        if mark is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit the Note…"), lambda: self.edit_requested.emit(mark))
        menu.addAction(self.tr("Remove This Bookmark"), lambda: self.remove_requested.emit(mark))
        menu.exec(self.list.viewport().mapToGlobal(position))

    def _chosen(self, item: QListWidgetItem) -> None:
        mark = item.data(_MARK)
        if mark is not None:
            self.mark_chosen.emit(mark)
