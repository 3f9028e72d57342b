"""Finding and reading the article files of a library (folders and single files).

Qt-free: the GUI runs ``scan`` on a worker thread, the command line runs it directly.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from reader.arabic import article_direction, single_line
from reader.article import Article, BlockKind, article_id, parse_article
from reader.decoding import DecodeError, read_text_file

TEXT_SUFFIXES = {".txt", ""}


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the list shows of an article; the text itself is re-read when it is opened."""

    id: str
    path: str
    title: str
    source: str
    date: str | None  # ISO YYYY-MM-DD
    direction: str  # "rtl" | "ltr"
    words: int
    encoding: str
    size: int = 0
    mtime_ns: int = 0


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str
    size: int = 0
    mtime_ns: int = 0


@dataclass
class ScanResult:
    articles: list[ArticleMeta] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    cancelled: bool = False


class Cache(Protocol):
    def lookup(self, path: str, size: int, mtime_ns: int) -> ArticleMeta | Skipped | None: ...
    def store(self, entries: Iterable[ArticleMeta | Skipped]) -> None: ...
    def forget_missing(self, roots: Iterable[str], seen: set[str]) -> None: ...


def _is_candidate(name: str) -> bool:
    if name.startswith("."):
        return False
    return os.path.splitext(name)[1].lower() in TEXT_SUFFIXES


def iter_files(paths: Iterable[str | Path], skipped: list[Skipped]) -> Iterator[str]:
    """Yield article files under ``paths`` in a stable order; problems go to ``skipped``.

    Symlinked folders are followed, but each real folder is visited once, so a link loop ends.
    Files named explicitly are taken whatever their extension.
    """
    visited: set[tuple[int, int]] = set()
    for given in paths:
        root = os.path.abspath(os.path.expanduser(given))
        if os.path.isfile(root):
            yield root
            continue
        if not os.path.isdir(root):
            skipped.append(Skipped(root, "no such file or folder"))
            continue
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                info = os.stat(folder)
                if (info.st_dev, info.st_ino) in visited:
                    continue
                visited.add((info.st_dev, info.st_ino))
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as err:
                skipped.append(Skipped(folder, f"cannot open folder: {err.strerror or err}"))
                continue
            subfolders = []
            for entry in entries:
                try:
                    if entry.is_dir():
                        if not entry.name.startswith("."):
                            subfolders.append(entry.path)
                    elif entry.is_file() and _is_candidate(entry.name):
                        yield entry.path
                except OSError:
                    continue
            stack.extend(reversed(subfolders))


def read_article(path: str | Path) -> Article:
    """Read, decode and parse one file; raises DecodeError or OSError with a reason."""
    return parse_article(read_text_file(path).text)


def load_entry(path: str) -> ArticleMeta | Skipped:
    try:
        info = os.stat(path)
        decoded = read_text_file(path)
    except DecodeError as err:
        return Skipped(path, str(err), *_stamp(path))
    except OSError as err:
        return Skipped(path, f"cannot read: {err.strerror or err}", *_stamp(path))
    article = parse_article(decoded.text)
    if not article.title and not article.blocks:
        return Skipped(path, "no text", info.st_size, info.st_mtime_ns)
    return ArticleMeta(
        id=article_id(article),
        path=path,
        title=single_line(article.title),
        source=single_line(article.source),
        date=article.date.isoformat() if article.date else None,
        direction=article_direction(
            [article.title, *(b.text for b in article.blocks if b.kind != BlockKind.CAPTION)]
        ),
        words=article.words,
        encoding=decoded.encoding,
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
    )


def _stamp(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_size, info.st_mtime_ns)


def scan(
    paths: Sequence[str | Path],
    cache: Cache | None = None,
    on_batch: Callable[[list[ArticleMeta], int, int], None] | None = None,
    cancel: threading.Event | None = None,
    batch_size: int = 500,
) -> ScanResult:
    """Load every article under ``paths``, re-reading only files the cache doesn't know as-is.

    ``on_batch(articles, done, total)`` is called as articles arrive. Two files holding the same
    article (same id) are listed once; the copy is reported as skipped.
    """
    result = ScanResult()
    files = list(iter_files(paths, result.skipped))
    seen_ids: dict[str, str] = {}
    batch: list[ArticleMeta] = []
    fresh: list[ArticleMeta | Skipped] = []
    for done, path in enumerate(files, 1):
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            break
        entry = None
        if cache is not None:
            size, mtime_ns = _stamp(path)
            entry = cache.lookup(path, size, mtime_ns)
        if entry is None:
            entry = load_entry(path)
            fresh.append(entry)
        if isinstance(entry, ArticleMeta) and entry.id in seen_ids:
            entry = Skipped(path, f"same article as {seen_ids[entry.id]}")
        if isinstance(entry, Skipped):
            result.skipped.append(entry)
        else:
            seen_ids[entry.id] = path
            result.articles.append(entry)
            batch.append(entry)
        if len(batch) >= batch_size or done == len(files):
            if on_batch is not None:
                on_batch(batch, done, len(files))
            batch = []
        if cache is not None and len(fresh) >= batch_size:
            cache.store(fresh)
            fresh = []
    if cache is not None:
        cache.store(fresh)
        if not result.cancelled:
            roots = [os.path.abspath(os.path.expanduser(p)) for p in paths]
            cache.forget_missing([r for r in roots if os.path.isdir(r)], set(files))
    return result
