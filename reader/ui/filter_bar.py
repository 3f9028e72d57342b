"""Filters above the list: one publication, one agency (each with its article count, most
articles first, and type-to-filter), and a date range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

if TYPE_CHECKING:
    from reader.library.catalog import Facet


class FacetBox(QComboBox):
    """A choice of one facet value, or all; type a few letters to narrow the list."""

    chosen = Signal(object)  # the facet's key, or None for all

    def __init__(self, all_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all_label = all_label  # with %1 for the number of articles
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        completer = self.completer()
        # Anywhere in the name, whatever the case: "رياض" finds "الرياض (120)".
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.currentIndexChanged.connect(self._emit)
        self.lineEdit().editingFinished.connect(self._settle)
        self.set_facets([], 0)

    def set_facets(self, facets: Sequence[Facet], total: int) -> None:
        """List the values with their counts, keeping the current choice."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._all_label.replace("%1", str(total)), None)
        for facet in facets:
            self.addItem(f"{facet.name} ({facet.count})", facet.key)
        index = self.findData(current)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        if index < 0 and current is not None:
            self.chosen.emit(None)  # the chosen value is gone from the library

    def _emit(self, index: int) -> None:
        self.chosen.emit(self.itemData(index))

    def _settle(self) -> None:
        # Enter on a few typed letters picks the first entry holding them, as the popup
        # lists them; text that matches nothing puts back the choice in force.
        text = self.currentText().strip()
        index = self.findText(text)
        if index < 0 and text:
            index = self.findText(text, Qt.MatchFlag.MatchContains)
        if index < 0:
            self.setEditText(self.itemText(self.currentIndex()))
        else:
            self.setCurrentIndex(index)  # announced, if another
            self.setEditText(self.itemText(index))


class FilterBar(QWidget):
    publication_changed = Signal(object)  # a facet key | None
    agency_changed = Signal(object)  # a canonical agency name | None
    dates_changed = Signal(object, object)  # dt.date | None, dt.date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        # Two rows: the list's column stays narrow enough to leave the article its room.
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setVerticalSpacing(2)
        self.publication = FacetBox(self.tr("All publications (%1)"))
        self.publication.setObjectName("publicationFilter")
        self.publication.setAccessibleName(self.tr("Publication"))
        self.publication.setToolTip(self.tr("Show only one publication's articles"))
        self.publication.chosen.connect(self.publication_changed)
        self.agency = FacetBox(self.tr("All agencies (%1)"))
        self.agency.setObjectName("agencyFilter")
        self.agency.setAccessibleName(self.tr("Agency"))
        self.agency.setToolTip(self.tr("Show only the articles one agency is credited with"))
        self.agency.chosen.connect(self.agency_changed)
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
        self._bounds: tuple[dt.date | None, dt.date | None] = (None, None)
        layout.addWidget(self.publication, 0, 0, 1, 2)
        layout.addWidget(self.agency, 0, 2, 1, 2)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from, 1)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to, 1)
        layout.addLayout(dates, 1, 0, 1, 4)

    def set_facets(self, publications: Sequence[Facet], agencies: Sequence[Facet], total: int):
        self.publication.set_facets(publications, total)
        self.agency.set_facets(agencies, total)

    def set_date_bounds(self, first: dt.date | None, last: dt.date | None) -> None:
        """Start a fresh range at the library's first and last dates."""
        if first is None or last is None:
            return
        self._bounds = (first, last)
        if self.use_dates.isChecked():
            return
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(False)

    def choose_dates(self, first: dt.date, last: dt.date) -> None:
        """A range chosen elsewhere (the timeline), shown here and applied once."""
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if self.use_dates.isChecked():
            self._emit_dates()
        else:
            self.use_dates.setChecked(True)  # emits

    def clear_dates(self) -> None:
        self.use_dates.setChecked(False)
        # A cleared range starts again from the whole library, not from the last one chosen.
        self.set_date_bounds(*self._bounds)

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
