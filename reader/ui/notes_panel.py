"""The Notes panel: the highlights, paragraph bookmarks and notes of the whole library, each
with its article's title, newest first; a click goes to the words.

Filtered by kind or colour, by the open article, and by a search that folds Arabic as the
library search does (reader.text.query over reader.text.normalize tokens): الرئيس finds a
note saying للرئيس or الرَّئِيس. An annotation not found in its article as it is now is listed,
and says so: the words may come back, and the note is the reader's.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.qt.i18n import layout_direction
from reader.text.direction import paragraph_direction
from reader.text.sanitize import single_line
from reader.ui.highlight_painter import COLORS
from reader.userdata.formats import HIGHLIGHT, MARK
from reader.userdata.store import Mark

_MARK = Qt.ItemDataRole.UserRole + 1
_DIRECTION = Qt.ItemDataRole.UserRole + 2
# A long highlight is listed by its opening: the list is for finding it again.
QUOTE_SHOWN = 160

COLOR_NAMES = {
    "yellow": QT_TRANSLATE_NOOP("Colors", "Yellow"),
    "green": QT_TRANSLATE_NOOP("Colors", "Green"),
    "blue": QT_TRANSLATE_NOOP("Colors", "Blue"),
    "pink": QT_TRANSLATE_NOOP("Colors", "Pink"),
}


def color_name(color: str) -> str:
    return QCoreApplication.translate("Colors", COLOR_NAMES.get(color, color))


def color_icon(color: str) -> QIcon:
    """A swatch of a highlight colour, for menus and the list."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.setBrush(COLORS.get(color, QColor("gray")))
    painter.drawRoundedRect(0, 0, 13, 13, 3, 3)
    painter.end()
    return QIcon(pixmap)


def _shortened(text: str) -> str:
    text = single_line(text)
    return text if len(text) <= QUOTE_SHOWN else text[:QUOTE_SHOWN].rstrip() + "…"


