"""The library as the list sees it (over a real index): contents, copies, missing bookmarks,
the list's order and filters, in SQL and in memory."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from catalog_helpers import indexed_catalog, rows

from reader.library.catalog import Catalog, SortKey, ViewSpec
from reader.library.entries import ArticleMeta, Indexed, Skipped
from reader.library.index import Hits, Index
from reader.text.query import fts_match, parse_query
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


FILLED = [
    meta(1, "كيم يزور روسيا", "2023-09-15"),
    meta(2, "بوتين يستقبل كيم", "2023-09-13", "الرياض", "رويترز"),
    meta(3, "Breaking news", None, "", "أ ف ب"),
    meta(4, "اجتماع القمة", "2023-09-14", "الامة برس"),  # another spelling, one paper
]


@pytest.fixture
def filled(tmp_path) -> Catalog:
    return indexed_catalog(tmp_path / "index.sqlite", FILLED)


def keys(catalog: Catalog, spec: ViewSpec) -> list[int]:
    return [m.key for m in rows(catalog, spec)]


def test_default_view_is_newest_first_undated_last(filled):
    assert [m.date for m in rows(filled, ViewSpec())] == [
        "2023-09-15", "2023-09-14", "2023-09-13", None,
    ]  # fmt: skip
    assert keys(filled, ViewSpec(descending=False)) == [3, 2, 4, 1]


def test_sort_by_title_and_source_ties_newest_first(filled):
    by_title = rows(filled, ViewSpec(sort=SortKey.TITLE, descending=False))
    assert by_title[0].title == "Breaking news"
    # الامة برس in both spellings together (newest first), الرياض, then agency-only credits.
    assert keys(filled, ViewSpec(sort=SortKey.SOURCE, descending=False)) == [1, 4, 2, 3]
    assert keys(filled, ViewSpec(sort=SortKey.SOURCE)) == [3, 2, 4, 1]  # all of it reversed


def test_the_same_views_in_sql_and_in_memory_agree(tmp_path):
    # The bookmark filter is answered in SQL, the rest from the orders in memory: with every
    # article bookmarked it must change nothing, whatever the sort, direction, search,
    # dates, publication, grouping and versions read. Titles and dates tie, undated articles
    # and stories of two and three are among them.
    dates = [f"2023-09-{10 + n % 4:02}" if n % 5 else None for n in range(1, 13)]
    one = indexed_catalog(
        tmp_path / "one.sqlite",
        [meta(n, f"عنوان {n % 3}", dates[n - 1]) for n in range(1, 13)],
        stories={2: 2, 7: 2, 11: 2, 4: 4, 9: 4},
    )
    [paper] = one.publications()
    index = Index(tmp_path / "one.sqlite")
    found = index.search(fts_match(parse_query("1")), cap=0)  # unranked: too common
    index.close()
    assert not found.ranked and sorted(found.keys) == [1, 4, 7, 10]
    everyone = {f"id{n}" for n in range(1, 13)}
    for sort in (SortKey.DATE, SortKey.TITLE, SortKey.SOURCE, SortKey.RELEVANCE):
        for descending in (False, True):
            for hits in (None, found):
                for start, paper_key in itertools.product(
                    (None, dt.date(2023, 9, 11)), (None, paper.key)
                ):
                    for grouped in (True, False):
                        for read in (set(), {"id11", "id9"}):
                            spec = ViewSpec(sort, descending, hits=hits, date_from=start,
                                            publication=paper_key, grouped=grouped,
                                            read=read)  # fmt: skip
                            in_sql = replace(spec, bookmarks_only=True, bookmarked=everyone)
                            assert one.view(spec) == one.view(in_sql), spec
                            assert one.date_counts(spec) == one.date_counts(in_sql), spec


def test_filters_by_publication_agency_dates_and_bookmarks(tmp_path):
    catalog = indexed_catalog(tmp_path / "i.sqlite", [*FILLED, meta(5, "خبر آخر", "2023-09-10")])
    assert keys(catalog, ViewSpec(agency="رويترز")) == [2]
    assert keys(catalog, ViewSpec(agency="أ ف ب")) == [1, 4, 5, 3]
    [paper, riyadh] = catalog.publications()  # named as most of its articles spell it
    assert (paper.name, paper.count, riyadh.name, riyadh.count) == ("الأمة برس", 3, "الرياض", 1)
    assert keys(catalog, ViewSpec(publication=paper.key)) == [1, 4, 5]
    assert keys(catalog, ViewSpec(publication=paper.key, agency="رويترز")) == []
    spec = ViewSpec(date_from=dt.date(2023, 9, 14), date_to=dt.date(2023, 9, 15))
    assert keys(catalog, spec) == [1, 4]
    spec = ViewSpec(bookmarks_only=True, bookmarked={"id4", "nope"})
    assert keys(catalog, spec) == [4]
    assert [(f.name, f.count) for f in catalog.agencies()] == [("أ ف ب", 4), ("رويترز", 1)]
    assert catalog.date_counts(ViewSpec()) == {
        "2023-09-15": 1, "2023-09-14": 1, "2023-09-13": 1, "2023-09-10": 1,
    }  # fmt: skip
    assert catalog.date_counts(ViewSpec(agency="رويترز")) == {"2023-09-13": 1}


def test_search_hits_keep_rank_order_and_drop_unknown_keys(filled):
    spec = ViewSpec(sort=SortKey.RELEVANCE, hits=Hits([4, 99, 2], ranked=True))
    assert keys(filled, spec) == [4, 2]
    # Too common to rank: newest first, in memory or (with a filter) in SQL.
    common = Hits([2, 3, 1, 99], ranked=False, match="x")
    assert keys(filled, ViewSpec(sort=SortKey.RELEVANCE, hits=common)) == [1, 2, 3]
    spec = ViewSpec(sort=SortKey.RELEVANCE, hits=Hits([1, 2], ranked=True), agency="رويترز")
    assert keys(filled, spec) == [2]


def test_a_copy_of_an_article_is_skipped_naming_the_first(tmp_path):
    copy = meta(5, "اجتماع القمة", "2023-09-14", aid="id4")
    catalog = indexed_catalog(tmp_path / "i.sqlite", [*FILLED])
    index = Index(tmp_path / "i.sqlite")
    [stored] = index.put([Indexed(copy)])
    assert isinstance(stored, Skipped) and stored.reason == "same article as /lib/4.txt"
    catalog.changed()
    assert len(catalog) == 4 and [s.path for s in catalog.skipped()] == [copy.path]
    assert catalog.by_id("id4").path == "/lib/4.txt"
    index.close()


def test_skipped_files_are_listed_by_path(tmp_path):
    catalog = indexed_catalog(
        tmp_path / "i.sqlite", [*FILLED, Skipped("/lib/bad.txt", "binary data")]
    )
    assert [(s.path, s.reason) for s in catalog.skipped()] == [("/lib/bad.txt", "binary data")]
    assert catalog.skipped_count() == 1 and len(catalog) == 4


def test_missing_bookmarks_are_listed_until_their_article_returns(filled):
    filled.set_missing_bookmarks(
        [Bookmark("id1", "كيم", "/lib/1.txt", "2024"), Bookmark("gone", "مقال محذوف", "/x", "2024")]
    )
    assert filled.is_missing("gone") and not filled.is_missing("id1")
    listed = rows(filled, ViewSpec())
    assert listed[-1].title == "مقال محذوف" and listed[-1].key < 0
    assert len(listed) == 5 and len(filled) == 4
    assert filled.view(ViewSpec()).articles == 5
    assert rows(filled, ViewSpec(sort=SortKey.TITLE))[-1].title == "مقال محذوف"  # always last
    assert rows(filled, ViewSpec(agency="أ ف ب"))[-1].key > 0  # a filter leaves it out
    # Missing articles never come back from a search (their keys are negative).
    assert keys(filled, ViewSpec(sort=SortKey.RELEVANCE, hits=Hits([-1, 1], True))) == [1]
    filled.forget_missing("gone")
    assert not filled.is_missing("gone") and len(rows(filled, ViewSpec())) == 4


@pytest.mark.parametrize("gap_share", [0.0, 0.001, 0.05, 0.5, 1.0])
def test_selected_keys_are_what_compress_gives_at_any_density_of_gaps(gap_share):
    import random
    from array import array

    from reader.library.orders import selected_keys

    rng = random.Random(7)
    keys = array("q", rng.sample(range(10**6), 5000))
    picked = bytearray(rng.random() >= gap_share for _ in keys)
    if 0 < gap_share < 1:  # gaps at both ends and one run of several
        picked[0] = picked[-1] = 0
        picked[100:140] = bytes(40)
    picked.append(0)  # the selections' last byte, for keys not listed: never a row
    assert selected_keys(keys, picked) == array("q", itertools.compress(keys, picked))
    assert selected_keys(keys[:0], b"\x00") == array("q")


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_keys_parse_and_lay_out_alike_below_and_past_where_numpy_takes_over(extra):
    # A small library's start-up parses its keys and lays out their positions in Python,
    # a big one's in numpy: the same arrays, either side of the line.
    import random
    from array import array

    from reader.library.orders import _scattered
    from reader.library.views import NUMPY_PAST, listed_keys

    count = NUMPY_PAST + extra
    keys = array("q", random.Random(count).sample(range(1, 3 * count), count))
    assert listed_keys(",".join(map(str, keys))) == keys
    size = max(keys) + 5
    expected = array("q", [count]) * size
    for at, key in enumerate(keys):
        expected[key] = at
    assert _scattered(keys, size, count) == expected
    assert listed_keys("") == array("q") and listed_keys("42") == array("q", [42])


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_a_key_is_found_alike_below_and_past_where_numpy_takes_over(extra):
    # The row of the article being read, kept across a change of view: found by a scan in
    # Python below the line, in numpy past it, at the same row; not found, None.
    import random
    from array import array

    from reader.library.views import NUMPY_PAST, position_of

    count = NUMPY_PAST + extra
    keys = array("q", random.Random(count).sample(range(1, 3 * count), count))
    keys.append(-1)  # a missing bookmark's row, after the library's
    for at in (0, 1, count // 2, count - 1, count):
        assert position_of(keys, keys[at]) == at
    assert position_of(keys, 3 * count) is None
    assert position_of(array("q"), 5) is None


def test_sorts_asked_on_another_connection_are_kept_and_listed_alike(tmp_path):
    # A thread asks the title and source orders of the index file while the window reads:
    # kept, they list exactly what asking on first use lists, without asking again, Z-A
    # first too (the order asked ahead, flipped).
    from reader.library.orders import ask_orders

    path = tmp_path / "ahead.sqlite"
    entries = [meta(n, f"عنوان {n % 4}", f"2023-09-{10 + n % 6:02}") for n in range(1, 15)]
    ahead = indexed_catalog(path, entries, stories={3: 3, 8: 3})
    ahead.view(ViewSpec())  # the list shown: the orders in memory made
    token, wanted = ahead.orders_to_ask()
    assert len(wanted) == 2  # title and source
    assert ahead.adopt_orders(token, ask_orders(path, wanted)) == 2
    assert ahead.orders_to_ask() is None  # nothing left to ask
    asked: list[str] = []
    ahead._db.set_trace_callback(asked.append)
    fresh = Catalog(Index(path))
    for sort, descending in itertools.product((SortKey.TITLE, SortKey.SOURCE), (True, False)):
        for grouped in (True, False):
            spec = ViewSpec(sort, descending, grouped=grouped)
            assert ahead.view(spec) == fresh.view(spec), spec
    assert not [sql for sql in asked if "ORDER BY" in sql]


def test_sorts_asked_of_an_index_changed_since_are_refused(tmp_path):
    # Files read, gone or let back in between the orders made and the thread's answer: its
    # order lists other articles than these orders, and keeping it would list them wrong,
    # even where it lists as many.
    from reader.library.orders import ask_orders

    path = tmp_path / "changed.sqlite"
    catalog = indexed_catalog(path, [meta(n, f"عنوان {n}", "2023-09-10") for n in range(1, 6)])
    writer = Index(path)

    def change(*statements: str) -> int:
        with writer.db:
            for sql in statements:
                writer.db.execute(sql)
        return catalog.adopt_orders(token, ask_orders(path, wanted))

    with writer.db:
        writer.db.execute("UPDATE files SET skipped = 'a copy' WHERE key = 2")
    catalog.view(ViewSpec())  # listed: 1, 3, 4, 5
    token, wanted = catalog.orders_to_ask()
    writer.put([Indexed(meta(6, "عنوان 6", "2023-09-11"))])
    assert change("DELETE FROM files WHERE key = 5") == 0  # as many, one read since
    assert change("DELETE FROM files WHERE key = 6", "UPDATE files SET skipped = NULL") == 0
    assert change("DELETE FROM files WHERE key = 4") == 0  # one fewer
    catalog.changed()  # the catalog sees the change: new orders, the old answer is not theirs
    assert catalog.adopt_orders(token, ask_orders(path, wanted)) == 0
    writer.close()
    assert [m.title for m in rows(catalog, ViewSpec(SortKey.TITLE, False))] == [
        f"عنوان {n}" for n in range(1, 4)
    ]


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_the_timeline_counts_alike_below_and_past_where_numpy_takes_over(extra):
    # Each date's articles in a selection: counted a date at a time in Python below the line,
    # summed per run in numpy past it; undated articles, and unselected ones, not counted.
    import random
    import sqlite3
    from collections import Counter

    from reader.library.orders import Orders
    from reader.library.views import NUMPY_PAST

    count = NUMPY_PAST + extra
    pick = random.Random(count)
    days = [f"2010-{m:02}-{d:02}" for m in range(1, 13) for d in (1, 9, 17, 28)]
    dates = [pick.choice([*days, None]) for _ in range(count)]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE files (key INTEGER PRIMARY KEY, date TEXT, skipped TEXT)")
    db.executemany("INSERT INTO files VALUES (?, ?, NULL)", enumerate(dates, 1))
    orders = Orders(db, "date DESC, key DESC", "date ASC, key ASC")
    selected = bytearray(pick.choice(b"\x00\x01") for _ in range(count + 1))
    selected[count] = 1  # the byte of keys not listed: never counted
    by_key = dict(enumerate(dates, 1))
    shown = Counter(by_key[k] for at, k in enumerate(orders.newest) if selected[at])
    assert orders.per_date(selected) == {d: n for d, n in shown.items() if d}
    assert orders.per_date(bytearray(count + 1)) == {}
