"""Scanning a library on a worker thread, so the window is usable while files are read."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

if TYPE_CHECKING:
    from reader.library import ArticleMeta, ScanResult


class _Worker(QObject):
    batch_ready = Signal(list, int, int)  # articles, files done, files total
    finished = Signal(object)  # ScanResult

    def __init__(self, paths: Sequence[str], index_path: Path, cancel: threading.Event) -> None:
        super().__init__()
        self._paths = list(paths)
        self._index_path = index_path
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        # Parsing modules load here, off the GUI thread's path to its first paint.
        from reader.index import IndexCache
        from reader.library import scan

        # The SQLite connection belongs to this thread: open and close it here.
        cache = IndexCache(self._index_path)
        try:
            result = scan(self._paths, cache, self._emit_batch, self._cancel)
        finally:
            cache.close()
        self.finished.emit(result)

    def _emit_batch(self, articles: list[ArticleMeta], done: int, total: int) -> None:
        self.batch_ready.emit(list(articles), done, total)


class LibraryLoader(QObject):
    """Loads one library; signals arrive in the thread that created the loader."""

    batch_ready = Signal(list, int, int)
    finished = Signal(object)

    def __init__(self, paths: Sequence[str], index_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.paths = list(paths)
        self._cancel = threading.Event()
        self._thread = QThread(self)
        self._worker = _Worker(self.paths, index_path, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.batch_ready.connect(self.batch_ready)
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

    def _on_finished(self, result: ScanResult) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit(result)
