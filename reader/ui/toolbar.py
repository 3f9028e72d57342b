"""The main toolbar: library and bookmark commands, the reading font, the search field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton, QSizePolicy, QToolBar, QWidget

from reader.qt.actions import ActionId


def build_main_toolbar(
    window: QMainWindow,
    actions: dict[ActionId, QAction],
    size_box: QWidget,
    family_box: QWidget,
    search_box: QWidget,
) -> QToolBar:
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"))
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addAction(actions[ActionId.OPEN_FOLDER])
    bar.addSeparator()
    bar.addAction(actions[ActionId.TOGGLE_BOOKMARK])
    bar.addAction(actions[ActionId.BOOKMARKS_ONLY])
    bar.addSeparator()
    # Text buttons, so they read the same on machines without an icon theme.
    bar.addWidget(_text_button("A−", actions[ActionId.ZOOM_OUT]))
    bar.addWidget(size_box)
    bar.addWidget(_text_button("A+", actions[ActionId.ZOOM_IN]))
    bar.addWidget(family_box)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addWidget(search_box)
    window.addToolBar(bar)
    return bar


def _text_button(label: str, action: QAction) -> QPushButton:
    button = QPushButton(label)
    button.setObjectName(action.objectName() + "_button")
    button.setFlat(True)
    button.setToolTip(action.toolTip())
    button.setAccessibleName(action.text().replace("&", ""))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(action.trigger)
    return button
