"""Building real main windows on a test's data dir, and reading what they render."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QImage, QTextBlock, QTextLayout
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.qt import paths
from reader.qt.fonts import register_bundled_fonts
from reader.qt.settings import Settings
from reader.qt.user_state import UserState
from reader.ui.main_window import MainWindow
from reader.userdata.store import UserStore


def open_window(qtbot, library, *, show: bool = True, timeout: int = 10_000) -> MainWindow:
    register_bundled_fonts()
    state = UserState(UserStore(paths.user_store_path()), paths.backups_dir())
    window = MainWindow(Settings(paths.settings_path()), state, [str(library)])
    qtbot.addWidget(window)
    # Read, and watched: a test may change the library's files as soon as this returns.
    with qtbot.waitSignals([window.library_loaded, window.session.watching], timeout=timeout):
        if show:
            window.resize(1200, 800)
            window.show()
    if show:
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def shown_message_box(qtbot, window) -> QMessageBox:
    """The one message box the window shows (waited for)."""
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return box


def select_words(view, first: int, last: int) -> None:
    """Select the pane's text between two article offsets, as a drag would."""
    cursor = view.textCursor()
    cursor.setPosition(view.position_of(first))
    cursor.setPosition(view.position_of(last), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def close_window(window: MainWindow) -> None:
    window.close()
    window.user_state.close()


def ink_columns(image: QImage, top: int, bottom: int, background: QColor) -> tuple[int, int]:
    """Leftmost and rightmost x holding a pixel unlike the background, between two rows."""
    left, right = image.width(), -1
    bg = background.rgb()
    for y in range(max(0, top), min(image.height(), bottom)):
        for x in range(image.width()):
            if _differs(image.pixel(x, y), bg):
                left = min(left, x)
                break
        for x in range(image.width() - 1, -1, -1):
            if _differs(image.pixel(x, y), bg):
                right = max(right, x)
                break
    return left, right


def _differs(a: int, b: int, threshold: int = 60) -> bool:
    return sum(abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)) for s in (0, 8, 16)) > threshold


def shaped_glyphs(block: QTextBlock, font: QFont) -> list[tuple[str, list[int]]]:
    """(font family, glyph indexes) of each run Qt shapes for a document block.

    A document's own block layouts drop their glyph data once laid out, so lay the block's
    text out again with the same formats, keeping the cache.
    """
    layout = QTextLayout(block.text(), font)
    layout.setFormats(block.textFormats())
    layout.setTextOption(block.layout().textOption())
    layout.setCacheEnabled(True)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(600)
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def type_text(widget, text: str) -> None:
    """Type any text, one key event per character, as a keyboard layout would deliver it.

    QTest's keyClicks only knows ASCII (it aborts on Arabic), so build the events ourselves.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for char in text:
        key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def skipped_reasons(qtbot, window: MainWindow) -> dict[str, str]:
    """The File › Skipped Files… dialog's rows: each file's name (its path's last part),
    and the reason given for it, as the dialog shows them."""
    from reader.ui.skipped_dialog import SkippedDialog

    dialog = SkippedDialog(window.library_commands._skipped(), window)
    qtbot.addWidget(dialog)
    table = dialog.table
    return {
        table.item(r, 0).text().strip("\u2066\u2069").rsplit("/", 1)[-1]: table.item(r, 1).text()
        for r in range(table.rowCount())
    }
