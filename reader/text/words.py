"""How many words a text holds: the count behind reading times and the list's word column.

Qt-free. A word is a whitespace-separated token holding a letter or digit ("-", "–" and
"..." are none), so ``count_words(t) == len([w for w in t.split() if any(c.isalnum() for c
in w)])``, computed in C (see :mod:`reader.text._fast`) and, on long texts, in bounded slices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.text import _fast

__all__ = ["count_words", "count_words_in"]

# Words are counted on the text rendered one byte per character: "w" for a letter or digit
# (str.isalnum, as the regex [^\W_]), " " for whitespace (str.isspace, as str.split),
# nothing for anything else; a word is then a run of "w" after a space, and bytes.count
# finds them. Any character outside the table reaches an error handler that renders it
# the same way, one by one.
_TABLE = _fast.NEWS
_ALNUM = re.compile(r"[^\W_]")


def _word_class(c: str) -> str:
    return "a" if c.isalnum() else " " if c.isspace() else ""


_FOLD = bytes(ord("w") if _word_class(c) == "a" else ord(" ") for c in _TABLE.chars)
_DELETE = _TABLE.bytes_where(lambda c: not _word_class(c))


def _render_word_classes(run: str) -> str:
    return "".join(map(_word_class, run))


_ERRORS = _fast.error_handler("word-classes", _render_word_classes)


def count_words(text: str) -> int:
    """The words of ``text`` (one C pass: give it at most a slice, see count_words_in)."""
    classes = _TABLE.encode(text, _ERRORS).translate(_FOLD, _DELETE)
    return classes.count(b" w") + classes.startswith(b"w")


def count_words_in(texts: Iterable[str]) -> int:
    """count_words("\\n".join(texts)), in slices of at most about SLICE characters."""
    total = 0
    for text, long in _fast.batches(texts):
        total += _count_words_long(text) if long else count_words(text)
    return total


def _has_alnum(token: str) -> bool:
    return _ALNUM.search(token) is not None


def _count_words_long(s: str) -> int:
    """count_words(s) of a long text, slice by slice.

    A slice that ends inside a word (no space in SLICE characters) splits it in two
    tokens: they are counted once, as the whole token, when either holds a letter or digit.
    """
    total = 0
    tail_word = False  # the token running into the current cut has a letter or digit
    for start, end in _fast.spans(s):
        piece = s[start:end]
        total += count_words(piece)
        joined = start > 0 and not s[start - 1].isspace() and not piece[0].isspace()
        if joined:
            head_word = _has_alnum(piece.split(None, 1)[0])
            total -= tail_word and head_word
        if end < len(s) and not piece[-1].isspace():
            tokens = piece.rsplit(None, 1)
            whole = len(tokens) == 1 and not piece[0].isspace()  # the piece is one token
            tail_word = _has_alnum(tokens[-1]) or (joined and whole and tail_word)
    return total
