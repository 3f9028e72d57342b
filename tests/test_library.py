from __future__ import annotations

import os
import shutil

import pytest

from reader.library.catalog import Catalog, ViewSpec
from reader.library.entries import ArticleMeta, Skipped
from reader.library.index import Index
from reader.library.reading import READ_AHEAD, read_ahead, read_entry
from reader.library.scan import iter_files
from reader.library.sync import sync
from reader.qt import paths

from conftest import ENGLISH_ARTICLE, SEED_FILE, SEED_TITLE


class Result:
    """What a sync gives, as the library's catalog lists it, in the shape the tests read."""

    def __init__(self, catalog: Catalog, problems: list[Skipped], completed: bool) -> None:
        self.articles = list(catalog.articles(ViewSpec(grouped=False)))
        self.skipped = sorted([*catalog.skipped(), *problems], key=lambda s: s.path)
        self.cancelled = not completed


def scan(roots, index: Index | None = None, **options) -> Result:
    own = index is None
    index = index or Index(paths.index_path(roots))
    problems: list[Skipped] = []

    def on_update(entries, _removed, done, _total):
        if not done:
            problems.extend(e for e in entries if isinstance(e, Skipped))

    completed = sync(roots, index, on_update=on_update, **options)
    result = Result(Catalog(index), problems, completed)
    if own:
        index.close()
    return result


def listed_paths(index: Index) -> set[str]:
    """Every file the index lists, article or skipped."""
    return {path for (path,) in index.db.execute("SELECT path FROM files")}


def load_entry(path: str):
    return read_entry(path).entry


def _by_title(result):
    return {a.title: a for a in result.articles}


def test_scan_reads_articles_with_metadata(library):
    result = scan([library])
    articles = _by_title(result)
    seed = articles[SEED_TITLE]
    assert (seed.source, seed.date, seed.direction, seed.encoding) == (
        "أ ف ب-الامة برس", "2023-09-15", "rtl", "utf-8",
    )  # fmt: skip
    assert seed.words > 500
    english = articles["Kim visits fighter jet factory in Russia"]
    assert (english.direction, english.date, english.source) == ("ltr", "2023-09-16", "AFP")
    assert result.skipped == []


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n  ", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(library, name, content, reason):
    (library / name).write_bytes(content)
    result = scan([library])
    assert len(result.articles) == 2
    [skipped] = result.skipped
    assert skipped.path == str(library / name)
    assert reason in skipped.reason


def test_unreadable_file_is_skipped_not_fatal(library):
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    locked = library / "locked.txt"
    locked.write_text("title\n\nbody", encoding="utf-8")
    locked.chmod(0)
    result = scan([library])
    assert [s.path for s in result.skipped] == [str(locked)]
    assert "cannot read" in result.skipped[0].reason


