"""Reading comfort: themes, layout, reading state, moving on, full screen, marks, PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reader.qt import settings as S
from reader.qt.actions import ActionId
from reader.qt.models import Column
from reader.qt.themes import Theme, apply_theme

from conftest import ENGLISH_ARTICLE, SEED_FILE, SEED_TITLE
from gui_helpers import close_window, open_window

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def light_afterwards():
    yield
    apply_theme(Theme.LIGHT)  # the palette is the application's: don't leak it to other tests


def seed_id(window) -> str:
    return next(m.id for m in window.session.catalog.articles() if m.title == SEED_TITLE)


def wait_ready(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.view.is_busy(), timeout=5000)


def test_theme_switch_restyles_list_and_pane(qtbot, library):
    window = open_window(qtbot, library)
    for theme in (Theme.DARK, Theme.SEPIA, Theme.LIGHT):
        window.comfort.set_theme(theme)
        QApplication.processEvents()
        base = window.view.viewport().grab().toImage().pixelColor(3, 3)
        listed = window.list.viewport().palette().color(QPalette.ColorRole.Base)
        assert base == listed  # both panes paint the theme's page colour
        if theme is Theme.DARK:
            assert base.lightness() < 60
        else:
            assert base.lightness() > 200
    window.comfort.set_theme(Theme.SEPIA)
    close_window(window)
    again = open_window(qtbot, library)
    assert again.settings.get(S.THEME) == "sepia"
    assert again.view.palette().color(QPalette.ColorRole.Base).name() == "#f4ecd8"
    close_window(again)


def test_line_spacing_and_page_width_are_remembered(qtbot, library):
    window = open_window(qtbot, library)
    window.select_article(seed_id(window))
    wait_ready(qtbot, window)
    before = window.view.document().size().height()
    window.comfort.set_line_spacing(2.5)
    wait_ready(qtbot, window)
    assert window.view.document().size().height() > before * 1.15
    window.comfort.set_page_width(28)
    frame = window.view.document().rootFrame().frameFormat()
    narrow_margin = frame.leftMargin()
    window.comfort.set_page_width(0)
    assert window.view.document().rootFrame().frameFormat().leftMargin() < narrow_margin
    window.comfort.set_page_width(48)
    close_window(window)
    again = open_window(qtbot, library)
    assert (again.settings.get(S.LINE_SPACING), again.settings.get(S.PAGE_WIDTH)) == (2.5, 48)
    assert again.view._spacing == 2.5 and again.view._page_ems == 48
    close_window(again)


def test_reading_position_and_read_state_survive_restart(qtbot, library):
    window = open_window(qtbot, library)
    window.resize(900, 500)
    the_seed = seed_id(window)
    window.select_article(the_seed)
    wait_ready(qtbot, window)
    row = window.model.row_of(the_seed)
    assert window.model.index(row, Column.TITLE).data(Qt.ItemDataRole.FontRole).bold()
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    window.progress.step(1 if row == 0 else -1)  # leave it for the other article
    close_window(window)

    again = open_window(qtbot, library)
    again.resize(900, 500)
    again.select_article(the_seed)
    wait_ready(qtbot, again)
    bar = again.view.verticalScrollBar()
    assert bar.value() == pytest.approx(bar.maximum() / 2, abs=bar.maximum() * 0.05)
    bar.setValue(bar.maximum())  # read to the end: now read
    row = again.model.row_of(the_seed)
    assert again.model.index(row, Column.TITLE).data(Qt.ItemDataRole.FontRole) is None
    close_window(again)
    third = open_window(qtbot, library)
    assert the_seed in third.store.read_ids()
    assert third.model.index(third.model.row_of(the_seed), Column.TITLE).data(
        Qt.ItemDataRole.FontRole
    ) is None  # fmt: skip
    close_window(third)


def test_an_article_open_for_a_while_becomes_read(qtbot, library, monkeypatch):
    import reader.qt.reading_progress as progress

    monkeypatch.setattr(progress, "READ_AFTER_MS", 200)
    window = open_window(qtbot, library)
    first = window.current.id
    assert first not in window.store.read_ids()
    qtbot.waitUntil(lambda: first in window.store.read_ids(), timeout=3000)
    row = window.model.row_of(first)
    assert window.model.index(row, Column.TITLE).data(Qt.ItemDataRole.FontRole) is None
    close_window(window)


def test_next_unread_with_n_and_with_space_at_the_end(qtbot, library, monkeypatch):
    import reader.qt.reading_progress as progress

    monkeypatch.setattr(progress, "READ_AFTER_MS", 100)
    window = open_window(qtbot, library)
    first = window.current.id
    qtbot.waitUntil(lambda: first in window.store.read_ids(), timeout=3000)
    qtbot.keyClick(window.list, Qt.Key.Key_N)
    second = window.current.id
    assert second != first
    wait_ready(qtbot, window)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Space)  # at the end: everything is read now
    assert window.current.id == second
    assert "has been read" in window.statusBar().currentMessage()
    bar.setValue(0)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)  # not at the end: a page down
    assert bar.value() > 0
    qtbot.keyClick(window.list, Qt.Key.Key_K)
    qtbot.keyClick(window.list, Qt.Key.Key_J)
    assert window.current.id == window.model.meta(1).id
    close_window(window)


def test_full_screen_reading_hides_everything_but_the_article(qtbot, library):
    window = open_window(qtbot, library)
    qtbot.keyClick(window.list, Qt.Key.Key_F11)
    assert window.isFullScreen()
    assert not window.list.isVisible() and not window.menuBar().isVisible()
    assert not window.statusBar().isVisible() and window.view.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and window.list.isVisible() and window.menuBar().isVisible()
    close_window(window)


def test_shortcuts_help_lists_the_actions(qtbot, library):
    from reader.ui.shortcuts_dialog import ShortcutsDialog

    window = open_window(qtbot, library)
    qtbot.keyClick(window.list, Qt.Key.Key_F1)
    [dialog] = [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()]
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Bookmark"] == "Ctrl+D" and "F11" in rows["Full-Screen Reading"]
    assert rows["Search the Library"] == "Ctrl+K"
    dialog.close()
    close_window(window)


def test_paragraph_bookmarks_jump_to_their_paragraph(qtbot, library):
    window = open_window(qtbot, library)
    window.resize(900, 500)
    from reader.text.anchoring import anchor_block
    from reader.text.article import parse_article

    the_seed = seed_id(window)
    target = 18  # in the article's own blocks: the pane's document has a title and more first
    article = parse_article(SEED_FILE.read_text("utf-8"))
    text = window.session.catalog.by_id(the_seed)
    anchor = anchor_block(article, target)
    window.user_state.add_mark(the_seed, anchor, "A note in English", text.title, text.path)
    other = next(m for m in window.session.catalog.articles() if m.id != the_seed)
    window.select_article(other.id)
    wait_ready(qtbot, window)
    window.actions_[ActionId.SHOW_MARKS].setChecked(True)
    assert window.notes_panel.isVisible()
    item = window.notes_panel.list.item(0)
    assert item.text().startswith("A note in English")
    window.notes_panel.list.itemClicked.emit(item)
    qtbot.waitUntil(lambda: window.current.id == the_seed and not window.view.is_busy())
    top = window.view.cursorForPosition(QPoint(window.view.viewport().width() // 2, 4))
    assert window.view.article_block_at_top() == target
    assert top.block().text() == article.blocks[target].text
    [mark] = window.user_state.marks()
    window.notes_panel.remove_requested.emit(mark)
    assert window.user_state.marks() == []
    assert window.notes_panel.list.item(0).flags() == Qt.ItemFlag.NoItemFlags  # "none yet"
    close_window(window)


def test_pdf_export_holds_the_article_text(qtbot, library, tmp_path):
    import unicodedata

    from pypdf import PdfReader

    from reader.ui.printing import export_pdf

    window = open_window(qtbot, library)
    window.select_article(seed_id(window))
    wait_ready(qtbot, window)
    target = tmp_path / "article.pdf"
    export_pdf(window.view.document(), target)
    pages = PdfReader(target).pages
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in pages))
    assert len(pages) >= 2
    # Whatever order an extractor gives RTL runs in, the words themselves are in the PDF
    # (as characters, not just as pictures of glyphs).
    for word in ("كيم", "روسيا", "بوتين", "موسكو", "كوريا"):
        assert word in text or word[::-1] in text, word
    arabic_words = [w for w in text.split() if any("\u0621" <= c <= "\u064a" for c in w)]
    assert len(arabic_words) > 600  # the whole article, not a page of it
    close_window(window)


def test_pdf_export_is_atomic_and_reports_failure(qtbot, library, tmp_path):
    from reader.ui.printing import export_pdf
    from reader.userdata.savefile import SaveError

    window = open_window(qtbot, library)
    window.select_article(seed_id(window))
    wait_ready(qtbot, window)
    target = tmp_path / "article.pdf"
    target.write_bytes(b"the user's older export")
    # A folder where the file should be: the write fails, and says so.
    with pytest.raises(SaveError):
        export_pdf(window.view.document(), tmp_path / "no-such-folder" / "article.pdf")
    export_pdf(window.view.document(), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".article.pdf")] == []
    close_window(window)


def test_every_control_has_an_accessible_name(qtbot, library):
    window = open_window(qtbot, library)
    unnamed = []
    for widget in window.findChildren(QWidget):
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(window)
        has_text = bool(getattr(widget, "text", lambda: "")()) if hasattr(widget, "text") else False
        if focusable and not widget.accessibleName() and not has_text:
            unnamed.append(f"{type(widget).__name__}:{widget.objectName()}")
    assert unnamed == []
    close_window(window)


def test_digits_and_hijri_dates_in_the_meta_line_and_the_list(qtbot, library):
    window = open_window(qtbot, library)
    window.select_article(seed_id(window))
    wait_ready(qtbot, window)
    hijri = window.view_choices.hijri
    assert not hijri.isChecked() and window.list.isColumnHidden(Column.HIJRI)
    hijri.setChecked(True)
    qtbot.waitUntil(lambda: "صفر" in window.view.document().findBlockByNumber(1).text())
    assert "15 سبتمبر 2023 (30 صفر 1445 هـ)" in window.view.document().findBlockByNumber(1).text()
    assert not window.list.isColumnHidden(Column.HIJRI)
    row = window.model.row_of(seed_id(window))
    assert window.model.index(row, Column.HIJRI).data() == "30 صفر 1445 هـ"
    window.view_choices.digits.setChecked(True)
    qtbot.waitUntil(lambda: "١٥ سبتمبر" in window.view.document().findBlockByNumber(1).text())
    assert window.model.index(row, Column.HIJRI).data() == "٣٠ صفر ١٤٤٥ هـ"
    close_window(window)
    again = open_window(qtbot, library)  # remembered
    assert again.view_choices.hijri.isChecked() and not again.list.isColumnHidden(Column.HIJRI)
    close_window(again)


def test_persian_urdu_and_english_articles_speak_their_own_language(qtbot, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "fa.txt").write_text(
        "سفر رئیس‌جمهور به نیویورک\nایرنا\n2023-09-15\n\nرئیس‌جمهور روز دوشنبه برای شرکت در"
        " نشست سالانه به نیویورک رفت و گفت که این سفر مهم است.\n", "utf-8"
    )  # fmt: skip
    (folder / "ur.txt").write_text(
        "پاکستان میں بارشیں\nاے پی پی\n2023-09-14\n\nمحکمہ موسمیات کے مطابق ملک کے بیشتر"
        " حصوں میں تیز ہواؤں کے ساتھ بارش کا امکان ہے۔\n", "utf-8"
    )  # fmt: skip
    (folder / "en.txt").write_text(ENGLISH_ARTICLE, "utf-8")
    window = open_window(qtbot, folder)
    expected = {"fa.txt": "دقیقه مطالعه", "ur.txt": "منٹ کا مطالعہ", "en.txt": "min read"}
    for name, words in expected.items():
        [row] = [
            r for r in range(window.model.rowCount()) if window.model.meta(r).path.endswith(name)
        ]
        window.select_row(row)
        wait_ready(qtbot, window)
        meta = window.view.document().findBlockByNumber(1).text()
        assert words in meta and "قراءة" not in meta, name
    close_window(window)
