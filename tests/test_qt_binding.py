"""Guards the PySide6 version pin in pyproject.toml (see the comment there)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_their_reference_to_none():
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    # A binding that drops a reference per call crashes a long reading session.
    assert sys.getrefcount(None) >= before - 10
