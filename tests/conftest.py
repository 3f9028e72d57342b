"""Shared fixtures: headless Qt, a temporary data dir per test, library folders on disk."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Before anything imports Qt: no display needed, and no real profile touched.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest

from reader import paths

SEED = Path(__file__).resolve().parent.parent / "resources" / "articles"
SEED_FILE = SEED / "000_0230be639b82ca88.txt"
SEED_TITLE = "كيم يزور مصنع الطائرات المقاتلة في جولة في روسيا"

ENGLISH_ARTICLE = """Kim visits fighter jet factory in Russia
AFP
2023-09-16

Komsomolsk-on-Amur: North Korean leader Kim Jong Un visited a Russian military aviation plant.

He watched a test flight of a Su-35.
"""


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path):
    """Every test gets its own data and cache dirs."""
    folder = tmp_path / "data"
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library folder holding the seed (UTF-8) and an English article."""
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(SEED_FILE, folder / SEED_FILE.name)
    (folder / "english.txt").write_text(ENGLISH_ARTICLE, encoding="utf-8")
    return folder
