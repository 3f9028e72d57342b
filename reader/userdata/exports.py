"""The user's annotations as files to keep, read or share: highlights, paragraph marks, their
notes and the bookmarks, in JSON (which imports back), Markdown or CSV. Qt-free.

Each annotation is one item, from the store's own snapshots (title, source, date, path): an
export is complete even when the article's file is gone. The anchor is W3C Web Annotation's,
flattened: ``quote``/``prefix``/``suffix`` (TextQuoteSelector) and ``start``/``end``
(TextPositionSelector) in the article's text.

Article text and notes are untrusted in the other formats too: Markdown escapes whatever
could make structure of them (a heading, a list, a link, HTML), and CSV defuses the cells a
spreadsheet would run as formulas.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.text.sanitize import display_safe, single_line
from reader.userdata.csvfile import csv_document
from reader.userdata.formats import HIGHLIGHT, MARK, StoreError
from reader.userdata.schema import mark_row
from reader.userdata.writes import now

if TYPE_CHECKING:
    from reader.userdata.store import UserStore

NOTES_FORMAT = "qari-notes"
NOTES_VERSION = 1
BOOKMARK = "bookmark"  # an item's kind, besides MARK and HIGHLIGHT
KINDS = (HIGHLIGHT, MARK, BOOKMARK)
FIELDS = (
    "kind", "article_id", "title", "publication", "source", "date", "path", "quote",
    "prefix", "suffix", "start", "end", "color", "note", "created", "modified", "block",
    "found",
)  # fmt: skip
FORMATS = ("json", "md", "csv")


def items(store: UserStore) -> list[dict]:
    """Every annotation and bookmark, as the export's items (FIELDS): an article's together,
    in the order the first of them was made; within it, the bookmark, then reading order."""
    found: list[dict] = []
    for b in store.bookmarks():
        found.append(
            {"kind": BOOKMARK, "article_id": b.id, "title": b.title, "publication": b.source,
             "source": b.source, "date": b.date, "path": b.path, "quote": "", "prefix": "",
             "suffix": "", "start": None, "end": None, "color": "", "note": "",
             "created": b.created, "modified": b.created, "block": None, "found": True}
        )  # fmt: skip
    for m in store.marks():
        found.append(
            {"kind": m.kind, "article_id": m.article_id, "title": m.title,
             "publication": m.source, "source": m.source, "date": m.date, "path": m.path,
             "quote": m.quote, "prefix": m.prefix, "suffix": m.suffix, "start": m.start,
             "end": m.end, "color": m.color, "note": m.note, "created": m.created,
             "modified": m.modified or m.created, "block": m.block, "found": m.found}
        )  # fmt: skip
    first: dict[str, str] = {}
    for item in found:
        aid = item["article_id"]
        first[aid] = min(first.get(aid, item["created"]), item["created"])

    def order(item: dict) -> tuple:
        bookmark = item["kind"] == BOOKMARK
        place = (-1, -1) if bookmark else (item["block"], item["start"])
        return first[item["article_id"]], item["article_id"], place, item["created"]

    return sorted(found, key=order)


def export_notes(store: UserStore, fmt: str) -> str:
    """The text --export-notes writes, for ``fmt`` "json", "md" or "csv" (CSV begins with a
    byte order mark: spreadsheets take the file for UTF-8 then, and Arabic stays Arabic)."""
    return render(items(store), fmt)


def render(entries: list[dict], fmt: str) -> str:
    writers = {"json": to_json, "md": to_markdown, "csv": to_csv}
    if fmt not in writers:
        raise ValueError(f"unknown notes format {fmt!r} (json, md or csv)")
    return writers[fmt](entries)


# --- JSON ----------------------------------------------------------------------------------


def to_json(entries: Iterable[dict]) -> str:
    payload = {"format": NOTES_FORMAT, "version": NOTES_VERSION, "items": list(entries)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def import_notes(store: UserStore, text: str) -> int:
    """Merge a JSON notes export; returns how many items were new. The same item twice adds
    nothing: a bookmark is its article's, a mark or highlight its moment in its article
    (``created``). A file that is no such export is refused whole: StoreError says why, and
    nothing changes."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as err:
        raise StoreError(f"not a notes export (invalid JSON: {err})") from err
    if not isinstance(payload, dict) or payload.get("format") != NOTES_FORMAT:
        raise StoreError(f'not a notes export (no "format": "{NOTES_FORMAT}")')
    version = payload.get("version")
    if not isinstance(version, int) or version > NOTES_VERSION:
        raise StoreError(f"a notes export of version {version!r}: this Qari reads version 1")
    entries = payload.get("items")
    if not isinstance(entries, list):
        raise StoreError("not a notes export (no list of items)")
    stamp = now()
    bookmarks, marks = [], []
    for number, item in enumerate(entries, 1):
        problem = _problem(item)
        if problem:
            raise StoreError(f"item #{number} {problem}; nothing was imported")
        if item["kind"] == BOOKMARK:
            date = item.get("date")
            bookmarks.append(
                (item["article_id"], _text(item, "title"), _text(item, "path"),
                 _text(item, "created") or stamp, _text(item, "note"),
                 _text(item, "source") or _text(item, "publication"),
                 str(date) if date else None)
            )  # fmt: skip
        else:
            fields = {**item, "source": _text(item, "source") or _text(item, "publication")}
            marks.append(mark_row(fields, False, stamp))
    added, marked = store.merge(bookmarks, marks, action="import_notes")
    return added + marked


