"""Near ("كيم بوتين"~5) and exact-spelling search: the index's answer is the reference's.

As in test_query: hundreds of generated documents (the seed's sentences with clitics,
harakat, tatweel, hamza forms, ة/ه and ى/ي mixed in) and queries; the MATCH string compiled
against the table's own term list must find exactly the documents the brute-force matcher
finds.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_query import HARAKAT, PARAGRAPHS, SEED, fts_table, make_corpus, mutate, utf16_slice

from reader.library.terms import TermList
from reader.text import exact as exact_module
from reader.text.exact import (
    SEP,
    exact_index_text,
    exact_index_texts,
    exact_pairs,
    exact_tokens_with_offsets,
)
from reader.text.fts import QueryTooBroad, compile_query
from reader.text.normalize import tokens
from reader.text.query import Near, Term, document_matches, find_matches, fts_match, parse_query

KASRA, SHADDA, FATHA, DAMMA = "\u0650", "\u0651", "\u064e", "\u064f"
TATWEEL = "\u0640"


def answer(db: sqlite3.Connection, terms) -> set[int]:
    """What the index finds: the MATCH compiled against the table's term list."""
    match = compile_query(terms, TermList(db, "t"))
    if match is None:
        return set()
    return {r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,))}


def reference(docs: list[str], terms) -> set[int]:
    found = set()
    for i, doc in enumerate(docs):
        pairs = exact_pairs(doc)
        if document_matches(terms, [f for f, _ in pairs], [e for _, e in pairs]):
            found.add(i)
    return found


def table(docs: list[str]) -> sqlite3.Connection:
    db = fts_table()
    db.executemany(
        "INSERT INTO t(rowid, body) VALUES (?, ?)", enumerate(map(exact_index_text, docs))
    )
    return db


def matches(query: str, doc: str, exact: bool = False) -> bool:
    pairs = exact_pairs(doc)
    terms = parse_query(query, exact)
    return document_matches(terms, [f for f, _ in pairs], [e for _, e in pairs])


# --- parsing --------------------------------------------------------------------------------


def test_parse_near_groups() -> None:
    kim, putin = Term(("كيم",), False), Term(("بوتين",), False)
    assert parse_query('"كيم بوتين"~5') == [Near((kim, putin), 5)]
    assert parse_query('"كيم بوتين"~5 روسيا') == [Near((kim, putin), 5), Term(("روسيا",), False)]
    # each word its own prefix; a word that folds to several tokens is a phrase inside
    assert parse_query("«رئيس* 15سبتمبر»~3") == [
        Near((Term(("رئيس",), True), Term(("15", "سبتمبر"), False)), 3)
    ]
    # ~0 is side by side, huge distances are capped, one word is just the word
    assert parse_query('"كيم بوتين"~0') == [Near((kim, putin), 1)]
    assert parse_query('"كيم بوتين"~999999999')[0].distance == 10_000
    assert parse_query('"كيم ،"~4') == [kim]
    assert parse_query('"كيم كيم"~4') == [kim]
    # without digits right after the quote it is a phrase, and the ~ punctuation
    assert parse_query('"كيم بوتين"~ 5') == [Term(("كيم", "بوتين"), False), Term(("5",), False)]


def test_parse_exact_keeps_the_spelling() -> None:
    assert parse_query("إسرائيل الرِّيَاض", exact=True) == [
        Term(("اسرائيل",), False, ("إسرائيل",)),
        Term(("الرياض",), False, ("الرِّيَاض",)),
    ]
    # NFC: a shadda typed after its kasra is the same spelling as before it
    assert parse_query("الر" + KASRA + SHADDA + "ياض", exact=True) == parse_query(
        "الر" + SHADDA + KASRA + "ياض", exact=True
    )
    # case and digits still fold; invisible characters go
    assert parse_query("Kim ٢٠٢٣ ك\u200cيم", exact=True) == [
        Term(("kim",), False, ("kim",)),
        Term(("2023",), False, ("2023",)),
        Term(("كيم",), False, ("كيم",)),
    ]


# --- the reference matcher, by example --------------------------------------------------------


def test_near_in_either_order_and_within_n_words() -> None:
    doc = "قال بوتين إن كيم وصل أمس"
    assert matches('"كيم بوتين"~2', doc) and matches('"بوتين كيم"~2', doc)
    assert not matches('"كيم بوتين"~1', doc)
    assert matches('"كيم إن"~1', doc)  # N = 1: side by side
    assert matches('"كيم وصل أمس"~2', doc) and not matches('"قال كيم أمس"~4', doc)
    assert matches('"قال كيم أمس"~5', doc)
    # the clitic and folding rules of a plain search
    assert matches('"الكرملين إسرائيل"~3', "قال للكرملين وإسرائيل")
    assert matches('"كرملين اسرائيل"~1', "قال للكرملين وإسرائيل")
    assert matches('"رئيس* روسي"~2', "الرئيسة الروسي")
    # a multi-token word counts from its end
    assert matches('"15سبتمبر كيم"~2', "في 15سبتمبر زار كيم")
    assert not matches('"15سبتمبر كيم"~1', "في 15سبتمبر زار كيم")


