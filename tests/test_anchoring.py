"""Anchors in an article's own text (W3C Web Annotation selectors), without Qt."""

from __future__ import annotations

import time

from reader.text.anchoring import (
    CONTEXT_CHARS,
    QUOTE_CHARS,
    Anchor,
    anchor_block,
    anchor_span,
    anchor_words,
    article_text,
    resolve,
)
from reader.text.article import Article, Block, BlockKind, parse_article

from conftest import SEED_FILE

P = BlockKind.PARAGRAPH


def article(*texts: str) -> Article:
    return Article("عنوان", "", None, tuple(Block(P, t) for t in texts))


ARABIC = (
    "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.",
    "وأضاف أن الوفدين اتفقا على جدول أعمال يشمل الطاقة والمياه والحدود.",
    "وكان الطرفان قد علقا المفاوضات في الربيع الماضي بعد خلاف حول الحدود.",
)


def test_the_text_is_the_blocks_joined_by_newlines():
    at = article_text(article(*ARABIC))
    assert at.text == "\n".join(ARABIC)
    assert at.starts == [0, len(ARABIC[0]) + 1, len(ARABIC[0]) + len(ARABIC[1]) + 2]
    assert [at.block_at(s) for s in at.starts] == [0, 1, 2]
    assert at.block_at(at.starts[1] - 1) == 0  # the "\n" belongs to the block before it


def test_a_paragraph_anchor_quotes_its_opening_words_with_context():
    a = article(*ARABIC)
    anchor = anchor_block(a, 1)
    text = article_text(a).text
    assert anchor.block == 1
    assert ARABIC[1].startswith(anchor.quote) and anchor.quote.split() == ARABIC[1].split()[:12]
    assert text[anchor.start : anchor.end] == anchor.quote
    assert anchor.prefix == text[anchor.start - CONTEXT_CHARS : anchor.start]
    assert anchor.prefix.endswith("العاصمة.\n")
    assert anchor.suffix == text[anchor.end : anchor.end + CONTEXT_CHARS]


def test_the_quote_is_at_most_about_80_characters_and_whole_words():
    long_words = " ".join(["Komsomolsk-on-Amur"] * 12)
    anchor = anchor_block(article("Short first.", long_words), 1)
    assert len(anchor.quote) <= QUOTE_CHARS and anchor.quote.endswith("Amur")
    blob = "x" * 500  # no space at all: cut anyway
    assert anchor_block(article(blob), 0).quote == "x" * QUOTE_CHARS


def test_a_span_anchor_and_its_exact_resolution():
    a = article("Kim visited a Russian military aviation plant.", "He watched a test flight.")
    text = article_text(a).text
    start = text.index("test flight")
    anchor = anchor_span(a, start, start + len("test flight"))
    assert (anchor.block, anchor.quote) == (1, "test flight")
    assert anchor.prefix.endswith("He watched a ") and anchor.suffix == "."
    assert resolve(a, anchor) == anchor


def test_an_inserted_paragraph_moves_the_anchor_to_its_text():
    old = article(*ARABIC)
    anchor = anchor_block(old, 2)
    new = article(ARABIC[0], "فقرة جديدة أضيفت في وسط المقال بعد نشره.", ARABIC[1], ARABIC[2])
    found = resolve(new, anchor)
    assert found is not None and found.block == 3
    assert found.quote == anchor.quote and found.start == article_text(new).starts[3]


def test_a_deleted_paragraph_is_not_found():
    anchor = anchor_block(article(*ARABIC), 1)
    assert resolve(article(ARABIC[0], ARABIC[2]), anchor) is None


def test_an_edited_earlier_paragraph_keeps_the_anchor_on_its_paragraph():
    old = article(*ARABIC)
    anchor = anchor_block(old, 1)
    new = article("قال المتحدث إن المحادثات ستستأنف.", ARABIC[1], ARABIC[2])
    found = resolve(new, anchor)
    assert found is not None and found.block == 1 and found.start == article_text(new).starts[1]


