"""Tests for reader.text.query: parsing, FTS5 MATCH strings, the reference matcher, highlights."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reader.text.exact import exact_index_text, exact_pairs
from reader.text.fts import QueryTooBroad
from reader.text.normalize import index_text, tokens, tokens_with_offsets
from reader.text.query import Term, document_matches, find_matches, fts_match, parse_query, variants

SEED_PATH = Path(__file__).resolve().parent.parent / "resources/articles/000_0230be639b82ca88.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
PARAGRAPHS = [line.strip() for line in SEED.splitlines() if len(line.split()) >= 4]

FATHA, DAMMA, KASRA, SHADDA, SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"
HARAKAT = [FATHA, DAMMA, KASRA, SHADDA, SUKUN, "\u064b", "\u064c", "\u064d"]


def utf16_slice(text: str, start: int, end: int) -> str:
    data = text.encode("utf-16-le", "surrogatepass")
    return data[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")


def matches(query: str, doc: str) -> bool:
    return document_matches(parse_query(query), tokens(doc))


# --- parsing ----------------------------------------------------------------------------------


def test_parse_words() -> None:
    assert parse_query("الرئيس الروسي") == [
        Term(("الرئيس",), False),
        Term(("الروسي",), False),
    ]
    # normalized like the index; a repeated word is one term
    assert parse_query("  إسرائيل\tالرَّئِيس  اسرائيل ") == [
        Term(("اسرائيل",), False),
        Term(("الرئيس",), False),
    ]


def test_parse_phrases() -> None:
    assert parse_query('"الرئيس الروسي" بوتين') == [
        Term(("الرئيس", "الروسي"), False),
        Term(("بوتين",), False),
    ]
    assert parse_query("«الرئيس الروسي»") == [Term(("الرئيس", "الروسي"), False)]
    assert parse_query("“Kim Jong Un”") == [Term(("kim", "jong", "un"), False)]
    # an unbalanced quote closes at the end
    assert parse_query('كيم "الرئيس الروسي') == [
        Term(("كيم",), False),
        Term(("الرئيس", "الروسي"), False),
    ]
    # empty phrases vanish
    assert parse_query('"" كيم " ،"') == [Term(("كيم",), False)]


def test_parse_prefix() -> None:
    assert parse_query("رئيس*") == [Term(("رئيس",), True)]
    assert parse_query("رئيس* كيم") == [Term(("رئيس",), True), Term(("كيم",), False)]
    assert parse_query('"الرئيس الرو*"') == [Term(("الرئيس", "الرو"), True)]
    assert parse_query('"الرئيس الرو"*') == [Term(("الرئيس", "الرو"), True)]
    # a star that is not trailing is punctuation
    assert parse_query("*رئيس") == [Term(("رئيس",), False)]
    assert parse_query("رئيس *") == [Term(("رئيس",), False)]


def test_one_word_that_folds_to_several_tokens_is_a_phrase() -> None:
    assert parse_query("15سبتمبر") == [Term(("15", "سبتمبر"), False)]
    assert parse_query("سو-35") == [Term(("سو", "35"), False)]
    assert parse_query("سو-3*") == [Term(("سو", "3"), True)]


def test_fts_operators_are_plain_words() -> None:
    assert parse_query("NEAR AND OR NOT") == [
        Term(("near",), False),
        Term(("and",), False),
        Term(("or",), False),
        Term(("not",), False),
    ]
    assert parse_query("-كيم ^بوتين body:روسيا (سيول)") == [
        Term(("كيم",), False),
        Term(("بوتين",), False),
        Term(("body", "روسيا"), False),
        Term(("سيول",), False),
    ]


@pytest.mark.parametrize(
    "query", ["", "   ", "\t\n", "*", "* **", '"', '""', '" "', "؟!،", "-", "()"]
)
def test_queries_without_tokens(query: str) -> None:
    assert parse_query(query) == []
    assert fts_match([]) == '""'
    assert not document_matches([], tokens(SEED))
    assert find_matches([], SEED) == []


# --- variants ---------------------------------------------------------------------------------


def test_variants() -> None:
    assert variants("رئيس") == [
        "رئيس",
        "ورئيس",
        "فرئيس",
        "برئيس",
        "كرئيس",
        "لرئيس",
        "الرئيس",
        "والرئيس",
        "فالرئيس",
        "بالرئيس",
        "كالرئيس",
        "للرئيس",
    ]
    # ال + word: و/ف/ب/ك + word, and the ل + ال contraction
    assert {"والرئيس", "فالرئيس", "بالرئيس", "كالرئيس", "للرئيس"} <= set(variants("الرئيس"))
    # ... which with a stem starting with ل drops one more lam
    assert "لله" in variants("الله")
    assert "للحم" in variants("اللحم")
    assert "لللحم" not in variants("اللحم")
    # ألمانيا folds to المانيا: the other clitics still make real words
    assert {"لالمانيا", "الالمانيا", "بالمانيا"} <= set(variants("المانيا"))
    # only Arabic words of two letters or more
    assert variants("و") == ["و"]
    assert variants("kim") == ["kim"]
    assert variants("2023") == ["2023"]
    assert len(variants("كيم")) == len(set(variants("كيم")))


# --- the reference matcher ------------------------------------------------------------------


@pytest.mark.parametrize(
    "clitic", ["و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل"]
)
def test_each_clitic(clitic: str) -> None:
    assert matches("رئيس", f"قال {clitic}رئيس اليوم")
    assert matches("رئيس*", f"قال {clitic}رئيسة اليوم")


def test_clitics_after_normalization() -> None:
    assert matches("إسرائيل", "قال لإسرائيل")
    assert matches("إسرائيل", "أمريكا وإسرائيل")
    assert matches("رئيس", "الرئيس")
    assert matches("رئيس", "والرئيس")
    assert matches("رئيس", "للرئيس")
    assert matches("الرئيس", "للرئيس")
    assert matches("الرئيس", "والرئيس")
    assert matches("الرئيس", "بالرئيس")
    assert matches("ألمانيا", "سافر لألمانيا")
    assert matches('"الرئيس الروسي"', "قال للرئيس الروسي")


def test_no_false_positives() -> None:
    assert not matches("رئيس", "الرئيسي")  # a longer word, not a prefix query
    assert not matches("رئيس", "مرئيس")  # م is no clitic
    assert not matches("رئيس", "ورئيسة")
    assert not matches("كيم", "كومسومولسك")
    assert not matches("سو*", "كومسومولسك ماتسونو")
    assert not matches("رئيس", "رئي س")
    assert not matches('"الرئيس الروسي"', "الرئيس قال الروسي")
    assert not matches('"الرئيس الروسي"', "الروسي الرئيس")
    # only the first word of a phrase takes clitics (FTS5 cannot OR inside a phrase)
    assert not matches('"الرئيس روسي"', "الرئيس الروسي")
    # every term must match
    assert not matches("كيم بوتين", "كيم وحده")
    # short and non-Arabic words are not expanded
    assert not matches("kim", "wkim")
    assert not matches("و", "وو")


def test_prefix_search() -> None:
    assert matches("رئيس*", "رئيسي")
    assert matches("رئيس*", "الرئيسية")
    assert matches("رئيس*", "للرئيسين")
    assert matches('"الرئيس الرو*"', "والرئيس الروسي")
    assert not matches('"الرئيس الرو*"', "الرئيس السوري")


def test_digits_dates_and_spelling() -> None:
    assert matches("سبتمبر", "اليوم الجمعة 15سبتمبر2023، عقب")
    assert matches("2023", "اليوم الجمعة 15سبتمبر2023، عقب")
    assert matches("15سبتمبر", "اليوم الجمعة 15سبتمبر2023، عقب")
    assert matches("٢٠٢٣", "في 2023")
    assert matches("2023", "في ٢٠٢٣")
    assert matches("۲۰۲۳", "في 2023")
    assert matches("الرَّئِيس", "الرئيس")
    assert matches("الرئيس", "الرَّئِيسُ")
    assert matches("كتاب فارسي", "کتاب فارسی")
    assert matches("کتاب فارسی", "كتاب فارسي")
    assert matches("سو-35", "شاهد سو-35")
    assert not matches("سو-35", "سو قال 35")


# --- highlighting -----------------------------------------------------------------------------


def test_find_every_kim_in_the_seed() -> None:
    spans = find_matches(parse_query("كيم"), SEED)
    assert len(spans) == 19  # 17 كيم, بكيم, وكيم
    assert spans[0] == (0, 3)  # the title
    for start, end in spans:
        assert index_text(utf16_slice(SEED, start, end)) in {"كيم", "بكيم", "وكيم"}
    expected = [(t.start, t.end) for t in tokens_with_offsets(SEED) if t.text.endswith("كيم")]
    assert spans == expected


def test_find_prefix_in_the_seed() -> None:
    spans = find_matches(parse_query("سو*"), SEED)
    found = {index_text(utf16_slice(SEED, s, e)) for s, e in spans}
    assert found == {"سو", "سوخوي", "سوليفان", "لسو", "وسو", "السوفيتيه"}
    assert SEED[spans[0][0] : spans[0][1]] == "سوخوي"


def test_find_phrase_in_the_seed() -> None:
    spans = find_matches(parse_query('"كيم جونغ أون"'), SEED)
    assert [utf16_slice(SEED, s, e) for s, e in spans] == ["كيم جونغ أون"] * 2


def test_find_after_astral_characters_and_with_harakat() -> None:
    text = "😀𝄞 قال الرَّئِيسُ، ثم"
    spans = find_matches(parse_query("رئيس"), text)
    assert spans == [(9, 19)]
    assert utf16_slice(text, *spans[0]) == "الرَّئِيسُ"


def test_find_spans_are_sorted_and_merged() -> None:
    text = "قال الرئيس الروسي والرئيس"
    spans = find_matches(parse_query('الروسي "الرئيس الروسي" رئيس'), text)
    assert spans == [(4, 17), (18, 25)]
    # touching spans stay apart
    assert find_matches(parse_query("15 سبتمبر"), "15سبتمبر") == [(0, 2), (2, 8)]


# --- equivalence with SQLite FTS5 ---------------------------------------------------------------

CLITICS = ["و", "ف", "ب", "ك", "ل", "ال", "وال", "بال", "لل"]


def fts_table() -> sqlite3.Connection:
    """A table like the index's: exact terms (reader.text.exact), FTS5's ascii tokenizer."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='ascii')")
    return db


