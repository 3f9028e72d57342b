"""The library's list orders as arrays of keys, and selections over them as bytes.

Qt-free. Asking SQLite for a million rows in order costs a walk of an index and a million
values through Python each time the view changes; here each order is asked once per change
of the index and kept as an array (8 bytes an article). A view is then a selection: a byte
per article (1: shown), at its position in the newest-first order, made from a search's keys
or the whole library. The rows of that order are the keys whose byte is set; another order
keeps its positions in that one, to pick its rows by. Each date is a run of positions, so a
date range is a slice and the timeline's counts are counts of set bytes. Every step runs in
C (``bytes.count``, ``map`` over bound methods; numpy to scatter a search's hits and gather
a view's rows), so a view of a million costs tens of milliseconds.
"""

from __future__ import annotations

import collections
import itertools
import re
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.views import LIVE as _LIVE
from reader.library.views import NUMPY_PAST, key_array, keys_of

if TYPE_CHECKING:
    import numpy


@dataclass(frozen=True, slots=True)
class Story:
    """The articles of a story of several, in the order its row picks one: earliest first."""

    keys: tuple[int, ...]
    ids: tuple[str, ...]


class Orders:
    """The orders of one state of the index; made again when the index changes."""

    def __init__(self, db: sqlite3.Connection, newest_first: str, oldest_first: str) -> None:
        self._db = db
        self._orders: dict[str, tuple[array, array | None]] = {}
        self.newest = self._ask(newest_first)
        self.count = n = len(self.newest)
        self._orders[newest_first] = (self.newest, None)
        self._orders[oldest_first] = (self.newest[::-1], None)  # its exact reverse
        self._reversed = oldest_first
        # Each key's position in the newest-first order; n for keys not listed (a stale key,
        # a file read since), whose byte is the selection's last, never shown.
        (seq,) = db.execute("SELECT coalesce(max(key), 0) FROM files").fetchone()
        self.size = max(seq, max(self.newest, default=0)) + 1
        self.position = _scattered(self.newest, self.size, n)
        # Each date's run of positions in the newest-first order (undated ones last).
        rows = db.execute(
            f"SELECT date, count(*) FROM files WHERE {_LIVE} GROUP BY date ORDER BY date DESC"
        )
        self.dates: list[tuple[str | None, int, int]] = []
        start = 0
        for date, count in rows:
            self.dates.append((date, start, start + count))
            start += count
        self._date_starts: numpy.ndarray | None = None  # for per_date, past NUMPY_PAST
        self._stories: list[Story] | None = None
        self._matching: dict[tuple, bytearray] = {}
        # Orders asked on another connection ahead of their first use (adopt): their keys
        # only, until then (8 MB at a million; the positions, 8 more, take ~2 ms to gather).
        self._ahead: dict[str, array] = {}

    def _ask(self, order_by: str) -> array:
        return _asked(self._db, order_by)

    def _order(self, order_by: str) -> tuple[array, array | None]:
        """Every article's key in this order (an SQL ORDER BY over ``files``), and unless it
        is the newest-first order or its reverse, each one's position in newest-first."""
        if order_by not in self._orders:
            backwards = self._held(_flipped(order_by))
            if backwards is not None:
                # Every term reversed, ending with the unique key: the same order backwards
                # (the second direction of a sort at a million: ~900 ms to ask, ~20 to flip).
                keys, positions = backwards
                reverse = None if positions is None else positions[::-1]
                self._orders[order_by] = (keys[::-1], reverse)
            elif self._held(order_by) is None:
                keys = self._ask(order_by)
                self._orders[order_by] = (keys, key_array(_gathered(self.position, keys)))
        return self._orders[order_by]

    def _held(self, order_by: str) -> tuple[array, array | None] | None:
        """This order if it was asked already, here or ahead (adopt)."""
        keys = self._ahead.pop(order_by, None)
        if keys is not None:
            self._orders[order_by] = (keys, key_array(_gathered(self.position, keys)))
        return self._orders.get(order_by)

    def missing(self, orders_by: Iterable[str]) -> list[str]:
        """Those of these orders (SQL ORDER BYs over ``files``) not asked yet, nor their
        reverse."""
        held = self._orders.keys() | self._ahead.keys()
        return [o for o in orders_by if o not in held and _flipped(o) not in held]

    def adopt(self, order_by: str, keys: array) -> bool:
        """Keep an order asked on another connection (a thread's, before its first use) if
        it lists exactly the articles of this state: as many keys, each one listed here.
        Keys are unique, so that is the same articles; an index that changed since is
        refused (and these orders are made again anyway)."""
        if order_by in self._orders or order_by in self._ahead or len(keys) != self.count:
            return False
        import numpy

        at = numpy.frombuffer(keys, dtype=numpy.int64)
        if self.count and (at.min() < 0 or at.max() >= self.size):
            return False
        if self.count and _gathered(self.position, keys).max() >= self.count:
            return False  # a key read since (position n), or let back in
        self._ahead[order_by] = keys
        return True

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

    # --- selections: a byte per position in the newest-first order, and one more -------------

    def everything(self) -> bytearray:
        selected = bytearray(b"\x01") * self.count
        selected.append(0)
        return selected

    def of_keys(self, keys: Sequence[int]) -> bytearray:
        """These keys selected (a search's hits; keys not listed are never shown)."""
        # A common word's hits are most of the library. numpy scatters them in C: 950,000
        # hits at a million articles in 3 ms, against 146 for a map over the array. It is
        # imported on the first search, not at start-up (~70 ms).
        import numpy

        at = numpy.asarray(keys, dtype=numpy.int64)
        at = at[at < self.size]  # keys read since these orders were made are not listed
        selected = bytearray(self.count + 1)
        position = numpy.frombuffer(self.position, dtype=numpy.int64)  # views, no copy
        numpy.frombuffer(selected, dtype=numpy.uint8)[position[at]] = 1
        selected[self.count] = 0
        return selected

    def narrow(self, selected: bytearray, where: str, args: Sequence[object]) -> bytearray:
        """The articles of ``selected`` that also match ``where`` (SQL over ``files``: one
        publication, one agency), asked once per state of the index."""
        key = (where, tuple(args))
        if key not in self._matching:
            found = keys_of(self._db, f"SELECT key FROM files WHERE {_LIVE} AND {where}", args)
            self._matching[key] = self.of_keys(found)
        # Bytes of 0 and 1: their AND, as two big integers, is the AND of each pair, in C.
        both = int.from_bytes(selected, "little") & int.from_bytes(self._matching[key], "little")
        return bytearray(both.to_bytes(len(selected), "little"))

    def within_dates(self, selected: bytearray, first: str | None, last: str | None) -> None:
        """Unselect the articles dated outside first..last (ISO; None: no bound), and the
        undated ones."""
        for date, start, end in self.dates:
            if date is None or (first and date < first) or (last and date > last):
                selected[start:end] = bytes(end - start)

    def hide_versions(self, selected: bytearray, stories: list[Story], read: set[str]) -> int:
        """Unselect every version of a story but the one its row shows: the one read, else
        the earliest of those selected. Returns how many were hidden."""
        position = self.position
        hidden: list[int] = []
        for story in stories:
            at = [position[k] for k in story.keys]
            shown = [i for i, p in enumerate(at) if selected[p]]
            if len(shown) > 1:
                lead = next((i for i in shown if story.ids[i] in read), shown[0])
                hidden += [at[i] for i in shown if i != lead]
        _put(selected, hidden, itertools.repeat(0))
        return len(hidden)

    def rows(self, order_by: str, selected: bytearray) -> array:
        """The selected keys, in this order (an SQL ORDER BY over ``files``)."""
        keys, positions = self._order(order_by)
        if not selected.count(0, 0, self.count):  # the whole library, as at start-up
            return keys[:]
        import numpy

        picked = numpy.frombuffer(selected, dtype=numpy.uint8)
        if positions is not None:
            picked = picked[numpy.frombuffer(positions, dtype=numpy.int64)]
        elif order_by == self._reversed:
            picked = numpy.ascontiguousarray(picked[-2::-1])  # one byte less, reversed
        return selected_keys(keys, picked)

    def per_date(self, selected: bytearray) -> dict[str, int]:
        """How many selected articles carry each date."""
        if self.count < NUMPY_PAST or not self.dates:
            counts = ((date, selected.count(1, start, end)) for date, start, end in self.dates)
            return {date: n for date, n in counts if date and n}
        import numpy

        # The runs are contiguous from 0: one sum per run, in C, rather than a count a date
        # (~5,500 of them over fifteen years), at each change of the view.
        if self._date_starts is None:
            self._date_starts = numpy.array([start for _, start, _ in self.dates], numpy.intp)
        picked = numpy.frombuffer(selected, dtype=numpy.uint8, count=self.dates[-1][2])
        sums = numpy.add.reduceat(picked, self._date_starts, dtype=numpy.int64).tolist()
        return {date: n for (date, _, _), n in zip(self.dates, sums, strict=True) if date and n}