def test_exact_spelling() -> None:
    assert matches("إسرائيل", "زار إسرائيل", exact=True)
    assert not matches("إسرائيل", "زار اسرائيل", exact=True)
    assert matches("اسرائيل", "زار اسرائيل", exact=True)
    assert not matches("اسرائيل", "زار إسرائيل", exact=True)
    riyadh = "الر" + SHADDA + KASRA + "ي" + FATHA + "اض"
    assert matches(riyadh, "وصل إلى " + riyadh, exact=True)
    assert not matches(riyadh, "وصل إلى الرياض", exact=True)
    assert not matches("الرياض", "وصل إلى " + riyadh, exact=True)
    assert not matches(riyadh, "وصل إلى " + riyadh + DAMMA, exact=True)  # whole word
    assert not matches("الرياض", "الريـاض", exact=True)  # tatweel counts
    assert not matches("مدرسة", "مدرسه", exact=True) and not matches("مستشفى", "مستشفي", exact=True)
    # ... and the prefixes still may come before it, with harakat of their own or tatweel
    for attached in ("لإسرائيل", "وَإسرائيل", "بـإسرائيل", "والإسرائيل"):
        assert matches("إسرائيل", f"قال {attached}", exact=True), attached
    assert not matches("إسرائيل", "قال مإسرائيل", exact=True)
    assert matches("الرئيس", "قال للرئيس", exact=True) and matches("الرئيس", "لِلرئيس", exact=True)
    assert matches("إسرائيل*", "الإسرائيلية", exact=True)
    assert not matches("إسرائيل*", "الاسرائيلية", exact=True)
    assert matches('"الرئيس الروسي"', "قال الرئيس الروسي", exact=True)
    assert not matches('"الرئيس الروسي"', "قال الرئيس الرُّوسي", exact=True)
    assert matches("Kim", "KIM said", exact=True)  # Latin case still folds


# --- equivalence with SQLite FTS5 -------------------------------------------------------------

HAMZA_SWAPS = [("أ", "ا"), ("ا", "أ"), ("إ", "ا"), ("ا", "إ"), ("ة", "ه"), ("ى", "ي"), ("ي", "ى")]


def spell(word: str, rng: random.Random) -> str:
    """``word`` as another article (or a user) might spell it."""
    word = mutate(word, rng)
    if rng.random() < 0.3:
        old, new = rng.choice(HAMZA_SWAPS)
        word = word.replace(old, new, 1)
    return word


def corpus(rng: random.Random, n: int) -> list[str]:
    docs = make_corpus(rng, n)
    return [" ".join(spell(w, rng) if rng.random() < 0.3 else w for w in d.split()) for d in docs]


def near_queries(rng: random.Random, n: int) -> Iterator[str]:
    for _ in range(n):
        sentence = rng.choice(PARAGRAPHS).split()
        size = rng.choice([2, 2, 2, 3, 3, 4])
        i = rng.randrange(max(1, len(sentence) - 6))
        span = sentence[i : i + 6]
        if rng.random() < 0.5:  # side by side, in either order
            words = span[:size]
            if rng.random() < 0.5:
                words.reverse()
        else:
            words = rng.sample(span, min(size, len(span)))
        if rng.random() < 0.2:
            words = [spell(w, rng) for w in words]
        if rng.random() < 0.15:
            words[-1] = words[-1][: max(2, len(words[-1]) - 2)] + "*"
        distance = rng.choice([1, 1, 2, 3, 5, 8, 20])
        yield '"' + " ".join(words) + f'"~{distance}'


def exact_queries(rng: random.Random, n: int, docs: list[str]) -> Iterator[str]:
    words = [w for d in docs for w in d.split()]
    for _ in range(n):
        kind = rng.randrange(6)
        w = rng.choice(words)
        if kind == 0:
            yield w  # as some article spells it
        elif kind == 1:
            yield spell(rng.choice(SEED.split()), rng)
        elif kind == 2:
            core = exact_pairs(w)[-1][1] if exact_pairs(w) else w
            yield core[: rng.randint(2, 5)] + "*"
        elif kind == 3:
            sentence = rng.choice(docs).split()
            i = rng.randrange(len(sentence))
            yield '"' + " ".join(sentence[i : i + rng.randint(2, 3)]) + '"'
        elif kind == 4:
            yield f"{w} {rng.choice(words)}"
        else:
            sentence = rng.choice(docs).split()
            i = rng.randrange(max(1, len(sentence) - 4))
            yield '"' + " ".join(rng.sample(sentence[i : i + 4], 2)) + f'"~{rng.randint(1, 4)}'


