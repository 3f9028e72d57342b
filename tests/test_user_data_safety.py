"""The user's data survives damage, migrations, read-only folders, crashes and a second app."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from reader.userdata.backup import (
    DAMAGED_NO_BACKUP,
    RESTORED,
    latest_backup,
    open_user_store,
    write_backup,
)
from reader.userdata.store import SCHEMA_VERSION, StoreError, UserStore

from crash import run_then_kill_9

ROOT = Path(__file__).resolve().parent.parent


def fill(store: UserStore) -> None:
    store.add_bookmark("a1", "كيم يزور روسيا", "/lib/a.txt")
    store.add_bookmark("b2", "Breaking news", "/lib/b.txt")


def test_backups_roll_and_skip_unchanged_data(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    backups = tmp_path / "backups"
    fill(store)
    first = write_backup(store, backups)
    assert first is not None and write_backup(store, backups) is None  # nothing new
    data = json.loads(first.read_text("utf-8"))
    assert data["format"] == "qari-userdata" and data["version"] == SCHEMA_VERSION
    assert {b["id"] for b in data["bookmarks"]} == {"a1", "b2"}
    for n in range(12):
        store.add_bookmark(f"x{n}", "t", "p")
        write_backup(store, backups, keep=5)
    assert len(list(backups.glob("userdata-*.json"))) == 5
    assert {b["id"] for b in json.loads(latest_backup(backups).read_text())["bookmarks"]} >= {
        "a1", "x11"
    }  # fmt: skip


@pytest.mark.parametrize("damage", ["garbage", "truncated", "page"])
def test_a_damaged_store_is_moved_aside_and_restored_from_the_backup(tmp_path, damage):
    path, backups = tmp_path / "u.sqlite", tmp_path / "backups"
    store = UserStore(path)
    fill(store)
    write_backup(store, backups)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00garbage" * 4096)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3] + b"\xff" * 100)
    else:  # scribble over the second page: the header still says SQLite
        path.write_bytes(data[:4096] + b"\xa5" * 4096 + data[8192:])
    restored, notices = open_user_store(path, backups)
    assert restored.bookmarked_ids() == {"a1", "b2"}
    assert [n.kind for n in notices] == [RESTORED] and notices[0].backup.endswith(".json")
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert aside, "the damaged file is kept for the user"


def test_a_damaged_store_without_backup_says_so(tmp_path):
    path = tmp_path / "u.sqlite"
    path.write_bytes(b"not a database at all" * 300)
    store, notices = open_user_store(path, tmp_path / "no-backups")
    assert store.bookmarks() == [] and [n.kind for n in notices] == [DAMAGED_NO_BACKUP]
    store.add_bookmark("new", "t", "p")  # a working store again


def test_migration_from_version_1_keeps_everything_and_a_copy(tmp_path):
    path = tmp_path / "u.sqlite"
    old = sqlite3.connect(path)
    old.executescript(
        """
        CREATE TABLE bookmarks (id TEXT PRIMARY KEY, title TEXT NOT NULL, path TEXT NOT NULL,
                                created TEXT NOT NULL);
        INSERT INTO bookmarks VALUES ('a1', 'كيم', '/lib/a.txt', '2024-01-01T00:00:00+00:00');
        PRAGMA user_version = 1;
        """
    )
    old.close()
    store, notices = open_user_store(path, tmp_path / "backups")
    assert notices == [] and store.migrated_from == 1
    assert [(b.id, b.title, b.created) for b in store.bookmarks()] == [
        ("a1", "كيم", "2024-01-01T00:00:00+00:00")
    ]
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    copy = tmp_path / "u.sqlite.v1.backup"
    assert sqlite3.connect(copy).execute("SELECT id FROM bookmarks").fetchall() == [("a1",)]
    assert sqlite3.connect(copy).execute("PRAGMA user_version").fetchone()[0] == 1
    # The new tables work.
    assert store.dump()["marks"] == [] and store.dump()["reading"] == []


def test_a_store_from_a_newer_qari_opens_read_only(tmp_path):
    path = tmp_path / "u.sqlite"
    store = UserStore(path)
    fill(store)
    store._db.execute("PRAGMA user_version = 99")
    store.close()
    opened, notices = open_user_store(path, tmp_path / "backups")
    assert opened.read_only and "newer Qari" in notices[0].reason
    assert opened.bookmarked_ids() == {"a1", "b2"}  # still shown
    with pytest.raises(StoreError, match="newer"):
        opened.toggle_bookmark("c3", "t", "p")
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 99


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_data_folder_still_reads(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    store = UserStore(folder / "u.sqlite")
    fill(store)
    store.close()
    folder.chmod(0o555)
    try:
        opened, notices = open_user_store(folder / "u.sqlite", folder / "backups")
        assert opened.read_only and notices
        assert opened.bookmarked_ids() == {"a1", "b2"}
        with pytest.raises(StoreError):
            opened.add_bookmark("c3", "t", "p")
    finally:
        folder.chmod(0o755)


def test_no_usable_folder_at_all_gives_an_empty_read_only_store(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    store, notices = open_user_store(blocker / "u.sqlite", blocker / "backups")
    assert store.read_only and store.bookmarks() == [] and notices
    with pytest.raises(StoreError):
        store.add_bookmark("a", "t", "p")


def test_kill_9_right_after_a_bookmark_keeps_it(tmp_path, library):
    """The real app in a subprocess: bookmark with Ctrl+D, then SIGKILL, then look."""
    script = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from reader.qt import paths
from reader.app import create_application, create_main_window
paths.set_data_dir({str(tmp_path / "data")!r})
app = create_application(["qari"])
window = create_main_window([{str(library)!r}])
window.show()
window.activateWindow()
def bookmark():
    QTest.keyClick(window.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    print("BOOKMARKED", window.current.id, flush=True)
window.library_loaded.connect(lambda: QTimer.singleShot(50, bookmark))
app.exec()
"""
    line = run_then_kill_9(script, "BOOKMARKED")  # no clean shutdown, no backup at exit
    article_id = line.split()[1]
    store = UserStore(tmp_path / "data" / "userdata.sqlite")
    assert store.bookmarked_ids() == {article_id}


@pytest.mark.gui
def test_the_window_tells_of_a_restored_store_and_keeps_backing_up(qtbot, library):
    from reader.app import create_main_window
    from reader.qt import paths

    from gui_helpers import shown_message_box

    store = UserStore(paths.user_store_path())
    fill(store)
    write_backup(store, paths.backups_dir())
    store.close()
    paths.user_store_path().write_bytes(b"scribbled over" * 1000)
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.user_store_path()}{suffix}").unlink(missing_ok=True)

    window = create_main_window([str(library)])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=10_000):
        window.show()
    box = shown_message_box(qtbot, window)
    # Worded with what came back, and from where (the journal was empty: no change since).
    assert (
        "Restored 2 bookmark(s) and 0 highlight(s) and paragraph mark(s): from the backup"
        in box.text()
    )
    assert window.store.bookmarked_ids() == {"a1", "b2"}
    window.select_row(0)
    window.bookmarks.toggle()  # a change: a new backup follows it
    new_id = window.current.id
    window.close()
    window.user_state.close()
    newest = json.loads(latest_backup(paths.backups_dir()).read_text("utf-8"))
    assert new_id in {b["id"] for b in newest["bookmarks"]}
