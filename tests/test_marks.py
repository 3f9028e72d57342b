"""Paragraph marks are anchored in the article's own text, not on the screen.

The document the pane builds has a title, a meta line, sometimes a notice ("this file has
changed"), giant paragraphs in several pieces and a note at the end: none of that may move
a mark. The store keeps the article-block index and a quote, migrated from schema 2.
"""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QInputDialog

from reader.qt import paths
from reader.qt.actions import ActionId
from reader.text.article import parse_article
from reader.text.excerpt import PIECE_CHARS, pieces
from reader.text.identity import article_id
from reader.userdata.backup import open_user_store, write_backup
from reader.userdata.store import MIGRATIONS, SCHEMA_VERSION, UserStore

from conftest import SEED_FILE, SEED_PARAGRAPHS, SEED_TITLE, long_body
from gui_helpers import close_window, open_window

SEED_TEXT = SEED_FILE.read_text("utf-8")
SEED = parse_article(SEED_TEXT)
NEW_PARAGRAPH = "فقرة جديدة أضيفت هنا بعد نشر المقال للتوضيح والتصحيح."


# --- helpers: the window as the reader uses it ------------------------------------------------


def seed_id(window) -> str:
    return next(m.id for m in window.session.catalog.articles() if m.title == SEED_TITLE)


def wait_ready(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.view.is_busy(), timeout=10_000)


def top_text(view) -> str:
    """The text of the document block at the top of the view."""
    return view.cursorForPosition(QPoint(view.viewport().width() // 2, 4)).block().text()


def scroll_to_text(view, text: str) -> None:
    """Scroll the document block showing exactly ``text`` to the top, as a reader would."""
    block = view.document().begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    assert block.isValid(), text[:40]
    top = view.document().documentLayout().blockBoundingRect(block).top()
    view.verticalScrollBar().setValue(int(top))
    assert top_text(view) == text


def mark_the_top(window, monkeypatch, note: str = "") -> None:
    """Ctrl+Shift+D, and OK in the note dialog."""
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (note, True)))
    window.actions_[ActionId.MARK_PARAGRAPH].trigger()


def reopen(qtbot, window, wanted: str) -> None:
    other = next(m for m in window.session.catalog.articles() if m.id != wanted)
    window.select_article(other.id)
    wait_ready(qtbot, window)
    assert window.select_article(wanted)
    qtbot.waitUntil(lambda: window.current.id == wanted and not window.view.is_busy())


def go_to_first_mark(qtbot, window) -> None:
    window.view.verticalScrollBar().setValue(0)
    window.actions_[ActionId.SHOW_MARKS].setChecked(True)
    item = window.notes_panel.list.item(0)
    window.notes_panel.list.itemClicked.emit(item)
    wait_ready(qtbot, window)