def test_near_search_agrees_with_the_reference() -> None:
    rng = random.Random(5)
    docs = corpus(rng, 300)
    db = table(docs)
    queries = [*near_queries(rng, 300), '"كيم بوتين"~5', '"بوتين كيم"~5', '"كيم جونغ أون"~2']
    found = side_by_side = three = 0
    for query in queries:
        terms = parse_query(query)
        expected = reference(docs, terms)
        assert answer(db, terms) == expected, query
        found += bool(expected)
        near = [t for t in terms if isinstance(t, Near)]
        side_by_side += bool(expected) and any(t.distance == 1 for t in near)
        three += bool(expected) and any(len(t.terms) >= 3 for t in near)
    # The test means something only if many queries find documents, of every kind.
    assert found > 0.5 * len(queries) and side_by_side > 20 and three > 20


def test_near_by_the_combinations_sharing_an_article(monkeypatch) -> None:
    # What a NEAR group of many words with many forms each is written as: only the
    # combinations of forms found in one same article.
    from reader.text import fts

    monkeypatch.setattr(fts, "_DIRECT_NEAR", 0)
    rng = random.Random(13)
    docs = corpus(rng, 200)
    db = table(docs)
    for query in near_queries(rng, 150):
        terms = parse_query(query)
        assert answer(db, terms) == reference(docs, terms), query


def test_near_without_a_term_list_too() -> None:
    rng = random.Random(11)
    docs = corpus(rng, 120)
    db = table(docs)
    for query in near_queries(rng, 40):
        terms = parse_query(query)
        if sum(isinstance(t, Near) and len(t.terms) > 2 for t in terms):
            continue  # written out whole, three words are 24³ NEAR groups
        got = {r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts_match(terms),))}
        assert got == reference(docs, terms), query


def test_exact_search_agrees_with_the_reference() -> None:
    rng = random.Random(7)
    docs = corpus(rng, 300)
    # vocalized and stretched spellings, so that exact and folded differ often
    docs += [
        "قال وَإِسْرَائِيل إن الرِّيَاض بـإسرائيل والإسرائيلية",
        "زار اسرائيل والرياض الريـاض لِلرئيس للرئيس مدرسة مدرسه مستشفى مستشفي",
    ]
    db = table(docs)
    queries = [*exact_queries(rng, 400, docs), "إسرائيل", "اسرائيل", "الرِّيَاض", "الرئيس", "إسرائيل*"]
    found = differ = 0
    for query in queries:
        terms = parse_query(query, exact=True)
        expected = reference(docs, terms)
        assert answer(db, terms) == expected, query
        found += bool(expected)
        differ += expected != reference(docs, parse_query(query))
    assert found > 0.6 * len(queries)
    assert differ > 50  # the spelling mattered for many of them


def test_folded_search_with_a_term_list_agrees_too() -> None:
    rng = random.Random(3)
    docs = corpus(rng, 200)
    db = table(docs)
    for query in exact_queries(rng, 200, docs):
        terms = parse_query(query)
        assert answer(db, terms) == reference(docs, terms), query


def test_a_word_no_article_has_matches_nothing() -> None:
    db = table(["قال كيم"])
    assert answer(db, parse_query("كيم غائبة")) == set()
    assert answer(db, parse_query("كيم")) == {0}
    assert compile_query(parse_query('"كيم غائبة"~3'), TermList(db, "t")) is None
    assert compile_query(parse_query("غائبة", exact=True), TermList(db, "t")) is None


def test_a_word_the_index_spells_one_way_is_looked_up_as_that_one_term() -> None:
    # FTS5 merges a prefix's postings into a copy, for a word in most articles as costly as
    # reading them: the prefix "w·"* is written only for a word spelled more than one way.
    # Clitic forms no article has are left out.
    db = table(["قالت روسيا", "وروسيا ترد", "قال كيم", "لبوتينَ"])
    assert compile_query(parse_query("بوتين"), TermList(db, "t")) == f'("لبوتين{SEP}لبوتينَ")'
    assert answer(db, parse_query("بوتين")) == {3}
    plain = f'("روسيا{SEP}" OR "وروسيا{SEP}")'
    assert compile_query(parse_query("روسيا"), TermList(db, "t")) == plain
    assert answer(db, parse_query("روسيا")) == {0, 1}
    db.execute("INSERT INTO t(rowid, body) VALUES (4, ?)", (exact_index_text("روسيّا"),))
    spelled = f'("روسيا{SEP}"* OR "وروسيا{SEP}")'
    assert compile_query(parse_query("روسيا"), TermList(db, "t")) == spelled
    assert answer(db, parse_query("روسيا")) == {0, 1, 4}
    assert answer(db, parse_query("روسيّا", exact=True)) == {4}
    assert compile_query(parse_query("روسيا"), None).count("*") == 12  # no index to ask


