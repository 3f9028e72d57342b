"""The rebuildable index: stored entries, stale postings, search ranking, damage."""

from __future__ import annotations

import sqlite3

import pytest

from reader.library.entries import ArticleMeta, Indexed, Skipped
from reader.library.index import Hits, Index, IndexError_
from reader.text.exact import exact_index_text, split_term
from reader.text.normalize import tokens
from reader.text.query import fts_match, parse_query


def article(path: str, title: str, body: str, date: str) -> Indexed:
    meta = ArticleMeta(
        id=path, path=path, title=title, source="", date=date, direction="rtl", words=3,
        encoding="utf-8", size=len(body), mtime_ns=1,
    )  # fmt: skip
    # Exact terms, as reader.library.reading gives them (reader.text.exact).
    return Indexed(meta, exact_index_text(title), exact_index_text(body))


def keys_for(index: Index, query: str, cap: int = 2000) -> list[int]:
    return index.search(fts_match(parse_query(query)), cap).keys


def listed(index: Index) -> set[str]:
    """Every file the index holds, article or skipped."""
    return {path for (path,) in index.db.execute("SELECT path FROM files")}


@pytest.fixture
def index(tmp_path):
    idx = Index(tmp_path / "index.sqlite")
    yield idx
    idx.close()


def test_put_gives_keys_and_search_ranks_title_matches_first(index):
    stored = index.put(
        [
            article("/a.txt", "خبر عن الطقس", "قال الرئيس كلاما", "2023-01-01"),
            article("/b.txt", "الرئيس يزور موسكو", "نص آخر", "2022-01-01"),
            Indexed(Skipped("/c.txt", "binary data")),
        ]
    )
    a, b = stored[0].key, stored[1].key
    assert a != b and isinstance(stored[2], Skipped)
    hits = index.search(fts_match(parse_query("رئيس")))
    assert hits.ranked and hits.keys == [b, a]  # in the title weighs more
    assert listed(index) == {"/a.txt", "/b.txt", "/c.txt"}


def test_ties_go_to_the_newest(index):
    old, new = index.put(
        [article("/old.txt", "خبر", "زلزال", "2020-05-01"),
         article("/new.txt", "خبر", "زلزال", "2024-05-01")]
    )  # fmt: skip
    assert keys_for(index, "زلزال") == [new.key, old.key]


def test_a_changed_file_leaves_stale_postings_that_search_ignores(index):
    [first] = index.put([article("/a.txt", "عنوان", "كلمة قديمة", "2023-01-01")])
    [second] = index.put([article("/a.txt", "عنوان", "كلمة جديدة", "2023-01-02")])
    assert second.key != first.key and index.stale_count() == 1
    assert keys_for(index, "قديمة") == []  # the old version's postings are not returned
    assert keys_for(index, "جديدة") == [second.key]
    assert index.remove(["/a.txt"]) == [second.key]
    assert index.stale_count() == 2 and keys_for(index, "جديدة") == []


def test_a_word_too_common_to_rank_comes_back_unranked(index):
    index.put([article(f"/{n}.txt", "خبر", "كلمة شائعة", f"2023-01-{n:02}") for n in range(1, 8)])
    hits = index.search(fts_match(parse_query("شائعة")), cap=5)
    assert not hits.ranked and len(hits.keys) == 7


def test_rebuild_when_stale_outnumbers_live(index):
    for n in range(3):
        index.put([article("/a.txt", "عنوان", f"نسخة {n}", "2023-01-01")])
    assert index.stale_count() == 2 and not index.needs_rebuild()  # only past 1000 stale
    index.rebuild()
    assert listed(index) == set() and index.stale_count() == 0


def test_a_damaged_or_differently_normalized_index_starts_over(tmp_path):
    path = tmp_path / "index.sqlite"
    path.write_bytes(b"not a database" * 500)
    index = Index(path)
    index.put([article("/a.txt", "عنوان", "نص", "2023-01-01")])
    index.close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = 'other rules' WHERE name = 'normalization'")
    db.commit()
    db.close()
    assert listed(Index(path)) == set()


def test_a_malformed_match_expression_is_an_index_error(index):
    with pytest.raises(IndexError_):
        index.search('"unbalanced')


def test_fts5_sees_exactly_our_tokens(index):
    bodies = [
        "قالَ الرئيسُ إنّ الاجتماعَ «مثمرٌ» 15سبتمبر2023، وأضاف: ﷺ",
        "Café au lait, naïve résumé; ΑΘΗΝΑ and Москва; 東京 2024年; x_y",
        "ﻻ يزال الـــطقس باردا\u200c جدا؛ الأوّل",
    ]
    index.put([article(f"/{n}.txt", f"عنوان {n}", b, "2023-01-01") for n, b in enumerate(bodies)])
    db = index._db
    db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts, row)")
    vocab = {term for (term,) in db.execute("SELECT term FROM temp.v")}
    texts = [f"عنوان {n} {b}" for n, b in enumerate(bodies)]
    assert vocab == {t for text in texts for t in exact_index_text(text).split()}
    assert {split_term(t)[0] for t in vocab} == {t for text in texts for t in tokens(text)}


