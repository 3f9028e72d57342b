from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.library import ArticleMeta
from reader.models import ArticleFilterProxy, ArticleListModel, Column, Role
from reader.userdata import Bookmark

pytestmark = pytest.mark.gui


def _meta(i: int, title: str, date: str | None, direction: str = "rtl") -> ArticleMeta:
    return ArticleMeta(
        f"id{i}", f"/lib/{i}.txt", title, f"وكالة {i}", date, direction, 100, "utf-8"
    )


ARTICLES = [
    _meta(1, "كيم يزور مصنع الطائرات", "2023-09-15"),
    _meta(2, "Su-35 تحلق فوق المصنع", "2023-09-17"),
    _meta(3, "Breaking news", None, "ltr"),
]


@pytest.fixture
def model(qtmodeltester):
    model = ArticleListModel()
    model.add_articles(ARTICLES[:2])
    model.add_articles(ARTICLES[2:])
    model.set_bookmarked_ids({"id2"})
    model.set_missing_bookmarks([Bookmark("gone", "مقال محذوف", "/lib/gone.txt", "2023-01-01")])
    qtmodeltester.check(model)
    return model


def test_cells_and_roles(model):
    assert model.rowCount() == 4 and model.columnCount() == len(Column)
    first = model.index(0, Column.TITLE)
    assert first.data() == "كيم يزور مصنع الطائرات"
    assert model.index(0, Column.DATE).data() == "2023-09-15"
    assert model.index(1, Column.BOOKMARK).data() == "★"
    assert model.index(0, Column.BOOKMARK).data() == ""
    assert first.data(Role.ID) == "id1" and first.data(Role.PATH) == "/lib/1.txt"
    # A title starting with a Latin word is still an Arabic title.
    assert model.index(1, Column.TITLE).data(Role.DIRECTION) == "rtl"
    assert model.index(2, Column.TITLE).data(Role.DIRECTION) == "ltr"


def test_missing_bookmark_is_listed_until_removed(model, qtbot):
    row = model.row_of("gone")
    assert model.index(row, Column.TITLE).data() == "مقال محذوف"
    assert model.index(row, Column.SOURCE).data() == "file missing"
    assert model.index(row, 0).data(Role.MISSING) is True
    with qtbot.waitSignal(model.rowsRemoved):
        model.set_bookmarked("gone", False)
    assert model.row_of("gone") == -1 and model.rowCount() == 3


def test_bookmark_change_signals_with_roles(model, qtbot):
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_bookmarked("id1", True)
    top_left, bottom_right, roles = blocker.args
    assert top_left.row() == bottom_right.row() == 0
    assert Role.BOOKMARKED in roles
    assert model.index(0, Column.BOOKMARK).data() == "★"


def test_proxy_filters_bookmarks_and_sorts_by_date(model, qtmodeltester):
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(Column.DATE, Qt.SortOrder.DescendingOrder)
    dates = [proxy.index(r, Column.DATE).data() for r in range(proxy.rowCount())]
    assert dates[:2] == ["2023-09-17", "2023-09-15"]
    proxy.set_bookmarks_only(True)
    ids = {proxy.index(r, 0).data(Role.ID) for r in range(proxy.rowCount())}
    assert ids == {"id2", "gone"}
    model.set_bookmarked("id3", True)
    assert proxy.rowCount() == 3  # the filter follows bookmark changes at once
    proxy.set_bookmarks_only(False)
    assert proxy.rowCount() == 4
