"""The article list: one row per story or article, each title laid out in its own direction.

A story's row (reader.library.stories) opens to its other versions, earliest first, listed
under it. The list is a table, not a tree: QTreeView lays out every row through the model
at each change (two seconds for a million rows even with nothing to draw); a table asks
only for the rows on screen. The story's arrow and the versions' indent are drawn here.

While a search is in force, each title gets a second line: the article's text around its
first match, the matching words in bold.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reader.qt.i18n import layout_direction
from reader.qt.models import Column, Role
from reader.text.direction import paragraph_direction
from reader.ui.column_room import TitleRoom

Index = QModelIndex | QPersistentModelIndex
# Made once: a Python flag's | is a call, and every cell painted asks for one.
_LEADING_TOP = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop
_CENTRE_TOP = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


class ArticleDelegate(QStyledItemDelegate):
    """Gives each cell the direction of its own text, and draws search snippets.

    The style lays cell text out in the view's direction; an Arabic title in a left-to-right
    window would then end with its punctuation on the wrong side, so set it per cell.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() == Column.TITLE:
            # Room on the leading side for a story's arrow, or a version's indent.
            margin = _arrow_width(option.fontMetrics) * (1 + index.data(Role.LEVEL))
            if option.direction == Qt.LayoutDirection.RightToLeft:
                option.rect.adjust(0, 0, -margin, 0)
            else:
                option.rect.adjust(margin, 0, 0, 0)
        if index.column() in (Column.TITLE, Column.SOURCE):
            option.direction = layout_direction(index.data(Role.DIRECTION))
            option.displayAlignment = _LEADING_TOP
        elif index.column() == Column.BOOKMARK:
            option.displayAlignment = _CENTRE_TOP
        else:
            option.displayAlignment = _LEADING_TOP

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if index.model().searching():  # room for the snippet line
            size.setHeight(size.height() + QFontMetricsF(option.font).lineSpacing() + 2)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() == Column.TITLE:
            self._paint_arrow(painter, option, index)
        snippet = index.data(Role.SNIPPET) if index.column() == Column.TITLE else None
        if snippet is None:
            super().paint(painter, option, index)
            return
        from PySide6.QtWidgets import QStyle  # see _paint_arrow

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        text = opt.text
        opt.text = ""
        if style is not None:  # background, selection and focus, without the text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = QRectF(opt.rect.adjusted(4, 1, -4, -1))
        line = QFontMetricsF(opt.font).lineSpacing()
        painter.save()
        painter.setPen(opt.palette.color(role))
        title = QRectF(rect.left(), rect.top(), rect.width(), line)
        self._draw_line(painter, text, [], opt.font, title, opt.direction)
        small = QFont(opt.font)
        small.setPointSizeF(opt.font.pointSizeF() * 0.92)
        if not selected:
            painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
        below = QRectF(rect.left(), rect.top() + line + 1, rect.width(), line)
        direction = layout_direction(paragraph_direction(snippet.text))
        self._draw_line(painter, snippet.text, snippet.spans, small, below, direction)
        painter.restore()

    def _paint_arrow(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """A story's row: the branch arrow of the style, closed or open, on the leading side."""
        if not index.data(Role.VERSIONS):
            return
        # PySide makes QStyle's many enums when the class is first touched (~10-15 ms): here,
        # at the first story row drawn, not before the window's first paint.
        from PySide6.QtWidgets import QStyle

        opt = QStyleOptionViewItem(option)
        width = _arrow_width(option.fontMetrics)
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        left = option.rect.right() - width if rtl else option.rect.left()
        opt.rect = QRect(left, option.rect.top(), width, option.rect.height())
        opt.state = QStyle.StateFlag.State_Children | QStyle.StateFlag.State_Item
        if index.data(Role.OPEN):
            opt.state |= QStyle.StateFlag.State_Open
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_IndicatorBranch, opt, painter, option.widget
            )

    @staticmethod
    def _draw_line(painter, text, spans, font, rect: QRectF, direction) -> None:
        """One line, elided at its end, matches in bold: each a whole word, so each stays
        one shaped run."""
        metrics = QFontMetricsF(font)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        layout = QTextLayout(text, font)
        option = QTextOption(Qt.AlignmentFlag.AlignLeading)
        option.setTextDirection(direction)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        ranges = []
        for start, end in spans:
            if start < len(text):
                bold = QTextLayout.FormatRange()
                bold.start, bold.length = start, min(end, len(text)) - start
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Weight.Bold)
                bold.format = fmt
                ranges.append(bold)
        layout.setFormats(ranges)
        layout.beginLayout()
        row = layout.createLine()
        row.setLineWidth(rect.width())
        layout.endLayout()
        x = rect.left()
        if direction == Qt.LayoutDirection.RightToLeft:
            x = rect.right() - row.naturalTextWidth()
        layout.draw(painter, QPointF(x, rect.top()))