def folded(doc: str) -> list[str]:
    """The folded tokens the index holds for ``doc`` (those of its exact terms)."""
    return [fold for fold, _ in exact_pairs(doc)]


def mutate(word: str, rng: random.Random) -> str:
    """A seed word as other articles might write it."""
    roll = rng.random()
    if roll < 0.15:
        word = rng.choice(CLITICS) + word
    elif roll < 0.22 and word.startswith("ال"):
        word = "لل" + word[2:]
    if rng.random() < 0.2:  # harakat
        word = "".join(c + rng.choice(HARAKAT) if rng.random() < 0.4 else c for c in word)
    if rng.random() < 0.05:
        word = word[:1] + "\u0640" + word[1:]
    if rng.random() < 0.05:
        word = word[:2] + "\u200c" + word[2:]
    if rng.random() < 0.05:
        word = word.replace("لا", "ﻻ")
    if rng.random() < 0.05:
        word = word.replace("ي", "ی").replace("ك", "ک")
    if rng.random() < 0.06:  # a number glued on, sometimes in Arabic-Indic digits
        number = str(rng.choice([15, 19, 35, 2023, 7]))
        if rng.random() < 0.5:
            number = number.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        word = number + word if rng.random() < 0.5 else word + number
    return word


def make_corpus(rng: random.Random, n: int) -> list[str]:
    docs = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 3)):
            words = rng.choice(PARAGRAPHS).split()
            i = rng.randrange(len(words))
            parts.append(" ".join(mutate(w, rng) for w in words[i : i + rng.randint(3, 25)]))
        docs.append(". ".join(parts))
    return docs


