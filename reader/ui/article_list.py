"""The article list: one row per story or article, each title laid out in its own direction.

A story's row (reader.library.stories) opens to its other versions, earliest first.

While a search is in force, each title gets a second line: the article's text around its
first match, the matching words in bold.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from reader.qt.i18n import layout_direction
from reader.qt.models import Column, Role
from reader.text.direction import paragraph_direction

Index = QModelIndex | QPersistentModelIndex


class ArticleDelegate(QStyledItemDelegate):
    """Gives each cell the direction of its own text, and draws search snippets.

    The style lays cell text out in the view's direction; an Arabic title in a left-to-right
    window would then end with its punctuation on the wrong side, so set it per cell.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() in (Column.TITLE, Column.SOURCE):
            option.direction = layout_direction(index.data(Role.DIRECTION))
            option.displayAlignment = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop
        elif index.column() == Column.BOOKMARK:
            option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        else:
            option.displayAlignment = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if index.model().searching():  # room for the snippet line
            size.setHeight(size.height() + QFontMetricsF(option.font).lineSpacing() + 2)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        snippet = index.data(Role.SNIPPET) if index.column() == Column.TITLE else None
        if snippet is None:
            super().paint(painter, option, index)
            return
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


class ArticleList(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName(self.tr("Articles"))
        # A story's row opens to its versions, with the arrow in front of its title.
        self.setRootIsDecorated(True)
        self.setTreePosition(Column.TITLE)
        self.setUniformRowHeights(True)  # 100,000 rows: only the visible ones are measured
        self.setAllColumnsShowFocus(True)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(ArticleDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Stories open with the arrow keys: let + and - reach the window (zoom).
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            event.ignore()
            return
        super().keyPressEvent(event)

    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
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
        return restored

    def show_hijri_column(self, on: bool) -> None:
        self.setColumnHidden(Column.HIJRI, not on)
        if on and self.model().rowCount():
            self.resizeColumnToContents(Column.HIJRI)

    def _show_sort_indicator(self) -> None:
        # Search results come best first: no column's sort indicator applies then.
        self.header().setSortIndicatorShown(not self.model().searching())

    def _show_versions_column(self) -> None:
        has = self.model().has_stories()
        if has == self.isColumnHidden(Column.VERSIONS):
            self.setColumnHidden(Column.VERSIONS, not has)
            if has:
                self.resizeColumnToContents(Column.VERSIONS)

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
