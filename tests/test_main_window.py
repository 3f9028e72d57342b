"""The reader end to end: real windows, real files, real store, driven by keys and signals."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QPalette, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.qt.actions import ActionId
from reader.qt.models import Column, Role
from reader.qt.settings import MAX_FONT_SIZE, MIN_FONT_SIZE

from conftest import SEED_FILE, SEED_TITLE
from gui_helpers import close_window, ink_columns, open_window, shaped_glyphs, skipped_reasons

pytestmark = pytest.mark.gui

Ctrl = Qt.KeyboardModifier.ControlModifier
Keypad = Qt.KeyboardModifier.KeypadModifier


def _selected_title(window) -> str:
    return window.list.currentIndex().data(Role.TITLE)


def test_newest_article_is_selected_and_shown(qtbot, library):
    window = open_window(qtbot, library)
    assert window.model.rowCount() == 2
    assert _selected_title(window).startswith("Kim visits")  # 2023-09-16, the newer one
    window.select_article(window.model.meta(window.model.row_of(_id_of(window, SEED_TITLE))).id)
    text = window.view.toPlainText()
    assert text.startswith(SEED_TITLE)
    assert "15 سبتمبر 2023" in text.split("\n")[1]
    assert "كاريكاتير" not in text and "إستطلاعات" not in text
    assert "جولة بالقطار المضاد للرصاص" in text
    assert SEED_TITLE in window.windowTitle()
    close_window(window)


def _oldest_first_archive(folder):
    """150 articles kept oldest first; those after the first batch read slowly (long), so
    that a listing refreshed at once comes while the read goes on."""
    import random

    words = ("سلام", "حرب", "اقتصاد", "رئيس", "وزير", "مدينة", "نهر", "جبل",
             "بحر", "شمس", "قمر", "سوق", "مدرسة", "طريق", "قطار")  # fmt: skip
    for i in range(150):
        day = f"20{10 + i // 28:02}-01-{i % 28 + 1:02}"
        path = folder / day[:4] / f"{i:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        pick = random.Random(i).choices
        long = "\n\n".join(" ".join(pick(words, k=200)) for _ in range(60))
        body = long if i >= 100 else f"نص الخبر {i}."
        path.write_text(f"خبر رقم {i}\nواس\n{day}\n\n{body}\n", "utf-8")
    return folder


def _unshown_window(qtbot, folder):
    from reader.qt import paths
    from reader.qt.settings import Settings
    from reader.qt.user_state import UserState
    from reader.ui.main_window import MainWindow
    from reader.userdata.store import UserStore

    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    window = MainWindow(Settings(paths.settings_path()), state, [str(folder)])
    qtbot.addWidget(window)
    return window


def test_a_first_read_opens_the_newest_of_the_whole_library(qtbot, tmp_path, monkeypatch):
    # Archives are kept oldest first: the newest of the first files read is an old article.
    # The listing is refreshed as the files arrive (at once here, so that it happens while
    # the read goes on); the article opened is the newest of all, once all are read.
    from reader.qt import session

    monkeypatch.setattr(session, "REFRESH_MS", 0)
    window = _unshown_window(qtbot, _oldest_first_archive(tmp_path / "archive"))
    opened: list[str] = []
    window.view.article_shown.connect(lambda: opened.append(window.view.article().title))
    listed: list[tuple[int, str]] = []  # the listing's sizes as the read went on, the pane
    window.session.changed.connect(
        lambda: listed.append((window.model.rowCount(), window.view.toPlainText()))
    )
    with qtbot.waitSignal(window.library_loaded, timeout=20_000):
        window.show()
    meanwhile = [shown for n, shown in listed if 0 < n < 150]  # while the read went on
    assert meanwhile and all(s.startswith("Reading the library") for s in meanwhile)
    assert window.model.rowCount() == 150
    assert opened == ["خبر رقم 149"]
    close_window(window)


def test_a_first_read_with_every_article_filtered_out_ends_on_an_empty_pane(
    qtbot, tmp_path, monkeypatch
):
    # Bookmarks only, on a library with none: nothing can open. Once the read ends the pane
    # says neither that the newest will open nor that the folder holds no articles.
    from reader.qt import paths, session
    from reader.qt import settings as S
    from reader.qt.settings import Settings

    monkeypatch.setattr(session, "REFRESH_MS", 0)
    Settings(paths.settings_path()).set(S.BOOKMARKS_ONLY, True)
    window = _unshown_window(qtbot, _oldest_first_archive(tmp_path / "archive"))
    with qtbot.waitSignal(window.library_loaded, timeout=20_000):
        window.show()
    assert window.current is None and window.model.rowCount() == 0
    assert window.view.toPlainText() == ""
    close_window(window)


def _id_of(window, title: str) -> str:
    for row in range(window.model.rowCount()):
        if window.model.meta(row).title == title:
            return window.model.meta(row).id
    raise AssertionError(title)


def test_every_block_has_its_own_direction_and_alignment(qtbot, library):
    window = open_window(qtbot, library)
    window.select_article(_id_of(window, SEED_TITLE))
    doc = window.view.document()
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        assert fmt.layoutDirection() == Qt.LayoutDirection.RightToLeft, block.text()
        assert not fmt.alignment() & Qt.AlignmentFlag.AlignJustify
        block = block.next()
    window.select_article(_id_of(window, "Kim visits fighter jet factory in Russia"))
    first = window.view.document().begin()
    assert first.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    close_window(window)


def test_ctrl_d_bookmarks_and_survives_a_new_window(qtbot, library):
    window = open_window(qtbot, library)
    seed_id = _id_of(window, SEED_TITLE)
    window.select_article(seed_id)
    qtbot.keyClick(window.list, Qt.Key.Key_D, Ctrl)
    assert window.store.is_bookmarked(seed_id)
    assert window.actions_[ActionId.TOGGLE_BOOKMARK].isChecked()
    row = window.model.row_of(seed_id)
    assert window.model.index(row, Column.BOOKMARK).data() == "★"
    close_window(window)

    again = open_window(qtbot, library)
    row = again.model.row_of(seed_id)
    assert again.model.index(row, Column.BOOKMARK).data() == "★"
    assert _selected_title(again) == SEED_TITLE  # the last article read comes back
    assert again.actions_[ActionId.TOGGLE_BOOKMARK].isChecked()
    qtbot.keyClick(again.view, Qt.Key.Key_D, Ctrl)
    assert not again.store.is_bookmarked(seed_id)
    assert again.model.index(row, Column.BOOKMARK).data() == ""
    close_window(again)


def test_bookmarks_filter(qtbot, library):
    window = open_window(qtbot, library)
    window.select_article(_id_of(window, SEED_TITLE))
    window.actions_[ActionId.TOGGLE_BOOKMARK].trigger()
    window.actions_[ActionId.BOOKMARKS_ONLY].trigger()
    titles = [window.model.index(r, Column.TITLE).data() for r in range(window.model.rowCount())]
    assert titles == [SEED_TITLE]
    assert window.status.count_label.text() == "Articles: 1 of 2"
    close_window(window)


def test_bookmark_survives_rename_and_is_kept_when_the_file_is_gone(qtbot, library, tmp_path):
    window = open_window(qtbot, library)
    seed_id = _id_of(window, SEED_TITLE)
    window.select_article(seed_id)
    window.actions_[ActionId.TOGGLE_BOOKMARK].trigger()
    close_window(window)

    renamed = library / "sub" / "كيم في روسيا.txt"
    renamed.parent.mkdir()
    shutil.move(library / SEED_FILE.name, renamed)
    window = open_window(qtbot, library)
    row = window.model.row_of(seed_id)
    assert window.model.index(row, 0).data(Role.BOOKMARKED) is True
    assert window.model.index(row, 0).data(Role.MISSING) is False
    assert [b.path for b in window.store.bookmarks()] == [str(renamed)]
    close_window(window)

    renamed.unlink()
    window = open_window(qtbot, library)
    row = window.model.row_of(seed_id)
    assert window.model.index(row, Column.TITLE).data() == SEED_TITLE
    assert window.model.index(row, 0).data(Role.MISSING) is True
    window.select_article(seed_id)
    assert "no longer in the library" in window.view.toPlainText()
    qtbot.keyClick(window.list, Qt.Key.Key_D, Ctrl)  # removing it removes the row
    assert window.model.row_of(seed_id) == -1 and window.store.bookmarks() == []
    close_window(window)


@pytest.mark.parametrize(
    "key, modifiers, direction",
    [
        (Qt.Key.Key_Equal, Ctrl, 1),
        (Qt.Key.Key_Plus, Ctrl, 1),
        (Qt.Key.Key_Plus, Keypad, 1),
        (Qt.Key.Key_Plus, Ctrl | Keypad, 1),
        (Qt.Key.Key_Minus, Ctrl, -1),
        (Qt.Key.Key_Minus, Keypad, -1),
        (Qt.Key.Key_Minus, Ctrl | Keypad, -1),
    ],
)
@pytest.mark.parametrize("focus", ["view", "list"])
def test_zoom_shortcuts(qtbot, library, key, modifiers, direction, focus):
    window = open_window(qtbot, library)
    widget = getattr(window, focus)
    widget.setFocus()
    before = window.size_box.value()
    qtbot.keyClick(widget, key, modifiers)
    after = window.size_box.value()
    assert (after - before) * direction > 0
    assert window.view.font().pointSize() == after
    qtbot.keyClick(widget, Qt.Key.Key_0, Ctrl)
    assert window.size_box.value() == before == window.view.font().pointSize()
    close_window(window)


@pytest.mark.parametrize("focus", ["view", "list"])
def test_bare_keypad_keys_zoom_even_where_no_shortcut_matches(qtbot, library, focus):
    """X11 offers bare keypad keys to no shortcut; the key press itself must still zoom."""
    window = open_window(qtbot, library)
    before = window.size_box.value()
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Plus, Keypad, "+")
    QApplication.sendEvent(getattr(window, focus), press)  # straight to the widget
    assert window.size_box.value() > before
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Minus, Keypad, "-")
    QApplication.sendEvent(getattr(window, focus), press)
    assert window.size_box.value() == before
    close_window(window)


def test_ctrl_wheel_zooms_and_plain_wheel_scrolls(qtbot, library):
    window = open_window(qtbot, library)
    window.select_article(_id_of(window, SEED_TITLE))
    before = window.size_box.value()
    viewport = window.view.viewport()

    def wheel(delta: int, modifiers) -> None:
        pos = QPointF(viewport.rect().center())
        event = QWheelEvent(
            pos, viewport.mapToGlobal(pos), QPoint(), QPoint(0, delta),
            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(viewport, event)

    wheel(120, Ctrl)
    assert window.size_box.value() > before
    wheel(-120, Ctrl)
    wheel(-120, Ctrl)
    assert window.size_box.value() < before
    scroll = window.view.verticalScrollBar()
    wheel(-120, Qt.KeyboardModifier.NoModifier)
    assert scroll.value() > 0
    close_window(window)


def test_size_limits_and_memory(qtbot, library):
    window = open_window(qtbot, library)
    for _ in range(40):
        window.actions_[ActionId.ZOOM_IN].trigger()
    assert window.size_box.value() == MAX_FONT_SIZE
    window.size_box.setValue(500)
    assert window.size_box.value() == MAX_FONT_SIZE
    window.size_box.setValue(0)
    assert window.size_box.value() == MIN_FONT_SIZE
    window.size_box.setValue(20)
    window.family_box.set_family("Noto Sans Arabic")
    window.family_box.textActivated.emit("Noto Sans Arabic")
    splitter_sizes = window.splitter.sizes()
    close_window(window)

    again = open_window(qtbot, library)
    assert again.size_box.value() == 20 and again.view.font().pointSize() == 20
    assert again.family_box.currentText() == "Noto Sans Arabic"
    assert again.view.font().family() == "Noto Sans Arabic"
    assert again.splitter.sizes() == splitter_sizes
    close_window(again)


def test_font_choices_offer_bundled_arabic_fonts_first(qtbot, library):
    window = open_window(qtbot, library, show=False)
    items = [window.family_box.itemText(i) for i in range(window.family_box.count())]
    assert items[:2] == ["Amiri", "Noto Sans Arabic"]
    close_window(window)


def test_markup_in_articles_is_shown_literally(qtbot, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    body = '<b>عريض</b> <img src="file:///etc/passwd"> <a href="https://example.com">رابط</a>'
    (folder / "a.txt").write_text(f"<h1>عنوان</h1>\n\n{body}\n\n<script>alert(1)</script>\n")
    window = open_window(qtbot, folder)
    text = window.view.toPlainText()
    assert "<h1>عنوان</h1>" in text and body in text and "<script>alert(1)</script>" in text
    block = window.view.document().begin()
    while block.isValid():  # plain text only: no anchor, no image anywhere
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isAnchor() and not fmt.isImageFormat()
            it += 1
        block = block.next()
    assert (
        window.view.document().resource(
            QTextDocument.ResourceType.ImageResource, "file:///etc/passwd"
        )
        is None
    )
    close_window(window)


def test_skipped_files_are_shown_to_the_user(qtbot, library):
    (library / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (library / "empty.txt").write_bytes(b"")
    window = open_window(qtbot, library)
    assert window.status.skipped_button.isVisible()
    assert window.status.skipped_button.text() == "Skipped: 2"
    reasons = skipped_reasons(qtbot, window)
    assert "binary" in reasons["broken.txt"] and "empty" in reasons["empty.txt"]
    close_window(window)


@pytest.mark.parametrize("path", ["/news/2024/broken.txt", "/أخبار/٢٠٢٤/مقال 1.txt"])
def test_a_path_shown_in_a_right_to_left_line_reads_as_a_path(qtbot, path):
    """Laid out right to left (the Arabic interface), a path is drawn as it is left to right:
    its leading "/" at the left, its file's extension at the right."""
    import numpy
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextLayout, QTextOption

    from reader.text.sanitize import path_line

    def ink(text: str, direction: Qt.LayoutDirection) -> bytes:
        """The pixels the text's glyphs cover, cropped to them."""
        layout = QTextLayout(text, QFont())
        option = QTextOption()
        option.setTextDirection(direction)
        layout.setTextOption(option)
        layout.beginLayout()
        layout.createLine().setLineWidth(900)
        layout.endLayout()
        image = QImage(900, 60, QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        layout.draw(painter, QPointF(0, 10))
        painter.end()
        pixels = numpy.frombuffer(image.constBits(), numpy.uint8).reshape(60, image.bytesPerLine())
        rows, columns = numpy.nonzero(pixels[:, :900] < 128)
        return pixels[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1].tobytes()

    as_a_path = ink(path, Qt.LayoutDirection.LeftToRight)
    assert ink(path_line(path), Qt.LayoutDirection.RightToLeft) == as_a_path
    if path.isascii():  # unisolated, its leading "/" would go to the far (right) end
        assert ink(path, Qt.LayoutDirection.RightToLeft) != as_a_path
    assert path_line("/a\u202e\nb.txt") == "\u2066/a b.txt\u2069"  # still sanitized


def test_rtl_paragraphs_hug_the_right_edge_of_a_centred_column(qtbot, library):
    window = open_window(qtbot, library)
    window.select_article(_id_of(window, SEED_TITLE))
    view = window.view
    image = view.viewport().grab().toImage()
    background = view.palette().color(QPalette.ColorRole.Base)
    frame = view.document().rootFrame().frameFormat()
    column_left = frame.leftMargin()
    column_right = image.width() - frame.rightMargin()
    assert abs(column_left - (image.width() - column_right)) <= 2  # centred
    layout = view.document().documentLayout()
    offset = view.verticalScrollBar().value()
    block = view.document().begin().next().next()  # past title and meta line
    checked = 0
    while block.isValid():
        rect = layout.blockBoundingRect(block).translated(0, -offset)
        lines = block.layout().lineCount()
        if rect.bottom() < image.height() and lines >= 2:
            left, right = ink_columns(image, int(rect.top()), int(rect.bottom()), background)
            # Glyphs may overhang their advance by a few pixels (a final ي's tail).
            assert abs(right - column_right) <= 4, block.text()[:30]
            assert left >= column_left - 4
            # Ragged: the last line stops short of the left edge.
            last = block.layout().lineAt(lines - 1).naturalTextRect()
            assert last.width() < (column_right - column_left) * 0.97
            checked += 1
        block = block.next()
    assert checked >= 2
    close_window(window)


def test_no_missing_glyphs_in_the_rendered_seed(qtbot, library):
    window = open_window(qtbot, library)
    window.select_article(_id_of(window, SEED_TITLE))
    doc = window.view.document()
    block, glyphs, families = doc.begin(), 0, set()
    while block.isValid():
        for family, indexes in shaped_glyphs(block, doc.defaultFont()):
            assert 0 not in indexes, f"a .notdef glyph in: {block.text()[:40]}"
            glyphs += len(indexes)
            families.add(family)
        block = block.next()
    assert glyphs > 3000
    assert families == {"Amiri"}  # the bundled font, not a system fallback
    close_window(window)


@pytest.mark.parametrize(
    "tokens", [("15", "سبتمبر", "2023"), ("كوفيد", "19"), ("سوخوي", "35", "57")]
)
def test_mixed_runs_follow_the_unicode_bidi_algorithm(qtbot, library, tokens):
    """Qt's visual order of numbers and Latin inside Arabic matches python-bidi (UAX #9)."""
    from bidi.algorithm import get_display

    window = open_window(qtbot, library)
    window.select_article(_id_of(window, SEED_TITLE))
    doc = window.view.document()
    doc.size()
    block = doc.begin()
    while block.isValid() and not all(t in block.text() for t in tokens):
        block = block.next()
    assert block.isValid()
    text = block.text()
    start = text.index(tokens[0])
    end = text.index(tokens[-1], start) + len(tokens[-1])
    positions = [text.index(t, start) for t in tokens]
    layout = block.layout()
    line = layout.lineForTextPosition(positions[0])
    assert line.isValid() and all(line.textStart() <= p < end for p in positions)
    # Qt: where each token's first character is drawn, right to left.
    qt_order = sorted(tokens, key=lambda t: -line.cursorToX(text.index(t, start))[0])
    visual = get_display(text[start:end], base_dir="R")  # left-to-right visual string
    bidi_order = sorted(tokens, key=lambda t: -_visual_pos(visual, t))
    assert qt_order == bidi_order
    close_window(window)


def _visual_pos(visual: str, token: str) -> int:
    found = visual.find(token)
    return found if found >= 0 else visual.find(token[::-1])


def test_opening_another_library_is_remembered(qtbot, library, tmp_path):
    window = open_window(qtbot, library)
    other = tmp_path / "other"
    other.mkdir()
    (other / "only.txt").write_text("خبر وحيد\nوكالة\n2024-01-02\n\nنص الخبر.\n", "utf-8")
    with qtbot.waitSignal(window.library_loaded):
        window.library_commands.open_library([str(other)])
    assert window.model.rowCount() == 1 and _selected_title(window) == "خبر وحيد"
    close_window(window)

    from reader.app import create_main_window

    again = create_main_window([])  # no paths given: the last library comes back
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.library_loaded, timeout=10_000):
        again.show()
    assert again.library == [str(other)] and _selected_title(again) == "خبر وحيد"
    close_window(again)


