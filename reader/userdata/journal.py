"""The journal: every user action, one JSON line, in a file beside the store. Qt-free.

The store alone is one place: a bad disk block or a lost write-ahead log can take its last
changes with it before the rolling backup (seconds later) holds them. So each action is also
appended here and written through to the disk before the interface says it is done; opening
the store replays it, the rolling backup compacts it.

A record is one action::

    {"v": 1, "action": "add_mark", "at": "…", "put": {"marks": [{…row…}]},
     "delete": {"bookmarks": [{"id": "…"}]}}

``put`` holds whole rows as they are after the action and ``delete`` the keys of rows it
removed, each named by what names it in every copy of the store (a mark's number is this
file's own, so it is left out). State, not steps: a record applied twice, or over a store or a
backup that already has it, changes nothing. A new kind of annotation is one more entry in
TABLES; its writes go through ``journaled`` like every other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.userdata.savefile import sync_folder, write_atomically

RECORD_VERSION = 1


@dataclass(frozen=True, slots=True)
class Table:
    key: tuple[str, ...]  # the columns that name a row in every copy of the store
    local: tuple[str, ...] = ()  # this file's own numbering, never carried over
    newest: str = ""  # a column of timestamps: the later row wins over an older one


TABLES: dict[str, Table] = {
    "bookmarks": Table(key=("id",)),
    "marks": Table(key=("article_id", "created"), local=("mark",)),
    # Reading positions are not journaled (see UserStore.set_position): a record's row must
    # not undo a position the store saved after it.
    "reading": Table(key=("article_id",), newest="updated"),
}


def beside(store: str | Path) -> Path:
    """The journal of a store kept at ``store``: same folder, named after it."""
    store = Path(store)
    return store.with_name(f"{store.stem}.journal.jsonl")


class Journal:
    """Append-only JSON lines, each written and fsync'd on its own.

    The file is opened for each record rather than kept open: compaction replaces it by
    renaming, and a descriptor kept open would go on writing to the replaced file.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def append(self, record: dict) -> int:
        """Write one record through to the disk; returns the size before it, for take_back."""
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        data = line.encode("utf-8")
        created = not self.path.exists()
        if created:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            size = os.fstat(fd).st_size
            # A crash mid-line left half a record: end it, or this one would be glued to it
            # and both lost on replay.
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            except OSError:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)
                raise
        finally:
            os.close(fd)
        if created:  # the new name itself must survive a crash, not just the bytes
            sync_folder(self.path.parent)
        return size

    def take_back(self, size: int) -> None:
        """Forget what was appended after ``size`` (its SQLite commit failed)."""
        with contextlib.suppress(OSError):
            os.truncate(self.path, size)

    def records(self) -> Iterator[dict]:
        """Every complete record, oldest first. A torn last line (a crash mid-write) or a
        garbled one (a bad block) is skipped: it is one change, the others still count."""
        try:
            data = self.path.read_bytes()
        except OSError:  # none yet; or unreadable, and the next write will say so
            return
        for line in data.split(b"\n"):
            try:
                record = json.loads(line)
            except ValueError:  # also a UnicodeDecodeError
                continue
            if isinstance(record, dict) and record.get("v") == RECORD_VERSION:
                yield record

    def reset(self) -> None:
        """Empty the journal once a backup holds all of it (atomically: old or empty)."""
        if self.path.exists():
            write_atomically(self.path, b"")


class Change:
    """The rows one action touched; recorded as they are once it is done."""

    def __init__(self, action: str) -> None:
        self.action = action
        self._touched: dict[str, dict[tuple, None]] = {}

    def touch(self, table: str, *key: object) -> None:
        self._touched.setdefault(table, {})[key] = None

    def record(self, db: sqlite3.Connection) -> dict | None:
        put: dict[str, list[dict]] = {}
        delete: dict[str, list[dict]] = {}
        for table, keys in self._touched.items():
            names = TABLES[table].key
            for key in keys:
                row = _row(db, table, key)
                if row is None:
                    delete.setdefault(table, []).append(dict(zip(names, key, strict=True)))
                else:
                    put.setdefault(table, []).append(row)
        if not put and not delete:
            return None
        at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        return {"v": RECORD_VERSION, "action": self.action, "at": at, "put": put, "delete": delete}


