from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from reader.qt import settings as S
from reader.qt.settings import Settings


def test_defaults_and_round_trip(tmp_path):
    s = Settings(tmp_path / "s.ini")
    assert s.get(S.FONT_SIZE) == S.FONT_SIZE.default
    s.set(S.FONT_SIZE, 22)
    s.set(S.FONT_FAMILY, "Noto Sans Arabic")
    s.sync()
    again = Settings(tmp_path / "s.ini")
    assert (again.get(S.FONT_SIZE), again.get(S.FONT_FAMILY)) == (22, "Noto Sans Arabic")


@pytest.mark.parametrize("value", [["/one/folder"], ["/a", "/b c"], []])
def test_lists_come_back_as_lists(tmp_path, value):
    s = Settings(tmp_path / "s.ini")
    s.set(S.LAST_LIBRARY, value)
    s.sync()
    assert Settings(tmp_path / "s.ini").get(S.LAST_LIBRARY) == value


@pytest.mark.parametrize("raw, expected", [("0", 8), ("500", 48), ("abc", 16), ("12", 12)])
def test_hand_edited_sizes_are_clamped(tmp_path, raw, expected):
    q = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    q.setValue(S.FONT_SIZE.key, raw)
    q.sync()
    assert Settings(tmp_path / "s.ini").get(S.FONT_SIZE) == expected
