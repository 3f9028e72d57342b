"""Commands that take things out of the window, and bring them in: printing and PDF export
of the open article; every annotation exported as JSON, Markdown or CSV, and imported; the
list's articles as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

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
        window.actions_[ActionId.EXPORT_NOTES].triggered.connect(self.export_notes)
        window.actions_[ActionId.EXPORT_RESULTS].triggered.connect(self.export_results)
        window.actions_[ActionId.IMPORT_NOTES].triggered.connect(self.import_notes)

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

    def export_notes(self) -> None:
        from reader.userdata.exports import export_notes
        from reader.userdata.formats import notes_format
        from reader.userdata.savefile import write_atomically

        window = self.window
        filters = {
            self.tr("JSON files (*.json)"): ".json",
            self.tr("Markdown files (*.md)"): ".md",
            self.tr("CSV files, for a spreadsheet (*.csv)"): ".csv",
        }
        name, chosen = QFileDialog.getSaveFileName(
            window, self.tr("Export Notes"), str(Path.home() / "qari-notes.md"),
            ";;".join(filters),
        )  # fmt: skip
        if not name:
            return
        if notes_format(name) is None:  # no extension typed: the chosen filter's
            name += filters.get(chosen, ".json")
        try:
            text = export_notes(window.user_state.store, notes_format(name))
            write_atomically(name, text.encode("utf-8"))
        except OSError as err:  # SaveError included: an older file stays as it was
            QMessageBox.warning(window, self.tr("Export failed"), single_line(str(err)))
            return
        window.statusBar().showMessage(
            self.tr("Notes exported to %1").replace("%1", single_line(name)), 5000
        )

    def export_results(self) -> None:
        """The list as shown (search, filters and sort applied) as CSV, row for row."""
        from reader.library.results import relevance_ranks, results_csv
        from reader.userdata.savefile import write_atomically

        window = self.window
        name, _ = QFileDialog.getSaveFileName(
            window, self.tr("Export Results"), str(Path.home() / "qari-results.csv"),
            self.tr("CSV files, for a spreadsheet (*.csv)"),
        )  # fmt: skip
        if not name:
            return
        if not Path(name).suffix:
            name += ".csv"
        model, session = window.model, window.session
        articles = list(model.every_article())  # every version of a story: each is a hit
        result = session.result if model.searching() else None
        terms = result.terms if result is not None else []
        # Snippets are read from each file's head (64 KB at most), a few ms an article.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ranks = relevance_ranks(session.catalog, model.spec.hits)
            write_atomically(name, results_csv(articles, terms, ranks).encode("utf-8"))
        except OSError as err:  # SaveError included: an older file stays as it was
            QMessageBox.warning(window, self.tr("Export failed"), single_line(str(err)))
            return
        finally:
            QApplication.restoreOverrideCursor()
        window.statusBar().showMessage(
            self.tr("%1 article(s) exported to %2")
            .replace("%1", str(len(articles)))
            .replace("%2", single_line(name)),
            5000,
        )

    def import_notes(self) -> None:
        from reader.userdata.store import StoreError

        window = self.window
        name, _ = QFileDialog.getOpenFileName(
            window, self.tr("Import Notes"), str(Path.home()), self.tr("JSON files (*.json)")
        )
        if not name:
            return
        try:
            added = window.user_state.import_notes(Path(name).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, StoreError) as err:
            QMessageBox.warning(window, self.tr("Import failed"), single_line(str(err)))
            return
        window.statusBar().showMessage(
            self.tr("Notes imported: %1").replace("%1", str(added)), 5000
        )