def make_queries(rng: random.Random, n: int) -> Iterator[str]:
    words = SEED.split()
    for _ in range(n):
        kind = rng.randrange(7)
        w = rng.choice(words)
        if kind == 0:
            yield w
        elif kind == 1:
            yield w + "*"
        elif kind == 2:
            core = tokens(w)[-1] if tokens(w) else w
            yield core[: rng.randint(2, 4)] + "*"
        elif kind == 3:
            yield f"{w} {rng.choice(words)}"
        elif kind == 4:
            sentence = rng.choice(PARAGRAPHS).split()
            i = rng.randrange(len(sentence))
            yield '"' + " ".join(sentence[i : i + rng.randint(2, 3)]) + '"'
        elif kind == 5:
            sentence = rng.choice(PARAGRAPHS).split()
            i = rng.randrange(len(sentence))
            yield '"' + " ".join(sentence[i : i + 2]) + '*"'
        else:
            yield mutate(w, rng)


def test_fts5_agrees_with_the_reference_matcher() -> None:
    rng = random.Random(20230915)
    docs = make_corpus(rng, 300)
    db = fts_table()
    db.executemany(
        "INSERT INTO t(rowid, body) VALUES (?, ?)", enumerate(map(exact_index_text, docs))
    )
    doc_tokens = [folded(d) for d in docs]
    assert doc_tokens == [tokens(d) for d in docs]  # the same folding as everywhere else

    # FTS5's tokens are exactly ours
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    assert {term for (term,) in db.execute("SELECT term FROM v")} == {
        term for d in docs for term in exact_index_text(d).split()
    }

    queries = [*make_queries(rng, 400), "كيم", "رئيس", "الرئيس", "سو*", "إسرائيل", "بوتين روسيا"]
    hits = clitic_hits = 0
    for query in queries:
        terms = parse_query(query)
        got = {r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts_match(terms),))}
        expected = {i for i, toks in enumerate(doc_tokens) if document_matches(terms, toks)}
        assert got == expected, query
        hits += bool(got)
        if len(terms) == 1 and len(terms[0].words) == 1 and not terms[0].prefix:
            word = terms[0].words[0]
            clitic_hits += any(word not in doc_tokens[i] for i in got)
    # The test means something only if most queries find documents, some only via clitics.
    assert hits > 0.8 * len(queries)
    assert clitic_hits > 20


