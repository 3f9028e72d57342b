"""The records a library is made of: an article's metadata, a skipped file, a file read.

Light on purpose (no parsing, no SQLite): the window, the list model and the catalog need
these at start-up, before the modules that read files are loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

TEXT_SUFFIXES = {".txt", ""}


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the list shows of an article; the text itself is re-read when it is opened."""

    id: str  # stable across renames and re-encodings: what bookmarks are keyed by
    path: str
    title: str
    source: str
    date: str | None  # ISO YYYY-MM-DD
    direction: str  # "rtl" | "ltr"
    words: int
    encoding: str
    size: int = 0
    mtime_ns: int = 0
    key: int = 0  # this version of this file in the index (0: not indexed)
    # The source line's parts (reader.text.byline), "" where it names none.
    publication: str = ""
    agency: str = ""  # one canonical name whatever the spelling
    dateline: str = ""
    author: str = ""

    def with_key(self, key: int) -> ArticleMeta:
        # Not dataclasses.replace: this runs for every file indexed, and replace is ~10x slower.
        return ArticleMeta(
            self.id, self.path, self.title, self.source, self.date, self.direction,
            self.words, self.encoding, self.size, self.mtime_ns, key, self.publication,
            self.agency, self.dateline, self.author,
        )  # fmt: skip

    def source_label(self) -> str:
        """What the list shows as the source: the publication, with the agency it credits
        ("الرياض (أ ف ب)"); the raw source line where neither was recognised."""
        if self.publication and self.agency:
            return f"{self.publication} ({self.agency})"
        return self.publication or self.agency or self.source

    def credit_line(self) -> str:
        """Who wrote it, for whom, from where: "author · publication (agency) · dateline",
        as far as the source line says (the pane's meta line)."""
        return " · ".join(p for p in (self.author, self.source_label(), self.dateline) if p)


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str
    size: int = 0
    mtime_ns: int = 0


@dataclass(frozen=True, slots=True)
class Indexed:
    """A file just read: its entry and the normalized text for the full-text index."""

    entry: ArticleMeta | Skipped
    title_text: str = ""
    body_text: str = ""
    source_text: str = ""  # the source line and its parts' names, searchable
    signature: bytes = b""  # of the body, for finding its other versions (library.stories)
    bands: tuple[int, ...] = ()  # the signature's band keys, made where it is


def is_candidate(name: str) -> bool:
    """Whether a file found in a library folder is taken as an article (by its name)."""
    if name.startswith("."):
        return False
    return os.path.splitext(name)[1].lower() in TEXT_SUFFIXES


def file_stamp(path: str) -> tuple[int, int]:
    """(size, mtime_ns): what tells the index a file changed; (0, 0) when it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_size, info.st_mtime_ns)
