"""The article list's titles stay readable when the list narrows (the notes panel opens, the
splitter moves): the other columns give way, and take their widths back as it widens again.

Left to Qt, the stretched title column gets what the others leave: at a list a quarter of
the window wide, a few pixels. The widths the user chose (or the list fitted) are kept here,
apart from those shown, so that giving way never loses them, and they are what is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QTableView

TITLE_SHARE = 1 / 3  # of the list's width, kept for the titles (about the default split's)


def give_way(widths: list[int], needs: list[int], room: int) -> list[int]:
    """Columns' widths made to fit in ``room``: first each gives up what its content does not
    need (a header label wider than its cells), the most first; then, still too wide, the
    widest come down to the same width. ``needs[i] <= widths[i]``."""
    if sum(widths) <= room:
        return list(widths)
    if sum(needs) <= room:
        spare = [w - n for w, n in zip(widths, needs, strict=True)]
        cap = _widest_allowed(spare, room - sum(needs))
        return [n + min(s, cap) for n, s in zip(needs, spare, strict=True)]
    cap = _widest_allowed(needs, room)
    return [min(n, cap) for n in needs]


def _widest_allowed(widths: list[int], room: int) -> int:
    """The largest w with sum(min(width, w)) <= room."""
    below = 0
    for i, width in enumerate(sorted(widths)):
        left = len(widths) - i
        if below + width * left > room:
            return max(0, (room - below) // left)
        below += width
    return max(widths, default=0)


class TitleRoom:
    """Keeps ``title`` (a stretched column of ``view``) at TITLE_SHARE of the view's width."""

    def __init__(self, view: QTableView, title: int) -> None:
        self._view = view
        self._title = title
        self._wanted: dict[int, int] = {}  # column: the width chosen for it
        self._giving_way = False
        view.horizontalHeader().sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._giving_way and column != self._title:
            self._wanted[column] = new  # the user dragged it, or the list fitted or restored it

    def restored(self) -> None:
        """The widths shown are the chosen ones now (a saved state was restored: Qt says
        nothing of the sizes it sets then)."""
        self._wanted.clear()
        self.fit()

    def fit(self) -> None:
        """Each other column at its chosen width, or narrower if the titles need the room."""
        view, header = self._view, self._view.horizontalHeader()
        others = [
            c for c in range(header.count()) if c != self._title and not view.isColumnHidden(c)
        ]
        wanted = [self._wanted.setdefault(c, header.sectionSize(c)) for c in others]
        width = view.viewport().width()
        room = width - int(width * TITLE_SHARE)
        least = header.minimumSectionSize()
        if sum(wanted) > room:
            needs = [
                min(w, max(view.sizeHintForColumn(c), least))
                for c, w in zip(others, wanted, strict=True)
            ]
            wanted = [max(w, least) for w in give_way(wanted, needs, room)]
        self._giving_way = True
        try:
            for column, size in zip(others, wanted, strict=True):
                if header.sectionSize(column) != size:
                    header.resizeSection(column, size)
        finally:
            self._giving_way = False

    def chosen_state(self) -> QByteArray:
        """The header's state with the chosen widths, not those given up for the titles."""
        header = self._view.horizontalHeader()
        self._giving_way = True
        try:
            for column, size in self._wanted.items():
                header.resizeSection(column, size)
            state = header.saveState()
        finally:
            self._giving_way = False
        self.fit()
        return state
