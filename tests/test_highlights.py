"""Highlights, as the reader makes them: select words, Ctrl+H, saved at once over whole words;
the pane's context menu for colours, a note and removal; kept across restarts and edits of
the file, and painted in every theme and on paper."""

from __future__ import annotations

import io
import re

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from reader.qt import paths
from reader.qt.actions import ActionId
from reader.qt.themes import Theme, apply_theme
from reader.text.anchoring import article_text
from reader.ui.highlight_painter import COLORS
from reader.userdata.formats import DEFAULT_COLOR, HIGHLIGHT
from reader.userdata.store import UserStore

from conftest import SEED_FILE, SEED_TITLE
from gui_helpers import close_window, open_window

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
KIM = "كيم جونغ أون مصنعا"  # the opening's "Kim Jong Un visited a factory"


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch):
    """Ctrl+H asks nothing: any dialog is a failure unless a test answers it."""

    def refuse(*args, **kwargs):
        raise AssertionError("a dialog was opened")

    for name in ("getText", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(refuse))
    yield
    apply_theme(Theme.LIGHT)  # the palette is the application's: don't leak it


# --- helpers ---------------------------------------------------------------------------------


def open_article(qtbot, window, title: str) -> str:
    wanted = next(m.id for m in window.session.catalog.articles() if m.title == title)
    window.select_article(wanted)
    qtbot.waitUntil(lambda: window.current.id == wanted and not window.view.is_busy())
    return wanted


def text_of(window) -> str:
    return article_text(window.view.article()).text


def select(window, start: int, end: int) -> None:
    """Select offsets [start, end) of the article's text in the pane, as a drag would."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_of(start))
    cursor.setPosition(view.position_of(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()


def select_text(window, words: str, start: int = 0, end: int | None = None) -> int:
    """Select part of ``words`` (its characters [start, end)); returns where ``words`` is."""
    at = text_of(window).index(words)
    select(window, at + start, at + (len(words) if end is None else end))
    return at


def ctrl_h(qtbot, window) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL)


def highlights(window) -> list:
    return window.user_state.marks(kind=HIGHLIGHT)


def painted(window) -> list[tuple[str, str]]:
    """(text, colour name) of each run of the document with a highlight's background."""
    names = {color.rgb(): name for name, color in COLORS.items()}
    runs: list[list] = []  # [text, colour, end]
    block = window.view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment, it = it.fragment(), it.__iadd__(1)
            brush = fragment.charFormat().background()
            name = (
                names.get(brush.color().rgb()) if brush.style() != Qt.BrushStyle.NoBrush else None
            )
            if name is None:
                continue
            if runs and runs[-1][1] == name and runs[-1][2] == fragment.position():
                runs[-1][0] += fragment.text()  # one highlight that Qt keeps in two fragments
            else:
                runs.append([fragment.text(), name, 0])
            runs[-1][2] = fragment.position() + fragment.length()
        block = block.next()
    return [(text, name) for text, name, _ in runs]


def point_of(window, offset: int) -> QPoint:
    """A point in the pane's viewport on the character at ``offset`` of the article's text."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_of(offset))
    return view.cursorRect(cursor).center()


def in_context_menu(qtbot, window, point: QPoint, action_name: str | None) -> list[str]:
    """Right-click at ``point``; trigger the action named ``action_name`` (None: none) of the
    menu that opens. Returns the names of the menu's own actions."""
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        seen.extend(a.objectName() if a.objectName().startswith("highlight") else a.text()
                    for a in menu.actions())  # fmt: skip
        chosen = menu.findChild(QAction, action_name) if action_name else None
        menu.close()
        if chosen is not None:
            chosen.trigger()

    QTimer.singleShot(50, choose)
    window.view.customContextMenuRequested.emit(point)
    return seen