def test_a_folder_without_articles_says_so(qtbot, library, tmp_path):
    window = open_window(qtbot, library)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_bytes(b"   \n")
    with qtbot.waitSignal(window.library_loaded):
        window.library_commands.open_library([str(empty)])
    assert window.model.rowCount() == 0 and window.current is None
    assert "No readable articles" in window.view.toPlainText()
    assert window.status.skipped_button.text() == "Skipped: 1"
    assert not window.actions_[ActionId.TOGGLE_BOOKMARK].isEnabled()
    close_window(window)


def test_window_geometry_is_restored(qtbot, library):
    window = open_window(qtbot, library)
    window.resize(700, 500)
    qtbot.waitUntil(lambda: window.width() == 700)
    close_window(window)
    again = open_window(qtbot, library, show=False)
    assert (again.width(), again.height()) == (700, 500)
    close_window(again)


def test_a_bookmark_that_cannot_be_saved_is_reported(qtbot, library, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[1:]))
    window = open_window(qtbot, library)
    window.store._db.execute("PRAGMA query_only = 1")
    qtbot.keyClick(window.list, Qt.Key.Key_D, Ctrl)
    assert warnings and warnings[0][0] == "Bookmark not saved"
    assert not window.actions_[ActionId.TOGGLE_BOOKMARK].isChecked()
    row = window.model.row_of(window.current.id)
    assert window.model.index(row, Column.BOOKMARK).data() == ""
    close_window(window)


