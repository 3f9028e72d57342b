"""The store's annotations: paragraph marks and highlights, one table (``marks``), told apart
by ``kind``. Qt-free; mixed into UserStore (reader.userdata.store)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.userdata import journal as journaling
from reader.userdata.formats import MARK, Mark
from reader.userdata.schema import MARK_COLUMNS
from reader.userdata.writes import now, user_action

if TYPE_CHECKING:
    from reader.text.anchoring import Anchor


class MarkTable:
    """Every write names the mark as the journal does, by (article_id, created): a mark's
    number is this file's own."""

    _db: sqlite3.Connection

    def _write(self, action: str) -> contextlib.AbstractContextManager[journaling.Change]:
        raise NotImplementedError

    @user_action
    def add_mark(
        self, article_id: str, block: int, note: str, title: str, path: str, *,
        quote: str = "", prefix: str = "", suffix: str = "", start: int = 0, end: int = 0,
        kind: str = MARK, color: str = "", source: str = "", date: str | None = None,
    ) -> Mark:  # fmt: skip
        created = now("microseconds")  # unique per mark: it names the mark in every copy
        mark = Mark(0, article_id, block, note, title, path, created, quote, prefix, suffix,
                    start, end, True, kind, color, source, date, created)  # fmt: skip
        with self._write("add_mark") as change:
            cursor = self._db.execute(
                "INSERT INTO marks (article_id, block, note, title, path, created, quote, prefix,"
                " suffix, text_start, text_end, kind, color, source, date, modified)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, block, note, title, path, created, quote, prefix, suffix, start,
                 end, kind, color, source, date, created),
            )  # fmt: skip
            change.touch("marks", article_id, created)
        return replace(mark, mark=cursor.lastrowid)

    def _touch_mark(self, change: journaling.Change, mark: int) -> None:
        row = self._db.execute("SELECT article_id, created FROM marks WHERE mark = ?", (mark,))
        for key in row.fetchall():
            change.touch("marks", *key)

    @user_action
    def update_mark_anchors(self, changes: Iterable[tuple[int, Anchor | None]]) -> None:
        """Marks anchored again in their article as it is now: (mark, where it is now), or
        (mark, None) when it is nowhere in it (it is kept, flagged not found). Not the user's
        edit: ``modified`` stays."""
        with self._write("update_mark_anchors") as change:
            for mark, anchor in changes:
                self._touch_mark(change, mark)
                if anchor is None:
                    self._db.execute("UPDATE marks SET found = 0 WHERE mark = ?", (mark,))
                    continue
                self._db.execute(
                    "UPDATE marks SET block = ?, quote = ?, prefix = ?, suffix = ?,"
                    " text_start = ?, text_end = ?, found = 1 WHERE mark = ?",
                    (anchor.block, anchor.quote, anchor.prefix, anchor.suffix, anchor.start,
                     anchor.end, mark),
                )  # fmt: skip

    @user_action
    def update_mark(self, mark: int, note: str) -> None:
        with self._write("update_mark") as change:
            self._touch_mark(change, mark)
            self._db.execute(
                "UPDATE marks SET note = ?, modified = ? WHERE mark = ?",
                (note, now("microseconds"), mark),
            )

    @user_action
    def set_mark_color(self, mark: int, color: str) -> None:
        with self._write("set_mark_color") as change:
            self._touch_mark(change, mark)
            self._db.execute(
                "UPDATE marks SET color = ?, modified = ? WHERE mark = ?",
                (color, now("microseconds"), mark),
            )

    @user_action
    def remove_mark(self, mark: int) -> None:
        with self._write("remove_mark") as change:
            self._touch_mark(change, mark)
            self._db.execute("DELETE FROM marks WHERE mark = ?", (mark,))

    def marks(self, article_id: str | None = None, kind: str | None = None) -> list[Mark]:
        """Every annotation of ``kind`` (default: both kinds). Of one article in reading order
        (block, then offset in the text); of the whole library oldest first, the order they
        were made in."""
        where, values = [], []
        if article_id is not None:
            where.append("article_id = ?")
            values.append(article_id)
        if kind is not None:
            where.append("kind = ?")
            values.append(kind)
        sql = f"SELECT {MARK_COLUMNS} FROM marks"
        if where:
            sql += " WHERE " + " AND ".join(where)
        in_article = article_id is not None
        sql += " ORDER BY block, text_start, created" if in_article else " ORDER BY created"
        rows = self._db.execute(sql, values)
        return [Mark(*row[:12], bool(row[12]), *row[13:]) for row in rows]