def rewrite(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")


# --- (a) the notice that comes and goes ------------------------------------------------------


@pytest.mark.gui
def test_a_mark_keeps_its_paragraph_when_the_changed_file_notice_appears(
    qtbot, library, monkeypatch
):
    window = open_window(qtbot, library)
    window.session._watcher.stop()  # the change is seen when the article is opened
    the_seed = seed_id(window)
    window.select_article(the_seed)
    wait_ready(qtbot, window)
    paragraph = SEED.blocks[12].text
    scroll_to_text(window.view, paragraph)
    mark_the_top(window, monkeypatch, "a note")
    # A word of the opening changes: the article's id no longer matches, so the pane says so.
    rewrite(library / SEED_FILE.name, "سيول: زار الزعيم", "سيول: زار القائد")
    changed = parse_article((library / SEED_FILE.name).read_text("utf-8"))
    assert article_id(changed) != the_seed and changed.blocks[12].text == paragraph
    reopen(qtbot, window, the_seed)
    assert "This file has changed" in window.view.toPlainText()
    go_to_first_mark(qtbot, window)
    assert top_text(window.view) == paragraph
    # What a backup or an export carries: the paragraph of the article, not a screen line.
    from reader.text.anchoring import article_text

    [saved] = window.user_state.store.dump()["marks"]
    assert saved["block"] == 12 and paragraph.startswith(saved["quote"]) and saved["quote"]
    assert saved["start"] == article_text(SEED).starts[12]
    close_window(window)


# --- (b) a piece of a giant paragraph ----------------------------------------------------------


@pytest.mark.gui
def test_a_mark_on_a_piece_of_a_giant_paragraph_keys_the_article_block(
    qtbot, tmp_path, monkeypatch
):
    folder = tmp_path / "giant"
    folder.mkdir()
    giant = long_body(3 * PIECE_CHARS, " ")
    text = "مقال بفقرة طويلة جدا\n\n" + "\n\n".join([SEED_PARAGRAPHS[1], giant, NEW_PARAGRAPH])
    (folder / "giant.txt").write_text(text + "\n", "utf-8")
    (folder / "other.txt").write_text("مقال آخر\n\nنص قصير في مقال آخر.\n", "utf-8")
    article = parse_article(text)
    index = next(i for i, b in enumerate(article.blocks) if len(b.text) > PIECE_CHARS)
    second = list(pieces(article.blocks[index].text))[1]
    window = open_window(qtbot, folder)
    wanted = article_id(article)
    window.select_article(wanted)
    wait_ready(qtbot, window)
    scroll_to_text(window.view, second)
    mark_the_top(window, monkeypatch)
    [mark] = window.user_state.marks()
    assert mark.block == index  # the article's block, not the document's (title, meta, pieces)
    assert window.view.article_block_at_top() == index
    assert second.startswith(mark.quote) and mark.quote
    reopen(qtbot, window, wanted)
    go_to_first_mark(qtbot, window)
    assert top_text(window.view) == second  # back to the piece that was at the top
    close_window(window)


def mark_paragraph_20(qtbot, library, monkeypatch, note: str):
    """A window on the seed with its 21st paragraph marked (the file watcher stopped, so a
    rewrite is seen only on reopening); returns it, the seed's id and that paragraph."""
    window = open_window(qtbot, library)
    window.session._watcher.stop()
    the_seed = seed_id(window)
    window.select_article(the_seed)
    wait_ready(qtbot, window)
    paragraph = SEED.blocks[20].text
    scroll_to_text(window.view, paragraph)
    mark_the_top(window, monkeypatch, note)
    return window, the_seed, paragraph


# --- (c) a paragraph inserted before the marked one ----------------------------------------------


@pytest.mark.gui
def test_a_paragraph_inserted_before_the_mark_is_re_anchored_by_its_quote(
    qtbot, library, monkeypatch
):
    window, the_seed, paragraph = mark_paragraph_20(
        qtbot, library, monkeypatch, "before the insertion"
    )
    assert window.user_state.marks()[0].block == 20
    rewrite(library / SEED_FILE.name, paragraph, NEW_PARAGRAPH + "\n\n" + paragraph)
    reopen(qtbot, window, the_seed)
    # Re-anchored as the article opened, and saved: the index follows the text.
    from reader.text.anchoring import article_text

    [mark] = window.user_state.marks()
    assert (mark.block, mark.found) == (21, True)
    assert mark.start == article_text(window.view.article()).starts[21]
    go_to_first_mark(qtbot, window)
    assert top_text(window.view) == paragraph
    close_window(window)


# --- (d) a paragraph deleted ---------------------------------------------------------------------


@pytest.mark.gui
def test_a_mark_whose_paragraph_was_deleted_is_kept_and_listed_as_not_found(
    qtbot, library, monkeypatch
):
    window, the_seed, paragraph = mark_paragraph_20(
        qtbot, library, monkeypatch, "ملاحظة على فقرة ستحذف"
    )
    rewrite(library / SEED_FILE.name, paragraph + "\n", "")
    reopen(qtbot, window, the_seed)
    [mark] = window.user_state.marks()
    assert mark.found is False and mark.note == "ملاحظة على فقرة ستحذف"
    assert paragraph.startswith(mark.quote) and mark.quote  # what it was, for the user
    go_to_first_mark(qtbot, window)
    item = window.notes_panel.list.item(0)
    assert "not found" in item.text()
    assert mark.quote[:20] in item.toolTip()
    assert re.search(r"Paragraph \d", item.toolTip()) is None  # no screen line number
    assert "not found" in window.statusBar().currentMessage()
    close_window(window)
    # Still there after a restart, and in the backup.
    store = UserStore(paths.user_store_path())
    [kept] = store.marks()
    assert kept.found is False and kept.note == mark.note
    assert store.dump()["marks"][0]["found"] == 0


# --- (f) schema 2 → 3 ----------------------------------------------------------------------------


def make_v2_store(path, marks: list[tuple[str, int, str, str]]) -> None:
    """A store as Qari wrote it at schema 2, with the SQL of the time."""
    db = sqlite3.connect(path)
    for step in (1, 2):
        for statement in MIGRATIONS[step]:
            db.execute(statement)
    db.execute("INSERT INTO bookmarks VALUES ('a1', 'كيم', '/lib/a.txt', '2024-01-01', '')")
    for article, block, note, created in marks:
        db.execute(
            "INSERT INTO marks (article_id, block, note, title, path, created)"
            " VALUES (?, ?, ?, 'كيم', '/lib/a.txt', ?)",
            (article, block, note, created),
        )
    db.execute("INSERT INTO reading VALUES ('a1', 0.5, 1, '2024-01-02')")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()


def test_migration_from_v2_turns_document_blocks_into_article_blocks(tmp_path):
    path = tmp_path / "u.sqlite"
    make_v2_store(
        path,
        [("a1", 14, "n14", "2024-01-01T00:00:01"), ("a1", 2, "n2", "2024-01-01T00:00:02"),
         ("a1", 1, "on the meta line", "2024-01-01T00:00:03"),
         ("a1", 0, "on the title", "2024-01-01T00:00:04")],
    )  # fmt: skip
    store, notices = open_user_store(path, tmp_path / "backups")
    assert notices == [] and store.migrated_from == 2
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    marks = {m.note: m for m in store.marks()}
    # The document had the title and the meta line before the body.
    assert {n: m.block for n, m in marks.items()} == {
        "n14": 12, "n2": 0, "on the meta line": 0, "on the title": 0
    }  # fmt: skip
    assert {(m.quote, m.prefix, m.suffix, m.found) for m in marks.values()} == {("", "", "", True)}
    assert store.bookmarked_ids() == {"a1"} and store.position("a1") == 0.5
    # The copy made first holds the store exactly as schema 2 had it.
    copy = sqlite3.connect(tmp_path / "u.sqlite.v2.backup")
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 2
    assert sorted(r[0] for r in copy.execute("SELECT block FROM marks")) == [0, 1, 2, 14]
    copy.close()
    # The new columns work: the first opening of the article fills the quote in.
    from reader.text.anchoring import anchor_block

    anchor = anchor_block(SEED, marks["n14"].block)
    store.update_mark_anchors([(marks["n14"].mark, anchor)])
    [again] = [m for m in store.marks() if m.note == "n14"]
    assert (again.block, again.quote, again.start, again.end) == (
        12, anchor.quote, anchor.start, anchor.end
    )  # fmt: skip


def test_v2_and_v3_backups_import_and_never_double(tmp_path):
    old = {"article_id": "a1", "block": 14, "note": "old", "title": "t", "path": "p"}
    old["created"] = "2024-01-01T00:00:01"
    v2 = {"format": "qari-userdata", "version": 2, "bookmarks": [], "marks": [old], "reading": []}
    from reader.text.anchoring import anchor_block, anchor_span, article_text

    store = UserStore(tmp_path / "u.sqlite")
    store.import_json(json.dumps(v2))
    [mark] = store.marks()
    assert (mark.block, mark.quote, mark.found) == (12, "", True)
    # A v3 backup carries the anchor and whether it was found.
    flat = article_text(SEED).text
    start = flat.index("بوتين")
    span = anchor_span(SEED, start, start + len("بوتين"))
    added = store.add_mark("b2", span.block, "", "كيم", "/lib/a.txt", quote=span.quote,
                           prefix=span.prefix, suffix=span.suffix, start=span.start,
                           end=span.end)  # fmt: skip
    store.update_mark_anchors([(mark.mark, None)])
    written = write_backup(store, tmp_path / "backups")
    other = UserStore(tmp_path / "other.sqlite")
    other.import_json(written.read_text("utf-8"))
    got = {m.article_id: m for m in other.marks()}
    assert got["a1"].found is False and got["a1"].block == 12
    b2 = got["b2"]
    assert (b2.block, b2.quote, b2.prefix, b2.suffix, b2.start, b2.end, b2.found) == (
        span.block, span.quote, span.prefix, span.suffix, span.start, span.end, True
    )  # fmt: skip
    # A mark re-anchored since (another block) is still the same mark: importing adds nothing.
    other.update_mark_anchors([(b2.mark, anchor_block(SEED, 5))])
    other.import_json(written.read_text("utf-8"))
    assert len(other.marks()) == 2 and added.mark


@pytest.mark.gui
def test_a_migrated_mark_is_anchored_by_the_text_when_its_article_opens(qtbot, library):
    the_seed = article_id(SEED)
    path = paths.user_store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    make_v2_store(path, [(the_seed, 14, "from schema 2", "2024-01-01T00:00:01")])
    window = open_window(qtbot, library)
    assert (path.parent / f"{path.name}.v2.backup").is_file()
    [mark] = window.user_state.marks()
    assert (mark.block, mark.quote) == (12, "")
    go_to_first_mark(qtbot, window)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == the_seed)
    wait_ready(qtbot, window)
    assert top_text(window.view) == SEED.blocks[12].text
    [mark] = window.user_state.marks()
    assert mark.block == 12 and SEED.blocks[12].text.startswith(mark.quote) and mark.quote
    close_window(window)