def test_an_unusable_index_is_reported_and_the_window_still_works(qtbot, library):
    from reader.qt import paths

    paths.index_path([library]).mkdir(parents=True)  # a folder where the index file should be
    window = open_window(qtbot, library)
    assert "Could not finish reading the library" in window.statusBar().currentMessage()
    assert not window.status.progress.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Ctrl)  # still alive and responsive
    close_window(window)


def test_keyboard_focus_starts_in_the_article_list(qtbot, library):
    window = open_window(qtbot, library)
    assert QApplication.focusWidget() is window.list
    first = window.list.currentIndex().row()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert window.list.currentIndex().row() == first + 1  # the next article, not a filter
    assert window.filters.publication.currentIndex() == 0
    close_window(window)


def _long_source_library(folder):
    folder.mkdir()
    for i in range(60):
        source = f"القاهرة - مكتب الجزيرة - محمد عبد الرحمن البلهاسي وأحمد علي {i}:"
        title = f"عنوان طويل جدا لمقال إخباري رقم {i} عن الاجتماع الوزاري في العاصمة"
        (folder / f"{i:03}.txt").write_text(
            f"{title}\n{source}\n2023-09-{i % 28 + 1:02}\n\nنص المقال {i}.\n", "utf-8"
        )
    return folder


