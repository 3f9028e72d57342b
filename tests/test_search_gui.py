"""Searching from the window: the list filters as you type, highlights land on whole words."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QDate, Qt

from reader.qt.models import Column, Role
from reader.text.sanitize import path_line

from conftest import SEED_FILE, SEED_TITLE, too_broad_search
from gui_helpers import close_window, open_window, type_text

pytestmark = pytest.mark.gui

Ctrl = Qt.KeyboardModifier.ControlModifier

PUTIN = """بوتين يستقبل كيم في قاعدة فوستوشني
رويترز
2023-09-13

استقبل الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون.

وقال الكرملين إن المحادثات تناولت التعاون العسكري بين البلدين.
"""


@pytest.fixture
def news(library):
    (library / "putin.txt").write_text(PUTIN, "utf-8")
    return library


def listed_titles(window) -> list[str]:
    return [window.model.index(r, Column.TITLE).data() for r in range(window.model.rowCount())]


def type_search(qtbot, window, text: str) -> None:
    window.search_box.setFocus()
    with qtbot.waitSignal(window.search_box.search_requested, timeout=3000):
        type_text(window.search_box, text)


def snippet_of(qtbot, window, row: int):
    """A row's snippet: read off the GUI thread, so it may arrive after the row is listed."""
    index = window.model.index(row, Column.TITLE)
    snippet = index.data(Role.SNIPPET)
    if snippet is None:

        def for_the_row(top_left, _bottom_right, roles) -> bool:
            return top_left.row() == row and Role.SNIPPET in roles

        with qtbot.waitSignal(window.model.dataChanged, check_params_cb=for_the_row):
            pass
        snippet = index.data(Role.SNIPPET)
    return snippet


def highlighted_words(window) -> list[str]:
    return [s.cursor.selectedText() for s in window.view.extraSelections()]


def test_typing_filters_the_list_and_highlights_whole_words(qtbot, news):
    window = open_window(qtbot, news)
    assert len(listed_titles(window)) == 3
    qtbot.keyClick(window.list, Qt.Key.Key_K, Ctrl)
    assert window.search_box.hasFocus()
    type_search(qtbot, window, "رئيس")  # finds الرئيس: the article is a clitic
    assert set(listed_titles(window)) == {SEED_TITLE, "بوتين يستقبل كيم في قاعدة فوستوشني"}
    assert window.status.count_label.text() == "Articles: 2 of 3"
    # The best match is opened, and every match in it highlighted as a whole word.
    assert window.current is not None
    words = highlighted_words(window)
    assert words and set(words) <= {"الرئيس", "رئيس", "والرئيس", "للرئيس", "لرئيس"}
    # Clearing the field brings the whole library back, newest first.
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert len(listed_titles(window)) == 3 and highlighted_words(window) == []
    close_window(window)


def test_search_ignores_diacritics_and_letter_forms(qtbot, news):
    window = open_window(qtbot, news)
    type_search(qtbot, window, "الكُرْملين")  # harakat in the query
    assert listed_titles(window)[0] == SEED_TITLE or "بوتين" in listed_titles(window)[0]
    assert {SEED_TITLE} <= set(listed_titles(window))
    window.search_box.clear()
    type_search(qtbot, window, "سبتمبر")  # inside "15سبتمبر2023"
    assert listed_titles(window) == [SEED_TITLE]
    assert "سبتمبر" in highlighted_words(window)
    close_window(window)


def test_results_show_snippets_and_nothing_found_is_empty(qtbot, news):
    window = open_window(qtbot, news)
    type_search(qtbot, window, "فوستوشني")
    rows = {window.model.index(r, Column.TITLE).data(): r for r in range(window.model.rowCount())}
    snippet = snippet_of(qtbot, window, rows[SEED_TITLE])
    assert "فوستوشني" in snippet.text and snippet.spans
    window.search_box.clear()
    type_search(qtbot, window, "كلمةغيرموجودة")
    assert listed_titles(window) == []
    assert window.status.count_label.text() == "Articles: 0 of 3"
    close_window(window)


