"""Huge texts are worked on in bounded slices, with the results of working on them whole.

Small libraries are indexed on a thread of the GUI's process, so no single C call may run
over megabytes (it would hold the interpreter, and freeze the window, for a tenth of a
second). These tests compare the sliced code with the rules as first written, applied to
whole texts; timing is left out, the slicing itself is checked instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.library.reading import read_entry
from reader.text import _fast, decoding, identity, normalize, words
from reader.text import direction as arabic
from reader.text.article import Article, Block, BlockKind, parse_article
from reader.text.decoding import decode_bytes
from reader.text.direction import (
    PARAGRAPH_SAMPLE,
    article_direction,
    paragraph_direction,
    strong_counts,
)
from reader.text.exact import split_term
from reader.text.identity import article_id
from reader.text.normalize import index_text, index_texts, tokens

from conftest import SEED_PARAGRAPHS, long_body

HEADER = "عنوان مقال طويل جدا\nأ ف ب\n2020-01-01\n\n"


body = long_body


@contextlib.contextmanager
def slices_of(module, size: int, name: str = "SLICE"):
    """Make ``module`` (the text modules' _fast by default) cut its work into slices of
    ``size`` characters (or bytes)."""
    saved = getattr(module, name)
    setattr(module, name, size)
    try:
        yield
    finally:
        setattr(module, name, saved)


# --- the rules as first written, on whole texts -----------------------------------------------


def reference_id_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    dropped = {
        ord(c): None
        for c in set(text)
        if c == "\u0640" or unicodedata.category(c) in ("Mn", "Me", "Cf")
    }
    return re.findall(r"[^\W_]+", text.translate(dropped).casefold())


def reference_id(a: Article) -> str:
    words: list[str] = []
    for block in a.blocks:  # whole paragraphs, however long
        words.extend(reference_id_words(block.text))
        if len(words) >= 64:
            break
    parts = (
        "qari-article-v1",
        " ".join(reference_id_words(a.title)),
        a.date.isoformat() if a.date else "",
        " ".join(reference_id_words(a.source)),
        " ".join(words[:64]),
    )
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def reference_word_count(text: str) -> int:
    return len(text.split()) - len(re.findall(r"\s(?:[^\w\s]|_)+(?=\s)", f" {text} "))


def reference_words(a: Article) -> int:
    return reference_word_count("\n".join((a.title, *(b.text for b in a.blocks))))


def reference_direction(texts: list[str]) -> str:
    rtl = ltr = 0
    for text in texts:
        r, l_ = strong_counts(text)
        rtl, ltr = rtl + r, ltr + l_
    return "rtl" if rtl >= ltr else "ltr"


# --- huge files, as read for the library --------------------------------------------------------


@pytest.fixture(scope="module")
def huge(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("huge")
    files = {
        "line": HEADER + body(2_000_000, " ") + "\n",  # a single 2 MB line
        "long": HEADER + body(20_000_000, "\n\n") + "\n",  # 20 MB of paragraphs
        "untitled": body(2_000_000, " ") + "\n",  # no headline: the title is an excerpt
    }
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, "utf-8")
    return paths


@pytest.mark.parametrize("name", ["line", "untitled"])
def test_a_2mb_line_keeps_its_id_words_title_and_direction(huge, name):
    text = huge[name].read_text("utf-8")
    a = parse_article(text)
    line = max(a.blocks, key=lambda b: len(b.text))  # the rest is a caption split off
    assert len(a.blocks) <= 2 and len(line.text) > 1_900_000
    assert article_id(a) == reference_id(a)
    assert a.words == reference_words(a)
    if name == "untitled":
        assert a.title == " ".join(line.text.split()[:12]) + "…"
    entry = read_entry(str(huge[name])).entry
    assert entry.id == reference_id(a) and entry.words == a.words
    texts = [a.title, *(b.text for b in a.blocks)]
    assert entry.direction == reference_direction(texts) == "rtl"


def test_a_20mb_article_keeps_its_id_and_direction(huge):
    a = parse_article(huge["long"].read_text("utf-8"))
    assert len(a.blocks) > 10_000
    assert article_id(a) == reference_id(a)
    read = read_entry(str(huge["long"]))
    assert read.entry.id == reference_id(a)
    assert read.entry.direction == reference_direction([a.title, *(b.text for b in a.blocks)])
    assert read.entry.words == a.words == reference_words(a)
    # every paragraph's tokens, in order (the folded part of each exact term)
    indexed = [split_term(term)[0] for term in read.body_text.split()]
    first, last = tokens(a.blocks[0].text), tokens(a.blocks[-1].text)
    assert indexed[: len(first)] == first and indexed[-len(last) :] == last
    assert len(indexed) == sum(len(tokens(b.text)) for b in a.blocks)


def test_one_giant_paragraph_does_not_outvote_a_long_article(tmp_path):
    # Each paragraph counts by its opening PARAGRAPH_SAMPLE characters: a 300,000-character
    # English tail after twice that many Arabic characters does not make the article
    # left-to-right.
    arabic_part = body(2 * PARAGRAPH_SAMPLE + 1000, "\n\n")
    path = tmp_path / "mixed.txt"
    path.write_text(HEADER + arabic_part + "\n\n" + "English words. " * 20_000 + "\n", "utf-8")
    assert read_entry(str(path)).entry.direction == "rtl"
    short = tmp_path / "short.txt"
    short.write_text(HEADER + SEED_PARAGRAPHS[0] + "\n\n" + "English words. " * 200 + "\n", "utf-8")
    a = parse_article(short.read_text("utf-8"))
    expected = reference_direction([a.title, *(b.text for b in a.blocks)])
    assert read_entry(str(short)).entry.direction == expected == "ltr"


# --- the slicing itself ---------------------------------------------------------------------------


def test_index_texts_folds_slice_by_slice(monkeypatch):
    seen: list[int] = []
    fold = normalize._fold_tokens

    def recording(text: str, collapse: bool = True) -> str:
        seen.append(len(text))
        return fold(text, collapse)

    text = body(1_000_000, " ")
    whole = fold(text)  # the reference: all of it in one go
    monkeypatch.setattr(normalize, "_fold_tokens", recording)
    assert index_texts([text, text]).split() == (whole + " " + whole).split()
    assert max(seen) <= _fast.SLICE and len(seen) > 2 * len(text) // _fast.SLICE
    seen.clear()
    assert index_text(text) == whole
    assert max(seen) <= _fast.SLICE


_PIECES = st.lists(
    st.sampled_from(
        ["كلمة", "word", " ", "  ", "\n", "\n\n", "\u00a0", "\t", "-", "(أ ف ب)  ", ".", "ً",
         "\u200f", "_", "١٥", "x" * 9, "Ж", "中", "\ufeff", "2023-09-15", "كاريكاتير"]
    )
    | st.text(max_size=4),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.integers(1, 12))
def test_articles_parse_the_same_in_tiny_slices(text, size):
    whole = parse_article(text)
    with slices_of(_fast, size), slices_of(identity, max(size, 2), "_ID_WINDOW"):
        sliced = parse_article(text)
        assert sliced == whole
        assert sliced.words == whole.words == reference_words(whole)
        if not any(re.search(f"[^ ]{{{size}}}", b.text) for b in whole.blocks):
            assert article_id(sliced) == article_id(whole)  # cut after spaces only


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=4), st.integers(1, 12))
def test_index_text_is_the_same_in_tiny_slices(texts, size):
    joined = "\n".join(texts)
    whole = index_text(joined)
    with slices_of(_fast, size):
        sliced = index_texts(texts)
        if not re.search(f"[^ \n]{{{size}}}", joined):  # else a token may be cut in two
            assert sliced.split() == whole.split()
            assert index_text(joined) == whole


@settings(max_examples=300, deadline=None)
# A letter python-bidi knows as strong and unicodedata doesn't, before the Arabic.
@example(["\U00018d09كلمةAA"], 1)
@given(st.lists(_PIECES, max_size=4), st.integers(1, 12))
def test_directions_are_the_same_in_tiny_slices(texts, size):
    joined = "\n".join(texts)
    expected = [reference_direction(texts), strong_counts(joined)]
    expected += [paragraph_direction(joined, d) for d in ("rtl", "ltr")]
    with slices_of(_fast, size):
        got = [article_direction(texts), strong_counts(joined)]
        got += [paragraph_direction(joined, d) for d in ("rtl", "ltr")]
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=60),
    st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1256", "utf-32"]),
    st.integers(1, 9),
)
def test_decoding_is_the_same_in_tiny_slices(text, codec, size):
    def outcome(data: bytes) -> tuple[str, str] | str:
        try:
            decoded = decode_bytes(data)
            return decoded.text, decoded.encoding
        except decoding.DecodeError as err:
            return str(err)

    data = text.encode(codec, "replace")
    for damaged in (data, data[:-1], data + b"\xff"):
        whole = outcome(damaged)
        with slices_of(_fast, size, "DECODE_SLICE"):
            assert outcome(damaged) == whole


def test_letters_and_words_are_classified_like_the_unicode_database():
    # The byte tables behind article_direction and Article.words, checked against
    # strong_counts and the regexes for every character of the first planes.
    rng = random.Random(1)
    chars = [chr(cp) for cp in range(0x30000) if not 0xD800 <= cp <= 0xDFFF]
    chars += ["\ud800", "\U0010fffd"]
    rng.shuffle(chars)
    for i in range(0, len(chars), 64):
        text = " ".join(chars[i : i + 32]) + "".join(chars[i + 32 : i + 64])
        assert arabic._letter_counts(text) == strong_counts(text)
        assert words.count_words(text) == reference_word_count(text)
        assert identity._alnum_runs(text) == re.findall(r"[^\W_]+", text)


def test_huge_title_excerpts_are_cut():
    blob = "ب" * 50_000
    a = parse_article(f"{blob} و{blob}\n")
    assert len(a.title) <= 1001 and a.title.endswith("…")
    assert a.blocks == (Block(BlockKind.PARAGRAPH, f"{blob} و{blob}"),)


def test_ids_words_and_directions_look_at_bounded_pieces(monkeypatch, huge):
    a = parse_article(huge["line"].read_text("utf-8"))
    seen: dict[str, list[int]] = {"id": [], "letters": [], "words": []}

    def recording(name, function):
        def record(text, *args):
            seen[name].append(len(text))
            return function(text, *args)

        return record

    monkeypatch.setattr(identity, "_id_words", recording("id", identity._id_words))
    monkeypatch.setattr(arabic, "_letter_counts", recording("letters", arabic._letter_counts))
    monkeypatch.setattr(words, "count_words", recording("words", words.count_words))
    article_id(a)
    article_direction([a.title, *(b.text for b in a.blocks)])
    assert a.words
    assert max(seen["id"]) <= identity._ID_WINDOW
    assert max(seen["letters"]) <= _fast.SLICE and max(seen["words"]) <= _fast.SLICE
