"""Search snippets for the article list, read off the GUI thread from each file's head.

The list asks for a row's snippet while painting the row. Reading there, even a few
files, stalls scrolling (and a whole 20 MB file froze the list), so the first answer is
None and the file is queued for a worker thread, which reads only its head
(reader.library.reading.read_head): a match further on gives no snippet line, or the
title's. ``ready`` then says the row's snippet is there. The rows painted last are read
first; requests of a previous search are never read, and their results are dropped. At
most QUEUED rows wait: one scrolled past long ago is asked for again when painted again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal, Slot

from reader.library.reading import HEAD_BYTES, read_head
from reader.qt.worker import Job, Ticket, Worker, shared_worker
from reader.text.decoding import DecodeError
from reader.text.query import Term
from reader.text.snippets import Snippet, make_snippet

__all__ = ["QUEUED", "SnippetLoader"]

# About two screens of rows: enough for what is on screen, while scrolling through
# thousands of results never leaves thousands of files to read for rows long gone.
QUEUED = 100


@dataclass(eq=False)
class _SnippetJob(Job):
    ticket: Ticket
    generation: int
    article_id: str
    path: str
    terms: list[Term]  # not modified: a new search gets a new list
    max_bytes: int
    asked: set[str]  # the paths of this search waiting for a snippet
    snippet: Snippet | None = field(default=None)

    def stale(self) -> bool:
        return self.generation != self.ticket.latest

    def run(self) -> None:
        try:
            self.snippet = make_snippet(read_head(self.path, self.max_bytes), self.terms)
        except (OSError, DecodeError):
            self.snippet = None  # the pane says why when the article is opened

    def dropped(self) -> None:
        self.asked.discard(self.path)


def _shared_worker() -> Worker:
    return shared_worker("snippet-reader", limit=QUEUED)


class SnippetLoader(QObject):
    """The snippets of one list's search in force, each read once, off the GUI thread."""

    ready = Signal(str, str)  # article id, path: a snippet was found for it

    def __init__(self, parent: QObject | None = None, max_bytes: int = HEAD_BYTES) -> None:
        super().__init__(parent)
        self._max_bytes = max_bytes
        self._ticket = Ticket()
        self._terms: list[Term] = []
        self._snippets: dict[str, Snippet | None] = {}  # by path
        self._asked: set[str] = set()
        _shared_worker().relay.done.connect(self._on_done)

    def reset(self, terms: list[Term]) -> None:
        """Forget every snippet and request: from now on snippets show matches of ``terms``.

        Also after the files may have changed, with the same terms.
        """
        self._ticket.latest += 1
        self._terms = list(terms)
        self._snippets = {}
        self._asked = set()  # a new set: the old search's jobs only ever touch theirs

    def snippet(self, article_id: str, path: str) -> Snippet | None:
        """The snippet of ``path`` if read; else None, and it is read unless already asked."""
        if path in self._snippets:
            return self._snippets[path]
        if self._terms and path not in self._asked:
            self._asked.add(path)
            job = _SnippetJob(
                self._ticket, self._ticket.latest, article_id, path, self._terms,
                self._max_bytes, self._asked,
            )  # fmt: skip
            _shared_worker().submit(job)
        return None

    def pending(self) -> bool:
        """Whether snippets asked for in this search are still being read."""
        return bool(self._asked)

    @Slot(object)
    def _on_done(self, job: _SnippetJob) -> None:
        if job.ticket is not self._ticket or job.stale():
            return
        self._asked.discard(job.path)
        self._snippets[job.path] = job.snippet
        if job.error is not None:
            raise job.error  # a bug: reported like any exception in a slot
        if job.snippet is not None:
            self.ready.emit(job.article_id, job.path)
