"""Toolbar controls for the reading font: its size (zoom) and its family."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from reader.qt.settings import MAX_FONT_SIZE, MIN_FONT_SIZE

# Zoom moves through sizes a typographer would pick, not in 1 pt steps all the way to 48.
ZOOM_STEPS = (8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 48)


def next_size(size: int, steps: int) -> int:
    """The size ``steps`` zoom steps away from ``size``, within the limits."""
    if steps > 0:
        bigger = [s for s in ZOOM_STEPS if s > size]
        return bigger[min(steps, len(bigger)) - 1] if bigger else MAX_FONT_SIZE
    if steps < 0:
        smaller = [s for s in ZOOM_STEPS if s < size]
        return smaller[max(steps, -len(smaller))] if smaller else MIN_FONT_SIZE
    return size


class FontSizeBox(QSpinBox):
    """Shows the current size and lets the user type one; the limits are enforced here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fontSize")
        self.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.setSuffix(self.tr(" pt"))
        self.setKeyboardTracking(False)  # apply a typed size once, not at every digit
        self.setAccessibleName(self.tr("Text size"))
        self.setToolTip(self.tr("Text size (Ctrl++ / Ctrl+- / Ctrl+0)"))


class FontFamilyBox(QComboBox):
    family_chosen = Signal(str)

    def __init__(self, families: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fontFamily")
        self.setAccessibleName(self.tr("Reading font"))
        self.setToolTip(self.tr("Reading font: the bundled Arabic fonts, then the system's"))
        self.addItems(list(families))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.textActivated.connect(self.family_chosen)

    def set_family(self, family: str) -> None:
        index = self.findText(family)
        if index < 0:
            self.addItem(family)
            index = self.count() - 1
        self.setCurrentIndex(index)
