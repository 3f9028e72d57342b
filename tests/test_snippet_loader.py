"""Snippets from a bounded read of each file's head, computed on a worker thread."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.reading import HEAD_BYTES, read_head
from reader.qt.snippet_loader import QUEUED, SnippetLoader
from reader.text.query import parse_query
from reader.text.snippets import make_snippet

from conftest import long_body

TITLE = "مقال طويل عن القمة"
EARLY = "كلمةمبكرة"
LATE = "كلمةمتأخرة"


def write_long(path: Path, encoding: str, body_chars: int = 3 * HEAD_BYTES) -> Path:
    """An article longer than the head, with one word near its start and one at its end."""
    body = long_body(body_chars, "\n\n")
    text = f"{TITLE}\nأ ف ب\n2020-01-01\n\nقال {EARLY} في البداية.\n\n{body}\n\nقال {LATE} أخيرا.\n"
    path.write_bytes(text.encode(encoding))
    return path


def body_of(article) -> str:
    return "\n".join(b.text for b in article.blocks)


# --- Qt-free: the bounded read ------------------------------------------------------------


def test_the_head_of_a_long_file_is_read_and_no_more(tmp_path):
    path = write_long(tmp_path / "long.txt", "utf-8")
    assert path.stat().st_size > 3 * HEAD_BYTES
    article = read_head(path)
    assert article.title == TITLE
    assert len(body_of(article).encode("utf-8")) <= HEAD_BYTES
    assert make_snippet(article, parse_query(EARLY)).text == f"قال {EARLY} في البداية."
    # A match only past the head: no line of the body; the title's match still shows.
    assert make_snippet(article, parse_query(LATE)) is None
    assert make_snippet(article, parse_query("القمة")).text == TITLE
    # A file within the bound is read whole.
    assert make_snippet(read_head(path, max_bytes=10 * HEAD_BYTES), parse_query(LATE))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "utf-16", "utf-16-le", "utf-16-be"])
def test_a_head_cut_mid_character_decodes_to_whole_words(tmp_path, encoding):
    path = write_long(tmp_path / "long.txt", encoding, body_chars=20_000)
    whole = path.read_bytes().decode(encoding).removeprefix("\ufeff")
    words = set(whole.split())
    for max_bytes in range(4001, 4009):  # odd and even cuts, inside and between characters
        article = read_head(path, max_bytes)
        assert article.title == TITLE
        body = body_of(article)
        assert "\ufffd" not in body and body
        assert set(body.split()) <= words  # no character, and no word, cut in two
        assert article.blocks[0].text == f"قال {EARLY} في البداية."
        assert all(b.text in whole for b in article.blocks)


def test_a_cut_word_never_matches_as_a_shorter_one(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text("عنوان\n\n" + "نص " * 40 + "الرئيسية\n", "utf-8")
    cut = len(("عنوان\n\n" + "نص " * 40 + "الرئيس").encode("utf-8"))
    assert make_snippet(read_head(path, cut), parse_query("الرئيس")) is None


def test_a_head_of_a_file_that_cannot_be_read_says_why(tmp_path):
    with pytest.raises(OSError):
        read_head(tmp_path / "missing.txt")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 1000)
    with pytest.raises(ValueError):
        read_head(binary)


# --- the loader: worker thread, relay back to the GUI thread --------------------------------


@pytest.fixture
def loader(qapp):
    loader = SnippetLoader()
    yield loader
    loader.deleteLater()


@pytest.mark.gui
def test_each_file_is_read_once_and_no_match_is_remembered(qtbot, loader, tmp_path):
    hit, miss = tmp_path / "hit.txt", tmp_path / "miss.txt"
    hit.write_text("خبر\n\nقال الرئيس كلمة.\n", "utf-8")
    miss.write_text("خبر آخر\n\nلا شيء هنا.\n", "utf-8")
    loader.reset(parse_query("رئيس"))
    with qtbot.waitSignal(loader.ready, timeout=10_000) as blocker:
        assert loader.snippet("a", str(hit)) is None
        assert loader.snippet("a", str(hit)) is None  # asked twice while waiting: read once
        assert loader.snippet("b", str(miss)) is None
    assert blocker.args == ["a", str(hit)]
    qtbot.waitUntil(lambda: not loader.pending(), timeout=10_000)
    assert loader.snippet("a", str(hit)).text == "قال الرئيس كلمة."
    miss.write_text("خبر آخر\n\nالرئيس هنا الآن.\n", "utf-8")
    assert loader.snippet("b", str(miss)) is None and not loader.pending()  # cached: no read
    loader.reset(parse_query("رئيس"))  # the files may have changed: read again
    with qtbot.waitSignal(loader.ready, timeout=10_000):
        assert loader.snippet("b", str(miss)) is None
    assert loader.snippet("b", str(miss)).text == "الرئيس هنا الآن."


@pytest.mark.gui
def test_unreadable_files_and_no_search_give_no_snippet(qtbot, loader, tmp_path):
    assert loader.snippet("a", str(tmp_path / "x.txt")) is None and not loader.pending()
    loader.reset(parse_query("رئيس"))
    assert loader.snippet("a", str(tmp_path / "missing.txt")) is None
    qtbot.waitUntil(lambda: not loader.pending(), timeout=10_000)
    assert loader.snippet("a", str(tmp_path / "missing.txt")) is None and not loader.pending()


@pytest.mark.gui
def test_rows_dropped_from_a_full_queue_are_asked_for_again(qtbot, loader, tmp_path):
    # Each a full head to read and parse (~3 ms): far more than asking for all of them takes.
    body = long_body(HEAD_BYTES, "\n\n")
    paths = []
    for n in range(QUEUED * 3):
        path = tmp_path / f"{n}.txt"
        path.write_text(f"خبر {n}\n\nذكر الرئيس في الخبر {n}.\n\n{body}\n", "utf-8")
        paths.append(str(path))
    served: set[str] = set()
    loader.ready.connect(lambda article_id, _path: served.add(article_id))
    loader.reset(parse_query("رئيس"))
    for n, path in enumerate(paths):  # scrolling fast through 300 rows
        loader.snippet(str(n), path)
    qtbot.waitUntil(lambda: not loader.pending(), timeout=20_000)
    # The newest were read first; the oldest waited in a full queue and were dropped.
    assert str(len(paths) - 1) in served and len(served) < len(paths)
    unread = [n for n in range(len(paths)) if str(n) not in served]
    screen = unread[:40]  # a screenful of them painted again: asked for again
    for n in screen:
        assert loader.snippet(str(n), paths[n]) is None
    qtbot.waitUntil(lambda: not loader.pending(), timeout=20_000)
    for n in screen:
        assert loader.snippet(str(n), paths[n]).text == f"ذكر الرئيس في الخبر {n}."
