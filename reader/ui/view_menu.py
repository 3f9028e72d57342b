"""The View menu's choices: theme, line spacing, page width, language and digits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from reader.i18n import LANGUAGES
from reader.themes import THEME_NAMES, Theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("ViewMenu", text)


# (label, value): a few well-chosen steps rather than a slider.
def _spacings() -> list[tuple[str, float]]:
    return [(_tr("Compact"), 1.6), (_tr("Comfortable"), 1.9), (_tr("Airy"), 2.2),
            (_tr("Very Airy"), 2.5)]  # fmt: skip


def _widths() -> list[tuple[str, int]]:
    return [(_tr("Narrow Column"), 28), (_tr("Medium Column"), 36), (_tr("Wide Column"), 48),
            (_tr("Whole Width"), 0)]  # fmt: skip


class ViewChoices(QObject):
    theme_chosen = Signal(object)  # Theme
    spacing_chosen = Signal(float)
    width_chosen = Signal(int)
    language_chosen = Signal(str)  # "ar", "en", or "" for the system's
    digits_toggled = Signal(bool)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.theme_menu = QMenu(_tr("&Theme"))
        self.spacing_menu = QMenu(_tr("Line &Spacing"))
        self.width_menu = QMenu(_tr("Page &Width"))
        self.language_menu = QMenu(_tr("&Language"))
        self.digits = QAction(_tr("Arabic-Indic &Digits (٠١٢٣)"), parent)
        self.digits.setCheckable(True)
        self.digits.toggled.connect(self.digits_toggled)
        self._themes = self._group(
            self.theme_menu,
            [(QCoreApplication.translate("Themes", THEME_NAMES[t]), t) for t in Theme],
            self.theme_chosen,
        )
        self._spacings = self._group(self.spacing_menu, _spacings(), self.spacing_chosen)
        self._widths = self._group(self.width_menu, _widths(), self.width_chosen)
        languages = [(_tr("Follow the System"), ""), *((n, c) for c, n in LANGUAGES.items())]
        self._languages = self._group(self.language_menu, languages, self.language_chosen)

    def _group(self, menu: QMenu, choices, signal) -> dict:
        group = QActionGroup(menu)
        actions = {}
        for label, value in choices:
            action = menu.addAction(label)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, v=value: signal.emit(v))
            actions[value] = action
        return actions

    def show_current(self, theme: Theme, spacing: float, width: int, language: str) -> None:
        """Tick the choices in force (a value between the steps ticks none)."""
        for actions, value in ((self._themes, theme), (self._spacings, spacing),
                               (self._widths, width), (self._languages, language)):  # fmt: skip
            if value in actions:
                actions[value].setChecked(True)

    def fill(self, menu: QMenu) -> None:
        for sub in (self.theme_menu, self.spacing_menu, self.width_menu, self.language_menu):
            menu.addMenu(sub)
        menu.addAction(self.digits)
