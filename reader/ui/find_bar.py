"""Find in the article (Ctrl+F): a bar under the reading pane, with the search's own rules."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    query_changed = Signal(str)
    step = Signal(int)  # +1 next match, -1 previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in this article"))
        self.field.setAccessibleName(self.tr("Find in this article"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda text: self.query_changed.emit(text.strip()))
        self.count = QLabel()
        self.count.setObjectName("findCount")
        previous = QToolButton()
        previous.setText("▲")
        previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        previous.setAccessibleName(self.tr("Previous match"))
        previous.clicked.connect(lambda: self.step.emit(-1))
        following = QToolButton()
        following.setText("▼")
        following.setToolTip(self.tr("Next match (F3)"))
        following.setAccessibleName(self.tr("Next match"))
        following.clicked.connect(lambda: self.step.emit(1))
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close the find bar"))
        close.clicked.connect(self.close_bar)
        for widget in (self.field, self.count, previous, following, close):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        if not self.field.text().strip():
            self.count.clear()
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        else:
            position = current + 1 if current >= 0 else 0
            self.count.setText(
                self.tr("%1 of %2").replace("%1", str(position)).replace("%2", str(total))
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step.emit(-1 if shift else 1)
            return
        super().keyPressEvent(event)
