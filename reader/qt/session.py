"""The open library: its catalog and list model, kept up to date by the loader, and searched.

A QObject without widgets: the main window shows what it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.library.catalog import Catalog
from reader.qt.library_loader import LibraryLoader
from reader.qt.models import ArticleListModel
from reader.qt.watcher import LibraryWatcher

if TYPE_CHECKING:
    from reader.library.entries import ArticleMeta, Skipped
    from reader.library.index import Hits, Index
    from reader.library.search import SearchResult
    from reader.qt.user_state import UserState

# While files are being read, the list is recomputed at most this often: each recompute
# sorts the whole library, and the user is scrolling it meanwhile.
REFRESH_MS = 400


class LibrarySession(QObject):
    progress = Signal(int, int)  # files read, files to read (0, 0: looking for files)
    loading = Signal(bool)
    loaded = Signal()  # a full pass over the library's files finished
    changed = Signal()  # the catalog changed: counts, agencies
    failed = Signal(str)  # reading the library stopped on an error (the list keeps what it has)
    search_refused = Signal(str)  # why a search could not be run (too broad, say)

    def __init__(self, user_state: UserState, index_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.user_state = user_state
        self.index_path = index_path
        self.catalog = Catalog()
        self.model = ArticleListModel(self.catalog, user_state, self)
        self.roots: list[str] = []
        self.result: SearchResult | None = None
        self._query = ""
        self._exact = False
        self._loader: LibraryLoader | None = None
        self._index: Index | None = None
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._apply_changes)
        self._full = True  # the loader running reads the whole library (not watcher paths)
        self._pending: set[str] = set()  # paths the watcher reported during a load
        self._watcher = LibraryWatcher(self)
        self._watcher.changed.connect(self._on_files_changed)

    # --- loading -----------------------------------------------------------------------------

    def open(self, roots: Sequence[str]) -> None:
        self.cancel()
        self._watcher.stop()
        self._pending.clear()
        self.roots = list(roots)
        self.catalog.clear()
        self._start(self.roots, full=True)

    def _start(self, roots: Sequence[str], full: bool) -> None:
        """A full pass over the library, or (not ``full``) a look at paths the watcher named:
        those may be gone, and are read without showing progress."""
        loader = LibraryLoader(roots, self.index_path, self, report_missing=full)
        loader.cached.connect(self._on_cached)
        loader.updated.connect(self._on_updated)
        loader.finished.connect(self._on_finished)
        loader.failed.connect(self.failed)
        loader.stories.connect(self._on_stories)
        self._loader = loader
        self._full = full
        if full:
            self.loading.emit(True)
            self.progress.emit(0, 0)
        loader.start()

    def _on_files_changed(self, paths: list[str]) -> None:
        if self.is_loading():
            self._pending.update(paths)
        else:
            self._start(paths, full=False)

    def is_loading(self) -> bool:
        return self._loader is not None and self._loader.is_running()

    def cancel(self) -> None:
        """Stop reading files; what was read so far stays listed."""
        if self._loader is not None:
            self._loader.cancel()
            self._loader.deleteLater()
            self._loader = None
            self._apply_changes()
            self.loading.emit(False)

    def close(self) -> None:
        self._watcher.stop()
        self.cancel()
        if self._index is not None:
            self._index.close()
            self._index = None

    def _mine(self) -> bool:
        return self.sender() is self._loader  # a cancelled loader may still deliver

    def _on_cached(self, entries: list[ArticleMeta | Skipped]) -> None:
        if self._mine():
            self.catalog.apply(entries)
            self._apply_changes()

    def _on_stories(self, story_of: dict[int, int]) -> None:
        # No refresh of its own: the loader sends the stories just before the cached entries
        # and just before it finishes, and either of those refreshes the list.
        if self._mine():
            self.catalog.set_stories(story_of)

    def _on_updated(self, entries: list, removed: list[str], done: int, total: int) -> None:
        if not self._mine():
            return
        self.catalog.apply(entries, removed)
        if self._full:
            self.progress.emit(done, total)
        if not self._refresh.isActive():
            self._refresh.start()

    def _on_finished(self, completed: bool) -> None:
        if not self._mine():
            return
        self._loader.deleteLater()
        self._loader = None
        self.user_state.follow_reparsed([(m.id, m.title, m.path) for m in self.catalog.articles()])
        bookmarked = self.user_state.bookmarked
        # Renamed or moved files keep their bookmark: refresh its path and title snapshot.
        self.user_state.refresh_locations(
            (m.id, m.title, m.path) for m in self.catalog.articles() if m.id in bookmarked
        )
        self._apply_changes()
        if self._full:
            self._watcher.watch(self.roots)
            self.loading.emit(False)
            self.loaded.emit()
        if self._pending:
            paths, self._pending = sorted(self._pending), set()
            self._start(paths, full=False)

    def _apply_changes(self) -> None:
        self._refresh.stop()
        self.catalog.set_missing_bookmarks(self.user_state.bookmarks())
        if self._query:
            self._run_search()  # the index changed under the results
            self.model.spec.hits = self._hits()
        self.model.refresh()
        self.changed.emit()

    # --- search ------------------------------------------------------------------------------

    def search(self, query: str, exact: bool = False) -> SearchResult | None:
        """Show the articles matching ``query`` best first ("" shows the whole library).

        ``exact``: words match only as typed (reader.text.exact)."""
        self._query = query.strip()
        self._exact = exact
        if not self._query:
            self.result = None
            self.model.set_hits(None)
            return None
        self._run_search()
        self.model.set_hits(self._hits(), self.result.terms if self.result else [])
        return self.result

    def _run_search(self) -> None:
        from reader.library.index import Index, IndexError_
        from reader.library.search import search

        if self._index is None:
            self._index = Index(self.index_path)
        try:
            self.result = search(self._index, self._query, self._exact)
        except IndexError_ as err:
            self.result = None
            self.search_refused.emit(str(err))

    def _hits(self) -> Hits:
        from reader.library.index import Hits

        # A query with nothing searchable in it (only punctuation) matches nothing.
        return self.result.hits if self.result is not None else Hits([], ranked=True)
