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

from reader.library import freshness, stories, story_index
from reader.library.entries import ArticleMeta, Indexed, Skipped
from reader.library.terms import TermList
from reader.library.views import listed_keys
from reader.text.exact import EXACT_VERSION
from reader.text.normalize import NORMALIZATION_VERSION

# 3: FTS5's ascii tokenizer; 4: the source line's parts, searchable; 5: exact terms;
# 6: stories (signatures, bands); 7: the list's sort columns and indexes (reader.library.catalog)
SCHEMA_VERSION = 7
SAME_ARTICLE = "same article as "  # a copy's reason for being skipped: then the path listed
# The rules the tokens and signatures in the index were made by.
_TOKEN_RULES = f"{NORMALIZATION_VERSION} exact/{EXACT_VERSION} {stories.STORY_RULES}"

# Ranking every hit of a word found in most of 100,000 articles costs ~300 ms with bm25;
# past this many hits the word is too common to rank usefully: newest first instead.
RANK_CAP = 2000
# The term list's answers kept between searches, at most (a few MB of short strings).
TERMS_KEPT = 20_000
# Title words weigh more than source-line words, which weigh more than body words.
_BM25 = "bm25(fts, 4.0, 2.0, 1.0)"

# FTS5 flushes its pending terms to a new segment each 1 MB by default: a batch of 1,000
# articles then made several, and merging them was most of a first index's writing. With
# 16 MB a batch is one segment, and merging 8 segments at a time instead of 4 merges each
# term's postings less often (segments stay few: a query reads a few more). Set when an
# index is made. Put rate on 30,000 articles in batches of 1,000, alternated 3x with the
# defaults: 4,800 -> 5,800 articles/s.
_FTS_WRITING = """
    INSERT INTO fts (fts, rank) VALUES ('hashsize', 16777216);
    INSERT INTO fts (fts, rank) VALUES ('automerge', 8);
"""

FIELDS = (
    "key, path, size, mtime_ns, id, title, source, date, direction, words, encoding, skipped,"
    " publication, agency, dateline, author"
)
# Written beside them, for the list: the publication's facet key and the Source column's order.
_WRITTEN = f"{FIELDS}, story, pubkey, source_order"
_PLACES = ", ".join("?" * len(_WRITTEN.split(",")))
_NO_PAPER = "\uffff"  # articles crediting no publication sort after every paper
# What the list sorts and filters by, over the articles only (skipped files have no title):
# a million rows are ordered by walking one of these, not by sorting. Title and source ties
# come newest first, and a descending sort walks the same index backwards.
_LIST_INDEXES = """
    CREATE INDEX files_date ON files (date) WHERE skipped IS NULL;
    CREATE INDEX files_title ON files (title COLLATE NOCASE, date DESC) WHERE skipped IS NULL;
    CREATE INDEX files_source ON files (source_order, date DESC) WHERE skipped IS NULL;
    CREATE INDEX files_id ON files (id) WHERE skipped IS NULL;
    CREATE INDEX files_pubkey ON files (pubkey, publication) WHERE skipped IS NULL;
    CREATE INDEX files_agency ON files (agency) WHERE skipped IS NULL;
    CREATE INDEX files_versions ON files (story) WHERE story != key;
    CREATE INDEX files_skipped ON files (path) WHERE skipped IS NOT NULL;
"""
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


class IndexError_(Exception):
    """A search the index cannot run (a malformed MATCH expression)."""


@dataclass(frozen=True, slots=True)
class Hits:
    """What a search found: the keys best first, or for a word too common to rank, every
    key (as an array: a million of them) and the FTS5 expression, which the list's SQL
    joins (reader.library.catalog) where its filters need it."""

    keys: Sequence[int]  # best first (ranked); unordered, stale keys included (unranked)
    ranked: bool
    match: str | None = None  # unranked: the expression, for the list's SQL


