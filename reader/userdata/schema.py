"""The user store's schema, as the steps that build it: each takes version N-1 to N, and a
store is migrated one step at a time (after a copy of the file is made, see UserStore)."""

from __future__ import annotations

SCHEMA_VERSION = 3

# Each step takes the schema from version N-1 to N; a store is migrated one step at a time.
_V1 = (
    "CREATE TABLE bookmarks (id TEXT PRIMARY KEY, title TEXT NOT NULL, path TEXT NOT NULL,"
    " created TEXT NOT NULL)"
)
_V2 = (
    "ALTER TABLE bookmarks ADD COLUMN note TEXT NOT NULL DEFAULT ''",
    "CREATE TABLE marks (mark INTEGER PRIMARY KEY, article_id TEXT NOT NULL,"
    " block INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '', title TEXT NOT NULL,"
    " path TEXT NOT NULL, created TEXT NOT NULL)",
    # One mark per paragraph and moment: importing the same backup twice adds nothing.
    "CREATE UNIQUE INDEX marks_article ON marks (article_id, block, created)",
    "CREATE TABLE reading (article_id TEXT PRIMARY KEY, position REAL NOT NULL DEFAULT 0,"
    " read INTEGER NOT NULL DEFAULT 0, updated TEXT NOT NULL)",
)
_V3 = (
    *(f"ALTER TABLE marks ADD COLUMN {name} TEXT NOT NULL DEFAULT ''"
      for name in ("quote", "prefix", "suffix")),
    # "start"/"end" in the JSON (as W3C's TextPositionSelector); END is an SQL keyword.
    "ALTER TABLE marks ADD COLUMN text_start INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE marks ADD COLUMN text_end INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE marks ADD COLUMN found INTEGER NOT NULL DEFAULT 1",
    # A mark is one moment in one article, whatever block re-anchoring moves it to, so a
    # re-imported backup never doubles it (rows sharing a moment, never Qari's, stay apart).
    "DROP INDEX marks_article",
    # Schema 2 kept the document block under the view, after the title and the meta line.
    # The quote stays empty: the article's next opening anchors it by text from this index.
    "UPDATE marks SET block = MAX(block - 2, 0)",
    "UPDATE marks SET created = created || '#' || mark WHERE mark NOT IN"
    " (SELECT MIN(mark) FROM marks GROUP BY article_id, created)",
    "CREATE UNIQUE INDEX marks_moment ON marks (article_id, created)",
)  # fmt: skip
MIGRATIONS: dict[int, tuple[str, ...]] = {1: (_V1,), 2: _V2, 3: _V3}
MARK_COLUMNS = (
    "mark, article_id, block, note, title, path, created, quote, prefix, suffix,"
    " text_start, text_end, found"
)


def mark_row(mark: dict, legacy: bool, now: str) -> tuple:
    """A mark from a backup as a row; ``legacy``: from schema 2 (no anchor yet)."""

    def number(key: str) -> int:
        try:  # a backup may have been edited by hand: 0 rather than a crash
            return int(mark.get(key) or 0)
        except (TypeError, ValueError):
            return 0

    text = [("" if legacy else str(mark.get(k) or "")) for k in ("quote", "prefix", "suffix")]
    return (str(mark["article_id"]), max(number("block") - 2 * legacy, 0),
            str(mark.get("note") or ""), str(mark.get("title") or ""),
            str(mark.get("path") or ""), str(mark.get("created") or now), *text,
            number("start"), number("end"),
            int(mark.get("found", 1) not in (0, False)))  # fmt: skip