def test_a_query_with_too_many_forms_is_refused() -> None:
    words = ["رئيس", "كيم", "روسيا", "بوتين"]
    doc = " ".join(p + w for w in words for p in ["", "و", "ف", "ب", "ك", "ل", "ال", "وال", "بال"])
    db = table([doc])
    with pytest.raises(QueryTooBroad):
        compile_query(parse_query('"' + " ".join(words) + '"~5'), TermList(db, "t"))


# --- the exact terms: fast path, reference path, offsets ---------------------------------------


def reference_terms(text: str) -> str:
    """The exact terms by the per-character path, which the fast one must agree with."""
    return " ".join(exact_module.exact_term(f, e) for f, e in exact_module._reference_pairs(text))


ARABIC_FORMS = st.sampled_from("إأاآٱةهىيکی لـ5٢\u200c" + "".join(HARAKAT))


@given(st.text(st.one_of(ARABIC_FORMS, st.characters())))
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fast_and_reference_exact_terms_agree(text: str) -> None:
    assert exact_index_text(text) == reference_terms(text)


def test_every_character_of_the_byte_alphabet_on_both_paths() -> None:
    from reader.text import normalize

    for c in normalize._DECODING:
        for text in (f"ب{c}ت", f"{c}ك 5{c}", f"{c}"):
            assert exact_index_text(text) == reference_terms(text), hex(ord(c))


def test_long_texts_give_the_terms_of_their_pieces(monkeypatch) -> None:
    from reader.text import _fast

    paragraphs = [" ".join(SEED.split()[i : i + 40]) for i in range(0, 400, 40)]
    whole = exact_index_texts(paragraphs)
    monkeypatch.setattr(_fast, "SLICE", 64)
    assert exact_index_texts(paragraphs).split() == whole.split()
    assert exact_index_text("\n".join(paragraphs)).split() == whole.split()


def test_the_folded_part_is_the_plain_index_and_offsets_agree() -> None:
    rng = random.Random(2)
    for doc in corpus(rng, 200):
        pairs = exact_pairs(doc)
        assert [f for f, _ in pairs] == tokens(doc)
        assert [(t.text, e) for t, e in exact_tokens_with_offsets(doc)] == pairs
    # Where folding tells the tokens apart otherwise (NFC joins Hangul jamo), each token's
    # exact form is read off its own span.
    text = "إِنَّ \u1100\u1161 😀كيمُ"
    found = [
        (utf16_slice(text, t.start, t.end), t.text, e) for t, e in exact_tokens_with_offsets(text)
    ]
    assert found == [("إِنَّ", "ان", "إِنَّ"), ("\u1100\u1161",) * 3, ("كيمُ", "كيم", "كيمُ")]


# --- highlighting -------------------------------------------------------------------------------


def test_find_highlights_the_words_of_each_near_match() -> None:
    text = "قال بوتين إن كيم وصل. ثم غادر كيم بعيدا عن موسكو والتقى بوتين"
    spans = find_matches(parse_query('"كيم بوتين"~3'), text)
    assert [utf16_slice(text, s, e) for s, e in spans] == ["بوتين", "كيم"]
    spans = find_matches(parse_query('"كيم بوتين"~8'), text)
    assert [utf16_slice(text, s, e) for s, e in spans] == ["بوتين", "كيم", "كيم", "بوتين"]
    # with a plain word beside the group, and whole words with their harakat
    spans = find_matches(parse_query('"كيم موسكو"~4 قال'), "قال: وصلَ كيمُ إلى موسكو")
    assert [utf16_slice("قال: وصلَ كيمُ إلى موسكو", s, e) for s, e in spans] == [
        "قال", "كيمُ", "موسكو"
    ]  # fmt: skip


def test_find_exact_highlights_only_the_spelling() -> None:
    text = "إسرائيل واسرائيل لإسرائيل"
    spans = find_matches(parse_query("إسرائيل", exact=True), text)
    assert [utf16_slice(text, s, e) for s, e in spans] == ["إسرائيل", "لإسرائيل"]
    assert len(find_matches(parse_query("إسرائيل"), text)) == 3
