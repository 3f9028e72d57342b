"""How many of the shown articles fall in each month (or day) of the library's dates.

Qt-free. The x range is the whole library's, not the shown rows', so a search's hits sit
where they fall in the library's time and two searches can be compared by eye. Empty
buckets are kept: a gap is an answer too.

Dates are ISO strings (YYYY-MM-DD), counted per date by the index (Catalog.date_counts);
bucketing slices them rather than parsing each one: a few thousand slices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

# Under about three months, months would give one to three bars: days say more.
DAY_SPAN_LIMIT = 90


@dataclass(frozen=True, slots=True)
class Bucket:
    key: str  # "2023-09" (a month) or "2023-09-14" (a day)
    first: dt.date
    last: dt.date
    count: int


@dataclass(frozen=True, slots=True)
class Timeline:
    unit: str  # "month" | "day"
    buckets: list[Bucket]

    @property
    def peak(self) -> int:
        return max((b.count for b in self.buckets), default=0)


EMPTY = Timeline("month", [])


def count_dates(per_date: Mapping[str, int], first: str | None, last: str | None) -> Timeline:
    """Bucket the articles of each date (``per_date``: ISO date -> articles) over the range
    ``first``..``last`` (ISO dates: the library's first and last). Dates outside the range
    are not counted."""
    if not first or not last or first > last:
        return EMPTY
    start, end = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
    if (end - start).days < DAY_SPAN_LIMIT:
        width, unit, spans = 10, "day", _days(start, end)
    else:
        width, unit, spans = 7, "month", _months(start, end)
    counts: dict[str, int] = {}
    get = counts.get  # a plain dict: a Counter's += costs a third more, at every view change
    for date, n in per_date.items():
        if date and first <= date[:10] <= last:
            key = date[:width]
            counts[key] = get(key, 0) + n
    return Timeline(unit, [Bucket(key, a, b, get(key, 0)) for key, a, b in spans])


def _days(start: dt.date, end: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    days = (start + dt.timedelta(n) for n in range((end - start).days + 1))
    return [(d.isoformat(), d, d) for d in days]


def _months(start: dt.date, end: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    spans = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        spans.append(
            (f"{year:04d}-{month:02d}", dt.date(year, month, 1), following - dt.timedelta(1))
        )
        year, month = following.year, following.month
    return spans
