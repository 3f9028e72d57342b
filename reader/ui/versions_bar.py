"""Above the article: the other versions of its story, one button each ("also published by").

Names and titles are article text: they go into plain-text buttons and tooltips, never into
rich text, so nothing in them is read as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from reader.text.metaline import localize_digits
from reader.text.sanitize import literal_label, single_line

if TYPE_CHECKING:
    from reader.library.entries import ArticleMeta

# Buttons shown before the rest go into a "+N" menu: a story re-published by fifty sites
# must not push the bar wider than the pane.
SHOWN = 4


class VersionsBar(QWidget):
    """Hidden for an article without other versions."""

    chosen = Signal(str)  # the article id of the version to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsBar")
        self.setAccessibleName(self.tr("Other versions of this story"))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._label = QLabel(self.tr("Also published by:"))
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._buttons: list[QToolButton] = []
        self._digits = False
        self.hide()

    def show_versions(self, others: list[ArticleMeta], arabic_digits: bool = False) -> None:
        """The other versions of the article shown, earliest first ([]: hide the bar); dates
        and counts in Arabic-Indic digits or not, as the list shows them."""
        self._digits = arabic_digits
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        while self._layout.count():
            self._layout.takeAt(0)
        if not others:
            self.hide()
            return
        self._layout.addWidget(self._label)
        for meta in others[:SHOWN]:
            button = self._button(self._name(meta))
            button.setToolTip(single_line(meta.title))
            button.clicked.connect(lambda _=False, i=meta.id: self.chosen.emit(i))
            self._buttons.append(button)
        rest = others[SHOWN:]
        if rest:
            more = self._button(localize_digits(f"+{len(rest)}", self._digits))
            more.setToolTip(self.tr("%n more version(s)", "", len(rest)))
            menu = QMenu(more)
            for meta in rest:
                action = menu.addAction(literal_label(self._name(meta)))
                action.setToolTip(single_line(meta.title))
                action.triggered.connect(lambda _=False, i=meta.id: self.chosen.emit(i))
            more.setMenu(menu)
            more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self._buttons.append(more)
        for button in self._buttons:
            self._layout.addWidget(button)
        self._layout.addStretch(1)
        self.show()

    def _name(self, meta: ArticleMeta) -> str:
        name = single_line(meta.source_label() or meta.source) or self.tr("unknown source")
        if not meta.date:
            return name
        # Isolated left to right: beside an Arabic name, "2024-03-01" would read 01-03-2024.
        return f"{name} · \u2066{localize_digits(meta.date, self._digits)}\u2069"

    def _button(self, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(literal_label(text))
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button
