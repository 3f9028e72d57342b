"""Lists the files a library scan could not use, with the reason for each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library.entries import Skipped
from reader.text.sanitize import path_line
from reader.ui.reasons import describe_reason


class SkippedDialog(QDialog):
    def __init__(self, skipped: Sequence[Skipped], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skipped Files"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        if skipped:
            text = self.tr("Files that could not be read as articles: %1").replace(
                "%1", str(len(skipped))
            )
        else:
            text = self.tr("Every file in the library was read.")
        layout.addWidget(QLabel(text))
        self.table = QTableWidget(len(skipped), 2)
        self.table.setAccessibleName(self.tr("Skipped files"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        for row, item in enumerate(skipped):
            # File names are untrusted too: no control or bidi characters reach the screen.
            path = QTableWidgetItem(path_line(item.path))
            path.setToolTip(path_line(item.path))
            self.table.setItem(row, 0, path)
            self.table.setItem(row, 1, QTableWidgetItem(describe_reason(item.reason)))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