def test_titles_take_the_room_and_the_users_widths_are_kept(qtbot, tmp_path):
    library = _long_source_library(tmp_path / "news")
    window = open_window(qtbot, library)
    header = window.list.header()
    width = window.list.viewport().width()
    assert header.sectionSize(Column.TITLE) > 0.45 * width
    assert header.sectionSize(Column.DATE) >= window.list.sizeHintForColumn(Column.DATE)
    header.resizeSection(Column.SOURCE, 150)
    close_window(window)
    again = open_window(qtbot, library)
    assert again.list.header().sectionSize(Column.SOURCE) == 150
    close_window(again)


def test_a_narrowed_list_keeps_a_third_of_its_width_for_the_titles(qtbot, tmp_path):
    # The notes panel takes its width from the list and the pane: the other columns give up
    # what their cells don't need (a header wider than its cells) and the titles keep a third
    # of the list, not the few pixels left over; the dates stay whole.
    library = _long_source_library(tmp_path / "news")
    window = open_window(qtbot, library)
    window.resize(1000, 700)
    lst, header = window.list, window.list.header()
    shown = [c for c in Column if not lst.isColumnHidden(c)]
    before = {c: header.sectionSize(c) for c in shown}
    window.actions_[ActionId.SHOW_MARKS].setChecked(True)
    qtbot.waitUntil(lambda: lst.viewport().width() < 330)
    width = lst.viewport().width()
    assert header.sectionSize(Column.TITLE) >= width // 3
    assert sum(header.sectionSize(c) for c in shown) <= width  # nothing scrolled out of sight
    assert all(header.sectionSize(c) <= before[c] for c in shown if c != Column.TITLE)
    assert header.sectionSize(Column.DATE) >= lst.sizeHintForColumn(Column.DATE)
    # Wider again, the columns take their widths back; and those are what is saved.
    chosen = {c: w for c, w in before.items() if c != Column.TITLE}
    window.actions_[ActionId.SHOW_MARKS].setChecked(False)
    qtbot.waitUntil(lambda: lst.viewport().width() > 330)
    assert {c: header.sectionSize(c) for c in chosen} == chosen
    window.actions_[ActionId.SHOW_MARKS].setChecked(True)
    qtbot.waitUntil(lambda: lst.viewport().width() < 330)
    close_window(window)
    again = open_window(qtbot, library)
    again.resize(1000, 700)
    again.actions_[ActionId.SHOW_MARKS].setChecked(False)
    qtbot.waitUntil(lambda: again.list.viewport().width() > 330)
    assert {c: again.list.header().sectionSize(c) for c in chosen} == chosen
    close_window(again)


