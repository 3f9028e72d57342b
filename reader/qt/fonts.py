"""The Arabic fonts Qari ships as Python dependencies, registered with Qt at start-up.

A machine may have no Arabic font at all (every letter a box); registering ours makes Qt fall
back to them even for a default QFont.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtGui import QFontDatabase

# The fontpkg packages, each holding its font files in files/. They are imported directly:
# fontpkg's own registry scans every installed distribution's entry points, which costs more
# at start-up (~40 ms) than registering the fonts themselves.
BUNDLED = ("fontpkg_amiri", "fontpkg_noto_sans_arabic")
FONT_SUFFIXES = {".ttf", ".otf"}
DEFAULT_FAMILY = "Amiri"

_registered: list[str] = []


def register_bundled_fonts() -> list[str]:
    """Register the packaged font files once; return their family names (first is the default)."""
    if _registered:
        return list(_registered)
    for package in BUNDLED:
        try:
            root = Path(importlib.import_module(package).ROOT) / "files"
        except (ImportError, AttributeError):
            continue  # an optional font missing: Qt falls back to the others
        for file in sorted(root.iterdir()):
            if file.suffix.lower() not in FONT_SUFFIXES:
                continue
            font_id = QFontDatabase.addApplicationFont(str(file))
            for name in QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else ():
                if name not in _registered:
                    _registered.append(name)
    return list(_registered)


def arabic_families() -> list[str]:
    """Bundled families first, then every other installed family that can write Arabic."""
    bundled = register_bundled_fonts()
    system = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    return bundled + sorted(f for f in system if f not in bundled and not f.startswith("."))
