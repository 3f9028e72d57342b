"""The user's own store: bookmarks, in SQLite.

Unlike the index this is never rebuilt from the files: every change is committed (WAL,
``synchronous=FULL``) the moment the user acts, so a crash right after loses nothing. Rows are
keyed by the article's stable id, with a snapshot of its title and path, so a bookmark survives its
file being renamed, moved, or deleted.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

SCHEMA_VERSION = 1
EXPORT_FORMAT = "qari-bookmarks"


class StoreError(Exception):
    """The store cannot be opened or an import file is unusable; str() is for the user."""


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    title: str
    path: str
    created: str  # ISO 8601, UTC


def _user_action(method: Callable) -> Callable:
    """Report a failed write (disk full, read-only folder, locked file) as a StoreError."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise StoreError(f"could not save to {self.path}: {err}") from err

    return wrapper


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class UserStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"cannot open the bookmarks store {self.path}: {err}") from err

    def close(self) -> None:
        self._db.close()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer Qari (schema {version}); not touching it"
            )
        if version < 1:
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute(
                    "CREATE TABLE bookmarks ("
                    " id TEXT PRIMARY KEY, title TEXT NOT NULL, path TEXT NOT NULL,"
                    " created TEXT NOT NULL)"
                )
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    # --- bookmarks -------------------------------------------------------------------------

    def bookmarks(self) -> list[Bookmark]:
        rows = self._db.execute("SELECT id, title, path, created FROM bookmarks ORDER BY created")
        return [Bookmark(*row) for row in rows]

    def bookmarked_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM bookmarks")}

    def is_bookmarked(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM bookmarks WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    @_user_action
    def add_bookmark(self, article_id: str, title: str, path: str) -> Bookmark:
        bookmark = Bookmark(article_id, title, path, _now())
        self._db.execute(
            "INSERT OR IGNORE INTO bookmarks (id, title, path, created) VALUES (?, ?, ?, ?)",
            (bookmark.id, bookmark.title, bookmark.path, bookmark.created),
        )
        return bookmark

    @_user_action
    def remove_bookmark(self, article_id: str) -> None:
        self._db.execute("DELETE FROM bookmarks WHERE id = ?", (article_id,))

    @_user_action
    def toggle_bookmark(self, article_id: str, title: str, path: str) -> bool:
        """Return whether the article is bookmarked afterwards."""
        if self.is_bookmarked(article_id):
            self.remove_bookmark(article_id)
            return False
        self.add_bookmark(article_id, title, path)
        return True

    @_user_action
    def refresh_locations(self, seen: Iterable[tuple[str, str, str]]) -> int:
        """Update the title/path snapshots of bookmarked articles seen at (id, title, path).

        Returns how many bookmarks moved: this is what keeps a renamed file's bookmark pointing
        at its new place.
        """
        with self._db:
            self._db.execute("BEGIN")
            cursor = self._db.executemany(
                "UPDATE bookmarks SET title = ?, path = ?"
                " WHERE id = ? AND (title != ? OR path != ?)",
                ((title, path, aid, title, path) for aid, title, path in seen),
            )
        return cursor.rowcount

    # --- export / import -------------------------------------------------------------------

    def export_json(self) -> str:
        payload = {
            "format": EXPORT_FORMAT,
            "version": 1,
            "bookmarks": [asdict(b) for b in self.bookmarks()],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

    @_user_action
    def import_json(self, text: str) -> int:
        """Merge bookmarks from an export; returns how many were new. Nothing changes on error."""
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as err:
            raise StoreError(f"not a bookmarks file (invalid JSON: {err})") from err
        entries = payload.get("bookmarks") if isinstance(payload, dict) else payload
        if not isinstance(entries, list):
            raise StoreError("not a bookmarks file (no list of bookmarks)")
        rows = []
        for number, entry in enumerate(entries, 1):
            if not (isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]):
                raise StoreError(f"bookmark #{number} has no id")
            rows.append(
                (
                    entry["id"],
                    str(entry.get("title") or ""),
                    str(entry.get("path") or ""),
                    str(entry.get("created") or _now()),
                )
            )
        with self._db:
            self._db.execute("BEGIN")
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO bookmarks (id, title, path, created) VALUES (?, ?, ?, ?)",
                rows,
            )
            return self._db.total_changes - before
