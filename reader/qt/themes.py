"""Colour themes: light, sepia, dark, or following the system's light/dark setting."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


class Theme(Enum):
    SYSTEM = "system"
    LIGHT = "light"
    SEPIA = "sepia"
    DARK = "dark"


THEME_NAMES = {
    Theme.SYSTEM: QT_TRANSLATE_NOOP("Themes", "Follow the System"),
    Theme.LIGHT: QT_TRANSLATE_NOOP("Themes", "Light"),
    Theme.SEPIA: QT_TRANSLATE_NOOP("Themes", "Sepia"),
    Theme.DARK: QT_TRANSLATE_NOOP("Themes", "Dark"),
}

Role = QPalette.ColorRole

# (window, base, alternate base, text, muted text, button, highlight, highlighted text, link)
_COLOURS = {
    Theme.LIGHT: ("#efefef", "#ffffff", "#f6f6f6", "#1b1b1b", "#6b6b6b", "#e8e8e8",
                  "#2f6db5", "#ffffff", "#1f5fa8"),
    # Warm paper and brown ink: easier on the eyes for long reading in daylight.
    Theme.SEPIA: ("#eadfc8", "#f4ecd8", "#efe5cf", "#4a3b2a", "#84705a", "#e3d6ba",
                  "#9c6b3e", "#fffaf0", "#7a4b1e"),
    # Not pure black on white inverted: soft grey text on near-black lowers glare at night.
    Theme.DARK: ("#26282b", "#1c1d1f", "#232427", "#d9d6cf", "#8d8a84", "#303236",
                 "#4f7fbf", "#ffffff", "#8ab4f8"),
}  # fmt: skip


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(theme: Theme) -> Theme:
    """The theme to paint with: SYSTEM becomes LIGHT or DARK."""
    if theme is Theme.SYSTEM:
        return Theme.DARK if system_is_dark() else Theme.LIGHT
    return theme


def palette_for(theme: Theme) -> QPalette:
    window, base, alternate, text, muted, button, highlight, on_highlight, link = _COLOURS[
        resolve(theme)
    ]
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in (
            (Role.Window, window), (Role.WindowText, text), (Role.Base, base),
            (Role.AlternateBase, alternate), (Role.Text, text), (Role.Button, button),
            (Role.ButtonText, text), (Role.Highlight, highlight),
            (Role.HighlightedText, on_highlight), (Role.PlaceholderText, muted),
            (Role.ToolTipBase, base), (Role.ToolTipText, text), (Role.Link, link),
            (Role.BrightText, on_highlight),
        ):  # fmt: skip
            palette.setColor(group, role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(muted))
    for role, colour in ((Role.Window, window), (Role.Base, base), (Role.Button, button)):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_theme(theme: Theme) -> None:
    """Repaint the whole application (list, pane, dialogs) in this theme."""
    app = QGuiApplication.instance()
    app.setPalette(palette_for(theme))
