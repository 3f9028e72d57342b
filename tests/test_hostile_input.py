"""Hostile and broken files: a clear reason or a safe display, never a crash or a spoof."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.qt.models import Column

from conftest import SEED_FILE
from gui_helpers import close_window, open_window

pytestmark = pytest.mark.gui

BIDI_AND_TERMINAL = "\u202eلوحة\u202c \x1b[31mRED\x07 \u2066عنوان\u2069 \u202b"
SPOOFERS = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
            "\u2069", "\x1b", "\x07")  # fmt: skip


def test_controls_in_titles_cannot_reach_the_list_or_the_window_title(qtbot, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{BIDI_AND_TERMINAL}\nأ ف ب\n2024-01-01\n\nنص.\n", "utf-8")
    window = open_window(qtbot, folder)
    shown = window.model.index(0, Column.TITLE).data()
    assert not any(c in shown for c in SPOOFERS)
    assert "لوحة" in shown and "RED" in shown and "عنوان" in shown
    assert not any(c in window.windowTitle() for c in SPOOFERS)
    document = window.view.toPlainText()
    assert not any(c in document for c in SPOOFERS)
    close_window(window)


def test_odd_names_nesting_and_a_loop_are_fine(qtbot, tmp_path):
    folder = tmp_path / "مكتبة الأخبار"
    deep = folder / "٢٠٢٣" / "أيلول سبتمبر"
    deep.mkdir(parents=True)
    shutil.copy(SEED_FILE, deep / "خبر مع مسافات.txt")
    (deep / "back").symlink_to(folder, target_is_directory=True)
    window = open_window(qtbot, folder)
    assert window.model.rowCount() == 1
    assert window.view.toPlainText().startswith("كيم يزور")
    close_window(window)


def test_a_title_with_no_letters_and_a_huge_first_line(qtbot, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "digits.txt").write_text("2024-01-01 — 12:00\n\nنص عربي هنا.\n", "utf-8")
    (folder / "huge.txt").write_text("كلمة " * 5000 + "\n\nفقرة ثانية.\n", "utf-8")
    window = open_window(qtbot, folder)
    titles = [window.model.index(r, Column.TITLE).data() for r in range(window.model.rowCount())]
    assert len(titles) == 2 and all(len(t) < 300 for t in titles)
    close_window(window)


def test_a_file_that_vanishes_or_turns_binary_after_listing(qtbot, library):
    window = open_window(qtbot, library)
    window.session._watcher.stop()  # as if the change happened between two looks
    victim = window.current
    other = next(m for m in window.session.catalog.articles() if m.path != victim.path)
    Path(victim.path).write_bytes(b"\x00\x01\x02" * 1000)
    window.open_article(other)
    window.open_article(victim)
    assert "can no longer be read" in window.view.toPlainText()
    assert "binary" in window.view.toPlainText()
    Path(victim.path).unlink()
    window.open_article(other)
    window.open_article(victim)
    assert "can no longer be read" in window.view.toPlainText()
    close_window(window)


def test_a_library_folder_that_disappears_empties_the_list(qtbot, library, tmp_path):
    sub = library / "sub"
    sub.mkdir()
    shutil.move(library / "english.txt", sub / "english.txt")
    window = open_window(qtbot, library)
    assert window.model.rowCount() == 2
    shutil.rmtree(sub)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=4000)
    close_window(window)
