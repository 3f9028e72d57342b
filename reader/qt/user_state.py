"""The user's state as the interface sees it: one QObject over the user's store.

It owns what is bookmarked, what has been read, the paragraph marks and the highlights;
every change goes through it, is committed to the store and its journal before its signal
says so, and schedules the rolling backup (which compacts the journal: nothing waits on it
to be safe).
The list model, the bookmark action and the Notes panel follow its signals rather than
keeping copies of their own (qutebrowser's UrlMarkManager is the pattern).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.userdata.store import StoreError

if TYPE_CHECKING:
    from reader.text.anchoring import Anchor
    from reader.userdata.store import Bookmark, Mark, UserStore

# Soon after a change rather than at once: a burst of changes makes one backup. The journal
# holds each change meanwhile.
BACKUP_DELAY_MS = 2000


class UserState(QObject):
    bookmark_changed = Signal(str, bool)  # article id, bookmarked now
    bookmarks_reset = Signal()  # many bookmarks changed at once (an import)
    read_changed = Signal(str)  # an article became read
    marks_changed = Signal()
    backup_failed = Signal(str)  # why the rolling backup could not be written

    def __init__(self, store: UserStore, backups: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._backups = backups
        # Live sets, shared (not copied) with whoever filters or paints by them.
        self.bookmarked: set[str] = store.bookmarked_ids()
        self.read: set[str] = store.read_ids()
        self._backup = QTimer(self)
        self._backup.setSingleShot(True)
        self._backup.setInterval(BACKUP_DELAY_MS)
        self._backup.timeout.connect(self.write_backup)
        self._backup.start()  # one at start too: the store as this session found it

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def _changed(self) -> None:
        self._backup.start()

    # --- bookmarks -----------------------------------------------------------------------------

    def is_bookmarked(self, article_id: str) -> bool:
        return article_id in self.bookmarked

    def bookmarks(self) -> list[Bookmark]:
        return self.store.bookmarks()

    def toggle_bookmark(
        self, article_id: str, title: str, path: str, *, source: str = "", date: str | None = None
    ) -> bool:
        """Bookmark the article or remove its bookmark; returns whether it is bookmarked now.
        ``source`` and ``date``: the article's, kept as a snapshot for exports.

        Raises StoreError (and changes nothing) when the store cannot be written.
        """
        on = self.store.toggle_bookmark(article_id, title, path, source=source, date=date)
        if on:
            self.bookmarked.add(article_id)
        else:
            self.bookmarked.discard(article_id)
        self._changed()
        self.bookmark_changed.emit(article_id, on)
        return on

    def import_bookmarks(self, text: str) -> int:
        """Merge an export or a backup; returns how many bookmarks were new. StoreError on a
        file that is no such export (nothing changes then)."""
        return self._imported(self.store.import_json(text))

    def import_notes(self, text: str) -> int:
        """Merge a notes export (reader.userdata.exports); returns how many items were new.
        StoreError on a file that is no such export (nothing changes then)."""
        from reader.userdata.exports import import_notes

        return self._imported(import_notes(self.store, text))

    def _imported(self, added: int) -> int:
        self.bookmarked.clear()
        self.bookmarked.update(self.store.bookmarked_ids())
        self.read.update(self.store.read_ids())
        self._changed()
        self.bookmarks_reset.emit()
        self.marks_changed.emit()
        return added

    def follow_reparsed(self, seen: list[tuple[str, str, str]]) -> None:
        """Articles seen at (id, title, path): data kept under an id that a better parser
        changed follows its article (see UserStore.follow_reparsed)."""
        try:
            moved = self.store.follow_reparsed(seen)
        except StoreError:
            return  # kept under the old id: listed as missing, nothing lost
        if moved:
            self.bookmarked.clear()
            self.bookmarked.update(self.store.bookmarked_ids())
            self.read.clear()
            self.read.update(self.store.read_ids())
            self._changed()
            self.bookmarks_reset.emit()
            self.marks_changed.emit()

    def annotated(self) -> tuple[set[str], set[str]]:
        """The article ids and paths the user's bookmarks and marks are kept under."""
        return self.store.annotated()

    def refresh_locations(self, seen) -> None:
        """Bookmarked articles seen at (id, title, path): their snapshots follow a rename."""
        if self.store.refresh_locations(seen):
            self._changed()

    # --- reading state -------------------------------------------------------------------------

    def set_read(self, article_id: str) -> bool:
        """Mark an article read; False if the store could not take it (a comfort, not data the
        user typed: the caller need not tell anyone)."""
        if article_id in self.read:
            return True
        try:
            self.store.set_read(article_id)
        except StoreError:
            return False
        self.read.add(article_id)
        self._changed()
        self.read_changed.emit(article_id)
        return True

    def position(self, article_id: str) -> float:
        return self.store.position(article_id)

    def set_position(self, article_id: str, position: float) -> None:
        if self.store.read_only:
            return
        try:
            self.store.set_position(article_id, position)
        except StoreError:
            return  # a position is a comfort; a failing store is reported when the user acts
        self._changed()

    # --- paragraph marks and highlights ---------------------------------------------------------

    def marks(self, article_id: str | None = None, kind: str | None = None) -> list[Mark]:
        """See UserStore.marks: both kinds unless ``kind`` ("mark" or "highlight") says."""
        return self.store.marks(article_id, kind)

    def add_mark(
        self, article_id: str, anchor: Anchor, note: str, title: str, path: str, *,
        kind: str = "mark", color: str = "", source: str = "", date: str | None = None,
    ) -> Mark:  # fmt: skip
        """Mark a paragraph, or highlight words (``kind`` "highlight", in ``color``), where
        ``anchor`` (in the article's own text) says. StoreError when it cannot be saved."""
        mark = self.store.add_mark(
            article_id, anchor.block, note, title, path, quote=anchor.quote,
            prefix=anchor.prefix, suffix=anchor.suffix, start=anchor.start, end=anchor.end,
            kind=kind, color=color, source=source, date=date,
        )  # fmt: skip
        self._changed()
        self.marks_changed.emit()
        return mark

    def update_mark_anchors(self, changes: list[tuple[int, Anchor | None]]) -> bool:
        """Marks re-anchored in their article as it is now ((mark, None): nowhere in it).

        Not something the user did, so not worth an error message: False if the store could
        not take it (the next opening of the article re-anchors them again).
        """
        if not changes or self.store.read_only:
            return False
        try:
            self.store.update_mark_anchors(changes)
        except StoreError:
            return False
        self._changed()
        self.marks_changed.emit()
        return True

    def update_mark(self, mark: int, note: str) -> None:
        self.store.update_mark(mark, note)
        self._changed()
        self.marks_changed.emit()

    def set_mark_color(self, mark: int, color: str) -> None:
        self.store.set_mark_color(mark, color)
        self._changed()
        self.marks_changed.emit()

    def remove_mark(self, mark: int) -> None:
        self.store.remove_mark(mark)
        self._changed()
        self.marks_changed.emit()

    # --- the rolling backup --------------------------------------------------------------------

    def write_backup(self) -> None:
        from reader.userdata.backup import write_backup

        self._backup.stop()
        if self.store.read_only or self.store.closed:
            return
        try:
            write_backup(self.store, self._backups)
        except (OSError, StoreError) as err:
            self.backup_failed.emit(str(err))

    def close(self) -> None:
        """The last backup, then the store is closed."""
        self.write_backup()
        if not self.store.closed:
            self.store.close()
