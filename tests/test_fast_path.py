"""The text modules' one fast-path machinery (reader.text._fast), and that it is the one.

The word counter, the letter counter, the article id and the search folding compare their
fast paths with reference rules in their own tests (test_long_texts, test_normalize, ...);
here the shared pieces are checked on their own, and the source is checked for copies.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import _fast, direction, identity, normalize, words

READER = Path(__file__).resolve().parent.parent / "reader"


@contextlib.contextmanager
def slice_size(size: int):
    saved, _fast.SLICE = _fast.SLICE, size
    try:
        yield
    finally:
        _fast.SLICE = saved


# --- tables and error handlers -------------------------------------------------------------


def test_a_table_is_ascii_then_the_spec_then_padding():
    table = _fast.Charmap("\u0621-\u0623\u00e9")
    assert len(table.chars) == 256 == len(set(table.chars))
    assert table.chars[:132] == "".join(map(chr, range(128))) + "\u0621\u0622\u0623\u00e9"
    assert all(0xE000 <= ord(c) <= 0xF8FF for c in table.chars[132:])  # private use
    assert table.decode(table.encode("abc\u0622\u00e9", "strict")) == "abc\u0622\u00e9"
    assert table.bytes_where(str.isdigit) == b"0123456789"
    with pytest.raises(UnicodeEncodeError):
        table.encode("\u0628", "strict")


def test_the_news_table_needs_no_padding():
    assert len(_fast.expand(_fast.NEWS_CHARS)) == 128
    assert _fast.NEWS.chars[128:] == "".join(_fast.expand(_fast.NEWS_CHARS))


def test_tables_refuse_too_many_or_repeated_characters():
    with pytest.raises(ValueError, match="256"):
        _fast.Charmap("\u0600-\u06ff")
    with pytest.raises(ValueError, match="once"):
        _fast.Charmap("a")


def _shout(run: str) -> str:
    return run.upper()


def _whisper(run: str) -> str:
    return run.lower()


def test_error_handlers_render_runs_and_keep_their_names():
    name = _fast.error_handler("test-shout", _shout)
    assert name == "qari-test-shout"
    assert _fast.error_handler("test-shout", _shout) == name  # again (a module reload)
    table = _fast.Charmap("\u00c9")  # É, and no é
    assert table.decode(table.encode("a\u00e9\u00dfb", name)) == "a\u00c9SSb"
    with pytest.raises(UnicodeEncodeError):  # rendered as Ж, which the table lacks too
        table.encode("\u0436", name)
    with pytest.raises(ValueError, match="already"):
        _fast.error_handler("test-shout", _whisper)


# --- slices and batches ----------------------------------------------------------------------

_TEXT = st.text(st.sampled_from("ab \nج\u00a0"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(1, 9), st.sampled_from([" ", " \n"]))
def test_spans_cover_the_text_and_cut_after_breaks(text, size, breaks):
    with slice_size(size):
        spans = list(_fast.spans(text, breaks))
        pieces = list(_fast.cut(text))
    assert "".join(text[a:b] for a, b in spans) == text == "".join(pieces)
    assert all(a < b or len(text) == 0 for a, b in spans)
    assert [b for _, b in spans[:-1]] == [a for a, _ in spans[1:]]
    for a, b in spans[:-1]:
        assert b - a <= size
        # After a break, unless the slice holds none.
        assert text[b - 1] in breaks or not any(c in breaks for c in text[a : a + size])
    assert all(len(p) <= size for p in pieces)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=8), st.integers(1, 9))
def test_batches_keep_order_and_bounds(texts, size):
    with slice_size(size):
        out = list(_fast.batches(texts))
    assert "\n".join(piece for piece, _ in out) == "\n".join(texts)
    for piece, long in out:
        assert long == (len(piece) > size)
        if long:
            assert piece in texts
    assert sum(long for _, long in out) == sum(len(t) > size for t in texts)


# --- one of each ---------------------------------------------------------------------------------


def _sources() -> dict[str, str]:
    return {str(p.relative_to(READER)): p.read_text("utf-8") for p in READER.rglob("*.py")}


def test_codec_error_handlers_are_registered_in_one_place():
    callers = [name for name, src in _sources().items() if "register_error" in src]
    assert callers == ["text/_fast.py"]
    names = [direction._LETTER_ERRORS, words._ERRORS, identity._ALNUM_ERRORS, normalize._ERRORS]
    assert len(set(names)) == 4
    for name in names:
        codecs.lookup_error(name)  # registered at import, through _fast


def test_the_slice_size_is_defined_once():
    defined = [
        name
        for name, src in _sources().items()
        if re.search(r"^_?(?:DECODE_)?SLICE\s*=|1 << 15", src, re.MULTILINE)
    ]
    assert defined == ["text/_fast.py"]
