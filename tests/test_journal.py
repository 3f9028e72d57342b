"""The journal beside the store: every user action in two places, replayed after a crash or
damage, compacted by the rolling backup; and rows salvaged from a damaged store. Qt-free."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.text.anchoring import Anchor
from reader.userdata.backup import (
    DAMAGED_NO_BACKUP,
    REPLAYED,
    RESTORED,
    latest_backup,
    open_user_store,
    write_backup,
)
from reader.userdata.journal import Journal, beside
from reader.userdata.store import StoreError, UserStore


def open_store(tmp_path: Path) -> tuple[UserStore, list]:
    return open_user_store(tmp_path / "u.sqlite", tmp_path / "backups", tmp_path / "j.jsonl")


def journal_lines(tmp_path: Path) -> list[dict]:
    return list(Journal(tmp_path / "j.jsonl").records())


def without_positions(dump: dict) -> dict:
    return {**dump, "reading": [{**r, "position": None, "updated": None} for r in dump["reading"]]}


def scribble(path: Path, keep: int = 0) -> None:
    """Garbage over a file from byte ``keep`` on: a bad disk block, a stray write."""
    size = max(path.stat().st_size, 3 * 4096)
    noise = random.Random(path.name).randbytes(size - keep)
    path.write_bytes(path.read_bytes()[:keep] + noise)


def damage_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists() or not suffix:
            scribble(part)


def everything(store: UserStore) -> None:
    """One of each user action, through the store's one write path."""
    store.toggle_bookmark("a1", "كيم يزور روسيا", "/lib/a.txt")
    store.toggle_bookmark("gone", "t", "/lib/gone.txt")
    store.toggle_bookmark("gone", "t", "/lib/gone.txt")  # and off again
    store.add_bookmark("b2", "Breaking news", "/lib/b.txt")
    first = store.add_mark("a1", 3, "ملاحظة", "كيم يزور روسيا", "/lib/a.txt", quote="كيم")
    second = store.add_mark("a1", 5, "to remove", "كيم يزور روسيا", "/lib/a.txt")
    store.update_mark(first.mark, "ملاحظة معدلة")
    store.remove_mark(second.mark)
    store.update_mark_anchors([(first.mark, Anchor(4, 10, 18, "كيم يزور", "", " روسيا"))])
    store.set_read("a1")
    store.refresh_locations([("b2", "Breaking news", "/lib/renamed.txt")])
    store.add_bookmark("old-id", "reparsed", "/lib/c.txt")
    store.follow_reparsed([("new-id", "reparsed", "/lib/c.txt")])
    store.import_json(json.dumps({"bookmarks": [{"id": "imported", "title": "i", "path": "p"}]}))


# --- one record per action -----------------------------------------------------------------------


def test_every_action_is_one_journal_record_naming_its_rows(tmp_path):
    store, _ = open_store(tmp_path)
    store.toggle_bookmark("a1", "كيم", "/lib/a.txt")
    mark = store.add_mark("a1", 2, "note", "كيم", "/lib/a.txt", quote="كيم")
    store.remove_mark(mark.mark)
    records = journal_lines(tmp_path)
    assert [r["action"] for r in records] == ["add_bookmark", "add_mark", "remove_mark"]
    [bookmark] = records[0]["put"]["bookmarks"]
    assert (bookmark["id"], bookmark["title"], bookmark["path"]) == ("a1", "كيم", "/lib/a.txt")
    [row] = records[1]["put"]["marks"]
    # Named by what names it in every copy of the store, not by this file's row number.
    assert "mark" not in row and (row["article_id"], row["note"], row["quote"]) == (
        "a1", "note", "كيم"
    )  # fmt: skip
    assert records[2]["delete"] == {"marks": [{"article_id": "a1", "created": row["created"]}]}
    assert (tmp_path / "j.jsonl").read_bytes().endswith(b"\n")


def test_any_store_journals_beside_itself_unless_told_otherwise(tmp_path):
    UserStore(tmp_path / "u.sqlite").add_bookmark("a1", "t", "p")
    [record] = Journal(beside(tmp_path / "u.sqlite")).records()
    assert record["put"]["bookmarks"][0]["id"] == "a1"
    assert beside(tmp_path / "u.sqlite").name == "u.journal.jsonl"
    UserStore(tmp_path / "v.sqlite", journal=False).add_bookmark("a1", "t", "p")
    assert not beside(tmp_path / "v.sqlite").exists()


