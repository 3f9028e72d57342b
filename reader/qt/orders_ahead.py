"""The list's sorts asked of the index ahead of their first use, on a thread.

The orders in memory (reader.library.orders) hold the newest-first order from the start; a
sort by title or source is asked when first chosen. At a million articles that first ask
walks an index on the GUI thread, ~170 ms when its pages are in memory and seconds when
they are not, and the click waits for it. Asked here, on the worker's thread and its own
read-only connection, while the reader reads (SQLite lets the GIL go while it walks), the
first click costs about what the later ones do. The catalog keeps what comes back only if
the index has not changed meanwhile; after a change (files read, the watcher's) it is asked
again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from reader.qt.worker import Job, Worker, shared_worker

if TYPE_CHECKING:
    from array import array

    from reader.library.catalog import Catalog

# Below this many articles a first sort takes a few milliseconds: not worth a thread.
AHEAD_PAST = 50_000


@dataclass(eq=False)
class _Ask(Job):
    owner: OrdersAhead
    catalog: Catalog
    token: object
    path: Path
    wanted: list[str]
    found: dict[str, array] = field(default_factory=dict)

    def stale(self) -> bool:
        return self.owner.latest is not self

    def run(self) -> None:
        from reader.library.orders import ask_orders

        self.found = ask_orders(self.path, self.wanted)


def _shared_worker() -> Worker:
    return shared_worker("orders-ahead")


class OrdersAhead(QObject):
    """Asks a catalog's later sorts ahead for one session; the newest request wins."""

    asked = Signal(int)  # an ask came back: how many orders the catalog kept

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest: _Ask | None = None  # read on the worker's thread too
        _shared_worker().relay.done.connect(self._on_done)

    def ask(self, catalog: Catalog | None, path: Path | None) -> bool:
        """Ask the sorts ``catalog`` lacks of the index file at ``path``; False when there
        is nothing to ask (a small library, no file yet, every sort held)."""
        self.latest = None
        if catalog is None or path is None or not path.is_file() or len(catalog) < AHEAD_PAST:
            return False
        wanted = catalog.orders_to_ask()
        if wanted is None:
            return False
        self.latest = _Ask(self, catalog, wanted[0], path, wanted[1])
        _shared_worker().submit(self.latest)
        return True

    def cancel(self) -> None:
        self.latest = None

    @Slot(object)
    def _on_done(self, job: Job) -> None:
        if job is not self.latest or not isinstance(job, _Ask):
            return  # another session's, or superseded
        self.latest = None
        # A failed ask (the file replaced, locked) loses only the head start: the sort is
        # asked when first chosen, as it would have been.
        kept = 0 if job.error is not None else job.catalog.adopt_orders(job.token, job.found)
        job.found = {}
        self.asked.emit(kept)
