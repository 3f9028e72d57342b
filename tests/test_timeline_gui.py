"""The timeline above the list: bars for the counts, a drag chooses dates, a double-click
clears them; alone and in the window."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import QPoint, Qt

from reader.qt.models import Column
from reader.ui.timeline import TimelineBar

from gui_helpers import close_window, open_window

pytestmark = pytest.mark.gui

Left = Qt.MouseButton.LeftButton
DATES = ["2023-01-05", "2023-01-20", "2023-02-11", "2023-04-01", "2023-04-02", "2023-04-03"]


@pytest.fixture
def bar(qtbot):
    widget = TimelineBar()
    qtbot.addWidget(widget)
    widget.resize(400, 48)
    widget.set_view(dict.fromkeys(DATES, 1), ("2023-01-05", "2023-04-30"))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def centre(widget: TimelineBar, index: int) -> QPoint:
    left, right = widget.bucket_span(index)
    return QPoint(int((left + right) / 2), int(widget.plot_rect().center().y()))


def drag(qtbot, widget: TimelineBar, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Left, pos=start)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, Left, pos=end)


def test_bars_follow_the_counts(bar):
    keys = [b.key for b in bar.timeline.buckets]
    assert keys == ["2023-01", "2023-02", "2023-03", "2023-04"]
    rects = bar.bar_rects()
    heights = [r.height() for r in rects]
    assert heights[3] == pytest.approx(bar.plot_rect().height())  # the peak: three articles
    assert heights[0] == pytest.approx(heights[3] * 2 / 3)
    assert heights[2] == 0  # March kept, empty
    assert all(a.right() <= b.left() for a, b in itertools.pairwise(rects))
    assert bar.tooltip_at(centre(bar, 3).x()) == "2023-04 — articles: 3"
    image = bar.grab().toImage()
    highlight = bar.palette().color(bar.palette().ColorRole.Highlight).rgb()
    point = rects[3].center().toPoint()
    assert image.pixel(point) == highlight


def test_a_drag_chooses_the_buckets_it_crosses(qtbot, bar):
    with qtbot.waitSignal(bar.range_chosen) as chosen:
        drag(qtbot, bar, centre(bar, 1), centre(bar, 3))
    assert chosen.args == [dt.date(2023, 2, 1), dt.date(2023, 4, 30)]
    with qtbot.waitSignal(bar.range_chosen) as chosen:  # backwards, the same range
        drag(qtbot, bar, centre(bar, 3), centre(bar, 1))
    assert chosen.args == [dt.date(2023, 2, 1), dt.date(2023, 4, 30)]
    with qtbot.waitSignal(bar.range_chosen) as chosen:  # a click: its month
        qtbot.mouseClick(bar, Left, pos=centre(bar, 0))
    assert chosen.args == [dt.date(2023, 1, 1), dt.date(2023, 1, 31)]


def test_a_double_click_clears_and_chooses_nothing(qtbot, bar):
    chosen = []
    bar.range_chosen.connect(lambda *args: chosen.append(args))
    with qtbot.waitSignal(bar.cleared):
        qtbot.mouseDClick(bar, Left, pos=centre(bar, 2))
    qtbot.mouseRelease(bar, Left, pos=centre(bar, 2))
    # Whatever the first click of the pair chose, nothing is chosen after the clear.
    assert len(chosen) <= 1


def test_right_to_left_runs_time_from_the_right(qtbot, bar):
    ltr = bar.bar_rects()
    bar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    rtl = bar.bar_rects()
    assert rtl[0].left() > rtl[3].left()  # January at the right
    assert rtl[0].right() == pytest.approx(bar.plot_rect().right(), abs=1)  # less the hairline
    assert [r.height() for r in rtl] == [r.height() for r in ltr]
    with qtbot.waitSignal(bar.range_chosen) as chosen:
        drag(qtbot, bar, centre(bar, 0), centre(bar, 1))  # right to left on screen
    assert centre(bar, 0).x() > centre(bar, 1).x()
    assert chosen.args == [dt.date(2023, 1, 1), dt.date(2023, 2, 28)]


def _article(title: str, date: str) -> str:
    return f"{title}\nأ ف ب\n{date}\n\nنص الخبر عن {title} في هذا اليوم.\n"


def listed_dates(window) -> list[str]:
    return sorted(window.model.index(r, Column.DATE).data() for r in range(window.model.rowCount()))


def test_in_the_window_a_drag_sets_the_filter_and_a_double_click_clears_it(qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for n, date in enumerate(
        ["2023-01-10", "2023-02-14", "2023-03-03", "2023-05-20", "2023-06-01"]
    ):
        (folder / f"{n}.txt").write_text(_article(f"خبر رقم {n}", date), "utf-8")
    window = open_window(qtbot, folder)
    bar = window.timeline
    assert bar.isVisible()
    assert bar.timeline.buckets[0].key == "2023-01"
    assert [b.count for b in bar.timeline.buckets] == [1, 1, 1, 0, 1, 1]
    with qtbot.waitSignal(window.model.view_changed):
        drag(qtbot, bar, centre(bar, 1), centre(bar, 3))  # February to April
    filters = window.filters
    assert filters.use_dates.isChecked()
    assert filters.date_from.date().toPython() == dt.date(2023, 2, 1)
    assert filters.date_to.date().toPython() == dt.date(2023, 4, 30)
    assert listed_dates(window) == ["2023-02-14", "2023-03-03"]
    # The axis stays the library's; the bars are what is listed.
    assert [b.count for b in bar.timeline.buckets] == [0, 1, 1, 0, 0, 0]
    with qtbot.waitSignal(bar.cleared):
        qtbot.mouseDClick(bar, Left, pos=centre(bar, 5))
    qtbot.waitUntil(lambda: len(listed_dates(window)) == 5)
    assert not filters.use_dates.isChecked()
    assert filters.date_from.date().toPython() == dt.date(2023, 1, 10)  # the library's again
    assert [b.count for b in bar.timeline.buckets] == [1, 1, 1, 0, 1, 1]
    close_window(window)
