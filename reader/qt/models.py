"""The Qt model of the article list: the catalog's view, with named roles.

Lazy: a view is its rows' keys (reader.library.catalog); the articles of the rows Qt asks
about are fetched a page at a time (reader.library.rows), so a million rows cost no more to
show than a hundred."""

from __future__ import annotations

import dataclasses
import datetime as dt
from array import array
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from reader.library.rows import Rows
from reader.library.views import SortKey, View, ViewSpec
from reader.qt.columns import HEADERS as _HEADERS
from reader.qt.columns import SORT_OF_COLUMN as _SORT_OF_COLUMN
from reader.qt.columns import Column, Role
from reader.text.direction import paragraph_direction
from reader.text.language import ARABIC
from reader.text.metaline import format_hijri, localize_digits
from reader.text.sanitize import path_line

if TYPE_CHECKING:
    from reader.library.catalog import Catalog
    from reader.library.entries import ArticleMeta
    from reader.library.index import Hits
    from reader.qt.snippet_loader import SnippetLoader
    from reader.qt.user_state import UserState
    from reader.text.query import Term
    from reader.text.snippets import Snippet

Index = QModelIndex | QPersistentModelIndex

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

_DISPLAY, _TOOLTIP, _FONT, _ACCESSIBLE = (
    int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                     Qt.ItemDataRole.FontRole, Qt.ItemDataRole.AccessibleTextRole)
)  # fmt: skip
# The roles data() answers. The delegate asks each cell painted for seven, five of which
# (decoration, alignment, the two colours, check state) it leaves to the style: those are
# answered at once, before the row's article is looked up (they are most calls of a repaint).
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FONT, _ACCESSIBLE, *map(int, Role)})


def _tr(text: str) -> str:
    return translate("ArticleListModel", text)


