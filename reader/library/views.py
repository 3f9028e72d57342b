"""What a view of the list asks, and the SQL that answers it: sort, filters, search.

Qt-free. The catalog (reader.library.catalog) runs these over the index, or answers the
common views from the orders it keeps in memory (reader.library.orders) by the same rules.
"""

from __future__ import annotations

import datetime as dt
import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    import numpy

    from reader.library.index import Hits


class SortKey(Enum):
    RELEVANCE = "relevance"  # search results, best first
    DATE = "date"
    TITLE = "title"
    SOURCE = "source"
    BOOKMARK = "bookmark"
    VERSIONS = "versions"  # the most widely published stories first


@dataclass
class ViewSpec:
    sort: SortKey = SortKey.DATE
    descending: bool = True
    bookmarks_only: bool = False
    publication: str | None = None  # one publication, by its facet key (Facet.key)
    agency: str | None = None  # one agency, by its canonical name
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    hits: Hits | None = None  # a search in force
    grouped: bool = True  # one row per story (its versions under it), or every article
    bookmarked: set[str] = field(default_factory=set)
    read: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class View:
    """The rows of one ViewSpec."""

    keys: array  # of each top-level row, in order: a file key; negative: a missing bookmark
    articles: int  # every article the view lets through, the versions under its rows too


@dataclass(frozen=True, slots=True)
class Facet:
    key: str  # what ViewSpec filters by
    name: str  # what the list of choices shows
    count: int


LIVE = "skipped IS NULL"
# A search found in more than 1 article in this many is listed by walking the list's order.
_WALK_SHARE = 8
# The stories of two or more files (files_versions holds only their rows past the first).
GROUPED = "SELECT story FROM files WHERE story != key"
# The version a story's row shows: the one the user read, else the earliest (undated last).
EARLIEST = "date IS NULL, date, key"
LEAD = f"(id IN (SELECT value FROM json_each(:read))) DESC, {EARLIEST}"
_BOOKMARKED = "id IN (SELECT value FROM json_each(:bookmarked))"
# How many versions the story of a row has (1: an article alone).
VERSIONS = (
    f"CASE WHEN story IN ({GROUPED}) THEN"
    " (SELECT count(*) FROM files s WHERE s.story = files.story AND s.skipped IS NULL) ELSE 1 END"
)


# Past this many keys, a list of them is parsed, and the library's positions in the
# newest-first order laid out (reader.library.orders), by numpy. Below, Python's own take
# less than numpy's import (~70 ms), which a small library's start-up never pays.
NUMPY_PAST = 100_000


def keys_of(db: sqlite3.Connection, sql: str, args: Sequence | dict = ()) -> array:
    """The keys a query of one ``key`` column selects, in its order: one string through
    Python rather than a row per key (a million of them)."""
    (found,) = db.execute(f"SELECT group_concat(key) FROM ({sql})", args).fetchone()
    return listed_keys(found or "")


def listed_keys(listed: str) -> array:
    """The keys of "1,2,3" as an array. Many are parsed by numpy, in C, without a Python int
    each: the title order of a million in ~12 ms, against ~70 for json.loads."""
    if listed.count(",") + 1 < NUMPY_PAST:  # one more key than commas
        return array("q", map(int, listed.split(","))) if listed else array("q")
    import numpy

    return key_array(numpy.fromstring(listed, dtype=numpy.int64, sep=","))


def position_of(keys: array, key: int) -> int | None:
    """Where ``key`` first is in ``keys``; None if it is not there. ``array.index`` makes a
    Python int of each key it passes (~45 ms to the end of a million); numpy compares them
    in C (~2 ms), past the size where its import pays."""
    if len(keys) < NUMPY_PAST:
        try:
            return keys.index(key)
        except ValueError:
            return None
    import numpy

    found = numpy.flatnonzero(numpy.frombuffer(keys, dtype=numpy.int64) == key)
    return int(found[0]) if len(found) else None


def key_array(values: numpy.ndarray) -> array:
    """numpy's int64 keys as the arrays views are made of: one copy, through a memoryview
    (``tobytes`` makes two: gathering a million keys took 10.8 ms with it, 1.8 without)."""
    keys = array("q")
    keys.frombytes(memoryview(values).cast("B"))
    return keys


def order_by(spec: ViewSpec) -> str:
    """ORDER BY for the view's rows. Date, title and source are what the list indexes
    (reader.library.index) give by walking them, forwards or backwards; the rest sort."""
    d, back = ("DESC", "ASC") if spec.descending else ("ASC", "DESC")
    if spec.hits is not None and spec.sort is SortKey.RELEVANCE:
        return "pos" if spec.hits.ranked else "date DESC, key DESC"
    return {
        SortKey.RELEVANCE: f"date {d}, key {d}",
        SortKey.DATE: f"date {d}, key {d}",
        # Ties newest first, or oldest first when the whole order is reversed: the order
        # of the index (its entries end with the key, ascending).
        SortKey.TITLE: f"title COLLATE NOCASE {d}, date {back}, key {d}",
        SortKey.SOURCE: f"source_order {d}, date {back}, key {d}",
        SortKey.BOOKMARK: f"{_BOOKMARKED} {d}, date DESC, key DESC",
        SortKey.VERSIONS: f"{VERSIONS} {d}, date DESC, key DESC",
    }[spec.sort]


def where_clause(spec: ViewSpec, library_size: int) -> tuple[str, dict, str]:
    """(WHERE clause, its arguments, what to join) for the articles ``spec`` lets through
    in a library of ``library_size`` articles."""
    where, args, join = [LIVE], {}, ""
    if spec.publication is not None:
        where.append("pubkey = :publication")
        args["publication"] = spec.publication
    if spec.agency is not None:
        where.append("agency = :agency")
        args["agency"] = spec.agency
    if spec.date_from is not None:
        where.append("date >= :date_from")
        args["date_from"] = spec.date_from.isoformat()
    if spec.date_to is not None:
        where.append("date <= :date_to")
        args["date_to"] = spec.date_to.isoformat()
    if spec.bookmarks_only:
        where.append(_BOOKMARKED)
    if spec.bookmarks_only or spec.sort is SortKey.BOOKMARK:
        args["bookmarked"] = json.dumps(sorted(spec.bookmarked))
    hits = spec.hits
    if hits is not None and hits.ranked:
        # A few thousand keys at most (index.RANK_CAP), each with its rank.
        join = "JOIN (SELECT value AS hit, key AS pos FROM json_each(:ranked)) ON hit = key"
        args["ranked"] = json.dumps(hits.keys)
    elif hits is not None:
        # Found in a good part of the library: walking the list's order and testing each
        # key beats looking every hit up and sorting them (+key: not by the primary key).
        walk = "+" if len(hits.keys) * _WALK_SHARE > library_size else ""
        where.append(f"{walk}key IN (SELECT rowid FROM fts WHERE fts MATCH :match)")
        args["match"] = hits.match
    return " AND ".join(where), args, join
