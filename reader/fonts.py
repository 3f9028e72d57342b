"""The Arabic fonts Qari ships as Python dependencies, registered with Qt at start-up.

A machine may have no Arabic font at all (every letter a box); registering ours makes Qt fall
back to them even for a default QFont.
"""

from __future__ import annotations

import fontpkg
from PySide6.QtGui import QFontDatabase

BUNDLED = ("amiri", "noto-sans-arabic")
DEFAULT_FAMILY = "Amiri"

_registered: list[str] = []


def register_bundled_fonts() -> list[str]:
    """Register the packaged font files once; return their family names (first is the default)."""
    if _registered:
        return list(_registered)
    for slug in BUNDLED:
        try:
            files = fontpkg.family(slug).files
        except fontpkg.FontpkgError:
            continue
        for file in files:
            font_id = QFontDatabase.addApplicationFont(str(file.path))
            for name in QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else ():
                if name not in _registered:
                    _registered.append(name)
    return list(_registered)


def arabic_families() -> list[str]:
    """Bundled families first, then every other installed family that can write Arabic."""
    bundled = register_bundled_fonts()
    system = QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
    return bundled + sorted(f for f in system if f not in bundled and not f.startswith("."))
