"""Every user command declared once: its text, shortcuts and icon, keyed by ActionId."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

Key = Qt.Key
Mod = Qt.KeyboardModifier
StdKey = QKeySequence.StandardKey


class ActionId(Enum):
    OPEN_FOLDER = auto()
    SHOW_SKIPPED = auto()
    EXPORT_BOOKMARKS = auto()
    IMPORT_BOOKMARKS = auto()
    EXPORT_NOTES = auto()
    EXPORT_RESULTS = auto()
    IMPORT_NOTES = auto()
    QUIT = auto()
    SEARCH = auto()
    FIND = auto()
    FIND_NEXT = auto()
    FIND_PREVIOUS = auto()
    NEXT_ARTICLE = auto()
    PREVIOUS_ARTICLE = auto()
    NEXT_UNREAD = auto()
    FOCUS_LIST = auto()
    FOCUS_ARTICLE = auto()
    FULL_SCREEN = auto()
    SHORTCUTS = auto()
    PRINT = auto()
    EXPORT_PDF = auto()
    MARK_PARAGRAPH = auto()
    HIGHLIGHT = auto()
    HIGHLIGHT_NOTE = auto()
    SHOW_MARKS = auto()
    TOGGLE_BOOKMARK = auto()
    BOOKMARKS_ONLY = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    ZOOM_RESET = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcuts: tuple[QKeySequence | StdKey, ...] = ()
    icon: QIcon.ThemeIcon | None = None
    checkable: bool = False
    tip: str = ""
    menu_role: QAction.MenuRole = field(default=QAction.MenuRole.NoRole)


def _keys(*combos: int | Qt.KeyboardModifier | Key) -> QKeySequence:
    value = 0
    for part in combos:
        value |= part.value if hasattr(part, "value") else int(part)
    return QKeySequence(value)


_CTX = "Actions"
SPECS: dict[ActionId, ActionSpec] = {
    ActionId.OPEN_FOLDER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Open Folder…"), (StdKey.Open,), QIcon.ThemeIcon.DocumentOpen
    ),
    ActionId.SHOW_SKIPPED: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Skipped Files…")),
    ActionId.EXPORT_BOOKMARKS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Export Bookmarks…")),
    ActionId.IMPORT_BOOKMARKS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Import Bookmarks…")),
    ActionId.EXPORT_NOTES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export &Notes…"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Every highlight, note and bookmark as JSON, Markdown or CSV"
        ),
    ),
    ActionId.EXPORT_RESULTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export &Results…"),
        tip=QT_TRANSLATE_NOOP("Actions", "The articles listed, as shown, as CSV for a spreadsheet"),
    ),
    ActionId.IMPORT_NOTES: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Import No&tes…")),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        (StdKey.Quit, QKeySequence("Ctrl+Q")),
        QIcon.ThemeIcon.ApplicationExit,
        menu_role=QAction.MenuRole.QuitRole,
    ),
    ActionId.SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Search the Library"),
        (QKeySequence("Ctrl+K"),),
        QIcon.ThemeIcon.EditFind,
        tip=QT_TRANSLATE_NOOP("Actions", "Search titles and text of every article (Ctrl+K)"),
    ),
    ActionId.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Find in Article…"), (StdKey.Find,), QIcon.ThemeIcon.EditFind
    ),
    ActionId.FIND_NEXT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Find &Next"), (QKeySequence("F3"), StdKey.FindNext)
    ),
    ActionId.FIND_PREVIOUS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
        (QKeySequence("Shift+F3"), StdKey.FindPrevious),
    ),
    ActionId.NEXT_ARTICLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Next Article"), (QKeySequence("J"), QKeySequence("Alt+Down"))
    ),
    ActionId.PREVIOUS_ARTICLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Previous Article"),
        (QKeySequence("K"), QKeySequence("Alt+Up")),
    ),
    ActionId.NEXT_UNREAD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Next &Unread Article"),
        (QKeySequence("N"),),
        tip=QT_TRANSLATE_NOOP("Actions", "Next unread article (N, or Space at an article's end)"),
    ),
    ActionId.FOCUS_LIST: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Go to the &List"), (QKeySequence("Ctrl+1"),)
    ),
    ActionId.FOCUS_ARTICLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Go to the &Article"), (QKeySequence("Ctrl+2"),)
    ),
    ActionId.FULL_SCREEN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Full-Screen Reading"),
        (QKeySequence("F11"), StdKey.FullScreen),
        QIcon.ThemeIcon.ViewFullscreen,
        checkable=True,
    ),
    ActionId.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        (QKeySequence("F1"), QKeySequence("?")),
        QIcon.ThemeIcon.HelpFaq,
    ),
    ActionId.PRINT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Print Article…"),
        (StdKey.Print, QKeySequence("Ctrl+P")),
        QIcon.ThemeIcon.DocumentPrint,
    ),
    ActionId.EXPORT_PDF: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export Article as P&DF…"), (QKeySequence("Ctrl+Shift+E"),)
    ),
    ActionId.MARK_PARAGRAPH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Bookmark This &Paragraph…"),
        (QKeySequence("Ctrl+Shift+D"),),
        tip=QT_TRANSLATE_NOOP("Actions", "Bookmark the paragraph at the top, with a note"),
    ),
    ActionId.HIGHLIGHT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Highlight the Selection"),
        (QKeySequence("Ctrl+H"),),
        tip=QT_TRANSLATE_NOOP("Actions", "Highlight the selected words, or unhighlight them"),
    ),
    ActionId.HIGHLIGHT_NOTE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "No&te on the Highlight…"),
        (QKeySequence("Ctrl+Shift+H"),),
        tip=QT_TRANSLATE_NOOP("Actions", "Add or edit the note of the highlight selected"),
    ),
    ActionId.SHOW_MARKS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Notes Pan&el"),
        (QKeySequence("Ctrl+Shift+M"),),
        checkable=True,
    ),
    ActionId.TOGGLE_BOOKMARK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Bookmark"),
        (QKeySequence("Ctrl+D"),),
        checkable=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Bookmark this article, or remove its bookmark (Ctrl+D)"),
    ),
    ActionId.BOOKMARKS_ONLY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Show Only B&ookmarks"),
        (QKeySequence("Ctrl+Shift+B"),),
        checkable=True,
        tip=QT_TRANSLATE_NOOP("Actions", "List only bookmarked articles (Ctrl+Shift+B)"),
    ),
    # Ctrl++ and Ctrl+= (the same key unshifted), and the keypad keys with or without Ctrl.
    # No Ctrl+Shift variants: X11 also offers the unshifted form of a shifted key, and two
    # sequences matching one key press make Qt drop it as ambiguous.
    ActionId.ZOOM_IN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        (
            StdKey.ZoomIn,
            QKeySequence("Ctrl+="),
            QKeySequence("Ctrl++"),
            _keys(Mod.KeypadModifier, Key.Key_Plus),
            _keys(Mod.ControlModifier, Mod.KeypadModifier, Key.Key_Plus),
        ),
        QIcon.ThemeIcon.ZoomIn,
        tip=QT_TRANSLATE_NOOP("Actions", "Larger text (Ctrl++)"),
    ),
    ActionId.ZOOM_OUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        (
            StdKey.ZoomOut,
            QKeySequence("Ctrl+-"),
            _keys(Mod.KeypadModifier, Key.Key_Minus),
            _keys(Mod.ControlModifier, Mod.KeypadModifier, Key.Key_Minus),
        ),
        QIcon.ThemeIcon.ZoomOut,
        tip=QT_TRANSLATE_NOOP("Actions", "Smaller text (Ctrl+-)"),
    ),
    ActionId.ZOOM_RESET: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Reset Zoom"),
        (QKeySequence("Ctrl+0"), _keys(Mod.ControlModifier, Mod.KeypadModifier, Key.Key_0)),
        QIcon.ThemeIcon.ZoomFitBest,
        tip=QT_TRANSLATE_NOOP("Actions", "Default text size (Ctrl+0)"),
    ),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&About Qari"),
        icon=QIcon.ThemeIcon.HelpAbout,
        menu_role=QAction.MenuRole.AboutRole,
    ),
}


def _unique(shortcuts: tuple[QKeySequence | StdKey, ...]) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for item in shortcuts:
        for seq in QKeySequence.keyBindings(item) if isinstance(item, StdKey) else [item]:
            if not seq.isEmpty() and seq not in found:
                found.append(seq)
    return found


def create_actions(parent: QObject) -> dict[ActionId, QAction]:
    actions = {}
    for action_id, spec in SPECS.items():
        action = QAction(QCoreApplication.translate(_CTX, spec.text), parent)
        action.setObjectName(action_id.name.lower())
        action.setShortcuts(_unique(spec.shortcuts))
        action.setCheckable(spec.checkable)
        action.setMenuRole(spec.menu_role)
        if spec.icon is not None and QIcon.hasThemeIcon(spec.icon):
            action.setIcon(QIcon.fromTheme(spec.icon))
        if spec.tip:
            action.setToolTip(QCoreApplication.translate(_CTX, spec.tip))
        actions[action_id] = action
    return actions