def test_common_words_come_back_whole_from_the_search_and_the_term_list(index):
    stored = index.put(
        [article(f"/{n}.txt", "خبر", "كلمة شائعة", f"2023-01-{n:02}") for n in range(1, 30)]
    )
    match = fts_match(parse_query("شائعة"))
    hits = index.search(match, cap=5)
    assert not hits.ranked and sorted(hits.keys) == sorted(e.key for e in stored)
    # The term list's keys (what NEAR groups are pruned by) are parsed the same way.
    assert index.terms().docs(match) == frozenset(hits.keys)
    assert index.terms().docs(fts_match(parse_query("غائبة"))) == frozenset()
    assert index.search(fts_match(parse_query("غائبة")), cap=5) == Hits([], ranked=True)


def test_put_takes_any_iterable_and_never_gives_a_key_twice(index):
    first = index.put(article(f"/{n}.txt", "خبر", "نص", "2023-01-01") for n in range(3))
    assert [e.key for e in first] == sorted({e.key for e in first})
    index.remove(["/2.txt"])
    [again] = index.put([article("/2.txt", "خبر", "نص جديد", "2023-01-02")])
    assert again.key > max(e.key for e in first)
    [skipped, meta] = index.put(
        [Indexed(Skipped("/s.txt", "binary data")), article("/t.txt", "خبر", "نص", "2023-01-03")]
    )
    assert isinstance(skipped, Skipped) and meta.key == again.key + 2  # the skipped took one


def test_a_long_body_is_stored_as_bytes_with_the_same_tokens(index, monkeypatch):
    import reader.library.index as index_module

    monkeypatch.setattr(index_module, "_BIND_SLICE", 7)
    body = "كلمة طويلة جدا و word123 ومعها كلمات أخرى " * 3
    [stored] = index.put([article("/long.txt", "عنوان", body, "2023-01-01")])
    assert keys_for(index, "word123") == [stored.key] == keys_for(index, "أخرى")
    index._db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts, row)")
    vocab = {split_term(term)[0] for (term,) in index._db.execute("SELECT term FROM temp.v")}
    assert vocab == set(tokens(f"عنوان {body}"))


def test_the_term_list_keeps_its_answers_until_the_index_changes(tmp_path):
    # Typing asks the same questions of the term list at every keystroke: they are answered
    # once while the index is unchanged, and again once anything wrote to it, on this
    # connection (a sync, the command line) or on another (the loader, for the window).
    from reader.library.search import search

    path = tmp_path / "terms.sqlite"
    writer = Index(path)
    writer.put([article("/1.txt", "كيم يزور روسيا", "زيارة إلى موسكو", "2023-09-13")])
    reader_ = Index(path, writer=False)
    asked: list[str] = []
    reader_.db.set_trace_callback(asked.append)

    def questions(index: Index, query: str) -> int:
        asked.clear()
        found = search(index, query)
        assert found is not None
        return sum("_instances" in sql for sql in asked)

    assert questions(reader_, "كيم روسيا") > 0
    assert questions(reader_, "كيم روسيا") == 0  # kept
    assert questions(reader_, "روسيا") == 0  # a word asked already, in another query
    # Another connection writes a second spelling of a word: asked again, and found.
    writer.put([article("/2.txt", "روسيّا", "نص", "2023-09-14")])
    assert questions(reader_, "روسيا") > 0
    assert len(search(reader_, "روسيا").hits.keys) == 2
    # This connection's own writes count too.
    asked.clear()
    search(writer, "كيم")
    writer.db.set_trace_callback(asked.append)
    assert questions(writer, "كيم") == 0
    writer.put([article("/3.txt", "كيم", "نص", "2023-09-15")])
    assert questions(writer, "كيم") > 0
    writer.close()
    reader_.close()


def test_the_term_list_starts_afresh_past_the_answers_it_may_keep(index, monkeypatch):
    from reader.library import index as index_module
    from reader.library.search import search

    index.put([article("/1.txt", "كيم يزور روسيا", "نص", "2023-09-13")])
    search(index, "كيم روسيا")
    assert len(index.terms()) > 2  # kept
    monkeypatch.setattr(index_module, "TERMS_KEPT", 2)
    assert len(index.terms()) == 0  # too many: a new list
