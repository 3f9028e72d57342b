"""The in-memory library: contents, duplicates, missing bookmarks, the list's order and filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from reader.library.catalog import Catalog, SortKey, ViewSpec
from reader.library.entries import ArticleMeta, Skipped
from reader.library.index import Hits
from reader.userdata.store import Bookmark


def meta(
    key: int, title: str, date: str | None, publication: str = "الأمة برس", agency: str = "أ ف ب",
    aid: str = "",
):  # fmt: skip
    source = f"{agency}-{publication}" if publication else agency
    return ArticleMeta(
        id=aid or f"id{key}", path=f"/lib/{key}.txt", title=title, source=source, date=date,
        direction="rtl", words=100, encoding="utf-8", key=key, publication=publication,
        agency=agency,
    )  # fmt: skip


def filled() -> Catalog:
    catalog = Catalog()
    catalog.apply(
        [
            meta(1, "كيم يزور روسيا", "2023-09-15"),
            meta(2, "بوتين يستقبل كيم", "2023-09-13", "الرياض", "رويترز"),
            meta(3, "Breaking news", None, "", "أ ف ب"),
            meta(4, "اجتماع القمة", "2023-09-14", "الامة برس"),  # another spelling, one paper
        ]
    )
    return catalog


def titles(rows) -> list[str]:
    return [m.title for m in rows]


def test_default_view_is_newest_first_undated_last():
    rows = filled().view(ViewSpec())
    assert [m.date for m in rows] == ["2023-09-15", "2023-09-14", "2023-09-13", None]


def test_sort_by_title_and_source_ties_newest_first():
    catalog = filled()
    by_title = catalog.view(ViewSpec(sort=SortKey.TITLE, descending=False))
    assert titles(by_title)[0] == "Breaking news"
    by_source = catalog.view(ViewSpec(sort=SortKey.SOURCE, descending=False))
    # الامة برس in both spellings together (newest first), الرياض, then agency-only credits.
    assert [m.key for m in by_source] == [1, 4, 2, 3]


def test_filters_by_publication_agency_dates_and_bookmarks():
    catalog = filled()
    assert [m.key for m in catalog.view(ViewSpec(agency="رويترز"))] == [2]
    assert [m.key for m in catalog.view(ViewSpec(agency="أ ف ب"))] == [1, 4, 3]
    catalog.apply([meta(5, "خبر آخر", "2023-09-10")])
    [paper, riyadh] = catalog.publications()  # named as most of its articles spell it
    assert (paper.name, paper.count, riyadh.name, riyadh.count) == ("الأمة برس", 3, "الرياض", 1)
    assert [m.key for m in catalog.view(ViewSpec(publication=paper.key))] == [1, 4, 5]
    spec = ViewSpec(publication=paper.key, agency="رويترز")
    assert catalog.view(spec) == []
    spec = ViewSpec(date_from=dt.date(2023, 9, 14), date_to=dt.date(2023, 9, 15))
    assert [m.key for m in catalog.view(spec)] == [1, 4]
    spec = ViewSpec(bookmarks_only=True, bookmarked={"id4", "nope"})
    assert [m.key for m in catalog.view(spec)] == [4]
    assert [(f.name, f.count) for f in catalog.agencies()] == [("أ ف ب", 4), ("رويترز", 1)]


def test_search_hits_keep_rank_order_and_drop_unknown_keys():
    catalog = filled()
    spec = ViewSpec(sort=SortKey.RELEVANCE, hits=Hits([4, 99, 2], ranked=True))
    assert [m.key for m in catalog.view(spec)] == [4, 2]
    spec = ViewSpec(sort=SortKey.RELEVANCE, hits=Hits([2, 3, 1], ranked=False))
    assert [m.key for m in catalog.view(spec)] == [1, 2, 3]  # too common to rank: newest first
    spec = ViewSpec(sort=SortKey.RELEVANCE, hits=Hits([1, 2], ranked=True), agency="رويترز")
    assert [m.key for m in catalog.view(spec)] == [2]


def test_a_changed_file_replaces_its_entry_and_a_copy_is_skipped():
    catalog = filled()
    new = replace(meta(7, "عنوان جديد", "2023-09-16", aid="id1b"), path="/lib/1.txt")
    catalog.apply([new])
    assert catalog.by_key(1) is None and catalog.by_key(7) == new
    assert catalog.by_id("id1") is None and len(catalog) == 4
    copy = meta(8, "اجتماع القمة", "2023-09-14", aid="id4")
    catalog.apply([copy])
    assert len(catalog) == 4 and "same article as /lib/4.txt" in catalog.skipped[copy.path].reason
    catalog.apply([], removed=["/lib/4.txt", copy.path])
    assert catalog.by_id("id4") is None and catalog.skipped == {}


def test_skipped_files_and_their_recovery():
    catalog = filled()
    catalog.apply([Skipped("/lib/bad.txt", "binary data")])
    assert catalog.skipped["/lib/bad.txt"].reason == "binary data"
    catalog.apply([replace(meta(9, "أصلحت", None), path="/lib/bad.txt")])
    assert catalog.skipped == {} and catalog.by_key(9).title == "أصلحت"


def test_missing_bookmarks_are_listed_until_their_article_returns():
    catalog = filled()
    catalog.set_missing_bookmarks(
        [Bookmark("id1", "كيم", "/lib/1.txt", "2024"), Bookmark("gone", "مقال محذوف", "/x", "2024")]
    )
    assert catalog.is_missing("gone") and not catalog.is_missing("id1")
    rows = catalog.view(ViewSpec())
    assert rows[-1].title == "مقال محذوف" and rows[-1].key < 0
    assert len(rows) == 5 and len(catalog) == 4
    # Missing articles never come back from a search (their keys are negative).
    assert catalog.view(ViewSpec(sort=SortKey.RELEVANCE, hits=Hits([-1, 1], True)))[0].key == 1
    catalog.apply([meta(10, "مقال محذوف", None, aid="gone")])
    assert not catalog.is_missing("gone")
    catalog.forget_missing("gone")
