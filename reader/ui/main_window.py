"""The main window: the article list beside the reading pane. Layout and wiring only: the
commands live in their own modules (bookmarks, marks, highlights, library, comfort, export),
the user's state in UserState, the library in LibrarySession.

What the first paint shows is built at once; what it cannot show (the find and versions
bars, the notes panel, the commands on marks, highlights and exports) once it has painted,
before reading starts: the window appears ~20 ms sooner here (imports and widgets)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.qt import paths
from reader.qt import settings as S
from reader.qt.actions import ActionId, create_actions
from reader.qt.fonts import arabic_families
from reader.qt.reading_progress import ReadingProgress
from reader.qt.session import LibrarySession
from reader.text.direction import paragraph_direction
from reader.text.sanitize import path_line, single_line
from reader.ui.article_list import ArticleList
from reader.ui.bookmark_commands import BookmarkCommands
from reader.ui.comfort_commands import ComfortCommands
from reader.ui.filter_bar import FilterBar
from reader.ui.font_controls import FontFamilyBox, FontSizeBox
from reader.ui.library_commands import LibraryCommands
from reader.ui.menus import build_menus
from reader.ui.reading_view import ReadingView
from reader.ui.search_box import SearchBox
from reader.ui.status import LibraryStatus
from reader.ui.timeline import TimelineBar
from reader.ui.toolbar import build_main_toolbar
from reader.ui.view_menu import ViewChoices
from reader.ui.window_state import restore_window, save_window

# Reading and parsing modules are imported where first used (the loader thread, opening an
# article): the window paints before they load.
if TYPE_CHECKING:
    from reader.library.entries import ArticleMeta
    from reader.qt.settings import Settings
    from reader.qt.user_state import UserState
    from reader.userdata.store import UserStore

START_ANYWAY_MS = 500  # a window not drawn by then (minimised, hidden) starts reading anyway


class MainWindow(QMainWindow):
    library_loaded = Signal()  # every file of the library has been read

    def __init__(
        self,
        settings: Settings,
        user_state: UserState,
        library: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.user_state = user_state
        self.current: ArticleMeta | None = None
        self.wanted_id = settings.get(S.LAST_ARTICLE)  # to open when it is listed
        self._top_id = ""  # the article at the top of the list before its last reset

        self.setWindowTitle("Qari")
        self.setWindowIcon(QIcon(str(paths.icon_path())))
        self.setAcceptDrops(True)
        self.actions_ = create_actions(self)

        self.session = LibrarySession(user_state, self)
        self.session.roots = list(library)
        self.model = self.session.model
        self.list = ArticleList()
        self.list.setModel(self.model)
        self.filters = FilterBar()
        self.timeline = TimelineBar()
        self.view = ReadingView()
        self._pane = _stacked(self.view, grow=self.view)  # its bars join it later
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(_stacked(self.filters, self.timeline, self.list, grow=self.list))
        self.splitter.addWidget(self._pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.size_box = FontSizeBox()
        self.family_box = FontFamilyBox(arabic_families())
        self.search_box = SearchBox()
        self.search_box.set_exact(settings.get(S.EXACT_SPELLING))
        self.status = LibraryStatus(self.statusBar())
        self.view_choices = ViewChoices(self)
        self.progress = ReadingProgress(user_state, self.model, self.view, self.select_row, self)
        self.bookmarks = BookmarkCommands(self)
        self.library_commands = LibraryCommands(self)
        self.comfort = ComfortCommands(self)
        self.recent_menu = self.library_commands.recent_menu
        build_menus(self, self.actions_, self.recent_menu, self.view_choices)
        build_main_toolbar(self, self.actions_, self.size_box, self.family_box, self.search_box)
        self._connect()
        restore_window(self)
        self.bookmarks.show_current()
        # The first key a reader presses moves through the articles, not through a filter.
        self.list.setFocus()
        # Reading starts once the window has painted: it appears at once and fills in, and the
        # worker's imports don't compete with that first paint for the interpreter. A window
        # that is not drawn soon (started minimised, hidden) starts reading anyway.
        self._built = False
        self._started = False
        self.view.first_painted.connect(self._start_reading)
        QTimer.singleShot(START_ANYWAY_MS, self._start_reading)

    @property
    def store(self) -> UserStore:
        return self.user_state.store

    @property
    def library(self) -> list[str]:
        return self.session.roots

    # --- construction ----------------------------------------------------------------------

    def _build_the_rest(self) -> None:
        """The parts the first paint cannot show (find_bar, versions_bar, notes_panel, marks,
        highlights, exports), built before anything can use them: reading, a second qari's
        paths, closing (whose saved state must hold the notes panel)."""
        if self._built:
            return
        self._built = True
        from reader.ui.export_commands import ExportCommands
        from reader.ui.find_bar import FindBar
        from reader.ui.highlight_commands import HighlightCommands
        from reader.ui.mark_commands import MarkCommands
        from reader.ui.notes_panel import NotesPanel
        from reader.ui.versions_bar import VersionsBar

        self.find_bar = FindBar()
        self.versions_bar = VersionsBar()
        self._pane.layout().insertWidget(0, self.versions_bar)
        self._pane.layout().addWidget(self.find_bar)
        self.notes_panel = NotesPanel(self)
        self.marks = MarkCommands(self)
        self.highlights = HighlightCommands(self)
        self.exports = ExportCommands(self)
        self.notes_panel.dock_in(self)
        self.actions_[ActionId.FIND].triggered.connect(self.find_bar.open_bar)
        self.view.matches_changed.connect(self.find_bar.show_count)
        self.find_bar.query_changed.connect(self._find_in_article)
        self.find_bar.step.connect(self.view.go_to_match)
        self.find_bar.closed.connect(self._close_find)
        self.versions_bar.chosen.connect(self._open_version)

    def _connect(self) -> None:
        a = self.actions_
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.SEARCH].triggered.connect(self._focus_search)
        a[ActionId.FIND_NEXT].triggered.connect(lambda: self.view.go_to_match(1))
        a[ActionId.FIND_PREVIOUS].triggered.connect(lambda: self.view.go_to_match(-1))
        a[ActionId.ABOUT].triggered.connect(self.about)
        a[ActionId.NEXT_ARTICLE].triggered.connect(lambda: self.progress.step(1))
        a[ActionId.PREVIOUS_ARTICLE].triggered.connect(lambda: self.progress.step(-1))
        a[ActionId.NEXT_UNREAD].triggered.connect(self.next_unread)
        a[ActionId.FOCUS_LIST].triggered.connect(self.list.setFocus)
        a[ActionId.FOCUS_ARTICLE].triggered.connect(self.view.setFocus)
        a[ActionId.SHORTCUTS].triggered.connect(self.show_shortcuts)
        self.view.space_at_end.connect(self.next_unread)
        self.search_box.search_requested.connect(self.search)
        self.search_box.exact_action.toggled.connect(self._on_exact_toggled)
        self.filters.publication_changed.connect(self.model.set_publication)
        self.filters.agency_changed.connect(self.model.set_agency)
        self.filters.dates_changed.connect(self.model.set_date_range)
        self.timeline.range_chosen.connect(self.filters.choose_dates)
        self.timeline.cleared.connect(self.filters.clear_dates)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelAboutToBeReset.connect(self._remember_place)
        self.model.view_changed.connect(self._after_view_change)
        self.session.search_refused.connect(self._search_refused)
        self.user_state.backup_failed.connect(
            lambda why: self.statusBar().showMessage(
                self.tr("Could not write the backup of your bookmarks: %1").replace(
                    "%1", single_line(why)
                )
            )
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.actions_[ActionId.FULL_SCREEN].setChecked(False)
            return
        # X11 matches no shortcut for a bare keypad + or - (Ctrl+keypad works): take them here
        # when the focused widget passes them on.
        keypad = event.modifiers() == Qt.KeyboardModifier.KeypadModifier
        if keypad and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            self.comfort.zoom(1 if event.key() == Qt.Key.Key_Plus else -1)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._build_the_rest()
        self._started = True  # closed before it began: nothing is read now
        self.progress.leave()
        self.session.close()
        self.user_state.write_backup()
        save_window(self)
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
        self._build_the_rest()
        if paths:
            self.library_commands.open_library(paths)
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if dropped:
            event.acceptProposedAction()
            self.library_commands.open_library(dropped)

    # --- the library -----------------------------------------------------------------------

    def _start_reading(self) -> None:
        if not self._started:
            self.start_reading(self.session.roots)

    def start_reading(self, roots: Sequence[str]) -> None:
        self._build_the_rest()
        self._started = True
        self.session.open(roots)

    def forget_article(self) -> None:
        """Another library: nothing is open, and no article is waited for."""
        self.wanted_id = ""
        self.close_article()

    def close_article(self) -> None:
        self.current = None
        self.view.clear_article()
        self.versions_bar.show_versions([])
        self.setWindowTitle("Qari")
        self.bookmarks.show_current()

    def _after_view_change(self) -> None:
        catalog = self.session.catalog
        total = len(catalog) if catalog is not None else 0
        self.status.show_counts(self.model.view().articles, total, self.model.rowCount())
        spec = self.model.spec
        bounds = catalog.date_range() if catalog is not None else None
        self.timeline.set_view(self.model.date_counts(), bounds, (spec.date_from, spec.date_to))
        # Keep the article being read selected across re-sorts and filters, and in sight;
        # when only the library changed (a file arrived), the list stays where it was.
        index = self.model.index_of(self.current.id, reveal=True) if self.current else None
        if index is not None and index.isValid():
            self.list.setCurrentIndex(index)  # (which scrolls to it)
        top = self.model.index_of(self._top_id) if self.model.place_kept else None
        if top is not None and top.isValid():
            self.list.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)
        elif index is not None and index.isValid():
            self.list.scrollTo(index)

    def _remember_place(self) -> None:
        meta = self.model.meta_at(self.list.indexAt(QPoint(1, 1)))  # the row at the top
        self._top_id = meta.id if meta is not None else ""

    # --- search ----------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def search(self, query: str) -> None:
        result = self.session.search(query, self.search_box.exact())
        if not self.find_bar.isVisible():
            self.view.set_highlight_terms(result.terms if result else [])
        if result is not None and self.model.rowCount():
            self.select_row(0)  # the best match

    def _find_in_article(self, query: str) -> None:
        from reader.text.query import parse_query

        self.view.set_highlight_terms(parse_query(query, self.search_box.exact()))
        self.view.go_to_match(1)

    def _search_refused(self, why: str) -> None:
        from reader.ui.reasons import describe_reason  # the library's modules: not at start

        message = self.tr("This search could not be run: %1")
        self.statusBar().showMessage(message.replace("%1", describe_reason(why)))

    def _close_find(self) -> None:
        result = self.session.result
        self.view.set_highlight_terms(result.terms if result else [])
        self.view.setFocus()

    def _on_exact_toggled(self, exact: bool) -> None:
        # The search box searches again itself; the find bar follows the same rule.
        self.settings.set(S.EXACT_SPELLING, exact)
        if self.find_bar.isVisible():
            self._find_in_article(self.find_bar.field.text())

    # --- selection and reading -------------------------------------------------------------

    def select_article(self, article_id: str) -> bool:
        """Select an article's row, opening its story's row if it is a version under it."""
        index = self.model.index_of(article_id, reveal=True) if article_id else None
        if index is None or not index.isValid():
            return False
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)  # expands its story's row
        return True

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 1)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            meta = self.model.meta_at(indexes[0])
            if meta is not None and meta != self.current:  # not merely re-selected after a re-sort
                self.open_article(meta)

    def _open_version(self, article_id: str) -> None:
        """Another version of the story: selected where the list has it, else opened."""
        if not self.select_article(article_id):
            meta = self.session.catalog.by_id(article_id)
            if meta is not None:
                self.open_article(meta)

    def open_article(self, meta: ArticleMeta) -> None:
        self.progress.leave()
        self.current = meta
        self.wanted_id = meta.id
        self.settings.set(S.LAST_ARTICLE, meta.id)
        self.bookmarks.show_current()
        title = single_line(meta.title)[:120]
        if paragraph_direction(title) == "rtl":
            title = "\u200f" + title  # an Arabic title opening with "Su-35" still reads RTL
        self.setWindowTitle(self.tr("%1 — Qari").replace("%1", title))
        if self.model.is_missing(meta.id):
            self.view.show_message(
                meta.title,
                self.tr("The file of this bookmarked article is no longer in the library "
                        "(it was at %1). Press Ctrl+D to remove the bookmark.").replace(
                    "%1", path_line(meta.path)),
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
                from reader.ui.reasons import describe_reason

                self.versions_bar.show_versions([])
                reason = getattr(result, "strerror", None) or str(result) or type(result).__name__
                self.view.show_message(
                    meta.title,
                    self.tr("This article can no longer be read from %1: %2").replace(
                        "%1", path_line(meta.path)).replace("%2", describe_reason(reason)),
                )  # fmt: skip
                return
            jump = self.marks.jumping()  # to a marked paragraph, not the last place
            notice = ""
            if result.article_id != meta.id:
                notice = self.tr("This file has changed since the library was read.")
            # An Arabic-script article is credited as parsed; a left-to-right one as written
            # (the canonical agency names are Arabic).
            credit = meta.credit_line() if result.excerpt.direction == "rtl" else None
            self.view.show_article(result.excerpt, notice, credit)
            self.versions_bar.show_versions(
                [v for v in self.session.catalog.versions(meta) if v.id != meta.id],
                self.model.arabic_digits,
            )
            if self.find_bar.isVisible():
                self._find_in_article(self.find_bar.field.text())
            elif self.session.result is not None:
                self.view.go_to_match(1)  # straight to the first match of the search
            searching = self.find_bar.isVisible() or self.session.result is not None
            self.progress.opened(meta, restore=not searching and not jump)
            self.marks.scroll_to_pending()

        if not ArticleLoader.of(self).load(meta.path, show):
            self.view.show_message(meta.title, self.tr("Opening this long article…"))

    # --- moving on ----------------------------------------------------------------------------

    def next_unread(self) -> None:
        if not self.progress.next_unread():
            self.statusBar().showMessage(self.tr("Every article here has been read."), 4000)

    def show_shortcuts(self) -> None:
        from reader.ui.shortcuts_dialog import ShortcutsDialog

        actions = [*self.actions_.values(), self.search_box.exact_action]
        ShortcutsDialog(actions, self).show()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Qari"),
            self.tr("Qari (قارئ) %1 — a reader for Arabic news archives.").replace(
                "%1", __version__
            ),
        )


def _stacked(*widgets: QWidget, grow: QWidget) -> QWidget:
    """Widgets one above the other; ``grow`` takes the height the bars leave."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is grow else 0)
    return box
