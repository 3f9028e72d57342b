"""Opening article files without blocking the window: the newest request wins.

A small file (the common case, ~1 ms to parse) is read at once, so the pane never flickers
through a "loading" state; a larger one is read, decoded and parsed on one shared worker
thread while the window stays responsive. Requests superseded in the meantime are skipped
if still waiting and their results dropped if already read, so clicking quickly through
the list always ends with the last clicked article, and at most one long article is being
parsed at any time (memory stays bounded).

The worker is a daemon Python thread rather than a QThread: it may be mid-parse when a
window (and this loader) is destroyed or the application quits, which a QThread object
does not survive.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, Signal, Slot

from reader.library.reading import Opened, open_excerpt

__all__ = ["SYNC_BYTES", "ArticleLoader", "Result"]

# Files up to this size are read on the GUI thread: ~15 ms to parse at worst.
SYNC_BYTES = 256 * 1024

Result = Opened | Exception  # OSError / DecodeError (a ValueError) with a reason, or a bug


class _Ticket:
    """One loader's request counter; plain Python, so the worker may read it."""

    __slots__ = ("latest",)

    def __init__(self) -> None:
        self.latest = 0


@dataclass(eq=False)
class _Request:
    ticket: _Ticket
    generation: int
    path: str
    result: Result | None = field(default=None)

    def stale(self) -> bool:
        return self.generation != self.ticket.latest


class _Relay(QObject):
    """Lives in the GUI thread; its signal carries finished requests there (queued)."""

    done = Signal(object)


class _Worker:
    def __init__(self) -> None:
        self.relay = _Relay()
        self._wake = threading.Condition()
        self._queue: collections.deque[_Request] = collections.deque()
        self._thread: threading.Thread | None = None

    def submit(self, request: _Request) -> None:
        with self._wake:
            # The same loader's older requests are superseded: never read them.
            kept = [r for r in self._queue if r.ticket is not request.ticket]
            self._queue = collections.deque([*kept, request])
            self._wake.notify()
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="article-reader", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._queue:
                    self._wake.wait()
                request = self._queue.popleft()
            if request.stale():
                continue
            try:
                request.result = open_excerpt(request.path)
            except Exception as err:  # reported in the pane, never kills the thread
                # A traceback would keep the frames, and so the whole text, alive.
                request.result = err.with_traceback(None)
            if not request.stale():
                try:
                    self.relay.done.emit(request)
                except RuntimeError:
                    return  # the application is gone
            del request


_worker: _Worker | None = None


def _shared_worker() -> _Worker:
    global _worker
    if _worker is None:
        _worker = _Worker()  # first use is on the GUI thread: the relay lives there
    return _worker


class ArticleLoader(QObject):
    """Reads article files for one window; only the newest request's callback is called."""

    def __init__(self, parent: QObject | None = None, sync_bytes: int = SYNC_BYTES) -> None:
        super().__init__(parent)
        self.setObjectName("articleLoader")
        self._sync_bytes = sync_bytes
        self._ticket = _Ticket()
        self._callback: Callable[[Result], None] | None = None
        _shared_worker().relay.done.connect(self._on_done)

    @classmethod
    def of(cls, owner: QObject) -> ArticleLoader:
        """The loader belonging to ``owner``, created on first use."""
        found = owner.findChild(QObject, "articleLoader", Qt.FindChildOption.FindDirectChildrenOnly)
        return found if isinstance(found, cls) else cls(owner)

    def load(self, path: str, callback: Callable[[Result], None]) -> bool:
        """Read ``path``; ``callback(result)`` on the GUI thread unless superseded first.

        Returns True if the callback has already been called (a small file, or one that
        could not be opened), False if the file is being read on the worker thread.
        """
        self.cancel()
        try:
            opened = open_excerpt(path, max_bytes=self._sync_bytes)
        except (OSError, ValueError) as err:
            callback(err)
            return True
        if opened is not None:
            callback(opened)
            return True
        self._callback = callback
        _shared_worker().submit(_Request(self._ticket, self._ticket.latest, path))
        return False

    def cancel(self) -> None:
        """Forget any request still being read: its callback will not be called."""
        self._ticket.latest += 1
        self._callback = None

    def is_loading(self) -> bool:
        return self._callback is not None

    @Slot(object)
    def _on_done(self, request: _Request) -> None:
        if request.ticket is not self._ticket or request.stale() or self._callback is None:
            return
        callback, self._callback = self._callback, None
        result = request.result
        request.result = None
        assert result is not None
        callback(result)
