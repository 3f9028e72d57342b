"""File › Export Notes… and Import Notes… in the window: the same files as the command line's."""

from __future__ import annotations

import csv
import io
import json

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from reader.qt.actions import ActionId
from reader.userdata.formats import HIGHLIGHT

from gui_helpers import close_window, open_window, select_words

pytestmark = pytest.mark.gui


def highlight_some_words(window, qtbot) -> None:
    """Words selected in the pane and highlighted with the action, in green."""
    window.select_row(0)
    qtbot.waitUntil(lambda: window.view.article() is not None and not window.view.is_busy())
    select_words(window.view, 2, 12)
    window.actions_[ActionId.HIGHLIGHT].trigger()
    [mark] = window.user_state.marks()
    window.user_state.set_mark_color(mark.mark, "green")
    window.user_state.update_mark(mark.mark, "ملاحظة")


@pytest.mark.parametrize(("suffix", "chosen"), [(".json", 0), (".md", 1), (".csv", 2), ("", 2)])
def test_export_notes_from_the_file_menu(qtbot, library, tmp_path, monkeypatch, suffix, chosen):
    window = open_window(qtbot, library)
    highlight_some_words(window, qtbot)
    target = tmp_path / f"notes{suffix}"

    def save_dialog(parent, caption, folder, filters):
        return str(target), filters.split(";;")[chosen]  # Qt's dialog, answered as a user would

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    window.actions_[ActionId.EXPORT_NOTES].trigger()
    written = target if suffix else target.with_suffix(".csv")  # the chosen filter's format
    text = written.read_text("utf-8")
    if written.suffix == ".json":
        [item] = json.loads(text)["items"]
        assert (item["kind"], item["color"], item["note"]) == ("highlight", "green", "ملاحظة")
    elif written.suffix == ".md":
        assert "\n> " in text and "ملاحظة" in text
    else:
        assert text.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert [(r["kind"], r["note"]) for r in rows] == [("highlight", "ملاحظة")]
    close_window(window)


def test_import_notes_from_the_file_menu_adds_nothing_twice(qtbot, library, tmp_path, monkeypatch):
    window = open_window(qtbot, library)
    highlight_some_words(window, qtbot)
    exported = tmp_path / "notes.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(exported), ""))
    )
    window.actions_[ActionId.EXPORT_NOTES].trigger()
    for mark in window.user_state.marks():
        window.user_state.remove_mark(mark.mark)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(exported), ""))
    )
    with qtbot.waitSignal(window.user_state.marks_changed):
        window.actions_[ActionId.IMPORT_NOTES].trigger()
    assert [(m.kind, m.note) for m in window.user_state.marks()] == [(HIGHLIGHT, "ملاحظة")]
    window.actions_[ActionId.IMPORT_NOTES].trigger()
    assert len(window.user_state.marks()) == 1
    assert "Notes imported: 0" in window.statusBar().currentMessage()
    close_window(window)


def test_every_annotation_made_in_the_window_keeps_its_articles_snapshot(
    qtbot, library, tmp_path, monkeypatch
):
    window = open_window(qtbot, library)
    highlight_some_words(window, qtbot)
    window.actions_[ActionId.TOGGLE_BOOKMARK].trigger()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", True)))
    window.actions_[ActionId.MARK_PARAGRAPH].trigger()
    meta = window.current
    exported = tmp_path / "notes.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(exported), ""))
    )
    window.actions_[ActionId.EXPORT_NOTES].trigger()
    items = json.loads(exported.read_text("utf-8"))["items"]
    assert sorted(i["kind"] for i in items) == ["bookmark", "highlight", "mark"]
    for item in items:  # complete even once the article's file is gone
        assert (item["title"], item["source"], item["date"]) == (
            meta.title,
            meta.source_label(),
            meta.date,
        ), item["kind"]
    close_window(window)
