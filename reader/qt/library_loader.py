"""Scanning and indexing a library on a worker thread: the window stays usable meanwhile."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Worker(QObject):
    cached = Signal()  # the index as last written can be listed
    updated = Signal(list, list, int, int)  # entries read, paths gone, files done, files to read
    finished = Signal(bool)  # completed (False: cancelled or failed)
    failed = Signal(str)  # why the index could not be brought up to date

    def __init__(self, roots: Sequence[str], index_path: Path, cancel: threading.Event) -> None:
        super().__init__()
        self._roots = list(roots)
        self._index_path = index_path
        self._cancel = cancel
        self.report_missing = True

    @Slot()
    def run(self) -> None:
        # Parsing modules load here, off the GUI thread's path to its first paint.
        from reader.library.index import Index

        done = False
        try:
            try:
                done = self._sync()
            except sqlite3.DatabaseError:
                # The index is a cache: one damaged past what opening it noticed is thrown
                # away and built again from the files, rather than leaving the list empty.
                damaged = Index(self._index_path)
                damaged.rebuild()
                damaged.close()
                done = self._sync()
        except Exception as err:
            self.failed.emit(f"{type(err).__name__}: {err}")
        self.finished.emit(done)

    def _sync(self) -> bool:
        from reader.library.index import Index
        from reader.library.sync import sync

        # The SQLite connection belongs to this thread: open and close it here.
        index = Index(self._index_path)
        try:
            if index.needs_rebuild():
                index.rebuild()
            done = sync(
                self._roots,
                index,
                on_cached=self.cached.emit,
                on_update=self.updated.emit,
                cancel=self._cancel,
                report_missing=self.report_missing,
            )
            return done
        finally:
            index.close()


class LibraryLoader(QObject):
    """Brings one library's index up to date; signals arrive in the creating thread.

    ``cached`` comes first (the library as last indexed, for an instant list), then
    ``updated`` batches as changed files are read, then ``finished``.
    """

    cached = Signal()
    updated = Signal(list, list, int, int)
    finished = Signal(bool)
    failed = Signal(str)

    def __init__(
        self,
        roots: Sequence[str],
        index_path: Path,
        parent: QObject | None = None,
        report_missing: bool = True,
    ) -> None:
        super().__init__(parent)
        self.roots = list(roots)
        self._cancel = threading.Event()
        self._thread = QThread(self)
        self._worker = _Worker(self.roots, index_path, self._cancel)
        self._worker.report_missing = report_missing
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.cached.connect(self.cached)
        self._worker.updated.connect(self.updated)
        self._worker.failed.connect(self.failed)
        self._worker.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Stop reading files and wait for the worker to wind down."""
        self._cancel.set()
        self._thread.quit()
        self._thread.wait()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def _on_finished(self, completed: bool) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit(completed)
