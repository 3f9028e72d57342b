"""The user's data as values and as files: bookmarks and marks, the errors the store reports,
and reading an export or a backup back in. Qt-free."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from reader.userdata.schema import mark_row

EXPORT_FORMAT = "qari-bookmarks"
BACKUP_FORMAT = "qari-userdata"


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


@dataclass(frozen=True, slots=True)
class Mark:
    """A bookmark on one paragraph, with an optional note, anchored in the article's text
    (reader.text.anchoring): ``block`` indexes ``Article.blocks``, the rest find it again when
    the file changes. An empty quote (from schema 2) is filled in when the article is next
    opened; ``found`` is False when it was then nowhere (the mark is kept all the same)."""

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


def export_text(bookmarks: Iterable[Bookmark]) -> str:
    """The file --export-bookmarks writes."""
    payload = {"format": EXPORT_FORMAT, "version": 1, "bookmarks": [asdict(b) for b in bookmarks]}
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
