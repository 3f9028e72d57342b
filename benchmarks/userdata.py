"""What it costs to keep every user action in two places: a bookmark toggled through the
store and its journal, against a bare SQLite commit of the same row (same schema, WAL,
``synchronous=FULL``) in the same run, on the same disk.

The variants take turns, one action each, so that a slow patch of the disk is shared among
them rather than landing on one. The folder matters: on a tmpfs an fsync costs nothing (give
``--dir`` a folder on the disk the data folder lives on).
"""

from __future__ import annotations

import itertools
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.userdata.journal import Journal
from reader.userdata.schema import MIGRATIONS, SCHEMA_VERSION
from reader.userdata.store import UserStore


def _bare(path: Path) -> Callable[[int], None]:
    """A bookmark toggled with one autocommit statement (after the same lookup the store
    makes): what SQLite alone costs."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    for step in sorted(MIGRATIONS):
        for statement in MIGRATIONS[step]:
            db.execute(statement)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def toggle(n: int) -> None:
        if db.execute("SELECT 1 FROM bookmarks WHERE id = ?", ("a1",)).fetchone():
            db.execute("DELETE FROM bookmarks WHERE id = ?", ("a1",))
        else:
            db.execute(
                "INSERT INTO bookmarks (id, title, path, created) VALUES (?, ?, ?, ?)",
                ("a1", "كيم يزور مصنع الطائرات", "/lib/a.txt", "2024-01-01T00:00:00+00:00"),
            )

    return toggle


def _timed(action: Callable[[int], object], n: int) -> float:
    start = time.perf_counter()
    action(n)
    return time.perf_counter() - start


def userdata(runs: int, folder: str | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="qari-bench-", dir=folder) as tmp:
        tmp = Path(tmp)
        journal = Journal(tmp / "journaled.journal.jsonl")
        store = UserStore(tmp / "journaled.sqlite", journal=journal)
        alone = UserStore(tmp / "alone.sqlite", journal=False)
        title, path = "كيم يزور مصنع الطائرات", "/lib/a.txt"
        variants: dict[str, Callable[[int], object]] = {
            "bare": _bare(tmp / "bare.sqlite"),
            "alone": lambda n: alone.toggle_bookmark("a1", title, path),
            "journaled": lambda n: store.toggle_bookmark("a1", title, path),
            "position": lambda n: store.set_position(f"p{n}", 0.5),
            "read": lambda n: store.set_read(f"r{n}"),
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for n in range(-3, 0):  # warm up: files created, pages cached
            for action in variants.values():
                action(n)
        for n, (name, action) in itertools.product(range(runs), variants.items()):
            times[name].append(_timed(action, n))
        lines = journal.path.read_bytes().count(b"\n")
        size = journal.path.stat().st_size / max(lines, 1)
        store.close()
        alone.close()
    median = {name: statistics.median(values) * 1000 for name, values in times.items()}
    base = median["bare"]

    def row(label: str, name: str) -> str:
        return f"  {label:<58}{median[name]:7.2f} ms  ({median[name] / base:.2f}x)"

    print(f"a user action, median of {runs} each (in {folder or tempfile.gettempdir()}):")
    print(f"  {'bare SQLite commit of a bookmark (WAL, synchronous=FULL)':<58}{base:7.2f} ms")
    print(row("Qari's store alone: toggle a bookmark", "alone"))
    print(row("Qari's store + journal: toggle a bookmark", "journaled"))
    print(row("  mark an article read (journaled)", "read"))
    print(row("  save a reading position (store only)", "position"))
    print(f"  journal record: {size:.0f} bytes on average")
