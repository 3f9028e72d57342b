"""Child process for the start-up benchmark: show a window, print when it first paints, exit.

``python -m benchmarks.first_paint baseline``: a bare QMainWindow holding a QTextBrowser.
``python -m benchmarks.first_paint floor``: what any window of Qari's shape costs before a
line of Qari runs: the bundled fonts registered, PySide's Qt namespace touched (its enums
are made at first use, and every widget of ours uses them) and a list beside the pane.
``python -m benchmarks.first_paint qari DATA_DIR``: Qari started as `qari --data-dir DATA_DIR`
starts, on the bundled library; it reports the first paint, then the first paint showing the
opened article.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer


class PaintWatch(QObject):
    def __init__(self, done) -> None:
        super().__init__()
        self._done = done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._done)
        return False


def _report(label: str) -> None:
    print(f"{label} {time.perf_counter():.6f}", flush=True)


def baseline() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    browser = QTextBrowser()
    window.setCentralWidget(browser)
    _until_painted(app, window, browser)


def _until_painted(app, window, browser) -> None:
    """Show the window; report its first paint (the article too: there is none) and quit."""
    window.resize(1200, 800)
    watch = PaintWatch(lambda: (_report("painted"), _report("article"), app.quit()))
    browser.viewport().installEventFilter(watch)
    window.show()
    app.exec()


def floor() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView

    from reader.qt.fonts import register_bundled_fonts

    app = QApplication(sys.argv[:1])
    register_bundled_fonts()
    window = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    browser = QTextBrowser()
    for widget in (QTreeView(), browser):
        splitter.addWidget(widget)
    window.setCentralWidget(splitter)
    _until_painted(app, window, browser)


def qari(data_dir: str) -> None:
    """As `qari --data-dir DATA_DIR` starts: the command line parsed, the one-window check,
    the interface language, then the window (watched as it is made)."""
    from reader import app

    make = app.create_main_window

    def watched(library_args):
        window = make(library_args)
        state = {"painted": False}

        def on_paint() -> None:
            if not state["painted"]:
                state["painted"] = True
                _report("painted")
            if window.view.article() is not None:
                _report("article")
                window.close()

        watch = PaintWatch(on_paint)
        watch.setParent(window)  # kept as long as the window
        window.view.viewport().installEventFilter(watch)
        return window

    app.create_main_window = watched
    sys.exit(app.main(["qari", "--data-dir", data_dir]))


if __name__ == "__main__":
    if sys.argv[1] == "baseline":
        baseline()
    elif sys.argv[1] == "floor":
        floor()
    else:
        qari(sys.argv[2])
