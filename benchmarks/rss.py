"""Child process for the memory benchmark: print resident memory, then exit.

``python -m benchmarks.rss bare``: a bare QMainWindow with a QTextBrowser, shown (offscreen).
``python -m benchmarks.rss window DATA LIBRARY QUERY``: Qari's window on LIBRARY, whose index
is already in the data folder DATA, once it has read the library, with QUERY searched and
its results on screen.

Prints ``rss KB`` and ``peak KB`` lines (VmRSS and VmHWM).
"""

from __future__ import annotations

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _status(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])  # kB
    raise LookupError(field)


def bare() -> list:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTextBrowser())
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return [app, window]


def window(data: str, library: str, query: str) -> list:
    from PySide6.QtCore import QEventLoop, QTimer

    from benchmarks.window_ops import orders_asked_ahead
    from reader.app import create_application, create_main_window
    from reader.qt import paths

    paths.set_data_dir(data)
    app = create_application(sys.argv[:1])
    shown = create_main_window([library])
    shown.resize(1280, 800)
    loop = QEventLoop()
    shown.library_loaded.connect(loop.quit)
    QTimer.singleShot(600_000, loop.quit)
    shown.show()
    loop.exec()
    assert shown.model.rowCount() > 0
    orders_asked_ahead(shown)  # held from then on
    shown.search(query)
    app.processEvents()
    assert shown.model.rowCount() > 0
    shown.list.viewport().repaint()
    return [app, shown]


if __name__ == "__main__":
    held = window(*sys.argv[2:5]) if sys.argv[1] == "window" else bare()
    gc.collect()
    print(f"rss {_status('VmRSS')}")
    print(f"peak {_status('VmHWM')}")
