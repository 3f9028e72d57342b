"""Wording, in the interface language, of what the user is told about their stored data."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.text.sanitize import single_line
from reader.userdata.backup import DAMAGED_NO_BACKUP, READ_ONLY, RESTORED, Notice

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def describe(notice: Notice) -> str:
    reason = single_line(notice.reason)
    if notice.kind == RESTORED:
        text = translate(
            "Notices",
            "The bookmarks store was damaged (%1). It was moved to %2, and your bookmarks were "
            "restored from the backup %3.",
        )
    elif notice.kind == DAMAGED_NO_BACKUP:
        text = translate(
            "Notices",
            "The bookmarks store was damaged (%1). It was moved to %2; there was no backup to "
            "restore from.",
        )
    elif notice.kind == READ_ONLY:
        text = QCoreApplication.translate(
            "Notices",
            "Bookmarks can't be saved in this session (%1). Qari still reads your library.",
        )
    else:
        text = "%1"
    return (
        text.replace("%1", reason)
        .replace("%2", single_line(notice.moved_to))
        .replace("%3", single_line(notice.backup))
    )
