"""The user's own store: bookmarks, notes, reading state, in SQLite. Qt-free.

Unlike the index this is never rebuilt from the files: every change is committed (WAL,
``synchronous=FULL``) the moment the user acts, so a crash right after loses nothing. Rows are
keyed by the article's stable id, with a snapshot of its title and path, so a bookmark survives
its file being renamed, moved, or deleted.

Safety nets, from ``open_user_store``: ``PRAGMA integrity_check`` on every start (a damaged
store is moved aside and the data restored from the newest rolling JSON backup), a copy of
the file before any schema migration, and a read-only mode when the data folder can't be
written (or the store comes from a newer Qari), so the app still reads.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.userdata.schema import MARK_COLUMNS, MIGRATIONS, SCHEMA_VERSION, mark_row

if TYPE_CHECKING:
    from reader.text.anchoring import Anchor

EXPORT_FORMAT = "qari-bookmarks"
BACKUP_FORMAT = "qari-userdata"


class StoreError(Exception):
    """The store cannot be opened or written, or an import file is unusable; str() is for
    the user."""


class CorruptStoreError(StoreError):
    pass


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    title: str
    path: str
    created: str  # ISO 8601, UTC


@dataclass(frozen=True, slots=True)
class Mark:
    """A bookmark on one paragraph, with an optional note, anchored in the article's text
    (reader.text.anchoring): ``block`` indexes ``Article.blocks``, the rest find it again when
    the file changes. An empty quote (from schema 2) is filled in when the article is next
    opened; ``found`` is False when it was then nowhere (the mark is kept all the same)."""

    mark: int
    article_id: str
    block: int
    note: str
    title: str
    path: str
    created: str
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0
    found: bool = True


def _user_action(method: Callable) -> Callable:
    """Report a failed write (disk full, read-only folder, locked file) as a StoreError."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if self.read_only:
            raise StoreError(self.read_only_reason)
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise StoreError(f"could not save to {self.path}: {err}") from err

    return wrapper


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class UserStore:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.read_only_reason = f"bookmarks cannot be saved: {self.path} is read-only"
        self.migrated_from: int | None = None  # the schema version found, if it was older
        self.closed = False
        try:
            if read_only:
                self._open_read_only()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False, timeout=10
                )
                self._check()
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
                self._migrate()
        except CorruptStoreError:
            raise
        except (sqlite3.DatabaseError, OSError) as err:
            raise StoreError(f"cannot open the bookmarks store {self.path}: {err}") from err

    @classmethod
    def empty(cls, reason: str) -> UserStore:
        """An empty store for this session only, when no store can be opened at all."""
        store = cls(Path("(none)"), read_only=True)
        store.read_only_reason = reason
        return store

    def _open_read_only(self) -> None:
        if self.path.is_file():
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:  # nothing saved yet, nowhere to save: an empty store for this session
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            for step in sorted(MIGRATIONS):
                for statement in MIGRATIONS[step]:
                    self._db.execute(statement)

    def _check(self) -> None:
        try:
            result = self._db.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as err:  # "file is not a database", ...
            self._db.close()
            raise CorruptStoreError(str(err)) from err
        if result != [("ok",)]:
            self._db.close()
            raise CorruptStoreError("; ".join(str(r[0]) for r in result[:3]))

    def close(self) -> None:
        self._db.close()
        self.closed = True

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self._db.close()
            raise StoreError(
                f"{self.path} was written by a newer Qari (schema {version}); not touching it"
            )
        if version == SCHEMA_VERSION:
            return
        if version > 0:
            # A copy first: a migration that goes wrong must not cost the user anything.
            self.migrated_from = version
            copy = sqlite3.connect(self.path.with_name(f"{self.path.name}.v{version}.backup"))
            with copy:
                self._db.backup(copy)
            copy.close()
        with self._db:
            self._db.execute("BEGIN")
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[step]:
                    self._db.execute(statement)
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

    def refresh_locations(self, seen: Iterable[tuple[str, str, str]]) -> int:
        """Update the title/path snapshots of bookmarked articles seen at (id, title, path).

        Returns how many bookmarks moved: this is what keeps a renamed file's bookmark pointing
        at its new place. A read-only store keeps its old snapshots.
        """
        if self.read_only:
            return 0
        return self._refresh_locations(list(seen))

    @_user_action
    def _refresh_locations(self, seen: list[tuple[str, str, str]]) -> int:
        with self._db:
            self._db.execute("BEGIN")
            cursor = self._db.executemany(
                "UPDATE bookmarks SET title = ?, path = ?"
                " WHERE id = ? AND (title != ? OR path != ?)",
                ((title, path, aid, title, path) for aid, title, path in seen),
            )
        return cursor.rowcount

    def follow_reparsed(self, seen: Iterable[tuple[str, str, str]]) -> dict[str, str]:
        """Move the user's data from ids no article has any more to the article now at the
        same path under the same title, among those seen at (id, title, path).

        An id is computed from the parsed header and opening: when a better parser reads a
        header differently (a date it used to miss), the same file gets another id. Same
        file, same headline: the same article. Returns {old id: new id}.
        """
        if self.read_only:
            return {}
        seen = list(seen)
        at = {(path, title): aid for aid, title, path in seen}
        known = {aid for aid, _, _ in seen}
        moved: dict[str, str] = {}
        for table, column in (("bookmarks", "id"), ("marks", "article_id")):
            rows = self._db.execute(f"SELECT DISTINCT {column}, title, path FROM {table}")
            for old, title, path in rows:
                new = at.get((path, title))
                if new is not None and old not in known and new != old:
                    moved[old] = new
        if moved:
            self._rekey(moved)
        return moved

    @_user_action
    def _rekey(self, moved: dict[str, str]) -> None:
        pairs = list(moved.items())
        with self._db:
            self._db.execute("BEGIN")
            for old, new in pairs:
                # A bookmark or reading state the new id already has wins over the old one.
                self._db.execute("UPDATE OR IGNORE bookmarks SET id = ? WHERE id = ?", (new, old))
                self._db.execute("DELETE FROM bookmarks WHERE id = ?", (old,))
                self._db.execute(
                    "UPDATE OR IGNORE reading SET article_id = ? WHERE article_id = ?", (new, old)
                )
                self._db.execute("DELETE FROM reading WHERE article_id = ?", (old,))
                self._db.execute("UPDATE marks SET article_id = ? WHERE article_id = ?", (new, old))

    # --- paragraph marks with notes ---------------------------------------------------------

    @_user_action
    def add_mark(
        self, article_id: str, block: int, note: str, title: str, path: str, *,
        quote: str = "", prefix: str = "", suffix: str = "", start: int = 0, end: int = 0,
    ) -> Mark:  # fmt: skip
        created = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")  # unique per mark
        mark = Mark(0, article_id, block, note, title, path, created, quote, prefix, suffix,
                    start, end)  # fmt: skip
        cursor = self._db.execute(
            "INSERT INTO marks (article_id, block, note, title, path, created, quote, prefix,"
            " suffix, text_start, text_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, block, note, title, path, created, quote, prefix, suffix, start, end),
        )
        return replace(mark, mark=cursor.lastrowid)

    @_user_action
    def update_mark_anchors(self, changes: Iterable[tuple[int, Anchor | None]]) -> None:
        """Marks anchored again in their article as it is now: (mark, where it is now), or
        (mark, None) when it is nowhere in it (it is kept, flagged not found)."""
        with self._db:
            self._db.execute("BEGIN")
            for mark, anchor in changes:
                if anchor is None:
                    self._db.execute("UPDATE marks SET found = 0 WHERE mark = ?", (mark,))
                    continue
                self._db.execute(
                    "UPDATE marks SET block = ?, quote = ?, prefix = ?, suffix = ?,"
                    " text_start = ?, text_end = ?, found = 1 WHERE mark = ?",
                    (anchor.block, anchor.quote, anchor.prefix, anchor.suffix, anchor.start,
                     anchor.end, mark),
                )  # fmt: skip

    @_user_action
    def update_mark(self, mark: int, note: str) -> None:
        self._db.execute("UPDATE marks SET note = ? WHERE mark = ?", (note, mark))

    @_user_action
    def remove_mark(self, mark: int) -> None:
        self._db.execute("DELETE FROM marks WHERE mark = ?", (mark,))

    def marks(self, article_id: str | None = None) -> list[Mark]:
        sql = f"SELECT {MARK_COLUMNS} FROM marks"
        if article_id is None:
            rows = self._db.execute(sql + " ORDER BY created")
        else:
            sql += " WHERE article_id = ? ORDER BY block, text_start"
            rows = self._db.execute(sql, (article_id,))
        return [Mark(*row[:-1], found=bool(row[-1])) for row in rows]

    # --- reading state ---------------------------------------------------------------------

    def position(self, article_id: str) -> float:
        """Where the reader left the article: 0.0 (top) to 1.0 (end)."""
        row = self._db.execute(
            "SELECT position FROM reading WHERE article_id = ?", (article_id,)
        ).fetchone()
        return float(row[0]) if row else 0.0

    @_user_action
    def set_position(self, article_id: str, position: float) -> None:
        self._db.execute(
            "INSERT INTO reading (article_id, position, updated) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET position = excluded.position,"
            " updated = excluded.updated",
            (article_id, min(1.0, max(0.0, position)), _now()),
        )

    def read_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT article_id FROM reading WHERE read")}

    @_user_action
    def set_read(self, article_id: str, read: bool = True) -> None:
        self._db.execute(
            "INSERT INTO reading (article_id, read, updated) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET read = excluded.read,"
            " updated = excluded.updated",
            (article_id, int(read), _now()),
        )

    # --- export / import / backup ------------------------------------------------------------

    def export_json(self) -> str:
        """The bookmarks, in the file format --export-bookmarks writes."""
        payload = {
            "format": EXPORT_FORMAT,
            "version": 1,
            "bookmarks": [asdict(b) for b in self.bookmarks()],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

    def dump(self) -> dict:
        """Everything the user made, for the rolling backup."""

        def rows(sql: str) -> list[dict]:
            cursor = self._db.execute(sql)
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

        return {
            "format": BACKUP_FORMAT,
            "version": SCHEMA_VERSION,
            "bookmarks": rows("SELECT id, title, path, created, note FROM bookmarks"),
            "marks": rows(
                "SELECT article_id, block, note, title, path, created, quote, prefix, suffix,"
                ' text_start AS start, text_end AS "end", found FROM marks'
            ),
            "reading": rows("SELECT article_id, position, read, updated FROM reading"),
        }

    @_user_action
    def import_json(self, text: str) -> int:
        """Merge bookmarks (an export or a backup); returns how many were new. Nothing changes
        on error."""
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
                    str(entry.get("note") or ""),
                )
            )
        extra = payload if isinstance(payload, dict) else {}
        with self._db:
            self._db.execute("BEGIN")
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO bookmarks (id, title, path, created, note)"
                " VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            added = self._db.total_changes - before
            self._restore_extras(extra)
        return added

    def _restore_extras(self, payload: dict) -> None:
        """Paragraph marks and reading state from a backup (absent from plain exports)."""
        version = payload.get("version")
        # A backup from schema 2 holds document block numbers, converted as the migration does.
        legacy = isinstance(version, int) and version < 3
        for mark in payload.get("marks") or []:
            if isinstance(mark, dict) and mark.get("article_id"):
                self._db.execute(
                    "INSERT OR IGNORE INTO marks (article_id, block, note, title, path, created,"
                    " quote, prefix, suffix, text_start, text_end, found)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    mark_row(mark, legacy, _now()),
                )
        for state in payload.get("reading") or []:
            if isinstance(state, dict) and state.get("article_id"):
                self._db.execute(
                    "INSERT OR REPLACE INTO reading (article_id, position, read, updated)"
                    " VALUES (?, ?, ?, ?)",
                    (str(state["article_id"]), float(state.get("position") or 0),
                     int(bool(state.get("read"))), str(state.get("updated") or _now())),
                )  # fmt: skip
