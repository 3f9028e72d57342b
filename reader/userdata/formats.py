"""The user's data as values and as files: bookmarks and marks, the errors the store reports,
and reading an export or a backup back in. Qt-free."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from reader.userdata.schema import mark_row

EXPORT_FORMAT = "qari-bookmarks"
BACKUP_FORMAT = "qari-userdata"

# Names, not colours: the interface paints each as suits its theme, and a file keeps meaning
# the same thing whatever the palette becomes.
HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink")
DEFAULT_COLOR = "yellow"
MARK = "mark"  # a paragraph mark
HIGHLIGHT = "highlight"  # marked words


class StoreError(Exception):
    """The store cannot be opened or written, or an import file is unusable; str() is for
    the user."""


class CorruptStoreError(StoreError):
    pass


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    title: str
    path: str
    created: str  # ISO 8601, UTC
    source: str = ""  # snapshots of the article's source line and date (ISO, or None)
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Mark:
    """An annotation with an optional note, anchored in the article's text
    (reader.text.anchoring): ``block`` indexes ``Article.blocks``, the rest find it again when
    the file changes. ``kind`` is MARK (a bookmark on one paragraph) or HIGHLIGHT (the quoted
    words, painted in ``color``, one of HIGHLIGHT_COLORS). An empty quote (from schema 2) is
    filled in when the article is next opened; ``found`` is False when it was then nowhere
    (the mark is kept all the same). ``source`` and ``date`` are snapshots of the article's,
    as title and path are; ``modified`` is when its note or colour last changed."""

    mark: int
    article_id: str
    block: int
    note: str
    title: str
    path: str
    created: str
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0
    found: bool = True
    kind: str = MARK
    color: str = ""
    source: str = ""
    date: str | None = None
    modified: str = ""


def export_text(bookmarks: Iterable[Bookmark]) -> str:
    """The file --export-bookmarks writes: its fields as they have always been (--export-notes
    carries the snapshots of source and date too)."""
    fields = ("id", "title", "path", "created")
    entries = [{k: v for k, v in asdict(b).items() if k in fields} for b in bookmarks]
    payload = {"format": EXPORT_FORMAT, "version": 1, "bookmarks": entries}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def import_rows(text: str, now: str) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The bookmark, mark and reading rows of an export or a backup (plain exports have only
    bookmarks). ValueError, worded for the user, when it is no such file."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not a bookmarks file (invalid JSON: {err})") from err
    entries = payload.get("bookmarks") if isinstance(payload, dict) else payload
    if not isinstance(entries, list):
        raise ValueError("not a bookmarks file (no list of bookmarks)")
    bookmarks = []
    for number, entry in enumerate(entries, 1):
        if not (isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]):
            raise ValueError(f"bookmark #{number} has no id")
        bookmarks.append(
            (
                entry["id"],
                str(entry.get("title") or ""),
                str(entry.get("path") or ""),
                str(entry.get("created") or now),
                str(entry.get("note") or ""),
                str(entry.get("source") or ""),
                str(entry["date"]) if entry.get("date") else None,
            )
        )
    extra = payload if isinstance(payload, dict) else {}
    version = extra.get("version")
    # A backup from schema 2 holds document block numbers, converted as the migration does.
    legacy = isinstance(version, int) and version < 3
    marks = [
        mark_row(mark, legacy, now)
        for mark in extra.get("marks") or []
        if isinstance(mark, dict) and mark.get("article_id")
    ]
    reading = [
        (str(state["article_id"]), float(state.get("position") or 0),
         int(bool(state.get("read"))), str(state.get("updated") or now))
        for state in extra.get("reading") or []
        if isinstance(state, dict) and state.get("article_id")
    ]  # fmt: skip
    return bookmarks, marks, reading


# Notes exports (reader.userdata.exports): the format of a file is its extension's.
NOTES_FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".csv": "csv"}


def notes_format(path: str) -> str | None:
    """ "json", "md" or "csv" for a file named so; None for any other name."""
    return NOTES_FORMATS.get(Path(path).suffix.lower())
