"""The stories in the index: signatures, band keys and each file's story, kept in SQLite.

Qt-free. A story is a connected group of the graph "shares a band key and the signatures
agree" (``reader.library.stories``), where in a bucket (the files sharing a band key) each
file is compared with the bucket's first ``FIRST`` files (past its first ``PROBE``, only if
one of those agreed with the first). Its id is its smallest file key.

Files are stored as stories of their own and linked afterwards: those with keys above the
last one linked (keys only grow), in one of two ways that give the same groups. When they are
a good part of the index (a first index), their band rows are appended with the index on
them dropped, the index is built again in one sort, and one pass over all buckets in key
order groups everything: no look-up per file. Otherwise each one looks up the files before it
in its buckets and merges the stories it bridges. Removing a file regroups what is left of
its story. Nothing of this lives in memory between calls: at a million articles, the index
holds it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from reader.library.stories import BANDS, FIRST, PROBE, SAME_BINS, as_int, same_bins

__all__ = ["SCHEMA", "forget", "link_pending", "regroup", "store"]

# A signature's band keys are columns beside it: made by the worker that read the file, and
# turned into rows of ``bands`` by SQLite alone.
_BAND_COLUMNS = [f"b{band}" for band in range(BANDS)]
_BANDS_OF = ", ".join(_BAND_COLUMNS)
_BAND_DEFINITIONS = ", ".join(f"{c} INTEGER NOT NULL" for c in _BAND_COLUMNS)
SCHEMA = f"""
    CREATE TABLE signatures (
        key INTEGER PRIMARY KEY, signature BLOB NOT NULL, {_BAND_DEFINITIONS});
    CREATE TABLE bands (key INTEGER NOT NULL, file_key INTEGER NOT NULL);
    CREATE INDEX bands_key ON bands (key, file_key);
    CREATE INDEX files_story ON files (story);
    CREATE TABLE stories_linked (upto INTEGER NOT NULL);  -- the highest file key linked
    INSERT INTO stories_linked VALUES (0);
