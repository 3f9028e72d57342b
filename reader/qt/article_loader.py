"""Opening article files without blocking the window: the newest request wins.

A small file (the common case, ~1 ms to parse) is read at once, so the pane never flickers
through a "loading" state; a larger one is read, decoded and parsed on one shared worker
thread while the window stays responsive. Requests superseded in the meantime are skipped
if still waiting and their results dropped if already read, so clicking quickly through
the list always ends with the last clicked article, and at most one long article is being
parsed at any time (memory stays bounded).

The worker thread is reader.qt.worker's (a daemon thread; see there why).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, Slot

from reader.library.reading import Opened, open_excerpt
from reader.qt.worker import Job, Ticket, Worker, shared_worker

__all__ = ["SYNC_BYTES", "ArticleLoader", "Result"]

# Files up to this size are read on the GUI thread: ~15 ms to parse at worst.
SYNC_BYTES = 256 * 1024

Result = Opened | Exception  # OSError / DecodeError (a ValueError) with a reason, or a bug


@dataclass(eq=False)
class _Request(Job):
    ticket: Ticket
    generation: int
    path: str
    result: Opened | None = field(default=None)

    def stale(self) -> bool:
        return self.generation != self.ticket.latest

    def run(self) -> None:
        self.result = open_excerpt(self.path)


def _shared_worker() -> Worker:
    return shared_worker("article-reader")


class ArticleLoader(QObject):
    """Reads article files for one window; only the newest request's callback is called."""

    def __init__(self, parent: QObject | None = None, sync_bytes: int = SYNC_BYTES) -> None:
        super().__init__(parent)
        self.setObjectName("articleLoader")
        self._sync_bytes = sync_bytes
        self._ticket = Ticket()
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
        result: Result | None = request.error if request.error is not None else request.result
        request.result = request.error = None
        assert result is not None
        callback(result)
