"""A highlight holds whole words: a selection that starts or ends inside a word grows to the
word's edges, and one that starts or ends in spaces or punctuation shrinks to the words."""

from __future__ import annotations

import pytest

from reader.text.anchoring import snap_to_words

# (text, selected [start, end) as a marked-up string, expected selection)
CASES = [
    # Arabic, a drag ending inside a word (جونغ must never be split)
    ("زار كيم جونغ أون المصنع", "زار كيم جو", "زار كيم جونغ"),
    ("زار كيم جونغ أون المصنع", "يم جونغ", "كيم جونغ"),
    # with harakat: the marks belong to their letter
    ("قَالَ الْمُتَحَدِّثُ إِنَّ", "الْمُتَحَ", "الْمُتَحَدِّثُ"),
    ("قَالَ الْمُتَحَدِّثُ إِنَّ", "قَالَ ", "قَالَ"),
    # tatweel and ZWNJ (Persian) inside words
    ("قـــال رئیس\u200cجمهور امروز", "ـال رئیس", "قـــال رئیس\u200cجمهور"),
    # English, punctuation and spaces at the edges shrink away
    ("He watched a test flight, then left.", "atched a te", "watched a test"),
    ("He watched a test flight, then left.", " flight, ", "flight"),
    ("He watched a test flight, then left.", "t, t", "flight, then"),
    # NBSP and digits
    ("سيول\u00a015سبتمبر2023 (أ ف ب)", "5سبت", "15سبتمبر2023"),
]


def _span(text: str, picked: str) -> tuple[int, int]:
    start = text.index(picked)
    return start, start + len(picked)


@pytest.mark.parametrize(("text", "picked", "expected"), CASES)
def test_selection_snaps_to_whole_words(text, picked, expected):
    start, end = snap_to_words(text, *_span(text, picked))
    assert text[start:end] == expected


@pytest.mark.parametrize("picked", [" ", ", ", "(", " (", "\u00a0"])
def test_a_selection_without_a_word_is_none(picked):
    text = "سيول, (أ ف ب)\u00a0قال"
    assert snap_to_words(text, *_span(text, picked)) is None


def test_reversed_and_out_of_range_selections():
    text = "كيم جونغ أون"
    assert snap_to_words(text, 6, 2) == (0, 8)
    assert snap_to_words(text, -5, 100) == (0, len(text))
