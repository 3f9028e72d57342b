"""The open library in memory: its articles, and the order and subset the list shows.

Qt-free. The list model asks ``Catalog.view`` for its rows whenever the sort, a filter or
the search changes; sorting and filtering 100,000 articles here (C-level sorts and set
look-ups) takes tens of milliseconds, where a QSortFilterProxyModel would call back into
Python for every row and every comparison.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from reader.library.entries import ArticleMeta, Skipped
from reader.text.direction import paragraph_direction
from reader.text.sanitize import single_line

if TYPE_CHECKING:
    from reader.library.index import Hits
    from reader.userdata.store import Bookmark


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


class Catalog:
    def __init__(self) -> None:
        self._by_path: dict[str, ArticleMeta] = {}
        self._by_key: dict[int, ArticleMeta] = {}
        self._path_of_id: dict[str, str] = {}  # the file listed for an article id
        self.skipped: dict[str, Skipped] = {}
        self._missing: dict[str, ArticleMeta] = {}  # bookmarks whose article is not here
        self._newest_first: list[ArticleMeta] | None = None
        self._keys: dict[str, str] = {}  # publication spelling -> facet key
        self._story_of: dict[int, int] = {}  # file key -> its story, for stories of 2 or more
        self._versions: dict[int, list[ArticleMeta]] | None = None  # story -> its articles
        self._listed_story_of: dict[int, int] = {}  # the same keys, stories of 2 or more only

    # --- contents ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_path)

    def clear(self) -> None:
        self.__init__()

    def articles(self) -> Iterable[ArticleMeta]:
        return self._by_path.values()

    def by_id(self, article_id: str) -> ArticleMeta | None:
        path = self._path_of_id.get(article_id)
        return self._by_path[path] if path else self._missing.get(article_id)

    def by_key(self, key: int) -> ArticleMeta | None:
        return self._by_key.get(key)

    def is_missing(self, article_id: str) -> bool:
        return article_id in self._missing

    def apply(self, entries: Iterable[ArticleMeta | Skipped], removed: Iterable[str] = ()) -> None:
        """Files read (replacing what their path held) and paths gone."""
        self._newest_first = None
        self._versions = None
        for path in removed:
            self._drop(path)
        for entry in entries:
            self._drop(entry.path)
            if isinstance(entry, Skipped):
                self.skipped[entry.path] = entry
            elif entry.id in self._path_of_id:
                first = self._path_of_id[entry.id]
                self.skipped[entry.path] = Skipped(
                    entry.path, f"same article as {first}", entry.size, entry.mtime_ns
                )
            else:
                self._by_path[entry.path] = entry
                self._by_key[entry.key] = entry
                self._path_of_id[entry.id] = entry.path
                self._missing.pop(entry.id, None)

    def _drop(self, path: str) -> None:
        self.skipped.pop(path, None)
        old = self._by_path.pop(path, None)
        if old is not None:
            self._by_key.pop(old.key, None)
            if self._path_of_id.get(old.id) == path:
                del self._path_of_id[old.id]

    def set_missing_bookmarks(self, bookmarks: Iterable[Bookmark]) -> None:
        """Bookmarks whose article is not in the library, listed from their title snapshot."""
        self._newest_first = None
        self._missing = {}
        for number, b in enumerate(bookmarks, 1):
            if b.id in self._path_of_id:
                continue
            title = single_line(b.title)
            # Negative keys: never an index key, so a search never returns them.
            self._missing[b.id] = ArticleMeta(
                id=b.id, path=b.path, title=title, source="", date=None,
                direction=paragraph_direction(title), words=0, encoding="", key=-number,
            )  # fmt: skip

    def forget_missing(self, article_id: str) -> None:
        """A missing article's bookmark was removed: it leaves the list."""
        self._newest_first = None
        self._missing.pop(article_id, None)

    def publications(self) -> list[Facet]:
        """Every publication with its article count, most articles first. Spellings that
        fold alike (الأمة برس, الامة برس) are one entry, named as most articles spell it."""
        spellings = Counter(m.publication for m in self._by_path.values() if m.publication)
        counts: Counter[str] = Counter()
        names: dict[str, tuple[int, str]] = {}
        for name, count in spellings.items():
            key = self._facet_key(name)
            counts[key] += count
            names[key] = max(names.get(key, (0, "")), (count, name))
        return _facets(counts, {key: name for key, (_, name) in names.items()})

    def agencies(self) -> list[Facet]:
        """Every agency credited, with its article count, most articles first."""
        counts = Counter(m.agency for m in self._by_path.values() if m.agency)
        return _facets(counts, {name: name for name in counts})

    def _facet_key(self, publication: str) -> str:
        # A few hundred distinct spellings in a whole library: fold each once.
        key = self._keys.get(publication)
        if key is None:
            from reader.text.normalize import index_text

            key = self._keys[publication] = index_text(publication) or publication
        return key

    def date_range(self) -> tuple[str, str] | None:
        """The library's first and last dates (ISO), or None when nothing is dated."""
        rows = self._newest()  # undated rows sort last
        if not rows or not rows[0].date:
            return None
        oldest = next(m.date for m in reversed(rows) if m.date)
        return oldest, rows[0].date

    def newest(self) -> ArticleMeta | None:
        return max(self._by_path.values(), key=lambda m: (m.date or "", m.title), default=None)

    # --- stories -----------------------------------------------------------------------------

    def set_stories(self, story_of: dict[int, int]) -> None:
        """Which story each file key belongs to (reader.library.story_index), for the files
        with other versions; the rest are stories of their own."""
        self._story_of = story_of
        self._versions = None

    def versions(self, m: ArticleMeta) -> list[ArticleMeta]:
        """Every version of ``m``'s story in the library, earliest first; [m] when alone."""
        story_of, versions = self._stories()
        return versions[story_of[m.key]] if m.key in story_of else [m]

    def versions_under(self, rows: list[ArticleMeta]) -> dict[int, list[ArticleMeta]]:
        """For each of these rows (by position) that stands for a story, its other versions."""
        story_of, versions = self._stories()
        return {
            row: [v for v in versions[story_of[m.key]] if v.key != m.key]
            for row, m in enumerate(rows)
            if m.key in story_of
        }

    def _stories(self) -> tuple[dict[int, int], dict[int, list[ArticleMeta]]]:
        """(file key -> story, story -> its articles earliest first) for the stories with
        two or more articles listed; kept until the catalog or the stories change."""
        if self._versions is None:
            versions: dict[int, list[ArticleMeta]] = {}
            for key, story in self._story_of.items():
                m = self._by_key.get(key)
                if m is not None:
                    versions.setdefault(story, []).append(m)
            for members in versions.values():
                members.sort(key=_earliest)
            # A story whose other versions are gone (or not read yet) is one article again.
            self._versions = {s: ms for s, ms in versions.items() if len(ms) > 1}
            self._listed_story_of = {m.key: s for s, ms in self._versions.items() for m in ms}
        return self._listed_story_of, self._versions

    def group(self, rows: list[ArticleMeta], spec: ViewSpec) -> list[ArticleMeta]:
        """With ``spec.grouped``, one row per story: the version the user read, else the
        earliest, of those the filters let through; where it sorts, or for a search where its
        best version ranks. ``rows``: the view's articles (``grouped=False``)."""
        if not spec.grouped or not self._story_of:
            return rows
        story_of, _ = self._stories()
        shown: dict[int, list[ArticleMeta]] = {}
        for m in [m for m in rows if m.key in story_of]:
            shown.setdefault(story_of[m.key], []).append(m)
        if not shown:
            return rows
        by_rank = spec.sort is SortKey.RELEVANCE and spec.hits is not None
        # The row each story keeps (by its key) -> the version shown in it.
        kept: dict[int, ArticleMeta] = {}
        for members in shown.values():
            read = [m for m in members if m.id in spec.read]
            lead = read[0] if read else min(members, key=_earliest)
            kept[(members[0] if by_rank else lead).key] = lead
        return [kept.get(m.key, m) for m in rows if m.key not in story_of or m.key in kept]

    # --- the list ----------------------------------------------------------------------------

    def _newest(self) -> list[ArticleMeta]:
        """Everything listed, newest first; kept until the catalog changes, because every
        view starts from it."""
        if self._newest_first is None:
            rows = [*self._by_path.values(), *self._missing.values()]
            rows.sort(key=_date_key, reverse=True)
            self._newest_first = rows
        return self._newest_first

    def view(self, spec: ViewSpec) -> list[ArticleMeta]:
        """The rows the list shows, in order: filtered, searched, sorted, and (if
        ``spec.grouped``) one per story."""
        return self.group(self._sorted(spec), spec)

    def _sorted(self, spec: ViewSpec) -> list[ArticleMeta]:
        hits = spec.hits
        if hits is not None and hits.ranked:
            rows = [m for k in hits.keys if (m := self._by_key.get(k)) is not None]
        elif hits is not None:
            # A word too common to rank: its articles newest first, picked out of the list
            # already in that order rather than sorted again.
            wanted = set(hits.keys)
            rows = [m for m in self._newest() if m.key in wanted]
        else:
            rows = list(self._newest())
        filtered = spec.publication is not None or spec.agency is not None
        if filtered or spec.bookmarks_only or spec.date_from or spec.date_to:
            rows = [m for m in rows if self._accepts(m, spec)]
        if spec.sort is SortKey.RELEVANCE and hits is not None:
            return rows  # best first (SQL orders ties newest first), or newest first
        if spec.sort in (SortKey.DATE, SortKey.RELEVANCE):
            if hits is not None and hits.ranked:
                rows.sort(key=_date_key, reverse=True)
            return rows if spec.descending else rows[::-1]
        key = {
            SortKey.TITLE: lambda m: m.title.casefold(),
            # A paper's articles together, its spellings too; then by the agency credited.
            SortKey.SOURCE: lambda m: (
                self._facet_key(m.publication) if m.publication else "\uffff",
                m.agency or m.source.casefold(),
            ),
            SortKey.BOOKMARK: lambda m: m.id in spec.bookmarked,
            SortKey.VERSIONS: lambda m: len(self.versions(m)),
        }[spec.sort]
        if hits is not None and hits.ranked:  # ties newest first
            rows.sort(key=_date_key, reverse=True)
        rows.sort(key=key, reverse=spec.descending)
        return rows

    def _accepts(self, m: ArticleMeta, spec: ViewSpec) -> bool:
        if spec.bookmarks_only and m.id not in spec.bookmarked:
            return False
        if spec.agency is not None and m.agency != spec.agency:
            return False
        if spec.publication is not None and (
            not m.publication or self._facet_key(m.publication) != spec.publication
        ):
            return False
        if spec.date_from is not None or spec.date_to is not None:
            if m.date is None:
                return False
            if spec.date_from is not None and m.date < spec.date_from.isoformat():
                return False
            if spec.date_to is not None and m.date > spec.date_to.isoformat():
                return False
        return True


@dataclass(frozen=True, slots=True)
class Facet:
    key: str  # what ViewSpec filters by
    name: str  # what the list of choices shows
    count: int


def _facets(counts: Counter[str], names: dict[str, str]) -> list[Facet]:
    return [
        Facet(key, names[key], count)
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]]))
    ]


def _date_key(m: ArticleMeta) -> str:
    return m.date or ""


def _earliest(m: ArticleMeta) -> tuple[str, int]:
    return (m.date or "\uffff", m.key)  # undated last
