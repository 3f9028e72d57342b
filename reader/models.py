"""Qt models over the library: the article list and its filter/sort proxy."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from reader.arabic import paragraph_direction, single_line

if TYPE_CHECKING:
    from reader.library import ArticleMeta
    from reader.userdata import Bookmark

Index = QModelIndex | QPersistentModelIndex
_USER = Qt.ItemDataRole.UserRole


class Role(IntEnum):
    ID = _USER + 1
    TITLE = _USER + 2
    SOURCE = _USER + 3
    DATE = _USER + 4
    PATH = _USER + 5
    DIRECTION = _USER + 6
    WORDS = _USER + 7
    BOOKMARKED = _USER + 8
    MISSING = _USER + 9
    SORT_KEY = _USER + 10


class Column(IntEnum):
    BOOKMARK = 0
    TITLE = 1
    SOURCE = 2
    DATE = 3


_HEADERS = {
    Column.BOOKMARK: "★",
    Column.TITLE: QT_TRANSLATE_NOOP("ArticleListModel", "Title"),
    Column.SOURCE: QT_TRANSLATE_NOOP("ArticleListModel", "Source"),
    Column.DATE: QT_TRANSLATE_NOOP("ArticleListModel", "Date"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArticleListModel", text)


class ArticleListModel(QAbstractTableModel):
    """The articles of the library, plus bookmarked articles whose file is gone ("missing")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleMeta] = []
        self._row_of: dict[str, int] = {}
        self._bookmarked: set[str] = set()
        self._missing: set[str] = set()

    # --- Qt API ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(_HEADERS[Column(section)]) if section else _HEADERS[Column(section)]
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.BOOKMARK:
                return _tr("Bookmarked")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        meta = self._rows[index.row()]
        column = index.column()
        bookmarked = meta.id in self._bookmarked
        missing = meta.id in self._missing
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.BOOKMARK:
                return "★" if bookmarked else ""
            if column == Column.TITLE:
                return meta.title
            if column == Column.SOURCE:
                return _tr("file missing") if missing else meta.source
            if column == Column.DATE:
                return meta.date or ""
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if missing:
                return _tr("Bookmarked, but the file is no longer in the library:\n%1").replace(
                    "%1", single_line(meta.path)
                )
            if column == Column.TITLE:
                return meta.title
            return _tr("Bookmarked") if column == Column.BOOKMARK and bookmarked else None
        if role == Qt.ItemDataRole.FontRole and missing:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Column.BOOKMARK:
            return _tr("Bookmarked") if bookmarked else _tr("Not bookmarked")
        return self._role_data(meta, role, column, bookmarked, missing)

    def _role_data(
        self, meta: ArticleMeta, role: int, column: int, bookmarked: bool, missing: bool
    ) -> object:
        match role:
            case Role.ID:
                return meta.id
            case Role.TITLE:
                return meta.title
            case Role.SOURCE:
                return meta.source
            case Role.DATE:
                return meta.date
            case Role.PATH:
                return meta.path
            case Role.DIRECTION:
                # The list direction of a title is its own (a title starting "Su-35" is Arabic).
                return paragraph_direction(meta.title, default=meta.direction)
            case Role.WORDS:
                return meta.words
            case Role.BOOKMARKED:
                return bookmarked
            case Role.MISSING:
                return missing
            case Role.SORT_KEY:
                return self._sort_key(meta, column, bookmarked)
        return None

    @staticmethod
    def _sort_key(meta: ArticleMeta, column: int, bookmarked: bool) -> object:
        if column == Column.BOOKMARK:
            return int(bookmarked)
        if column == Column.SOURCE:
            return meta.source.casefold()
        if column == Column.DATE:
            return meta.date or ""
        return meta.title.casefold()

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({int(r): r.name.lower().encode() for r in Role})
        return names

    # --- ours ------------------------------------------------------------------------------

    def meta(self, row: int) -> ArticleMeta:
        return self._rows[row]

    def row_of(self, article_id: str) -> int:
        return self._row_of.get(article_id, -1)

    def newest_id(self) -> str | None:
        """The article with the latest date (missing bookmarks aside), if any."""
        present = (m for m in self._rows if m.id not in self._missing)
        newest = max(present, key=lambda m: (m.date or "", m.title), default=None)
        return newest.id if newest else None

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._row_of, self._missing = [], {}, set()
        self.endResetModel()

    def add_articles(self, articles: Iterable[ArticleMeta]) -> None:
        new = [a for a in articles if a.id not in self._row_of]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for offset, meta in enumerate(new):
            self._row_of[meta.id] = first + offset
        self._rows.extend(new)
        self.endInsertRows()

    def set_bookmarked_ids(self, ids: set[str]) -> None:
        changed = ids ^ self._bookmarked
        self._bookmarked = set(ids)
        for article_id in changed:
            self._emit_changed(article_id)

    def set_bookmarked(self, article_id: str, on: bool) -> None:
        if (article_id in self._bookmarked) == on:
            return
        if on:
            self._bookmarked.add(article_id)
        else:
            self._bookmarked.discard(article_id)
            if article_id in self._missing:
                self._remove(article_id)  # a missing article is listed only for its bookmark
                return
        self._emit_changed(article_id)

    def set_missing_bookmarks(self, bookmarks: Iterable[Bookmark]) -> None:
        """List bookmarks whose article is not in the library, with their title snapshot."""
        from reader.library import ArticleMeta

        rows = []
        for b in bookmarks:
            if b.id in self._row_of:
                continue
            self._missing.add(b.id)
            self._bookmarked.add(b.id)
            title = single_line(b.title)
            direction = paragraph_direction(title)
            rows.append(ArticleMeta(b.id, b.path, title, "", None, direction, 0, ""))
        self.add_articles(rows)

    def _remove(self, article_id: str) -> None:
        row = self._row_of[article_id]
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._missing.discard(article_id)
        self._row_of = {m.id: i for i, m in enumerate(self._rows)}
        self.endRemoveRows()

    def _emit_changed(self, article_id: str) -> None:
        row = self._row_of.get(article_id)
        if row is not None:
            self.dataChanged.emit(
                self.index(row, 0),
                self.index(row, len(Column) - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Role.BOOKMARKED,
                 Role.SORT_KEY, Qt.ItemDataRole.AccessibleTextRole],
            )  # fmt: skip


class ArticleFilterProxy(QSortFilterProxyModel):
    """Sorting by the column's sort key; the "Bookmarks" filter."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._bookmarks_only = False
        self.setSortRole(Role.SORT_KEY)
        self.setDynamicSortFilter(True)

    def bookmarks_only(self) -> bool:
        return self._bookmarks_only

    def set_bookmarks_only(self, on: bool) -> None:
        if on == self._bookmarks_only:
            return
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10 deprecates invalidateRowsFilter
            self.beginFilterChange()
            self._bookmarks_only = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._bookmarks_only = on
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._bookmarks_only:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(Role.BOOKMARKED))
