"""UserState on its own: every change is in the store before its signal says so, a failed
write changes nothing, and each change schedules the rolling backup."""

from __future__ import annotations

import json

import pytest

from reader.qt import paths
from reader.qt.user_state import UserState
from reader.userdata.backup import latest_backup
from reader.userdata.store import StoreError, UserStore

pytestmark = pytest.mark.gui


@pytest.fixture
def state(qapp):
    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    yield state
    state.close()


def test_a_bookmark_is_committed_before_it_is_announced(state, qtbot):
    seen = []
    state.bookmark_changed.connect(
        lambda aid, on: seen.append((aid, on, state.store.is_bookmarked(aid)))
    )
    assert state.toggle_bookmark("a1", "عنوان", "/lib/a.txt") is True
    assert state.toggle_bookmark("a1", "عنوان", "/lib/a.txt") is False
    assert seen == [("a1", True, True), ("a1", False, False)]
    assert state.bookmarked == set()


def test_a_failed_write_changes_nothing_and_says_why(qapp, tmp_path, qtbot):
    store = UserStore(tmp_path / "u.sqlite")
    store.add_bookmark("a1", "t", "/p")
    store.close()
    state = UserState(UserStore(tmp_path / "u.sqlite", read_only=True), tmp_path / "b")
    with qtbot.assertNotEmitted(state.bookmark_changed), pytest.raises(StoreError):
        state.toggle_bookmark("a1", "t", "/p")
    assert state.bookmarked == {"a1"}
    state.close()


def test_read_state_is_announced_once(state, qtbot):
    with qtbot.waitSignal(state.read_changed) as blocker:
        assert state.set_read("a1")
    assert blocker.args == ["a1"]
    with qtbot.assertNotEmitted(state.read_changed):
        assert state.set_read("a1")
    assert state.store.read_ids() == {"a1"} and state.read == {"a1"}


def test_a_change_schedules_the_backup(state, qtbot):
    state.write_backup()  # the one at start
    state.toggle_bookmark("a1", "عنوان", "/lib/a.txt")

    def backed_up() -> bool:
        newest = latest_backup(paths.backups_dir())
        return newest is not None and "a1" in newest.read_text("utf-8")

    qtbot.waitUntil(backed_up, timeout=5000)
    payload = json.loads(latest_backup(paths.backups_dir()).read_text("utf-8"))
    assert [b["id"] for b in payload["bookmarks"]] == ["a1"]


def test_an_import_resets_the_bookmarks(state, qtbot):
    export = json.dumps({"bookmarks": [{"id": "x1", "title": "t", "path": "/p"}]})
    with qtbot.waitSignal(state.bookmarks_reset):
        assert state.import_bookmarks(export) == 1
    assert state.bookmarked == {"x1"}
    with pytest.raises(StoreError):
        state.import_bookmarks("not json")
    assert state.bookmarked == {"x1"}
