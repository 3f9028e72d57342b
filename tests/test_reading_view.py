"""The reading pane on its own, without a window: what it lays out and how."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from reader.qt.fonts import register_bundled_fonts
from reader.text.article import parse_article
from reader.ui.reading_view import ReadingView

from conftest import SEED_FILE

pytestmark = pytest.mark.gui

URDU = (
    "پاکستان میں مون سون کی بارشیں\nاے پی پی\n2023-08-01\n\n"
    + " ".join(["محکمہ موسمیات کے مطابق ملک کے بیشتر حصوں میں تیز ہواؤں کے ساتھ بارش"] * 30)
    + " https://example.com/"
    + "a" * 300
    + "\n"
)


@pytest.fixture
def view(qtbot):
    register_bundled_fonts()
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(740, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("text", [SEED_FILE.read_text("utf-8"), URDU], ids=["seed", "urdu"])
def test_no_horizontal_scrollbar_at_any_size(view, qtbot, text):
    article = parse_article(text)
    for size in (8, 12, 16, 20, 24, 32, 48):
        view.set_reading_font("Amiri", size)
        view.show_article(article)
        qtbot.waitUntil(lambda: not view.is_busy())
        QApplication.processEvents()
        assert not view.horizontalScrollBar().isVisible(), f"{size} pt"
        # Nothing is wider than the pane: even a 300-letter link wraps.
        assert view.document().idealWidth() <= view.viewport().width() + size, f"{size} pt"


def _background(view, position: int):
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat().background().color()


def test_highlights_are_painted_over_their_words_and_kept_in_the_document(view, qtbot):
    from reader.text.anchoring import article_text, snap_to_words
    from reader.ui.highlight_painter import COLORS, Highlight

    article = parse_article(SEED_FILE.read_text("utf-8"))
    text = article_text(article).text
    # A drag from inside "كيم" to inside "جونغ" paints the two words whole.
    at = text.index("كيم جونغ")
    start, end = snap_to_words(text, at + 1, at + 6)
    assert text[start:end] == "كيم جونغ"
    late = text.rindex("بوتين")  # far down the article
    view.set_highlights([Highlight(start, end, "green"), Highlight(late, late + 5, "pink")])
    view.show_article(article)
    qtbot.waitUntil(lambda: not view.is_busy())
    first, last = view.position_of(start), view.position_of(end)
    assert _background(view, first) == COLORS["green"] == _background(view, last - 1)
    assert _background(view, first - 1) != COLORS["green"] != _background(view, last)
    assert _background(view, view.position_of(late)) == COLORS["pink"]
    # In the document itself, so a print or PDF copy of it has them too.
    copy = view.document().clone()
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(copy)
    cursor.setPosition(first + 1)
    assert cursor.charFormat().background().color() == COLORS["green"]
    # Taken away: the document is built again without them.
    view.set_highlights([])
    qtbot.waitUntil(lambda: not view.is_busy())
    assert _background(view, view.position_of(start)) != COLORS["green"]
