"""A slim timeline above the list: the shown articles per month (per day over a short
library), across the library's whole range. Drag across it to choose dates, double-click
to clear them.

Time follows the widget's layout direction: in a right-to-left interface the oldest bucket
is at the right, as the date pickers of Arabic news sites run, and a drag reads the same
way the list's dates do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reader.library.timeline import EMPTY, Timeline, count_dates

_HEIGHT = 48
_MARGIN = 4


class TimelineBar(QWidget):
    range_chosen = Signal(object, object)  # dt.date, dt.date: first and last day chosen
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(self.tr("Timeline of the listed articles"))
        self.setFixedHeight(_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the filter bar's dates take the keys
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.timeline: Timeline = EMPTY
        self._chosen: tuple[dt.date, dt.date] | None = None  # the date filter in force
        self._anchor: int | None = None  # the bucket a drag started on
        self._drag: tuple[int, int] | None = None

    def sizeHint(self) -> QSize:
        return QSize(240, _HEIGHT)

    def set_view(
        self,
        per_date: Mapping[str, int],
        bounds: tuple[str, str] | None,
        chosen: tuple[dt.date | None, dt.date | None] = (None, None),
    ) -> None:
        """Count the articles shown (``per_date``: date -> articles) over ``bounds`` (the
        library's first and last dates); ``chosen`` is the date filter in force, shaded."""
        first, last = bounds or (None, None)
        timeline = count_dates(per_date, first, last)
        start, end = chosen
        shaded = (start or dt.date.min, end or dt.date.max) if start or end else None
        if (timeline, shaded) == (self.timeline, self._chosen):
            return  # a new sort of the same articles: nothing to paint again
        self.timeline, self._chosen = timeline, shaded
        self.setVisible(bool(timeline.buckets))  # an undated library has no time to show
        self.update()

    # --- geometry (public for tests) -------------------------------------------------------

    def _label_height(self) -> float:
        return QFontMetricsF(self._label_font()).height()

    def plot_rect(self) -> QRectF:
        return QRectF(self.rect()).adjusted(_MARGIN, 3, -_MARGIN, -self._label_height() - 2)

    def bucket_span(self, index: int) -> tuple[float, float]:
        """Left and right x of a bucket."""
        return self._spans(self.plot_rect(), index, index + 1)[0]

    def _spans(self, plot: QRectF, start: int, stop: int) -> list[tuple[float, float]]:
        """Left and right x of the buckets ``start`` to ``stop`` (a paint asks for them all
        at once: the plot's rectangle comes from the font, and is measured once)."""
        width = plot.width() / max(1, len(self.timeline.buckets))
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            edge = plot.right()
            return [(edge - (i + 1) * width, edge - i * width) for i in range(start, stop)]
        edge = plot.left()
        return [(edge + i * width, edge + (i + 1) * width) for i in range(start, stop)]

    def bucket_at(self, x: float) -> int | None:
        n = len(self.timeline.buckets)
        if not n:
            return None
        plot = self.plot_rect()
        offset = (x - plot.left()) / plot.width() * n
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            offset = n - offset
        return min(n - 1, max(0, int(offset)))

    def bar_rects(self, plot: QRectF | None = None) -> list[QRectF]:
        """One rectangle per bucket, empty ones of no height."""
        plot = self.plot_rect() if plot is None else plot
        peak = self.timeline.peak or 1
        rects = []
        buckets = self.timeline.buckets
        for bucket, (left, right) in zip(buckets, self._spans(plot, 0, len(buckets)), strict=True):
            if right - left >= 3:
                right -= 1  # a hairline between bars wide enough to spare it
            height = plot.height() * bucket.count / peak
            if bucket.count:
                height = max(height, 1.5)  # one article still shows
            rects.append(QRectF(left, plot.bottom() - height, right - left, height))
        return rects

    def tooltip_at(self, x: float) -> str:
        index = self.bucket_at(x)
        if index is None:
            return ""
        bucket = self.timeline.buckets[index]
        return (
            self.tr("%1 — articles: %2").replace("%1", bucket.key).replace("%2", str(bucket.count))
        )

    # --- painting --------------------------------------------------------------------------

    def _label_font(self):
        font = self.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        return font

    def _shade(self, painter: QPainter, plot: QRectF, low: int, high: int, alpha: int) -> None:
        spans = [*self._spans(plot, low, low + 1), *self._spans(plot, high, high + 1)]
        left, right = min(s[0] for s in spans), max(s[1] for s in spans)
        color = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        color.setAlpha(alpha)
        painter.fillRect(QRectF(left, plot.top(), right - left, plot.height()), color)

    def _chosen_buckets(self) -> tuple[int, int] | None:
        if self._chosen is None:
            return None
        start, end = self._chosen
        inside = [
            i for i, b in enumerate(self.timeline.buckets) if b.last >= start and b.first <= end
        ]
        return (inside[0], inside[-1]) if inside else None

    def paintEvent(self, _event) -> None:
        if not self.timeline.buckets:
            return
        painter = QPainter(self)
        palette = self.palette()
        plot = self.plot_rect()
        chosen = self._chosen_buckets()
        if chosen is not None and self._drag is None:
            self._shade(painter, plot, *chosen, 50)
        if self._drag is not None:
            self._shade(painter, plot, min(self._drag), max(self._drag), 90)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for rect in self.bar_rects(plot):
            if rect.height():
                painter.fillRect(rect, highlight)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        self._paint_labels(painter, plot)

    def _paint_labels(self, painter: QPainter, plot: QRectF) -> None:
        # Years along a month axis, months along a day axis; a label that would touch the
        # one before it is left out.
        painter.setFont(self._label_font())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        metrics = QFontMetricsF(painter.font())
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        top, height = plot.bottom() + 1, self._label_height()
        day_axis = self.timeline.unit == "day"
        taken: list[QRectF] = []
        buckets = self.timeline.buckets
        spans = self._spans(plot, 0, len(buckets))
        for i, bucket in enumerate(buckets):
            starts = bucket.first.day == 1 if day_axis else bucket.first.month == 1
            if not starts and i:
                continue
            text = bucket.key[:7] if day_axis else bucket.key[:4]
            width = metrics.horizontalAdvance(text)
            left, right = spans[i]
            x = right - width if rtl else left
            x = min(max(x, 0.0), self.width() - width)
            box = QRectF(x, top, width, height)
            if any(box.adjusted(-4, 0, 4, 0).intersects(t) for t in taken):
                continue
            taken.append(box)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # --- the mouse -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.position().x())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._anchor = self.bucket_at(event.position().x())
        if self._anchor is not None:
            self._drag = (self._anchor, self._anchor)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None:
            here = self.bucket_at(event.position().x())
            if here is not None and (self._anchor, here) != self._drag:
                self._drag = (self._anchor, here)
                self.update()
            QToolTip.showText(event.globalPosition().toPoint(), self._drag_text(), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag, self._anchor = self._drag, None, None
        self.update()
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        buckets = self.timeline.buckets
        self.range_chosen.emit(buckets[min(drag)].first, buckets[max(drag)].last)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # In place of the second press: the release after it must not choose a range again.
        self._drag = self._anchor = None
        self.update()
        if event.button() == Qt.MouseButton.LeftButton:
            self.cleared.emit()

    def _drag_text(self) -> str:
        if self._drag is None:
            return ""
        buckets = self.timeline.buckets
        low, high = buckets[min(self._drag)], buckets[max(self._drag)]
        count = sum(b.count for b in buckets[min(self._drag) : max(self._drag) + 1])
        span = low.key if low is high else f"{low.key} – {high.key}"
        return self.tr("%1 — articles: %2").replace("%1", span).replace("%2", str(count))
