"""The library's list orders as arrays of keys, and selections over them as bytes.

Qt-free. Asking SQLite for a million rows in order costs a walk of an index and a million
values through Python each time the view changes; here each order is asked once per change
of the index and kept as an array (8 bytes an article). A view is then a selection: a byte
per key (1: shown), made from a search's keys or the whole library, and the view's rows are
the order's keys whose byte is set. Every step runs in C (``bytes(map(...))``,
``itertools.compress``, ``bytes.count``), so a view of a million costs tens of
milliseconds, and the timeline counts each date from the same bytes.
"""

from __future__ import annotations

import collections
import itertools
import json
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_LIVE = "skipped IS NULL"


@dataclass(frozen=True, slots=True)
class Story:
    """The articles of a story of several, in the order its row picks one: earliest first."""

    keys: tuple[int, ...]
    ids: tuple[str, ...]


class Orders:
    """The orders of one state of the index; made again when the index changes."""

    def __init__(self, db: sqlite3.Connection, newest_first: str) -> None:
        self._db = db
        self._orders: dict[str, array] = {}
        self.newest = self.keys(newest_first)
        self.size = max(self.newest, default=0) + 1
        self.live = bytearray(self.size)
        _set(self.live, self.newest, 1)
        # Each date's run of positions in the newest-first order (undated ones last).
        rows = db.execute(
            f"SELECT date, count(*) FROM files WHERE {_LIVE} GROUP BY date ORDER BY date DESC"
        )
        self.dates: list[tuple[str | None, int, int]] = []
        start = 0
        for date, count in rows:
            self.dates.append((date, start, start + count))
            start += count
        self._stories: list[Story] | None = None

    def keys(self, order_by: str) -> array:
        """Every article's key in this order (an SQL ORDER BY over ``files``), kept."""
        if order_by not in self._orders:
            (found,) = self._db.execute(
                "SELECT json_group_array(key) FROM"
                f" (SELECT key FROM files WHERE {_LIVE} ORDER BY {order_by})"
            ).fetchone()
            self._orders[order_by] = array("q", json.loads(found))
        return self._orders[order_by]

    def stories(self, grouped: str, lead: str) -> list[Story]:
        """The stories of several articles (``grouped``: SQL naming them), each in ``lead``
        order, for the rows that show one of them."""
        if self._stories is None:
            rows = self._db.execute(
                f"SELECT story, key, id FROM files WHERE {_LIVE} AND story IN ({grouped})"
                f" ORDER BY story, {lead}"
            )
            members: dict[int, list[tuple[int, str]]] = {}
            for story, key, aid in rows:
                members.setdefault(story, []).append((key, aid))
            self._stories = [
                Story(tuple(k for k, _ in m), tuple(a for _, a in m))
                for m in members.values()
                if len(m) > 1
            ]
        return self._stories

    # --- selections --------------------------------------------------------------------------

    def everything(self) -> bytearray:
        return bytearray(self.live)

    def of_keys(self, keys: Sequence[int]) -> bytearray:
        """These keys selected (a search's hits; keys no longer listed are never shown)."""
        selected = bytearray(max(self.size, max(keys, default=0) + 1))
        _set(selected, keys, 1)
        return selected

    def within_dates(self, selected: bytearray, first: str | None, last: str | None) -> None:
        """Unselect the articles dated outside first..last (ISO; None: no bound), and the
        undated ones."""
        for date, start, end in self.dates:
            if date is None or (first and date < first) or (last and date > last):
                _set(selected, self.newest[start:end], 0)

    def hide_versions(self, selected: bytearray, stories: list[Story], read: set[str]) -> int:
        """Unselect every version of a story but the one its row shows: the one read, else
        the earliest of those selected. Returns how many were hidden."""
        hidden: list[int] = []
        for story in stories:
            shown = [i for i, k in enumerate(story.keys) if selected[k]]
            if len(shown) > 1:
                lead = next((i for i in shown if story.ids[i] in read), shown[0])
                hidden += [story.keys[i] for i in shown if i != lead]
        _set(selected, hidden, 0)
        return len(hidden)

    def rows(self, order: array, selected: bytearray) -> array:
        """The keys of ``order`` that are selected, in that order."""
        picked = bytes(map(selected.__getitem__, order))
        return array("q", itertools.compress(order, picked))

    def per_date(self, selected: bytearray) -> dict[str, int]:
        """How many selected articles carry each date."""
        picked = bytes(map(selected.__getitem__, self.newest))
        counts = {date: picked.count(1, start, end) for date, start, end in self.dates if date}
        return {date: n for date, n in counts.items() if n}


def _set(selected: bytearray, keys: Iterable[int], value: int) -> None:
    # A loop in C: deque consumes map's calls without keeping them.
    collections.deque(map(selected.__setitem__, keys, itertools.repeat(value)), maxlen=0)
