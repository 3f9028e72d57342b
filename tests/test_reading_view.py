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