class ArticleListModel(QAbstractTableModel):
    """The rows the catalog's view gives for the sort, filters and search in force.

    A row per story (or article); a story's row opens (``open_story``) to list its other
    versions under it, earliest first, as rows of their own (reader.library.rows).

    Bookmarked articles whose file is gone are listed too ("missing"), from their snapshot.
    Every change of sort, filter or search resets the model; the window keeps its current
    article selected across resets (MainWindow._after_view_change).
    """

    view_changed = Signal()  # after every reset: counts, selection

    def __init__(self, user_state: UserState, parent=None) -> None:
        super().__init__(parent)
        self.catalog: Catalog | None = None  # until a library is open: no rows
        self.user_state = user_state
        # The view filters and sorts by the user's own sets, not by copies of them.
        self.spec = ViewSpec(bookmarked=user_state.bookmarked, read=user_state.read)
        self._rows: Rows | None = None
        self._sort_before_search = (self.spec.sort, self.spec.descending)
        self.arabic_digits = False  # show dates with ٠١٢٣…
        self.place_kept = False  # the last reset's (refresh)
        self._terms: list[Term] = []
        # Made by the first search: until then the modules that read files stay unloaded.
        self._snippet_loader: SnippetLoader | None = None
        user_state.bookmark_changed.connect(self._on_bookmark_changed)
        user_state.bookmarks_reset.connect(self._on_bookmarks_reset)
        user_state.read_changed.connect(self._on_read)

    # --- Qt API ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not 0 <= column < len(Column) or not 0 <= row < self.rowCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        return QModelIndex()  # flat: the versions of an open story are rows of their own

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._rows) if self._rows is not None and not parent.isValid() else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(_HEADERS[Column(section)]) if section else _HEADERS[Column(section)]
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.BOOKMARK:
                return translate("ArticleListModel", "Bookmarked")
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.VERSIONS:
                return translate(
                    "ArticleListModel",
                    "How many versions each story has: sort by it to see the most widely published",
                )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ANSWERED:
            return None
        meta = self.meta_at(index)
        if meta is None:
            return None
        column = index.column()
        bookmarked = meta.id in self.spec.bookmarked
        missing = meta.key < 0
        if role == _DISPLAY:
            if column == Column.BOOKMARK:
                return "★" if bookmarked else ""
            if column == Column.TITLE:
                return meta.title
            if column == Column.SOURCE:
                return (
                    translate("ArticleListModel", "file missing")
                    if missing
                    else meta.source_label()
                )
            if column == Column.DATE:
                return localize_digits(meta.date or "", self.arabic_digits)
            if column == Column.HIJRI:
                return self._hijri(meta.date)
            if column == Column.VERSIONS:
                count = self._version_count(index)
                return localize_digits(str(count), self.arabic_digits) if count else ""
            return None
        if role == _TOOLTIP:
            if missing:
                return QCoreApplication.translate(
                    "ArticleListModel", "Bookmarked, but the file is no longer in the library:\n%1"
                ).replace("%1", path_line(meta.path))
            if column == Column.TITLE:
                return meta.title
            if column == Column.SOURCE:
                return meta.source or None  # the whole line, as the article has it
            return (
                translate("ArticleListModel", "Bookmarked")
                if column == Column.BOOKMARK and bookmarked
                else None
            )
        if role == _FONT and (missing or meta.id not in self.spec.read):
            font = QFont()
            font.setItalic(missing)
            font.setBold(not missing)  # unread titles stand out
            return font
        if role == _ACCESSIBLE and column == Column.BOOKMARK:
            return (
                translate("ArticleListModel", "Bookmarked")
                if bookmarked
                else translate("ArticleListModel", "Not bookmarked")
            )
        if role == Role.VERSIONS:
            return self._version_count(index)
        if role == Role.LEVEL:
            return self.level(index.row())
        if role == Role.OPEN:
            return self.is_open(index.row())
        return self._role_data(meta, role, bookmarked, missing)

    def _role_data(self, meta: ArticleMeta, role: int, bookmarked: bool, missing: bool) -> object:
        match role:
            case Role.ID:
                return meta.id
            case Role.KEY:
                return meta.key
            case Role.TITLE:
                return meta.title
            case Role.SOURCE:
                return meta.source
            case Role.PUBLICATION:
                return meta.publication
            case Role.AGENCY:
                return meta.agency
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
            case Role.SNIPPET:
                return self._snippet(meta) if not missing else None
        return None

    def _version_count(self, index: Index) -> int:
        if self._rows is None:
            return 0
        top, under = self._rows.locate(index.row())
        return self._rows.version_count(top) if under < 0 else 0

    def _snippet(self, meta: ArticleMeta) -> Snippet | None:
        # Asked from the delegate's paint, for the rows on screen: never read a file here.
        loader = self._snippet_loader
        return loader.snippet(meta.id, meta.path) if loader is not None else None

    def _on_snippet(self, article_id: str, path: str) -> None:
        index = self.index_of(article_id, Column.TITLE)
        if index.isValid() and self.meta_at(index).path == path:  # still listed, same file
            self.dataChanged.emit(index, index, [Role.SNIPPET])

    def _hijri(self, date: str | None) -> str:
        if not date:
            return ""
        hijri = format_hijri(dt.date.fromisoformat(date), ARABIC)
        return localize_digits(hijri, self.arabic_digits)

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({int(r): r.name.lower().encode() for r in Role})
        return names

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = _SORT_OF_COLUMN.get(Column(column)) if 0 <= column < len(Column) else None
        if sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (self.spec.sort, self.spec.descending) != (sort, descending):
            self.spec.sort, self.spec.descending = sort, descending
            self.refresh()

    # --- ours ------------------------------------------------------------------------------

    def set_catalog(self, catalog: Catalog | None) -> None:
        """The open library's (None: none open)."""
        self.catalog = catalog
        self.refresh()

    def refresh(self, keep_place: bool = False) -> None:
        """Compute the rows again (after the library changed, or the view spec did).

        ``keep_place``: the library changed under the same view (a file arrived): the list
        is to stay where the reader scrolled to, not move to the article open."""
        self.place_kept = keep_place
        catalog = self.catalog
        rows = None
        if catalog is not None:  # asked before the reset: an SQLite error leaves all as it was
            rows = Rows(
                catalog, catalog.view(self.spec), self.spec.grouped and catalog.has_stories()
            )
        self.beginResetModel()
        if self._snippet_loader is not None:
            self._snippet_loader.reset(self._terms)  # a file may have changed
        self._rows = rows
        self.endResetModel()
        self.view_changed.emit()

    def meta(self, row: int) -> ArticleMeta:
        """The article of a row shown: a story's shown version, or one under it."""
        top, under = self._rows.locate(row)
        return self._rows.meta(top) if under < 0 else self._rows.versions(top)[under]

    def meta_at(self, index: Index) -> ArticleMeta | None:
        if not index.isValid() or self._rows is None or not 0 <= index.row() < len(self._rows):
            return None
        return self.meta(index.row())

    def level(self, row: int) -> int:
        """0: a row of the view; 1: a version listed under its story's row."""
        return 0 if self._rows is None or self._rows.locate(row)[1] < 0 else 1

    def is_open(self, row: int) -> bool:
        rows = self._rows
        return rows is not None and rows.is_open(rows.locate(row)[0])

    def open_story(self, row: int, on: bool = True) -> None:
        """List (or no longer) the other versions of a story under its row (or under the
        row of the version given)."""
        rows = self._rows
        if rows is None or not 0 <= row < len(rows):
            return
        top = rows.locate(row)[0]
        first, count = rows.under(top)
        if not count or on == rows.is_open(top):
            return
        if on:
            self.beginInsertRows(QModelIndex(), first, first + count - 1)
            rows.open(top)
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), first, first + count - 1)
            rows.close(top)
            self.endRemoveRows()
        arrow = self.index(rows.shown_row(top), Column.TITLE)  # drawn in the title's cell
        self.dataChanged.emit(arrow, arrow, [Role.OPEN])

    def index_of(self, article_id: str, column: int = Column.TITLE, reveal: bool = False):
        """Where an article is listed: its row, or its row under its story's (opening that
        story's row when ``reveal``; else its story's row while closed)."""
        rows = self._rows
        where = rows.where(article_id) if rows is not None and article_id else None
        if where is None:
            return QModelIndex()
        top, under = where
        if under >= 0 and reveal:
            self.open_story(rows.shown_row(top))
        if under >= 0 and rows.is_open(top):
            return self.index(rows.shown_row(top, under), column)
        return self.index(rows.shown_row(top), column)

    def has_stories(self) -> bool:
        """Whether some row shown may have versions under it."""
        return self._rows is not None and self._rows.grouped

    def view(self) -> View:
        """The rows shown, as keys (and how many articles they stand for)."""
        return self._rows.view if self._rows is not None else View(array("q"), 0)

    def every_article(self):
        """The articles the view lets through, in its order, each on its own row."""
        if self.catalog is None:
            return iter(())
        return self.catalog.articles(dataclasses.replace(self.spec, grouped=False))

    def date_counts(self) -> dict[str, int]:
        """How many articles shown carry each date, each version of a story too."""
        return self.catalog.date_counts(self.spec) if self.catalog is not None else {}

    def row_of(self, article_id: str) -> int:
        """The row an article is shown at, or its story's (closed) row; -1: not listed."""
        index = self.index_of(article_id)
        return index.row() if index.isValid() else -1

    def is_missing(self, article_id: str) -> bool:
        return self.catalog is not None and self.catalog.is_missing(article_id)

    def _on_bookmarks_reset(self) -> None:
        if self.catalog is not None:
            self.catalog.set_missing_bookmarks(self.user_state.bookmarks())
            self.refresh()

    def _on_bookmark_changed(self, article_id: str, on: bool) -> None:
        if self.catalog is None:
            return
        # The row may enter or leave the view (a filter, a missing article): recompute then.
        missing = self.catalog.is_missing(article_id)
        if self.spec.bookmarks_only or missing:
            if not on and missing:
                self.catalog.forget_missing(article_id)
            self.refresh()
            return
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Role.BOOKMARKED]
        self._row_changed(article_id, [*roles, Qt.ItemDataRole.AccessibleTextRole])

    def _on_read(self, article_id: str) -> None:
        self._row_changed(article_id, [Qt.ItemDataRole.FontRole])

    def _row_changed(self, article_id: str, roles: list) -> None:
        first = self.index_of(article_id, 0)
        if first.isValid():
            last = first.siblingAtColumn(len(Column) - 1)
            self.dataChanged.emit(first, last, roles)

    def set_grouped(self, on: bool) -> None:
        """One row per story (the versions under it), or every article on its own row."""
        if on != self.spec.grouped:
            self.spec.grouped = on
            self.refresh()

    def set_bookmarks_only(self, on: bool) -> None:
        if on != self.spec.bookmarks_only:
            self.spec.bookmarks_only = on
            self.refresh()

    def set_publication(self, key: str | None) -> None:
        if key != self.spec.publication:
            self.spec.publication = key
            self.refresh()

    def set_agency(self, agency: str | None) -> None:
        if agency != self.spec.agency:
            self.spec.agency = agency
            self.refresh()

    def set_date_range(self, start: dt.date | None, end: dt.date | None) -> None:
        if (start, end) != (self.spec.date_from, self.spec.date_to):
            self.spec.date_from, self.spec.date_to = start, end
            self.refresh()

    def set_hits(self, hits: Hits | None, terms: list[Term] | None = None) -> None:
        """Show search results (best first) or, with None, the whole library again.

        ``terms`` are what each result's snippet shows matches of.
        """
        self._terms = list(terms or []) if hits is not None else []
        if self._snippet_loader is None and hits is not None:
            from reader.qt.snippet_loader import SnippetLoader

            self._snippet_loader = SnippetLoader(self)
            self._snippet_loader.ready.connect(self._on_snippet)
        if self._snippet_loader is not None:
            self._snippet_loader.reset(self._terms)
        if hits is None and self.spec.hits is None:
            return
        if hits is not None and self.spec.hits is None:
            self._sort_before_search = (self.spec.sort, self.spec.descending)
            self.spec.sort, self.spec.descending = SortKey.RELEVANCE, False
        elif hits is None and self.spec.sort is SortKey.RELEVANCE:
            self.spec.sort, self.spec.descending = self._sort_before_search
        self.spec.hits = hits
        self.refresh()

    def searching(self) -> bool:
        return self.spec.hits is not None
