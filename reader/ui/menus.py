"""The menu bar, declared as data: which actions stand in which menu, in what order."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.qt.actions import ActionId
from reader.ui.view_menu import ViewChoices

_FILE = QT_TRANSLATE_NOOP("Menus", "&File")
_EDIT = QT_TRANSLATE_NOOP("Menus", "&Edit")
_ARTICLE = QT_TRANSLATE_NOOP("Menus", "&Article")
_VIEW = QT_TRANSLATE_NOOP("Menus", "&View")
_HELP = QT_TRANSLATE_NOOP("Menus", "&Help")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


def build_menus(
    window: QMainWindow,
    actions: dict[ActionId, QAction],
    recent_menu: QMenu,
    view_choices: ViewChoices,
) -> None:
    menus = (
        (_FILE, (ActionId.OPEN_FOLDER, recent_menu, ActionId.SHOW_SKIPPED, None,
                 ActionId.PRINT, ActionId.EXPORT_PDF, None,
                 ActionId.EXPORT_NOTES, ActionId.EXPORT_RESULTS, ActionId.IMPORT_NOTES,
                 ActionId.EXPORT_BOOKMARKS, ActionId.IMPORT_BOOKMARKS, None, ActionId.QUIT)),
        (_EDIT, (ActionId.SEARCH, ActionId.FIND, ActionId.FIND_NEXT, ActionId.FIND_PREVIOUS)),
        (_ARTICLE, (ActionId.TOGGLE_BOOKMARK, ActionId.MARK_PARAGRAPH, ActionId.HIGHLIGHT,
                    ActionId.HIGHLIGHT_NOTE, None, ActionId.BOOKMARKS_ONLY,
                    ActionId.SHOW_MARKS, None, ActionId.NEXT_ARTICLE,
                    ActionId.PREVIOUS_ARTICLE, ActionId.NEXT_UNREAD)),
        (_VIEW, (ActionId.ZOOM_IN, ActionId.ZOOM_OUT, ActionId.ZOOM_RESET, None, view_choices,
                 None, ActionId.FULL_SCREEN, ActionId.FOCUS_LIST, ActionId.FOCUS_ARTICLE)),
        (_HELP, (ActionId.SHORTCUTS, ActionId.ABOUT)),
    )  # fmt: skip
    for title, items in menus:
        menu = window.menuBar().addMenu(_tr(title))
        for item in items:
            if item is None:
                menu.addSeparator()
            elif isinstance(item, QMenu):
                menu.addMenu(item)
            elif isinstance(item, ViewChoices):
                item.fill(menu)
            else:
                menu.addAction(actions[item])
    # Shortcuts work wherever the focus is in the window, menus shown or not.
    window.addActions(list(actions.values()))
