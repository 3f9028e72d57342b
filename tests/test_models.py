from __future__ import annotations

import pytest
from catalog_helpers import indexed_catalog
from PySide6.QtCore import Qt

from reader.library.entries import ArticleMeta
from reader.library.index import Hits
from reader.qt.models import ArticleListModel, Column, Role
from reader.qt.user_state import UserState
from reader.userdata.store import UserStore

pytestmark = pytest.mark.gui


def _meta(key: int, title: str, date: str | None, direction: str = "rtl") -> ArticleMeta:
    return ArticleMeta(
        id=f"id{key}", path=f"/lib/{key}.txt", title=title, source=f"وكالة {key}", date=date,
        direction=direction, words=100, encoding="utf-8", key=key,
    )  # fmt: skip


ARTICLES = [
    _meta(1, "كيم يزور مصنع الطائرات", "2023-09-15"),
    _meta(2, "Su-35 تحلق فوق المصنع", "2023-09-17"),
    _meta(3, "Breaking news", None, "ltr"),
]


@pytest.fixture
def state(qapp, tmp_path):
    store = UserStore(tmp_path / "user.sqlite")
    store.add_bookmark("id2", "Su-35 تحلق فوق المصنع", "/lib/2.txt")
    store.add_bookmark("gone", "مقال محذوف", "/lib/gone.txt")
    state = UserState(store, tmp_path / "backups")
    yield state
    state.close()


@pytest.fixture
def model(qtmodeltester, state, tmp_path):
    catalog = indexed_catalog(tmp_path / "index.sqlite", ARTICLES)
    catalog.set_missing_bookmarks(state.bookmarks())
    model = ArticleListModel(state)
    model.set_catalog(catalog)
    qtmodeltester.check(model)
    return model


def toggle(model, article_id: str) -> bool:
    meta = model.catalog.by_id(article_id)
    return model.user_state.toggle_bookmark(article_id, meta.title, meta.path)


def test_cells_and_roles(model):
    assert model.rowCount() == 4 and model.columnCount() == len(Column)
    # Newest first: 2023-09-17, 2023-09-15, then undated.
    first = model.index(0, Column.TITLE)
    assert first.data() == "Su-35 تحلق فوق المصنع"
    assert model.index(1, Column.DATE).data() == "2023-09-15"
    assert model.index(0, Column.BOOKMARK).data() == "★"
    assert model.index(1, Column.BOOKMARK).data() == ""
    assert first.data(Role.ID) == "id2" and first.data(Role.PATH) == "/lib/2.txt"
    assert first.data(Role.KEY) == 2
    # A title starting with a Latin word is still an Arabic title.
    assert first.data(Role.DIRECTION) == "rtl"
    row = model.row_of("id3")
    assert model.index(row, Column.TITLE).data(Role.DIRECTION) == "ltr"


def test_missing_bookmark_is_listed_until_removed(model, qtbot):
    row = model.row_of("gone")
    assert model.index(row, Column.TITLE).data() == "مقال محذوف"
    assert model.index(row, Column.SOURCE).data() == "file missing"
    assert model.index(row, 0).data(Role.MISSING) is True
    with qtbot.waitSignal(model.modelReset):
        assert toggle(model, "gone") is False
    assert model.row_of("gone") == -1 and model.rowCount() == 3


def test_bookmark_change_signals_with_roles(model, qtbot):
    row = model.row_of("id1")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert toggle(model, "id1") is True
    top_left, bottom_right, roles = blocker.args
    assert top_left.row() == bottom_right.row() == row
    assert Role.BOOKMARKED in roles
    assert model.index(row, Column.BOOKMARK).data() == "★"


def test_sorting_through_the_qt_api(model):
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, Column.TITLE).data() == "Breaking news"
    model.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    dates = [model.index(r, Column.DATE).data() for r in range(model.rowCount())]
    # Undated first; the missing bookmark (no date either) after the library's articles.
    assert dates == ["", "2023-09-15", "2023-09-17", ""]
    assert model.index(3, 0).data(Role.MISSING)


def test_bookmarks_filter_follows_bookmark_changes(model, qtmodeltester):
    model.set_bookmarks_only(True)
    assert {model.index(r, 0).data(Role.ID) for r in range(model.rowCount())} == {"id2", "gone"}
    assert toggle(model, "id3") is True
    assert model.rowCount() == 3
    model.set_bookmarks_only(False)
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_search_results_best_first_then_back(model):
    model.set_hits(Hits([3, 1], ranked=True))
    assert [model.index(r, 0).data(Role.KEY) for r in range(model.rowCount())] == [3, 1]
    assert model.searching()
    model.set_hits(None)
    assert model.rowCount() == 4 and model.index(0, 0).data(Role.KEY) == 2  # newest first again


