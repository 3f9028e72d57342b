"""The main window: the article list beside the reading pane, with their actions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolBar,
    QWidget,
)

from reader import __version__, paths
from reader import settings as S
from reader.actions import ActionId, create_actions
from reader.arabic import single_line
from reader.fonts import DEFAULT_FAMILY, arabic_families
from reader.loader import LibraryLoader
from reader.models import ArticleFilterProxy, ArticleListModel, Role
from reader.ui.article_list import ArticleList
from reader.ui.font_controls import FontFamilyBox, FontSizeBox, next_size
from reader.ui.reading_view import ReadingView

# Reading and parsing modules are imported where first used (the loader thread, opening an
# article): the window paints before they load.
if TYPE_CHECKING:
    from reader.library import ArticleMeta, ScanResult, Skipped
    from reader.settings import Settings
    from reader.userdata import UserStore


class MainWindow(QMainWindow):
    library_loaded = Signal()  # every file of the library has been read

    def __init__(
        self,
        settings: Settings,
        store: UserStore,
        library: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.store = store
        self.library: list[str] = list(library)
        self.skipped: list[Skipped] = []
        self.current: ArticleMeta | None = None
        self._loader: LibraryLoader | None = None
        self._want_id = settings.get(S.LAST_ARTICLE)

        self.setWindowTitle("Qari")
        self.setWindowIcon(QIcon(str(paths.icon_path())))
        self.actions_ = create_actions(self)

        self.model = ArticleListModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = ArticleList()
        self.list.setModel(self.proxy)
        self.view = ReadingView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.size_box = FontSizeBox()
        self.family_box = FontFamilyBox(arabic_families())
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self._restore()
        # Reading starts once the window has painted: it appears at once and fills in, and the
        # worker's imports don't compete with that first paint for the interpreter. A window
        # that is not drawn soon (started minimised, hidden) starts reading anyway.
        self.view.first_painted.connect(self._start_reading)
        QTimer.singleShot(500, self._start_reading)

    # --- construction ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions_
        menus = (
            (self.tr("&File"), (ActionId.OPEN_FOLDER, ActionId.SHOW_SKIPPED, None,
                                ActionId.EXPORT_BOOKMARKS, ActionId.IMPORT_BOOKMARKS, None,
                                ActionId.QUIT)),
            (self.tr("&Article"), (ActionId.TOGGLE_BOOKMARK, ActionId.BOOKMARKS_ONLY)),
            (self.tr("&View"), (ActionId.ZOOM_IN, ActionId.ZOOM_OUT, ActionId.ZOOM_RESET)),
            (self.tr("&Help"), (ActionId.ABOUT,)),
        )  # fmt: skip
        for title, ids in menus:
            menu = self.menuBar().addMenu(title)
            for action_id in ids:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[action_id])
        # Shortcuts work wherever the focus is in the window, menus shown or not.
        self.addActions(list(a.values()))

    def _build_toolbar(self) -> None:
        a = self.actions_
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(a[ActionId.OPEN_FOLDER])
        bar.addSeparator()
        bar.addAction(a[ActionId.TOGGLE_BOOKMARK])
        bar.addAction(a[ActionId.BOOKMARKS_ONLY])
        bar.addSeparator()
        # Text buttons, so they read the same on machines without an icon theme.
        for action_id, label in ((ActionId.ZOOM_OUT, "A−"), (ActionId.ZOOM_IN, "A+")):
            button = QPushButton(label)
            button.setObjectName(action_id.name.lower() + "_button")
            button.setFlat(True)
            button.setToolTip(a[action_id].toolTip())
            button.setAccessibleName(a[action_id].text().replace("&", ""))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(a[action_id].trigger)
            if action_id == ActionId.ZOOM_OUT:
                bar.addWidget(button)
                bar.addWidget(self.size_box)
            else:
                bar.addWidget(button)
        bar.addWidget(self.family_box)
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("%v / %m files"))
        self.progress.hide()
        self.skipped_button = QPushButton()
        self.skipped_button.setFlat(True)
        self.skipped_button.hide()
        self.skipped_button.clicked.connect(self.show_skipped)
        bar = self.statusBar()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.skipped_button)
        bar.addPermanentWidget(self.count_label)

    def _connect(self) -> None:
        a = self.actions_
        a[ActionId.OPEN_FOLDER].triggered.connect(self.choose_folder)
        a[ActionId.SHOW_SKIPPED].triggered.connect(self.show_skipped)
        a[ActionId.EXPORT_BOOKMARKS].triggered.connect(self.export_bookmarks)
        a[ActionId.IMPORT_BOOKMARKS].triggered.connect(self.import_bookmarks)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.TOGGLE_BOOKMARK].triggered.connect(self.toggle_bookmark)
        a[ActionId.BOOKMARKS_ONLY].toggled.connect(self.set_bookmarks_only)
        a[ActionId.ZOOM_IN].triggered.connect(lambda: self.zoom(1))
        a[ActionId.ZOOM_OUT].triggered.connect(lambda: self.zoom(-1))
        a[ActionId.ZOOM_RESET].triggered.connect(lambda: self.set_font_size(S.FONT_SIZE.default))
        a[ActionId.ABOUT].triggered.connect(self.about)
        self.view.zoom_requested.connect(self.zoom)
        self.size_box.valueChanged.connect(self.set_font_size)
        self.family_box.family_chosen.connect(self.set_font_family)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.proxy.rowsInserted.connect(self._update_counts)
        self.proxy.rowsRemoved.connect(self._update_counts)
        self.proxy.modelReset.connect(self._update_counts)

    def _restore(self) -> None:
        s = self.settings
        if not self.restoreGeometry(s.get(S.WINDOW_GEOMETRY)):
            self.resize(1200, 800)
        self.restoreState(s.get(S.WINDOW_STATE))
        if not self.splitter.restoreState(s.get(S.SPLITTER_STATE)):
            self.splitter.setSizes([440, 760])
        self.list.header().restoreState(s.get(S.LIST_HEADER_STATE))
        family = s.get(S.FONT_FAMILY)
        if self.family_box.findText(family) < 0:
            family = DEFAULT_FAMILY  # the remembered font was uninstalled
        self.family_box.set_family(family)
        blocked = self.size_box.blockSignals(True)  # lay the document out once, just below
        self.size_box.setValue(s.get(S.FONT_SIZE))
        self.size_box.blockSignals(blocked)
        self.view.set_reading_font(family, self.size_box.value())
        self.actions_[ActionId.BOOKMARKS_ONLY].setChecked(s.get(S.BOOKMARKS_ONLY))
        self.actions_[ActionId.TOGGLE_BOOKMARK].setEnabled(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # X11 matches no shortcut for a bare keypad + or - (Ctrl+keypad works): take them here
        # when the focused widget passes them on.
        keypad = event.modifiers() == Qt.KeyboardModifier.KeypadModifier
        if keypad and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            self.zoom(1 if event.key() == Qt.Key.Key_Plus else -1)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._loader is not None:
            self._loader.cancel()
        s = self.settings
        s.set(S.WINDOW_GEOMETRY, self.saveGeometry())
        s.set(S.WINDOW_STATE, self.saveState())
        s.set(S.SPLITTER_STATE, self.splitter.saveState())
        s.set(S.LIST_HEADER_STATE, self.list.header().saveState())
        s.sync()
        super().closeEvent(event)

    # --- the library -----------------------------------------------------------------------

    def _start_reading(self) -> None:
        if self._loader is None:
            self.load_library(self.library)

    def load_library(self, library: Sequence[str]) -> None:
        if self._loader is not None:
            self._loader.cancel()
            self._loader.deleteLater()
        self.library = list(library)
        self.model.clear()
        self.model.set_bookmarked_ids(self.store.bookmarked_ids())
        self.skipped = []
        self.progress.setRange(0, 0)
        self.progress.show()
        self.statusBar().showMessage(self.tr("Reading the library…"))
        self._loader = LibraryLoader(self.library, paths.index_path(), self)
        self._loader.batch_ready.connect(self._on_batch)
        self._loader.finished.connect(self._on_loaded)
        self._loader.start()

    def _on_batch(self, articles: list[ArticleMeta], done: int, total: int) -> None:
        if self.sender() is not self._loader:
            return  # a cancelled load still delivering
        self.model.add_articles(articles)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self.current is None and self._want_id:
            self.select_article(self._want_id)

    def _on_loaded(self, result: ScanResult) -> None:
        if self.sender() is not self._loader:
            return
        self.progress.hide()
        self.statusBar().clearMessage()
        self.skipped = result.skipped
        bookmarked = self.store.bookmarked_ids()
        # Renamed or moved files keep their bookmark: refresh its path and title snapshot.
        self.store.refresh_locations(
            (m.id, m.title, m.path) for m in result.articles if m.id in bookmarked
        )
        self.model.set_missing_bookmarks(self.store.bookmarks())
        self._update_counts()
        if self.current is None and not self.select_article(self._want_id):
            self.select_newest()
        if self.current is None:
            where = ", ".join(single_line(p) for p in self.library)
            self.view.show_message(
                self.tr("No articles here"),
                self.tr("No readable articles were found in %1. Open another folder with "
                        "File › Open Folder… (Ctrl+O).").replace("%1", where),
            )  # fmt: skip
        self.library_loaded.emit()

    def _update_counts(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("Articles: %1").replace("%1", str(total))
        else:
            text = self.tr("Articles: %1 of %2").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)
        self.skipped_button.setText(self.tr("Skipped: %1").replace("%1", str(len(self.skipped))))
        self.skipped_button.setToolTip(self.tr("Show the files that could not be read"))
        self.skipped_button.setVisible(bool(self.skipped))

    def choose_folder(self) -> None:
        start = self.library[0] if self.library else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a Folder of Articles"), start)
        if folder:
            self.open_library([folder])

    def open_library(self, library: Sequence[str]) -> None:
        """Switch to another library (remembered for the next start), showing its newest."""
        self.settings.set(S.LAST_LIBRARY, [str(Path(p).resolve()) for p in library])
        self._want_id = ""
        self.current = None
        self.view.clear_article()
        self.setWindowTitle("Qari")
        self.actions_[ActionId.TOGGLE_BOOKMARK].setEnabled(False)
        self.load_library(library)

    def show_skipped(self) -> None:
        from reader.ui.skipped_dialog import SkippedDialog

        SkippedDialog(self.skipped, self).exec()

    # --- selection and reading -------------------------------------------------------------

    def select_article(self, article_id: str) -> bool:
        row = self.model.row_of(article_id) if article_id else -1
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 1))
        if not index.isValid():
            return False
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def select_newest(self) -> None:
        newest = self.model.newest_id()
        if newest:
            self.select_article(newest)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.open_row(self.proxy.mapToSource(indexes[0]).row())

    def open_row(self, row: int) -> None:
        meta = self.model.meta(row)
        self.current = meta
        self._want_id = meta.id
        self.settings.set(S.LAST_ARTICLE, meta.id)
        action = self.actions_[ActionId.TOGGLE_BOOKMARK]
        action.setEnabled(True)
        action.setChecked(bool(self.model.data(self.model.index(row, 0), Role.BOOKMARKED)))
        self.setWindowTitle(self.tr("%1 — Qari").replace("%1", single_line(meta.title)[:120]))
        if self.model.data(self.model.index(row, 0), Role.MISSING):
            self.view.show_message(
                meta.title,
                self.tr("The file of this bookmarked article is no longer in the library "
                        "(it was at %1). Press Ctrl+D to remove the bookmark.").replace(
                    "%1", single_line(meta.path)),
            )  # fmt: skip
        else:
            self._show_file(meta)

    def _show_file(self, meta: ArticleMeta) -> None:
        from reader.article import article_id
        from reader.decoding import DecodeError
        from reader.library import read_article

        try:
            article = read_article(meta.path)
        except (OSError, DecodeError) as err:
            reason = getattr(err, "strerror", None) or str(err)
            self.view.show_message(
                meta.title,
                self.tr("This article can no longer be read from %1: %2").replace(
                    "%1", single_line(meta.path)).replace("%2", single_line(reason)),
            )  # fmt: skip
            return
        notice = ""
        if article_id(article) != meta.id:
            notice = self.tr("This file has changed since the library was read.")
        self.view.show_article(article, notice)

    # --- bookmarks -------------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        meta = self.current
        if meta is None:
            return
        from reader.userdata import StoreError

        try:
            on = self.store.toggle_bookmark(meta.id, meta.title, meta.path)
        except StoreError as err:
            # The action toggled itself when triggered: put it back as the list shows it.
            row = self.model.index(self.model.row_of(meta.id), 0)
            self.actions_[ActionId.TOGGLE_BOOKMARK].setChecked(bool(row.data(Role.BOOKMARKED)))
            QMessageBox.warning(self, self.tr("Bookmark not saved"), single_line(str(err)))
            return
        self.actions_[ActionId.TOGGLE_BOOKMARK].setChecked(on)
        self.model.set_bookmarked(meta.id, on)
        if self.model.row_of(meta.id) < 0:  # a missing bookmark, now removed
            self.current = None
            self.view.clear_article()
            self.actions_[ActionId.TOGGLE_BOOKMARK].setEnabled(False)
        self.statusBar().showMessage(
            self.tr("Bookmarked") if on else self.tr("Bookmark removed"), 3000
        )

    def set_bookmarks_only(self, on: bool) -> None:
        self.proxy.set_bookmarks_only(on)
        self.settings.set(S.BOOKMARKS_ONLY, on)
        self._update_counts()

    def export_bookmarks(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Bookmarks"), str(Path.home() / "qari-bookmarks.json"),
            self.tr("JSON files (*.json)"),
        )  # fmt: skip
        if not name:
            return
        from reader.savefile import SaveError, savefile_open

        try:
            with savefile_open(name) as out:
                out.write(self.store.export_json())
        except (OSError, SaveError) as err:
            QMessageBox.warning(self, self.tr("Export failed"), single_line(str(err)))

    def import_bookmarks(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Bookmarks"), str(Path.home()), self.tr("JSON files (*.json)")
        )
        if not name:
            return
        from reader.userdata import StoreError

        try:
            added = self.store.import_json(Path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, StoreError) as err:
            QMessageBox.warning(self, self.tr("Import failed"), single_line(str(err)))
            return
        self.model.set_bookmarked_ids(self.store.bookmarked_ids())
        self.model.set_missing_bookmarks(self.store.bookmarks())
        self.statusBar().showMessage(
            self.tr("Bookmarks imported: %1").replace("%1", str(added)), 5000
        )

    # --- the reading font ------------------------------------------------------------------

    def zoom(self, steps: int) -> None:
        self.set_font_size(next_size(self.size_box.value(), steps))

    def set_font_size(self, size: int) -> None:
        size = max(S.MIN_FONT_SIZE, min(S.MAX_FONT_SIZE, int(size)))
        if self.size_box.value() != size:
            self.size_box.setValue(size)  # comes back here through valueChanged
            return
        self.settings.set(S.FONT_SIZE, size)
        self.view.set_reading_font(self.family_box.currentText(), size)

    def set_font_family(self, family: str) -> None:
        self.settings.set(S.FONT_FAMILY, family)
        self.view.set_reading_font(family, self.size_box.value())

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Qari"),
            self.tr("Qari (قارئ) %1 — a reader for Arabic news archives.").replace(
                "%1", __version__
            ),
        )