def test_a_failed_write_leaves_no_record_and_a_failed_journal_no_change(tmp_path):
    store, _ = open_store(tmp_path)
    store.add_bookmark("a1", "t", "p")
    store._db.execute("PRAGMA query_only = 1")
    with pytest.raises(StoreError):
        store.add_bookmark("b2", "t", "p")
    store._db.execute("PRAGMA query_only = 0")
    assert [r["action"] for r in journal_lines(tmp_path)] == ["add_bookmark"]
    # A journal that cannot be written: the action fails as a whole, the store unchanged.
    (tmp_path / "j.jsonl").unlink()
    (tmp_path / "j.jsonl").mkdir()
    with pytest.raises(StoreError, match=r"j\.jsonl"):
        store.add_bookmark("c3", "t", "p")
    assert store.bookmarked_ids() == {"a1"}
    store.close()
    store, notices = open_store(tmp_path)  # an unreadable journal does not stop the opening
    assert store.bookmarked_ids() == {"a1"} and notices == []


# --- a crash between the two writes --------------------------------------------------------------


def test_a_change_only_the_journal_has_is_applied_on_opening(tmp_path):
    store, _ = open_store(tmp_path)
    store.add_bookmark("a1", "t", "/lib/a.txt")
    store.close()
    before = tmp_path / "before.sqlite"
    shutil.copy(tmp_path / "u.sqlite", before)  # the store as it was before the next commits
    store, _ = open_store(tmp_path)
    store.add_bookmark("b2", "t", "/lib/b.txt")
    store.add_mark("b2", 1, "note", "t", "/lib/b.txt")
    store.set_read("b2")
    store.close()
    # The crash came after the journal line, before SQLite's commit reached the disk.
    shutil.copy(before, tmp_path / "u.sqlite")
    store, notices = open_store(tmp_path)
    assert store.bookmarked_ids() == {"a1", "b2"} and store.read_ids() == {"b2"}
    assert [m.note for m in store.marks()] == ["note"]
    assert [n.kind for n in notices] == [REPLAYED] and notices[0].from_journal == 3


def test_a_change_only_the_store_has_is_kept(tmp_path):
    store, _ = open_store(tmp_path)
    store.add_bookmark("a1", "t", "p")
    store.add_bookmark("b2", "t", "p")
    store.close()
    journal = tmp_path / "j.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(lines[0])  # the crash came between the commit and the journal line
    store, notices = open_store(tmp_path)
    assert store.bookmarked_ids() == {"a1", "b2"} and notices == []


