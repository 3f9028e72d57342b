"""LibrarySession on its own (no window): it reads a library into its model, follows the
user's bookmarks, and searches."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.catalog import Catalog
from reader.library.index import Index
from reader.qt import paths
from reader.qt.columns import Column
from reader.qt.models import Role
from reader.qt.session import LibrarySession
from reader.qt.user_state import UserState
from reader.userdata.store import UserStore

from conftest import SEED_FILE, SEED_TITLE

pytestmark = pytest.mark.gui


@pytest.fixture
def session(qapp, qtbot, library):
    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    session = LibrarySession(state)
    with qtbot.waitSignal(session.loaded, timeout=10_000):
        session.open([str(library)])
    yield session
    session.close()
    state.close()


def titles(session) -> list[str]:
    model = session.model
    return [model.index(r, 1).data(Role.TITLE) for r in range(model.rowCount())]


def test_the_library_fills_the_model(session, qtmodeltester):
    assert sorted(titles(session)) == sorted(
        [SEED_TITLE, "Kim visits fighter jet factory in Russia"]
    )
    qtmodeltester.check(session.model)


def test_search_narrows_the_model_and_clears(session):
    result = session.search("بوتين")
    assert result is not None and titles(session) == [SEED_TITLE]
    assert session.search("") is None and len(titles(session)) == 2


def test_a_bookmark_of_a_file_gone_is_listed_as_missing(session, qtbot):
    [seed] = [m for m in session.catalog.articles() if m.title == SEED_TITLE]
    session.user_state.toggle_bookmark(seed.id, seed.title, seed.path)
    Path(seed.path).unlink()
    with qtbot.waitSignal(session.loaded, timeout=10_000):
        session.open(session.roots)
    row = session.model.row_of(seed.id)
    assert session.model.index(row, 0).data(Role.MISSING) is True
    assert session.model.index(row, 1).data(Role.TITLE) == SEED_TITLE  # from the snapshot


def test_data_under_an_id_a_better_parser_changed_follows_its_article(qapp, qtbot, library):
    # Saved by an older Qari whose header parser read this file differently: another id.
    store = UserStore(paths.user_store_path())
    seed_path = str(library / SEED_FILE.name)
    store.add_bookmark("0ld1d0f7h3s33d00", SEED_TITLE, seed_path)
    store.set_read("0ld1d0f7h3s33d00")
    store.add_bookmark("0th3rf1l3n0tm0v3", "عنوان آخر", seed_path)  # same path, other title
    store.close()
    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    session = LibrarySession(state)
    with qtbot.waitSignal(session.loaded, timeout=10_000):
        session.open([str(library)])
    [seed] = [m for m in session.catalog.articles() if m.title == SEED_TITLE]
    assert state.bookmarked == {seed.id, "0th3rf1l3n0tm0v3"} and seed.id in state.read
    assert state.store.is_bookmarked(seed.id) and not state.store.is_bookmarked("0ld1d0f7h3s33d00")
    assert not session.model.is_missing(seed.id)
    assert session.model.is_missing("0th3rf1l3n0tm0v3")  # not the same article: kept apart
    session.close()
    state.close()


def test_the_first_sort_by_title_or_source_was_asked_ahead(qapp, qtbot, library, monkeypatch):
    # A big library's title and source orders are asked on a thread once it is listed: the
    # first click on either header then asks nothing of the index, and lists the same.
    from reader.qt import orders_ahead

    monkeypatch.setattr(orders_ahead, "AHEAD_PAST", 0)  # two articles count as a big library
    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    session = LibrarySession(state)
    kept: list[int] = []
    session.ahead.asked.connect(kept.append)
    with qtbot.waitSignal(session.loaded, timeout=10_000):
        session.open([str(library)])
    qtbot.waitUntil(lambda: session.ahead.latest is None)  # the last ask came back
    assert kept[-1] == 2
    asked: list[str] = []
    session.catalog._db.set_trace_callback(asked.append)
    fresh = Catalog(Index(session.index_path, writer=False))  # asks each order when first used
    for column in (Column.TITLE, Column.SOURCE):
        session.model.sort(column)
        listed = [session.model.index(r, column).data(Role.KEY) for r in range(2)]
        assert listed == list(fresh.view(session.model.spec).keys)
    assert not [sql for sql in asked if "ORDER BY" in sql]
    session.close()
    state.close()


def test_reopening_an_unchanged_library_lists_it_once(session, qtbot, library):
    """Listed at once from the index kept, an unchanged library is not listed again when its
    files have all been looked at: a reset would lose the reader's place in the list (a
    million files take ~20 s to look at, long after the reader started scrolling)."""
    resets: list[str] = []
    session.model.modelReset.connect(lambda: resets.append("reset"))
    with qtbot.waitSignal(session.loaded, timeout=10_000):
        session.open(session.roots)
        assert session.model.rowCount() == 2  # listed from the index kept, inside open()
        resets.clear()
    assert resets == [], "listed again once the files were looked at"
    (library / "new.txt").write_text("خبر جديد\nوكالة\n2024-01-02\n\nنص الخبر.\n", "utf-8")
    with qtbot.waitSignal(session.loaded, timeout=10_000):
        session.open(session.roots)
    assert session.model.rowCount() == 3  # a change is listed
