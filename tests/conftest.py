"""Shared fixtures: headless Qt, a temporary data dir per test, library folders on disk."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Before anything imports Qt: no display needed, and no real profile touched.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest

from reader.qt import paths

SEED = Path(__file__).resolve().parent.parent / "resources" / "articles"
SEED_FILE = SEED / "000_0230be639b82ca88.txt"
SEED_TITLE = "كيم يزور مصنع الطائرات المقاتلة في جولة في روسيا"
# The seed's real paragraphs (not its header, caption line or navigation tail).
SEED_PARAGRAPHS = [
    line.strip() for line in SEED_FILE.read_text("utf-8").splitlines()[8:] if len(line.strip()) > 80
]


def long_body(chars: int, sep: str) -> str:
    """About ``chars`` characters of the seed's paragraphs, repeated, joined by ``sep``."""
    parts: list[str] = []
    size = 0
    while size < chars:
        for paragraph in SEED_PARAGRAPHS:
            parts.append(paragraph)
            size += len(paragraph) + 1
    return sep.join(parts)


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


def too_broad_search(folder: Path) -> str:
    """A library in ``folder`` whose words appear with every clitic, and a near query over
    five of them: more combinations of forms than a search may run (reader.text.fts)."""
    folder.mkdir()
    words = ["رئيس", "كيم", "روسيا", "بوتين", "جونغ"]
    body = " ".join(p + w for w in words for p in ["", "و", "ف", "ب", "ك", "ل", "ال", "بال"])
    (folder / "a.txt").write_text(f"عنوان\nرويترز\n2023-09-10\n\n{body}\n", "utf-8")
    return '"' + " ".join(words) + '"~9'
