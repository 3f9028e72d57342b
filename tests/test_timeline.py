"""Counting the shown articles per month or day over the library's range (no Qt)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from catalog_helpers import indexed_catalog

from reader.library.catalog import ViewSpec
from reader.library.entries import ArticleMeta
from reader.library.index import Hits
from reader.library.timeline import count_dates


def meta(key: int, date: str | None) -> ArticleMeta:
    return ArticleMeta(
        id=f"id{key}", path=f"/lib/{key}.txt", title=f"خبر {key}", source="أ ف ب", date=date,
        direction="rtl", words=100, encoding="utf-8", key=key,
    )  # fmt: skip


def test_months_over_a_long_range_keep_the_empty_ones():
    dates = ["2022-11-30", "2023-01-01", "2023-01-31", "2023-03-15"]
    timeline = count_dates(Counter(dates), "2022-11-02", "2023-03-15")
    assert timeline.unit == "month"
    assert [(b.key, b.count) for b in timeline.buckets] == [
        ("2022-11", 1), ("2022-12", 0), ("2023-01", 2), ("2023-02", 0), ("2023-03", 1),
    ]  # fmt: skip
    december, february = timeline.buckets[1], timeline.buckets[3]
    assert (december.first, december.last) == (dt.date(2022, 12, 1), dt.date(2022, 12, 31))
    assert february.last == dt.date(2023, 2, 28)
    assert timeline.peak == 2


def test_days_when_the_range_is_short():
    dates = Counter(["2023-09-13", "2023-09-15", "2023-09-15"])
    timeline = count_dates(dates, "2023-09-12", "2023-09-16")
    assert timeline.unit == "day"
    assert [(b.key, b.count) for b in timeline.buckets] == [
        ("2023-09-12", 0), ("2023-09-13", 1), ("2023-09-14", 0), ("2023-09-15", 2),
        ("2023-09-16", 0),
    ]  # fmt: skip
    assert timeline.buckets[1].first == timeline.buckets[1].last == dt.date(2023, 9, 13)
    assert count_dates({}, "2023-01-01", "2023-03-31").unit == "day"  # 89 days
    assert count_dates({}, "2023-01-01", "2023-04-01").unit == "month"


def test_undated_rows_and_an_undated_library(tmp_path):
    catalog = indexed_catalog(tmp_path / "i.sqlite", [meta(1, None), meta(2, "2023-09-14")])
    per_date = catalog.date_counts(ViewSpec())
    assert per_date == {"2023-09-14": 1}  # the undated one is not counted
    timeline = count_dates(per_date, "2023-09-14", "2023-09-14")
    assert [(b.key, b.count) for b in timeline.buckets] == [("2023-09-14", 1)]
    assert count_dates({}, None, None).buckets == []
    assert indexed_catalog(tmp_path / "u.sqlite", [meta(1, None)]).date_range() is None


def test_a_searchs_hits_sit_in_the_librarys_range(tmp_path):
    dates = ["2023-09-15", "2023-09-13", None, "2023-09-14", "2023-05-02"]
    catalog = indexed_catalog(
        tmp_path / "i.sqlite", [meta(key, date) for key, date in enumerate(dates, 1)]
    )
    assert catalog.date_range() == ("2023-05-02", "2023-09-15")  # the undated one is ignored
    for ranked in (True, False):  # in SQL, and from the orders in memory
        hits = Hits(keys=[1, 4, 3], ranked=ranked, match="x")
        timeline = count_dates(catalog.date_counts(ViewSpec(hits=hits)), *catalog.date_range())
        assert [(b.key, b.count) for b in timeline.buckets] == [
            ("2023-05", 0), ("2023-06", 0), ("2023-07", 0), ("2023-08", 0), ("2023-09", 2),
        ]  # fmt: skip


def test_a_hundred_thousand_articles_over_twenty_five_years():
    rng = random.Random(7)
    days = [dt.date(2000, 1, 1) + dt.timedelta(rng.randrange(9000)) for _ in range(100_000)]
    per_date = Counter(d.isoformat() for d in days)
    timeline = count_dates(per_date, "2000-01-01", max(per_date))
    assert sum(b.count for b in timeline.buckets) == 100_000
    assert len(timeline.buckets) > 290
