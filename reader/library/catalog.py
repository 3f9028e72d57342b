"""The open library as the list sees it: rows, counts and facets, asked of the index.

Qt-free. Nothing here holds an object per article. A view is the keys of its rows in order
(8 bytes a row: 8 MB for a million): the common views come from the orders kept in memory
(reader.library.orders), the rest from SQL walking one of the index's list indexes
(reader.library.views); the list model then asks for the articles of the rows on screen, a
page at a time. Counts and facets are GROUP BY queries, kept until the index changes.
Bookmarks whose file is gone are the only records kept here: a handful, listed after the
library's own rows.
"""

from __future__ import annotations

import dataclasses
import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from reader.library.entries import ArticleMeta, Skipped
from reader.library.orders import Orders
from reader.library.views import (
    EARLIEST,
    GROUPED,
    LEAD,
    LIVE,
    VERSIONS,
    Facet,
    SortKey,
    View,
    ViewSpec,
    keys_of,
    order_by,
    where_clause,
)
from reader.text.direction import paragraph_direction
from reader.text.sanitize import single_line

if TYPE_CHECKING:
    from reader.library.index import Hits, Index
    from reader.userdata.store import Bookmark

__all__ = ["Catalog", "Facet", "SortKey", "View", "ViewSpec"]


T = TypeVar("T")