# --- the pane's map between the article's text and its document ---------------------------------


@pytest.mark.gui
def test_article_offsets_and_document_positions_map_both_ways(qtbot):
    """What highlights will stand on: every character of the article's text is found where
    the pane shows it, through a notice, pieces (a cut space dropped, or a hard cut) and
    characters the pane leaves out."""
    from reader.text.anchoring import article_text
    from reader.text.article import Article, Block, BlockKind
    from reader.ui.reading_view import ReadingView

    P = BlockKind.PARAGRAPH
    giant = " ".join(long_body(2 * PIECE_CHARS, " ").split())  # as parsed: single spaces
    blocks = (
        Block(P, "فقرة فيها \u202bتضمين\u202c ثم\ufeff نص عادي."),  # left out when shown
        Block(P, giant),
        Block(P, "x" * (PIECE_CHARS + 500)),  # no space at all: cut inside the "word"
        Block(BlockKind.SUBHEADING, "عنوان فرعي"),
        *(Block(P, paragraph) for paragraph in SEED_PARAGRAPHS[1:] * 2),  # room to scroll
    )
    article = Article("العنوان", "أ ف ب", None, blocks)
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show_article(article, "This file has changed since the library was read.")
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=10_000)
    at = article_text(view.article())
    document = view.document()
    hidden = "\u202b\u202c\ufeff"
    shown = [o for o, c in enumerate(at.text) if c not in hidden and c != "\n"]
    cuts = 0
    for offset in shown:
        position = view.position_of(offset)
        char = document.characterAt(position)
        if at.text[offset] == " " and char != " ":
            cuts += 1  # a cut space: the end of the piece before it
            assert (
                document.findBlock(position).position() + len(document.findBlock(position).text())
                == position
            )
            continue
        assert char == at.text[offset], offset
        assert view.offset_of(position) == offset
    assert cuts >= 1  # the giant paragraph was cut at a space at least once
    assert document.blockCount() > len(blocks) + 3  # title, meta, notice, pieces
    # The title, the meta line and the notice are no part of the article's text.
    assert view.offset_of(0) is None
    assert view.position_of(len(at.text) + 10) is None
    for index, start in enumerate(at.starts[:5]):
        assert view.scroll_to_article_block(index)
        assert view.article_block_at_top() == index
        assert view.offset_at_top() == start