def test_only_text_files_are_taken_from_folders(library):
    (library / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    (library / ".hidden.txt").write_text("secret\n\nx", encoding="utf-8")
    shutil.copy(SEED_FILE, library / "NO_EXTENSION")
    found = list(iter_files([library], []))
    names = sorted(os.path.basename(p) for p in found)
    assert names == ["000_0230be639b82ca88.txt", "NO_EXTENSION", "english.txt"]


def test_an_explicit_file_is_taken_whatever_its_name(tmp_path):
    odd = tmp_path / "article.text"
    shutil.copy(SEED_FILE, odd)
    assert [a.title for a in scan([odd]).articles] == [SEED_TITLE]


def test_nested_folders_and_symlink_loops(library):
    nested = library / "2023" / "سبتمبر"
    nested.mkdir(parents=True)
    shutil.copy(library / "english.txt", nested / "مقال جديد.txt")
    (nested / "loop").symlink_to(library, target_is_directory=True)
    (library / "self").symlink_to(library, target_is_directory=True)
    files = list(iter_files([library], []))
    assert len(files) == 3  # the loops end; each real folder is read once


def test_copies_of_one_article_are_listed_once(library):
    shutil.copy(SEED_FILE, library / "copy.txt")
    result = scan([library])
    assert len(result.articles) == 2
    [dup] = result.skipped
    assert dup.path.endswith("copy.txt") and "same article" in dup.reason


def test_missing_path_is_reported(tmp_path):
    result = scan([tmp_path / "nowhere"])
    assert result.articles == [] and "no such" in result.skipped[0].reason


def test_id_survives_rename_and_move(library, tmp_path):
    before = load_entry(str(library / SEED_FILE.name))
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    shutil.move(library / SEED_FILE.name, moved)
    after = load_entry(str(moved))
    assert isinstance(before, ArticleMeta) and isinstance(after, ArticleMeta)
    assert after.id == before.id and after.path != before.path


def test_cache_reuses_unchanged_files_and_rereads_changed_ones(library, tmp_path):
    cache = Index(tmp_path / "index.sqlite")
    scan([library], cache)
    english = library / "english.txt"
    stamp = os.stat(english)
    # Same size and mtime: the cache answers, so the new text is not seen (not re-read).
    english.write_text(ENGLISH_ARTICLE.replace("Kim visits", "Kim VISITS"), encoding="utf-8")
    os.utime(english, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert "Kim visits fighter jet factory in Russia" in _by_title(scan([library], cache))
    # A new mtime: re-read.
    os.utime(english, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))
    (library / "empty.txt").write_bytes(b"")
    third = scan([library], cache)
    assert "Kim VISITS fighter jet factory in Russia" in _by_title(third)
    assert [s.reason for s in third.skipped] == ["empty file"]
    # Skipped files are remembered too; deleted files leave the cache.
    assert str(library / "empty.txt") in {s.path for s in Catalog(cache).skipped()}
    english.unlink()
    scan([library], cache)
    assert str(english) not in listed_paths(cache)
    cache.close()


def test_a_file_that_vanished_is_skipped(tmp_path):
    entry = load_entry(str(tmp_path / "gone.txt"))
    assert isinstance(entry, Skipped) and entry.reason.startswith("cannot read")


def test_damaged_cache_is_rebuilt(library, tmp_path):
    path = tmp_path / "index.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    cache = Index(path)
    assert len(scan([library], cache).articles) == 2
    cache.close()


def test_cancel_stops_early(library):
    import threading

    cancel = threading.Event()
    cancel.set()
    result = scan([library], cancel=cancel)
    assert result.cancelled and result.articles == []


def test_sync_reports_cached_then_changes_and_removals(library):
    index = Index(paths.index_path([library]))
    scan([library], index)
    calls = []
    (library / "new.txt").write_text("خبر جديد\n\nنص الخبر الجديد.\n", "utf-8")
    (library / "english.txt").unlink()
    sync(
        [library], index,
        on_cached=lambda: calls.append(("cached",)),
        on_update=lambda e, removed, done, total: calls.append(
            ("update", sorted(x.path for x in e), removed, done, total)),
    )  # fmt: skip
    index.close()
    english = str(library / "english.txt")
    assert calls[0] == ("cached",)
    assert calls[1] == ("update", [], [english], 0, 1)
    assert calls[2] == ("update", [str(library / "new.txt")], [], 1, 1)


def test_a_first_index_shows_its_first_files_at_once_then_writes_in_larger_transactions(
    tmp_path,
):
    import reader.library.sync as library_module

    folder = tmp_path / "many"
    folder.mkdir()
    count = 450  # read in one process, in batches of 100
    for n in range(count):
        (folder / f"{n:04}.txt").write_text(f"خبر رقم {n}\n\nنص الخبر رقم {n} هنا.\n", "utf-8")
    index = Index(paths.index_path([folder]))
    done: list[int] = []
    sync([folder], index, workers=1, on_update=lambda _e, _r, d, _t: done.append(d))
    listed = len(list(Catalog(index).articles(ViewSpec(grouped=False))))
    index.close()
    # The first batch alone; the rest together (fewer than a transaction's worth left).
    assert done == [library_module._CHUNK, count]
    assert listed == count


def test_many_files_are_read_by_worker_processes(tmp_path):
    import reader.library.sync as library_module

    folder = tmp_path / "many"
    folder.mkdir()
    count = library_module.POOL_THRESHOLD + 10
    for n in range(count):
        (folder / f"{n:04}.txt").write_text(f"خبر رقم {n}\n\nنص الخبر رقم {n} هنا.\n", "utf-8")
    result = scan([folder], workers=2)
    assert len(result.articles) == count and result.skipped == []
    assert {a.title for a in result.articles} == {f"خبر رقم {n}" for n in range(count)}


def test_entries_come_back_from_worker_processes_as_read(library):
    import reader.library.sync as library_module

    (library / "empty.txt").write_bytes(b"")
    paths = sorted(iter_files([library], []))
    packed = library_module._read_packed(paths)
    assert library_module._unpack(packed) == library_module.read_entries(paths)
    assert any(isinstance(i.entry, Skipped) for i in library_module._unpack(packed))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_reading_ahead_gives_every_path_and_waits_on_no_pipe(library, tmp_path):
    # A batch's files are asked of the kernel before they are read; a named pipe put where
    # a file was, a file gone or a folder is passed on as it is (read_entry says why), and
    # opening the pipe to advise on it must not wait for a writer.
    import threading

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    files = sorted(iter_files([library], []))
    odd = [str(tmp_path / name) for name in ("pipe.txt", "gone.txt", "folder.txt")]
    paths = odd + files * (2 * READ_AHEAD // len(files) + 1)  # more than it reads ahead
    given: list[str] = []
    reading = threading.Thread(target=lambda: given.extend(read_ahead(paths)), daemon=True)
    reading.start()
    reading.join(timeout=20)
    assert not reading.is_alive(), "blocked on the named pipe"
    assert given == paths


def test_a_huge_article_is_read_again_by_the_process_receiving_the_batch(library, monkeypatch):
    import reader.library.sync as library_module

    monkeypatch.setattr(library_module, "_SHIP_MAX_CHARS", 1000)
    paths = sorted(iter_files([library], []))
    packed = library_module._read_packed(paths)
    assert {kind for kind, *_ in packed} == {"r", "a"}  # the seed is long, the other short
    assert library_module._unpack(packed) == library_module.read_entries(paths)


def test_numpy_is_imported_by_a_common_word_not_by_listing_the_library(tmp_path):
    # numpy costs ~70 ms of imports: the window's first list must not pay them. cap=0 makes
    # the title's word too common to rank, as a word in most of a million articles is.
    import subprocess
    import sys

    shutil.copy(SEED_FILE, tmp_path / "a.txt")
    code = f"""
import sys
from reader.library.catalog import Catalog, ViewSpec
from reader.library.index import Index
from reader.library.sync import sync
from reader.text.fts import compile_query
from reader.text.query import parse_query
index = Index({str(tmp_path / "index.sqlite")!r})
sync([{str(tmp_path)!r}], index)
catalog = Catalog(index)
assert catalog.view(ViewSpec()).articles == 1
print("numpy" in sys.modules)
match = compile_query(parse_query("{SEED_TITLE.split()[0]}"), index.terms())
hits = index.search(match, cap=0)
assert not hits.ranked and catalog.view(ViewSpec(hits=hits)).articles == 1
print("numpy" in sys.modules)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", "True"]