def entry_of(row: tuple) -> ArticleMeta | Skipped:
    """The record of a row of ``FIELDS``."""
    (key, path, size, mtime_ns, aid, title, source, date, direction, words, encoding, skip,
     publication, agency, dateline, author) = row  # fmt: skip
    if skip is not None:
        return Skipped(path, skip, size, mtime_ns)
    return ArticleMeta(
        id=aid, path=path, title=title, source=source, date=date, direction=direction,
        words=words, encoding=encoding, size=size, mtime_ns=mtime_ns, key=key,
        publication=publication, agency=agency, dateline=dateline, author=author,
    )  # fmt: skip


class NotReady(sqlite3.DatabaseError):
    """An index opened only to read is missing, damaged or of other rules: whoever writes
    it (the loader) makes it again; a reader waits rather than race it."""


class Index:
    def __init__(self, path: str | Path, writer: bool = True) -> None:
        """``writer``: the connection that keeps the file: it makes the file and its schema,
        and throws a damaged one away. A reader (the window's list) never does either."""
        self.path = Path(path)
        self._writer = writer
        if not writer:
            self._open()
            return
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
        self._facet_keys: dict[str, str] = {}
        self._terms: tuple[tuple[int, int], TermList] | None = None  # terms()
        if not self._writer:
            self._open_to_read()
            return
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last commit is fine
        self._set_up()
        if not self._current():
            self._create()
        self._db.execute(freshness.FOLDERS)

    def _open_to_read(self) -> None:
        try:
            uri = f"{self.path.resolve().as_uri()}?mode=rw"  # never created here
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
        except (sqlite3.Error, ValueError) as err:
            raise NotReady(str(err)) from err
        try:
            self._set_up()
            if self._current():
                return
            reason = "the index is being made"
        except sqlite3.DatabaseError as err:
            reason = str(err)
        self._db.close()
        raise NotReady(reason)

    def _set_up(self) -> None:
        self._db.execute("PRAGMA cache_size=-32000")

    def _current(self) -> bool:
        """Whether the file holds this version's schema, and tokens folded by this version's
        rules (others would no longer match queries)."""
        if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return False
        return self._meta("normalization") == _TOKEN_RULES

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
            DROP TABLE IF EXISTS folders;
            CREATE TABLE files (
                key INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT UNIQUE NOT NULL,
                size INTEGER, mtime_ns INTEGER, id TEXT, title TEXT, source TEXT, date TEXT,
                direction TEXT, words INTEGER, encoding TEXT, skipped TEXT,
                publication TEXT, agency TEXT, dateline TEXT, author TEXT,
                story INTEGER, pubkey TEXT, source_order TEXT);
            {_LIST_INDEXES}
            {story_index.SCHEMA}
            CREATE VIRTUAL TABLE fts USING fts5(
                title, source, body, content='', tokenize='{_TOKENIZER}');
            {_FTS_WRITING}
            CREATE TABLE meta (name TEXT PRIMARY KEY, value);
            INSERT INTO meta VALUES ('stale', 0);
            PRAGMA user_version = {SCHEMA_VERSION};
            """
        )
        self._db.execute("INSERT INTO meta VALUES ('normalization', ?)", (_TOKEN_RULES,))

    def close(self) -> None:
        self._db.close()

    def terms(self) -> TermList:
        """The term list, for compiling a search (reader.text.fts): the same one, with the
        answers it keeps, while the file is unchanged (SQLite's data_version counts other
        connections' commits, total_changes this one's writes), up to TERMS_KEPT answers."""
        version = (self._db.execute("PRAGMA data_version").fetchone()[0], self._db.total_changes)
        kept = self._terms
        if kept is None or kept[0] != version or len(kept[1]) > TERMS_KEPT:
            kept = self._terms = (version, TermList(self._db))
        return kept[1]

    # --- what is cached ----------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, for the list's queries (reader.library.catalog) on its thread."""
        return self._db

    # What the index knows of the files on disk (reader.library.freshness).

    def changes(self, roots: Sequence[str], found: Sequence[str]) -> tuple[list[str], list[str]]:
        return freshness.changes(self._db, roots, found)

    def remember_folders(self, roots: Sequence[str], folders: dict[str, int]) -> None:
        freshness.remember_folders(self._db, roots, folders)

    def unchanged(self, roots: Sequence[str]) -> bool:
        return freshness.unchanged(self._db, roots)

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
        """Store freshly read files, replacing what their paths held; returns them with keys.

        A file holding an article another path already has (the same article id: a copy) is
        stored as skipped, naming that path: the list shows each article once."""
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
            first = self._paths_of([i.entry.id for i in items if isinstance(i.entry, ArticleMeta)])
            # The keys AUTOINCREMENT would give, in order, given all at once (executemany).
            row = self._db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'files'")
            key = (row.fetchone() or (0,))[0]
            for item in items:
                e = item.entry
                key += 1
                if isinstance(e, ArticleMeta) and e.id in first:
                    e = Skipped(e.path, f"{SAME_ARTICLE}{first[e.id]}", e.size, e.mtime_ns)
                if isinstance(e, Skipped):
                    files.append((key, e.path, e.size, e.mtime_ns, None, None, None, None, None,
                                  None, None, e.reason, *(None,) * 7))  # fmt: skip
                    stored.append(e)
                    continue
                first[e.id] = e.path
                files.append((key, e.path, e.size, e.mtime_ns, e.id, e.title, e.source, e.date,
                              e.direction, e.words, e.encoding, None, e.publication, e.agency,
                              e.dateline, e.author, key, *self._sort_columns(e)))  # fmt: skip
                if item.signature:
                    signed.append((key, item.signature, *item.bands))
                texts.append((key, item.title_text, item.source_text, _bindable(item.body_text)))
                stored.append(e.with_key(key))
            # Each article a story of its own until link_stories, once the batches are in.
            self._db.executemany(f"INSERT INTO files ({_WRITTEN}) VALUES ({_PLACES})", files)
            self._db.executemany(
                "INSERT INTO fts (rowid, title, source, body) VALUES (?, ?, ?, ?)", texts
            )
            self._add_stale(stale)
            story_index.store(self._db, signed)
            # A changed file's old story is recomputed without it.
            story_index.regroup(self._db, broken)
        return stored

    def _paths_of(self, ids: list[str]) -> dict[str, str]:
        """The path listing each of these article ids, for those the index lists."""
        rows = self._db.execute(
            "SELECT id, path FROM files WHERE skipped IS NULL"
            " AND id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return dict(rows.fetchall())

    def _sort_columns(self, e: ArticleMeta) -> tuple[str, str]:
        """(pubkey, source_order): the publication's facet key, spellings that fold alike
        sharing one (الأمة برس, الامة برس); and the Source column's order: a paper's
        articles together, then by the agency credited, then articles crediting no paper."""
        pubkey = ""
        if e.publication:
            # A few hundred distinct spellings in a whole library: fold each once.
            pubkey = self._facet_keys.get(e.publication, "")
            if not pubkey:
                from reader.text.normalize import index_text

                pubkey = self._facet_keys[e.publication] = (
                    index_text(e.publication) or e.publication
                )
        return pubkey, (pubkey or _NO_PAPER) + "\x01" + (e.agency or e.source.casefold())

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

    # --- search ------------------------------------------------------------------------------

    def search(self, match: str, cap: int = RANK_CAP) -> Hits:
        """The articles matching an FTS5 expression: their keys best first (newest first on
        ties), or, for a word too common to rank, the expression to list them by (Hits)."""
        try:
            # One pass over the postings gives both the count and every key, as one string
            # (views.listed_keys): a common word's 950,000 keys at a million articles in
            # 133 ms with the query, against 208 with json_group_array and json.loads.
            count, keys = self._db.execute(
                "SELECT count(*), group_concat(rowid) FROM fts WHERE fts MATCH ?", (match,)
            ).fetchone()
            if count > cap:
                return Hits(listed_keys(keys), ranked=False, match=match)
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
