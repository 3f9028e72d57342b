"""Reading comfort: text size and font, theme, line spacing, page width, digits, language,
full-screen reading. Each choice is remembered the moment it is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar

from reader.qt import settings as S
from reader.qt.actions import ActionId
from reader.qt.themes import Theme, apply_theme
from reader.ui.font_controls import next_size

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ComfortCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self._was_maximized = False
        a = window.actions_
        a[ActionId.ZOOM_IN].triggered.connect(lambda: self.zoom(1))
        a[ActionId.ZOOM_OUT].triggered.connect(lambda: self.zoom(-1))
        a[ActionId.ZOOM_RESET].triggered.connect(lambda: self.set_font_size(S.FONT_SIZE.default))
        a[ActionId.FULL_SCREEN].toggled.connect(self.set_full_screen)
        window.view.zoom_requested.connect(self.zoom)
        window.size_box.valueChanged.connect(self.set_font_size)
        window.family_box.family_chosen.connect(self.set_font_family)
        choices = window.view_choices
        choices.theme_chosen.connect(self.set_theme)
        choices.spacing_chosen.connect(self.set_line_spacing)
        choices.width_chosen.connect(self.set_page_width)
        choices.language_chosen.connect(self.set_language)
        choices.digits_toggled.connect(self.set_arabic_digits)
        choices.hijri_toggled.connect(self.set_hijri_dates)
        choices.group_toggled.connect(self.set_group_stories)

    # --- the reading font ----------------------------------------------------------------------

    def zoom(self, steps: int) -> None:
        self.set_font_size(next_size(self.window.size_box.value(), steps))

    def set_font_size(self, size: int) -> None:
        box = self.window.size_box
        size = max(S.MIN_FONT_SIZE, min(S.MAX_FONT_SIZE, int(size)))
        if box.value() != size:
            box.setValue(size)  # comes back here through valueChanged
            return
        self.settings.set(S.FONT_SIZE, size)
        self.window.view.set_reading_font(self.window.family_box.currentText(), size)

    def set_font_family(self, family: str) -> None:
        self.settings.set(S.FONT_FAMILY, family)
        self.window.view.set_reading_font(family, self.window.size_box.value())

    # --- the page ------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.settings.set(S.THEME, theme.value)
        apply_theme(theme)

    def set_line_spacing(self, spacing: float) -> None:
        self.settings.set(S.LINE_SPACING, spacing)
        self.window.view.set_layout(spacing, self.settings.get(S.PAGE_WIDTH))

    def set_page_width(self, width: int) -> None:
        self.settings.set(S.PAGE_WIDTH, width)
        self.window.view.set_layout(self.settings.get(S.LINE_SPACING), width)

    def set_arabic_digits(self, on: bool) -> None:
        self.settings.set(S.ARABIC_DIGITS, on)
        window = self.window
        window.model.arabic_digits = window.status.arabic_digits = on
        window.model.refresh()
        window.view.set_meta_options(on, self.settings.get(S.HIJRI_DATES))

    def set_hijri_dates(self, on: bool) -> None:
        """The Umm al-Qura date beside the Gregorian one: in the meta line, and a column."""
        self.settings.set(S.HIJRI_DATES, on)
        self.window.list.show_hijri_column(on)
        self.window.view.set_meta_options(self.settings.get(S.ARABIC_DIGITS), on)

    def set_group_stories(self, on: bool) -> None:
        self.settings.set(S.GROUP_STORIES, on)
        self.window.model.set_grouped(on)

    def set_full_screen(self, on: bool) -> None:
        """Only the article: no list, toolbar, menus or status bar (F11 or Esc to leave)."""
        window = self.window
        for widget in (window.splitter.widget(0), window.menuBar(), window.statusBar(),
                       *window.findChildren(QToolBar)):  # fmt: skip
            widget.setVisible(not on)
        if on:
            self._was_maximized = window.isMaximized()
            window.showFullScreen()
            window.view.setFocus()
        elif self._was_maximized:
            window.showMaximized()
        else:
            window.showNormal()

    # --- the interface language ----------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Remembered; the interface is rebuilt in the new language at the next start."""
        self.settings.set(S.LANGUAGE, language)
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Language"),
            self.tr("The new language takes effect when Qari starts again."), parent=self.window,
        )  # fmt: skip
        restart = box.addButton(self.tr("Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setModal(False)
        box.buttonClicked.connect(lambda button: button is restart and self._restart())
        box.show()

    def _restart(self) -> None:
        import sys

        from PySide6.QtCore import QProcess

        self.window.close()
        QProcess.startDetached(sys.executable, sys.argv)
        QApplication.instance().quit()
