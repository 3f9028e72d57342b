"""The View menu's choices: theme, line spacing, page width, language, digits, Hijri dates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from reader.qt.i18n import LANGUAGES
from reader.qt.themes import THEME_NAMES, Theme

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


# (label, value): a few well-chosen steps rather than a slider.
def _spacings() -> list[tuple[str, float]]:
    return [
        (translate("ViewMenu", "Compact"), 1.6),
        (translate("ViewMenu", "Comfortable"), 1.9),
        (translate("ViewMenu", "Airy"), 2.2),
        (translate("ViewMenu", "Very Airy"), 2.5),
    ]


def _widths() -> list[tuple[str, int]]:
    return [
        (translate("ViewMenu", "Narrow Column"), 28),
        (translate("ViewMenu", "Medium Column"), 36),
        (translate("ViewMenu", "Wide Column"), 48),
        (translate("ViewMenu", "Whole Width"), 0),
    ]


class ViewChoices(QObject):
    theme_chosen = Signal(object)  # Theme
    spacing_chosen = Signal(float)
    width_chosen = Signal(int)
    language_chosen = Signal(str)  # "ar", "en", or "" for the system's
    digits_toggled = Signal(bool)
    hijri_toggled = Signal(bool)
    group_toggled = Signal(bool)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.theme_menu = QMenu(translate("ViewMenu", "&Theme"))
        self.spacing_menu = QMenu(translate("ViewMenu", "Line &Spacing"))
        self.width_menu = QMenu(translate("ViewMenu", "Page &Width"))
        self.language_menu = QMenu(translate("ViewMenu", "&Language"))
        self.digits = QAction(translate("ViewMenu", "Arabic-Indic &Digits (٠١٢٣)"), parent)
        self.digits.setCheckable(True)
        self.digits.toggled.connect(self.digits_toggled)
        self.hijri = QAction(translate("ViewMenu", "&Hijri Dates (Umm al-Qura)"), parent)
        self.hijri.setCheckable(True)
        self.hijri.toggled.connect(self.hijri_toggled)
        self.group = QAction(translate("ViewMenu", "&Group Versions of a Story"), parent)
        self.group.setCheckable(True)
        self.group.setToolTip(
            translate("ViewMenu", "One row per story, its versions under it; off: every article")
        )
        self.group.toggled.connect(self.group_toggled)
        self._themes = self._group(
            self.theme_menu,
            [(translate("Themes", THEME_NAMES[t]), t) for t in Theme],
            self.theme_chosen,
        )
        self._spacings = self._group(self.spacing_menu, _spacings(), self.spacing_chosen)
        self._widths = self._group(self.width_menu, _widths(), self.width_chosen)
        languages = [
            (translate("ViewMenu", "Follow the System"), ""),
            *((n, c) for c, n in LANGUAGES.items()),
        ]
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
        menu.addAction(self.hijri)
        menu.addAction(self.group)
