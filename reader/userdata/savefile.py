"""Atomic writes for every file the user owns (exports, backups). Qt-free.

Like QSaveFile: the text goes to a temporary file in the target's folder, is flushed to disk,
and only then renamed over the target. A crash or a failed write never leaves a half-written
file, and the old file stays as it was. (Pure Python so that the store can use it too.)
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


class SaveError(OSError):
    pass


@contextlib.contextmanager
def savefile_open(path: str | Path) -> Iterator[io.StringIO]:
    """Yield a text buffer; its content replaces ``path`` atomically when the block ends.

    On an exception inside the block nothing is written; if the write or the final rename
    fails, SaveError says why and the old file is left as it was.
    """
    buffer = io.StringIO()
    yield buffer
    write_atomically(path, buffer.getvalue().encode("utf-8"))


def write_atomically(path: str | Path, data: bytes) -> None:
    target = Path(path)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as err:
        raise SaveError(f"cannot write {target}: {err.strerror or err}") from err
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):  # keep an existing file's permissions
            os.chmod(temp, os.stat(target).st_mode & 0o777)
        os.replace(temp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise SaveError(f"cannot save {target}: {err.strerror or err}") from err
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders can't be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