def test_a_torn_last_line_is_ignored_and_never_glued_to_the_next(tmp_path):
    store, _ = open_store(tmp_path)
    store.add_bookmark("a1", "t", "p")
    store.close()
    whole = (tmp_path / "j.jsonl").read_bytes()
    with open(tmp_path / "j.jsonl", "ab") as journal:
        journal.write(whole[: len(whole) // 2].replace(b"a1", b"zz"))  # half a record
    store, notices = open_store(tmp_path)
    assert store.bookmarked_ids() == {"a1"} and notices == []
    store.add_bookmark("b2", "t", "p")  # written after the torn line, on a line of its own
    assert [r["action"] for r in journal_lines(tmp_path)] == ["add_bookmark", "add_bookmark"]
    store.close()
    damage_store(tmp_path / "u.sqlite")
    store, notices = open_store(tmp_path)
    assert store.bookmarked_ids() == {"a1", "b2"} and notices[0].kind == RESTORED


# --- replay is idempotent ------------------------------------------------------------------------


def test_replaying_twice_or_over_a_backup_holding_it_changes_nothing(tmp_path):
    store, _ = open_store(tmp_path)
    everything(store)
    dump = store.dump()
    store.close()
    for _ in range(2):  # each opening replays the journal over a store that has it all
        store, notices = open_store(tmp_path)
        assert notices == [] and store.dump() == dump
        store.close()
    # A backup that already holds every change, the journal not yet compacted (a crash
    # between the two), then the store lost: the same data, nothing doubled.
    saved = (tmp_path / "j.jsonl").read_bytes()
    store, _ = open_store(tmp_path)
    write_backup(store, tmp_path / "backups")
    store.close()
    (tmp_path / "j.jsonl").write_bytes(saved)
    damage_store(tmp_path / "u.sqlite")
    store, notices = open_store(tmp_path)
    assert [n.kind for n in notices] == [RESTORED] and notices[0].from_journal == 0
    assert store.dump() == dump


def test_the_journal_alone_rebuilds_every_kind_of_change(tmp_path):
    store, _ = open_store(tmp_path)
    everything(store)
    dump = store.dump()
    store.close()
    damage_store(tmp_path / "u.sqlite")  # and no backup was ever written
    store, notices = open_store(tmp_path)
    assert store.bookmarked_ids() == {"a1", "b2", "new-id", "imported"}
    assert without_positions(store.dump()) == without_positions(dump)
    [notice] = notices
    assert notice.kind == RESTORED and notice.backup == "" and notice.from_journal > 0
    assert (notice.bookmarks, notice.marks) == (4, 1)


def test_a_later_reading_position_is_not_undone_by_an_older_record(tmp_path):
    store, _ = open_store(tmp_path)
    store.set_read("a1")  # journaled
    store.set_position("a1", 0.75)  # a comfort: the store and the next backup only
    store.close()
    store, notices = open_store(tmp_path)
    assert store.position("a1") == 0.75 and store.read_ids() == {"a1"} and notices == []


# --- compaction ----------------------------------------------------------------------------------


def test_the_rolling_backup_compacts_the_journal(tmp_path):
    store, _ = open_store(tmp_path)
    store.add_bookmark("a1", "t", "p")
    store.add_mark("a1", 1, "note", "t", "p")
    assert len(journal_lines(tmp_path)) == 2
    first = write_backup(store, tmp_path / "backups")
    assert first is not None and journal_lines(tmp_path) == []
    store.add_bookmark("b2", "t", "p")
    assert [r["action"] for r in journal_lines(tmp_path)] == ["add_bookmark"]
    store.toggle_bookmark("b2", "t", "p")  # the backup's data again: no new backup, but
    assert write_backup(store, tmp_path / "backups") is None  # the journal is compacted
    assert journal_lines(tmp_path) == [] and latest_backup(tmp_path / "backups") == first
    store.add_bookmark("c3", "t", "p")
    store.close()
    damage_store(tmp_path / "u.sqlite")
    store, [notice] = open_store(tmp_path)
    assert store.bookmarked_ids() == {"a1", "c3"} and [m.note for m in store.marks()] == ["note"]
    assert (notice.kind, notice.backup, notice.from_journal) == (RESTORED, first.name, 1)
    # The restored store is in two places again at once: a new backup, an empty journal.
    assert latest_backup(tmp_path / "backups") != first and journal_lines(tmp_path) == []


# --- salvage -------------------------------------------------------------------------------------


def test_rows_still_readable_in_a_damaged_store_are_salvaged(tmp_path):
    path = tmp_path / "u.sqlite"
    bare = UserStore(path, journal=False)  # no journal, no backup: all back is salvaged
    titles = {f"id{n:03}": f"عنوان {n} " + "ن" * 900 for n in range(120)}
    for aid, title in titles.items():
        bare.add_bookmark(aid, title, f"/lib/{aid}.txt")
    bare.add_mark("id005", 2, "a note", "t", "/lib/id005.txt")
    bare.set_read("id007")
    leaves = [
        page for (page,) in bare._db.execute(
            "SELECT pageno FROM dbstat WHERE name = 'bookmarks' AND pagetype = 'leaf'"
            " ORDER BY pageno"
        )
    ]  # fmt: skip
    bare._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    bare.close()
    # A page of bookmarks in the middle of the file scribbled over.
    page = leaves[len(leaves) // 2]
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096 : page * 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))

    store, [notice] = open_store(tmp_path)
    got = {b.id: b.title for b in store.bookmarks()}
    lost = set(titles) - set(got)
    assert 0 < len(lost) <= 4  # one page's rows, no more
    assert all(titles[aid] == title for aid, title in got.items())  # nothing garbled
    assert [m.note for m in store.marks()] == ["a note"] and store.read_ids() == {"id007"}
    assert notice.kind == RESTORED and notice.salvaged == len(got) + 2
    assert Path(notice.moved_to).exists()  # the damaged file is kept, never deleted


def test_salvage_merges_under_what_the_backup_and_journal_restored(tmp_path):
    store, _ = open_store(tmp_path)
    store.add_bookmark("a1", "t", "p")
    write_backup(store, tmp_path / "backups")
    store.add_bookmark("b2", "t", "p")  # in the journal only
    store.remove_bookmark("a1")  # removed after the backup: stays removed
    store.close()
    # Damage that leaves the bookmarks readable: the index b-tree page scribbled over.
    db = sqlite3.connect(tmp_path / "u.sqlite")
    pages = db.execute(
        "SELECT pageno FROM dbstat WHERE name LIKE 'sqlite_autoindex_bookmarks%'"
    ).fetchall()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray((tmp_path / "u.sqlite").read_bytes())
    for (page,) in pages:
        data[(page - 1) * 4096 : page * 4096] = b"\x5a" * 4096
    (tmp_path / "u.sqlite").write_bytes(bytes(data))
    store, [notice] = open_store(tmp_path)
    assert store.bookmarked_ids() == {"b2"} and notice.kind == RESTORED
    assert notice.from_journal == 2 and notice.salvaged == 0


def test_nothing_anywhere_to_restore_from_says_so(tmp_path):
    (tmp_path / "u.sqlite").write_bytes(b"not a database" * 1000)
    store, notices = open_store(tmp_path)
    assert [n.kind for n in notices] == [DAMAGED_NO_BACKUP] and store.bookmarks() == []


def test_two_damaged_stores_in_a_row_are_both_kept(tmp_path):
    for _ in range(2):
        (tmp_path / "u.sqlite").write_bytes(b"not a database" * 1000)
        open_store(tmp_path)[0].close()
    assert len([p for p in tmp_path.iterdir() if ".damaged-" in p.name]) == 2
