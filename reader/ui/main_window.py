"""The main window: the article list beside the reading pane, with their actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.qt import paths
from reader.qt import settings as S
from reader.qt.actions import ActionId, create_actions
from reader.qt.fonts import DEFAULT_FAMILY, arabic_families
from reader.qt.reading_progress import ReadingProgress
from reader.qt.session import LibrarySession
from reader.qt.themes import Theme, apply_theme
from reader.text.direction import paragraph_direction
from reader.text.sanitize import single_line
from reader.ui.article_list import ArticleList
from reader.ui.filter_bar import FilterBar
from reader.ui.find_bar import FindBar
from reader.ui.font_controls import FontFamilyBox, FontSizeBox, next_size
from reader.ui.marks_panel import MarksPanel
from reader.ui.reading_view import ReadingView
from reader.ui.search_box import SearchBox
from reader.ui.status import LibraryStatus
from reader.ui.toolbar import build_main_toolbar
from reader.ui.view_menu import ViewChoices

# Reading and parsing modules are imported where first used (the loader thread, opening an
# article): the window paints before they load.
if TYPE_CHECKING:
    from reader.library.entries import ArticleMeta
    from reader.qt.settings import Settings
    from reader.userdata.store import UserStore


BACKUP_DELAY_MS = 2000


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
        self.current: ArticleMeta | None = None
        self._want_id = settings.get(S.LAST_ARTICLE)

        self.setWindowTitle("Qari")
        self.setWindowIcon(QIcon(str(paths.icon_path())))
        self.setAcceptDrops(True)
        self.actions_ = create_actions(self)

        self.session = LibrarySession(store, paths.index_path(), self)
        self.session.roots = list(library)
        self.model = self.session.model
        self.list = ArticleList()
        self.list.setModel(self.model)
        self.filters = FilterBar()
        self.view = ReadingView()
        self.find_bar = FindBar()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(_stacked(self.filters, self.list, grow=self.list))
        self.splitter.addWidget(_stacked(self.view, self.find_bar, grow=self.view))
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.size_box = FontSizeBox()
        self.family_box = FontFamilyBox(arabic_families())
        self.search_box = SearchBox()
        self.status = LibraryStatus(self.statusBar())
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.view_choices = ViewChoices(self)
        self.marks_panel = MarksPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.marks_panel)
        self.marks_panel.hide()
        self._goto_block: int | None = None  # a paragraph to show once its article is open
        self.progress = ReadingProgress(store, self.model, self.view, self.select_row, self)
        self._build_menus()
        build_main_toolbar(self, self.actions_, self.size_box, self.family_box, self.search_box)
        self._connect()
        self._restore()
        # Reading starts once the window has painted: it appears at once and fills in, and the
        # worker's imports don't compete with that first paint for the interpreter. A window
        # that is not drawn soon (started minimised, hidden) starts reading anyway.
        self._started = False
        self.view.first_painted.connect(self._start_reading)
        QTimer.singleShot(500, self._start_reading)
        # The rolling backup of the user's data: soon after a change, at start and at exit.
        self._backup = QTimer(self)
        self._backup.setSingleShot(True)
        self._backup.setInterval(BACKUP_DELAY_MS)
        self._backup.timeout.connect(self.write_backup)
        self._backup.start()

    @property
    def library(self) -> list[str]:
        return self.session.roots

    # --- construction ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions_
        menus = (
            (self.tr("&File"), (ActionId.OPEN_FOLDER, self.recent_menu, ActionId.SHOW_SKIPPED,
                                None, ActionId.PRINT, ActionId.EXPORT_PDF, None,
                                ActionId.EXPORT_BOOKMARKS, ActionId.IMPORT_BOOKMARKS, None,
                                ActionId.QUIT)),
            (self.tr("&Edit"), (ActionId.SEARCH, ActionId.FIND, ActionId.FIND_NEXT,
                                ActionId.FIND_PREVIOUS)),
            (self.tr("&Article"), (ActionId.TOGGLE_BOOKMARK, ActionId.MARK_PARAGRAPH,
                                   ActionId.BOOKMARKS_ONLY, ActionId.SHOW_MARKS, None,
                                   ActionId.NEXT_ARTICLE, ActionId.PREVIOUS_ARTICLE,
                                   ActionId.NEXT_UNREAD)),
            (self.tr("&View"), (ActionId.ZOOM_IN, ActionId.ZOOM_OUT, ActionId.ZOOM_RESET, None,
                                self.view_choices, None, ActionId.FULL_SCREEN,
                                ActionId.FOCUS_LIST, ActionId.FOCUS_ARTICLE)),
            (self.tr("&Help"), (ActionId.SHORTCUTS, ActionId.ABOUT)),
        )  # fmt: skip
        for title, items in menus:
            menu = self.menuBar().addMenu(title)
            for item in items:
                if item is None:
                    menu.addSeparator()
                elif isinstance(item, QMenu):
                    menu.addMenu(item)
                elif isinstance(item, ViewChoices):
                    item.fill(menu)
                else:
                    menu.addAction(a[item])
        # Shortcuts work wherever the focus is in the window, menus shown or not.
        self.addActions(list(a.values()))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _connect(self) -> None:
        a = self.actions_
        a[ActionId.OPEN_FOLDER].triggered.connect(self.choose_folder)
        a[ActionId.SHOW_SKIPPED].triggered.connect(self.show_skipped)
        a[ActionId.EXPORT_BOOKMARKS].triggered.connect(self.export_bookmarks)
        a[ActionId.IMPORT_BOOKMARKS].triggered.connect(self.import_bookmarks)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.SEARCH].triggered.connect(self._focus_search)
        a[ActionId.FIND].triggered.connect(self.find_bar.open_bar)
        a[ActionId.FIND_NEXT].triggered.connect(lambda: self.view.go_to_match(1))
        a[ActionId.FIND_PREVIOUS].triggered.connect(lambda: self.view.go_to_match(-1))
        a[ActionId.TOGGLE_BOOKMARK].triggered.connect(self.toggle_bookmark)
        a[ActionId.BOOKMARKS_ONLY].toggled.connect(self.set_bookmarks_only)
        a[ActionId.ZOOM_IN].triggered.connect(lambda: self.zoom(1))
        a[ActionId.ZOOM_OUT].triggered.connect(lambda: self.zoom(-1))
        a[ActionId.ZOOM_RESET].triggered.connect(lambda: self.set_font_size(S.FONT_SIZE.default))
        a[ActionId.ABOUT].triggered.connect(self.about)
        a[ActionId.NEXT_ARTICLE].triggered.connect(lambda: self.progress.step(1))
        a[ActionId.PREVIOUS_ARTICLE].triggered.connect(lambda: self.progress.step(-1))
        a[ActionId.NEXT_UNREAD].triggered.connect(self.next_unread)
        a[ActionId.FOCUS_LIST].triggered.connect(self.list.setFocus)
        a[ActionId.FOCUS_ARTICLE].triggered.connect(self.view.setFocus)
        a[ActionId.FULL_SCREEN].toggled.connect(self.set_full_screen)
        a[ActionId.SHORTCUTS].triggered.connect(self.show_shortcuts)
        a[ActionId.PRINT].triggered.connect(self.print_article)
        a[ActionId.EXPORT_PDF].triggered.connect(self.export_pdf)
        a[ActionId.MARK_PARAGRAPH].triggered.connect(self.mark_paragraph)
        a[ActionId.SHOW_MARKS].toggled.connect(self._show_marks_panel)
        self.marks_panel.visibilityChanged.connect(a[ActionId.SHOW_MARKS].setChecked)
        self.marks_panel.mark_chosen.connect(self.go_to_mark)
        self.marks_panel.remove_requested.connect(self.remove_mark)
        self.marks_panel.edit_requested.connect(self.edit_mark)
        self.view.ready.connect(self._scroll_to_pending_block)
        self.view.space_at_end.connect(self.next_unread)
        self.view_choices.theme_chosen.connect(self.set_theme)
        self.view_choices.spacing_chosen.connect(self.set_line_spacing)
        self.view_choices.width_chosen.connect(self.set_page_width)
        self.view_choices.language_chosen.connect(self.set_language)
        self.view_choices.digits_toggled.connect(self.set_arabic_digits)
        self.view.zoom_requested.connect(self.zoom)
        self.view.matches_changed.connect(self.find_bar.show_count)
        self.size_box.valueChanged.connect(self.set_font_size)
        self.family_box.family_chosen.connect(self.set_font_family)
        self.search_box.search_requested.connect(self.search)
        self.find_bar.query_changed.connect(self._find_in_article)
        self.find_bar.step.connect(self.view.go_to_match)
        self.find_bar.closed.connect(self._close_find)
        self.filters.source_changed.connect(self.model.set_source)
        self.filters.dates_changed.connect(self.model.set_date_range)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.view_changed.connect(self._after_view_change)
        self.session.progress.connect(self.status.show_progress)
        self.session.loading.connect(self.status.set_loading)
        self.session.changed.connect(self._on_library_changed)
        self.session.loaded.connect(self._on_loaded)
        self.session.failed.connect(
            lambda why: self.statusBar().showMessage(
                self.tr("Could not finish reading the library: %1").replace("%1", why)
            )
        )
        self.status.cancel_requested.connect(self.session.cancel)
        self.status.skipped_requested.connect(self.show_skipped)

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
        self.view.set_layout(s.get(S.LINE_SPACING), s.get(S.PAGE_WIDTH))
        theme = _theme(s.get(S.THEME))
        apply_theme(theme)
        self.view_choices.digits.setChecked(s.get(S.ARABIC_DIGITS))
        self.model.arabic_digits = self.status.arabic_digits = s.get(S.ARABIC_DIGITS)
        self.view_choices.show_current(
            theme, s.get(S.LINE_SPACING), s.get(S.PAGE_WIDTH), s.get(S.LANGUAGE)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.actions_[ActionId.FULL_SCREEN].setChecked(False)
            return
        # X11 matches no shortcut for a bare keypad + or - (Ctrl+keypad works): take them here
        # when the focused widget passes them on.
        keypad = event.modifiers() == Qt.KeyboardModifier.KeypadModifier
        if keypad and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            self.zoom(1 if event.key() == Qt.Key.Key_Plus else -1)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.progress.leave()
        self.session.close()
        self.write_backup()
        s = self.settings
        s.set(S.WINDOW_GEOMETRY, self.saveGeometry())
        s.set(S.WINDOW_STATE, self.saveState())
        s.set(S.SPLITTER_STATE, self.splitter.saveState())
        s.set(S.LIST_HEADER_STATE, self.list.header().saveState())
        s.sync()
        super().closeEvent(event)

    def tell(self, message: str) -> None:
        """Something the user must know, in a box that doesn't stop the window working."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Qari", message, parent=self)
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        QTimer.singleShot(0, box.show)  # once the window itself is up
        self.statusBar().showMessage(message.split(". ")[0])

    def receive_paths(self, paths: list[str]) -> None:
        """Paths from a second `qari` started on the same data folder."""
        if paths:
            self.open_library(paths)
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def write_backup(self) -> None:
        from reader.userdata.backup import write_backup
        from reader.userdata.store import StoreError

        if self.store.read_only or self.store.closed:
            return
        try:
            write_backup(self.store, paths.backups_dir())
        except (OSError, StoreError) as err:
            self.statusBar().showMessage(
                self.tr("Could not write the backup of your bookmarks: %1").replace(
                    "%1", single_line(str(err))
                )
            )

    # --- the library -----------------------------------------------------------------------

    def _start_reading(self) -> None:
        if not self._started:
            self._started = True
            self.session.open(self.session.roots)

    def open_library(self, library: Sequence[str]) -> None:
        """Switch to another library (remembered for the next start), showing its newest."""
        roots = [str(Path(p).expanduser().resolve()) for p in library]
        self.settings.set(S.LAST_LIBRARY, roots)
        entry = "\n".join(roots)
        recent = [r for r in self.settings.get(S.RECENT_LIBRARIES) if r != entry]
        self.settings.set(S.RECENT_LIBRARIES, [entry, *recent][: S.MAX_RECENT])
        self._want_id = ""
        self.current = None
        self.view.clear_article()
        self.setWindowTitle("Qari")
        self.actions_[ActionId.TOGGLE_BOOKMARK].setEnabled(False)
        self._started = True
        self.session.open(roots)

    def choose_folder(self) -> None:
        start = self.library[0] if self.library else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a Folder of Articles"), start)
        if folder:
            self.open_library([folder])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in self.settings.get(S.RECENT_LIBRARIES):
            roots = entry.split("\n")
            label = " + ".join(single_line(r) for r in roots)
            action = self.recent_menu.addAction(label)
            action.setEnabled(all(Path(r).exists() for r in roots))
            action.triggered.connect(lambda _=False, roots=roots: self.open_library(roots))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent libraries")).setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if dropped:
            event.acceptProposedAction()
            self.open_library(dropped)

    def _on_library_changed(self) -> None:
        catalog = self.session.catalog
        self.filters.set_sources(catalog.sources())
        dates = [m.date for m in catalog.articles() if m.date]
        if dates:
            first, last = (dt.date.fromisoformat(d) for d in (min(dates), max(dates)))
            self.filters.set_date_bounds(first, last)
        self.status.show_skipped(len(catalog.skipped))
        if self.current is None and not self.select_article(self._want_id):
            self.select_newest()

    def _on_loaded(self) -> None:
        if self.current is None:
            where = ", ".join(single_line(p) for p in self.library)
            self.view.show_message(
                self.tr("No articles here"),
                self.tr("No readable articles were found in %1. Open another folder with "
                        "File › Open Folder… (Ctrl+O).").replace("%1", where),
            )  # fmt: skip
        self.library_loaded.emit()

    def _after_view_change(self) -> None:
        self.status.show_counts(self.model.rowCount(), len(self.session.catalog))
        # Keep the article being read selected across re-sorts and filters.
        if self.current is not None:
            row = self.model.row_of(self.current.id)
            if row >= 0:
                index = self.model.index(row, 1)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)

    def show_skipped(self) -> None:
        from reader.ui.skipped_dialog import SkippedDialog

        skipped = sorted(self.session.catalog.skipped.values(), key=lambda s: s.path)
        SkippedDialog(skipped, self).exec()

    # --- search ----------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def search(self, query: str) -> None:
        result = self.session.search(query)
        if not self.find_bar.isVisible():
            self.view.set_highlight_terms(result.terms if result else [])
        if result is not None and self.model.rowCount():
            self.select_row(0)  # the best match

    def _find_in_article(self, query: str) -> None:
        from reader.text.query import parse_query

        self.view.set_highlight_terms(parse_query(query))
        self.view.go_to_match(1)

    def _close_find(self) -> None:
        result = self.session.result
        self.view.set_highlight_terms(result.terms if result else [])
        self.view.setFocus()

    # --- selection and reading -------------------------------------------------------------

    def select_article(self, article_id: str) -> bool:
        row = self.model.row_of(article_id) if article_id else -1
        if row < 0:
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 1)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def select_newest(self) -> None:
        newest = self.session.catalog.newest()
        if newest is not None:
            self.select_article(newest.id)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            meta = self.model.meta(indexes[0].row())
            if meta != self.current:  # not merely re-selected after a re-sort
                self.open_article(meta)

    def open_article(self, meta: ArticleMeta) -> None:
        self.progress.leave()
        self.current = meta
        self._want_id = meta.id
        self.settings.set(S.LAST_ARTICLE, meta.id)
        action = self.actions_[ActionId.TOGGLE_BOOKMARK]
        action.setEnabled(True)
        action.setChecked(meta.id in self.model.spec.bookmarked)
        title = single_line(meta.title)[:120]
        if paragraph_direction(title) == "rtl":
            title = "\u200f" + title  # an Arabic title opening with "Su-35" still reads RTL
        self.setWindowTitle(self.tr("%1 — Qari").replace("%1", title))
        if self.model.is_missing(meta.id):
            self.view.show_message(
                meta.title,
                self.tr("The file of this bookmarked article is no longer in the library "
                        "(it was at %1). Press Ctrl+D to remove the bookmark.").replace(
                    "%1", single_line(meta.path)),
            )  # fmt: skip
        else:
            self._show_file(meta)

    def _show_file(self, meta: ArticleMeta) -> None:
        # A small file is read at once; a long one on a worker thread, and only the newest
        # request is ever shown (clicking quickly through the list ends on the last one).
        from reader.qt.article_loader import ArticleLoader, Result

        def show(result: Result) -> None:
            if self.current != meta:
                return  # another article, or another library, since
            if isinstance(result, Exception):
                reason = getattr(result, "strerror", None) or str(result) or type(result).__name__
                self.view.show_message(
                    meta.title,
                    self.tr("This article can no longer be read from %1: %2").replace(
                        "%1", single_line(meta.path)).replace("%2", single_line(reason)),
                )  # fmt: skip
                return
            jump = self._goto_block is not None  # to a marked paragraph, not the last place
            notice = ""
            if result.article_id != meta.id:
                notice = self.tr("This file has changed since the library was read.")
            self.view.show_article(result.excerpt, notice)
            if self.find_bar.isVisible():
                self._find_in_article(self.find_bar.field.text())
            elif self.session.result is not None:
                self.view.go_to_match(1)  # straight to the first match of the search
            searching = self.find_bar.isVisible() or self.session.result is not None
            self.progress.opened(meta, restore=not searching and not jump)
            if not self.view.is_busy():
                self._scroll_to_pending_block()

        if not ArticleLoader.of(self).load(meta.path, show):
            self.view.show_message(meta.title, self.tr("Opening this long article…"))

    # --- bookmarks -------------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        from reader.userdata.store import StoreError

        meta = self.current
        if meta is None:
            return
        try:
            on = self.store.toggle_bookmark(meta.id, meta.title, meta.path)
        except StoreError as err:
            # The action toggled itself when triggered: put it back as the list shows it.
            was = meta.id in self.model.spec.bookmarked
            self.actions_[ActionId.TOGGLE_BOOKMARK].setChecked(was)
            QMessageBox.warning(self, self.tr("Bookmark not saved"), single_line(str(err)))
            return
        self.actions_[ActionId.TOGGLE_BOOKMARK].setChecked(on)
        self._backup.start()
        missing = self.model.is_missing(meta.id)
        self.model.set_bookmarked(meta.id, on)
        if missing and not on:  # a missing article's bookmark removed: it leaves the list
            self.current = None
            self.view.clear_article()
            self.actions_[ActionId.TOGGLE_BOOKMARK].setEnabled(False)
        self.statusBar().showMessage(
            self.tr("Bookmarked") if on else self.tr("Bookmark removed"), 3000
        )

    def set_bookmarks_only(self, on: bool) -> None:
        self.model.set_bookmarks_only(on)
        self.settings.set(S.BOOKMARKS_ONLY, on)

    def export_bookmarks(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Bookmarks"), str(Path.home() / "qari-bookmarks.json"),
            self.tr("JSON files (*.json)"),
        )  # fmt: skip
        if not name:
            return
        from reader.userdata.savefile import SaveError, savefile_open

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
        from reader.userdata.store import StoreError

        try:
            added = self.store.import_json(Path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, StoreError) as err:
            QMessageBox.warning(self, self.tr("Import failed"), single_line(str(err)))
            return
        self._reload_bookmarks()
        self._backup.start()
        self.statusBar().showMessage(
            self.tr("Bookmarks imported: %1").replace("%1", str(added)), 5000
        )

    def _reload_bookmarks(self) -> None:
        self.session.catalog.set_missing_bookmarks(self.store.bookmarks())
        self.model.set_bookmarked_ids(self.store.bookmarked_ids())

    # --- paragraph bookmarks -----------------------------------------------------------------

    def mark_paragraph(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from reader.userdata.store import StoreError

        meta = self.current
        if meta is None or self.model.is_missing(meta.id):
            return
        block = self.view.top_block()
        excerpt = single_line(self.view.block_text(block))[:80]
        note, ok = QInputDialog.getText(
            self, self.tr("Bookmark This Paragraph"),
            self.tr("A note for “%1…” (optional):").replace("%1", excerpt),
        )  # fmt: skip
        if not ok:
            return
        try:
            self.store.add_mark(meta.id, block, note.strip(), meta.title, meta.path)
        except StoreError as err:
            QMessageBox.warning(self, self.tr("Bookmark not saved"), single_line(str(err)))
            return
        self._backup.start()
        self.marks_panel.show_marks(self.store.marks())
        self.statusBar().showMessage(self.tr("Paragraph bookmarked"), 3000)

    def remove_mark(self, mark) -> None:
        self._change_mark(lambda: self.store.remove_mark(mark.mark))

    def edit_mark(self, mark) -> None:
        from PySide6.QtWidgets import QInputDialog

        note, ok = QInputDialog.getText(
            self, self.tr("Edit the Note"), self.tr("Note:"), text=mark.note
        )
        if ok:
            self._change_mark(lambda: self.store.update_mark(mark.mark, note.strip()))

    def _change_mark(self, change) -> None:
        from reader.userdata.store import StoreError

        try:
            change()
        except StoreError as err:
            QMessageBox.warning(self, self.tr("Bookmark not saved"), single_line(str(err)))
            return
        self._backup.start()
        self.marks_panel.show_marks(self.store.marks())

    def _show_marks_panel(self, on: bool) -> None:
        if on:
            self.marks_panel.show_marks(self.store.marks())
        self.marks_panel.setVisible(on)

    def go_to_mark(self, mark) -> None:
        """Open the marked article (if it is in the library) at the marked paragraph."""
        if self.current is not None and self.current.id == mark.article_id:
            self.view.scroll_to_block(mark.block)
            return
        self._goto_block = mark.block
        if not self.select_article(mark.article_id):
            self._goto_block = None
            self.statusBar().showMessage(
                self.tr("That article is not in the library that is open."), 5000
            )

    def _scroll_to_pending_block(self) -> None:
        if self._goto_block is not None and not self.view.is_busy():
            self.view.scroll_to_block(self._goto_block)
            self._goto_block = None

    # --- comfort ---------------------------------------------------------------------------

    def next_unread(self) -> None:
        if not self.progress.next_unread():
            self.statusBar().showMessage(self.tr("Every article here has been read."), 4000)

    def set_full_screen(self, on: bool) -> None:
        """Only the article: no list, toolbar, menus or status bar (F11 or Esc to leave)."""
        for widget in (self.splitter.widget(0), self.menuBar(), self.statusBar(),
                       *self.findChildren(QToolBar)):  # fmt: skip
            widget.setVisible(not on)
        if on:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
            self.view.setFocus()
        elif self._was_maximized:
            self.showMaximized()
        else:
            self.showNormal()

    def set_theme(self, theme: Theme) -> None:
        self.settings.set(S.THEME, theme.value)
        apply_theme(theme)

    def set_line_spacing(self, spacing: float) -> None:
        self.settings.set(S.LINE_SPACING, spacing)
        self.view.set_layout(spacing, self.settings.get(S.PAGE_WIDTH))

    def set_page_width(self, width: int) -> None:
        self.settings.set(S.PAGE_WIDTH, width)
        self.view.set_layout(self.settings.get(S.LINE_SPACING), width)

    def set_arabic_digits(self, on: bool) -> None:
        self.settings.set(S.ARABIC_DIGITS, on)
        self.model.arabic_digits = self.status.arabic_digits = on
        self.model.refresh()

    def set_language(self, language: str) -> None:
        """Remembered; the interface is rebuilt in the new language at the next start."""
        self.settings.set(S.LANGUAGE, language)
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Language"),
            self.tr("The new language takes effect when Qari starts again."), parent=self,
        )  # fmt: skip
        restart = box.addButton(self.tr("Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setModal(False)
        box.buttonClicked.connect(lambda button: button is restart and self._restart())
        box.show()

    def _restart(self) -> None:
        import sys

        from PySide6.QtCore import QProcess

        self.close()
        QProcess.startDetached(sys.executable, sys.argv)
        QApplication.instance().quit()

    def show_shortcuts(self) -> None:
        from reader.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(list(self.actions_.values()), self).show()

    def print_article(self) -> None:
        from reader.ui.printing import print_document

        print_document(self.view.document(), self)

    def export_pdf(self) -> None:
        from reader.ui.printing import export_pdf

        if self.current is None:
            return
        suggested = Path.home() / (Path(self.current.path).stem + ".pdf")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Article as PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if name:
            try:
                export_pdf(self.view.document(), name)
            except OSError as err:
                QMessageBox.warning(self, self.tr("Export failed"), single_line(str(err)))

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


def _theme(name: str) -> Theme:
    try:
        return Theme(name)
    except ValueError:
        return Theme.SYSTEM


def _stacked(*widgets: QWidget, grow: QWidget) -> QWidget:
    """Widgets one above the other; ``grow`` takes the height the bars leave."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is grow else 0)
    return box
