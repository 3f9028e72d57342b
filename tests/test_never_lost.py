"""Nothing lost, measured end to end: the real app and the real command line in subprocesses,
killed at once, then every SQLite file in the data folder scribbled over."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.qt import paths
from reader.userdata.store import UserStore

from crash import run_then_kill_9

ROOT = Path(__file__).resolve().parent.parent
SQLITE_HEADER = b"SQLite format 3\x00"
PAGE = 4096
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
NOTE = "ملاحظة لا تضيع"


def scribble_every_sqlite_file(folder: Path) -> list[Path]:
    """Garbage over the pages of every SQLite file under ``folder`` (databases, their
    write-ahead logs and shared memory), as a bad disk would leave them. A database of more
    than one page keeps its first (header and schema): opening it works, reading it fails."""
    hit = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if not data.startswith(SQLITE_HEADER) and not path.name.endswith(
            (".sqlite", "-wal", "-shm")
        ):
            continue
        keep = PAGE if data.startswith(SQLITE_HEADER) and len(data) > PAGE else 0
        size = max(len(data), 3 * PAGE)
        path.write_bytes(data[:keep] + random.Random(path.name).randbytes(size - keep))
        hit.append(path)
    return hit


def qari(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *args],
        capture_output=True, text=True, env=ENV, timeout=120, check=False,
    )  # fmt: skip


ANNOTATE = """
import os, sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {tests!r})
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from reader.qt import paths
from reader.qt.actions import ActionId
from reader.app import create_application, create_main_window
paths.set_data_dir({data!r})
app = create_application(["qari"])
window = create_main_window([{library!r}])
window.resize(1000, 700)
window.show()
window.activateWindow()
# The note dialog answered as a user would (it is modal: nothing else could type into it).
QInputDialog.getText = staticmethod(lambda *args, **kwargs: ({note!r}, True))
def annotate():
    if window.current is None or window.view.is_busy() or window.view.article() is None:
        QTimer.singleShot(20, annotate)
        return
    QTest.keyClick(window.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.actions_[ActionId.MARK_PARAGRAPH].trigger()
    # Words selected in the pane (the start of its first paragraph), then Ctrl+H.
    from gui_helpers import select_words
    select_words(window.view, 2, 12)
    window.actions_[ActionId.HIGHLIGHT].trigger()
    marks = window.store.marks()
    print("ANNOTATED", window.current.id, len(marks), flush=True)
window.library_loaded.connect(lambda: QTimer.singleShot(0, annotate))
app.exec()
"""


def annotate_then_kill_9(data: Path, library: Path) -> str:
    """Bookmark, mark a paragraph and highlight words in the real window, then SIGKILL it at
    once (before the 2-second backup timer, before any clean shutdown). Returns the
    article's id."""
    script = ANNOTATE.format(
        root=str(ROOT), tests=str(ROOT / "tests"), data=str(data), library=str(library), note=NOTE
    )
    line = run_then_kill_9(script, "ANNOTATED")
    _, article_id, marks = line.split()
    assert marks == "2", "the paragraph mark and the highlight were not made"
    return article_id


def restore_lines(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert all(line.startswith("qari: ") for line in lines), stderr
    return lines


@pytest.mark.gui
def test_annotations_survive_kill_9_and_every_sqlite_file_scribbled(qtbot, tmp_path, library):
    from reader.app import create_main_window

    from gui_helpers import shown_message_box

    data = tmp_path / "crashed"
    article_id = annotate_then_kill_9(data, library)
    damaged = scribble_every_sqlite_file(data)
    names = {p.name for p in damaged}
    assert paths.index_path([library]).name in names
    assert {"userdata.sqlite", "userdata.sqlite-wal"} <= names
    second = tmp_path / "crashed-too"
    shutil.copytree(data, second)

    # The command line: the bookmark exported, the user told in one line what was restored.
    done = qari(data, "--export-bookmarks", "-")
    assert done.returncode == 0, done.stderr
    assert [b["id"] for b in json.loads(done.stdout)["bookmarks"]] == [article_id]
    [line] = restore_lines(done.stderr)
    assert (
        "damaged" in line
        and "Restored 1 bookmark(s) and 2 highlight(s) and paragraph mark(s)" in line
    ), line
    marks = UserStore(data / "userdata.sqlite").marks()
    assert sorted((m.kind, m.note) for m in marks) == [("highlight", ""), ("mark", NOTE)]
    assert any(".damaged-" in p.name for p in data.iterdir()), "the damaged file is kept"
    # And every command after it runs on a healthy store, saying nothing more.
    done = qari(data, "--list", str(library))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert any(line.startswith("★") for line in done.stdout.splitlines())

    # The window, on the other damaged copy (its index scribbled too): all there, and said.
    paths.set_data_dir(second)
    window = create_main_window([str(library)])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=20_000):
        window.show()
    box = shown_message_box(qtbot, window)
    assert "Restored 1 bookmark(s) and 2 highlight(s) and paragraph mark(s)" in box.text()
    assert window.store.bookmarked_ids() == {article_id}
    kept = sorted((m.article_id, m.kind, m.note) for m in window.store.marks())
    assert kept == [(article_id, "highlight", ""), (article_id, "mark", NOTE)]
    assert window.model.rowCount() == 2  # the index rebuilt from the files
    box.close()
    window.close()
    window.user_state.close()


def test_a_bookmark_imported_on_the_command_line_survives_a_damaged_store(tmp_path):
    data = tmp_path / "profile"
    exported = tmp_path / "bookmarks.json"
    exported.write_text(
        json.dumps({"bookmarks": [{"id": "imported1", "title": "كيم", "path": "/lib/a.txt"}]}),
        "utf-8",
    )
    done = qari(data, "--import-bookmarks", str(exported))
    assert done.returncode == 0 and "1 bookmark(s) added" in done.stdout, done.stderr
    scribble_every_sqlite_file(data)
    done = qari(data, "--export-bookmarks", "-")
    assert done.returncode == 0, done.stderr
    assert [b["id"] for b in json.loads(done.stdout)["bookmarks"]] == ["imported1"]
    [line] = restore_lines(done.stderr)
    assert "damaged" in line and "Restored 1 bookmark(s)" in line, line


@pytest.mark.parametrize("command", ["--list", "--search", "--export-bookmarks", "--import"])
def test_every_command_opens_a_damaged_store_through_the_restore(capsys, tmp_path, library,
                                                                   command):  # fmt: skip
    from reader.app import main
    from reader.userdata.backup import open_user_store

    store, _ = open_user_store(paths.user_store_path(), paths.backups_dir(), paths.journal_path())
    store.add_bookmark("kept", "t", "/lib/a.txt")
    store.close()
    assert main(["qari", "--data-dir", str(paths.data_dir()), "--list", str(library)]) == 0
    capsys.readouterr()
    scribble_every_sqlite_file(paths.data_dir())
    empty = tmp_path / "none.json"
    empty.write_text('{"bookmarks": []}', "utf-8")
    args = {
        "--list": ["--list", str(library)],
        "--search": ["--search", "كيم", str(library)],
        "--export-bookmarks": ["--export-bookmarks", "-"],
        "--import": ["--import-bookmarks", str(empty)],
    }[command]
    code = main(["qari", "--data-dir", str(paths.data_dir()), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    if command == "--export-bookmarks":
        assert '"kept"' in out
    [line] = restore_lines(err)
    assert "Restored 1 bookmark(s)" in line, line
    assert UserStore(paths.user_store_path()).bookmarked_ids() == {"kept"}


@pytest.mark.gui
def test_an_index_damaged_past_its_opening_never_stops_the_cli_or_the_window(
    qtbot, capsys, library
):
    """The index opens (its header, schema and meta pages are fine) but its list of files
    is garbage: found only while the library is read, then rebuilt from the files."""
    import sqlite3

    from reader.app import create_main_window, main

    assert main(["qari", "--data-dir", str(paths.data_dir()), "--list", str(library)]) == 0
    index = paths.index_path([library])
    db = sqlite3.connect(index)
    pages = [p for (p,) in db.execute("SELECT pageno FROM dbstat WHERE name = 'files'")]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(index.read_bytes())
    for page in pages:
        data[(page - 1) * PAGE : page * PAGE] = random.Random(page).randbytes(PAGE)
    index.write_bytes(bytes(data))
    damaged = bytes(data)
    capsys.readouterr()

    assert main(["qari", "--data-dir", str(paths.data_dir()), "--list", str(library)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2 and err == ""

    index.write_bytes(damaged)
    window = create_main_window([str(library)])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=20_000):
        window.show()
    assert window.model.rowCount() == 2
    assert "Could not" not in window.statusBar().currentMessage()
    window.close()
    window.user_state.close()


def test_a_change_the_store_lost_is_completed_from_the_journal_and_said(capsys, tmp_path):
    """The store healthy but without the last change (a crash before its commit reached the
    disk, or its write-ahead log lost): the command line completes it and says so."""
    from reader.app import main
    from reader.userdata.backup import open_user_store

    def store():
        return open_user_store(paths.user_store_path(), paths.backups_dir(), paths.journal_path())

    first, _ = store()
    first.add_bookmark("a1", "t", "/lib/a.txt")
    first.close()
    before = tmp_path / "before.sqlite"
    shutil.copy(paths.user_store_path(), before)
    second, _ = store()
    second.add_bookmark("b2", "t", "/lib/b.txt")
    second.close()
    shutil.copy(before, paths.user_store_path())
    assert main(["qari", "--data-dir", str(paths.data_dir()), "--export-bookmarks", "-"]) == 0
    out, err = capsys.readouterr()
    assert {b["id"] for b in json.loads(out)["bookmarks"]} == {"a1", "b2"}
    [line] = restore_lines(err)
    assert "1 recent change(s)" in line and "restored from the journal" in line, line
