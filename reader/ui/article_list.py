"""The article list: one row per article, each title laid out in its own direction."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from reader.models import Column, Role


class DirectionDelegate(QStyledItemDelegate):
    """Gives each cell the direction of its own text.

    The style lays cell text out in the view's direction; an Arabic title in a left-to-right
    window would then end with its punctuation on the wrong side, so set it per cell.
    """

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() in (Column.TITLE, Column.SOURCE):
            rtl = index.data(Role.DIRECTION) == "rtl"
            option.direction = (
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
            option.displayAlignment = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        elif index.column() == Column.BOOKMARK:
            option.displayAlignment = Qt.AlignmentFlag.AlignCenter


class ArticleList(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName(self.tr("Articles"))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(DirectionDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A flat list has nothing to expand or collapse: let + and - reach the window (zoom).
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            event.ignore()
            return
        super().keyPressEvent(event)

    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        # Qt derives the default minimum from the font's widest glyphs, which with the Arabic
        # fallback font comes out at over 100 px: wider than the bookmark and date columns.
        header.setMinimumSectionSize(self.fontMetrics().height())
        # Sized by content rather than fixed pixels: a font or style change re-measures them.
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
