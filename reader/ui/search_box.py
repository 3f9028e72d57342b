"""The search field: filters the list as you type, after a short pause; with a toggle for
matching the spelling exactly."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QLineEdit, QWidget

# Long enough to skip the intermediate states of a word being typed, short enough to feel
# instant.
DEBOUNCE_MS = 150
EXACT_SHORTCUT = "Ctrl+Shift+K"  # beside Ctrl+K, which goes to the field


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
                'attached. A trailing * searches a prefix; "quotes" a phrase; "word1 word2"~5 '
                "finds the words at most 5 words apart, in either order.\n"
                "Match spelling exactly (%1): every word as typed, hamza and alef forms, ة, ى, "
                "harakat and tatweel included (و ف ب ك ل ال may still come before it)."
            ).replace("%1", EXACT_SHORTCUT)
        )
        self.setMinimumWidth(260)
        # Arabic typed here right-aligns and Latin left-aligns, whatever the window's direction.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.exact_action = QAction(self.tr("Match Spelling Exactly"), self)
        self.exact_action.setObjectName("exactSpelling")
        self.exact_action.setCheckable(True)
        self.exact_action.setShortcut(QKeySequence(EXACT_SHORTCUT))
        self.exact_action.toggled.connect(self._on_exact_toggled)
        self.addAction(self.exact_action, QLineEdit.ActionPosition.TrailingPosition)
        self._show_exact(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.search_requested.emit(self.text().strip()))
        self.textChanged.connect(self._timer.start)

    def exact(self) -> bool:
        """Do words match only as typed (reader.text.exact)?"""
        return self.exact_action.isChecked()

    def set_exact(self, exact: bool) -> None:
        """Set the toggle without searching again (the remembered setting, at start-up)."""
        self.exact_action.blockSignals(True)
        self.exact_action.setChecked(exact)
        self.exact_action.blockSignals(False)
        self._show_exact(exact)

    def _on_exact_toggled(self, exact: bool) -> None:
        self._show_exact(exact)
        if self.text().strip():
            self.run_now()  # the same words, the other rule

    def _show_exact(self, exact: bool) -> None:
        # A line edit's action button paints no checked state: the icon shows it.
        self.exact_action.setIcon(_spelling_icon(self.palette(), exact))
        state = self.tr("on") if exact else self.tr("off")
        self.exact_action.setToolTip(
            self.tr("Match spelling exactly: %1 (%2)")
            .replace("%1", state)
            .replace("%2", EXACT_SHORTCUT)
        )

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


def _spelling_icon(palette: QPalette, on: bool) -> QIcon:
    """ "إأ" in a box: filled when on, outlined when off. Two hamza forms, because telling them
    apart is what the toggle does; bold and large, because an alef alone is a thin stroke."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(1.5, 1.5, size - 3, size - 3)
    if on:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
    else:
        pen = QPen(palette.color(QPalette.ColorRole.PlaceholderText))
        pen.setWidthF(2)
        painter.setPen(pen)
        painter.drawRoundedRect(box, 6, 6)
    font = painter.font()
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "إأ")
    painter.end()
    return QIcon(pixmap)
