"""The window as the user left it: geometry, splitter, list columns and the reading choices,
restored in one place at start and saved in one place at exit (Picard's PreserveGeometry)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.qt import settings as S
from reader.qt.actions import ActionId
from reader.qt.fonts import DEFAULT_FAMILY
from reader.qt.themes import Theme, apply_theme

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

DEFAULT_SIZE = (1200, 800)
DEFAULT_SPLIT = [440, 760]


def restore_window(window: MainWindow) -> None:
    s = window.settings
    if not window.restoreGeometry(s.get(S.WINDOW_GEOMETRY)):
        window.resize(*DEFAULT_SIZE)
    window.restoreState(s.get(S.WINDOW_STATE))
    if not window.splitter.restoreState(s.get(S.SPLITTER_STATE)):
        window.splitter.setSizes(DEFAULT_SPLIT)
    window.list.restore_columns(s.get(S.LIST_HEADER_STATE))
    family = s.get(S.FONT_FAMILY)
    if window.family_box.findText(family) < 0:
        family = DEFAULT_FAMILY  # the remembered font was uninstalled
    window.family_box.set_family(family)
    blocked = window.size_box.blockSignals(True)  # lay the document out once, just below
    window.size_box.setValue(s.get(S.FONT_SIZE))
    window.size_box.blockSignals(blocked)
    window.view.set_reading_font(family, window.size_box.value())
    window.actions_[ActionId.BOOKMARKS_ONLY].setChecked(s.get(S.BOOKMARKS_ONLY))
    window.view.set_layout(s.get(S.LINE_SPACING), s.get(S.PAGE_WIDTH))
    theme = _theme(s.get(S.THEME))
    apply_theme(theme)
    window.view_choices.digits.setChecked(s.get(S.ARABIC_DIGITS))
    window.view_choices.hijri.setChecked(s.get(S.HIJRI_DATES))
    window.view_choices.group.setChecked(s.get(S.GROUP_STORIES))
    window.model.spec.grouped = s.get(S.GROUP_STORIES)  # before the library is listed
    window.model.arabic_digits = window.status.arabic_digits = s.get(S.ARABIC_DIGITS)
    window.list.show_hijri_column(s.get(S.HIJRI_DATES))
    window.view.set_meta_options(s.get(S.ARABIC_DIGITS), s.get(S.HIJRI_DATES))
    window.view_choices.show_current(
        theme, s.get(S.LINE_SPACING), s.get(S.PAGE_WIDTH), s.get(S.LANGUAGE)
    )


def save_window(window: MainWindow) -> None:
    s = window.settings
    s.set(S.WINDOW_GEOMETRY, window.saveGeometry())
    s.set(S.WINDOW_STATE, window.saveState())
    s.set(S.SPLITTER_STATE, window.splitter.saveState())
    s.set(S.LIST_HEADER_STATE, window.list.column_state())
    s.sync()


def _theme(name: str) -> Theme:
    try:
        return Theme(name)
    except ValueError:
        return Theme.SYSTEM
