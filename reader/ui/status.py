"""The status bar's permanent part: reading progress (cancellable), skipped files, counts."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from reader.text.metaline import localize_digits

# A read over sooner than this never shows its progress bar and Stop button: a bar that
# flashes for a moment tells nothing (and QProgressBar repaints at once at each value it
# shows). The status message says the library is being read at once.
PROGRESS_AFTER_MS = 500


class LibraryStatus(QObject):
    cancel_requested = Signal()
    skipped_requested = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.arabic_digits = False
        self.progress = QProgressBar()
        self.progress.setObjectName("loadProgress")
        self.progress.setMaximumWidth(240)
        self.progress.setAccessibleName(self.tr("Reading the library"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setObjectName("cancelLoading")
        self.cancel_button.setToolTip(self.tr("Stop reading files; what was read stays listed"))
        self.cancel_button.setFlat(True)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.skipped_button = QPushButton()
        self.skipped_button.setObjectName("skippedButton")
        self.skipped_button.setFlat(True)
        self.skipped_button.setToolTip(self.tr("Show the files that could not be read"))
        self.skipped_button.hide()
        self.skipped_button.clicked.connect(self.skipped_requested)
        self.count_label = QLabel()
        self.count_label.setObjectName("articleCount")
        for widget in (self.progress, self.cancel_button, self.skipped_button, self.count_label):
            bar.addPermanentWidget(widget)
        self._show_later = QTimer(self)
        self._show_later.setSingleShot(True)
        self._show_later.setInterval(PROGRESS_AFTER_MS)
        self._show_later.timeout.connect(self._show_reading)

    def _show_reading(self) -> None:
        self.progress.show()
        self.cancel_button.show()

    def set_loading(self, on: bool) -> None:
        if on:
            self._show_later.start()
        else:
            self._show_later.stop()
            self.progress.hide()
            self.cancel_button.hide()
        reading = self.tr("Reading the library…")
        if on:
            self.bar.showMessage(reading)
        elif self.bar.currentMessage() == reading:  # leave an error message standing
            self.bar.clearMessage()

    def show_progress(self, done: int, total: int) -> None:
        if total == 0:
            self.progress.setRange(0, 0)  # still looking for files
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("%1 of %2 files").replace("%1", str(done)).replace("%2", str(total))
        )

    def show_counts(self, shown: int, total: int, rows: int) -> None:
        """Articles shown of the library's, and in how many rows when stories group them."""
        if shown == total:
            text = self.tr("Articles: %1").replace("%1", str(total))
        else:
            text = self.tr("Articles: %1 of %2").replace("%1", str(shown)).replace("%2", str(total))
        if rows < shown:
            text += " · " + self.tr("%n story(ies)", "", rows)
        self.count_label.setText(localize_digits(text, self.arabic_digits))

    def show_skipped(self, count: int) -> None:
        self.skipped_button.setText(self.tr("Skipped: %1").replace("%1", str(count)))
        self.skipped_button.setVisible(count > 0)