@contextlib.contextmanager
def journaled(db: sqlite3.Connection, journal: Journal | None, action: str) -> Iterator[Change]:
    """The one write path of the store: the action's SQL, then its journal record, then the
    commit, all or nothing.

    The record is appended inside the SQLite transaction, before COMMIT, and the write lock
    held meanwhile: the journal's order is the commits' order, even with the window and a
    command line writing at once. If the journal cannot be written the transaction is rolled
    back (the user is told, nothing changed anywhere); if the commit fails the record is taken
    back. A crash between the two leaves a record the store lacks: the next opening applies
    it, so the journal is where an action becomes durable.
    """
    change = Change(action)
    db.execute("BEGIN IMMEDIATE")
    appended = None
    try:
        yield change
        record = change.record(db)
        if journal is not None and record is not None:
            appended = journal.append(record)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        if appended is not None:
            journal.take_back(appended)
        raise


# --- applying records: replay and salvage ------------------------------------------------------


def _where(table: str) -> str:
    return " AND ".join(f'"{name}" = ?' for name in TABLES[table].key)


def _row(db: sqlite3.Connection, table: str, key: tuple) -> dict | None:
    cursor = db.execute(f"SELECT * FROM {table} WHERE {_where(table)}", key)
    values = cursor.fetchone()
    if values is None:
        return None
    names = [c[0] for c in cursor.description]
    local = TABLES[table].local
    return {n: v for n, v in zip(names, values, strict=True) if n not in local}


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def put_row(db: sqlite3.Connection, table: str, row: dict, *, merge: bool = False) -> bool:
    """Make the store hold ``row``; returns whether anything changed.

    ``merge`` (rows salvaged from a damaged file): only what the store does not have yet,
    besides a later timestamp in a ``newest`` table. Columns the store does not know (a
    record from a newer Qari) are left out; those it has and the row lacks keep their default.
    """
    spec = TABLES[table]
    if not isinstance(row, dict) or any(row.get(name) is None for name in spec.key):
        return False
    key = tuple(row[name] for name in spec.key)
    columns = [c for c in _columns(db, table) if c in row and c not in spec.local]
    existing = _row(db, table, key)
    if existing is not None:
        if spec.newest:
            mine, theirs = str(existing.get(spec.newest) or ""), str(row.get(spec.newest) or "")
            if mine > theirs or (merge and mine == theirs):
                return False
        elif merge:
            return False
        if all(existing.get(c) == row[c] for c in columns):
            return False
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in spec.key)
    keys = ", ".join(f'"{c}"' for c in spec.key)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    db.execute(
        f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT ({keys}) {action}",
        [row[c] for c in columns],
    )
    return True


def outcome(records: Iterable[dict]) -> dict[tuple[str, tuple], dict | None]:
    """What the records leave of each row they name: its last put, or None where their last
    word removed it. Rows are independent (no row's key is another's), so applying this is
    replaying the records in order, and counts only rows that end up different."""
    last: dict[tuple[str, tuple], dict | None] = {}
    for record in records:
        # In the order replay applies a record: its removals, then its rows.
        for kind in ("delete", "put"):
            entries = record.get(kind)
            for table, items in entries.items() if isinstance(entries, dict) else ():
                spec = TABLES.get(table)
                for item in items if spec is not None and isinstance(items, list) else ():
                    key = tuple(item.get(n) for n in spec.key) if isinstance(item, dict) else ()
                    if key and all(isinstance(part, str | int) for part in key):
                        last[(table, key)] = item if kind == "put" else None
    return last


def replay(db: sqlite3.Connection, records: Iterable[dict]) -> int:
    """Apply journal records (inside the caller's transaction); returns how many rows the
    store lacked or held otherwise."""
    changed = 0
    for (table, key), row in outcome(records).items():
        try:
            if row is None:
                gone = db.execute(f"DELETE FROM {table} WHERE {_where(table)}", key)
                changed += gone.rowcount > 0
            else:
                changed += put_row(db, table, row)
        except sqlite3.Error:  # a row the schema refuses (edited by hand): the rest count
            continue
    return changed


def removed(records: Iterable[dict]) -> dict[str, set[tuple]]:
    """The keys the records' last word removed: a damaged file may still hold such a row
    (its commit was cut short), and salvage must not bring it back."""
    found: dict[str, set[tuple]] = {}
    for (table, key), row in outcome(records).items():
        if row is None:
            found.setdefault(table, set()).add(key)
    return found