def ask_orders(path: str | Path, orders_by: Sequence[str]) -> dict[str, array]:
    """These orders of the index file at ``path``, each asked as Orders asks it, on a
    connection of this call's own, opened only to read: a thread's, while the window's
    connection serves the list (SQLite releases the GIL while it walks an index)."""
    db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {o: _asked(db, o) for o in orders_by}
    finally:
        db.close()


def _asked(db: sqlite3.Connection, order_by: str) -> array:
    return keys_of(db, f"SELECT key FROM files WHERE {_LIVE} ORDER BY {order_by}")


def _flipped(order_by: str) -> str:
    """The ORDER BY with each term's direction reversed ("title ASC, key DESC" and back)."""
    return re.sub(r"\b(ASC|DESC)\b", lambda m: "DESC" if m[1] == "ASC" else "ASC", order_by)


def selected_keys(keys: array, picked: bytes | bytearray | numpy.ndarray) -> array:
    """``itertools.compress(keys, picked)`` as an array (``picked``: bytes of 0 and 1, at least
    one per key). In numpy: a million keys with 55,000 gaps in 1.8 ms, against
    26 for runs copied between gaps found by bytes.find."""
    import numpy

    chosen = numpy.frombuffer(picked, dtype=numpy.bool_, count=len(keys))
    return key_array(numpy.frombuffer(keys, dtype=numpy.int64)[chosen])


def _scattered(keys: array, size: int, missing: int) -> array:
    """Each key's position in ``keys``, by key (``size`` of them); ``missing`` for the others."""
    if len(keys) < NUMPY_PAST:
        position = array("q", [missing]) * size
        _put(position, keys, range(len(keys)))
        return position
    import numpy

    position = numpy.full(size, missing, dtype=numpy.int64)
    position[numpy.frombuffer(keys, dtype=numpy.int64)] = numpy.arange(len(keys), dtype=numpy.int64)
    return key_array(position)


def _gathered(position: array, keys: array) -> numpy.ndarray:
    """``position[k]`` for each key of ``keys``: a title order's positions in newest-first.
    At a million, numpy's lookup takes ~1 ms, a map over them ~145."""
    import numpy

    at = numpy.frombuffer(keys, dtype=numpy.int64)
    return numpy.frombuffer(position, dtype=numpy.int64)[at]


def _put(values: bytearray | array, at: Iterable[int], what: Iterable[int]) -> None:
    # A loop in C: deque consumes map's calls without keeping them.
    collections.deque(map(values.__setitem__, at, what), maxlen=0)