class Catalog:
    """The library's articles in the index, listed by ``view``. Uses the index's connection,
    on the thread that opened it."""

    def __init__(self, index: Index) -> None:
        self._db = index.db
        self._missing: dict[str, ArticleMeta] = {}  # bookmarks whose article is not here
        self._missing_keys: dict[int, ArticleMeta] = {}
        self._kept: dict[str, object] = {}  # answers kept while the index is unchanged
        self._version = self._one("PRAGMA data_version")
        self._orders: Orders | None = None
        self._selected: tuple[Hits | None, tuple, bytearray] | None = None

    def changed(self) -> None:
        """The index may have changed (files read or gone): what was asked of it is asked
        again if it did. SQLite's data_version says whether another connection wrote."""
        version = self._one("PRAGMA data_version")
        if version != self._version:
            self._version = version
            self._kept = {}
            self._orders = None

    def _keep(self, name: str, ask: Callable[[], T]) -> T:
        if name not in self._kept:
            self._kept[name] = ask()
        return self._kept[name]  # type: ignore[return-value]

    # --- contents ----------------------------------------------------------------------------

    def __len__(self) -> int:
        """How many articles the library has (missing bookmarks not counted)."""
        return self._keep("count", lambda: self._one(f"SELECT count(*) FROM files WHERE {LIVE}"))

    def _one(self, sql: str, args: Sequence | dict = ()) -> object:
        return self._db.execute(sql, args).fetchone()[0]

    def _metas(self, sql: str, args: Sequence | dict = ()) -> list[ArticleMeta]:
        from reader.library.index import entry_of

        return [entry_of(row) for row in self._db.execute(sql, args)]  # type: ignore[misc]

    def metas(self, keys: Sequence[int]) -> list[ArticleMeta]:
        """The articles of these keys, in their order (a page of the list)."""
        from reader.library.index import FIELDS

        found = {
            m.key: m
            for m in self._metas(
                f"SELECT {FIELDS} FROM files WHERE key IN (SELECT value FROM json_each(?))",
                (json.dumps([k for k in keys if k > 0]),),
            )
        }
        found.update(self._missing_keys)
        return [found[k] for k in keys if k in found]

    def by_id(self, article_id: str) -> ArticleMeta | None:
        from reader.library.index import FIELDS

        found = self._metas(f"SELECT {FIELDS} FROM files WHERE id = ? AND {LIVE}", (article_id,))
        return found[0] if found else self._missing.get(article_id)

    def seen(
        self, ids: Iterable[str] = (), paths: Iterable[str] = ()
    ) -> list[tuple[str, str, str]]:
        """(id, title, path) of the articles with these ids or at these paths: what the
        user's store needs to follow renamed and re-parsed articles (UserStore)."""
        # Two look-ups, one by each index: with OR, SQLite reads every row of the table.
        rows = self._db.execute(
            f"SELECT id, title, path FROM files WHERE {LIVE}"
            " AND id IN (SELECT value FROM json_each(?)) UNION"
            f" SELECT id, title, path FROM files WHERE {LIVE}"
            " AND path IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)), json.dumps(list(paths))),
        )
        return rows.fetchall()

    def skipped(self) -> list[Skipped]:
        from reader.library.index import FIELDS

        sql = f"SELECT {FIELDS} FROM files WHERE skipped IS NOT NULL ORDER BY path"
        return self._metas(sql)  # type: ignore[return-value]

    def skipped_count(self) -> int:
        sql = "SELECT count(*) FROM files WHERE skipped IS NOT NULL"  # files_skipped
        return self._keep("skipped", lambda: self._one(sql))

    def is_missing(self, article_id: str) -> bool:
        return article_id in self._missing

    def set_missing_bookmarks(self, bookmarks: Iterable[Bookmark]) -> None:
        """Bookmarks whose article is not in the library, listed from their title snapshot."""
        bookmarks = list(bookmarks)
        here = {aid for aid, _, _ in self.seen(ids=[b.id for b in bookmarks])}
        self._missing = {}
        for number, b in enumerate((b for b in bookmarks if b.id not in here), 1):
            title = single_line(b.title)
            # Negative keys: never an index key, so a search never returns them.
            self._missing[b.id] = ArticleMeta(
                id=b.id, path=b.path, title=title, source="", date=None,
                direction=paragraph_direction(title), words=0, encoding="", key=-number,
            )  # fmt: skip
        self._missing_keys = {m.key: m for m in self._missing.values()}

    def forget_missing(self, article_id: str) -> None:
        """A missing article's bookmark was removed: it leaves the list."""
        gone = self._missing.pop(article_id, None)
        if gone is not None:
            del self._missing_keys[gone.key]

    # --- facets ------------------------------------------------------------------------------

    def publications(self) -> list[Facet]:
        """Every publication with its article count, most articles first. Spellings that
        fold alike (الأمة برس, الامة برس) are one entry, named as most articles spell it."""
        return self._keep("publications", self._publications)

    def _publications(self) -> list[Facet]:
        rows = self._db.execute(
            f"SELECT pubkey, publication, count(*) FROM files WHERE {LIVE} AND pubkey != ''"
            " GROUP BY pubkey, publication"
        )
        counts: dict[str, int] = {}
        names: dict[str, tuple[int, str]] = {}
        for key, name, count in rows:
            counts[key] = counts.get(key, 0) + count
            names[key] = max(names.get(key, (0, "")), (count, name))
        return _facets(counts, {key: name for key, (_, name) in names.items()})

    def agencies(self) -> list[Facet]:
        """Every agency credited, with its article count, most articles first."""
        return self._keep("agencies", self._agencies)

    def _agencies(self) -> list[Facet]:
        rows = self._db.execute(
            f"SELECT agency, count(*) FROM files WHERE {LIVE} AND agency != '' GROUP BY agency"
        )
        counts = dict(rows.fetchall())
        return _facets(counts, {name: name for name in counts})

    def date_range(self) -> tuple[str, str] | None:
        """The library's first and last dates (ISO), or None when nothing is dated."""
        return self._keep("dates", self._date_range)

    def _date_range(self) -> tuple[str, str] | None:
        first = self._one(f"SELECT min(date) FROM files WHERE {LIVE} AND date IS NOT NULL")
        last = self._one(f"SELECT max(date) FROM files WHERE {LIVE}")
        return (first, last) if first else None

    def newest(self) -> ArticleMeta | None:
        from reader.library.index import FIELDS

        sql = f"SELECT {FIELDS} FROM files WHERE {LIVE} ORDER BY date DESC, key DESC LIMIT 1"
        found = self._metas(sql)
        return found[0] if found else None

    # --- stories -----------------------------------------------------------------------------

    def has_stories(self) -> bool:
        return self._keep("stories", lambda: self._one(f"SELECT EXISTS ({GROUPED})") == 1)

    def versions(self, m: ArticleMeta) -> list[ArticleMeta]:
        """Every version of ``m``'s story in the library, earliest first; [m] when alone."""
        from reader.library.index import FIELDS

        if m.key <= 0 or not self.has_stories():
            return [m]
        found = self._metas(
            f"SELECT {FIELDS} FROM files WHERE {LIVE}"
            f" AND story = (SELECT story FROM files WHERE key = ?) ORDER BY {EARLIEST}",
            (m.key,),
        )
        return found or [m]

    def version_counts(self, keys: Sequence[int]) -> dict[int, int]:
        """For those of these file keys whose story has other versions, how many it has."""
        rows = self._db.execute(
            f"SELECT key, {VERSIONS} FROM files WHERE key IN (SELECT value FROM json_each(?))"
            f" AND story IN ({GROUPED})",
            (json.dumps([k for k in keys if k > 0]),),
        )
        return dict(rows.fetchall())

    def story_ids(self, keys: Sequence[int]) -> dict[int, str]:
        """For those of these file keys that have other versions, the article id of their
        story's first file: what the versions of one story share."""
        rows = self._db.execute(
            "SELECT f.key, s.id FROM files f JOIN files s ON s.key = f.story"
            f" WHERE f.key IN (SELECT value FROM json_each(?)) AND f.story IN ({GROUPED})",
            (json.dumps(list(keys)),),
        )
        return dict(rows.fetchall())

    # --- the list ----------------------------------------------------------------------------

    def _in_memory(self, spec: ViewSpec) -> bool:
        """Whether the orders in memory (reader.library.orders) give this view: the
        common ones, by date, title or source, whole or searched, between dates, of one
        publication or agency."""
        if spec.bookmarks_only:
            return False  # a few rows: SQL finds them at once
        if spec.hits is not None and spec.hits.ranked:
            return False  # a few thousand rows, ranked: SQL orders them at once
        return spec.sort in (SortKey.DATE, SortKey.TITLE, SortKey.SOURCE, SortKey.RELEVANCE)

    def _selection(self, spec: ViewSpec) -> tuple[Orders, bytearray, int]:
        """The articles of an in-memory view, selected; and how many of them are versions
        hidden under their story's row."""
        if self._orders is None:
            newest, oldest = (order_by(ViewSpec(descending=d)) for d in (True, False))
            self._orders = Orders(self._db, newest, oldest)
            self._selected = None
        orders = self._orders
        # The list and the timeline ask for the same articles one after the other.
        wanted = (spec.date_from, spec.date_to, spec.publication, spec.agency)
        last = self._selected
        if last is None or last[0] is not spec.hits or last[1] != wanted:
            hits = spec.hits
            selected = orders.everything() if hits is None else orders.of_keys(hits.keys)
            if spec.date_from is not None or spec.date_to is not None:
                first_day, last_day = (d and d.isoformat() for d in wanted[:2])
                orders.within_dates(selected, first_day, last_day)
            if spec.publication is not None:
                selected = orders.narrow(selected, "pubkey = ?", [spec.publication])
            if spec.agency is not None:
                selected = orders.narrow(selected, "agency = ?", [spec.agency])
            last = self._selected = (spec.hits, wanted, selected)
        selected = bytearray(last[2])
        hidden = 0
        if spec.grouped and self.has_stories():
            stories = orders.stories(GROUPED, EARLIEST)
            hidden = orders.hide_versions(selected, stories, spec.read)
        return orders, selected, hidden

    # The sorts kept in memory but made only when first asked: the rest come with the orders.
    _ASKED_LATER = tuple(
        order_by(ViewSpec(sort=s, descending=False)) for s in (SortKey.TITLE, SortKey.SOURCE)
    )

    def orders_to_ask(self) -> tuple[object, list[str]] | None:
        """The sorts of the list the orders in memory do not hold yet (SQL ORDER BYs), for a
        thread to ask of the index ahead of their first use (reader.library.orders
        ask_orders), and what to hand them back with; None when there are none."""
        orders = self._orders
        wanted = orders.missing(self._ASKED_LATER) if orders is not None else []
        return (orders, wanted) if wanted else None

    def adopt_orders(self, token: object, found: dict[str, array]) -> int:
        """Keep the orders a thread asked (``token``: from orders_to_ask) if the index has
        not changed since; returns how many were kept."""
        orders = self._orders
        if token is not orders or orders is None:
            return 0  # the index changed: its orders are made again
        return sum(orders.adopt(o, keys) for o, keys in found.items())

    def view(self, spec: ViewSpec) -> View:
        """The rows the list shows, in order: filtered, searched, sorted, and (if
        ``spec.grouped``) one per story, under which its other versions are listed."""
        missing = self._missing_listed(spec)
        if self._in_memory(spec):
            orders, selected, hidden = self._selection(spec)
            keys = orders.rows(order_by(spec), selected)
            articles = len(keys) + hidden
            keys.extend(m.key for m in missing)
            return View(keys, articles + len(missing))
        where, args, join = where_clause(spec, len(self))
        grouped = spec.grouped and self.has_stories()
        if grouped:
            args["read"] = json.dumps(sorted(spec.read))
        if grouped and join and spec.sort is SortKey.RELEVANCE:
            # Ranked hits, a few thousand at most: each story sits where its best version ranks.
            sql = f"""
                WITH v AS (SELECT key, story, id, date, pos FROM files {join} WHERE {where}),
                w AS (SELECT key, row_number() OVER (PARTITION BY story ORDER BY {LEAD}) AS n,
                      min(pos) OVER (PARTITION BY story) AS best FROM v)
                SELECT key FROM w WHERE n = 1 ORDER BY best"""
        else:
            sql = f"SELECT key FROM files {join} WHERE {where}"
            if grouped:
                # The versions not shown on their story's row. Only the files of stories of
                # several are windowed, and the walk over the rest tests keys only.
                hidden = (
                    "SELECT key FROM (SELECT key, row_number() OVER (PARTITION BY story ORDER BY"
                    f" {LEAD}) AS n FROM files {join} WHERE {where} AND story IN ({GROUPED}))"
                    " WHERE n > 1"
                )
                sql += f" AND key NOT IN ({hidden})"
            sql += f" ORDER BY {order_by(spec)}"
        keys = keys_of(self._db, sql, args)
        articles = len(keys)
        if grouped:
            articles = self._one(f"SELECT count(*) FROM files {join} WHERE {where}", args)
        keys.extend(m.key for m in missing)
        return View(keys, articles + len(missing))

    def _missing_listed(self, spec: ViewSpec) -> list[ArticleMeta]:
        """The missing bookmarks ``spec`` lets through, by title. They have no date, source or
        text, so only the bookmark filter keeps them; they follow the library's rows."""
        plain = spec.publication is None and spec.agency is None and spec.hits is None
        if not plain or spec.date_from is not None or spec.date_to is not None:
            return []
        missing = [m for m in self._missing.values() if m.id in spec.bookmarked
                   or not spec.bookmarks_only]  # fmt: skip
        return sorted(missing, key=lambda m: m.title.casefold())

    def articles(self, spec: ViewSpec | None = None) -> Iterator[ArticleMeta]:
        """Every article ``spec`` lets through (default: the whole library, newest first),
        versions of a story each on its own row, in the view's order: a page at a time, for
        exports."""
        from reader.library.index import FIELDS

        spec = spec or ViewSpec()
        where, args, join = where_clause(spec, len(self))
        rows = self._db.execute(
            f"SELECT {FIELDS} FROM files {join} WHERE {where} ORDER BY {order_by(spec)}", args
        )
        from reader.library.index import entry_of

        while page := rows.fetchmany(500):
            yield from (entry_of(row) for row in page)  # type: ignore[misc]
        yield from self._missing_listed(spec)

    def date_counts(self, spec: ViewSpec) -> dict[str, int]:
        """How many of the articles ``spec`` lets through carry each date (for the timeline)."""
        if self._in_memory(spec):
            orders, selected, _ = self._selection(dataclasses.replace(spec, grouped=False))
            return orders.per_date(selected)
        where, args, join = where_clause(spec, len(self))
        rows = self._db.execute(
            f"SELECT date, count(*) FROM files {join} WHERE {where} AND date IS NOT NULL"
            " GROUP BY date",
            args,
        )
        return dict(rows.fetchall())


def _facets(counts: dict[str, int], names: dict[str, str]) -> list[Facet]:
    return [
        Facet(key, names[key], count)
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]]))
    ]