def _arrow_width(metrics: QFontMetrics) -> int:
    """The room a story's arrow takes, and a version's indent: a line's height."""
    return metrics.height()


class ArticleList(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName(self.tr("Articles"))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(ArticleDelegate(self))
        self._title_room = TitleRoom(self, Column.TITLE)

    def header(self) -> QHeaderView:
        return self.horizontalHeader()

    # --- stories: open with the arrow key that points into the text ---------------------------

    def isExpanded(self, index: Index) -> bool:
        return index.isValid() and self.model().is_open(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Stories open with the arrow keys: let + and - reach the window (zoom).
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            event.ignore()
            return
        forward = Qt.Key.Key_Left if self.isRightToLeft() else Qt.Key.Key_Right
        back = Qt.Key.Key_Right if self.isRightToLeft() else Qt.Key.Key_Left
        current = self.currentIndex()
        if current.isValid() and event.key() in (forward, back):
            model = self.model()
            if event.key() == forward:
                model.open_story(current.row())
            elif model.level(current.row()):  # a version: back to its story's row
                row = current.row()
                while row > 0 and model.level(row):
                    row -= 1
                self.setCurrentIndex(model.index(row, current.column()))
            else:
                model.open_story(current.row(), False)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click on a story's arrow opens or closes it, as in a tree.
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == Column.TITLE and index.data(Role.VERSIONS):
            rect = self.visualRect(index)
            width = _arrow_width(self.fontMetrics())
            x = event.position().x()
            on_arrow = (
                x >= rect.right() - width if self.isRightToLeft() else x < rect.left() + width
            )
            if on_arrow and event.button() == Qt.MouseButton.LeftButton:
                self.model().open_story(index.row(), not self.model().is_open(index.row()))
                event.accept()
                return
        super().mousePressEvent(event)

    def setModel(self, model) -> None:
        super().setModel(model)
        self._size_rows()
        model.view_changed.connect(self._size_rows)
        header = self.header()
        header.setStretchLastSection(False)
        # A column narrowed for the titles (column_room) shows "Vers…", not a clipped "rsio".
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Qt derives the default minimum from the font's widest glyphs, which with the Arabic
        # fallback font comes out at over 100 px: wider than the bookmark and date columns.
        header.setMinimumSectionSize(self.fontMetrics().height())
        self._set_resize_modes()
        self.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        # Methods, not lambdas: Qt drops a destroyed view's connections to a model that
        # outlives it (a lambda would call into the deleted header).
        model.view_changed.connect(self._show_sort_indicator)
        header.sortIndicatorChanged.connect(lambda *_: header.setSortIndicatorShown(True))
        model.view_changed.connect(self._fit_once)
        model.view_changed.connect(self._show_versions_column)
        self._fitted = False

    def _set_resize_modes(self) -> None:
        # The title takes the room the others leave; the others are the user's to resize
        # (and remembered), sized to their content until the user does.
        header = self.header()
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)

    def restore_columns(self, state: QByteArray) -> bool:
        """The user's own column widths and sort, if there are any saved."""
        restored = bool(state) and self.header().restoreState(state)
        self._set_resize_modes()  # a state saved by an older version held other modes
        self._fitted = restored
        self._title_room.restored()
        return restored

    def show_hijri_column(self, on: bool) -> None:
        self.setColumnHidden(Column.HIJRI, not on)
        if on and self.model().rowCount():
            self.resizeColumnToContents(Column.HIJRI)
        self._title_room.fit()

    def _size_rows(self) -> None:
        # Every row the height of the first (a table does not measure a million rows); while
        # searching, the delegate gives it a second line, for the snippet.
        model = self.model()
        if model.rowCount():
            self.verticalHeader().setDefaultSectionSize(self.sizeHintForRow(0))

    def _show_sort_indicator(self) -> None:
        # Search results come best first: no column's sort indicator applies then.
        self.header().setSortIndicatorShown(not self.model().searching())

    def _show_versions_column(self) -> None:
        has = self.model().has_stories()
        if has == self.isColumnHidden(Column.VERSIONS):
            self.setColumnHidden(Column.VERSIONS, not has)
            if has:
                self.resizeColumnToContents(Column.VERSIONS)
            self._title_room.fit()

    def _fit_once(self) -> None:
        if not self._fitted and self.model().rowCount():
            self._fitted = True
            self.fit_columns()

    def fit_columns(self) -> None:
        """Size the columns but the title to what they show, each at most a quarter of the
        list: a long byline must not squeeze the titles to a few letters."""
        header = self.header()
        most = max(self.viewport().width() // 4, header.minimumSectionSize())
        for column in Column:
            if column != Column.TITLE:
                wanted = max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
                header.resizeSection(column, min(wanted, most))
        self._title_room.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._title_room.fit()

    def column_state(self) -> QByteArray:
        """The columns' order, widths (as chosen, not as narrowed) and sort, to save."""
        return self._title_room.chosen_state()
