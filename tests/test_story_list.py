"""Versions of a story in the list: grouped by the catalog, two levels in the model, the
"also published by" bar and the View setting in the window."""

from __future__ import annotations

import dataclasses

import pytest
from catalog_helpers import indexed_catalog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStatusBar, QToolButton

from reader.library.catalog import Catalog, SortKey, View, ViewSpec
from reader.library.entries import ArticleMeta
from reader.library.index import Hits, Index
from reader.qt.i18n import install_language
from reader.qt.models import ArticleListModel, Column, Role
from reader.qt.user_state import UserState
from reader.userdata.store import UserStore

from conftest import SEED_PARAGRAPHS
from gui_helpers import close_window, open_window


def _meta(key: int, date: str | None, publication: str = "") -> ArticleMeta:
    return ArticleMeta(
        id=f"id{key}", path=f"/lib/{key}.txt", title=f"عنوان {key}", source=publication,
        date=date, direction="rtl", words=100, encoding="utf-8", key=key,
        publication=publication,
    )  # fmt: skip


# Story 1: keys 1, 4, 6 (4 the earliest); story 2: keys 2, 5; key 3 alone.
ARTICLES = [
    _meta(1, "2024-03-05", "الأهرام"),
    _meta(2, "2024-03-04", "الحياة"),
    _meta(3, "2024-03-03", "النهار"),
    _meta(4, "2024-03-01", "الشرق"),
    _meta(5, "2024-03-06", "الرياض"),
    _meta(6, None, "الوطن"),
]
STORIES = {1: 1, 4: 1, 6: 1, 2: 2, 5: 2}


@pytest.fixture
def catalog(tmp_path) -> Catalog:
    return indexed_catalog(tmp_path / "index.sqlite", ARTICLES, STORIES)


def keys(found: list[ArticleMeta] | View) -> list[int]:
    return [m.key for m in found] if isinstance(found, list) else list(found.keys)


def test_one_row_per_story_its_earliest_version_where_that_sorts(catalog):
    # Newest first: story 2 at its earliest (03-04), 3, then story 1 at its earliest (03-01).
    assert keys(catalog.view(ViewSpec())) == [2, 3, 4]
    assert keys(catalog.view(ViewSpec(descending=False))) == [4, 3, 2]
    assert keys(catalog.view(ViewSpec(grouped=False))) == [5, 1, 2, 3, 4, 6]
    assert keys(catalog.versions(catalog.metas([1])[0])) == [
        4,
        1,
        6,
    ]  # earliest first, undated last
    assert keys(catalog.versions(catalog.metas([3])[0])) == [3]


def test_the_most_widely_published_stories_sort_first(catalog):
    spec = ViewSpec(sort=SortKey.VERSIONS)
    assert keys(catalog.view(spec)) == [4, 2, 3]
    assert keys(catalog.view(dataclasses.replace(spec, descending=False))) == [3, 2, 4]
    flat = dataclasses.replace(spec, grouped=False)
    assert keys(catalog.view(flat)) == [1, 4, 6, 5, 2, 3]  # ties newest first


def test_the_version_the_user_read_stands_for_its_story(catalog):
    assert keys(catalog.view(ViewSpec(read={"id1"}))) == [1, 2, 3]


def test_filters_choose_among_the_versions_they_let_through(catalog):
    spec = ViewSpec(date_from=__import__("datetime").date(2024, 3, 2))
    # Story 1's earliest (03-01) is filtered out: its next earliest stands for it.
    assert keys(catalog.view(spec)) == [1, 2, 3]


def test_a_search_ranks_a_story_where_its_best_version_ranks(catalog):
    hits = Hits(keys=[5, 3, 6], ranked=True)
    spec = ViewSpec(sort=SortKey.RELEVANCE, hits=hits)
    assert keys(catalog.view(spec)) == [5, 3, 6]  # each story's only version found
    hits = Hits(keys=[6, 3, 4, 1], ranked=True)
    assert keys(catalog.view(dataclasses.replace(spec, hits=hits))) == [4, 3]


def test_a_story_whose_other_versions_are_gone_is_one_article_again(catalog, tmp_path):
    index = Index(tmp_path / "index.sqlite")
    index.remove(["/lib/5.txt"])
    index.close()
    catalog.changed()
    assert keys(catalog.view(ViewSpec())) == [2, 3, 4]  # 4, 1, 6 still one story
    assert keys(catalog.versions(catalog.metas([2])[0])) == [2]