def test_harakat_added_or_removed_still_find_the_words():
    plain = "قال الرئيس إن الاتفاق سيوقع غدا في القاهرة بحضور الوزراء."
    voweled = "قَالَ الرَّئِيسُ إِنَّ الاتِّفَاقَ سيوقع غدا في القاهرة بحضور الوزراء."
    anchor = anchor_block(article("مقدمة قصيرة.", plain), 1)
    found = resolve(article("مقدمة قصيرة.", voweled), anchor)
    assert found is not None and found.block == 1
    assert found.quote.startswith("قَالَ الرَّئِيسُ") and voweled.startswith(found.quote)
    old_voweled = anchor_block(article("مقدمة قصيرة.", voweled), 1)
    back = resolve(article("مقدمة قصيرة.", plain), old_voweled)
    assert back is not None and back.block == 1 and plain.startswith(back.quote)


def test_invisible_characters_and_nbsp_count_as_text_offsets():
    # ZWNJ and ZWJ are kept in the article (Persian/Arabic shaping); NBSP in a hand-made one.
    text = "می\u200cخواهم بروم. کتاب\u200dها را\u00a0بخوان."
    a = article("Intro.", text)
    flat = article_text(a).text
    start = flat.index("کتاب")
    anchor = anchor_span(a, start, start + len("کتاب\u200dها"))
    assert anchor.quote == "کتاب\u200dها" and resolve(a, anchor) == anchor
    # The same words without the invisible characters, and a plain space: found loosely.
    moved = article("A new first paragraph.", "Intro.", "میخواهم بروم. کتابها را بخوان.")
    found = resolve(moved, anchor)
    assert found is not None and found.block == 2 and found.quote == "کتابها"
    spaced = anchor_span(a, flat.index(" را") + 1, flat.index("بخوان") + len("بخوان"))
    assert spaced.quote == "را\u00a0بخوان"
    found = resolve(article("Intro.", "کتابها را بخوان."), spaced)
    assert found is not None and found.quote == "را بخوان"


def test_of_several_places_the_one_with_matching_context_wins():
    paragraphs = (
        "The minister said the talks would resume.",
        "Officials in Seoul said the talks would resume.",
        "Diplomats in Tokyo said the talks would resume.",
    )
    a = article(*paragraphs)
    flat = article_text(a).text
    start = flat.index("said the talks", flat.index("Seoul"))
    anchor = anchor_span(a, start, start + len("said the talks"))
    # Shift everything: the position no longer holds, the context tells the places apart.
    moved = article("A new first paragraph.", *paragraphs)
    found = resolve(moved, anchor)
    assert found is not None and found.block == 2 and found.prefix.endswith("in Seoul ")


def test_of_several_places_with_the_same_context_the_closest_wins():
    same = "وقال البيان إن الاجتماع انتهى."
    a = article(*([same] * 6))
    anchor = anchor_block(a, 4)
    # A short paragraph comes first: the copies inside look alike, the nearest is the one.
    moved = article("قصير.", *([same] * 6))
    found = resolve(moved, anchor)
    assert found is not None and found.block == 5


def test_an_anchor_without_a_quote_trusts_its_block_index():
    # What a mark migrated from schema 2 holds: an index, and no words yet.
    a = article(*ARABIC)
    found = resolve(a, Anchor(block=2, start=0, end=0, quote=""))
    assert found == anchor_block(a, 2)
    assert resolve(a, Anchor(block=7, start=0, end=0, quote="")) is None


def test_anchor_words_starts_inside_a_paragraph():
    a = article(*ARABIC)
    at = article_text(a)
    start = at.starts[1] + ARABIC[1].index("اتفقا")
    anchor = anchor_words(a, start)
    assert anchor.block == 1 and anchor.quote.startswith("اتفقا على جدول")
    assert resolve(a, anchor) == anchor


def test_the_seed_paragraphs_all_resolve_to_themselves():
    a = parse_article(SEED_FILE.read_text("utf-8"))
    for index in range(len(a.blocks)):
        anchor = anchor_block(a, index)
        assert resolve(a, anchor) == anchor


def test_resolving_in_a_huge_article_is_fast():
    paragraph = "وقال مسؤول حكومي كبير اليوم الجمعة إن المحادثات مستمرة حتى الآن. " * 20
    blocks = [f"{n} {paragraph}" for n in range(2_000)]  # ~2.7 MB
    old = article(*blocks)
    anchor = anchor_block(old, 1_500)
    new = article("فقرة جديدة في البداية.", *blocks)
    began = time.perf_counter()
    found = resolve(new, anchor)
    assert found is not None and found.block == 1_501
    common = anchor_span(old, 5, 9)  # a word found thousands of times
    assert resolve(new, common) is not None
    assert time.perf_counter() - began < 1.0
