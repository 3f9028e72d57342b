"""Huge articles: opened off the GUI thread, laid out in steps, in pieces, up to a limit."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from reader.library.reading import open_excerpt
from reader.qt.article_loader import SYNC_BYTES, ArticleLoader
from reader.text.article import Article, Block, BlockKind, parse_article
from reader.text.excerpt import PIECE_CHARS, SHOWN_CHARS, excerpt, pieces
from reader.ui.search_matches import MAX_PAINTED

import gui_helpers
from conftest import SEED_FILE, SEED_PARAGRAPHS, SEED_TITLE, long_body
from gui_helpers import close_window, type_text

Ctrl = Qt.KeyboardModifier.ControlModifier


def write_article(path: Path, title: str, chars: int, *, one_line: bool = False) -> str:
    """An article of about ``chars`` characters of body, dated before the seed."""
    text = long_body(chars, " " if one_line else "\n\n")
    path.write_text(f"{title}\nأ ف ب\n2020-01-01\n\n{text}\n", "utf-8")
    return title


def open_window(qtbot, library: Path):
    """gui_helpers.open_window, with time to index megabytes on a busy machine."""
    return gui_helpers.open_window(qtbot, library, timeout=120_000)


def shown_blocks(window) -> list[str]:
    texts = []
    block = window.view.document().begin()
    while block.isValid():
        texts.append(block.text())
        block = block.next()
    return texts


def wait_until_shown(qtbot, window, title: str, timeout: int = 60_000) -> None:
    loader = ArticleLoader.of(window)
    qtbot.waitUntil(
        lambda: (
            not loader.is_loading()
            and not window.view.is_busy()
            and window.view.document().begin().text() == title
        ),
        timeout=timeout,
    )


def id_of(window, title: str) -> str:
    return next(m.id for m in window.session.catalog.articles() if m.title == title)


def highlighted(window) -> list[tuple[int, int, str]]:
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.cursor.selectedText())
        for s in window.view.extraSelections()
    ]


# --- Qt-free: pieces and excerpts -------------------------------------------------------------


def test_pieces_cut_after_sentences_or_between_words():
    text = " ".join(SEED_PARAGRAPHS * 40)
    parts = list(pieces(text, 1000))
    assert len(parts) > 10 and all(0 < len(p) <= 1000 for p in parts)
    assert " ".join(parts) == text  # every cut fell on a space, and only that space is gone
    ends = sum(p[-1] in ".!?؟،:;؛" for p in parts[:-1])
    assert ends >= 0.8 * (len(parts) - 1)  # mostly after a sentence, not mid-sentence
    assert list(pieces("short text", 1000)) == ["short text"]


def test_text_without_spaces_is_cut_but_never_before_a_mark():
    text = "بَ" * 3000  # letter + fatha, no space anywhere
    parts = list(pieces(text, 1001))
    assert "".join(parts) == text
    assert all(len(p) <= 1001 for p in parts)
    assert not any(unicodedata.category(p[0]).startswith("M") for p in parts)


def test_an_excerpt_stops_at_the_limit_after_a_whole_word():
    article = parse_article("عنوان\n\n" + "\n\n".join(SEED_PARAGRAPHS * 30))
    total = sum(len(b.text) for b in article.blocks)
    whole = excerpt(article)
    assert whole.article == article and whole.left_out == 0
    assert whole.minutes == article.reading_minutes() and whole.direction == "rtl"

    limit = total // 3
    part = excerpt(article, limit)
    shown = part.article.blocks
    assert 0 < sum(len(b.text) for b in shown) <= limit
    assert part.left_out == total - sum(len(b.text) for b in shown)
    last = shown[-1].text
    original = article.blocks[len(shown) - 1].text
    assert original.startswith(last)
    assert len(original) == len(last) or original[len(last)] == " "  # a whole word
    assert part.minutes >= 2 * excerpt(_article(shown)).minutes  # the whole article's time


def _article(blocks: tuple[Block, ...]) -> Article:
    return Article("عنوان", "", None, blocks)


def test_a_giant_paragraph_is_kept_whole_below_the_limit():
    text = " ".join(SEED_PARAGRAPHS * 200)
    assert excerpt(_article((Block(BlockKind.PARAGRAPH, text),))).article.blocks[0].text == text


def test_small_files_are_read_here_and_large_ones_are_left_to_the_worker(tmp_path):
    small = open_excerpt(SEED_FILE, max_bytes=SYNC_BYTES)
    assert small is not None and small.excerpt.article.title == SEED_TITLE
    assert small == open_excerpt(SEED_FILE)
    big = tmp_path / "big.txt"
    write_article(big, "طويل", SYNC_BYTES)
    assert open_excerpt(big, max_bytes=SYNC_BYTES) is None
    assert open_excerpt(big) is not None


# --- in the window ----------------------------------------------------------------------------


@pytest.fixture
def big_library(tmp_path: Path) -> Path:
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / SEED_FILE.name).write_bytes(SEED_FILE.read_bytes())
    return folder


@pytest.mark.gui
def test_a_single_2mb_line_opens_with_all_its_text_in_pieces(qtbot, big_library):
    title = write_article(big_library / "line.txt", "سطر واحد طويل", 1_150_000, one_line=True)
    assert (big_library / "line.txt").stat().st_size > 2_000_000
    window = open_window(qtbot, big_library)
    window.select_article(id_of(window, title))
    wait_until_shown(qtbot, window, title)
    blocks = shown_blocks(window)
    body = blocks[2:]  # after the title and the meta line
    assert len(body) > 200 and all(len(b) <= PIECE_CHARS for b in body)
    article = window.view.article()
    assert " ".join(body) == " ".join(b.text for b in article.blocks)
    assert sum(len(b.text) for b in article.blocks) > 1_000_000  # all of it: under the limit
    assert "not shown" not in blocks[-1]
    # Pieces of one paragraph follow each other like lines, with no gap between them.
    block = window.view.document().lastBlock()
    assert block.blockFormat().bottomMargin() > 0  # the paragraph's own spacing, at its end
    while block.previous().blockNumber() > 3:
        block = block.previous()
        assert block.blockFormat().bottomMargin() == block.blockFormat().topMargin() == 0
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    close_window(window)


@pytest.mark.gui
@pytest.mark.parametrize("wait_between", [0, 30])
def test_clicking_quickly_through_articles_ends_on_the_last_one(qtbot, big_library, wait_between):
    first = write_article(big_library / "a.txt", "المقال الأول", 400_000)
    second = write_article(big_library / "b.txt", "المقال الثاني", 300_000)
    third = write_article(big_library / "c.txt", "المقال الثالث", 500_000)
    window = open_window(qtbot, big_library)
    for order in ([first, SEED_TITLE, third], [third, second, first], [first, second, SEED_TITLE]):
        for title in order:
            window.select_article(id_of(window, title))
            qtbot.wait(wait_between)
        last = order[-1]
        assert window.current.title == last
        wait_until_shown(qtbot, window, last)
        qtbot.wait(300)  # superseded results that might still arrive change nothing
        assert window.view.document().begin().text() == last
        assert not ArticleLoader.of(window).is_loading()
    close_window(window)


@pytest.mark.gui
def test_an_article_over_the_limit_ends_with_a_note(qtbot, big_library):
    title = write_article(big_library / "long.txt", "مقال أطول من الحد", SHOWN_CHARS + 200_000)
    window = open_window(qtbot, big_library)
    window.select_article(id_of(window, title))
    assert "Opening" in window.view.toPlainText()  # a long one says so at once
    wait_until_shown(qtbot, window, title)
    blocks = shown_blocks(window)
    assert "is not shown" in blocks[-1] and "too long" in blocks[-1]
    shown = sum(len(b.text) for b in window.view.article().blocks)
    assert SHOWN_CHARS - 10_000 < shown <= SHOWN_CHARS
    assert all(len(b) <= PIECE_CHARS for b in blocks[:-1])
    # It scrolls, all the way to the note.
    view = window.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    bottom = view.cursorForPosition(view.viewport().rect().bottomLeft()).block()
    assert bottom.blockNumber() >= view.document().blockCount() - 3
    close_window(window)


@pytest.mark.gui
def test_highlights_land_on_whole_words_in_a_long_article(qtbot, big_library):
    title = write_article(big_library / "long.txt", "مقال طويل عن كيم", 600_000)
    window = open_window(qtbot, big_library)
    window.select_article(id_of(window, title))
    wait_until_shown(qtbot, window, title)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Ctrl)
    type_text(window.find_bar.field, "كيم")
    qtbot.waitUntil(lambda: not window.view.is_busy(), timeout=30_000)
    total = window.view.match_count()
    assert total > MAX_PAINTED  # so only those around the view are painted
    assert window.find_bar.count.text() == f"1 of {total}"
    document = window.view.document()

    def check_whole_words() -> None:
        painted = highlighted(window)
        assert 0 < len(painted) <= MAX_PAINTED
        for start, end, text in painted:
            assert text.endswith("كيم"), text
            before = document.characterAt(start - 1) if start else " "
            after = document.characterAt(end)
            assert not before.isalpha() and not after.isalpha(), (before, text, after)

    check_whole_words()
    window.view.go_to_match(-1)  # wraps to the last match, far down
    assert window.view.current_match() == total - 1
    check_whole_words()
    # The current one is among those painted, near the end, and on screen.
    colour = window.view.palette().color(QPalette.ColorRole.Highlight)
    current = [s for s in window.view.extraSelections() if s.format.background() == colour]
    assert len(current) == 1
    assert current[0].cursor.selectionStart() > 0.95 * document.characterCount()
    rect = window.view.cursorRect(current[0].cursor)
    assert window.view.viewport().rect().contains(rect.center())
    close_window(window)


@pytest.mark.gui
def test_a_search_opens_a_long_article_at_its_first_match(qtbot, big_library):
    title = write_article(big_library / "long.txt", "مقال طويل", 400_000)
    path = big_library / "long.txt"
    # The word searched for only comes far down, past what is laid out at once.
    path.write_text(path.read_text("utf-8") + "\nفي الختام كلمةنادرة هنا.\n", "utf-8")
    window = open_window(qtbot, big_library)
    window.search_box.setFocus()
    with qtbot.waitSignal(window.search_box.search_requested, timeout=3000):
        type_text(window.search_box, "كلمةنادرة")
    assert window.current.title == title
    wait_until_shown(qtbot, window, title)
    assert window.view.match_count() == 1 and window.view.current_match() == 0
    text = highlighted(window)[0][2]
    assert text == "كلمةنادرة"
    # Scrolled to it: the match is on screen.
    selections = window.view.extraSelections()
    rect = window.view.cursorRect(selections[0].cursor)
    assert window.view.viewport().rect().contains(rect.center())
    close_window(window)


@pytest.mark.gui
def test_zooming_a_long_article_keeps_the_place(qtbot, big_library):
    title = write_article(big_library / "long.txt", "مقال طويل", 500_000)
    window = open_window(qtbot, big_library)
    window.select_article(id_of(window, title))
    wait_until_shown(qtbot, window, title)
    view = window.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    before = view.cursorForPosition(view.viewport().rect().center()).position()
    window.comfort.zoom(2)
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=30_000)
    after = view.cursorForPosition(view.viewport().rect().center()).position()
    assert abs(after - before) < 3_000  # the same part of the text, give or take a screen
    # A new width lays the long article out again in steps too, and keeps the place.
    width = view.width()
    window.resize(window.width() - 300, window.height())
    qtbot.waitUntil(lambda: view.width() != width and not view.is_busy(), timeout=30_000)
    again = view.cursorForPosition(view.viewport().rect().center()).position()
    assert abs(again - after) < 3_000
    close_window(window)


@pytest.mark.gui
def test_a_long_file_that_turns_unreadable_or_changes_says_so(qtbot, big_library):
    title = write_article(big_library / "long.txt", "مقال طويل", 400_000)
    path = big_library / "long.txt"
    window = open_window(qtbot, big_library)
    window.session._watcher.stop()  # as if the change happened between two looks
    text = path.read_text("utf-8")
    path.write_text(text.replace(SEED_PARAGRAPHS[0][:40], "فقرة أولى مختلفة تماما", 1), "utf-8")
    window.select_article(id_of(window, title))
    wait_until_shown(qtbot, window, title)
    assert "This file has changed" in window.view.toPlainText()
    window.select_article(id_of(window, SEED_TITLE))
    path.write_bytes(b"\x00\x01\x02" * SYNC_BYTES)
    window.select_article(id_of(window, title))
    qtbot.waitUntil(lambda: "can no longer be read" in window.view.toPlainText(), timeout=10_000)
    assert "binary" in window.view.toPlainText()
    close_window(window)
