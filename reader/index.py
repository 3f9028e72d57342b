"""The rebuildable cache of what each file held when it was last read.

Keyed by path with the file's size and mtime, so reopening a library only re-reads files that
changed. It holds nothing the user made: on any sign of damage it is deleted and rebuilt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from reader.library import ArticleMeta, Skipped

SCHEMA_VERSION = 1

_COLUMNS = "path, size, mtime_ns, id, title, source, date, direction, words, encoding, skipped"


class IndexCache:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open()
        except sqlite3.DatabaseError:
            # A damaged cache is only a slower start: throw it away.
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._open()

    def _open(self) -> None:
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self._db.executescript(
                f"""
                DROP TABLE IF EXISTS files;
                CREATE TABLE files (
                    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, id TEXT,
                    title TEXT, source TEXT, date TEXT, direction TEXT, words INTEGER,
                    encoding TEXT, skipped TEXT);
                PRAGMA user_version = {SCHEMA_VERSION};
                """
            )

    def close(self) -> None:
        self._db.close()

    def lookup(self, path: str, size: int, mtime_ns: int) -> ArticleMeta | Skipped | None:
        """What ``path`` held, if the file is unchanged since it was cached."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM files WHERE path = ? AND size = ? AND mtime_ns = ?",
            (path, size, mtime_ns),
        ).fetchone()
        if row is None:
            return None
        if row[10] is not None:
            return Skipped(row[0], row[10], size, mtime_ns)
        return ArticleMeta(
            id=row[3],
            path=row[0],
            title=row[4],
            source=row[5],
            date=row[6],
            direction=row[7],
            words=row[8],
            encoding=row[9],
            size=size,
            mtime_ns=mtime_ns,
        )

    def store(self, entries: Iterable[ArticleMeta | Skipped]) -> None:
        rows = []
        for e in entries:
            if isinstance(e, Skipped):
                rows.append((e.path, e.size, e.mtime_ns, *([None] * 7), e.reason))
            else:
                rows.append(
                    (e.path, e.size, e.mtime_ns, e.id, e.title, e.source, e.date, e.direction,
                     e.words, e.encoding, None)
                )  # fmt: skip
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany(
                f"INSERT OR REPLACE INTO files ({_COLUMNS}) VALUES ({', '.join('?' * 11)})", rows
            )

    def forget_missing(self, roots: Iterable[str], seen: set[str]) -> None:
        """Drop rows for files under ``roots`` that the last scan no longer found."""
        gone = []
        for root in roots:
            prefix = root.rstrip("/\\") + "/"
            rows = self._db.execute(
                "SELECT path FROM files WHERE path = ? OR substr(path, 1, ?) = ?",
                (root, len(prefix), prefix),
            )
            gone.extend(p for (p,) in rows if p not in seen)
        if gone:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in gone))
