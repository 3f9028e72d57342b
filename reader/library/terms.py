"""The index's term list, as the query compiler asks it (reader.text.fts.Vocabulary)."""

from __future__ import annotations

import sqlite3

from reader.library.views import listed_keys


class TermList:
    """The index's term list, as reader.text.fts.Vocabulary asks it. Its answers are kept:
    the index (reader.library.index.Index.terms) hands out a new one when the file changed.
    Typing a query of three words at a million articles asks ~100 of them per keystroke,
    ~40 ms when they are asked again (~0.4 ms each), none when kept."""

    def __init__(self, db: sqlite3.Connection, table: str = "fts") -> None:
        self._db = db
        self._table = table
        # fts5vocab's "instance" kind finds a term in a range without counting its postings
        # (the "row" kind reads them all): ~25 µs whether the term is rare or everywhere.
        self._terms = f"temp.{table}_instances"
        db.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self._terms}"
            f" USING fts5vocab(main, {table}, instance)"
        )
        self._known: dict[tuple[str, bool], bool] = {}
        self._ranges: dict[tuple[str, str, int], list[str]] = {}

    def __len__(self) -> int:
        """How many answers are kept."""
        return len(self._known) + len(self._ranges)

    def has(self, token: str, prefix: bool) -> bool:
        key = (token, prefix)
        if key not in self._known:
            if prefix:  # a term from token up to the first string that does not start with it
                after = token[:-1] + chr(ord(token[-1]) + 1)
                sql, args = "term >= ? AND term < ?", (token, after)
            else:
                sql, args = "term = ?", (token,)
            row = self._db.execute(f"SELECT 1 FROM {self._terms} WHERE {sql} LIMIT 1", args)
            self._known[key] = row.fetchone() is not None
        return self._known[key]

    def between(self, low: str, high: str, limit: int) -> list[str]:
        key = (low, high, limit)
        if key not in self._ranges:
            found: list[str] = []
            sql = f"SELECT term FROM {self._terms} WHERE term >= ? AND term < ? LIMIT 1"
            while len(found) < limit:
                row = self._db.execute(sql, (low, high)).fetchone()
                if row is None:
                    break
                found.append(row[0])
                low = row[0] + "\x01"  # the next term after it: terms hold no control chars
            self._ranges[key] = found
        return list(self._ranges[key])

    def docs(self, match: str) -> frozenset[int]:
        table = self._table
        sql = f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?"
        (keys,) = self._db.execute(sql, (match,)).fetchone()
        return frozenset(listed_keys(keys or ""))  # the same parse as the search's keys
