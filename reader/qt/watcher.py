"""Noticing files added, changed or removed in the open library while the app runs.

watchdog (inotify on Linux) reports every event on its own thread; the paths are gathered and
handed to the GUI thread in one batch once the folder has been quiet for a moment, so that
copying a thousand files re-reads them in a few batches rather than a thousand.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from watchdog.events import FileSystemEvent
    from watchdog.observers import Observer

QUIET_MS = 400  # a burst of events has ended when none came for this long
MAX_WAIT_MS = 1200  # but report at least this often during a long burst


class _Collector:
    """Runs on watchdog's thread: records the paths events touched.

    watchdog only calls ``dispatch`` on a handler; not deriving from its base class keeps
    watchdog out of start-up (it is imported when the first library is watched).
    """

    def __init__(self, notify) -> None:
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._notify = notify

    def dispatch(self, event: FileSystemEvent) -> None:
        from reader.library.entries import is_candidate  # imported by then: no lock taken

        if event.event_type in ("opened", "closed_no_write"):
            return  # reading a file changes nothing
        touched = [event.src_path, getattr(event, "dest_path", "")]
        wanted = [
            os.fsdecode(p)
            for p in touched
            if p and (event.is_directory or is_candidate(os.path.basename(os.fsdecode(p))))
        ]
        if wanted:
            with self._lock:
                self._paths.update(wanted)
            self._notify()

    def take(self) -> list[str]:
        with self._lock:
            paths, self._paths = sorted(self._paths), set()
        return paths


class LibraryWatcher(QObject):
    changed = Signal(list)  # paths (files or folders) to look at again
    ready = Signal()  # watching the folders watch() was given (or given up: inotify's limit)
    _poke = Signal()  # from watchdog's thread to ours

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._collector = _Collector(self._poke.emit)
        self._observer: Observer | None = None
        self._starting: threading.Thread | None = None
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._flush)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_WAIT_MS)
        self._deadline.timeout.connect(self._flush)
        self._poke.connect(self._on_poke)

    def watch(self, roots: Sequence[str]) -> None:
        """Watch these folders (recursively) and files; stops watching the previous ones."""
        self.stop()
        # watchdog's import (~60 ms) and its start, which walks every folder and lists every
        # file (a second at a million), on a thread of their own, not the GUI's: ``ready``
        # says when changes are seen.
        self._starting = threading.Thread(target=self._begin, args=(list(roots),), daemon=True)
        self._starting.start()

    def _begin(self, roots: list[str]) -> None:
        from watchdog.observers import Observer

        observer = Observer()
        for root in roots:
            if os.path.isdir(root):
                observer.schedule(self._collector, root, recursive=True)
            elif os.path.isfile(root):
                observer.schedule(self._collector, os.path.dirname(root), recursive=False)
        observer.daemon = True
        self._observer = observer  # stop() joins this thread before it looks
        # An OSError (the inotify watch limit, say): the library still works, just not live.
        with contextlib.suppress(OSError):
            observer.start()
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.ready.emit()  # queued to the GUI thread

    def stop(self) -> None:
        if self._starting is not None:
            self._starting.join(timeout=2)  # a daemon thread: never holds the app open
            self._starting = None
        if self._observer is not None:
            if self._observer.is_alive():
                self._observer.stop()
                self._observer.join(timeout=2)
            self._observer = None
        self._collector.take()

    def _on_poke(self) -> None:
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def _flush(self) -> None:
        self._quiet.stop()
        self._deadline.stop()
        paths = self._collector.take()
        if paths:
            self.changed.emit(paths)
