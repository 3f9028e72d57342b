"""Child process for the window benchmark: time what a reader does in the list of a big
library, each step until the list has painted again, and print one line per step.

``python -m benchmarks.window_ops DATA LIBRARY QUERY RUNS``: Qari's window (offscreen,
1280x800) on LIBRARY, whose index is already in the data folder DATA, once it has read the
library. Each step is done RUNS times, alternating with its inverse where it has one (sort
one way, then the other; a filter on, then off). Lines are ``step ms ms ms...``.

The floor beside them: ``repaint``, the list painted again with nothing changed. A step is
instant when its p95 is at most 100 ms, the limit under which a response feels immediate
(Card, Moran and Newell; Nielsen's 0.1 s).
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(data: str, library: str, query: str, runs: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from reader.app import create_application, create_main_window
    from reader.qt import paths

    paths.set_data_dir(data)
    create_application(sys.argv[:1])  # kept by Qt as QApplication.instance()
    window = create_main_window([library])
    window.resize(1280, 800)
    loop = QEventLoop()
    window.library_loaded.connect(loop.quit)
    start = time.perf_counter()
    QTimer.singleShot(600_000, loop.quit)
    window.show()
    loop.exec()
    print(f"loaded {(time.perf_counter() - start) * 1000:.1f}", flush=True)
    orders_asked_ahead(window)
    print(f"ahead {(time.perf_counter() - start) * 1000:.1f}", flush=True)
    run_steps(window, query, runs, print)
    window.close()


def orders_asked_ahead(window) -> None:
    """Until the sorts asked ahead (reader.qt.orders_ahead) have come back: a reader looks
    at the list a moment before clicking a header, and they come back meanwhile."""
    from PySide6.QtCore import QEventLoop

    while window.session.ahead.latest is not None:
        QEventLoop().processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def run_steps(window, query: str, runs: int, report) -> None:
    """Each step RUNS times on the window's whole library; ``report(name, *times)``."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reader.qt.columns import Column

    assert window.model.rowCount() > 0
    table, bar = window.list, window.filters

    def painted(step) -> float:
        begin = time.perf_counter()
        step()
        # The paint the step asked for, and any other event it posted: the rows on screen
        # fetched and drawn, once (an event filter counted one paint of the list per step,
        # for each kind of step here).
        QApplication.processEvents()
        return (time.perf_counter() - begin) * 1000

    def sort(column: Column, order: Qt.SortOrder):
        return lambda: table.sortByColumn(column, order)

    up, down = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    steps = {
        "repaint": [table.viewport().update],
        "sort by date, oldest / newest first": [sort(Column.DATE, up), sort(Column.DATE, down)],
        "sort by title, A-Z / Z-A": [sort(Column.TITLE, up), sort(Column.TITLE, down)],
        "sort by source, A-Z / Z-A": [sort(Column.SOURCE, up), sort(Column.SOURCE, down)],
        "one publication / all": [lambda: bar.publication.setCurrentIndex(1),
                                  lambda: bar.publication.setCurrentIndex(0)],
        "one agency / all": [lambda: bar.agency.setCurrentIndex(1),
                             lambda: bar.agency.setCurrentIndex(0)],
        "scroll to the end / the top": [table.scrollToBottom, table.scrollToTop],
        "page down": [lambda: table.verticalScrollBar().triggerAction(
            table.verticalScrollBar().SliderAction.SliderPageStepAdd)],
        "search a common word / clear it": [lambda: window.search(query),
                                            lambda: window.search("")],
    }  # fmt: skip
    table.sortByColumn(Column.DATE, down)
    for name, actions in steps.items():
        times = [painted(actions[n % len(actions)]) for n in range(runs * len(actions))]
        report(name, *(f"{t:.1f}" for t in times))
    table.sortByColumn(Column.DATE, down)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
