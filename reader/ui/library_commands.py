"""Library commands: open a folder (dialog, recent list, drop), and what the window shows as
the library fills in: filters, counts, skipped files, the article to start with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu

from reader.qt import settings as S
from reader.qt.actions import ActionId
from reader.text.sanitize import literal_label, path_line

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class LibraryCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self._waiting = False  # the pane says the newest opens once the library is read
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        a = window.actions_
        a[ActionId.OPEN_FOLDER].triggered.connect(self.choose_folder)
        a[ActionId.SHOW_SKIPPED].triggered.connect(self.show_skipped)
        window.status.skipped_requested.connect(self.show_skipped)
        window.status.cancel_requested.connect(self.session.cancel)
        self.session.progress.connect(window.status.show_progress)
        self.session.loading.connect(window.status.set_loading)
        self.session.changed.connect(self._on_library_changed)
        self.session.loaded.connect(self._on_loaded)
        self.session.failed.connect(
            lambda why: window.statusBar().showMessage(
                self.tr("Could not finish reading the library: %1").replace("%1", why)
            )
        )

    def open_library(self, library: Sequence[str]) -> None:
        """Switch to another library (remembered for the next start), showing its newest."""
        roots = [str(Path(p).expanduser().resolve()) for p in library]
        settings = self.window.settings
        settings.set(S.LAST_LIBRARY, roots)
        entry = "\n".join(roots)
        recent = [r for r in settings.get(S.RECENT_LIBRARIES) if r != entry]
        settings.set(S.RECENT_LIBRARIES, [entry, *recent][: S.MAX_RECENT])
        self.window.forget_article()
        self.window.start_reading(roots)

    def choose_folder(self) -> None:
        roots = self.session.roots
        start = roots[0] if roots else str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Open a Folder of Articles"), start
        )
        if folder:
            self.open_library([folder])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in self.window.settings.get(S.RECENT_LIBRARIES):
            roots = entry.split("\n")
            label = " + ".join(path_line(r) for r in roots)
            action = self.recent_menu.addAction(literal_label(label))
            action.setEnabled(all(Path(r).exists() for r in roots))
            action.triggered.connect(lambda _=False, roots=roots: self.open_library(roots))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent libraries")).setEnabled(False)

    def show_skipped(self) -> None:
        from reader.ui.skipped_dialog import SkippedDialog

        SkippedDialog(self._skipped(), self.window).exec()

    def _skipped(self) -> list:
        """The files the library could not list, and the folders it could not read, by path."""
        catalog = self.session.catalog
        stored = catalog.skipped() if catalog is not None else []
        return sorted([*stored, *self.session.problems.values()], key=lambda s: s.path)

    def _on_library_changed(self) -> None:
        window, catalog = self.window, self.session.catalog
        if catalog is None:
            return
        window.filters.set_facets(catalog.publications(), catalog.agencies(), len(catalog))
        dates = catalog.date_range()
        if dates:
            first, last = (dt.date.fromisoformat(d[:10]) for d in dates)
            window.filters.set_date_bounds(first, last)
        window.status.show_skipped(catalog.skipped_count() + len(self.session.problems))
        self._open_wanted()

    def _open_wanted(self) -> None:
        """With nothing open yet: the article open last time, else the newest, once every
        file is listed (archives are kept oldest first: the newest of the files read first
        is an old article)."""
        window, catalog = self.window, self.session.catalog
        if window.current is not None or catalog is None or window.select_article(window.wanted_id):
            return
        if self.session.read_in_full:
            newest = catalog.newest()
            if not (newest is not None and window.select_article(newest.id)) and self._waiting:
                window.view.clear_article()  # the newest is not in the list (a filter)
            self._waiting = False
        elif len(catalog) and window.view.article() is None:
            window.view.show_message(
                self.tr("Reading the library…"),
                self.tr("The newest article opens once every file has been read. Choose "
                        "any article in the list meanwhile."),
            )  # fmt: skip
            self._waiting = True

    def _on_loaded(self) -> None:
        window, catalog = self.window, self.session.catalog
        if window.current is None and not (catalog is not None and len(catalog)):
            where = ", ".join(path_line(p) for p in self.session.roots)
            window.view.show_message(
                self.tr("No articles here"),
                self.tr("No readable articles were found in %1. Open another folder with "
                        "File › Open Folder… (Ctrl+O).").replace("%1", where),
            )  # fmt: skip
        window.library_loaded.emit()
