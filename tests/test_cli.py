"""The headless commands, run in-process through main() and once as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import main
from reader.qt import paths
from reader.userdata.store import UserStore

from conftest import SEED_TITLE, too_broad_search

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["qari", "--data-dir", str(paths.data_dir()), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_has_every_field(capsys, library):
    (library / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, out, _ = run(capsys, "--list", "--json", str(library))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    articles = [r for r in rows if "skipped" not in r]
    assert {r["title"] for r in articles} == {
        SEED_TITLE,
        "Kim visits fighter jet factory in Russia",
    }
    seed = next(r for r in articles if r["title"] == SEED_TITLE)
    assert set(seed) == {
        "id",
        "path",
        "title",
        "source",
        "publication",
        "agency",
        "dateline",
        "author",
        "date",
        "direction",
        "words",
        "bookmarked",
        "story",
    }
    assert (seed["date"], seed["direction"], seed["bookmarked"]) == ("2023-09-15", "rtl", False)
    assert seed["source"] == "أ ف ب-الامة برس" and seed["words"] > 500
    # The source line's parts, and null where the line names none.
    assert (seed["publication"], seed["agency"]) == ("الامة برس", "أ ف ب")
    assert (seed["dateline"], seed["author"]) == (None, None)
    assert rows[-1]["path"].endswith("broken.txt") and "binary" in rows[-1]["skipped"]


def test_list_defaults_to_the_bundled_articles(capsys):
    code, out, _ = run(capsys, "--list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(list((ROOT / "resources" / "articles").glob("*.txt")))
    assert any(SEED_TITLE in line and "2023-09-15" in line for line in lines)


def test_list_shows_bookmarks(capsys, library):
    _, out, _ = run(capsys, "--list", "--json", str(library))
    seed = next(json.loads(x) for x in out.splitlines() if SEED_TITLE in x)
    store = UserStore(paths.user_store_path())
    store.add_bookmark(seed["id"], seed["title"], seed["path"])
    store.close()
    _, out, _ = run(capsys, "--list", str(library))
    seed_line = next(line for line in out.splitlines() if SEED_TITLE in line)
    assert seed_line.startswith("★")


def test_terminal_output_carries_no_control_characters(capsys, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    title = "\x1b[31mRED\x07 \u202eخبر\u202c \x9b2J"
    (folder / "evil\x1b[2J.txt").write_text(f"{title}\n\nنص الخبر هنا.\n", encoding="utf-8")
    for extra in ([], ["--json"]):
        _, out, _ = run(capsys, "--list", *extra, str(folder))
        assert out.strip()
        for bad in ("\x1b", "\x07", "\u202e", "\u202c", "\x9b"):
            assert bad not in out, (extra, repr(out))
    _, out, _ = run(capsys, "--list", "--json", str(folder))
    assert json.loads(out)["title"] == "[31mRED خبر 2J"


def test_export_and_import_bookmarks(capsys, library, tmp_path):
    store = UserStore(paths.user_store_path())
    store.add_bookmark("abc", "كيم", "/old/place.txt")
    store.close()
    code, out, _ = run(capsys, "--export-bookmarks", "-")
    assert code == 0
    [bookmark] = json.loads(out)["bookmarks"]
    assert set(bookmark) == {"id", "title", "path", "created"} and bookmark["title"] == "كيم"

    exported = tmp_path / "bookmarks.json"
    assert run(capsys, "--export-bookmarks", str(exported))[0] == 0
    other = tmp_path / "other-profile"
    code = main(["qari", "--data-dir", str(other), "--import-bookmarks", str(exported)])
    assert code == 0 and "1 bookmark(s) added" in capsys.readouterr().out
    paths.set_data_dir(other)
    assert UserStore(paths.user_store_path()).bookmarked_ids() == {"abc"}


@pytest.mark.parametrize("content", [b"{not json", b'{"bookmarks": [{"no": "id"}]}', b"\xff\xfe"])
def test_bad_import_file_is_reported_and_changes_nothing(capsys, tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, _, err = run(capsys, "--import-bookmarks", str(bad))
    assert code == 1 and err.startswith("qari: ")
    assert UserStore(paths.user_store_path()).bookmarks() == []


def test_import_of_a_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "--import-bookmarks", str(tmp_path / "nope.json"))
    assert code == 1 and "nope.json" in err


def test_main_py_runs_as_a_program(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), "--list", "--json"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["title"] == SEED_TITLE
    version = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True,
        env=env, timeout=60, check=False,
    )  # fmt: skip
    assert version.returncode == 0 and version.stdout.startswith("qari ")


def test_unknown_option_is_an_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["qari", "--list", "--no-such-option"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_search_prints_matches_best_first(capsys, library):
    (library / "putin.txt").write_text(
        "الرئيس بوتين يستقبل كيم\nرويترز\n2023-09-13\n\nنص قصير.\n", "utf-8"
    )
    code, out, _ = run(capsys, "--search", "الرئيس", "--json", str(library))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["title"] for r in rows] == ["الرئيس بوتين يستقبل كيم", SEED_TITLE]  # title first
    assert set(rows[0]) == {"id", "path", "title", "source", "publication", "agency",
                            "dateline", "author", "date", "direction", "words",
                            "bookmarked", "story"}  # fmt: skip
    code, out, _ = run(capsys, "--search", "كلمةغيرموجودة", str(library))
    assert code == 0 and out == ""
    code, out, _ = run(capsys, "--search", '"**(', str(library))  # nothing searchable: no error
    assert code == 0 and out == ""


def test_search_near_and_exact(capsys, library):
    (library / "far.txt").write_text(
        "خبر\nرويترز\n2023-09-13\n\nكيم " + "كلمة " * 10 + "بوتين.\n", "utf-8"
    )
    (library / "hamza.txt").write_text("زيارة إسرائيل\nرويترز\n2023-09-12\n\nنص.\n", "utf-8")
    (library / "plain.txt").write_text("زيارة اسرائيل\nرويترز\n2023-09-11\n\nنص.\n", "utf-8")
    # The seed has بوتين and بكيم a few words apart; far.txt eleven words apart.
    code, out, _ = run(capsys, "--search", '"كيم بوتين"~5', "--json", str(library))
    assert code == 0 and [json.loads(line)["title"] for line in out.splitlines()] == [SEED_TITLE]
    code, out, _ = run(capsys, "--search", '"بوتين كيم"~11', "--json", str(library))
    assert {json.loads(line)["title"] for line in out.splitlines()} == {SEED_TITLE, "خبر"}
    code, out, _ = run(capsys, "--search", "إسرائيل", "--exact", "--json", str(library))
    assert code == 0 and [json.loads(line)["title"] for line in out.splitlines()] == [
        "زيارة إسرائيل"
    ]
    code, out, _ = run(capsys, "--search", "إسرائيل", "--json", str(library))
    assert {json.loads(line)["title"] for line in out.splitlines()} == {
        "زيارة إسرائيل", "زيارة اسرائيل"
    }  # fmt: skip


def test_a_search_too_broad_to_run_is_an_error(capsys, tmp_path):
    folder = tmp_path / "news"
    query = too_broad_search(folder)
    code, out, err = run(capsys, "--search", query, str(folder))
    assert code == 1 and out == "" and "forms to look for" in err


# Source lines as real archives write them, with the parts --list --json must give.
BYLINES = [
    ("واشنطن - أ ف ب-الرياض", ("الرياض", "أ ف ب", "واشنطن", None)),
    ("لندن: «الشرق الأوسط»", ("الشرق الأوسط", None, "لندن", None)),
    ("فهد العتيبي- سبق- الرياض :", ("سبق", None, "الرياض", "فهد العتيبي")),
    ("رويترز", (None, "رويترز", None, None)),
    ("(أ.ف.ب)", (None, "أ ف ب", None, None)),
]


def test_list_json_gives_the_source_lines_parts(capsys, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for n, (byline, _) in enumerate(BYLINES):
        (folder / f"{n}.txt").write_text(
            f"عنوان الخبر رقم {n}\n{byline}\n2023-09-{n + 10}\n\nنص الخبر {n} هنا.\n", "utf-8"
        )
    code, out, _ = run(capsys, "--list", "--json", str(folder))
    assert code == 0
    rows = {r["source"]: r for r in map(json.loads, out.splitlines())}
    for byline, parts in BYLINES:
        row = rows[byline]
        assert (row["publication"], row["agency"], row["dateline"], row["author"]) == parts


def test_a_search_finds_the_source_line(capsys, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان أول\nلندن - رويترز\n2023-09-10\n\nنص.\n", "utf-8")
    (folder / "b.txt").write_text("عنوان ثان\nفرانس برس\n2023-09-11\n\nنص.\n", "utf-8")
    (folder / "c.txt").write_text("عنوان ثالث\nواس\n2023-09-12\n\nنص.\n", "utf-8")
    for query, titles in (
        ("رويترز", ["عنوان أول"]),
        ("أ ف ب", ["عنوان ثان"]),
        ("لندن", ["عنوان أول"]),
    ):
        code, out, _ = run(capsys, "--search", query, "--json", str(folder))
        assert code == 0 and [json.loads(line)["title"] for line in out.splitlines()] == titles


def _titles(out: str) -> list[str]:
    return [line.split("\t")[2] for line in out.splitlines()]


def test_a_search_sees_files_added_removed_and_renamed_since_the_library_was_read(capsys, library):
    assert run(capsys, "--list", str(library))[0] == 0
    code, out, _ = run(capsys, "--search", "زلزال", str(library))
    assert code == 0 and out == ""
    sub = library / "2024" / "05"
    sub.mkdir(parents=True)  # a new folder, a level down
    (sub / "quake.txt").write_text("زلزال في الشمال\nرويترز\n2024-05-01\n\nنص.\n", "utf-8")
    assert _titles(run(capsys, "--search", "زلزال", str(library))[1]) == ["زلزال في الشمال"]
    (sub / "quake.txt").rename(sub / "renamed.txt")
    code, out, _ = run(capsys, "--search", "زلزال", str(library))
    assert out.splitlines()[0].endswith(str(sub / "renamed.txt"))
    (sub / "renamed.txt").unlink()
    assert run(capsys, "--search", "زلزال", str(library))[1] == ""


def test_a_search_answers_from_the_index_of_an_unchanged_library(capsys, library):
    # No folder changed: no file is read or even looked at, so text rewritten in place (the
    # folder's mtime kept) is only seen once the library is read in full again.
    assert run(capsys, "--list", str(library))[0] == 0
    english = library / "english.txt"
    folder = os.stat(library)
    english.write_text(english.read_text("utf-8").replace("Kim", "Zelensky"), "utf-8")
    os.utime(library, ns=(folder.st_atime_ns, folder.st_mtime_ns))
    assert run(capsys, "--search", "Zelensky", str(library))[1] == ""
    assert run(capsys, "--list", str(library))[0] == 0
    assert len(_titles(run(capsys, "--search", "Zelensky", str(library))[1])) == 1
