"""The direction of a paragraph and of an article, for Arabic news. Qt-free."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

from bidi import get_base_level

__all__ = [
    "article_direction",
    "paragraph_direction",
    "strong_counts",
]

_RTL_CLASSES = frozenset(("R", "AL"))

# Latin letters must outnumber Arabic ones (or vice versa) by more than this factor
# before the majority decides; below it the first strong character does.
_DOMINANCE = 2

# Long texts are looked at in slices of this many characters, so that no single C call
# holds the interpreter for long (the GUI reads small libraries on a thread of its own).
_SLICE = 1 << 15


def strong_counts(text: str) -> tuple[int, int]:
    """Return (rtl, ltr): characters of bidi class R/AL and of class L in ``text``."""
    # Counter tallies in C; the Python loop then only sees each distinct character once.
    counts = Counter(text) if len(text) <= _SLICE else Counter()
    if len(text) > _SLICE:  # slice by slice: no single C call over megabytes
        for start in range(0, len(text), _SLICE):
            counts.update(text[start : start + _SLICE])
    rtl = ltr = 0
    for ch, n in counts.items():
        cls = unicodedata.bidirectional(ch)
        if cls == "L":
            ltr += n
        elif cls in _RTL_CLASSES:
            rtl += n
    return rtl, ltr


def paragraph_direction(text: str, default: str = "rtl") -> str:
    """Return "rtl" or "ltr" for one paragraph; ``default`` if it has no strong letter.

    Unlike Qt's first-strong-character rule, a date line keeps ``default`` and an Arabic
    paragraph opening with "BBC:" stays RTL: the clear majority of strong letters wins,
    and only when neither side has twice the other does UAX #9 P2-P3 decide.
    """
    if default not in ("rtl", "ltr"):
        raise ValueError(f"default must be 'rtl' or 'ltr', not {default!r}")
    rtl, ltr = strong_counts(text)
    if rtl == 0 and ltr == 0:
        return default
    if ltr > _DOMINANCE * rtl:
        return "ltr"
    if rtl > _DOMINANCE * ltr:
        return "rtl"
    p2_input = _first_strong_input(text) if len(text) <= _SLICE else ""
    # P2 only looks as far as the first strong letter: on a long text, the text up to the
    # end of the first slice holding one will do. The whole prefix, not that slice alone:
    # python-bidi's Unicode data may call strong a letter that unicodedata does not know.
    for start in range(0, len(text), _SLICE) if len(text) > _SLICE else ():
        if any(strong_counts(text[start : start + _SLICE])):
            p2_input = _first_strong_input(text[: start + _SLICE])
            break
    try:
        # Only reached with a strong letter present: get_base_level answers LTR for
        # neutral-only text and raises ValueError on "".
        return "rtl" if get_base_level(p2_input) else "ltr"
    except ValueError:
        return default


def article_direction(texts: Iterable[str]) -> str:
    """Return "rtl" if Arabic letters are at least as many as Latin ones overall, else "ltr"."""
    rtl = ltr = 0
    for piece in _pieces(texts):
        r, l_ = _letter_counts(piece)
        rtl += r
        ltr += l_
    return "rtl" if rtl >= ltr else "ltr"


def _pieces(texts: Iterable[str]) -> Iterator[str]:
    """The texts in pieces of at most _SLICE characters: short ones joined by newlines (no
    letters), long ones cut anywhere (letters are counted one by one)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if size + len(text) > _SLICE and batch:
            yield "\n".join(batch)
            batch.clear()
            size = 0
        if len(text) > _SLICE:
            yield from (text[i : i + _SLICE] for i in range(0, len(text), _SLICE))
        else:
            batch.append(text)
            size += len(text) + 1
    if batch:
        yield "\n".join(batch)


# Letters are counted on the text rendered one byte per character by a charmap codec (a C
# loop over a lookup table): each character of the table becomes a byte standing for it, and
# a translate deleting all but the R/AL (or L) bytes leaves as many bytes as such letters.
# The 256 characters of the table are ASCII and the everyday characters of Arabic news; any
# other character reaches an error handler that renders it as "ا" (R/AL), "a" (L) or nothing,
# classified like strong_counts does. (This runs for every file indexed.)
_TABLE_CHARS = (
    "\u0621-\u064a\u064b-\u0655\u0660-\u066d\u0670\u0671\u060c\u061b\u061f"
    "\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc\u06f0-\u06f9"
    "\u00a0\u00ab\u00bb\u00ad\u00b0\u00b7\u00d7\u00e9"
    "\u2010-\u2015\u2018-\u201f\u2022\u2026\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
)


def _build_letter_table() -> tuple[object, bytes, bytes]:
    chars = [chr(cp) for cp in range(128)]
    for start, end in re.findall("(.)(?:-(.))?", _TABLE_CHARS):
        chars.extend(map(chr, range(ord(start), ord(end or start) + 1)))
    if len(chars) != 256 or len(set(chars)) != 256:
        raise AssertionError("the letter table must hold 256 characters")  # pragma: no cover
    classes = [unicodedata.bidirectional(c) for c in chars]
    not_rtl = bytes(i for i, cls in enumerate(classes) if cls not in _RTL_CLASSES)
    not_ltr = bytes(i for i, cls in enumerate(classes) if cls != "L")
    return codecs.charmap_build("".join(chars)), not_rtl, not_ltr


_LETTER_MAP, _NOT_RTL, _NOT_LTR = _build_letter_table()
_LETTER_ERRORS = "qari-strong-letters"


def _render_strong(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):  # pragma: no cover - only used to encode
        raise exc
    rtl, ltr = strong_counts(exc.object[exc.start : exc.end])
    return "\u0627" * rtl + "a" * ltr, exc.end


codecs.register_error(_LETTER_ERRORS, _render_strong)


def _letter_counts(text: str) -> tuple[int, int]:
    """strong_counts(text), at a fraction of the cost."""
    data = codecs.charmap_encode(text, _LETTER_ERRORS, _LETTER_MAP)[0]
    return len(data.translate(None, _NOT_RTL)), len(data.translate(None, _NOT_LTR))


# For get_base_level: bidi controls go (display_safe drops them too, and P2 would skip
# isolated text), paragraph separators become spaces so P2 scans the whole paragraph
# rather than its first line, and surrogates go because the Rust side needs UTF-8.
_INVISIBLE_TO_P2 = re.compile("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_PARAGRAPH_SEPARATORS = re.compile("[\n\r\x1c-\x1e\x85\u2029]")


def _first_strong_input(text: str) -> str:
    return _INVISIBLE_TO_P2.sub("", _PARAGRAPH_SEPARATORS.sub(" ", text))
