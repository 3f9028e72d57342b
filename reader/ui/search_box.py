"""The search field: filters the list as you type, after a short pause."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

# Long enough to skip the intermediate states of a word being typed, short enough to feel
# instant.
DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    search_requested = Signal(str)  # the query, "" to show everything again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search titles and text (Ctrl+K)"))
        self.setAccessibleName(self.tr("Search"))
        self.setToolTip(
            self.tr(
                "Ignores harakat, hamza forms and ة/ه, ى/ي; finds words with و ف ب ك ل ال "
                'attached. A trailing * searches a prefix; "quotes" a phrase.'
            )
        )
        self.setMinimumWidth(260)
        # Arabic typed here right-aligns and Latin left-aligns, whatever the window's direction.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.search_requested.emit(self.text().strip()))
        self.textChanged.connect(self._timer.start)

    def run_now(self) -> None:
        """Search at once (Enter), without waiting for the pause."""
        self._timer.stop()
        self.search_requested.emit(self.text().strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.run_now()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.run_now()
            return
        super().keyPressEvent(event)
