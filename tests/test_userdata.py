from __future__ import annotations

import json
import sqlite3

import pytest

from reader.userdata.backup import write_backup
from reader.userdata.store import CorruptStoreError, StoreError, UserStore


def test_bookmarks_survive_reopen(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    assert store.toggle_bookmark("a1", "عنوان", "/x/a.txt") is True
    store.add_bookmark("b2", "Title", "/x/b.txt")
    store.close()  # no explicit save step exists: what toggle wrote is already committed
    again = UserStore(tmp_path / "u.sqlite")
    assert again.bookmarked_ids() == {"a1", "b2"}
    assert [b.title for b in again.bookmarks()] == ["عنوان", "Title"]


def test_toggle_twice_removes(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    store.toggle_bookmark("a1", "t", "p")
    assert store.toggle_bookmark("a1", "t", "p") is False
    assert not store.is_bookmarked("a1")


def test_commit_is_visible_to_another_connection_at_once(tmp_path):
    """What a crash right after the action would leave: another reader sees the row."""
    store = UserStore(tmp_path / "u.sqlite")
    store.toggle_bookmark("a1", "t", "p")
    other = sqlite3.connect(tmp_path / "u.sqlite")
    assert other.execute("SELECT id FROM bookmarks").fetchall() == [("a1",)]
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_refresh_locations_follows_a_renamed_file(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    store.add_bookmark("a1", "old title", "/lib/old.txt")
    assert store.refresh_locations([("a1", "new title", "/lib/new.txt"), ("zz", "t", "p")]) == 1
    [bookmark] = store.bookmarks()
    assert (bookmark.title, bookmark.path) == ("new title", "/lib/new.txt")


def test_export_import_round_trip(tmp_path):
    source = UserStore(tmp_path / "a.sqlite")
    source.add_bookmark("a1", "كيم", "/lib/a.txt")
    source.add_bookmark("b2", "Kim", "/lib/b.txt", source="الأهرام", date="2024-03-01")
    exported = source.export_json()
    payload = json.loads(exported)
    assert [set(b) for b in payload["bookmarks"]] == [{"id", "title", "path", "created"}] * 2
    target = UserStore(tmp_path / "b.sqlite")
    target.add_bookmark("a1", "kept", "/elsewhere.txt")
    assert target.import_json(exported) == 1
    assert {b.id: b.title for b in target.bookmarks()} == {"a1": "kept", "b2": "Kim"}
    # A bookmarks export is the same file as before; the backup carries source and date.
    assert [(b.source, b.date) for b in source.bookmarks()] == [
        ("", None),
        ("الأهرام", "2024-03-01"),
    ]
    again = UserStore(tmp_path / "c.sqlite")
    again.import_json(json.dumps(source.dump()))
    assert again.bookmarks() == source.bookmarks()


@pytest.mark.parametrize(
    "text, reason",
    [
        ("not json", "invalid JSON"),
        ('{"bookmarks": 3}', "no list"),
        ('{"bookmarks": [{"title": "no id"}]}', "#1 has no id"),
    ],
)
def test_bad_import_changes_nothing(tmp_path, text, reason):
    store = UserStore(tmp_path / "u.sqlite")
    store.add_bookmark("a1", "t", "p")
    with pytest.raises(StoreError, match=reason):
        store.import_json(text)
    assert store.bookmarked_ids() == {"a1"}


def test_a_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "u.sqlite"
    UserStore(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        UserStore(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 99


def test_a_file_that_is_not_a_database_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "u.sqlite"
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(CorruptStoreError):
        UserStore(path)
    assert path.read_bytes() == b"garbage" * 1000  # UserStore itself never touches it


def test_a_failed_write_is_a_store_error_and_changes_nothing(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    store.add_bookmark("a1", "t", "p")
    store._db.execute("PRAGMA query_only = 1")  # what a read-only or locked file does to writes
    with pytest.raises(StoreError, match="could not save"):
        store.toggle_bookmark("b2", "t", "p")
    with pytest.raises(StoreError, match="could not save"):
        store.remove_bookmark("a1")
    assert store.bookmarked_ids() == {"a1"}


def test_paragraph_marks_with_notes(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    first = store.add_mark("a1", 3, "ملاحظة مهمة", "كيم", "/lib/a.txt")
    store.add_mark("a1", 1, "", "كيم", "/lib/a.txt")
    store.add_mark("a1", 1, "a second mark on the same paragraph", "كيم", "/lib/a.txt")
    store.add_mark("b2", 0, "note", "Kim", "/lib/b.txt")
    assert [m.block for m in store.marks("a1")] == [1, 1, 3]
    store.update_mark(first.mark, "ملاحظة معدلة")
    assert store.marks("a1")[2].note == "ملاحظة معدلة"
    store.remove_mark(first.mark)
    assert [m.block for m in store.marks("a1")] == [1, 1] and len(store.marks()) == 3
    store.close()
    assert len(UserStore(tmp_path / "u.sqlite").marks()) == 3


def test_reading_position_and_read_state_survive_reopen(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    assert store.position("a1") == 0.0 and store.read_ids() == set()
    store.set_position("a1", 0.42)
    store.set_read("a1")
    store.set_position("b2", 7)  # clamped
    store.set_read("b2")
    store.set_read("b2", False)
    store.close()
    again = UserStore(tmp_path / "u.sqlite")
    assert again.position("a1") == pytest.approx(0.42) and again.position("b2") == 1.0
    assert again.read_ids() == {"a1"}


def test_a_backup_restores_marks_and_reading_state(tmp_path):
    store = UserStore(tmp_path / "a.sqlite")
    store.add_bookmark("a1", "t", "p")
    store.add_mark("a1", 2, "note", "t", "p")
    store.set_position("a1", 0.5)
    store.set_read("a1")
    written = write_backup(store, tmp_path / "backups")
    other = UserStore(tmp_path / "b.sqlite")
    assert other.import_json(written.read_text("utf-8")) == 1
    assert [m.note for m in other.marks()] == ["note"]
    assert other.position("a1") == 0.5 and other.read_ids() == {"a1"}
    other.import_json(written.read_text("utf-8"))  # twice: nothing doubles
    assert len(other.marks()) == 1 and len(other.bookmarks()) == 1
