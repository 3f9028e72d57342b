"""File and folder names as real archives have them: on Linux a name is bytes, and an archive
unpacked from Windows or an old CD has names in windows-1256 or Latin-1 that are not UTF-8.
Those are listed as files the library cannot use, saying why; every other file is read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_library import scan

from reader.library.scan import NOT_UTF8_FILE, NOT_UTF8_FOLDER

from conftest import ENGLISH_ARTICLE, SEED_FILE, SEED_TITLE

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="only Linux names can be bytes that are not UTF-8"
)
ROOT = Path(__file__).resolve().parent.parent
ENGLISH_TITLE = ENGLISH_ARTICLE.splitlines()[0]


def _named(folder: Path, name: bytes) -> Path:
    """The path of ``name`` (raw bytes) in ``folder``, as os.scandir would give it."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


def _article(path: Path, text: str = ENGLISH_ARTICLE) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def archive(tmp_path: Path) -> dict[str, list[Path]]:
    """A library whose names come in every shape, each with what the scan makes of it."""
    root = tmp_path / "archive"
    root.mkdir()
    read = [
        shutil.copy(SEED_FILE, root / "مقال الرئيس.txt"),  # Arabic, UTF-8
        _article(root / "مقال\u00a0مع\u200cفاصل.txt", ENGLISH_ARTICLE.replace("Kim", "Kim 2")),
        _article(root / "cafe\u0301 NFD.txt", ENGLISH_ARTICLE.replace("Kim", "Kim 3")),
    ]
    utf8_folder = root / "أخبار 2024"
    utf8_folder.mkdir()
    read.append(_article(utf8_folder / "report.txt", ENGLISH_ARTICLE.replace("Kim", "Kim 4")))
    files = [
        _article(_named(root, "خبر عاجل.txt".encode("cp1256")), ENGLISH_ARTICLE.replace("K", "K5")),
        _article(_named(root, "café.txt".encode("latin-1")), ENGLISH_ARTICLE.replace("K", "K6")),
    ]
    bad_folder = _named(root, "أرشيف".encode("cp1256"))
    bad_folder.mkdir()
    _article(bad_folder / "inside.txt", ENGLISH_ARTICLE.replace("Kim", "K7"))
    return {"root": [root], "read": read, "bad files": files, "bad folders": [bad_folder]}


def test_names_that_are_not_utf8_are_listed_as_skipped_and_the_rest_read(archive):
    result = scan(archive["root"])
    assert sorted(a.path for a in result.articles) == sorted(str(p) for p in archive["read"])
    assert SEED_TITLE in {a.title for a in result.articles}
    reasons = {s.path: s.reason for s in result.skipped}
    assert reasons == {
        **{str(p): NOT_UTF8_FILE for p in archive["bad files"]},
        **{str(p): NOT_UTF8_FOLDER for p in archive["bad folders"]},
    }


def test_a_root_whose_name_is_not_utf8_is_skipped_with_its_reason(tmp_path):
    folder = _named(tmp_path, "مقالات".encode("cp1256"))
    folder.mkdir()
    _article(folder / "a.txt")
    lone_file = _article(_named(tmp_path, "مقال.txt".encode("cp1256")))
    result = scan([folder, lone_file])
    assert result.articles == []
    assert {s.path: s.reason for s in result.skipped} == {
        str(folder): NOT_UTF8_FOLDER,
        str(lone_file): NOT_UTF8_FILE,
    }


def test_renamed_to_utf8_the_file_is_read(archive):
    scan(archive["root"])
    bad = archive["bad files"][0]
    fixed = bad.with_name(os.fsencode(bad.name).decode("cp1256"))  # what convmv does
    bad.rename(fixed)
    result = scan(archive["root"])
    assert str(fixed) in {a.path for a in result.articles}
    assert str(bad) not in {s.path for s in result.skipped}


def test_the_command_line_lists_them_on_a_strict_utf8_terminal(archive, tmp_path):
    """Printed, a bad byte shows as U+FFFD; in JSON it is escaped, and json.loads and
    os.fsencode give the name's bytes back."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "QT_QPA_PLATFORM": "offscreen"}
    base = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / "data"), "--list"]
    root = str(archive["root"][0])
    text = subprocess.run([*base, root], env=env, capture_output=True, text=True, timeout=120)
    assert text.returncode == 0, text.stderr
    skipped = [line.split("\t") for line in text.stdout.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 3
    assert all("\ufffd" in path and reason in (NOT_UTF8_FILE, NOT_UTF8_FOLDER)
               for _, path, reason in skipped)  # fmt: skip
    assert SEED_TITLE in text.stdout
    as_json = subprocess.run([*base, "--json", root], env=env, capture_output=True, timeout=120)
    assert as_json.returncode == 0, as_json.stderr
    rows = [json.loads(line) for line in as_json.stdout.decode("utf-8").splitlines()]
    named = {os.fsencode(r["path"]) for r in rows if "skipped" in r}
    bad = archive["bad files"] + archive["bad folders"]
    assert named == {os.fsencode(p) for p in bad}