@pytest.fixture
def model(qapp, qtmodeltester, catalog, tmp_path):
    state = UserState(UserStore(tmp_path / "user.sqlite"), tmp_path / "backups")
    model = ArticleListModel(state)
    model.set_catalog(catalog)
    qtmodeltester.check(model)
    yield model
    state.close()


def test_the_model_lists_a_storys_versions_under_its_row_when_open(model, qtmodeltester, qtbot):
    assert model.rowCount() == 3
    # The timeline counts every article shown, not the rows.
    dated = [m.date for m in ARTICLES if m.date]
    assert model.date_counts() == {d: dated.count(d) for d in dated}
    assert model.view().articles == len(ARTICLES)
    assert model.meta(2).key == 4 and not model.is_open(2)
    assert model.index(2, Column.VERSIONS).data() == "3"
    assert model.index(2, 0).data(Role.VERSIONS) == 3
    assert model.index(1, Column.VERSIONS).data() == ""  # alone
    assert model.row_of("id6") == 2  # its story's row, closed
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.open_story(2)
    assert inserted.args[1:] == [3, 4]  # rows 3 and 4: story 1's other versions
    qtmodeltester.check(model)
    assert [model.meta(r).key for r in range(model.rowCount())] == [2, 3, 4, 1, 6]
    assert [model.level(r) for r in range(5)] == [0, 0, 0, 1, 1]
    assert model.index(2, 0).data(Role.OPEN) and model.index(3, 0).data(Role.LEVEL) == 1
    assert model.index_of("id6") == model.index(4, Column.TITLE) and model.row_of("id6") == 4
    model.open_story(0)  # story 2 opens above it: story 1's rows move down
    assert [model.meta(r).key for r in range(model.rowCount())] == [2, 5, 3, 4, 1, 6]
    assert model.index_of("id6").row() == 5 and model.meta(1).key == 5
    with qtbot.waitSignal(model.rowsRemoved):
        model.open_story(4, False)  # a version's row closes its story
    assert [model.meta(r).key for r in range(model.rowCount())] == [2, 5, 3, 4]
    model.set_grouped(False)
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    assert not model.index(0, 0).data(Role.VERSIONS)
    model.set_grouped(True)
    model.sort(Column.VERSIONS, Qt.SortOrder.DescendingOrder)
    assert [model.meta(r).key for r in range(model.rowCount())] == [4, 2, 3]


def test_a_version_is_revealed_by_opening_its_storys_row(model):
    assert model.index_of("id6").row() == 2  # closed: where its story is
    index = model.index_of("id6", Column.DATE, reveal=True)
    assert model.is_open(2) and (index.row(), index.column()) == (4, Column.DATE)


def test_a_version_under_its_story_repaints_when_bookmarked(model, qtbot):
    model.open_story(2)
    under = model.index_of("id1", 0)
    assert model.level(under.row()) == 1
    with qtbot.waitSignal(model.dataChanged) as signal:
        model.user_state.toggle_bookmark("id1", "عنوان 1", "/lib/1.txt")
    assert signal.args[0] == under
    assert under.siblingAtColumn(Column.BOOKMARK).data() == "★"


def _file(title: str, publication: str, date: str, paragraphs: list[str]) -> str:
    return f"{title}\n\n{publication}\n{date}\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.gui
