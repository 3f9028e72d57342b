"""The Notes panel: highlights, paragraph bookmarks and notes of the whole library, newest
first, filtered by colour and by the open article, searched with the library's Arabic
folding; a click goes to the words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog

from reader.qt.actions import ActionId, create_actions
from reader.text.anchoring import anchor_block, anchor_span, article_text
from reader.text.article import parse_article
from reader.ui.highlight_painter import COLORS

from conftest import ENGLISH_ARTICLE, SEED_FILE, SEED_TITLE
from gui_helpers import close_window, open_window

pytestmark = pytest.mark.gui

SEED = parse_article(SEED_FILE.read_text("utf-8"))
ENGLISH = parse_article(ENGLISH_ARTICLE)
ENGLISH_TITLE = ENGLISH.title
_DIRECTION = Qt.ItemDataRole.UserRole + 2


def meta_of(window, title: str):
    return next(m for m in window.session.catalog.articles() if m.title == title)


def highlight(window, title: str, words: str, color: str = "yellow", note: str = ""):
    """A highlight on ``words`` of an article, as Ctrl+H saves it."""
    meta = meta_of(window, title)
    article = SEED if title == SEED_TITLE else ENGLISH
    at = article_text(article).text.index(words)
    anchor = anchor_span(article, at, at + len(words))
    return window.user_state.add_mark(
        meta.id, anchor, note, meta.title, meta.path, kind="highlight", color=color
    )


def bookmark_paragraph(window, index: int, note: str):
    meta = meta_of(window, SEED_TITLE)
    return window.user_state.add_mark(
        meta.id, anchor_block(SEED, index), note, meta.title, meta.path
    )


def open_article(qtbot, window, title: str) -> None:
    meta = meta_of(window, title)
    window.select_article(meta.id)
    qtbot.waitUntil(lambda: window.current.id == meta.id and not window.view.is_busy())


def open_panel(window):
    window.actions_[ActionId.SHOW_MARKS].setChecked(True)
    panel = window.notes_panel
    assert panel.isVisible()
    return panel


def listed(panel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def three_notes(window):
    """A paragraph bookmark, then an English highlight, then a green Arabic one."""
    mark = bookmark_paragraph(window, 12, "A note in English")
    english = highlight(window, ENGLISH_TITLE, "test flight", note="ملاحظة للرئيس")
    arabic = highlight(window, SEED_TITLE, "فلاديمير بوتين", "green", "الرَّئِيس الروسي")
    return mark, english, arabic


def test_the_panel_lists_every_kind_newest_first_each_in_its_own_direction(qtbot, library):
    window = open_window(qtbot, library)
    mark, english, arabic = three_notes(window)
    panel = open_panel(window)
    assert window.actions_[ActionId.SHOW_MARKS].text().replace("&", "") == "Notes Panel"
    assert [m.mark for m in panel.shown_marks()] == [arabic.mark, english.mark, mark.mark]
    first, second, third = listed(panel)
    # A highlight: its words, its note, its article's title.
    assert first.split("\n") == ["فلاديمير بوتين", "الرَّئِيس الروسي", SEED_TITLE]
    assert second.split("\n") == ["test flight", "ملاحظة للرئيس", ENGLISH_TITLE]
    assert third.split("\n") == ["A note in English", SEED_TITLE]
    directions = [panel.list.item(row).data(_DIRECTION) for row in range(3)]
    assert directions == ["rtl", "ltr", "ltr"]
    assert "Green highlight" in panel.list.item(0).toolTip()
    assert not panel.list.item(0).icon().isNull() and panel.list.item(2).icon().isNull()
    close_window(window)


def test_filters_by_colour_and_by_the_open_article(qtbot, library):
    window = open_window(qtbot, library)
    mark, english, arabic = three_notes(window)
    panel = open_panel(window)

    def choose(label: str) -> None:
        panel.kinds.setCurrentIndex(panel.kinds.findText(label))

    choose("Green")
    assert panel.shown_marks() == [arabic]
    choose("Yellow")
    assert panel.shown_marks() == [english]
    choose("Highlights")
    assert panel.shown_marks() == [arabic, english]
    choose("Paragraph Bookmarks")
    assert panel.shown_marks() == [mark]
    choose("Pink")
    assert panel.shown_marks() == [] and listed(panel) == ["No note here matches."]
    assert panel.list.item(0).flags() == Qt.ItemFlag.NoItemFlags
    choose("Everything")
    open_article(qtbot, window, ENGLISH_TITLE)
    panel.this_article.setChecked(True)
    assert panel.shown_marks() == [english]
    open_article(qtbot, window, SEED_TITLE)  # follows the article opened
    assert panel.shown_marks() == [arabic, mark]
    panel.this_article.setChecked(False)
    assert len(panel.shown_marks()) == 3
    close_window(window)


def test_search_folds_arabic_like_the_library_search(qtbot, library):
    window = open_window(qtbot, library)
    mark, english, arabic = three_notes(window)
    panel = open_panel(window)
    # الرئيس: the note saying للرئيس (a clitic), and the one with harakat الرَّئِيس.
    panel.search.setText("الرئيس")
    assert panel.shown_marks() == [arabic, english]
    panel.search.setText("بوتين")  # the highlighted words themselves
    assert panel.shown_marks() == [arabic]
    panel.search.setText("روسيا")  # the article's title
    assert panel.shown_marks() == [arabic, mark]
    panel.search.setText("FLIGHT")
    assert panel.shown_marks() == [english]
    panel.search.setText("مصنعا لا يوجد")
    assert panel.shown_marks() == [] and listed(panel) == ["No note here matches."]
    panel.search.clear()
    assert len(panel.shown_marks()) == 3
    close_window(window)


def test_a_click_jumps_to_the_words_in_their_article(qtbot, library, monkeypatch):
    window = open_window(qtbot, library)
    window.resize(900, 500)
    words = "ميخائيل ديجتياريف"
    target = highlight(window, SEED_TITLE, words)
    open_article(qtbot, window, ENGLISH_TITLE)
    panel = open_panel(window)
    panel.list.itemClicked.emit(panel.list.item(0))
    qtbot.waitUntil(lambda: window.current.title == SEED_TITLE and not window.view.is_busy())
    view = window.view
    assert view.verticalScrollBar().value() > 0  # far down the article
    position = view.position_of(target.start)
    line_top = view.cursorRect(view.textCursor()).top()
    assert view.textCursor().position() == position and 0 <= line_top < 60
    # The cursor is in it: the note is one shortcut away.
    note = ("a note from the panel", True)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a: note))
    window.actions_[ActionId.HIGHLIGHT_NOTE].trigger()
    assert window.user_state.marks(kind="highlight")[0].note == "a note from the panel"
    close_window(window)


def test_not_found_annotations_are_listed_as_not_found(qtbot, library):
    window = open_window(qtbot, library)
    from reader.text.anchoring import Anchor

    meta = meta_of(window, SEED_TITLE)
    gone = Anchor(3, 500, 517, "كلمات حذفت من الملف", "قبلها ", " بعدها")  # since deleted
    window.user_state.add_mark(
        meta.id, gone, "gone from the file", meta.title, meta.path, kind="highlight", color="blue"
    )
    open_article(qtbot, window, SEED_TITLE)  # looked for, and not found: kept all the same
    open_article(qtbot, window, ENGLISH_TITLE)
    panel = open_panel(window)
    [text] = listed(panel)
    assert text.endswith("(not found in the article as it is now)")
    assert "gone from the file" in text
    panel.list.itemClicked.emit(panel.list.item(0))
    qtbot.waitUntil(lambda: window.current.title == SEED_TITLE and not window.view.is_busy())
    assert "not found" in window.statusBar().currentMessage()
    close_window(window)


def test_colour_and_note_from_the_panel(qtbot, library, monkeypatch):
    window = open_window(qtbot, library)
    mark = highlight(window, SEED_TITLE, "فلاديمير بوتين")
    open_article(qtbot, window, SEED_TITLE)
    panel = open_panel(window)
    panel.color_requested.emit(mark, "pink")
    [mark] = window.user_state.marks()
    assert mark.color == "pink"
    # Painted in its new colour at once.
    start = window.view.position_of(mark.start)
    block = window.view.document().findBlock(start)
    formats = [f.format.background().color() for f in block.textFormats()]
    assert COLORS["pink"] in formats
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a: ("  a note  ", True))
    )
    panel.edit_requested.emit(mark)
    assert window.user_state.marks()[0].note == "a note"
    assert listed(panel)[0].split("\n")[1] == "a note"
    panel.remove_requested.emit(window.user_state.marks()[0])
    assert window.user_state.marks() == []
    assert panel.list.item(0).flags() == Qt.ItemFlag.NoItemFlags  # "no notes yet"
    close_window(window)


def test_the_highlight_shortcuts_are_taken_by_nothing_else(qapp):
    actions = create_actions(None)
    seen: dict[str, ActionId] = {}
    for action_id, action in actions.items():
        for shortcut in action.shortcuts():
            key = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, (key, action_id, seen.get(key))
            seen[key] = action_id
    assert seen["Ctrl+H"] is ActionId.HIGHLIGHT
    assert seen["Ctrl+Shift+H"] is ActionId.HIGHLIGHT_NOTE
    assert seen["Ctrl+Shift+M"] is ActionId.SHOW_MARKS


def test_in_arabic_the_panel_sits_beside_the_article_and_speaks_rtl(qtbot, library):
    from PySide6.QtWidgets import QApplication

    from reader.qt.i18n import install_language

    app = QApplication.instance()
    try:
        install_language(app, "ar")
        window = open_window(qtbot, library)
        window.actions_[ActionId.SHOW_MARKS].setChecked(True)
        item = window.notes_panel.list.item(0)
        assert not item.flags() & Qt.ItemFlag.ItemIsEnabled  # the "no notes yet" line
        assert item.data(Qt.ItemDataRole.UserRole + 2) == "rtl"
        # Mirrored: the list on the right, the article, then the panel on the left.
        area = window.dockWidgetArea(window.notes_panel)
        assert area == Qt.DockWidgetArea.LeftDockWidgetArea
        close_window(window)
    finally:
        install_language(app, "en")


def test_the_panel_left_open_is_open_again_where_it_was(qtbot, library):
    # The panel is built once the window has painted, after the window's saved state was
    # restored; it still comes back as it was left, and a window closed before it was
    # built keeps it so for the next (and never starts reading once closed).
    from reader.qt import paths
    from reader.qt.settings import Settings
    from reader.qt.user_state import UserState
    from reader.ui.main_window import START_ANYWAY_MS, MainWindow
    from reader.userdata.store import UserStore

    window = open_window(qtbot, library)
    open_panel(window)
    window.removeDockWidget(window.notes_panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.notes_panel)
    window.notes_panel.show()
    close_window(window)
    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    unpainted = MainWindow(Settings(paths.settings_path()), state, [str(library)])
    qtbot.addWidget(unpainted)
    close_window(unpainted)
    qtbot.wait(2 * START_ANYWAY_MS)
    assert unpainted.session.catalog is None
    again = open_window(qtbot, library)
    assert again.notes_panel.isVisible()
    assert again.actions_[ActionId.SHOW_MARKS].isChecked()
    assert again.dockWidgetArea(again.notes_panel) == Qt.DockWidgetArea.BottomDockWidgetArea
    close_window(again)