def rewrite(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")


# --- Ctrl+H ----------------------------------------------------------------------------------


def test_ctrl_h_highlights_whole_arabic_words_at_once_and_again_removes_them(qtbot, library):
    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    at = select_text(window, KIM, 1, 6)  # "يم جو": a drag that starts and ends inside words
    ctrl_h(qtbot, window)
    [mark] = highlights(window)  # in the store at once, no dialog
    assert (mark.kind, mark.color, mark.quote) == (HIGHLIGHT, DEFAULT_COLOR, "كيم جونغ")
    assert (mark.start, mark.end) == (at, at + len("كيم جونغ")) and mark.found
    assert mark.title == SEED_TITLE and mark.path.endswith(SEED_FILE.name)
    # Painted over whole words: no run of the document starts or ends inside جونغ.
    assert painted(window) == [("كيم جونغ", DEFAULT_COLOR)]
    assert "Highlighted" in window.statusBar().currentMessage()
    # The cursor was left in it: Ctrl+H again takes it back.
    ctrl_h(qtbot, window)
    assert highlights(window) == [] and painted(window) == []
    # So does Ctrl+H on a selection inside a highlight.
    select_text(window, KIM, 0, 8)
    ctrl_h(qtbot, window)
    select_text(window, KIM, 5, 6)
    ctrl_h(qtbot, window)
    assert highlights(window) == []
    close_window(window)


def test_the_view_stays_where_the_reader_is_when_a_highlight_is_made(qtbot, library):
    window = open_window(qtbot, library)
    window.resize(900, 500)
    open_article(qtbot, window, SEED_TITLE)
    view = window.view
    words = "دميتري بيسكوف"
    at = text_of(window).index(words)
    view.scroll_to_offset(at - 40)
    before = view.verticalScrollBar().value()
    assert before > 0
    select_text(window, words, 2, 9)
    ctrl_h(qtbot, window)
    qtbot.waitUntil(lambda: not view.is_busy())
    assert highlights(window)[0].quote == words
    assert abs(view.verticalScrollBar().value() - before) < 10
    close_window(window)


def test_english_selection_snaps_to_words_and_drops_the_spaces_around(qtbot, library):
    window = open_window(qtbot, library)
    open_article(qtbot, window, "Kim visits fighter jet factory in Russia")
    words = "He watched a test flight of a Su-35."
    select_text(window, words, 4, 14)  # "atched a te"
    ctrl_h(qtbot, window)
    select_text(window, words, 17, 26)  # " flight o": spaces at both ends, a word cut
    ctrl_h(qtbot, window)
    assert sorted(m.quote for m in highlights(window)) == ["flight of", "watched a test"]
    assert painted(window) == [("watched a test", "yellow"), ("flight of", "yellow")]
    close_window(window)


def test_a_selection_made_with_shift_and_the_arrows_is_highlighted_whole(qtbot, library):
    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    at = text_of(window).index(KIM)
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_of(at + 5))  # inside جونغ
    view.setTextCursor(cursor)
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    # Left, as the arrow points: forwards in this right-to-left paragraph, into the space.
    assert view.textCursor().selectedText() == "ونغ "
    ctrl_h(qtbot, window)
    [mark] = highlights(window)
    assert mark.quote == "جونغ"
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().hasSelection()  # a word at a time with Ctrl
    close_window(window)


def test_ctrl_h_without_words_selected_says_so_and_saves_nothing(qtbot, library):
    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    at = text_of(window).index(KIM)
    select(window, at + 3, at + 4)  # only the space between كيم and جونغ
    ctrl_h(qtbot, window)
    assert highlights(window) == []
    assert "Select the words" in window.statusBar().currentMessage()
    close_window(window)


def test_a_selection_over_a_highlight_joins_it_and_keeps_its_note(qtbot, library, monkeypatch):
    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    select_text(window, KIM, 0, 3)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a: ("زعيم", True)))
    window.actions_[ActionId.HIGHLIGHT_NOTE].trigger()  # a note on words not highlighted yet
    [first] = highlights(window)
    assert (first.quote, first.note) == ("كيم", "زعيم")
    select_text(window, KIM, 2, 10)  # from inside the highlight to inside أون
    ctrl_h(qtbot, window)
    [joined] = highlights(window)
    assert (joined.quote, joined.note) == ("كيم جونغ أون", "زعيم")
    assert painted(window) == [("كيم جونغ أون", DEFAULT_COLOR)]
    # Ctrl+H on a highlight with a note asks first.
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: next(answers)))
    ctrl_h(qtbot, window)
    assert [m.note for m in highlights(window)] == ["زعيم"]
    ctrl_h(qtbot, window)
    assert highlights(window) == []
    close_window(window)


def test_dragging_with_the_mouse_never_cuts_a_word(qtbot, library):
    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    view = window.view
    words = "الرئيس فلاديمير بوتين"
    at = text_of(window).index(words)
    start, end = point_of(window, at + 2), point_of(window, at + 11)
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    # Grown to the edges of الرئيس and فلاديمير while the drag goes on.
    assert view.textCursor().selectedText() == "الرئيس فلاديمير"
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert view.textCursor().selectedText() == "الرئيس فلاديمير"
    # Selection by keyboard is left alone while it grows.
    cursor = view.textCursor()
    cursor.setPosition(view.position_of(at + 2))
    cursor.setPosition(view.position_of(at + 4), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.textCursor().selectedText() == "رئ"
    close_window(window)


# --- the pane's context menu -----------------------------------------------------------------


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # offscreen popups
def test_colour_note_and_removal_from_the_context_menu(qtbot, library, monkeypatch):
    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    at = select_text(window, KIM, 0, 8)
    # On a plain selection: Copy and Select All, then Highlight, the colours and a note.
    names = in_context_menu(qtbot, window, point_of(window, at + 1), None)
    assert names[0].replace("&", "").startswith("Copy") and "highlightAdd" in names
    assert "highlightRemove" not in names and "highlightNote" in names
    in_context_menu(qtbot, window, point_of(window, at + 1), "highlightAdd")
    [mark] = highlights(window)
    assert mark.quote == "كيم جونغ"
    # Right-click on the highlight, nothing selected: green.
    window.view.setTextCursor(QTextCursor(window.view.document()))
    point = point_of(window, at + 5)
    in_context_menu(qtbot, window, point, "highlightColor_green")
    [mark] = highlights(window)
    assert mark.color == "green" and painted(window) == [("كيم جونغ", "green")]
    # A note, then a new one in its place.
    typed = iter([("note one", True), ("الرَّئِيس الكوري", True)])
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a: next(typed)))
    in_context_menu(qtbot, window, point, "highlightNote")
    assert highlights(window)[0].note == "note one"
    in_context_menu(qtbot, window, point, "highlightNote")
    assert highlights(window)[0].note == "الرَّئِيس الكوري"
    names = in_context_menu(qtbot, window, point, "highlightRemove")
    assert "highlightAdd" not in names and "highlightRemove" in names
    assert highlights(window) == [] and painted(window) == []
    close_window(window)


