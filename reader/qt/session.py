"""The open library: its index, catalog and list model, kept up to date by the loader, and
searched.

A QObject without widgets: the main window shows what it holds. The index is opened here,
on the GUI thread, for the list's queries and searches; the loader's worker thread writes to
the same file through its own connection (SQLite's WAL: readers see each committed batch).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.qt import paths
from reader.qt.library_loader import LibraryLoader
from reader.qt.models import ArticleListModel
from reader.qt.orders_ahead import OrdersAhead
from reader.qt.watcher import LibraryWatcher

if TYPE_CHECKING:
    from reader.library.catalog import Catalog
    from reader.library.entries import Skipped
    from reader.library.index import Hits, Index
    from reader.library.search import SearchResult
    from reader.qt.user_state import UserState

# While files are being read, the list is recomputed at most this often, or, for a big
# library, at most a tenth of the time: each recompute asks SQLite for the whole view, and
# the user is scrolling it meanwhile.
REFRESH_MS = 400


def _identity(path: Path | None) -> tuple[int, int] | None:
    try:
        info = os.stat(path) if path is not None else None
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if info is not None else None


class LibrarySession(QObject):
    progress = Signal(int, int)  # files read, files to read (0, 0: looking for files)
    loading = Signal(bool)
    loaded = Signal()  # a full pass over the library's files finished
    watching = Signal()  # after loaded: the watcher started (or gave up: inotify's limit)
    changed = Signal()  # the catalog changed: counts, agencies
    failed = Signal(str)  # reading the library stopped on an error (the list keeps what it has)
    search_refused = Signal(str)  # why a search could not be run (too broad, say)

    def __init__(self, user_state: UserState, parent: QObject | None = None):
        super().__init__(parent)
        self.user_state = user_state
        self.index_path: Path | None = None  # the open library's (paths.index_path)
        self._index: Index | None = None
        self.catalog: Catalog | None = None  # until a library is opened
        self.model = ArticleListModel(user_state, self)
        self.roots: list[str] = []
        self.result: SearchResult | None = None
        self._query = ""
        self._exact = False
        self._loader: LibraryLoader | None = None
        # Every file of the library is listed: from the index kept (at open), or once a read
        # from the start ended. Until then the list holds the files read first.
        self.read_in_full = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._apply_changes)
        self._full = True  # the loader running reads the whole library (not watcher paths)
        self._pending: set[str] = set()  # paths the watcher reported during a load
        self.problems: dict[str, Skipped] = {}  # folders that could not be read, by path
        self._last_refresh_ms = 0
        self._index_file: tuple[int, int] | None = None
        # The model lists the index as it is: the loader has reported no change since.
        self._as_listed = False
        self._watcher = LibraryWatcher(self)
        self._watcher.changed.connect(self._on_files_changed)
        self._watcher.ready.connect(self.watching)
        self.ahead = OrdersAhead(self)  # the first sort by title or source, asked meanwhile

    # --- loading -----------------------------------------------------------------------------

    def open(self, roots: Sequence[str]) -> None:
        self.cancel()
        self._watcher.stop()
        self._pending.clear()
        self.problems.clear()
        self.roots = list(roots)
        self._close_index()
        self.index_path = paths.index_path(self.roots)
        self._attach()
        self.read_in_full = self._index_file is not None
        self._start(self.roots, full=True)  # before the facets below: a million's take ~0.5 s
        if self._index_file is not None:
            # Listed from the index kept: the window opens its article now, not once the
            # loader's thread has loaded its modules (~70 ms) and said so (_on_cached).
            self.changed.emit()

    def _attach(self) -> None:
        """List the library from its index file as it is now."""
        from reader.library.index import Index

        self._index_file = _identity(self.index_path)
        try:
            self._index = Index(self.index_path, writer=False)  # the loader's to write
            self._listed()
        except (OSError, sqlite3.Error):
            # Not made yet (a first opening), not readable (a folder in its way), or damaged
            # past its opening: listed empty meanwhile. The loader makes or rebuilds the file
            # and it is attached at the next change (_apply_changes; not by its inode, which
            # the rebuilt file may reuse), or the loader, failing too, says why.
            self._list_empty()

    def _list_empty(self) -> None:
        from reader.library.index import Index

        self._close_index()
        self._index = Index(":memory:")
        self._index_file = None
        self._listed()

    def _listed(self) -> None:
        from reader.library.catalog import Catalog  # the window paints before it loads

        self.catalog = Catalog(self._index)
        self.catalog.set_missing_bookmarks(self.user_state.bookmarks())
        self.model.set_catalog(self.catalog)
        self._as_listed = True

    def _start(self, roots: Sequence[str], full: bool) -> None:
        """A full pass over the library, or (not ``full``) a look at paths the watcher named:
        those may be gone, and are read without showing progress."""
        loader = LibraryLoader(roots, self.index_path, self, report_missing=full)
        loader.cached.connect(self._on_cached)
        loader.updated.connect(self._on_updated)
        loader.finished.connect(self._on_finished)
        loader.failed.connect(self.failed)
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
            self.read_in_full = True  # as far as the reader let it go
            self._apply_changes()
            self.loading.emit(False)

    def close(self) -> None:
        self._watcher.stop()
        self.cancel()
        self._close_index()

    def _close_index(self) -> None:
        self.ahead.cancel()
        if self._index is not None:
            self.model.set_catalog(None)
            self.catalog = None
            self._index.close()
            self._index = None

    def _mine(self) -> bool:
        return self.sender() is self._loader  # a cancelled loader may still deliver

    def _on_cached(self) -> None:
        if self._mine():
            self._apply_changes()
            self.ahead.ask(self.catalog, self.index_path)  # listed from an index kept before

    def _on_updated(self, entries: list, removed: list[str], done: int, total: int) -> None:
        from reader.library.entries import Skipped

        if not self._mine():
            return
        if not done:  # the folders that could not be read come before any file
            self.problems.update((e.path, e) for e in entries if isinstance(e, Skipped))
        if removed or (done and entries):
            self._as_listed = False
        if self._full:
            self.progress.emit(done, total)
        if not self._refresh.isActive():
            # At most a tenth of the time goes to listing what arrived so far.
            self._refresh.start(max(REFRESH_MS, 10 * self._last_refresh_ms))

    def _on_finished(self, completed: bool) -> None:
        if not self._mine():
            return
        self._loader.deleteLater()
        self._loader = None
        if self._full:
            self.read_in_full = True
        self._apply_changes()
        self._follow_user_data()
        self.ahead.ask(self.catalog, self.index_path)
        if self._full:
            self._watcher.watch(self.roots)
            self.loading.emit(False)
            self.loaded.emit()
        if self._pending:
            paths_, self._pending = sorted(self._pending), set()
            self._start(paths_, full=False)

    def _follow_user_data(self) -> None:
        """Renamed or moved files keep their bookmarks and marks; data kept under an id a
        better parser changed follows its article (UserState.follow_reparsed)."""
        ids, at = self.user_state.annotated()
        seen = self.catalog.seen(ids, at)
        self.user_state.follow_reparsed(seen)
        bookmarked = self.user_state.bookmarked
        self.user_state.refresh_locations(s for s in seen if s[0] in bookmarked)

    def _apply_changes(self) -> None:
        import time

        self._refresh.stop()
        start = time.perf_counter()
        if self._index is not None and _identity(self.index_path) != self._index_file:
            # The loader threw a damaged or outgrown index away and made a new file: this
            # connection still reads the old one.
            self._close_index()
            self._attach()
            if self.is_loading():
                self.read_in_full = False  # a new file, being filled from the start
        elif self._as_listed:
            # Nothing changed since the list was made: made again, it would lose the reader's
            # place in it (an unchanged million's files are all looked at ~20 s after opening).
            self.changed.emit()
            return
        try:
            if self.catalog is not None:
                self.catalog.changed()
                self.catalog.set_missing_bookmarks(self.user_state.bookmarks())
            if self._query:
                self._run_search()  # the index changed under the results
                self.model.spec.hits = self._hits()
            self.model.refresh(keep_place=True)
            self._as_listed = True
        except sqlite3.DatabaseError:
            # Damage the loader has not met yet: listed empty until it rebuilds the file.
            self._list_empty()
        self.changed.emit()
        self._last_refresh_ms = int((time.perf_counter() - start) * 1000)

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
        from reader.library.index import IndexError_
        from reader.library.search import search

        if self._index is None:
            return
        try:
            self.result = search(self._index, self._query, self._exact)
        except IndexError_ as err:
            self.result = None
            self.search_refused.emit(str(err))

    def _hits(self) -> Hits:
        from reader.library.index import Hits

        # A query with nothing searchable in it (only punctuation) matches nothing.
        return self.result.hits if self.result is not None else Hits([], ranked=True)