fts_text = st.text(
    st.one_of(
        st.sampled_from("\"*()-+:^{}[],.'` \t\nANDORNOTNEAR"),
        st.sampled_from("الرئيسكيمبوتينو"),
        st.sampled_from("ًٌٍَُِّْـ\u200c٢٠ﻻ"),
        st.characters(),
    ),
    max_size=40,
)


@given(query=fts_text, doc=fts_text)
@example(query='"', doc="")
@example(query='a" OR "b', doc='a" OR "b')
@example(query="NEAR(a b, 2)", doc="near a b")
@example(query='"a b"~2', doc="b x a")
@example(query='"كيم"~0 "~"~', doc="كيم ~")
@example(query="col:word", doc="col word")
@example(query="*", doc="")
@example(query='" "*', doc="")
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_query_is_valid_fts5_and_agrees_with_the_reference(query: str, doc: str) -> None:
    db = fts_table()
    db.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", (exact_index_text(doc),))
    terms = parse_query(query)
    try:
        match = fts_match(terms)
    except QueryTooBroad:  # a near group of many Arabic words, written out whole
        assume(False)
    rows = db.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()
    assert bool(rows) == document_matches(terms, folded(doc))


@given(st.lists(st.sampled_from(["رئيس", "الرئيس", "كيم", "روسيا", "سو"]), max_size=4), st.data())
@settings(max_examples=300, deadline=None)
def test_generated_documents_agree_with_fts5(words: list[str], data: st.DataObject) -> None:
    doc_words = data.draw(
        st.lists(
            st.builds(
                lambda clitic, word, mark: clitic + word + mark,
                st.sampled_from(["", *CLITICS, "م"]),
                st.sampled_from(["رئيس", "الرئيس", "رئيسي", "كيم", "روسيا", "سوخوي", "سو"]),
                st.sampled_from(["", FATHA, "ة", "2023"]),
            ),
            max_size=8,
        )
    )
    prefix = data.draw(st.booleans())
    phrase = data.draw(st.booleans())
    query = " ".join(w + ("*" if prefix else "") for w in words)
    if phrase:
        query = '"' + query + '"'
    doc = " ".join(doc_words)
    db = fts_table()
    db.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", (exact_index_text(doc),))
    terms = parse_query(query)
    rows = db.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts_match(terms),)).fetchall()
    assert bool(rows) == document_matches(terms, folded(doc))
