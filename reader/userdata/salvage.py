"""Rows still readable in a damaged store, read one by one around the damage. Qt-free.

A bad block costs the rows on that page, not the file: SQLite stops a scan at the first page
it cannot read, so the scan starts again just past the last row it gave, as many times as it
takes, and every row it can still read is merged (under what the backup and the journal
restored: they are at least as new) into the new store.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from reader.userdata.journal import TABLES, put_row

# Unreadable row numbers stepped over, one at a time, before a table is given up on (a scan
# restarts in microseconds: this bounds a hopeless table to about a second).
MAX_GAP = 100_000


def salvage(damaged: Path, db: sqlite3.Connection, skip: dict[str, set[tuple]]) -> int:
    """Merge the readable rows of the store file ``damaged`` into ``db`` (inside the caller's
    transaction), leaving out the keys in ``skip``; returns how many rows were new."""
    added = 0
    # With its write-ahead log first (the newest rows), then the main file alone, in case
    # the log is what was damaged.
    for options in ("mode=ro", "immutable=1"):
        try:
            source = sqlite3.connect(f"{damaged.resolve().as_uri()}?{options}", uri=True)
        except sqlite3.Error:
            continue
        try:
            for table, spec in TABLES.items():
                left_out = skip.get(table, set())
                for row in readable_rows(source, table):
                    if tuple(row.get(name) for name in spec.key) in left_out:
                        continue
                    with contextlib.suppress(sqlite3.Error):  # a garbled row: not this one
                        added += put_row(db, table, row, merge=True)
        finally:
            source.close()
    return added


def readable_rows(db: sqlite3.Connection, table: str) -> Iterator[dict]:
    try:
        db.execute(f"SELECT * FROM {table} LIMIT 0")
    except sqlite3.DatabaseError:
        return  # no such table, or the schema itself unreadable: nothing to step around
    try:
        last = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        last = None  # the right edge is damaged too: step until MAX_GAP
    after, gap = -(2**63), 0
    while gap < MAX_GAP and (last is None or after < last):
        try:
            cursor = db.execute(
                f"SELECT rowid AS _rowid_, * FROM {table} WHERE rowid > ? ORDER BY rowid",
                (after,),
            )
            names = [c[0] for c in cursor.description]
            for values in cursor:
                row = dict(zip(names, values, strict=True))
                after, gap = row.pop("_rowid_"), 0
                yield row
            return
        except sqlite3.DatabaseError:
            # Step past the row that could not be read (Qari's rowids start at 1).
            after = 0 if after < 0 else after + 1
            gap += 1
