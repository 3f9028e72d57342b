"""The text modules' fast paths: one byte per character, and work in bounded slices. Qt-free.

Private to ``reader.text``. The word counter, the letter counter behind directions, the
article id and the search folding share two habits, kept here once:

* **Charmap tables.** ``str.translate``, ``unicodedata`` and Unicode regexes cost tens of
  nanoseconds per character. A :class:`Charmap` encodes text one byte per character with a
  charmap codec (one C loop over a lookup table) over 256 characters, ASCII and the
  everyday characters of a news text; ``bytes.translate``, ``count`` and ``split`` then do
  the rest in C. Each run of characters outside the table reaches a codec error handler
  that renders it by the slow rule: :func:`error_handler` registers those, and is the only
  caller of ``codecs.register_error`` (handlers are process-wide, so their names must not
  collide).
* **Slices.** No single C call may run over megabytes: small libraries are indexed on a
  thread of the GUI's own process, and one call over a 2 MB line froze the window for a
  tenth of a second. Long texts are worked on in slices of :data:`SLICE` characters
  (:func:`spans`, :func:`cut`), runs of short ones in batches of about that size
  (:func:`batches`). Normal articles (a few thousand characters) never reach them.

Tests set :data:`SLICE` and :data:`DECODE_SLICE` to a few characters and compare the
results with those of the whole texts, so the modules read them here at every call
(``_fast.SLICE``) and never keep a copy.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator

# A slice of text: a split, translate or regex scan over it takes a fraction of a millisecond.
SLICE = 1 << 15
# Bytes are decoded (and decoded text scanned for a character) this many at a time: a UTF-8
# decode gets through 256 KiB in about the time a split takes over one SLICE of text.
DECODE_SLICE = 256 * 1024

# The characters of news text the letter, word and id tables hold after ASCII: Arabic
# letters, harakat and digits, Persian letters, punctuation, quotes and dashes, NBSP, the
# zero-width and bidi controls. Exactly 128, so the table needs no padding.
NEWS_CHARS = (
    "\u0621-\u064a\u064b-\u0655\u0660-\u066d\u0670\u0671\u060c\u061b\u061f"
    "\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc\u06f0-\u06f9"
    "\u00a0\u00ab\u00bb\u00ad\u00b0\u00b7\u00d7\u00e9"
    "\u2010-\u2015\u2018-\u201f\u2022\u2026\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
)

_RANGE = re.compile("(.)(?:-(.))?", re.DOTALL)
# Slots a spec leaves free: private-use characters, which no rule here calls a letter.
_PADDING = 0xF700


def expand(spec: str) -> list[str]:
    """The characters of a regex class body made of single characters and a-b ranges."""
    chars: list[str] = []
    for first, last in _RANGE.findall(spec):
        chars.extend(map(chr, range(ord(first), ord(last or first) + 1)))
    return chars


class Charmap:
    """A one-byte-per-character codec over ASCII, the characters of ``spec``, then padding.

    Byte ``i`` stands for ``chars[i]``; a table classifies the 256 characters once, and a
    ``bytes.translate`` then classifies a whole text.
    """

    __slots__ = ("_map", "chars")

    def __init__(self, spec: str) -> None:
        chars = [chr(cp) for cp in range(128)] + expand(spec)
        if len(chars) > 256:
            raise ValueError(f"a charmap table holds 256 characters, not {len(chars)}")
        chars += [chr(_PADDING + i) for i in range(256 - len(chars))]
        if len(set(chars)) != 256:
            raise ValueError("a charmap table holds each character once")
        self.chars = "".join(chars)
        self._map = codecs.charmap_build(self.chars)

    def bytes_where(self, keep: Callable[[str], object]) -> bytes:
        """The bytes whose characters ``keep`` is true for (a deletion set for translate)."""
        return bytes(i for i, c in enumerate(self.chars) if keep(c))

    def rewriting(self, rewrite: Callable[[str], str]) -> tuple[bytes, bytes]:
        """The (table, deletions) for ``bytes.translate`` that write each character of the
        table as ``rewrite`` says: "" deletes it, any other result must be one character of
        the table (a separator is " ")."""
        slot = {c: i for i, c in enumerate(self.chars)}
        table = bytearray(range(256))
        delete = bytearray()
        for i, c in enumerate(self.chars):
            written = rewrite(c)
            if not written:
                delete.append(i)
            elif written in slot:
                table[i] = slot[written]
            else:  # pragma: no cover - a misconfigured table
                raise AssertionError(f"U+{ord(c):04X} is written {written!r}, not in the table")
        return bytes(table), bytes(delete)

    def encode(self, text: str, errors: str) -> bytes:
        """``text`` one byte per character; ``errors`` (see :func:`error_handler`) renders
        the rest. UnicodeEncodeError if what it renders is outside the table too."""
        return codecs.charmap_encode(text, errors, self._map)[0]

    def decode(self, data: bytes) -> str:
        return codecs.charmap_decode(data, "strict", self.chars)[0]


_HANDLERS: dict[str, str] = {}  # name -> the function registered under it


def error_handler(name: str, render: Callable[[str], str]) -> str:
    """Register "qari-``name``": a codec error handler encoding each run of characters a
    table lacks as ``render(run)``. Returns the name to pass to :meth:`Charmap.encode`."""
    full = f"qari-{name}"
    owner = f"{render.__module__}.{render.__qualname__}"
    if _HANDLERS.setdefault(full, owner) != owner:
        raise ValueError(f"{full} is registered for {_HANDLERS[full]} already")

    def handler(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):  # pragma: no cover - only used to encode
            raise exc
        return render(exc.object[exc.start : exc.end]), exc.end

    codecs.register_error(full, handler)
    return full


def cut(text: str) -> Iterator[str]:
    """``text`` in consecutive slices of SLICE characters, cut anywhere."""
    size = SLICE
    return (text[i : i + size] for i in range(0, len(text), size))


def spans(text: str, breaks: str = " ") -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive slices of ``text``, each at most SLICE characters long
    and ending just after the last of ``breaks`` in it; a slice holding none is cut where
    it ends (maybe inside a word)."""
    start, n, size = 0, len(text), SLICE
    while n - start > size:
        stop = start + size
        end = max(text.rfind(b, start, stop) for b in breaks) + 1
        if end <= start:
            end = stop
        yield start, end
        start = end
    yield start, n


def batches(texts: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """``texts`` in order, in pieces for bounded work: (piece, long).

    Runs of short texts come joined by newlines, at most SLICE characters at a time (the
    newline must be a separator to the caller's rule); a text longer than SLICE comes alone
    and with ``long`` true, for the caller to slice where its rule allows.
    """
    batch: list[str] = []
    size = 0
    for text in texts:
        if size + len(text) > SLICE and batch:
            yield "\n".join(batch), False
            batch.clear()
            size = 0
        if len(text) > SLICE:
            yield text, True
        else:
            batch.append(text)
            size += len(text) + 1
    if batch:
        yield "\n".join(batch), False


NEWS = Charmap(NEWS_CHARS)  # shared by the letter, word and id tables
