"""The article list's columns and roles: what the model answers and the list shows."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from reader.library.views import SortKey

__all__ = ["HEADERS", "SORT_OF_COLUMN", "Column", "Role"]

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
    KEY = _USER + 10
    SNIPPET = _USER + 11  # reader.text.snippets.Snippet | None, while searching
    PUBLICATION = _USER + 12
    AGENCY = _USER + 13
    VERSIONS = _USER + 14  # a story's row: how many versions it has (0: an article alone)
    LEVEL = _USER + 15  # 0: a row of the view; 1: a version under its story's row
    OPEN = _USER + 16  # a story's row lists its versions under it


class Column(IntEnum):
    BOOKMARK = 0
    TITLE = 1
    SOURCE = 2
    DATE = 3
    HIJRI = 4  # the Umm al-Qura date; shown when the View setting asks for it
    VERSIONS = 5  # of a story, on its row


SORT_OF_COLUMN = {
    Column.BOOKMARK: SortKey.BOOKMARK,
    Column.TITLE: SortKey.TITLE,
    Column.SOURCE: SortKey.SOURCE,
    Column.DATE: SortKey.DATE,
    Column.HIJRI: SortKey.DATE,
    Column.VERSIONS: SortKey.VERSIONS,
}

HEADERS = {
    Column.BOOKMARK: "★",
    Column.TITLE: QT_TRANSLATE_NOOP("ArticleListModel", "Title"),
    Column.SOURCE: QT_TRANSLATE_NOOP("ArticleListModel", "Source"),
    Column.DATE: QT_TRANSLATE_NOOP("ArticleListModel", "Date"),
    Column.HIJRI: QT_TRANSLATE_NOOP("ArticleListModel", "Hijri Date"),
    Column.VERSIONS: QT_TRANSLATE_NOOP("ArticleListModel", "Versions"),
}
