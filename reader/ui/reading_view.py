"""The reading pane: an article laid out block by block, each paragraph in its own direction.

Article text is untrusted, so it only ever enters the document through ``QTextCursor.insertText``
(never as HTML); links are not followed and no resource (image, stylesheet) is ever loaded.

Untrusted also means huge: the document is built in steps. The first screens go in at once
(all of a typical article), the rest from a zero-timer in steps of a few milliseconds, so
the window keeps answering; a giant paragraph is shown as several blocks (Qt lays out a
block as one unit); past :data:`reader.text.excerpt.SHOWN_CHARS` a note says the rest is not
shown. Search matches are found block by block along with the building, and only those
around the visible part are painted when there are very many.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractSlider, QTextBrowser, QWidget

from reader.text.direction import paragraph_direction
from reader.text.sanitize import display_safe
from reader.ui.block_map import ArticlePlaces, BlockMap
from reader.ui.block_styles import (
    BODY,
    BODY_LEADING,
    CAPTION,
    MAX_LINE_EMS,
    META,
    NOTE,
    NOTICE,
    SUBHEADING,
    TITLE,
    Style,
    block_formats,
    set_column_margins,
)
from reader.ui.highlight_painter import Highlight, HighlightPainter
from reader.ui.search_matches import SearchMatches

if TYPE_CHECKING:
    from reader.text.article import Article
    from reader.text.excerpt import Excerpt
    from reader.text.query import Term

# Characters laid out at once: several screens, and the whole of a typical news article
# (Qt lays out ~1,000 Arabic characters a millisecond in a narrow column). Later steps, from
# a zero-timer, lay out and search about STEP_CHARS each: ~10 ms, a few times that at worst.
FIRST_CHARS = 20_000
STEP_CHARS = 8_000
# A new width makes Qt lay the whole document out again, at once (a second for 1M
# characters): a longer one is rebuilt in steps instead, like after a zoom.
REFLOW_CHARS = 50_000


class _InertDocument(QTextDocument):
    """A document that loads nothing: no image, no stylesheet, no file behind a URL."""

    def loadResource(self, type: int, name: QUrl) -> object:
        return None


class ReadingView(QTextBrowser, ArticlePlaces):
    zoom_requested = Signal(int)  # +1 / -1 steps, from Ctrl+wheel
    first_painted = Signal()  # once, after the pane has first been drawn
    matches_changed = Signal(int, int)  # current match (0-based, -1: none), number of matches
    ready = Signal()  # all of the article that is shown is laid out and searched
    space_at_end = Signal()  # Space pressed with the end of the article in view: move on
    article_shown = Signal()  # show_article: article() is the new one, its layout to follow
    _showing = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(_InertDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        # A reading pane never scrolls sideways: an unbreakable run (a link, a 300-letter
        # "word") wraps anywhere, and Qt's RTL lines, which can overhang their width by a
        # few pixels, spill into the side margin rather than summon a scrollbar.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("readingView")
        self.setAccessibleName(self.tr("Article text"))
        self._excerpt: Excerpt | None = None
        self._block_map = BlockMap()  # document blocks ↔ the article's blocks and text
        self._notice = ""
        self._credit = ""
        self._with_meta = True
        self._painted = False
        self._native_digits = False  # the meta line's dates and counts in ٠١٢٣…
        self._hijri = False  # the Hijri date beside the Gregorian one
        self._spacing = BODY_LEADING  # body line height / pixel size; the others scale with it
        self._page_ems = MAX_LINE_EMS  # 0: the whole width
        # Building: the blocks still to insert, where, and a place to scroll back to.
        self._pending: Iterator[tuple[str, QTextBlockFormat, QTextCharFormat]] | None = None
        self._cursor = QTextCursor(self.document())
        self._first_block = True
        self._anchor: int | None = None
        self._formats: dict[tuple[Style, str, bool], tuple[QTextBlockFormat, QTextCharFormat]] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._matches = SearchMatches(self)
        self._highlights = HighlightPainter(self)
        self.verticalScrollBar().valueChanged.connect(self._matches.on_scrolled)

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
        place = self._place()
        self._clear()  # or the new font lays the old document out again, in vain
        self.setFont(font)
        self._rebuild(place)

    def set_meta_options(self, native_digits: bool, hijri: bool) -> None:
        """How the meta line writes its numbers, and whether it adds the Hijri date."""
        if (native_digits, hijri) != (self._native_digits, self._hijri):
            self._native_digits, self._hijri = native_digits, hijri
            if self._excerpt is not None:
                self._rebuild(self._place())

    def set_layout(self, line_spacing: float, page_ems: int) -> None:
        """Line height (× the font's pixel size) and column width in ems (0: full width)."""
        if (line_spacing, page_ems) == (self._spacing, self._page_ems):
            return
        self._spacing, self._page_ems = line_spacing, page_ems
        place = self._place()
        self._clear()
        self._update_margins()
        self._rebuild(place)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._excerpt is not None:
            self._rebuild(self._place())  # muted text and highlights take the theme's colours

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Space pages down and Shift+Space up, as in every reader; at the end, Space moves on.
        if event.key() == Qt.Key.Key_Space:
            bar = self.verticalScrollBar()
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
            elif bar.value() >= bar.maximum() and not self.is_busy():
                self.space_at_end.emit()
            else:
                bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            return
        super().keyPressEvent(event)

    def shown_in_full(self) -> bool:
        """The whole article is in the document (not only its first SHOWN_CHARS)."""
        return self._excerpt is not None and not self._excerpt.left_out

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
        """The article shown (only the part that is shown, for a very long one)."""
        return self._excerpt.article if self._excerpt is not None else None

    def show_article(
        self, article: Article | Excerpt, notice: str = "", credit: str | None = None
    ) -> None:
        """Show an article, or an excerpt of one made off the GUI thread (faster for long ones).

        ``credit``: the meta line's source, as the library parsed it (ArticleMeta.credit_line);
        the article's own source line by default.
        """
        from reader.text.excerpt import Excerpt, excerpt

        self._excerpt = article if isinstance(article, Excerpt) else excerpt(article)
        self._credit = self._excerpt.article.source if credit is None else credit
        self._notice = notice
        self._with_meta = True
        self._showing = True  # highlights set meanwhile go into the document built next
        self.article_shown.emit()  # before the layout, and the ready it may emit at once
        self._showing = False
        self._rebuild(None)

    def clear_article(self) -> None:
        self._excerpt = None
        self._notice = ""
        self._clear()
        self._matches.paint(announce=True)

    def show_message(self, title: str, text: str) -> None:
        """A message of ours (not article text) in place of an article."""
        from reader.text.article import Article
        from reader.text.excerpt import excerpt

        self._excerpt = excerpt(Article(title=title, source="", date=None, blocks=()))
        self._notice = text
        self._with_meta = False
        self._rebuild(None)

    def is_building(self) -> bool:
        """Blocks of the article are still to be laid out."""
        return self._pending is not None

    def is_busy(self) -> bool:
        """Still laying out the article or searching it for matches."""
        return self._timer.isActive()

    def _clear(self) -> None:
        """An empty document: nothing being built, no matches."""
        self._timer.stop()
        self._pending = None
        self._block_map.clear()
        self._anchor = None
        self._matches.reset()
        self.document().clear()
        self.setExtraSelections([])  # after: Qt works out where each one was, to repaint it

    def _rebuild(self, anchor: int | None, at_once: int = FIRST_CHARS) -> None:
        """Lay the article out again from the top; ``anchor``: a position to scroll back to.

        ``at_once``: characters to lay out before returning, the rest follows in steps.
        """
        self._clear()
        self.verticalScrollBar().setValue(0)
        if self._excerpt is None:
            self._matches.paint(announce=True)
            return
        self._update_margins()
        self._formats.clear()
        self._highlights.restart()
        self._cursor = QTextCursor(self.document())
        self._first_block = True
        self._pending = self._blocks(self._excerpt)
        self._anchor = anchor
        self._advance(at_once, announce=True)

    def _blocks(self, shown: Excerpt) -> Iterator[tuple[str, QTextBlockFormat, QTextCharFormat]]:
        """Every block to insert, in order, with its formats; giant paragraphs in pieces."""
        # Imported on first use: these modules are not needed to paint an empty window.
        from reader.text.article import BlockKind
        from reader.text.excerpt import pieces
        from reader.text.metaline import meta_line

        article, base = shown.article, shown.direction
        yield self._block(article.title, TITLE, base)
        if self._with_meta:
            line = meta_line(self._credit, article.date, shown.minutes, shown.language,
                             native_digits=self._native_digits, hijri=self._hijri)  # fmt: skip
            yield self._block(line, META, base, own=base)
        if self._notice:
            yield self._block(self._notice, NOTICE, base)
        styles = {BlockKind.SUBHEADING: SUBHEADING, BlockKind.CAPTION: CAPTION}
        # Run as the blocks go in, so what was yielded so far (title, meta, notice) is in.
        self._block_map.begin(article, 0 if self._first_block else self.document().blockCount())
        for index, block in enumerate(article.blocks):
            style = styles.get(block.kind, BODY)
            own = paragraph_direction(block.text, default=base)  # by its opening
            parts_of = pieces(block.text)
            piece = next(parts_of)
            for following in parts_of:
                self._block_map.add(index, piece)
                yield self._block(piece, style, base, own=own, last=False)
                piece, style = following, style._replace(space_before=0.0)
            self._block_map.add(index, piece)
            yield self._block(piece, style, base, own=own)
        if shown.left_out:
            note = self.tr(
                "The rest of this article (%1 more characters) is not shown: it is too long "
                "to display in full."
            ).replace("%1", f"{shown.left_out:,}")
            yield self._block(note, NOTE, base)

    def _block(
        self, text: str, style: Style, base: str, *, own: str | None = None, last: bool = True
    ) -> tuple[str, QTextBlockFormat, QTextCharFormat]:
        # One paragraph is one block: stray newlines inside it become spaces.
        text = " ".join(display_safe(text).split())
        direction = own or paragraph_direction(text, default=base)
        key = (style, direction, last)
        formats = self._formats.get(key)
        if formats is None:
            formats = self._formats[key] = block_formats(
                style, direction, last, self.font(), self.palette(), self._spacing
            )
        return text, *formats

    def _step(self) -> None:
        self._advance(STEP_CHARS)

    def _advance(self, budget: int, announce: bool = False) -> None:
        """Insert about ``budget`` more characters, search as many, and carry on later."""
        if self._pending is not None:
            self._insert(budget)
            self._highlights.paint_laid_out()
        self._matches.scan(budget)
        self._scroll_to_anchor()
        self._matches.resolve_pending_step()
        self._matches.paint(announce=announce)
        busy = self._pending is not None or self._matches.scanning()
        if busy and not self._timer.isActive():
            self._timer.start()
        elif not busy and self._timer.isActive():
            self._timer.stop()
        if not busy:
            self.ready.emit()

    def _insert(self, budget: int) -> None:
        assert self._pending is not None
        cursor = self._cursor
        # One edit block: the document announces (and lays out) the change once.
        cursor.beginEditBlock()
        try:
            added = 0
            while added < budget:
                item = next(self._pending, None)
                if item is None:
                    self._pending = None
                    break
                text, block, char = item
                if self._first_block:
                    cursor.setBlockFormat(block)
                    cursor.setBlockCharFormat(char)
                    self._first_block = False
                else:
                    cursor.insertBlock(block, char)
                cursor.insertText(text, char)
                added += len(text) + 1
        finally:
            cursor.endEditBlock()

    def _scroll_to_anchor(self) -> None:
        anchor = self._anchor
        if anchor is None or (self._pending is not None and self._cursor.position() <= anchor):
            return
        self._anchor = None
        bar = self.verticalScrollBar()
        if bar.value():
            return  # the reader has scrolled meanwhile
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(anchor, self.document().characterCount() - 1))
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def _place(self) -> int | None:
        """Where the reader is: the position at the top of the view; None at the very top."""
        if self._anchor is not None:
            return self._anchor  # still on the way back there after a rebuild
        return self.top_position() if self.verticalScrollBar().value() else None

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """The user's highlights in the article shown (offsets in its own text)."""
        if self._highlights.set(highlights) and self._excerpt is not None and not self._showing:
            self._rebuild(self._place())

    # --- highlighted matches (reader.ui.search_matches does the work) ----------------------

    def set_highlight_terms(self, terms: list[Term]) -> None:
        """Highlight every match of these search terms (same rules as the search)."""
        self._matches.set_terms(terms)
        self._advance(FIRST_CHARS, announce=True)

    def match_count(self) -> int:
        return self._matches.count()

    def current_match(self) -> int:
        return self._matches.current

    def go_to_match(self, step: int) -> None:
        """The next (+1) or previous (-1) match, wrapping around; shown in the middle.

        While a long article is still being searched, going to the first match waits for
        it to be found.
        """
        self._matches.go(step)

    def top_position(self) -> int:
        """The document position at the top of the visible part."""
        return self.cursorForPosition(QPoint(self.viewport().width() // 2, 1)).position()

    def bottom_position(self) -> int:
        """The document position at the bottom of the visible part."""
        viewport = self.viewport()
        return self.cursorForPosition(
            QPoint(viewport.width() // 2, viewport.height() - 1)
        ).position()

    # --- a readable column, centred --------------------------------------------------------

    def _update_margins(self) -> None:
        set_column_margins(self.document(), self.font(), self.viewport().width(), self._page_ems)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted)  # after this paint reaches the screen

    def resizeEvent(self, event: QResizeEvent) -> None:
        reflow = (
            self._excerpt is not None
            and event.size().width() != event.oldSize().width()
            and self.document().characterCount() > REFLOW_CHARS
        )
        if reflow:
            place = self._place()
            self._clear()
        # Before the base class lays the document out again, so it lays out once.
        self._update_margins()
        super().resizeEvent(event)
        if reflow:
            self._rebuild(place, STEP_CHARS)  # a drag resizes many times: keep each one short
