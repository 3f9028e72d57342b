"""The rows of one view, their articles fetched a page at a time as the list asks for them.

Qt-free: the list model (reader.qt.models) answers Qt from this. A view of a million rows is
its keys (reader.library.catalog.View); only the pages on screen, and a few around them,
become ArticleMeta records, so scrolling anywhere costs one query of a page.

A story's row can be opened: its other versions are then listed under it, as rows of their
own. The list is flat (a tree view lays out every row in Python at each change: seconds at a
million), so the rows shown are the view's, with the versions of the open stories between
them; "top" rows are the view's own, numbered without those.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from typing import TYPE_CHECKING

from reader.library.views import position_of

if TYPE_CHECKING:
    from reader.library.catalog import Catalog, View
    from reader.library.entries import ArticleMeta

PAGE = 128  # rows per query: a tall window shows about fifty
PAGES = 16  # pages kept: the screen, and where the user just was


class _Page:
    __slots__ = ("counts", "metas")

    def __init__(self, metas: list[ArticleMeta], counts: dict[int, int]) -> None:
        self.metas = metas
        self.counts = counts  # file key -> versions of its story, for stories of several


def _gone(key: int) -> ArticleMeta:
    # A row whose file left the index since the view was computed (the next refresh drops
    # it): listed empty rather than shifting every row after it.
    from reader.library.entries import ArticleMeta  # not before a library is open

    return ArticleMeta(id="", path="", title="", source="", date=None, direction="rtl",
                       words=0, encoding="", key=key)  # fmt: skip


class Rows:
    def __init__(self, catalog: Catalog, view: View, grouped: bool) -> None:
        self.catalog = catalog
        self.view = view
        self.grouped = grouped
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._versions: dict[int, list[ArticleMeta]] = {}  # row -> the versions under it
        self._row_of: dict[str, int] = {}  # article id -> top row, for the pages fetched
        self._open: list[int] = []  # the top rows open, in order
        self._before: list[int] = []  # rows of versions shown above each open row

    def __len__(self) -> int:
        """The rows shown: the view's, and the versions under the open ones."""
        return len(self.view.keys) + (self._below() if self._open else 0)

    # --- open stories --------------------------------------------------------------------------

    def locate(self, row: int) -> tuple[int, int]:
        """(top row, version under it or -1) of a row shown."""
        if not self._open:  # asked for each cell painted: most lists have no story open
            return row, -1
        i = bisect.bisect_right(self._shown_at(), row) - 1
        if i < 0:
            return row, -1
        top = self._open[i]
        at = top + self._before[i]
        under = len(self._versions[top])
        if row <= at + under:
            return top, row - at - 1
        return row - self._before[i] - under, -1

    def shown_row(self, top: int, under: int = -1) -> int:
        """The row shown for a top row, or for a version under it."""
        i = bisect.bisect_left(self._open, top)
        return top + (self._before[i] if i < len(self._open) else self._below()) + under + 1

    def is_open(self, top: int) -> bool:
        i = bisect.bisect_left(self._open, top)
        return i < len(self._open) and self._open[i] == top

    def under(self, top: int) -> tuple[int, int]:
        """(the row its versions are or would be shown from, how many) for a top row."""
        count = len(self.versions(top)) if self.version_count(top) else 0
        return self.shown_row(top) + 1, count

    def open(self, top: int) -> None:
        """List a story's versions under its row (see ``under`` for where)."""
        if not self.is_open(top) and self.version_count(top):
            bisect.insort(self._open, top)
            self._count_before()

    def close(self, top: int) -> None:
        if self.is_open(top):
            self._open.remove(top)
            self._count_before()

    def _count_before(self) -> None:
        self._before, above = [], 0
        for top in self._open:
            self._before.append(above)
            above += len(self._versions[top])

    def _below(self) -> int:
        return sum(len(self._versions[t]) for t in self._open)

    def _shown_at(self) -> list[int]:
        return [top + above for top, above in zip(self._open, self._before, strict=True)]

    # --- rows ----------------------------------------------------------------------------------

    def _page(self, row: int) -> _Page:
        number = row // PAGE
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        keys = self.view.keys[number * PAGE : (number + 1) * PAGE]
        found = {m.key: m for m in self.catalog.metas(keys)}
        metas = [found.get(k) or _gone(k) for k in keys]
        counts = self.catalog.version_counts(keys) if self.grouped else {}
        page = self._pages[number] = _Page(metas, counts)
        for i, m in enumerate(metas):
            self._row_of[m.id] = number * PAGE + i
        if len(self._pages) > PAGES:
            _, dropped = self._pages.popitem(last=False)
            for m in dropped.metas:
                self._row_of.pop(m.id, None)
        return page

    def meta(self, row: int) -> ArticleMeta:
        return self._page(row).metas[row % PAGE]

    def version_count(self, row: int) -> int:
        """How many versions the story of this row has (0: an article alone)."""
        page = self._page(row)
        return page.counts.get(page.metas[row % PAGE].key, 0)

    def versions(self, row: int) -> list[ArticleMeta]:
        """The other versions of this row's story, earliest first."""
        if row not in self._versions:
            m = self.meta(row)
            others = self.catalog.versions(m) if self.version_count(row) else []
            self._versions[row] = [v for v in others if v.key != m.key]
        return self._versions[row]

    def where(self, article_id: str) -> tuple[int, int] | None:
        """(the top row an article is listed at or under, its row under it or -1); None
        when the view does not list it."""
        row = self._row_of.get(article_id)
        if row is not None and self.meta(row).id == article_id:
            return row, -1
        m = self.catalog.by_id(article_id)
        if m is None:
            return None
        row = self._find(m.key)
        if row is not None:
            return row, -1
        if not self.grouped:
            return None
        for v in self.catalog.versions(m):
            row = self._find(v.key)
            if row is not None:
                under = [u.id for u in self.versions(row)]
                return (row, under.index(article_id)) if article_id in under else None
        return None

    def _find(self, key: int) -> int | None:
        return position_of(self.view.keys, key)
