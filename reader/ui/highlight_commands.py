"""Highlights: select words in the reading pane and press Ctrl+H. No dialog: the words are
highlighted at once in the default colour and saved; Ctrl+H on a highlight removes it. The
pane's context menu adds the colours, a note and removal.

A highlight holds whole words (reader.ui.word_selection), anchored in the article's own
text like a paragraph mark; MarkCommands finds the open article's annotations again when it
opens, and this paints the highlights among them (reader.ui.highlight_painter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from reader.qt.actions import ActionId
from reader.text.sanitize import single_line
from reader.ui.highlight_painter import COLORS, DEFAULT_COLOR, Highlight
from reader.ui.notes_panel import color_icon, color_name
from reader.ui.word_selection import WordSelection, selected_words
from reader.userdata.formats import HIGHLIGHT
from reader.userdata.store import StoreError

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.text.anchoring import Anchor
    from reader.ui.main_window import MainWindow
    from reader.userdata.store import Mark


class Target(NamedTuple):
    """What a command acts on: the words selected (offsets in the article's text, None for a
    bare cursor or click) and the highlights there, with where each is now."""

    span: tuple[int, int] | None
    touched: list[tuple[Mark, Anchor]]

    def highlighted(self) -> bool:
        """Every selected word is highlighted already (or the cursor is in a highlight)."""
        if not self.touched:
            return False
        if self.span is None:
            return True
        start, end = self.span
        for _, where in sorted(self.touched, key=lambda t: t[1].start):
            if where.start > start:
                return False
            start = max(start, where.end)
        return start >= end


class HighlightCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.user_state
        self.view = window.view
        self.words = WordSelection(self.view)
        a = window.actions_
        a[ActionId.HIGHLIGHT].triggered.connect(lambda: self.toggle(self._at_cursor()))
        a[ActionId.HIGHLIGHT_NOTE].triggered.connect(lambda: self.note(self._at_cursor()))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        window.notes_panel.edit_requested.connect(self.edit_note)
        window.notes_panel.color_requested.connect(self._recolor)
        window.marks.anchored.connect(self.paint)
        self.state.marks_changed.connect(self.paint)

    # --- what is selected ------------------------------------------------------------------

    def _placed(self) -> list[tuple[Mark, Anchor]]:
        """The highlights of the article shown, where they are in it now."""
        meta = self.window.current
        if meta is None or self.window.marks.shown() is None:
            return []
        found = []
        for mark in self.state.marks(meta.id, kind=HIGHLIGHT):
            where = self.window.marks.place(mark)
            if where is not None:
                found.append((mark, where))
        return found

    def _target(self, start: int, end: int) -> Target | None:
        """The words between two document positions (a bare position: the highlight there);
        None when no article is shown or there is nothing to act on."""
        if self.window.marks.shown() is None:
            return None
        if start == end:
            offset = self.view.offset_of(start)
            if offset is None:
                return None
            touched = [(m, w) for m, w in self._placed() if w.start <= offset <= w.end]
            return Target(None, touched[:1]) if touched else None
        span = selected_words(self.view, start, end)
        if span is None:
            return None
        touched = [(m, w) for m, w in self._placed() if w.start < span[1] and w.end > span[0]]
        return Target(span, touched)

    def _at_cursor(self) -> Target | None:
        cursor = self.view.textCursor()
        return self._target(cursor.selectionStart(), cursor.selectionEnd())

    def _at_point(self, point: QPoint) -> Target | None:
        """A right-click: the selection if the click is in it, else the highlight there."""
        cursor = self.view.textCursor()
        clicked = self.view.cursorForPosition(point).position()
        if cursor.hasSelection() and cursor.selectionStart() <= clicked <= cursor.selectionEnd():
            return self._at_cursor()
        return self._target(clicked, clicked) or (
            self._at_cursor() if cursor.hasSelection() else None
        )

    # --- the commands ----------------------------------------------------------------------

    def toggle(self, target: Target | None) -> None:
        """Ctrl+H: highlight the selected words, or remove the highlight they are in."""
        if target is None:
            self._say(self.tr("Select the words to highlight first."))
        elif target.highlighted():
            notes = [m.note for m, _ in target.touched if m.note]
            if notes and not self._confirm_removal(notes[0]):
                return
            self.remove(target)
        else:
            self._add(target, self._color_of(target), self._note_of(target))

    def remove(self, target: Target) -> None:
        if self._saved(lambda: [self.state.remove_mark(m.mark) for m, _ in target.touched]):
            self._say(self.tr("Highlight removed"))

    def set_color(self, target: Target, color: str) -> None:
        if target.highlighted():
            self._saved(lambda: [self.state.set_mark_color(m.mark, color)
                                 for m, _ in target.touched])  # fmt: skip
        else:
            self._add(target, color, self._note_of(target))

    def note(self, target: Target | None) -> None:
        """The note of the highlight selected; on words not highlighted yet, highlight them
        with it."""
        if target is None:
            self._say(self.tr("Select the words to highlight first."))
        elif target.highlighted():
            self.edit_note(target.touched[0][0])
        else:
            quote = self._quote(target.span)
            note = self._ask_note(quote, self._note_of(target))
            if note is not None:
                self._add(target, self._color_of(target), note)

    def edit_note(self, mark: Mark) -> None:
        if mark.kind != HIGHLIGHT:
            return  # MarkCommands.edit_mark
        note = self._ask_note(mark.quote, mark.note)
        if note is not None and note != mark.note:
            self._saved(lambda: self.state.update_mark(mark.mark, note))

    def _recolor(self, mark: Mark, color: str) -> None:
        self._saved(lambda: self.state.set_mark_color(mark.mark, color))

    def _add(self, target: Target, color: str, note: str) -> None:
        """A highlight over the selected words and any highlight they overlap, which it
        replaces: one highlight, their notes kept in it."""
        from reader.text.anchoring import anchor_span

        meta, article = self.window.current, self.window.marks.shown()
        if meta is None or article is None or target.span is None:
            return
        if self.window.model.is_missing(meta.id):
            return
        start = min([target.span[0], *(w.start for _, w in target.touched)])
        end = max([target.span[1], *(w.end for _, w in target.touched)])
        anchor = anchor_span(article, start, end)

        def change() -> None:
            self.state.add_mark(
                meta.id, anchor, note, meta.title, meta.path,
                kind=HIGHLIGHT, color=color, source=meta.source_label(), date=meta.date,
            )  # fmt: skip
            # Only once the new one is saved: a failure between leaves both, never neither.
            for mark, _ in target.touched:
                self.state.remove_mark(mark.mark)

        if self._saved(change):
            self.put_cursor(start)  # so Ctrl+H again takes it back, Ctrl+Shift+H adds a note
            self._say(self.tr("Highlighted"))

    # --- helpers ---------------------------------------------------------------------------

    def _color_of(self, target: Target) -> str:
        return target.touched[0][0].color if target.touched else DEFAULT_COLOR

    def _note_of(self, target: Target) -> str:
        return "\n".join(m.note for m, _ in target.touched if m.note)

    def _quote(self, span: tuple[int, int] | None) -> str:
        from reader.text.anchoring import article_text

        article = self.window.marks.shown()
        if span is None or article is None:
            return ""
        return article_text(article).text[span[0] : span[1]]

    def _ask_note(self, quote: str, note: str) -> str | None:
        """The note typed for ``quote``; None if the dialog was cancelled."""
        shown = single_line(quote)
        if len(shown) > 80:
            shown = shown[:80].rstrip() + "…"
        text, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Note on the Highlight"),
            self.tr("A note for “%1”:").replace("%1", shown), note,
        )  # fmt: skip
        return text.strip() if ok else None

    def _confirm_removal(self, note: str) -> bool:
        answer = QMessageBox.question(
            self.window, self.tr("Remove the Highlight"),
            self.tr("This highlight has a note: “%1”. Remove the highlight and its note?")
            .replace("%1", single_line(note)[:200]),
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except StoreError as err:
            QMessageBox.warning(self.window, self.tr("Highlight not saved"), single_line(str(err)))
            return False
        return True

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 3000)

    def put_cursor(self, offset: int) -> None:
        """The pane's (invisible) cursor at ``offset`` of the article's text, the view kept
        where it is."""
        position = self.view.position_of(offset)
        if position is None:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        bar = self.view.verticalScrollBar()
        value = bar.value()
        self.view.setTextCursor(cursor)
        bar.setValue(value)

    # --- painting --------------------------------------------------------------------------

    def paint(self) -> None:
        self.view.set_highlights(
            [Highlight(w.start, w.end, m.color) for m, w in self._placed() if w.end > w.start]
        )

    # --- the pane's context menu -----------------------------------------------------------

    def _context_menu(self, point: QPoint) -> None:
        menu = self.view.createStandardContextMenu(point)  # Copy, Select All
        target = self._at_point(point)
        meta = self.window.current
        if target is not None and meta is not None and not self.window.model.is_missing(meta.id):
            self._fill_menu(menu, target)
        menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _fill_menu(self, menu: QMenu, target: Target) -> None:
        def keys(action: ActionId) -> str:
            shortcut = self.window.actions_[action].shortcut()
            return "\t" + shortcut.toString(QKeySequence.SequenceFormat.NativeText)

        highlighted = target.highlighted()
        menu.addSeparator()
        if not highlighted:
            add = menu.addAction(self.tr("Highlight") + keys(ActionId.HIGHLIGHT))
            add.setObjectName("highlightAdd")
            add.triggered.connect(lambda: self.toggle(target))
        colors = menu.addMenu(self.tr("Colour"))
        colors.setObjectName("highlightColors")
        current = self._color_of(target) if highlighted else None
        for color in COLORS:
            action = colors.addAction(color_icon(color), color_name(color))
            action.setObjectName(f"highlightColor_{color}")
            action.setCheckable(True)
            action.setChecked(color == current)
            action.triggered.connect(lambda _=False, c=color: self.set_color(target, c))
        note = menu.addAction(self.tr("Note…") + keys(ActionId.HIGHLIGHT_NOTE))
        note.setObjectName("highlightNote")
        note.triggered.connect(lambda: self.note(target))
        if target.touched:
            remove = menu.addAction(self.tr("Remove Highlight"))
            remove.setObjectName("highlightRemove")
            remove.triggered.connect(lambda: self.remove(target))
