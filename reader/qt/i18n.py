"""The interface language: Qt translators for Arabic or English, and the mirrored layout.

Translations live as Qt Linguist sources in ``translations/*.ts``; ``python tools/translations.py``
updates them from the code (lupdate) and builds the ``.qm`` files the app loads (lrelease).
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from reader.qt import paths

LANGUAGES = {"ar": "العربية", "en": "English"}

_installed: list[QTranslator] = []


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def install_language(app: QApplication, language: str) -> str:
    """Translate and mirror the interface; returns the language in force."""
    language = language if language in LANGUAGES else system_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    sources = ((f"qtbase_{language}", qt_folder),  # Qt's own dialogs and buttons
               (f"qari_{language}", str(paths.resources_dir() / "translations")))  # fmt: skip
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    arabic = language == "ar"
    QLocale.setDefault(QLocale(QLocale.Language.Arabic if arabic else QLocale.Language.English))
    app.setLayoutDirection(layout_direction("rtl" if arabic else "ltr"))
    return language


def layout_direction(name: str) -> Qt.LayoutDirection:
    """Qt's direction for one of ours ("rtl" or "ltr", as reader.text.direction says)."""
    return Qt.LayoutDirection.RightToLeft if name == "rtl" else Qt.LayoutDirection.LeftToRight