def test_read_state_follows_the_user_state(model, qtbot):
    row = model.row_of("id1")
    assert model.index(row, Column.TITLE).data(Qt.ItemDataRole.FontRole).bold()  # unread
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.user_state.set_read("id1")
    assert Qt.ItemDataRole.FontRole in blocker.args[2]
    assert model.index(row, Column.TITLE).data(Qt.ItemDataRole.FontRole) is None
    assert "id1" in model.user_state.store.read_ids()  # committed before it was shown


# --- search snippets: computed off the GUI thread, from a bounded read -----------------------


def _file_model(state, paths: list) -> ArticleListModel:
    """A model over real article files, keyed 1, 2, … in the order given."""
    catalog = indexed_catalog(
        paths[0].parent / "index.sqlite",
        [
            ArticleMeta(f"f{key}", str(p), p.stem, "", None, "rtl", 1, "utf-8", key=key)
            for key, p in enumerate(paths, 1)
        ],
    )
    model = ArticleListModel(state)
    model.set_catalog(catalog)
    return model


def _snippet_arrives(qtbot, model, row: int):
    """Ask the row's snippet as the list's paint does: None at once, then dataChanged."""

    def for_the_row(top_left, bottom_right, roles) -> bool:
        return top_left.row() == bottom_right.row() == row and Role.SNIPPET in roles

    index = model.index(row, Column.TITLE)
    with qtbot.waitSignal(model.dataChanged, check_params_cb=for_the_row, timeout=10_000):
        assert index.data(Role.SNIPPET) is None  # nothing read on the GUI thread
    return index.data(Role.SNIPPET)


def test_a_huge_matching_file_is_not_parsed_in_paint(qtbot, state, tmp_path, qtmodeltester):
    from reader.text.query import parse_query

    from conftest import long_body

    huge = tmp_path / "huge.txt"
    body = long_body(11_200_000, "\n\n")
    huge.write_text(f"خبر طويل\nأ ف ب\n2020-01-01\n\n{body}\n", "utf-8")
    assert huge.stat().st_size > 20_000_000
    model = _file_model(state, [huge])
    model.set_hits(Hits([1], ranked=True), parse_query("فوستوشني"))
    snippet = _snippet_arrives(qtbot, model, 0)
    assert "فوستوشني" in snippet.text and snippet.spans
    qtmodeltester.check(model)


def test_small_files_get_their_snippets_the_same_way(qtbot, state, tmp_path):
    from reader.text.query import parse_query

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("الأول\n\nقال الرئيس إن المحادثات جرت.\n", "utf-8")
    second.write_text("الثاني\n\nوأكد الرئيس أن الموضوع مهم.\n", "utf-8")
    model = _file_model(state, [first, second])
    model.set_hits(Hits([1, 2], ranked=True), parse_query("رئيس"))
    assert _snippet_arrives(qtbot, model, 0).text == "قال الرئيس إن المحادثات جرت."
    assert _snippet_arrives(qtbot, model, 1).text == "وأكد الرئيس أن الموضوع مهم."
    assert model.index(0, Column.TITLE).data(Role.SNIPPET).spans == [(4, 10)]  # cached


def test_a_changed_search_never_shows_the_old_terms(qtbot, state, tmp_path):
    from reader.text.query import parse_query

    paths = []
    for n in range(30):
        path = tmp_path / f"{n:02}.txt"
        path.write_text(f"خبر {n}\n\nذكر الكرملين وذكر فوستوشني في النص {n}.\n", "utf-8")
        paths.append(path)
    model = _file_model(state, paths)
    seen: list[tuple[int, str]] = []

    def record(top_left, _bottom_right, roles) -> None:
        if Role.SNIPPET in roles:
            seen.append((top_left.row(), top_left.data(Role.SNIPPET).text))

    model.dataChanged.connect(record)
    keys = list(range(1, 31))
    model.set_hits(Hits(keys, ranked=True), parse_query("الكرملين"))
    for row in range(model.rowCount()):  # queued, and most still waiting when the terms change
        assert model.index(row, Column.TITLE).data(Role.SNIPPET) is None
    model.set_hits(Hits(keys, ranked=True), parse_query("فوستوشني"))
    seen.clear()
    last = _snippet_arrives(qtbot, model, 5)
    qtbot.wait(200)  # anything of the first search still in flight would have arrived by now
    assert "فوستوشني" in last.text
    for row, text in seen:
        spans = model.index(row, Column.TITLE).data(Role.SNIPPET).spans
        assert [text.encode("utf-16-le")[a * 2 : b * 2].decode("utf-16-le") for a, b in spans] == [
            "فوستوشني"
        ]
    assert {row for row, _ in seen} == {5}  # only what was asked during this search
