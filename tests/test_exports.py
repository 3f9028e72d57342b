"""--export-notes and --import-notes: every highlight, paragraph mark, note and bookmark as
JSON (which imports back, never twice), Markdown or CSV, from the store's own snapshots; and
untrusted article text that stays text in each of them."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest

from reader.app import main
from reader.qt import paths
from reader.text.anchoring import anchor_block, anchor_span, article_text
from reader.text.article import parse_article
from reader.text.identity import article_id
from reader.userdata.exports import FIELDS, export_notes, import_notes
from reader.userdata.formats import HIGHLIGHT, MARK
from reader.userdata.store import StoreError, UserStore

from conftest import SEED_FILE, SEED_TITLE

SEED = parse_article(SEED_FILE.read_text("utf-8"))
SOURCE = "الأهرام"
NOTE = "ملاحظة أولى\nوسطر ثان"
# Markdown and spreadsheet syntax, in text that comes from an article or a note.
HOSTILE_TITLE = "# عنوان | *غامق* [رابط](http://x) <script>alert(1)</script> ##"
HOSTILE_NOTE = '=HYPERLINK("http://x","انقر")\n- بند\n1. بند\n> اقتباس\n    شيفرة\n---\n`رمز`'


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["qari", "--data-dir", str(paths.data_dir()), *args])
    out, err = capsys.readouterr()
    return code, out, err


def highlight(store: UserStore, words: str, **kwargs):
    flat = article_text(SEED).text
    start = flat.index(words)
    span = anchor_span(SEED, start, start + len(words))
    fields = {"title": SEED_TITLE, "path": "/lib/seed.txt", "note": NOTE, "color": "green"}
    fields.update(kwargs)
    return store.add_mark(
        article_id(SEED), span.block, fields["note"], fields["title"], fields["path"],
        quote=span.quote, prefix=span.prefix, suffix=span.suffix, start=span.start,
        end=span.end, kind=HIGHLIGHT, color=fields["color"], source=SOURCE, date="2023-09-16",
    )  # fmt: skip


def filled(store: UserStore) -> None:
    """A bookmark, two highlights and a paragraph mark in the seed; a mark in an article that
    is no longer anywhere (not found, kept)."""
    aid = article_id(SEED)
    store.add_bookmark(aid, SEED_TITLE, "/lib/seed.txt", source=SOURCE, date="2023-09-16")
    # Made in reading order: the title's word, the first paragraph's, the fourth paragraph.
    highlight(store, "روسيا")
    highlight(store, "بوتين", note="", color="pink")
    paragraph = anchor_block(SEED, 3)
    store.add_mark(
        aid, 3, "فقرة مهمة", SEED_TITLE, "/lib/seed.txt", quote=paragraph.quote,
        prefix=paragraph.prefix, suffix=paragraph.suffix, start=paragraph.start,
        end=paragraph.end, source=SOURCE, date="2023-09-16",
    )  # fmt: skip
    gone = store.add_mark("gone", 0, "بقيت الملاحظة", "مقال محذوف", "/lib/gone.txt",
                          quote="كلمات", source="بي بي سي")  # fmt: skip
    store.update_mark_anchors([(gone.mark, None)])


def unescape(line: str) -> str:
    return re.sub(r"\\(.)", r"\1", line)


def read_markdown(text: str) -> dict[str, dict[str, list[str]]]:
    """Per citation heading: its block-quote lines and its other lines (notes, labels)."""
    articles: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = articles.setdefault(unescape(line[3:]), {"quotes": [], "lines": []})
        elif current is not None and line.startswith("> "):
            current["quotes"].append(unescape(line[2:]))
        elif current is not None and line.strip():
            current["lines"].append(unescape(line.rstrip()))
    return articles


# --- JSON ------------------------------------------------------------------------------------


def test_every_item_has_the_fields_and_its_snapshots(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    filled(store)
    payload = json.loads(export_notes(store, "json"))
    assert (payload["format"], payload["version"]) == ("qari-notes", 1)
    items = payload["items"]
    assert all(set(FIELDS) <= set(item) for item in items)
    assert [item["kind"] for item in items] == ["bookmark", HIGHLIGHT, HIGHLIGHT, MARK, MARK]
    first = items[1]
    assert (first["quote"], first["color"], first["note"], first["source"]) == (
        "روسيا", "green", NOTE, SOURCE
    )  # fmt: skip
    assert first["publication"] == SOURCE and first["date"] == "2023-09-16"
    assert first["end"] - first["start"] == len("روسيا") and first["modified"] == first["created"]
    assert (items[-1]["title"], items[-1]["found"]) == ("مقال محذوف", False)


def test_a_json_export_imports_everything_once(tmp_path):
    source = UserStore(tmp_path / "a.sqlite")
    filled(source)
    text = export_notes(source, "json")
    target = UserStore(tmp_path / "b.sqlite")
    assert import_notes(target, text) == 5
    assert target.bookmarks() == source.bookmarks()
    assert [replace(m, mark=0) for m in target.marks()] == [
        replace(m, mark=0) for m in source.marks()
    ]
    assert import_notes(target, text) == 0  # twice adds nothing
    assert len(target.marks()) == 4 and len(target.bookmarks()) == 1
    # Changed since (a new colour) and imported again: still one highlight.
    [first, *_] = target.marks(kind=HIGHLIGHT)
    target.set_mark_color(first.mark, "blue")
    assert import_notes(target, text) == 0 and len(target.marks(kind=HIGHLIGHT)) == 2


GOOD = {"kind": "highlight", "article_id": "a1", "created": "2024-01-01T00:00:00", "quote": "q"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "invalid JSON"),
        (json.dumps({"format": "qari-bookmarks", "version": 1, "bookmarks": []}), "format"),
        (json.dumps({"format": "qari-notes", "version": 9, "items": []}), "version"),
        (json.dumps({"format": "qari-notes", "version": 1}), "no list of items"),
        (json.dumps({"format": "qari-notes", "version": 1, "items": [GOOD, {**GOOD, "kind": "x"}]}),
         "item #2 is of an unknown kind"),
        (json.dumps({"format": "qari-notes", "version": 1, "items": [GOOD, {"kind": "mark"}]}),
         "item #2 names no article"),
        (json.dumps({"format": "qari-notes", "version": 1,
                     "items": [GOOD, {**GOOD, "created": None}]}), "item #2 has no time"),
        (json.dumps({"format": "qari-notes", "version": 1, "items": [GOOD, "text"]}),
         "item #2 is not an object"),
    ],
)  # fmt: skip
def test_a_broken_notes_file_is_refused_whole(tmp_path, content, reason):
    store = UserStore(tmp_path / "u.sqlite")
    with pytest.raises(StoreError, match=re.escape(reason)):
        import_notes(store, content)
    assert store.marks() == [] and store.bookmarks() == []


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_groups_by_article_under_its_citation(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    filled(store)
    text = export_notes(store, "md")
    articles = read_markdown(text)
    assert list(articles) == [f"{SEED_TITLE} — {SOURCE}, 2023-09-16", "مقال محذوف — بي بي سي"]
    seed = articles[f"{SEED_TITLE} — {SOURCE}, 2023-09-16"]
    assert seed["quotes"] == ["روسيا", "بوتين", anchor_block(SEED, 3).quote]
    lines = seed["lines"]
    assert lines[0] == "File: /lib/seed.txt" and lines[1].startswith("Bookmarked ")
    # The note beneath its quote, each of its lines kept.
    at = lines.index(next(line for line in lines if line.startswith("*Highlight, green")))
    assert lines[at + 1 : at + 3] == ["ملاحظة أولى", "وسطر ثان"]
    assert "فقرة مهمة" in lines and any(line.startswith("*Highlight, pink") for line in lines)
    gone = articles["مقال محذوف — بي بي سي"]
    assert gone["quotes"] == ["كلمات"] and "بقيت الملاحظة" in gone["lines"]
    assert any("not found in the article" in line for line in gone["lines"])


@pytest.mark.gui
def test_markdown_shows_hostile_text_as_text(tmp_path, qapp):
    from PySide6.QtGui import QTextDocument, QTextFormat

    store = UserStore(tmp_path / "u.sqlite")
    highlight(store, "بوتين", title=HOSTILE_TITLE, note=HOSTILE_NOTE)
    document = QTextDocument()
    document.setMarkdown(export_notes(store, "md"))  # Qt's md4c: a CommonMark parser
    blocks, block = [], document.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    headings = [b.text() for b in blocks if b.blockFormat().headingLevel() == 2]
    assert headings == [f"{HOSTILE_TITLE} — {SOURCE}, 2023-09-16"]
    assert [b.text() for b in blocks if b.blockFormat().headingLevel() == 1] == ["Qari notes"]
    assert not any(b.textList() for b in blocks)  # no list made of a note's lines
    quoted = [b for b in blocks if b.blockFormat().property(QTextFormat.Property.BlockQuoteLevel)]
    assert [b.text() for b in quoted] == ["بوتين"]
    assert not any(b.blockFormat().nonBreakableLines() for b in blocks)  # no code block
    text = "\n".join(b.text() for b in blocks).replace("\u2028", "\n")
    for line in HOSTILE_NOTE.splitlines():
        assert line.strip() in text  # every character shown, none taken as syntax
    italic = []
    for b in blocks:
        it = b.begin()
        while not it.atEnd():
            fragment = it.fragment()
            assert not fragment.charFormat().isAnchor()  # no link
            assert not fragment.charFormat().fontFixedPitch()  # no code span
            if fragment.charFormat().fontItalic():
                italic.append(fragment.text())
            it += 1
    # No emphasis but the label Qari writes under each quote.
    assert len(italic) == 1 and italic[0].startswith("Highlight, green, ")


# --- CSV ------------------------------------------------------------------------------------


def test_csv_opens_with_its_header_and_arabic_intact(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    filled(store)
    data = export_notes(store, "csv").encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads it as UTF-8 then
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    assert rows[0] == list(FIELDS)
    got = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["kind"] for r in got] == ["bookmark", HIGHLIGHT, HIGHLIGHT, MARK, MARK]
    assert (got[1]["title"], got[1]["quote"], got[1]["note"], got[1]["source"]) == (
        SEED_TITLE, "روسيا", NOTE, SOURCE
    )  # fmt: skip
    assert got[1]["color"] == "green" and int(got[1]["end"]) > int(got[1]["start"])
    assert (got[0]["start"], got[0]["date"]) == ("", "2023-09-16")
    assert (got[4]["title"], got[4]["found"]) == ("مقال محذوف", "0")


def test_csv_cells_never_run_as_formulas(tmp_path):
    store = UserStore(tmp_path / "u.sqlite")
    for note in ("=1+1", "+1", "-2", "@SUM(A1)", "\t=1", HOSTILE_NOTE):
        highlight(store, "بوتين", note=note, title="=cmd|' /C calc'!A0")
    rows = list(csv.reader(io.StringIO(export_notes(store, "csv").removeprefix("\ufeff"))))
    notes = [row[FIELDS.index("note")] for row in rows[1:]]
    assert notes == ["'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\t=1", "'" + HOSTILE_NOTE]
    assert {row[FIELDS.index("title")] for row in rows[1:]} == {"'=cmd|' /C calc'!A0"}


# --- the command line ------------------------------------------------------------------------


def test_the_command_line_exports_each_format_and_imports_once(capsys, tmp_path):
    store = UserStore(paths.user_store_path())
    filled(store)
    store.close()
    code, out, _ = run(capsys, "--export-notes", "-")
    assert code == 0 and len(json.loads(out)["items"]) == 5
    for name in ("notes.json", "notes.md", "notes.csv"):
        code, out, _ = run(capsys, "--export-notes", str(tmp_path / name))
        assert code == 0 and out.startswith("5 item(s) written")
    assert read_markdown((tmp_path / "notes.md").read_text("utf-8"))
    assert (tmp_path / "notes.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    other = tmp_path / "other-profile"
    for added in (5, 0):
        code = main(
            ["qari", "--data-dir", str(other), "--import-notes", str(tmp_path / "notes.json")]
        )
        assert code == 0 and f"{added} item(s) added; 5 in all" in capsys.readouterr().out
    paths.set_data_dir(other)
    again = UserStore(paths.user_store_path())
    assert len(again.marks(kind=HIGHLIGHT)) == 2 and len(again.marks(kind=MARK)) == 2
    assert again.bookmarked_ids() == {article_id(SEED)}


def test_an_unknown_extension_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        main(
            ["qari", "--data-dir", str(paths.data_dir()), "--export-notes", str(tmp_path / "n.txt")]
        )
    assert stop.value.code == 2
    assert "name the file .json, .md or .csv" in capsys.readouterr().err
    assert not (tmp_path / "n.txt").exists()


def test_a_broken_import_is_reported_and_changes_nothing(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "qari-notes", "version": 1, "items": [{"kind": "mark"}]}', "utf-8")
    code, _, err = run(capsys, "--import-notes", str(bad))
    assert code == 1 and err.startswith("qari: ") and "item #1" in err
    assert UserStore(paths.user_store_path()).marks() == []
    code, _, err = run(capsys, "--import-notes", str(tmp_path / "nope.json"))
    assert code == 1 and "nope.json" in err


def test_an_annotation_whose_file_is_gone_exports_from_its_snapshot(capsys, library):
    seed = library / SEED_FILE.name
    store = UserStore(paths.user_store_path())
    highlight(store, "بوتين", path=str(seed))
    store.close()
    seed.unlink()
    assert run(capsys, "--list", str(library))[0] == 0  # the library, read without it
    code, out, _ = run(capsys, "--export-notes", "-")
    [item] = json.loads(out)["items"]
    assert code == 0 and (item["title"], item["source"], item["date"]) == (
        SEED_TITLE, SOURCE, "2023-09-16"
    )  # fmt: skip
    assert (item["quote"], item["note"], item["path"]) == ("بوتين", NOTE, str(seed))
