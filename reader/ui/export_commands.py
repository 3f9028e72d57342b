"""Commands that take the open article out of the window: printing and PDF export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.qt.actions import ActionId
from reader.text.sanitize import single_line

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ExportCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.actions_[ActionId.PRINT].triggered.connect(self.print_article)
        window.actions_[ActionId.EXPORT_PDF].triggered.connect(self.export_pdf)

    def print_article(self) -> None:
        from reader.ui.printing import print_document

        print_document(self.window.view.document(), self.window)

    def export_pdf(self) -> None:
        from reader.ui.printing import export_pdf

        window = self.window
        if window.current is None:
            return
        suggested = Path.home() / (Path(window.current.path).stem + ".pdf")
        name, _ = QFileDialog.getSaveFileName(
            window, self.tr("Export Article as PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if name:
            try:
                export_pdf(window.view.document(), name)
            except OSError as err:  # SaveError included: the old file, if any, is untouched
                QMessageBox.warning(window, self.tr("Export failed"), single_line(str(err)))
