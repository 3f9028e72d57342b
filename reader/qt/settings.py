"""Every preference, declared once with its type and default, stored as INI in the data dir."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 48


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    minimum: float | None = None
    maximum: float | None = None


FONT_SIZE = Setting[int]("reading/font_size", int, 16, MIN_FONT_SIZE, MAX_FONT_SIZE)
FONT_FAMILY = Setting[str]("reading/font_family", str, "Amiri")
LINE_SPACING = Setting[float]("reading/line_spacing", float, 1.9, 1.4, 2.6)
PAGE_WIDTH = Setting[int]("reading/page_width", int, 36, 0, 80)  # ems; 0: the whole width
THEME = Setting[str]("view/theme", str, "system")
LANGUAGE = Setting[str]("view/language", str, "")  # "": follow the system
ARABIC_DIGITS = Setting[bool]("view/arabic_indic_digits", bool, False)
HIJRI_DATES = Setting[bool]("view/hijri_dates", bool, False)  # meta line and a list column
# One row per story, its versions under it (False: every article on its own row)
GROUP_STORIES = Setting[bool]("view/group_stories", bool, True)
WINDOW_GEOMETRY = Setting[QByteArray]("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting[QByteArray]("window/state", QByteArray, QByteArray())
SPLITTER_STATE = Setting[QByteArray]("window/splitter", QByteArray, QByteArray())
LIST_HEADER_STATE = Setting[QByteArray]("window/list_header", QByteArray, QByteArray())
LAST_ARTICLE = Setting[str]("library/last_article", str, "")
LAST_LIBRARY = Setting[list]("library/paths", list, [])
# Each entry: one library, its folders joined by newlines (a folder name holds no newline).
RECENT_LIBRARIES = Setting[list]("library/recent", list, [])
MAX_RECENT = 8
BOOKMARKS_ONLY = Setting[bool]("library/bookmarks_only", bool, False)
EXACT_SPELLING = Setting[bool]("search/exact_spelling", bool, False)  # "match spelling exactly"


class Settings:
    def __init__(self, path: str | Path) -> None:
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        raw: Any = self._qsettings.value(setting.key, setting.default)
        try:
            value = self._convert(setting, raw)
        except (TypeError, ValueError):
            return setting.default
        if setting.minimum is not None and value < setting.minimum:
            return type(value)(setting.minimum)
        if setting.maximum is not None and value > setting.maximum:
            return type(value)(setting.maximum)
        return value

    @staticmethod
    def _convert(setting: Setting[T], raw: Any) -> Any:
        if setting.type is list:
            # QSettings hands back a bare string for a one-item list, None for an empty one.
            if raw is None or raw == "":
                return []
            return [str(item) for item in raw] if isinstance(raw, list | tuple) else [str(raw)]
        if setting.type is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
        if setting.type is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray()
        return setting.type(raw)

    def set(self, setting: Setting[T], value: T) -> None:
        self._qsettings.setValue(setting.key, value)

    def sync(self) -> None:
        self._qsettings.sync()
