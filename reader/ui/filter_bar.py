"""Filters above the list: one agency, and a date range."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget


class FilterBar(QWidget):
    source_changed = Signal(object)  # str | None
    dates_changed = Signal(object, object)  # dt.date | None, dt.date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.source = QComboBox()
        self.source.setObjectName("sourceFilter")
        self.source.setAccessibleName(self.tr("Agency"))
        self.source.setToolTip(self.tr("Show only one agency's articles"))
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.source.setMaximumWidth(260)
        self.source.currentIndexChanged.connect(
            lambda _: self.source_changed.emit(self.source.currentData())
        )
        self.use_dates = QCheckBox(self.tr("From"))
        self.use_dates.setObjectName("dateFilter")
        self.use_dates.setToolTip(self.tr("Show only articles dated in this range"))
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, name in ((self.date_from, self.tr("From date")), (self.date_to, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            edit.dateChanged.connect(self._emit_dates)
        self.use_dates.toggled.connect(self._on_use_dates)
        layout.addWidget(self.source, 1)
        layout.addWidget(self.use_dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.date_to)
        self.set_sources(Counter())

    def set_sources(self, counts: Counter[str]) -> None:
        """List the agencies with their article counts, keeping the current choice."""
        current = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(self.tr("All agencies (%1)").replace("%1", str(counts.total())), None)
        for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            self.source.addItem(f"{name} ({count})", name)
        index = self.source.findData(current)
        self.source.setCurrentIndex(max(index, 0))
        self.source.blockSignals(False)
        if index < 0 and current is not None:
            self.source_changed.emit(None)  # the chosen agency is gone from the library

    def set_date_bounds(self, first: dt.date | None, last: dt.date | None) -> None:
        """Start a fresh range at the library's first and last dates."""
        if first is None or last is None or self.use_dates.isChecked():
            return
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(False)

    def _on_use_dates(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._emit_dates()

    def _emit_dates(self) -> None:
        if not self.use_dates.isChecked():
            self.dates_changed.emit(None, None)
            return
        start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        if start > end:
            start, end = end, start
        self.dates_changed.emit(start, end)
