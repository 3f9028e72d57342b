"""The stories in the index: signatures, band keys and each file's story, kept in SQLite.

Qt-free. A story is a connected group of the graph "shares a band key and the signatures
agree" (``reader.library.stories``), where in a bucket (the files sharing a band key) each
file is compared with the ``FIRST`` files before it. Its id is the smallest file key in it.

Files are stored with ``story`` NULL and linked afterwards, in one of two ways that give the
same groups. When they are a good part of the index (a first index), their band rows go in
sorted and one pass over all buckets in key order groups everything: a B-tree filled in order
and no look-up per file. Otherwise each one looks up the files before it in its buckets and
merges the stories it bridges. Removing a file regroups what is left of its story. Nothing
of this lives in memory between calls: at a million articles, the index holds it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from reader.library.stories import FIRST, SAME_BINS, as_int, band_keys, same_bins

__all__ = ["SCHEMA", "forget", "link_pending", "regroup", "store"]

SCHEMA = """
    CREATE TABLE signatures (key INTEGER PRIMARY KEY, signature BLOB NOT NULL);
    CREATE TABLE bands (key INTEGER, file_key INTEGER, PRIMARY KEY (key, file_key))
        WITHOUT ROWID;
    CREATE INDEX files_story ON files (story);
"""
# Grouping everything costs one pass over all buckets; linking file by file, a look-up per
# band key. The pass wins once the pending files are this share of the signed ones.
_BULK_SHARE = 0.3
_CHUNK = 2000
_PENDING = (
    "SELECT s.key, s.signature FROM files f JOIN signatures s ON s.key = f.key"
    " WHERE f.story IS NULL ORDER BY s.key"
)


class _Roots:
    """Union-find over file keys and story ids, the smaller becoming the root."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent.get(x, x)
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def store(db: sqlite3.Connection, signed: Sequence[tuple[int, bytes]]) -> None:
    """Keep the signatures of files just inserted (with ``story`` NULL: not linked yet)."""
    db.executemany("INSERT INTO signatures (key, signature) VALUES (?, ?)", signed)


def forget(db: sqlite3.Connection, keys: Sequence[int]) -> None:
    """Drop the signatures and band rows of files deleted from ``files``."""
    for start in range(0, len(keys), _CHUNK):
        batch = keys[start : start + _CHUNK]
        rows = db.execute(
            f"DELETE FROM signatures WHERE key IN ({_places(batch)}) RETURNING key, signature",
            batch,
        ).fetchall()
        db.executemany(
            "DELETE FROM bands WHERE key = ? AND file_key = ?",
            [(k, key) for key, sig in rows for k in band_keys(sig)],
        )


def link_pending(db: sqlite3.Connection) -> None:
    """Give every file not linked yet its story, merging the stories it bridges. Files
    left pending by an interrupted index are linked by the next call."""
    # Unsigned files (skipped, or too short to be anybody's version) are stories of one.
    db.execute(
        "UPDATE files SET story = key WHERE story IS NULL"
        " AND key NOT IN (SELECT key FROM signatures)"
    )
    pending = db.execute("SELECT count(*) FROM files WHERE story IS NULL").fetchone()[0]
    if not pending:
        return
    signed = db.execute("SELECT count(*) FROM signatures").fetchone()[0]
    if pending >= _BULK_SHARE * signed:
        _group_all(db)
        return
    rows = db.execute(_PENDING).fetchall()
    for start in range(0, len(rows), _CHUNK):
        _link_some(db, rows[start : start + _CHUNK])


