"""A line of a news file as the parser sees it: cleaned, and the characters that shape it.

Qt-free. Shared by the header rules (:mod:`reader.text.header`) and the body rules
(:mod:`reader.text.article`), which must agree on what a clean line, a dash, a bullet or
a sentence end is.
"""

from __future__ import annotations

import re

from reader.text import _fast
from reader.text.normalize import fold_alef
from reader.text.sanitize import INVISIBLE

# Stripped from both ends of a line: invisible characters must not keep it "non-empty".
STRIP = " " + INVISIBLE
DASH = r"\-\u2010-\u2015\u2212"  # hyphen, en/em dashes, minus (a regex class body)
SENTENCE_END = ".!?\u061f\u2026\u06d4:;\u061b,\u060c"  # incl. Arabic ؟ ؛ ،
SEPARATORS = " |,\u060c:;/\\\u00b7\u2022()[]" + "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

ALNUM = re.compile(r"[^\W_]")
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W_]+")
BULLET = re.compile(rf"^(?:[{DASH}\u2022\u00b7\u25aa\u25cf\u25e6*]|\d{{1,3}}[.)])")


def fold(s: str) -> str:
    """Comparison key: hamza-less alef, no tatweel, case-folded."""
    return fold_alef(s).replace("\u0640", "").casefold()


def is_decoration(line: str) -> bool:
    """Rules like "***", "-----", "…": no letter or digit at all."""
    return ALNUM.search(line) is None


def clean(s: str) -> str:
    """Collapse every whitespace run (NBSP included) to one space and strip invisibles."""
    # str.split() and the regex \s agree on what whitespace is; split/join is ~5x faster.
    if len(s) > _fast.SLICE:
        return clean_long(s)
    return " ".join(s.split()).strip(STRIP)


def clean_long(s: str) -> str:
    """clean() of a long line, slice by slice: the same result as " ".join(s.split())."""
    out: list[str] = []
    space = False  # whitespace since the last word kept
    for start, end in _fast.spans(s):
        piece = s[start:end]
        words = piece.split()
        if words:
            if out and (space or piece[0].isspace()):
                out.append(" ")
            out.append(" ".join(words))  # no space: the cut was inside a word
            space = piece[-1].isspace()
        else:
            space = True
    return "".join(out).strip(STRIP)
