"""The rebuildable cache: what each file held when it was last read, and a full-text index.

Keyed by path with the file's size and mtime, so reopening a library only re-reads files that
changed. It holds nothing the user made: on any sign of damage it is deleted and rebuilt.

The full-text index is a contentless FTS5 table over our own normalized tokens, each written
as an exact term (``reader.text.exact``: the folded token, and its spelling where that
differs), so that one index serves both the folded search and the search by exact spelling.
The text stays in the files, the index only holds postings. SQLite 3.40 cannot delete rows
from a contentless table, so a changed or removed file leaves its postings behind under a key
that no longer exists in ``files`` ("stale"); searches only return live keys, and once stale
postings outnumber live ones the index is rebuilt from scratch. Keys come from AUTOINCREMENT,
so a stale key is never given to another file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.library import stories, story_index
from reader.library.entries import ArticleMeta, Indexed, Skipped
from reader.text.exact import EXACT_VERSION
from reader.text.normalize import NORMALIZATION_VERSION

# 3: FTS5's ascii tokenizer; 4: the source line's parts, searchable; 5: exact terms;
# 6: stories (signatures, bands)
SCHEMA_VERSION = 6
# The rules the tokens and signatures in the index were made by.
_TOKEN_RULES = f"{NORMALIZATION_VERSION} exact/{EXACT_VERSION} {stories.STORY_RULES}"

# The files of stories with two or more of them (files.story is indexed).
_GROUPED = "story IN (SELECT story FROM files WHERE story != key)"

# Ranking every hit of a word found in most of 100,000 articles costs ~300 ms with bm25;
# past this many hits the word is too common to rank usefully: newest first instead.
RANK_CAP = 2000
# Title words weigh more than source-line words, which weigh more than body words.
_BM25 = "bm25(fts, 4.0, 2.0, 1.0)"

_FIELDS = (
    "key, path, size, mtime_ns, id, title, source, date, direction, words, encoding, skipped,"
    " publication, agency, dateline, author"
)
_PLACES = ", ".join("?" * len(_FIELDS.split(",")))
# Paths per DELETE ... IN (...): well below SQLite's limit on parameters.
_FORGET_BATCH = 500

# The text FTS5 gets is our own tokens separated by spaces (reader.text.normalize), so its cheapest
# tokenizer will do: "ascii" takes runs of ASCII letters and digits and of anything non-ASCII
# as tokens, which are exactly ours, at a third of unicode61's cost (and with no Unicode 6.1
# table to split letters it does not know).
_TOKENIZER = "ascii"


# A body of megabytes is bound as its UTF-8 bytes, encoded this many characters at a time:
# bound as a str, the sqlite3 module encodes all of it in one call, which holds the
# interpreter for ~50 ms per 20 MB (small libraries are indexed on a thread of the GUI's
# process). FTS5 tokenizes the bytes of a BLOB exactly as those of TEXT.
_BIND_SLICE = 1 << 18


def _bindable(text: str) -> str | bytes:
    if len(text) <= _BIND_SLICE:
        return text
    pieces = (text[i : i + _BIND_SLICE].encode("utf-8") for i in range(0, len(text), _BIND_SLICE))
    return b"".join(pieces)


class TermList:
    """The index's term list, as reader.text.fts.Vocabulary asks it, for one search: its
    answers are kept for that search only (the index may change before the next one)."""

    def __init__(
        self, db: sqlite3.Connection, table: str = "fts", key_list: str = "json_group_array(rowid)"
    ) -> None:
        self._db = db
        self._table = table
        self._key_list = key_list
        # fts5vocab's "instance" kind finds a term in a range without counting its postings
        # (the "row" kind reads them all): ~25 µs whether the term is rare or everywhere.
        self._terms = f"temp.{table}_instances"
        db.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self._terms}"
            f" USING fts5vocab(main, {table}, instance)"
        )
        self._known: dict[tuple[str, bool], bool] = {}

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
        found: list[str] = []
        sql = f"SELECT term FROM {self._terms} WHERE term >= ? AND term < ? LIMIT 1"
        while len(found) < limit:
            row = self._db.execute(sql, (low, high)).fetchone()
            if row is None:
                break
            found.append(row[0])
            low = row[0] + "\x01"  # the next term after it: terms hold no control characters
        return found

    def docs(self, match: str) -> frozenset[int]:
        table = self._table
        sql = f"SELECT {self._key_list} FROM {table} WHERE {table} MATCH ?"
        (keys,) = self._db.execute(sql, (match,)).fetchone()
        return frozenset(json.loads(keys))


class IndexError_(Exception):
    """A search the index cannot run (a malformed MATCH expression)."""


@dataclass(frozen=True, slots=True)
class Hits:
    keys: list[int]  # best first when ranked; otherwise unordered (the caller sorts by date)
    ranked: bool


def _entry(row: tuple) -> ArticleMeta | Skipped:
    (key, path, size, mtime_ns, aid, title, source, date, direction, words, encoding, skip,
     publication, agency, dateline, author) = row  # fmt: skip
    if skip is not None:
        return Skipped(path, skip, size, mtime_ns)
    return ArticleMeta(
        id=aid, path=path, title=title, source=source, date=date, direction=direction,
        words=words, encoding=encoding, size=size, mtime_ns=mtime_ns, key=key,
        publication=publication, agency=agency, dateline=dateline, author=author,
    )  # fmt: skip


def _prefix_range(root: str) -> tuple[str, str]:
    """Bounds selecting every path inside folder ``root`` with an index range scan."""
    base = root.rstrip("/\\") + "/"
    return base, base[:-1] + chr(ord("/") + 1)


class Index:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open()
        except sqlite3.DatabaseError:
            self._discard()
            self._open()

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _open(self) -> None:
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last commit is fine
        self._db.execute("PRAGMA cache_size=-32000")
        try:
            self._db.execute("SELECT json_group_array(1)")
            self._key_list = "json_group_array(rowid)"
        except sqlite3.OperationalError:  # an SQLite built without JSON
            self._key_list = "'[' || group_concat(rowid) || ']'"
        if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self._create()
        elif self._meta("normalization") != _TOKEN_RULES:
            self._create()  # tokens folded by other rules would no longer match queries

    def _meta(self, name: str) -> object:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def _create(self) -> None:
        self._db.executescript(
            f"""
            DROP TABLE IF EXISTS files;
            DROP TABLE IF EXISTS fts;
            DROP TABLE IF EXISTS meta;
            DROP TABLE IF EXISTS bands;
            DROP TABLE IF EXISTS signatures;
            DROP TABLE IF EXISTS stories_linked;
            CREATE TABLE files (
                key INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT UNIQUE NOT NULL,
                size INTEGER, mtime_ns INTEGER, id TEXT, title TEXT, source TEXT, date TEXT,
                direction TEXT, words INTEGER, encoding TEXT, skipped TEXT,
                publication TEXT, agency TEXT, dateline TEXT, author TEXT,
                story INTEGER);
            {story_index.SCHEMA}
            CREATE VIRTUAL TABLE fts USING fts5(
                title, source, body, content='', tokenize='{_TOKENIZER}');
            CREATE TABLE meta (name TEXT PRIMARY KEY, value);
            INSERT INTO meta VALUES ('stale', 0);
            PRAGMA user_version = {SCHEMA_VERSION};
            """
        )
        self._db.execute("INSERT INTO meta VALUES ('normalization', ?)", (_TOKEN_RULES,))

    def close(self) -> None:
        self._db.close()

    def terms(self) -> TermList:
        """The term list, for compiling one search (reader.text.fts)."""
        return TermList(self._db, key_list=self._key_list)

    # --- what is cached ----------------------------------------------------------------------

    def entries_under(self, roots: Sequence[str]) -> list[ArticleMeta | Skipped]:
        """Every cached file inside these folders (or equal to these file paths)."""
        found: list[ArticleMeta | Skipped] = []
        for root in roots:
            low, high = _prefix_range(root)
            rows = self._db.execute(
                f"SELECT {_FIELDS} FROM files WHERE path = ? OR (path >= ? AND path < ?)",
                (root, low, high),
            )
            found.extend(_entry(row) for row in rows)
        return found

    def stale_count(self) -> int:
        return int(self._meta("stale") or 0)

    def live_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM files WHERE skipped IS NULL").fetchone()[0]

    def needs_rebuild(self) -> bool:
        stale = self.stale_count()
        return stale > 1000 and stale > self.live_count()

    def rebuild(self) -> None:
        """Forget everything: the next scan reads every file again."""
        self._db.close()
        self._discard()
        self._open()

    # --- changes -----------------------------------------------------------------------------

    def put(self, items: Iterable[Indexed]) -> list[ArticleMeta | Skipped]:
        """Store freshly read files, replacing what their paths held; returns them with keys."""
        items = list(items)
        stored: list[ArticleMeta | Skipped] = []
        files: list[tuple] = []
        texts: list[tuple[int, str, str, str | bytes]] = []
        signed: list[tuple[int, bytes]] = []
        with self._db:
            # IMMEDIATE: keys are counted from sqlite_sequence, so no other writer may come
            # between reading it and inserting.
            self._db.execute("BEGIN IMMEDIATE")
            stale, broken = self._forget([i.entry.path for i in items])
            # The keys AUTOINCREMENT would give, in order, given all at once (executemany).
            row = self._db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'files'")
            key = (row.fetchone() or (0,))[0]
            for item in items:
                e = item.entry
                key += 1
                if isinstance(e, Skipped):
                    files.append((key, e.path, e.size, e.mtime_ns, None, None, None, None, None,
                                  None, None, e.reason, *(None,) * 5))  # fmt: skip
                    stored.append(e)
                    continue
                files.append((key, e.path, e.size, e.mtime_ns, e.id, e.title, e.source, e.date,
                              e.direction, e.words, e.encoding, None, e.publication, e.agency,
                              e.dateline, e.author, key))  # fmt: skip
                if item.signature:
                    signed.append((key, item.signature, *item.bands))
                texts.append((key, item.title_text, item.source_text, _bindable(item.body_text)))
                stored.append(e.with_key(key))
            # Each article a story of its own until link_stories, once the batches are in.
            self._db.executemany(
                f"INSERT INTO files ({_FIELDS}, story) VALUES ({_PLACES}, ?)", files
            )
            self._db.executemany(
                "INSERT INTO fts (rowid, title, source, body) VALUES (?, ?, ?, ?)", texts
            )
            self._add_stale(stale)
            story_index.store(self._db, signed)
            # A changed file's old story is recomputed without it.
            story_index.regroup(self._db, broken)
        return stored

    def link_stories(self) -> None:
        """Group the files stored since the last call with their versions (library.stories)."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            story_index.link_pending(self._db)

    def remove(self, paths: Iterable[str]) -> list[int]:
        """Forget files that are gone; returns the keys their articles had."""
        paths = list(paths)
        keys = [
            key
            for path in paths
            for (key,) in self._db.execute(
                "SELECT key FROM files WHERE path = ? AND skipped IS NULL", (path,)
            )
        ]
        with self._db:
            self._db.execute("BEGIN")
            stale, broken = self._forget(paths)
            self._add_stale(stale)
            story_index.regroup(self._db, broken)
        return keys

    def _forget(self, paths: list[str]) -> tuple[int, set[int]]:
        """Delete the rows of these paths; returns how many had postings (now stale) and the
        stories they belonged to."""
        stale = 0
        broken: set[int] = set()
        for start in range(0, len(paths), _FORGET_BATCH):
            batch = paths[start : start + _FORGET_BATCH]
            places = ",".join("?" * len(batch))
            rows = self._db.execute(
                f"DELETE FROM files WHERE path IN ({places}) RETURNING key, skipped, story", batch
            ).fetchall()
            stale += sum(skipped is None for _, skipped, _ in rows)
            broken.update(story for _, _, story in rows if story is not None)
            story_index.forget(self._db, [key for key, skipped, _ in rows if skipped is None])
        return stale, broken

    def _add_stale(self, count: int) -> None:
        if count:
            self._db.execute("UPDATE meta SET value = value + ? WHERE name = 'stale'", (count,))

    def story_keys(self) -> dict[int, int]:
        """The story of every file that has other versions (file key -> story key)."""
        return dict(self._db.execute(f"SELECT key, story FROM files WHERE {_GROUPED}").fetchall())

    def story_ids(self) -> dict[int, str]:
        """As story_keys, each story named by the article id of its first file."""
        rows = self._db.execute(
            f"SELECT f.key, s.id FROM files f JOIN files s ON s.key = f.story WHERE f.{_GROUPED}"
        )
        return dict(rows.fetchall())

    # --- search ------------------------------------------------------------------------------

    def search(self, match: str, cap: int = RANK_CAP) -> Hits:
        """Keys of the articles matching an FTS5 expression: best first (newest first on ties),
        or, for a word too common to rank, unordered and possibly with stale keys (the caller
        keeps the keys it knows and sorts them by date)."""
        try:
            # One pass over the postings gives both the count and every key, as one JSON
            # array: a common word's 100,000 keys come out of SQLite and json.loads (C all
            # the way) three times faster than as rows.
            count, keys = self._db.execute(
                f"SELECT count(*), {self._key_list} FROM fts WHERE fts MATCH ?", (match,)
            ).fetchone()
            if count > cap:
                return Hits(json.loads(keys), ranked=False)
            if not count:
                return Hits([], ranked=True)
            rows = self._db.execute(
                "SELECT fts.rowid FROM fts JOIN files ON files.key = fts.rowid"
                f" WHERE fts MATCH ? ORDER BY {_BM25}, files.date DESC",
                (match,),
            )
            return Hits([key for (key,) in rows], ranked=True)
        except sqlite3.OperationalError as err:
            raise IndexError_(str(err)) from err