def _problem(item: object) -> str:
    if not isinstance(item, dict):
        return "is not an object"
    if item.get("kind") not in KINDS:
        return f"is of an unknown kind ({single_line(str(item.get('kind')))[:40]!r})"
    if not (isinstance(item.get("article_id"), str) and item["article_id"]):
        return "names no article (article_id)"
    if item["kind"] != BOOKMARK and not (isinstance(item.get("created"), str) and item["created"]):
        return "has no time it was made (created), which names it"
    return ""


def _text(item: dict, key: str) -> str:
    value = item.get(key)
    return "" if value is None else str(value)


# --- Markdown ------------------------------------------------------------------------------

# Backslash-escaped wherever they stand: emphasis, code, links and images, raw HTML and
# entities, tables, strikethrough, and the closing #s of a heading.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
# Only at the start of a line: lists, thematic breaks, setext underlines.
_LEADING = re.compile(r"^([-+=])|^(\d+)([.)])")


def md_escape(text: str) -> str:
    """One line of untrusted text that Markdown shows as the text it is."""
    line = _INLINE.sub(r"\\\1", single_line(text))
    return _LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def _md_lines(text: str) -> list[str]:
    """Each line of a note or a quote on its own (leading spaces would start a code block)."""
    lines = [md_escape(line) for line in display_safe(text).split("\n")]
    return [line for line in lines if line]


def _minute(stamp: str) -> str:
    """For a reader, not a program: 2024-03-01 09:30 (UTC, as the store keeps it)."""
    return stamp[:16].replace("T", " ")


def citation(item: dict) -> str:
    """title — source, date (as much of it as the snapshots hold)."""
    title = md_escape(item["title"]) or "(untitled)"
    where = ", ".join(md_escape(part) for part in (item["source"], item["date"] or "") if part)
    return f"{title} — {where}" if where else title


def to_markdown(entries: Iterable[dict]) -> str:
    out = ["# Qari notes", ""]
    article = None
    for item in entries:
        if item["article_id"] != article:
            article = item["article_id"]
            out += [f"## {citation(item)}", ""]
            if item["path"]:
                out += [f"File: {md_escape(item['path'])}", ""]
        when = md_escape(_minute(item["created"]))
        if item["kind"] == BOOKMARK:
            out += [f"Bookmarked {when}", ""]
            continue
        quote = _md_lines(item["quote"])
        if quote:  # a paragraph of the quote each, as in the article
            out += ["\n>\n".join(f"> {line}" for line in quote), ""]
        label = "Highlight" if item["kind"] == HIGHLIGHT else "Paragraph mark"
        details = [label, md_escape(item["color"]), when]
        if not item["found"]:
            details.append("not found in the article as it is now")
        out += [f"*{', '.join(d for d in details if d)}*", ""]
        note = _md_lines(item["note"])
        if note:
            out += ["  \n".join(note), ""]
    return "\n".join(out).rstrip("\n") + "\n"


# --- CSV -----------------------------------------------------------------------------------

CSV_FIELDS = FIELDS


def to_csv(entries: Iterable[dict]) -> str:
    return csv_document(CSV_FIELDS, entries)
