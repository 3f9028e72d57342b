"""The interface in Arabic and English: complete translations, built by our tooling, mirrored."""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from reader.qt.i18n import install_language
from reader.text.metaline import localize_digits

from gui_helpers import close_window, open_window, skipped_reasons

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_message_is_translated(language):
    tree = ElementTree.parse(ROOT / "translations" / f"qari_{language}.ts")
    messages = list(tree.iter("message"))
    assert len(messages) > 100
    for message in messages:
        translation = message.find("translation")
        source = message.find("source").text
        assert translation.get("type") is None, source
        # A "%n thing(s)" message has a form per plural rule of the language, each filled.
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(texts), source
        for text in texts:
            for placeholder in ("%1", "%2", "%3"):
                assert (placeholder in source) == (placeholder in text), source


def test_the_built_translations_are_what_the_tool_builds(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    for built in translations.build(tmp_path):
        shipped = ROOT / "resources" / "translations" / built.name
        assert shipped.read_bytes() == built.read_bytes(), f"rebuild {shipped.name}"


@pytest.mark.gui
def test_arabic_interface_is_translated_and_mirrored(qtbot, library):
    app = QApplication.instance()
    try:
        assert install_language(app, "ar") == "ar"
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        window = open_window(qtbot, library)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "&ملف" and all(not m.isascii() for m in menus)
        assert window.search_box.placeholderText().startswith("البحث")
        # The list sits on the right, the article on the left, the menus start at the right.
        list_x = window.list.mapTo(window, QPoint(0, 0)).x()
        view_x = window.view.mapTo(window, QPoint(0, 0)).x()
        assert list_x > view_x
        file_menu = window.menuBar().actionGeometry(window.menuBar().actions()[0])
        assert file_menu.left() > window.width() / 2
        assert window.status.count_label.text().startswith("المقالات")
        close_window(window)
    finally:
        install_language(app, "en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight


@pytest.mark.gui
def test_english_interface(qtbot, library):
    install_language(QApplication.instance(), "en")
    window = open_window(qtbot, library)
    assert window.menuBar().actions()[0].text() == "&File"
    close_window(window)


def test_arabic_indic_digits():
    assert localize_digits("2023-09-15", True) == "٢٠٢٣-٠٩-١٥"
    assert localize_digits("Articles: 12", False) == "Articles: 12"


@pytest.mark.gui
def test_skipped_files_say_why_in_arabic(qtbot, library):
    """Each reason the library gives in English (the index keeps it so, the command line
    prints it) is shown in the Arabic interface's words; a copy names its original's path."""
    import os
    import shutil

    from conftest import SEED_FILE

    (library / "empty.txt").write_bytes(b"")
    (library / "nul.txt").write_bytes(b"\x00\x01" * 64)
    (library / "controls.txt").write_bytes(b"\x01\x02\x03\x04\x05\x06 text" * 16)
    shutil.copy(SEED_FILE, library / "z copy.txt")  # the seed, read first, is the one listed
    if sys.platform == "linux":
        os.mkdir(os.fsencode(library) + b"/" + "أرشيف".encode("cp1256"))
    app = QApplication.instance()
    try:
        install_language(app, "ar")
        window = open_window(qtbot, library)
        reasons = skipped_reasons(qtbot, window)
        names = {"empty.txt", "nul.txt", "controls.txt", "z copy.txt"}
        assert set(reasons) == names | ({"\ufffd" * 5} if sys.platform == "linux" else set())
        assert all(not reason.isascii() for reason in reasons.values()), reasons
        assert reasons["empty.txt"] == "ملف فارغ"
        original = f"\u2066{library / SEED_FILE.name}\u2069"
        assert reasons["z copy.txt"] == f"المقال نفسه الذي في {original}"
        close_window(window)
    finally:
        install_language(app, "en")


@pytest.mark.gui
def test_a_search_too_broad_says_why_in_arabic(qtbot, tmp_path):
    from conftest import too_broad_search

    folder = tmp_path / "news"
    query = too_broad_search(folder)
    app = QApplication.instance()
    try:
        install_language(app, "ar")
        window = open_window(qtbot, folder)
        window.search(query)
        message = window.statusBar().currentMessage()
        assert message.startswith("تعذّر إجراء هذا البحث: ") and "أكثر مما يُبحث عنه" in message
        assert "look for" not in message
        close_window(window)
    finally:
        install_language(app, "en")
