"""Wording, in the interface language, of what the user is told about their stored data: a
notice in the window, one line on the command line."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from reader.text.sanitize import single_line
from reader.userdata.backup import DAMAGED_NO_BACKUP, READ_ONLY, REPLAYED, RESTORED, Notice

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def _fill(text: str, *values: object) -> str:
    """%1, %2… replaced in one pass: a value holding "%2" (a path can) stays as it is."""
    return re.sub(
        r"%(\d)",
        lambda m: single_line(str(values[int(m[1]) - 1])) if int(m[1]) <= len(values) else m[0],
        text,
    )


def describe(notice: Notice) -> str:
    reason, moved_to = notice.reason, notice.moved_to
    if notice.kind == RESTORED:
        damaged = translate("Notices", "The bookmarks store was damaged (%1) and was moved to %2.")
        counts = (notice.bookmarks, notice.marks, notice.from_journal, notice.salvaged)
        if notice.backup:
            restored = translate(
                "Notices",
                "Restored %1 bookmark(s) and %2 highlight(s) and paragraph mark(s): from the "
                "backup %5, with %3 change(s) from the journal and %4 row(s) salvaged from the "
                "damaged file.",
            )
        else:
            restored = translate(
                "Notices",
                "Restored %1 bookmark(s) and %2 highlight(s) and paragraph mark(s), with no backup "
                "to start from: %3 change(s) from the journal and %4 row(s) salvaged from the "
                "damaged file.",
            )
        return f"{_fill(damaged, reason, moved_to)} {_fill(restored, *counts, notice.backup)}"
    if notice.kind == DAMAGED_NO_BACKUP:
        text = translate(
            "Notices",
            "The bookmarks store was damaged (%1). It was moved to %2; there was no backup, "
            "journal or readable row to restore from.",
        )
        return _fill(text, reason, moved_to)
    if notice.kind == REPLAYED:
        text = translate(
            "Notices",
            "%1 recent change(s) to your bookmarks had not reached the store (%2): they were "
            "restored from the journal.",
        )
        return _fill(text, notice.from_journal, reason)
    if notice.kind == READ_ONLY:
        text = translate(
            "Notices",
            "Bookmarks can't be saved in this session (%1). Qari still reads your library.",
        )
        return _fill(text, reason)
    return single_line(reason)