def test_f3_walks_through_matches_and_ctrl_f_finds_in_the_article(qtbot, news):
    window = open_window(qtbot, news)
    window.select_article(window.session.catalog.by_id(_seed_id(window)).id)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Ctrl)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    type_text(window.find_bar.field, "كيم")
    total = window.view.match_count()
    assert total >= 10  # كيم, بكيم, لكيم ... all whole words
    assert all(w.endswith("كيم") for w in highlighted_words(window))
    assert window.find_bar.count.text() == f"1 of {total}"
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    assert window.view.current_match() == 1
    qtbot.keyClick(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.current_match() == total - 1  # wrapped around
    assert window.find_bar.count.text() == f"{total} of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and highlighted_words(window) == []
    close_window(window)


def _seed_id(window) -> str:
    return next(m.id for m in window.session.catalog.articles() if m.title == SEED_TITLE)


def test_sorting_and_filters(qtbot, news):
    window = open_window(qtbot, news)
    window.list.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert listed_titles(window)[0].startswith("Kim")  # Latin sorts before Arabic
    agencies = window.filters.agency
    assert agencies.itemText(0) == "All agencies (3)"
    assert agencies.itemText(1) == "أ ف ب (2)"  # most articles first, with their counts
    agencies.setCurrentIndex(agencies.findData("رويترز"))
    assert listed_titles(window) == ["بوتين يستقبل كيم في قاعدة فوستوشني"]
    agencies.setCurrentIndex(0)
    assert len(listed_titles(window)) == 3
    # Type part of a name and pick it, as with the keyboard.
    papers = window.filters.publication
    papers.lineEdit().setText("الامة")
    qtbot.keyClick(papers.lineEdit(), Qt.Key.Key_Return)
    assert papers.currentData() is not None
    assert SEED_TITLE in listed_titles(window) and len(listed_titles(window)) < 3
    papers.setCurrentIndex(0)
    window.filters.date_from.setDate(QDate(2023, 9, 14))
    window.filters.use_dates.setChecked(True)
    assert set(listed_titles(window)) == {SEED_TITLE, "Kim visits fighter jet factory in Russia"}
    close_window(window)


def test_new_changed_and_deleted_files_show_up_while_running(qtbot, news, tmp_path):
    window = open_window(qtbot, news)
    assert len(listed_titles(window)) == 3

    def titles_become(expected: set[str]) -> None:
        qtbot.waitUntil(lambda: set(listed_titles(window)) == expected, timeout=4000)

    before = set(listed_titles(window))
    extra = news / "sub" / "جديد.txt"
    extra.parent.mkdir()
    extra.write_text("خبر وصل الآن\nواس\n2024-02-02\n\nنص الخبر.\n", "utf-8")
    titles_become(before | {"خبر وصل الآن"})
    extra.write_text("خبر معدل\nواس\n2024-02-02\n\nنص الخبر بعد التعديل.\n", "utf-8")
    titles_become(before | {"خبر معدل"})
    extra.unlink()
    titles_become(before)
    shutil.move(news / "putin.txt", tmp_path / "moved-away.txt")
    titles_become(before - {"بوتين يستقبل كيم في قاعدة فوستوشني"})
    # The new file is searchable too.
    shutil.copy(tmp_path / "moved-away.txt", news / "back.txt")
    titles_become(before)
    type_search(qtbot, window, "فوستوشني")
    assert "بوتين يستقبل كيم في قاعدة فوستوشني" in listed_titles(window)
    close_window(window)


def test_seed_is_still_listed_once_when_copied(qtbot, news):
    shutil.copy(SEED_FILE, news / "copy.txt")
    window = open_window(qtbot, news)
    assert listed_titles(window).count(SEED_TITLE) == 1
    assert window.status.skipped_button.text() == "Skipped: 1"
    close_window(window)


def test_dropping_a_folder_opens_it_and_it_joins_the_recent_menu(qtbot, news, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = open_window(qtbot, news)
    other = tmp_path / "dropped"
    other.mkdir()
    (other / "a.txt").write_text("خبر من مجلد آخر\n\nنص.\n", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(window.library_loaded):
        window.dropEvent(drop)
    assert listed_titles(window) == ["خبر من مجلد آخر"]
    window.recent_menu.aboutToShow.emit()
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries == [path_line(str(other))]  # a path, isolated left to right
    with qtbot.waitSignal(window.library_loaded):
        window.library_commands.open_library([str(news)])
    window.recent_menu.aboutToShow.emit()
    recent = window.recent_menu.actions()
    assert [a.text() for a in recent] == [path_line(str(news)), path_line(str(other))]
    with qtbot.waitSignal(window.library_loaded):
        recent[1].trigger()
    assert listed_titles(window) == ["خبر من مجلد آخر"]
    close_window(window)


def test_near_search_and_ctrl_f_highlight_the_words_of_each_near_match(qtbot, news):
    window = open_window(qtbot, news)
    type_search(qtbot, window, '"كيم بوتين"~4')
    assert "بوتين يستقبل كيم في قاعدة فوستوشني" in listed_titles(window)
    window.select_article(
        next(m.id for m in window.session.catalog.articles() if "فوستوشني" in m.title)
    )
    qtbot.keyClick(window.view, Qt.Key.Key_F, Ctrl)
    type_text(window.find_bar.field, '"بوتين كيم"~3')
    # The title has them two words apart; the paragraph four: whole words, nothing between.
    assert highlighted_words(window) == ["بوتين", "كيم"]
    window.find_bar.field.clear()
    type_text(window.find_bar.field, '"بوتين كيم"~4')
    assert highlighted_words(window) == ["بوتين", "كيم", "بوتين", "كيم"]
    close_window(window)


def test_the_exact_toggle_changes_the_results_and_is_remembered(qtbot, library):
    (library / "hamza.txt").write_text(
        "خبر عن إسرائيل\nرويترز\n2023-09-13\n\nزار الوفد إسرائيل.\n", "utf-8"
    )
    (library / "plain.txt").write_text(
        "خبر عن اسرائيل\nرويترز\n2023-09-12\n\nزار الوفد اسرائيل.\n", "utf-8"
    )
    window = open_window(qtbot, library)
    assert not window.search_box.exact()
    type_search(qtbot, window, "إسرائيل")
    assert set(listed_titles(window)) == {"خبر عن إسرائيل", "خبر عن اسرائيل"}
    # Ctrl+Shift+K (the action beside the field) searches again by the exact spelling.
    with qtbot.waitSignal(window.search_box.search_requested):
        qtbot.keyClick(window.search_box, Qt.Key.Key_K, Ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert window.search_box.exact()
    assert listed_titles(window) == ["خبر عن إسرائيل"]
    assert set(highlighted_words(window)) == {"إسرائيل"}
    window.search_box.clear()
    type_search(qtbot, window, "اسرائيل")
    assert listed_titles(window) == ["خبر عن اسرائيل"]
    close_window(window)
    # A new window starts with the toggle as it was left.
    window = open_window(qtbot, library)
    assert window.search_box.exact()
    with qtbot.waitSignal(window.search_box.search_requested):
        window.search_box.setText("اسرائيل")
    assert listed_titles(window) == ["خبر عن اسرائيل"]
    with qtbot.waitSignal(window.search_box.search_requested):
        window.search_box.exact_action.trigger()
    assert set(listed_titles(window)) == {"خبر عن إسرائيل", "خبر عن اسرائيل"}
    close_window(window)


def test_the_search_help_tells_of_near_and_exact(qtbot, library):
    from reader.ui.shortcuts_dialog import ShortcutsDialog

    window = open_window(qtbot, library)
    tip = window.search_box.toolTip()
    assert '"word1 word2"~5' in tip and "Ctrl+Shift+K" in tip and "tatweel" in tip
    qtbot.keyClick(window.list, Qt.Key.Key_F1)
    [dialog] = [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()]
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Match Spelling Exactly"] == "Ctrl+Shift+K"
    dialog.close()
    close_window(window)


def test_a_search_too_broad_to_run_says_so(qtbot, tmp_path):
    folder = tmp_path / "news"
    query = too_broad_search(folder)
    window = open_window(qtbot, folder)
    window.search(query)
    assert window.model.rowCount() == 0
    assert "could not be run" in window.statusBar().currentMessage()
    close_window(window)


def test_a_recent_library_is_named_as_its_folder_is(qtbot, news, tmp_path):
    # A folder's "&" is a character of its name, not a menu shortcut's mark.
    other = tmp_path / "Tom & Jerry"
    other.mkdir()
    (other / "a.txt").write_text("خبر\nوكالة\n2024-01-02\n\nنص الخبر.\n", encoding="utf-8")
    window = open_window(qtbot, news)
    with qtbot.waitSignal(window.library_loaded):
        window.library_commands.open_library([str(other)])
    window.recent_menu.aboutToShow.emit()
    assert [a.iconText() for a in window.recent_menu.actions()] == [path_line(str(other))]
    close_window(window)
