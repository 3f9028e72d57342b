"""Highlights in the user's store: a mark of another kind (schema 4), with a colour, a note,
snapshots of the article's source and date, and a time of last change; carried by the journal,
the backups and salvage like every other row. Qt-free."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from reader.text.anchoring import anchor_span, article_text
from reader.text.article import parse_article
from reader.userdata.backup import REPLAYED, open_user_store, write_backup
from reader.userdata.formats import DEFAULT_COLOR, HIGHLIGHT, HIGHLIGHT_COLORS, MARK
from reader.userdata.journal import Journal
from reader.userdata.salvage import salvage
from reader.userdata.store import MIGRATIONS, SCHEMA_VERSION, UserStore

from conftest import SEED_FILE

SEED = parse_article(SEED_FILE.read_text("utf-8"))
WORDS = "بوتين"


def open_store(tmp_path: Path) -> tuple[UserStore, list]:
    return open_user_store(tmp_path / "u.sqlite", tmp_path / "backups", tmp_path / "j.jsonl")


def highlight(store: UserStore, article: str = "a1", note: str = "ملاحظة", color: str = "green"):
    flat = article_text(SEED).text
    start = flat.index(WORDS)
    span = anchor_span(SEED, start, start + len(WORDS))
    return store.add_mark(
        article, span.block, note, "كيم يزور روسيا", "/lib/a.txt", quote=span.quote,
        prefix=span.prefix, suffix=span.suffix, start=span.start, end=span.end,
        kind=HIGHLIGHT, color=color, source="الأهرام", date="2024-03-01",
    )  # fmt: skip


def make_v3_store(path: Path) -> None:
    """A store as Qari wrote it at schema 3, with the SQL of the time."""
    db = sqlite3.connect(path)
    for step in (1, 2, 3):
        for statement in MIGRATIONS[step]:
            db.execute(statement)
    db.execute("INSERT INTO bookmarks VALUES ('a1', 'كيم', '/lib/a.txt', '2024-01-01', '')")
    db.execute(
        "INSERT INTO marks (article_id, block, note, title, path, created, quote, prefix,"
        " suffix, text_start, text_end, found) VALUES ('a1', 3, 'قديمة', 'كيم', '/lib/a.txt',"
        " '2024-01-01T00:00:01.000000+00:00', 'نص', 'قبل', 'بعد', 10, 13, 0)"
    )
    db.execute("INSERT INTO reading VALUES ('a1', 0.5, 1, '2024-01-02')")
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()


def test_the_constants_name_the_colours():
    assert HIGHLIGHT_COLORS == ("yellow", "green", "blue", "pink")
    assert DEFAULT_COLOR in HIGHLIGHT_COLORS


def test_migration_from_v3_keeps_every_mark_as_a_paragraph_mark(tmp_path):
    path = tmp_path / "u.sqlite"
    make_v3_store(path)
    store, notices = open_user_store(path, tmp_path / "backups")
    assert notices == [] and store.migrated_from == 3 and SCHEMA_VERSION == 4
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    [mark] = store.marks()
    assert (mark.kind, mark.color, mark.source, mark.date) == (MARK, "", "", None)
    assert mark.modified == mark.created == "2024-01-01T00:00:01.000000+00:00"
    assert (mark.quote, mark.start, mark.end, mark.found, mark.note) == (
        "نص",
        10,
        13,
        False,
        "قديمة",
    )
    [bookmark] = store.bookmarks()
    assert (bookmark.id, bookmark.source, bookmark.date) == ("a1", "", None)
    assert store.position("a1") == 0.5 and store.read_ids() == {"a1"}
    # The copy made first is the store exactly as schema 3 had it.
    copy = sqlite3.connect(tmp_path / "u.sqlite.v3.backup")
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 3
    assert "kind" not in {row[1] for row in copy.execute("PRAGMA table_info(marks)")}
    copy.close()
    # And the migrated store takes highlights.
    added = highlight(store)
    assert {m.kind for m in store.marks()} == {MARK, HIGHLIGHT} and added.mark


def test_a_highlight_round_trips_through_the_store(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    paragraph = store.add_mark("a1", 2, "فقرة", "كيم", "/lib/a.txt")
    added = highlight(store)
    assert (added.kind, added.color, added.source, added.date) == (
        HIGHLIGHT, "green", "الأهرام", "2024-03-01"
    )  # fmt: skip
    assert added.modified == added.created and added.quote == WORDS
    store.close()
    store = UserStore(tmp_path / "u.sqlite")
    assert store.marks(kind=HIGHLIGHT) == [added]
    assert store.marks("a1", kind=MARK) == [replace(paragraph)]
    assert len(store.marks()) == 2 and store.marks("other") == []
    # A note or a colour changed later: the time of last change follows, the moment stays.
    store.set_mark_color(added.mark, "pink")
    store.update_mark(added.mark, "ملاحظة معدلة")
    [now] = store.marks(kind=HIGHLIGHT)
    assert (now.color, now.note, now.created) == ("pink", "ملاحظة معدلة", added.created)
    assert now.modified > added.modified
    store.remove_mark(added.mark)
    assert store.marks() == [paragraph]


def test_bookmarks_keep_their_snapshots(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    store.add_bookmark("a1", "t", "/lib/a.txt", source="الأهرام", date="2024-03-01")
    assert store.toggle_bookmark("b2", "t", "/lib/b.txt", source="BBC") is True
    got = {b.id: (b.source, b.date) for b in store.bookmarks()}
    assert got == {"a1": ("الأهرام", "2024-03-01"), "b2": ("BBC", None)}


def test_the_journal_replays_a_highlight(tmp_path):
    store, _ = open_store(tmp_path)
    store.add_bookmark("a0", "t", "/lib/a0.txt")
    store.close()
    before = tmp_path / "before.sqlite"
    shutil.copy(tmp_path / "u.sqlite", before)
    store, _ = open_store(tmp_path)
    added = highlight(store)
    store.set_mark_color(added.mark, "blue")
    [record] = [r for r in Journal(tmp_path / "j.jsonl").records() if r["action"] == "add_mark"]
    [row] = record["put"]["marks"]
    assert (row["kind"], row["color"], row["source"], row["date"]) == (
        HIGHLIGHT, "green", "الأهرام", "2024-03-01"
    )  # fmt: skip
    store.close()
    # The crash came after the journal lines, before SQLite's commits reached the disk.
    shutil.copy(before, tmp_path / "u.sqlite")
    store, notices = open_store(tmp_path)
    assert [n.kind for n in notices] == [REPLAYED]
    [back] = store.marks()
    assert back == replace(added, mark=back.mark, color="blue", modified=back.modified)
    assert back.modified > added.modified


def test_a_record_from_schema_3_replays_as_a_paragraph_mark(tmp_path):
    row = {
        "article_id": "a1", "block": 2, "note": "n", "title": "t", "path": "p",
        "created": "2024-01-01T00:00:01.000000+00:00", "quote": "q", "prefix": "",
        "suffix": "", "text_start": 4, "text_end": 5, "found": 1,
    }  # fmt: skip
    record = {"v": 1, "action": "add_mark", "at": "2024", "put": {"marks": [row]}, "delete": {}}
    (tmp_path / "j.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    store, _ = open_store(tmp_path)
    [mark] = store.marks()
    assert (mark.kind, mark.color, mark.modified, mark.start) == (MARK, "", row["created"], 4)


def test_a_backup_restores_a_highlight_and_a_v3_backup_still_imports(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    added = highlight(store)
    store.add_bookmark("a1", "t", "/lib/a.txt", source="الأهرام", date="2024-03-01")
    written = write_backup(store, tmp_path / "backups")
    data = json.loads(written.read_text("utf-8"))
    assert data["version"] == 4 and data["marks"][0]["kind"] == HIGHLIGHT
    other = UserStore(tmp_path / "other.sqlite")
    other.import_json(written.read_text("utf-8"))
    [back] = other.marks()
    assert back == replace(added, mark=back.mark)
    assert other.bookmarks() == store.bookmarks()
    other.import_json(written.read_text("utf-8"))  # twice: nothing doubles
    assert len(other.marks()) == 1
    # A backup from schema 3 has no kinds: its marks are paragraph marks.
    v3 = {"format": "qari-userdata", "version": 3, "reading": [],
          "bookmarks": [{"id": "b2", "title": "t", "path": "p", "created": "2024", "note": ""}],
          "marks": [{"article_id": "b2", "block": 1, "note": "", "title": "t", "path": "p",
                     "created": "2024-01-01T00:00:00", "quote": "x", "prefix": "",
                     "suffix": "", "start": 3, "end": 4, "found": 1}]}  # fmt: skip
    other.import_json(json.dumps(v3))
    [old] = other.marks("b2")
    assert (old.kind, old.color, old.start, old.modified) == (MARK, "", 3, "2024-01-01T00:00:00")


def test_salvage_carries_a_highlight(tmp_path):
    old = UserStore(tmp_path / "old.sqlite", journal=False)
    added = highlight(old)
    old.close()
    new = UserStore(tmp_path / "new.sqlite", journal=False)
    assert new.restore(lambda db: salvage(tmp_path / "old.sqlite", db, {})) == 1
    [back] = new.marks()
    assert back == replace(added, mark=back.mark)
