"""The one place that resolves where Qari keeps things.

Everything the user owns (bookmarks, settings) lives under ``data_dir()``; the rebuildable index
lives under ``cache_dir()``. ``set_data_dir`` (the ``--data-dir`` option, and every test) moves
both, so nothing ever touches the real profile by accident.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME

_override: Path | None = None

_SOURCE_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def set_data_dir(path: str | Path | None) -> None:
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def _standard(location: str) -> Path:
    # Qt is asked only when no override is in force: tests and --data-dir never load it
    # here, so the Qt-free parts can be tested without Qt in the process.
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(getattr(QStandardPaths.StandardLocation, location))
    # Without a QCoreApplication the location lacks the app name; add it ourselves.
    path = Path(found) if found else Path.home() / ".local" / "share"
    return path if path.name == APP_NAME else path / APP_NAME


def data_dir() -> Path:
    path = _override or _standard("AppDataLocation")
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    path = _override / "cache" if _override else _standard("CacheLocation")
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_store_path() -> Path:
    return data_dir() / "userdata.sqlite"


def journal_path() -> Path:
    """The store's journal (reader.userdata.journal), beside it: the same disk, but not the
    same file, so a damaged store leaves it readable."""
    from reader.userdata.journal import beside

    return beside(user_store_path())


def index_path(roots: Sequence[str | Path]) -> Path:
    """The index of the library made of these folders: one file per library, so that every
    row of it is the library's and the list's queries need no test of where a file lies."""
    import hashlib

    from reader.library.scan import absolute

    folders = sorted(set(absolute(roots)))
    name = hashlib.sha1("\n".join(folders).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / "indexes" / f"{name[:20]}.sqlite"


def backups_dir() -> Path:
    return data_dir() / "backups"


def settings_path() -> Path:
    return data_dir() / "settings.ini"


def resources_dir() -> Path:
    """The bundled resources: the source tree's resources/ or, once installed, reader/resources."""
    if _SOURCE_RESOURCES.is_dir():
        return _SOURCE_RESOURCES
    return Path(__file__).resolve().parents[1] / "resources"


def bundled_articles_dir() -> Path:
    return resources_dir() / "articles"


def icon_path() -> Path:
    return resources_dir() / "qari.svg"
