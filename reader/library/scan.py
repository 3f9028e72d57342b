"""Walking a library's folders for article files: stable order, no symlink loops. Qt-free."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.library.entries import Skipped, is_candidate

__all__ = [
    "CANNOT_OPEN_FOLDER", "NOT_UTF8_FILE", "NOT_UTF8_FOLDER", "NO_SUCH", "absolute", "is_utf8",
    "iter_files",
]  # fmt: skip

# A Linux name is bytes: one from an old archive (windows-1256, Latin-1) that is not UTF-8
# comes to Python with its bytes as surrogates, which neither SQLite nor a screen can hold.
# Such a file is listed as one the library cannot use, with what to do, and the rest is read.
NOT_UTF8_FILE = "its name is not UTF-8: rename it to read it (convmv converts names)"
NOT_UTF8_FOLDER = "the folder's name is not UTF-8: rename it to read the files in it"
NO_SUCH = "no such file or folder"
CANNOT_OPEN_FOLDER = "cannot open folder: "  # then the system's reason


def is_utf8(name: str) -> bool:
    """Whether a name (or a path) is text the index can keep."""
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
        if not is_utf8(root):
            reason = NOT_UTF8_FOLDER if os.path.isdir(root) else NOT_UTF8_FILE
            skipped.append(Skipped(root, reason))
            continue
        if os.path.isfile(root):
            if root not in yielded:
                yielded.add(root)
                yield root
            continue
        if not os.path.isdir(root):
            skipped.append(Skipped(root, NO_SUCH))
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
                skipped.append(Skipped(folder, f"{CANNOT_OPEN_FOLDER}{err.strerror or err}"))
                continue
            subfolders = []
            for entry in entries:
                try:
                    if entry.is_dir():
                        if entry.name.startswith("."):
                            continue
                        if is_utf8(entry.name):
                            subfolders.append(entry.path)
                        else:
                            skipped.append(Skipped(entry.path, NOT_UTF8_FOLDER))
                    elif entry.is_file() and is_candidate(entry.name) and entry.path not in yielded:
                        if not is_utf8(entry.name):
                            skipped.append(Skipped(entry.path, NOT_UTF8_FILE))
                            continue
                        yielded.add(entry.path)
                        yield entry.path
                except OSError:
                    continue
            stack.extend(reversed(subfolders))