@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=6), st.integers(0, 1500)
)
def test_columns_give_way_to_fit_spare_room_first_widest_first(columns, room):
    from reader.ui.column_room import give_way

    widths = [max(a, b) for a, b in columns]
    needs = [min(a, b) for a, b in columns]
    new = give_way(widths, needs, room)
    assert all(n <= w for n, w in zip(new, widths, strict=True))
    if sum(widths) <= room:
        assert new == widths
        return
    assert sum(new) <= room
    if sum(needs) <= room:
        # Only what the content does not need is given up, the most spare first: one more
        # pixel of spare for each column that gave some would not fit.
        assert all(n >= need for n, need in zip(new, needs, strict=True))
        gave = [i for i, (n, w) in enumerate(zip(new, widths, strict=True)) if n < w]
        assert sum(new) + len(gave) > room
        spare_left = {new[i] - needs[i] for i in gave}
        assert len(spare_left) <= 1  # those that gave are left with the same spare
    else:
        assert all(n <= need for n, need in zip(new, needs, strict=True))
        assert sum(min(need, max(new) + 1) for need in needs) > room


def test_the_meta_line_credits_the_parsed_source(qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "عنوان الخبر\nواشنطن - أ ف ب-الرياض\n2023-09-15\n\nنص الخبر هنا.\n", "utf-8"
    )
    window = open_window(qtbot, folder)
    qtbot.waitUntil(lambda: window.view.article() is not None)
    meta = window.view.document().findBlockByNumber(1).text()
    assert meta.startswith("الرياض (أ ف ب) · واشنطن · 15 سبتمبر 2023")
    row = window.model.row_of(window.current.id)
    assert window.model.index(row, Column.SOURCE).data() == "الرياض (أ ف ب)"
    close_window(window)


