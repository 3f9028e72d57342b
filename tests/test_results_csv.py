"""Search results out as CSV: `--search QUERY --csv` and File › Export Results…, the same
table, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from reader.app import main
from reader.library.results import RESULT_FIELDS
from reader.qt import paths
from reader.qt.actions import ActionId
from reader.qt.models import Column

from gui_helpers import close_window, open_window, type_text

HOSTILE_TITLE = '=HYPERLINK("http://evil.example","\u202eالنفط")'
ARTICLES = {
    "prices.txt": ("أسعار النفط ترتفع في آسيا", "الرياض (أ ف ب)", "2023-01-02",
                   "ارتفعت أسعار النفط اليوم. وقال محللون إن النفط سيبقى مرتفعا."),
    "opec.txt": ("أوبك تبحث الإنتاج", "رويترز", "2023-02-03",
                 "تجتمع أوبك الأسبوع المقبل لبحث إنتاج النفط في الربع الثاني."),
    "hostile.txt": (HOSTILE_TITLE, "أ ف ب", "2023-03-04",
                    "@SUM(1+1) خبر عن النفط والغاز في المنطقة."),
    "gold.txt": ("الذهب يتراجع", "أ ف ب", "2023-04-05",
                 "تراجع الذهب في التعاملات المبكرة بينما استقر النفط."),
}  # fmt: skip


@pytest.fixture
def oil(library):
    for name, (title, source, date, body) in ARTICLES.items():
        (library / name).write_text(f"{title}\n{source}\n{date}\n\n{body}\n", "utf-8")
    return library


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["qari", "--data-dir", str(paths.data_dir()), *args])
    return code, capsys.readouterr().out


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # a spreadsheet then reads the file as UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == RESULT_FIELDS
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_search_csv_is_the_json_results_in_their_order(capsys, oil):
    code, out = run(capsys, "--search", "النفط", "--json", str(oil))
    assert code == 0
    by_json = [json.loads(line) for line in out.splitlines()]
    code, out = run(capsys, "--search", "النفط", "--csv", str(oil))
    assert code == 0
    rows = read_csv(out)
    assert [r["path"] for r in rows] == [j["path"] for j in by_json]
    assert len(rows) == 4
    assert [r["score"] for r in rows] == ["1", "2", "3", "4"]  # the rank, best first
    assert [r["id"] for r in rows] == [j["id"] for j in by_json]
    prices = next(r for r in rows if r["path"].endswith("prices.txt"))
    assert prices["title"] == "أسعار النفط ترتفع في آسيا"  # Arabic intact
    assert (prices["agency"], prices["date"]) == ("أ ف ب", "2023-01-02")
    for row, line in zip(rows, by_json, strict=True):
        for name in ("title", "source", "publication", "agency", "dateline", "author", "date"):
            assert row[name].removeprefix("'") == (line[name] or "")  # ' defuses a formula
    assert all("النفط" in r["snippet"] for r in rows)
    gold = next(r for r in rows if r["path"].endswith("gold.txt"))
    assert gold["snippet"] == "… الذهب في التعاملات المبكرة بينما استقر النفط."  # cut before


def test_hostile_titles_and_text_stay_inert(capsys, oil):
    _, out = run(capsys, "--search", "النفط", "--csv", str(oil))
    hostile = next(r for r in read_csv(out) if r["path"].endswith("hostile.txt"))
    assert hostile["title"] == "'" + HOSTILE_TITLE.replace("\u202e", "")
    assert hostile["snippet"].startswith("'@SUM")
    assert "\u202e" not in out


def test_nothing_found_is_a_header_only(capsys, oil):
    code, out = run(capsys, "--search", "كلمةغيرموجودة", "--csv", str(oil))
    assert code == 0 and read_csv(out) == []


def test_csv_and_json_together_are_refused(capsys, oil):
    with pytest.raises(SystemExit) as exit_:
        main(["qari", "--search", "النفط", "--csv", "--json", str(oil)])
    assert exit_.value.code == 2


@pytest.mark.gui
def test_export_results_writes_the_rows_shown_in_their_order(qtbot, oil, tmp_path, monkeypatch):
    target = tmp_path / "out" / "results"  # no extension typed: .csv is added
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window = open_window(qtbot, oil)
    window.search_box.setFocus()
    with qtbot.waitSignal(window.search_box.search_requested, timeout=3000):
        type_text(window.search_box, "النفط")
    model = window.model
    ranks = {model.meta(row).path: row + 1 for row in range(model.rowCount())}  # best first
    assert len(ranks) == 4
    agencies = window.filters.agency
    agencies.setCurrentIndex(agencies.findData("أ ف ب"))
    window.list.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    shown = [model.meta(row).path for row in range(model.rowCount())]
    assert len(shown) == 3  # Reuters' article is filtered out
    window.actions_[ActionId.EXPORT_RESULTS].trigger()
    rows = read_csv(target.with_suffix(".csv").read_text("utf-8"))
    assert [r["path"] for r in rows] == shown
    # Each keeps its rank in the whole search, whatever the list's sort and filters.
    assert [int(r["score"]) for r in rows] == [ranks[path] for path in shown]
    assert all("النفط" in r["snippet"] for r in rows)
    assert {r["agency"] for r in rows} == {"أ ف ب"}
    close_window(window)
