"""Walking a library's folders for article files: stable order, no symlink loops. Qt-free."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.library.entries import Skipped, is_candidate

__all__ = ["absolute", "iter_files"]


def absolute(paths: Iterable[str | Path]) -> list[str]:
    """The folders and files of a library as it is known by: absolute, ``~`` expanded."""
    return [os.path.abspath(os.path.expanduser(p)) for p in paths]


def iter_files(
    paths: Iterable[str | Path], skipped: list[Skipped], folders: dict[str, int] | None = None
) -> Iterator[str]:
    """Yield article files under ``paths`` in a stable order; problems go to ``skipped``, and
    each folder read, with its mtime, to ``folders``.

    Symlinked folders are followed, but each real folder is visited once, so a link loop ends.
    Files named explicitly are taken whatever their extension.
    """
    visited: set[tuple[int, int]] = set()
    yielded: set[str] = set()  # roots may overlap: a folder and a file inside it
    for root in absolute(paths):
        if os.path.isfile(root):
            if root not in yielded:
                yielded.add(root)
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
                if folders is not None:
                    folders[folder] = info.st_mtime_ns
            except OSError as err:
                skipped.append(Skipped(folder, f"cannot open folder: {err.strerror or err}"))
                continue
            subfolders = []
            for entry in entries:
                try:
                    if entry.is_dir():
                        if not entry.name.startswith("."):
                            subfolders.append(entry.path)
                    elif entry.is_file() and is_candidate(entry.name) and entry.path not in yielded:
                        yielded.add(entry.path)
                        yield entry.path
                except OSError:
                    continue
            stack.extend(reversed(subfolders))