def test_a_kept_index_shows_the_article_read_last_before_the_loader_reports(qtbot, library):
    # Started again, the list comes from the index kept: the article read last is open as
    # soon as reading starts, not once the loader's thread has loaded its modules and
    # reported the index it found.
    from reader.qt import paths
    from reader.qt.settings import Settings
    from reader.qt.user_state import UserState
    from reader.ui.main_window import MainWindow
    from reader.userdata.store import UserStore

    window = open_window(qtbot, library)
    window.select_article(_id_of(window, SEED_TITLE))
    close_window(window)
    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    again = MainWindow(Settings(paths.settings_path()), state, [str(library)])
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.library_loaded, timeout=10_000):
        again.start_reading(again.library)
        assert again.current is not None and again.current.title == SEED_TITLE
        assert again.view.article() is not None
    close_window(again)


def test_a_library_read_in_a_moment_never_flashes_its_progress(qtbot, library):
    # Two files are read before a reader could take in a progress bar: it and its Stop
    # button stay hidden.
    from PySide6.QtCore import QObject

    shown: list[str] = []

    class Shows(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Show:
                shown.append(watched.objectName())
            return False

    from reader.qt import paths
    from reader.qt.settings import Settings
    from reader.qt.user_state import UserState
    from reader.ui.main_window import MainWindow
    from reader.userdata.store import UserStore

    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    window = MainWindow(Settings(paths.settings_path()), state, [str(library)])
    qtbot.addWidget(window)
    watch = Shows()
    for widget in (window.status.progress, window.status.cancel_button):
        widget.installEventFilter(watch)
    with qtbot.waitSignal(window.library_loaded, timeout=10_000):
        window.show()
    assert shown == []
    close_window(window)


def test_a_long_read_shows_its_progress_and_stop_button_after_a_moment(qtbot):
    from PySide6.QtWidgets import QMainWindow

    from reader.ui.status import PROGRESS_AFTER_MS, LibraryStatus

    window = QMainWindow()
    qtbot.addWidget(window)
    status = LibraryStatus(window.statusBar())
    window.show()
    status.set_loading(True)
    status.show_progress(10, 1000)
    assert not status.progress.isVisible()
    assert window.statusBar().currentMessage() == "Reading the library…"  # said at once
    qtbot.waitUntil(status.progress.isVisible, timeout=PROGRESS_AFTER_MS + 2000)
    assert status.cancel_button.isVisible() and status.progress.value() == 10
    status.set_loading(False)
    assert not status.progress.isVisible() and not status.cancel_button.isVisible()
    status.set_loading(True)
    status.set_loading(False)  # over before the moment: never shown
    qtbot.wait(PROGRESS_AFTER_MS + 100)
    assert not status.progress.isVisible()


def test_an_article_arriving_keeps_the_readers_place_in_the_list(qtbot, tmp_path):
    """A folder a scraper keeps adding to: each new file lists the library again, and the
    list stays where the reader scrolled to (the article open is still selected)."""
    folder = tmp_path / "live"
    folder.mkdir()
    for n in range(120):
        (folder / f"{n:03}.txt").write_text(
            f"خبر رقم {n} عن موضوع {n * 7}\nوكالة\n2020-01-{n % 28 + 1:02}\n\nنص الخبر {n}.\n",
            encoding="utf-8",
        )
    window = open_window(qtbot, folder)
    window.select_row(0)
    opened = window.current.id
    bar = window.list.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the open article scrolled out of sight

    def top_article() -> str:
        return window.model.meta_at(window.list.indexAt(QPoint(1, 1))).id

    top = top_article()
    with qtbot.waitSignal(window.model.view_changed, timeout=10_000):
        (folder / "new.txt").write_text(
            "خبر جديد وصل الآن\nوكالة\n2021-05-05\n\nنص الخبر الجديد.\n", encoding="utf-8"
        )
    assert window.model.rowCount() == 121  # listed first: every row below moved down one
    assert top_article() == top
    assert window.current.id == opened and window.list.currentIndex().row() == 1
    close_window(window)
