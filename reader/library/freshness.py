"""What the index knows of a library's files on disk: their stamps, and its folders.

Qt-free, over the index's connection (reader.library.index). A reopened library is
compared with the index a slice of paths at a time, so that a million of them never
become a million records; the folders' mtimes, kept after each full read, tell the command
line whether anything was added, removed or renamed since.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence

from reader.library.entries import file_stamp

# The folders of the library as last read in full, with their mtimes (``unchanged``).
FOLDERS = "CREATE TABLE IF NOT EXISTS folders (path TEXT PRIMARY KEY, mtime_ns INTEGER)"
# Paths looked up at a time when comparing a library's files with the index.
_LOOKUP_BATCH = 5000


def _meta(db: sqlite3.Connection, name: str) -> object:
    row = db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def changes(
    db: sqlite3.Connection, roots: Sequence[str], found: Sequence[str]
) -> tuple[list[str], list[str]]:
    """Of the files ``found`` under ``roots``: those to read (new, or whose size or mtime
    changed); and the files listed under ``roots`` that were not found.

    A slice of paths at a time is looked up, so that a million of them never become a
    million records here; the files not found are only looked for when the counts say
    some are gone."""
    to_read: list[str] = []
    listed = 0
    for start in range(0, len(found), _LOOKUP_BATCH):
        batch = found[start : start + _LOOKUP_BATCH]
        rows = db.execute(
            "SELECT path, size, mtime_ns FROM files WHERE path IN (SELECT value FROM json_each(?))",
            (json.dumps(batch),),
        )
        known = {path: (size, mtime) for path, size, mtime in rows}
        listed += len(known)
        # (A file the index does not know is read whatever its stamp: no stat for it.)
        to_read += [p for p in batch if p not in known or known[p] != file_stamp(p)]
    under, args = _under(roots)
    (count,) = db.execute(f"SELECT count(*) FROM files WHERE {under}", args).fetchone()
    if count == listed:
        return to_read, []
    db.execute("CREATE TEMP TABLE IF NOT EXISTS found (path TEXT PRIMARY KEY)")
    try:
        db.executemany("INSERT OR IGNORE INTO temp.found VALUES (?)", ((p,) for p in found))
        rows = db.execute(f"SELECT path FROM files WHERE {under} AND path NOT IN temp.found", args)
        return to_read, [path for (path,) in rows]
    finally:
        db.execute("DELETE FROM temp.found")


def remember_folders(db: sqlite3.Connection, roots: Sequence[str], folders: dict[str, int]) -> None:
    """The folders a full read of the library found (see ``unchanged``)."""
    known = dict(db.execute("SELECT path, mtime_ns FROM folders").fetchall())
    if known == folders and _meta(db, "folders of") == "\n".join(roots):
        return  # no write: a window listing this index sees that nothing changed
    with db:
        db.execute("BEGIN")
        db.execute("DELETE FROM folders")
        db.executemany("INSERT INTO folders VALUES (?, ?)", folders.items())
        db.execute("INSERT OR REPLACE INTO meta VALUES ('folders of', ?)", ("\n".join(roots),))


def unchanged(db: sqlite3.Connection, roots: Sequence[str]) -> bool:
    """Whether no file was added to, removed from or renamed in these folders since they
    were last read in full: every folder's mtime is as it was then. (A file rewritten in
    place changes no folder: the window's full scan finds it.)"""
    if not roots or _meta(db, "folders of") != "\n".join(roots):
        return False
    rows = db.execute("SELECT path, mtime_ns FROM folders").fetchall()
    for path, mtime_ns in rows:
        try:
            if os.stat(path).st_mtime_ns != mtime_ns:
                return False
        except OSError:
            return False
    return bool(rows)


def _under(roots: Sequence[str]) -> tuple[str, list[str]]:
    """A WHERE clause selecting every path inside these folders (or equal to these file
    paths) with index range scans, and its arguments."""
    clauses, args = [], []
    for root in roots:
        base = root.rstrip("/\\") + "/"
        clauses.append("path = ? OR (path >= ? AND path < ?)")
        args += [root, base, base[:-1] + chr(ord("/") + 1)]
    return "(" + " OR ".join(f"({c})" for c in clauses) + ")" if clauses else "0", args