def test_the_window_lists_a_story_once_and_offers_its_other_versions(qtbot, tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    body = list(SEED_PARAGRAPHS)
    (library / "a.txt").write_text(_file("كيم في روسيا", "الأهرام", "2023-09-15", body), "utf-8")
    (library / "b.txt").write_text(_file("زيارة كيم", "الحياة", "2023-09-16", body[1:]), "utf-8")
    (library / "c.txt").write_text(
        _file("كيم يزور مصنعا", "النهار", "2023-09-17", body[:-1]), "utf-8"
    )
    (library / "d.txt").write_text(
        _file("خبر آخر", "الرياض", "2023-09-18", ["كلام آخر تماما عن موضوع مختلف لا علاقة له"]),
        "utf-8",
    )
    install_language(QApplication.instance(), "en")  # plural forms come from the .qm
    window = open_window(qtbot, library)
    try:
        model = window.model
        qtbot.waitUntil(lambda: model.rowCount() == 2)
        story = next(r for r in range(2) if model.meta(r).title == "كيم في روسيا")
        assert model.index(story, Column.VERSIONS).data() == "3"
        assert not window.list.isColumnHidden(Column.VERSIONS)
        assert window.status.count_label.text() == "Articles: 4 · 2 stories"
        window.select_row(story)
        bar = window.versions_bar
        qtbot.waitUntil(bar.isVisible)
        buttons = bar.findChildren(QToolButton)
        lri, pdi = "\u2066", "\u2069"  # the date kept left to right beside an Arabic name
        assert [b.text() for b in buttons] == [
            f"الحياة · {lri}2023-09-16{pdi}",
            f"النهار · {lri}2023-09-17{pdi}",
        ]
        buttons[1].click()
        assert window.current.title == "كيم يزور مصنعا"
        # In Arabic-Indic digits when the list shows them, for the version opened next.
        window.view_choices.digits.setChecked(True)
        qtbot.wait(10)  # the buttons replaced are deleted
        [hayat] = [b for b in bar.findChildren(QToolButton) if "الحياة" in b.text()]
        hayat.click()
        qtbot.wait(10)
        assert window.current.title == "زيارة كيم"
        dates = [b.text().split(" · ")[1] for b in bar.findChildren(QToolButton)]
        assert dates == [f"{lri}٢٠٢٣-٠٩-١٥{pdi}", f"{lri}٢٠٢٣-٠٩-١٧{pdi}"]
        window.view_choices.digits.setChecked(False)
        [nahar] = [b for b in bar.findChildren(QToolButton) if "النهار" in b.text()]
        nahar.click()
        assert window.current.title == "كيم يزور مصنعا"
        current = window.list.currentIndex()
        assert model.level(current.row()) == 1 and model.is_open(current.row())
        # Bookmarks stay per article: the version's, not its story's.
        lead = model.meta(story)
        window.user_state.toggle_bookmark(
            window.current.id, window.current.title, window.current.path
        )
        assert window.current.id in window.user_state.bookmarked
        assert lead.id not in window.user_state.bookmarked
        # Flat: every article on its own row.
        window.view_choices.group.setChecked(False)
        assert model.rowCount() == 4
        assert window.list.isColumnHidden(Column.VERSIONS)
        assert window.status.count_label.text() == "Articles: 4"
        assert window.current.title == "كيم يزور مصنعا"
        assert model.meta_at(window.list.currentIndex()).title == "كيم يزور مصنعا"
    finally:
        close_window(window)


@pytest.mark.gui
def test_a_story_row_opens_with_the_arrow_key_that_points_into_the_text(qtbot, catalog, tmp_path):
    from PySide6.QtTest import QTest

    from reader.ui.article_list import ArticleList

    state = UserState(UserStore(tmp_path / "user.sqlite"), tmp_path / "backups")
    model = ArticleListModel(state)
    model.set_catalog(catalog)
    for direction, opens, closes in (
        (Qt.LayoutDirection.LeftToRight, Qt.Key.Key_Right, Qt.Key.Key_Left),
        (Qt.LayoutDirection.RightToLeft, Qt.Key.Key_Left, Qt.Key.Key_Right),
    ):
        view = ArticleList()
        qtbot.addWidget(view)
        view.setLayoutDirection(direction)
        view.setModel(model)
        view.show()
        qtbot.waitExposed(view)
        story = model.index(2, Column.TITLE)
        view.setCurrentIndex(story)
        QTest.keyClick(view, opens)
        assert view.isExpanded(story.siblingAtColumn(0)), direction
        QTest.keyClick(view, closes)
        assert not view.isExpanded(story.siblingAtColumn(0)), direction
    state.close()


@pytest.mark.gui
def test_a_model_outliving_its_list_reaches_no_deleted_widget(qtbot, catalog, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent

    from reader.ui.article_list import ArticleList

    state = UserState(UserStore(tmp_path / "user.sqlite"), tmp_path / "backups")
    model = ArticleListModel(state)
    model.set_catalog(catalog)
    view = ArticleList()
    view.setModel(model)
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with qtbot.captureExceptions() as raised:
        model.refresh()  # the view's handlers of view_changed went with it
    assert raised == []
    state.close()


@pytest.mark.gui
@pytest.mark.parametrize(
    ("language", "stories", "said"),
    [("en", 1, "1 story"), ("en", 7, "7 stories"), ("ar", 2, "خبران"), ("ar", 7, "7 أخبار"),
     ("ar", 11, "11 خبرًا")],
)  # fmt: skip
def test_the_status_bar_counts_stories_in_the_language_s_plural(qapp, language, stories, said):
    from reader.ui.status import LibraryStatus

    try:
        install_language(qapp, language)
        bar = QStatusBar()
        status = LibraryStatus(bar)
        status.show_counts(20, 30, stories)
        assert status.count_label.text().endswith(" · " + said)
        status.show_counts(20, 30, 20)  # nothing grouped: no count of stories
        assert "·" not in status.count_label.text()
    finally:
        install_language(qapp, "en")
