"""The user's own store: bookmarks, notes, reading state, in SQLite. Qt-free.

Unlike the index this is never rebuilt from the files: every change is committed (WAL,
``synchronous=FULL``) and written to the journal (reader.userdata.journal) the moment the user
acts, so a crash right after, or the store damaged then, loses nothing. Rows are keyed by the
article's stable id, with a snapshot of its title and path, so a bookmark survives its file
being renamed, moved, or deleted.

Safety nets, from ``open_user_store`` (reader.userdata.backup): ``PRAGMA integrity_check`` on
every start (a damaged store is moved aside and rebuilt from the newest backup, the journal and
what can still be read of it), a copy of the file before any schema migration, and a
read-only mode when the data folder can't be written (or the store comes from a newer Qari).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reader.userdata import formats
from reader.userdata import journal as journaling
from reader.userdata.formats import Bookmark, CorruptStoreError, Mark, StoreError
from reader.userdata.marks import MarkTable
from reader.userdata.schema import MARK_ROW_COLUMNS, MARK_ROW_VALUES, MIGRATIONS, SCHEMA_VERSION
from reader.userdata.writes import now, user_action

# Names the rest of Qari imports from here.
__all__ = [
    "MIGRATIONS", "SCHEMA_VERSION", "Bookmark", "CorruptStoreError", "Mark", "StoreError",
    "UserStore",
]  # fmt: skip


# The store's own shorter names for what every write shares (reader.userdata.writes).
_user_action = user_action
_now = now


class UserStore(MarkTable):
    def __init__(
        self, path: str | Path, read_only: bool = False, journal: journaling.Journal | bool = True
    ) -> None:
        """``journal``: True for the one beside the store, or another; False only where the
        store's content is in another place already (being rebuilt from it, benchmarks)."""
        self.path = Path(path)
        self.read_only = read_only
        if journal is True and not read_only:
            journal = journaling.Journal(journaling.beside(self.path))
        self.journal: journaling.Journal | None = journal or None
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

    def _write(self, action: str) -> contextlib.AbstractContextManager[journaling.Change]:
        return journaling.journaled(self._db, self.journal, action)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """No write, from this process or another, until the block ends (a backup's dump and
        the journal's compaction must see the same changes)."""
        if self.read_only:
            yield
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise StoreError(f"{self.path} is busy: {err}") from err
        try:
            yield
        finally:
            self._db.execute("ROLLBACK")

    @_user_action
    def restore(self, fill: Callable[[sqlite3.Connection], int]) -> int:
        """``fill`` run in one transaction, outside the journal: rows from the journal itself
        (its replay) or from a damaged file (salvage). Returns what ``fill`` counted."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            return fill(self._db)

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
        rows = self._db.execute(
            "SELECT id, title, path, created, source, date FROM bookmarks ORDER BY created"
        )
        return [Bookmark(*row) for row in rows]

    def annotated(self) -> tuple[set[str], set[str]]:
        """The article ids and the paths that bookmarks and marks are kept under: the
        articles ``follow_reparsed`` and ``refresh_locations`` need to see."""
        rows = self._db.execute(
            "SELECT id, path FROM bookmarks UNION SELECT article_id, path FROM marks"
        ).fetchall()
        return {aid for aid, _ in rows}, {path for _, path in rows}

    def bookmarked_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM bookmarks")}

    def is_bookmarked(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM bookmarks WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    @_user_action
    def add_bookmark(
        self, article_id: str, title: str, path: str, *, source: str = "", date: str | None = None
    ) -> Bookmark:
        bookmark = Bookmark(article_id, title, path, _now(), source, date)
        with self._write("add_bookmark") as change:
            self._db.execute(
                "INSERT OR IGNORE INTO bookmarks (id, title, path, created, source, date)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, title, path, bookmark.created, source, date),
            )
            change.touch("bookmarks", article_id)
        return bookmark

    @_user_action
    def remove_bookmark(self, article_id: str) -> None:
        with self._write("remove_bookmark") as change:
            self._db.execute("DELETE FROM bookmarks WHERE id = ?", (article_id,))
            change.touch("bookmarks", article_id)

    @_user_action
    def toggle_bookmark(
        self, article_id: str, title: str, path: str, *, source: str = "", date: str | None = None
    ) -> bool:
        """Return whether the article is bookmarked afterwards."""
        if self.is_bookmarked(article_id):
            self.remove_bookmark(article_id)
            return False
        self.add_bookmark(article_id, title, path, source=source, date=date)
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
        # Only the few bookmarks, not the whole library seen, are compared and journaled.
        rows = self._db.execute("SELECT id, title, path FROM bookmarks")
        now = {aid: (title, path) for aid, title, path in rows}
        moved = {aid: (title, path) for aid, title, path in seen if aid in now}
        moved = {aid: where for aid, where in moved.items() if where != now[aid]}
        if not moved:
            return 0
        with self._write("refresh_locations") as change:
            for aid, (title, path) in moved.items():
                self._db.execute(
                    "UPDATE bookmarks SET title = ?, path = ? WHERE id = ?", (title, path, aid)
                )
                change.touch("bookmarks", aid)
        return len(moved)

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
        with self._write("follow_reparsed") as change:
            for old, new in moved.items():
                for aid in (old, new):
                    change.touch("bookmarks", aid)
                    change.touch("reading", aid)
                for (created,) in self._db.execute(
                    "SELECT created FROM marks WHERE article_id = ?", (old,)
                ).fetchall():
                    change.touch("marks", old, created)
                    change.touch("marks", new, created)
                # A bookmark or reading state the new id already has wins over the old one.
                self._db.execute("UPDATE OR IGNORE bookmarks SET id = ? WHERE id = ?", (new, old))
                self._db.execute("DELETE FROM bookmarks WHERE id = ?", (old,))
                self._db.execute(
                    "UPDATE OR IGNORE reading SET article_id = ? WHERE article_id = ?", (new, old)
                )
                self._db.execute("DELETE FROM reading WHERE article_id = ?", (old,))
                self._db.execute("UPDATE marks SET article_id = ? WHERE article_id = ?", (new, old))

    # --- paragraph marks and highlights: reader.userdata.marks ---------------------------

    # --- reading state ---------------------------------------------------------------------

    def position(self, article_id: str) -> float:
        """Where the reader left the article: 0.0 (top) to 1.0 (end)."""
        row = self._db.execute(
            "SELECT position FROM reading WHERE article_id = ?", (article_id,)
        ).fetchone()
        return float(row[0]) if row else 0.0

    @_user_action
    def set_position(self, article_id: str, position: float) -> None:
        # Committed but not journaled: saved on every change of article, a position would
        # pay a second fsync there (about three times the cost, benchmarks/userdata.py) for a
        # comfort; it reaches its second place with the rolling backup seconds later.
        self._db.execute(
            "INSERT INTO reading (article_id, position, updated) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET position = excluded.position,"
            " updated = excluded.updated",
            (article_id, min(1.0, max(0.0, position)), _now("microseconds")),
        )

    def read_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT article_id FROM reading WHERE read")}

    @_user_action
    def set_read(self, article_id: str, read: bool = True) -> None:
        with self._write("set_read") as change:
            self._db.execute(
                "INSERT INTO reading (article_id, read, updated) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET read = excluded.read,"
                " updated = excluded.updated",
                (article_id, int(read), _now("microseconds")),
            )
            change.touch("reading", article_id)

    # --- export / import / backup ------------------------------------------------------------

    def export_json(self) -> str:
        """The bookmarks, in the file format --export-bookmarks writes."""
        return formats.export_text(self.bookmarks())

    def dump(self) -> dict:
        """Everything the user made, for the rolling backup."""

        def rows(sql: str) -> list[dict]:
            cursor = self._db.execute(sql)
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

        return {
            "format": formats.BACKUP_FORMAT,
            "version": SCHEMA_VERSION,
            "bookmarks": rows("SELECT id, title, path, created, note, source, date FROM bookmarks"),
            "marks": rows(
                "SELECT article_id, block, note, title, path, created, quote, prefix, suffix,"
                ' text_start AS start, text_end AS "end", found, kind, color, source, date,'
                " modified FROM marks"
            ),
            "reading": rows("SELECT article_id, position, read, updated FROM reading"),
        }

    @_user_action
    def import_json(self, text: str) -> int:
        """Merge bookmarks (an export or a backup); returns how many were new. Nothing changes
        on error."""
        try:
            bookmarks, marks, reading = formats.import_rows(text, _now())
        except ValueError as err:
            raise StoreError(str(err)) from err
        return self.merge(bookmarks, marks, reading)[0]

    @_user_action
    def merge(
        self, bookmarks: list[tuple], marks: list[tuple], reading: Iterable[tuple] = (), *,
        action: str = "import_json",
    ) -> tuple[int, int]:  # fmt: skip
        """Add the rows the store lacks, in one journaled action: bookmarks as
        formats.import_rows gives them, marks as schema.mark_row, reading states (which
        replace the store's). A bookmark the store has, or a mark of the same moment in the
        same article, is left as it is. Returns how many bookmarks and marks were new."""
        reading = list(reading)
        with self._write(action) as change:
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO bookmarks (id, title, path, created, note, source, date)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                bookmarks,
            )
            added = self._db.total_changes - before
            self._db.executemany(
                f"INSERT OR IGNORE INTO marks ({MARK_ROW_COLUMNS}) VALUES ({MARK_ROW_VALUES})",
                marks,
            )
            marked = self._db.total_changes - before - added
            self._db.executemany(
                "INSERT OR REPLACE INTO reading (article_id, position, read, updated)"
                " VALUES (?, ?, ?, ?)",
                reading,
            )
            for row in bookmarks:
                change.touch("bookmarks", row[0])
            for row in marks:
                change.touch("marks", row[0], row[5])
            for row in reading:
                change.touch("reading", row[0])
        return added, marked