# --- kept, and found again -------------------------------------------------------------------


def test_a_highlight_survives_a_restart_and_an_edit_before_it_in_the_file(qtbot, library):
    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    words = "الرئيس فلاديمير بوتين"
    at = select_text(window, words, 1, len(words) - 1)
    ctrl_h(qtbot, window)
    close_window(window)
    [saved] = UserStore(paths.user_store_path()).marks()
    assert (saved.kind, saved.quote, saved.start) == (HIGHLIGHT, words, at)
    # A paragraph is added at the top of the article's text while Qari is closed.
    first = text_of_file_paragraph(library)
    added = "فقرة جديدة أضيفت في أول المقال بعد نشره."
    rewrite(library / SEED_FILE.name, first, added + "\n\n" + first)
    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    [mark] = highlights(window)
    assert mark.found and mark.quote == words
    assert mark.start == at + len(added) + 1 == text_of(window).index(words)
    assert painted(window) == [(words, DEFAULT_COLOR)]
    close_window(window)


def text_of_file_paragraph(library) -> str:
    """The first paragraph of the seed's body as the file has it."""
    lines = (library / SEED_FILE.name).read_text("utf-8").splitlines()
    return next(line for line in lines[8:] if len(line) > 80)


def test_a_highlight_whose_words_were_deleted_is_kept_and_not_painted(qtbot, library):
    window = open_window(qtbot, library)
    window.session._watcher.stop()  # the change is seen when the article is opened again
    seed = open_article(qtbot, window, SEED_TITLE)
    words = "دميتري بيسكوف"
    assert text_of(window).count(words) == 1
    paragraph = next(b.text for b in window.view.article().blocks if words in b.text)
    select_text(window, words)
    ctrl_h(qtbot, window)
    rewrite(library / SEED_FILE.name, paragraph + "\n", "")
    other = next(m for m in window.session.catalog.articles() if m.id != seed)
    window.select_article(other.id)
    qtbot.waitUntil(lambda: not window.view.is_busy())
    open_article(qtbot, window, SEED_TITLE)
    [mark] = highlights(window)
    assert mark.found is False and mark.quote == words
    assert painted(window) == []
    close_window(window)


# --- on screen in every theme, and on paper --------------------------------------------------


def test_highlights_show_in_the_dark_theme_and_in_the_pdf(qtbot, library):
    from pypdf import PdfReader

    from reader.ui.printing import pdf_bytes

    window = open_window(qtbot, library)
    open_article(qtbot, window, SEED_TITLE)
    at = select_text(window, KIM, 0, 8)
    ctrl_h(qtbot, window)
    window.view.setTextCursor(QTextCursor(window.view.document()))  # no selection drawn
    yellow = COLORS[DEFAULT_COLOR]
    for theme in (Theme.DARK, Theme.SEPIA):
        window.comfort.set_theme(theme)
        qtbot.waitUntil(lambda: not window.view.is_busy())
        QApplication.processEvents()
        image = window.view.viewport().grab().toImage()
        page = image.pixelColor(3, 3)
        assert painted(window) == [("كيم جونغ", DEFAULT_COLOR)]
        # Around a point inside جونغ, the highlight's own colour, whatever the page's.
        spot = point_of(window, at + 5)
        assert any(_close(p, yellow) for p in _row(image, spot)), (theme, page.name())
        assert not _close(page, yellow)
        if theme is Theme.DARK:
            assert page.lightness() < 60
    # On paper: the PDF fills the highlight's rectangle in its colour.
    reader = PdfReader(io.BytesIO(pdf_bytes(window.view.document())))
    content = "".join(p.get_contents().get_data().decode("latin-1") for p in reader.pages)
    fills = set(re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) scn", content))
    wanted = (yellow.redF(), yellow.greenF(), yellow.blueF())
    assert any(
        all(abs(float(v) - w) < 0.01 for v, w in zip(f, wanted, strict=True)) for f in fills
    ), fills
    close_window(window)


def _row(image, spot: QPoint):
    """The pixels of the row through ``spot``, a few either side."""
    ratio = image.devicePixelRatio()
    y = int(spot.y() * ratio)
    for dx in range(-12, 13):
        yield image.pixelColor(int(spot.x() * ratio) + dx, y)


def _close(a, b) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 24