class _OwnDirection(QStyledItemDelegate):
    """Each entry in its own direction: an English note in an Arabic window reads left to
    right, an Arabic quote in an English one right to left."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = layout_direction(index.data(_DIRECTION))
        option.displayAlignment = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


class NotesPanel(QDockWidget):
    mark_chosen = Signal(object)  # Mark
    remove_requested = Signal(object)  # Mark
    edit_requested = Signal(object)  # Mark
    color_requested = Signal(object, str)  # Mark (a highlight), a name of HIGHLIGHT_COLORS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Notes"), parent)
        self.setObjectName("notesPanel")
        self._marks: list[Mark] = []
        self._article: str | None = None  # the open article's id
        self._tokens: dict[Mark, list[str]] = {}
        self.search = QLineEdit()
        self.search.setObjectName("notesSearch")
        self.search.setPlaceholderText(self.tr("Search the notes"))
        self.search.setAccessibleName(self.tr("Search the notes"))
        self.search.setClearButtonEnabled(True)
        self.kinds = QComboBox()
        self.kinds.setObjectName("notesKind")
        self.kinds.setAccessibleName(self.tr("Show"))
        self.kinds.addItem(self.tr("Everything"), (None, None))
        self.kinds.addItem(self.tr("Highlights"), (HIGHLIGHT, None))
        self.kinds.addItem(self.tr("Paragraph Bookmarks"), (MARK, None))
        for color in COLORS:
            self.kinds.addItem(color_icon(color), color_name(color), (HIGHLIGHT, color))
        self.this_article = QCheckBox(self.tr("Open article only"))
        self.this_article.setObjectName("notesThisArticle")
        self.this_article.setAccessibleName(self.tr("Only the open article's notes"))
        self.list = QListWidget()
        self.list.setObjectName("notesList")
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setItemDelegate(_OwnDirection(self.list))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.search.textChanged.connect(self._fill)
        self.kinds.currentIndexChanged.connect(self._fill)
        self.this_article.toggled.connect(self._fill)

        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        filters.addWidget(self.kinds, 1)
        filters.addWidget(self.this_article)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        self.setWidget(box)

    def dock_in(self, window: QMainWindow) -> None:
        """Where the state the window restored had it (that came before the panel: Qt kept
        its place); else beside the article, on the side away from the list (Qt does not
        mirror dock areas), hidden."""
        if not window.restoreDockWidget(self):
            area = Qt.DockWidgetArea
            rtl = window.layoutDirection() == Qt.LayoutDirection.RightToLeft
            window.addDockWidget(area.LeftDockWidgetArea if rtl else area.RightDockWidgetArea, self)
            self.hide()

    def show_marks(self, marks: list[Mark]) -> None:
        """Every annotation of the library (the panel sorts and filters them)."""
        self._marks = sorted(marks, key=lambda m: (m.created, m.mark), reverse=True)
        self._tokens = {}
        self._fill()

    def set_article(self, article_id: str | None) -> None:
        """The article open now, for the "open article only" filter."""
        if article_id != self._article:
            self._article = article_id
            if self.this_article.isChecked():
                self._fill()

    def shown_marks(self) -> list[Mark]:
        """The annotations listed, in their order."""
        found = (self.list.item(row).data(_MARK) for row in range(self.list.count()))
        return [mark for mark in found if mark is not None]

    def _wanted(self) -> list[Mark]:
        from reader.text.query import parse_query

        kind, color = self.kinds.currentData() or (None, None)
        terms = parse_query(self.search.text())
        only = self._article if self.this_article.isChecked() else None
        return [
            mark
            for mark in self._marks
            if (kind is None or mark.kind == kind)
            and (color is None or mark.color == color)
            and (not self.this_article.isChecked() or mark.article_id == only)
            and (not terms or self._matches(terms, mark))
        ]

    def _matches(self, terms: list, mark: Mark) -> bool:
        from reader.text.normalize import tokens
        from reader.text.query import document_matches

        words = self._tokens.get(mark)
        if words is None:
            # An empty token between the fields: no phrase runs from a quote into its note.
            words = [*tokens(mark.quote), "", *tokens(mark.note), "", *tokens(mark.title)]
            self._tokens[mark] = words
        return document_matches(terms, words)

    def _fill(self) -> None:
        self.list.clear()
        wanted = self._wanted()
        for mark in wanted:
            self.list.addItem(self._item(mark))
        if not wanted:
            if self._marks:
                text = self.tr("No note here matches.")
            else:
                text = self.tr(
                    "No notes yet: select words and press Ctrl+H to highlight them, or press "
                    "Ctrl+Shift+D to bookmark the paragraph at the top."
                )
            empty = QListWidgetItem(text)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            # Our own words, in the interface's language and so in its direction.
            rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            empty.setData(_DIRECTION, "rtl" if rtl else "ltr")
            self.list.addItem(empty)

    def _item(self, mark: Mark) -> QListWidgetItem:
        note, title = single_line(mark.note), single_line(mark.title)
        if mark.kind == HIGHLIGHT:
            lines = [_shortened(mark.quote), note, title]
            tip = self.tr("%1 highlight in “%2”").replace("%1", color_name(mark.color))
        else:
            lines = [note, title]
            # The marked words (a mark from an older Qari has none until its article opens).
            quote = single_line(mark.quote)
            tip = self.tr("“%1…” in “%2”").replace("%1", quote) if quote else "%2"
        if not mark.found:  # kept all the same: the words may come back, the note stays
            lines.append(self.tr("(not found in the article as it is now)"))
        lines = [line for line in lines if line]
        item = QListWidgetItem("\n".join(lines))
        item.setData(_MARK, mark)
        item.setData(_DIRECTION, paragraph_direction(lines[0]))
        item.setToolTip(tip.replace("%2", title))
        if mark.kind == HIGHLIGHT:
            item.setIcon(color_icon(mark.color))
        return item

    def _context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        mark = item.data(_MARK) if item is not None else None
        if mark is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit the Note…"), lambda: self.edit_requested.emit(mark))
        if mark.kind == HIGHLIGHT:
            colors = menu.addMenu(self.tr("Colour"))
            for color in COLORS:
                action = colors.addAction(color_icon(color), color_name(color))
                action.setCheckable(True)
                action.setChecked(color == mark.color)
                action.triggered.connect(
                    lambda _=False, c=color: self.color_requested.emit(mark, c)
                )
            remove = self.tr("Remove This Highlight")
        else:
            remove = self.tr("Remove This Bookmark")
        menu.addAction(remove, lambda: self.remove_requested.emit(mark))
        menu.exec(self.list.viewport().mapToGlobal(position))

    def _chosen(self, item: QListWidgetItem) -> None:
        mark = item.data(_MARK)
        if mark is not None:
            self.mark_chosen.emit(mark)