def _link_some(db: sqlite3.Connection, added: Sequence[tuple[int, bytes]]) -> None:
    """Link a few files (the newest keys) to the files before them in their buckets."""
    rows = [(k, key) for key, sig in added for k in band_keys(sig)]
    db.executemany("UPDATE files SET story = key WHERE key = ?", [(k,) for k, _ in added])
    db.executemany("INSERT OR IGNORE INTO bands (key, file_key) VALUES (?, ?)", rows)
    before = "SELECT file_key FROM bands WHERE key = ? AND file_key < ? ORDER BY file_key LIMIT ?"
    pairs = {(key, other) for k, key in rows for (other,) in db.execute(before, (k, key, FIRST))}
    others = sorted({other for _, other in pairs})
    known: dict[int, tuple[int, int]] = {}
    for start in range(0, len(others), _CHUNK):
        batch = others[start : start + _CHUNK]
        found = db.execute(
            "SELECT f.key, f.story, s.signature FROM files f JOIN signatures s ON s.key = f.key"
            f" WHERE f.key IN ({_places(batch)})",
            batch,
        )
        known.update((key, (story, as_int(sig))) for key, story, sig in found)
    mine = {key: as_int(sig) for key, sig in added}
    roots = _Roots()
    for key, other in sorted(pairs):
        story, sig = known[other]
        if roots.find(key) != roots.find(story) and same_bins(mine[key], sig) >= SAME_BINS:
            roots.union(key, story)
    moved = [(roots.find(x), x) for x in roots.parent]
    db.executemany("UPDATE files SET story = ? WHERE story = ?", moved)


def _group_all(db: sqlite3.Connection) -> None:
    """Group the whole index again: the pending files' band rows go in sorted (what makes
    the insert cheap), then one pass over the buckets in key order."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS queue (key INTEGER, file_key INTEGER)")
    cursor = db.execute(_PENDING)
    while chunk := cursor.fetchmany(_CHUNK):
        rows = [(k, key) for key, sig in chunk for k in band_keys(sig)]
        db.executemany("INSERT INTO queue VALUES (?, ?)", rows)
    db.execute("INSERT OR IGNORE INTO bands SELECT key, file_key FROM queue ORDER BY 1, 2")
    db.execute("DELETE FROM queue")
    roots = _Roots()
    # Rows of one band key come in file key order (the primary key's).
    buckets = db.execute(
        "SELECT group_concat(file_key) FROM bands GROUP BY key HAVING count(*) > 1"
    )
    while chunk := buckets.fetchmany(_CHUNK):
        _join_buckets(db, [[int(k) for k in members.split(",")] for (members,) in chunk], roots)
    db.execute("UPDATE files SET story = key WHERE story IS NULL")
    grouped = {key: roots.find(key) for key in roots.parent}
    was = db.execute("SELECT key, story FROM files WHERE story != key").fetchall()
    moved = [(key, key) for key, story in was if key not in grouped]
    moved += [(story, key) for key, story in grouped.items()]
    # Only the rows whose story changes are written.
    db.executemany("UPDATE files SET story = ?1 WHERE key = ?2 AND story != ?1", moved)


def _join_buckets(db: sqlite3.Connection, buckets: list[list[int]], roots: _Roots) -> None:
    keys = sorted({key for members in buckets for key in members})
    sigs: dict[int, int] = {}
    for start in range(0, len(keys), _CHUNK):
        batch = keys[start : start + _CHUNK]
        found = db.execute(
            f"SELECT key, signature FROM signatures WHERE key IN ({_places(batch)})", batch
        )
        sigs.update((key, as_int(sig)) for key, sig in found)
    find = roots.find
    for members in buckets:
        members.sort()
        for i, b in enumerate(members):
            for a in members[: min(i, FIRST)]:
                # Already one story: no need to compare (most pairs of a big story).
                if find(a) != find(b) and same_bins(sigs[a], sigs[b]) >= SAME_BINS:
                    roots.union(a, b)


def regroup(db: sqlite3.Connection, stories: Iterable[int]) -> None:
    """Regroup the stories that lost a member: what is left of one may fall apart."""
    for story in set(stories):
        members = db.execute(
            "SELECT f.key, s.signature FROM files f JOIN signatures s ON s.key = f.key"
            " WHERE f.story = ? ORDER BY f.key",
            (story,),
        ).fetchall()
        buckets: dict[int, list[int]] = {}
        sigs = {key: as_int(sig) for key, sig in members}
        roots = _Roots()
        for key, sig in members:
            for k in band_keys(sig):
                bucket = buckets.setdefault(k, [])
                for other in bucket[:FIRST]:
                    if same_bins(sigs[key], sigs[other]) >= SAME_BINS:
                        roots.union(key, other)
                bucket.append(key)
        moved = [(roots.find(key), key) for key, _ in members if roots.find(key) != story]
        db.executemany("UPDATE files SET story = ? WHERE key = ?", moved)


def _places(batch: Sequence[object]) -> str:
    return ",".join("?" * len(batch))
