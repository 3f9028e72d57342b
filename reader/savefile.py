"""Atomic writes for every file the user owns.

QSaveFile writes to a temporary file and renames it over the target only on ``commit()``, so a
crash or a failed write never leaves a half-written export or backup behind.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile


class SaveError(OSError):
    pass


@contextlib.contextmanager
def savefile_open(path: str | Path) -> Iterator[io.StringIO]:
    """Yield a text buffer; its content replaces ``path`` atomically when the block ends.

    On an exception inside the block nothing is written; if the write or the final rename fails,
    SaveError says why and the old file is left as it was.
    """
    buffer = io.StringIO()
    yield buffer
    data = buffer.getvalue().encode("utf-8")
    target = QSaveFile(str(path))
    if not target.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveError(f"cannot write {path}: {target.errorString()}")
    if target.write(data) != len(data):
        message = target.errorString()
        target.cancelWriting()
        target.commit()
        raise SaveError(f"cannot write {path}: {message}")
    if not target.commit():
        raise SaveError(f"cannot save {path}: {target.errorString()}")
