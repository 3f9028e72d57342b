"""Reading files off the GUI thread: one daemon thread per kind of work, newest job first.

A job is run on the worker's thread and, unless it has gone stale meanwhile, handed back
on the GUI thread through the worker's relay signal (a queued connection: the relay lives
in the GUI thread). Stale jobs still waiting are never run, so a burst of requests of
which only the last one matters costs one read, not a queue of them.

Threads are daemon Python threads rather than QThreads: one may be mid-parse when a window
(and whatever asked) is destroyed or the application quits, which a QThread object does
not survive.
"""

from __future__ import annotations

import collections
import threading

from PySide6.QtCore import QObject, Signal

__all__ = ["Job", "Ticket", "Worker", "shared_worker"]


class Ticket:
    """A requester's counter of requests; plain Python, so the worker may read it."""

    __slots__ = ("latest",)

    def __init__(self) -> None:
        self.latest = 0


class Job:
    """One piece of work. ``run`` stores its own result; an exception it raises is kept in
    ``error`` (without its traceback) for the GUI thread to report."""

    error: Exception | None = None

    def stale(self) -> bool:
        """Whether the result is no longer wanted (read on both threads)."""
        return False

    def run(self) -> None:
        raise NotImplementedError

    def dropped(self) -> None:
        """Called on the GUI thread when the queue was full and this job left it unrun."""


class _Relay(QObject):
    """Lives in the GUI thread; its signal carries finished jobs there (queued)."""

    done = Signal(object)


class Worker:
    """A queue of jobs and the thread running them, started on first use.

    Create it on the GUI thread (its relay lives there). With ``limit``, only that many
    jobs wait: the oldest are dropped (``Job.dropped``) for newer ones.
    """

    def __init__(self, name: str, limit: int | None = None) -> None:
        self.relay = _Relay()
        self._name = name
        self._limit = limit
        self._wake = threading.Condition()
        self._queue: collections.deque[Job] = collections.deque()
        self._thread: threading.Thread | None = None

    def submit(self, job: Job) -> None:
        """Queue ``job`` ahead of those waiting; those gone stale leave the queue."""
        with self._wake:
            self._queue = collections.deque(j for j in self._queue if not j.stale())
            self._queue.append(job)
            dropped = []
            while self._limit is not None and len(self._queue) > self._limit:
                dropped.append(self._queue.popleft())
            self._wake.notify()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
        for old in dropped:
            old.dropped()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._queue:
                    self._wake.wait()
                job = self._queue.pop()  # the newest: what the user looks at now
            if job.stale():
                continue
            try:
                job.run()
            except Exception as err:  # reported on the GUI thread, never kills the thread
                # A traceback would keep the frames, and so a whole text, alive.
                job.error = err.with_traceback(None)
            if not job.stale():
                try:
                    self.relay.done.emit(job)
                except RuntimeError:
                    return  # the application is gone
            del job


_shared: dict[str, Worker] = {}


def shared_worker(name: str, limit: int | None = None) -> Worker:
    """The process's one worker of this name, made on first use: on the GUI thread, where
    its relay then lives. Every window's requests of one kind share its thread."""
    if name not in _shared:
        _shared[name] = Worker(name, limit)
    return _shared[name]
