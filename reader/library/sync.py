"""Bringing the index up to date with a library's files, in worker processes when many.

Qt-free: the GUI runs ``sync`` on a worker thread, the command line runs it directly.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from reader.library.entries import ArticleMeta, Indexed, Skipped
from reader.library.reading import iter_entries, read_entries, read_entry
from reader.library.scan import NO_SUCH, absolute, is_utf8, iter_files

__all__ = ["sync"]


class Store(Protocol):
    """What scanning needs of the index (reader.library.index.Index)."""

    def changes(
        self, roots: Sequence[str], found: Sequence[str]
    ) -> tuple[list[str], list[str]]: ...
    def put(self, items: Iterable[Indexed]) -> list[ArticleMeta | Skipped]: ...
    def remove(self, paths: Iterable[str]) -> list[int]: ...
    def link_stories(self) -> None: ...
    def remember_folders(self, roots: Sequence[str], folders: dict[str, int]) -> None: ...


# Between processes, entries travel as tuples of their fields: pickling dataclasses runs
# Python code for every object, tuples of strings and numbers are pickled in C.
_meta_fields = operator.attrgetter(*(f.name for f in dataclasses.fields(ArticleMeta)))
_skipped_fields = operator.attrgetter(*(f.name for f in dataclasses.fields(Skipped)))
# An article whose text for the index is longer than this is not sent back: unpickling its
# megabytes would hold the interpreter of the receiving process (the GUI's) in one call, so
# the process that receives the batch reads it again itself, in bounded slices.
_SHIP_MAX_CHARS = 1 << 20
_ARTICLE, _SKIPPED, _READ_HERE = "a", "s", "r"
_Packed = tuple[str, tuple, str, str, str, bytes, tuple] | tuple[str, tuple] | tuple[str, str]


def _read_packed(paths: Sequence[str], stories: bool = True) -> list[_Packed]:
    """read_entries in a worker process, packed for the way back (each as it is read)."""
    packed: list[_Packed] = []
    for item in iter_entries(paths, stories):
        if isinstance(item.entry, Skipped):
            packed.append((_SKIPPED, _skipped_fields(item.entry)))
        elif len(item.body_text) > _SHIP_MAX_CHARS:
            packed.append((_READ_HERE, item.entry.path))
        else:
            texts = (item.title_text, item.body_text, item.source_text, item.signature, item.bands)
            packed.append((_ARTICLE, _meta_fields(item.entry), *texts))
    return packed


def _unpack(packed: list[_Packed]) -> list[Indexed]:
    items: list[Indexed] = []
    for kind, *fields in packed:
        if kind == _ARTICLE:
            items.append(Indexed(ArticleMeta(*fields[0]), *fields[1:]))
        elif kind == _SKIPPED:
            items.append(Indexed(Skipped(*fields[0])))
        else:
            items.append(read_entry(fields[0]))
    return items


Update = Callable[[list[ArticleMeta | Skipped], list[str], int, int], None]

# Below this many files to read, worker processes cost more to start than they save.
POOL_THRESHOLD = 400
_CHUNK = 100
# Files per task of a worker process.
_POOL_CHUNK = 1000
# Files per store.put (one transaction), past the first batch (alone: the list shows files at
# once). FTS5 merges less the more a transaction holds: put rate on 30,000 articles 5,800/s
# in transactions of 1,000, 7,100/s of 4,000. The list then grows every second or so.
_TRANSACTION = 4000


def sync(
    roots: Sequence[str | Path],
    store: Store,
    on_cached: Callable[[], None] | None = None,
    on_update: Update | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
    report_missing: bool = True,
    stories: bool = True,
) -> bool:
    """Bring the index up to date with the files under ``roots``.

    First ``on_cached()`` says that the index, as last written, can be listed (a library
    opens at once from it); then ``on_update(entries, removed_paths, done, total)`` reports
    files read since and paths gone, in batches. Only files whose size or mtime changed are
    read; with many of them, ``workers`` processes (default: one per core) read them in
    parallel. Returns False if cancelled. ``stories=False`` leaves every article a story of
    its own (what the benchmarks measure grouping against).
    """
    roots = absolute(roots)
    if on_cached is not None:
        on_cached()
    problems: list[Skipped] = []
    folders: dict[str, int] = {}
    on_disk = list(iter_files(roots, problems, folders))
    roots = [r for r in roots if is_utf8(r)]  # the others are in problems: none is indexed
    if not report_missing:
        problems = [p for p in problems if p.reason != NO_SUCH]
    to_read, removed = store.changes(roots, on_disk)
    del on_disk  # a million paths: not kept while the files are read
    if removed:
        store.remove(removed)
    total = len(to_read)
    if on_update is not None and (removed or problems or not to_read):
        on_update(list(problems), removed, 0, total)

    done = 0
    for batch in _transactions(_read_batches(to_read, workers, stories), cancel):
        if cancel is not None and cancel.is_set():
            return False
        stored = store.put(batch)
        done += len(batch)
        if on_update is not None:
            on_update(stored, [], done, total)
    # Once, after the batches: grouping a first index at once is cheaper than file by file.
    store.link_stories()
    if folders:  # not for a look at single files (the watcher's): the folders' are kept
        store.remember_folders(roots, folders)
    return True


def _transactions(
    batches: Iterable[list[Indexed]], cancel: threading.Event | None
) -> Iterator[list[Indexed]]:
    """The first batch alone, then batches together up to _TRANSACTION files; a cancel
    ends the wait for more at once."""
    group: list[Indexed] = []
    for n, batch in enumerate(batches):
        group += batch
        if n == 0 or len(group) >= _TRANSACTION or (cancel is not None and cancel.is_set()):
            yield group
            group = []
    if group:
        yield group


def _read_batches(paths: list[str], workers: int | None, stories: bool) -> Iterator[list[Indexed]]:
    if workers is None:
        workers = os.cpu_count() or 1
    if workers <= 1 or len(paths) < POOL_THRESHOLD:
        chunks = [paths[i : i + _CHUNK] for i in range(0, len(paths), _CHUNK)]
        yield from (read_entries(chunk, stories) for chunk in chunks)
        return
    # Imported only for a pool: a small library (the window's first one) starts without them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [paths[i : i + _POOL_CHUNK] for i in range(0, len(paths), _POOL_CHUNK)]
    # "spawn": forking a process that runs Qt threads is unsafe.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for packed in pool.map(functools.partial(_read_packed, stories=stories), chunks):
            yield _unpack(packed)
