"""The reading pane: an article laid out block by block, each paragraph in its own direction.

Article text is untrusted, so it only ever enters the document through ``QTextCursor.insertText``
(never as HTML); links are not followed and no resource (image, stylesheet) is ever loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.arabic import article_direction, display_safe, paragraph_direction

if TYPE_CHECKING:
    from reader.article import Article
    from reader.query import Term

# Sizes relative to the reading font, line heights relative to each block's own pixel size.
# A fixed line height from the em looks the same in every font (natural heights vary by ~20 %).
TITLE_SCALE, TITLE_LEADING = 1.6, 1.45
META_SCALE = 0.85
CAPTION_SCALE = 0.9
SUBHEADING_SCALE = 1.2
BODY_LEADING = 1.9
MAX_LINE_EMS = 36  # a comfortable column: about 12–14 Arabic words a line
MIN_SIDE_MARGIN_EMS = 1.5


class _InertDocument(QTextDocument):
    """A document that loads nothing: no image, no stylesheet, no file behind a URL."""

    def loadResource(self, type: int, name: QUrl) -> object:
        return None


_MATCH_COLOR = QColor(255, 214, 102)  # a marker-pen yellow, readable under black or white text


def _direction(name: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if name == "rtl" else Qt.LayoutDirection.LeftToRight


class ReadingView(QTextBrowser):
    zoom_requested = Signal(int)  # +1 / -1 steps, from Ctrl+wheel
    first_painted = Signal()  # once, after the pane has first been drawn
    matches_changed = Signal(int, int)  # current match (0-based, -1: none), number of matches

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(_InertDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setObjectName("readingView")
        self.setAccessibleName(self.tr("Article text"))
        self._article: Article | None = None
        self._notice = ""
        self._painted = False
        self._terms: list[Term] = []
        self._matches: list[tuple[int, int]] = []  # document positions, whole words
        self._current = -1

    # --- untrusted content: nothing is ever fetched or followed -----------------------------

    def loadResource(self, type: int, name: QUrl) -> object:
        return None

    def setSource(self, name: QUrl, type: object = None) -> None:
        pass  # never navigate: article text is not a web page

    # --- font and zoom ---------------------------------------------------------------------

    def set_reading_font(self, family: str, point_size: int) -> None:
        # The widget font is the document's default font; zoom rebuilds with new line heights.
        font = QFont(family)
        font.setPointSize(point_size)
        self.setFont(font)
        self._rebuild()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # QTextBrowser would zoom on its own and overwrite the document font: route it
            # through the same remembered setting as the zoom actions instead.
            steps = event.angleDelta().y()
            if steps:
                self.zoom_requested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # --- content ---------------------------------------------------------------------------

    def article(self) -> Article | None:
        return self._article

    def show_article(self, article: Article, notice: str = "") -> None:
        self._article = article
        self._notice = notice
        self._rebuild()
        self.verticalScrollBar().setValue(0)

    def clear_article(self) -> None:
        self._article = None
        self._notice = ""
        self.document().clear()
        self._find_matches()

    def show_message(self, title: str, text: str) -> None:
        """A message of ours (not article text) in place of an article."""
        from reader.article import Article

        self._article = Article(title=title, source="", date=None, blocks=())
        self._notice = text
        self._rebuild(with_meta=False)

    def _rebuild(self, with_meta: bool = True) -> None:
        article = self._article
        scroll = self.verticalScrollBar()
        fraction = scroll.value() / scroll.maximum() if scroll.maximum() else 0.0
        self.document().clear()
        if article is None:
            return
        # Imported on first use: the parser module is not needed to paint an empty window.
        from reader.article import BlockKind
        from reader.metaline import meta_line

        self._update_margins()
        direction = article_direction(
            [article.title, *(b.text for b in article.blocks if b.kind != BlockKind.CAPTION)]
        )
        cursor = QTextCursor(self.document())
        first = True

        def add(text: str, scale: float, leading: float, *, bold: bool = False,
                muted: bool = False, space_before: float = 0.0, space_after: float = 0.8,
                direction_of_text: str | None = None) -> None:  # fmt: skip
            nonlocal first
            px = QFontInfo(self.font()).pixelSize() * scale
            block = QTextBlockFormat()
            own = direction_of_text or paragraph_direction(text, default=direction)
            block.setLayoutDirection(_direction(own))
            # AlignLeading is the right edge in an RTL block: ragged on the other side, and no
            # justification (Qt stretches Arabic between letters, breaking the joins).
            block.setAlignment(Qt.AlignmentFlag.AlignLeading)
            block.setLineHeight(px * leading, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            block.setTopMargin(px * space_before)
            block.setBottomMargin(px * space_after)
            char = QTextCharFormat()
            char.setFontPointSize(self.font().pointSizeF() * scale)
            char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            if muted:
                char.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            if first:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char)
                first = False
            else:
                cursor.insertBlock(block, char)
            # One paragraph is one block: stray newlines inside it become spaces.
            cursor.insertText(" ".join(display_safe(text).split()), char)

        add(article.title, TITLE_SCALE, TITLE_LEADING, bold=True, space_after=0.35)
        if with_meta:
            add(meta_line(article, direction), META_SCALE, BODY_LEADING, muted=True,
                space_after=1.4, direction_of_text=direction)  # fmt: skip
        if self._notice:
            add(self._notice, 1.0, BODY_LEADING, muted=True, space_after=1.4)
        for block in article.blocks:
            if block.kind == BlockKind.SUBHEADING:
                add(block.text, SUBHEADING_SCALE, BODY_LEADING * 0.85, bold=True,
                    space_before=0.6, space_after=0.5)  # fmt: skip
            elif block.kind == BlockKind.CAPTION:
                add(block.text, CAPTION_SCALE, BODY_LEADING * 0.9, muted=True, space_after=1.2)
            else:
                add(block.text, 1.0, BODY_LEADING)
        if fraction:
            scroll.setValue(round(fraction * scroll.maximum()))
        self._find_matches()

    # --- highlighted matches -----------------------------------------------------------------

    def set_highlight_terms(self, terms: list[Term]) -> None:
        """Highlight every match of these search terms (same rules as the search)."""
        self._terms = list(terms)
        self._find_matches()

    def match_count(self) -> int:
        return len(self._matches)

    def current_match(self) -> int:
        return self._current

    def go_to_match(self, step: int) -> None:
        """The next (+1) or previous (-1) match, wrapping around; shown in the middle."""
        if not self._matches:
            return
        if self._current < 0:
            self._current = 0 if step > 0 else len(self._matches) - 1
        else:
            self._current = (self._current + step) % len(self._matches)
        self._paint_matches()
        start, _end = self._matches[self._current]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def _find_matches(self) -> None:
        from reader.query import find_matches

        self._matches, self._current = [], -1
        if self._terms and self._article is not None:
            block = self.document().begin()
            while block.isValid():
                base = block.position()
                spans = find_matches(self._terms, block.text())
                self._matches.extend((base + a, base + b) for a, b in spans)
                block = block.next()
        self._paint_matches()

    def _paint_matches(self) -> None:
        # Background only, over whole words: Qt then draws each word as one shaped run.
        palette = self.palette()
        selections = []
        for number, (start, end) in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            current = number == self._current
            selection.format.setBackground(
                palette.color(QPalette.ColorRole.Highlight) if current else _MATCH_COLOR
            )
            selection.format.setForeground(
                palette.color(QPalette.ColorRole.HighlightedText) if current else QColor("black")
            )
            selections.append(selection)
        self.setExtraSelections(selections)
        self.matches_changed.emit(self._current, len(self._matches))

    # --- a readable column, centred --------------------------------------------------------

    def _update_margins(self) -> None:
        em = QFontInfo(self.font()).pixelSize()
        available = self.viewport().width()
        side = max(em * MIN_SIDE_MARGIN_EMS, (available - em * MAX_LINE_EMS) / 2)
        frame = self.document().rootFrame()
        fmt: QTextFrameFormat = frame.frameFormat()
        if (fmt.leftMargin(), fmt.rightMargin()) == (side, side):
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(em * 1.5)
        fmt.setBottomMargin(em * 3)
        frame.setFrameFormat(fmt)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted)  # after this paint reaches the screen

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Before the base class lays the document out again, so it lays out once.
        self._update_margins()
        super().resizeEvent(event)