"""
_INDEX_BANDS = "CREATE INDEX IF NOT EXISTS bands_key ON bands (key, file_key)"
# Grouping everything costs one pass over all buckets; linking file by file, a look-up per
# band key. The pass wins once the pending files are this share of the signed ones.
_BULK_SHARE = 0.3
_CHUNK = 2000
_SIGNED = f"key, signature, {_BANDS_OF}"  # a row of signatures, as _link_some takes it
_PENDING = f"SELECT {_SIGNED} FROM signatures WHERE key > ? ORDER BY key"


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


def store(db: sqlite3.Connection, signed: Sequence[tuple]) -> None:
    """Keep (key, signature, *band keys) of files just inserted (stories of their own until
    linked)."""
    places = ", ".join("?" * (2 + BANDS))
    db.executemany(f"INSERT INTO signatures ({_SIGNED}) VALUES ({places})", signed)


def forget(db: sqlite3.Connection, keys: Sequence[int]) -> None:
    """Drop the signatures and band rows of files deleted from ``files``."""
    for start in range(0, len(keys), _CHUNK):
        batch = keys[start : start + _CHUNK]
        rows = db.execute(
            f"DELETE FROM signatures WHERE key IN ({_places(batch)}) RETURNING key, {_BANDS_OF}",
            batch,
        ).fetchall()
        db.executemany(
            "DELETE FROM bands WHERE key = ? AND file_key = ?",
            [(k, key) for key, *bands in rows for k in bands],
        )


def link_pending(db: sqlite3.Connection) -> None:
    """Give every file not linked yet its story, merging the stories it bridges. Files
    left pending by an interrupted index are linked by the next call."""
    upto = db.execute("SELECT upto FROM stories_linked").fetchone()[0]
    pending = db.execute("SELECT count(*) FROM signatures WHERE key > ?", (upto,)).fetchone()[0]
    if pending:
        signed = db.execute("SELECT count(*) FROM signatures").fetchone()[0]
        if pending >= _BULK_SHARE * signed:
            _group_all(db, upto)
        else:
            rows = db.execute(_PENDING, (upto,)).fetchall()
            for start in range(0, len(rows), _CHUNK):
                _link_some(db, rows[start : start + _CHUNK])
    db.execute("UPDATE stories_linked SET upto = (SELECT coalesce(max(key), 0) FROM files)")


def _link_some(db: sqlite3.Connection, added: Sequence[tuple]) -> None:
    """Link a few files (the newest keys; rows of _PENDING) to the files before them in
    their buckets."""
    rows = [(k, key) for key, _, *bands in added for k in bands]
    db.executemany("INSERT INTO bands (key, file_key) VALUES (?, ?)", rows)
    before = "SELECT file_key FROM bands WHERE key = ? AND file_key < ? ORDER BY file_key LIMIT ?"
    heads = {(k, key): [o for (o,) in db.execute(before, (k, key, PROBE))] for k, key in rows}
    # Every file in a bucket has a signature: the pending ones were stored with theirs.
    known = _stories_and_signatures(db, sorted({o for head in heads.values() for o in head}))
    mine = {key: as_int(sig) for key, sig, *_ in added}
    live: dict[int, bool] = {}  # by band key: a full head is the same for every file after it
    roots = _Roots()
    for (k, key), head in heads.items():
        if len(head) == PROBE:
            if k not in live:
                live[k] = _live([known[o][1] for o in head])
            if not live[k]:
                continue
        for other in head[:FIRST]:
            story, sig = known[other]
            if roots.find(key) != roots.find(story) and same_bins(mine[key], sig) >= SAME_BINS:
                roots.union(key, story)
    moved = [(roots.find(x), x) for x in roots.parent]
    db.executemany("UPDATE files SET story = ? WHERE story = ?", moved)


def _live(head: list[int]) -> bool:
    """Whether a bucket whose first files have these signatures is more than boilerplate:
    one of them agrees with the first."""
    return any(same_bins(head[0], sig) >= SAME_BINS for sig in head[1:])


def _stories_and_signatures(db: sqlite3.Connection, keys: list[int]) -> dict[int, tuple[int, int]]:
    """file key -> (its story, its signature as an int)."""
    known: dict[int, tuple[int, int]] = {}
    for start in range(0, len(keys), _CHUNK):
        batch = keys[start : start + _CHUNK]
        found = db.execute(
            "SELECT f.key, f.story, s.signature FROM files f JOIN signatures s ON s.key = f.key"
            f" WHERE f.key IN ({_places(batch)})",
            batch,
        )
        known.update((key, (story, as_int(sig))) for key, story, sig in found)
    return known


def _group_all(db: sqlite3.Connection, upto: int) -> None:
    """Group the whole index again: the pending files' band rows go in without the index,
    which is then built in one sort, then one pass over the buckets in key order."""
    db.execute("DROP INDEX IF EXISTS bands_key")
    for column in _BAND_COLUMNS:
        db.execute(f"INSERT INTO bands SELECT {column}, key FROM signatures WHERE key > ?", (upto,))
    db.execute(_INDEX_BANDS)
    roots = _Roots()
    buckets = db.execute(
        "SELECT group_concat(file_key) FROM bands GROUP BY key HAVING count(*) > 1"
    )
    while chunk := buckets.fetchmany(_CHUNK):
        _join_buckets(db, [[int(k) for k in members.split(",")] for (members,) in chunk], roots)
    grouped = {key: roots.find(key) for key in roots.parent}
    was = db.execute("SELECT key FROM files WHERE story != key").fetchall()
    moved = [(key, key) for (key,) in was if key not in grouped]
    moved += [(story, key) for key, story in grouped.items()]
    # Only the rows whose story changes are written.
    db.executemany("UPDATE files SET story = ?1 WHERE key = ?2 AND story != ?1", moved)


def _join_buckets(db: sqlite3.Connection, buckets: list[list[int]], roots: _Roots) -> None:
    for members in buckets:
        members.sort()
    heads = {key for members in buckets for key in members[:PROBE]}
    sigs = {key: sig for key, (_, sig) in _stories_and_signatures(db, sorted(heads)).items()}
    # A boilerplate bucket ends at its head: the signatures of the rest are not needed.
    scopes = [
        members[:PROBE]
        if len(members) > PROBE and not _live([sigs[k] for k in members[:PROBE]])
        else members
        for members in buckets
    ]
    rest = sorted({key for scope in scopes for key in scope} - heads)
    sigs.update((key, sig) for key, (_, sig) in _stories_and_signatures(db, rest).items())
    find = roots.find
    for scope in scopes:
        for i, b in enumerate(scope):
            for a in scope[: min(i, FIRST)]:
                # Already one story: no need to compare (most pairs of a big story).
                if find(a) != find(b) and same_bins(sigs[a], sigs[b]) >= SAME_BINS:
                    roots.union(a, b)


def regroup(db: sqlite3.Connection, stories: Iterable[int]) -> None:
    """Regroup the stories that lost a member: what is left of one may fall apart."""
    for story in set(stories):
        members = db.execute(
            f"SELECT {_SIGNED} FROM signatures"
            " WHERE key IN (SELECT key FROM files WHERE story = ?) ORDER BY key",
            (story,),
        ).fetchall()
        buckets: dict[int, list[int]] = {}
        sigs = {key: as_int(sig) for key, sig, *_ in members}
        roots = _Roots()
        for key, _, *bands in members:
            for k in bands:
                bucket = buckets.setdefault(k, [])
                for other in bucket[:FIRST]:
                    if same_bins(sigs[key], sigs[other]) >= SAME_BINS:
                        roots.union(key, other)
                bucket.append(key)
        moved = [(roots.find(key), key) for key, *_ in members if roots.find(key) != story]
        db.executemany("UPDATE files SET story = ? WHERE key = ?", moved)


def _places(batch: Sequence[object]) -> str:
    return ",".join("?" * len(batch))
