"""Paragraph mark commands: mark the paragraph in view with a note, edit or remove a mark,
go to one (or to a highlight) from the Notes panel; and anchor an article's annotations,
marks and highlights alike, again each time it is opened.

Marks live in the article's own text (reader.text.anchoring: the paragraph's index in
``Article.blocks``, its opening words and their surroundings), never in the pane's document
block numbers, which a notice or the pieces of a giant paragraph shift.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox

from reader.qt.actions import ActionId
from reader.text.sanitize import single_line
from reader.userdata.formats import HIGHLIGHT
from reader.userdata.store import StoreError

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.library.entries import ArticleMeta
    from reader.text.anchoring import Anchor
    from reader.text.article import Article
    from reader.ui.main_window import MainWindow
    from reader.userdata.store import Mark


class MarkCommands(QObject):
    anchored = Signal()  # the annotations of the article just shown were looked for in it

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.user_state
        self.panel = window.notes_panel
        self._goto: Mark | None = None  # a mark to show once its article is open
        # The article shown whose marks were anchored, and where each of them is in it now
        # (None: nowhere). Kept here too, for a store that cannot be written.
        self._anchored: Article | None = None
        self._where: dict[int, Anchor | None] = {}
        a = window.actions_
        a[ActionId.MARK_PARAGRAPH].triggered.connect(self.mark_paragraph)
        a[ActionId.SHOW_MARKS].toggled.connect(self.show_panel)
        self.panel.visibilityChanged.connect(a[ActionId.SHOW_MARKS].setChecked)
        self.panel.mark_chosen.connect(self.go_to_mark)
        self.panel.remove_requested.connect(self.remove_mark)
        self.panel.edit_requested.connect(self.edit_mark)
        self.state.marks_changed.connect(self._refresh_panel)
        window.view.article_shown.connect(self.reanchor)
        window.view.ready.connect(self.scroll_to_pending)

    def _refresh_panel(self, showing: bool = False) -> None:
        current = self.window.current
        self.panel.set_article(current.id if current is not None else None)
        if showing or self.panel.isVisible():
            self.panel.show_marks(self.state.marks())

    def show_panel(self, on: bool) -> None:
        if on:
            self._refresh_panel(showing=True)
        self.panel.setVisible(on)

    def shown(self) -> Article | None:
        """The current article, if the pane shows it (not a message in its place)."""
        article = self.window.view.article()
        return article if article is not None and article is self._anchored else None

    def mark_paragraph(self) -> None:
        from reader.text.anchoring import anchor_words

        window = self.window
        meta, article = window.current, self.shown()
        offset = window.view.offset_at_top()
        if meta is None or article is None or offset is None or window.model.is_missing(meta.id):
            return
        anchor = anchor_words(article, offset)  # a paragraph, or a piece of a giant one
        note, ok = QInputDialog.getText(
            window, self.tr("Bookmark This Paragraph"),
            self.tr("A note for “%1…” (optional):").replace("%1", single_line(anchor.quote)),
        )  # fmt: skip
        if ok and self._saved(lambda: self._add(meta, anchor, note.strip())):
            window.statusBar().showMessage(self.tr("Paragraph bookmarked"), 3000)

    def _add(self, meta: ArticleMeta, anchor: Anchor, note: str) -> None:
        mark = self.state.add_mark(
            meta.id, anchor, note, meta.title, meta.path,
            source=meta.source_label(), date=meta.date,
        )  # fmt: skip
        self._where[mark.mark] = anchor

    def remove_mark(self, mark: Mark) -> None:
        self._saved(lambda: self.state.remove_mark(mark.mark))

    def edit_mark(self, mark: Mark) -> None:
        if mark.kind == HIGHLIGHT:
            return  # HighlightCommands.edit_note
        note, ok = QInputDialog.getText(
            self.window, self.tr("Edit the Note"), self.tr("Note:"), text=mark.note
        )
        if ok:
            self._saved(lambda: self.state.update_mark(mark.mark, note.strip()))

    def _saved(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except StoreError as err:
            QMessageBox.warning(self.window, self.tr("Bookmark not saved"), single_line(str(err)))
            return False
        return True

    def reanchor(self) -> None:
        """Find the marks of the article just shown in its text as it is now, and save where
        they are: the file may have changed since they were made."""
        from reader.text.anchoring import Anchor, resolve

        meta, article = self.window.current, self.window.view.article()
        self._anchored = article if meta is not None else None
        self._where = {}
        if self._goto is not None and (meta is None or self._goto.article_id != meta.id):
            self._goto = None  # another article was chosen meanwhile
        self.panel.set_article(meta.id if meta is not None else None)
        if meta is None or article is None:
            self.anchored.emit()
            return
        # Of a very long article only the opening is shown: a mark past it is not found *yet*.
        whole = self.window.view.shown_in_full()
        changes: list[tuple[int, Anchor | None]] = []
        for mark in self.state.marks(meta.id):
            old = Anchor(mark.block, mark.start, mark.end, mark.quote, mark.prefix, mark.suffix)
            now = self._where[mark.mark] = resolve(article, old)
            if now is None:
                if whole and mark.found:
                    changes.append((mark.mark, None))  # kept, and listed as not found
            elif now != old or not mark.found:
                changes.append((mark.mark, now))
        self.state.update_mark_anchors(changes)
        self.anchored.emit()

    def go_to_mark(self, mark: Mark) -> None:
        """Open the marked article (if it is in the library) at the marked paragraph."""
        window = self.window
        if window.current is not None and window.current.id == mark.article_id and self.shown():
            self._show(mark)
            return
        self._goto = mark
        if not window.select_article(mark.article_id):
            self._goto = None
            window.statusBar().showMessage(
                self.tr("That article is not in the library that is open."), 5000
            )

    def place(self, mark: Mark) -> Anchor | None:
        """Where ``mark`` (of the article shown) is in it now; None: nowhere."""
        from reader.text.anchoring import Anchor

        if mark.mark in self._where:
            return self._where[mark.mark]
        return Anchor(mark.block, mark.start, mark.end, mark.quote) if mark.found else None

    def _show(self, mark: Mark) -> None:
        where = self.place(mark)
        view = self.window.view
        if where is not None and (
            view.scroll_to_offset(where.start)
            if where.quote
            else view.scroll_to_article_block(where.block)
        ):
            if mark.kind == HIGHLIGHT:
                self.window.highlights.put_cursor(where.start)  # Ctrl+Shift+H: its note
            return
        self.window.statusBar().showMessage(
            self.tr("Those words were not found in the article as it is now.")
            if mark.kind == HIGHLIGHT
            else self.tr("That paragraph was not found in the article as it is now."),
            5000,
        )

    def jumping(self) -> bool:
        """An article is being opened to show a mark (not at the reader's last place)."""
        return self._goto is not None

    def scroll_to_pending(self) -> None:
        # Not while the article is still being laid out, nor over a message shown in its
        # place meanwhile ("Opening this long article…").
        if self._goto is not None and not self.window.view.is_busy() and self.shown():
            mark, self._goto = self._goto, None
            self._show(mark)
