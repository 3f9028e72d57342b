"""Bookmark commands: bookmark the open article, show only bookmarks, export and import them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.qt import settings as S
from reader.qt.actions import ActionId
from reader.text.sanitize import single_line
from reader.userdata.store import StoreError

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class BookmarkCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.user_state
        a = window.actions_
        self._toggle = a[ActionId.TOGGLE_BOOKMARK]
        self._toggle.triggered.connect(self.toggle)
        a[ActionId.BOOKMARKS_ONLY].toggled.connect(self.set_bookmarks_only)
        a[ActionId.EXPORT_BOOKMARKS].triggered.connect(self.export_bookmarks)
        a[ActionId.IMPORT_BOOKMARKS].triggered.connect(self.import_bookmarks)
        self.state.bookmark_changed.connect(self._show_state)
        self.state.bookmarks_reset.connect(self.show_current)

    def show_current(self) -> None:
        """The bookmark action as the open article's state says (disabled with none open)."""
        meta = self.window.current
        self._toggle.setEnabled(meta is not None)
        self._toggle.setChecked(meta is not None and self.state.is_bookmarked(meta.id))

    def _show_state(self, article_id: str, _on: bool) -> None:
        if self.window.current is not None and self.window.current.id == article_id:
            self.show_current()

    def toggle(self) -> None:
        window = self.window
        meta = window.current
        if meta is None:
            return
        missing = window.model.is_missing(meta.id)
        try:
            on = self.state.toggle_bookmark(
                meta.id, meta.title, meta.path, source=meta.source_label(), date=meta.date
            )
        except StoreError as err:
            self.show_current()  # the action toggled itself when triggered: put it back
            QMessageBox.warning(window, self.tr("Bookmark not saved"), single_line(str(err)))
            return
        if missing and not on:  # a missing article's bookmark removed: it has left the list
            window.close_article()
        window.statusBar().showMessage(
            self.tr("Bookmarked") if on else self.tr("Bookmark removed"), 3000
        )

    def set_bookmarks_only(self, on: bool) -> None:
        self.window.model.set_bookmarks_only(on)
        self.window.settings.set(S.BOOKMARKS_ONLY, on)

    def export_bookmarks(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Bookmarks"), str(Path.home() / "qari-bookmarks.json"),
            self.tr("JSON files (*.json)"),
        )  # fmt: skip
        if not name:
            return
        from reader.userdata.savefile import SaveError, savefile_open

        try:
            with savefile_open(name) as out:
                out.write(self.state.store.export_json())
        except (OSError, SaveError) as err:
            QMessageBox.warning(self.window, self.tr("Export failed"), single_line(str(err)))

    def import_bookmarks(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import Bookmarks"), str(Path.home()),
            self.tr("JSON files (*.json)"),
        )  # fmt: skip
        if not name:
            return
        try:
            added = self.state.import_bookmarks(Path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, StoreError) as err:
            QMessageBox.warning(self.window, self.tr("Import failed"), single_line(str(err)))
            return
        self.window.statusBar().showMessage(
            self.tr("Bookmarks imported: %1").replace("%1", str(added)), 5000
        )
