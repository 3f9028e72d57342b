"""The user store's schema, as the steps that build it: each takes version N-1 to N, and a
store is migrated one step at a time (after a copy of the file is made, see UserStore)."""

from __future__ import annotations

SCHEMA_VERSION = 4

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
# A highlight is a mark of another kind: one table, so the journal, the backups, salvage and
# re-anchoring carry it unchanged. Source and date are snapshots, like title and path: an
# export stays complete after the article's file is gone.
_V4 = (
    "ALTER TABLE marks ADD COLUMN kind TEXT NOT NULL DEFAULT 'mark'",
    "ALTER TABLE marks ADD COLUMN color TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE marks ADD COLUMN source TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE marks ADD COLUMN date TEXT",
    "ALTER TABLE marks ADD COLUMN modified TEXT NOT NULL DEFAULT ''",
    "UPDATE marks SET modified = created",
    "ALTER TABLE bookmarks ADD COLUMN source TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE bookmarks ADD COLUMN date TEXT",
)
MIGRATIONS: dict[int, tuple[str, ...]] = {1: (_V1,), 2: _V2, 3: _V3, 4: _V4}
# In the order of Mark's fields. A row put by a record from before schema 4 has no modified
# time: it was last changed when it was made.
MARK_COLUMNS = (
    "mark, article_id, block, note, title, path, created, quote, prefix, suffix,"
    " text_start, text_end, found, kind, color, source, date,"
    " COALESCE(NULLIF(modified, ''), created)"
)
# The columns mark_row fills, in its order.
MARK_ROW_COLUMNS = (
    "article_id, block, note, title, path, created, quote, prefix, suffix, text_start,"
    " text_end, found, kind, color, source, date, modified"
)
MARK_ROW_VALUES = ", ".join("?" for _ in MARK_ROW_COLUMNS.split(","))


def mark_row(mark: dict, legacy: bool, now: str) -> tuple:
    """A mark from a backup or a notes export as a row (MARK_ROW_COLUMNS); ``legacy``: from
    schema 2 (no anchor yet). One from before schema 4 is a paragraph mark."""

    def number(key: str) -> int:
        try:  # a backup may have been edited by hand: 0 rather than a crash
            return int(mark.get(key) or 0)
        except (TypeError, ValueError):
            return 0

    text = [("" if legacy else str(mark.get(k) or "")) for k in ("quote", "prefix", "suffix")]
    created = str(mark.get("created") or now)
    date = mark.get("date")
    return (str(mark["article_id"]), max(number("block") - 2 * legacy, 0),
            str(mark.get("note") or ""), str(mark.get("title") or ""),
            str(mark.get("path") or ""), created, *text,
            number("start"), number("end"),
            int(mark.get("found", 1) not in (0, False)),
            str(mark.get("kind") or "mark"), str(mark.get("color") or ""),
            str(mark.get("source") or ""), str(date) if date else None,
            str(mark.get("modified") or created))  # fmt: skip
